package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

// validatable is a text box that flags what it holds: an entry, or a
// long-answer editor.
type validatable interface {
	fyne.CanvasObject
	fyne.Focusable
	Validate() error
}

// A valid NHS number typed into any free-text answer is flagged at once, on
// the field itself; ordinary references are not (R-C8).
func TestIdentifiersFlaggedAsTyped(t *testing.T) {
	e := openSection(t, draftWithGroups(), forms.SectionOverview)
	tests := map[string]struct {
		section forms.SectionID
		path    string
		text    string
		flagged bool
	}{
		"NHS number in the objective":    {forms.SectionPurpose, "purpose.objective", "Follow up 943 476 5919 please", true},
		"NHS number in a new row":        {forms.SectionOrganisations, "people[1].role", "9434765919", true},
		"IRAS ID is fine":                {forms.SectionPurpose, "purpose.iras_reference", "312345", false},
		"CAG reference is fine":          {forms.SectionLegal, "legal_basis.cag_reference", "18/CAG/0038", false},
		"NHS number in a field's reason": {forms.SectionData, "data.products[0].fields[0].reason", "e.g. 943-476-5919", true},
	}
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			switchDraft(t, e, draftWithGroups(), tc.section)
			if tc.path == "people[1].role" {
				test.Tap(field[*widget.Button](t, e, "people"))
			}
			w := field[validatable](t, e, tc.path)
			test.Type(w, tc.text)
			if tc.flagged {
				assert.Error(t, w.Validate())
			} else {
				assert.NoError(t, w.Validate())
			}
		})
	}
}
