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

	for name, path := range map[string]string{
		"evidence missing from the store": filepath.Join(t.TempDir(), "pack.zip"),
		"a name too long to keep":         filepath.Join(t.TempDir(), strings.Repeat("x", 300)+".zip"),
	} {
		e.exportTo(path)
		settle(u)
		assert.Contains(t, topText(e.win), "The pack was not written, and nothing was changed", name)
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
	drafts, err := st.List()
	require.NoError(t, err)
	assert.Empty(t, drafts, "nothing is created from a bad file")
	assert.NotNil(t, u.start.win.Canvas().Overlays().Top(), "an error dialog explains it")
}
