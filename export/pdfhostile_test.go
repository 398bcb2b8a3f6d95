package export_test

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
)

const jsAction = "/S /JavaScript /JS (app.alert(1))"

// Every supported filter, alone and in chains, with every predictor: a
// script in the object stream is found and the file is fully inspected.
func TestInspectPDFSeesThroughFilterChains(t *testing.T) {
	png := "<< /Predictor 12 /Colors 1 /BitsPerComponent 8 /Columns 7 >>"
	pngPaeth := "<< /Predictor 15 /Columns 5 >>"
	tiff := "<< /Predictor 2 /Columns 9 >>"
	cases := map[string]struct{ filters, parms []string }{
		"no filter":            {nil, nil},
		"flate":                {[]string{"FlateDecode"}, []string{""}},
		"flate png predictor":  {[]string{"FlateDecode"}, []string{png}},
		"flate png optimum":    {[]string{"FlateDecode"}, []string{pngPaeth}},
		"flate tiff predictor": {[]string{"FlateDecode"}, []string{tiff}},
		"lzw early change":     {[]string{"LZWDecode"}, []string{""}},
		"lzw no early change":  {[]string{"LZWDecode"}, []string{"<< /EarlyChange 0 >>"}},
		"lzw with predictor":   {[]string{"LZWDecode"}, []string{png}},
		"asciihex":             {[]string{"ASCIIHexDecode"}, []string{""}},
		"ascii85":              {[]string{"ASCII85Decode"}, []string{""}},
		"runlength":            {[]string{"RunLengthDecode"}, []string{""}},
		"short names":          {[]string{"AHx", "Fl"}, []string{"", ""}},
		"hex then flate":       {[]string{"ASCIIHexDecode", "FlateDecode"}, []string{"", png}},
		"a85 lzw rl":           {[]string{"ASCII85Decode", "LZWDecode", "RunLengthDecode"}, []string{"", "", ""}},
		"four deep":            {[]string{"A85", "AHx", "RL", "Fl"}, []string{"", "", "", tiff}},
		"identity crypt":       {[]string{"Crypt", "FlateDecode"}, []string{"<< /Name /Identity >>", ""}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			pdf := objStmPDF(jsAction, c.filters, c.parms, "")
			f := inspect(t, pdf)
			assert.True(t, f.JavaScript, "the script behind %v is found", c.filters)
			assert.Empty(t, f.Incomplete)
			assert.Equal(t, 1, f.ObjectStreams)
			qpdfAgrees(t, pdf)
		})
	}
}

// qpdf reads the test files as we do: they are real PDFs, not just ones our
// scanner accepts.
func qpdfAgrees(t *testing.T, pdf []byte) {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		return
	}
	path := writeTemp(t, "x.pdf", pdf)
	out, err := exec.Command("qpdf", "--show-object=6", path).CombinedOutput()
	if err != nil && !strings.Contains(string(out), "JavaScript") {
		t.Fatalf("qpdf cannot read the test PDF: %v\n%s", err, out)
	}
	assert.Contains(t, string(out), "JavaScript", "qpdf finds the script too")
}

