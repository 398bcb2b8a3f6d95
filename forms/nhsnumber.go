package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Finding NHS numbers as people write them (R-C8).
//
// The scanner reads a chain: digit groups joined by short runs of
// separators (any space or line break, dashes, dots, slashes, underscores,
// brackets and quotes; invisible characters are skipped wherever they
// are). Any stretch of the chain holding exactly ten digits that pass the
// Modulus 11 check is a candidate. Nine in ten random ten-digit strings fail
// the check, so what decides the false alarms is which candidates count:
//
//   - the usual groupings (ten digits, 3-3-4, 4-3-3, 3-4-3, 5-5, 3-7, pairs,
//     digit by digit) count wherever they stand in a chain, so two numbers
//     side by side, or a numbered list of them, are all found;
//   - any other grouping counts only when it is the whole chain, its
//     separators are all of one kind, and it does not read as something
//     else: a date followed by a count ("01/02/2020 12"), a year and a
//     serial ("2024-123456"), a reference ("KR-2026-0411"), an ISBN
//     ("0-19-852663-6");
//   - never: ten digits inside a longer run of digits, a phone number after
//     "+" or "00" or with "(0)", money, round numbers ("1,500,000,000"),
//     IP addresses, a range of round counts ("10000-20000"), or after a
//     label that says what the number is (ISBN, DOI, SNOMED); nor digits
//     inside a hexadecimal hash or a UUID.
//
// Digits glued to letters ("NHS9434765919", "cohort-9434765919.pdf") are
// found in the usual groupings: that is how file names and hurried notes
// carry them.

// group is one run of digits in a chain.
type group struct {
	start, end int32  // bytes: first digit, just after the last
	n          uint8  // digits, saturating at 255
	sep        uint16 // the kinds of separator before it (1<<charKind)
	thousands  bool   // written with thousands commas: "9,434,765,919"
	first2     [2]int8
}

// maxGroups bounds the groups held at once; longer chains are read in
// windows, and a window after the first never counts as a whole chain.
const maxGroups = 32

// chainScan holds what one ScanText call needs for NHS numbers, so that
// scanning allocates nothing for text without hits.
type chainScan struct {
	s      string
	gs     [maxGroups]group
	first  group // the chain's first group
	held   int   // groups held for the candidates being judged
	last   bool  // the groups held end the chain
	hits   []IdentifierHit
	doneTo int // byte offset: candidates must start at or after it
}

// readGroup reads the digits from i; transparent characters inside are
// skipped, and a comma followed by exactly three digits continues the
// group as a thousands separator.
func (c *chainScan) readGroup(g *group, i int) (next int) {
	s := c.s
	*g = group{start: int32(i), end: int32(i)}
	g.first2 = [2]int8{-1, -1}
	n := 0
	for i < len(s) {
		b := s[i]
		if d := b - '0'; d < 10 { // the common case: an ASCII digit
			if n < 2 {
				g.first2[n] = int8(d)
			}
			n++
			i++
			g.end = int32(i)
			continue
		}
		if b < utf8.RuneSelf {
			if b == ',' && (n <= 3 || g.thousands) && threeDigitsThenStop(s, i+1) {
				g.thousands = true
				i++
				continue
			}
			break
		}
		k, d, size := charAt(s, i)
		if k == kDigit {
			if n < 2 {
				g.first2[n] = int8(d)
			}
			n++
			i += size
			g.end = int32(i)
			continue
		}
		if k == kTransparent {
			i += size
			continue
		}
		if k == kComma && (n <= 3 || g.thousands) && threeDigitsThenStop(s, i+size) {
			g.thousands = true
			i += size
			continue
		}
		break
	}
	g.n = uint8(min(n, 255))
	return int(g.end)
}

// threeDigitsThenStop reports whether s[i:] starts with exactly three ASCII
// digits, as the digits after a thousands comma are.
func threeDigitsThenStop(s string, i int) bool {
	if i+3 > len(s) || !isDigit(s[i]) || !isDigit(s[i+1]) || !isDigit(s[i+2]) {
		return false
	}
	if i+3 == len(s) {
		return true
	}
	k, _, _ := charAt(s, i+3)
	return k != kDigit
}

