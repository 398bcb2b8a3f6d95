package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// cohortView is Cohort and linkage (R-C1…R-C6, R-C8): whether a cohort is
// sent, its validation fields and the service they imply.
type cohortView struct {
	e         *Editor
	g         *guide
	linkage   *fyne.Container
	existing  *fyne.Container
	service   *widget.Label
	otherKeys *fyne.Container
	sender    *fyne.Container
	flow      *widget.Label
}

func newCohortView(e *Editor) fyne.CanvasObject {
	v := &cohortView{e: e, g: sectionGuide(forms.SectionCohort)}
	c := &e.App().Cohort
	q := questions{e, v.g}

	needed := newForm(q.check("cohort.needed", "We will send a cohort to be linked", &c.Needed, v.onNeeded))

	v.existing = container.NewVBox(newForm(
		q.text("Existing reference", "cohort.existing_reference", &c.ExistingReference, "Reference of the agreement the cohort came under"),
	))
	v.service = widget.NewLabel("")
	v.service.Wrapping = fyne.TextWrapWord
	v.flow = widget.NewLabel("")
	v.flow.Wrapping = fyne.TextWrapWord
	v.otherKeys = container.NewVBox(newForm(
		q.text("Other linkage keys", "cohort.other_linkage_keys", &c.OtherKeys, "e.g. trial participant number; key agreed with NHS England"),
	))
	v.sender = container.NewVBox(newForm(
		q.suggest("Sending organisation", "cohort.sender_name", &c.SenderName, organisationNames(e.App())),
	))
	v.linkage = container.NewVBox(
		newForm(
			choiceRow(q, "Cohort", "cohort.kind", forms.CohortKindChoices, &c.Kind, v.onKind),
		),
		v.existing,
		newForm(
			q.row("Validation fields", "cohort.validation_fields", v.validationFields(c)),
			widget.NewFormItem("Validation service", container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.InfoIcon())), nil, v.service)),
		),
		v.otherKeys,
		newForm(
			choiceRow(q, "Period", "cohort.period", forms.CohortPeriodChoices, &c.Period, nil),
			q.text("Approximate size", "cohort.approximate_size", &c.Size, "A number, e.g. 4,200"),
		),
		subheading("The cohort's own flow to NHS England"),
		newForm(
			radioRow(q, "Sent by", "cohort.sender", forms.CohortSenderChoices, &c.Sender, func(s forms.CohortSender) { Shown(v.sender, s == forms.SenderOther) }),
		),
		v.sender,
		newForm(
			q.row("Confidentiality", "cohort.confidentiality", chooseRouteThen(e, "cohort.confidentiality", &c.Confidentiality, "As the Legal basis section", func() { v.refreshFlow() })),
			widget.NewFormItem("", container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.InfoIcon())), nil, v.flow)),
		),
	)
	v.onNeeded(c.Needed)
	v.onKind(c.Kind)
	e.OnFindings(v.refreshFlow)
	Shown(v.sender, c.Sender == forms.SenderOther)
	v.refreshService()

	keepOut := notice(theme.WarningIcon(), "Never type the cohort itself here: no names, NHS numbers, dates of birth or postcodes of participants.")
	return container.NewVBox(v.g.intro(), keepOut, needed, v.linkage)
}

func (v *cohortView) onNeeded(on bool)          { Shown(v.linkage, on) }
func (v *cohortView) onKind(k forms.CohortKind) { Shown(v.existing, k == "existing") }

// validationFields ticks the linkage fields (R-C3); the order of the stored
// list follows the choices so the JSON stays stable.
func (v *cohortView) validationFields(c *forms.Cohort) fyne.CanvasObject {
	cg := widget.NewCheckGroup(forms.Labels(forms.ValidationFieldChoices), nil)
	var sel []string
	for _, f := range c.ValidationFields {
		sel = append(sel, forms.LabelOf(forms.ValidationFieldChoices, string(f)))
	}
	cg.SetSelected(sel)
	cg.OnChanged = func(labels []string) {
		picked := map[string]bool{}
		for _, l := range labels {
			picked[l] = true
		}
		var out []forms.ValidationField
		for _, ch := range forms.ValidationFieldChoices {
			if picked[ch.Label] {
				out = append(out, forms.ValidationField(ch.Value))
			}
		}
		c.ValidationFields = out
		v.refreshService()
		v.e.Changed()
	}
	v.e.Field("cohort.validation_fields", cg)
	return cg
}

// refreshService says which validation service the chosen fields imply and
// what that means for cost (R-C4).
func (v *cohortView) refreshService() {
	v.refreshFlow()
	fs := v.e.App().Cohort.ValidationFields
	Shown(v.otherKeys, hasField(fs, forms.VFOtherKey))
	switch {
	case len(fs) == 0:
		v.service.SetText("Choose the fields your cohort file will hold; the service they imply is shown here.")
	case !v.e.App().Cohort.CarriesIdentifiers():
		v.service.SetText("Linkage on a hashed NHS number or other agreed key: NHS England matches it against its own data keyed the same way, with no demographic validation. Agree the hashing method and salt with NHS England first.")
	case forms.ValidationServiceFor(fs) == forms.ManualValidation:
		v.service.SetText("Manual validation: names can only be matched by hand, which costs more and takes longer. Drop surname and forename if NHS number, date of birth, postcode and gender identify people well enough.")
	default:
		v.service.SetText("Automatic validation: NHS number, date of birth, postcode and gender are matched by machine, the quicker and cheaper service.")
	}
}

// refreshFlow says whether the cohort's own flow carries confidential
// patient information, judged apart from the data that comes back (R-L3).
func (v *cohortView) refreshFlow() {
	a := v.e.App()
	c := &a.Cohort
	route := c.Confidentiality
	if route == "" {
		route = a.Legal.CLDC
	}
	switch {
	case !c.CarriesIdentifiers():
		v.flow.SetText("The cohort file carries no direct identifiers (a hashed NHS number, study ID or other agreed key): its own flow holds no confidential patient information, whatever route the data coming back has.")
	case route == "" || route == forms.CLDCNone:
		v.flow.SetText("The cohort file carries direct identifiers, so its flow to NHS England is confidential patient information: choose the route it rests on (consent, s251 support, a statutory exemption), or send hashed NHS numbers instead.")
	default:
		v.flow.SetText("The cohort file carries direct identifiers; its flow rests on " + route.RegisterWording() + ".")
	}
}

func hasField(fs []forms.ValidationField, want forms.ValidationField) bool {
	for _, f := range fs {
		if f == want {
			return true
		}
	}
	return false
}

// organisationNames lists the draft's organisations, for naming one again.
func organisationNames(a *forms.Application) []string {
	var out []string
	for _, o := range a.Organisations {
		if n := strings.TrimSpace(o.Name); n != "" {
			out = append(out, n)
		}
	}
	return out
}
