package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

func TestWithoutCodes(t *testing.T) {
	cases := map[string]string{
		"The period of data access you are asking for (R-P7).":                   "The period of data access you are asking for.",
		"Products (R-D1, R-D2)":                                                  "Products",
		"Organisations (R-O1…R-O5, R-O7)":                                        "Organisations",
		"usually recommended (R-D5). GP data may need review (R-D6, R-P5).":      "usually recommended. GP data may need review.",
		"A reference like DARS-NIC-116377-L5J9M (R-P6) stays; R-P6 in prose too": "A reference like DARS-NIC-116377-L5J9M stays; R-P6 in prose too",
		"No codes at all (really).":                                              "No codes at all (really).",
	}
	for in, want := range cases {
		assert.Equal(t, want, withoutCodes(in))
	}
}

// Requirement codes are for IG leads, who look for them in the ⓘ text and
// the readiness findings: no label, heading, hint or placeholder on any
// section's screen shows one.
func TestScreensShowNoRequirementCodes(t *testing.T) {
	blank := forms.NewApplication("Blank", forms.NewDate(2026, 11, 23))
	blank.Cohort.Needed, blank.Legal.CLDC, blank.Data.AggregatedHESOnly = true, forms.CLDCS251, true
	for name, a := range map[string]*forms.Application{"example": forms.Example(), "blank": blank} {
		t.Run(name, func(t *testing.T) {
			e := openSection(t, a, forms.SectionOverview)
			for _, s := range forms.Sections {
				e.showSection(s.ID)
				for _, o := range test.LaidOutObjects(e.body.Content) {
					var text string
					switch w := o.(type) {
					case *widget.Label:
						text = w.Text
					case *widget.Check:
						text = w.Text
					case *widget.Entry:
						text = w.PlaceHolder
					case *widget.Select:
						text = w.PlaceHolder
					}
					assert.NotRegexp(t, requirementCodes, text, "%s: %T", s.ID, o)
				}
			}
		})
	}
}
