package app

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/export/exporttest"
	"github.com/darsworkbench/dars-workbench/forms"
)

// withNumbers puts NHS numbers in the objective and a person's name.
func withNumbers(a *forms.Application) {
	a.Purpose.Objective += " Example patient 943 476 5919."
	a.People[0].Name = "Dr Ada 401-023-2137"
	a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2024, 1, 1), DSAEnd: forms.NewDate(2026, 11, 16),
		Destruction: &forms.DestructionRecord{WhatDestroyed: "Extracts", DestroyedBy: "IG lead", Method: "Secure erase", DestroyedOn: forms.NewDate(2026, 11, 20)}}
}

// topDialog is the text of the window's top overlay.
func topDialog(t *testing.T, w fyne.Window) string {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	require.NotNil(t, top, "a dialog is shown")
	return texts(top)
}

func findWidget[T fyne.CanvasObject](obj fyne.CanvasObject, text string) T {
	var zero T
	for _, o := range test.LaidOutObjects(obj) {
		if w, ok := o.(T); ok {
			switch x := any(w).(type) {
			case *widget.Button:
				if strings.HasPrefix(x.Text, text) {
					return w
				}
			case *widget.Check:
				if strings.HasPrefix(x.Text, text) {
					return w
				}
			}
		}
	}
	return zero
}

func TestExportRefusesTakesTheUserToTheFieldAndOffersMasking(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, withNumbers)
	ed.onExport()

	text := topDialog(t, ed.win)
	assert.Contains(t, text, "The pack was not written: it would carry 2 NHS numbers")
	assert.Contains(t, text, "Purpose → Objective: 943 *** ****")
	assert.Contains(t, text, "Person 1 → Name: 401-***-****")
	assert.NotContains(t, text, "476 5919")
	assert.Equal(t, forms.SectionPurpose, ed.current, "the user is taken to the first field")

	top := ed.win.Canvas().Overlays().Top()
	write := findWidget[*widget.Button](top, "Write masked")
	mask := findWidget[*widget.Check](top, "Write it with every NHS number masked")
	require.NotNil(t, write)
	require.NotNil(t, mask)
	assert.True(t, write.Disabled(), "writing masked is an explicit choice")
	test.Tap(mask)
	assert.False(t, write.Disabled())
	shoot(t, ed.win, "export-refused.png")

	// "Go to" on the second place opens it.
	var goTo []*widget.Button
	for _, o := range test.LaidOutObjects(top) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Go to" {
			goTo = append(goTo, b)
		}
	}
	require.Len(t, goTo, 2)
	test.Tap(goTo[1])
	assert.Equal(t, forms.SectionOrganisations, ed.current)
}

func TestGateWritesMaskedOnlyWhenChosen(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewWindow(nil)
	defer w.Close()
	found := forms.FindNHSNumbers(forms.Part{Name: "Note", Value: "id 943 476 5919"})
	var wrote []bool
	identifierGate(w, gateRequest{what: "The file", found: found, write: func(mask bool) { wrote = append(wrote, mask) }})
	top := w.Canvas().Overlays().Top()
	test.Tap(findWidget[*widget.Check](top, "Write it with"))
	test.Tap(findWidget[*widget.Button](top, "Write masked"))
	assert.Equal(t, []bool{true}, wrote)

	identifierGate(w, gateRequest{what: "The file", write: func(mask bool) { wrote = append(wrote, mask) }})
	assert.Equal(t, []bool{true, false}, wrote, "nothing to mask: written at once")
}

func TestWindowWritesAMaskedPack(t *testing.T) {
	u, st := newTestUI(t)
	reports := queueReports(u)
	ed := openExample(t, u, st, withNumbers)
	pack := filepath.Join(t.TempDir(), "masked.zip")
	ed.exportAs(pack, true)
	require.Eventually(t, func() bool {
		reports.drain()
		_, err := os.Stat(pack)
		return err == nil && ed.win.Canvas().Overlays().Top() != nil
	}, 30*time.Second, 50*time.Millisecond)
	zr, err := zip.OpenReader(pack)
	require.NoError(t, err)
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "data/submission.json" || f.Name == "bag-info.txt" {
			rc, err := f.Open()
			require.NoError(t, err)
			b, _ := io.ReadAll(rc)
			rc.Close()
			assert.NotContains(t, string(b), "476 5919")
			assert.NotContains(t, string(b), "023-2137")
		}
	}
	rep, err := export.Verify(pack)
	require.NoError(t, err)
	assert.True(t, rep.OK())
	assert.Contains(t, ed.App().Purpose.Objective, "943 476 5919", "the draft keeps what was typed")

	// Unmasked, the writer itself refuses: no file, and a message.
	refused := filepath.Join(t.TempDir(), "refused.zip")
	ed.exportAs(refused, false)
	require.Eventually(t, func() bool {
		reports.drain()
		top := ed.win.Canvas().Overlays().Top()
		return top != nil && strings.Contains(texts(top), "NHS number")
	}, 30*time.Second, 50*time.Millisecond)
	assert.NoFileExists(t, refused)
}

