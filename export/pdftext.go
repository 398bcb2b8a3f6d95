package export

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// glyphSubstitutes spells out symbols Noto Sans lacks but users type. Any
// other missing character is printed as its code point, [U+2192], so that
// nothing a user wrote disappears from the PDF.
var glyphSubstitutes = map[rune]string{
	'→': "->", '⇒': "=>", '←': "<-", '⇐': "<=", '↔': "<->",
	'✓': "(yes)", '✔': "(yes)", '✗': "(no)", '✘': "(no)",
	'≤': "<=", '≥': ">=", '≠': "!=",
	'☐': "[ ]", '☑': "[x]", '☒': "[x]",
	'★': "*", '☆': "*",
}

// clean prepares text for gopdf, which neither normalises nor shapes:
// NFC so that "a" + combining accent becomes one glyph, tabs as spaces,
// invisible format characters removed, and characters the font lacks
// replaced by a readable substitute (recorded in Substitutions).
func (d *Doc) clean(s string, bold bool) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n':
			b.WriteRune(r)
		case r == '\t':
			b.WriteString("    ")
		case r == '\r' || unicode.Is(unicode.Cf, r):
			// Carriage returns and zero-width format marks have no glyph by design.
		case r == unicode.ReplacementChar || unicode.IsControl(r):
			b.WriteRune(' ')
		case r == ' ' || d.hasGlyph(bold, r):
			b.WriteRune(r)
		default:
			sub, ok := glyphSubstitutes[r]
			if !ok {
				sub = fmt.Sprintf("[U+%04X]", r)
			}
			d.substituted[r] = sub
			b.WriteString(sub)
		}
	}
	return b.String()
}

func (d *Doc) hasGlyph(bold bool, r rune) bool {
	if r < 0x7f && r >= 0x20 {
		return true
	}
	cache := d.glyphs[bold]
	if v, ok := cache[r]; ok {
		return v
	}
	d.setFont(Style{Bold: bold, Size: bodySize})
	ok, err := d.pdf.IsCurrFontContainGlyph(r)
	d.Fail(err)
	cache[r] = ok && err == nil
	return cache[r]
}

func (d *Doc) setFont(st Style) {
	if st == d.style {
		return
	}
	family := fontRegular
	if st.Bold {
		family = fontBold
	}
	if st.Size == 0 {
		st.Size = bodySize
	}
	d.Fail(d.pdf.SetFont(family, "", st.Size))
	d.pdf.SetTextColor(st.Color.R, st.Color.G, st.Color.B)
	d.style = st
}

// runeWidth is the advance of r at size 1000; gopdf measures without
// kerning here, so a line's width is the sum of its runes'.
func (d *Doc) runeWidth(bold bool, r rune) float64 {
	k := fontKey{bold: bold, size: 1000}
	m := d.widths[k]
	if m == nil {
		m = map[rune]float64{}
		d.widths[k] = m
	}
	if w, ok := m[r]; ok {
		return w
	}
	d.setFont(Style{Bold: bold, Size: 1000})
	w, err := d.pdf.MeasureTextWidth(string(r))
	d.Fail(err)
	m[r] = w
	return w
}

// measure is the width of already cleaned text.
func (d *Doc) measure(s string, st Style) float64 {
	var w float64
	for _, r := range s {
		w += d.runeWidth(st.Bold, r)
	}
	return w * sizeOf(st) / 1000
}

func sizeOf(st Style) float64 {
	if st.Size == 0 {
		return bodySize
	}
	return st.Size
}

// MeasureText is the width of s set in st.
func (d *Doc) MeasureText(s string, st Style) float64 {
	return d.measure(d.clean(s, st.Bold), st)
}

// TextAt draws one line of text with its top at (x, y). Newlines print as
// spaces; use Paragraph or Wrap for running text.
func (d *Doc) TextAt(x, y float64, st Style, s string) {
	if d.err != nil {
		return
	}
	s = outText(strings.ReplaceAll(d.clean(s, st.Bold), "\n", " "))
	if s == "" {
		return
	}
	d.setFont(st)
	d.pdf.SetXY(x, y)
	d.Fail(d.pdf.Cell(nil, s))
}

// fit shortens cleaned text with an ellipsis to fit width.
func (d *Doc) fit(s string, width float64, st Style) string {
	s = d.clean(s, st.Bold)
	if d.measure(s, st) <= width {
		return s
	}
	rs := []rune(s)
	for len(rs) > 0 && d.measure(string(rs)+"…", st) > width {
		rs = rs[:len(rs)-1]
	}
	return strings.TrimRight(string(rs), " ") + "…"
}

// Wrap breaks text into lines no wider than width, word by word (gopdf's own
// wrapper slows badly on long paragraphs). Newlines start new lines; a word
// wider than a line is broken between characters. The lines are cleaned.
func (d *Doc) Wrap(text string, width float64, size float64, bold bool) []string {
	st := Style{Bold: bold, Size: size}
	text = d.clean(text, bold)
	scale := sizeOf(st) / 1000
	space := d.runeWidth(bold, ' ') * scale
	var lines []string
	for _, para := range strings.Split(text, "\n") {
		var line strings.Builder
		lineW := 0.0
		flush := func() {
			lines = append(lines, line.String())
			line.Reset()
			lineW = 0
		}
		words := strings.Fields(para)
		if len(words) == 0 {
			lines = append(lines, "")
			continue
		}
		for _, w := range words {
			ww := d.measure(w, st)
			if line.Len() > 0 && lineW+space+ww <= width {
				line.WriteByte(' ')
				line.WriteString(w)
				lineW += space + ww
				continue
			}
			if line.Len() > 0 {
				flush()
			}
			if ww <= width {
				line.WriteString(w)
				lineW = ww
				continue
			}
			// A word longer than the line (a URL, a hash) is cut by characters.
			for _, r := range w {
				rw := d.runeWidth(bold, r) * scale
				if lineW+rw > width && line.Len() > 0 {
					flush()
				}
				line.WriteRune(r)
				lineW += rw
			}
		}
		flush()
	}
	return lines
}
