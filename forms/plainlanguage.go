package forms

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Plain-language analysis of the texts NHS England publishes in its Data
// Uses Register (R-U2, R-U3, R-T4): the counts behind the Flesch figures,
// sentences, abbreviations and their definitions, jargon, and titled names.
// Text is analysed a line at a time and each line's facts are cached
// (plainlanguage_cache.go), so that typing in a 20,000-character objective
// re-reads only the line being typed. Every line ends a sentence: register
// texts put headings and list items on lines of their own.

// Punctuation trimmed from the ends of a word before it is matched.
const (
	leadingPunct  = "([{\"'“‘«<>•*·–—-"
	trailingPunct = ")]}\"'”’».,;:!?…"
	closingPunct  = ")]}\"'”’»"
	// wordPunct is both ends' punctuation, each character once.
	wordPunct = "([{)]}\"'“‘”’«»<>•*·–—-.,;:!?…"
)

// lineFacts is what one line yields. Offsets are bytes into the line.
type lineFacts struct {
	words, syllables int
	sentences        []sentenceSpan
	// acronyms are uses of abbreviations; defs are places that define one
	// (in brackets, or spelt out in full).
	acronyms []acronymMark
	defs     []acronymMark
	jargon   []jargonMark
	titled   []nameMark
	// caps are the capitalised words, for finding the draft's own people.
	caps []capWord
}

type sentenceSpan struct{ start, end, words int }

type acronymMark struct {
	at      int
	acronym string
}

type jargonMark struct {
	start, end int
	p          *phrase
}

type nameMark struct{ start, end int }

// capWord is a capitalised word with the words around it that decide
// whether it ends a person's name.
type capWord struct {
	start, end int
	key        string
	// before are the one or two words before it, nearest first, up to
	// punctuation that breaks a name ("Wyn, Siân"); an initial keeps its
	// full stop ("S. Wyn").
	before []nameWord
	// after is the next word's match key when only a space separates them.
	after string
}

type nameWord struct {
	start   int
	key     string
	initial bool
	name    bool
}

// token is one whitespace-separated run; cs:ce is its core, punctuation
// trimmed; key is the core as phrases match it.
type token struct {
	start, end, cs, ce int
	key                string
}

func (t token) core(line string) string { return line[t.cs:t.ce] }

