package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// dataView is Data requested (R-D1…R-D7): the products wanted, each with its
// years, fields and reasons, identifiability, readers and legal basis.
type dataView struct {
	e        *Editor
	g        *guide
	products *repeat[forms.ProductRequest]
	aggNote  fyne.CanvasObject
	mris     fyne.CanvasObject
	gp       fyne.CanvasObject
}

func newDataView(e *Editor) fyne.CanvasObject {
	v := &dataView{e: e, g: sectionGuide(forms.SectionData)}
	d := &e.App().Data

	v.aggNote = Hint("Aggregate HES route: NHS England runs the analysis on its own secure servers, so no organisation needs a DSPT for it. Ask only for figures that are not already published.")
	q := questions{e, v.g}
	agg := newForm(q.check("data.aggregated_hes_only", "Only unpublished aggregate HES figures", &d.AggregatedHESOnly, func(on bool) { Shown(v.aggNote, on) }))
	Shown(v.aggNote, d.AggregatedHESOnly)

	v.mris = v.mrisSuggestion()
	v.gp = notice(theme.WarningIcon(), "GP data is in the request: the Professional Advisory Group may need to review it, which adds time to assurance.")

	v.products = newRepeat(e, "data.products", &d.Products, "product")
	v.products.empty = "No products yet. Add one and pick it from the catalogue, or type its name."
	v.products.title = func(i int, p *forms.ProductRequest) string {
		return fmt.Sprintf("Product %d: %s", i+1, orDefault(p.Name, "unnamed"))
	}
	v.products.fresh = func() forms.ProductRequest {
		return forms.ProductRequest{ID: forms.NewID(), Frequency: "one-off"}
	}
	v.products.row = v.productRow
	list := v.products.build()

	v.refreshNotes()
	e.OnFindings(v.refreshNotes)
	var unread fyne.CanvasObject = container.NewVBox()
	if productsErr != nil {
		unread = notice(theme.ErrorIcon(), "The product catalogue could not be read, so there is nothing to pick from: type each product's name as NHS England spells it. ("+productsErr.Error()+")")
	}
	return container.NewVBox(v.g.intro(), unread, agg, v.aggNote, v.mris, v.gp,
		heading("Products"), v.g.field("data.products", Hint(v.g.note("data.products"))), list)
}

// refreshNotes shows the suggestions that follow from the answers so far.
func (v *dataView) refreshNotes() {
	a := v.e.App()
	Shown(v.mris, a.Cohort.Needed && !hasMRIS(a.Data.Products))
	Shown(v.gp, hasGPData(a.Data.Products))
}

func (v *dataView) mrisSuggestion() fyne.CanvasObject {
	add := widget.NewButtonWithIcon("Add MRIS product", theme.ContentAddIcon(), func() {
		p := forms.ProductRequest{ID: forms.NewID(), Name: "MRIS - Cohort Event Notification Report", Frequency: "one-off"}
		if cp, ok := forms.LookupProduct(p.Name); ok {
			cp.Prefill(&p)
		}
		v.e.App().Data.Products = append(v.e.App().Data.Products, p)
		v.products.afterChange()
	})
	return container.NewBorder(nil, nil, nil, container.NewCenter(add),
		notice(theme.InfoIcon(), "You supply a cohort: for medical research NHS England usually recommends an MRIS demographics and tracing product as well."))
}

