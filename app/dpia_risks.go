package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// riskRegister is steps 5 and 6: the risk matrix before and after measures,
// then one card per risk with its assessment, measures (the action plan)
// and residual risk. Risks are added blank or copied from the library.
type riskRegister struct {
	e      *Editor
	object fyne.CanvasObject

	before, after *riskMatrixView
	list          *fyne.Container
	library       *widget.Select
	libraryIDs    map[string]string // select label → library ID

	cards    []*card
	overall  []*widget.Label // nil for a card not yet unfolded
	residual []*widget.Label
	// folded says which cards show only their levels; a card's questions
	// are built when it is first unfolded. A register of more than
	// foldAbove risks starts folded, as long groups do: each card is a
	// dozen questions and the measures under them.
	folded  []bool
	summary []*widget.Label
}

func newRiskRegister(e *Editor) *riskRegister {
	r := &riskRegister{e: e}
	r.before = newRiskMatrixView("Before measures")
	r.after = newRiskMatrixView("After measures")
	r.list = container.NewVBox()
	e.Field("dpia.risks", r.list)

	r.library = widget.NewSelect(nil, nil)
	r.library.PlaceHolder = "Choose a common risk…"
	addLib := widget.NewButtonWithIcon("Add from library", theme.ContentAddIcon(), func() {
		if id, ok := r.libraryIDs[r.library.Selected]; ok {
			r.onAddFromLibrary(id)
		}
	})
	addBlank := widget.NewButtonWithIcon("Add a risk of your own", theme.ContentAddIcon(), r.onAddRisk)
	r.fillLibrary()
	r.folded = make([]bool, len(e.App().DPIA.Risks))
	if len(r.folded) > foldAbove {
		for i := range r.folded {
			r.folded[i] = true
		}
	}
	r.list.Objects = r.makeCards()

	matrices := container.NewGridWithColumns(2, r.before.object, r.after.object)
	adders := container.NewBorder(nil, nil, nil, container.NewHBox(addLib, addBlank), r.library)
	r.object = container.NewVBox(matrices, widget.NewSeparator(), r.list, adders,
		Hint("Library risks are suggestions: once added, the copy is yours to edit. Suggested ones come first."))
	return r
}

// fillLibrary offers the library, the risks that fit this application and
// are not yet in the register first.
func (r *riskRegister) fillLibrary() {
	a := r.e.App()
	suggested := map[string]bool{}
	var labels []string
	r.libraryIDs = map[string]string{}
	for _, l := range forms.SuggestedRisks(a) {
		suggested[l.ID] = true
		labels = append(labels, l.Title)
		r.libraryIDs[l.Title] = l.ID
	}
	for _, l := range forms.RiskLibrary {
		if !suggested[l.ID] {
			label := l.Title + " (not suggested: " + strings.TrimSuffix(strings.ToLower(l.When[:1])+l.When[1:], ".") + ")"
			labels = append(labels, label)
			r.libraryIDs[label] = l.ID
		}
	}
	r.library.Options = labels
	r.library.ClearSelected()
	r.library.Refresh()
}

// build replaces the cards on screen after a risk is added or removed.
func (r *riskRegister) build() {
	// Set in one go: Add lays the list out again for every card.
	r.list.Objects = r.makeCards()
	r.list.Refresh()
}

// makeCards makes one card per risk. Field paths carry the risk's index, so
// the registrations under "dpia.risks[" are dropped first. A new screen's
// cards are laid out when it is shown, so they are not refreshed here too.
func (r *riskRegister) makeCards() []fyne.CanvasObject {
	for p := range r.e.fields {
		if strings.HasPrefix(p, "dpia.risks[") {
			delete(r.e.fields, p)
		}
	}
	risks := r.e.App().DPIA.Risks
	r.cards = nil
	r.overall, r.residual = make([]*widget.Label, len(risks)), make([]*widget.Label, len(risks))
	r.summary = make([]*widget.Label, len(risks))
	// A risk added since shows open; the others keep their state.
	for len(r.folded) < len(risks) {
		r.folded = append(r.folded, false)
	}
	r.folded = r.folded[:len(risks)]
	var cards []fyne.CanvasObject
	if len(risks) == 0 {
		cards = append(cards, Hint("No risks yet: add the common ones from the library below, then your own."))
	}
	for i := range risks {
		cards = append(cards, r.riskCard(i))
	}
	return cards
}

