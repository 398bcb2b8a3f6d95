package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestLibraryChangeReachesOpenDraft(t *testing.T) {
	u, st := newTestUI(t)
	ed := openExample(t, u, st, nil)

	u.showLibrary()
	w := u.libraryWin
	require.NotNil(t, w)
	t.Cleanup(func() { w.dirty = false; w.onClose() })

	// Add the draft's organisation to the library: the draft links to it.
	orgs, err := w.allOrganisations()
	require.NoError(t, err)
	require.Len(t, orgs, 1)
	e := forms.LibraryFromOrganisation(orgs[0].org)
	require.NoError(t, w.ls.SaveLibraryEntry(&e))
	w.linkDraft(orgs[0], e)
	assert.Equal(t, e.ID, ed.App().Organisations[0].LibraryID)

	// The IG lead records the DSPT lapsing: the open draft shows it.
	w.reload(e.ID)
	require.NotNil(t, w.cur)
	w.cur.Security.DSPTValidUntil = forms.NewDate(2026, 12, 1)
	w.cur.ODSCode = "EE133"
	w.save(w.cur)
	assert.Equal(t, forms.NewDate(2026, 12, 1), ed.App().Organisations[0].Security.DSPTValidUntil)
	assert.Contains(t, NextDeadlineText(ed), "1 Dec 2026 — Publish the DSPT assessment for University of Exampleton")

	w.win.Resize(fyne.NewSize(1100, 760))
	shoot(t, w.win, "library.png")

	// A draft opened later gets the library's values too.
	ed.onClose()
	u.openDraft(ed.App().ID)
	again := u.editors[ed.App().ID]
	t.Cleanup(func() { again.save.close() })
	assert.Equal(t, forms.NewDate(2026, 12, 1), again.App().Organisations[0].Security.DSPTValidUntil)
}
