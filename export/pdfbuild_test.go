package export_test

import (
	"bytes"
	"compress/lzw"
	"compress/zlib"
	"encoding/ascii85"
	"encoding/hex"
	"fmt"
	"strings"
)

// This file builds PDFs for the inspection's tests: object streams behind
// any chain of filters, predictors, incremental updates, hidden objects.
// Only what the tests need: objects are written in order with a correct
// cross-reference table, so real readers (qpdf) accept the files too.

// pdfObject is one object: its dictionary or value, and stream data if any.
type pdfObject struct {
	num    int
	body   string
	stream []byte
}

// buildPDF writes a PDF of the given objects with a cross-reference table
// and a trailer whose root is object 1. extra is written after the header
// and before the objects, verbatim (a stray keyword, garbage).
func buildPDF(version string, objs []pdfObject, trailer string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version)
	offsets := writeObjects(&b, objs)
	writeXref(&b, offsets, trailer, -1)
	return b.Bytes()
}

func writeObjects(b *bytes.Buffer, objs []pdfObject) map[int]int {
	offsets := map[int]int{}
	for _, o := range objs {
		offsets[o.num] = b.Len()
		if o.stream != nil {
			fmt.Fprintf(b, "%d 0 obj\n%s\nstream\n", o.num, o.body)
			b.Write(o.stream)
			b.WriteString("\nendstream\nendobj\n")
			continue
		}
		fmt.Fprintf(b, "%d 0 obj\n%s\nendobj\n", o.num, o.body)
	}
	return offsets
}

// writeXref writes a cross-reference section for offsets and the trailer;
// prev, if not negative, chains it to an earlier section.
func writeXref(b *bytes.Buffer, offsets map[int]int, trailer string, prev int) {
	maxNum := 0
	for n := range offsets {
		maxNum = max(maxNum, n)
	}
	at := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", maxNum+1)
	for n := 1; n <= maxNum; n++ {
		if off, ok := offsets[n]; ok {
			fmt.Fprintf(b, "%010d 00000 n \n", off)
		} else {
			b.WriteString("0000000000 65535 f \n")
		}
	}
	if prev >= 0 {
		trailer = strings.TrimSuffix(trailer, ">>") + fmt.Sprintf(" /Prev %d >>", prev)
	}
	fmt.Fprintf(b, "trailer\n%s\nstartxref\n%d\n%%%%EOF\n", trailer, at)
}

// pageObjects are a catalog (object 1, with extra entries), pages and one
// page with a content stream: a minimal document.
func pageObjects(catalogExtra string) []pdfObject {
	content := []byte("BT /F1 12 Tf 72 720 Td (Protocol v4) Tj ET")
	return []pdfObject{
		{num: 1, body: "<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>"},
		{num: 2, body: "<< /Type /Pages /Kids [3 0 R] /Count 1 >>"},
		{num: 3, body: "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"},
		{num: 4, body: fmt.Sprintf("<< /Length %d >>", len(content)), stream: content},
		{num: 5, body: "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"},
	}
}

// objStmData is the decoded content of an object stream holding objs.
func objStmData(objs []pdfObject) (data []byte, first int) {
	var head, body bytes.Buffer
	for _, o := range objs {
		fmt.Fprintf(&head, "%d %d ", o.num, body.Len())
		body.WriteString(o.body + "\n")
	}
	head.WriteString("\n")
	return append(head.Bytes(), body.Bytes()...), head.Len()
}

// encodeChain encodes data so that decoding with filters, in order, gives
// it back; parms holds each filter's DecodeParms ("" for none).
func encodeChain(data []byte, filters, parms []string) []byte {
	for i := len(filters) - 1; i >= 0; i-- {
		data = encodeFilter(data, filters[i], parms[i])
	}
	return data
}

func encodeFilter(data []byte, filter, parms string) []byte {
	switch filter {
	case "FlateDecode", "Fl":
		data = predict(data, parms)
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		_, _ = w.Write(data)
		_ = w.Close()
		return z.Bytes()
	case "LZWDecode", "LZW":
		data = predict(data, parms)
		if strings.Contains(parms, "/EarlyChange 0") {
			var z bytes.Buffer
			w := lzw.NewWriter(&z, lzw.MSB, 8)
			_, _ = w.Write(data)
			_ = w.Close()
			return z.Bytes()
		}
		return lzwEarly(data)
	case "ASCIIHexDecode", "AHx":
		h := hex.EncodeToString(data)
		// White space inside, as real files have.
		var b strings.Builder
		for i := 0; i < len(h); i += 64 {
			b.WriteString(h[i:min(i+64, len(h))] + "\n")
		}
		return []byte(b.String() + ">")
	case "ASCII85Decode", "A85":
		out := make([]byte, ascii85.MaxEncodedLen(len(data)))
		n := ascii85.Encode(out, data)
		return append(out[:n], "~>"...)
	case "RunLengthDecode", "RL":
		return runLength(data)
	}
	// The Identity crypt filter, and filters the tests claim without
	// encoding (an image filter on an object stream): the data as it is.
	return data
}

