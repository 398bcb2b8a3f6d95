//go:build e2e

package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// startAppIn runs the binary with home as its HOME (and configuration and
// data folders under it), logging to logName in the output folder.
func (d *display) startAppIn(home, logName, bin string, args ...string) *exec.Cmd {
	d.t.Helper()
	c := exec.Command(bin, args...)
	c.Env = append(d.env(), "HOME="+home, "XDG_CONFIG_HOME="+filepath.Join(home, ".config"),
		"XDG_DATA_HOME="+filepath.Join(home, ".local", "share"), "DARS_FILE_DIALOG=builtin")
	log, err := os.Create(filepath.Join(d.out, logName))
	require.NoError(d.t, err)
	c.Stdout, c.Stderr = log, log
	require.NoError(d.t, c.Start())
	d.t.Cleanup(func() {
		_ = c.Process.Signal(syscall.SIGTERM)
		time.Sleep(300 * time.Millisecond)
		_ = c.Process.Kill()
		_ = c.Wait()
	})
	return c
}

// Two real processes of one user: the second says the first is open and
// ends, and the first's preferences file is never read half-written.
func TestEndToEndASecondCopySaysTheFirstIsOpen(t *testing.T) {
	bin := binary(t)
	d := startDisplay(t)
	home := t.TempDir()
	first := d.startAppIn(home, "first-copy.log", bin, "--db", filepath.Join(t.TempDir(), "one.db"))
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the first copy's window")
	time.Sleep(time.Second)

	second := d.startAppIn(home, "second-copy.log", bin, "--db", filepath.Join(t.TempDir(), "two.db"))
	exited := make(chan error, 1)
	go func() { exited <- second.Wait() }()
	d.waitFor(func() bool { return d.windowVisible("already open") }, "the second copy's message")
	time.Sleep(700 * time.Millisecond)
	d.shot("30-second-copy.png")
	d.must("search", "--onlyvisible", "--name", "already open", "windowfocus", "--sync")
	d.must("key", "Return")
	select {
	case err := <-exited:
		require.NoError(t, err, "the second copy ends cleanly")
	case <-time.After(15 * time.Second):
		t.Fatal("the second copy did not end")
	}
	require.NoError(t, first.Process.Signal(syscall.Signal(0)), "the first copy is still running")

	files, _ := filepath.Glob(filepath.Join(home, ".config", "fyne", "*", "preferences.json"))
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		var v map[string]any
		assert.NoError(t, json.Unmarshal(b, &v), "%s is whole", f)
	}
	for _, log := range []string{"first-copy.log", "second-copy.log"} {
		b, err := os.ReadFile(filepath.Join(d.out, log))
		require.NoError(t, err)
		assert.NotContains(t, string(b), "Preferences load error", log)
	}
}

// A pack double-clicked in the file manager while the window is open opens
// in that window's copy: the second copy hands it over and ends without a
// message of its own.
func TestEndToEndAPackOpenedWhileTheWindowIsOpen(t *testing.T) {
	bin := binary(t)
	d := startDisplay(t)
	home := t.TempDir()
	db, id := seedDraft(t, bin, forms.Example())
	pack := filepath.Join(t.TempDir(), "for review.dars.zip")
	out, err := exec.Command(bin, "--db", db, "export", id, "--out", pack).CombinedOutput()
	require.NoError(t, err, string(out))

	d.startAppIn(home, "first-copy.log", bin, "--db", filepath.Join(t.TempDir(), "one.db"))
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the first copy's window")
	time.Sleep(time.Second)

	second := d.startAppIn(home, "second-copy.log", bin, pack)
	exited := make(chan error, 1)
	go func() { exited <- second.Wait() }()
	select {
	case err := <-exited:
		require.NoError(t, err, "the second copy ends cleanly")
	case <-time.After(20 * time.Second):
		t.Fatal("the second copy did not end")
	}
	d.waitFor(func() bool { return d.windowVisible("^Review") }, "the pack under review in the first copy")
	time.Sleep(time.Second)
	d.shot("31-pack-handed-over.png")
	assert.False(t, d.windowVisible("already open"), "no message: the pack is open")
}

// Attaching through the file dialog with a path typed in full: the file
// lands on a new evidence item of the worked example.
func TestEndToEndAttachThroughTheDialogWithATypedPath(t *testing.T) {
	bin := binary(t)
	d := startDisplay(t)
	home := t.TempDir()
	db := filepath.Join(t.TempDir(), "attach.db")
	letters := filepath.Join(t.TempDir(), "letters")
	require.NoError(t, os.Mkdir(letters, 0o755))
	pdf := filepath.Join(letters, "cag-approval.pdf")
	require.NoError(t, os.WriteFile(pdf, []byte(e2eTinyPDF), 0o644))

	d.startAppIn(home, "attach.log", bin, "--db", db)
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window")
	time.Sleep(time.Second)
	d.must("mousemove", "507", "340", "click", "1") // "Open the worked example"
	d.waitFor(func() bool { return d.windowVisible("worked example") }, "the worked example's window")
	time.Sleep(time.Second)
	d.must("search", "--onlyvisible", "--name", "worked example", "windowfocus", "--sync")
	d.must("key", "ctrl+shift+a")
	time.Sleep(1500 * time.Millisecond)
	d.shot("31-attach-dialog.png")
	d.must("type", "--delay", "20", pdf)
	time.Sleep(300 * time.Millisecond)
	d.shot("32-attach-typed-path.png")
	d.must("key", "Return")

	// The worked example's pack carries its evidence files under their own
	// names once attached.
	pack := filepath.Join(t.TempDir(), "attached.zip")
	d.waitFor(func() bool {
		rows := listDrafts(t, bin, db)
		if len(rows) != 1 {
			return false
		}
		os.Remove(pack)
		if exec.Command(bin, "--db", db, "export", rows[0].ID, "--out", pack).Run() != nil {
			return false
		}
		out, err := exec.Command("unzip", "-l", pack).Output()
		return err == nil && strings.Contains(string(out), "cag-approval.pdf")
	}, "the file attached to the draft")
	time.Sleep(500 * time.Millisecond)
	d.shot("33-attached.png")
}

// e2eTinyPDF is a small, valid, harmless PDF.
const e2eTinyPDF = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
