package export_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestInspectPDF(t *testing.T) {
	type want struct{ pdf, encrypted, js, launch, openAction, active bool }
	cases := map[string]want{
		"plain.pdf":          {pdf: true},
		"open_at_page.pdf":   {pdf: true, openAction: true},
		"openaction_js.pdf":  {pdf: true, js: true, openAction: true, active: true},
		"launch.pdf":         {pdf: true, launch: true, openAction: true, active: true},
		"escaped_name.pdf":   {pdf: true, js: true, active: true},
		"encrypted.pdf":      {pdf: true, encrypted: true},
		"qpdf_encrypted.pdf": {pdf: true, encrypted: true},
		"objstm_js.pdf":      {pdf: true, js: true, openAction: true, active: true},
		"qpdf_objstm_js.pdf": {pdf: true, js: true, openAction: true, active: true},
		"objstm_clean.pdf":   {pdf: true},
		"binary_stream.pdf":  {pdf: true},
		"not_a_pdf.docx":     {},
	}
	for name, w := range cases {
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "pdfcheck", name))
			require.NoError(t, err)
			f, err := export.InspectPDF(bytes.NewReader(b))
			require.NoError(t, err)
			got := want{f.IsPDF, f.Encrypted, f.JavaScript, f.Launch, f.OpenAction, f.ActiveContent()}
			assert.Equal(t, w, got)
			assert.Equal(t, int64(len(b)), f.Size)
			assert.Empty(t, f.Incomplete)
		})
	}
}

func TestInspectPDFVersionAndObjectStreams(t *testing.T) {
	f, err := export.InspectPDF(bytes.NewReader(readPDF(t, "objstm_js.pdf")))
	require.NoError(t, err)
	assert.Equal(t, "1.5", f.Version)
	assert.Equal(t, 1, f.ObjectStreams)
}

func TestInspectPDFReadError(t *testing.T) {
	_, err := export.InspectPDF(failingReader{})
	assert.ErrorIs(t, err, errBroken)
}

var errBroken = fmt.Errorf("disk went away")

type failingReader struct{}

func (failingReader) Read([]byte) (int, error) { return 0, errBroken }

func readPDF(t testing.TB, name string) []byte {
	b, err := os.ReadFile(filepath.Join("testdata", "pdfcheck", name))
	require.NoError(t, err)
	return b
}
