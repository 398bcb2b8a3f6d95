package assets

import (
	"bytes"
	"image"
	"image/png"
	"testing"

	"github.com/stretchr/testify/require"
)

// The window icon is decoded on the UI thread before every window shows, so
// it stays small and 8-bit; it must still be the application's icon, only
// smaller.
func TestWindowIconIsTheAppIconSmall(t *testing.T) {
	small, err := png.Decode(bytes.NewReader(WindowIconPNG))
	require.NoError(t, err)
	full, err := png.Decode(bytes.NewReader(IconPNG))
	require.NoError(t, err)

	require.Equal(t, image.Pt(128, 128), small.Bounds().Size())
	switch small.(type) {
	case *image.NRGBA, *image.RGBA:
	default:
		t.Fatalf("window icon decodes as %T: store it with 8 bits a channel (RGBA), which decodes several times faster than 16", small)
	}

	// Each small pixel against the mean of the block of the full icon it
	// stands for: a different picture differs by far more than resampling.
	fb := full.Bounds()
	k := fb.Dx() / 128
	require.Equal(t, fb.Dx(), fb.Dy(), "the app icon is square")
	var diff, n float64
	for y := 0; y < 128; y++ {
		for x := 0; x < 128; x++ {
			var sum [4]float64
			for dy := 0; dy < k; dy++ {
				for dx := 0; dx < k; dx++ {
					r, g, b, a := full.At(fb.Min.X+x*k+dx, fb.Min.Y+y*k+dy).RGBA()
					sum[0], sum[1], sum[2], sum[3] = sum[0]+float64(r), sum[1]+float64(g), sum[2]+float64(b), sum[3]+float64(a)
				}
			}
			r, g, b, a := small.At(x, y).RGBA()
			for i, v := range []uint32{r, g, b, a} {
				d := float64(v) - sum[i]/float64(k*k)
				if d < 0 {
					d = -d
				}
				diff += d / 0xffff
				n++
			}
		}
	}
	mean := diff / n
	require.Less(t, mean, 0.01, "the window icon is not icon.png scaled down (mean channel difference %.3f): regenerate it with\n  convert assets/icon.png -filter Lanczos -resize 128x128 -depth 8 -strip PNG32:assets/window-icon.png", mean)
}
