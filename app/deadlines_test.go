package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestLifecycleOffersDestructionRecordAfterDSAEnds(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) {
		a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2024, 4, 1), DSAEnd: forms.NewDate(2026, 11, 16), CohortFileSent: forms.NewDate(2024, 4, 20)}
	})
	ed.win.Resize(fyne.NewSize(1280, 900))
	ed.selectSection(forms.SectionLifecycle)
	require.True(t, hasFinding(ed, "lifecycle-destruction"))

	start, ok := ed.fields["lifecycle.destruction"].(*widget.Button)
	require.True(t, ok, "an ended DSA offers the destruction record")
	test.Tap(start)
	require.NotNil(t, ed.App().Lifecycle.Destruction)

	ed.save.flush()
	for path, text := range map[string]string{
		"lifecycle.destruction.what_destroyed": "All HES extracts and back-ups",
		"lifecycle.destruction.destroyed_by":   "Tomás O'Neill",
		"lifecycle.destruction.method":         "Certified secure erase",
		"lifecycle.destruction.destroyed_on":   "2026-11-20",
	} {
		typeInto(ed, path, text)
	}
	r := ed.App().Lifecycle.Destruction
	assert.Equal(t, forms.NewDate(2026, 11, 20), r.DestroyedOn)
	assert.NoError(t, forms.ValidateDestruction(r))
	msg := findingMessage(ed, "lifecycle-destruction")
	assert.Contains(t, msg, "certificate of destruction", "what is left is sending the certificate")
	shoot(t, ed.win, "after-approval.png")

	typeInto(ed, "lifecycle.destruction.confirmation_sent", "2026-11-21")
	assert.False(t, hasFinding(ed, "lifecycle-destruction"))
}

func TestLifecycleCertificateNeedsCompleteRecord(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) {
		a.Lifecycle = forms.Lifecycle{DSAEnd: forms.NewDate(2026, 11, 16), Destruction: &forms.DestructionRecord{WhatDestroyed: "Extracts"}}
	})
	ed.selectSection(forms.SectionLifecycle)
	v := &lifecycleView{e: ed}
	v.onExportCertificate()
	top := ed.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "an incomplete record is refused with a message")
	assert.Contains(t, texts(top), "how it was destroyed")
}

func TestOverviewShowsNextDeadline(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) {
		a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2026, 11, 10)}
	})
	assert.Equal(t, "Next deadline: 10 Dec 2026 — Send the cohort file to NHS England (the DSA was signed 10 Nov 2026) (in 17 days)", NextDeadlineText(ed))
}

func TestDeadlinesWindowAcrossDrafts(t *testing.T) {
	u, st := newTestUI(t)
	for _, end := range []forms.Date{forms.NewDate(2026, 11, 1), forms.NewDate(2028, 1, 1)} {
		a := forms.Example()
		a.ID = forms.NewID()
		a.Overview.Title = "Study ending " + end.Human()
		a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2025, 1, 1), DSAEnd: end, CohortFileSent: forms.NewDate(2025, 1, 5)}
		require.NoError(t, st.Create(a))
	}
	u.showDeadlines()
	w := u.deadlinesWin
	require.NotNil(t, w)
	// Two drafts × (renewal, destruction, confirmation, REC annual review)
	// + the example's DSPT and ISO 27001 dates, once per draft as they are
	// not in the library.
	assert.Len(t, w.all, 12)
	assert.Contains(t, w.summary.Text, "12 deadlines: 3 overdue, 0 due within 30 days.")
	w.win.Resize(fyne.NewSize(1100, 700))
	shoot(t, w.win, "deadlines.png")

	test.Tap(w.onlyUrgent)
	assert.Len(t, w.rows.Objects, 3, "only the overdue ones")
}

// typeInto sets a field's text and waits for the autosave it starts: the
// test driver runs fyne.Do on the saver's goroutine, so edits must not
// overlap a save in progress.
func typeInto(ed *Editor, path, text string) {
	ed.fields[path].(*widget.Entry).SetText(text)
	ed.save.flush()
}

func findingMessage(ed *Editor, id string) string {
	for _, f := range ed.Findings() {
		if f.CheckID == id {
			return f.Message
		}
	}
	return ""
}

func TestOverviewScreenshot(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, func(a *forms.Application) {
		a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2026, 11, 10)}
	})
	ed.win.Resize(fyne.NewSize(1280, 800))
	ed.selectSection(forms.SectionOverview)
	assert.Contains(t, texts(ed.body.Content), "Next deadline: 10 Dec 2026")
	assertScreen(t, ed.win, "overview.png")
}
