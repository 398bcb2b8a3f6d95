package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// overviewView is the Overview section: the enquiry-level facts (R-P1, R-P2,
// R-P4, R-P6, R-P7) and the draft's readiness totals.
type overviewView struct {
	e       *Editor
	totals  *widget.Label
	history *fyne.Container
}

func newOverviewView(e *Editor) fyne.CanvasObject {
	v := &overviewView{e: e}
	o := &e.App().Overview
	g := sectionGuide(forms.SectionOverview)
	q := questions{e, g}

	v.totals = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.totals.Wrapping = fyne.TextWrapWord
	v.refreshTotals()
	e.OnFindings(v.refreshTotals)

	v.history = container.NewVBox()
	v.buildHistory()

	form := newForm(
		q.text("Title", "overview.title", &o.Title, "e.g. Kidney outcomes after childhood cancer"),
		q.long("Short summary", "overview.summary", &o.Summary, "Why the data is needed, in a few sentences"),
		withHint(q.validated("DARS reference", "overview.dars_reference", &o.DARSReference, "DARS-NIC-000000-XXXXX", forms.ValidateDARSReference),
			"Issued by NHS England after your enquiry; leave empty until then."),
		choiceRow(q, "Stage", "overview.stage", forms.StageChoices, &o.Stage, v.onStage),
		q.row("Stage dates", "overview.stage_history", v.history),
		q.date("Requested start", "overview.requested_start", &o.RequestedFrom),
		withHint(q.date("Requested end", "overview.requested_end", &o.RequestedTo),
			"The period of data access you are asking for."),
		q.text("Lead applicant", "overview.lead_applicant", &o.LeadApplicant, "Name of the person leading the application"),
		q.text("Their organisation", "overview.lead_organisation", &o.LeadOrg, "Legal name of the lead organisation"),
		withHint(q.suggest("Readiness", "overview.readiness", &o.Readiness, forms.ReadinessSuggestions),
			"How far along you are: funding, protocol, approvals."),
		withHint(q.check("overview.novel_or_contentious", "Novel or potentially contentious use", &o.NovelUse, nil),
			"Such uses may get early assurance advice from NHS England."),
	)
	next := widget.NewLabel(NextDeadlineText(e))
	next.Wrapping = fyne.TextWrapWord
	Shown(next, next.Text != "")
	return container.NewVBox(v.totals, next, widget.NewSeparator(), g.intro(), form, preliminaryGroup(q))
}

func withHint(item *widget.FormItem, hint string) *widget.FormItem {
	item.HintText = hint
	return item
}

func (v *overviewView) refreshTotals() {
	v.totals.SetText("Readiness: " + TallyText(forms.Count(v.e.Findings(), "")))
}

// onStage records the date a newly chosen stage was reached (R-P1).
func (v *overviewView) onStage(s forms.Stage) {
	v.e.App().SetStage(s, v.e.Today())
	v.buildHistory()
}

func (v *overviewView) buildHistory() {
	v.history.RemoveAll()
	h := v.e.App().Overview.StageHistory
	if len(h) == 0 {
		v.history.Add(Hint("No stage recorded yet: choose one above."))
	}
	for i := range h {
		v.history.Add(container.NewBorder(nil, nil, widget.NewLabel(h[i].Stage.Label()), nil,
			v.e.DateEntry("overview.stage_history", &h[i].Reached)))
	}
	v.history.Refresh()
}
