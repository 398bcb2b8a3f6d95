//go:build e2e

package main

import (
	"encoding/json"
	"fmt"
	"image/png"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The end-to-end tests drive the real binary in a private Xvfb display with
// xdotool, as a person at the keyboard would, and read the result back
// through the CLI. They keep screenshots for people to look at.

type display struct {
	t    *testing.T
	name string
	xvfb *exec.Cmd
	out  string
}

func startDisplay(t *testing.T) *display {
	t.Helper()
	for _, tool := range []string{"Xvfb", "xdotool", "import"} {
		_, err := exec.LookPath(tool)
		require.NoError(t, err, "%s is needed: make deps-test installs it", tool)
	}
	// A display number nobody holds: Xvfb's lock file names the taken ones.
	n := 500 + rand.Intn(400)
	for ; fileExists(fmt.Sprintf("/tmp/.X%d-lock", n)); n++ {
	}
	name := fmt.Sprintf(":%d", n)
	// -noreset: by default Xvfb resets when its last client leaves, and a
	// program starting during that reset cannot open the display.
	x := exec.Command("Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp", "-noreset")
	require.NoError(t, x.Start())
	d := &display{t: t, name: name, xvfb: x, out: os.Getenv("DARS_E2E_OUT")}
	if d.out == "" {
		d.out = t.TempDir()
	}
	require.NoError(t, os.MkdirAll(d.out, 0o755))
	t.Cleanup(func() { _ = x.Process.Kill(); _ = x.Wait() })
	// The server is ready once its socket exists and it answers a request.
	d.waitFor(func() bool {
		return fileExists(fmt.Sprintf("/tmp/.X11-unix/X%d", n)) && d.xdo("getmouselocation") == nil
	}, "Xvfb to start")
	return d
}

func (d *display) env() []string {
	return append(os.Environ(), "DISPLAY="+d.name, "LANG=en_GB.UTF-8", "LC_ALL=C.UTF-8")
}

func (d *display) xdo(args ...string) error {
	c := exec.Command("xdotool", args...)
	c.Env = d.env()
	return c.Run()
}

func (d *display) must(args ...string) {
	d.t.Helper()
	require.NoError(d.t, d.xdo(args...), "xdotool %v", args)
}

func (d *display) shot(name string) string {
	p := filepath.Join(d.out, name)
	c := exec.Command("import", "-window", "root", p)
	c.Env = d.env()
	require.NoError(d.t, c.Run())
	d.t.Logf("screenshot: %s", p)
	return p
}

func (d *display) waitFor(ok func() bool, what string) {
	d.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if ok() {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	d.t.Fatalf("timed out waiting for %s", what)
}

func (d *display) windowVisible(name string) bool {
	c := exec.Command("xdotool", "search", "--onlyvisible", "--name", name)
	c.Env = d.env()
	out, err := c.Output()
	return err == nil && strings.TrimSpace(string(out)) != ""
}

// startApp runs the binary on the display with a private HOME and database.
func (d *display) startApp(bin string, args ...string) *exec.Cmd {
	d.t.Helper()
	c := exec.Command(bin, args...)
	c.Env = append(d.env(), "HOME="+d.t.TempDir(), "XDG_DATA_HOME="+d.t.TempDir())
	log, err := os.Create(filepath.Join(d.out, "app.log"))
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

func binary(t *testing.T) string {
	bin := os.Getenv("DARS_BIN")
	if bin == "" {
		bin = filepath.Join(t.TempDir(), "dars-workbench")
		out, err := exec.Command("go", "build", "-tags", "no_emoji", "-o", bin, ".").CombinedOutput()
		require.NoError(t, err, string(out))
	}
	return bin
}

type listed struct {
	ID, Title string
	Revision  int64
}

func listDrafts(t *testing.T, bin, db string) []listed {
	out, err := exec.Command(bin, "--db", db, "list", "--json").Output()
	require.NoError(t, err)
	var rows []listed
	require.NoError(t, json.Unmarshal(out, &rows))
	return rows
}

func TestEndToEndCreateDraftThroughTheWindow(t *testing.T) {
	bin := binary(t)
	d := startDisplay(t)
	db := filepath.Join(t.TempDir(), "e2e.db")
	d.startApp(bin, "--db", db)
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window")
	time.Sleep(time.Second) // let the first frame settle before typing
	d.shot("01-start.png")

	d.must("search", "--onlyvisible", "--name", "^DARS Workbench$", "windowfocus", "--sync")
	d.must("key", "ctrl+n")
	time.Sleep(700 * time.Millisecond)
	d.must("type", "--delay", "30", "Kidney outcomes end-to-end")
	d.shot("02-new-draft-dialog.png")
	d.must("key", "Return")

	d.waitFor(func() bool { return d.windowVisible("Kidney outcomes end-to-end") }, "the draft window")
	time.Sleep(time.Second)
	d.shot("03-draft-window.png")

	var rows []listed
	d.waitFor(func() bool { rows = listDrafts(t, bin, db); return len(rows) == 1 }, "the draft in the database")
	require.Equal(t, "Kidney outcomes end-to-end", rows[0].Title)

	// The cursor starts in the first field that blocks submission (the
	// summary); what is typed there is autosaved without any save command.
	d.must("search", "--onlyvisible", "--name", "Kidney outcomes end-to-end", "windowfocus", "--sync")
	d.must("type", "--delay", "20", "We will link our cohort to HES.")
	d.waitFor(func() bool { rows = listDrafts(t, bin, db); return rows[0].Revision >= 2 }, "the edit to be autosaved")
	time.Sleep(500 * time.Millisecond)
	d.shot("04-overview-edited.png")

	// The start window stepped aside when the draft opened; All drafts
	// (Ctrl+O) brings it back beside the draft, listing the new title.
	assert.False(t, d.windowVisible("^DARS Workbench$"), "the start window is away while the draft is open")
	d.must("key", "ctrl+o")
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window to come back")
	assert.True(t, d.windowVisible("Kidney outcomes end-to-end"), "the draft stays open")
	time.Sleep(500 * time.Millisecond)
	d.shot("05-all-drafts.png")
}

// TestEndToEndDataFlowMap opens the worked example from the empty start
// screen, goes to the Data flow map and keeps a screenshot of the map as a
// person sees it (R-T6). Fyne windows open at the top left of a display
// with no window manager, so the clicks use fixed window positions.
func TestEndToEndDataFlowMap(t *testing.T) {
	bin := binary(t)
	d := startDisplay(t)
	db := filepath.Join(t.TempDir(), "e2e-flow.db")
	d.startApp(bin, "--db", db)
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window")
	time.Sleep(time.Second)

	d.must("mousemove", "507", "340", "click", "1") // "Open the worked example"
	d.waitFor(func() bool { return d.windowVisible("worked example") }, "the worked example's window")
	time.Sleep(time.Second)
	d.must("mousemove", "83", "400", "click", "1") // "Data flow map" in the section list
	time.Sleep(1500 * time.Millisecond)
	shot := d.shot("10-data-flow-map.png")

	// The map is drawn: NHS England's box shows in its own blue, in the
	// section's body (right of the list, left of the readiness panel).
	f, err := os.Open(shot)
	require.NoError(t, err)
	defer f.Close()
	img, err := png.Decode(f)
	require.NoError(t, err)
	blue := 0
	for y := 150; y < 600; y++ {
		for x := 245; x < 910; x++ {
			r, g, b, _ := img.At(x, y).RGBA()
			if r>>8 < 0x10 && g>>8 > 0x50 && g>>8 < 0x6A && b>>8 > 0xB0 && b>>8 < 0xC0 {
				blue++
			}
		}
	}
	require.Greater(t, blue, 500, "NHS England's box should be drawn in the map")
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
