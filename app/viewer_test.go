package app

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// oneFile is an evidence store holding one file, whatever hash is asked.
type oneFile struct{ EvidenceStore }

func (oneFile) Open(string) (io.ReadCloser, error) {
	return io.NopCloser(strings.NewReader("%PDF-1.4 consent")), nil
}

// Names from a pack made on Windows, opened on this system, reach the file
// system as one plain name Windows could also create.
func TestViewerCopyNamesFromOtherSystems(t *testing.T) {
	tmp := t.TempDir()
	for _, k := range []string{"TMPDIR", "TMP", "TEMP"} { // os.TempDir's sources on each system
		t.Setenv(k, tmp)
	}
	sum := strings.Repeat("0123456789abcdef", 4)
	for in, want := range map[string]string{
		`C:\Users\sian\Documents\consent.pdf`: "consent.pdf",
		`\\server\share\CON.pdf`:              "_CON.pdf",
		"aux":                                 "_aux",
		"protocol.pdf. ":                      "protocol.pdf",
		`minutes: 3/4?.pdf`:                   "4_.pdf",
		"":                                    "file",
	} {
		p, err := viewerCopy(oneFile{}, forms.Attachment{Name: in, SHA256: sum})
		require.NoError(t, err, in)
		assert.Equal(t, want, filepath.Base(p), in)
		assert.Equal(t, filepath.Join(os.TempDir(), "dars-workbench-view", sum[:16]), filepath.Dir(p), in)
		b, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, "%PDF-1.4 consent", string(b))
	}
}
