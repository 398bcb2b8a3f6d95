package cli_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// withExample stores the worked example and returns the database and its ID.
func withExample(t *testing.T, edit func(a *forms.Application)) (string, string) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cli.db")
	st, err := storage.Open(db)
	require.NoError(t, err)
	defer st.Close()
	a := forms.Example()
	a.ID = ""
	if edit != nil {
		edit(a)
	}
	require.NoError(t, st.Create(a))
	return db, a.ID
}

func TestExportVerifyImport(t *testing.T) {
	db, id := withExample(t, nil)
	pack := filepath.Join(t.TempDir(), "pack.zip")

	code, out, errText := run(t, db, "export", id, "--out", pack)
	require.Equal(t, 0, code, errText)
	assert.Contains(t, out, "Exported \"Long-term kidney outcomes")

	st, err := storage.Open(db)
	require.NoError(t, err)
	snaps, err := st.Snapshots(id)
	require.NoError(t, err)
	require.NoError(t, st.Close())
	require.Len(t, snaps, 1)
	assert.Equal(t, "exported as pack.zip", snaps[0].Reason)

	code, out, _ = run(t, db, "verify", pack)
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "intact")

	code, out, errText = run(t, db, "import", pack)
	require.Equal(t, 0, code, errText)
	assert.Contains(t, out, "as a new draft")
	_, out, _ = run(t, db, "list", "--json")
	var rows []map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &rows))
	assert.Len(t, rows, 2)
}

func TestVerifyExitCodes(t *testing.T) {
	db, id := withExample(t, nil)
	pack := filepath.Join(t.TempDir(), "pack.zip")
	code, _, _ := run(t, db, "export", id, "--out", pack)
	require.Equal(t, 0, code)

	// Change one payload file: the pack reads but is not intact.
	tampered := filepath.Join(t.TempDir(), "tampered.zip")
	require.NoError(t, os.WriteFile(tampered, retouch(t, pack, "data/dpia.pdf"), 0o644))
	code, out, _ := run(t, db, "verify", tampered)
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "data/dpia.pdf: its content has changed (expected SHA-256")

	code, _, errText := run(t, db, "import", tampered)
	assert.Equal(t, 1, code)
	assert.Contains(t, errText, "Nothing was imported")

	junk := filepath.Join(t.TempDir(), "junk.zip")
	require.NoError(t, os.WriteFile(junk, []byte("not a zip"), 0o644))
	code, _, errText = run(t, db, "verify", junk)
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "not a zip file")
}

// retouch copies a zip with one entry's content changed.
func retouch(t *testing.T, path, name string) []byte {
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		rc, err := f.Open()
		require.NoError(t, err)
		b, err := io.ReadAll(rc)
		require.NoError(t, err)
		if f.Name == name {
			b = append(b, '\n')
		}
		w, err := zw.Create(f.Name)
		require.NoError(t, err)
		_, err = w.Write(b)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

func TestImportSubmissionFile(t *testing.T) {
	db := seeded(t)
	a := forms.Example()
	b, err := json.Marshal(map[string]any{
		"schema_version": 1, "app_version": "0.1.0", "draft_id": a.ID, "revision": 3,
		"exported_at": "2026-11-23T09:00:00Z", "application": a,
	})
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "submission.json")
	require.NoError(t, os.WriteFile(file, b, 0o644))
	code, out, errText := run(t, db, "import", file)
	require.Equal(t, 0, code, errText)
	assert.Contains(t, out, "Long-term kidney outcomes")

	bad := filepath.Join(t.TempDir(), "bad.json")
	require.NoError(t, os.WriteFile(bad, bytes.Replace(b, []byte(`"schema_version":1`), []byte(`"schema_version":9`), 1), 0o644))
	code, _, errText = run(t, db, "import", bad)
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "schema version 9")
}

func TestExportNeedsStoredEvidence(t *testing.T) {
	db, id := withExample(t, func(a *forms.Application) {
		a.Evidence[0].File = &forms.Attachment{Name: "protocol.pdf", Size: 10, SHA256: "6d5a9896fb5cc2d815ca979d7c6b5b226aa0827d20cd410eedd9eae11dab7e08"}
	})
	pack := filepath.Join(t.TempDir(), "pack.zip")
	code, _, errText := run(t, db, "export", id, "--out", pack)
	assert.Equal(t, 1, code)
	assert.Contains(t, errText, "protocol.pdf")
	assert.Contains(t, errText, "attach the file again")
	assert.NoFileExists(t, pack)
}

func TestExportUsage(t *testing.T) {
	db, id := withExample(t, nil)
	for name, args := range map[string][]string{
		"no out":        {"export", id},
		"no draft":      {"export", "--out", "x.zip"},
		"unknown draft": {"export", "no-such-draft", "--out", filepath.Join(t.TempDir(), "x.zip")},
		"out is folder": {"export", id, "--out", t.TempDir()},
		"verify no arg": {"verify"},
		"import no arg": {"import"},
		"schema arg":    {"schema", "x"},
	} {
		t.Run(name, func(t *testing.T) {
			code, _, errText := run(t, db, args...)
			assert.Equal(t, 2, code)
			assert.NotEmpty(t, errText)
		})
	}
}

func TestSchemaPrintsJSONSchema(t *testing.T) {
	code, out, _ := run(t, seeded(t), "schema")
	require.Equal(t, 0, code)
	var s map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &s))
	assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"])
}

// check reads packs and submission files as well as drafts.
func TestCheckReadsPacksAndSubmissionFiles(t *testing.T) {
	db, id := withExample(t, nil)
	pack := filepath.Join(t.TempDir(), "pack.zip")
	code, _, _ := run(t, db, "export", id, "--out", pack)
	require.Equal(t, 0, code)

	code, out, errText := run(t, db, "check", pack)
	assert.Equal(t, 0, code, errText)
	assert.Contains(t, out, "Long-term kidney outcomes")
	assert.Contains(t, out, "Nothing blocks submission.")

	sub := filepath.Join(t.TempDir(), "submission.json")
	require.NoError(t, os.WriteFile(sub, zipEntry(t, pack, "data/submission.json"), 0o644))
	code, out, errText = run(t, db, "check", sub)
	assert.Equal(t, 0, code, errText)
	assert.Contains(t, out, "Long-term kidney outcomes")

	tampered := filepath.Join(t.TempDir(), "tampered.zip")
	require.NoError(t, os.WriteFile(tampered, retouch(t, pack, "data/submission.json"), 0o644))
	code, _, errText = run(t, db, "check", tampered)
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, "damaged")
}

func zipEntry(t *testing.T, path, name string) []byte {
	zr, err := zip.OpenReader(path)
	require.NoError(t, err)
	defer zr.Close()
	rc, err := zr.Open(name)
	require.NoError(t, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	return b
}