// readSeparator reads the separators after a group at i. It returns the
// kinds seen and where the next group starts, or ok false when no digit
// follows a short enough run.
func (c *chainScan) readSeparator(i int) (kinds uint16, next int, ok bool) {
	s := c.s
	spaces, marks, brackets := 0, 0, 0
	for i < len(s) {
		var k charKind
		size := 1
		if b := s[i]; b < utf8.RuneSelf {
			k = asciiKind[b]
		} else {
			k, _, size = charAt(s, i)
		}
		switch k {
		case kDigit:
			return kinds, i, kinds != 0
		case kTransparent:
		case kSpace:
			spaces++
			switch b := s[i]; {
			case b == '\t':
				kinds |= sepTab
			case b == '\n' || b == '\r' || b == '\v' || b == '\f' || (b == 0xC2 && s[i+1] == 0x85) ||
				(b == 0xE2 && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9)):
				kinds |= sepBreak
			}
		case kBracket:
			brackets++
		case kDash, kDot, kSlash, kUnderscore:
			marks++
		default:
			return 0, 0, false
		}
		// A line break may bring an indent with it.
		if (spaces > 4 && (kinds&sepBreak == 0 || spaces > 12)) || marks > 2 || brackets > 2 {
			return 0, 0, false
		}
		if k != kTransparent {
			kinds |= 1 << k
		}
		i += size
	}
	return 0, 0, false
}

// scanChain reads the chain that starts with the digit at start, records
// the NHS numbers in it and returns where it ends.
func (c *chainScan) scanChain(start int) int {
	n, digits := 0, 0
	whole := true // the groups held begin the chain
	var sep uint16
	i := start
	for {
		g := &c.gs[n]
		end := c.readGroup(g, i)
		g.sep = sep
		if n == 0 && whole {
			c.first = *g
		}
		n++
		digits += int(g.n)
		kinds, next, ok := c.readSeparator(end)
		if !ok {
			if digits >= 10 || !whole { // most chains in prose are a year or a count
				c.candidates(n, n, whole, true)
			}
			return end
		}
		if n == maxGroups {
			// Judge every stretch that starts in the first half, then slide.
			c.candidates(n, maxGroups/2, whole, false)
			copy(c.gs[:], c.gs[maxGroups/2:])
			n = maxGroups / 2
			whole = false
		}
		sep = kinds
		i = next
	}
}

// candidate is a stretch of groups g..h judged to be an NHS number; prio
// ranks its grouping, for choosing between overlapping readings.
type candidate struct {
	g, h  int
	prio  int8
	apart int8 // how clearly its ends stand apart from the groups beside it
}

