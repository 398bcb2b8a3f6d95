package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRiskLibraryEntriesAreComplete(t *testing.T) {
	seen := map[string]bool{}
	for _, l := range forms.RiskLibrary {
		assert.False(t, seen[l.ID], l.ID)
		seen[l.ID] = true
		assert.NotEmpty(t, l.Title, l.ID)
		assert.NotEmpty(t, l.Source, l.ID)
		assert.NotEmpty(t, l.Harm, l.ID)
		assert.NotEmpty(t, l.Measures, l.ID)
		assert.NotEmpty(t, forms.RiskLevelOf(l.Likelihood, l.Severity), l.ID)
		r := l.NewRisk()
		assert.NotEqual(t, forms.RiskHigh, r.Residual(), "%s: a library measure should bring the risk below high", l.ID)
		assert.LessOrEqual(t, r.Residual().Rank(), r.Overall().Rank(), l.ID)
	}
	for _, id := range []string{"small-numbers", "processor-access", "retention", "transfer-outside", "linkage-errors", "loss-in-transit", "excessive-fields"} {
		assert.True(t, seen[id], id)
	}
}

func TestAddFromLibraryCopies(t *testing.T) {
	l, ok := forms.LibraryRiskByID("linkage-errors")
	require.True(t, ok)
	var d forms.DPIA
	d.AddRisk(l.NewRisk())
	d.AddRisk(l.NewRisk())
	d.Risks[0].Measures[0].Text = "Our own words"
	d.Risks[0].Title = "Edited"
	assert.NotEqual(t, d.Risks[0].ID, d.Risks[1].ID)
	assert.NotEqual(t, d.Risks[0].Measures[0].ID, d.Risks[1].Measures[0].ID)
	assert.Equal(t, "Linkage errors", d.Risks[1].Title)
	again, _ := forms.LibraryRiskByID("linkage-errors")
	assert.Equal(t, "Linkage errors", again.Title)
	assert.NotEqual(t, "Our own words", again.Measures[0])
	assert.Equal(t, "linkage-errors", d.Risks[0].LibraryID)
	_, ok = forms.LibraryRiskByID("nope")
	assert.False(t, ok)
}

func TestSuggestedRisks(t *testing.T) {
	ids := func(ls []forms.LibraryRisk) []string {
		var out []string
		for _, l := range ls {
			out = append(out, l.ID)
		}
		return out
	}
	a := forms.Example()
	a.DPIA.Risks = nil
	got := ids(forms.SuggestedRisks(a))
	assert.Contains(t, got, "linkage-errors")
	assert.Contains(t, got, "re-identification")
	assert.NotContains(t, got, "processor-access")
	assert.NotContains(t, got, "transfer-outside")
	assert.NotContains(t, got, "people-unaware")

	a.Locations = append(a.Locations, forms.Location{Country: "Ireland", CloudProvider: "CloudCo"})
	a.Legal.CLDC = forms.CLDCS251
	a.DPIA.AddRisk(dpiaLib(t, "small-numbers").NewRisk())
	got = ids(forms.SuggestedRisks(a))
	assert.Contains(t, got, "processor-access")
	assert.Contains(t, got, "transfer-outside")
	assert.Contains(t, got, "people-unaware")
	assert.NotContains(t, got, "small-numbers", "already in the register")
}

func dpiaLib(t *testing.T, id string) forms.LibraryRisk {
	l, ok := forms.LibraryRiskByID(id)
	require.True(t, ok, id)
	return l
}
