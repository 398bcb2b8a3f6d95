package export_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

func formatFile(v int) string {
	return filepath.Join("testdata", "schema", fmt.Sprintf("v%d.fields", v))
}

// TestSchemaVersionCoversTheFormat enforces the rule written at
// SchemaVersion: the format an older reader sees (every field with its
// type, every enumeration with its values) is recorded once per version
// and never rewritten, so a field or value added without raising
// SchemaVersion fails here.
func TestSchemaVersionCoversTheFormat(t *testing.T) {
	got := strings.Join(formatLines(), "\n") + "\n"
	path := formatFile(export.SchemaVersion)
	want, err := os.ReadFile(path)
	if os.IsNotExist(err) && *update {
		require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
		return
	}
	require.NoError(t, err, "no format is recorded for schema version %d: run go test ./export -run TestSchemaVersion -update", export.SchemaVersion)
	if string(want) == got {
		return
	}
	added, removed := lineDiff(string(want), got)
	t.Errorf("the submission format changed but SchemaVersion is still %d.\nadded:\n  %s\nremoved:\n  %s\n"+
		"Raise SchemaVersion to %d, add upgrades[%d] in export/upgrade.go, keep testdata/submission/v%d, "+
		"then run go test ./export -run TestSchemaVersion -update to record version %d (recorded versions are never rewritten).",
		export.SchemaVersion, strings.Join(added, "\n  "), strings.Join(removed, "\n  "),
		export.SchemaVersion+1, export.SchemaVersion, export.SchemaVersion, export.SchemaVersion+1)
}

func lineDiff(a, b string) (added, removed []string) {
	in := func(s string) map[string]bool {
		m := map[string]bool{}
		for _, l := range strings.Split(strings.TrimSpace(s), "\n") {
			m[l] = true
		}
		return m
	}
	ma, mb := in(a), in(b)
	for l := range mb {
		if !ma[l] {
			added = append(added, l)
		}
	}
	for l := range ma {
		if !mb[l] {
			removed = append(removed, l)
		}
	}
	sort.Strings(added)
	sort.Strings(removed)
	return added, removed
}

// Every earlier version keeps its recorded format and at least one file
// its release wrote, and the current version keeps golden files of its own.
func TestEveryVersionIsKept(t *testing.T) {
	for v := 1; v <= export.SchemaVersion; v++ {
		_, err := os.Stat(formatFile(v))
		assert.NoError(t, err, "the format of version %d is gone", v)
		files, _ := filepath.Glob(filepath.Join("testdata", "submission", fmt.Sprintf("v%d", v), "*.json"))
		assert.NotEmpty(t, files, "no file written by version %d is kept in testdata/submission/v%d", v, v)
	}
}

// goldenSubmissions writes the current version's golden files once.
func TestCurrentVersionGoldenFiles(t *testing.T) {
	dir := filepath.Join("testdata", "submission", fmt.Sprintf("v%d", export.SchemaVersion))
	rich, _ := richApp()
	for name, a := range map[string]*forms.Application{"example": forms.Example(), "rich": rich} {
		path := filepath.Join(dir, fmt.Sprintf("written-by-v%d-%s.json", export.SchemaVersion, name))
		if _, err := os.Stat(path); os.IsNotExist(err) && *update {
			require.NoError(t, os.MkdirAll(dir, 0o755))
			require.NoError(t, os.WriteFile(path, encodeSub(t, a), 0o644))
		}
		b, err := os.ReadFile(path)
		require.NoError(t, err, "run go test ./export -run TestCurrentVersionGoldenFiles -update")
		s, err := export.DecodeSubmission(b)
		require.NoError(t, err)
		again, err := export.EncodeSubmission(s)
		require.NoError(t, err)
		assert.Equal(t, string(b), string(again), "a file of the current version reads and writes back byte for byte")
		assert.Empty(t, s.Converted)
	}
}

// Every file any earlier release wrote still imports, converted without
// loss: each answer it held is in the converted file unchanged.
func TestEarlierVersionsImportWithoutLoss(t *testing.T) {
	for v := 1; v < export.SchemaVersion; v++ {
		files, _ := filepath.Glob(filepath.Join("testdata", "submission", fmt.Sprintf("v%d", v), "written-by-*.json"))
		for _, f := range files {
			t.Run(filepath.Base(f), func(t *testing.T) {
				b, err := os.ReadFile(f)
				require.NoError(t, err)
				s, err := export.DecodeSubmission(b)
				require.NoError(t, err)
				assert.Equal(t, v, s.ReadFrom)
				assert.Equal(t, export.SchemaVersion, s.SchemaVersion)
				assert.Empty(t, s.Application.Unmatched, "a file the app wrote has nothing unmatched")
				out, err := export.EncodeSubmission(s)
				require.NoError(t, err)
				assertKept(t, b, out, nil)
				_, err = export.DecodeSubmission(out)
				require.NoError(t, err, "the converted file reads as the current version")
			})
		}
	}
}

// assertKept checks that every leaf of the old file has the same value in
// the new one, except at the paths changed says were read differently.
func assertKept(t *testing.T, old, new []byte, changed map[string]bool) {
	t.Helper()
	var o, n any
	require.NoError(t, json.Unmarshal(old, &o))
	require.NoError(t, json.Unmarshal(new, &n))
	walkLeaves(o, "", func(path string, v any) {
		if path == "schema_version" || changed[path] {
			return
		}
		got, ok := leaf(n, path)
		if assert.True(t, ok, "%s is gone", path) {
			assert.Equal(t, v, got, "%s changed", path)
		}
	})
}

func walkLeaves(v any, path string, fn func(string, any)) {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			p := k
			if path != "" {
				p = path + "." + k
			}
			walkLeaves(e, p, fn)
		}
	case []any:
		for i, e := range x {
			walkLeaves(e, fmt.Sprintf("%s[%d]", path, i), fn)
		}
	default:
		fn(path, v)
	}
}

func leaf(v any, path string) (any, bool) {
	found := false
	var out any
	walkLeaves(v, "", func(p string, x any) {
		if p == path {
			found, out = true, x
		}
	})
	return out, found
}

// An older app given a newer file says which release it needs.
func TestOlderAppNamesTheVersionItNeeds(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("testdata", "submission", fmt.Sprintf("v%d", export.SchemaVersion), fmt.Sprintf("written-by-v%d-example.json", export.SchemaVersion)))
	require.NoError(t, err)
	b = bytes.Replace(b, []byte(`"app_version": "0.1.0"`), []byte(`"app_version": "1.4.0"`), 1)
	restore := export.PretendSchemaVersion(export.SchemaVersion-1, nil)
	defer restore()
	_, err = export.DecodeSubmission(b)
	require.ErrorIs(t, err, export.ErrNewerSchema)
	assert.Contains(t, err.Error(), fmt.Sprintf("uses schema version %d", export.SchemaVersion))
	assert.Contains(t, err.Error(), "needs DARS Workbench 1.4.0 or later")
}
