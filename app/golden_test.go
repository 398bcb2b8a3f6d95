package app

import (
	"flag"
	"fmt"
	"image"
	"image/draw"
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
	w, g := rgba(want), rgba(got)
	if w.Rect.Size() != g.Rect.Size() {
		return fmt.Sprintf("size %v, want %v", g.Rect.Size(), w.Rect.Size())
	}
	changed := 0
	for i := 0; i < len(w.Pix); i += 4 {
		for c := range 4 {
			if d := int(w.Pix[i+c]) - int(g.Pix[i+c]); d > pixelTolerance || d < -pixelTolerance {
				changed++
				break
			}
		}
	}
	if total := len(w.Pix) / 4; float64(changed) > changedShare*float64(total) {
		return fmt.Sprintf("%d of %d pixels changed (%.2f%%, tolerance %.2f%%)", changed, total, 100*float64(changed)/float64(total), 100*changedShare)
	}
	return ""
}

// rgba is img as 8-bit RGBA from (0, 0), so two pictures compare byte by
// byte whatever their PNG colour model.
func rgba(img image.Image) *image.RGBA {
	b := img.Bounds()
	out := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(out, out.Rect, img, b.Min, draw.Src)
	return out
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

func TestCompareImages(t *testing.T) {
	base := image.NewNRGBA(image.Rect(0, 0, 100, 100))
	for i := range base.Pix {
		base.Pix[i] = 200
	}
	edit := func(f func(m *image.NRGBA)) *image.NRGBA {
		m := image.NewNRGBA(base.Rect)
		copy(m.Pix, base.Pix)
		f(m)
		return m
	}
	for name, c := range map[string]struct {
		got  image.Image
		same bool
	}{
		"identical":                 {base, true},
		"anti-aliasing noise":       {edit(func(m *image.NRGBA) { m.Pix[0] += 10; m.Pix[401] -= 16 }), true},
		"one pixel in ten thousand": {edit(func(m *image.NRGBA) { m.Pix[0] = 0 }), true},
		"a short line":              {edit(func(m *image.NRGBA) { copy(m.Pix[4000:4080], make([]byte, 80)) }), false},
		"another size":              {image.NewNRGBA(image.Rect(0, 0, 100, 99)), false},
	} {
		t.Run(name, func(t *testing.T) {
			msg := compareImages(base, c.got)
			if c.same {
				require.Empty(t, msg)
			} else {
				require.NotEmpty(t, msg)
			}
		})
	}
}
