package forms_test

import (
	"testing"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/stretchr/testify/assert"
)

func TestLookupCountry(t *testing.T) {
	cases := map[string]struct {
		name       string
		uk, ew     bool
		eea        bool
		adequacy   forms.Adequacy
		needsTRA   bool
		unresolved bool
	}{
		"England":         {name: "England", uk: true, ew: true, adequacy: forms.FullAdequacy},
		" wales ":         {name: "Wales", uk: true, ew: true, adequacy: forms.FullAdequacy},
		"Scotland":        {name: "Scotland", uk: true, adequacy: forms.FullAdequacy},
		"N. Ireland":      {name: "Northern Ireland", uk: true, adequacy: forms.FullAdequacy},
		"U.K.":            {name: "United Kingdom", uk: true, adequacy: forms.FullAdequacy},
		"Great Britain":   {name: "United Kingdom", uk: true, adequacy: forms.FullAdequacy},
		"The Netherlands": {name: "Netherlands", eea: true, adequacy: forms.FullAdequacy},
		"Holland":         {name: "Netherlands", eea: true, adequacy: forms.FullAdequacy},
		"Éire":            {name: "Ireland", eea: true, adequacy: forms.FullAdequacy},
		"NORWAY":          {name: "Norway", eea: true, adequacy: forms.FullAdequacy},
		"Czech Republic":  {name: "Czechia", eea: true, adequacy: forms.FullAdequacy},
		"Switzerland":     {name: "Switzerland", adequacy: forms.FullAdequacy},
		"South Korea":     {name: "Republic of Korea", adequacy: forms.FullAdequacy},
		"Isle of Man":     {name: "Isle of Man", adequacy: forms.FullAdequacy},
		"U.S.A.":          {name: "United States", adequacy: forms.PartialAdequacy},
		"Canada":          {name: "Canada", adequacy: forms.PartialAdequacy},
		"Australia":       {name: "Australia", needsTRA: true},
		"India":           {name: "India", needsTRA: true},
		"Atlantis":        {unresolved: true},
		"":                {unresolved: true},
	}
	for in, want := range cases {
		t.Run(in, func(t *testing.T) {
			c, ok := forms.LookupCountry(in)
			if want.unresolved {
				assert.False(t, ok)
				return
			}
			assert.True(t, ok)
			assert.Equal(t, want.name, c.Name)
			assert.Equal(t, want.uk, c.UK, "UK")
			assert.Equal(t, want.ew, c.EnglandWales, "England and Wales")
			assert.Equal(t, want.eea, c.EEA, "EEA")
			assert.Equal(t, want.adequacy, c.Adequacy, "adequacy")
			assert.Equal(t, want.needsTRA, c.NeedsTRA(), "TRA")
			assert.Equal(t, want.name, forms.NormaliseCountry(in))
		})
	}
	assert.Equal(t, "Atlantis", forms.NormaliseCountry(" Atlantis "))
}

func TestTerritoryContains(t *testing.T) {
	get := func(s string) forms.Country { c, _ := forms.LookupCountry(s); return c }
	for _, tc := range []struct {
		t       forms.Territory
		country string
		in      bool
	}{
		{forms.TerritoryEnglandWales, "Wales", true},
		{forms.TerritoryEnglandWales, "Scotland", false},
		{forms.TerritoryEnglandWales, "United Kingdom", true}, // advised to name the nation
		{forms.TerritoryUK, "Northern Ireland", true},
		{forms.TerritoryUK, "Ireland", false},
		{forms.TerritoryUKEEA, "Ireland", true},
		{forms.TerritoryUKEEA, "Switzerland", false},
		{forms.TerritoryWorldwide, "Australia", true},
		{"", "England", false},
	} {
		assert.Equal(t, tc.in, tc.t.Contains(get(tc.country)), "%s in %s", tc.country, tc.t)
	}
}
