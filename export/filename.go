package export

import (
	"path"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/darsworkbench/dars-workbench/forms"
)

// File names reach the file system from other people's systems: an
// attachment's name travels in a pack or submission.json made on Windows,
// macOS or Linux, and is written out again on another when evidence is
// extracted or opened in a viewer. A name must then be a single plain file
// name that every system can create: no folders (Windows paths keep their
// backslashes on Linux), none of the characters Windows refuses (a colon
// would even write into an alternate data stream), no trailing dots or
// spaces (Windows drops them), no device name (CON, NUL.txt), and short
// enough in runes for Windows paths and in bytes for Linux and macOS (255).

// Limits of a safe name: runes keep an extracted path within Windows'
// 260-character limit; bytes keep "<hash>-name" within 255 on Linux/macOS.
const (
	maxFileNameRunes = 100
	maxFileNameBytes = 240
	maxExtRunes      = 10
)

// PortableName makes a file name from another system safe to create here
// and anywhere else: the last element of a Windows or Unix path, NFC, with
// forbidden and invisible characters as "_", trimmed, shortened keeping its
// extension, and a device name prefixed with "_". It never returns "".
func PortableName(name string) string {
	s := safeFileName(name)
	if isDeviceName(s) {
		s = "_" + s
	}
	return s
}

// safeFileName is PortableName without the device-name rule, for names that
// get a prefix anyway (evidence in packs). Changing what it returns for a
// name changes where verify looks for that file in packs made before (see
// evidencePath).
//
// A name made safe never carries an NHS number (R-C8): the guard reads the
// name as given, and "943:476:5919.pdf" with its colons made "_" would be
// one it never saw.
func safeFileName(name string) string {
	s := sanitizeFileName(name)
	if m := forms.MaskNHSNumbers(s); m != s {
		s = sanitizeFileName(m)
	}
	return s
}

// sanitizeFileName is safeFileName as earlier releases named files in packs.
func sanitizeFileName(name string) string {
	name = norm.NFC.String(name)
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune(`<>:"|?*%`, r):
			b.WriteRune('_')
		default:
			b.WriteRune(r)
		}
	}
	s := strings.Trim(b.String(), " .")
	if utf8.RuneCountInString(s) > maxFileNameRunes || len(s) > maxFileNameBytes {
		ext := path.Ext(s)
		if utf8.RuneCountInString(ext) > maxExtRunes {
			ext = ""
		}
		stem := []rune(strings.TrimSuffix(s, ext))
		keep := maxFileNameRunes - utf8.RuneCountInString(ext)
		if keep > len(stem) {
			keep = len(stem)
		}
		for keep > 0 && len(string(stem[:keep]))+len(ext) > maxFileNameBytes {
			keep--
		}
		s = strings.Trim(string(stem[:keep]), " .") + ext
	}
	if s == "" || strings.Trim(s, ".") == "" {
		s = "file"
	}
	return s
}

// isDeviceName reports whether Windows takes a name for a device: CON, PRN,
// AUX, NUL, COM0–9 and LPT0–9 (also with superscript ¹²³), CONIN$ and
// CONOUT$, in any case, with or without an extension, even with spaces
// before the dot.
func isDeviceName(name string) bool {
	stem, _, _ := strings.Cut(name, ".")
	stem = strings.ToUpper(strings.TrimRight(stem, " "))
	switch stem {
	case "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$":
		return true
	}
	if r := []rune(stem); len(r) == 4 && (string(r[:3]) == "COM" || string(r[:3]) == "LPT") {
		return (r[3] >= '0' && r[3] <= '9') || r[3] == '¹' || r[3] == '²' || r[3] == '³'
	}
	return false
}
