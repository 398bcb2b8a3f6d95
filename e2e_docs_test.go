//go:build e2e

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// TestDocsScreenshots redraws the README's and the AppStream metadata's
// pictures (docs/screenshot-*.png) from the real window, so that they show
// the app as it is: `make screenshots`. It checks nothing else.
func TestDocsScreenshots(t *testing.T) {
	out := os.Getenv("DARS_DOCS")
	if out == "" {
		t.Skip("run through make screenshots")
	}
	bin := binary(t)

	// The worked example, on its Overview and its data flow map.
	a := forms.Example()
	d := startDisplay(t)
	db, _ := seedDraft(t, bin, a)
	d.startAppIn(t.TempDir(), "docs-example.log", bin, "--db", db)
	d.openFirstDraft(regexp.QuoteMeta(a.Overview.Title))
	time.Sleep(time.Second)
	shootWindow(t, d, a.Overview.Title, filepath.Join(out, "screenshot-draft.png"))
	d.must("mousemove", "83", "400", "click", "1") // Data flow map, in the section list
	time.Sleep(2 * time.Second)
	shootWindow(t, d, a.Overview.Title, filepath.Join(out, "screenshot-dataflow.png"))

	// A deliberately bad objective in the Public entry.
	b := forms.Example()
	text, err := os.ReadFile(filepath.Join("forms", "testdata", "register", "bad-objective.txt"))
	require.NoError(t, err)
	b.Purpose.Objective = strings.TrimSpace(string(text))
	d2 := startDisplay(t)
	db2, _ := seedDraft(t, bin, b)
	d2.startAppIn(t.TempDir(), "docs-public.log", bin, "--db", db2)
	d2.openFirstDraft(regexp.QuoteMeta(b.Overview.Title))
	d2.must("key", "ctrl+shift+p")
	time.Sleep(2 * time.Second)
	// Down past the facts and datasets to the objective, marked.
	d2.must("mousemove", "600", "500")
	d2.must("click", "--repeat", "27", "--delay", "30", "5")
	time.Sleep(time.Second)
	shootWindow(t, d2, b.Overview.Title, filepath.Join(out, "screenshot-public-entry.png"))
}

// shootWindow saves the window whose title matches as a PNG.
func shootWindow(t *testing.T, d *display, title, path string) {
	t.Helper()
	c := exec.Command("xdotool", "search", "--onlyvisible", "--name", regexp.QuoteMeta(title))
	c.Env = d.env()
	ids, err := c.Output()
	require.NoError(t, err)
	id := strings.Fields(string(ids))[0]
	shot := exec.Command("import", "-window", id, path)
	shot.Env = d.env()
	require.NoError(t, shot.Run())
	t.Logf("picture: %s", path)
}
