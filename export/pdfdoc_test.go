package export_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
)

var fixedTime = time.Date(2026, time.November, 23, 9, 0, 0, 0, time.UTC)

// longText builds n characters of varied prose, numbered so a reader can
// tell a dropped or repeated line.
func longText(n int) string {
	var b strings.Builder
	for i := 1; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Sentence %d of the objective explains the linkage of hospital episodes to the cohort. ", i)
		if i%12 == 0 {
			b.WriteString("\n")
		}
	}
	return b.String()
}

func sampleDoc(d *export.Doc) error {
	d.Heading(1, "Cover")
	d.Paragraph("Prepared by Siân Ŵyn — “curly quotes”, ‘single’, en–dash.")
	d.TOC()
	for s := 1; s <= 3; s++ {
		d.Heading(1, fmt.Sprintf("Section %d", s))
		d.Answer("Lead applicant", "Dr Siân Ŵyn")
		d.Answer("Empty question", "")
		d.Heading(2, fmt.Sprintf("Part %d.1", s))
		d.Answer("Objective", longText(3000))
		var rows [][]string
		for r := 1; r <= 60; r++ {
			rows = append(rows, []string{fmt.Sprintf("row-%d-%d", s, r), "HES APC → TRE", "pseudonymised"})
		}
		d.Table([]export.Column{{"Item", 1}, {"Route", 2}, {"Identifiability", 1}}, rows)
	}
	return nil
}

func renderSample(t *testing.T) []byte {
	t.Helper()
	var buf bytes.Buffer
	err := export.RenderDoc(&buf, export.DocInfo{Title: "Sample", Created: fixedTime, Footer: "DARS-NIC-123456-AB1C2"}, sampleDoc)
	require.NoError(t, err)
	return buf.Bytes()
}

func TestRenderDocIsReproducible(t *testing.T) {
	assert.Equal(t, renderSample(t), renderSample(t))
}

func TestRenderDocReadsAsWritten(t *testing.T) {
	pdf := renderSample(t)
	qpdfCheck(t, pdf)
	text := pdfText(t, pdf)
	n := pageCount(t, pdf)
	for _, want := range []string{
		"Siân Ŵyn", "“curly quotes”", "‘single’", "en–dash", "Not answered",
		"HES APC -> TRE", // the arrow is not in Noto Sans: spelt out, not dropped
		"row-3-60", "Sentence 30 of the objective",
		fmt.Sprintf("Page 1 of %d", n), fmt.Sprintf("Page %d of %d", n, n),
		"Contents", "Section 2", "Part 3.1",
	} {
		assert.Contains(t, text, want)
	}
	// The table header is repeated on every page the table reaches.
	assert.Greater(t, strings.Count(text, "Identifiability"), 3)
}

func TestRenderDocMarksMissingGlyphs(t *testing.T) {
	var buf bytes.Buffer
	var subs map[rune]string
	err := export.RenderDoc(&buf, export.DocInfo{Created: fixedTime}, func(d *export.Doc) error {
		d.Paragraph("Tick ✓ and emoji 😀 stay visible")
		subs = d.Substitutions()
		return nil
	})
	require.NoError(t, err)
	assert.Equal(t, map[rune]string{'✓': "(yes)", '😀': "[U+1F600]"}, subs)
	assert.Contains(t, pdfText(t, buf.Bytes()), "Tick (yes) and emoji [U+1F600] stay visible")
}

func TestRenderDocTOCPointsAtHeadings(t *testing.T) {
	pdf := renderSample(t)
	assertTOCPage(t, pdf, "Section 2")
}

// assertTOCPage checks that the contents line for title names the page
// on which title is printed as a heading.
func assertTOCPage(t *testing.T, pdf []byte, title string) {
	t.Helper()
	text := pdfText(t, pdf)
	i := strings.Index(text, title+" .")
	require.GreaterOrEqual(t, i, 0, "no contents line for %q", title)
	var page int
	_, err := fmt.Sscanf(strings.TrimLeft(text[i+len(title):], " ."), "%d", &page)
	require.NoError(t, err)
	assert.Contains(t, pageOf(t, pdf, page), title)
}
