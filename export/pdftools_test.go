package export_test

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// update rewrites golden files and the generated schema instead of comparing.
var update = flag.Bool("update", false, "rewrite golden files under testdata/ and export/schema")

// writeTemp writes b to a file in a test temp dir and returns its path.
func writeTemp(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(p, b, 0o600))
	return p
}

// qpdfCheck runs qpdf --check as a reader's tool would.
func qpdfCheck(t *testing.T, pdf []byte) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed")
	}
	out, err := exec.Command("qpdf", "--check", writeTemp(t, "check.pdf", pdf)).CombinedOutput()
	require.NoError(t, err, "qpdf --check: %s", out)
	require.NotContains(t, string(out), "WARNING", "qpdf --check: %s", out)
}

// pdfText extracts the text a reader sees, with whitespace runs collapsed
// so that line wrapping does not matter.
func pdfText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", writeTemp(t, "text.pdf", pdf), "-").Output()
	require.NoError(t, err)
	return squash(string(out))
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

var pagesRe = regexp.MustCompile(`(?m)^Pages:\s+(\d+)`)

// pageCount asks pdfinfo how many pages the PDF has.
func pageCount(t *testing.T, pdf []byte) int {
	t.Helper()
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("pdfinfo not installed")
	}
	out, err := exec.Command("pdfinfo", writeTemp(t, "info.pdf", pdf)).Output()
	require.NoError(t, err)
	m := pagesRe.FindSubmatch(out)
	require.NotNil(t, m, "pdfinfo: %s", out)
	n, err := strconv.Atoi(string(m[1]))
	require.NoError(t, err)
	return n
}

// pdfRawText extracts text in the order it was drawn (pdftotext -raw), so
// that a table cell's lines stay together.
func pdfRawText(t *testing.T, pdf []byte) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", writeTemp(t, "raw.pdf", pdf), "-").Output()
	require.NoError(t, err)
	return squash(string(out))
}

// pageOf is the text of one page.
func pageOf(t *testing.T, pdf []byte, page int) string {
	t.Helper()
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	p := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-enc", "UTF-8", "-f", p, "-l", p, writeTemp(t, "page.pdf", pdf), "-").Output()
	require.NoError(t, err)
	return squash(string(out))
}
