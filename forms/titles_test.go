package forms_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestDistinctTitle(t *testing.T) {
	on := forms.NewDate(2026, 11, 23)
	for name, tc := range map[string]struct {
		title    string
		existing []string
		want     string
	}{
		"new title kept":  {"Kidney study", []string{"Other"}, "Kidney study"},
		"taken is marked": {"Kidney study", []string{"Kidney study"}, "Kidney study (imported 23 Nov 2026)"},
		"marked twice":    {"Kidney study", []string{"Kidney study", "Kidney study (imported 23 Nov 2026)"}, "Kidney study (imported 23 Nov 2026, 2)"},
		"three times": {"K", []string{"K", "K (imported 23 Nov 2026)", "K (imported 23 Nov 2026, 2)"},
			"K (imported 23 Nov 2026, 3)"},
		"space ignored": {" K ", []string{"K"}, "K (imported 23 Nov 2026)"},
	} {
		t.Run(name, func(t *testing.T) { assert.Equal(t, tc.want, forms.DistinctTitle(tc.title, tc.existing, on)) })
	}
}