// riskCard is a risk's card: its title, a line with its levels and a
// button that opens its questions (built on first opening), registered as
// the risk's path so that a finding about it opens it.
func (r *riskRegister) riskCard(i int) fyne.CanvasObject {
	e := r.e
	rk := &e.App().DPIA.Risks[i]
	p := fmt.Sprintf("dpia.risks[%d]", i)

	summary := widget.NewLabel(riskLevels(rk))
	summary.Wrapping = fyne.TextWrapWord
	summary.Importance = widget.LowImportance
	r.summary[i] = summary
	body := &fyne.Container{Layout: layout.NewVBoxLayout()}
	row := newFoldingRow(&fyne.Container{Layout: layout.NewVBoxLayout()})
	opened, closed := flatIcon(theme.MenuDropDownIcon()), flatIcon(theme.MenuExpandIcon())
	show := func(open bool) {
		r.folded[i] = !open
		Shown(body, open)
		Shown(summary, !open)
		if open {
			row.toggle.SetIcon(opened)
			row.toggle.SetText("Hide questions")
		} else {
			row.toggle.SetIcon(closed)
			row.toggle.SetText("Show questions")
		}
	}
	row.unfold = func() bool {
		if !r.folded[i] && len(body.Objects) > 0 {
			return false
		}
		if len(body.Objects) == 0 {
			body.Add(r.riskQuestions(i))
			r.refresh()
		}
		show(true)
		return true
	}
	row.toggle = widget.NewButtonWithIcon("", closed, func() {
		if !r.folded[i] && len(body.Objects) > 0 {
			show(false)
			return
		}
		row.unfold()
	})
	row.toggle.Importance = widget.LowImportance
	if r.folded[i] {
		row.toggle.Text = "Show questions"
		body.Hidden = true
	} else {
		row.toggle.Text, row.toggle.Icon = "Hide questions", opened
		body.Objects = []fyne.CanvasObject{r.riskQuestions(i)}
		summary.Hidden = true
	}
	row.Container.Objects = []fyne.CanvasObject{container.NewBorder(nil, nil, row.toggle, nil, summary), body}
	e.Field(p, row)
	// Titled as it is made: a title set afterwards lays the card out again.
	c := newCard(riskTitle(i, rk), "", row)
	r.cards = append(r.cards, c)
	return c
}

// riskQuestions are a risk's assessment, measures and residual risk.
func (r *riskRegister) riskQuestions(i int) fyne.CanvasObject {
	e := r.e
	q := questions{e: e}
	rk := &e.App().DPIA.Risks[i]
	p := fmt.Sprintf("dpia.risks[%d]", i)

	overall := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	residual := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.overall[i], r.residual[i] = overall, residual

	measures := container.NewVBox()
	e.Field(p+".measures", measures)
	for j := range rk.Measures {
		measures.Objects = append(measures.Objects, r.measureRow(i, j))
	}
	if len(rk.Measures) == 0 {
		measures.Objects = append(measures.Objects, Hint("No measures yet."))
	}
	addMeasure := widget.NewButtonWithIcon("Add measure", theme.ContentAddIcon(), func() { r.onAddMeasure(i) })
	remove := widget.NewButtonWithIcon("Remove risk", theme.DeleteIcon(), func() { r.onRemoveRisk(i) })

	form := widget.NewForm(
		q.text("Risk", p+".title", &rk.Title, "A short name for the risk"),
		q.long("Source of risk", p+".source", &rk.Source, "What could cause harm: a process, a party, a system"),
		q.long("Possible harm", p+".harm", &rk.Harm, "What could happen to the people whose data it is"),
		choiceRow(q, "Likelihood of harm", p+".likelihood", forms.LikelihoodChoices, &rk.Likelihood, nil),
		choiceRow(q, "Severity of harm", p+".severity", forms.HarmSeverityChoices, &rk.Severity, nil),
		widget.NewFormItem("Overall risk", overall),
		widget.NewFormItem("Data flow map", r.flowRefs(i)),
		widget.NewFormItem("Measures", container.NewVBox(measures, container.NewHBox(addMeasure))),
		choiceRow(q, "Effect of the measures", p+".effect", forms.RiskEffectChoices, &rk.Effect, nil),
		choiceRow(q, "Likelihood afterwards", p+".residual_likelihood", forms.LikelihoodChoices, &rk.ResidualLikelihood, nil),
		choiceRow(q, "Severity afterwards", p+".residual_severity", forms.HarmSeverityChoices, &rk.ResidualSeverity, nil),
		widget.NewFormItem("Residual risk", residual),
	)
	return container.NewVBox(form, container.NewHBox(remove))
}

