package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export/exporttest"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

const planted = "943 476 5919"

// withNumber stores the worked example with an NHS number in its
// objective, a product field's reason and its title, and a library entry
// with one in its notes.
func withNumber(t *testing.T) (db, id string) {
	t.Helper()
	db = filepath.Join(t.TempDir(), "cli.db")
	st, err := storage.Open(db)
	require.NoError(t, err)
	defer st.Close()
	a := forms.Example()
	a.ID = ""
	a.Overview.Title = "Kidney outcomes " + planted
	a.Purpose.Objective += " Example patient " + planted + "."
	a.Data.Products[0].Fields[0].Reason = "e.g. 401-023-2137"
	a.Lifecycle = forms.Lifecycle{DSASigned: forms.NewDate(2024, 1, 1), DSAEnd: forms.NewDate(2026, 11, 1)}
	require.NoError(t, st.Create(a))
	lib := forms.LibraryEntry{ID: "lib1", LegalName: "University of Exampleton", Notes: "contact re 943-476-5919"}
	require.NoError(t, st.SaveLibraryEntry(&lib))
	return db, a.ID
}

// noNumberIn fails when a file holds either planted number in any form the
// scanner knows, or its digits in a row.
func noNumberIn(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, digits := range []string{"9434765919", "4010232137", "476 5919", "023 2137", "476-5919", "023-2137"} {
		assert.NotContains(t, string(b), digits, path)
	}
}

func TestEveryWriteRefusesAnNHSNumberAndNamesTheFields(t *testing.T) {
	db, id := withNumber(t)
	dir := t.TempDir()
	cases := map[string][]string{
		"pack":         {"export", id, "--out", filepath.Join(dir, "pack.zip")},
		"DPIA PDF":     {"dpia", id, "--pdf", filepath.Join(dir, "dpia.pdf")},
		"calendar":     {"deadlines", "--ics", filepath.Join(dir, "deadlines.ics")},
		"library":      {"library", "export", filepath.Join(dir, "library.zip")},
		"library file": {"library", "export", filepath.Join(dir, "library.json")},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			code, _, errText := run(t, db, args...)
			assert.Equal(t, 1, code)
			assert.Contains(t, errText, "was not written")
			assert.Contains(t, errText, "943 *** ****")
			assert.Contains(t, errText, "--mask-identifiers")
			assert.NotContains(t, errText, "476 5919")
			entries, err := os.ReadDir(dir)
			require.NoError(t, err)
			assert.Empty(t, entries, "a refused write leaves no file, not even an empty one")
		})
	}
	_, _, errText := run(t, db, "export", id, "--out", filepath.Join(dir, "pack.zip"))
	assert.Contains(t, errText, "Purpose → Objective: 943 *** ****")
	assert.Contains(t, errText, "Overview → Title: 943 *** ****")
	assert.Contains(t, errText, "Data → Product 1 → Field 1 → Reason: 401-***-****")
	_, _, errText = run(t, db, "library", "export", filepath.Join(dir, "library.zip"))
	assert.Contains(t, errText, "Library → organisation 1 → Notes: 943-***-****")

	// The refused export took no snapshot.
	st, err := storage.Open(db)
	require.NoError(t, err)
	snaps, err := st.Snapshots(id)
	require.NoError(t, err)
	require.NoError(t, st.Close())
	assert.Empty(t, snaps)
}

