package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A toast shows whole, fades at the end of its time, and is gone after.
func TestToastFades(t *testing.T) {
	test.NewTempApp(t)
	ts := newToaster()
	w := test.NewWindow(ts.over(canvas.NewRectangle(nil)))
	w.Resize(fyne.NewSize(800, 600))
	ts.put("Snapshot of revision 4 taken: History… shows it, and Compare… can set it beside later versions.")
	require.Equal(t, "Snapshot of revision 4 taken: History… shows it, and Compare… can set it beside later versions.", ts.shown())
	c := ts.current
	assert.Len(t, c.lines, 2, "a long notice wraps")
	box := c.box.Position()
	assert.Greater(t, box.Y, float32(400), "it sits at the bottom of the window")
	assert.InDelta(t, ts.layer.Size().Width/2, box.X+c.box.Size().Width/2, 1, "centred")

	ts.step(0.5)
	assert.Equal(t, uint8(0xff), toNRGBA(c.lines[0].Color).A, "whole until it fades")
	ts.step(0.95)
	assert.Less(t, toNRGBA(c.lines[0].Color).A, uint8(0xff), "fading")
	ts.step(1)
	assert.Empty(t, ts.shown())
	assert.Empty(t, ts.layer.Objects, "gone")
}

// What worked is told in a toast, not only in the status line.
func TestSnapshotIsToasted(t *testing.T) {
	u, _ := newTestUI(t)
	u.start.create("Blank", "Toasts")
	e := openOnly(t, u)
	e.onSnapshot()
	assert.Contains(t, e.toasts.last, "Snapshot of revision")
	assert.Contains(t, e.savedAt.Text, "Snapshot of revision")
}

func TestWrapWords(t *testing.T) {
	assert.Equal(t, []string{"one two", "three"}, wrapWords("one two three", 8))
	assert.Equal(t, []string{"averyveryverylongword", "x"}, wrapWords("averyveryverylongword x", 8))
	assert.Empty(t, wrapWords("   ", 8))
}
