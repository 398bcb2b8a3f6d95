package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Review comments are shown beside the field they are about by the Editor
// itself: after a section screen is built, each comment is placed under
// the widget registered for its field (or the nearest registered parent),
// so section screens need no code of their own for comments. Section
// comments, and any whose field has no widget here, are listed at the top.

// commentView is one comment as a screen shows it, with what can be done.
type commentView struct {
	c       forms.ReviewComment
	changed bool
	// verdict is the reviewer's decision on a comment the pack carried.
	verdict *forms.CommentVerdict
	// first puts the comment at the top of the section, before the fields:
	// in a pack, the answers waiting for the reviewer's verdict.
	first   bool
	actions []fyne.CanvasObject
}

// withComments returns the section screen with its comments placed.
func (e *Editor) withComments(screen fyne.CanvasObject) fyne.CanvasObject {
	views := e.commentViews()
	byObj := map[fyne.CanvasObject][]commentView{}
	var order []fyne.CanvasObject
	var first, top []commentView
	for _, v := range views {
		if v.first {
			first = append(first, v)
			continue
		}
		obj := e.lookupField(v.c.Field)
		if v.c.Field == "" || obj == nil {
			top = append(top, v)
			continue
		}
		if _, seen := byObj[obj]; !seen {
			order = append(order, obj)
		}
		byObj[obj] = append(byObj[obj], v)
	}
	if e.review != nil {
		// The reviewer can comment on every field shown.
		for _, obj := range e.fieldObjects() {
			if _, seen := byObj[obj]; !seen {
				order = append(order, obj)
				byObj[obj] = nil
			}
		}
	}
	for _, obj := range order {
		box := container.NewVBox()
		for _, v := range byObj[obj] {
			box.Add(commentCard(v))
		}
		var repl fyne.CanvasObject = container.NewBorder(nil, box, nil, nil, obj)
		if e.review != nil {
			path := e.pathOf(obj)
			btn := widget.NewButtonWithIcon("", theme.MailComposeIcon(), func() { e.review.onComment(path) })
			btn.Importance = widget.LowImportance
			repl = container.NewBorder(nil, box, nil, btn, obj)
		}
		if !replaceChild(screen, obj, repl) {
			top = append(top, byObj[obj]...)
		}
	}
	head := container.NewVBox()
	if e.review != nil {
		head.Add(e.review.sectionBar(e.current))
	}
	if len(first) > 0 {
		head.Add(widget.NewLabelWithStyle(plural(len(first), "answer")+" on this section "+waits(len(first))+" for your verdict", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, v := range first {
			head.Add(commentCard(v))
		}
		head.Add(widget.NewSeparator())
	}
	if len(top) > 0 {
		head.Add(widget.NewLabelWithStyle(plural(len(top), "review comment")+" on this section", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, v := range top {
			head.Add(commentCard(v))
		}
		head.Add(widget.NewSeparator())
	}
	if len(head.Objects) == 0 {
		return screen
	}
	return container.NewBorder(head, nil, nil, nil, screen)
}

func waits(n int) string {
	if n == 1 {
		return "waits"
	}
	return "wait"
}

// fieldObjects lists the registered widgets of the current screen in a
// stable order (by path).
func (e *Editor) fieldObjects() []fyne.CanvasObject {
	paths := make([]string, 0, len(e.fields))
	for p := range e.fields {
		paths = append(paths, p)
	}
	sortStrings(paths)
	seen := map[fyne.CanvasObject]bool{}
	var out []fyne.CanvasObject
	for _, p := range paths {
		if o := e.fields[p]; !seen[o] {
			seen[o] = true
			out = append(out, o)
		}
	}
	return out
}

// pathOf is the shortest field path registered for obj.
func (e *Editor) pathOf(obj fyne.CanvasObject) string {
	best := ""
	for p, o := range e.fields {
		if o == obj && (best == "" || len(p) < len(best) || (len(p) == len(best) && p < best)) {
			best = p
		}
	}
	return best
}

// commentViews are the comments of the current section: the draft's own in
// a draft window; in a pack window, the review being written and the
// comments the pack carried, the answers awaiting a verdict first.
func (e *Editor) commentViews() []commentView {
	if e.review != nil {
		return e.review.commentViews(e.current)
	}
	var out []commentView
	for _, i := range e.app.CommentsOn(e.current) {
		c := e.app.Comments[i]
		out = append(out, commentView{c: c, changed: forms.FieldChangedSince(e.app, c), actions: e.answerActions(i, c)})
	}
	return out
}

// commentCard shows a comment: its kind, author and revision, where it
// stands, its text, the replies, and — where the answer has changed since —
// what was reviewed.
func commentCard(v commentView) fyne.CanvasObject {
	c := v.c
	head := c.Kind.Label() + " · " + strings.TrimSpace(c.Author)
	if c.Role != "" {
		head += " (" + c.Role + ")"
	}
	head += fmt.Sprintf(" · on revision %d", c.Revision)
	if c.Field != "" {
		head += " · " + forms.PathLabel(c.Field)
	}
	if st := c.State(); st != forms.CommentStateOpen {
		head += " · " + st.Label()
	}
	title := widget.NewLabelWithStyle(head, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Wrapping = fyne.TextWrapWord
	title.Importance = kindImportance(c)
	text := widget.NewLabel(c.Text)
	text.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(title, text)
	if v.changed {
		was := strings.TrimSpace(c.FieldWas)
		if was == "" {
			was = "(no answer)"
		}
		note := Hint(fmt.Sprintf("This answer has changed since the review (revision %d). It then read: %s", c.Revision, clipText(was, 300)))
		note.Importance = widget.WarningImportance
		box.Add(note)
	}
	for _, r := range c.Replies {
		reply := widget.NewLabel("↳ " + r.Author + ", " + r.On.String() + ": " + r.Text)
		reply.Wrapping = fyne.TextWrapWord
		box.Add(reply)
	}
	if v.verdict != nil {
		box.Add(verdictLine(*v.verdict))
	}
	if len(v.actions) > 0 {
		box.Add(container.NewHBox(v.actions...))
	}
	icon := widget.NewIcon(commentIcon(c))
	return container.NewBorder(nil, widget.NewSeparator(), container.NewVBox(icon), nil, box)
}

func kindImportance(c forms.ReviewComment) widget.Importance {
	switch c.State() {
	case forms.CommentStateResolved:
		return widget.LowImportance
	case forms.CommentStateAwaiting:
		return widget.WarningImportance
	}
	switch c.Kind {
	case forms.CommentMustChange:
		return widget.DangerImportance
	case forms.CommentQuestion:
		return widget.WarningImportance
	case forms.CommentApproved:
		return widget.SuccessImportance
	}
	return widget.MediumImportance
}

func commentIcon(c forms.ReviewComment) fyne.Resource {
	switch {
	case c.Resolved, c.Kind == forms.CommentApproved:
		return theme.NewSuccessThemedResource(theme.ConfirmIcon())
	case c.AwaitingReviewer:
		return theme.NewWarningThemedResource(theme.HistoryIcon())
	case c.Kind == forms.CommentMustChange:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case c.Kind == forms.CommentQuestion:
		return theme.NewWarningThemedResource(theme.QuestionIcon())
	}
	return theme.InfoIcon()
}

func clipText(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
