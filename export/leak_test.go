package export

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf16"

	"github.com/signintech/gopdf"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

// The promise of R-C8, tested the hard way: a draft, a library and a review
// with a valid NHS number planted in every free-text field (found by
// reflection, so no field is missed), exported every way. Masked, not one
// valid NHS number may be found in any byte of any file: zip entries and
// their names are read, PDF streams inflated and their text extracted
// (gopdf writes glyph IDs, so raw bytes alone would show no digits),
// metadata decoded. Unmasked, every writer refuses and names the fields.

var leakAt = time.Date(2026, 11, 23, 9, 0, 0, 0, time.UTC)

// leakNumbers are the valid NHS numbers planted, one per field.
func leakNumbers(n int) []string {
	var out []string
	for x := uint64(123456789); len(out) < n; x = x*6364136223846793005 + 1442695040888963407 {
		nine := fmt.Sprintf("%09d", (x>>20)%1_000_000_000)
		sum := 0
		for i := 0; i < 9; i++ {
			sum += int(nine[i]-'0') * (10 - i)
		}
		c := (11 - sum%11) % 11
		if c == 10 {
			continue
		}
		if num := nine + string(rune('0'+c)); forms.ValidNHSNumber(num) {
			out = append(out, num)
		}
	}
	return out
}

// leakRenderings write a number the ways the scanner must see through.
var leakRenderings = []func(string) string{
	func(n string) string { return n },
	func(n string) string { return n[:3] + " " + n[3:6] + " " + n[6:] },
	func(n string) string { return n[:3] + "-" + n[3:6] + "-" + n[6:] },
	func(n string) string { return n[:3] + "\u202F" + n[3:6] + "\u202F" + n[6:] },
	func(n string) string { return n[:3] + "\u2013" + n[3:6] + "\u2013" + n[6:] },
	func(n string) string {
		var b strings.Builder
		for i, r := range n {
			if i == 3 || i == 6 {
				b.WriteRune('\u3000')
			}
			b.WriteRune('０' + r - '0')
		}
		return b.String()
	},
	func(n string) string { return n[:5] + " " + n[5:] },
	func(n string) string { return "(" + n[:3] + ") " + n[3:6] + "-" + n[6:] },
}

type planted struct {
	numbers []string
	next    int
}

func (p *planted) text(path string) string {
	n := p.numbers[p.next%len(p.numbers)]
	r := leakRenderings[p.next%len(leakRenderings)]
	p.next++
	return fmt.Sprintf("Note %d %s", p.next, r(n))
}

type memBlobs map[string][]byte

func (m memBlobs) Open(sum string) (io.ReadCloser, error) {
	b, ok := m[sum]
	if !ok {
		return nil, fmt.Errorf("evidence %s: %w", sum, os.ErrNotExist)
	}
	return io.NopCloser(bytes.NewReader(b)), nil
}

// leakWorld is everything the app writes from: a draft and an earlier
// version of it, the library, a review of the draft's pack.
type leakWorld struct {
	app, earlier *forms.Application
	lib          []forms.LibraryEntry
	review       *ReviewFile
	blobs        memBlobs
	numbers      []string
}

