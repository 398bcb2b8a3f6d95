package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Follow-up questions appear when their trigger applies and keep their
// answers when it no longer does.
func TestConditionalQuestions(t *testing.T) {
	check := func(path string) func(t *testing.T, e *Editor, on bool) {
		return func(t *testing.T, e *Editor, on bool) {
			c := field[*widget.Check](t, e, path)
			if c.Checked != on {
				test.Tap(c)
			}
		}
	}
	choose := func(path string, onLabel, offLabel string) func(t *testing.T, e *Editor, on bool) {
		return func(t *testing.T, e *Editor, on bool) {
			s := field[*widget.Select](t, e, path)
			if on {
				s.SetSelected(onLabel)
			} else {
				s.SetSelected(offLabel)
			}
		}
	}
	tests := map[string]struct {
		section forms.SectionID
		trigger func(t *testing.T, e *Editor, on bool)
		follow  string
		answer  func(a *forms.Application) string
	}{
		"commercial → purpose": {forms.SectionPurpose, check("purpose.commercial_involvement"), "purpose.commercial_public_benefit",
			func(a *forms.Application) string { return a.Purpose.CommercialBenefit }},
		"research → IRAS": {forms.SectionPurpose, check("purpose.is_research"), "purpose.iras_reference",
			func(a *forms.Application) string { return a.Purpose.IRASReference }},
		"published data → note": {forms.SectionPurpose, check("purpose.published_data_checked"), "purpose.published_data_note",
			func(a *forms.Application) string { return a.Purpose.PublishedDataNote }},
		"cohort → linkage": {forms.SectionCohort, check("cohort.needed"), "cohort.approximate_size",
			func(a *forms.Application) string { return a.Cohort.Size }},
		"s251 → CAG reference": {forms.SectionLegal, choose("legal_basis.cldc_route", "Section 251 support (CAG)", "Informed consent"), "legal_basis.cag_reference",
			func(a *forms.Application) string { return a.Legal.CAGReference }},
		"consent → cohort contact": {forms.SectionLegal, choose("legal_basis.cldc_route", "Informed consent", "Section 251 support (CAG)"), "legal_basis.cohort_contact",
			func(a *forms.Application) string { return a.Legal.CohortContact }},
		"consent → consent versions": {forms.SectionLegal, choose("legal_basis.cldc_route", "Informed consent", "Other (court order, other law)"), "legal_basis.consent_materials[0].version",
			func(a *forms.Application) string { return a.Legal.ConsentMaterials[0].Version }},
		"other route → explanation": {forms.SectionLegal, choose("legal_basis.cldc_route", "Other (court order, other law)", "Informed consent"), "legal_basis.cldc_explanation",
			func(a *forms.Application) string { return a.Legal.CLDCExplanation }},
		"controller → DSA signatory": {forms.SectionOrganisations, choose("organisations[0].role", "Joint data controller", "Data processor"), "organisations[0].dsa_signatory",
			func(a *forms.Application) string { return a.Organisations[0].DSASignatory }},
		"sub-licensing → reasons": {forms.SectionTerritory, check("sub_licensing.needed"), "sub_licensing.value_added",
			func(a *forms.Application) string { return a.SubLicensing.ValueAdded }},
		"non-UK location → TRA": {forms.SectionTerritory, func(t *testing.T, e *Editor, on bool) {
			c := field[*widget.SelectEntry](t, e, "locations[0].country")
			if on {
				c.SetText("India")
			} else {
				c.SetText("Wales")
			}
		}, "locations[0].tra_reference", func(a *forms.Application) string { return a.Locations[0].TRAReference }},
	}
	e := openSection(t, draftWithGroups(), forms.SectionOverview)
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := draftWithGroups()
			switchDraft(t, e, a, tc.section)
			tc.trigger(t, e, false)
			follow := field[*widget.Entry](t, e, tc.follow)
			assert.False(t, shown(e, follow), "shown before it applies")

			tc.trigger(t, e, true)
			require.True(t, shown(e, follow), "not shown when it applies")
			test.Type(follow, "Kept")

			tc.trigger(t, e, false)
			assert.False(t, shown(e, follow), "still shown after it stopped applying")
			assert.Equal(t, "Kept", tc.answer(a), "the hidden answer was lost")

			tc.trigger(t, e, true)
			assert.True(t, shown(e, follow))
			assert.Equal(t, "Kept", follow.Text)
		})
	}
}

