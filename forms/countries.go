package forms

import (
	"strings"
	"unicode"
)

// Adequacy says whether UK law recognises a country's data protection as
// adequate for transfers from the UK (R-T3).
type Adequacy int

const (
	// NoAdequacy: a transfer needs a Transfer Risk Assessment.
	NoAdequacy Adequacy = iota
	// PartialAdequacy: the decision covers only some organisations or
	// sectors (for example certified US companies), so a TRA may still be due.
	PartialAdequacy
	// FullAdequacy: the whole country is covered.
	FullAdequacy
)

// Country is what the territory rules need to know about a location's
// country (R-T2, R-T3).
type Country struct {
	Name string
	// EnglandWales is true for England and Wales, the narrowest territory.
	EnglandWales bool
	// UK is true for the four nations and for "United Kingdom" itself.
	UK bool
	// Nation is false when only "United Kingdom" was given, so whether the
	// place lies in England and Wales is not known.
	Nation   bool
	EEA      bool
	Adequacy Adequacy
	// AdequacyNote says what a partial decision covers.
	AdequacyNote string
}

// OutsideUK reports whether data held here leaves the UK (R-T3).
func (c Country) OutsideUK() bool { return !c.UK }

// NeedsTRA reports whether a transfer here needs a Transfer Risk Assessment
// regardless of the recipient (R-T3).
func (c Country) NeedsTRA() bool { return !c.UK && c.Adequacy == NoAdequacy }

// Label is the territory as a person reads it.
func (t Territory) Label() string { return LabelOf(TerritoryChoices, string(t)) }

// Contains reports whether a place in country c lies inside the territory
// (R-T2). A bare "United Kingdom" is taken to be inside England and Wales:
// the territory rules advise naming the nation instead of refusing it.
func (t Territory) Contains(c Country) bool {
	switch t {
	case TerritoryEnglandWales:
		return c.EnglandWales || (c.UK && !c.Nation)
	case TerritoryUK:
		return c.UK
	case TerritoryUKEEA:
		return c.UK || c.EEA
	case TerritoryWorldwide:
		return true
	}
	return false
}

type countryEntry struct {
	name    string
	kind    byte // 'e' England/Wales, 'n' other UK nation, 'u' UK unspecified, 'a' EEA, 'd' adequate, 'p' partial, 'x' other
	note    string
	aliases []string
}

