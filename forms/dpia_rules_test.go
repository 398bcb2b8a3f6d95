package forms_test

import (
	"testing"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var dpiaToday = time.Date(2026, 11, 23, 0, 0, 0, 0, time.UTC)

func TestDPIAChecks(t *testing.T) {
	cases := map[string]struct {
		edit func(a *forms.Application)
		want []string
	}{
		"complete example": {func(a *forms.Application) {}, nil},
		"required but not started": {func(a *forms.Application) { a.DPIA = forms.DPIA{} },
			[]string{"dpia-started", "dpia-signed"}},
		"not required and not started": {func(a *forms.Application) {
			a.DPIA = forms.DPIA{}
			a.Cohort.Needed = false
			for i := range a.Data.Products {
				a.Data.Products[i].Identifiability = forms.AggregateLevel
			}
		}, nil},
		"high residual risk needs prior consultation": {func(a *forms.Application) {
			a.DPIA.Risks[2].Effect = forms.Accepted
			a.DPIA.Risks[2].ResidualLikelihood = forms.Possible
		}, []string{"dpia-prior-consultation"}},
		"risk without a measure": {func(a *forms.Application) {
			a.DPIA.Risks[0].Measures = []forms.DPIAMeasure{{ID: "x", Text: "  "}}
		}, []string{"dpia-risk-measure"}},
		"risk not assessed": {func(a *forms.Application) {
			a.DPIA.AddRisk(forms.DPIARisk{Title: "New", Measures: []forms.DPIAMeasure{{Text: "Do it", Owner: "Me", Due: forms.NewDate(2027, 1, 1), Approved: true}}})
		}, []string{"dpia-residual-assessed", "dpia-risk-assessed"}},
		"measure without owner": {func(a *forms.Application) { a.DPIA.Risks[1].Measures[0].Owner = "" },
			[]string{"dpia-action-plan"}},
		"unsigned": {func(a *forms.Application) { a.DPIA.SignOff.ResidualApproved.On = forms.Date{} },
			[]string{"dpia-signed"}},
		"DPO overruled without reasons": {func(a *forms.Application) { a.DPIA.SignOff.DPOOutcome = forms.DPOOverruled },
			[]string{"dpia-dpo-outcome"}},
		"lawful basis differs": {func(a *forms.Application) {
			a.DPIA.LawfulBasis = forms.DPIALawfulBasis{Article6: "6-1-a", Article9: "9-2-j"}
		}, []string{"dpia-lawful-basis"}},
		"lawful basis agrees": {func(a *forms.Application) {
			a.DPIA.LawfulBasis = forms.DPIALawfulBasis{Article6: "6-1-e", Article9: "9-2-j"}
		}, nil},
		"processor and country not covered": {func(a *forms.Application) {
			a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "CloudCo Ltd", Role: forms.RoleProcessor})
			a.Locations = append(a.Locations, forms.Location{ID: "l2", OrganisationID: "o2", Site: "Dublin", Country: "Ireland"})
		}, []string{"dpia-covers-processing", "dpia-covers-processing"}},
		"processor and country covered by a risk's words": {func(a *forms.Application) {
			a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "CloudCo Ltd", Role: forms.RoleProcessor})
			a.Locations = append(a.Locations, forms.Location{ID: "l2", OrganisationID: "o2", Site: "Dublin", Country: "Ireland"})
			a.DPIA.Risks[3].Source += " Backups are held by cloudco ltd in ireland."
		}, nil},
		"processor and country covered through the data flow map": {func(a *forms.Application) {
			a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "CloudCo Ltd", Role: forms.RoleProcessor})
			a.Locations = append(a.Locations, forms.Location{ID: "l2", OrganisationID: "o2", Site: "Dublin", Country: "Ireland"})
			a.DataFlow.Nodes = []forms.FlowNode{{ID: "n1", Kind: "organisation", OrganisationID: "o1"}, {ID: "n2", Kind: "location", OrganisationID: "o2", LocationID: "l2"}}
			a.DataFlow.Flows = []forms.Flow{{ID: "f1", From: "n1", To: "n2"}}
			a.DPIA.Risks[3].FlowRefs = []string{"f1"}
		}, nil},
		"dangling data flow reference": {func(a *forms.Application) { a.DPIA.Risks[0].NodeRefs = []string{"gone"} },
			[]string{"dpia-flow-refs"}},
		"no consultation": {func(a *forms.Application) { a.DPIA.Consultation = nil },
			[]string{"dpia-consultation"}},
		"no consultation, reason given": {func(a *forms.Application) {
			a.DPIA.Consultation = nil
			a.DPIA.ConsultationNote = "Existing panel views apply."
		}, nil},
		"empty register": {func(a *forms.Application) { a.DPIA.Risks = nil },
			[]string{"dpia-risks"}},
		"no step 1": {func(a *forms.Application) { a.DPIA.Need = "" },
			[]string{"dpia-need"}},
		"no reviewer": {func(a *forms.Application) { a.DPIA.SignOff.KeptUnderReview = forms.Signature{} },
			[]string{"dpia-review"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			got := findingIDs(forms.Evaluate(a, dpiaToday), forms.SectionDPIA)
			assert.ElementsMatch(t, tc.want, got)
		})
	}
}

func TestDPIAFindingsSayWhatToDo(t *testing.T) {
	a := forms.Example()
	a.DPIA.Risks[2].Effect = forms.Accepted
	a.DPIA.Risks[2].ResidualLikelihood = forms.Probable
	a.DPIA.Risks[0].Measures = nil
	var got []forms.Finding
	for _, f := range forms.Evaluate(a, dpiaToday) {
		if f.Section == forms.SectionDPIA {
			got = append(got, f)
		}
	}
	require.Len(t, got, 2)
	assert.Equal(t, forms.Blocker, got[0].Severity)
	assert.Equal(t, "dpia.risks[2].residual_likelihood", got[0].Field)
	assert.Contains(t, got[0].Message, "Risk 3 (Re-identification of pseudonymised records) is still high after measures")
	assert.Contains(t, got[0].Message, "UK GDPR Article 36")
	assert.Equal(t, []string{"R-T6"}, got[0].Requirements)
	assert.Equal(t, "dpia.risks[0].measures", got[1].Field)
	assert.Contains(t, got[1].Message, "Risk 1 (Re-identification from small numbers in outputs) has no measure")
}

func TestDPIACheckIDsAreUniqueAndNameRequirements(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range forms.AllChecks() {
		assert.False(t, seen[c.ID], c.ID)
		seen[c.ID] = true
		assert.NotEmpty(t, c.Requirements, c.ID)
	}
}