// On the aggregate HES route no DSPT is needed (R-D4): security questions
// give way to a note, and their answers stay.
func TestAggregatedHESHidesSecurity(t *testing.T) {
	a := draftWithGroups()
	a.Organisations[0].Security.DSPTCode = "8AB12"
	e := openSection(t, a, forms.SectionOrganisations)
	require.True(t, shown(e, field[*widget.Entry](t, e, "organisations[0].security.dspt_code")))

	a.Data.AggregatedHESOnly = true
	e.showSection(forms.SectionOrganisations)
	assert.False(t, shown(e, field[*widget.Entry](t, e, "organisations[0].security.dspt_code")))
	assert.Equal(t, "8AB12", a.Organisations[0].Security.DSPTCode)
}

func TestValidationServiceFollowsFields(t *testing.T) {
	a := draftWithGroups()
	a.Cohort.Needed = true
	e := openSection(t, a, forms.SectionCohort)
	cg := field[*widget.CheckGroup](t, e, "cohort.validation_fields")

	cg.SetSelected([]string{"NHS number", "Date of birth"})
	assert.Equal(t, []forms.ValidationField{forms.VFNHSNumber, forms.VFDateBirth}, a.Cohort.ValidationFields)
	assert.Contains(t, cohortService(t, e), "Automatic validation")

	cg.SetSelected([]string{"Surname", "NHS number"})
	assert.Equal(t, []forms.ValidationField{forms.VFNHSNumber, forms.VFSurname}, a.Cohort.ValidationFields, "stored in the catalogue's order")
	assert.Contains(t, cohortService(t, e), "Manual validation")
}

func cohortService(t *testing.T, e *Editor) string {
	t.Helper()
	for _, text := range labelsUnder(e.body.Content) {
		if len(text) > 20 && (text[:20] == "Automatic validation" || text[:17] == "Manual validation") {
			return text
		}
	}
	t.Fatal("no validation service shown")
	return ""
}

func TestNotesFollowTheRequest(t *testing.T) {
	tests := map[string]struct {
		products []string
		gp       bool
		mris     bool
	}{
		"HES only":            {[]string{"Hospital Episode Statistics Admitted Patient Care (HES APC)"}, false, false},
		"GP records":          {[]string{"GP Extraction Service data"}, true, false},
		"general practice":    {[]string{"General Practice Data for Planning and Research"}, true, false},
		"dispensing, not GP":  {[]string{"Medicines dispensed in Primary Care (NHSBSA data)"}, false, false},
		"MRIS present":        {[]string{"MRIS - Cohort Event Notification Report"}, false, true},
		"word inside another": {[]string{"GPS tracker data"}, false, false},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			var ps []forms.ProductRequest
			for _, n := range tc.products {
				ps = append(ps, forms.ProductRequest{Name: n})
			}
			assert.Equal(t, tc.gp, hasGPData(ps))
			assert.Equal(t, tc.mris, hasMRIS(ps))
		})
	}
}

// With a cohort and no MRIS product the screen suggests one (R-D5); adding
// it from the suggestion makes the suggestion go.
func TestMRISSuggestion(t *testing.T) {
	a := draftWithGroups()
	a.Cohort.Needed = true
	e := openSection(t, a, forms.SectionData)
	add := findButton(e.body.Content, "Add MRIS product")
	require.NotNil(t, add)
	require.True(t, shown(e, add))
	test.Tap(add)
	require.Len(t, a.Data.Products, 2)
	assert.True(t, forms.IsTracingProduct(a.Data.Products[1].Name))
	assert.False(t, shown(e, add))
}

// Ticking a product as GP data brings the PAG note (R-D6); unticking hides it.
func TestGPDataNote(t *testing.T) {
	a := draftWithGroups()
	a.Data.Products[0].Name = "Local primary care flow"
	e := openSection(t, a, forms.SectionData)
	note := labelWith(e.body.Content, "GP data is in the request")
	require.NotNil(t, note)
	gp := field[*widget.Check](t, e, "data.products[0].gp_data")
	assert.False(t, shown(e, note))
	test.Tap(gp)
	assert.True(t, a.Data.Products[0].GPData)
	assert.True(t, shown(e, note))
	test.Tap(gp)
	assert.False(t, shown(e, note))
}
