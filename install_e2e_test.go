//go:build e2e

package main

import (
	"bytes"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInstallCommand installs the built program into a temporary prefix as
// `make install PREFIX=…` does, checks what a desktop reads with the
// freedesktop validators, runs the installed copy, and uninstalls: the
// prefix is left as it was, and nothing reaches stderr.
func TestInstallCommand(t *testing.T) {
	bin := binary(t)
	root := t.TempDir()
	prefix := filepath.Join(root, "Siân's apps") // a space and a quote in the Exec line
	require.NoError(t, os.Mkdir(prefix, 0o755))
	env := cleanEnv(root)
	run := func(exe string, args ...string) string {
		c := exec.Command(exe, args...)
		c.Env = env
		var out, errb bytes.Buffer
		c.Stdout, c.Stderr = &out, &errb
		require.NoError(t, c.Run(), "%s %v: %s", exe, args, errb.String())
		assert.Empty(t, errb.String(), "%s %v", exe, args)
		return out.String()
	}
	t.Log(run(bin, "install", "--prefix", prefix))

	entry := filepath.Join(prefix, "share", "applications", "uk.darsworkbench.workbench.desktop")
	meta := filepath.Join(prefix, "share", "metainfo", "uk.darsworkbench.workbench.metainfo.xml")
	for _, v := range [][]string{{"desktop-file-validate", entry}, {"appstreamcli", "validate", "--no-net", meta}} {
		out, err := exec.Command(v[0], v[1:]...).CombinedOutput()
		require.NoError(t, err, "%s: %s", v[0], out)
		t.Logf("%s: %s", v[0], strings.TrimSpace(string(out)))
	}
	b, err := os.ReadFile(entry)
	require.NoError(t, err)
	installed := filepath.Join(prefix, "bin", "dars-workbench")
	assert.Contains(t, string(b), `Exec="`+installed+`" %f`)
	for _, size := range []string{"16x16", "48x48", "128x128", "256x256", "512x512"} {
		_, err := os.Stat(filepath.Join(prefix, "share", "icons", "hicolor", size, "apps", "uk.darsworkbench.workbench.png"))
		assert.NoError(t, err, size)
	}
	assert.Contains(t, run(installed, "version"), "DARS Workbench")

	t.Log(run(installed, "uninstall", "--prefix", prefix))
	var left []string
	require.NoError(t, filepath.WalkDir(prefix, func(p string, d fs.DirEntry, err error) error {
		if p != prefix {
			left = append(left, p)
		}
		return err
	}))
	assert.Empty(t, left, "uninstall removes everything install made")
}
