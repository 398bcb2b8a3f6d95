package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// keepRender keeps the editor window, resized to size, as name.png in
// $DARS_SHOTS so a person can look at it.
func keepRender(t *testing.T, e *Editor, name string, size fyne.Size) {
	t.Helper()
	if os.Getenv("DARS_SHOTS") == "" {
		return
	}
	e.win.Resize(size)
	shoot(t, e.win, name+".png")
}

func withBlankProduct() *forms.Application {
	a := forms.Example()
	// Three products: more would show folded.
	a.Data.Products = append(a.Data.Products[:2], forms.ProductRequest{ID: "p9", Frequency: "one-off"})
	return a
}

// Picking a catalogue name fills in what approved agreements show for it:
// the least identifying level, the frequency and the one gateway used.
func TestPickingAProductPrefillsIt(t *testing.T) {
	e := openSection(t, withBlankProduct(), forms.SectionData)
	name := field[*widget.SelectEntry](t, e, "data.products[2].name")
	name.SetText("NDRS Cancer Registrations")
	p := e.App().Data.Products[2]
	assert.Equal(t, forms.Identifiable, p.Identifiability)
	assert.Equal(t, forms.Frequency("ongoing"), p.Frequency)
	assert.Equal(t, "Health and Social Care Act 2012 – s261(2)(c)", p.DisseminationGateway)
	assert.Equal(t, "Identifiable", field[*widget.Select](t, e, "data.products[2].identifiability").Selected)
	assert.Equal(t, "Ongoing", field[*widget.Select](t, e, "data.products[2].frequency").Selected)
	assert.Equal(t, p.DisseminationGateway, field[*widget.SelectEntry](t, e, "data.products[2].dissemination_gateway").Text)

	// Typing another product by any word narrows the list to it.
	name.SetText("ecds")
	assert.Equal(t, "Emergency Care Data Set (ECDS)", productSuggestions("ecds")[0])
	assert.Equal(t, forms.Identifiable, e.App().Data.Products[2].Identifiability, "a half-typed name prefills nothing")
}

// A level the applicant chose is kept when a product is picked.
func TestPickingKeepsTheChosenLevel(t *testing.T) {
	a := withBlankProduct()
	a.Data.Products[2].Identifiability = forms.Pseudonymised
	e := openSection(t, a, forms.SectionData)
	field[*widget.SelectEntry](t, e, "data.products[2].name").SetText("Emergency Care Data Set (ECDS)")
	p := e.App().Data.Products[2]
	assert.Equal(t, forms.Pseudonymised, p.Identifiability)
	assert.Empty(t, p.DisseminationGateway, "several gateways seen: offered, not chosen")
	assert.Contains(t, gatewaysFor(p.Name), "Health and Social Care Act 2012 – s261(2)(a)", "the gateways seen for it are offered")
}

// A name the catalogue does not know offers the nearest names, each a
// button that uses it.
func TestUnknownProductNameOffersTheNearest(t *testing.T) {
	e := openSection(t, withBlankProduct(), forms.SectionData)
	field[*widget.SelectEntry](t, e, "data.products[2].name").SetText("Emergency Care Dataset")
	row := field[*foldingRow](t, e, "data.products[2]")
	b := findButton(row.Container, "Use “Emergency Care Data Set (ECDS)”")
	require.NotNil(t, b, "the nearest catalogue name is offered")
	test.Tap(b)
	p := e.App().Data.Products[2]
	assert.Equal(t, "Emergency Care Data Set (ECDS)", p.Name)
	assert.Equal(t, forms.AnonymisedICO, p.Identifiability)
	assert.Nil(t, findButton(row.Container, "Use “Emergency Care Data Set (ECDS)”"), "the advice goes once the name is known")
	keepRender(t, e, "data-requested", fyne.NewSize(1300, 2400))
}

// The catalogue dialog finds by abbreviation and picks on Enter.
func TestProductPickerDialog(t *testing.T) {
	e := openSection(t, withBlankProduct(), forms.SectionData)
	var got forms.Product
	showProductPicker(e.win, "", func(p forms.Product) { got = p })
	top := e.win.Canvas().Overlays().Top()
	require.NotNil(t, top)
	entry := findEntry(top)
	require.NotNil(t, entry)
	test.Type(entry, "mhsds")
	entry.OnSubmitted(entry.Text)
	assert.Equal(t, "Mental Health Services Data Set (MHSDS)", got.Name)
}

