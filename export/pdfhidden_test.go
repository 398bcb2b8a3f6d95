package export_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os/exec"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A reader reaches an object by an offset: the cross-reference table's, or
// an object stream's table. Whatever lies there is read as the reader's
// tokenizer reads it, whatever the bytes before it make of it; so an
// object written where a simpler scan sees only a string, a comment or a
// stream's data is hidden from that scan. These are the ways found to put
// an object there (red team, issue 11); each is reachable by qpdf, and
// each must leave the file flagged, never clean.

// hiddenHeaderPDF hides object 9 (a script) behind header inside a string
// of object 6 and points the cross-reference table and /OpenAction at it.
func hiddenHeaderPDF(header string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := writeObjects(&b, pageObjects("/OpenAction 9 0 R"))
	offsets[6] = b.Len()
	b.WriteString("6 0 obj\n(notes ")
	offsets[9] = b.Len()
	b.WriteString(header + " << /S /JavaScript /JS (app.alert\\(1\\)) >> endobj more notes)\nendobj\n")
	writeXref(&b, offsets, "<< /Size 10 /Root 1 0 R >>", -1)
	return b.Bytes()
}

func TestInspectPDFFindsObjectsHiddenBehindReaderHeaders(t *testing.T) {
	headers := map[string]string{
		"comment before obj":           "9 0 %x\nobj",
		"comment between the numbers":  "9 %x\n0 obj",
		"comments everywhere":          "9 %a\n%b\n0 %c\r\nobj",
		"carriage return ends comment": "9 0 %x\robj",
		"a percent sign in text first": "(50%) 9 0 %c\nobj",
		"signed numbers":               "+9 +0 obj",
		"leading zeros":                "0009 00 obj",
		"real numbers":                 "9.0 0.0 obj",
		"form feeds and NULs":          "9\f0\x00obj",
	}
	for name, h := range headers {
		t.Run(name, func(t *testing.T) {
			pdf := hiddenHeaderPDF(h)
			f := inspect(t, pdf)
			assert.False(t, clean(f), "never clean: %+v", f)
			assert.NotEmpty(t, f.Incomplete)
		})
	}
	// qpdf, a real reader, finds the script behind the headers it accepts.
	if _, err := exec.LookPath("qpdf"); err == nil {
		for _, h := range []string{"9 0 %x\nobj", "+9 +0 obj", "9 %x\n0 obj"} {
			out, _ := exec.Command("qpdf", "--show-object=9", writeTemp(t, "h.pdf", hiddenHeaderPDF(h))).CombinedOutput()
			assert.Contains(t, string(out), "/JavaScript", "qpdf reads object 9 behind %q", h)
		}
	}
}

// Text and data that mention "obj" without a number before it are not a
// hidden object: the looser check must not flag ordinary files.
func TestInspectPDFObjWordsInTextAreNotHeaders(t *testing.T) {
	for _, text := range []string{"(the obj is done)", "(endobj)", "(5 objects)", "(subj obj)", "(%obj)", "(x\nobj)"} {
		objs := pageObjects("")
		objs = append(objs, pdfObject{num: 6, body: "<< /Title " + text + " >>"})
		f := inspect(t, buildPDF("1.4", objs, "<< /Size 7 /Root 1 0 R >>"))
		assert.True(t, clean(f), "%q: %+v", text, f)
	}
}

