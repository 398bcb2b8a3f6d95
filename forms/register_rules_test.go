package forms_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sample(t testing.TB, name string) string {
	b, err := os.ReadFile(filepath.Join("testdata", "register", name))
	require.NoError(t, err)
	return strings.TrimSpace(string(b))
}

func publicFindings(a *forms.Application) []forms.Finding {
	var out []forms.Finding
	for _, f := range forms.Evaluate(a, today) {
		if strings.HasPrefix(f.CheckID, "public-") {
			out = append(out, f)
		}
	}
	return out
}

// A draft whose published texts read like typical approved register
// entries draws no plain-language finding: the checks are calibrated not to
// nag about what NHS England publishes every week.
func TestRegisterStyleTextsDrawNoFinding(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = sample(t, "good-objective.txt")
	a.Purpose.ProcessingActivities = sample(t, "good-processing.txt")
	a.Purpose.ExpectedOutputs = sample(t, "good-outputs.txt")
	a.Purpose.ExpectedBenefits = sample(t, "good-benefits.txt")
	assert.Empty(t, publicFindings(a))
	for _, tx := range forms.PublicTexts(a) {
		assert.GreaterOrEqual(t, len(tx.Text), 1000, "%s: register texts run from 1,000 characters", tx.Field)
		ease, _ := tx.Review.ReadingEase()
		assert.Greater(t, ease, float64(forms.HardReadingEase), tx.Field)
	}
	assert.Empty(t, publicFindings(forms.Example()), "the worked example shows good practice")
	assert.Empty(t, publicFindings(formstest.Large()))
}

func TestPlainLanguageFindings(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = sample(t, "bad-objective.txt")
	a.Purpose.Commercial = true
	a.Purpose.CommercialPurpose = "Exampleco Ltd builds the dashboard under an SLA."
	a.Purpose.CommercialBenefit = "Clinics see their patients' risk sooner."
	a.SubLicensing = forms.SubLicensing{Needed: true, Reason: "Mr Tom Jones at the partner trust needs the extract.", WhyNotDirect: "It has no agreement.", ValueAdded: "We clean the data."}
	got := map[string]forms.Finding{}
	for _, f := range publicFindings(a) {
		got[f.CheckID+" "+f.Field] = f
	}
	want := map[string]struct {
		severity forms.Severity
		req      string
		says     []string
	}{
		"public-reading-ease purpose.objective":      {forms.Advice, "R-U2", []string{"Flesch reading ease", "very difficult"}},
		"public-long-sentences purpose.objective":    {forms.Advice, "R-U2", []string{"63 words", "Dr Jane Smith and Prof."}},
		"public-acronyms purpose.objective":          {forms.Advice, "R-U2", []string{"ECDS (Emergency Care Data Set)", "MRIS", "DSCRO", "XQZ", "TRE (trusted research environment)"}},
		"public-jargon purpose.objective":            {forms.Advice, "R-U2", []string{"“utilise”: use", "“going forward”: in future", "“workstream”"}},
		"public-staff-names purpose.objective":       {forms.Warning, "R-U2", []string{"“Dr Jane Smith”", "“Prof. Ahmed Khan”", "describe roles"}},
		"public-acronyms purpose.commercial_purpose": {forms.Advice, "R-U3", []string{"SLA"}},
		"public-staff-names sub_licensing.reason":    {forms.Warning, "R-T4", []string{"“Mr Tom Jones”"}},
	}
	for key, w := range want {
		f, ok := got[key]
		if !assert.True(t, ok, "no finding %s", key) {
			continue
		}
		assert.Equal(t, w.severity, f.Severity, key)
		assert.Equal(t, []string{w.req}, f.Requirements, key)
		for _, s := range w.says {
			assert.Contains(t, f.Message, s, key)
		}
	}
	assert.Len(t, got, len(want), "nothing else fires: %v", got)
	assert.NotContains(t, got["public-acronyms purpose.objective"].Message, "HES", "the data set's name spells out HES APC")
	assert.Contains(t, got["public-staff-names purpose.objective"].Message, "Names 2 people")
	assert.Equal(t, forms.SectionPurpose, got["public-acronyms purpose.objective"].Section)
	assert.Equal(t, forms.SectionTerritory, got["public-staff-names sub_licensing.reason"].Section)
}

func TestShortTextsGetNoReadingEaseAdvice(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = "Epidemiological characterisation of nephrotoxicity-associated morbidity."
	ease, _ := forms.PublicTexts(a)[0].Review.ReadingEase()
	require.Less(t, ease, float64(forms.HardReadingEase), "hard, but only six words")
	assert.Empty(t, publicFindings(a), "a figure on six words swings on one word: shown, not advised on")
}