func findEntry(o fyne.CanvasObject) *widget.Entry {
	switch w := o.(type) {
	case *widget.Entry:
		return w
	case *fyne.Container:
		for _, k := range w.Objects {
			if e := findEntry(k); e != nil {
				return e
			}
		}
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(w).Objects() {
			if e := findEntry(k); e != nil {
				return e
			}
		}
	}
	return nil
}

// Each product and the cohort carry their own route; each organisation its type.
func TestPerFlowAndPerOrganisationFields(t *testing.T) {
	e := openSection(t, forms.Example(), forms.SectionData)
	route := field[*widget.Select](t, e, "data.products[0].confidentiality")
	assert.Equal(t, "As the Legal basis section", route.Selected)
	route.SetSelected(forms.LabelOf(forms.CLDCChoices, string(forms.CLDCNone)))
	assert.Equal(t, forms.CLDCNone, e.App().Data.Products[0].Confidentiality)
	field[*widget.Select](t, e, "data.products[0].sensitivity").SetSelected("Sensitive")
	assert.Equal(t, forms.Sensitivity("sensitive"), e.App().Data.Products[0].Sensitivity)

	e.showSection(forms.SectionOrganisations)
	name := field[*widget.Entry](t, e, "organisations[0].name")
	name.SetText("Exampleton Teaching Hospitals NHS Trust")
	assert.Equal(t, forms.OrganisationType("nhs-trust"), e.App().Organisations[0].Type, "the type follows what the name says")
	field[*widget.Select](t, e, "organisations[0].type").SetSelected(forms.LabelOf(forms.OrganisationTypeChoices, "academic"))
	name.SetText("University of Exampleton NHS Trust Partnership")
	assert.Equal(t, forms.OrganisationType("academic"), e.App().Organisations[0].Type, "a type the applicant chose is kept")
	keepRender(t, e, "organisations", fyne.NewSize(1300, 1800))
}

// The cohort's own flow: hashed keys carry no confidential information,
// another sender is named.
func TestCohortOwnFlow(t *testing.T) {
	e := openSection(t, forms.Example(), forms.SectionCohort)
	fields := field[*widget.CheckGroup](t, e, "cohort.validation_fields")
	fields.SetSelected([]string{"Hashed NHS number", "Study ID", "Other linkage key"})
	assert.Equal(t, []forms.ValidationField{forms.VFStudyID, forms.VFHashedNHSNumber, forms.VFOtherKey}, e.App().Cohort.ValidationFields)
	other := field[*widget.Entry](t, e, "cohort.other_linkage_keys")
	assert.True(t, shown(e, other), "other keys are asked for once ticked")
	v := e.body.Content
	assert.True(t, strings.Contains(strings.Join(labelsUnder(v), "\n"), "carries no direct identifiers"))

	sender := field[*widget.SelectEntry](t, e, "cohort.sender_name")
	assert.False(t, shown(e, sender))
	field[*widget.RadioGroup](t, e, "cohort.sender").SetSelected("Another organisation")
	assert.True(t, shown(e, sender))
	sender.SetText("Leeds Clinical Trials Research Unit")
	assert.Equal(t, "Leeds Clinical Trials Research Unit", e.App().Cohort.SenderName)
	keepRender(t, e, "cohort", fyne.NewSize(1300, 1500))
}

// Further Article 6 bases and Article 9 conditions are ticked beside the
// main ones, and the routes in use bring their questions.
func TestLegalBasisFurtherConditionsAndRoutes(t *testing.T) {
	e := openSection(t, forms.Example(), forms.SectionLegal)
	grid := field[*fyne.Container](t, e, "legal_basis.article9_additional")
	require.Len(t, grid.Objects, len(forms.Article9Choices))
	grid.Objects[7].(*widget.Check).SetChecked(true) // 9(2)(h)
	assert.Equal(t, []forms.Article9{"9-2-h"}, e.App().Legal.Article9Additional)

	scope := field[*widget.Entry](t, e, "legal_basis.s251_scope")
	assert.False(t, shown(e, scope))
	field[*widget.Select](t, e, "legal_basis.cldc_route").SetSelected(forms.LabelOf(forms.CLDCChoices, string(forms.CLDCMixture)))
	assert.True(t, shown(e, scope), "a mixture has s251-supported flows")
	field[*widget.Select](t, e, "legal_basis.cldc_route").SetSelected(forms.LabelOf(forms.CLDCChoices, string(forms.CLDCStatutory)))
	assert.False(t, shown(e, scope))
	assert.True(t, shown(e, e.fields["legal_basis.cldc_explanation"]), "a statutory exemption names its law")
	keepRender(t, e, "legal", fyne.NewSize(1300, 1800))
}