// candidates judges every stretch of ten digits among the n groups held
// that starts in the first starts of them, and records the best set of
// stretches that do not overlap: the most numbers, then the most usual
// groupings. So "943 476 5919 401 023 2137" is two numbers, and in
// "In 2019 943 476 5919" the 3-3-4 reading wins over a 4-3-3 one that
// happens to pass the check. whole says the groups held begin the chain;
// last says they end it.
func (c *chainScan) candidates(n, starts int, whole, last bool) {
	c.held, c.last = n, last
	var cs [maxGroups]candidate
	k := 0
	for g := 0; g < starts; g++ {
		if int(c.gs[g].start) < c.doneTo {
			continue
		}
		sum := 0
		for h := g; h < n; h++ {
			gr := &c.gs[h]
			if gr.thousands && h != g {
				break
			}
			sum += int(gr.n)
			if sum > 10 || (gr.thousands && sum != 10) {
				break
			}
			if sum < 10 {
				continue
			}
			if prio := c.judge(g, h, whole && g == 0 && last && h == n-1); prio > 0 {
				cs[k] = candidate{g, h, prio, c.apart(g, h)}
				k++
			}
			break
		}
	}
	if k == 0 {
		return
	}
	// best[i] is the best choice among cs[i:]: how many, how clearly they
	// stand apart, their total rank.
	type score struct{ count, apart, prio int }
	var best [maxGroups + 1]score
	var take [maxGroups]bool
	for i := k - 1; i >= 0; i-- {
		j := i + 1
		for j < k && cs[j].g <= cs[i].h {
			j++
		}
		with := score{best[j].count + 1, best[j].apart + int(cs[i].apart), best[j].prio + int(cs[i].prio)}
		best[i], take[i] = best[i+1], false
		b := best[i]
		if with.count > b.count || (with.count == b.count && (with.apart > b.apart || (with.apart == b.apart && with.prio > b.prio))) {
			best[i], take[i] = with, true
		}
	}
	var chosen [maxGroups]candidate
	m := 0
	for i := 0; i < k; i++ {
		if !take[i] {
			continue
		}
		chosen[m] = cs[i]
		m++
		for h := cs[i].h; i+1 < k && cs[i+1].g <= h; {
			i++
		}
	}
	// Numbers that fill their chain, apart from a year, a list number or a
	// short number leading ("943 476 5919 401 023 2137", "1. 943 476 5919",
	// "In 2019 943 476 5919", "Bed 12 943 476 5919"), all count. Otherwise a number inside a longer chain counts
	// only when both its ends stand apart: a row of figures such as
	// "1  938  30  735  700  3302" holds a 3-3-4 by chance.
	filled := whole && last
	next := 0
	for i := 0; i < m && filled; i++ {
		for j := next; j < chosen[i].g; j++ {
			// One short number may lead: "Patient 12 943 476 5919".
			lead := j == 0 && c.gs[0].n <= 4 && (i > 0 || chosen[0].g == 1)
			filled = filled && (lead || c.explained(j))
		}
		next = chosen[i].h + 1
	}
	for j := next; j < n && filled; j++ {
		// Or trail: "943 476 5919 12".
		trail := j == n-1 && j == next && c.gs[j].n <= 4 && m == 1 && chosen[0].g == 0
		filled = trail || c.explained(j)
	}
	for _, cd := range chosen[:m] {
		if !filled && !c.standsApart(cd.g, cd.h) {
			continue
		}
		from, to := int(c.gs[cd.g].start), int(c.gs[cd.h].end)
		c.hits = append(c.hits, nhsHit(c.s, from, to))
		c.doneTo = to
	}
}

// explained reports whether a group outside the numbers found reads as
// something of its own beside them: a year, or a list number starting a
// line ("1.", "2)").
func (c *chainScan) explained(j int) bool {
	gr := &c.gs[j]
	if gr.n == 4 && (gr.first2 == [2]int8{1, 9} || gr.first2 == [2]int8{2, 0}) {
		return true
	}
	startsLine := (j == 0 && gr.start == c.first.start) || (j > 0 && gr.sep&sepBreak != 0)
	if startsLine && gr.n <= 3 && j+1 < c.held {
		return c.gs[j+1].sep&(1<<kDot|1<<kBracket) != 0
	}
	return false
}

// standsApart reports whether both ends of groups g..h are the chain's
// ends or meet separators unlike those inside.
func (c *chainScan) standsApart(g, h int) bool {
	if g == h {
		return true
	}
	inside := c.gs[g+1].sep
	for j := g + 2; j <= h; j++ {
		if c.gs[j].sep != inside {
			return false
		}
	}
	left := c.gs[g].start == c.first.start || c.gs[g].sep != inside
	right := (c.last && h == c.held-1) || (h+1 < c.held && c.gs[h+1].sep != inside)
	return left && right
}

// Separator bits beyond the kinds: a tab, a line break. They tell table
// cells and lines apart from the spaces inside a number.
const (
	sepTab   = 1 << 12
	sepBreak = 1 << 13
)

