package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"

	"github.com/darsworkbench/dars-workbench/forms"
)

// legalView is Legal basis (R-L1…R-L8): the UK GDPR articles, the
// confidentiality route and what each route brings with it.
type legalView struct {
	e       *Editor
	g       *guide
	consent *fyne.Container
	s251    *fyne.Container
	other   *fyne.Container
}

func newLegalView(e *Editor) fyne.CanvasObject {
	v := &legalView{e: e, g: sectionGuide(forms.SectionLegal)}
	l := &e.App().Legal
	q := questions{e, v.g}

	gdpr := newForm(
		choiceRow(q, "Article 6 basis", "legal_basis.article6", forms.Article6Choices, &l.Article6, nil),
		choiceRow(q, "Article 9 condition", "legal_basis.article9", forms.Article9Choices, &l.Article9, nil),
	)
	route := newForm(
		choiceRow(q, "Route", "legal_basis.cldc_route", forms.CLDCChoices, &l.CLDC, v.onRoute),
	)

	materials := newRepeat(e, "legal_basis.consent_materials", &l.ConsentMaterials, "consent document")
	materials.empty = "No consent documents yet: add every version of the information sheet and consent form ever used (R-L5)."
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
		heading("Consent materials (R-L5)"),
		materials.build(),
		newForm(q.long("Contact with the cohort", "legal_basis.cohort_contact", &l.CohortContact, "Newsletters, website, annual letters")),
	)

	v.s251 = container.NewVBox(
		heading("Section 251 support (R-L6, R-L8)"),
		newForm(
			q.text("CAG reference", "legal_basis.cag_reference", &l.CAGReference, "e.g. 18/CAG/0038"),
			q.long("What the support covers", "legal_basis.s251_scope", &l.S251Scope, "Receipt, linkage and release by NHS England, for this purpose and any amendment"),
			q.check("legal_basis.s251_support_current", "Support checked as current (CAG register)", &l.S251SupportCurrent, nil),
		),
		notice(theme.InfoIcon(), "Add the s251 application, its amendments, the approval letters and the documents CAG reviewed under Evidence (R-L6)."),
		notice(theme.WarningIcon(), "Under s251 the National Data Opt-out is applied before release: records of people who opted out will be missing from your data (R-L8)."),
		newForm(q.check("legal_basis.opt_out_acknowledged", "Analysis allows for opted-out records", &l.OptOutAcknowledged, nil)),
	)

	v.other = container.NewVBox(newForm(
		q.long("Explanation", "legal_basis.cldc_explanation", &l.CLDCExplanation, "The law or order that sets aside confidentiality, and how it covers this flow"),
	))

	transparency := newForm(
		q.text("Privacy notice", "legal_basis.privacy_notice_url", &l.PrivacyNoticeURL, "https://…"),
		q.long("Why identifiable data", "legal_basis.identifiable_reasons", &l.IdentifiableReasons, "Only if a product is identifiable: why pseudonymised data will not do"),
	)
	v.onRoute(l.CLDC)

	return container.NewVBox(v.g.intro(),
		heading("UK GDPR (R-L1, R-L2)"), gdpr,
		heading("Common-law duty of confidentiality (R-L3, R-L4)"), route, v.consent, v.s251, v.other,
		heading("Transparency (R-L7)"), transparency)
}

// onRoute shows the questions that belong to the chosen route; answers to
// the others stay in the draft in case the route changes back.
func (v *legalView) onRoute(r forms.CLDCRoute) {
	Shown(v.consent, r == forms.CLDCConsent)
	Shown(v.s251, r == forms.CLDCS251)
	Shown(v.other, r == forms.CLDCOther)
}