// objStmTablePDF writes an object stream whose table is given: the
// objects' numbers and their offsets from /First in body.
func objStmTablePDF(table, body string, dictExtra string) []byte {
	head := table + "\n"
	data := []byte(head + body)
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	_, _ = w.Write(data)
	_ = w.Close()
	dict := fmt.Sprintf("<< /Type /ObjStm /N %d /First %d /Length %d /Filter /FlateDecode%s >>", len(strings.Fields(table))/2, len(head), z.Len(), dictExtra)
	objs := append(pageObjects("/OpenAction 11 0 R"), pdfObject{num: 20, body: dict, stream: z.Bytes()})
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	offsets := writeObjects(&b, objs)
	offsets[21] = b.Len()
	var xs []byte
	entry := func(typ byte, f2 uint32, f3 uint16) {
		xs = append(xs, typ, byte(f2>>24), byte(f2>>16), byte(f2>>8), byte(f2), byte(f3>>8), byte(f3))
	}
	index := map[string]uint16{}
	for i, f := range strings.Fields(table) {
		if i%2 == 0 {
			index[f] = uint16(i / 2)
		}
	}
	entry(0, 0, 65535)
	for n := 1; n <= 21; n++ {
		if off, ok := offsets[n]; ok {
			entry(1, uint32(off), 0)
		} else if i, ok := index[fmt.Sprint(n)]; ok {
			entry(2, 20, i)
		} else {
			entry(0, 0, 0)
		}
	}
	fmt.Fprintf(&b, "21 0 obj\n<< /Type /XRef /Size 22 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", len(xs))
	b.Write(xs)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", offsets[21])
	return b.Bytes()
}

// An action whose script is under /JS alone (a rendition action runs it
// too) is not named /JavaScript: only reading the object as the reader
// does finds it.
const renditionJS = "<< /S /Rendition /JS (app.alert\\(1\\)) >>"

func TestInspectPDFReadsObjectStreamsByTheirTable(t *testing.T) {
	at := func(body, marker string) string { return fmt.Sprint(strings.LastIndex(body, marker)) }
	inString := "(notes " + renditionJS + " more)\n"
	inComment := "<< /A 1 >>\n% " + renditionJS + "\n"
	inName := "/Ab<</S/Rendition/JS(x)>>\n"
	hidden := map[string][]byte{
		"an object inside a string":  objStmTablePDF("10 0 11 "+at(inString, "<<"), inString, ""),
		"an object inside a comment": objStmTablePDF("10 0 11 "+at(inComment, "<<"), inComment, ""),
		"an object inside a name":    objStmTablePDF("10 0 11 "+at(inName, "b"), inName, ""),
		"the table is damaged":       objStmTablePDF("10 0 11 x", renditionJS, ""),
		"/N given indirectly":        bytes.Replace(objStmTablePDF("11 0", renditionJS, ""), []byte("/N 1 "), []byte("/N 9 0 R "), 1),
	}
	for name, pdf := range hidden {
		t.Run(name, func(t *testing.T) {
			f := inspect(t, pdf)
			assert.False(t, clean(f), "never clean: %+v", f)
		})
	}
	if _, err := exec.LookPath("qpdf"); err == nil {
		out, _ := exec.Command("qpdf", "--show-object=11", writeTemp(t, "s.pdf", hidden["an object inside a string"])).CombinedOutput()
		assert.Contains(t, string(out), "/Rendition", "qpdf reads object 11 where the table says")
	}

	// Tables as writers make them are read clean, in any order of
	// offsets, with white space or a comment where an object starts.
	two := "<< /Type /Page >>\n[1 2 3] "
	fine := map[string][]byte{
		"two objects":             objStmTablePDF("10 0 11 "+at(two, "["), two, ""),
		"offsets out of order":    objStmTablePDF("11 "+at(two, "[")+" 10 0", two, ""),
		"offset on a space":       objStmTablePDF("10 0 11 "+at(two, "[")+" 12 "+at(two, "\n["), two, ""),
		"offset on a comment":     objStmTablePDF("10 0 11 11", "<< /A 1 >> %note\n[1]", ""),
		"an ICC profile with /N":  iccPDF([]byte("\x00\x00\x0cHLino\x02\x10\x00\x00mntrRGB (ab <<cd")),
		"a binary ICC profile":    iccPDF(pseudoRandom(3144)),
		"the visible script form": objStmTablePDF("11 0", renditionJS, ""),
	}
	for name, pdf := range fine {
		t.Run(name, func(t *testing.T) {
			f := inspect(t, pdf)
			assert.Empty(t, f.Incomplete)
		})
	}
	assert.True(t, inspect(t, fine["the visible script form"]).JavaScript, "a rendition's /JS is a script")
}

