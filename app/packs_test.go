package app

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
)

func TestExportFromTheWindowThenImportItBack(t *testing.T) {
	u, st := newTestUI(t)
	reports := queueReports(u)
	u.start.onExample()
	e := openOnly(t, u)
	id := e.App().ID

	pack := filepath.Join(t.TempDir(), "example.zip")
	e.exportTo(pack)
	require.Eventually(t, func() bool {
		reports.drain()
		_, err := os.Stat(pack)
		return err == nil && e.win.Canvas().Overlays().Top() != nil
	}, 30*time.Second, 50*time.Millisecond, "the pack is written and reported")

	snaps, err := st.Snapshots(id)
	require.NoError(t, err)
	require.NotEmpty(t, snaps)
	assert.Equal(t, "before export", snaps[0].Reason)

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