func TestMaskIdentifiersWritesMaskedFiles(t *testing.T) {
	db, id := withNumber(t)
	dir := t.TempDir()
	pack := filepath.Join(dir, "pack.zip")
	code, out, errText := run(t, db, "export", id, "--out", pack, "--mask-identifiers")
	require.Equal(t, 0, code, errText)
	assert.Contains(t, out, "Kidney outcomes 943 *** ****")
	assert.Contains(t, out, "NHS numbers written masked")
	assert.Contains(t, out, "Purpose → Objective: 943 *** ****")
	for _, name := range []string{"data/submission.json", "bag-info.txt"} {
		body := string(zipEntry(t, pack, name))
		assert.Contains(t, body, "943 *** ****", name)
		assert.NotContains(t, body, "476 5919", name)
	}
	code, _, _ = run(t, db, "verify", pack)
	assert.Equal(t, 0, code, "a masked pack is a normal, intact pack")

	for _, args := range [][]string{
		{"dpia", id, "--pdf", filepath.Join(dir, "dpia.pdf"), "--mask-identifiers"},
		{"deadlines", "--ics", filepath.Join(dir, "deadlines.ics"), "--mask-identifiers"},
		{"library", "export", filepath.Join(dir, "library.json"), "--mask-identifiers"},
		{"library", "export", filepath.Join(dir, "library.zip"), "--mask-identifiers"},
	} {
		code, _, errText := run(t, db, args...)
		require.Equal(t, 0, code, "%v: %s", args, errText)
	}
	noNumberIn(t, filepath.Join(dir, "deadlines.ics"))
	noNumberIn(t, filepath.Join(dir, "library.json"))
	assert.Contains(t, string(mustRead(t, filepath.Join(dir, "library.json"))), "943-***-****")

	// The draft itself is untouched: masking is for the copy written.
	st, err := storage.Open(db)
	require.NoError(t, err)
	a, err := st.Load(id)
	require.NoError(t, err)
	require.NoError(t, st.Close())
	assert.Contains(t, a.Purpose.Objective, planted)
}

func TestAFileNameHoldingAnNHSNumberIsRefused(t *testing.T) {
	db, id := withExample(t, nil)
	out := filepath.Join(t.TempDir(), "cohort-9434765919.zip")
	code, _, errText := run(t, db, "export", id, "--out", out, "--mask-identifiers")
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "holds an NHS number")
	assert.NotContains(t, errText, "9434765919")
	assert.NoFileExists(t, out)
}

func TestImportAndVerifyFlagNHSNumbersAtOnce(t *testing.T) {
	db := seeded(t)
	a := forms.Example()
	a.People[0].Name = "Dr A " + planted
	a.Overview.Title += " (ref 401-023-2137)" // bag-info.txt carries the title too
	b, err := json.Marshal(map[string]any{
		"schema_version": 1, "app_version": "0.1.0", "draft_id": a.ID, "revision": 3,
		"exported_at": "2026-11-23T09:00:00Z", "application": a,
	})
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "submission.json")
	require.NoError(t, os.WriteFile(file, b, 0o644))
	code, out, errText := run(t, db, "import", file)
	require.Equal(t, 0, code, errText)
	assert.Contains(t, out, "as a new draft")
	assert.Contains(t, out, "WARNING: the imported draft holds 2 NHS numbers")
	assert.Contains(t, out, "Person 1 → Name: 943 *** ****")
	assert.Contains(t, out, "Overview → Title: 401-***-****")
	assert.NotContains(t, out, "476 5919")

	// A pack that carries one (from another tool, an older version or a
	// hand: this one will not write it) imports too, flagged, and a
	// reviewer verifying it is told before anything else.
	pack := filepath.Join(t.TempDir(), "pack.zip")
	require.NoError(t, exporttest.PackCarrying(a, pack, time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)))
	code, out, errText = run(t, db, "verify", pack)
	require.Equal(t, 0, code, out+errText)
	lines := strings.Split(out, "\n")
	assert.Equal(t, "WARNING: the application in this pack holds 2 NHS numbers, which a draft must never hold:", lines[0])
	assert.Contains(t, out, "intact")
	code, out, errText = run(t, db, "import", pack)
	require.Equal(t, 0, code, errText)
	assert.Contains(t, out, "WARNING: the imported draft holds 2 NHS numbers")

	db2, id := withExample(t, nil)
	clean := filepath.Join(t.TempDir(), "clean.zip")
	code, _, _ = run(t, db2, "export", id, "--out", clean)
	require.Equal(t, 0, code)
	_, out, _ = run(t, db2, "verify", clean)
	assert.NotContains(t, out, "WARNING")
}
