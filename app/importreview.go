package app

import (
	"fmt"

	"fyne.io/fyne/v2/dialog"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// onImportReview asks for a review.json and attaches its comments.
func (e *Editor) onImportReview() {
	e.ui.chooseOpen(e.win, fileRequest{Kind: kindReview, Title: "Import a review", Confirm: "Import", Types: []fileType{typeReview}},
		func(path string) { e.importReviewFile(path, true) })
}

// importReviewFile reads a review and attaches it. A review of another
// draft is attached only once the user confirms (a draft imported from a
// pack has its own ID, so a mismatch is not always a mistake).
func (e *Editor) importReviewFile(path string, ask bool) {
	f, err := export.ReadReview(path)
	if err != nil {
		showError(e.win, "Could not read the review", err)
		return
	}
	if f.DraftID != e.app.ID && ask {
		msg := fmt.Sprintf("This review is of “%s” (draft %s), not of this draft. Attach its comments here anyway?", f.Title, f.DraftID)
		dialog.ShowConfirm("A review of another draft", msg, func(ok bool) {
			if ok {
				e.attachReview(f)
			}
		}, e.win)
		return
	}
	e.attachReview(f)
}

func (e *Editor) attachReview(f *export.ReviewFile) {
	res, err := forms.AttachReview(e.app, &f.Review)
	if err != nil {
		showError(e.win, "The review was not imported", err)
		return
	}
	e.Changed()
	e.showSection(e.current)
	msg := fmt.Sprintf("From %s, made on revision %d: %s.", f.Reviewer, f.Revision, res.Summary())
	if res.AlreadyThere > 0 {
		msg += fmt.Sprintf("\n%s imported before left as they are.", plural(res.AlreadyThere, "comment or mark"))
	}
	if res.Changed > 0 {
		msg += fmt.Sprintf("\n%s about answers you have changed since: each says what the reviewer read.", plural(res.Changed, "comment"))
	}
	if res.Stale > 0 {
		msg += fmt.Sprintf("\n%s left alone: you answered again after the reviewer read it.", plural(res.Stale, "verdict"))
	}
	if res.Missing > 0 {
		msg += fmt.Sprintf("\n%s about comments this draft does not hold.", plural(res.Missing, "verdict"))
	}
	n := forms.CountComments(e.app)
	msg += fmt.Sprintf("\n\nNow %s for your answer and %s for the reviewer. A change asked for blocks submission until you answer it; "+
		"your answers stay warnings until the reviewer confirms them in their next review.", plural(n.Open, "comment")+" "+waits(n.Open), plural(n.Awaiting, "answer")+" "+waits(n.Awaiting))
	dialog.ShowInformation("Review imported", msg, e.win)
}
