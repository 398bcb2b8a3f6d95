package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// lifecycleView is the After approval section: DSA dates, renewal, the
// cohort file (R-C7), this draft's deadlines, and the destruction record
// with its certificate when the DSA ends without renewal (R-A2).
type lifecycleView struct {
	e           *Editor
	deadlines   *fyne.Container
	destruction *fyne.Container
	object      *fyne.Container
}

func newLifecycleView(e *Editor) fyne.CanvasObject {
	v := &lifecycleView{e: e, deadlines: container.NewVBox(), destruction: container.NewVBox()}
	l := &e.App().Lifecycle
	q := questions{e: e}
	form := widget.NewForm(
		q.date("DSA signed", "lifecycle.dsa_signed", &l.DSASigned),
		withHint(q.date("DSA ends", "lifecycle.dsa_end", &l.DSAEnd),
			"Renew at least a month before; else destroy and confirm within 14 days."),
		q.check("lifecycle.renewal_requested", "Renewal, extension or amendment requested", &l.RenewalRequested, func(bool) { v.buildDestruction() }),
		withHint(q.date("Cohort file sent", "lifecycle.cohort_file_sent", &l.CohortFileSent),
			fmt.Sprintf("Due promptly after signature; counted as %d days.", forms.CohortFileDays)),
	)
	v.refreshDeadlines()
	v.buildDestruction()
	e.OnFindings(v.onFindings)
	v.object = container.NewVBox(form,
		heading("This draft's deadlines"), v.deadlines,
		heading("Destruction record"), v.destruction)
	return v.object
}

func (v *lifecycleView) onFindings() {
	v.refreshDeadlines()
	// The record appears when the DSA end passes or is typed in.
	if v.e.App().Lifecycle.Destruction == nil {
		v.buildDestruction()
	}
}

func (v *lifecycleView) refreshDeadlines() {
	v.deadlines.RemoveAll()
	ds := forms.Deadlines([]*forms.Application{v.e.App()}, nil, v.e.Today())
	if len(ds) == 0 {
		v.deadlines.Add(Hint("No dated actions: give the DSA dates once it is signed."))
	}
	for _, d := range ds {
		v.deadlines.Add(deadlineRow(d, false))
	}
	v.deadlines.Refresh()
	// The list may have shrunk: lay the screen out again so no gap is left.
	if v.object != nil {
		v.object.Refresh()
	}
}

// deadlineRow shows one deadline with its urgency; subject adds the draft
// or organisation it is for.
func deadlineRow(d forms.Deadline, subject bool) fyne.CanvasObject {
	when := widget.NewLabelWithStyle(d.Due.Human(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The requirement's code is for the IG lead's list of every draft's
	// deadlines; in a draft's own section it would be noise.
	text := d.Action
	if subject {
		text = d.Subject() + ": " + text + " (" + d.Requirement + ")"
		if len(d.Affects) > 0 {
			text += " — used by " + strings.Join(d.Affects, "; ")
		}
	}
	action := widget.NewLabel(text)
	action.Wrapping = fyne.TextWrapWord
	urgency := widget.NewLabel(urgencyText(d))
	switch d.Urgency {
	case forms.Overdue:
		urgency.Importance = widget.DangerImportance
	case forms.DueSoon:
		urgency.Importance = widget.WarningImportance
	default:
		urgency.Importance = widget.LowImportance
	}
	return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(110, when.MinSize().Height), when), urgency, action)
}

func urgencyText(d forms.Deadline) string {
	switch {
	case d.Days < -1:
		return fmt.Sprintf("Overdue by %d days", -d.Days)
	case d.Days == -1:
		return "Overdue by 1 day"
	case d.Days == 0:
		return "Due today"
	case d.Days == 1:
		return "Due tomorrow"
	}
	return fmt.Sprintf("In %d days", d.Days)
}

// NextDeadlineText is the draft's next deadline in one line, for the
// Overview; empty when there is none.
func NextDeadlineText(e *Editor) string {
	// A library that cannot be read was reported when the draft opened;
	// the draft's own deadlines still stand.
	lib, _ := e.ui.library()
	d, ok := forms.NextDeadline(e.App(), lib, e.Today())
	if !ok {
		return ""
	}
	return fmt.Sprintf("Next deadline: %s — %s (%s)", d.Due.Human(), d.Action, strings.ToLower(urgencyText(d)))
}