func newLeakWorld(t *testing.T) *leakWorld {
	t.Helper()
	p := &planted{numbers: leakNumbers(600)}
	w := &leakWorld{blobs: memBlobs{}, numbers: p.numbers}
	a := forms.Example()
	paths := formstest.PlantEverywhere(a, p.text)
	require.Greater(t, len(paths), 150)
	var docBuf bytes.Buffer
	require.NoError(t, RenderDoc(&docBuf, DocInfo{Title: "Protocol", Created: leakAt}, func(d *Doc) error {
		d.Paragraph("The study protocol, version 4.0.")
		return d.Err()
	}))
	doc := docBuf.Bytes()
	sum := sha256.Sum256(doc)
	for i := range a.Evidence {
		if f := a.Evidence[i].File; f != nil {
			f.SHA256, f.Size, f.IsPDF = hex.EncodeToString(sum[:]), int64(len(doc)), true
		}
	}
	w.blobs[hex.EncodeToString(sum[:])] = doc
	a.Lifecycle.DSASigned, a.Lifecycle.DSAEnd = forms.NewDate(2024, 1, 1), forms.NewDate(2026, 12, 1)
	a.Lifecycle.Destruction.DestroyedOn = forms.NewDate(2026, 12, 2)
	w.app = a

	w.earlier = a.Clone()
	w.earlier.Purpose.Objective = p.text("earlier objective")
	w.earlier.Overview.Title = p.text("earlier title")
	w.earlier.People = w.earlier.People[:len(w.earlier.People)-1]

	var e forms.LibraryEntry
	formstest.Plant(&e, p.text)
	e.ID = "lib-1"
	for i := range e.SecurityDocuments {
		if f := e.SecurityDocuments[i].File; f != nil {
			f.SHA256, f.Size = hex.EncodeToString(sum[:]), int64(len(doc))
		}
	}
	w.lib = []forms.LibraryEntry{e}

	r := forms.NewReview(a, "A Reviewer", "IG lead")
	for _, field := range []string{"purpose.objective", "overview.title", "people[0].name"} {
		_, err := r.Comment(a, forms.SectionOfField(field), field, forms.CommentMustChange, p.text(field))
		require.NoError(t, err)
	}
	formstest.Plant(r, p.text) // reviewer, role, texts, replies
	w.review = &ReviewFile{SchemaVersion: ReviewSchemaVersion, AppVersion: "test", PackSHA256: strings.Repeat("ab", 32),
		PackFile: "pack.zip", Title: a.Overview.Title, ExportedAt: leakAt, SavedAt: leakAt, Review: *r}
	return w
}

type outFile struct {
	name string
	data []byte
}

// exportMasked writes every file the app can write, each from a masked
// copy as the window and the CLI do when the user chooses masking.
func (w *leakWorld) exportMasked(t *testing.T) []outFile {
	t.Helper()
	a := forms.MaskedCopy(w.app)
	lib := forms.MaskedCopy(w.lib)
	var out []outFile
	write := func(name string, f func(io.Writer) error) {
		var b bytes.Buffer
		require.NoError(t, f(&b), name)
		out = append(out, outFile{name, b.Bytes()})
	}
	dir := t.TempDir()
	pack := filepath.Join(dir, PackFileName(a, leakAt))
	require.NoError(t, ExportPack(pack, a, w.blobs, PackOptions{AppVersion: "test", At: leakAt}))
	b, err := os.ReadFile(pack)
	require.NoError(t, err)
	out = append(out, outFile{filepath.Base(pack), b})
	write("application.pdf", func(wr io.Writer) error { return WriteApplicationPDF(wr, a, leakAt) })
	write("dpia.pdf", func(wr io.Writer) error { return WriteDPIAPDF(wr, a, leakAt) })
	write("certificate.pdf", func(wr io.Writer) error { return WriteDestructionCertificate(wr, a, leakAt) })
	d := forms.MaskedCopy(flowmap.Layout(a.DataFlow, a))
	write("data-flow-map.svg", func(wr io.Writer) error { return WriteDiagramSVG(wr, d) })
	write("data-flow-map.png", func(wr io.Writer) error { return WriteDiagramPNG(wr, d, 1) })
	ds := forms.MaskedCopy(forms.Deadlines([]*forms.Application{w.app}, w.lib, forms.DateOf(leakAt)))
	require.NotEmpty(t, ds)
	write("deadlines.ics", func(wr io.Writer) error { return WriteICalendar(wr, ds, leakAt) })
	write("library.zip", func(wr io.Writer) error { _, err := WriteLibraryPack(wr, lib, w.blobs, leakAt); return err })
	write("library.json", func(wr io.Writer) error {
		b, err := forms.EncodeLibrary(lib)
		wr.Write(b)
		return err
	})
	rf := forms.MaskedCopy(w.review)
	write("review.json", func(wr io.Writer) error { b, err := EncodeReview(rf); wr.Write(b); return err })
	write("review.pdf", func(wr io.Writer) error { return WriteReviewPDF(wr, rf) })
	cmp := forms.Compare(forms.MaskedCopy(w.earlier), a)
	require.False(t, cmp.Empty())
	write("summary-of-changes.pdf", func(wr io.Writer) error {
		return WriteChangesPDF(wr, cmp, ChangesInfo{Title: a.Overview.Title, From: "Revision 1", To: "Revision 2", At: leakAt})
	})
	return out
}