// apart scores how clearly groups g..h stand apart from their neighbours
// in the chain: one point for each end that is the chain's end, follows a
// short leading number ("Bed 12 943 476 5919"), or meets a separator
// unlike those inside ("\t943 476 5919\t1984"); less one when
// the separators inside differ, less two when it starts with a year ("In
// 2019 943 476 5919" reads 3-3-4, not 4-3-3).
func (c *chainScan) apart(g, h int) int8 {
	var inside uint16
	mixed := false
	for j := g + 1; j <= h; j++ {
		if inside != 0 && c.gs[j].sep != inside {
			mixed = true
		}
		inside = c.gs[j].sep
	}
	var score int8
	lead := g == 1 && c.gs[0].start == c.first.start && c.gs[0].n <= 4
	if c.gs[g].start == c.first.start || lead || (!mixed && c.gs[g].sep != inside) {
		score++
	}
	if (c.last && h == c.held-1) || (h+1 < c.held && !mixed && c.gs[h+1].sep != inside) {
		score++
	}
	if mixed {
		score--
	}
	if f := &c.gs[g]; f.n == 4 && h > g && (f.first2 == [2]int8{1, 9} || f.first2 == [2]int8{2, 0}) {
		score -= 2
	}
	return score
}

// Groupings people use for an NHS number, the official 3-3-4 first; a
// higher rank wins between overlapping readings.
var usualGroupings = []struct {
	sizes []uint8
	prio  int8
}{
	{[]uint8{3, 3, 4}, 9}, {[]uint8{10}, 8}, {[]uint8{4, 3, 3}, 7}, {[]uint8{5, 5}, 7}, {[]uint8{3, 7}, 6},
	{[]uint8{3, 4, 3}, 5}, {[]uint8{2, 2, 2, 2, 2}, 4}, {[]uint8{1, 3, 3, 3}, 3}, {[]uint8{1, 1, 1, 1, 1, 1, 1, 1, 1, 1}, 4},
}

// judge decides whether groups g..h (ten digits) are an NHS number and
// returns the rank of its grouping, or 0. isWhole says the stretch is the
// whole chain.
func (c *chainScan) judge(g, h int, isWhole bool) int8 {
	s := c.s
	from, to := int(c.gs[g].start), int(c.gs[h].end)
	var digits [10]byte
	k := 0
	for i := from; i < to && k < 10; {
		kind, d, size := charAt(s, i)
		if kind == kDigit {
			digits[k] = byte('0' + d)
			k++
		}
		i += size
	}
	if k != 10 || !ValidNHSNumber(string(digits[:])) {
		return 0
	}
	// Round numbers are counts and money, not identifiers.
	if string(digits[5:]) == "00000" {
		return 0
	}
	var prio int8
	for _, u := range usualGroupings {
		if len(u.sizes) != h-g+1 {
			continue
		}
		match := true
		for j, want := range u.sizes {
			if c.gs[g+j].n != want {
				match = false
				break
			}
		}
		if match {
			prio = u.prio
			break
		}
	}
	// Separators of one kind (spaces alongside a mark, and brackets, do not
	// count as a second kind).
	uniform := true
	var kind uint16
	for j := g + 1; j <= h; j++ {
		k := c.gs[j].sep &^ (1<<kBracket | sepTab | sepBreak)
		if k&^(1<<kSpace) != 0 {
			k &^= 1 << kSpace
		}
		if k&(k-1) != 0 || (kind != 0 && k != kind) {
			uniform = false
			break
		}
		kind = k
	}
	if prio > 0 && h-g+1 > 3 && !uniform {
		prio = 0 // pairs or single digits across dates, decimals and lists
	}
	if c.notAnIdentifier(g, h) {
		return 0
	}
	glued := c.gluedToLetters(from, to, c.gs[g].start == c.first.start, isWhole)
	if prio == 0 {
		if !isWhole || !uniform || glued || h-g > 3 || c.looksLikeOther(g, h) {
			return 0
		}
		for j := g; j <= h; j++ {
			if c.gs[j].n < 2 {
				return 0 // "6 25740 6544" is figures, not a number split in two places
			}
		}
		return 1
	}
	if glued && inHexToken(s, from, to) {
		return 0
	}
	return prio
}

