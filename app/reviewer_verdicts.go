package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The reviewer's side of answered comments. A pack carries the comments of
// earlier reviews with where each stands; the applicant's answers wait for
// the reviewer, who confirms each (resolved) or reopens it with a note.
// Those waiting come first on their section and are counted in the section
// list, so none is missed.

// commentViews are a section's comments in a pack window: answers awaiting
// a verdict first, then the pack's other comments and this review's own.
func (r *reviewSession) commentViews(s forms.SectionID) []commentView {
	var out []commentView
	for _, i := range r.e.app.CommentsOn(s) {
		c := r.e.app.Comments[i]
		v := commentView{c: c, changed: forms.FieldChangedSince(r.e.app, c)}
		if got, ok := r.review.VerdictOn(c.ID); ok {
			v.verdict = &got
		}
		v.first = c.AwaitingReviewer && v.verdict == nil
		v.actions = r.verdictActions(c, v.verdict != nil)
		out = append(out, v)
	}
	for _, c := range r.review.On(s) {
		id := c.ID
		del := widget.NewButtonWithIcon("Remove", theme.DeleteIcon(), func() { r.onRemove(id) })
		del.Importance = widget.LowImportance
		out = append(out, commentView{c: c, actions: []fyne.CanvasObject{del}})
	}
	return out
}

// verdictActions are the reviewer's buttons under a comment the pack carried.
func (r *reviewSession) verdictActions(c forms.ReviewComment, judged bool) []fyne.CanvasObject {
	var out []*widget.Button
	switch {
	case judged:
		out = append(out, widget.NewButtonWithIcon("Undo my verdict", theme.ContentUndoIcon(), func() { r.onUndoVerdict(c.ID) }))
	case c.AwaitingReviewer:
		confirm := widget.NewButtonWithIcon("Confirm resolved", theme.ConfirmIcon(), func() { r.onConfirm(c) })
		confirm.Importance = widget.HighImportance
		out = append(out, confirm, widget.NewButtonWithIcon("Reopen…", theme.ContentUndoIcon(), func() { r.onReopen(c) }))
	case c.Resolved:
		out = append(out, widget.NewButtonWithIcon("Reopen…", theme.ContentUndoIcon(), func() { r.onReopen(c) }))
	case c.NeedsReviewer():
		out = append(out, widget.NewButtonWithIcon("Resolve", theme.ConfirmIcon(), func() { r.onConfirm(c) }))
	}
	objs := make([]fyne.CanvasObject, len(out))
	for i, b := range out {
		if b.Importance == widget.MediumImportance {
			b.Importance = widget.LowImportance
		}
		objs[i] = b
	}
	return objs
}

// verdictLine says what the reviewer decided about a comment.
func verdictLine(v forms.CommentVerdict) fyne.CanvasObject {
	text := "Your verdict: confirmed resolved"
	if !v.Resolved {
		text = "Your verdict: reopened"
	}
	if v.Note != "" {
		text += " — " + v.Note
	}
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.Importance = widget.SuccessImportance
	if !v.Resolved {
		l.Importance = widget.DangerImportance
	}
	return l
}

func (r *reviewSession) onConfirm(c forms.ReviewComment) {
	r.verdict(r.review.Confirm(c, "", r.e.Today()))
}

// onReopen asks why the answer does not settle the comment.
func (r *reviewSession) onReopen(c forms.ReviewComment) {
	note := widget.NewMultiLineEntry()
	note.Wrapping = fyne.TextWrapWord
	note.SetMinRowsVisible(5)
	note.SetPlaceHolder("What is still missing, so the applicant knows what to do")
	note.Validator = required(forms.ErrVerdictNote)
	about := widget.NewLabel(clipText(c.Text, 400))
	about.Wrapping = fyne.TextWrapWord
	d := dialog.NewForm("Reopen the comment", "Reopen", "Cancel", []*widget.FormItem{
		widget.NewFormItem(c.Kind.Label(), about), widget.NewFormItem("Why", note),
	}, func(ok bool) {
		if ok {
			r.verdict(r.review.Reopen(c, note.Text, r.e.Today()))
		}
	}, r.e.win)
	d.Resize(commentDialogSize)
	d.Show()
	r.e.win.Canvas().Focus(note)
}

func (r *reviewSession) onUndoVerdict(id string) {
	r.review.ClearVerdict(id)
	r.verdict(nil)
}

func (r *reviewSession) verdict(err error) {
	if err != nil {
		showError(r.e.win, "The verdict was not kept", err)
		return
	}
	r.e.showSection(r.e.current)
	r.progressChanged()
}

// progressChanged shows the review's progress again: the section list and
// the banner's summary.
func (r *reviewSession) progressChanged() {
	r.e.nav.Refresh()
	if r.summary != nil {
		r.summary.SetText(r.summaryText())
	}
}

// summaryText is the banner's line on the review so far.
func (r *reviewSession) summaryText() string {
	s := "Your review: " + r.review.Summary() + "."
	waiting := 0
	for _, c := range r.e.app.Comments {
		if _, judged := r.review.VerdictOn(c.ID); c.AwaitingReviewer && !judged {
			waiting++
		}
	}
	if waiting > 0 {
		s += fmt.Sprintf(" %s from the applicant %s for your verdict (marked in the section list).", plural(waiting, "answer"), waits(waiting))
	}
	return s
}

// progressText says how far the review of a section has got, for the
// section list: "2 comments · reviewed · 1 to confirm".
func progressText(p forms.SectionProgress) string {
	var parts []string
	if p.Awaiting > 0 {
		parts = append(parts, fmt.Sprintf("%d to confirm", p.Awaiting))
	}
	if p.Comments > 0 {
		parts = append(parts, plural(p.Comments, "comment"))
	}
	if p.Judged > 0 {
		parts = append(parts, plural(p.Judged, "verdict"))
	}
	if p.Reviewed {
		parts = append(parts, "reviewed")
	}
	if len(parts) == 0 {
		return "not reviewed yet"
	}
	return strings.Join(parts, " · ")
}

// progressMark is a section's icon in the reviewer's list: answers waiting
// first, then reviewed, then commented.
func progressMark(p forms.SectionProgress) fyne.Resource {
	switch {
	case p.Awaiting > 0:
		return theme.NewWarningThemedResource(theme.HistoryIcon())
	case p.Reviewed:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case p.Comments > 0 || p.Judged > 0:
		return theme.NewPrimaryThemedResource(theme.MailComposeIcon())
	}
	return theme.NewDisabledResource(theme.RadioButtonIcon())
}