func (v *dataView) productRow(i int, path string, p *forms.ProductRequest) fyne.CanvasObject {
	e, q := v.e, questions{v.e, v.g}
	namePath := path + ".name"
	name := e.Suggest(namePath, &p.Name, productSuggestions(p.Name))
	name.SetPlaceHolder("Type any word or abbreviation (HES, ECDS, deaths…) and pick, or type a name")
	v.products.titled(&name.Entry)

	years := container.NewGridWithColumns(2,
		e.TextEntry(path+".historic_from", &p.HistoricFrom, "From year, e.g. 2000", nil),
		e.TextEntry(path+".historic_to", &p.HistoricTo, "To year, e.g. 2026", nil),
	)
	fields := newRepeat(e, path+".fields", &p.Fields, "field")
	fields.flat = true
	fields.empty = "No fields yet: add each field you need with the reason it is needed."
	fields.title = func(j int, f *forms.ProductField) string {
		return fmt.Sprintf("Field %d: %s", j+1, orDefault(f.Name, "unnamed"))
	}
	fields.row = func(j int, fp string, f *forms.ProductField) fyne.CanvasObject {
		name := fields.titled(e.TextEntry(fp+".name", &f.Name, "Field name, e.g. Admission date", nil))
		reason := e.TextEntry(fp+".reason", &f.Reason, "Why it is needed", nil)
		reason.MultiLine, reason.Wrapping = true, fyne.TextWrapWord
		reason.SetMinRowsVisible(reasonRows(f.Reason))
		reason.OnChanged = chain(reason.OnChanged, func() { reason.SetMinRowsVisible(reasonRows(f.Reason)) })
		return container.NewBorder(nil, nil, &fyne.Container{Layout: fixedWidth{200}, Objects: []fyne.CanvasObject{name}}, nil, reason)
	}

	ident := Choose(e, path+".identifiability", forms.IdentifiabilityChoices, &p.Identifiability, nil)
	freq := Choose(e, path+".frequency", forms.FrequencyChoices, &p.Frequency, nil)
	gp := e.Check(path+".gp_data", "This product holds GP (primary care) records", &p.GPData, nil)
	gateway := e.Suggest(path+".dissemination_gateway", &p.DisseminationGateway, gatewaysFor(p.Name))
	gateway.SetPlaceHolder("e.g. Health and Social Care Act 2012 – s261(2)(b)(ii)")
	gateway.Validator = forms.ValidateGateway
	route := chooseRoute(e, path+".confidentiality", &p.Confidentiality, "As the Legal basis section")

	// What the catalogue knows of the name, or the names nearest to it.
	facts := Hint("")
	nearest := container.NewVBox()
	picked := forms.SpellingKey(p.Name)
	var use func(cp forms.Product)
	refreshFacts := func() {
		nearest.Objects = nil
		switch cp, ok := forms.LookupProduct(p.Name); {
		case ok:
			facts.SetText(productFacts(cp))
		case strings.TrimSpace(p.Name) == "":
			facts.SetText("Pick a product to see what approved agreements received it as.")
		default:
			near := forms.NearestProducts(products, p.Name, 3)
			if len(near) == 0 {
				facts.SetText("Not a product name seen on approved agreements. Check it against NHS England's list of data products.")
			} else {
				facts.SetText("Not a product name seen on approved agreements. The nearest catalogue names:")
				nearest.Add(nearestButtons(near, func(n string) {
					if cp, ok := forms.LookupProduct(n); ok {
						use(cp)
					}
				}))
			}
		}
		nearest.Refresh()
	}
	// use fills in what approved agreements show for the product picked,
	// keeping any level the applicant already chose (R-D1).
	use = func(cp forms.Product) {
		picked = forms.SpellingKey(cp.Name)
		before := *p
		cp.Prefill(p)
		if name.Text != p.Name {
			name.SetText(p.Name)
		}
		if p.Identifiability != before.Identifiability {
			ident.SetSelected(forms.LabelOf(forms.IdentifiabilityChoices, string(p.Identifiability)))
		}
		if p.Frequency != before.Frequency {
			freq.SetSelected(forms.LabelOf(forms.FrequencyChoices, string(p.Frequency)))
		}
		if p.GPData != before.GPData {
			gp.SetChecked(p.GPData)
		}
		gateway.SetOptions(gatewaysFor(p.Name))
		if p.DisseminationGateway != before.DisseminationGateway {
			gateway.SetText(p.DisseminationGateway)
		}
		refreshFacts()
		e.Changed()
	}
	name.OnChanged = chain(name.OnChanged, func() {
		name.SetOptions(productSuggestions(p.Name))
		// A catalogue name typed or chosen from the list is a pick; the
		// same name again (a reload, a case change) prefills nothing.
		if cp, ok := forms.LookupProduct(p.Name); ok && forms.SpellingKey(cp.Name) != picked {
			use(cp)
			return
		}
		gateway.SetOptions(gatewaysFor(p.Name))
		refreshFacts()
	})
	find := widget.NewButtonWithIcon("Catalogue…", theme.SearchIcon(), func() {
		showProductPicker(e.win, p.Name, use)
	})
	refreshFacts()

	return newForm(
		q.row("Product", namePath, container.NewVBox(
			container.NewBorder(nil, nil, nil, find, name), facts, nearest)),
		q.row("Historic years", path+".historic_from", years),
		q.check(path+".latest_available", "Up to the latest data available", &p.LatestAvailable, nil),
		q.check(path+".future_drops", "Future releases as well", &p.FutureDrops, nil),
		q.row("Frequency", path+".frequency", freq),
		q.long("Why these years", path+".years_reason", &p.YearsReason, "Why each year is needed"),
		q.row("Fields and reasons", path+".fields", fields.build()),
		q.row("", path+".gp_data", gp),
		q.row("Identifiability", path+".identifiability", ident),
		choiceRow(q, "Sensitivity", path+".sensitivity", forms.SensitivityChoices, &p.Sensitivity, nil),
		q.row("Who accesses it", path+".accessed_by", v.readers(path, p)),
		q.row("Confidentiality", path+".confidentiality", route),
		q.row("Dissemination gateway", path+".dissemination_gateway", gateway),
		q.suggest("Legal basis", path+".legal_basis", &p.LegalBasis, legalBasisSuggestions()),
		q.text("Transparency notice", path+".transparency_notice", &p.TransparencyNotice, "Link to the privacy notice"),
	)
}

// chooseRoute edits a flow's own confidentiality route (R-L3); its first
// choice, the empty value, follows the application's route and reads as
// follows.
func chooseRoute(e *Editor, path string, p *forms.CLDCRoute, follows string) *widget.Select {
	return chooseRouteThen(e, path, p, follows, nil)
}

// chooseRouteThen is chooseRoute with a follow-up after each choice.
func chooseRouteThen(e *Editor, path string, p *forms.CLDCRoute, follows string, then func()) *widget.Select {
	choices := append([]forms.Choice{{Value: "", Label: follows}}, forms.CLDCChoices...)
	var after func(forms.CLDCRoute)
	if then != nil {
		after = func(forms.CLDCRoute) { then() }
	}
	w := Choose(e, path, choices, p, after)
	if *p == "" {
		w.Selected = follows
	}
	return w
}

func hasMRIS(ps []forms.ProductRequest) bool {
	for _, p := range ps {
		if forms.IsTracingProduct(p.Name) {
			return true
		}
	}
	return false
}

// hasGPData: a product ticked as GP data, or named as such though not yet
// ticked, brings the PAG note (R-D6).
func hasGPData(ps []forms.ProductRequest) bool {
	for _, p := range ps {
		if p.GPData || forms.MentionsGPData(p.Name) {
			return true
		}
	}
	return false
}

// notice is a one-line message with an icon, for suggestions and
// consequences that follow from the answers.
func notice(icon fyne.Resource, text string) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(icon)), nil, l)
}

// reasonRows lets a minimisation reason grow from one line to four as it
// is typed, so a long reason stays readable without taking room when short.
// The box is about 35 characters wide beside the field's name.
func reasonRows(s string) int { return min(1+len([]rune(s))/32, 4) }