func TestPublicEntry(t *testing.T) {
	a := forms.Example()
	a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "Exampleton Analytics Ltd", Role: forms.RoleProcessor})
	a.Organisations[0].Type = "academic"
	a.Data.Products[0].Sensitivity = "sensitive"
	a.Data.Products[0].DisseminationGateway = "Health and Social Care Act 2012 – s261(2)(c)"
	a.Data.Products[1].Identifiability = forms.AnonymisedICO
	a.Data.Products[1].Sensitivity = "non-sensitive"
	a.Data.Products[1].Confidentiality = forms.CLDCNone
	a.Data.Products[2].Frequency = "frequent-adhoc"
	e := forms.BuildPublicEntry(a)
	assert.Equal(t, "Long-term kidney outcomes after childhood cancer (worked example)", e.Title)
	assert.Equal(t, "DARS-NIC-123456-AB1C2-v1.0", e.Reference)
	assert.Equal(t, "University of Exampleton", e.Organisation)
	assert.Equal(t, "Academic", e.OrganisationType)
	assert.Equal(t, "Sole", e.ControllerBasis)
	assert.Equal(t, []string{"University of Exampleton"}, e.Controllers)
	assert.Equal(t, []string{"Exampleton Analytics Ltd"}, e.Processors)
	assert.Equal(t, "Sensitive, and Non-Sensitive", e.Sensitive)
	assert.Equal(t, "No", e.CommercialPurpose)
	assert.Equal(t, "No", e.Sublicensing)
	assert.Equal(t, "2027-04-01", e.Start.String())
	require.Len(t, e.Datasets, 3)
	assert.Equal(t, forms.RegisterDataset{
		Name: "Hospital Episode Statistics Admitted Patient Care (HES APC)", TypeOfData: "Pseudonymised", Sensitivity: "Sensitive",
		Frequency: "One-Off", Confidentiality: "Consent (Reasonable Expectation)", LegalBasis: "Health and Social Care Act 2012 – s261(2)(c)",
	}, e.Datasets[0])
	assert.Equal(t, "Anonymised - ICO Code Compliant", e.Datasets[1].TypeOfData)
	assert.Equal(t, "Does not include the flow of confidential data", e.Datasets[1].Confidentiality)
	assert.Equal(t, "Frequent Adhoc Flow", e.Datasets[2].Frequency)
	var labels []string
	for _, tx := range e.Texts {
		labels = append(labels, tx.Label)
	}
	assert.Equal(t, []string{"Objectives", "Processing", "Outputs", "Expected Benefits"}, labels)

	a.Organisations[1].Role = forms.RoleJointController
	a.Purpose.Commercial, a.SubLicensing.Needed = true, true
	e = forms.BuildPublicEntry(a)
	assert.Equal(t, "Joint", e.ControllerBasis)
	assert.Len(t, e.Texts, 9, "commercial and sub-licensing texts are published when they apply")
	assert.Equal(t, "Yes", e.CommercialPurpose)
	assert.Equal(t, "Yes", e.Sublicensing)

	empty := forms.BuildPublicEntry(&forms.Application{})
	assert.Empty(t, empty.ControllerBasis)
	assert.NotNil(t, empty.Datasets)
	assert.Len(t, empty.Texts, 4)
}

// The review of a draft is cached, and an edit is seen at once: the cache
// key covers every input, people and organisations too.
func TestPublicTextsFollowEdits(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = "Siân Wyn leads the study."
	assert.Len(t, forms.PublicTexts(a)[0].Review.Names, 1)
	a.People[0].Name = "Dr Someone Else"
	a.Overview.LeadApplicant = ""
	assert.Empty(t, forms.PublicTexts(a)[0].Review.Names, "no longer one of the draft's people")
	a.Purpose.Objective = "The TRE holds it."
	assert.Len(t, forms.PublicTexts(a)[0].Review.Acronyms, 1)
	a.Overview.Title = "Trusted research environment (TRE) study"
	assert.Empty(t, forms.PublicTexts(a)[0].Review.Acronyms, "the title defines it")
}

// BenchmarkPublicTextsEdit is the cost of one keystroke in a 20,000-character
// objective (register texts run to that): one paragraph changes, the rest
// comes from the cache.
func BenchmarkPublicTextsEdit(b *testing.B) {
	a := formstest.Large()
	para := sample(b, "good-objective.txt")
	var paras []string
	for len(strings.Join(paras, "\n\n")) < 20000 {
		paras = append(paras, para)
	}
	base := strings.Join(paras, "\n\n")
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i++
		a.Purpose.Objective = base + " Typed " + strconv.Itoa(i) + "."
		forms.PublicTexts(a)
	}
}

// BenchmarkPublicTextsUnchanged is the cost on a keystroke elsewhere.
func BenchmarkPublicTextsUnchanged(b *testing.B) {
	a := formstest.Large()
	b.ReportAllocs()
	for b.Loop() {
		forms.PublicTexts(a)
	}
}