// gluedToLetters reports whether the stretch touches a letter or a
// reference code: "NHS9434765919", "KR-2026-041", "203456/Z".
func (c *chainScan) gluedToLetters(from, to int, atChainStart, isWhole bool) bool {
	s := c.s
	if atChainStart {
		k, r, size := charBefore(s, from)
		if k == kOther && unicode.IsLetter(r) {
			return true
		}
		if k == kDash || k == kSlash || k == kUnderscore {
			if k2, r2, _ := charBefore(s, from-size); k2 == kDigit || (k2 == kOther && unicode.IsLetter(r2)) {
				return true
			}
		}
	}
	if to < len(s) {
		k, _, size := charAt(s, to)
		if k == kOther {
			r := []rune(s[to:min(to+4, len(s))])
			if len(r) > 0 && unicode.IsLetter(r[0]) {
				return true
			}
		}
		if isWhole && (k == kDash || k == kSlash || k == kUnderscore) && to+size < len(s) {
			if k2, _, _ := charAt(s, to+size); k2 == kOther {
				r := []rune(s[to+size : min(to+size+4, len(s))])
				if len(r) > 0 && unicode.IsLetter(r[0]) {
					return true
				}
			}
		}
	}
	return false
}

// notAnIdentifier rules out numbers whose surroundings say what they are:
// phone numbers, money, IP addresses, and labelled codes.
func (c *chainScan) notAnIdentifier(g, h int) bool {
	s := c.s
	chainStart := int(c.first.start)
	// "+44 …", "(+44) …": an international phone number.
	i := chainStart
	for steps := 0; steps < 4 && i > 0; steps++ {
		k, r, size := charBefore(s, i)
		if k == kPlus {
			return true
		}
		if k == kSpace || k == kBracket || k == kTransparent {
			i -= size
			continue
		}
		// Money: "£1,234,567,890", "$ 12 345 678 90".
		if r == '£' || r == '$' || r == '€' || r == '¥' || r == '\uFFE1' {
			return true
		}
		break
	}
	// "0044 161 …" or "(0)161 …": a phone number with its prefix; "978 …"
	// before ten digits: an ISBN-13.
	if g == 1 && c.gs[0].start == c.first.start && dialPrefix(s, &c.gs[0]) {
		return true
	}
	if gr := &c.gs[g]; gr.start == c.first.start && gr.n == 4 && dialPrefix(s, gr) && (h+1 < c.held || !c.last) {
		return true
	}
	if g > 0 {
		if prev := &c.gs[g-1]; prev.n == 1 && prev.first2[0] == 0 && c.gs[g].sep&(1<<kBracket) != 0 {
			return true
		}
		if prev := &c.gs[g-1]; prev.n == 3 && prev.first2 == [2]int8{9, 7} {
			if d := c.s[prev.end-1]; d == '8' || d == '9' {
				return true
			}
		}
	}
	// A range of round counts: "15000-20000".
	if h == g+1 && c.gs[h].sep&(1<<kDash) != 0 && endsInZeros(s, &c.gs[g]) && endsInZeros(s, &c.gs[h]) {
		return true
	}
	// An Ordnance Survey grid reference: "SJ 83850 98110".
	if h == g+1 && c.gs[g].start == c.first.start && gridLetters(s, chainStart) {
		return true
	}
	// An IP address: four groups of up to three digits, joined by dots.
	if c.ipAddress(g, h) {
		return true
	}
	// A label just before: "ISBN 0 19 852663 6", "doi:10.…", "SNOMED CT 1234567890".
	if hasLabelBefore(s, chainStart) {
		return true
	}
	return false
}

func (c *chainScan) ipAddress(g, h int) bool {
	if h-g != 3 {
		return false
	}
	for j := g; j <= h; j++ {
		if c.gs[j].n > 3 || (j > g && c.gs[j].sep != 1<<kDot) {
			return false
		}
		v := 0
		for i := int(c.gs[j].start); i < int(c.gs[j].end); i++ {
			if isDigit(c.s[i]) {
				v = v*10 + int(c.s[i]-'0')
			}
		}
		if v > 255 || (c.gs[j].n > 1 && c.gs[j].first2[0] == 0) || (j == g && v < 10) {
			return false
		}
	}
	return true
}

// idLabels are words that, right before a number, say it is not an NHS
// number. Each is lower case.
var idLabels = []string{"isbn", "doi", "snomed", "sctid", "concept id", "issn"}

