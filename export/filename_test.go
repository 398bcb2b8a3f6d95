package export_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPortableName(t *testing.T) {
	long := strings.Repeat("a", 150)
	cjk := strings.Repeat("同意書", 30) // 90 runes, 270 bytes
	for name, tc := range map[string]struct{ in, want string }{
		"plain":                       {"consent form.pdf", "consent form.pdf"},
		"windows path":                {`C:\Users\sian\Documents\consent.pdf`, "consent.pdf"},
		"UNC path":                    {`\\fileserver\ig\DSPT 2026.pdf`, "DSPT 2026.pdf"},
		"drive-relative":              {`C:consent.pdf`, "C_consent.pdf"},
		"unix path":                   {"/home/sian/consent.pdf", "consent.pdf"},
		"mixed separators":            {`C:\Users/sian\x/protocol.pdf`, "protocol.pdf"},
		"device name":                 {"CON", "_CON"},
		"device name, extension":      {"aux.pdf", "_aux.pdf"},
		"device name, two extensions": {"NUL.tar.gz", "_NUL.tar.gz"},
		"device name, space before":   {"nul .txt", "_nul .txt"},
		"COM port":                    {"COM1.pdf", "_COM1.pdf"},
		"LPT port":                    {"lpt9", "_lpt9"},
		"superscript port":            {"COM¹.pdf", "_COM¹.pdf"},
		"console input":               {"CONIN$.txt", "_CONIN$.txt"},
		"not a device":                {"CONSENT.pdf", "CONSENT.pdf"},
		"not a port":                  {"COM10.pdf", "COM10.pdf"},
		"device in a path":            {`C:\temp\PRN.pdf`, "_PRN.pdf"},
		"trailing dots and spaces":    {"protocol.pdf. . ", "protocol.pdf"},
		"leading dot (hidden)":        {".protocol.pdf", "protocol.pdf"},
		"only dots":                   {"...", "file"},
		"dot dot":                     {"..", "file"},
		"empty":                       {"", "file"},
		"path to nothing":             {`C:\Users\`, "file"},
		"invalid on windows":          {`a<b>c:d"e|f?g*h.pdf`, "a_b_c_d_e_f_g_h.pdf"},
		"control characters":          {"a\x00b\tc\nd.pdf", "a_b_c_d.pdf"},
		"right-to-left override":      {"report\u202efdp.exe", "report_fdp.exe"},
		"decomposed accents":          {"Sia\u0302n.pdf", "Siân.pdf"},
		"overlong, ASCII":             {long + ".pdf", strings.Repeat("a", 96) + ".pdf"},
		"overlong extension dropped":  {long + ".averyverylongextension", strings.Repeat("a", 100)},
		"overlong in bytes":           {cjk + ".pdf", strings.Repeat("同意書", 26) + ".pdf"},
	} {
		t.Run(name, func(t *testing.T) {
			assert.Equal(t, tc.want, export.PortableName(tc.in))
		})
	}
}

func FuzzPortableName(f *testing.F) {
	for _, s := range []string{"consent.pdf", `C:\x\CON.pdf`, "nul .txt", strings.Repeat("é", 300), "a\u202eb", ". .", "\xff\xfe.pdf"} {
		f.Add(s)
	}
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in string) {
		got := export.PortableName(in)
		require.NotEmpty(t, got)
		require.True(t, utf8.ValidString(got), "%q", got)
		require.False(t, strings.ContainsAny(got, `/\<>:"|?*`), "%q", got)
		require.NotEqual(t, " ", got[len(got)-1:], "%q", got)
		require.NotEqual(t, ".", got[len(got)-1:], "%q", got)
		require.LessOrEqual(t, utf8.RuneCountInString(got), 101, "%q", got)
		require.LessOrEqual(t, len(got), 241, "%q", got)
		for _, r := range got {
			require.False(t, unicode.IsControl(r) || unicode.Is(unicode.Cf, r), "%q", got)
		}
		stem, _, _ := strings.Cut(got, ".")
		switch strings.ToUpper(strings.TrimSpace(stem)) {
		case "CON", "PRN", "AUX", "NUL", "COM1", "LPT1":
			t.Fatalf("device name %q", got)
		}
		require.Equal(t, got, export.PortableName(got), "stable")
		// It can be created here, in a folder of its own.
		p := filepath.Join(dir, got)
		require.NoError(t, os.WriteFile(p, nil, 0o600))
		require.NoError(t, os.Remove(p))
	})
}

// Evidence names in packs keep the hash prefix, which already rules out
// device names, and are bounded so "<hash>-name" fits in 255 bytes.
func TestEvidencePackNameFromWindowsPaths(t *testing.T) {
	sum := strings.Repeat("ab", 32)
	assert.Equal(t, "abababababab-consent.pdf", export.EvidencePackName(sum, `C:\Users\sian\consent.pdf`))
	assert.Equal(t, "abababababab-CON.pdf", export.EvidencePackName(sum, "CON.pdf"))
	got := export.EvidencePackName(sum, strings.Repeat("同意書", 40)+".pdf")
	assert.LessOrEqual(t, len(got), 255)
}