func tokenize(line string) []token {
	var out []token
	i := 0
	for i < len(line) {
		r, n := utf8.DecodeRuneInString(line[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		for i < len(line) {
			r, n := utf8.DecodeRuneInString(line[i:])
			if unicode.IsSpace(r) {
				break
			}
			i += n
		}
		raw := line[start:i]
		lead := len(raw) - len(strings.TrimLeft(raw, leadingPunct))
		core := strings.TrimRight(raw[lead:], trailingPunct)
		t := token{start: start, end: i, cs: start + lead, ce: start + lead + len(core)}
		t.key = matchKey(core)
		out = append(out, t)
	}
	return out
}

func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

// analyseLine reads one line. It is pure: the cache keeps its result.
func analyseLine(line string) *lineFacts {
	f := &lineFacts{}
	toks := tokenize(line)
	l := plainLists()
	heading := isHeading(line, toks)
	sentStart, sentWords := -1, 0
	jargonUntil := 0
	for i, t := range toks {
		raw := line[t.start:t.end]
		core := t.core(line)
		if i == 0 && isListMarker(raw) {
			continue // "1.", "(a)", "iv)" number a list item; they are not words
		}
		if hasLetterOrDigit(raw) {
			f.words++
			f.syllables += Syllables(core)
			if sentStart < 0 {
				sentStart = t.start
			}
			sentWords++
		}
		if sentWords > 0 && endsSentence(line, toks, i) {
			f.sentences = append(f.sentences, sentenceSpan{sentStart, t.end, sentWords})
			sentStart, sentWords = -1, 0
		}
		if !heading && !isReference(core) {
			f.acronyms = appendAcronymUses(f.acronyms, core, t.cs)
		}
		if r, _ := utf8.DecodeRuneInString(core); unicode.IsUpper(r) && isNameWord(core) {
			f.caps = append(f.caps, capWordAt(line, toks, i))
		}
		for pi := range l.expansions[t.key] {
			p := &l.expansions[t.key][pi]
			if phraseAt(toks, i, p.words) {
				f.defs = append(f.defs, acronymMark{at: t.cs, acronym: p.acronym})
			}
		}
		// The longest term starting here wins ("interrogate the data" over
		// "interrogate"); words inside it start no other.
		if i >= jargonUntil {
			var best *phrase
			for pi := range l.jargon[t.key] {
				p := &l.jargon[t.key][pi]
				if phraseAt(toks, i, p.words) && (best == nil || len(p.words) > len(best.words)) {
					best = p
				}
			}
			if best != nil {
				f.jargon = append(f.jargon, jargonMark{start: t.cs, end: toks[i+len(best.words)-1].ce, p: best})
				jargonUntil = i + len(best.words)
			}
		}
		if titles[core] {
			if m, ok := titledName(line, toks, i); ok {
				f.titled = append(f.titled, m)
			}
		}
	}
	if sentWords > 0 {
		f.sentences = append(f.sentences, sentenceSpan{sentStart, toks[len(toks)-1].end, sentWords})
	}
	f.defs = append(f.defs, bracketDefinitions(line, toks)...)
	return f
}

func capWordAt(line string, toks []token, i int) capWord {
	t := toks[i]
	cw := capWord{start: t.cs, end: t.ce, key: nameKey(t.core(line))}
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		p := toks[k]
		core := p.core(line)
		initial := isInitial(core)
		if p.ce != p.end && !(initial && line[p.ce:p.end] == ".") {
			break
		}
		cw.before = append(cw.before, nameWord{start: p.cs, key: nameKey(core), initial: initial, name: isNameWord(core)})
	}
	if i+1 < len(toks) && t.ce == t.end {
		cw.after = toks[i+1].key
	}
	return cw
}

// isListMarker reports whether a line's first word numbers a list item:
// up to three digits, one letter or a small roman numeral, with a full stop
// or a bracket.
func isListMarker(raw string) bool {
	s := strings.TrimPrefix(raw, "(")
	body, ok := strings.CutSuffix(s, ".")
	if !ok {
		if body, ok = strings.CutSuffix(s, ")"); !ok {
			return false
		}
	}
	switch {
	case body == "":
		return false
	case len(body) <= 3 && strings.Trim(body, "0123456789") == "":
		return true
	case utf8.RuneCountInString(body) == 1:
		return unicode.IsLetter([]rune(body)[0])
	}
	return len(body) <= 4 && strings.Trim(body, "ivx") == ""
}

func phraseAt(toks []token, i int, words []string) bool {
	if i+len(words) > len(toks) {
		return false
	}
	for k, w := range words {
		if toks[i+k].key != w {
			return false
		}
	}
	return true
}

// Abbreviations whose full stop does not end a sentence, and those whose
// full stop ends one only before a capital (etc., et al.).
var (
	noEndAbbrev    = map[string]bool{"e.g": true, "i.e": true, "eg": true, "ie": true, "dr": true, "prof": true, "mr": true, "mrs": true, "ms": true, "mx": true, "st": true, "no": true, "nos": true, "vs": true, "v": true, "cf": true, "approx": true, "fig": true, "ref": true, "vol": true, "dept": true, "univ": true, "inc": true, "ltd": true, "co": true, "c": true, "ca": true, "incl": true, "est": true}
	maybeEndAbbrev = map[string]bool{"etc": true, "al": true}
)

// endsSentence reports whether token i ends a sentence: it ends in . ! or ?
// (before any closing brackets or quotes), and a full stop is not that of
// an abbreviation or an initial.
func endsSentence(line string, toks []token, i int) bool {
	raw := strings.TrimRight(line[toks[i].start:toks[i].end], closingPunct)
	if raw == "" {
		return false
	}
	switch {
	case strings.HasSuffix(raw, "!"), strings.HasSuffix(raw, "?"):
		return true
	case strings.HasSuffix(raw, "…"), strings.HasSuffix(raw, "..."):
		return nextStartsUpper(line, toks, i)
	case !strings.HasSuffix(raw, "."):
		return false
	}
	word := strings.ToLower(strings.TrimLeft(strings.TrimSuffix(raw, "."), leadingPunct))
	if word == "" {
		return true // a full stop standing alone
	}
	if noEndAbbrev[word] {
		return false
	}
	if maybeEndAbbrev[word] {
		return nextStartsUpper(line, toks, i)
	}
	// An initial (J. Smith); a run of initials (U.K.) ends one only before
	// a capital.
	if utf8.RuneCountInString(word) == 1 && unicode.IsLetter([]rune(word)[0]) {
		return false
	}
	if strings.Contains(word, ".") && !strings.ContainsAny(word, "0123456789") {
		return nextStartsUpper(line, toks, i)
	}
	return true
}

func nextStartsUpper(line string, toks []token, i int) bool {
	if i+1 >= len(toks) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(line[toks[i+1].cs:])
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// isHeading reports whether a line is a heading in capitals ("INVOICE
// VALIDATION"): two words or more, all in capitals, one of them a word
// shouted rather than an abbreviation. Its words are not read as acronyms.
func isHeading(line string, toks []token) bool {
	words, shouted := 0, false
	for _, t := range toks {
		core := t.core(line)
		letters := 0
		for _, r := range core {
			if unicode.IsLower(r) {
				return false
			}
			if unicode.IsLetter(r) {
				letters++
			}
		}
		if letters > 0 {
			words++
			shouted = shouted || isShouted(core)
		}
	}
	return words >= 2 && shouted
}

// isShouted reports whether a word in capitals is an ordinary word written
// loud (PURPOSE, OUTPUTS) rather than an abbreviation: six letters or more,
// a third of them vowels. Long abbreviations have few (NCWTMDS, MHLDDS).
func isShouted(w string) bool {
	letters, vowels := 0, 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			letters++
			if strings.ContainsRune("AEIOU", r) {
				vowels++
			}
		}
	}
	return letters >= 6 && vowels*10 >= letters*3
}

