package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"

	"github.com/darsworkbench/dars-workbench/forms"
)

// shownChecks lists the boxes of a further-bases grid that are on screen.
func shownChecks(c *fyne.Container) []string {
	var out []string
	for _, o := range c.Objects {
		if ch, ok := o.(*widget.Check); ok && ch.Visible() {
			out = append(out, ch.Text)
		}
	}
	return out
}

// The further bases never offer the one chosen above them; a further one
// that becomes the main one leaves the further ones.
func TestFurtherBasesLeaveOutTheMainOne(t *testing.T) {
	a := forms.Example() // Article 6(1)(e), Article 9(2)(j)
	a.Legal.Article6Additional = []forms.Article6{"6-1-a", "6-1-c"}
	e := openSection(t, a, forms.SectionLegal)
	more6 := field[*fyne.Container](t, e, "legal_basis.article6_additional")
	more9 := field[*fyne.Container](t, e, "legal_basis.article9_additional")
	assert.NotContains(t, shownChecks(more6), "6(1)(e)")
	assert.Contains(t, shownChecks(more6), "6(1)(a)")
	assert.NotContains(t, shownChecks(more9), "9(2)(j)")

	field[*widget.Select](t, e, "legal_basis.article6").SetSelected(forms.LabelOf(forms.Article6Choices, "6-1-a"))
	assert.Equal(t, forms.Article6("6-1-a"), e.App().Legal.Article6)
	assert.Equal(t, []forms.Article6{"6-1-c"}, e.App().Legal.Article6Additional, "the new main basis is no longer a further one")
	assert.NotContains(t, shownChecks(more6), "6(1)(a)")
	assert.Contains(t, shownChecks(more6), "6(1)(e)", "the old main basis may now be a further one")
}