// predict applies the predictor DecodeParms names: PNG (the row filter
// type cycles through all five) or TIFF 2, for rows of Colors × Columns
// bytes (8-bit components).
func predict(data []byte, parms string) []byte {
	pred, cols, colors := 0, 1, 1
	fmt.Sscanf(parmValue(parms, "/Predictor"), "%d", &pred)
	fmt.Sscanf(parmValue(parms, "/Columns"), "%d", &cols)
	fmt.Sscanf(parmValue(parms, "/Colors"), "%d", &colors)
	if pred < 2 {
		return data
	}
	bpp, width := colors, colors*cols
	for len(data)%width != 0 {
		data = append(data, ' ')
	}
	var out []byte
	prev := make([]byte, width)
	for r := 0; r*width < len(data); r++ {
		row := data[r*width : (r+1)*width]
		enc := make([]byte, width)
		if pred == 2 {
			for i := range row {
				enc[i] = row[i]
				if i >= bpp {
					enc[i] = row[i] - row[i-bpp]
				}
			}
			out = append(out, enc...)
			continue
		}
		typ := byte(r % 5)
		for i := range row {
			var a, b, c byte
			if i >= bpp {
				a, c = row[i-bpp], prev[i-bpp]
			}
			b = prev[i]
			switch typ {
			case 0:
				enc[i] = row[i]
			case 1:
				enc[i] = row[i] - a
			case 2:
				enc[i] = row[i] - b
			case 3:
				enc[i] = row[i] - byte((int(a)+int(b))/2)
			case 4:
				enc[i] = row[i] - paethOf(a, b, c)
			}
		}
		out = append(out, typ)
		out = append(out, enc...)
		copy(prev, row)
	}
	return out
}

func paethOf(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	d := func(x byte) int {
		v := p - int(x)
		if v < 0 {
			return -v
		}
		return v
	}
	switch {
	case d(a) <= d(b) && d(a) <= d(c):
		return a
	case d(b) <= d(c):
		return b
	}
	return c
}

func parmValue(parms, key string) string {
	i := strings.Index(parms, key+" ")
	if i < 0 {
		return ""
	}
	f := strings.Fields(parms[i+len(key):])
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

func runLength(data []byte) []byte {
	var out []byte
	for i := 0; i < len(data); {
		j := i
		for j < len(data) && j-i < 128 && data[j] == data[i] {
			j++
		}
		if j-i >= 3 {
			out = append(out, byte(257-(j-i)), data[i])
			i = j
			continue
		}
		j = i
		for j < len(data) && j-i < 128 && (j+2 >= len(data) || data[j] != data[j+1] || data[j] != data[j+2]) {
			j++
		}
		out = append(out, byte(j-i-1))
		out = append(out, data[i:j]...)
		i = j
	}
	return append(out, 128)
}

// lzwEarly encodes with PDF's default LZW (EarlyChange 1): the code width
// grows one code earlier than standard LZW. Test inputs are short, so the
// table never fills.
func lzwEarly(data []byte) []byte {
	var out []byte
	var acc uint64
	var nbits uint
	width, hi, overflow := uint(9), 257, 512
	emit := func(code int) {
		acc = acc<<width | uint64(code)
		nbits += width
		for nbits >= 8 {
			out = append(out, byte(acc>>(nbits-8)))
			nbits -= 8
		}
	}
	incHi := func() {
		hi++
		if hi == overflow-1 {
			width++
			overflow <<= 1
		}
		if hi > 4000 {
			panic("lzwEarly: test input too long")
		}
	}
	emit(256)
	table := map[int]int{}
	if len(data) > 0 {
		code := int(data[0])
		for _, x := range data[1:] {
			key := code<<8 | int(x)
			if c, ok := table[key]; ok {
				code = c
				continue
			}
			emit(code)
			code = int(x)
			incHi()
			table[key] = hi
		}
		emit(code)
		incHi()
	}
	emit(257)
	if nbits > 0 {
		out = append(out, byte(acc<<(8-nbits)))
	}
	return out
}

// objStmPDF is a document whose catalog's action lives in an object
// stream encoded with filters (and parms), as modern writers store it,
// found through a cross-reference stream as readers find it.
func objStmPDF(action string, filters, parms []string, dictExtra string) []byte {
	hidden := []pdfObject{{num: 6, body: "<< /Type /Action " + action + " >>"}}
	data, first := objStmData(hidden)
	enc := encodeChain(data, filters, parms)
	dict := fmt.Sprintf("<< /Type /ObjStm /N 1 /First %d /Length %d%s%s >>", first, len(enc), filterEntry(filters, parms), dictExtra)
	objs := append(pageObjects("/OpenAction 6 0 R"), pdfObject{num: 7, body: dict, stream: enc})
	var b bytes.Buffer
	b.WriteString("%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
	offsets := writeObjects(&b, objs)
	// The cross-reference stream, object 8: type 1 entries give offsets,
	// type 2 says object 6 is the first in object stream 7.
	offsets[8] = b.Len()
	var xs []byte
	entry := func(typ byte, f2 uint32, f3 uint16) {
		xs = append(xs, typ, byte(f2>>24), byte(f2>>16), byte(f2>>8), byte(f2), byte(f3>>8), byte(f3))
	}
	entry(0, 0, 65535)
	for n := 1; n <= 8; n++ {
		if n == 6 {
			entry(2, 7, 0)
			continue
		}
		entry(1, uint32(offsets[n]), 0)
	}
	fmt.Fprintf(&b, "8 0 obj\n<< /Type /XRef /Size 9 /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n", len(xs))
	b.Write(xs)
	fmt.Fprintf(&b, "\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n", offsets[8])
	return b.Bytes()
}

func filterEntry(filters, parms []string) string {
	if len(filters) == 0 {
		return ""
	}
	s := " /Filter [/" + strings.Join(filters, " /") + "]"
	anyParms := false
	for _, p := range parms {
		anyParms = anyParms || p != ""
	}
	if anyParms {
		s += " /DecodeParms ["
		for _, p := range parms {
			if p == "" {
				p = "null"
			}
			s += p + " "
		}
		s += "]"
	}
	return s
}