// hasLabelBefore reports whether one of idLabels ends within a few
// characters (spaces, colons, "-10", "CT") before i.
func hasLabelBefore(s string, i int) bool {
	lo := max(i-24, 0)
	w := s[lo:i]
	for k := 0; k < len(w); k++ {
		if !isLetter(w[k]) || (k > 0 && isLetter(w[k-1])) {
			continue
		}
		for _, l := range idLabels {
			if hasPrefixFold(w[k:], l) {
				// Only punctuation, spaces, "10"/"13" or "CT" may follow.
				rest := w[k+len(l):]
				ok := true
				for j := 0; j < len(rest); j++ {
					b := rest[j]
					if isLetter(b) && !(b == 'C' || b == 'T' || b == 'c' || b == 't') {
						ok = false
						break
					}
				}
				if ok {
					return true
				}
			}
		}
	}
	return false
}

// looksLikeOther rules out unusual groupings that read as something else:
// a year leading a serial, an ISBN-10, a range of round counts, a
// date followed by a count.
func (c *chainScan) looksLikeOther(g, h int) bool {
	first := &c.gs[g]
	if h == g+1 && first.n == 4 && (first.first2 == [2]int8{1, 9} || first.first2 == [2]int8{2, 0}) && c.gs[h].sep&^(1<<kSpace|sepTab|sepBreak) != 0 {
		return true // a year and a serial: "2024-123456", "2019/123456"
	}
	if h-g == 3 && c.gs[h].n == 1 && c.gs[h].sep&(1<<kDash|1<<kSpace) != 0 {
		return true // ISBN-10: group, publisher, title, check digit
	}
	return false
}

// dialPrefix reports whether a group is the international dialling prefix
// of a country whose numbers have ten digits after it, as the UK's do. It
// counts only at the start of a chain, where a phone number begins.
func dialPrefix(s string, g *group) bool {
	switch s[g.start:g.end] {
	case "0044", "001", "0091", "0039", "0092":
		return true
	}
	return false
}

// gridLetters reports whether a grid square ("SJ ", "TQ ") stands just
// before i: two capitals, the first of H, N, O, S or T, and one space.
func gridLetters(s string, i int) bool {
	if i < 3 || s[i-1] != ' ' {
		return false
	}
	a, b := s[i-3], s[i-2]
	if !strings.ContainsRune("HNOST", rune(a)) || b < 'A' || b > 'Z' || b == 'I' {
		return false
	}
	return i == 3 || !isAlnum(s[i-4])
}

func endsInZeros(s string, g *group) bool {
	e := int(g.end)
	return e-2 >= int(g.start) && s[e-1] == '0' && s[e-2] == '0'
}

// inHexToken reports whether the digits s[from:to], written together, lie
// inside a run of hexadecimal digits (a hash) or a UUID, where digits are
// not anyone's number.
func inHexToken(s string, from, to int) bool {
	isHex := func(b byte) bool { return isDigit(b) || (b|0x20 >= 'a' && b|0x20 <= 'f') }
	digitsOnly := true
	for i := from; i < to; i++ {
		if !isDigit(s[i]) {
			digitsOnly = false
			if s[i] != '-' {
				return false
			}
		}
	}
	a, b := from, to
	for a > 0 && (isHex(s[a-1]) || s[a-1] == '-') {
		a--
	}
	for b < len(s) && (isHex(s[b]) || s[b] == '-') {
		b++
	}
	if tok := s[a:b]; len(tok) == 36 && tok[8] == '-' && tok[13] == '-' && tok[18] == '-' && tok[23] == '-' {
		return true
	}
	if !digitsOnly {
		return false
	}
	a, b = from, to
	for a > 0 && isHex(s[a-1]) {
		a--
	}
	for b < len(s) && isHex(s[b]) {
		b++
	}
	return b-a >= 16
}

// nhsHit records an NHS number at s[from:to].
func nhsHit(s string, from, to int) IdentifierHit {
	return IdentifierHit{
		Kind: IdentNHSNumber, Severity: Blocker, Start: from, End: to, Shown: maskDigits(s[from:to], 3),
		Why: "This looks like an NHS number: ten digits that pass the NHS Modulus 11 check.",
		Fix: "Delete it. A draft must never hold patient identifiers; describe the field instead (\"NHS number\") and send the cohort only through NHS England's secure route.",
	}
}
