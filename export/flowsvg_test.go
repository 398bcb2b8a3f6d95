package export_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files")

// keepDir, when set, receives rendered pictures for a person to look at.
var keepDir = os.Getenv("DARS_KEEP_RENDERS")

func keep(t *testing.T, name string, b []byte) {
	if keepDir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(keepDir, name), b, 0o644))
	}
}

func exampleDiagram() forms.Diagram {
	a := forms.Example()
	return forms.Layout(a.DataFlow, a)
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
		require.NoError(t, export.WriteDiagramSVG(&buf, forms.Layout(m, nil)))
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