func TestMaskedExportsHoldNoNHSNumberInAnyByte(t *testing.T) {
	w := newLeakWorld(t)
	files := w.exportMasked(t)
	kinds := map[string]bool{}
	for _, f := range files {
		for _, l := range leaks(t, f.name, f.data, w.numbers) {
			t.Errorf("%s", l)
		}
		kinds[filepath.Ext(f.name)] = true
	}
	assert.Equal(t, 12, len(files), "every way out is exported")
	// The masked files still say something: the masked form is there.
	for _, f := range files {
		if name := f.name; strings.HasSuffix(name, ".json") || strings.HasSuffix(name, ".ics") || strings.HasSuffix(name, ".svg") {
			assert.True(t, strings.Contains(string(f.data), "***"), "%s shows the masked numbers", name)
		}
	}
	pdf := files[1].data
	assert.Contains(t, leakPDFText(t, pdf), "***", "application.pdf shows the masked numbers")
	info := pdfInfo(t, files[1].data)
	assert.Contains(t, info, "***", "the PDF's title is the masked title")
}

func TestEveryWriterRefusesAnUnmaskedNumberAndNamesIt(t *testing.T) {
	w := newLeakWorld(t)
	a := w.app
	d := flowmap.Layout(a.DataFlow, a)
	ds := forms.Deadlines([]*forms.Application{a}, w.lib, forms.DateOf(leakAt))
	cmp := forms.Compare(w.earlier, a)
	dir := t.TempDir()
	writers := map[string]func(io.Writer) error{
		"pack": func(wr io.Writer) error { return WritePack(wr, a, w.blobs, PackOptions{At: leakAt}) },
		"pack file": func(io.Writer) error {
			return ExportPack(filepath.Join(dir, "p.zip"), a, w.blobs, PackOptions{At: leakAt})
		},
		"application.pdf": func(wr io.Writer) error { return WriteApplicationPDF(wr, a, leakAt) },
		"dpia.pdf":        func(wr io.Writer) error { return WriteDPIAPDF(wr, a, leakAt) },
		"certificate":     func(wr io.Writer) error { return WriteDestructionCertificate(wr, a, leakAt) },
		"submission.json": func(io.Writer) error { _, err := EncodeSubmission(NewSubmission(a, "t", leakAt)); return err },
		"diagram SVG":     func(wr io.Writer) error { return WriteDiagramSVG(wr, d) },
		"diagram PNG":     func(wr io.Writer) error { return WriteDiagramPNG(wr, d, 1) },
		"calendar":        func(wr io.Writer) error { return WriteICalendar(wr, ds, leakAt) },
		"library pack":    func(wr io.Writer) error { _, err := WriteLibraryPack(wr, w.lib, w.blobs, leakAt); return err },
		"library file":    func(io.Writer) error { _, err := forms.EncodeLibrary(w.lib); return err },
		"review.json":     func(io.Writer) error { _, err := EncodeReview(w.review); return err },
		"review PDF":      func(wr io.Writer) error { return WriteReviewPDF(wr, w.review) },
		"summary of changes": func(wr io.Writer) error {
			return WriteChangesPDF(wr, cmp, ChangesInfo{Title: a.Overview.Title, At: leakAt})
		},
	}
	for name, write := range writers {
		t.Run(name, func(t *testing.T) {
			var b bytes.Buffer
			err := write(&b)
			require.Error(t, err)
			assert.True(t, errors.Is(err, forms.ErrNHSNumbers), "%v", err)
			assert.Zero(t, b.Len(), "nothing is written before the refusal")
			var ie *forms.IdentifierError
			require.ErrorAs(t, err, &ie)
			assert.NotEmpty(t, ie.Found)
			for _, f := range ie.Found {
				assert.NotEmpty(t, f.Where)
				assert.Contains(t, f.Shown, "***")
			}
			for _, n := range w.numbers {
				require.NotContains(t, err.Error(), n[3:6]+" "+n[6:])
				require.NotContains(t, err.Error(), n)
			}
		})
	}
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Empty(t, entries, "a refused pack leaves no file behind")
	// The pack's refusal names every planted field of the draft.
	err = WritePack(io.Discard, a, w.blobs, PackOptions{At: leakAt})
	var ie *forms.IdentifierError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, len(forms.FindNHSNumbers(forms.Part{Value: a})), len(ie.Found))
	var wheres []string
	for _, f := range ie.Found {
		wheres = append(wheres, f.Where)
	}
	assert.Contains(t, wheres, "Purpose → Objective")
	assert.Contains(t, wheres, "Data → Product 1 → Field 1 → Reason")
	assert.Contains(t, wheres, "Evidence 1 → File → Name")
}