// countryTable lists the UK nations, the EEA states, the countries with a UK
// adequacy decision (adequacy regulations, including those carried over from
// EU decisions at the end of 2020, the Republic of Korea and the US data
// bridge) and common other destinations, with spellings people use.
// Everything else is classified as having no adequacy decision.
var countryTable = []countryEntry{
	{"England", 'e', "", []string{"eng"}},
	{"Wales", 'e', "", []string{"cymru"}},
	{"England and Wales", 'e', "", []string{"england & wales", "e&w"}},
	{"Scotland", 'n', "", []string{"alba"}},
	{"Northern Ireland", 'n', "", []string{"ni", "n ireland", "n. ireland"}},
	{"United Kingdom", 'u', "", []string{"uk", "u.k.", "u k", "gb", "gbr", "great britain", "britain", "united kingdom of great britain and northern ireland"}},

	{"Austria", 'a', "", []string{"at", "österreich", "osterreich"}},
	{"Belgium", 'a', "", []string{"be", "belgique", "belgië", "belgie"}},
	{"Bulgaria", 'a', "", []string{"bg"}},
	{"Croatia", 'a', "", []string{"hr", "hrvatska"}},
	{"Cyprus", 'a', "", []string{"cy"}},
	{"Czechia", 'a', "", []string{"cz", "czech republic"}},
	{"Denmark", 'a', "", []string{"dk", "danmark"}},
	{"Estonia", 'a', "", []string{"ee", "eesti"}},
	{"Finland", 'a', "", []string{"fi", "suomi"}},
	{"France", 'a', "", []string{"fr"}},
	{"Germany", 'a', "", []string{"de", "deutschland"}},
	{"Greece", 'a', "", []string{"gr", "hellas"}},
	{"Hungary", 'a', "", []string{"hu", "magyarország", "magyarorszag"}},
	{"Ireland", 'a', "", []string{"ie", "republic of ireland", "eire", "éire", "roi"}},
	{"Italy", 'a', "", []string{"it", "italia"}},
	{"Latvia", 'a', "", []string{"lv"}},
	{"Lithuania", 'a', "", []string{"lt"}},
	{"Luxembourg", 'a', "", []string{"lu"}},
	{"Malta", 'a', "", []string{"mt"}},
	{"Netherlands", 'a', "", []string{"nl", "the netherlands", "holland", "nederland"}},
	{"Poland", 'a', "", []string{"pl", "polska"}},
	{"Portugal", 'a', "", []string{"pt"}},
	{"Romania", 'a', "", []string{"ro"}},
	{"Slovakia", 'a', "", []string{"sk", "slovak republic"}},
	{"Slovenia", 'a', "", []string{"si"}},
	{"Spain", 'a', "", []string{"es", "españa", "espana"}},
	{"Sweden", 'a', "", []string{"se", "sverige"}},
	{"Iceland", 'a', "", []string{"is"}},
	{"Liechtenstein", 'a', "", []string{"li"}},
	{"Norway", 'a', "", []string{"no", "norge"}},

	{"Andorra", 'd', "", []string{"ad"}},
	{"Argentina", 'd', "", []string{"ar"}},
	{"Faroe Islands", 'd', "", []string{"fo", "faroes", "faeroe islands"}},
	{"Gibraltar", 'd', "", []string{"gi"}},
	{"Guernsey", 'd', "", []string{"gg"}},
	{"Isle of Man", 'd', "", []string{"im"}},
	{"Israel", 'd', "", []string{"il"}},
	{"Jersey", 'd', "", []string{"je"}},
	{"New Zealand", 'd', "", []string{"nz", "aotearoa"}},
	{"Republic of Korea", 'd', "", []string{"kr", "korea", "south korea"}},
	{"Switzerland", 'd', "", []string{"ch", "schweiz", "suisse"}},
	{"Uruguay", 'd', "", []string{"uy"}},
	{"Canada", 'p', "covers organisations subject to Canada's federal private-sector law (PIPEDA) only", []string{"ca"}},
	{"Japan", 'p', "covers the private sector only", []string{"jp", "nippon"}},
	{"United States", 'p', "covers only organisations certified under the UK extension to the EU-US Data Privacy Framework", []string{"us", "usa", "u.s.", "u.s.a.", "united states of america", "america"}},

	{"Australia", 'x', "", []string{"au"}},
	{"Brazil", 'x', "", []string{"br", "brasil"}},
	{"China", 'x', "", []string{"cn", "people's republic of china", "prc"}},
	{"Hong Kong", 'x', "", []string{"hk"}},
	{"India", 'x', "", []string{"in"}},
	{"Singapore", 'x', "", []string{"sg"}},
	{"South Africa", 'x', "", []string{"za"}},
	{"United Arab Emirates", 'x', "", []string{"uae", "ae"}},
}

var countryIndex = buildCountryIndex()

func buildCountryIndex() map[string]Country {
	idx := make(map[string]Country, len(countryTable)*4)
	for _, e := range countryTable {
		c := Country{Name: e.name, AdequacyNote: e.note}
		switch e.kind {
		case 'e':
			c.EnglandWales, c.UK, c.Nation, c.Adequacy = true, true, true, FullAdequacy
		case 'n':
			c.UK, c.Nation, c.Adequacy = true, true, FullAdequacy
		case 'u':
			c.UK, c.Adequacy = true, FullAdequacy
		case 'a':
			c.EEA, c.Adequacy = true, FullAdequacy
		case 'd':
			c.Adequacy = FullAdequacy
		case 'p':
			c.Adequacy = PartialAdequacy
		}
		idx[countryKey(e.name)] = c
		for _, a := range e.aliases {
			idx[countryKey(a)] = c
		}
	}
	return idx
}

// countryKey folds case, punctuation and spacing so that "U.K.", "uk" and
// " United  Kingdom " meet, and drops a leading "the".
func countryKey(s string) string {
	var b strings.Builder
	space := false
	for _, r := range strings.ToLower(strings.TrimSpace(s)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '&' || r == '\'':
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		default:
			// Full stops inside abbreviations ("U.K.") join rather than split.
			if r != '.' {
				space = true
			}
		}
	}
	return strings.TrimPrefix(b.String(), "the ")
}

// LookupCountry classifies a country as typed by a person; ok is false when
// the name is not known, so the caller can ask for a clearer one.
func LookupCountry(s string) (Country, bool) {
	k := countryKey(s)
	if k == "" {
		return Country{}, false
	}
	c, ok := countryIndex[k]
	return c, ok
}

// NormaliseCountry returns the usual English name of a country, or the input
// trimmed when the country is not known.
func NormaliseCountry(s string) string {
	if c, ok := LookupCountry(s); ok {
		return c.Name
	}
	return strings.TrimSpace(s)
}
