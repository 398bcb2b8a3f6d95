package forms_test

import (
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/assets"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reviewObjective reviews text as the draft's objective, after the draft's
// title and data sets, with its people and organisations.
func reviewObjective(a *forms.Application, text string) forms.TextReview {
	a.Purpose.Objective = text
	return forms.PublicTexts(a)[0].Review
}

func bareDraft() *forms.Application {
	return &forms.Application{Overview: forms.Overview{Title: "Kidney outcomes after childhood cancer"}}
}

// The counts below were made by hand, word by word, with the syllables a
// dictionary gives; the figures follow from Flesch's formulas.
func TestReadabilityMatchesHandCounts(t *testing.T) {
	tests := map[string]struct {
		text                        string
		words, sentences, syllables int
		ease, grade                 float64
		longest                     int
	}{
		"one plain sentence": {
			text:  "The cat sat on the mat.",
			words: 6, sentences: 1, syllables: 6,
			ease: 206.835 - 1.015*6 - 84.6*1, grade: 0.39*6 + 11.8*1 - 15.59, longest: 6,
		},
		"register prose": {
			// We(1) will(1) link(1) hospital(3) records(2) to(1) the(1) study(2) cohort(2): 9 words, 14
			// Analysts(3) will(1) look(1) at(1) the(1) data(2) in(1) a(1) secure(2) setting(2): 10 words, 15
			// Results(2) will(1) be(1) published(2) as(1) tables(2): 6 words, 9
			text:  "We will link hospital records to the study cohort. Analysts will look at the data in a secure setting. Results will be published as tables.",
			words: 25, sentences: 3, syllables: 38,
			ease: 206.835 - 1.015*25/3 - 84.6*38/25, grade: 0.39*25/3 + 11.8*38/25 - 15.59, longest: 10,
		},
		"abbreviations, figures, a list": {
			// Dr(1) Smith(1) et(1) al(1) reviewed(2) 2024(4, a syllable a digit) data(2) e.g.(1) HES(3, read
			// letter by letter): one sentence, since "Dr.", "al." and "e.g." do not end one: 9 words, 16.
			// List numbers are not words; each line is a sentence: Link(1) the(1) records(2); Publish(2) tables(2).
			text:  "Dr. Smith et al. reviewed 2024 data, e.g. HES.\n1. Link the records\n2. Publish tables",
			words: 14, sentences: 3, syllables: 24,
			ease: 206.835 - 1.015*14/3 - 84.6*24/14, grade: 0.39*14/3 + 11.8*24/14 - 15.59, longest: 9,
		},
		"paragraphs and a question": {
			// Why(1) link(1) data(2)? | It(1) saves(1) lives(1). | (blank line) | We(1) think(1) so(1)!
			text:  "Why link data?\nIt saves lives.\n\nWe think so!",
			words: 9, sentences: 3, syllables: 10,
			ease: 206.835 - 1.015*3 - 84.6*10/9, grade: 0.39*3 + 11.8*10/9 - 15.59, longest: 3,
		},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := reviewObjective(bareDraft(), tc.text)
			assert.Equal(t, tc.words, r.Words, "words")
			assert.Equal(t, tc.sentences, r.Sentences, "sentences")
			assert.Equal(t, tc.syllables, r.Syllables, "syllables")
			assert.Equal(t, tc.longest, r.LongestSentence, "longest sentence")
			ease, ok := r.ReadingEase()
			require.True(t, ok)
			assert.InDelta(t, tc.ease, ease, 0.0001)
			grade, ok := r.Grade()
			require.True(t, ok)
			assert.InDelta(t, tc.grade, grade, 0.0001)
		})
	}
	// The second case worked through: 206.835 − 1.015 × 8.333 − 84.6 × 1.52.
	ease, _ := reviewObjective(bareDraft(), tests["register prose"].text).ReadingEase()
	assert.InDelta(t, 69.78, ease, 0.01)
	_, ok := reviewObjective(bareDraft(), "  \n— \n").ReadingEase()
	assert.False(t, ok, "no words, no figure")
}