// What cannot be decoded, or costs more than the budget, is never clean.
func TestInspectPDFFailsClosed(t *testing.T) {
	bomb := func() []byte {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		_, _ = w.Write([]byte("6 0 "))
		_, _ = w.Write(bytes.Repeat([]byte(" "), 33<<20)) // past the 32 MB budget
		_, _ = w.Write([]byte("<< /S /JavaScript >>"))
		_ = w.Close()
		dict := fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode >>", z.Len())
		return buildPDF("1.5", append(pageObjects(""), pdfObject{num: 7, body: dict, stream: z.Bytes()}), "<< /Size 8 /Root 1 0 R >>")
	}
	rlBomb := func() []byte {
		// Each RunLength stage multiplies by up to 128: the budget counts
		// every stage's output, not just the last.
		data := bytes.Repeat([]byte{129, ' '}, 1<<19) // 64 MB of spaces
		enc := encodeChain(data, []string{"RunLengthDecode"}, []string{""})
		dict := fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter [/RunLengthDecode /RunLengthDecode /ASCIIHexDecode] >>", len(enc))
		return buildPDF("1.5", append(pageObjects(""), pdfObject{num: 7, body: dict, stream: enc}), "<< /Size 8 /Root 1 0 R >>")
	}
	unterminated := []byte("%PDF-1.4\n1 0 obj\n<< /Title (never closed >>\nendobj\n2 0 obj\n<< /OpenAction << /S /JavaScript >> >>\nendobj\n%%EOF\n")
	deep := append([]byte("%PDF-1.4\n1 0 obj\n"), bytes.Repeat([]byte("["), 200_000)...)
	cases := map[string][]byte{
		"image filter on an object stream": objStmPDF(jsAction, []string{"DCTDecode"}, []string{""}, ""),
		"unknown filter":                   objStmPDF(jsAction, []string{"BrotliDecode"}, []string{""}, ""),
		"jbig2 after flate":                objStmPDF(jsAction, []string{"FlateDecode", "JBIG2Decode"}, []string{"", ""}, ""),
		"crypt filter":                     objStmPDF(jsAction, []string{"Crypt"}, []string{"<< /Name /StdCF >>"}, ""),
		"filter given indirectly":          objStmReplace(objStmPDF(jsAction, []string{"FlateDecode"}, []string{""}, ""), "/Filter [/FlateDecode]", "/Filter 9 0 R"),
		"parms given indirectly":           objStmReplace(objStmPDF(jsAction, []string{"FlateDecode"}, []string{"<< /Predictor 12 /Columns 5 >>"}, ""), "/DecodeParms [<< /Predictor 12 /Columns 5 >> ]", "/DecodeParms 9 0 R"),
		"columns given indirectly":         objStmReplace(objStmPDF(jsAction, []string{"FlateDecode"}, []string{"<< /Predictor 12 /Columns 5 >>"}, ""), "/Columns 5", "/Columns 9 0 R"),
		"bad png row filter":               rawObjStm([]byte{9, 'a', 'b', 'c', 'd', 'e'}, "/Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 5 >>", true),
		"damaged flate":                    damagedFlate(),
		"too many filters":                 objStmPDF(jsAction, []string{"AHx", "AHx", "AHx", "AHx", "AHx", "AHx", "AHx", "AHx", "AHx"}, []string{"", "", "", "", "", "", "", "", ""}, ""),
		"inflate bomb":                     bomb(),
		"runlength chain bomb":             rlBomb(),
		"string to the end":                unterminated,
		"nesting 200,000 deep":             deep,
		"object hidden in a string":        []byte("%PDF-1.4\n1 0 obj\n(a string 2 0 obj << /OpenAction 3 0 R >> endobj hiding an object)\nendobj\n%%EOF\n"),
		"object hidden in stream data":     hiddenInStream(),
	}
	for name, pdf := range cases {
		t.Run(name, func(t *testing.T) {
			f := inspect(t, pdf)
			assert.NotEmpty(t, f.Incomplete, "never reported clean")
			assert.False(t, clean(f))
			t.Log(f.Incomplete)
		})
	}
}

// clean is what the evidence checks would take as a plain PDF.
func clean(f export.PDFFacts) bool {
	return f.IsPDF && !f.Encrypted && !f.ActiveContent() && f.Incomplete == ""
}

func objStmReplace(pdf []byte, old, new string) []byte {
	if !bytes.Contains(pdf, []byte(old)) {
		panic("objStmReplace: " + old + " not in the PDF")
	}
	return bytes.Replace(pdf, []byte(old), []byte(new), 1)
}

func damagedFlate() []byte {
	return rawObjStm([]byte("\x78\x9c\xff\xff\xff\xff garbage"), "/Filter /FlateDecode", false)
}

// rawObjStm is a document with an object stream whose encoded data is
// given; deflate says to compress data first.
func rawObjStm(data []byte, filter string, deflate bool) []byte {
	if deflate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		_, _ = w.Write(data)
		_ = w.Close()
		data = z.Bytes()
	}
	dict := fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4 /Length %d %s >>", len(data), filter)
	return buildPDF("1.5", append(pageObjects(""), pdfObject{num: 7, body: dict, stream: data}), "<< /Size 8 /Root 1 0 R >>")
}

// hiddenInStream puts a whole object inside a content stream's data, where
// a reader sent to its offset by the cross-reference table would parse it.
func hiddenInStream() []byte {
	data := []byte("BT (x) Tj ET\n8 0 obj\n<< /Type /Action /S /Launch /F (calc.exe) >>\nendobj\n")
	objs := pageObjects("/OpenAction 8 0 R")
	objs[3] = pdfObject{num: 4, body: fmt.Sprintf("<< /Length %d >>", len(data)), stream: data}
	return buildPDF("1.4", objs, "<< /Size 9 /Root 1 0 R >>")
}

