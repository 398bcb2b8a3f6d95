package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Nothing a command prints carries an NHS number: not a draft's title or a
// finding quoting an answer (check, text and JSON), not an error quoting
// a value read from a file (red team, issue 11: these went to the
// terminal and to CI logs whole).
func TestNothingPrintedCarriesAnNHSNumber(t *testing.T) {
	db, id := withNumber(t)
	dir := t.TempDir()
	example := string(mustRead(t, "../../export/testdata/submission/v3/written-by-v3-example.json"))
	bad := func(name, old, new string) string {
		require.True(t, strings.Contains(example, old), "%s: %q not in the example", name, old)
		s := strings.Replace(example, old, new, 1)
		p := filepath.Join(dir, name+".json")
		require.NoError(t, os.WriteFile(p, []byte(s), 0o600))
		return p
	}
	runs := map[string][]string{
		"check":            {"check", id},
		"check --json":     {"check", id, "--json"},
		"list":             {"list"},
		"deadlines":        {"deadlines"},
		"dpia":             {"dpia", id},
		"an enum's value":  {"import", bad("enum", `"status": "final"`, `"status": "943 476 5919"`)},
		"an unknown key":   {"import", bad("key", `"objective": `, `"943 476 5919": "x", "objective": `)},
		"a date":           {"import", bad("date", `"document_date": "2026-08-01"`, `"document_date": "943 476 5919"`)},
		"a schema version": {"check", bad("schema", `"schema_version": 3`, `"schema_version": 9434765919`)},
		"not JSON at all":  {"import", bad("junk", `"objective": `, `943 476 5919 "objective": `)},
	}
	for name, args := range runs {
		t.Run(name, func(t *testing.T) {
			_, out, errText := run(t, db, args...)
			for _, s := range []string{out, errText} {
				assert.NotRegexp(t, regexp.MustCompile(`476.?5919|9434765919|023.?2137`), s)
			}
			if strings.HasSuffix(name, "--json") {
				var v map[string]any
				require.NoError(t, json.Unmarshal([]byte(out), &v), "still JSON: %s", out)
				assert.Contains(t, v["title"], "943 *** ****")
				assert.IsType(t, float64(0), v["revision"], "numbers stay numbers")
			}
		})
	}
}

// A path the user typed is named as typed, even when it reads as holding
// a number (a temporary folder, a run ID): it came from the command line,
// not from a draft, and a masked path would be a wrong one.
func TestPathsTypedAreNamedAsTyped(t *testing.T) {
	db := filepath.Join(t.TempDir(), "run9434765919", "workbench.db")
	code, _, errText := run(t, db, "list")
	assert.Equal(t, 2, code)
	assert.Contains(t, errText, db)
}
