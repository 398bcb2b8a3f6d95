package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
)

func TestDescribeProcessingFromTheExample(t *testing.T) {
	d := forms.DescribeProcessing(forms.Example())
	assert.Contains(t, d.Nature, "NHS England supplies Hospital Episode Statistics Admitted Patient Care (HES APC), Civil Registrations of Death and MRIS - Cohort Event Notification Report to University of Exampleton by secure electronic file transfer.")
	assert.Contains(t, d.Nature, "matched on study ID, NHS number, date of birth, postcode and gender")
	assert.Contains(t, d.Nature, "Exampleton Trusted Research Environment, Main Campus (England)")
	assert.Contains(t, d.Nature, "requested end 31 Mar 2030")
	assert.Contains(t, d.Scope, "Civil Registrations of Death, 2000–2026 and the latest available, 2 fields, one-off.")
	assert.Contains(t, d.Scope, "About 4,200 people in the cohort.")
	assert.Contains(t, d.Scope, "Access is requested from 1 Apr 2027 to 31 Mar 2030.")
	assert.Contains(t, d.Scope, "Territory of use: England and Wales.")
	assert.Contains(t, d.Scope, "2 named people will access the data.")
	assert.Contains(t, d.Context, "consented")
	assert.Contains(t, d.Context, "Annual newsletter and the study website.")
	assert.Contains(t, d.Purposes, "To measure how often chronic kidney disease develops")
}

func TestDescribeProcessingKeepsInStep(t *testing.T) {
	a := forms.Example()
	a.Organisations = append(a.Organisations, forms.Organisation{ID: "o2", Name: "CloudCo Ltd", Role: forms.RoleProcessor})
	a.Locations = append(a.Locations, forms.Location{ID: "l2", OrganisationID: "o2", Site: "CloudCo Dublin", Country: "Ireland", CloudProvider: "CloudCo"})
	a.Legal.CLDC = forms.CLDCS251
	a.Cohort.Needed = false
	d := forms.DescribeProcessing(a)
	assert.Contains(t, d.Nature, "Processors acting for the controllers: CloudCo Ltd.")
	assert.Contains(t, d.Nature, "CloudCo Dublin (Ireland) on CloudCo")
	assert.NotContains(t, d.Nature, "cohort file")
	assert.Contains(t, d.Context, "National Data Opt-out")

	f := forms.AssessNecessity(a)
	assert.Equal(t, []string{"CloudCo Ltd"}, f.Processors)
	assert.Equal(t, []string{"CloudCo Dublin, Ireland (no transfer risk assessment recorded)"}, f.Transfers)
}

func TestDescribeProcessingOfAnEmptyDraft(t *testing.T) {
	d := forms.DescribeProcessing(forms.NewApplication("t", forms.NewDate(2026, 1, 1)))
	assert.Contains(t, d.Nature, "No data products are listed yet.")
	assert.Contains(t, d.Scope, "add the data products")
	assert.Contains(t, d.Context, "legal basis")
	assert.Contains(t, d.Purposes, "objective")
}

func TestAssessNecessity(t *testing.T) {
	a := forms.Example()
	a.Data.Products[0].Fields = append(a.Data.Products[0].Fields, forms.ProductField{Name: "Postcode"})
	f := forms.AssessNecessity(a)
	assert.Equal(t, "Article 6(1)(e) public task; Article 9(2)(j) research or statistics", f.LawfulBasis)
	assert.Equal(t, "Informed consent", f.Confidentiality)
	assert.Equal(t, []string{
		"Hospital Episode Statistics Admitted Patient Care (HES APC): 3 fields, 1 without a reason; pseudonymised.",
		"Civil Registrations of Death: 2 fields, each with a reason; pseudonymised.",
		"MRIS - Cohort Event Notification Report: 2 fields, each with a reason; identifiable.",
		"Cohort linkage on study ID, NHS number, date of birth, postcode and gender.",
	}, f.Minimisation)
	assert.Equal(t, "Privacy notice: https://example.ac.uk/kidney-study/privacy", f.Transparency)
	assert.Empty(t, f.Processors)
	assert.Empty(t, f.Transfers)
}
