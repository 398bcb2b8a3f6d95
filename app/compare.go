package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// compareWindow compares two versions of a draft: the draft now, any of
// its snapshots, or a pack file.
type compareWindow struct {
	e        *Editor
	win      fyne.Window
	versions []version
	from, to *widget.Select
	result   *fyne.Container
	save     *widget.Button

	cmp      forms.Comparison
	info     export.ChangesInfo
	old, new *forms.Application // the versions compared, for a masked summary
}

// version is one side a comparison can take.
type version struct {
	label string
	load  func() (*forms.Application, error)
}

const packChoice = "A pack file…"

func (e *Editor) onCompare() {
	cw, err := e.newCompareWindow()
	if err != nil {
		showError(e.win, "Could not list the revisions", err)
		return
	}
	cw.win.Show()
}

func (e *Editor) newCompareWindow() (*compareWindow, error) {
	cw := &compareWindow{e: e, win: e.ui.fyne.NewWindow("Compare revisions — " + windowTitle(e.app))}
	now := e.app.Clone()
	submitted := -1
	cw.versions = []version{{fmt.Sprintf("This draft now (revision %d)", now.Revision), func() (*forms.Application, error) { return now, nil }}}
	if e.review == nil {
		if e.save != nil {
			e.save.flush()
		}
		snaps, err := e.ui.store.Snapshots(e.app.ID)
		if err != nil {
			return nil, err
		}
		for i, s := range snaps {
			id := s.ID
			// The newest "As submitted" is what NHS England holds: an
			// amendment is compared with it first.
			if s.Reason == forms.ReasonAsSubmitted && submitted < 0 {
				submitted = i + 1
			}
			cw.versions = append(cw.versions, version{
				fmt.Sprintf("Revision %d · %s · %s", s.Revision, s.Taken.Local().Format("2 Jan 2006 15:04"), s.Reason),
				func() (*forms.Application, error) { return e.ui.store.LoadSnapshot(id) }})
		}
	}
	cw.from = widget.NewSelect(nil, func(string) { cw.onChoose(cw.from) })
	cw.to = widget.NewSelect(nil, func(string) { cw.onChoose(cw.to) })
	cw.refreshChoices()
	switch {
	case submitted > 0:
		cw.from.SetSelectedIndex(submitted)
	case len(cw.versions) > 1:
		cw.from.SetSelectedIndex(1)
	}
	cw.to.SetSelectedIndex(0)
	cw.result = container.NewVBox(Hint("Choose two versions and press Compare."))
	run := widget.NewButtonWithIcon("Compare", theme.ViewRefreshIcon(), cw.onRun)
	run.Importance = widget.HighImportance
	cw.save = widget.NewButtonWithIcon("Save summary of changes (PDF)…", theme.DocumentSaveIcon(), cw.onSavePDF)
	cw.save.Disable()
	form := widget.NewForm(widget.NewFormItem("Earlier", cw.from), widget.NewFormItem("Later", cw.to))
	top := container.NewVBox(form, container.NewHBox(run, cw.save), widget.NewSeparator())
	cw.win.SetContent(container.NewBorder(top, nil, nil, nil, container.NewVScroll(cw.result)))
	cw.win.Resize(fyne.NewSize(900, 700))
	return cw, nil
}

func (cw *compareWindow) refreshChoices() {
	labels := make([]string, 0, len(cw.versions)+1)
	for _, v := range cw.versions {
		labels = append(labels, v.label)
	}
	labels = append(labels, packChoice)
	cw.from.SetOptions(labels)
	cw.to.SetOptions(labels)
}

// onChoose asks for a pack when "A pack file…" is chosen.
func (cw *compareWindow) onChoose(s *widget.Select) {
	if s.Selected != packChoice {
		return
	}
	// Cleared now and set again once a pack is read: a cancelled dialog
	// leaves no "A pack file…" standing for a version.
	s.ClearSelected()
	cw.e.ui.chooseOpen(cw.win, fileRequest{Kind: kindImport, Title: "Compare with a pack", Types: []fileType{typeSubmission}},
		func(path string) {
			if err := cw.addPack(path); err != nil {
				showError(cw.win, "Could not read the pack", err)
				return
			}
			s.SetSelectedIndex(len(cw.versions) - 1)
		})
}

// addPack offers a verified pack (or submission file) as a version.
func (cw *compareWindow) addPack(path string) error {
	sub, err := export.ReadSubmission(path)
	if err != nil {
		return err
	}
	app := sub.Application
	cw.versions = append(cw.versions, version{
		fmt.Sprintf("Pack %s (revision %d, exported %s)", filepath.Base(path), sub.Revision, sub.ExportedAt.Local().Format("2 Jan 2006")),
		func() (*forms.Application, error) { return app, nil }})
	cw.refreshChoices()
	return nil
}

func (cw *compareWindow) version(label string) (version, bool) {
	for _, v := range cw.versions {
		if v.label == label {
			return v, true
		}
	}
	return version{}, false
}

func (cw *compareWindow) onRun() {
	from, ok1 := cw.version(cw.from.Selected)
	to, ok2 := cw.version(cw.to.Selected)
	if !ok1 || !ok2 {
		dialog.ShowInformation("Compare", "Choose an earlier and a later version first.", cw.win)
		return
	}
	old, err := from.load()
	if err != nil {
		showError(cw.win, "Could not load "+from.label, err)
		return
	}
	new, err := to.load()
	if err != nil {
		showError(cw.win, "Could not load "+to.label, err)
		return
	}
	cw.show(old, new, from.label, to.label)
}

