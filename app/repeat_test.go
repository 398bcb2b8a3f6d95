package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Each repeating group adds, reorders and removes entries, keeping the
// answers of the entries that stay, with the mouse and with the keyboard.
func TestRepeatingGroups(t *testing.T) {
	tests := map[string]struct {
		section forms.SectionID
		group   string
		name    string // the text field typed into, relative to the entry
		names   func(a *forms.Application) []string
	}{
		"products": {forms.SectionData, "data.products", "years_reason", func(a *forms.Application) []string {
			var out []string
			for _, p := range a.Data.Products {
				out = append(out, p.YearsReason)
			}
			return out
		}},
		"product fields": {forms.SectionData, "data.products[0].fields", "name", func(a *forms.Application) []string {
			var out []string
			for _, f := range a.Data.Products[0].Fields {
				out = append(out, f.Name)
			}
			return out
		}},
		"organisations": {forms.SectionOrganisations, "organisations", "name", func(a *forms.Application) []string {
			var out []string
			for _, o := range a.Organisations {
				out = append(out, o.Name)
			}
			return out
		}},
		"people": {forms.SectionOrganisations, "people", "name", func(a *forms.Application) []string {
			var out []string
			for _, p := range a.People {
				out = append(out, p.Name)
			}
			return out
		}},
		"locations": {forms.SectionTerritory, "locations", "site", func(a *forms.Application) []string {
			var out []string
			for _, l := range a.Locations {
				out = append(out, l.Site)
			}
			return out
		}},
		"consent materials": {forms.SectionLegal, "legal_basis.consent_materials", "version", func(a *forms.Application) []string {
			var out []string
			for _, c := range a.Legal.ConsentMaterials {
				out = append(out, c.Version)
			}
			return out
		}},
	}
	e := openSection(t, draftWithGroups(), forms.SectionOverview)
	for name, tc := range tests {
		t.Run(name, func(t *testing.T) {
			a := draftWithGroups()
			a.Legal.CLDC = forms.CLDCConsent
			switchDraft(t, e, a, tc.section)
			entry := func(i int) textBox {
				return field[textBox](t, e, tc.group+"["+string(rune('0'+i))+"]."+tc.name)
			}
			test.Type(entry(0), "A")

			// Add with the mouse: the cursor lands in the new entry.
			test.Tap(field[*widget.Button](t, e, tc.group))
			require.Len(t, tc.names(a), 2)
			focused := e.win.Canvas().Focused()
			assert.True(t, focused != nil && focused == firstFocusable(field[*foldingRow](t, e, tc.group+"[1]")),
				"the cursor is not in the new entry")
			test.Type(entry(1), "B")

			// Add with the keyboard: Space on the focused button.
			add := field[*widget.Button](t, e, tc.group)
			e.win.Canvas().Focus(add)
			add.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			require.Len(t, tc.names(a), 3)
			test.Type(entry(2), "C")
			assert.Equal(t, []string{"A", "B", "C"}, tc.names(a))

			// Reorder: C up, then A down.
			assert.True(t, rowButton(t, e, tc.group+"[0]", "up").Disabled(), "the first entry cannot move up")
			assert.True(t, rowButton(t, e, tc.group+"[2]", "down").Disabled(), "the last entry cannot move down")
			test.Tap(rowButton(t, e, tc.group+"[2]", "up"))
			assert.Equal(t, []string{"A", "C", "B"}, tc.names(a))
			test.Tap(rowButton(t, e, tc.group+"[0]", "down"))
			assert.Equal(t, []string{"C", "A", "B"}, tc.names(a))
			assert.Equal(t, "C", textOf(entry(0)), "the screen shows the new order")

			// Reorder with the keyboard: Space on a focused move button.
			down := rowButton(t, e, tc.group+"[1]", "down")
			e.win.Canvas().Focus(down)
			down.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			assert.Equal(t, []string{"C", "B", "A"}, tc.names(a))
			up := rowButton(t, e, tc.group+"[2]", "up")
			e.win.Canvas().Focus(up)
			up.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace})
			assert.Equal(t, []string{"C", "A", "B"}, tc.names(a))

			// Remove asks first; cancelling keeps the entry.
			test.Tap(rowButton(t, e, tc.group+"[1]", "remove"))
			confirm(t, e, "No")
			assert.Equal(t, []string{"C", "A", "B"}, tc.names(a))
			test.Tap(rowButton(t, e, tc.group+"[1]", "remove"))
			confirm(t, e, "Yes")
			assert.Equal(t, []string{"C", "B"}, tc.names(a))
			assert.Equal(t, "B", textOf(entry(1)))
			_, stale := e.fields[tc.group+"[2]."+tc.name]
			assert.False(t, stale, "the removed entry's field is still registered")

			e.save.flush()
			saved, err := e.ui.store.Load(a.ID)
			require.NoError(t, err)
			assert.Equal(t, []string{"C", "B"}, tc.names(saved))
		})
	}
}

