package export_test

import (
	"bytes"
	"encoding/xml"
	"image/color"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// keepDir, when DARS_SHOTS names it, receives what the tests render
// (pictures, PDFs) for a person to look at; the app's screen tests use the
// same variable.
var keepDir = os.Getenv("DARS_SHOTS")

func keep(t *testing.T, name string, b []byte) {
	if keepDir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(keepDir, name), b, 0o644))
	}
}

func exampleDiagram() flowmap.Diagram {
	a := forms.Example()
	return flowmap.Layout(a.DataFlow, a)
}

func TestWriteDiagramSVGGolden(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, export.WriteDiagramSVG(&buf, exampleDiagram()))
	keep(t, "example.svg", buf.Bytes())
	golden := filepath.Join("testdata", "dataflow_example.svg")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, buf.Bytes(), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), buf.String())
}

// FuzzWriteDiagramSVG checks that any labels give well-formed XML.
func FuzzWriteDiagramSVG(f *testing.F) {
	f.Add("NHS England", "<script>&\"", "Items ]]> \x00 \uFFFE")
	f.Fuzz(func(t *testing.T, a, b, items string) {
		m := forms.DataFlowMap{
			Nodes: []forms.FlowNode{{ID: "a", Kind: forms.NodeNHSEngland, Label: a}, {ID: "b", Kind: forms.NodeOrganisation, Label: b}},
			Flows: []forms.Flow{{ID: "f", From: "a", To: "b", Items: items, Identifiability: forms.Identifiable}},
		}
		var buf bytes.Buffer
		require.NoError(t, export.WriteDiagramSVG(&buf, flowmap.Layout(m, nil)))
		dec := xml.NewDecoder(&buf)
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err)
		}
	})
}

func TestWriteDiagramPNG(t *testing.T) {
	d := exampleDiagram()
	var buf bytes.Buffer
	require.NoError(t, export.WriteDiagramPNG(&buf, d, 2))
	keep(t, "example.png", buf.Bytes())
	img, err := png.Decode(&buf)
	require.NoError(t, err)
	assert.Equal(t, int(math.Ceil(d.Width*2)), img.Bounds().Dx())

	// The NHS England box is filled with its colour; paper stays white.
	var nhse flowmap.Rect
	for _, b := range d.Boxes {
		if b.Kind == forms.NodeNHSEngland {
			nhse = b.Rect
		}
	}
	at := func(x, y float64) color.RGBA {
		r, g, b, a := img.At(int(x*2), int(y*2)).RGBA()
		return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
	}
	assert.Equal(t, flowmap.NodeStyle(forms.NodeNHSEngland).Fill, at(nhse.X+4, nhse.Y+4))
	assert.Equal(t, flowmap.ColourPaper, at(2, 2))
	// An identifiable arrow is drawn in its colour along its first segment.
	for _, a := range d.Arrows {
		if a.Level == forms.Identifiable {
			p, q := a.Points[1], a.Points[2]
			assert.Equal(t, flowmap.FlowStyle(forms.Identifiable).Colour, at((p.X+q.X)/2, (p.Y+q.Y)/2))
			break
		}
	}
}

func TestWriteDiagramPNGRefusesSilly(t *testing.T) {
	d := exampleDiagram()
	for _, s := range []float64{0, -1, math.NaN(), 1000} {
		assert.Error(t, export.WriteDiagramPNG(io.Discard, d, s), "scale %v", s)
	}
}
