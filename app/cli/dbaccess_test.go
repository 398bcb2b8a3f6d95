package cli_test

import (
	"crypto/sha256"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// What a command does with the database decides whether it may create one.
type access int

const (
	none    access = iota // never opens it
	reads                 // must exist; never changed
	changes               // must exist; changes drafts in it
	adds                  // may create it
)

// fixtures are the files commands read: a pack, its submission file, a
// review and a library file, made from the worked example.
type fixtures struct{ db, id, pack, submission, review, library string }

func makeFixtures(t *testing.T) fixtures {
	t.Helper()
	db, id := withExample(t, nil)
	dir := t.TempDir()
	f := fixtures{db: db, id: id, pack: filepath.Join(dir, "pack.zip"), submission: filepath.Join(dir, "submission.json"), library: filepath.Join(dir, "library.json")}
	code, _, errText := run(t, db, "export", id, "--out", f.pack)
	require.Equal(t, 0, code, errText)
	require.NoError(t, os.WriteFile(f.submission, zipEntry(t, f.pack, "data/submission.json"), 0o600))
	st, err := storage.Open(db)
	require.NoError(t, err)
	a, err := st.Load(id)
	require.NoError(t, err)
	require.NoError(t, st.Close())
	f.review = reviewOf(t, a)
	lib, err := forms.EncodeLibrary([]forms.LibraryEntry{{ID: "uoe", LegalName: "University of Exampleton"}})
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(f.library, lib, 0o600))
	return f
}

type dbCase struct {
	name   string
	args   []string
	access access
}

// dbCases is every command, in each of its ways of using the database.
func dbCases(f fixtures, out string) []dbCase {
	o := func(name string) string { return filepath.Join(out, name) }
	return []dbCase{
		{"version", []string{"version"}, none},
		{"help", []string{"help"}, none},
		{"rules", []string{"rules", "--json"}, none},
		{"schema", []string{"schema"}, none},
		{"verify", []string{"verify", f.pack}, none},
		{"check a pack", []string{"check", f.pack}, none},
		{"check a submission file", []string{"check", f.submission, "--json"}, none},
		{"register-preview a pack", []string{"register-preview", f.pack, "--json"}, none},
		{"register-preview a draft", []string{"register-preview", f.id}, reads},
		{"list", []string{"list"}, reads},
		{"list --deleted --json", []string{"list", "--deleted", "--json"}, reads},
		{"check a draft", []string{"check", f.id}, reads},
		{"deadlines", []string{"deadlines", "--json"}, reads},
		{"deadlines --ics", []string{"deadlines", "--ics", o("deadlines.ics")}, reads},
		{"dpia", []string{"dpia", f.id}, reads},
		{"dpia --pdf", []string{"dpia", f.id, "--pdf", o("dpia.pdf")}, reads},
		{"library list", []string{"library", "list"}, reads},
		{"handoff", []string{"handoff", f.id}, reads},
		{"handoff --json", []string{"handoff", f.id, "--json"}, reads},
		{"library export", []string{"library", "export", o("library.zip")}, reads},
		{"export", []string{"export", f.id, "--out", o("out.zip")}, changes},
		{"review import", []string{"review", "import", f.review, f.id}, changes},
		{"import a pack", []string{"import", f.pack}, adds},
		{"import a submission file", []string{"import", f.submission}, adds},
		{"library import", []string{"library", "import", f.library}, adds},
		{"install", []string{"install", "--prefix", out}, none},
		{"uninstall", []string{"uninstall", "--prefix", out}, none},
	}
}

// TestDBCasesCoverEveryCommand keeps the table below honest: a new command
// must say what it does with the database.
func TestDBCasesCoverEveryCommand(t *testing.T) {
	_, usage, _ := run(t, filepath.Join(t.TempDir(), "x.db"), "help")
	covered := map[string]bool{}
	for _, c := range dbCases(fixtures{}, "") {
		covered[c.args[0]] = true
	}
	names := regexp.MustCompile(`(?m)^  ([a-z][a-z-]*) `).FindAllStringSubmatch(usage, -1)
	require.NotEmpty(t, names)
	for _, m := range names {
		assert.True(t, covered[m[1]], "command %q has no case in dbCases", m[1])
	}
}

// linuxDesktopOnly are the commands that refuse to run on Windows and macOS.
var linuxDesktopOnly = map[string]bool{"install": true, "uninstall": true}

func TestOnlyCommandsThatAddCreateADatabase(t *testing.T) {
	f := makeFixtures(t)
	for _, c := range dbCases(f, t.TempDir()) {
		t.Run(c.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "not", "yet")
			db := filepath.Join(dir, "workbench.db")
			code, _, errText := run(t, db, c.args...)
			switch c.access {
			case reads, changes:
				assert.Equal(t, 2, code)
				assert.Contains(t, errText, "no database there yet")
				assert.Contains(t, errText, db, "the message names the path")
				assert.Contains(t, errText, "Nothing was created")
				assert.NoDirExists(t, dir, "nothing is created, not even the folder")
			case none:
				if linuxDesktopOnly[c.args[0]] && (runtime.GOOS == "windows" || runtime.GOOS == "darwin") {
					assert.Equal(t, 2, code, "refused where there is no Linux desktop")
				} else {
					assert.Equal(t, 0, code, errText)
				}
				assert.NoDirExists(t, dir)
			case adds:
				assert.Equal(t, 0, code, errText)
				assert.FileExists(t, db)
			}
		})
	}
}