// iccPDF carries an ICC colour profile, as every PDF/A file does: a stream
// with /N (its colour components) but no /First, which is no object
// stream unless it starts with a table of objects.
func iccPDF(profile []byte) []byte {
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	_, _ = w.Write(profile)
	_ = w.Close()
	objs := pageObjects("/OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile 6 0 R >>]")
	objs = append(objs, pdfObject{num: 6, body: fmt.Sprintf("<< /N 3 /Length %d /Filter /FlateDecode >>", z.Len()), stream: z.Bytes()})
	return buildPDF("1.4", objs, "<< /Size 7 /Root 1 0 R >>")
}

func pseudoRandom(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

// readerHeader reports whether s, followed by "obj", reads as an object
// header to a reader's tokenizer: two numbers (signs, points and leading
// zeros allowed) with white space and comments around them.
func readerHeader(s string) bool {
	var toks []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case strings.IndexByte(" \t\r\n\f\x00", c) >= 0:
			i++
		case c == '%':
			for i < len(s) && s[i] != '\r' && s[i] != '\n' {
				i++
			}
			if i == len(s) {
				return false // "obj" would be inside the comment
			}
		default:
			j := i
			for j < len(s) && strings.IndexByte(" \t\r\n\f\x00%", s[j]) < 0 {
				j++
			}
			toks = append(toks, s[i:j])
			i = j
		}
	}
	number := regexp.MustCompile(`^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$`)
	return len(toks) == 2 && number.MatchString(toks[0]) && number.MatchString(toks[1]) &&
		(len(s) == 0 || strings.IndexByte(" \t\r\n\f\x00", s[len(s)-1]) >= 0 || strings.IndexByte("0123456789.", s[len(s)-1]) >= 0)
}

// FuzzInspectPDFFindsHiddenHeaders writes an object inside a string
// behind a header of the fuzzer's making: whenever a reader's tokenizer
// would read it as a header, the file is not reported clean.
func FuzzInspectPDFFindsHiddenHeaders(f *testing.F) {
	for _, h := range []string{"9 0 ", "9 0 %x\n", "9 %a\n0 %b\r", "+9 +0 ", "9.0 0.", "0009 000\f", "9\x000\x00"} {
		f.Add(h)
	}
	f.Fuzz(func(t *testing.T, header string) {
		if len(header) > 64 || strings.ContainsAny(header, "()\\") || strings.Contains(header, "obj") || !readerHeader(header) {
			return
		}
		facts := inspect(t, hiddenHeaderPDF(header+"obj"))
		if clean(facts) {
			t.Fatalf("object hidden behind %q reported clean", header)
		}
	})
}

func TestReaderHeaderReference(t *testing.T) {
	for h, want := range map[string]bool{"9 0 ": true, "9 0 %x\n": true, "9 0 %x": false, "+9 -0 ": true, "9 ": false, "a 0 ": false, "9 0x": false, "0 0% ": false} {
		require.Equal(t, want, readerHeader(h), "%q", h)
	}
}

// A stream with /N alone that starts with a table is read as an object
// stream from offset 0, as MuPDF reads one without /First: what it hides
// is found.
func TestInspectPDFReadsAnObjectStreamWithoutFirst(t *testing.T) {
	body := "11 0 " + renditionJS
	var z bytes.Buffer
	w := zlib.NewWriter(&z)
	_, _ = w.Write([]byte(body))
	_ = w.Close()
	objs := append(pageObjects("/OpenAction 11 0 R"), pdfObject{num: 20, body: fmt.Sprintf("<< /N 1 /Length %d /Filter /FlateDecode >>", z.Len()), stream: z.Bytes()})
	f := inspect(t, buildPDF("1.5", objs, "<< /Size 21 /Root 1 0 R >>"))
	assert.True(t, f.JavaScript)
	hidden := "11 9 (x " + renditionJS + ")"
	z.Reset()
	w = zlib.NewWriter(&z)
	_, _ = w.Write([]byte(hidden))
	_ = w.Close()
	objs[len(objs)-1] = pdfObject{num: 20, body: fmt.Sprintf("<< /N 1 /Length %d /Filter /FlateDecode >>", z.Len()), stream: z.Bytes()}
	f = inspect(t, buildPDF("1.5", objs, "<< /Size 21 /Root 1 0 R >>"))
	assert.False(t, clean(f), "%+v", f)
}
