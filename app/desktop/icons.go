package desktop

import (
	"bytes"
	"fmt"
	"image"
	"image/png"

	"golang.org/x/image/draw"
)

// Icons scales a square PNG to each size (Catmull-Rom, which keeps small
// icons sharp) and encodes them as PNG.
func Icons(src []byte, sizes []int) (map[int][]byte, error) {
	img, err := png.Decode(bytes.NewReader(src))
	if err != nil {
		return nil, fmt.Errorf("icon: %w", err)
	}
	b := img.Bounds()
	if b.Dx() != b.Dy() {
		return nil, fmt.Errorf("icon: %d×%d is not square", b.Dx(), b.Dy())
	}
	out := map[int][]byte{}
	for _, size := range sizes {
		if size > b.Dx() {
			return nil, fmt.Errorf("icon: %d pixels wide, smaller than the %d asked for", b.Dx(), size)
		}
		dst := image.NewNRGBA(image.Rect(0, 0, size, size))
		draw.CatmullRom.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, dst); err != nil {
			return nil, err
		}
		out[size] = buf.Bytes()
	}
	return out, nil
}
