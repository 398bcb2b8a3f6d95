//go:build e2e

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestQuietCommandLine runs the commands scripts use under the locales of
// containers, CI runners and cron: nothing may reach stderr when all is well
// (Fyne used to log "Error parsing user locale C" three times under C.UTF-8).
func TestQuietCommandLine(t *testing.T) {
	bin := binary(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "workbench.db")
	sub, err := export.EncodeSubmission(export.NewSubmission(forms.Example(), "test", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
	require.NoError(t, err)
	subPath := filepath.Join(dir, "submission.json")
	require.NoError(t, os.WriteFile(subPath, sub, 0o600))
	run := func(env []string, args ...string) (string, string, int) {
		c := exec.Command(bin, args...)
		c.Env = env
		var out, errb bytes.Buffer
		c.Stdout, c.Stderr = &out, &errb
		err := c.Run()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else {
			require.NoError(t, err)
		}
		return out.String(), errb.String(), code
	}
	base := cleanEnv(dir)
	_, stderr, code := run(append(base, "LANG=en_GB.UTF-8"), "--db", db, "import", subPath)
	require.Equal(t, 0, code, stderr)
	rows := listDrafts(t, bin, db)
	require.Len(t, rows, 1)
	pack := filepath.Join(dir, "pack.zip")
	_, stderr, code = run(append(base, "LANG=en_GB.UTF-8"), "--db", db, "export", rows[0].ID, "--out", pack)
	require.Equal(t, 0, code, stderr)

	for name, locale := range map[string][]string{
		"LANG unset":    nil,
		"LANG=C":        {"LANG=C"},
		"LANG=C.UTF-8":  {"LANG=C.UTF-8"},
		"LANG=POSIX":    {"LANG=POSIX"},
		"LC_ALL=C.utf8": {"LC_ALL=C.utf8", "LANG=en_GB.UTF-8"},
	} {
		env := append(append([]string{}, base...), locale...)
		for what, args := range map[string][]string{
			"version":          {"version"},
			"list":             {"--db", db, "list"},
			"check draft":      {"--db", db, "check", rows[0].ID},
			"check submission": {"check", subPath},
			"verify pack":      {"verify", pack},
		} {
			t.Run(name+"/"+what, func(t *testing.T) {
				stdout, stderr, code := run(env, args...)
				assert.Empty(t, stderr)
				assert.NotEmpty(t, stdout)
				assert.Contains(t, []int{0, 1}, code, "exit 0 or 1 (check: blockers found)")
			})
		}
	}
}

// cleanEnv is the environment without any locale variable, with a private
// home so no real data directory is touched.
func cleanEnv(home string) []string {
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k == "LANG" || k == "LANGUAGE" || strings.HasPrefix(k, "LC_") || k == "HOME" || k == "XDG_DATA_HOME" {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "HOME="+home, "XDG_DATA_HOME="+filepath.Join(home, "xdg"))
}
