package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// purposeView is Purpose and benefits (R-U1…R-U4, R-D7).
type purposeView struct {
	e          *Editor
	g          *guide
	commercial *fyne.Container
	research   *fyne.Container
	rec        *fyne.Container
	published  *fyne.Container
}

func newPurposeView(e *Editor) fyne.CanvasObject {
	v := &purposeView{e: e, g: sectionGuide(forms.SectionPurpose)}
	p := &e.App().Purpose
	q := questions{e, v.g}

	main := newForm(
		choiceRow(q, "Purpose", "purpose.category", forms.PurposeChoices, &p.Category, nil),
		q.long("Objective", "purpose.objective", &p.Objective, "What you want to find out or achieve"),
		q.long("Processing activities", "purpose.processing_activities", &p.ProcessingActivities, "Who does what with the data, where, and when it is destroyed"),
		q.long("Expected outputs", "purpose.expected_outputs", &p.ExpectedOutputs, "Papers, reports, dashboards, tables"),
		q.long("Expected outcomes", "purpose.expected_outcomes", &p.ExpectedOutcomes, "What will change because of the outputs"),
		q.long("Measurable benefits", "purpose.expected_benefits", &p.ExpectedBenefits, "The benefit to health and care in England, and how you will measure it"),
	)

	v.commercial = container.NewVBox(newForm(
		q.long("Commercial purpose", "purpose.commercial_purpose", &p.CommercialPurpose, "What the company does and gains"),
		q.long("Public benefit", "purpose.commercial_public_benefit", &p.CommercialBenefit, "Why the public, not only the company, gains"),
	))
	commercial := newForm(q.check("purpose.commercial_involvement", "A company is involved", &p.Commercial, v.onCommercial))

	v.rec = container.NewVBox(newForm(
		q.text("REC reference", "purpose.rec_reference", &p.RECReference, "e.g. 26/NW/0123"),
	))
	v.research = container.NewVBox(newForm(
		q.check("purpose.rec_approval_needed", "Research Ethics Committee approval is needed", &p.RECNeeded, v.onREC),
	), v.rec, newForm(
		q.text("IRAS ID", "purpose.iras_reference", &p.IRASReference, "IRAS project ID, if any"),
	))
	research := newForm(q.check("purpose.is_research", "This work is research", &p.IsResearch, v.onResearch))

	funding := newForm(
		q.text("Funding source", "purpose.funding_source", &p.FundingSource, "Funder and grant"),
		choiceRow(q, "Funding status", "purpose.funding_status", forms.FundingChoices, &p.FundingStatus, nil),
	)

	v.published = container.NewVBox(newForm(
		q.long("What you checked", "purpose.published_data_note", &p.PublishedDataNote, "Published statistics or open data you looked at, and why they are not enough"),
	))
	published := newForm(q.check("purpose.published_data_checked", "Published statistics and open data checked", &p.PublishedDataChecked, v.onPublished))

	v.onCommercial(p.Commercial)
	v.onResearch(p.IsResearch)
	v.onREC(p.RECNeeded)
	v.onPublished(p.PublishedDataChecked)

	return container.NewVBox(
		v.g.intro(),
		main,
		heading("Commercial involvement"), commercial, v.commercial,
		heading("Research approvals and funding"), research, v.research, funding,
		heading("Published data"), published, v.published,
	)
}

func (v *purposeView) onCommercial(on bool) { Shown(v.commercial, on) }
func (v *purposeView) onResearch(on bool)   { Shown(v.research, on) }
func (v *purposeView) onREC(on bool)        { Shown(v.rec, on) }

// onPublished shows the note once the check is claimed; before that the
// reminder to look is what matters.
func (v *purposeView) onPublished(on bool) { Shown(v.published, on) }

// heading starts a group of related questions within a section.
func heading(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(widget.NewSeparator(), l)
}
