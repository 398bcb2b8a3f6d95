package cli_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// golden compares got with testdata/name, rewriting it under -update; a
// mismatch leaves the new output in testdata/failed/.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "no golden file: run go test ./app/cli -update")
	if !bytes.Equal(want, got) {
		failed := filepath.Join("testdata", "failed", name)
		require.NoError(t, os.MkdirAll(filepath.Dir(failed), 0o755))
		require.NoError(t, os.WriteFile(failed, got, 0o644))
		t.Errorf("%s differs from the golden file; the new output is in %s (run -update if the change is intended)", name, failed)
	}
}

const handoffID = "0a1b2c3d-0000-4000-8000-00000000beef"

// handoffDB is the worked example part-way through its hand-off: the first
// six answers and the protocol entered, the summary edited since it was
// entered, and a location entered and then removed from the draft.
func handoffDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "cli.db")
	st, err := storage.Open(db)
	require.NoError(t, err)
	defer st.Close()
	a := forms.Example()
	a.ID = handoffID
	require.NoError(t, st.Create(a))
	att, err := st.AttachFile(storage.DraftOwner(a.ID), "e1", "protocol v4.0.pdf", strings.NewReader("%PDF-1.4 protocol\n"))
	require.NoError(t, err)
	att.IsPDF = true
	a.Evidence[0].File = &att
	require.NoError(t, st.Save(a))

	at := time.Date(2026, 11, 20, 9, 30, 0, 0, time.UTC)
	var ticks []forms.HandOffTick
	for _, it := range forms.HandOffAnswers(a)[:6] {
		ticks = append(ticks, it.Tick(at))
	}
	ticks = append(ticks, forms.HandOffTick{Key: "locations[#gone].site", SHA256: forms.HandOffItem{Text: "Old site"}.Hash(), Where: "Territory and locations › Processing and storage locations › Location 3 › Site", At: at})
	protocol := forms.HandOffEvidence(0, a.Evidence[0], forms.EvidenceKey(a, 0), export.EvidencePackName(att.SHA256, att.Name))
	ticks = append(ticks, protocol.Tick(at))
	require.NoError(t, st.SetHandOffTicks(a.ID, ticks...))
	a.Overview.Summary += " Results go to every late-effects clinic."
	require.NoError(t, st.Save(a))
	return db
}

func TestHandoffGolden(t *testing.T) {
	db := handoffDB(t)
	code, out, errText := run(t, db, "handoff", handoffID)
	require.Equal(t, 0, code, errText)
	golden(t, "handoff.txt", []byte(out))

	code, out, errText = run(t, db, "handoff", "--json", handoffID)
	require.Equal(t, 0, code, errText)
	golden(t, "handoff.json", []byte(out))
}

func TestHandoffJSONForScripts(t *testing.T) {
	db := handoffDB(t)
	code, out, errText := run(t, db, "handoff", handoffID, "--json")
	require.Equal(t, 0, code, errText)
	var rep struct {
		Progress struct {
			Answers, AnswersEntered, Changed int
		}
		Answers []struct {
			Section, Label, FieldPath, Text string
			Length                          int
			Entered, Changed                bool
		}
		Documents []struct {
			Title, UploadName, SHA256 string
			Size                      int64
			Entered                   bool
		}
		Removed []struct{ Where string } `json:"removed_since_entered"`
	}
	dec := json.NewDecoder(strings.NewReader(out))
	require.NoError(t, dec.Decode(&rep))
	require.NotEmpty(t, rep.Answers)
	// Field names as documented: decode again by the JSON names.
	var raw map[string]any
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	first := raw["answers"].([]any)[0].(map[string]any)
	for _, k := range []string{"section", "label", "field_path", "text", "length", "entered", "changed_since_entered"} {
		assert.Contains(t, first, k)
	}
	assert.Equal(t, "Overview", first["section"])
	assert.Equal(t, "overview.title", first["field_path"])
	assert.Equal(t, true, first["entered"])
	summary := raw["answers"].([]any)[1].(map[string]any)
	assert.Equal(t, "overview.summary", summary["field_path"])
	assert.Equal(t, false, summary["entered"])
	assert.Equal(t, true, summary["changed_since_entered"])
	progress := raw["progress"].(map[string]any)
	assert.EqualValues(t, 5, progress["answers_entered"])
	assert.EqualValues(t, 1, progress["changed_since_entered"])
	assert.Len(t, raw["removed_since_entered"], 1)
}

func TestHandoffMasksNHSNumbers(t *testing.T) {
	db, id := withExample(t, func(a *forms.Application) { a.Purpose.Objective = "Trace 943 476 5919 first." })
	for _, args := range [][]string{{"handoff", id}, {"handoff", id, "--json"}} {
		code, out, errText := run(t, db, args...)
		require.Equal(t, 0, code, errText)
		assert.NotContains(t, out, "476 5919")
		assert.Contains(t, out, "943 *** ****")
	}
}

func TestHandoffUnknownDraft(t *testing.T) {
	db, _ := withExample(t, nil)
	code, _, errText := run(t, db, "handoff", "no-such-draft")
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, `no draft with ID "no-such-draft"`)
	code, _, _ = run(t, db, "handoff")
	assert.Equal(t, 2, code)
}
