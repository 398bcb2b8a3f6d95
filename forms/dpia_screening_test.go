package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
)

func TestScreenDPIA(t *testing.T) {
	anon := func(a *forms.Application) {
		a.Cohort.Needed = false
		a.DPIA.Screening = forms.DPIAScreening{}
		for i := range a.Data.Products {
			a.Data.Products[i].Identifiability = forms.AggregateLevel
		}
	}
	cases := map[string]struct {
		edit     func(a *forms.Application)
		required bool
		reason   string
	}{
		"the example: both": {func(a *forms.Application) {}, true, "asks for identifiable and pseudonymised health data"},
		"pseudonymised health data": {func(a *forms.Application) {
			a.Data.Products = a.Data.Products[:2]
		}, true, "asks for pseudonymised health data (Hospital Episode Statistics"},
		"identifiable health data": {func(a *forms.Application) {
			a.Data.Products = a.Data.Products[2:]
		}, true, "asks for identifiable health data (MRIS - Cohort Event Notification Report)"},
		"aggregate only, nothing else": {anon, false, "Not required"},
		"aggregate, one criterion": {func(a *forms.Application) {
			anon(a)
			a.DPIA.Screening.LargeScale = true
		}, false, "advised"},
		"aggregate, special category on a large scale": {func(a *forms.Application) {
			anon(a)
			a.DPIA.Screening.LargeScale = true
			a.DPIA.Screening.SpecialCategory = true
		}, true, "Article 35(3)(b)"},
		"aggregate, on the ICO list": {func(a *forms.Application) {
			anon(a)
			a.DPIA.Screening.NewTechnology = true
		}, true, "ICO's list"},
		"aggregate, cohort linkage implies matching": {func(a *forms.Application) {
			anon(a)
			a.Cohort.Needed = true
		}, true, "ICO's list"},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			a := forms.Example()
			tc.edit(a)
			r := forms.ScreenDPIA(a)
			assert.Equal(t, tc.required, r.Required)
			assert.Contains(t, r.Reason, tc.reason)
		})
	}
}

func TestScreeningAnswersShowWhatTheApplicationSettles(t *testing.T) {
	a := forms.Example()
	a.DPIA.Screening = forms.DPIAScreening{}
	a.Legal.CLDC = forms.CLDCS251
	got := map[string]string{}
	for _, ans := range forms.ScreenDPIA(a).Answers {
		if ans.Yes {
			got[ans.Key] = ans.FromApplication
		}
	}
	assert.Equal(t, map[string]string{
		"special_category":     "The products requested are identifiable and pseudonymised health data.",
		"data_matching":        "A cohort is linked to national data sets.",
		"invisible_processing": "Confidential patient information flows under s251, without consent.",
	}, got)
}

func TestScreeningGetSet(t *testing.T) {
	var s forms.DPIAScreening
	for _, q := range forms.ScreeningQuestions {
		assert.False(t, s.Get(q.Key), q.Key)
		s.Set(q.Key, true)
		assert.True(t, s.Get(q.Key), q.Key)
	}
	assert.Equal(t, forms.DPIAScreening{SpecialCategory: true, LargeScale: true, Matching: true, NewTechnology: true,
		Vulnerable: true, Invisible: true, AutomatedDecisions: true, GeneticOrBiometric: true}, s)
	assert.False(t, s.Get("unknown"))
}
