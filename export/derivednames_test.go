package export_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// Names the app derives (a file name made safe, an attachment's name in a
// pack with its hash in front, a pack's suggested name) never carry an NHS
// number, even where what they are derived from showed none to the guard
// (red team, issue 11): "943:476:5919" with its colons made safe is
// "943_476_5919", and about one hash in 400 starts with twelve
// characters that, with the name's digits, read as one.

func holdsNHSNumber(s string) bool {
	for _, h := range forms.ScanText(s) {
		if h.Kind == forms.IdentNHSNumber {
			return true
		}
	}
	return false
}

func TestDerivedFileNamesCarryNoNHSNumber(t *testing.T) {
	for _, name := range []string{"943:476:5919.pdf", "943|476|5919.pdf", "943<476>5919.pdf", "scan 943?476?5919.pdf", "943*476*5919.pdf"} {
		require.False(t, holdsNHSNumber(name), "%q: the guard reads the name as given and sees none", name)
		got := export.PortableName(name)
		assert.False(t, holdsNHSNumber(got), "%q became %q", name, got)
		assert.False(t, holdsNHSNumber(export.EvidencePackName(strings.Repeat("ab", 32), name)), "%q in a pack", name)
	}
	a := forms.Example()
	a.Overview.DARSReference = ""
	a.Overview.Title = "Cohort 943:476:5919"
	got := export.PackFileName(a, time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC))
	assert.False(t, holdsNHSNumber(got), "%q", got)
	assert.True(t, strings.HasSuffix(got, export.PackSuffix))
}

// contentWithNumericPrefix finds a file whose hash's first twelve
// characters read as an NHS number in a pack's file name.
func contentWithNumericPrefix(t *testing.T) ([]byte, string) {
	for i := 0; i < 100000; i++ {
		b := []byte(fmt.Sprintf("%%PDF-1.4\n%% protocol %d\n", i))
		s := sha256.Sum256(b)
		sum := hex.EncodeToString(s[:])
		if holdsNHSNumber(sum[:12] + "-protocol.pdf") {
			return b, sum
		}
	}
	t.Fatal("no hash found")
	return nil, ""
}

func TestAHashThatReadsAsANumberIsSpeltInLetters(t *testing.T) {
	content, sum := contentWithNumericPrefix(t)
	name := export.EvidencePackName(sum, "protocol.pdf")
	assert.False(t, holdsNHSNumber(name), "%q", name)
	assert.Equal(t, name, export.EvidencePackName(strings.ToUpper(sum), "protocol.pdf"), "the same for the same hash")

	// A pack holding it verifies and imports.
	a, ev := richApp()
	ev[sum] = content
	a.Evidence[0].File = &forms.Attachment{Name: "protocol.pdf", Size: int64(len(content)), SHA256: sum, IsPDF: true}
	var buf bytes.Buffer
	require.NoError(t, export.WritePack(&buf, a, ev, packOpts()))
	pack := buf.Bytes()
	for n := range unzipAll(t, pack) {
		assert.False(t, holdsNHSNumber(n), "entry %q", n)
	}
	rep, err := verifyBytes(t, pack)
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)

	// A pack an earlier release wrote, under the hash's own digits, still
	// verifies.
	old := "data/evidence/" + sum[:12] + "-protocol.pdf"
	legacy := rezip(t, pack, func(n string, b []byte) []byte {
		if n == "data/evidence/"+name {
			return nil
		}
		return b
	}, map[string][]byte{old: content})
	rep, err = verifyBytes(t, rebagOxum(t, legacy))
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
}

// Every line drawn passes through the mask, so a number made after the
// guard by cutting text to fit ("943 476 59191", eleven digits and no NHS
// number, cut before its last digit) is masked too. Drawn directly here.
func TestDrawnTextIsMasked(t *testing.T) {
	var buf bytes.Buffer
	require.NoError(t, export.RenderDoc(&buf, export.DocInfo{Title: "Cut 943 476 5919", Footer: "Footer", Created: time.Date(2026, 11, 30, 0, 0, 0, 0, time.UTC)}, func(d *export.Doc) error {
		d.Heading(1, "Heading 943 476 5919")
		d.TextAt(d.Left(), d.Y(), export.Style{}, "943 476 5919…")
		return d.Err()
	}))
	text := pdfText(t, buf.Bytes())
	assert.Contains(t, text, "943 *** ****…")
	assert.False(t, holdsNHSNumber(text), "%s", text)
	assert.NotContains(t, buf.String(), "476 5919", "nor in the metadata or bookmarks")
}