func TestLeakDetectorCatchesAnUnguardedPack(t *testing.T) {
	// The detector must be able to fail: the pack written without the guard
	// (the unexported writer behind WritePack) shows the planted numbers in
	// every kind of file, PDF text behind glyph IDs included.
	w := newLeakWorld(t)
	var b bytes.Buffer
	require.NoError(t, writePack(&b, w.app, w.blobs, PackOptions{AppVersion: "test", At: leakAt}))
	found := map[string]bool{}
	for _, l := range leaks(t, "pack.zip", b.Bytes(), w.numbers) {
		found[strings.SplitN(l, ":", 2)[0]] = true
	}
	// Entry names and PDF metadata are not among them: a name made safe
	// for a pack, and every line drawn, are masked guard or not
	// (safeFileName, outText). The detector's reading of them is shown
	// below on files made to carry numbers there.
	for _, want := range []string{"pack.zip/data/submission.json", "pack.zip/data/application.pdf (text)",
		"pack.zip/data/dpia.pdf (text)", "pack.zip/bag-info.txt"} {
		assert.True(t, found[want], "the detector missed the numbers in %s; it found %v", want, found)
	}
	var z bytes.Buffer
	zw := zip.NewWriter(&z)
	_, err := zw.Create("data/evidence/" + w.numbers[0] + ".pdf")
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	assert.NotEmpty(t, leaks(t, "named.zip", z.Bytes(), w.numbers), "the detector reads entry names")
	pdf := &gopdf.GoPdf{}
	pdf.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4, Unit: gopdf.UnitPT})
	pdf.SetInfo(gopdf.PdfInfo{Title: "Title " + w.numbers[0], CreationDate: leakAt})
	pdf.AddPage()
	var pb bytes.Buffer
	_, err = pdf.WriteTo(&pb)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(leaks(t, "meta.pdf", pb.Bytes(), w.numbers), "\n"), "(metadata)", "the detector reads PDF metadata")
}

// leaks lists every valid NHS number, and every planted number however
// written, found in a file: in its bytes, in each zip entry and its name,
// in each PDF's inflated streams, text, outline and metadata.
func leaks(t *testing.T, name string, data []byte, numbers []string) []string {
	t.Helper()
	var out []string
	check := func(where, text string, textual bool) {
		for _, h := range forms.ScanText(text) {
			if h.Kind == forms.IdentNHSNumber {
				out = append(out, fmt.Sprintf("%s: NHS number %q", where, text[h.Start:h.End]))
			}
		}
		if !textual {
			return
		}
		digits := digitProjection(text)
		for _, n := range numbers {
			if strings.Contains(digits, n) {
				out = append(out, fmt.Sprintf("%s: planted number %s…", where, n[:3]))
			}
		}
	}
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
		require.NoError(t, err, name)
		var names []string
		for _, f := range zr.File {
			names = append(names, f.Name)
			rc, err := f.Open()
			require.NoError(t, err)
			b, err := io.ReadAll(rc)
			rc.Close()
			require.NoError(t, err)
			out = append(out, leaks(t, name+"/"+f.Name, b, numbers)...)
		}
		check(name+" (entry names)", strings.Join(names, "\n"), true)
	case bytes.HasPrefix(data, []byte("%PDF")):
		// The cross-reference table's ten-digit byte offsets are the file's
		// structure, not text anyone reads.
		check(name, xrefRe.ReplaceAllString(string(data), "xref"), false)
		for i, s := range pdfStreams(data) {
			check(fmt.Sprintf("%s (stream %d)", name, i), string(s), false)
		}
		check(name+" (strings)", pdfStrings(data), true)
		check(name+" (text)", leakPDFText(t, data), true)
		check(name+" (raw text)", pdfRawText(t, data), true)
		check(name+" (metadata)", pdfInfo(t, data), true)
	case bytes.HasPrefix(data, []byte("\x89PNG")):
		check(name, string(data), false)
		check(name+" (text chunks)", pngText(data), true)
	default:
		check(name, string(data), true)
	}
	return out
}

