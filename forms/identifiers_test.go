package forms_test

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nhsNumber completes nine digits with their Modulus 11 check digit; ok is
// false when no check digit exists (remainder 1).
func nhsNumber(nine string) (string, bool) {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(nine[i]-'0') * (10 - i)
	}
	c := 11 - sum%11
	if c == 11 {
		c = 0
	}
	if c == 10 {
		return "", false
	}
	return nine + string(rune('0'+c)), true
}

// plantedNumbers returns n valid NHS numbers from a fixed seed.
func plantedNumbers(n int) []string {
	r := rand.New(rand.NewPCG(1, 2))
	var out []string
	for len(out) < n {
		nine := fmt.Sprintf("%09d", r.IntN(1_000_000_000))
		if num, ok := nhsNumber(nine); ok && num != "0000000000" {
			out = append(out, num)
		}
	}
	return out
}

func kinds(hits []forms.IdentifierHit) []forms.IdentifierKind {
	var ks []forms.IdentifierKind
	for _, h := range hits {
		ks = append(ks, h.Kind)
	}
	return ks
}

func TestValidNHSNumber(t *testing.T) {
	assert.True(t, forms.ValidNHSNumber("9434765919"))
	assert.False(t, forms.ValidNHSNumber("9434765918"), "wrong check digit")
	assert.False(t, forms.ValidNHSNumber("0000000000"), "placeholder")
	assert.False(t, forms.ValidNHSNumber("943476591"), "nine digits")
	assert.False(t, forms.ValidNHSNumber("94347659a9"))
}

func TestScanTextCatchesEveryPlantedNHSNumber(t *testing.T) {
	formats := map[string]func(n string) string{
		"plain":  func(n string) string { return n },
		"spaces": func(n string) string { return n[:3] + " " + n[3:6] + " " + n[6:] },
		"dashes": func(n string) string { return n[:3] + "-" + n[3:6] + "-" + n[6:] },
		"mixed":  func(n string) string { return n[:3] + " " + n[3:6] + "-" + n[6:] },
	}
	settings := []string{"%s", "Patient %s was recruited.", "NHS no:%s.", "(%s)", "ids: %s, 1234", "nhs%s"}
	for _, n := range plantedNumbers(300) {
		for fname, f := range formats {
			for _, s := range settings {
				text := fmt.Sprintf(s, f(n))
				hits := forms.ScanText(text)
				require.Equal(t, []forms.IdentifierKind{forms.IdentNHSNumber}, kinds(hits), "%s (%s)", text, fname)
				h := hits[0]
				assert.Equal(t, forms.Blocker, h.Severity)
				assert.Equal(t, f(n), text[h.Start:h.End])
				assert.NotContains(t, h.Shown, n[3:], "the message must not repeat the number")
			}
		}
	}
}

func TestScanTextCatchesNumbersSideBySide(t *testing.T) {
	ns := plantedNumbers(3)
	text := ns[0][:3] + " " + ns[0][3:6] + " " + ns[0][6:] + " " + ns[1][:3] + " " + ns[1][3:6] + " " + ns[1][6:] + "\n" + ns[2]
	assert.Len(t, forms.ScanText(text), 3)
}

func TestScanText(t *testing.T) {
	cases := map[string]struct {
		text string
		want []forms.IdentifierKind
	}{
		"example NHS number spaced": {"943 476 5919", []forms.IdentifierKind{forms.IdentNHSNumber}},
		"example NHS number dashed": {"943-476-5919", []forms.IdentifierKind{forms.IdentNHSNumber}},
		"failing check digit":       {"943 476 5918", nil},
		"eleven digits":             {"94347659190", nil},
		"IRAS ID":                   {"IRAS ID 312345; IRAS 1004567", nil},
		"Manchester phone":          {"Call 0161 496 0000 or 01614960000", nil},
		"London phone":              {"+44 20 7946 0000, 020 7946 0000", nil},
		"international NHS-shaped":  {"+44 161 496 0000 and +9434765919", nil},
		"ISRCTN":                    {"ISRCTN12345678", nil},
		"DARS reference":            {"DARS-NIC-116377-L5J9M-v2.1", nil},
		"CAG reference":             {"s251 support 18/CAG/0038, REC 26/NW/0123", nil},
		"DSPT code and grant":       {"DSPT EE133887-SCS, grant KR-2026-041, £9,800", nil},
		"UUID":                      {"00000000-0000-4000-8000-000000000001", nil},
		"dates without a person":    {"Consent form 2.0 used from 05/01/2015 to 2019-06-30, approved 3 March 2020.", nil},
		"date of birth":             {"Participant DOB 12/03/1984 was wrong", []forms.IdentifierKind{forms.IdentDateOfBirth}},
		"born on":                   {"She was born on 3 March 1984.", []forms.IdentifierKind{forms.IdentDateOfBirth}},
		"ISO date of birth":         {"date of birth: 1984-03-12", []forms.IdentifierKind{forms.IdentDateOfBirth}},
		"patient's date of death":   {"patient died 01.02.2020", []forms.IdentifierKind{forms.IdentDateOfBirth}},
		"impossible date":           {"DOB 45/13/1984", nil},
		"postcode of a patient":     {"The patient lives at M13 9PL.", []forms.IdentifierKind{forms.IdentPostcode}},
		"postcode without space":    {"patient postcode sw1a1aa", []forms.IdentifierKind{forms.IdentPostcode}},
		"site postcode":             {"Our TRE is in the data centre at LS2 9JT.", nil},
		"postcode district only":    {"patients living in M13", nil},
		"words that are not dob":    {"The adobe form from 01/02/2020", nil},
		"everything together":       {"Patient 9434765919, DOB 12/03/1984, lives at M13 9PL", []forms.IdentifierKind{forms.IdentNHSNumber, forms.IdentDateOfBirth, forms.IdentPostcode}},
		"empty":                     {"", nil},
		"no digits":                 {"Kidney outcomes after childhood cancer", nil},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			hits := forms.ScanText(tc.text)
			assert.Equal(t, tc.want, kinds(hits))
			for _, h := range hits {
				assert.NotEmpty(t, h.Why)
				assert.NotEmpty(t, h.Fix)
			}
		})
	}
}

