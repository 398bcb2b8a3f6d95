package cli_test

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/app/instance"
	"github.com/darsworkbench/dars-workbench/storage"
)

// A command that changes a draft in place is refused while the window has
// the same database open: the window's next save of the draft would
// overwrite it without a word (red team, issue 11: a review imported here
// lost its comments when the draft's window autosaved). The window being
// open on another database does not stop it.
func TestChangesInPlaceWaitForTheWindow(t *testing.T) {
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("HOME", config)
	dir, err := instance.Dir()
	require.NoError(t, err)

	db := seeded(t, "Kidney outcomes")
	st, err := storage.Open(db)
	require.NoError(t, err)
	drafts, err := st.List()
	require.NoError(t, err)
	a, err := st.Load(drafts[0].ID)
	require.NoError(t, err)
	require.NoError(t, st.Close())
	review := reviewOf(t, a)

	lock, err := instance.Claim(dir)
	require.NoError(t, err)
	lock.Record(filepath.Join(filepath.Dir(db), ".", filepath.Base(db)))
	code, _, errOut := run(t, db, "review", "import", review, a.ID)
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "DARS Workbench is open on this database")
	assert.Contains(t, errOut, "Review → Import review…")
	code, _, errOut = run(t, db, "library", "import", filepath.Join(t.TempDir(), "lib.json"))
	assert.Equal(t, 2, code)
	assert.Contains(t, errOut, "Organisation library → Import…")
	st, err = storage.Open(db)
	require.NoError(t, err)
	after, err := st.Load(a.ID)
	require.NoError(t, err)
	require.NoError(t, st.Close())
	assert.Equal(t, a.Revision, after.Revision, "nothing was changed")

	lock.Record(filepath.Join(t.TempDir(), "other.db"))
	code, _, errOut = run(t, db, "review", "import", review, a.ID)
	assert.Equal(t, 0, code, errOut)

	lock.Release()
	held, _, err := instance.Holding(dir)
	require.NoError(t, err)
	assert.False(t, held)
}
