package flowmap

import (
	"strings"
	"unicode/utf8"
)

// CharWidth is the advance of an average character as a fraction of the
// font size. Layout has no fonts, so it measures text with this estimate;
// it is a little generous for the sans-serif faces the renderers use, so
// text fits where the layout says it does.
const CharWidth = 0.56

func flowTextWidth(s string, size float64) float64 {
	return float64(utf8.RuneCountInString(s)) * size * CharWidth
}

// flowWrap breaks s into at most maxLines lines no wider than width, ending
// with "…" when it had to cut. Words longer than a line are broken.
func flowWrap(s string, size, width float64, maxLines int) []string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return nil
	}
	per := max(int(width/(size*CharWidth)), 4)
	var lines []string
	var cur []rune
	for _, w := range strings.Fields(s) {
		word := []rune(w)
		for len(word) > per {
			if len(cur) > 0 {
				lines = append(lines, string(cur))
				cur = nil
			}
			lines = append(lines, string(word[:per]))
			word = word[per:]
		}
		switch {
		case len(cur) == 0:
			cur = word
		case len(cur)+1+len(word) <= per:
			cur = append(append(cur, ' '), word...)
		default:
			lines = append(lines, string(cur))
			cur = word
		}
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	if len(lines) > maxLines {
		lines = lines[:maxLines]
		last := []rune(lines[maxLines-1])
		if len(last) >= per {
			last = last[:per-1]
		}
		lines[maxLines-1] = strings.TrimRight(string(last), " ,;.") + "…"
	}
	return lines
}
