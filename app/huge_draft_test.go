package app

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"

	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A 200,000-character objective (real DARS objectives run to 20,000) and
// 500 people must not freeze any section: every one builds, and derived
// text that repeats the objective is shown shortened.
func TestHugeAnswersOpenEverySection(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = strings.Repeat("The cohort objective text. ", 200000/27+1)[:200000]
	for i := len(a.People); i < 500; i++ {
		a.People = append(a.People, forms.Person{ID: fmt.Sprintf("p%d", i), Name: fmt.Sprintf("Person %d", i), Role: "Analyst", OrganisationID: a.People[0].OrganisationID})
	}
	e := openSection(t, a, forms.SectionOverview)
	for _, s := range forms.Sections {
		e.showSection(s.ID)
		assert.Equal(t, s.ID, e.current)
	}
	e.showSection(forms.SectionDPIA)
	long := 0
	walk(e.body.Content, func(o fyne.CanvasObject) {
		if l, ok := o.(*wrapLabel); ok && strings.Contains(l.Text, "The cohort objective text.") {
			long = max(long, utf8.RuneCountInString(l.Text))
		}
	})
	assert.Positive(t, long, "the DPIA repeats the objective")
	assert.LessOrEqual(t, long, previewLimit+200, "shortened in the window")
}
