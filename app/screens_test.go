package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// draftWithGroups is a blank draft with one entry in each repeating group,
// so that every screen has a row to type into.
func draftWithGroups() *forms.Application {
	a := forms.NewApplication("Screens test", forms.NewDate(2026, 11, 23))
	a.Organisations = []forms.Organisation{{ID: "o1"}}
	a.People = []forms.Person{{ID: "pe1"}}
	a.Locations = []forms.Location{{ID: "l1"}}
	a.Data.Products = []forms.ProductRequest{{ID: "p1", Fields: []forms.ProductField{{}}}}
	a.Legal.ConsentMaterials = []forms.ConsentMaterial{{ID: "c1"}}
	return a
}

// Typing into any field lands in the draft and is autosaved (e.Changed).
func TestTypingUpdatesTheDraft(t *testing.T) {
	tests := map[string]struct {
		section forms.SectionID
		path    string
		got     func(a *forms.Application) string
	}{
		"preliminary cost":        {forms.SectionOverview, "preliminary_assessment.cost_estimate", func(a *forms.Application) string { return a.Preliminary.CostEstimate }},
		"purpose objective":       {forms.SectionPurpose, "purpose.objective", func(a *forms.Application) string { return a.Purpose.Objective }},
		"commercial purpose":      {forms.SectionPurpose, "purpose.commercial_purpose", func(a *forms.Application) string { return a.Purpose.CommercialPurpose }},
		"REC reference":           {forms.SectionPurpose, "purpose.rec_reference", func(a *forms.Application) string { return a.Purpose.RECReference }},
		"product field reason":    {forms.SectionData, "data.products[0].fields[0].reason", func(a *forms.Application) string { return a.Data.Products[0].Fields[0].Reason }},
		"product years reason":    {forms.SectionData, "data.products[0].years_reason", func(a *forms.Application) string { return a.Data.Products[0].YearsReason }},
		"cohort size":             {forms.SectionCohort, "cohort.approximate_size", func(a *forms.Application) string { return a.Cohort.Size }},
		"existing cohort":         {forms.SectionCohort, "cohort.existing_reference", func(a *forms.Application) string { return a.Cohort.ExistingReference }},
		"CAG reference":           {forms.SectionLegal, "legal_basis.cag_reference", func(a *forms.Application) string { return a.Legal.CAGReference }},
		"consent version":         {forms.SectionLegal, "legal_basis.consent_materials[0].version", func(a *forms.Application) string { return a.Legal.ConsentMaterials[0].Version }},
		"privacy notice":          {forms.SectionLegal, "legal_basis.privacy_notice_url", func(a *forms.Application) string { return a.Legal.PrivacyNoticeURL }},
		"organisation name":       {forms.SectionOrganisations, "organisations[0].name", func(a *forms.Application) string { return a.Organisations[0].Name }},
		"DSPT code":               {forms.SectionOrganisations, "organisations[0].security.dspt_code", func(a *forms.Application) string { return a.Organisations[0].Security.DSPTCode }},
		"DSA signatory":           {forms.SectionOrganisations, "organisations[0].dsa_signatory", func(a *forms.Application) string { return a.Organisations[0].DSASignatory }},
		"person role":             {forms.SectionOrganisations, "people[0].role", func(a *forms.Application) string { return a.People[0].Role }},
		"location site":           {forms.SectionTerritory, "locations[0].site", func(a *forms.Application) string { return a.Locations[0].Site }},
		"sub-licensing reason":    {forms.SectionTerritory, "sub_licensing.reason", func(a *forms.Application) string { return a.SubLicensing.Reason }},
		"TRA reference":           {forms.SectionTerritory, "locations[0].tra_reference", func(a *forms.Application) string { return a.Locations[0].TRAReference }},
		"opt-out free text stays": {forms.SectionLegal, "legal_basis.s251_scope", func(a *forms.Application) string { return a.Legal.S251Scope }},
	}
	e := openSection(t, draftWithGroups(), forms.SectionOverview)
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := draftWithGroups()
			switchDraft(t, e, a, tc.section)
			test.Type(field[textBox](t, e, tc.path), "Typed 1")
			assert.Equal(t, "Typed 1", tc.got(a))

			e.save.flush()
			saved, err := e.ui.store.Load(a.ID)
			require.NoError(t, err)
			assert.Equal(t, "Typed 1", tc.got(saved), "the edit was not autosaved")
		})
	}
}

func TestSelectEntriesUpdateTheDraft(t *testing.T) {
	a := draftWithGroups()
	e := openSection(t, a, forms.SectionData)
	test.Type(field[*widget.SelectEntry](t, e, "data.products[0].name"), "HES APC")
	test.Type(field[*widget.SelectEntry](t, e, "data.products[0].legal_basis"), "Consent")
	assert.Equal(t, "HES APC", a.Data.Products[0].Name)
	assert.Equal(t, "Consent", a.Data.Products[0].LegalBasis)
}

// Every screen of this issue is registered and builds for a blank draft, a
// full one and one with every group empty.
func TestSectionScreensBuild(t *testing.T) {
	drafts := map[string]func() *forms.Application{
		"example": forms.Example,
		"blank":   func() *forms.Application { return forms.NewApplication("", forms.NewDate(2026, 1, 1)) },
		"groups":  draftWithGroups,
	}
	for name, mk := range drafts {
		t.Run(name, func(t *testing.T) {
			e := openSection(t, mk(), forms.SectionOverview)
			for _, id := range []forms.SectionID{forms.SectionOverview, forms.SectionPurpose, forms.SectionData, forms.SectionCohort, forms.SectionLegal, forms.SectionOrganisations, forms.SectionTerritory} {
				require.Contains(t, sectionViews, id)
				e.showSection(id)
				assert.NotEmpty(t, e.fields, "%s registered no fields for findings to open", id)
				assert.Greater(t, e.body.Content.MinSize().Height, float32(100), "%s looks empty", id)
				// The body of a 1180-wide window is about 670 wide; a screen
				// asking for more (a long check label, a horizontal group)
				// pushes the readiness panel aside.
				assert.LessOrEqual(t, e.body.Content.MinSize().Width, float32(640), "%s is too wide for the window", id)
			}
		})
	}
}