func (r *riskRegister) measureRow(i, j int) fyne.CanvasObject {
	e := r.e
	m := &e.App().DPIA.Risks[i].Measures[j]
	p := fmt.Sprintf("dpia.risks[%d].measures[%d]", i, j)
	text := e.LongText(p+".text", &m.Text, "What you will do to reduce or eliminate the risk")
	owner := e.TextEntry(p+".owner", &m.Owner, "Owner", nil)
	due := e.DateEntry(p+".due", &m.Due)
	approved := e.Check(p+".approved", "Approved", &m.Approved, nil)
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { r.onRemoveMeasure(i, j) })
	plan := container.NewGridWithColumns(3, owner, due, approved)
	return container.NewBorder(nil, widget.NewSeparator(), nil, remove, container.NewVBox(text, plan))
}

// flowRefs lets a risk point at nodes and flows of the data flow map.
func (r *riskRegister) flowRefs(i int) fyne.CanvasObject {
	a := r.e.App()
	rk := &a.DPIA.Risks[i]
	if len(a.DataFlow.Nodes) == 0 && len(a.DataFlow.Flows) == 0 {
		return Hint("The data flow map has nothing to point at yet.")
	}
	labels := map[string]string{}
	for _, n := range a.DataFlow.Nodes {
		labels[n.ID] = n.Label
	}
	type ref struct {
		label string
		node  bool
		id    string
	}
	var refs []ref
	for _, n := range a.DataFlow.Nodes {
		refs = append(refs, ref{n.Label, true, n.ID})
	}
	for _, f := range a.DataFlow.Flows {
		refs = append(refs, ref{labels[f.From] + " to " + labels[f.To], false, f.ID})
	}
	byLabel := map[string]ref{}
	var opts, selected []string
	for _, x := range refs {
		l := x.label
		for byLabel[l].id != "" {
			l += " "
		}
		byLabel[l] = x
		opts = append(opts, l)
		if (x.node && dpiaHas(rk.NodeRefs, x.id)) || (!x.node && dpiaHas(rk.FlowRefs, x.id)) {
			selected = append(selected, l)
		}
	}
	path := fmt.Sprintf("dpia.risks[%d].flow_refs", i)
	group := func() *widget.CheckGroup {
		g := widget.NewCheckGroup(opts, nil)
		g.SetSelected(selected)
		g.OnChanged = func(sel []string) {
			rk.NodeRefs, rk.FlowRefs = nil, nil
			for _, l := range sel {
				if x := byLabel[l]; x.node {
					rk.NodeRefs = append(rk.NodeRefs, x.id)
				} else {
					rk.FlowRefs = append(rk.FlowRefs, x.id)
				}
			}
			r.e.Changed()
		}
		r.e.Field(path, g)
		return g
	}
	if len(opts) <= mapPointsShown {
		return group()
	}
	// A large map offers its points on demand: a box per point of every
	// risk is hundreds of boxes, and seconds to show.
	chosen := "None chosen yet."
	if len(selected) > 0 {
		chosen = fmt.Sprintf("%d of %d chosen: %s.", len(selected), len(opts), strings.Join(selected, "; "))
	}
	summary := widget.NewLabel(chosen)
	summary.Wrapping = fyne.TextWrapWord
	choose := widget.NewButton(fmt.Sprintf("Choose among the map's %d points…", len(opts)), nil)
	box := container.NewVBox(summary, container.NewHBox(choose))
	row := newFoldingRow(box)
	row.unfold = func() bool {
		if _, open := r.e.fields[path].(*widget.CheckGroup); open {
			return false
		}
		box.Objects = []fyne.CanvasObject{group()}
		box.Refresh()
		return true
	}
	choose.OnTapped = func() { row.unfold() }
	r.e.Field(path, row)
	return row
}