// romanNumerals and capsWords are capitals that are not abbreviations:
// numbering (Phase II) and words written in capitals for emphasis.
var (
	romanNumerals = map[string]bool{"II": true, "III": true, "IV": true, "VI": true, "VII": true, "VIII": true, "IX": true, "XI": true, "XII": true}
	capsWords     = map[string]bool{
		"NOT": true, "NO": true, "NOR": true, "AND": true, "OR": true, "THE": true, "ALL": true, "ONLY": true, "MUST": true,
		"NEVER": true, "NONE": true, "ANY": true, "WILL": true, "SHALL": true, "MAY": true, "BE": true, "IS": true, "ARE": true,
		"DO": true, "NEW": true, "OUR": true, "WE": true, "OF": true, "TO": true, "IN": true, "ON": true, "AT": true, "BY": true,
		"FOR": true, "WITH": true, "THIS": true, "THAT": true, "NOTE": true, "YES": true, "AN": true, "AS": true, "IF": true,
		"SO": true, "BUT": true, "ALSO": true, "EACH": true, "BOTH": true, "SUCH": true, "WHEN": true, "THEN": true, "THESE": true,
		"THOSE": true, "WHERE": true, "WHICH": true, "WHAT": true, "HOW": true, "WHY": true, "ONE": true, "TWO": true, "DATA": true,
		"USE": true, "USED": true, "AIM": true, "AIMS": true, "NOTES": true, "STUDY": true, "RISK": true, "PLAN": true, "ROLE": true,
	}
)

// isReference reports whether a word is a reference or code rather than
// words: digits and two separators or more (26/NW/0123,
// DARS-NIC-123456-AB1C2). Its capitals are not abbreviations.
func isReference(core string) bool {
	return strings.ContainsAny(core, "0123456789") && strings.Count(core, "/")+strings.Count(core, "-") >= 2
}

