package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A pasted book in a long-text field must not stall the section: word
// wrapping it took minutes on every layout before the cap.
func TestPurposeOpensWithAHugeObjective(t *testing.T) {
	a := forms.Example()
	a.ID = ""
	a.Purpose.Objective = strings.Repeat("The cohort objective text. ", 8000)
	e := openSection(t, a, forms.SectionPurpose)
	field[fyne.CanvasObject](t, e, "purpose.objective")
}
