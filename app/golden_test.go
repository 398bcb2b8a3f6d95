package app

import (
	"flag"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the golden screens under testdata/")

// Golden screens are compared with a tolerance: a pixel counts as changed
// when a channel moves by more than pixelTolerance, and a screen fails when
// more than changedShare of its pixels changed. Anti-aliasing noise passes;
// a missing section, a collapsed column or a changed heading does not.
const (
	pixelTolerance = 16
	changedShare   = 0.001
)

// assertScreen compares what a window shows with testdata/name, written by
// go test ./app -run TestName -update. A mismatch is written to
// testdata/failed/name (ignored by git) so it can be looked at.
func assertScreen(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	img := w.Canvas().Capture()
	shootImage(t, img, name)
	golden := filepath.Join("testdata", name)
	if *update {
		writePNG(t, golden, img)
		return
	}
	f, err := os.Open(golden)
	require.NoError(t, err, "no golden screen: run go test ./app -run %s -update and look at %s", t.Name(), golden)
	defer f.Close()
	want, err := png.Decode(f)
	require.NoError(t, err)
	if msg := compareImages(want, img); msg != "" {
		failed := filepath.Join("testdata", "failed", name)
		writePNG(t, failed, img)
		t.Errorf("%s: %s; the screen as drawn now is %s (go test ./app -run %s -update accepts it)", golden, msg, failed, t.Name())
	}
}

// compareImages says how got differs from want, or "" when it is close enough.
func compareImages(want, got image.Image) string {
	wb, gb := want.Bounds(), got.Bounds()
	if wb.Size() != gb.Size() {
		return fmt.Sprintf("size %v, want %v", gb.Size(), wb.Size())
	}
	changed := 0
	for y := 0; y < wb.Dy(); y++ {
		for x := 0; x < wb.Dx(); x++ {
			if !samePixel(want.At(wb.Min.X+x, wb.Min.Y+y), got.At(gb.Min.X+x, gb.Min.Y+y)) {
				changed++
			}
		}
	}
	if total := wb.Dx() * wb.Dy(); float64(changed) > changedShare*float64(total) {
		return fmt.Sprintf("%d of %d pixels changed (%.2f%%, tolerance %.2f%%)", changed, total, 100*float64(changed)/float64(total), 100*changedShare)
	}
	return ""
}

func samePixel(a, b interface{ RGBA() (r, g, b, a uint32) }) bool {
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	near := func(x, y uint32) bool {
		d := int(x>>8) - int(y>>8)
		return d <= pixelTolerance && d >= -pixelTolerance
	}
	return near(ar, br) && near(ag, bg) && near(ab, bb) && near(aa, ba)
}

// shoot saves what a window shows when DARS_SHOTS names a directory, so a
// person can look at the screens (the software renderer of the test driver).
// It checks nothing; assertScreen is the check.
func shoot(t *testing.T, w fyne.Window, name string) {
	shootImage(t, w.Canvas().Capture(), name)
}

func shootImage(t *testing.T, img image.Image, name string) {
	if dir := os.Getenv("DARS_SHOTS"); dir != "" {
		writePNG(t, filepath.Join(dir, name), img)
	}
}

func writePNG(t *testing.T, path string, img image.Image) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	f, err := os.Create(path)
	require.NoError(t, err)
	require.NoError(t, png.Encode(f, img))
	require.NoError(t, f.Close())
}
