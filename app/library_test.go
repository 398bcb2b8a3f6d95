package app

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	store "github.com/darsworkbench/dars-workbench/storage"
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
	ed.save.flush()
	assert.Equal(t, e.ID, ed.App().Organisations[0].LibraryID)

	// A second draft, closed, links to the same organisation.
	other := forms.Example()
	other.ID, other.Overview.Title = forms.NewID(), "Second study"
	other.Organisations[0].LibraryID = e.ID
	require.NoError(t, st.Create(other))

	// The IG lead records the DSPT running out soon: the open draft shows it.
	w.reload(e.ID)
	require.NotNil(t, w.cur)
	w.cur.Security.DSPTValidUntil = forms.NewDate(2026, 12, 1)
	w.cur.ODSCode = "EE133"
	w.save(w.cur)
	ed.save.flush()
	assert.Equal(t, forms.NewDate(2026, 12, 1), ed.App().Organisations[0].Security.DSPTValidUntil)
	assert.Contains(t, NextDeadlineText(ed), "1 Dec 2026 — Publish the DSPT assessment for University of Exampleton")
	assert.True(t, hasFinding(ed, "org-dspt-expiring"))

	// Then lapsing, with no certificate to fall back on: a blocker in
	// every draft that uses the organisation, open or not.
	w.cur.Security.DSPTValidUntil = forms.NewDate(2026, 11, 1)
	w.cur.Security.ISO27001, w.cur.Security.ISO27001Expiry = false, forms.Date{}
	w.save(w.cur)
	ed.save.flush()
	assert.True(t, hasFinding(ed, "org-security"))
	loaded, err := st.LoadWithLibrary(other.ID)
	require.NoError(t, err)
	var ids []string
	for _, f := range forms.Evaluate(loaded, u.now()) {
		ids = append(ids, f.CheckID)
	}
	assert.Contains(t, ids, "org-security")

	w.win.Resize(fyne.NewSize(1100, 760))
	shoot(t, w.win, "library.png")

	// A draft opened later gets the library's values too.
	ed.onClose()
	u.openDraft(ed.App().ID)
	again := u.editors[ed.App().ID]
	t.Cleanup(func() { again.save.close() })
	assert.Equal(t, forms.NewDate(2026, 11, 1), again.App().Organisations[0].Security.DSPTValidUntil)
}

func TestLibraryPackCarriesDocumentsBetweenStores(t *testing.T) {
	_, from := newTestUI(t)
	att, err := from.AttachFile(store.LibraryOwner("uoe"), "d1", "dspt.pdf", strings.NewReader(tinyPDF))
	require.NoError(t, err)
	// The window records the facts of what it attaches; a pack states them.
	att, err = inspectStored(from, att)
	require.NoError(t, err)
	entries := []forms.LibraryEntry{{ID: "uoe", LegalName: "University of Exampleton",
		SecurityDocuments: []forms.EvidenceItem{{ID: "d1", Title: "DSPT publication", Status: forms.EvidenceFinal, File: &att}}}}

	var pack bytes.Buffer
	missing, err := writeLibraryFile(&pack, "library.zip", entries, from, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Empty(t, missing)

	_, to := newTestUI(t)
	got, err := readLibraryFile(&pack, to)
	require.NoError(t, err)
	assert.Equal(t, entries, got)
	rc, err := to.Open(att.SHA256)
	require.NoError(t, err, "the document arrived in the other store")
	rc.Close()

	// The bare JSON form carries the records only.
	var js bytes.Buffer
	_, err = writeLibraryFile(&js, "library.json", entries, from, time.Time{})
	require.NoError(t, err)
	got, err = readLibraryFile(&js, to)
	require.NoError(t, err)
	assert.Equal(t, entries, got)
}

func TestLibraryPickerNamesOrganisationsInFullAndSaysWhenAllAreLinked(t *testing.T) {
	u, st := newTestUI(t)
	long := "University Hospitals of Exampleton and North Westshire NHS Foundation Trust"
	openExample(t, u, st, func(a *forms.Application) { a.Organisations[0].Name = long })
	u.showLibrary()
	w := u.libraryWin
	t.Cleanup(func() { w.dirty = false; w.onClose() })

	w.onAddFromDraft()
	top := w.win.Canvas().Overlays().Top()
	require.NotNil(t, top)
	var pick *widget.RadioGroup
	for _, o := range test.LaidOutObjects(top) {
		if r, ok := o.(*widget.RadioGroup); ok {
			pick = r
		}
	}
	require.NotNil(t, pick, "organisations are offered in a list that shows them whole")
	require.Len(t, pick.Options, 1)
	assert.Contains(t, pick.Options[0], long)
	confirmOn(t, w.win, "Choose")
	require.Len(t, w.entries, 1)
	assert.Equal(t, long, w.entries[0].Name())

	// Nothing left to add, nothing left to link: each says so.
	w.onAddFromDraft()
	assert.Contains(t, topText(w.win), "already linked to a library entry")
	w.win.Canvas().Overlays().Remove(w.win.Canvas().Overlays().Top())
	w.onLink(w.entries[0])
	assert.Contains(t, topText(w.win), "already linked to "+long)
}

func confirmOn(t *testing.T, w fyne.Window, label string) {
	t.Helper()
	top := w.Canvas().Overlays().Top()
	require.NotNil(t, top, "no dialog shown")
	b := findButton(top, label)
	require.NotNil(t, b, "no %q button in the dialog", label)
	test.Tap(b)
}