// appendAcronymUses adds the abbreviations in a word's core: each part of a
// hyphenated or slashed word (HES-ID, COVID-19) is looked at alone.
func appendAcronymUses(out []acronymMark, core string, at int) []acronymMark {
	off := 0
	for _, part := range strings.FieldsFunc(core, func(r rune) bool { return r == '-' || r == '/' || r == '–' }) {
		idx := strings.Index(core[off:], part)
		if idx < 0 {
			continue
		}
		pos := off + idx
		off = pos + len(part)
		if a, ok := acronymOf(part); ok {
			out = append(out, acronymMark{at: at + pos, acronym: a})
		}
	}
	return out
}

// acronymOf reads a word as an abbreviation: two to ten characters,
// starting with a capital, at least two capitals and at most half as many
// small letters (CEfF, PhD), letters, digits, "+" and "&" only. A plural or
// possessive ending (GPs, HES's) is taken off.
func acronymOf(w string) (string, bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	if strings.HasSuffix(w, "s") && len(w) >= 3 && allUpperish(w[:len(w)-1]) {
		w = w[:len(w)-1]
	}
	n := utf8.RuneCountInString(w)
	if n < 2 || n > 10 {
		return "", false
	}
	first, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(first) {
		return "", false
	}
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		case unicode.IsDigit(r), r == '+', r == '&':
		default:
			return "", false
		}
	}
	if upper < 2 || lower*2 > upper {
		return "", false
	}
	if romanNumerals[w] || capsWords[w] || (lower == 0 && isShouted(w)) {
		return "", false
	}
	return w, true
}

func allUpperish(w string) bool {
	upper := 0
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return upper >= 2
}

// Words that introduce a short name inside brackets: "(hereafter CPRD)".
var bracketIntros = []string{"the ", "known as ", "referred to as ", "hereafter ", "hereinafter ", "hereafter referred to as ", "hereinafter referred to as ", "called ", "or "}

// bracketDefinitions finds abbreviations defined with brackets: after the
// words they stand for, "Trusted Research Environment (TRE)"; introduced,
// "(hereafter CPRD)"; or followed by their meaning, "HES (Hospital Episode
// Statistics)".
func bracketDefinitions(line string, toks []token) []acronymMark {
	var out []acronymMark
	for i := 0; i < len(line); i++ {
		if line[i] != '(' {
			continue
		}
		rel := strings.IndexAny(line[i+1:], "()")
		if rel < 0 || line[i+1+rel] != ')' || rel > 160 {
			continue
		}
		content := strings.TrimSpace(line[i+1 : i+1+rel])
		words := strings.Fields(content)
		var acrs []string
		for _, w := range words {
			if a, ok := acronymOf(strings.Trim(w, wordPunct)); ok {
				acrs = append(acrs, a)
			}
		}
		switch {
		case len(words) > 0 && len(acrs) == len(words) && len(words) <= 4:
			for _, a := range acrs {
				out = append(out, acronymMark{at: i, acronym: a})
			}
		case len(acrs) > 0 && introduces(content) && strings.Trim(words[len(words)-1], wordPunct) != "":
			if a, ok := acronymOf(strings.Trim(words[len(words)-1], wordPunct)); ok {
				out = append(out, acronymMark{at: i, acronym: a})
			}
		case len(words) >= 2:
			// "HES (Hospital Episode Statistics)": the word before the bracket.
			if t, ok := tokenBefore(line, toks, i); ok {
				if a, ok := acronymOf(t.core(line)); ok {
					out = append(out, acronymMark{at: t.cs, acronym: a})
				}
			}
		}
	}
	return out
}

// tokenBefore is the word that ends just before byte i, spaces apart.
func tokenBefore(line string, toks []token, i int) (token, bool) {
	for k := len(toks) - 1; k >= 0; k-- {
		if toks[k].end <= i {
			return toks[k], strings.TrimSpace(line[toks[k].end:i]) == ""
		}
	}
	return token{}, false
}