// The tricks a file can use to hide what it holds from a scanner that
// reads it more simply than a PDF reader does.
func TestInspectPDFSeesThroughTricks(t *testing.T) {
	type want struct{ js, launch, active, incomplete bool }
	stray := func() []byte {
		// A "stream" keyword between objects: a scanner that skips to
		// "endstream" would miss object 6.
		var b bytes.Buffer
		b.WriteString("%PDF-1.4\n")
		offsets := writeObjects(&b, pageObjects("/OpenAction 6 0 R"))
		b.WriteString("stream\n")
		offsets[6] = b.Len()
		b.WriteString("6 0 obj\n<< " + jsAction + " >>\nendobj\nendstream\n")
		writeXref(&b, offsets, "<< /Size 7 /Root 1 0 R >>", -1)
		return b.Bytes()
	}
	incremental := func() []byte {
		// A clean first version, then an update that adds the script.
		var b bytes.Buffer
		b.WriteString("%PDF-1.4\n")
		offsets := writeObjects(&b, pageObjects(""))
		first := b.Len()
		writeXref(&b, offsets, "<< /Size 6 /Root 1 0 R >>", -1)
		upd := map[int]int{}
		upd[1] = b.Len()
		b.WriteString("1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>\nendobj\n")
		upd[6] = b.Len()
		b.WriteString("6 0 obj\n<< " + jsAction + " >>\nendobj\n")
		writeXref(&b, upd, "<< /Size 7 /Root 1 0 R >>", first)
		return b.Bytes()
	}
	cases := map[string]struct {
		pdf  []byte
		want want
	}{
		"stray stream keyword":         {stray(), want{js: true, active: true}},
		"incremental update":           {incremental(), want{js: true, active: true}},
		"escaped name #4A":             {buildPDF("1.4", pageObjects("/OpenAction << /S /#4AavaScript /#4A#53 (x) >>"), "<< /Size 6 /Root 1 0 R >>"), want{js: true, active: true}},
		"escaped launch":               {buildPDF("1.4", pageObjects("/OpenAction << /S /La#75nch /F (calc.exe) >>"), "<< /Size 6 /Root 1 0 R >>"), want{launch: true, active: true}},
		"number glued to obj":          {glued(), want{js: true, active: true}},
		"objstm without its type":      {objStmReplace(objStmPDF(jsAction, []string{"FlateDecode"}, []string{""}, ""), "/Type /ObjStm ", ""), want{js: true, active: true}},
		"objstm with a wrong length":   {objStmReplace(objStmPDF(jsAction, nil, nil, ""), "/Length ", "/Length 1"), want{js: true, active: true}},
		"script name in objstm text":   {objStmPDF("/S /GoTo /Title (uses /JavaScript)", []string{"FlateDecode"}, []string{""}, ""), want{incomplete: true}},
		"script in an xref stream pdf": {readPDF(t, "qpdf_objstm_js.pdf"), want{js: true, active: true}},
		"no line end after stream":     {objStmReplace(objStmPDF(jsAction, nil, nil, ""), "stream\n6 0", "stream 6 0"), want{js: true, active: true}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := inspect(t, c.pdf)
			assert.Equal(t, c.want, want{f.JavaScript, f.Launch, f.ActiveContent(), f.Incomplete != ""}, "%+v", f)
		})
	}
}

func glued() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := writeObjects(&b, pageObjects("/OpenAction 6 0 R"))
	offsets[6] = b.Len()
	b.WriteString("6 0obj<<" + jsAction + ">>endobj\n")
	writeXref(&b, offsets, "<< /Size 7 /Root 1 0 R >>", -1)
	return b.Bytes()
}

// Each kind of active content is named.
func TestInspectPDFNamesActiveContent(t *testing.T) {
	cases := map[string]struct {
		catalog string
		feature string
	}{
		"launch":        {"/OpenAction << /S /Launch /F (x.exe) >>", "a launch action"},
		"submit form":   {"/AcroForm << /Fields [] >> /OpenAction << /S /SubmitForm /F (https://x.example) >>", "a form that sends data"},
		"import data":   {"/OpenAction << /S /ImportData /F (x.fdf) >>", "a form that imports data"},
		"embedded file": {"/Names << /EmbeddedFiles << /Names [(a.exe) << /Type /Filespec /EF << /F 9 0 R >> >>] >> >>", "embedded files"},
		"rich media":    {"/OpenAction << /S /RichMediaExecute /TA 9 0 R >> /RM << /Subtype /RichMedia >>", "rich media"},
		"xfa form":      {"/AcroForm << /Fields [] /XFA 9 0 R >>", "an XFA form"},
		"remote goto":   {"/OpenAction << /S /GoToR /F (\\\\\\\\server\\\\share\\\\x.pdf) /D [0 /Fit] >>", "a link that opens another file"},
		"javascript":    {"/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (x) >>] >> >>", "JavaScript"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			f := inspect(t, buildPDF("1.7", pageObjects(c.catalog), "<< /Size 6 /Root 1 0 R >>"))
			assert.True(t, f.ActiveContent())
			assert.Contains(t, f.Features(), c.feature)
			assert.Empty(t, f.Incomplete)
		})
	}
	plain := inspect(t, buildPDF("1.7", pageObjects("/OpenAction [3 0 R /Fit] /AA << >> /URI << /Base (https://x.example) >>"), "<< /Size 6 /Root 1 0 R >>"))
	assert.True(t, clean(plain), "opening at a page, links and empty actions are not held against a file: %+v", plain)
	assert.True(t, plain.OpenAction)
}

