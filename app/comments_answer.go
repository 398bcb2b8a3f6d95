package app

import (
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The applicant's side of a review: reply to a comment, mark a change or
// question answered (it then awaits the reviewer, who alone closes it),
// take an answer back, close a suggestion, open a closed comment again.

// commentDialogSize is the size of the dialogs a comment or a reply is
// written in: room for a paragraph without scrolling sideways.
var commentDialogSize = fyne.NewSize(600, 420)

// answerActions are the buttons under comment i, by where it stands.
func (e *Editor) answerActions(i int, c forms.ReviewComment) []fyne.CanvasObject {
	reply := widget.NewButtonWithIcon("Reply…", theme.MailReplyIcon(), func() { e.onReply(i) })
	var state *widget.Button
	switch c.State() {
	case forms.CommentStateOpen:
		if c.NeedsReviewer() {
			state = widget.NewButtonWithIcon("Mark answered", theme.ConfirmIcon(), func() { e.onAnswered(i) })
		} else {
			state = widget.NewButtonWithIcon("Resolve", theme.ConfirmIcon(), func() { e.onAnswered(i) })
		}
	case forms.CommentStateAwaiting:
		state = widget.NewButtonWithIcon("Withdraw answer", theme.ContentUndoIcon(), func() { e.onWithdraw(i) })
	default:
		state = widget.NewButtonWithIcon("Reopen", theme.ContentUndoIcon(), func() { e.onWithdraw(i) })
	}
	reply.Importance, state.Importance = widget.LowImportance, widget.LowImportance
	return []fyne.CanvasObject{reply, state}
}

// onReply asks for a reply to comment i in a dialog as roomy as the one
// the comment was written in, with the cursor in the box. For a change or
// question still open, the reply also marks it answered unless unticked.
func (e *Editor) onReply(i int) {
	if i < 0 || i >= len(e.app.Comments) {
		return
	}
	c := e.app.Comments[i]
	text := widget.NewMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetMinRowsVisible(5)
	text.SetPlaceHolder("What you changed, or your answer to the question")
	text.Validator = required(errors.New("write the reply first"))
	name := widget.NewEntry()
	name.SetText(e.app.Overview.LeadApplicant)
	about := widget.NewLabel(clipText(c.Text, 400))
	about.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem(c.Kind.Label(), about),
		widget.NewFormItem("Reply", text),
		widget.NewFormItem("Your name", name),
	}
	answered := widget.NewCheck("Mark it answered: the reviewer confirms it, or reopens it, in their next review", nil)
	if c.Open() {
		answered.SetChecked(true)
		items = append(items, widget.NewFormItem("", answered))
	}
	d := dialog.NewForm("Reply to "+c.Author, "Reply", "Cancel", items, func(ok bool) {
		if ok {
			e.reply(i, name.Text, text.Text, c.Open() && answered.Checked)
		}
	}, e.win)
	d.Resize(commentDialogSize)
	d.Show()
	e.win.Canvas().Focus(text)
}

// reply adds a reply to comment i, marking it answered if asked.
func (e *Editor) reply(i int, author, text string, answered bool) {
	if i < 0 || i >= len(e.app.Comments) {
		return
	}
	if err := e.app.Comments[i].Reply(author, text, e.Today()); err != nil {
		showError(e.win, "The reply was not added", err)
		return
	}
	if answered {
		e.app.Comments[i].MarkAnswered()
	}
	e.Changed()
	e.showSection(e.current)
}

// onAnswered marks comment i answered (a suggestion: resolved).
func (e *Editor) onAnswered(i int) {
	if i < 0 || i >= len(e.app.Comments) {
		return
	}
	e.app.Comments[i].MarkAnswered()
	e.Changed()
	e.showSection(e.current)
}

// onWithdraw takes an answer back, or opens a closed comment again.
func (e *Editor) onWithdraw(i int) {
	if i < 0 || i >= len(e.app.Comments) {
		return
	}
	e.app.Comments[i].Withdraw()
	e.Changed()
	e.showSection(e.current)
}
