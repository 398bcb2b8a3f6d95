package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
)

func TestRiskLevelOfFollowsTheICOMatrix(t *testing.T) {
	cases := []struct {
		l    forms.Likelihood
		s    forms.HarmSeverity
		want forms.RiskLevel
	}{
		{forms.Remote, forms.Minimal, forms.RiskLow},
		{forms.Remote, forms.Significant, forms.RiskLow},
		{forms.Remote, forms.Severe, forms.RiskMedium},
		{forms.Possible, forms.Minimal, forms.RiskLow},
		{forms.Possible, forms.Significant, forms.RiskMedium},
		{forms.Possible, forms.Severe, forms.RiskHigh},
		{forms.Probable, forms.Minimal, forms.RiskMedium},
		{forms.Probable, forms.Significant, forms.RiskHigh},
		{forms.Probable, forms.Severe, forms.RiskHigh},
		{"", forms.Severe, ""},
		{forms.Probable, "", ""},
		{"likely", forms.Severe, ""},
	}
	for _, tc := range cases {
		t.Run(string(tc.l)+"×"+string(tc.s), func(t *testing.T) {
			assert.Equal(t, tc.want, forms.RiskLevelOf(tc.l, tc.s))
		})
	}
}

func TestDPIAResidual(t *testing.T) {
	cases := map[string]struct {
		risk forms.DPIARisk
		want forms.RiskLevel
	}{
		"eliminated is low whatever was entered": {forms.DPIARisk{Effect: forms.Eliminated, ResidualLikelihood: forms.Probable, ResidualSeverity: forms.Severe}, forms.RiskLow},
		"reduced follows the matrix":             {forms.DPIARisk{Effect: forms.Reduced, ResidualLikelihood: forms.Remote, ResidualSeverity: forms.Severe}, forms.RiskMedium},
		"accepted high stays high":               {forms.DPIARisk{Effect: forms.Accepted, ResidualLikelihood: forms.Probable, ResidualSeverity: forms.Significant}, forms.RiskHigh},
		"not assessed":                           {forms.DPIARisk{Effect: forms.Reduced}, ""},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) { assert.Equal(t, tc.want, tc.risk.Residual()) })
	}
}

func TestRiskMatrixPlacesRisksByNumber(t *testing.T) {
	d := forms.DPIA{Risks: []forms.DPIARisk{
		{Likelihood: forms.Possible, Severity: forms.Severe, Effect: forms.Reduced, ResidualLikelihood: forms.Remote, ResidualSeverity: forms.Severe},
		{Likelihood: forms.Possible, Severity: forms.Severe, Effect: forms.Eliminated},
		{Likelihood: forms.Probable},
		{Likelihood: forms.Remote, Severity: forms.Minimal, Effect: forms.Accepted, ResidualLikelihood: forms.Remote, ResidualSeverity: forms.Minimal},
	}}
	before, unplaced := d.RiskMatrix(false)
	assert.Equal(t, []int{1, 2}, before[2][1].Numbers)
	assert.Equal(t, forms.RiskHigh, before[2][1].Level)
	assert.Equal(t, []int{4}, before[0][0].Numbers)
	assert.Equal(t, []int{3}, unplaced)

	after, unplaced := d.RiskMatrix(true)
	assert.Equal(t, []int{1}, after[2][0].Numbers)
	assert.Nil(t, after[2][1].Numbers)
	assert.Equal(t, []int{4}, after[0][0].Numbers)
	assert.Equal(t, []int{2, 3}, unplaced)
	assert.Equal(t, forms.RiskMedium, d.HighestResidual())
}

func TestAddAndRemoveRisk(t *testing.T) {
	var d forms.DPIA
	i := d.AddRisk(forms.DPIARisk{Title: "a", Measures: []forms.DPIAMeasure{{Text: "m"}}})
	d.AddRisk(forms.DPIARisk{ID: "keep", Title: "b"})
	assert.Equal(t, 0, i)
	assert.NotEmpty(t, d.Risks[0].ID)
	assert.NotEmpty(t, d.Risks[0].Measures[0].ID)
	assert.Equal(t, 2, d.Number("keep"))
	assert.True(t, d.RemoveRisk(d.Risks[0].ID))
	assert.False(t, d.RemoveRisk("nope"))
	assert.Equal(t, 1, d.Number("keep"))
	assert.Equal(t, 0, d.Number("nope"))
}
