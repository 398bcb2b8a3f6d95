package cli_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/app/cli"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// run runs the CLI as main does and returns exit code, stdout and stderr.
func run(t *testing.T, db string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	meta, err := cli.ParseMeta(mustRead(t, "../../FyneApp.toml"))
	require.NoError(t, err)
	dbFlag, rest, err := cli.SplitArgs(append([]string{"--db", db}, args...))
	require.NoError(t, err)
	code := cli.Run(&cli.Env{Stdout: &out, Stderr: &errb, DBPath: dbFlag, Meta: meta}, rest)
	return code, out.String(), errb.String()
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	require.NoError(t, err)
	return b
}

func seeded(t *testing.T, titles ...string) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cli.db")
	st, err := storage.Open(db)
	require.NoError(t, err)
	defer st.Close()
	for _, title := range titles {
		require.NoError(t, st.Create(forms.NewApplication(title, forms.NewDate(2026, 11, 1))))
	}
	return db
}

func TestVersionReadsFyneAppToml(t *testing.T) {
	code, out, _ := run(t, seeded(t), "version")
	assert.Equal(t, 0, code)
	assert.Regexp(t, `^DARS Workbench \d+\.\d+\.\d+ \(build \d+\)\n$`, out)
}

func TestList(t *testing.T) {
	db := seeded(t, "Kidney outcomes", "Siân's HES request")
	code, out, _ := run(t, db, "list")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "Kidney outcomes")
	assert.Contains(t, out, "Siân's HES request")
	assert.Contains(t, out, "enquiry")

	code, out, _ = run(t, db, "list", "--json")
	require.Equal(t, 0, code)
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	assert.Len(t, rows, 2)
	assert.Equal(t, float64(1), rows[0]["revision"])

	code, out, _ = run(t, seeded(t), "list")
	assert.Equal(t, 0, code)
	assert.Equal(t, "No drafts.\n", out)
}

func TestUsageErrorsExit2(t *testing.T) {
	db := seeded(t)
	for name, args := range map[string][]string{
		"unknown command":  {"frobnicate"},
		"bad flag":         {"list", "--frob"},
		"stray argument":   {"list", "extra"},
		"version with arg": {"version", "x"},
		"no command":       {},
	} {
		t.Run(name, func(t *testing.T) {
			code, out, errText := run(t, db, args...)
			assert.Equal(t, 2, code)
			assert.Empty(t, out)
			assert.NotEmpty(t, errText)
		})
	}
}

func TestHelpListsEveryCommand(t *testing.T) {
	code, out, _ := run(t, seeded(t), "help")
	assert.Equal(t, 0, code)
	for _, c := range []string{"version", "list", "rules", "check", "export", "import", "verify", "schema"} {
		assert.Contains(t, out, "  "+c+" ")
	}
}

func TestSplitArgs(t *testing.T) {
	for name, tc := range map[string]struct {
		in      []string
		db      string
		rest    []string
		wantErr bool
	}{
		"none":         {in: nil},
		"before":       {in: []string{"--db", "x.db", "list"}, db: "x.db", rest: []string{"list"}},
		"after":        {in: []string{"list", "--db", "x.db", "--json"}, db: "x.db", rest: []string{"list", "--json"}},
		"equals":       {in: []string{"--db=y.db", "version"}, db: "y.db", rest: []string{"version"}},
		"missing path": {in: []string{"list", "--db"}, wantErr: true},
		"empty equals": {in: []string{"--db="}, wantErr: true},
	} {
		t.Run(name, func(t *testing.T) {
			db, rest, err := cli.SplitArgs(tc.in)
			if tc.wantErr {
				assert.Error(t, err)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.db, db)
			assert.Equal(t, tc.rest, rest)
		})
	}
}

func TestForeignFileIsRefusedAndLeftAlone(t *testing.T) {
	p := filepath.Join(t.TempDir(), "not-ours.db")
	require.NoError(t, os.WriteFile(p, []byte("this is a text file, not a database"), 0o600))
	code, _, errText := run(t, p, "list")
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "dars-workbench:")
	b, _ := os.ReadFile(p)
	assert.Equal(t, "this is a text file, not a database", string(b))
}

// The window's metadata comes from FyneApp.toml, including the fyneDo
// migration: without it Fyne would keep its thread-safety fallbacks.
func TestMetaCarriesTheFyneDoMigration(t *testing.T) {
	meta, err := cli.ParseMeta(mustRead(t, "../../FyneApp.toml"))
	require.NoError(t, err)
	assert.True(t, meta.Migrations["fyneDo"], "FyneApp.toml should declare [Migrations] fyneDo = true")
}
