package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// deadlinesWindow lists every dated action across all drafts and the
// library (R-A2, R-C7, R-O3, evidence expiry), most pressing first, and
// exports them as a calendar.
type deadlinesWindow struct {
	u          *UI
	win        fyne.Window
	all        []forms.Deadline
	rows       *fyne.Container
	summary    *widget.Label
	onlyUrgent *widget.Check
}

// allDrafts loads every draft not in the bin with the library overlaid;
// open drafts come from their windows, as edited.
func (u *UI) allDrafts() ([]*forms.Application, error) {
	infos, err := u.store.List()
	if err != nil {
		return nil, err
	}
	lib, err := u.library()
	if err != nil {
		return nil, err
	}
	var out []*forms.Application
	for _, in := range infos {
		var a *forms.Application
		if ed, open := u.editors[in.ID]; open {
			a = ed.app.Clone()
		} else if a, err = u.store.Load(in.ID); err != nil {
			return nil, fmt.Errorf("load %s: %w", displayTitle(in.Title), err)
		}
		forms.OverlayLibrary(a, lib)
		out = append(out, a)
	}
	return out, nil
}

// showDeadlines opens the deadlines window, or raises and refreshes it.
func (u *UI) showDeadlines() {
	if u.deadlinesWin != nil {
		u.deadlinesWin.refresh()
		u.deadlinesWin.win.RequestFocus()
		return
	}
	w := &deadlinesWindow{u: u, win: u.fyne.NewWindow("Deadlines — DARS Workbench"), rows: container.NewVBox()}
	u.deadlinesWin = w
	w.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.summary.Wrapping = fyne.TextWrapWord
	w.onlyUrgent = widget.NewCheck("Only overdue and due within 30 days", func(bool) { w.show() })
	ics := widget.NewButtonWithIcon("Export to calendar (.ics)…", theme.DocumentSaveIcon(), w.onExport)
	refresh := widget.NewButtonWithIcon("Refresh", theme.ViewRefreshIcon(), w.refresh)
	top := container.NewVBox(container.NewBorder(nil, nil, w.onlyUrgent, container.NewHBox(refresh, ics)), w.summary, widget.NewSeparator())
	w.win.SetContent(container.NewBorder(top, nil, nil, nil, container.NewVScroll(w.rows)))
	w.win.Resize(fyne.NewSize(980, 640))
	w.win.SetOnClosed(func() { u.deadlinesWin = nil })
	u.addQuitKey(w.win)
	w.refresh()
	w.win.Show()
}

func (w *deadlinesWindow) refresh() {
	drafts, err := w.u.allDrafts()
	if err != nil {
		w.summary.SetText("Could not read the drafts: " + err.Error())
		return
	}
	lib, err := w.u.library()
	if err != nil {
		w.summary.SetText("Could not read the organisation library: " + err.Error())
		return
	}
	w.all = forms.Deadlines(drafts, lib, w.u.today())
	w.show()
}

func (w *deadlinesWindow) show() {
	var overdue, soon int
	w.rows.RemoveAll()
	for _, d := range w.all {
		switch d.Urgency {
		case forms.Overdue:
			overdue++
		case forms.DueSoon:
			soon++
		}
		if w.onlyUrgent.Checked && d.Urgency == forms.Later {
			continue
		}
		w.rows.Add(w.row(d))
	}
	if len(w.rows.Objects) == 0 {
		w.rows.Add(Hint("Nothing is due. Deadlines appear once drafts have DSA dates, organisations have DSPT or certificate dates, or evidence has a valid-until date."))
	}
	w.summary.SetText(fmt.Sprintf("%s: %d overdue, %d due within 30 days.", plural(len(w.all), "deadline"), overdue, soon))
	w.rows.Refresh()
}

func (w *deadlinesWindow) row(d forms.Deadline) fyne.CanvasObject {
	var open fyne.CanvasObject = widget.NewLabel("")
	if d.DraftID != "" {
		id, section := d.DraftID, sectionOfDeadline(d.Kind)
		open = widget.NewButtonWithIcon("Open", theme.NavigateNextIcon(), func() {
			w.u.openDraft(id)
			if ed, ok := w.u.editors[id]; ok {
				ed.Open(section, "")
			}
		})
	} else {
		open = widget.NewButtonWithIcon("Library", theme.NavigateNextIcon(), w.u.showLibrary)
	}
	return container.NewBorder(nil, nil, nil, open, deadlineRow(d, true))
}

func sectionOfDeadline(k forms.DeadlineKind) forms.SectionID {
	switch k {
	case forms.DeadlineEvidence, forms.DeadlineRECReview, forms.DeadlineCAGReview:
		return forms.SectionEvidence
	case forms.DeadlineDSPT, forms.DeadlineISO27001, forms.DeadlineCEPlus:
		return forms.SectionOrganisations
	}
	return forms.SectionLifecycle
}

func (w *deadlinesWindow) onExport() {
	// Each deadline names its draft or organisation: open the first place
	// that holds a number.
	var found []forms.FoundIdentifier
	var of []int
	for i, p := range forms.CalendarParts(w.all) {
		for _, f := range forms.FindNHSNumbers(p) {
			found, of = append(found, f), append(of, i)
		}
	}
	open := func(i int) {
		d := w.all[of[i]]
		if d.DraftID == "" {
			w.u.showLibrary()
			return
		}
		w.u.openDraft(d.DraftID)
		if ed, ok := w.u.editors[d.DraftID]; ok {
			if f, o := ed.draftFound(); len(f) > 0 {
				o(0)
			}
		}
	}
	identifierGate(w.win, gateRequest{what: "The calendar", found: found, open: open, write: w.chooseCalendar})
}

func (w *deadlinesWindow) chooseCalendar(mask bool) {
	ds := w.all
	if mask {
		ds = forms.MaskedCopy(ds)
	}
	stamp := w.u.now()
	w.u.chooseSave(w.win, fileRequest{Kind: kindExport, Title: "Export the deadlines as a calendar", Confirm: "Export",
		Types: []fileType{typeCalendar}, Name: "dars-deadlines.ics"}, func(path string) {
		f, err := createAtomic(path)
		if err == nil {
			err = finishWrite(f, export.WriteICalendar(f, ds, stamp))
		}
		if err != nil {
			showError(w.win, "Could not write the calendar", err)
			return
		}
		msg := fmt.Sprintf("Exported %s to %s: import it into your calendar app.", plural(len(ds), "deadline"), path)
		w.summary.SetText(msg)
		dialog.ShowInformation("Calendar exported", msg, w.win)
	})
}
