package app

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// textDoc is the text of a long answer held as its paragraphs, so that an
// edit touches one paragraph's string and one paragraph's layout, however
// long the answer is. Positions are byte offsets within a paragraph, always
// on the boundary of a character as a reader sees it (a letter with its
// accents, an emoji with its modifiers).
type textDoc struct {
	paras []string // at least one; the text is paras joined by "\n"
}

// textPos is a place between two characters: paragraph p, byte offset o.
type textPos struct{ p, o int }

func (a textPos) before(b textPos) bool { return a.p < b.p || (a.p == b.p && a.o < b.o) }

// ordered returns a and b, earlier first.
func ordered(a, b textPos) (textPos, textPos) {
	if b.before(a) {
		return b, a
	}
	return a, b
}

var newlines = strings.NewReplacer("\r\n", "\n", "\r", "\n")

// normaliseNewlines turns Windows and old Mac line ends into "\n": a pasted
// CR would otherwise sit invisibly in the draft.
func normaliseNewlines(s string) string {
	if strings.IndexByte(s, '\r') < 0 {
		return s
	}
	return newlines.Replace(s)
}

func newTextDoc(s string) textDoc {
	return textDoc{paras: strings.Split(normaliseNewlines(s), "\n")}
}

func (d *textDoc) String() string { return strings.Join(d.paras, "\n") }

// length is the text's length in bytes.
func (d *textDoc) length() int {
	n := len(d.paras) - 1
	for _, p := range d.paras {
		n += len(p)
	}
	return n
}

func (d *textDoc) start() textPos { return textPos{} }
func (d *textDoc) end() textPos {
	last := len(d.paras) - 1
	return textPos{last, len(d.paras[last])}
}

// clamp brings pos inside the text and onto the start of a rune. (It may
// sit inside a character a reader sees as one: just after a typed joiner.)
func (d *textDoc) clamp(pos textPos) textPos {
	switch {
	case pos.p < 0:
		return d.start()
	case pos.p >= len(d.paras):
		return d.end()
	}
	s := d.paras[pos.p]
	pos.o = min(max(pos.o, 0), len(s))
	for pos.o > 0 && pos.o < len(s) && !utf8.RuneStart(s[pos.o]) {
		pos.o--
	}
	return pos
}

// slice is the text between a and b (a not after b).
func (d *textDoc) slice(a, b textPos) string {
	if a.p == b.p {
		return d.paras[a.p][a.o:b.o]
	}
	var sb strings.Builder
	sb.WriteString(d.paras[a.p][a.o:])
	for p := a.p + 1; p < b.p; p++ {
		sb.WriteByte('\n')
		sb.WriteString(d.paras[p])
	}
	sb.WriteByte('\n')
	sb.WriteString(d.paras[b.p][:b.o])
	return sb.String()
}

// replace puts s in place of the text between a and b (a not after b). It
// returns the position after s, and which paragraphs changed: from first,
// removed paragraphs were replaced by added ones.
func (d *textDoc) replace(a, b textPos, s string) (end textPos, first, removed, added int) {
	lines := strings.Split(s, "\n")
	head, tail := d.paras[a.p][:a.o], d.paras[b.p][b.o:]
	repl := make([]string, len(lines))
	copy(repl, lines)
	last := len(repl) - 1
	end = textPos{a.p + last, len(repl[last])}
	repl[0] = head + repl[0]
	if last == 0 {
		end.o += len(head)
	}
	repl[last] += tail
	if len(repl) == b.p-a.p+1 {
		copy(d.paras[a.p:], repl)
	} else {
		d.paras = append(d.paras[:a.p], append(repl, d.paras[b.p+1:]...)...)
	}
	return end, a.p, b.p - a.p + 1, len(repl)
}

// offset is pos as a byte offset in the whole text.
func (d *textDoc) offset(pos textPos) int {
	n := 0
	for p := 0; p < pos.p; p++ {
		n += len(d.paras[p]) + 1
	}
	return n + pos.o
}

// posAt is the position of a byte offset in the whole text.
func (d *textDoc) posAt(off int) textPos {
	for p, s := range d.paras {
		if off <= len(s) {
			return d.clamp(textPos{p, max(off, 0)})
		}
		off -= len(s) + 1
	}
	return d.end()
}

// Moving by character: a letter and the marks that follow it, an emoji and
// its modifiers or joined parts, a flag's two letters, and "\r\n" are each
// one step, so the caret never lands inside what a reader sees as one.

