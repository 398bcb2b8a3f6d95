package forms

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// The plain-language review of one published text: the Flesch figures and
// what a member of the public would stumble on. Offsets are bytes into the
// text, so a screen can mark the words.

// Thresholds. Where each comes from is said in assets/guidance/public-entry.md
// (and register_calibration_test.go checks them against sample texts).
const (
	// LongSentenceWords: a sentence of more words than this is "too long".
	LongSentenceWords = 40
	// HardReadingEase: a text scoring below this on Flesch reading ease is
	// harder than nine in ten published register texts.
	HardReadingEase = 5
	// MinWordsForReadingEase: Flesch made his formula for samples of 100
	// words; a shorter text's figure swings on one word, so it is shown
	// but not advised on.
	MinWordsForReadingEase = 100
)

// TextReview is the plain-language reading of one text.
type TextReview struct {
	Words     int `json:"words"`
	Sentences int `json:"sentences"`
	Syllables int `json:"syllables"`
	// LongestSentence is the word count of the longest sentence.
	LongestSentence int            `json:"longest_sentence_words"`
	LongSentences   []LongSentence `json:"long_sentences,omitempty"`
	// Acronyms are abbreviations not spelt out before their first use in
	// the entry (the register shows its texts in order).
	Acronyms []AcronymNote `json:"acronyms_not_spelt_out,omitempty"`
	Jargon   []JargonNote  `json:"jargon,omitempty"`
	Names    []NameNote    `json:"names_of_people,omitempty"`
}

// LongSentence is a sentence over LongSentenceWords words.
type LongSentence struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Words   int    `json:"words"`
	Opening string `json:"opening"`
}

// AcronymNote is the first use of an abbreviation that the reader has not
// been told the meaning of. Expansion is what it usually stands for, when
// the app's list knows it.
type AcronymNote struct {
	Acronym   string `json:"acronym"`
	Expansion string `json:"expansion,omitempty"`
	Start     int    `json:"start"`
}

