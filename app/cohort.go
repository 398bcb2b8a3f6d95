package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// cohortView is Cohort and linkage (R-C1…R-C6, R-C8): whether a cohort is
// sent, its validation fields and the service they imply.
type cohortView struct {
	e        *Editor
	g        *guide
	linkage  *fyne.Container
	existing *fyne.Container
	service  *widget.Label
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
	v.linkage = container.NewVBox(
		newForm(
			choiceRow(q, "Cohort", "cohort.kind", forms.CohortKindChoices, &c.Kind, v.onKind),
		),
		v.existing,
		newForm(
			q.row("Validation fields", "cohort.validation_fields", v.validationFields(c)),
			widget.NewFormItem("Validation service", container.NewBorder(nil, nil, container.NewCenter(widget.NewIcon(theme.InfoIcon())), nil, v.service)),
			choiceRow(q, "Period", "cohort.period", forms.CohortPeriodChoices, &c.Period, nil),
			q.text("Approximate size", "cohort.approximate_size", &c.Size, "A number, e.g. 4,200"),
		),
	)
	v.onNeeded(c.Needed)
	v.onKind(c.Kind)
	v.refreshService()

	keepOut := notice(theme.WarningIcon(), "Never type the cohort itself here: no names, NHS numbers, dates of birth or postcodes of participants (R-C8).")
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
	fs := v.e.App().Cohort.ValidationFields
	switch {
	case len(fs) == 0:
		v.service.SetText("Choose the fields your cohort file will hold; the service they imply is shown here.")
	case forms.ValidationServiceFor(fs) == forms.ManualValidation:
		v.service.SetText("Manual validation: names can only be matched by hand, which costs more and takes longer. Drop surname and forename if NHS number, date of birth, postcode and gender identify people well enough (R-C4, R-C5).")
	default:
		v.service.SetText("Automatic validation: NHS number, date of birth, postcode and gender are matched by machine, the quicker and cheaper service (R-C4).")
	}
}
