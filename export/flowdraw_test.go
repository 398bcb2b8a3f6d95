package export_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signintech/gopdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

func newPDF(t *testing.T, bold bool) *gopdf.GoPdf {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4Landscape})
	require.NoError(t, pdf.AddTTFFontData(export.DiagramFont, goregular.TTF))
	if bold {
		require.NoError(t, pdf.AddTTFFontData(export.DiagramFontBold, gobold.TTF))
	}
	pdf.AddPage()
	return pdf
}

func TestDrawDiagramPDF(t *testing.T) {
	pdf := newPDF(t, true)
	require.NoError(t, export.DrawDiagram(pdf, exampleDiagram(), 30, 30, gopdf.PageSizeA4Landscape.W-60, gopdf.PageSizeA4Landscape.H-60))
	path := filepath.Join(t.TempDir(), "flow.pdf")
	require.NoError(t, pdf.WritePdf(path))
	if keepDir != "" {
		b, _ := os.ReadFile(path)
		keep(t, "flow.pdf", b)
	}
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	require.NoError(t, err)
	text := string(out)
	for _, want := range []string{"NHS England", "Pseudonymised", "2 named analysts", "Cohort file", "Exampleton"} {
		assert.Contains(t, text, want)
	}
	assert.NotContains(t, text, "→", "arrow replaced for the embedded font")
}

func TestDrawDiagramFallsBackToRegular(t *testing.T) {
	pdf := newPDF(t, false)
	require.NoError(t, export.DrawDiagram(pdf, exampleDiagram(), 0, 0, 500, 400))
}

func TestDrawDiagramErrors(t *testing.T) {
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4})
	pdf.AddPage()
	err := export.DrawDiagram(pdf, exampleDiagram(), 0, 0, 500, 400)
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "register"), err.Error())
	assert.Error(t, export.DrawDiagram(newPDF(t, true), flowmap.Diagram{}, 0, 0, 500, 400))
}
