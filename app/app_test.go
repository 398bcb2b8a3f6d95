package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// newTestUI runs the UI on Fyne's test driver over a real store in a
// temporary directory.
func newTestUI(t *testing.T) (*UI, *storage.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := storage.Open(filepath.Join(t.TempDir(), "ui.db"))
	require.NoError(t, err)
	t.Cleanup(func() { st.Close() })
	u := New(a, st)
	queueReports(u)
	u.now = func() time.Time { return time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC) }
	u.start.win.Show()
	return u, st
}

func openOnly(t *testing.T, u *UI) *Editor {
	t.Helper()
	require.Len(t, u.editors, 1)
	for _, e := range u.editors {
		return e
	}
	return nil
}

func TestStartScreenEmptyStateOffersTheWorkedExample(t *testing.T) {
	u, st := newTestUI(t)
	assert.True(t, u.start.empty.Visible())
	assert.False(t, u.start.list.Visible())

	u.start.onExample()
	drafts, err := st.List()
	require.NoError(t, err)
	require.Len(t, drafts, 1)
	assert.Contains(t, drafts[0].Title, "worked example")
	assert.False(t, u.start.empty.Visible())
	e := openOnly(t, u)
	assert.Equal(t, drafts[0].ID, e.App().ID)
}

func TestEditsAreAutosavedAndSurviveClosing(t *testing.T) {
	u, st := newTestUI(t)
	u.start.create("Blank", "First title")
	e := openOnly(t, u)

	title := e.fields["overview.title"].(*widget.Entry)
	title.SetText("First title – edited")
	summary := e.fields["overview.summary"].(*longText)
	test.Type(summary, "Why we need the data.")
	e.onClose()
	assert.Empty(t, u.editors)

	drafts, err := st.List()
	require.NoError(t, err)
	require.Len(t, drafts, 1)
	got, err := st.Load(drafts[0].ID)
	require.NoError(t, err)
	assert.Equal(t, "First title – edited", got.Overview.Title)
	assert.Equal(t, "Why we need the data.", got.Overview.Summary)
	assert.Greater(t, got.Revision, int64(2))
}

func TestReadinessFollowsEveryEdit(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Readiness")
	e := openOnly(t, u)
	before := forms.Count(e.Findings(), forms.SectionOverview)
	require.Positive(t, before.Blockers)

	test.Type(e.fields["overview.summary"].(*longText), "A summary.")
	after := forms.Count(e.Findings(), forms.SectionOverview)
	assert.Equal(t, before.Blockers-1, after.Blockers)
	assert.Contains(t, e.readiness.totals.Text, "blocker")

	test.Type(e.fields["overview.dars_reference"].(*widget.Entry), "not-a-ref")
	assert.Contains(t, checkIDs(e.Findings()), "overview-dars-reference")
	e.onClose()
}

func checkIDs(fs []forms.Finding) []string {
	var ids []string
	for _, f := range fs {
		ids = append(ids, f.CheckID)
	}
	return ids
}

func TestChoosingAStageRecordsTheDateReached(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Stages")
	e := openOnly(t, u)
	stage := e.fields["overview.stage"].(*widget.Select)
	stage.SetSelected(forms.StagePreliminary.Label())
	d, ok := e.App().StageReached(forms.StagePreliminary)
	require.True(t, ok)
	assert.Equal(t, "2026-11-23", d.String())
	assert.Equal(t, forms.StagePreliminary, e.App().Overview.Stage)
	e.onClose()
}

func TestOpenFindingPutsCursorInItsField(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Focus")
	e := openOnly(t, u)
	e.Open(forms.SectionOverview, "overview.requested_end")
	assert.Equal(t, e.fields["overview.requested_end"], e.win.Canvas().Focused())

	e.Open(forms.SectionPurpose, "")
	assert.Equal(t, forms.SectionPurpose, e.current)
	e.onClose()
}

func TestDeleteGoesToTheBinAndCanBeRestored(t *testing.T) {
	u, st := newTestUI(t)
	u.start.create("Blank", "To delete")
	openOnly(t, u).onClose()
	drafts, _ := st.List()
	require.Len(t, drafts, 1)

	require.NoError(t, st.Delete(drafts[0].ID))
	u.start.refresh()
	assert.Equal(t, "Bin (1)", u.start.binBtn.Text)
	assert.True(t, u.start.empty.Visible())

	u.start.restore(drafts[0])
	assert.Equal(t, "Bin (0)", u.start.binBtn.Text)
	assert.Len(t, u.start.drafts, 1)
}