// The readers of a product are the draft's people, chosen in a dialog and
// stored by ID; an unknown ID is kept for the checks to report.
func TestProductReaders(t *testing.T) {
	a := draftWithGroups()
	a.People = []forms.Person{{ID: "pe1", Name: "Ann", Role: "Analyst"}, {ID: "pe2", Name: "Bob"}, {ID: "pe3", Name: "Bob"}}
	a.Data.Products[0].AccessedBy = []string{"gone", "pe2"}
	e := openSection(t, a, forms.SectionData)
	choose := field[*widget.Button](t, e, "data.products[0].accessed_by")
	assert.NotNil(t, labelWith(e.body.Content, "Bob"), "the chosen reader is shown")

	test.Tap(choose)
	cg := checkGroupIn(e.win.Canvas().Overlays().Top())
	require.NotNil(t, cg, "no people to choose from")
	assert.Equal(t, []string{"Ann (Analyst)", "Bob", "Bob #2"}, cg.Options)
	assert.Equal(t, []string{"Bob"}, cg.Selected)
	cg.SetSelected([]string{"Ann (Analyst)", "Bob #2"})
	confirm(t, e, "Cancel")
	assert.Equal(t, []string{"gone", "pe2"}, a.Data.Products[0].AccessedBy, "cancel changes nothing")

	test.Tap(choose)
	cg = checkGroupIn(e.win.Canvas().Overlays().Top())
	cg.SetSelected([]string{"Ann (Analyst)", "Bob #2"})
	confirm(t, e, "Save")
	assert.Equal(t, []string{"gone", "pe1", "pe3"}, a.Data.Products[0].AccessedBy)
	assert.NotNil(t, labelWith(e.body.Content, "Ann (Analyst); Bob #2"))
}

func checkGroupIn(o fyne.CanvasObject) *widget.CheckGroup {
	switch w := o.(type) {
	case *widget.CheckGroup:
		return w
	case *fyne.Container:
		for _, k := range w.Objects {
			if c := checkGroupIn(k); c != nil {
				return c
			}
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(w).Objects() {
			if c := checkGroupIn(k); c != nil {
				return c
			}
		}
	}
	return nil
}

// People and locations pick their organisation from the draft's list.
func TestOrganisationPicker(t *testing.T) {
	a := draftWithGroups()
	a.Organisations = []forms.Organisation{{ID: "o1", Name: "Uni"}, {ID: "o2", Name: "Trust"}}
	e := openSection(t, a, forms.SectionOrganisations)
	sel := field[*widget.Select](t, e, "people[0].organisation_id")
	assert.Equal(t, []string{"1. Uni", "2. Trust"}, sel.Options)
	sel.SetSelectedIndex(1)
	assert.Equal(t, "o2", a.People[0].OrganisationID)

	// Renaming an organisation renames it in the picker.
	field[*widget.Entry](t, e, "organisations[0].name").SetText("University")
	assert.Equal(t, "1. University", field[*widget.Select](t, e, "people[0].organisation_id").Options[0])
	assert.Equal(t, "2. Trust", field[*widget.Select](t, e, "people[0].organisation_id").Selected)
}
