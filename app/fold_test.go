package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/formstest"
)

func fiveProducts() *forms.Application {
	a := draftWithGroups()
	a.Data.Products = nil
	for _, n := range []string{"A", "B", "C", "D", "E"} {
		a.Data.Products = append(a.Data.Products, forms.ProductRequest{ID: n, Name: n})
	}
	return a
}

// A long group starts folded to its headings; unfolding builds the entry,
// and a finding opening a field inside a folded entry unfolds it.
func TestLongGroupsFold(t *testing.T) {
	a := fiveProducts()
	e := openSection(t, a, forms.SectionData)
	_, built := e.fields["data.products[4].years_reason"]
	assert.False(t, built, "a long group should start folded")
	assert.NotNil(t, labelWith(e.body.Content, "Product 5: E"), "a folded entry still shows its heading")

	e.Open(forms.SectionData, "data.products[4].years_reason")
	w := field[*longText](t, e, "data.products[4].years_reason")
	assert.True(t, shown(e, w))
	assert.Equal(t, w, e.win.Canvas().Focused(), "the cursor is not in the field opened")

	// The toggle folds it again, keeping what was typed.
	test.Type(w, "Kept")
	toggle := findButton(field[*foldingRow](t, e, "data.products[4]").Container, flatIcon(theme.MenuDropDownIcon()).Name())
	require.NotNil(t, toggle)
	test.Tap(toggle)
	assert.False(t, shown(e, w))
	test.Tap(toggle)
	assert.True(t, shown(e, w))
	assert.Equal(t, "Kept", a.Data.Products[4].YearsReason)

	// Folding follows an entry when it moves.
	test.Tap(rowButton(t, e, "data.products[4]", "up"))
	assert.Equal(t, "E", a.Data.Products[3].Name)
	_, unfolded := e.fields["data.products[3].years_reason"]
	assert.True(t, unfolded, "the moved entry lost its unfolding")
	_, folded := e.fields["data.products[4].years_reason"]
	assert.False(t, folded, "the entry moved down should stay folded")
}

// A short group shows its entries unfolded, and an added entry is unfolded.
func TestShortGroupsAndNewEntriesUnfold(t *testing.T) {
	a := draftWithGroups()
	e := openSection(t, a, forms.SectionData)
	_, ok := e.fields["data.products[0].years_reason"]
	assert.True(t, ok)

	switchDraft(t, e, fiveProducts(), forms.SectionData)
	test.Tap(field[*widget.Button](t, e, "data.products"))
	_, ok = e.fields["data.products[5].years_reason"]
	assert.True(t, ok, "a new entry should open ready to type in")
}

// Showing a section of a large draft (50 products of 12 fields, 30
// organisations, 100 people, long answers) must not stall the window: each
// section's screen built from scratch, as on first showing it.
func BenchmarkShowLargeSection(b *testing.B) {
	e := openSection(b, formstest.Large(), forms.SectionOverview)
	for _, s := range forms.Sections {
		b.Run(string(s.ID), func(b *testing.B) {
			defer reportCPU(b)()
			for b.Loop() {
				e.showSection(s.ID)
			}
		})
	}
}

// Going back to a section whose draft has not changed shows the screen as it
// was left; an edit, a new revision or a change made behind the window's
// back builds it again.
func TestSwitchingBackKeepsTheScreen(t *testing.T) {
	e := openSection(t, formstest.Large(), forms.SectionData)
	data := e.body.Content
	e.body.ScrollToOffset(fyne.NewPos(0, 300))
	e.showSection(forms.SectionPurpose)
	e.showSection(forms.SectionData)
	assert.Same(t, data, e.body.Content, "the screen was built again")
	assert.Equal(t, float32(300), e.body.Offset.Y, "the screen is not where it was left")
	assert.Contains(t, e.fields, "data.products")

	// An edit elsewhere: the kept screen is not used.
	e.showSection(forms.SectionPurpose)
	test.Type(field[*longText](t, e, "purpose.objective"), "More. ")
	e.showSection(forms.SectionData)
	assert.NotSame(t, data, e.body.Content)

	// A change nobody announced: neither.
	data = e.body.Content
	e.showSection(forms.SectionPurpose)
	e.App().Data.Products[0].Name = "Changed behind the window's back"
	e.showSection(forms.SectionData)
	assert.NotSame(t, data, e.body.Content)

	// Showing the section shown builds it again.
	data = e.body.Content
	e.showSection(forms.SectionData)
	assert.NotSame(t, data, e.body.Content)
}

// BenchmarkSwitchBackLargeSection is going back to a section of the large
// draft left unchanged: every section in turn, each already shown once.
func BenchmarkSwitchBackLargeSection(b *testing.B) {
	e := openSection(b, formstest.Large(), forms.SectionOverview)
	for _, s := range forms.Sections {
		e.showSection(s.ID)
	}
	defer reportCPU(b)()
	i := 0
	for b.Loop() {
		e.showSection(forms.Sections[i%len(forms.Sections)].ID)
		i++
	}
}
