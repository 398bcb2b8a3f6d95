package cli_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every command that writes a file refuses a destination it cannot use with
// exit 2 and says what to do, before doing any work.
func TestOutputPathProblemsAreExplained(t *testing.T) {
	db, id := withExample(t, nil)
	dir := t.TempDir()
	aFile := filepath.Join(dir, "plain.txt")
	require.NoError(t, os.WriteFile(aFile, []byte("x"), 0o644))
	missing := filepath.Join(dir, "no-such-folder", "out")
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"export into missing folder", []string{"export", id, "--out", missing + ".zip"}, "does not exist; create it"},
		{"export onto folder", []string{"export", id, "--out", dir}, "is a folder: give a file name"},
		{"export under a file", []string{"export", id, "--out", filepath.Join(aFile, "p.zip")}, "is a file, not a folder"},
		{"ics into missing folder", []string{"deadlines", "--ics", missing + ".ics"}, "does not exist; create it"},
		{"ics onto folder", []string{"deadlines", "--ics", dir}, "is a folder: give a file name"},
		{"dpia pdf into missing folder", []string{"dpia", id, "--pdf", missing + ".pdf"}, "does not exist; create it"},
		{"dpia pdf onto folder", []string{"dpia", id, "--pdf", dir}, "is a folder: give a file name"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errText := run(t, db, tc.args...)
			assert.Equal(t, 2, code, errText)
			assert.Contains(t, errText, tc.want)
			assert.NotContains(t, errText, ".partial")
		})
	}
}