func TestReadingEaseBandsAndAges(t *testing.T) {
	assert.Equal(t, "plain English", forms.ReadingEaseBand(65))
	assert.Equal(t, "difficult", forms.ReadingEaseBand(30))
	assert.Equal(t, "very difficult", forms.ReadingEaseBand(-9))
	assert.Equal(t, "reading age about 13", forms.ReadingAge(8.2))
	assert.Equal(t, "university level", forms.ReadingAge(14))
	assert.Equal(t, "postgraduate level", forms.ReadingAge(19.5))
}

func words(n int) string {
	ws := make([]string, n)
	for i := range ws {
		ws[i] = "word"
	}
	return strings.Join(ws, " ")
}

func TestLongSentences(t *testing.T) {
	tests := map[string]struct {
		text  string
		fires []int // word counts of the long sentences
	}{
		"forty words is the limit":          {words(40) + ".", nil},
		"forty-one words fires":             {words(41) + ".", []int{41}},
		"an abbreviation does not split it": {words(20) + " e.g. " + words(20) + ".", []int{41}},
		"two sentences of thirty":           {words(30) + ". " + words(30) + ".", nil},
		"a list line without a full stop":   {"Outputs:\n" + words(45) + "\nMore.", []int{45}},
		"each long sentence":                {words(50) + "! Short. " + words(42) + "?", []int{50, 42}},
		"semicolons do not end one":         {words(25) + "; " + words(25) + ".", []int{50}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			r := reviewObjective(bareDraft(), tc.text)
			var got []int
			for _, s := range r.LongSentences {
				got = append(got, s.Words)
				assert.True(t, s.Start >= 0 && s.End <= len(tc.text) && s.Start < s.End)
				assert.True(t, strings.HasPrefix(tc.text[s.Start:], "word"))
			}
			assert.Equal(t, tc.fires, got)
		})
	}
}

func acronymsIn(r forms.TextReview) []string {
	var out []string
	for _, a := range r.Acronyms {
		out = append(out, a.Acronym)
	}
	return out
}

func TestAcronymsSpeltOutAtFirstUse(t *testing.T) {
	tests := map[string]struct {
		text  string
		draft func(a *forms.Application)
		want  []string
	}{
		"a known acronym not spelt out":      {text: "Extracts go to the TRE for analysis.", want: []string{"TRE"}},
		"an unknown one":                     {text: "The XQZ panel reviews outputs.", want: []string{"XQZ"}},
		"each reported once, in order":       {text: "HES and ONS data. More HES data, then ONS.", want: []string{"HES", "ONS"}},
		"a plural and a possessive":          {text: "The ICBs will use the CSU's reports.", want: []string{"ICB", "CSU"}},
		"used before it is defined":          {text: "The TRE holds it. The trusted research environment (TRE) is secure.", want: []string{"TRE"}},
		"defined in brackets after":          {text: "Trusted Research Environment (TRE) staff run the TRE.", want: nil},
		"defined with its meaning after":     {text: "TRE (trusted research environment) analysts.", want: nil},
		"introduced in brackets":             {text: "The Clinical Practice Research Datalink (hereafter CPRD) links it; CPRD holds it.", want: nil},
		"spelt out earlier without brackets": {text: "Hospital Episode Statistics record admissions; HES starts in 1989.", want: nil},
		"several defined at once":            {text: "Admitted patient care and outpatient data (HES APC, HES OP) from HES.", want: nil},
		"known to every reader":              {text: "NHS England, the UK, GPs, A&E and COVID-19.", want: nil},
		"a heading in capitals":              {text: "INVOICE VALIDATION\nInvoices are checked.", want: nil},
		"numbering and emphasis":             {text: "Phase II will NOT use the data.", want: nil},
		"references and codes":               {text: "REC 26/NW/0123 approved it; see DARS-NIC-123456-AB1C2.", want: []string{"REC"}},
		"a shouted word is not one":          {text: "PURPOSE: to link records.", want: nil},
		"defined by the title": {text: "YLST recruits smokers.", want: nil,
			draft: func(a *forms.Application) { a.Overview.Title = "Yorkshire Lung Screening Trial (YLST)" }},
		"defined by a data set's name": {text: "HES APC episodes.", want: nil,
			draft: func(a *forms.Application) {
				a.Data.Products = []forms.ProductRequest{{Name: "Hospital Episode Statistics Admitted Patient Care (HES APC)"}}
			}},
		"part of an organisation's name": {text: "Arden and GEM Commissioning Support Unit processes it.", want: nil,
			draft: func(a *forms.Application) {
				a.Organisations = []forms.Organisation{{Name: "Arden and GEM Commissioning Support Unit"}}
			}},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := bareDraft()
			if tc.draft != nil {
				tc.draft(a)
			}
			r := reviewObjective(a, tc.text)
			assert.Equal(t, tc.want, acronymsIn(r))
			for _, n := range r.Acronyms {
				assert.True(t, strings.HasPrefix(tc.text[n.Start:], n.Acronym), "offset of %s", n.Acronym)
			}
		})
	}
}

