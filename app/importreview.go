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
	msg := fmt.Sprintf("%s from %s, made on revision %d.", plural(res.Added, "comment"), f.Reviewer, f.Revision)
	if res.AlreadyThere > 0 {
		msg += fmt.Sprintf("\n%s already imported before were left as they are.", plural(res.AlreadyThere, "comment"))
	}
	if res.Changed > 0 {
		msg += fmt.Sprintf("\n%s about answers you have changed since: each says what the reviewer read.", plural(res.Changed, "comment"))
	}
	msg += "\nChanges asked for count as blockers, and questions as warnings, until you resolve them."
	dialog.ShowInformation("Review imported", msg, e.win)
}
