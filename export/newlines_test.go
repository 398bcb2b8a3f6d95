package export_test

import (
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// crlf turns a file's line endings into Windows ones and its escaped line
// breaks inside strings too, as an editor or tool on Windows writes them.
func crlf(b []byte) []byte {
	s := strings.ReplaceAll(string(b), `\n`, `\r\n`)
	return []byte(strings.ReplaceAll(s, "\n", "\r\n"))
}

func TestDecodeSubmissionNormalisesWindowsText(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = "One.\nTwo.\rThree."
	b, err := export.EncodeSubmission(export.NewSubmission(a, "0.1.0", fixedTime))
	require.NoError(t, err)
	s, err := export.DecodeSubmission(crlf(b))
	require.NoError(t, err)
	assert.Equal(t, "One.\nTwo.\nThree.", s.Application.Purpose.Objective)
}

func TestDecodeReviewNormalisesWindowsText(t *testing.T) {
	f := sampleReview(t)
	f.Comments[0].Text = "Line one.\nLine two."
	b, err := export.EncodeReview(f)
	require.NoError(t, err)
	got, err := export.DecodeReview(crlf(b))
	require.NoError(t, err)
	assert.Equal(t, "Line one.\nLine two.", got.Comments[0].Text)
}
