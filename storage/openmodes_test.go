package storage_test

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dirState is every file in dir with its content hash: what "nothing
// changed" means on disk, -wal and -shm files included.
func dirState(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		out = append(out, fmt.Sprintf("%s %x", p, fileHash(t, p)))
		return nil
	})
	require.NoError(t, err)
	sort.Strings(out)
	return out
}

func TestOpenersRefuseAMissingDatabaseAndCreateNothing(t *testing.T) {
	for name, open := range map[string]func(string) (*storage.Store, error){
		"read-only": storage.OpenReadOnly,
		"existing":  storage.OpenExisting,
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			for _, p := range []string{filepath.Join(dir, "missing.db"), filepath.Join(dir, "no", "such", "folder", "x.db")} {
				s, err := open(p)
				assert.Nil(t, s)
				require.ErrorIs(t, err, storage.ErrNoDatabase)
				assert.Contains(t, err.Error(), p, "the message names the path")
			}
			empty := filepath.Join(dir, "empty.db")
			require.NoError(t, os.WriteFile(empty, nil, 0o600))
			_, err := open(empty)
			require.ErrorIs(t, err, storage.ErrNoDatabase)
			assert.ErrorContains(t, err, "empty")
			_, err = open(dir)
			assert.ErrorIs(t, err, storage.ErrNotOurs, "a folder")
			assert.Equal(t, []string{fmt.Sprintf("%s %x", empty, fileHash(t, empty))}, dirState(t, dir), "nothing created")
		})
	}
}

func TestOpenReadOnlyWritesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "workbench.db")
	s, err := storage.Open(p)
	require.NoError(t, err)
	a := newDraft("kept")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.Close())
	before := dirState(t, dir)

	ro, err := storage.OpenReadOnly(p)
	require.NoError(t, err)
	list, err := ro.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	got, err := ro.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, "kept", got.Overview.Title)
	got.Overview.Title = "changed"
	assert.Error(t, ro.Save(got), "a read-only store refuses writes")
	_, err = ro.Snapshot(a.ID, "asked")
	assert.Error(t, err)
	require.NoError(t, ro.Close())

	assert.Equal(t, before, dirState(t, dir), "no file changed or created, not even -wal or -shm")
}

// While the window holds the database, the newest edits may still be in the
// WAL: a reader sees them, and adds no file.
func TestOpenReadOnlySeesEditsStillInTheWAL(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "workbench.db")
	w, err := storage.Open(p)
	require.NoError(t, err)
	defer w.Close()
	a := newDraft("first")
	require.NoError(t, w.Create(a))
	a.Overview.Title = "second, only in the WAL"
	require.NoError(t, w.Save(a))
	require.FileExists(t, p+"-wal")
	files := len(dirState(t, dir))

	ro, err := storage.OpenReadOnly(p)
	require.NoError(t, err)
	defer ro.Close()
	got, err := ro.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, "second, only in the WAL", got.Overview.Title)
	assert.Len(t, dirState(t, dir), files)

	// The writer goes on writing while the reader is open.
	a.Overview.Title = "third"
	require.NoError(t, w.Save(a))
	got, err = ro.Load(a.ID)
	require.NoError(t, err)
	assert.Equal(t, "third", got.Overview.Title)
}

func TestOpenReadOnlyRefusesWhatOpenRefuses(t *testing.T) {
	for name, tc := range map[string]struct {
		make func(t *testing.T, p string)
		want error
	}{
		"text file": {func(t *testing.T, p string) {
			require.NoError(t, os.WriteFile(p, []byte("name,stage\n"+string(make([]byte, 200))), 0o600))
		}, storage.ErrNotOurs},
		"another program's database": {func(t *testing.T, p string) {
			rawDB(t, p, "PRAGMA application_id = 305419896", "CREATE TABLE contacts (name TEXT)")
		}, storage.ErrNotOurs},
		"unmarked database with tables": {func(t *testing.T, p string) { rawDB(t, p, "CREATE TABLE drafts (x)") }, storage.ErrNotOurs},
		"unmarked database without tables": {func(t *testing.T, p string) {
			rawDB(t, p, "CREATE TABLE x (y)", "DROP TABLE x")
		}, storage.ErrNoDatabase},
		"from a newer version": {func(t *testing.T, p string) {
			rawDB(t, p, "PRAGMA application_id = 1145131603", "CREATE TABLE future (x)", "PRAGMA user_version = 999")
		}, storage.ErrTooNew},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			p := filepath.Join(dir, "x.db")
			tc.make(t, p)
			before := dirState(t, dir)
			s, err := storage.OpenReadOnly(p)
			if s != nil {
				s.Close()
			}
			require.ErrorIs(t, err, tc.want)
			assert.Equal(t, before, dirState(t, dir))
		})
	}
}

// A database an older version wrote is brought up to date, since this
// version cannot read the old layout; its drafts are kept.
func TestOpenReadOnlyUpgradesAnOlderSchema(t *testing.T) {
	p := filepath.Join(t.TempDir(), "old.db")
	first, err := os.ReadFile("migrations/0001_init.sql")
	require.NoError(t, err)
	a := newDraft("from version one")
	body, err := forms.Encode(a)
	require.NoError(t, err)
	rawDB(t, p, "PRAGMA journal_mode = WAL", fmt.Sprintf("PRAGMA application_id = %d", storage.ApplicationID), string(first), "PRAGMA user_version = 1")
	db, err := sql.Open("sqlite", p)
	require.NoError(t, err)
	_, err = db.Exec(`INSERT INTO drafts VALUES (?, 'from version one', 'enquiry', 1, ?, 1, 1, NULL)`, a.ID, string(body))
	require.NoError(t, err)
	require.NoError(t, db.Close())

	ro, err := storage.OpenReadOnly(p)
	require.NoError(t, err)
	defer ro.Close()
	list, err := ro.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	_, err = ro.Library()
	assert.NoError(t, err, "tables of later versions are there")
}

func TestOpenExistingWrites(t *testing.T) {
	p := filepath.Join(t.TempDir(), "workbench.db")
	s, err := storage.Open(p)
	require.NoError(t, err)
	a := newDraft("kept")
	require.NoError(t, s.Create(a))
	require.NoError(t, s.Close())

	s, err = storage.OpenExisting(p)
	require.NoError(t, err)
	defer s.Close()
	_, err = s.Snapshot(a.ID, "asked")
	assert.NoError(t, err)
}

func TestSnapshotOfKeepsTheCopyGiven(t *testing.T) {
	s := openTemp(t)
	a := newDraft("as stored")
	require.NoError(t, s.Create(a))
	sent := a.Clone()
	sent.Overview.Title = "as exported, with the library's values"
	info, err := s.SnapshotOf(sent, storage.ReasonExported("pack.zip"))
	require.NoError(t, err)
	assert.Equal(t, int64(1), info.Revision)
	assert.Equal(t, "exported as pack.zip", info.Reason)
	got, err := s.LoadSnapshot(info.ID)
	require.NoError(t, err)
	assert.Equal(t, sent, got)
	list, err := s.Snapshots(a.ID)
	require.NoError(t, err)
	assert.Equal(t, []storage.SnapshotInfo{info}, list)

	gone := newDraft("never stored")
	_, err = s.SnapshotOf(gone, "x")
	assert.ErrorIs(t, err, forms.ErrNotFound)
}
