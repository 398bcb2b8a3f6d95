package desktop_test

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/darsworkbench/dars-workbench/app/desktop"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// installFiles are the files the install tests write, made once: scaling
// the icon is the slow part, and the tests do not read the Exec path.
func installFiles(t *testing.T) []desktop.File {
	filesOnce.Do(func() { filesMade, filesErr = desktop.Files(app(), "/opt/dars") })
	require.NoError(t, filesErr)
	return filesMade
}

var (
	filesOnce sync.Once
	filesMade []desktop.File
	filesErr  error
)

// tree lists every file and folder under root, relative, with '/'.
func tree(t *testing.T, root string) []string {
	var out []string
	require.NoError(t, filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		require.NoError(t, err)
		if p != root {
			rel, _ := filepath.Rel(root, p)
			if d.IsDir() {
				rel += "/"
			}
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	}))
	sort.Strings(out)
	return out
}

func fakeExe(t *testing.T) string {
	p := filepath.Join(t.TempDir(), "dars-workbench")
	require.NoError(t, os.WriteFile(p, []byte("#!/bin/sh\necho DARS Workbench\n"), 0o755))
	return p
}

// noTools is a system without the cache tools.
func noTools(name string, args ...string) error {
	return &exec.Error{Name: name, Err: exec.ErrNotFound}
}

func TestInstallThenUninstallLeavesNothing(t *testing.T) {
	prefix := filepath.Join(t.TempDir(), "prefix")
	require.NoError(t, os.Mkdir(prefix, 0o755))
	files := installFiles(t)
	var ran []string
	run := func(name string, args ...string) error {
		ran = append(ran, name+" "+strings.Join(args, " "))
		return nil
	}
	notes, err := desktop.Install(prefix, fakeExe(t), "dars-workbench", files, run)
	require.NoError(t, err)
	assert.Empty(t, notes)
	assert.Equal(t, []string{
		"update-mime-database " + filepath.Join(prefix, "share", "mime"),
		"update-desktop-database " + filepath.Join(prefix, "share", "applications"),
	}, ran, "the icon cache is left alone where there is none")
	st, err := os.Stat(filepath.Join(prefix, "bin", "dars-workbench"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o755), st.Mode().Perm())
	for _, f := range files {
		b, err := os.ReadFile(filepath.Join(prefix, filepath.FromSlash(f.Path)))
		require.NoError(t, err, f.Path)
		assert.Equal(t, f.Data, b, f.Path)
	}
	installed := tree(t, prefix)

	// Installing again changes nothing and still removes cleanly.
	_, err = desktop.Install(prefix, fakeExe(t), "dars-workbench", files, run)
	require.NoError(t, err)
	assert.Equal(t, installed, tree(t, prefix))

	_, err = desktop.Uninstall(prefix, "dars-workbench", run)
	require.NoError(t, err)
	assert.Empty(t, tree(t, prefix), "every file and every folder the install made is gone")
	_, err = desktop.Uninstall(prefix, "dars-workbench", run)
	assert.ErrorIs(t, err, desktop.ErrNotInstalled)
}

// What was there before the install stays: other apps' entries, icons and
// MIME types, and the folders holding them.
func TestUninstallKeepsWhatWasThere(t *testing.T) {
	prefix := t.TempDir()
	other := []string{"bin/other", "share/applications/other.desktop", "share/icons/hicolor/48x48/apps/other.png", "share/mime/packages/other.xml"}
	for _, p := range other {
		full := filepath.Join(prefix, filepath.FromSlash(p))
		require.NoError(t, os.MkdirAll(filepath.Dir(full), 0o755))
		require.NoError(t, os.WriteFile(full, []byte("theirs"), 0o644))
	}
	require.NoError(t, os.WriteFile(filepath.Join(prefix, "share", "icons", "hicolor", "icon-theme.cache"), []byte("cache"), 0o644))
	before := tree(t, prefix)
	files := installFiles(t)
	var ran []string
	run := func(name string, args ...string) error { ran = append(ran, name); return nil }
	_, err := desktop.Install(prefix, fakeExe(t), "dars-workbench", files, run)
	require.NoError(t, err)
	assert.Contains(t, ran, "gtk-update-icon-cache", "an icon cache that exists is kept current")
	ran = nil
	_, err = desktop.Uninstall(prefix, "dars-workbench", run)
	require.NoError(t, err)
	assert.Equal(t, before, tree(t, prefix))
	assert.Equal(t, []string{"update-mime-database", "update-desktop-database", "gtk-update-icon-cache"}, ran,
		"the caches forget the app, since other apps' files remain")
}

