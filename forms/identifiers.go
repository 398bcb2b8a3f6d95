package forms

import (
	"strings"
	"unicode/utf8"
)

// The app must never hold the cohort itself (R-C8). ScanText looks for what
// people paste by mistake: NHS numbers however they are written (see
// nhsnumber.go), and dates of birth or postcodes next to words that say they
// belong to a person. It is a hand-written scanner, not a set of regular
// expressions, because it runs over every free-text field on every
// keystroke (see BenchmarkEvaluateLarge), and its figures are measured on a
// generated corpus (identifiers_corpus_test.go).

// IdentifierKind is what kind of patient identifier a hit looks like.
type IdentifierKind string

const (
	IdentNHSNumber   IdentifierKind = "nhs-number"
	IdentDateOfBirth IdentifierKind = "date-of-birth"
	IdentPostcode    IdentifierKind = "postcode"
)

// IdentifierHit is one thing in a text that looks like a patient identifier.
// Start and End are byte offsets of the match, for highlighting.
type IdentifierHit struct {
	Kind       IdentifierKind
	Severity   Severity
	Start, End int
	// Shown is the match with most digits masked, safe to display and log.
	Shown string
	Why   string
	Fix   string
	// encoded says the match is written with escapes ("943%20476%205919"),
	// so masking puts Shown in its place.
	encoded bool
}

// Message is the hit as one sentence pair: why it was flagged, what to do.
func (h IdentifierHit) Message() string { return h.Why + " " + h.Fix }

// personWords are words that make a nearby date or postcode personal.
var personWords = []string{"dob", "d.o.b", "born", "birth", "patient", "died", "deceased", "lives at", "address"}

// personWindow is how many bytes either side of a date or postcode are
// searched for a person word: about a short phrase.
const personWindow = 40

const (
	classOther byte = iota
	classDigit
	classLetter
)

// byteClass sorts ASCII bytes for the scanner's inner loops; every byte of
// a multi-byte UTF-8 character is "other", which is what the patterns need.
var byteClass = func() (t [256]byte) {
	for b := '0'; b <= '9'; b++ {
		t[b] = classDigit
	}
	for b := 'a'; b <= 'z'; b++ {
		t[b], t[b-'a'+'A'] = classLetter, classLetter
	}
	return t
}()

func isDigit(b byte) bool  { return byteClass[b] == classDigit }
func isLetter(b byte) bool { return byteClass[b] == classLetter }
func isAlnum(b byte) bool  { return byteClass[b] != classOther }

// ValidNHSNumber reports whether ten digits pass the NHS number Modulus 11
// check: weights 10 down to 2 on the first nine digits, and 11 minus the
// remainder of their sum (11 becoming 0, 10 being invalid) is the tenth.
func ValidNHSNumber(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	sum := 0
	zero := true
	for i := 0; i < 10; i++ {
		if !isDigit(digits[i]) {
			return false
		}
		if digits[i] != '0' {
			zero = false
		}
		if i < 9 {
			sum += int(digits[i]-'0') * (10 - i)
		}
	}
	if zero {
		return false // a placeholder, not a number
	}
	check := 11 - sum%11
	if check == 11 {
		check = 0
	}
	return check != 10 && check == int(digits[9]-'0')
}

// mayStartDigit marks the bytes that can begin a digit: ASCII digits, and
// the lead bytes of multi-byte characters (decoded to see).
var mayStartDigit = func() (t [256]bool) {
	for b := '0'; b <= '9'; b++ {
		t[b] = true
	}
	for b := 0xC2; b <= 0xF4; b++ {
		t[b] = true
	}
	return t
}()

// ScanText returns the patient identifiers found in s, in order.
func ScanText(s string) []IdentifierHit {
	// Every pattern holds a digit, and most answers hold none: find the
	// first before setting up the scan.
	for i := 0; i < len(s); i++ {
		if mayStartDigit[s[i]] {
			hits := scanFrom(s, i)
			if maybeEncoded(s) {
				hits = withEncoded(s, hits)
			}
			return hits
		}
	}
	if maybeEncoded(s) {
		return withEncoded(s, nil) // digits as escapes without a digit: "&#xBEF;"
	}
	return nil
}

