package forms_test

import (
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNormaliseNewlines(t *testing.T) {
	for name, tc := range map[string]struct{ in, text, line string }{
		"unix":            {"a\nb", "a\nb", "a b"},
		"windows":         {"a\r\nb\r\n", "a\nb\n", "a b "},
		"old mac":         {"a\rb", "a\nb", "a b"},
		"mixed":           {"a\r\n\r\nb\rc\nd", "a\n\nb\nc\nd", "a  b c d"},
		"pasted one line": {"first\r second", "first\n second", "first  second"},
		"none":            {"plain", "plain", "plain"},
		"empty":           {"", "", ""},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.text, forms.NormaliseNewlines(tc.in))
			assert.Equal(t, tc.line, forms.NormaliseLine(tc.in))
		})
	}
}

// A draft written on Windows: CR LF between the JSON tokens and inside the
// text, escaped (\r\n) as an editor or another tool writes it.
func TestDecodeNormalisesWindowsText(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = "First paragraph.\r\n\r\nSecond paragraph.\rThird."
	a.Overview.Title = "Title\r\n"
	a.Organisations[0].Name = "Trust\r"
	b, err := forms.Encode(a)
	require.NoError(t, err)
	crlf := strings.ReplaceAll(string(b), "\n", "\r\n")
	got, err := forms.Decode([]byte(crlf))
	require.NoError(t, err)
	assert.Equal(t, "First paragraph.\n\nSecond paragraph.\nThird.", got.Purpose.Objective)
	assert.Equal(t, "Title\n", got.Overview.Title)
	assert.Equal(t, "Trust\n", got.Organisations[0].Name)
	again, err := forms.Encode(got)
	require.NoError(t, err)
	assert.NotContains(t, string(again), `\r`, "no CR survives anywhere in the draft")
}

func TestDecodeLibraryNormalisesWindowsText(t *testing.T) {
	b, err := forms.EncodeLibrary([]forms.LibraryEntry{{ID: "org-1", LegalName: "University\r\nof Leeds"}})
	require.NoError(t, err)
	got, err := forms.DecodeLibrary([]byte(strings.ReplaceAll(string(b), "\n", "\r\n")))
	require.NoError(t, err)
	require.Len(t, got, 1)
	assert.Equal(t, "University\nof Leeds", got[0].LegalName)
}
