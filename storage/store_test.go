package storage_test

import (
	"crypto/sha256"
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	"github.com/darsworkbench/dars-workbench/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func fileHash(t *testing.T, p string) [32]byte {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return sha256.Sum256(b)
}

// rawDB makes a SQLite file the way another program might, bypassing Store.
func rawDB(t *testing.T, p string, stmts ...string) {
	t.Helper()
	db, err := sql.Open("sqlite", p)
	require.NoError(t, err)
	defer db.Close()
	for _, s := range stmts {
		_, err := db.Exec(s)
		require.NoError(t, err, s)
	}
}

func pragma(t *testing.T, p, name string) int64 {
	t.Helper()
	db, err := sql.Open("sqlite", p)
	require.NoError(t, err)
	defer db.Close()
	var v int64
	require.NoError(t, db.QueryRow("PRAGMA "+name).Scan(&v))
	return v
}

func TestOpenCreatesMarkedDatabase(t *testing.T) {
	p := filepath.Join(t.TempDir(), "nested", "deeper", "workbench.db")
	s, err := storage.Open(p)
	require.NoError(t, err)
	assert.Equal(t, p, s.Path())
	require.NoError(t, s.Create(newDraft("kept")))
	require.NoError(t, s.Close())

	assert.Equal(t, int64(storage.ApplicationID), pragma(t, p, "application_id"))
	migs, err := filepath.Glob("migrations/*.sql")
	require.NoError(t, err)
	assert.Equal(t, int64(len(migs)), pragma(t, p, "user_version"), "one user_version step per migration file")
	assert.Equal(t, "wal", func() string {
		db, err := sql.Open("sqlite", p)
		require.NoError(t, err)
		defer db.Close()
		var m string
		require.NoError(t, db.QueryRow("PRAGMA journal_mode").Scan(&m))
		return m
	}())

	// Reopening migrates nothing and keeps the data.
	s, err = storage.Open(p)
	require.NoError(t, err)
	defer s.Close()
	list, err := s.List()
	require.NoError(t, err)
	require.Len(t, list, 1)
	assert.Equal(t, "kept", list[0].Title)
}

func TestOpenAcceptsEmptyFile(t *testing.T) {
	p := filepath.Join(t.TempDir(), "empty.db")
	require.NoError(t, os.WriteFile(p, nil, 0o600))
	s, err := storage.Open(p)
	require.NoError(t, err)
	require.NoError(t, s.Close())
	assert.Equal(t, int64(storage.ApplicationID), pragma(t, p, "application_id"))
}

func TestOpenRefusesAndLeavesFileUntouched(t *testing.T) {
	for name, tc := range map[string]struct {
		make func(t *testing.T, p string)
		want error
	}{
		"text file": {
			func(t *testing.T, p string) {
				require.NoError(t, os.WriteFile(p, []byte("name,stage\nmy draft,enquiry\n"+string(make([]byte, 200))), 0o600))
			},
			storage.ErrNotOurs,
		},
		"shorter than a header": {
			func(t *testing.T, p string) {
				require.NoError(t, os.WriteFile(p, []byte("SQLite format 3\x00"), 0o600))
			},
			storage.ErrNotOurs,
		},
		"another program's database": {
			func(t *testing.T, p string) {
				rawDB(t, p, "PRAGMA application_id = 305419896", "CREATE TABLE contacts (name TEXT)")
			},
			storage.ErrNotOurs,
		},
		"unmarked database with tables": {
			func(t *testing.T, p string) { rawDB(t, p, "CREATE TABLE drafts (x)") },
			storage.ErrNotOurs,
		},
		"from a newer version": {
			func(t *testing.T, p string) {
				rawDB(t, p, "PRAGMA application_id = 1145131603", "CREATE TABLE future (x)", "PRAGMA user_version = 999")
			},
			storage.ErrTooNew,
		},
	} {
		t.Run(name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "x.db")
			tc.make(t, p)
			before := fileHash(t, p)
			st, err := os.Stat(p)
			require.NoError(t, err)

			s, err := storage.Open(p)
			if s != nil {
				s.Close()
			}
			require.ErrorIs(t, err, tc.want)
			assert.Contains(t, err.Error(), p, "the message names the file")
			assert.Equal(t, before, fileHash(t, p), "file changed")
			after, err := os.Stat(p)
			require.NoError(t, err)
			assert.Equal(t, st.Mode(), after.Mode())
			assert.NoFileExists(t, p+"-wal")
		})
	}
}

// A newer version's upgrade can still sit in the WAL, not yet in the main
// file's header; Open must see it there too.
func TestOpenRefusesNewerVersionStillInWAL(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.db")
	s, err := storage.Open(p)
	require.NoError(t, err)
	require.NoError(t, s.Close())

	db, err := sql.Open("sqlite", p+"?_pragma=wal_autocheckpoint(0)")
	require.NoError(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.Exec("PRAGMA user_version = 999")
	require.NoError(t, err)
	before := fileHash(t, p)

	_, err = storage.Open(p)
	require.ErrorIs(t, err, storage.ErrTooNew)
	assert.Equal(t, before, fileHash(t, p))
}

func TestOpenBadPaths(t *testing.T) {
	dir := t.TempDir()
	for name, p := range map[string]string{
		"empty":     "",
		"directory": dir,
	} {
		t.Run(name, func(t *testing.T) {
			s, err := storage.Open(p)
			assert.Error(t, err)
			assert.Nil(t, s)
		})
	}
}

func TestOpenPathWithURICharacters(t *testing.T) {
	p := filepath.Join(t.TempDir(), "odd?name#1%20 x.db")
	s, err := storage.Open(p)
	require.NoError(t, err)
	require.NoError(t, s.Create(newDraft("odd")))
	require.NoError(t, s.Close())
	assert.FileExists(t, p)
	assert.NoFileExists(t, filepath.Join(filepath.Dir(p), "odd"))
}

func TestOpenRefusesLeftoverWAL(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, "old.db")
	db, err := sql.Open("sqlite", old+"?_pragma=journal_mode(WAL)&_pragma=wal_autocheckpoint(0)")
	require.NoError(t, err)
	defer db.Close()
	db.SetMaxOpenConns(1)
	_, err = db.Exec("CREATE TABLE secret (x); INSERT INTO secret VALUES ('not ours')")
	require.NoError(t, err)
	wal, err := os.ReadFile(old + "-wal")
	require.NoError(t, err)
	require.NotEmpty(t, wal)

	p := filepath.Join(dir, "workbench.db")
	require.NoError(t, os.WriteFile(p+"-wal", wal, 0o600))
	_, err = storage.Open(p)
	assert.ErrorIs(t, err, storage.ErrNotOurs)
	assert.ErrorContains(t, err, "workbench.db-wal")
	got, err := os.ReadFile(p + "-wal")
	require.NoError(t, err)
	assert.Equal(t, wal, got, "the leftover WAL is kept for the user to deal with")
}