// show compares two versions and lists the changes.
func (cw *compareWindow) show(old, new *forms.Application, fromLabel, toLabel string) {
	cw.old, cw.new = old, new
	cw.cmp = forms.Compare(old, new)
	cw.info = export.ChangesInfo{Title: new.Overview.Title, From: fromLabel, To: toLabel, At: cw.e.ui.now()}
	cw.result.RemoveAll()
	if cw.cmp.Empty() {
		cw.result.Add(Hint("The two versions hold the same answers and the same evidence files."))
	} else {
		cw.result.Add(widget.NewLabelWithStyle(fmt.Sprintf("%s between %s and %s.", plural(cw.cmp.Count(), "change"), fromLabel, toLabel),
			fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		cw.result.Add(Hint("Long answers are compared word by word: removed words in red italics, added words in green bold."))
	}
	for _, s := range cw.cmp.Sections {
		cw.result.Add(widget.NewLabelWithStyle(s.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, ch := range s.Changes {
			cw.result.Add(changeRow(ch))
		}
		cw.result.Add(widget.NewSeparator())
	}
	if len(cw.cmp.Evidence) > 0 {
		cw.result.Add(widget.NewLabelWithStyle("Evidence files", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		for _, ev := range cw.cmp.Evidence {
			l := widget.NewLabel(evidenceChangeText(ev))
			l.Wrapping = fyne.TextWrapWord
			cw.result.Add(l)
		}
	}
	cw.result.Refresh()
	cw.save.Enable()
}

func evidenceChangeText(ev forms.EvidenceChange) string {
	short := func(h string) string {
		if len(h) > 12 {
			return h[:12] + "…"
		}
		return h
	}
	switch ev.Kind {
	case forms.Added:
		return fmt.Sprintf("Added: %s — %s (SHA-256 %s)", ev.Title, ev.NewName, short(ev.NewHash))
	case forms.Removed:
		return fmt.Sprintf("Removed: %s — %s (SHA-256 %s)", ev.Title, ev.OldName, short(ev.OldHash))
	}
	return fmt.Sprintf("Replaced: %s — %s (SHA-256 %s) by %s (SHA-256 %s)", ev.Title, ev.OldName, short(ev.OldHash), ev.NewName, short(ev.NewHash))
}

// changeRow shows one change; a long answer shows its word diff, removed
// words in red italics, added ones in green bold (Fyne's rich text has no
// strike-through; the PDF has).
func changeRow(ch forms.FieldChange) fyne.CanvasObject {
	word := map[forms.ChangeKind]string{forms.Added: "Added", forms.Removed: "Removed", forms.Changed: "Changed"}[ch.Kind]
	head := widget.NewLabelWithStyle(word+": "+ch.Label, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	switch ch.Kind {
	case forms.Added:
		head.Importance = widget.SuccessImportance
	case forms.Removed:
		head.Importance = widget.DangerImportance
	}
	var body fyne.CanvasObject
	switch {
	case ch.Words != nil:
		rt := widget.NewRichText()
		for _, op := range ch.Words {
			seg := &widget.TextSegment{Text: op.Text, Style: widget.RichTextStyleInline}
			switch op.Kind {
			case forms.OpInsert:
				seg.Style.ColorName = theme.ColorNameSuccess
				seg.Style.TextStyle = fyne.TextStyle{Bold: true}
			case forms.OpDelete:
				seg.Style.ColorName = theme.ColorNameError
				seg.Style.TextStyle = fyne.TextStyle{Italic: true}
			}
			rt.Segments = append(rt.Segments, seg)
		}
		rt.Wrapping = fyne.TextWrapWord
		body = rt
	case ch.Kind == forms.Added:
		body = wrapped(ch.New)
	case ch.Kind == forms.Removed:
		body = wrapped("Was: " + ch.Old)
	default:
		body = container.NewVBox(wrapped("Was: "+ch.Old), wrapped("Now: "+ch.New))
	}
	return container.NewVBox(head, body)
}

func wrapped(s string) *widget.Label {
	l := widget.NewLabel(strings.TrimSpace(s))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (cw *compareWindow) onSavePDF() {
	found := forms.FindNHSNumbers(export.ChangesParts(cw.cmp, cw.info)...)
	identifierGate(cw.win, gateRequest{what: "The summary of changes", found: found, write: cw.choosePDF})
}

func (cw *compareWindow) choosePDF(mask bool) {
	cw.e.ui.chooseSave(cw.win, fileRequest{Kind: kindExport, Title: "Save the summary of changes", Types: []fileType{typePDF}, Name: "summary-of-changes.pdf"},
		func(path string) {
			if err := cw.savePDF(path, mask); err != nil {
				showError(cw.win, "Could not save the summary of changes", err)
				return
			}
			dialog.ShowInformation("Summary of changes saved", "Saved "+path, cw.win)
		})
}

// savePDF writes the summary of changes of the last comparison; mask
// compares masked copies of the two versions.
func (cw *compareWindow) savePDF(path string, mask bool) error {
	cmp, info := cw.cmp, cw.info
	if mask && cw.old != nil && cw.new != nil {
		cmp = forms.Compare(forms.MaskedCopy(cw.old), forms.MaskedCopy(cw.new))
		info = forms.MaskedCopy(info)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".changes-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := export.WriteChangesPDF(tmp, cmp, info); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