// extends reports whether r belongs to the character before it.
func extends(r rune) bool {
	return unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || unicode.Is(unicode.Mc, r) ||
		r == '\u200d' || (r >= '\ufe00' && r <= '\ufe0f') || (r >= 0x1f3fb && r <= 0x1f3ff) ||
		(r >= 0xe0020 && r <= 0xe007f) // tag characters of subdivision flags
}

func isRegional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }

// nextCluster is the offset after the character starting at o.
func nextCluster(s string, o int) int {
	if o >= len(s) {
		return len(s)
	}
	r, n := utf8.DecodeRuneInString(s[o:])
	o += n
	if isRegional(r) && o < len(s) {
		if r2, n2 := utf8.DecodeRuneInString(s[o:]); isRegional(r2) {
			o += n2
		}
	}
	for o < len(s) {
		r, n := utf8.DecodeRuneInString(s[o:])
		switch {
		case r == '\u200d': // a joiner takes the next character with it
			o += n
			if o < len(s) {
				_, n2 := utf8.DecodeRuneInString(s[o:])
				o += n2
			}
		case extends(r):
			o += n
		default:
			return o
		}
	}
	return o
}

// isClusterStart reports whether a character starts at o.
func isClusterStart(s string, o int) bool {
	if o <= 0 || o >= len(s) {
		return true
	}
	if !utf8.RuneStart(s[o]) {
		return false
	}
	return nextCluster(s, prevCluster(s, o)) == o
}

// prevCluster is the offset of the character that ends at or spans o.
func prevCluster(s string, o int) int {
	if o <= 0 {
		return 0
	}
	// Step back over extending characters to a base, then walk forward
	// from a little before it, since only walking forward groups correctly.
	back := o
	for steps := 0; back > 0 && steps < 32; steps++ {
		r, n := utf8.DecodeLastRuneInString(s[:back])
		back -= n
		if !extends(r) && r != '\u200d' && !isRegional(r) {
			if back > 0 {
				if p, _ := utf8.DecodeLastRuneInString(s[:back]); p != '\u200d' {
					break
				}
			} else {
				break
			}
		}
	}
	at := back
	for {
		next := nextCluster(s, at)
		if next >= o {
			return at
		}
		at = next
	}
}

// wordClass sorts characters for moving and selecting by word: letters and
// digits (with apostrophes inside words) make words, spaces separate them,
// and punctuation stands alone.
func wordClass(r rune) int {
	switch {
	case r == ' ' || r == '\t' || unicode.IsSpace(r):
		return 0
	case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '\'' || r == '’' || extends(r):
		return 1
	}
	return 2
}

// wordEnd is the end of the word (or run of punctuation) at o, skipping
// spaces before it: where Ctrl+Right goes.
func wordEnd(s string, o int) int {
	for o < len(s) {
		r, n := utf8.DecodeRuneInString(s[o:])
		if wordClass(r) != 0 {
			break
		}
		o += n
	}
	if o >= len(s) {
		return o
	}
	r, _ := utf8.DecodeRuneInString(s[o:])
	c := wordClass(r)
	for o < len(s) {
		r, n := utf8.DecodeRuneInString(s[o:])
		if wordClass(r) != c {
			break
		}
		o += n
	}
	return o
}

// wordStart is the start of the word before o, skipping spaces: where
// Ctrl+Left goes.
func wordStart(s string, o int) int {
	for o > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:o])
		if wordClass(r) != 0 {
			break
		}
		o -= n
	}
	if o <= 0 {
		return 0
	}
	r, _ := utf8.DecodeLastRuneInString(s[:o])
	c := wordClass(r)
	for o > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:o])
		if wordClass(r) != c {
			break
		}
		o -= n
	}
	return o
}

// wordAt is the word (or run of spaces or punctuation) around o, for a
// double click.
func wordAt(s string, o int) (int, int) {
	if s == "" {
		return 0, 0
	}
	o = min(o, len(s))
	var r rune
	if o < len(s) {
		r, _ = utf8.DecodeRuneInString(s[o:])
	} else {
		r, _ = utf8.DecodeLastRuneInString(s)
	}
	c := wordClass(r)
	start, end := o, o
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if wordClass(r) != c {
			break
		}
		start -= n
	}
	for end < len(s) {
		r, n := utf8.DecodeRuneInString(s[end:])
		if wordClass(r) != c {
			break
		}
		end += n
	}
	return start, end
}
