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

// dpiaView is the DPIA section: the ICO's seven steps on one page with a bar
// that jumps to each step, so "open this field" from a finding scrolls to
// it like any other section (R-T6). What the application already says is
// shown beside the user's own words and recomputed after every edit.
type dpiaView struct {
	e      *Editor
	object fyne.CanvasObject

	steps []*widget.Card

	screening *widget.Label
	answers   []*widget.Check
	implied   []*widget.Label

	derived [4]*widget.Label // nature, scope, context, purposes
	facts   *widget.Label

	register *riskRegister
	// refreshing is set while refresh sets widgets from the model, so their
	// change callbacks do not write back answers the application settles.
	refreshing bool
}

func newDPIAView(e *Editor) fyne.CanvasObject { return buildDPIAView(e).object }

func buildDPIAView(e *Editor) *dpiaView {
	v := &dpiaView{e: e}
	d := &e.App().DPIA

	v.steps = []*widget.Card{
		widget.NewCard("Screening", "Is a DPIA required?", v.screeningStep()),
		widget.NewCard("Step 1: Identify the need for a DPIA", "What the project aims to do and why it needs a DPIA.",
			e.LongText("dpia.need", &d.Need, needExample(e.App()))),
		widget.NewCard("Step 2: Describe the processing", "Drawn from the application as it stands; add your own words beside each part.", v.describeStep()),
		widget.NewCard("Step 3: Consultation process", "Who you consulted, how and when: patients and public, the DPO, processors, security staff.", v.consultStep()),
		widget.NewCard("Step 4: Assess necessity and proportionality", "Lawful basis, minimisation, rights, processors and transfers.", v.necessityStep()),
	}
	v.register = newRiskRegister(e)
	v.steps = append(v.steps,
		widget.NewCard("Steps 5 and 6: Risks and measures", "Each risk to individuals, its likelihood and severity, the measures against it and what remains.", v.register.object),
		widget.NewCard("Step 7: Sign off and record outcomes", "Who approved the measures and residual risks, and the DPO's advice.", v.signOffStep()),
	)

	jump := container.NewHBox(widget.NewLabel("Go to:"))
	for i, name := range []string{"Screening", "1", "2", "3", "4", "5–6", "7"} {
		card := v.steps[i]
		jump.Add(widget.NewButton(name, func() { e.scrollTo(card) }))
	}
	save := widget.NewButtonWithIcon("Save as PDF…", theme.DocumentSaveIcon(), v.onSavePDF)
	bar := container.NewBorder(nil, nil, nil, save, jump)
	e.OnFindings(v.refresh)
	v.refresh()

	body := container.NewVBox(bar)
	for _, c := range v.steps {
		body.Add(c)
	}
	v.object = body
	return v
}

func (v *dpiaView) screeningStep() fyne.CanvasObject {
	s := &v.e.App().DPIA.Screening
	v.screening = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.screening.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(v.screening)
	for _, q := range forms.ScreeningQuestions {
		key := q.Key
		c := widget.NewCheck(q.Question, func(b bool) {
			if !v.refreshing && b != s.Get(key) {
				s.Set(key, b)
				v.e.Changed()
			}
		})
		c.SetChecked(s.Get(key))
		v.e.Field("dpia.screening."+key, c)
		why := Hint("")
		v.answers = append(v.answers, c)
		v.implied = append(v.implied, why)
		box.Add(c)
		box.Add(why)
	}
	return box
}