func TestEveryWayOutOfTheWindowStandsAtTheGate(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) {
		withNumbers(a)
		a.Overview.Title = "Kidney outcomes (ref 943 476 5919)" // the calendar carries titles
	})
	gated := func(name string, w fyne.Window, run func()) {
		t.Helper()
		run()
		top := w.Canvas().Overlays().Top()
		if assert.NotNil(t, top, name) {
			assert.Contains(t, texts(top), "was not written", name)
		}
		for w.Canvas().Overlays().Top() != nil {
			w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
		}
	}
	gated("DPIA PDF", ed.win, func() { (&dpiaView{e: ed}).onSavePDF() })
	gated("data flow map", ed.win, func() { buildDataFlowView(ed).onExport("png") })
	gated("certificate", ed.win, func() { (&lifecycleView{e: ed}).onExportCertificate() })

	u.showDeadlines()
	gated("calendar", u.deadlinesWin.win, u.deadlinesWin.onExport)

	cw, err := ed.newCompareWindow()
	require.NoError(t, err)
	earlier := ed.App().Clone()
	earlier.Purpose.Objective = "Before."
	cw.show(earlier, ed.App().Clone(), "Earlier", "Now")
	gated("summary of changes", cw.win, cw.onSavePDF)

	lib := forms.LibraryEntry{ID: "lib1", LegalName: "University 943 476 5919"}
	require.NoError(t, st.SaveLibraryEntry(&lib))
	u.showLibrary()
	gated("library", u.libraryWin.win, u.libraryWin.onExport)
}

func TestImportedPackWithANumberIsFlaggedAtOnce(t *testing.T) {
	u, st := newTestUI(t)
	a := forms.Example()
	withNumbers(a)
	a.Overview.Title += " (ref 943 476 5919)"
	pack := filepath.Join(t.TempDir(), "carrying.zip")
	require.NoError(t, exporttest.PackCarrying(a, pack, u.now()))

	u.start.importFile(pack)
	settle(u)
	drafts, err := st.List()
	require.NoError(t, err)
	require.Len(t, drafts, 1, "it still imports, so it can be cleaned")
	ed := openOnly(t, u)
	t.Cleanup(ed.onClose)
	text := topDialog(t, ed.win)
	assert.Contains(t, text, "The imported draft holds")
	assert.Contains(t, text, "Overview → Title: 943 *** ****")
	assert.Contains(t, text, "Purpose → Objective: 943 *** ****")
	assert.Equal(t, forms.SectionOverview, ed.current, "the first place is opened")
	assert.True(t, hasFinding(ed, "patient-identifiers"), "the readiness panel shows the blocker")
}

func TestReviewerSeesTheFlagBeforeAnythingElse(t *testing.T) {
	u, _ := newTestUI(t)
	a := forms.Example()
	withNumbers(a)
	pack := filepath.Join(t.TempDir(), "carrying.zip")
	require.NoError(t, exporttest.PackCarrying(a, pack, u.now()))
	ed := u.openPackNow(pack)
	require.NotNil(t, ed)
	text := topDialog(t, ed.win)
	assert.Contains(t, text, "This pack carries NHS numbers")
	assert.Contains(t, text, "do not forward the pack")
	assert.Contains(t, texts(ed.win.Content()), "THIS PACK CARRIES 2 NHS NUMBERS")
	shoot(t, ed.win, "review-flag.png")

	// A review of it carries the title and the answers commented on, so it
	// stands at the gate too; masked, it is written without them.
	ed.review.review.Reviewer = "A Reviewer"
	_, err := ed.review.review.Comment(ed.app, forms.SectionPurpose, "purpose.objective", forms.CommentMustChange, "Remove the NHS number.")
	require.NoError(t, err)
	ed.win.Canvas().Overlays().Remove(ed.win.Canvas().Overlays().Top())
	ed.review.onSave()
	assert.Contains(t, topDialog(t, ed.win), "The review was not written")
	out := filepath.Join(t.TempDir(), "review.json")
	_, err = ed.review.saveAs(out, true)
	require.NoError(t, err)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.NotContains(t, string(b), "476 5919")
	assert.Contains(t, string(b), "943 *** ****")
}