// Commands that only read leave every file of the database as it was: the
// database, and no -wal or -shm beside it.
func TestReadingCommandsChangeNothing(t *testing.T) {
	f := makeFixtures(t)
	out := t.TempDir()
	for _, c := range dbCases(f, out) {
		if c.access != reads {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			db := copyDB(t, f)
			before := filesIn(t, filepath.Dir(db))
			code, _, errText := run(t, db, c.args...)
			assert.Equal(t, 0, code, errText)
			assert.Equal(t, before, filesIn(t, filepath.Dir(db)))
		})
	}
}

// A failed export changes nothing: no snapshot, no new revision, the file
// byte for byte as it was.
func TestFailedExportChangesNothing(t *testing.T) {
	missing := func(a *forms.Application) {
		a.Evidence[0].File = &forms.Attachment{Name: "protocol.pdf", Size: 10, SHA256: "6d5a9896fb5cc2d815ca979d7c6b5b226aa0827d20cd410eedd9eae11dab7e08"}
	}
	for name, tc := range map[string]struct {
		edit func(a *forms.Application)
		out  func(dir string) string
		want string
	}{
		"evidence missing from the store": {missing, func(dir string) string { return filepath.Join(dir, "pack.zip") }, "attach the file again"},
		"refused: an NHS number in the draft": {func(a *forms.Application) { a.Purpose.Objective += " Patient 943 476 5919 was seen." },
			func(dir string) string { return filepath.Join(dir, "pack.zip") }, "943 *** ****"},
		"no such folder":      {nil, func(dir string) string { return filepath.Join(dir, "none", "pack.zip") }, "does not exist"},
		"a folder in the way": {nil, func(dir string) string { return dir }, "is a folder"},
		// Found only when the finished pack is renamed into place.
		"a name too long to keep": {nil, func(dir string) string { return filepath.Join(dir, strings.Repeat("x", 300)+".zip") }, "file name too long"},
	} {
		t.Run(name, func(t *testing.T) {
			db, id := withExample(t, tc.edit)
			before, beforeData := fileSum(t, db), dump(t, db)
			dir := t.TempDir()
			code, _, errText := run(t, db, "export", id, "--out", tc.out(dir))
			assert.NotEqual(t, 0, code)
			assert.Contains(t, errText, tc.want)
			assert.Equal(t, beforeData, dump(t, db), "no snapshot row, no revision bump")
			assert.Equal(t, before, fileSum(t, db), "the database file is byte for byte as it was")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries, "no pack or temporary file is left")
		})
	}
}

func TestExportKeepsWhatItWroteInTheHistory(t *testing.T) {
	db, id := withExample(t, nil)
	pack := filepath.Join(t.TempDir(), "sent.zip")
	code, _, errText := run(t, db, "export", id, "--out", pack)
	require.Equal(t, 0, code, errText)
	st, err := storage.OpenReadOnly(db)
	require.NoError(t, err)
	defer st.Close()
	snaps, err := st.Snapshots(id)
	require.NoError(t, err)
	require.Len(t, snaps, 1)
	assert.Equal(t, "exported as sent.zip", snaps[0].Reason)
	got, err := st.LoadSnapshot(snaps[0].ID)
	require.NoError(t, err)
	stored, err := st.Load(id)
	require.NoError(t, err)
	assert.Equal(t, stored.Revision, snaps[0].Revision)
	assert.Equal(t, stored.Overview, got.Overview)
}

// copyDB copies the fixtures' database, closed and with no WAL, to a folder
// of its own.
func copyDB(t *testing.T, f fixtures) string {
	t.Helper()
	require.NoFileExists(t, f.db+"-wal")
	dst := filepath.Join(t.TempDir(), "workbench.db")
	b, err := os.ReadFile(f.db)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(dst, b, 0o600))
	return dst
}

// filesIn lists every file in dir with its hash.
func filesIn(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name()+" "+fileSum(t, filepath.Join(dir, e.Name())))
	}
	sort.Strings(out)
	return out
}

func fileSum(t *testing.T, p string) string {
	t.Helper()
	f, err := os.Open(p)
	require.NoError(t, err)
	defer f.Close()
	h := sha256.New()
	_, err = io.Copy(h, f)
	require.NoError(t, err)
	return fmt.Sprintf("%x", h.Sum(nil))
}

// dump is every row of every table of a closed database, read from a copy
// so that reading cannot change the original.
func dump(t *testing.T, p string) string {
	t.Helper()
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	cp := filepath.Join(t.TempDir(), "copy.db")
	require.NoError(t, os.WriteFile(cp, b, 0o600))
	db, err := sql.Open("sqlite", cp)
	require.NoError(t, err)
	defer db.Close()
	rows, err := db.Query(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
	require.NoError(t, err)
	var tables []string
	for rows.Next() {
		var n string
		require.NoError(t, rows.Scan(&n))
		tables = append(tables, n)
	}
	require.NoError(t, rows.Close())
	var sb strings.Builder
	for _, tbl := range tables {
		rows, err := db.Query(`SELECT * FROM "` + tbl + `"`)
		require.NoError(t, err)
		cols, err := rows.Columns()
		require.NoError(t, err)
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			require.NoError(t, rows.Scan(ptrs...))
			fmt.Fprintf(&sb, "%s %v\n", tbl, vals)
		}
		require.NoError(t, rows.Close())
	}
	return sb.String()
}