func TestPatientIdentifierCheckScansEveryTextField(t *testing.T) {
	planted := "943 476 5919"
	cases := map[string]struct {
		edit    func(a *forms.Application)
		field   string
		section forms.SectionID
	}{
		"overview summary":     {func(a *forms.Application) { a.Overview.Summary += " " + planted }, "overview.summary", forms.SectionOverview},
		"product field reason": {func(a *forms.Application) { a.Data.Products[1].Fields[1].Reason = planted }, "data.products[1].fields[1].reason", forms.SectionData},
		"person name":          {func(a *forms.Application) { a.People[1].Name = planted }, "people[1].name", forms.SectionOrganisations},
		"location site":        {func(a *forms.Application) { a.Locations[0].Site = planted }, "locations[0].site", forms.SectionTerritory},
		"consent version":      {func(a *forms.Application) { a.Legal.ConsentMaterials[3].Version = planted }, "legal_basis.consent_materials[3].version", forms.SectionLegal},
		"evidence file name":   {func(a *forms.Application) { a.Evidence[0].File = &forms.Attachment{Name: "cohort-9434765919.pdf"} }, "evidence[0].file.name", forms.SectionEvidence},
		"DPIA risk":            {func(a *forms.Application) { a.DPIA.Risks = []forms.DPIARisk{{Harm: planted}} }, "dpia.risks[0].harm", forms.SectionDPIA},
		"comment reply": {func(a *forms.Application) {
			a.Comments = []forms.ReviewComment{{Replies: []forms.CommentNote{{Text: planted}}}}
		}, "comments[0].replies[0].text", forms.SectionOverview},
		"sub-licensing reason":  {func(a *forms.Application) { a.SubLicensing.Reason = planted }, "sub_licensing.reason", forms.SectionTerritory},
		"destruction record":    {func(a *forms.Application) { a.Lifecycle.Destruction = &forms.DestructionRecord{Method: planted} }, "lifecycle.destruction.method", forms.SectionLifecycle},
		"data flow items":       {func(a *forms.Application) { a.DataFlow.Flows = []forms.Flow{{Items: planted}} }, "data_flow.flows[0].items", forms.SectionDataFlow},
		"preliminary agreement": {func(a *forms.Application) { a.Preliminary.AgreementsNeeded = planted }, "preliminary_assessment.agreements_needed", forms.SectionOverview},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			var got []forms.Finding
			for _, f := range forms.Evaluate(a, today) {
				if f.CheckID == "patient-identifiers" {
					got = append(got, f)
				}
			}
			require.Len(t, got, 1)
			assert.Equal(t, tc.field, got[0].Field)
			assert.Equal(t, tc.section, got[0].Section)
			assert.Equal(t, forms.Blocker, got[0].Severity)
			assert.NotContains(t, got[0].Message, "5919")
		})
	}
}

