package export_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/export"
)

// benchPDFs are 10 MB files, the DARS upload limit (R-E2), of the three
// shapes that cost the inspection most: image data it skips, dense tokens
// it reads one by one, and compressed object streams it decodes.
func benchPDFs(size int) map[string][]byte {
	rng := rand.New(rand.NewPCG(1, 2))
	img := make([]byte, size)
	for i := range img {
		img[i] = byte(rng.Uint32())
	}
	images := buildPDF("1.7", append(pageObjects(""), pdfObject{num: 6, body: fmt.Sprintf("<< /Type /XObject /Subtype /Image /Filter /DCTDecode /Length %d >>", size), stream: img}), "<< /Size 7 /Root 1 0 R >>")

	var objs []pdfObject
	objs = append(objs, pageObjects("")...)
	row := "<< /Type /Annot /Subtype /Link /Rect [1 2 3 4] /Border [0 0 0] /A << /S /URI /URI (https://example.org/x) >> /Kids [1 0 R 2 0 R 3 0 R] >>"
	for n := 6; n*len(row) < size; n++ {
		objs = append(objs, pdfObject{num: n, body: row})
	}
	tokens := buildPDF("1.7", objs, "<< /Root 1 0 R >>")

	var ostm []pdfObject
	ostm = append(ostm, pageObjects("")...)
	body := strings.Repeat("<< /Type /Annot /Subtype /Widget /Rect [1 2 3 4] /F 4 >>\n", 2000)
	for n := 100; len(ostm)*len(body)/3 < size; n++ {
		data := []byte("1 0\n" + body)
		enc := encodeChain(data, []string{"FlateDecode"}, []string{"<< /Predictor 12 /Columns 16 >>"})
		ostm = append(ostm, pdfObject{num: n, body: fmt.Sprintf("<< /Type /ObjStm /N 1 /First 4 /Length %d /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 16 >> >>", len(enc)), stream: enc})
	}
	objStreams := buildPDF("1.7", ostm, "<< /Root 1 0 R >>")
	return map[string][]byte{"images": images, "tokens": tokens, "object-streams": objStreams}
}

func BenchmarkInspectPDF10MB(b *testing.B) {
	for name, pdf := range benchPDFs(10 << 20) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(pdf)))
			b.ReportAllocs()
			for b.Loop() {
				f, err := export.InspectPDF(bytes.NewReader(pdf))
				if err != nil || f.Incomplete != "" {
					b.Fatalf("%v %q", err, f.Incomplete)
				}
			}
		})
	}
}
