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

// legalView is Legal basis (R-L1…R-L8): the UK GDPR articles, the
// confidentiality route and what each route brings with it.
type legalView struct {
	e          *Editor
	g          *guide
	consent    *fyne.Container
	s251       *fyne.Container
	other      *fyne.Container
	directions *fyne.Container
}

func newLegalView(e *Editor) fyne.CanvasObject {
	v := &legalView{e: e, g: sectionGuide(forms.SectionLegal)}
	l := &e.App().Legal
	q := questions{e, v.g}

	more6, main6 := multiChoice(e, "legal_basis.article6_additional", forms.Article6Choices, &l.Article6Additional, l.Article6)
	more9, main9 := multiChoice(e, "legal_basis.article9_additional", forms.Article9Choices, &l.Article9Additional, l.Article9)
	gdpr := newForm(
		choiceRow(q, "Article 6 basis", "legal_basis.article6", forms.Article6Choices, &l.Article6, main6),
		q.row("Further Article 6 bases", "legal_basis.article6_additional", more6),
		choiceRow(q, "Article 9 condition", "legal_basis.article9", forms.Article9Choices, &l.Article9, main9),
		q.row("Further Article 9 conditions", "legal_basis.article9_additional", more9),
	)
	route := newForm(
		choiceRow(q, "Route", "legal_basis.cldc_route", forms.CLDCChoices, &l.CLDC, v.onRoute),
	)

	materials := newRepeat(e, "legal_basis.consent_materials", &l.ConsentMaterials, "consent document")
	materials.empty = "No consent documents yet: add every version of the information sheet and consent form ever used."
	materials.title = func(i int, m *forms.ConsentMaterial) string {
		return fmt.Sprintf("%s, version %s", forms.LabelOf(forms.ConsentMaterialChoices, string(m.Kind)), orDefault(m.Version, "?"))
	}
	materials.fresh = func() forms.ConsentMaterial {
		return forms.ConsentMaterial{ID: forms.NewID(), Kind: "information-sheet"}
	}
	materials.row = func(i int, path string, m *forms.ConsentMaterial) fyne.CanvasObject {
		return newForm(
			choiceRow(q, "Document", path+".kind", forms.ConsentMaterialChoices, &m.Kind, func(forms.ConsentMaterialKind) { materials.retitle() }),
			q.text("Version", path+".version", &m.Version, "e.g. 3.1", materials.titled),
			q.date("Used from", path+".used_from", &m.From),
			q.date("Used until", path+".used_to", &m.To),
		)
	}
	v.consent = container.NewVBox(
		heading("Consent materials"),
		materials.build(),
		newForm(q.long("Contact with the cohort", "legal_basis.cohort_contact", &l.CohortContact, "Newsletters, website, annual letters")),
	)

	v.s251 = container.NewVBox(
		heading("Section 251 support"),
		newForm(
			q.text("CAG reference", "legal_basis.cag_reference", &l.CAGReference, "e.g. 18/CAG/0038"),
			q.long("What the support covers", "legal_basis.s251_scope", &l.S251Scope, "Receipt, linkage and release by NHS England, for this purpose and any amendment"),
			q.check("legal_basis.s251_support_current", "Support checked as current (CAG register)", &l.S251SupportCurrent, nil),
		),
		notice(theme.InfoIcon(), "Add the s251 application, its amendments, the approval letters and the documents CAG reviewed under Evidence."),
		notice(theme.WarningIcon(), "Under s251 the National Data Opt-out is applied before release: records of people who opted out will be missing from your data."),
		newForm(q.check("legal_basis.opt_out_acknowledged", "Analysis allows for opted-out records", &l.OptOutAcknowledged, nil)),
	)

	v.other = container.NewVBox(newForm(
		q.long("Explanation", "legal_basis.cldc_explanation", &l.CLDCExplanation, "The statute, regulation or order that sets aside confidentiality and how it covers this flow; or why identifiable data includes no confidential information"),
	))
	v.directions = container.NewVBox()

	transparency := newForm(
		q.text("Privacy notice", "legal_basis.privacy_notice_url", &l.PrivacyNoticeURL, "https://…"),
		q.long("Why identifiable data", "legal_basis.identifiable_reasons", &l.IdentifiableReasons, "Only if a product is identifiable: why pseudonymised data will not do"),
	)
	v.onRoute(l.CLDC)
	e.OnFindings(func() { v.onRoute(l.CLDC) })

	return container.NewVBox(v.g.intro(),
		heading("UK GDPR"), gdpr,
		heading("Common-law duty of confidentiality"), route, v.directions, v.consent, v.s251, v.other,
		heading("Transparency"), transparency)
}