func introduces(content string) bool {
	lc := strings.ToLower(content)
	for _, p := range bracketIntros {
		if strings.HasPrefix(lc, p) {
			return true
		}
	}
	return false
}

// titles are the courtesy and academic titles that put a person's name in
// a text: "Dr Jane Smith", "Prof. Khan", "Ms J. Patel".
var titles = map[string]bool{"Dr": true, "Prof": true, "Professor": true, "Mr": true, "Mrs": true, "Ms": true, "Miss": true, "Mx": true}

// orgWords end names that are not people even when they start like one:
// "Dr Foster Intelligence", "Sir Jules Thorn Trust", "Professor Smith
// Building". A titled name followed by one of them is left alone.
var orgWords = map[string]bool{
	"trust": true, "foundation": true, "institute": true, "centre": true, "center": true, "building": true, "hospital": true,
	"unit": true, "fund": true, "award": true, "awards": true, "lecture": true, "fellowship": true, "prize": true,
	"intelligence": true, "ward": true, "school": true, "college": true, "laboratory": true, "laboratories": true,
	"library": true, "hall": true, "house": true, "road": true, "street": true, "charity": true, "clinic": true,
	"programme": true, "program": true, "scholarship": true, "wing": true, "theatre": true, "ltd": true, "limited": true,
	"group": true, "society": true, "university": true, "faculty": true, "department": true, "surgery": true, "practice": true,
	"medical": true, "health": true, "study": true, "studies": true, "trial": true, "cohort": true, "syndrome": true,
	"disease": true, "scale": true, "score": true, "index": true, "method": true, "test": true, "criteria": true,
}

// nameStop are capitalised words that cannot be a name after a title.
var nameStop = map[string]bool{"The": true, "And": true, "Of": true, "For": true, "In": true, "On": true, "At": true, "To": true, "A": true, "An": true}

// titledName reads a title at toks[i] followed by initials and up to two
// names; ok is false when no name follows or the whole names a place or a
// body (orgWords).
func titledName(line string, toks []token, i int) (nameMark, bool) {
	j := i + 1
	initials, names := 0, 0
	for j < len(toks) && initials < 3 && isInitial(toks[j].core(line)) {
		j++
		initials++
	}
	for j < len(toks) && names < 2 && isNameWord(toks[j].core(line)) {
		if orgWords[toks[j].key] {
			return nameMark{}, false
		}
		j++
		names++
		// A name ends at punctuation: "Dr Smith, Mr Jones".
		if toks[j-1].ce != toks[j-1].end {
			break
		}
	}
	if initials+names == 0 {
		return nameMark{}, false
	}
	if j < len(toks) && orgWords[toks[j].key] && toks[j-1].ce == toks[j-1].end {
		return nameMark{}, false
	}
	return nameMark{start: toks[i].cs, end: toks[j-1].ce}, true
}

func isInitial(core string) bool {
	r, n := utf8.DecodeRuneInString(core)
	return n == len(core) && unicode.IsUpper(r)
}

// isNameWord reports whether a word can be a personal name: a capital, then
// at least one small letter; letters, apostrophes and hyphens only
// (O'Neill, Smith-Jones, McDonald).
func isNameWord(core string) bool {
	core = strings.TrimSuffix(strings.TrimSuffix(core, "'s"), "’s")
	if nameStop[core] {
		return false
	}
	first, _ := utf8.DecodeRuneInString(core)
	if !unicode.IsUpper(first) {
		return false
	}
	lower := 0
	for _, r := range core {
		switch {
		case unicode.IsLower(r):
			lower++
		case unicode.IsUpper(r), r == '\'', r == '’', r == '-':
		default:
			return false
		}
	}
	return lower > 0
}

// nameKey folds a word for comparing names: lower case, accents off,
// apostrophes straight, a possessive ending gone (Siân's → sian).
func nameKey(w string) string {
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r == '’':
			b.WriteByte('\'')
		case r < utf8.RuneSelf:
			b.WriteRune(unicode.ToLower(r))
		default:
			b.WriteRune(foldAccent(unicode.ToLower(r)))
		}
	}
	return b.String()
}
