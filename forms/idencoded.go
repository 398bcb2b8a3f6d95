package forms

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// A number pasted from a web address or a web page may still be encoded:
// "…?q=943%20476%205919" (percent-encoding), "943&nbsp;476&nbsp;5919" or
// "&#57;&#52;&#51;…" (HTML character references). A browser shows the
// number; so would whoever reads the export. ScanText reads such text a
// second time decoded, and reports what only the decoded reading finds at
// the place it stands in the text as written.

// namedRefs are the HTML named references a number's digits or separators
// come as; others are left as they are.
var namedRefs = map[string]rune{
	"nbsp": '\u00A0', "ensp": '\u2002', "emsp": '\u2003', "thinsp": '\u2009', "numsp": '\u2007',
	"puncsp": '\u2008', "hairsp": '\u200A', "ndash": '\u2013', "mdash": '\u2014', "minus": '\u2212',
	"hyphen": '\u2010', "dash": '\u2010', "period": '.', "sol": '/', "lowbar": '_', "lpar": '(',
	"rpar": ')', "quot": '"', "apos": '\'', "Tab": '\t', "NewLine": '\n', "shy": '\u00AD',
}

// maybeEncoded reports whether s may hold a percent-encoded byte or a
// character reference: cheap enough for every keystroke.
func maybeEncoded(s string) bool {
	return strings.IndexByte(s, '%') >= 0 || strings.IndexByte(s, '&') >= 0
}

// encodedAt decodes the escape at s[i], if one starts there: the bytes it
// stands for and its length in s (0 when none does).
func encodedAt(s string, i int) (out []byte, n int) {
	switch s[i] {
	case '%':
		if i+2 < len(s) {
			if hi, ok := hexVal(s[i+1]); ok {
				if lo, ok := hexVal(s[i+2]); ok {
					return []byte{hi<<4 | lo}, 3
				}
			}
		}
	case '&':
		end := strings.IndexByte(s[i+1:min(len(s), i+12)], ';')
		if end <= 0 {
			return nil, 0
		}
		ref := s[i+1 : i+1+end]
		var r rune = -1
		switch {
		case len(ref) > 2 && (ref[:2] == "#x" || ref[:2] == "#X"):
			if v, err := strconv.ParseUint(ref[2:], 16, 32); err == nil {
				r = rune(v)
			}
		case len(ref) > 1 && ref[0] == '#':
			if v, err := strconv.ParseUint(ref[1:], 10, 32); err == nil {
				r = rune(v)
			}
		default:
			if v, ok := namedRefs[ref]; ok {
				r = v
			}
		}
		if r >= 0 && utf8.ValidRune(r) {
			return utf8.AppendRune(nil, r), end + 2
		}
	}
	return nil, 0
}

func hexVal(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// decoded is s with every escape decoded; from and to give, for each byte
// of it, the span of s it came from. ok is false when s holds no escape.
func decoded(s string) (d string, from, to []int32, ok bool) {
	var b []byte
	for i := 0; i < len(s); {
		out, n := encodedAt(s, i)
		if n == 0 {
			if b != nil {
				b = append(b, s[i])
				from, to = append(from, int32(i)), append(to, int32(i+1))
			}
			i++
			continue
		}
		if b == nil {
			b = make([]byte, 0, len(s))
			from, to = make([]int32, 0, len(s)), make([]int32, 0, len(s))
			for k := 0; k < i; k++ {
				b = append(b, s[k])
				from, to = append(from, int32(k)), append(to, int32(k+1))
			}
		}
		for _, c := range out {
			b = append(b, c)
			from, to = append(from, int32(i)), append(to, int32(i+n))
		}
		i += n
	}
	if b == nil {
		return s, nil, nil, false
	}
	return string(b), from, to, true
}

// withEncoded adds to hits the NHS numbers that only s decoded shows,
// placed where they stand in s.
func withEncoded(s string, hits []IdentifierHit) []IdentifierHit {
	d, from, to, ok := decoded(s)
	if !ok {
		return hits
	}
	added := false
	for _, h := range ScanText(d) {
		if h.Kind != IdentNHSNumber {
			continue
		}
		start, end := int(from[h.Start]), int(to[h.End-1])
		if end-start == h.End-h.Start && s[start:end] == d[h.Start:h.End] {
			continue // written plainly: the first reading judged it
		}
		overlaps := false
		for _, o := range hits {
			if o.Kind == IdentNHSNumber && o.Start < end && start < o.End {
				overlaps = true
				break
			}
		}
		if !overlaps {
			h.Start, h.End, h.encoded = start, end, true
			hits = append(hits, h)
			added = true
		}
	}
	if added {
		sortHits(hits)
	}
	return hits
}
