package app

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// crowdedDraft has groups long enough to fold, each entry with something
// missing, so findings point deep into every section.
func crowdedDraft() *forms.Application {
	a := forms.Example()
	for i := range 6 {
		a.Data.Products = append(a.Data.Products, forms.ProductRequest{ID: fmt.Sprintf("px%d", i), Name: fmt.Sprintf("Product %d", i),
			Fields: []forms.ProductField{{Name: "NHS number"}}})
	}
	for i := range 5 {
		a.Organisations = append(a.Organisations, forms.Organisation{ID: fmt.Sprintf("ox%d", i), Name: fmt.Sprintf("Organisation %d", i), Role: forms.RoleProcessor})
		a.People = append(a.People, forms.Person{ID: fmt.Sprintf("pex%d", i), Name: fmt.Sprintf("Person %d", i)})
	}
	a.Overview.RequestedTo = forms.NewDate(2020, 1, 1)
	return a
}

// inView reports whether obj lies within the section's visible area.
func inView(e *Editor, obj fyne.CanvasObject) bool {
	d := fyne.CurrentApp().Driver()
	top := d.AbsolutePositionForObject(e.body).Y
	y := d.AbsolutePositionForObject(obj).Y
	return y >= top-1 && y+min(obj.Size().Height, 40) <= top+e.body.Size().Height+1
}

// Choosing a finding shows its field and puts the cursor in it, wherever it
// is: far down a section, inside a folded entry of a group, in any section.
func TestAFindingLandsWhereItPoints(t *testing.T) {
	blank := forms.NewApplication("Blank", forms.NewDate(2026, 11, 23))
	blank.Cohort.Needed, blank.Legal.CLDC = true, forms.CLDCS251
	sections := map[forms.SectionID]bool{}
	for name, a := range map[string]*forms.Application{"crowded": crowdedDraft(), "blank": blank} {
		t.Run(name, func(t *testing.T) {
			e := openSection(t, a, forms.SectionOverview)
			e.win.Resize(fyne.NewSize(1260, 780))
			// One finding of each kind, the last (deepest) of its kind:
			// the twentieth product's field is what scrolls furthest.
			last := map[string]forms.Finding{}
			for _, f := range forms.Evaluate(a, time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)) {
				if f.Field != "" {
					last[f.CheckID+" "+forms.GenericPath(f.Field)] = f
				}
			}
			for _, f := range last {
				sections[f.Section] = true
				e.selectSection(forms.SectionOverview)
				e.Open(f.Section, f.Field)
				obj := e.lookupField(f.Field)
				if obj == nil {
					continue // TestFindingsOpenTheirField holds each screen to its fields
				}
				where := fmt.Sprintf("%s %s → %s", f.CheckID, f.Field, e.pathOf(obj))
				assert.True(t, shown(e, obj), "%s: the field is shown", where)
				assert.True(t, inView(e, obj), "%s: the field is scrolled into view", where)
				if foc, ok := obj.(fyne.Focusable); ok {
					assert.Equal(t, foc, e.win.Canvas().Focused(), "%s: the cursor is in the field", where)
				}
			}
		})
	}
	assert.GreaterOrEqual(t, len(sections), 9, "findings in most sections: %v", sections)
}

// While the pointer is over the readiness list, a finding resolved by
// typing stays in its row, marked, and nothing moves; the list catches up
// when the pointer leaves.
func TestTheReadinessListHoldsStillUnderThePointer(t *testing.T) {
	a := crowdedDraft()
	e := openSection(t, a, forms.SectionOverview)
	p := e.readiness
	row := -1
	for i, r := range p.rows {
		if r.finding != nil && r.finding.Field == "data.products[5].fields[0].reason" {
			row = i
		}
	}
	require.GreaterOrEqual(t, row, 0)
	before := len(p.rows)

	p.pointerIn()
	p.list.Select(row)
	box, ok := e.win.Canvas().Focused().(*widget.Entry)
	require.True(t, ok, "choosing the finding puts the cursor in its field")
	test.Type(box, "To link the cohort.")
	require.Len(t, p.rows, before, "no row comes or goes under the pointer")
	assert.True(t, p.rows[row].resolved, "the finding is marked resolved in its place")
	assert.Equal(t, "data.products[5].fields[0].reason", p.rows[row].finding.Field)
	p.list.Select(row)
	assert.Equal(t, box, e.win.Canvas().Focused(), "a resolved row opens nothing")

	p.pointerOut()
	assert.Less(t, len(p.rows), before, "the list catches up once the pointer leaves")
	for _, r := range p.rows {
		assert.False(t, r.resolved)
		if r.finding != nil {
			assert.NotEqual(t, "data.products[5].fields[0].reason", r.finding.Field)
		}
	}
}