func TestAcronymsAcrossTheEntry(t *testing.T) {
	a := bareDraft()
	a.Purpose.Objective = "We will use a trusted research environment (TRE)."
	a.Purpose.ProcessingActivities = "The TRE holds the data; IGARD reviews the release."
	a.Purpose.ExpectedOutputs = "Tables leave the TRE after checks by IGARD."
	ts := forms.PublicTexts(a)
	assert.Empty(t, ts[0].Review.Acronyms)
	assert.Equal(t, []string{"IGARD"}, acronymsIn(ts[1].Review), "defined in the objective, so only IGARD")
	assert.Empty(t, ts[2].Review.Acronyms, "IGARD was reported at its first use")
	assert.Equal(t, "Independent Group Advising on the Release of Data", ts[1].Review.Acronyms[0].Expansion)
}

func namesIn(r forms.TextReview) []string {
	var out []string
	for _, n := range r.Names {
		out = append(out, n.Name)
	}
	return out
}

func TestNamesOfPeople(t *testing.T) {
	withPeople := func(a *forms.Application) {
		a.Overview.LeadApplicant = "Dr Siân Wyn"
		a.People = []forms.Person{{Name: "Tomás O'Neill"}, {Name: "Dr Ann Parkinson"}, {Name: "Florence Nightingale"}}
		a.Organisations = []forms.Organisation{{Name: "University of Exampleton", DSASignatory: "Director of Research Services"}, {Name: "Jane Smith Foundation"}}
	}
	tests := map[string]struct {
		text string
		want []string
	}{
		// Names that fire.
		"a titled name":            {"The study is led by Dr Jane Smith at the university.", []string{"Dr Jane Smith"}},
		"a title with a full stop": {"Prof. Khan chairs the steering group.", []string{"Prof. Khan"}},
		"a title and initials":     {"Analysis by Ms J. K. Patel and Mr Lee.", []string{"Ms J. K. Patel", "Mr Lee"}},
		"a titled apostrophe name": {"Checked by Dr. O'Neill-Byrne weekly.", []string{"Dr. O'Neill-Byrne"}},
		"a professor":              {"Professor Ann Lee will review outputs.", []string{"Professor Ann Lee"}},
		"the draft's person":       {"Siân Wyn leads the analysis.", []string{"Siân Wyn"}},
		"without the accent":       {"Sian Wyn leads the analysis.", []string{"Sian Wyn"}},
		"by initial":               {"S. Wyn leads the analysis.", []string{"S. Wyn"}},
		"possessive":               {"Tomás O'Neill's team runs the models.", []string{"Tomás O'Neill's"}},
		"curly apostrophe":         {"Tomás O’Neill runs the models.", []string{"Tomás O’Neill"}},
		"titled and in the draft":  {"Dr Siân Wyn leads it.", []string{"Dr Siân Wyn"}},
		// Names that must not fire.
		"roles":                     {"The chief investigator and a statistician analyse the data.", nil},
		"eponymous diseases":        {"People with Alzheimer's disease, Crohn's disease or Parkinson's disease.", nil},
		"a syndrome and a lymphoma": {"Down syndrome and Hodgkin lymphoma.", nil},
		"a surname alone":           {"Parkinson and O'Neill are common names; Wyn is a Welsh word.", nil},
		"organisations":             {"King's College London and the Jane Smith Foundation fund it.", nil},
		"an eponymous company":      {"Benchmarks come from Dr Foster Intelligence.", nil},
		"a titled building":         {"Data stays in the Professor Smith Building.", nil},
		"a person's name on a body": {"Nurses at the Florence Nightingale Faculty.", nil},
		"places":                    {"Sites in St Albans, Guy's and St Thomas' and Milton Keynes.", nil},
		"a title with no name":      {"A professor of epidemiology and the Dr on call.", nil},
		"a data set":                {"Civil Registrations of Death and the Personal Demographics Service.", nil},
		"the signatory's role":      {"The Director of Research Services signs the agreement.", nil},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := bareDraft()
			withPeople(a)
			r := reviewObjective(a, tc.text)
			assert.Equal(t, tc.want, namesIn(r))
			for _, n := range r.Names {
				assert.Equal(t, n.Name, tc.text[n.Start:n.End])
			}
		})
	}
	r := reviewObjective(func() *forms.Application { a := bareDraft(); withPeople(a); return a }(), "Siân Wyn and Dr Jane Smith.")
	require.Len(t, r.Names, 2)
	assert.True(t, r.Names[0].Person, "one of the draft's people")
	assert.False(t, r.Names[1].Person)
}

