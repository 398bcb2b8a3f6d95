//go:build e2e

package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/storage"
)

// TestEndToEndQuitKeepsWhatWasTyped types into a draft and quits at once,
// every way the app can be stopped, then reads the database: what the app
// received is kept, and the process ends cleanly.
func TestEndToEndQuitKeepsWhatWasTyped(t *testing.T) {
	bin := binary(t)
	d := startDisplay(t)
	for _, how := range []string{"ctrl+q", "close the windows", "SIGTERM", "SIGHUP"} {
		t.Run(how, func(t *testing.T) {
			d.t = t
			db := filepath.Join(t.TempDir(), "quit.db")
			c := d.startApp(bin, "--db", db)
			title := "Quit test " + strings.NewReplacer("+", " ", "SIG", "").Replace(how)
			draftWindow(d, title)

			typed := "Typed a moment before the app was stopped."
			d.must("type", "--delay", "15", typed)
			switch how {
			case "ctrl+q":
				d.must("key", "ctrl+q")
			case "close the windows":
				// The start window stepped aside when the draft opened;
				// closing the draft brings it back, and closing it quits.
				d.closeWindow(title)
				d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window to come back")
				d.closeWindow("^DARS Workbench$")
			case "SIGTERM":
				require.NoError(t, c.Process.Signal(syscall.SIGTERM))
			case "SIGHUP":
				require.NoError(t, c.Process.Signal(syscall.SIGHUP))
			}
			require.NoError(t, waitExit(c, 30*time.Second), "the app ends cleanly")

			summary := storedSummary(t, db, title)
			if !strings.HasPrefix(how, "SIG") {
				// The key or the close request comes after the typing, in
				// the same event queue.
				assert.Equal(t, typed, summary)
			} else {
				// A signal can overtake keys the app has not read yet;
				// whatever it read is kept.
				assert.True(t, strings.HasPrefix(typed, summary), "stored %q", summary)
				t.Logf("%s: %d of %d characters typed were received and kept", how, len(summary), len(typed))
			}
			assert.NoFileExists(t, db+"-wal", "the store was closed properly")
		})
	}
}

// draftWindow creates a draft through the window and waits with the cursor
// in its first field.
func draftWindow(d *display, title string) {
	d.t.Helper()
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window")
	time.Sleep(time.Second) // let the first frame settle before typing
	d.must("search", "--onlyvisible", "--name", "^DARS Workbench$", "windowfocus", "--sync")
	d.must("key", "ctrl+n")
	time.Sleep(700 * time.Millisecond)
	d.must("type", "--delay", "20", title)
	d.must("key", "Return")
	d.waitFor(func() bool { return d.windowVisible(title) }, "the draft window")
	time.Sleep(time.Second)
	d.must("search", "--onlyvisible", "--name", title, "windowfocus", "--sync")
}

// closeWindow asks a window to close as a window manager's close button
// does (WM_DELETE_WINDOW); xdotool of this age can only destroy windows.
func (d *display) closeWindow(name string) {
	d.t.Helper()
	if _, err := exec.LookPath("python3"); err != nil {
		d.t.Skip("python3 is needed to send WM_DELETE_WINDOW")
	}
	c := exec.Command("xdotool", "search", "--name", name)
	c.Env = d.env()
	out, err := c.Output()
	require.NoError(d.t, err)
	id := strings.Fields(string(out))[0]
	py := exec.Command("python3", "testdata/wmdelete.py", id)
	py.Env = d.env()
	b, err := py.CombinedOutput()
	require.NoError(d.t, err, string(b))
}

func waitExit(c *exec.Cmd, limit time.Duration) error {
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(limit):
		// A goroutine dump in the app's log shows where it hangs.
		_ = c.Process.Signal(syscall.SIGQUIT)
		<-done
		return fmt.Errorf("still running after %v (goroutines in app.log)", limit)
	}
}

// storedSummary reads the draft's summary as a reader would, read-only.
func storedSummary(t *testing.T, db, title string) string {
	t.Helper()
	st, err := storage.OpenReadOnly(db)
	require.NoError(t, err)
	defer st.Close()
	drafts, err := st.List()
	require.NoError(t, err)
	require.Len(t, drafts, 1)
	require.Equal(t, title, drafts[0].Title)
	a, err := st.Load(drafts[0].ID)
	require.NoError(t, err)
	return a.Overview.Summary
}