func TestSnapshotAndRestoreRevision(t *testing.T) {
	u, st := newTestUI(t)
	u.start.create("Blank", "Before")
	e := openOnly(t, u)
	e.onSnapshot()
	e.fields["overview.title"].(*widget.Entry).SetText("After")
	e.save.flush()
	snaps, err := st.Snapshots(e.App().ID)
	require.NoError(t, err)
	require.Len(t, snaps, 1)

	require.NoError(t, st.RestoreSnapshot(e.App().ID, snaps[0].ID))
	e.onClose()
	got, err := st.Load(snaps[0].DraftID)
	require.NoError(t, err)
	assert.Equal(t, "Before", got.Overview.Title)
}

func TestHumanTime(t *testing.T) {
	now := time.Date(2026, 11, 23, 15, 0, 0, 0, time.Local)
	for name, tc := range map[string]struct {
		at   time.Time
		want string
	}{
		"today":     {now.Add(-time.Hour), "today 14:00"},
		"yesterday": {now.AddDate(0, 0, -1), "yesterday 15:00"},
		"older":     {time.Date(2026, 3, 2, 9, 0, 0, 0, time.Local), "2 Mar 2026"},
		"never":     {time.Time{}, "never"},
	} {
		t.Run(name, func(t *testing.T) { assert.Equal(t, tc.want, humanTime(tc.at, now)) })
	}
}

func TestTallyText(t *testing.T) {
	assert.Equal(t, "Nothing stands in the way of submission.", TallyText(forms.Tally{}))
	assert.Equal(t, "1 blocker, 3 pieces of advice", TallyText(forms.Tally{Blockers: 1, Advice: 3}))
	assert.Equal(t, "2 warnings", TallyText(forms.Tally{Warnings: 2}))
}

func TestAppearanceIsKeptAndApplied(t *testing.T) {
	u, _ := newTestUI(t)
	u.applyAppearance(appearanceLight)
	assert.Equal(t, appearanceLight, u.fyne.Preferences().String(appearancePref))
	light := u.fyne.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantDark)
	u.applyAppearance(appearanceDark)
	dark := u.fyne.Settings().Theme().Color(theme.ColorNameBackground, theme.VariantLight)
	assert.NotEqual(t, light, dark)
}

func TestStepThroughSectionsWraps(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Steps")
	e := openOnly(t, u)
	e.stepSection(-1)
	assert.Equal(t, forms.Sections[len(forms.Sections)-1].ID, e.current)
	e.stepSection(1)
	assert.Equal(t, forms.SectionOverview, e.current)
	e.stepSection(1)
	assert.Equal(t, forms.Sections[1].ID, e.current)
	e.onClose()
}

func TestStartScreenFollowsATitleChangedInTheDraftWindow(t *testing.T) {
	u, _ := newTestUI(t)
	reports := queueReports(u)
	u.start.create("Blank", "Old title")
	e := openOnly(t, u)
	u.showStart() // All drafts (Ctrl+O) while the draft stays open
	e.fields["overview.title"].(*widget.Entry).SetText("New title")
	e.save.flush()
	reports.drain()
	require.Len(t, u.start.drafts, 1)
	assert.Equal(t, "New title", u.start.drafts[0].Title)
	e.onClose()
}

func TestEverySectionHasAScreen(t *testing.T) {
	for _, s := range forms.Sections {
		assert.NotNil(t, sectionViews[s.ID], "no screen for %s", s.ID)
	}
}

func TestStartScreenShowsTheLastEditOfADraftSavedFromItsWindow(t *testing.T) {
	u, st := newTestUI(t)
	reports := queueReports(u)
	u.start.create("Blank", "Older")
	older := openOnly(t, u)
	older.onClose()
	u.start.create("Blank", "Newer")
	require.Len(t, u.start.drafts, 2)
	require.Equal(t, "Newer", u.start.drafts[0].Title)
	for id, e := range u.editors {
		e.onClose()
		delete(u.editors, id)
	}
	stamp := func(id string) time.Time {
		ds, err := st.List()
		require.NoError(t, err)
		for _, d := range ds {
			if d.ID == id {
				return d.Updated
			}
		}
		t.Fatalf("no draft %s", id)
		return time.Time{}
	}

	e := u.openDraft(older.App().ID)
	u.showStart()
	for i, text := range []string{"First aim.", "Second aim."} {
		e.fields["overview.summary"].(*longText).SetText(text)
		e.save.flush()
		reports.drain()
		require.Equal(t, older.App().ID, u.start.drafts[0].ID, "edit %d: the draft edited last stands first", i+1)
		assert.WithinDuration(t, stamp(e.App().ID), u.start.drafts[0].Updated, time.Second, "edit %d: the time shown is the save's", i+1)
	}
	e.onClose()
}
