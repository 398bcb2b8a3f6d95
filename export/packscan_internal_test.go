package export

import (
	"archive/zip"
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The PDF structure read across one pack is bounded: once a pack's files
// have used it up, the next is flagged as not fully inspected rather than
// read token by token.
func TestPackStructureBudget(t *testing.T) {
	defer func(old int64) { maxPackStructure = old }(maxPackStructure)
	maxPackStructure = 1 << 20
	dense := func(n int) []byte {
		var b strings.Builder
		b.WriteString("%PDF-1.4\n")
		for i := 0; b.Len() < n; i++ {
			fmt.Fprintf(&b, "%d 0 obj\n<< /Type /Annot /Rect [1 2 3 4] >>\nendobj\n", i+1)
		}
		return []byte(b.String())
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"bagit.txt", "data/evidence/a.pdf", "data/evidence/b.pdf"} {
		w, err := zw.Create(name)
		require.NoError(t, err)
		body := bagitBody
		if name != "bagit.txt" {
			body = dense(700 << 10)
		}
		_, err = w.Write(body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	s, err := scanPack(bytes.NewReader(buf.Bytes()), int64(buf.Len()), scanOptions{})
	require.NoError(t, err)
	assert.Empty(t, s.files["data/evidence/a.pdf"].facts.Incomplete)
	assert.Contains(t, s.files["data/evidence/b.pdf"].facts.Incomplete, "more than the 1 MB of PDF structure this check reads in one pack")
}

// A file that could not be fully inspected cannot contradict a record that
// says it holds a script, and keeps that claim when imported; what was
// found still contradicts a record that says there is nothing.
func TestPartialFactsKeepWhatThePackClaims(t *testing.T) {
	partial := PDFFacts{IsPDF: true, Size: 10, Incomplete: "a stream uses the JBIG2Decode filter"}
	claims := forms.Attachment{Name: "a.pdf", Size: 10, IsPDF: true, ActiveContent: true, ActiveFeatures: []string{"JavaScript"}}
	assert.Empty(t, factsDisagree(claims, 10, partial))
	got := derivedAttachment(claims, "ab", partial)
	assert.True(t, got.ActiveContent)
	assert.Equal(t, []string{"JavaScript"}, got.ActiveFeatures)
	assert.Equal(t, partial.Incomplete, got.NotFullyInspected)

	found := partial
	found.Launch = true
	assert.Contains(t, factsDisagree(forms.Attachment{Name: "a.pdf", Size: 10, IsPDF: true}, 10, found), "contains a launch action")
}
