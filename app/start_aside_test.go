package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// shownWindows are the titles of the windows the driver still has (the
// test driver keeps an untitled one of its own).
func shownWindows(u *UI) []string {
	var titles []string
	for _, w := range u.fyne.Driver().AllWindows() {
		if w.Title() != "" {
			titles = append(titles, w.Title())
		}
	}
	return titles
}

func menuItem(t *testing.T, m *fyne.MainMenu, label string) *fyne.MenuItem {
	t.Helper()
	for _, menu := range m.Items {
		for _, it := range menu.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// The start window steps aside while a draft is open (each window costs a
// drawing context) and comes back, up to date, when the last draft closes.
func TestStartWindowStepsAsideWhileADraftIsOpen(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Kidney outcomes")
	e := openOnly(t, u)
	assert.True(t, u.start.closed, "the start window closes once the draft's window is open")
	assert.Equal(t, []string{"Kidney outcomes — DARS Workbench"}, shownWindows(u))

	e.fields["overview.title"].(*widget.Entry).SetText("Renal outcomes")
	e.onClose()
	require.False(t, u.start.closed, "closing the last draft brings the start window back")
	assert.Equal(t, []string{"DARS Workbench"}, shownWindows(u))
	require.Len(t, u.start.drafts, 1)
	assert.Equal(t, "Renal outcomes", u.start.drafts[0].Title, "the list is read afresh")
	assert.False(t, u.quitting)
}

func TestAllDraftsBringsTheStartWindowBackBesideTheDraft(t *testing.T) {
	u, st := newTestUI(t)
	u.start.create("Blank", "First")
	first := openOnly(t, u)
	second := forms.Example()
	second.ID, second.Overview.Title = forms.NewID(), "Second"
	require.NoError(t, st.Create(second))
	item := menuItem(t, first.win.MainMenu(), "All drafts…")
	assert.Equal(t, ctrl(fyne.KeyO), item.Shortcut)

	item.Action()
	require.False(t, u.start.closed)
	assert.ElementsMatch(t, []string{"First — DARS Workbench", "DARS Workbench"}, shownWindows(u))
	require.Len(t, u.start.drafts, 2, "the new list shows both drafts")

	// Opening another draft from it puts it aside again.
	u.start.list.Select(0)
	assert.True(t, u.start.closed)
	assert.Len(t, u.editors, 2)

	// Closing one of two drafts leaves the start window away; the last
	// brings it back.
	for _, e := range u.openEditors() {
		e.onClose()
		if len(u.editors) == 1 {
			assert.True(t, u.start.closed, "one draft is still open")
		}
	}
	assert.False(t, u.start.closed)
}

func TestClosingTheStartWindowBesideADraftOnlyClosesIt(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Kept open")
	e := openOnly(t, u)
	u.showStart()
	u.start.onCloseRequest()
	assert.True(t, u.start.closed)
	assert.False(t, u.quitting, "the draft is still being worked on")
	assert.False(t, e.closed)

	// Quit from the draft's window ends the app and brings nothing back.
	u.Quit()
	assert.True(t, u.quitting)
	assert.True(t, e.closed)
	assert.True(t, u.start.closed, "no start window reappears while quitting")
}

func TestClosingTheStartWindowWithNoDraftOpenQuits(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.onCloseRequest()
	assert.True(t, u.quitting)
}

// A message with no draft of its own goes to a window that is open.
func TestHomeIsAnOpenWindow(t *testing.T) {
	u, _ := newTestUI(t)
	assert.Equal(t, u.start.win, u.home())
	u.start.create("Blank", "Draft")
	e := openOnly(t, u)
	assert.Equal(t, e.win, u.home(), "the start window is away: the draft's window")
}