func inspect(t testing.TB, pdf []byte) export.PDFFacts {
	t.Helper()
	f, err := export.InspectPDF(bytes.NewReader(pdf))
	require.NoError(t, err)
	require.True(t, f.IsPDF)
	require.Equal(t, int64(len(pdf)), f.Size)
	return f
}

// FuzzInspectPDFFindsHiddenScript builds, from the fuzzer's bytes, a chain
// of supported filters with their parameters and a way of writing the
// script's name, and asserts the script is found and the file fully
// inspected: hiding /JavaScript behind any supported chain never works.
func FuzzInspectPDFFindsHiddenScript(f *testing.F) {
	f.Add([]byte{0}, uint8(0), "pad")
	f.Add([]byte{1, 2, 3}, uint8(1), "")
	f.Add([]byte{4, 5, 6, 7}, uint8(2), "(x) [1 2] <<>>")
	f.Add([]byte{8, 9}, uint8(3), "%comment\n")
	f.Fuzz(func(t *testing.T, chain []byte, nameStyle uint8, pad string) {
		if len(chain) > 4 || len(pad) > 200 || strings.ContainsAny(pad, "()\\%<>[]{}/#") {
			return
		}
		options := []struct{ filter, parms string }{
			{"FlateDecode", ""}, {"Fl", "<< /Predictor 12 /Columns 4 >>"}, {"FlateDecode", "<< /Predictor 2 /Columns 3 >>"},
			{"LZWDecode", ""}, {"LZW", "<< /EarlyChange 0 >>"}, {"ASCIIHexDecode", ""}, {"AHx", ""},
			{"ASCII85Decode", ""}, {"A85", ""}, {"RunLengthDecode", ""}, {"RL", ""},
			{"FlateDecode", "<< /Predictor 15 /Colors 3 /Columns 2 >>"},
		}
		var filters, parms []string
		for _, c := range chain {
			o := options[int(c)%len(options)]
			filters, parms = append(filters, o.filter), append(parms, o.parms)
		}
		names := []string{"/JavaScript", "/J#61vaScript", "/#4A#61#76#61#53#63#72#69#70#74", "/JavaScrip#74"}
		action := "/S " + names[int(nameStyle)%len(names)] + " " + pad + " /JS (app.alert(1))"
		facts, err := export.InspectPDF(bytes.NewReader(objStmPDF(action, filters, parms, "")))
		if err != nil {
			t.Fatal(err)
		}
		if !facts.JavaScript || facts.Incomplete != "" {
			t.Fatalf("script behind %v %v not found: %+v", filters, parms, facts)
		}
	})
}

// FuzzInspectPDF feeds arbitrary bytes: the inspection never fails on a
// readable input, counts every byte and never flags a file that is not a
// PDF.
func FuzzInspectPDF(f *testing.F) {
	for _, name := range []string{"plain.pdf", "objstm_js.pdf", "escaped_name.pdf", "qpdf_objstm_js.pdf", "encrypted.pdf"} {
		f.Add(readPDF(f, name))
	}
	f.Add(objStmPDF(jsAction, []string{"ASCIIHexDecode", "FlateDecode"}, []string{"", "<< /Predictor 12 /Columns 7 >>"}, ""))
	f.Add(objStmPDF(jsAction, []string{"LZWDecode", "RunLengthDecode"}, []string{"", ""}, ""))
	f.Add(hiddenInStream())
	f.Add(glued())
	f.Add(hiddenHeaderPDF("9 0 %x\nobj"))
	f.Add(hiddenHeaderPDF("+9 +0 obj"))
	f.Add(objStmTablePDF("10 0 11 8", "(notes "+renditionJS+")", ""))
	f.Add(iccPDF(pseudoRandom(512)))
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
		if !facts.IsPDF && (facts.ActiveContent() || facts.Encrypted || facts.Incomplete != "") {
			t.Fatalf("non-PDF reported with PDF facts: %+v", facts)
		}
	})
}

// An encrypted file's object streams cannot be read: it is flagged as
// encrypted and as not fully inspected, saying why.
func TestInspectPDFEncryptedObjectStreams(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed")
	}
	src := writeTemp(t, "plain.pdf", objStmPDF("/S /GoTo /D [3 0 R /Fit]", []string{"FlateDecode"}, []string{""}, ""))
	dst := src + ".enc.pdf"
	out, err := exec.Command("qpdf", "--object-streams=generate", "--encrypt", "", "owner", "256", "--", src, dst).CombinedOutput()
	require.NoError(t, err, "%s", out)
	b, err := os.ReadFile(dst)
	require.NoError(t, err)
	f := inspect(t, b)
	assert.True(t, f.Encrypted)
	assert.Equal(t, "it is encrypted, so its compressed objects cannot be read", f.Incomplete)
}
