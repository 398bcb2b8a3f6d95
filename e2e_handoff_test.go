//go:build e2e

package main

import (
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// TestEndToEndHandOff opens the worked example's hand-off to DARS Online,
// ticks the first answer and copies it with the keyboard alone, and reads
// both back: the tick through the CLI, the copy from the X clipboard.
func TestEndToEndHandOff(t *testing.T) {
	bin := binary(t)
	d := startDisplay(t)
	db := filepath.Join(t.TempDir(), "e2e-handoff.db")
	d.startApp(bin, "--db", db)
	d.waitFor(func() bool { return d.windowVisible("^DARS Workbench$") }, "the start window")
	time.Sleep(time.Second)
	d.must("mousemove", "507", "340", "click", "1") // "Open the worked example"
	d.waitFor(func() bool { return d.windowVisible("worked example") }, "the worked example's window")
	time.Sleep(time.Second)

	d.must("key", "ctrl+shift+h")
	d.waitFor(func() bool { return d.windowVisible("^Hand off to DARS Online") }, "the hand-off window")
	time.Sleep(1500 * time.Millisecond)
	d.must("search", "--onlyvisible", "--name", "^Hand off to DARS Online", "windowfocus", "--sync")
	d.shot("20-handoff.png")

	// The first answer not entered is chosen: the title. Return copies it,
	// Space ticks it.
	d.must("key", "Return")
	time.Sleep(300 * time.Millisecond)
	d.must("key", "space")
	time.Sleep(500 * time.Millisecond)
	d.shot("21-handoff-ticked.png")

	c := exec.Command("xclip", "-selection", "clipboard", "-o")
	c.Env = d.env()
	clip, err := c.Output()
	require.NoError(t, err)
	require.Equal(t, "Long-term kidney outcomes after childhood cancer (worked example)", strings.TrimSpace(string(clip)))

	var rep struct {
		Draft    string
		Progress struct {
			AnswersEntered int `json:"answers_entered"`
		}
		Answers []struct {
			FieldPath string `json:"field_path"`
			Entered   bool
		}
	}
	rows := listDrafts(t, bin, db)
	require.Len(t, rows, 1)
	d.waitFor(func() bool {
		out, err := exec.Command(bin, "--db", db, "handoff", rows[0].ID, "--json").Output()
		return err == nil && json.Unmarshal(out, &rep) == nil && rep.Progress.AnswersEntered == 1
	}, "the tick in the database")
	require.Equal(t, "overview.title", rep.Answers[0].FieldPath)
	require.True(t, rep.Answers[0].Entered)
}