func (v *dpiaView) describeStep() fyne.CanvasObject {
	own := &v.e.App().DPIA.Description
	parts := []struct {
		title, path string
		p           *string
	}{
		{"Nature: how data is collected, used, stored and deleted", "nature", &own.Nature},
		{"Scope: what data, how much, how often, how long, where", "scope", &own.Scope},
		{"Context: the people and their relationship with you", "context", &own.Context},
		{"Purposes: what you want to achieve", "purposes", &own.Purposes},
	}
	box := container.NewVBox()
	for i, part := range parts {
		v.derived[i] = widget.NewLabel("")
		v.derived[i].Wrapping = fyne.TextWrapWord
		box.Add(widget.NewLabelWithStyle(part.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		box.Add(Hint("From the application:"))
		box.Add(v.derived[i])
		box.Add(v.e.LongText("dpia.description_own_words."+part.path, part.p, "In your own words (optional): what the application does not say"))
	}
	return box
}

func (v *dpiaView) consultStep() fyne.CanvasObject {
	d := &v.e.App().DPIA
	q := questions{e: v.e}
	list := newRepeat(v.e, "dpia.consultation", &d.Consultation, "consultation")
	list.empty = "No consultation recorded yet."
	list.title = func(i int, c *forms.DPIAConsultation) string {
		return fmt.Sprintf("Consultation %d: %s", i+1, orDefault(c.Who, "who?"))
	}
	list.fresh = func() forms.DPIAConsultation { return forms.DPIAConsultation{ID: forms.NewID()} }
	list.row = func(i int, p string, c *forms.DPIAConsultation) fyne.CanvasObject {
		return widget.NewForm(
			q.text("Who", p+".who", &c.Who, "e.g. Patient and public involvement panel", list.titled),
			q.text("How", p+".how", &c.How, "e.g. Workshop, survey, review of the draft"),
			q.text("When", p+".when", &c.When, "e.g. October 2026"),
			q.long("What they said", p+".outcome", &c.Outcome, "Their views, and what you changed"),
		)
	}
	return container.NewVBox(list.build(),
		widget.NewLabel("Notes, or why no one was consulted"),
		v.e.LongText("dpia.consultation_note", &d.ConsultationNote, consultationExample(v.e.App())))
}

// lawfulBasisChoices offer "as in the application" first: a DPIA written
// apart from the application may state a basis, and a check compares them.
var (
	dpiaArticle6Choices = append([]forms.Choice{{Value: "", Label: "As in the application"}}, forms.Article6Choices...)
	dpiaArticle9Choices = append([]forms.Choice{{Value: "", Label: "As in the application"}}, forms.Article9Choices...)
)

func (v *dpiaView) necessityStep() fyne.CanvasObject {
	d := &v.e.App().DPIA
	n := &d.Necessity
	v.facts = widget.NewLabel("")
	v.facts.Wrapping = fyne.TextWrapWord
	q := questions{e: v.e}
	a6 := Choose(v.e, "dpia.lawful_basis_stated.article6", dpiaArticle6Choices, &d.LawfulBasis.Article6, nil)
	a9 := Choose(v.e, "dpia.lawful_basis_stated.article9", dpiaArticle9Choices, &d.LawfulBasis.Article9, nil)
	// Shown, not chosen: setting Selected directly fires no change, so
	// opening the screen never edits the draft.
	if d.LawfulBasis.Article6 == "" {
		a6.Selected = dpiaArticle6Choices[0].Label
	}
	if d.LawfulBasis.Article9 == "" {
		a9.Selected = dpiaArticle9Choices[0].Label
	}
	form := widget.NewForm(
		withHint(widget.NewFormItem("Article 6 in the DPIA", a6), "Only if your DPIA document states a basis of its own; it must match the application."),
		widget.NewFormItem("Article 9 in the DPIA", a9),
		q.long("Achieves the purpose? Less intrusive way?", "dpia.necessity_own_words.justification", &n.Justification, "Why this processing is needed and no less intrusive way would do"),
		q.long("Data quality", "dpia.necessity_own_words.data_quality", &n.DataQuality, "How you keep the data accurate and complete"),
		q.long("Rights", "dpia.necessity_own_words.rights", &n.Rights, "How people are told and how they can exercise their rights"),
		q.long("Processors", "dpia.necessity_own_words.processors", &n.Processors, "How you make sure processors comply"),
		q.long("International transfers", "dpia.necessity_own_words.international_transfers", &n.Transfers, "Safeguards for any transfer outside the UK"),
	)
	return container.NewVBox(Hint("From the application:"), v.facts, form)
}

func (v *dpiaView) signOffStep() fyne.CanvasObject {
	s := &v.e.App().DPIA.SignOff
	q := questions{e: v.e}
	sig := func(path string, g *forms.Signature) fyne.CanvasObject {
		name := v.e.TextEntry(path+".name", &g.Name, "Name", nil)
		// Findings name the whole signature; the cursor goes to the name.
		v.e.Field(path, name)
		return container.NewGridWithColumns(3, name,
			v.e.TextEntry(path+".position", &g.Role, "Position", nil),
			v.e.DateEntry(path+".date", &g.On))
	}
	outcome := Choose(v.e, "dpia.sign_off.dpo_advice_outcome", forms.DPOOutcomeChoices, &s.DPOOutcome, nil)
	return widget.NewForm(
		withHint(widget.NewFormItem("Measures approved by", sig("dpia.sign_off.measures_approved_by", &s.MeasuresApproved)), "Then fold the measures into the project plan with owners and dates."),
		withHint(widget.NewFormItem("Residual risks approved by", sig("dpia.sign_off.residual_risks_approved_by", &s.ResidualApproved)), "A high residual risk means consulting the ICO before processing (UK GDPR Article 36)."),
		widget.NewFormItem("DPO advice provided by", sig("dpia.sign_off.dpo_advice_provided_by", &s.DPOAdvice)),
		q.long("Summary of DPO advice", "dpia.sign_off.dpo_advice_summary", &s.DPOAdviceSummary, "What the DPO advised, and whether processing can go ahead"),
		widget.NewFormItem("DPO advice was", outcome),
		widget.NewFormItem("Accepted or overruled by", sig("dpia.sign_off.dpo_advice_outcome_by", &s.DPOOutcomeBy)),
		withHint(q.long("Reasons for overruling", "dpia.sign_off.overrule_reasons", &s.OverruleReasons, "Needed if the advice was overruled"), "If you overrule the DPO, say why."),
		widget.NewFormItem("Consultation responses reviewed by", sig("dpia.sign_off.consultation_reviewed_by", &s.ConsultationReviewed)),
		q.long("Departures from consultees' views", "dpia.sign_off.consultation_departure_reasons", &s.ConsultationDeparture, "Where your decision differs from what those consulted said, and why"),
		widget.NewFormItem("Kept under review by", sig("dpia.sign_off.kept_under_review_by", &s.KeptUnderReview)),
		q.date("Next review", "dpia.sign_off.next_review", &s.NextReview),
	)
}

// refresh recomputes what follows from the live application: screening, the
// derived description and the necessity facts, and the risk matrix.
func (v *dpiaView) refresh() {
	a := v.e.App()
	v.refreshing = true
	defer func() { v.refreshing = false }()
	res := forms.ScreenDPIA(a)
	setText(v.screening, res.Reason)
	for i, ans := range res.Answers {
		if ans.FromApplication != "" {
			v.answers[i].SetChecked(true)
			v.answers[i].Disable()
			setText(v.implied[i], "Settled by the application: "+ans.FromApplication)
			v.implied[i].Show()
		} else {
			v.answers[i].Enable()
			v.answers[i].SetChecked(a.DPIA.Screening.Get(ans.Key))
			v.implied[i].Hide()
		}
	}
	desc := forms.DescribeProcessing(a)
	for i, s := range []string{desc.Nature, desc.Scope, desc.Context, desc.Purposes} {
		setText(v.derived[i], preview(s))
	}
	setText(v.facts, preview(necessityText(forms.AssessNecessity(a))))
	v.register.refresh()
}

func necessityText(f forms.NecessityFacts) string {
	list := func(xs []string, none string) string {
		if len(xs) == 0 {
			return none
		}
		return "\n  • " + strings.Join(xs, "\n  • ")
	}
	return "Lawful basis: " + f.LawfulBasis +
		"\nConfidentiality: " + f.Confidentiality +
		"\nMinimisation:" + list(f.Minimisation, " no products yet.") +
		"\nTransparency: " + f.Transparency +
		"\nProcessors:" + list(f.Processors, " none.") +
		"\nTransfers outside the UK:" + list(f.Transfers, " none.")
}

// previewLimit bounds derived text shown in a wrapped label: Fyne re-wraps
// a label's whole text on every layout, and an objective of 200,000
// characters would freeze the window. The full text stays in its own
// section and in dpia.pdf.
const previewLimit = 3000

func preview(s string) string {
	r := []rune(s)
	if len(r) <= previewLimit {
		return s
	}
	cut := string(r[:previewLimit])
	if i := strings.LastIndexAny(cut, " \n"); i > previewLimit/2 {
		cut = cut[:i]
	}
	return cut + " … (shortened here: the full text is in its own section and in dpia.pdf)"
}

// setText changes a label only when its text changes, to spare relayouts.
// The DPIA's texts name requirement codes for the PDF; on screen they are
// left to the ⓘ text and the findings.
func setText(l *widget.Label, s string) {
	if s = withoutCodes(s); l.Text != s {
		l.SetText(s)
	}
}

// needExample and consultationExample word the DPIA's examples for the
// draft's route: a study without consent is not "a consented cohort", and
// its consultation is what stands in for consent.
func needExample(a *forms.Application) string {
	if a.Legal.CLDC == forms.CLDCS251 {
		return "e.g. We will link the records of people treated for … to hospital and death records without their consent, under section 251 support; the data is special category and people are not told directly…"
	}
	return "e.g. We will link a consented cohort to hospital records; the data is special category…"
}

func consultationExample(a *forms.Application) string {
	if a.Legal.CLDC == forms.CLDCS251 {
		return "e.g. A patient and public panel reviewed the use of records without consent and supported it, as CAG asks; their views shaped the opt-out notice…"
	}
	return "e.g. The study's patient panel was consulted at design; no new consultation was needed because…"
}