func TestPossibleIdentifiersWarn(t *testing.T) {
	a := forms.Example()
	a.Cohort.Size = "4,200 (first patient DOB 12/03/1984)"
	var got []forms.Finding
	for _, f := range forms.Evaluate(a, today) {
		if f.CheckID == "patient-identifiers-possible" {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1)
	assert.Equal(t, "cohort.approximate_size", got[0].Field)
	assert.Equal(t, forms.Warning, got[0].Severity)
	assert.Equal(t, forms.SectionCohort, got[0].Section)
}

func FuzzScanText(f *testing.F) {
	for _, s := range []string{"943 476 5919", "DOB 12/03/1984", "patient M13 9PL", "+44 20 7946 0000", "1 Jan 1900", "9999-99-99", "a1 1aa", "born 31.12.99", "000 000 0000",
		"９４３\u3000４７６\u3000５９１９", "9\u200b4\u200b3\u200b4765919", "943 476 5919 401 023 2137", "1. 943-476-5919\n2. 4010232137", "9,434,765,919", "(943) 476–5919",
		"q=943%20476%205919&x=1", "943&nbsp;476&nbsp;5919", "&#57;&#52;&#51;&#52;&#55;&#54;&#53;&#57;&#49;&#57;", "%2B44%20161%20496%200123", "&#xBEB;&#xBEE;&#xBEA;"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range forms.ScanText(s) {
			if h.Start < 0 || h.End > len(s) || h.Start >= h.End {
				t.Fatalf("hit %+v out of range for %q", h, s)
			}
			if h.Kind == forms.IdentNHSNumber {
				digits := strings.Map(func(r rune) rune {
					if r >= '0' && r <= '9' {
						return r
					}
					return -1
				}, s[h.Start:h.End])
				// Escapes hold digits of their own ("%20"): the decoded
				// digits are the ones checked, by the scan itself.
				escaped := strings.ContainsAny(s[h.Start:h.End], "%&")
				if len(digits) == 10 && !escaped && !forms.ValidNHSNumber(digits) {
					t.Fatalf("flagged %q, which fails Modulus 11", s[h.Start:h.End])
				}
				if n := strings.Count(h.Shown, "*"); n != 7 {
					t.Fatalf("shown %q should mask seven digits", h.Shown)
				}
				if strings.ContainsAny(h.Shown, "\n\r\t") {
					t.Fatalf("shown %q should be one line", h.Shown)
				}
			}
			// Masking leaves no NHS number behind, and is stable.
			m := forms.MaskNHSNumbers(s)
			for _, h := range forms.ScanText(m) {
				if h.Kind == forms.IdentNHSNumber {
					t.Fatalf("masking %q left %q", s, m[h.Start:h.End])
				}
			}
			if forms.MaskNHSNumbers(m) != m {
				t.Fatalf("masking twice changed %q", m)
			}
		}
	})
}

func TestScanTextJudgementCalls(t *testing.T) {
	cases := map[string]struct {
		text string
		want bool // an NHS number is found
	}{
		"glued to letters":                   {"NHS9434765919", true},
		"in a file name":                     {"cohort_9434765919.pdf", true},
		"inside a longer run of digits":      {"19434765919", false},
		"inside a longer run, either end":    {"94347659190", false},
		"split by an invisible space":        {"943\u200b476\u200b5919", true},
		"invisible space joins a longer run": {"1\u200b9434765919", false},
		"inside a hash":                      {"sha256 3f9a9434765919bc0e9a1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8e9d0c1b2a", false},
		"inside a UUID":                      {"bd8eb943-4765-9194-8c4b-73746e86ea22", false},
		"ISBN label":                         {"ISBN 0-19-852663-6 and ISBN-10: 9434765919", false},
		"SNOMED label":                       {"SNOMED CT 9434765919", false},
		"phone after +44":                    {"+44 943 476 5919", false},
		"phone after 0044":                   {"0044 943 476 5919", false},
		"phone with (0)":                     {"(0)943 476 5919", false},
		"grid reference":                     {"SJ 94347 65919", false},
		"range of round counts":              {"15000-20000", false},
		"round number":                       {"1,500,000,000 episodes", false},
		"money":                              {"£9,434,765,919", false},
		"US-style brackets":                  {"(943) 476-5919", true},
		"thousands commas":                   {"9,434,765,919", true},
		"a year and a serial":                {"2024-123456 and 1943-476591", false},
		"date then a count":                  {"on 01/02/2020 12 sites", false},
		"two side by side":                   {"943 476 5919 401 023 2137", true},
		"numbered list":                      {"1. 943 476 5919", true},
		"after a year":                       {"In 2019 943 476 5919", true},
		"row of figures":                     {"1  938  30  735  700  3302", false},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			found := false
			for _, h := range forms.ScanText(tc.text) {
				found = found || h.Kind == forms.IdentNHSNumber
			}
			assert.Equal(t, tc.want, found, "%q", tc.text)
		})
	}
}

func TestMaskNHSNumbers(t *testing.T) {
	cases := map[string]string{
		"Objective 943 476 5919.":             "Objective 943 *** ****.",
		"nhs 9434765919":                      "nhs 943*******",
		"943-476-\n5919 and 401 023 2137":     "943-***-\n**** and 401 *** ****",
		"９４３ ４７６ ５９１９":                        "９４３ *** ****",
		"DOB 12/03/1984, phone 0161 496 0000": "DOB 12/03/1984, phone 0161 496 0000",
	}
	for in, want := range cases {
		assert.Equal(t, want, forms.MaskNHSNumbers(in), "%q", in)
	}
}

func BenchmarkScanText(b *testing.B) {
	text := strings.Repeat("We will link 4,200 consented participants (IRAS 312345, REC 26/NW/0123) to HES APC from 2000 to 2026 and phone 0161 496 0000 on 05/01/2015. ", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		forms.ScanText(text)
	}
}
