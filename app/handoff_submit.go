package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// submitPane records the submission once it is made in DARS Online: its
// date and the reference the portal gives (R-P6: a reference of another
// form is warned about, never refused). The stage moves to application
// submission with that date (R-P1), and a snapshot named "As submitted"
// keeps what NHS England received, for comparing a later amendment.
type submitPane struct {
	h        *handoffWindow
	object   fyne.CanvasObject
	progress *widget.Label
	date     *widget.Entry
	ref      *widget.Entry
	refNote  *widget.Label
	record   *widget.Button
	recorded *widget.Label
	compare  *widget.Button
	// prefilled is the reference the box was given from the draft: while
	// the user has not typed another, it follows the draft.
	prefilled string
}

func newSubmitPane(h *handoffWindow) *submitPane {
	s := &submitPane{h: h}
	s.progress = widget.NewLabel("")
	s.progress.Wrapping = fyne.TextWrapWord
	s.date = widget.NewEntry()
	s.date.SetPlaceHolder("YYYY-MM-DD")
	s.date.SetText(h.e.ui.today().String())
	s.date.Validator = forms.ValidateDate
	s.ref = widget.NewEntry()
	s.ref.SetPlaceHolder("As the portal gives it, e.g. DARS-NIC-116377-L5J9M")
	s.prefilled = h.e.app.Overview.DARSReference
	s.ref.SetText(s.prefilled)
	s.refNote = Hint("")
	s.ref.OnChanged = func(string) { s.checkRef() }
	s.checkRef()
	s.record = widget.NewButtonWithIcon("Record the submission", theme.ConfirmIcon(), s.onRecord)
	s.recorded = widget.NewLabel("")
	s.recorded.Wrapping = fyne.TextWrapWord
	s.compare = widget.NewButtonWithIcon("Compare the draft with what was submitted…", theme.ViewRefreshIcon(), h.e.onCompare)
	form := widget.NewForm(
		widget.NewFormItem("Submitted on", s.date),
		widget.NewFormItem("DARS reference from the portal", container.NewVBox(s.ref, s.refNote)),
	)
	intro := Hint("Once the application is submitted in DARS Online, record it here: the stage moves to application submission with its date, " +
		"and a snapshot named “As submitted” keeps what NHS England received, so a later amendment can be compared with it.")
	s.object = container.NewVScroll(container.NewPadded(container.NewVBox(s.progress, intro, form,
		container.NewHBox(s.record), widget.NewSeparator(), s.recorded, container.NewHBox(s.compare))))
	s.showRecorded()
	return s
}

// draftChanged brings the reference box and the record of the submission
// up to date with an edit in the draft's window.
func (s *submitPane) draftChanged() {
	if ref := s.h.e.app.Overview.DARSReference; s.ref.Text == s.prefilled && ref != s.prefilled {
		s.prefilled = ref
		s.ref.SetText(ref)
	}
	s.showRecorded()
}

// checkRef warns about a reference of an unexpected form, without
// stopping it.
func (s *submitPane) checkRef() {
	if err := forms.ValidateDARSReference(s.ref.Text); err != nil {
		s.refNote.SetText("Kept as typed, but check it: " + err.Error() + ".")
		s.refNote.Importance = widget.WarningImportance
	} else {
		s.refNote.SetText("Optional: the reference is kept with the draft and printed on every page of the PDFs.")
		s.refNote.Importance = widget.LowImportance
	}
	s.refNote.Refresh()
}

func (s *submitPane) refresh(p forms.HandOffProgress) {
	if p.Done() {
		s.progress.SetText("Everything is entered in DARS Online (" + p.Summary() + "). Submit it there, then record it here.")
		s.record.Importance = widget.HighImportance
	} else {
		s.progress.SetText("Still to enter: " + left(p) + ". You can record the submission now if it was submitted all the same.")
		s.record.Importance = widget.MediumImportance
	}
	s.record.Refresh()
}

// left says what is not yet ticked.
func left(p forms.HandOffProgress) string {
	var parts []string
	if n := p.Answers - p.AnswersEntered; n > 0 {
		parts = append(parts, plural(n, "answer"))
	}
	if n := p.Documents - p.DocumentsEntered; n > 0 {
		parts = append(parts, plural(n, "document"))
	}
	if len(parts) == 0 {
		return "nothing"
	}
	s := strings.Join(parts, " and ")
	if p.Changed > 0 {
		s += fmt.Sprintf(" (%d of them changed since entered)", p.Changed)
	}
	return s
}

func (s *submitPane) onRecord() {
	on, err := forms.ParseDate(s.date.Text)
	if err != nil || on.IsZero() {
		showError(s.h.win, "The submission was not recorded", fmt.Errorf("type the date it was submitted as 2026-12-01"))
		return
	}
	p := s.h.list.Progress()
	if p.Done() {
		s.recordNow(on, s.ref.Text)
		return
	}
	dialog.ShowConfirm("Not everything is ticked", fmt.Sprintf("Still to enter: %s. Record the submission on %s anyway?", left(p), on.Human()), func(ok bool) {
		if ok {
			s.recordNow(on, s.ref.Text)
		}
	}, s.h.win)
}

func (s *submitPane) recordNow(on forms.Date, ref string) {
	e := s.h.e
	e.app.RecordSubmission(on, ref)
	e.Changed()
	// The section on screen may show the stage or the reference.
	e.showSection(e.current)
	e.save.flush()
	info, err := e.ui.store.Snapshot(e.app.ID, forms.ReasonAsSubmitted)
	if err != nil {
		showError(s.h.win, "The submission was recorded, but the “As submitted” snapshot could not be taken; take one from the draft's window (Ctrl+Shift+S)", err)
	}
	s.showRecorded()
	msg := fmt.Sprintf("Recorded: submitted on %s; the stage is now application submission.", on.Human())
	if err == nil {
		msg += fmt.Sprintf(" Snapshot “%s” keeps revision %d.", forms.ReasonAsSubmitted, info.Revision)
	}
	s.h.setStatus(msg)
}

// showRecorded says when the draft was recorded as submitted, if it was.
func (s *submitPane) showRecorded() {
	a := s.h.e.app
	on, ok := a.StageReached(forms.StageSubmission)
	snaps, err := s.h.e.ui.store.Snapshots(a.ID)
	var last *int64
	if err == nil {
		for _, sn := range snaps {
			if sn.Reason == forms.ReasonAsSubmitted {
				rev := sn.Revision
				last = &rev
				break
			}
		}
	}
	switch {
	case ok && last != nil:
		s.recorded.SetText(fmt.Sprintf("Recorded as submitted on %s%s. The snapshot “%s” (revision %d) keeps what NHS England received.",
			on.Human(), refText(a), forms.ReasonAsSubmitted, *last))
	case ok:
		s.recorded.SetText(fmt.Sprintf("The application submission stage was reached on %s%s.", on.Human(), refText(a)))
	default:
		s.recorded.SetText("Not recorded as submitted yet.")
	}
	if last != nil {
		s.compare.Show()
	} else {
		s.compare.Hide()
	}
}

func refText(a *forms.Application) string {
	if r := strings.TrimSpace(a.Overview.DARSReference); r != "" {
		return " as " + forms.MaskNHSNumbers(r)
	}
	return ""
}