// JargonNote is a word or phrase with a plainer way to say it.
type JargonNote struct {
	Term       string `json:"term"`
	Suggestion string `json:"suggestion"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

// NameNote is the name of an individual in a text that describes roles.
type NameNote struct {
	Name string `json:"name"`
	// Person is set when the name is one of the draft's own people.
	Person bool `json:"person_in_draft"`
	Start  int  `json:"start"`
	End    int  `json:"end"`
}

// ReadingEase is Flesch's reading ease of the text: 206.835 − 1.015 ×
// words per sentence − 84.6 × syllables per word. Higher is easier; 60–70
// is plain English. ok is false for a text with no words.
func (r TextReview) ReadingEase() (float64, bool) {
	if r.Words == 0 || r.Sentences == 0 {
		return 0, false
	}
	return FleschReadingEase(r.Words, r.Sentences, r.Syllables), true
}

// Grade is the Flesch–Kincaid grade level: 0.39 × words per sentence +
// 11.8 × syllables per word − 15.59, a US school grade; add 5 for a
// reading age in years.
func (r TextReview) Grade() (float64, bool) {
	if r.Words == 0 || r.Sentences == 0 {
		return 0, false
	}
	return FleschKincaidGrade(r.Words, r.Sentences, r.Syllables), true
}

// FleschReadingEase computes Flesch's reading ease from the counts.
func FleschReadingEase(words, sentences, syllables int) float64 {
	return 206.835 - 1.015*float64(words)/float64(sentences) - 84.6*float64(syllables)/float64(words)
}

// FleschKincaidGrade computes the Flesch–Kincaid grade level from the counts.
func FleschKincaidGrade(words, sentences, syllables int) float64 {
	return 0.39*float64(words)/float64(sentences) + 11.8*float64(syllables)/float64(words) - 15.59
}

// ReadingAge says what a Flesch–Kincaid grade means for a UK reader: the
// grade plus five is a reading age, up to school leaving.
func ReadingAge(grade float64) string {
	switch {
	case grade >= 16:
		return "postgraduate level"
	case grade >= 13:
		return "university level"
	case grade < 1:
		return "reading age under 6"
	}
	return fmt.Sprintf("reading age about %d", int(math.Round(grade))+5)
}

// ReadingEaseBand names a reading-ease score in Flesch's own bands.
func ReadingEaseBand(score float64) string {
	switch {
	case score >= 90:
		return "very easy"
	case score >= 80:
		return "easy"
	case score >= 70:
		return "fairly easy"
	case score >= 60:
		return "plain English"
	case score >= 50:
		return "fairly difficult"
	case score >= 30:
		return "difficult"
	}
	return "very difficult"
}

// reviewState carries what the review of one entry learns as it reads its
// texts in order: which abbreviations the reader has been told, which are
// already reported, and whose names to look for.
type reviewState struct {
	defined  map[string]bool
	reported map[string]bool
	// people maps a family name (nameKey) to the draft's people so named.
	people map[string][]personName
	// exclude are names of bodies, places and data sets: a name inside one
	// of them is not a person's.
	exclude []string
	// bodyAcronyms are abbreviations in the names of the draft's bodies and
	// places ("Arden and GEM Commissioning Support Unit"): part of a proper
	// name, not for the applicant to spell out.
	bodyAcronyms map[string]bool
}

type personName struct {
	given, family string
}

func newReviewState() *reviewState {
	return &reviewState{defined: map[string]bool{}, reported: map[string]bool{}, people: map[string][]personName{}, bodyAcronyms: map[string]bool{}}
}

// fork is a copy to review texts with: what the texts define and report
// is its own; the people and bodies are shared, read only.
func (st *reviewState) fork() *reviewState {
	c := *st
	c.defined = make(map[string]bool, len(st.defined))
	for k := range st.defined {
		c.defined[k] = true
	}
	c.reported = map[string]bool{}
	return &c
}

// addBody registers the name of an organisation or place in the draft.
func (st *reviewState) addBody(name string) {
	if strings.TrimSpace(name) == "" {
		return
	}
	st.exclude = append(st.exclude, name)
	for _, w := range strings.Fields(name) {
		st.bodyAcronyms = appendBodyAcronyms(st.bodyAcronyms, strings.Trim(w, wordPunct))
	}
}

func appendBodyAcronyms(m map[string]bool, core string) map[string]bool {
	for _, u := range appendAcronymUses(nil, core, 0) {
		m[u.acronym] = true
	}
	return m
}

// addPerson registers a person's name as written in the draft ("Dr Siân
// Wyn"). Only names of two to four capitalised words count: "Siân" alone,
// or a role such as "Director of Research Services", could match ordinary
// words.
func (st *reviewState) addPerson(name string) {
	var ws []string
	for _, w := range strings.Fields(name) {
		w = strings.Trim(w, wordPunct)
		if w == "" || titles[w] || strings.EqualFold(w, "Sir") || strings.EqualFold(w, "Dame") {
			continue
		}
		if !isNameWord(w) {
			if isInitial(w) {
				continue
			}
			return
		}
		ws = append(ws, nameKey(w))
	}
	if len(ws) < 2 || len(ws) > 4 {
		return
	}
	p := personName{given: ws[0], family: ws[len(ws)-1]}
	for _, q := range st.people[p.family] {
		if q == p {
			return
		}
	}
	st.people[p.family] = append(st.people[p.family], p)
}

// define records the abbreviations a text defines without reporting any
// (the title and the data set names, which the register shows first).
func (st *reviewState) define(text string) {
	forLines(text, func(_ int, lf *lineFacts) {
		for _, d := range lf.defs {
			st.defined[d.acronym] = true
		}
	})
}

// forLines calls f with each line's offset and facts.
func forLines(text string, f func(off int, lf *lineFacts)) {
	off := 0
	for {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			f(off, cachedLine(text[off:]))
			return
		}
		f(off, cachedLine(text[off:off+end]))
		off += end + 1
	}
}

// review reads one text, after those before it in the entry.
func (st *reviewState) review(text string) TextReview {
	var r TextReview
	l := plainLists()
	seenJargon := map[string]bool{}
	forLines(text, func(off int, lf *lineFacts) {
		line := text[off : off+lineLen(text, off)]
		r.Words += lf.words
		r.Syllables += lf.syllables
		r.Sentences += len(lf.sentences)
		for _, s := range lf.sentences {
			r.LongestSentence = max(r.LongestSentence, s.words)
			if s.words > LongSentenceWords {
				r.LongSentences = append(r.LongSentences, LongSentence{Start: off + s.start, End: off + s.end, Words: s.words, Opening: opening(line[s.start:s.end], 8)})
			}
		}
		for _, u := range lf.acronyms {
			info, known := l.acronyms[u.acronym]
			if (known && info.Expansion == "") || st.defined[u.acronym] || st.reported[u.acronym] || st.bodyAcronyms[u.acronym] || definedBefore(lf.defs, u) {
				continue
			}
			st.reported[u.acronym] = true
			r.Acronyms = append(r.Acronyms, AcronymNote{Acronym: u.acronym, Expansion: info.Expansion, Start: off + u.at})
		}
		for _, d := range lf.defs {
			st.defined[d.acronym] = true
		}
		for _, j := range lf.jargon {
			if seenJargon[j.p.entry] {
				continue
			}
			seenJargon[j.p.entry] = true
			r.Jargon = append(r.Jargon, JargonNote{Term: line[j.start:j.end], Suggestion: j.p.suggestion, Start: off + j.start, End: off + j.end})
		}
		r.Names = st.names(r.Names, line, off, lf)
	})
	return r
}

func lineLen(text string, off int) int {
	if end := strings.IndexByte(text[off:], '\n'); end >= 0 {
		return end
	}
	return len(text) - off
}

func definedBefore(defs []acronymMark, u acronymMark) bool {
	for _, d := range defs {
		if d.acronym == u.acronym && d.at <= u.at {
			return true
		}
	}
	return false
}

// names adds the titled names and the draft's own people named in a line,
// in the order they stand.
func (st *reviewState) names(out []NameNote, line string, off int, lf *lineFacts) []NameNote {
	from := len(out)
	out = st.lineNames(out, line, off, lf)
	if added := out[from:]; len(added) > 1 {
		sort.SliceStable(added, func(i, j int) bool { return added[i].Start < added[j].Start })
	}
	return out
}

func (st *reviewState) lineNames(out []NameNote, line string, off int, lf *lineFacts) []NameNote {
	for _, m := range lf.titled {
		if st.excluded(line[m.start:m.end]) {
			continue
		}
		out = append(out, NameNote{Name: line[m.start:m.end], Start: off + m.start, End: off + m.end})
	}
	if len(st.people) == 0 {
		return out
	}
	for _, cw := range lf.caps {
		for _, p := range st.people[cw.key] {
			start, ok := givenBefore(cw, p.given)
			if !ok {
				continue
			}
			// "Florence Nightingale Faculty" names a body, not the person.
			if orgWords[cw.after] {
				continue
			}
			name := line[start:cw.end]
			if st.excluded(name) {
				continue
			}
			out = mergeName(out, NameNote{Name: name, Person: true, Start: off + start, End: off + cw.end})
			break
		}
	}
	return out
}

// givenBefore finds the given name (or its initial) just before a family
// name, allowing one middle name or initial between; it returns where the
// name starts.
func givenBefore(cw capWord, given string) (int, bool) {
	for i, w := range cw.before {
		if w.key == given || (w.initial && strings.HasPrefix(given, w.key)) {
			return w.start, true
		}
		if i == 0 && !(w.initial || w.name) {
			return 0, false
		}
	}
	return 0, false
}

// mergeName adds n unless it overlaps a name already found (a titled name
// that is also one of the draft's people); then that one is marked.
func mergeName(out []NameNote, n NameNote) []NameNote {
	for i := range out {
		if n.Start < out[i].End && out[i].Start < n.End {
			out[i].Person = true
			return out
		}
	}
	return append(out, n)
}

func (st *reviewState) excluded(name string) bool {
	for _, x := range st.exclude {
		if strings.Contains(x, name) {
			return true
		}
	}
	return false
}

// opening is the first n words of a sentence, for quoting it.
func opening(s string, n int) string {
	ws := strings.Fields(s)
	if len(ws) <= n {
		return strings.Join(ws, " ")
	}
	return strings.Join(ws[:n], " ") + " …"
}