func TestJargon(t *testing.T) {
	r := reviewObjective(bareDraft(), "In order to utilise the data going forward, we will utilise a TRE, utilising it well.")
	var terms []string
	for _, j := range r.Jargon {
		terms = append(terms, j.Term+" → "+j.Suggestion)
	}
	assert.Equal(t, []string{"In order to → to", "utilise → use", "going forward → in future"}, terms, "each term once, in order, its variants too")
	assert.Empty(t, reviewObjective(bareDraft(), "Records in order of date; we use the data to go forward.").Jargon)
}

func TestWordListsParse(t *testing.T) {
	// Every line of the shipped lists is read: a line the parser skipped
	// would silently weaken a check.
	for name, list := range map[string]string{"acronyms": assets.Acronyms, "jargon": assets.Jargon} {
		for _, line := range strings.Split(list, "\n") {
			if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
				continue
			}
			assert.Contains(t, line, "\t", "%s: %q has no tab", name, line)
		}
	}
	for _, acr := range []string{"HES", "ONS", "TRE", "SDE", "REC", "IRAS", "DSPT", "CAG", "IGARD"} {
		r := reviewObjective(bareDraft(), "The "+acr+" team.")
		if assert.Len(t, r.Acronyms, 1, acr) {
			assert.NotEmpty(t, r.Acronyms[0].Expansion, "%s has an expansion in the list", acr)
		}
	}
	for _, acr := range []string{"NHS", "UK", "GP", "A&E"} {
		assert.Empty(t, reviewObjective(bareDraft(), "The "+acr+" team.").Acronyms, acr)
	}
}

func FuzzReviewText(f *testing.F) {
	for _, s := range []string{"Dr Jane Smith (JS) uses HES.\n1. Trusted Research Environment (TRE)", "((()", "e.g. ... ?!", "Siân Wyn’s O'Neill-Byrne", "A\nB\n\nC. D", "(HES APC, HES OP) 26/NW/0123"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a := bareDraft()
		a.People = []forms.Person{{Name: "Dr Siân Wyn"}}
		r := reviewObjective(a, text)
		assert.LessOrEqual(t, r.Sentences, r.Words+1)
		assert.LessOrEqual(t, r.LongestSentence, r.Words)
		for _, s := range r.LongSentences {
			assert.True(t, 0 <= s.Start && s.Start < s.End && s.End <= len(text))
		}
		for _, n := range r.Names {
			assert.True(t, 0 <= n.Start && n.Start < n.End && n.End <= len(text))
		}
		for _, n := range r.Acronyms {
			assert.True(t, 0 <= n.Start && n.Start < len(text))
		}
		for _, j := range r.Jargon {
			assert.True(t, 0 <= j.Start && j.Start < j.End && j.End <= len(text))
		}
	})
}
