package forms_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A number pasted from a web address or page may still be encoded: its
// separators percent-encoded ("943%20476%205919") or written as HTML
// references ("943&nbsp;476&nbsp;5919"), or its digits themselves
// ("&#57;&#52;…"). Each is found where it stands and masked readably; text
// that merely holds escapes is not flagged (red team, issue 11).

func encodeDigits(n, format string) string {
	var b strings.Builder
	for _, c := range n {
		fmt.Fprintf(&b, format, c)
	}
	return b.String()
}

func TestEncodedNumbersAreFound(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 11))
	formats := map[string]func(n string) string{
		"percent-encoded spaces":   func(n string) string { return spaced(n, '0', "%20", 3, 3, 4) },
		"percent-encoded hyphens":  func(n string) string { return spaced(n, '0', "%2D", 3, 3, 4) },
		"percent-encoded no-break": func(n string) string { return spaced(n, '0', "%C2%A0", 3, 3, 4) },
		"in a query string": func(n string) string {
			return "https://example.org/find?nhs=" + spaced(n, '0', "%20", 3, 3, 4) + "&view=1"
		},
		"&nbsp; between groups":    func(n string) string { return spaced(n, '0', "&nbsp;", 3, 3, 4) },
		"&#160; between groups":    func(n string) string { return spaced(n, '0', "&#160;", 3, 3, 4) },
		"&ndash; between groups":   func(n string) string { return spaced(n, '0', "&ndash;", 3, 3, 4) },
		"decimal digit references": func(n string) string { return encodeDigits(n, "&#%d;") },
		"hex digit references":     func(n string) string { return encodeDigits(n, "&#x%X;") },
		"percent-encoded digits":   func(n string) string { return encodeDigits(n, "%%%X") },
		"mixed with plain digits":  func(n string) string { return n[:3] + "&#32;" + n[3:6] + "%20" + n[6:] },
	}
	for name, render := range formats {
		got := 0
		for _, n := range validNumbers(r, 500) {
			text := "Patient " + render(n) + " was recruited."
			for _, h := range forms.ScanText(text) {
				if h.Kind == forms.IdentNHSNumber && strings.Count(h.Shown, "*") == 7 && strings.HasPrefix(digitsOf(h.Shown), n[:3]) {
					got++
					break
				}
			}
			m := forms.MaskNHSNumbers(text)
			for _, h := range forms.ScanText(m) {
				assert.NotEqual(t, forms.IdentNHSNumber, h.Kind, "%s: masked %q", name, m)
			}
			assert.NotContains(t, m, render(n), "%s", name)
			assert.Equal(t, m, forms.MaskNHSNumbers(m))
		}
		assert.GreaterOrEqual(t, got, 500*999/1000, "%s: recall %d/500", name, got)
	}
}

func TestEscapesAloneAreNotNumbers(t *testing.T) {
	for _, s := range []string{
		"https://example.org/files/Report%202023%20v2.pdf", "R&amp;D 2019&ndash;2020", "a %20 b 50% 100%", "%2B44%20161%20496%200123",
		"https://example.org/search?q=IRAS%20312345%20REC%2026%2FNW%2F0123", "&copy; 2024 University of Exampleton", "95%&nbsp;CI 1.2&ndash;3.4",
		"Tel&nbsp;0161&nbsp;496&nbsp;0123", "grant&#58; MR&#47;V012345&#47;1",
	} {
		for _, h := range forms.ScanText(s) {
			assert.NotEqual(t, forms.IdentNHSNumber, h.Kind, "%q: %q", s, s[h.Start:h.End])
		}
	}
}
