package export_test

import (
	"bytes"
	"compress/zlib"
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
			assert.False(t, f.Truncated)
		})
	}
}

func TestInspectPDFVersionAndObjectStreams(t *testing.T) {
	f, err := export.InspectPDF(bytes.NewReader(readPDF(t, "objstm_js.pdf")))
	require.NoError(t, err)
	assert.Equal(t, "1.5", f.Version)
	assert.Equal(t, 1, f.ObjectStreams)
}

// A small object stream that inflates past the bound is cut off, reported
// and never held in memory whole.
func TestInspectPDFBoundsDecompression(t *testing.T) {
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	_, _ = zw.Write(bytes.Repeat([]byte(" "), 20<<20))
	_, _ = zw.Write([]byte("/JS"))
	require.NoError(t, zw.Close())
	doc := fmt.Appendf(nil, "%%PDF-1.5\n1 0 obj\n<< /Type /ObjStm /Filter /FlateDecode /Length %d >>\nstream\n", z.Len())
	doc = append(doc, z.Bytes()...)
	doc = append(doc, "\nendstream\nendobj\n%%EOF\n"...)
	f, err := export.InspectPDF(bytes.NewReader(doc))
	require.NoError(t, err)
	assert.True(t, f.Truncated)
	assert.False(t, f.JavaScript, "the script lies beyond the bound")
	assert.Equal(t, int64(len(doc)), f.Size)
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

func FuzzInspectPDF(f *testing.F) {
	for _, name := range []string{"plain.pdf", "objstm_js.pdf", "escaped_name.pdf", "qpdf_objstm_js.pdf", "encrypted.pdf"} {
		f.Add(readPDF(f, name))
	}
	f.Add([]byte("%PDF-1.4\n(unterminated"))
	f.Add([]byte("%PDF-1.4\n/J#"))
	f.Fuzz(func(t *testing.T, b []byte) {
		facts, err := export.InspectPDF(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("a byte slice cannot fail to read: %v", err)
		}
		if facts.Size != int64(len(b)) {
			t.Fatalf("size %d, want %d", facts.Size, len(b))
		}
		if !facts.IsPDF && (facts.JavaScript || facts.Encrypted) {
			t.Fatalf("non-PDF reported with PDF facts: %+v", facts)
		}
	})
}
