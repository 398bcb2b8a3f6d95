package forms

import (
	"sort"
	"unicode"
	"unicode/utf8"
)

// How the NHS number scanner sees a character. People write the ten digits
// in any script's digits, with any space, dash, dot or slash between groups,
// and word processors slip invisible characters between them; each of these
// has a kind here so that the scanner's rules can stay about groups.
type charKind uint8

const (
	kOther       charKind = iota
	kDigit                // any decimal digit, and the superscript and circled ones
	kTransparent          // invisible: zero-width spaces, joiners, soft hyphens, combining marks
	kSpace                // any Unicode space, tab or line break
	kDash                 // hyphen-minus, every Unicode dash, minus signs
	kDot                  // full stops and middle dots
	kSlash                // slashes and backslashes
	kUnderscore           // underscores
	kBracket              // brackets and quotation marks: ignored between groups
	kComma                // a comma: only ever a thousands separator
	kPlus                 // a plus sign: an international phone number follows
)

// asciiKind sorts the ASCII characters; letters are kOther.
var asciiKind = func() (t [128]charKind) {
	for c := '0'; c <= '9'; c++ {
		t[c] = kDigit
	}
	for _, c := range " \t\n\r\v\f" {
		t[c] = kSpace
	}
	t['-'], t['.'], t['/'], t['\\'], t['_'], t[','], t['+'] = kDash, kDot, kSlash, kSlash, kUnderscore, kComma, kPlus
	for _, c := range "()[]{}'\"`" {
		t[c] = kBracket
	}
	return t
}()

// charAt decodes the character at s[i]: its kind, its value when it is a
// digit, and its length in bytes.
func charAt(s string, i int) (k charKind, digit int, size int) {
	c := s[i]
	if c < utf8.RuneSelf {
		k = asciiKind[c]
		if k == kDigit {
			digit = int(c - '0')
		}
		return k, digit, 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	k, digit = runeKind(r)
	return k, digit, size
}

// charBefore decodes the character that ends just before s[i].
func charBefore(s string, i int) (k charKind, r rune, size int) {
	if i <= 0 {
		return kOther, 0, 0
	}
	if c := s[i-1]; c < utf8.RuneSelf {
		return asciiKind[c], rune(c), 1
	}
	r, size = utf8.DecodeLastRuneInString(s[:i])
	k, _ = runeKind(r)
	return k, r, size
}

// runeKind sorts a non-ASCII character.
func runeKind(r rune) (charKind, int) {
	if v, ok := unicodeDigit(r); ok {
		return kDigit, v
	}
	switch r {
	case '\u2212', '\u2043', '\u02D7', '\u2796', '\uFE63', '\uFF0D', '\u2011':
		return kDash, 0
	case '\u00B7', '\u2024', '\u2027', '\u2022', '\u2219', '\u22C5', '\u0387', '\u30FB', '\u2E31',
		'\uFF0E', '\u3002', '\uFF61', '\uFE52':
		return kDot, 0
	case '\u2215', '\u2044', '\u29F8', '\uFF0F', '\uFF3C', '\u2216', '\u29F5':
		return kSlash, 0
	case '\uFF3F':
		return kUnderscore, 0
	case '\uFF08', '\uFF09', '\uFF3B', '\uFF3D', '\uFF5B', '\uFF5D', '\u2768', '\u2769', '\u276A', '\u276B',
		'\u2018', '\u2019', '\u201A', '\u201B', '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB',
		'\u2039', '\u203A', '\u300C', '\u300D', '\u300E', '\u300F', '\uFF02', '\uFF07', '\u2032', '\u2033':
		return kBracket, 0
	case '\uFF0C', '\uFE50':
		return kComma, 0
	case '\uFF0B', '\uFE62':
		return kPlus, 0
	}
	switch {
	case unicode.IsSpace(r) || unicode.Is(unicode.Zs, r):
		return kSpace, 0
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		return kTransparent, 0
	case unicode.Is(unicode.Pd, r):
		return kDash, 0
	}
	return kOther, 0
}

// ndZeros holds the code point of every zero among the Unicode decimal
// digits (category Nd), in order. Unicode guarantees that decimal digits
// come in contiguous runs of ten from zero to nine, so a digit's value is
// its distance from the zero before it.
var ndZeros = func() []rune {
	var zs []rune
	add := func(lo, hi, stride uint32) {
		if stride != 1 {
			for r := lo; r <= hi; r += stride {
				zs = append(zs, rune(r)) // never happens for Nd; kept safe
			}
			return
		}
		for r := lo; r <= hi; r += 10 {
			zs = append(zs, rune(r))
		}
	}
	for _, rg := range unicode.Nd.R16 {
		add(uint32(rg.Lo), uint32(rg.Hi), uint32(rg.Stride))
	}
	for _, rg := range unicode.Nd.R32 {
		add(rg.Lo, rg.Hi, rg.Stride)
	}
	sort.Slice(zs, func(i, j int) bool { return zs[i] < zs[j] })
	return zs
}()

// unicodeDigit gives the value of a non-ASCII digit: any decimal digit
// (full-width, Arabic-Indic, Devanagari, mathematical bold, …), and the
// superscript, subscript, circled and parenthesised digits that a font or
// an autocorrect may put in their place.
func unicodeDigit(r rune) (int, bool) {
	switch {
	case r < 0x80:
		return 0, false
	case r == '\u00B9':
		return 1, true
	case r == '\u00B2' || r == '\u00B3':
		return int(r-'\u00B2') + 2, true
	case r == '\u2070':
		return 0, true
	case r >= '\u2074' && r <= '\u2079':
		return int(r-'\u2074') + 4, true
	case r >= '\u2080' && r <= '\u2089':
		return int(r - '\u2080'), true
	case r >= '\u2460' && r <= '\u2468': // ① to ⑨
		return int(r-'\u2460') + 1, true
	case r == '\u24EA' || r == '\u24FF' || r == '\U0001F10B' || r == '\U0001F10C': // ⓪ and friends
		return 0, true
	case r >= '\u2474' && r <= '\u247C': // ⑴ to ⑼
		return int(r-'\u2474') + 1, true
	case r >= '\u2488' && r <= '\u2490': // ⒈ to ⒐
		return int(r-'\u2488') + 1, true
	case r >= '\u2776' && r <= '\u277E': // ❶ to ❾
		return int(r-'\u2776') + 1, true
	case r >= '\u2780' && r <= '\u2788': // ➀ to ➈
		return int(r-'\u2780') + 1, true
	case r >= '\u278A' && r <= '\u2792': // ➊ to ➒
		return int(r-'\u278A') + 1, true
	case r >= '\u24F5' && r <= '\u24FD': // ⓵ to ⓽
		return int(r-'\u24F5') + 1, true
	case r == '\U0001F100' || r == '\U0001F101': // 🄀 🄁
		return 0, true
	case r >= '\U0001F102' && r <= '\U0001F10A': // 🄂 to 🄊
		return int(r-'\U0001F102') + 1, true
	}
	if !unicode.Is(unicode.Nd, r) {
		return 0, false
	}
	i := sort.Search(len(ndZeros), func(i int) bool { return ndZeros[i] > r }) - 1
	if i < 0 {
		return 0, false
	}
	return int(r - ndZeros[i]), true
}