// onRoute shows the questions that belong to the routes in use, the
// application's or any flow's own; answers to the others stay in the draft
// in case a route changes back.
func (v *legalView) onRoute(r forms.CLDCRoute) {
	a := v.e.App()
	Shown(v.consent, a.UsesRoute(forms.CLDCRoute.Consent))
	Shown(v.s251, a.UsesS251())
	Shown(v.other, a.UsesRoute(func(r forms.CLDCRoute) bool {
		return r == forms.CLDCOther || r == forms.CLDCStatutory || r == forms.CLDCNone || r == forms.CLDCReasonableExpectation
	}))
	v.refreshDirections()
}

// refreshDirections lists each direction of data with the route it rests
// on, so the cohort's flow and each product's can be seen apart (R-L3).
func (v *legalView) refreshDirections() {
	flows := v.e.App().ConfidentialityFlows()
	v.directions.Objects = nil
	if len(flows) > 1 || (len(flows) == 1 && flows[0].Own) {
		v.directions.Add(subheading("Route of each flow"))
		for _, f := range flows {
			what := "not identifiable"
			if f.Confidential {
				what = "identifiable"
			}
			if f.Cohort {
				what = "no direct identifiers"
				if f.Confidential {
					what = "direct identifiers"
				}
			}
			route := "no route yet"
			if f.Route != "" {
				route = routeShort[f.Route]
			}
			if !f.Own && f.Route != "" {
				route += ", the route above"
			} else if f.Own {
				route += ", its own route"
			}
			l := widget.NewLabel(f.What + " · " + what + " · " + route)
			l.Wrapping = fyne.TextWrapWord
			v.directions.Add(l)
		}
	}
	v.directions.Refresh()
}

// multiChoice offers the further bases or conditions as a grid of boxes,
// leaving out the one chosen above them (main): that one is not "further".
// The function it returns is told when the main choice changes; a further
// one that becomes the main one is dropped from the further ones.
func multiChoice[T ~string](e *Editor, path string, choices []forms.Choice, p *[]T, main T) (*fyne.Container, func(T)) {
	short := func(c forms.Choice) string { s, _, _ := strings.Cut(c.Label, " "); return s }
	on := map[string]bool{}
	for _, v := range *p {
		on[string(v)] = true
	}
	write := func() {
		var out []T
		for _, c := range choices {
			if on[c.Value] {
				out = append(out, T(c.Value))
			}
		}
		*p = out
	}
	grid := container.NewGridWithColumns(5)
	checks := map[string]*widget.Check{}
	for _, c := range choices {
		c := c
		ch := widget.NewCheck(short(c), nil)
		ch.SetChecked(on[c.Value])
		ch.OnChanged = func(b bool) {
			on[c.Value] = b
			write()
			e.Changed()
		}
		checks[c.Value] = ch
		grid.Add(ch)
	}
	show := func(main T) {
		for v, ch := range checks {
			Shown(ch, v != string(main))
		}
	}
	show(main)
	e.Field(path, grid)
	return grid, func(main T) {
		if on[string(main)] {
			on[string(main)] = false
			checks[string(main)].SetChecked(false) // writes and records the change
		}
		show(main)
		grid.Refresh()
	}
}