func (v *lifecycleView) buildDestruction() {
	v.destruction.RemoveAll()
	defer v.destruction.Refresh()
	l := &v.e.App().Lifecycle
	if l.Destruction == nil {
		if !l.DSAEnded(v.e.Today()) {
			v.destruction.Add(Hint("When the DSA ends without renewal, record here what was destroyed, by whom, how and when, and export the certificate for NHS England."))
			return
		}
		msg := widget.NewLabel(fmt.Sprintf("The DSA ended on %s and no renewal is recorded: destroy the data, record it, and send the certificate by %s.",
			l.DSAEnd.Human(), forms.DestructionDeadline(l.DSAEnd).Human()))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.DangerImportance
		start := widget.NewButtonWithIcon("Record the destruction", theme.DocumentCreateIcon(), func() {
			l.Destruction = &forms.DestructionRecord{}
			v.buildDestruction()
			v.e.Changed()
			v.e.Open(forms.SectionLifecycle, "lifecycle.destruction.what_destroyed")
		})
		start.Importance = widget.HighImportance
		v.e.Field("lifecycle.destruction", start)
		v.destruction.Add(msg)
		v.destruction.Add(container.NewHBox(start))
		return
	}
	r := l.Destruction
	q := questions{e: v.e}
	form := widget.NewForm(
		q.long("What was destroyed", "lifecycle.destruction.what_destroyed", &r.WhatDestroyed, "Every extract, copy, back-up and derived record-level file"),
		q.text("Destroyed by", "lifecycle.destruction.destroyed_by", &r.DestroyedBy, "Name, role and organisation"),
		q.text("How", "lifecycle.destruction.method", &r.Method, "e.g. secure erase with a certified tool; media shredded"),
		q.date("Destroyed on", "lifecycle.destruction.destroyed_on", &r.DestroyedOn),
		withHint(q.date("Certificate sent", "lifecycle.destruction.confirmation_sent", &r.ConfirmedOn),
			"The date you sent the certificate to NHS England."),
	)
	exportBtn := widget.NewButtonWithIcon("Export certificate…", theme.DocumentSaveIcon(), v.onExportCertificate)
	exportBtn.Importance = widget.HighImportance
	v.destruction.Add(form)
	v.destruction.Add(container.NewHBox(exportBtn))
}

// onExportCertificate writes the certificate of destruction as a PDF, off
// the UI goroutine, after checking the record is complete.
func (v *lifecycleView) onExportCertificate() {
	a := v.e.App()
	if err := forms.ValidateDestruction(a.Lifecycle.Destruction); err != nil {
		showError(v.e.Window(), "The certificate cannot be made yet", err)
		return
	}
	v.e.gateDraft("The certificate of destruction", v.chooseCertificate)
}

func (v *lifecycleView) chooseCertificate(mask bool) {
	a := v.e.App()
	snapshot := a.Clone()
	if mask {
		snapshot = forms.MaskedCopy(snapshot)
	}
	v.e.ui.chooseSave(v.e.Window(), fileRequest{Kind: kindExport, Title: "Save the certificate of destruction", Types: []fileType{typePDF},
		Name: certificateFileName(snapshot)}, func(path string) {
		w, err := createAtomic(path)
		if err != nil {
			showError(v.e.Window(), "Could not write the certificate", err)
			return
		}
		v.e.inBackground("Could not write the certificate", func() error {
			return finishWrite(w, export.WriteDestructionCertificate(w, snapshot, time.Now()))
		}, func(err error) {
			if err != nil {
				showError(v.e.Window(), "Could not write the certificate", err)
				return
			}
			dialog.ShowInformation("Certificate saved", "Saved "+path+". Send it to NHS England, then record the date sent.", v.e.Window())
		})
	})
}

func certificateFileName(a *forms.Application) string {
	ref := strings.TrimSpace(a.Overview.DARSReference)
	if ref == "" {
		return "certificate-of-destruction.pdf"
	}
	// The reference may come from an imported pack: keep it one plain name.
	return export.PortableName("certificate-of-destruction-" + ref + ".pdf")
}
