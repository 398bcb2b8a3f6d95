package forms

import (
	"strings"
	"sync"

	"github.com/darsworkbench/dars-workbench/assets"
)

// The word lists behind the plain-language checks live in
// assets/plainlanguage as data; they are read once, on first use.

// acronymInfo is one abbreviation of the list.
type acronymInfo struct {
	// Expansion is what it stands for; "" marks one every reader knows.
	Expansion string
}

// phrase is a run of lower-case words to find in text, with what it means:
// an acronym's expansion (spelling it out defines the acronym) or a jargon
// term (with a plainer suggestion).
type phrase struct {
	words []string
	// acronym is set for an expansion; term and suggestion for jargon.
	acronym    string
	term       string
	suggestion string
	// entry is the list line's terms, shared by its variants, so that a
	// text names the line once (facilitate, facilitating).
	entry string
}

type wordLists struct {
	acronyms map[string]acronymInfo
	// expansions and jargon are keyed by their first word.
	expansions map[string][]phrase
	jargon     map[string][]phrase
}

var (
	listsOnce sync.Once
	lists     wordLists
)

func plainLists() *wordLists {
	listsOnce.Do(func() {
		lists = parseWordLists(assets.Acronyms, assets.Jargon)
	})
	return &lists
}

// parseWordLists reads the two lists; a line it cannot read is skipped (the
// lists ship with the app and a test reads every line).
func parseWordLists(acronyms, jargon string) wordLists {
	l := wordLists{acronyms: map[string]acronymInfo{}, expansions: map[string][]phrase{}, jargon: map[string][]phrase{}}
	for _, line := range dataLines(acronyms) {
		acr, exp, _ := strings.Cut(line, "\t")
		acr, exp = strings.TrimSpace(acr), strings.TrimSpace(exp)
		if acr == "" {
			continue
		}
		l.acronyms[acr] = acronymInfo{Expansion: exp}
		for _, alt := range strings.Split(exp, "|") {
			if ws := lowerWords(alt); len(ws) >= 2 {
				l.expansions[ws[0]] = append(l.expansions[ws[0]], phrase{words: ws, acronym: acr})
			}
		}
	}
	for _, line := range dataLines(jargon) {
		terms, suggestion, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		for _, term := range strings.Split(terms, "|") {
			if ws := lowerWords(term); len(ws) > 0 {
				l.jargon[ws[0]] = append(l.jargon[ws[0]], phrase{words: ws, term: strings.TrimSpace(term), suggestion: strings.TrimSpace(suggestion), entry: terms})
			}
		}
	}
	return l
}

// dataLines is the lines of a list that are neither blank nor comments.
func dataLines(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out
}

// lowerWords splits a phrase into its lower-case words, as text is matched.
func lowerWords(s string) []string {
	var out []string
	for _, w := range strings.Fields(s) {
		if k := matchKey(w); k != "" {
			out = append(out, k)
		}
	}
	return out
}

// matchKey is a word as phrases match it: lower case, surrounding
// punctuation gone, curly apostrophes straight.
func matchKey(w string) string {
	w = strings.Trim(w, wordPunct)
	w = strings.ReplaceAll(w, "’", "'")
	return strings.ToLower(w)
}