func scanFrom(s string, from int) []IdentifierHit {
	var hits []IdentifierHit
	var c chainScan // on the stack: scanning allocates only for hits
	c.s = s
	chainEnd := 0
	// Digits are rare in prose: jump from digit to digit. A byte at or
	// above 0x80 may start a digit of another script (full-width,
	// Arabic-Indic, …) and is decoded to see.
	for i := from; i < len(s); {
		b := s[i]
		if !mayStartDigit[b] {
			i++
			continue
		}
		if b < utf8.RuneSelf {
			if byteClass[b] != classDigit {
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			if _, ok := unicodeDigit(r); !ok {
				i += size
				continue
			}
		}
		if i >= chainEnd {
			c.hits = hits
			chainEnd = c.scanChain(i)
			hits = c.hits
		}
		if b >= utf8.RuneSelf {
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		// Dates and postcodes are written in ASCII digits.
		// A postcode starts with one or two letters and a digit, not
		// inside a longer word or code.
		if w := letterRunBefore(s, i); w > 0 && w <= 2 && (i-w == 0 || !isAlnum(s[i-w-1])) {
			if end, ok := scanPostcode(s, i-w); ok && nearPersonWord(s, i-w, end) {
				hits = append(hits, IdentifierHit{
					Kind: IdentPostcode, Severity: Warning, Start: i - w, End: end, Shown: mask(s[i-w:end], 2),
					Why: "A full postcode beside a word such as \"patient\" or \"born\" may say where a person lives.",
					Fix: "Remove it, or give only the area (for example the postcode district \"M13\") when it is not about a person.",
				})
			}
		}
		if end, ok := scanDate(s, i); ok && nearPersonWord(s, i, end) {
			hits = append(hits, IdentifierHit{
				Kind: IdentDateOfBirth, Severity: Warning, Start: i, End: end, Shown: mask(s[i:end], 0),
				Why: "A date beside a word such as \"DOB\", \"born\" or \"patient\" reads as a person's date of birth or death.",
				Fix: "Remove it: a draft must not hold any participant's details. Describe the item instead (for example \"date of birth\").",
			})
		}
		for i++; i < len(s) && isDigit(s[i]); i++ {
		}
	}
	if len(hits) > 1 {
		sortHits(hits)
	}
	return hits
}

// sortHits puts hits in text order (NHS numbers are found a chain ahead of
// the dates and postcodes beside them); insertion sort, as there are few.
func sortHits(h []IdentifierHit) {
	for i := 1; i < len(h); i++ {
		for j := i; j > 0 && h[j].Start < h[j-1].Start; j-- {
			h[j], h[j-1] = h[j-1], h[j]
		}
	}
}

// letterRunBefore counts the letters just before s[i], up to three.
func letterRunBefore(s string, i int) int {
	n := 0
	for n < 3 && i-n > 0 && isLetter(s[i-n-1]) {
		n++
	}
	return n
}

var monthNames = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}

// scanDate recognises 31/12/1980, 31-12-80, 31.12.1980, 1980-12-31 and
// 31 December 1980 (or Dec) starting at start.
func scanDate(s string, start int) (int, bool) {
	num := func(i, min, max int) (v, j int) {
		j = i
		for j < len(s) && isDigit(s[j]) && j-i < max {
			v = v*10 + int(s[j]-'0')
			j++
		}
		if j-i < min || (j < len(s) && isDigit(s[j])) {
			return -1, i
		}
		return v, j
	}
	a, i := num(start, 1, 4)
	if a < 0 || i >= len(s) {
		return 0, false
	}
	sep := s[i]
	if i-start == 4 { // year first: 1980-12-31
		if sep != '-' && sep != '/' {
			return 0, false
		}
		m, j := num(i+1, 1, 2)
		if m < 1 || m > 12 || j >= len(s) || s[j] != sep {
			return 0, false
		}
		d, k := num(j+1, 1, 2)
		return k, d >= 1 && d <= 31 && a >= 1900
	}
	if a < 1 || a > 31 {
		return 0, false
	}
	if sep == '/' || sep == '-' || sep == '.' {
		m, j := num(i+1, 1, 2)
		if m < 1 || m > 12 || j >= len(s) || s[j] != sep {
			return 0, false
		}
		y, k := num(j+1, 2, 4)
		return k, y >= 0 && (k-j-1 == 2 || k-j-1 == 4)
	}
	if sep != ' ' || i+4 >= len(s) {
		return 0, false
	}
	w := i + 1
	for w < len(s) && isLetter(s[w]) {
		w++
	}
	if w-(i+1) < 3 || w >= len(s) || s[w] != ' ' {
		return 0, false
	}
	mon := strings.ToLower(s[i+1 : i+4])
	for _, m := range monthNames {
		if mon == m {
			y, k := num(w+1, 4, 4)
			return k, y >= 1900
		}
	}
	return 0, false
}

// scanPostcode recognises a full UK postcode (A9 9AA, A99 9AA, A9A 9AA,
// AA9 9AA, AA99 9AA, AA9A 9AA; the space may be missing) at start.
func scanPostcode(s string, start int) (int, bool) {
	i := start
	letters := 0
	for i < len(s) && isLetter(s[i]) && letters < 3 {
		i++
		letters++
	}
	if letters < 1 || letters > 2 || i >= len(s) || !isDigit(s[i]) {
		return 0, false
	}
	i++ // first outward digit
	// The outward code may end in a second digit or a letter, but only when
	// an inward code (digit, letter, letter) still follows.
	try := func(j int) (int, bool) {
		if j < len(s) && s[j] == ' ' {
			j++
		}
		if j+3 > len(s) || !isDigit(s[j]) || !isLetter(s[j+1]) || !isLetter(s[j+2]) {
			return 0, false
		}
		if j+3 < len(s) && isAlnum(s[j+3]) {
			return 0, false
		}
		return j + 3, true
	}
	if i < len(s) && isAlnum(s[i]) {
		if end, ok := try(i + 1); ok {
			return end, true
		}
	}
	return try(i)
}

// nearPersonWord reports whether a person word appears within personWindow
// bytes of s[start:end]. It folds ASCII case in place rather than lowering
// a copy: this runs for every date in every field on every keystroke.
func nearPersonWord(s string, start, end int) bool {
	w := s[max(start-personWindow, 0):min(end+personWindow, len(s))]
	for k := 0; k < len(w); k++ {
		if !isLetter(w[k]) || (k > 0 && isLetter(w[k-1])) {
			continue
		}
		for _, word := range personWords {
			if hasPrefixFold(w[k:], word) {
				return true
			}
		}
	}
	return false
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case; prefix is lower case.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != prefix[i] {
			return false
		}
	}
	return true
}

// maskDigits keeps the first keep digits of s and writes '*' for every
// later one, whatever its script; spaces and line breaks become plain
// spaces and invisible characters go, so the result is safe to show on one
// line: "943 476 5919" → "943 *** ****".
func maskDigits(s string, keep int) string {
	var b strings.Builder
	b.Grow(len(s))
	seen := 0
	for i := 0; i < len(s); {
		k, _, size := charAt(s, i)
		switch k {
		case kDigit:
			if seen < keep {
				b.WriteString(s[i : i+size])
			} else {
				b.WriteByte('*')
			}
			seen++
		case kSpace:
			b.WriteByte(' ')
		case kTransparent:
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// mask keeps the first keep characters and replaces every later digit, so a
// finding can show where the problem is without repeating it.
func mask(s string, keep int) string {
	b := []byte(s)
	for i := keep; i < len(b); i++ {
		if isAlnum(b[i]) {
			b[i] = '*'
		}
	}
	return string(b)
}
