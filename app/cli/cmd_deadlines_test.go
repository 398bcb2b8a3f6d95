package cli_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/app/cli"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// runAt runs the CLI on a fixed day, so deadlines are reproducible.
func runAt(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	env := &cli.Env{Stdout: &out, Stderr: &errb, DBPath: db,
		Now: func() time.Time { return time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC) }}
	code := cli.Run(env, args)
	return code, out.String(), errb.String()
}

func seed(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "workbench.db")
	st, err := storage.Open(db)
	require.NoError(t, err)
	defer st.Close()
	lib := forms.LibraryEntry{ID: "uoe", LegalName: "University of Exampleton", Security: forms.Security{DSPTValidUntil: forms.NewDate(2026, 12, 1)}}
	require.NoError(t, st.SaveLibraryEntry(&lib))
	a := forms.Example()
	a.ID = "d1"
	a.Organisations[0].LibraryID = "uoe"
	a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2024, 1, 1), DSAEnd: forms.NewDate(2026, 11, 1), CohortFileSent: forms.NewDate(2024, 1, 9)}
	require.NoError(t, st.Create(a))
	return db
}

func TestDeadlinesCommand(t *testing.T) {
	db := seed(t)
	ics := filepath.Join(t.TempDir(), "d.ics")
	code, out, _ := runAt(t, db, "deadlines", "--ics", ics)
	assert.Equal(t, cli.ExitOK, code)
	assert.Contains(t, out, "2026-12-01  due-soon  University of Exampleton")
	assert.Contains(t, out, "2026-11-15  overdue")
	b, err := os.ReadFile(ics)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "BEGIN:VCALENDAR\r\n"))
	assert.Contains(t, string(b), "DTSTAMP:20261123T090000Z")

	code, _, errOut := runAt(t, db, "deadlines", "--fail-overdue")
	assert.Equal(t, cli.ExitFailed, code)
	assert.Contains(t, errOut, "overdue")

	code, out, _ = runAt(t, db, "deadlines", "--json")
	assert.Equal(t, cli.ExitOK, code)
	assert.Contains(t, out, `"kind": "destruction-confirmation"`)

	code, _, _ = runAt(t, db, "deadlines", "extra")
	assert.Equal(t, cli.ExitUsage, code)
}

func TestLibraryCommandRoundTrip(t *testing.T) {
	db := seed(t)
	var other string
	for _, name := range []string{"lib.zip", "lib.json"} {
		file := filepath.Join(t.TempDir(), name)
		code, out, _ := runAt(t, db, "library", "export", file)
		require.Equal(t, cli.ExitOK, code, out)

		other = filepath.Join(t.TempDir(), "other.db")
		code, out, _ = runAt(t, other, "library", "import", file)
		require.Equal(t, cli.ExitOK, code, name)
		assert.Contains(t, out, "1 added, 0 updated", name)
		code, out, _ = runAt(t, other, "library", "list")
		assert.Equal(t, cli.ExitOK, code)
		assert.Contains(t, out, "University of Exampleton", name)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, []byte(`{"format":"something"}`), 0o600))
	code, _, errOut := runAt(t, other, "library", "import", bad)
	assert.Equal(t, cli.ExitUsage, code)
	assert.Contains(t, errOut, "not a readable DARS Workbench organisation library file")

	code, _, _ = runAt(t, other, "library")
	assert.Equal(t, cli.ExitUsage, code)
	code, _, _ = runAt(t, other, "library", "list", "x")
	assert.Equal(t, cli.ExitUsage, code)
}
