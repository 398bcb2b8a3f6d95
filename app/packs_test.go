package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

func TestExportFromTheWindowThenImportItBack(t *testing.T) {
	u, st := newTestUI(t)
	u.start.onExample()
	e := openOnly(t, u)
	id := e.App().ID

	pack := filepath.Join(t.TempDir(), "example.zip")
	e.exportTo(pack)
	settle(u)
	require.FileExists(t, pack)
	assert.Contains(t, topText(e.win), "The pack was written to")

	snaps, err := st.Snapshots(id)
	require.NoError(t, err)
	require.NotEmpty(t, snaps)
	assert.Equal(t, "exported as example.zip", snaps[0].Reason)

	rep, err := export.Verify(pack)
	require.NoError(t, err)
	assert.True(t, rep.OK(), "the pack verifies: %v", rep.Problems)

	e.onClose()
	u.start.importFile(pack)
	settle(u)
	drafts, err := st.List()
	require.NoError(t, err)
	require.Len(t, drafts, 2, "the import is a new draft beside the original")
	assert.Len(t, u.editors, 1, "the imported draft is opened")
	for _, ed := range u.editors {
		assert.NotEqual(t, id, ed.App().ID)
		assert.Equal(t, e.App().Overview.Title+" (imported 23 Nov 2026)", ed.App().Overview.Title, "told apart from the original")
		ed.onClose()
	}
}

// A failed export changes nothing in the database: no snapshot, no new
// revision.
func TestFailedExportFromTheWindowChangesNothing(t *testing.T) {
	u, st := newTestUI(t)
	a := forms.Example()
	a.ID = forms.NewID()
	a.Evidence[0].File = &forms.Attachment{Name: "protocol.pdf", Size: 10, SHA256: "6d5a9896fb5cc2d815ca979d7c6b5b226aa0827d20cd410eedd9eae11dab7e08"}
	require.NoError(t, st.Create(a))
	e := u.openDraft(a.ID)
	settle(u)
	before, err := st.Load(a.ID)
	require.NoError(t, err)

	// In order, each case leaving one reason to fail: the file that is not
	// in the store, then (without it) a name found too long only when the
	// finished pack is renamed into place, then an NHS number.
	for _, tc := range []struct {
		name, path, says string
		edit             func(a *forms.Application)
	}{
		{"evidence missing from the store", filepath.Join(t.TempDir(), "pack.zip"), "attach the file again", nil},
		{"a name too long to keep", filepath.Join(t.TempDir(), strings.Repeat("x", 300)+".zip"), "file name too long", func(a *forms.Application) { a.Evidence[0].File = nil }},
		{"refused: an NHS number in the draft", filepath.Join(t.TempDir(), "pack.zip"), "943 *** ****", func(a *forms.Application) {
			a.Purpose.Objective += " Patient 943 476 5919 was seen."
		}},
	} {
		name, path := tc.name, tc.path
		if tc.edit != nil {
			// A change in the window that was never saved would show as
			// a change below: make it, save it, and measure from there.
			tc.edit(e.App())
			e.Changed()
			settle(u)
			if before, err = st.Load(a.ID); err != nil {
				t.Fatal(err)
			}
		}
		e.exportTo(path)
		settle(u)
		assert.Contains(t, topText(e.win), "The pack was not written, and nothing was changed", name)
		assert.Contains(t, topText(e.win), tc.says, name)
		assert.NoFileExists(t, path, name)
		snaps, err := st.Snapshots(a.ID)
		require.NoError(t, err)
		assert.Empty(t, snaps, name)
		after, err := st.Load(a.ID)
		require.NoError(t, err)
		assert.Equal(t, before, after, name)
	}
	e.onClose()
}

// An export still writing when the window closes is finished, and its
// snapshot kept, before the app stops.
func TestExportStillWritingWhenTheAppQuitsIsFinished(t *testing.T) {
	u, st := newTestUI(t)
	u.start.onExample()
	e := openOnly(t, u)
	pack := filepath.Join(t.TempDir(), "late.zip")
	e.exportTo(pack)
	u.Quit()
	settle(u)
	u.Shutdown()
	require.FileExists(t, pack)
	rep, err := export.Verify(pack)
	require.NoError(t, err)
	assert.True(t, rep.OK())
	snaps, err := st.Snapshots(e.App().ID)
	require.NoError(t, err)
	require.Len(t, snaps, 1)
	assert.Equal(t, "exported as late.zip", snaps[0].Reason)
}

func TestImportingAFileThatIsNotAPackSaysWhy(t *testing.T) {
	u, st := newTestUI(t)
	bad := filepath.Join(t.TempDir(), "notes.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"hello":`), 0o600))
	u.start.importFile(bad)
	// The file is read off the UI goroutine: the window says what it is
	// doing meanwhile instead of freezing.
	assert.Contains(t, topDialog(t, u.start.win), "Checking every file and reading the draft")
	settle(u)
	assert.NotContains(t, topDialog(t, u.start.win), "Checking every file", "the progress goes when the answer comes")
	drafts, err := st.List()
	require.NoError(t, err)
	assert.Empty(t, drafts, "nothing is created from a bad file")
	assert.NotNil(t, u.start.win.Canvas().Overlays().Top(), "an error dialog explains it")
}