// mapPointsShown is how many points of the data flow map a risk offers as
// boxes straight away; a larger map offers them when asked.
const mapPointsShown = 12

func dpiaHas(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

// refresh redraws what follows from the assessments: the card titles, the
// overall and residual risks and both matrices.
func (r *riskRegister) refresh() {
	d := &r.e.App().DPIA
	for i := range d.Risks {
		if i >= len(r.cards) {
			break
		}
		rk := &d.Risks[i]
		r.cards[i].SetTitle(riskTitle(i, rk))
		if i < len(r.summary) && r.summary[i] != nil {
			setText(r.summary[i], riskLevels(rk))
		}
		if i >= len(r.overall) || r.overall[i] == nil {
			continue // folded, its questions not built yet
		}
		setText(r.overall[i], levelText(rk.Overall(), "choose likelihood and severity"))
		res := levelText(rk.Residual(), "choose the effect, and likelihood and severity afterwards")
		if rk.Residual() == forms.RiskHigh {
			res += " — consult the ICO before processing (UK GDPR Article 36)"
		}
		setText(r.residual[i], res)
	}
	before, unB := d.RiskMatrix(false)
	after, unA := d.RiskMatrix(true)
	r.before.set(before, unB, "not assessed")
	r.after.set(after, unA, "eliminated or not assessed")
}

// riskTitle is a risk card's heading: its number, and its name once given.
func riskTitle(i int, rk *forms.DPIARisk) string {
	title := fmt.Sprintf("Risk %d", i+1)
	if t := strings.TrimSpace(rk.Title); t != "" {
		title += ": " + t
	}
	return title
}

// riskLevels is a folded card's line: the risk before and after measures.
func riskLevels(rk *forms.DPIARisk) string {
	level := func(l forms.RiskLevel) string {
		if l == "" {
			return "not yet assessed"
		}
		return l.Label()
	}
	s := "Overall risk: " + level(rk.Overall()) + " · residual risk: " + level(rk.Residual())
	if rk.Residual() == forms.RiskHigh {
		s += " — consult the ICO before processing"
	}
	return s
}

func levelText(l forms.RiskLevel, missing string) string {
	if l == "" {
		return "Not yet known: " + missing
	}
	return l.Label()
}

func (r *riskRegister) changedShape() {
	r.build()
	r.fillLibrary()
	r.e.Changed()
}

func (r *riskRegister) onAddRisk() {
	r.e.App().DPIA.AddRisk(forms.DPIARisk{Measures: []forms.DPIAMeasure{{}}})
	r.changedShape()
}

func (r *riskRegister) onAddFromLibrary(id string) {
	l, ok := forms.LibraryRiskByID(id)
	if !ok {
		return
	}
	r.e.App().DPIA.AddRisk(l.NewRisk())
	r.changedShape()
}

func (r *riskRegister) onRemoveRisk(i int) {
	d := &r.e.App().DPIA
	if i < 0 || i >= len(d.Risks) {
		return
	}
	name := fmt.Sprintf("risk %d", i+1)
	if t := strings.TrimSpace(d.Risks[i].Title); t != "" {
		name += " (" + t + ")"
	}
	id := d.Risks[i].ID
	dialog.ShowConfirm("Remove risk", "Remove "+name+" and its measures? Later risks are renumbered.", func(ok bool) {
		if ok && d.RemoveRisk(id) {
			r.folded = append(r.folded[:i:i], r.folded[i+1:]...)
			r.changedShape()
		}
	}, r.e.Window())
}

func (r *riskRegister) onAddMeasure(i int) {
	d := &r.e.App().DPIA
	if i < 0 || i >= len(d.Risks) {
		return
	}
	d.Risks[i].Measures = append(d.Risks[i].Measures, forms.DPIAMeasure{ID: forms.NewID()})
	r.changedShape()
}

func (r *riskRegister) onRemoveMeasure(i, j int) {
	d := &r.e.App().DPIA
	if i < 0 || i >= len(d.Risks) || j < 0 || j >= len(d.Risks[i].Measures) {
		return
	}
	ms := d.Risks[i].Measures
	d.Risks[i].Measures = append(ms[:j:j], ms[j+1:]...)
	r.changedShape()
}
