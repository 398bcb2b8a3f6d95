package app

import (
	"strings"
	"unicode/utf8"
)

// Wrapping a long answer. Fyne's text widgets re-wrap the whole text on
// every change by measuring ever longer prefixes, which costs about the
// square of a paragraph's length; the long-answer editor instead wraps one
// paragraph at a time, greedily, from the widths of its words. A word is
// measured once (with its kerning) and remembered; a line's width is its
// words' widths and the spaces between them, as the font lays them out.

// wrapper breaks paragraphs into lines for one font and size.
type wrapper struct {
	measure func(string) float32 // the width the font gives a string
	words   map[string]float32
	runes   map[rune]float32
	space   float32
}

// maxRemembered bounds the words a wrapper remembers: typing makes a new
// word of every prefix typed, and memory must not grow with keystrokes.
const maxRemembered = 20000

func newWrapper(measure func(string) float32) *wrapper {
	return &wrapper{measure: measure, words: map[string]float32{}, runes: map[rune]float32{}, space: measure(" ")}
}

func (w *wrapper) word(s string) float32 {
	if v, ok := w.words[s]; ok {
		return v
	}
	v := w.measure(s)
	if len(w.words) >= maxRemembered {
		clear(w.words)
	}
	// A copy, so a word cut from a long paragraph does not keep it alive.
	w.words[strings.Clone(s)] = v
	return v
}

func (w *wrapper) rune(r rune) float32 {
	if v, ok := w.runes[r]; ok {
		return v
	}
	v := w.measure(string(r))
	if len(w.runes) >= maxRemembered {
		clear(w.runes)
	}
	w.runes[r] = v
	return v
}

// isBreakSpace reports whether a line may break after byte b: spaces and
// tabs (shown as one space). Other spaces, the no-break one among them,
// hold their words together.
func isBreakSpace(b byte) bool { return b == ' ' || b == '\t' }

// wrap returns the byte offsets at which the lines of paragraph s start
// when it is wrapped to width: at least {0}. Lines break after spaces,
// which hang at the end of their line; a word wider than a line is broken
// between its characters.
func (w *wrapper) wrap(s string, width float32) []int {
	starts := []int{0}
	if width <= 0 {
		width = 1
	}
	x := float32(0)
	lineEmpty := true
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && isBreakSpace(s[j]) {
			j++
		}
		k := j
		for k < len(s) && !isBreakSpace(s[k]) {
			k++
		}
		x += float32(j-i) * w.space
		if j > i {
			lineEmpty = false
		}
		if j == k {
			break // spaces at the end of the paragraph
		}
		ww := w.word(s[j:k])
		if !lineEmpty && x+ww > width {
			starts = append(starts, j)
			x = 0
		}
		if ww > width {
			// A word wider than a line: as many characters as fit, and at
			// least one, per line.
			x, starts = w.breakWord(s, j, k, width, starts)
		} else {
			x += ww
		}
		lineEmpty = false
		i = k
	}
	return starts
}

// breakWord lays out the too-wide word s[from:to] from the start of a line,
// character by character; it returns the width used on its last line.
func (w *wrapper) breakWord(s string, from, to int, width float32, starts []int) (float32, []int) {
	x := float32(0)
	lineStart := from
	for o := from; o < to; {
		next := min(nextCluster(s, o), to)
		var cw float32
		for p := o; p < next; {
			r, n := utf8.DecodeRuneInString(s[p:])
			if p == o {
				cw += w.rune(r)
			} else if !extends(r) && r != '\u200d' {
				cw += w.rune(r)
			}
			p += n
		}
		if o > lineStart && x+cw > width {
			starts = append(starts, o)
			lineStart, x = o, 0
		}
		x += cw
		o = next
	}
	return x, starts
}

// displayLine is a line's text as drawn: a tab is shown as one space, so
// offsets in the text and on screen stay the same.
func displayLine(s string) string {
	if strings.IndexByte(s, '\t') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "\t", " ")
}