// digitProjection keeps only the digits of s, any script's as ASCII, so a
// number survives whatever was put between its digits.
func digitProjection(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsDigit(r) {
			if r >= '0' && r <= '9' {
				b.WriteRune(r)
			} else if r >= '０' && r <= '９' {
				b.WriteRune('0' + r - '０')
			} else {
				b.WriteRune('?')
			}
		}
	}
	return b.String()
}

var xrefRe = regexp.MustCompile(`(?s)\nxref\r?\n.*?trailer|startxref\r?\n\d+`)

var streamRe = regexp.MustCompile(`(?s)stream\r?\n(.*?)\r?\nendstream`)

// pdfStreams inflates every stream that inflates.
func pdfStreams(pdf []byte) [][]byte {
	var out [][]byte
	for _, m := range streamRe.FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			out = append(out, m[1])
			continue
		}
		b, _ := io.ReadAll(zr)
		out = append(out, b)
	}
	return out
}

var hexStringRe = regexp.MustCompile(`<(FEFF[0-9A-Fa-f]*)>`)

// pdfStrings decodes the UTF-16 strings of a PDF's objects (outline
// titles, metadata), wherever they are.
func pdfStrings(pdf []byte) string {
	var b strings.Builder
	for _, src := range append([][]byte{pdf}, pdfStreams(pdf)...) {
		for _, m := range hexStringRe.FindAllSubmatch(src, -1) {
			raw, err := hex.DecodeString(string(m[1]))
			if err != nil || len(raw) < 2 {
				continue
			}
			u := make([]uint16, (len(raw)-2)/2)
			for i := range u {
				u[i] = binary.BigEndian.Uint16(raw[2+2*i:])
			}
			b.WriteString(string(utf16.Decode(u)) + "\n")
		}
	}
	return b.String()
}

func pngText(png []byte) string {
	var b strings.Builder
	for i := 8; i+8 <= len(png); {
		n := int(binary.BigEndian.Uint32(png[i:]))
		kind := string(png[i+4 : i+8])
		if i+12+n > len(png) {
			break
		}
		if kind == "tEXt" || kind == "iTXt" || kind == "zTXt" {
			b.Write(png[i+8 : i+8+n])
		}
		i += 12 + n
	}
	return b.String()
}

func popplerTool(t *testing.T, tool string, pdf []byte, args ...string) string {
	t.Helper()
	if _, err := exec.LookPath(tool); err != nil {
		t.Fatalf("%s is needed to read PDF text (make deps-test installs poppler-utils)", tool)
	}
	path := filepath.Join(t.TempDir(), "f.pdf")
	require.NoError(t, os.WriteFile(path, pdf, 0o644))
	out, err := exec.Command(tool, append(args, path, "-")...).Output()
	if tool == "pdfinfo" {
		out, err = exec.Command(tool, path).Output()
	}
	require.NoError(t, err, tool)
	return string(out)
}

func leakPDFText(t *testing.T, pdf []byte) string { return popplerTool(t, "pdftotext", pdf) }
func pdfRawText(t *testing.T, pdf []byte) string  { return popplerTool(t, "pdftotext", pdf, "-raw") }
func pdfInfo(t *testing.T, pdf []byte) string     { return popplerTool(t, "pdfinfo", pdf) }