func TestInstallSaysWhenCacheToolsAreMissing(t *testing.T) {
	prefix := t.TempDir()
	files := installFiles(t)
	notes, err := desktop.Install(prefix, fakeExe(t), "dars-workbench", files, noTools)
	require.NoError(t, err)
	require.Len(t, notes, 2)
	assert.Contains(t, notes[0], "update-mime-database is not installed")
	_, err = desktop.Uninstall(prefix, "dars-workbench", noTools)
	require.NoError(t, err)
	assert.Empty(t, tree(t, prefix))
}

func TestInstallRefusesAMissingPrefix(t *testing.T) {
	_, err := desktop.Install(filepath.Join(t.TempDir(), "nowhere"), fakeExe(t), "dars-workbench", nil, noTools)
	assert.ErrorContains(t, err, "does not exist")
}

// A damaged or planted install record cannot make uninstall remove files
// outside the prefix.
func TestUninstallRefusesARecordLeavingThePrefix(t *testing.T) {
	root := t.TempDir()
	prefix := filepath.Join(root, "prefix")
	victim := filepath.Join(root, "precious.txt")
	require.NoError(t, os.WriteFile(victim, []byte("keep"), 0o644))
	for _, line := range []string{"file ../precious.txt", "file /etc/passwd", "dir ..", "file share/../../precious.txt"} {
		rec := filepath.Join(prefix, "share", "dars-workbench", "installed-files")
		require.NoError(t, os.MkdirAll(filepath.Dir(rec), 0o755))
		require.NoError(t, os.WriteFile(rec, []byte(line+"\n"), 0o644))
		_, err := desktop.Uninstall(prefix, "dars-workbench", noTools)
		assert.ErrorContains(t, err, "outside the prefix", line)
		_, err = os.Stat(victim)
		require.NoError(t, err, line)
	}
}

// The real tools, into a temporary prefix: the desktop then knows packs by
// name and by content, and ordinary zip files stay zip files; uninstalling
// leaves the prefix empty.
func TestInstallWithTheRealTools(t *testing.T) {
	for _, tool := range []string{"update-mime-database", "update-desktop-database", "gio"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed (make deps-test installs it)", tool)
		}
	}
	prefix := t.TempDir()
	files, err := desktop.Files(app(), prefix) // TryExec must name the installed program, or GIO hides the entry
	require.NoError(t, err)
	notes, err := desktop.Install(prefix, fakeExe(t), "dars-workbench", files, desktop.RunTool)
	require.NoError(t, err)
	assert.Empty(t, notes)

	samples := t.TempDir()
	pack := packBytes(t)
	zipFile := plainZip(t)
	env := append(os.Environ(), "XDG_DATA_HOME="+filepath.Join(prefix, "share"), "XDG_DATA_DIRS=/usr/local/share:/usr/share")
	typeOf := func(name string, b []byte) string {
		p := filepath.Join(samples, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		c := exec.Command("gio", "info", "-a", "standard::content-type", p)
		c.Env = env
		out, err := c.CombinedOutput()
		require.NoError(t, err, "%s", out)
		_, v, _ := strings.Cut(string(out), "standard::content-type: ")
		return strings.TrimSpace(v)
	}
	assert.Equal(t, desktop.PackMIMEType, typeOf("DARS-NIC-1-rev3-2026-11-30.dars.zip", pack), "by its name")
	assert.Equal(t, desktop.PackMIMEType, typeOf("pack-without-extension", pack), "by its content")
	assert.Equal(t, "application/zip", typeOf("photos.zip", zipFile), "other zips stay zips")
	assert.Equal(t, "application/zip", typeOf("photos", zipFile))
	c := exec.Command("gio", "mime", desktop.PackMIMEType)
	c.Env = env
	out, err := c.CombinedOutput()
	require.NoError(t, err, "%s", out)
	assert.Contains(t, string(out), "uk.darsworkbench.workbench.desktop", "the app is registered for packs")

	_, err = desktop.Uninstall(prefix, "dars-workbench", desktop.RunTool)
	require.NoError(t, err)
	assert.Empty(t, tree(t, prefix))
}
