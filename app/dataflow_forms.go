package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The node and flow editors: a list, and under it the selected item's form.
// Every keystroke writes into the map through UpdateNode or
// UpdateFlow (which mark derived items as edited) and redraws the diagram.

const (
	noneLabel = "None"
	nhseLabel = "NHS England"
)

func origin(derived, edited bool) string {
	switch {
	case derived && edited:
		return "Proposed from the answers, changed by you: kept as you left it."
	case derived:
		return "Proposed from the answers: follows them until you change it."
	}
	return "Added by you."
}

type nodeEditor struct {
	v        *dataFlowView
	inputs   map[string]fyne.Focusable
	list     *widget.List
	form     *fyne.Container
	selected string
	object   fyne.CanvasObject
}

func newNodeEditor(v *dataFlowView) *nodeEditor {
	n := &nodeEditor{v: v, form: container.NewVBox()}
	m := func() *forms.DataFlowMap { return &v.e.App().DataFlow }
	n.list = widget.NewList(
		func() int { return len(m().Nodes) },
		func() fyne.CanvasObject { return widget.NewLabel("node") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			nd := m().Nodes[i]
			o.(*widget.Label).SetText(nodeTitle(nd))
		})
	n.list.OnSelected = func(i widget.ListItemID) {
		if i < len(m().Nodes) {
			n.selected = m().Nodes[i].ID
			n.buildForm()
		}
	}
	add := widget.NewButtonWithIcon("Add node", theme.ContentAddIcon(), n.onAdd)
	remove := widget.NewButtonWithIcon("Remove node", theme.DeleteIcon(), n.onRemove)
	list := container.NewBorder(nil, container.NewHBox(add, remove), nil, nil, fixedHeight(n.list, 200, 150))
	n.object = container.NewVBox(list, widget.NewSeparator(), n.form)
	n.buildForm()
	return n
}

func nodeTitle(nd forms.FlowNode) string {
	label := strings.TrimSpace(nd.Label)
	if label == "" {
		label = "(no name)"
	}
	return nd.Kind.Label() + ": " + label
}

func (n *nodeEditor) reload() {
	if _, ok := n.v.e.App().DataFlow.Node(n.selected); !ok {
		n.selected = ""
	}
	n.list.Refresh()
	n.buildForm()
}

func (n *nodeEditor) selectID(id string) {
	for i, nd := range n.v.e.App().DataFlow.Nodes {
		if nd.ID == id {
			n.list.Select(i)
			return
		}
	}
}

func (n *nodeEditor) onAdd() {
	a := n.v.e.App()
	id := a.DataFlow.AddNode(forms.FlowNode{Kind: forms.NodeSystem, Label: "New system or store"})
	n.v.changed()
	n.list.Refresh()
	n.selectID(id)
}

func (n *nodeEditor) onRemove() {
	if n.selected == "" {
		return
	}
	nd, ok := n.v.e.App().DataFlow.Node(n.selected)
	if !ok {
		return
	}
	dialog.ShowConfirm("Remove node",
		fmt.Sprintf("Remove %q and every flow to or from it? A proposed node stays removed when the answers change.", nd.Label),
		func(yes bool) {
			if yes {
				n.remove(nd.ID)
			}
		}, n.v.e.Window())
}

func (n *nodeEditor) remove(id string) {
	n.v.e.App().DataFlow.RemoveNode(id)
	n.list.UnselectAll()
	n.selected = ""
	n.reload()
	n.v.flows.reload()
	n.v.changed()
}

// update applies an edit to the selected node.
func (n *nodeEditor) update(edit func(nd *forms.FlowNode)) {
	m := &n.v.e.App().DataFlow
	cur, ok := m.Node(n.selected)
	if !ok {
		return
	}
	nd := *cur
	edit(&nd)
	m.UpdateNode(nd)
	n.list.Refresh()
	n.v.flows.list.Refresh()
	n.v.changed()
}

func (n *nodeEditor) buildForm() {
	n.form.RemoveAll()
	a := n.v.e.App()
	nd, ok := a.DataFlow.Node(n.selected)
	if !ok {
		n.form.Add(Hint("Choose a node above or tap a box in the map to edit it."))
		n.form.Refresh()
		return
	}
	cur := *nd

	kind := widget.NewSelect(forms.Labels(forms.NodeKindChoices), nil)
	kind.SetSelected(cur.Kind.Label())
	kind.OnChanged = func(s string) {
		n.update(func(nd *forms.FlowNode) { nd.Kind = forms.NodeKind(forms.ValueOf(forms.NodeKindChoices, s)) })
	}

	label := widget.NewEntry()
	label.SetText(cur.Label)
	label.OnChanged = func(s string) { n.update(func(nd *forms.FlowNode) { nd.Label = s }) }

	orgNames, orgIDs := []string{noneLabel, nhseLabel}, []string{"", forms.NHSEnglandOrg}
	for _, o := range a.Organisations {
		orgNames, orgIDs = append(orgNames, orgLabel(o)), append(orgIDs, o.ID)
	}
	org := widget.NewSelect(orgNames, nil)
	org.SetSelected(orgNames[indexOr(orgIDs, cur.OrganisationID, 0)])
	if cur.OrganisationID != "" && indexOr(orgIDs, cur.OrganisationID, -1) < 0 {
		org.PlaceHolder = "Organisation no longer in the answers"
		org.ClearSelected()
	}
	org.OnChanged = func(s string) {
		i := indexOr(orgNames, s, 0)
		n.update(func(nd *forms.FlowNode) { nd.OrganisationID = orgIDs[i] })
	}

	locNames, locIDs := []string{noneLabel}, []string{""}
	for _, l := range a.Locations {
		name := strings.TrimSpace(l.Site)
		if name == "" {
			name = "Unnamed site"
		}
		if c := strings.TrimSpace(l.Country); c != "" {
			name += ", " + c
		}
		locNames, locIDs = append(locNames, uniqueLabel(locNames, name)), append(locIDs, l.ID)
	}
	loc := widget.NewSelect(locNames, nil)
	loc.SetSelected(locNames[indexOr(locIDs, cur.LocationID, 0)])
	loc.OnChanged = func(s string) {
		i := indexOr(locNames, s, 0)
		n.update(func(nd *forms.FlowNode) { nd.LocationID = locIDs[i] })
	}

	country := widget.NewEntry()
	country.SetText(cur.Country)
	country.SetPlaceHolder("e.g. England, Germany")
	country.OnChanged = func(s string) { n.update(func(nd *forms.FlowNode) { nd.Country = s }) }

	f := widget.NewForm(
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Name", label),
		withHint(widget.NewFormItem("Organisation", org), "Draws the node in that organisation's lane (R-O1)."),
		withHint(widget.NewFormItem("Location", loc), "Links it to a processing or storage location in the answers (R-O4)."),
		withHint(widget.NewFormItem("Country", country), "Checked against the territory of use (R-T2, R-T3)."),
	)
	n.v.e.Field("data_flow.node.label", label)
	n.inputs = map[string]fyne.Focusable{"": label, "label": label, "country": country}
	n.form.Add(Hint(origin(cur.Derived, cur.Edited)))
	n.form.Add(f)
	n.form.Refresh()
}

func orgLabel(o forms.Organisation) string {
	name := strings.TrimSpace(o.Name)
	if name == "" {
		name = "Unnamed organisation"
	}
	return name
}

func indexOr(xs []string, x string, def int) int {
	for i, v := range xs {
		if v == x {
			return i
		}
	}
	return def
}

// uniqueLabel keeps select options distinct when two items share a name.
func uniqueLabel(have []string, s string) string {
	out := s
	for k := 2; indexOr(have, out, -1) >= 0; k++ {
		out = fmt.Sprintf("%s (%d)", s, k)
	}
	return out
}

type flowEditor struct {
	v        *dataFlowView
	inputs   map[string]fyne.Focusable
	list     *widget.List
	form     *fyne.Container
	selected string
	object   fyne.CanvasObject
}

func newFlowEditor(v *dataFlowView) *flowEditor {
	fe := &flowEditor{v: v, form: container.NewVBox()}
	m := func() *forms.DataFlowMap { return &v.e.App().DataFlow }
	fe.list = widget.NewList(
		func() int { return len(m().Flows) },
		func() fyne.CanvasObject { return widget.NewLabel("flow") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(flowTitle(m(), i))
		})
	fe.list.OnSelected = func(i widget.ListItemID) {
		if i < len(m().Flows) {
			fe.selected = m().Flows[i].ID
			fe.buildForm()
		}
	}
	add := widget.NewButtonWithIcon("Add flow", theme.ContentAddIcon(), fe.onAdd)
	remove := widget.NewButtonWithIcon("Remove flow", theme.DeleteIcon(), fe.onRemove)
	list := container.NewBorder(nil, container.NewHBox(add, remove), nil, nil, fixedHeight(fe.list, 200, 150))
	fe.object = container.NewVBox(list, widget.NewSeparator(), fe.form)
	fe.buildForm()
	return fe
}

func flowTitle(m *forms.DataFlowMap, i int) string {
	f := m.Flows[i]
	end := func(id string) string {
		if n, ok := m.Node(id); ok {
			if s := strings.TrimSpace(n.Label); s != "" {
				return s
			}
		}
		return "?"
	}
	return fmt.Sprintf("%d. %s → %s", i+1, end(f.From), end(f.To))
}

func (fe *flowEditor) reload() {
	if _, ok := fe.v.e.App().DataFlow.Flow(fe.selected); !ok {
		fe.selected = ""
	}
	fe.list.Refresh()
	fe.buildForm()
}

func (fe *flowEditor) selectID(id string) {
	for i, f := range fe.v.e.App().DataFlow.Flows {
		if f.ID == id {
			fe.list.Select(i)
			return
		}
	}
}

func (fe *flowEditor) onAdd() {
	m := &fe.v.e.App().DataFlow
	f := forms.Flow{Method: forms.TransferSecureFile, Encrypted: true, Frequency: "one-off"}
	if len(m.Nodes) > 0 {
		f.From = m.Nodes[0].ID
		f.To = m.Nodes[len(m.Nodes)-1].ID
	}
	id := m.AddFlow(f)
	fe.v.changed()
	fe.list.Refresh()
	fe.selectID(id)
}

func (fe *flowEditor) onRemove() {
	if fe.selected == "" {
		return
	}
	fe.remove(fe.selected)
}

func (fe *flowEditor) remove(id string) {
	fe.v.e.App().DataFlow.RemoveFlow(id)
	fe.list.UnselectAll()
	fe.selected = ""
	fe.reload()
	fe.v.changed()
}

func (fe *flowEditor) update(edit func(f *forms.Flow)) {
	m := &fe.v.e.App().DataFlow
	cur, ok := m.Flow(fe.selected)
	if !ok {
		return
	}
	f := *cur
	edit(&f)
	m.UpdateFlow(f)
	fe.list.Refresh()
	fe.v.changed()
}

func (fe *flowEditor) buildForm() {
	fe.form.RemoveAll()
	m := &fe.v.e.App().DataFlow
	cur0, ok := m.Flow(fe.selected)
	if !ok {
		fe.form.Add(Hint("Choose a flow above to edit it, or add one."))
		fe.form.Refresh()
		return
	}
	cur := *cur0

	var names, ids []string
	for _, nd := range m.Nodes {
		names, ids = append(names, uniqueLabel(names, nodeTitle(nd))), append(ids, nd.ID)
	}
	endSelect := func(id string, set func(f *forms.Flow, id string)) *widget.Select {
		s := widget.NewSelect(names, nil)
		if i := indexOr(ids, id, -1); i >= 0 {
			s.SetSelected(names[i])
		}
		s.OnChanged = func(label string) {
			if i := indexOr(names, label, -1); i >= 0 {
				fe.update(func(f *forms.Flow) { set(f, ids[i]) })
			}
		}
		return s
	}
	from := endSelect(cur.From, func(f *forms.Flow, id string) { f.From = id })
	to := endSelect(cur.To, func(f *forms.Flow, id string) { f.To = id })

	items := widget.NewEntry()
	items.SetText(cur.Items)
	items.SetPlaceHolder("Products and data items, or \"aggregate outputs\"")
	items.OnChanged = func(s string) { fe.update(func(f *forms.Flow) { f.Items = s }) }

	level := widget.NewSelect(forms.Labels(forms.IdentifiabilityChoices), nil)
	level.PlaceHolder = "Choose…"
	if cur.Identifiability != "" {
		level.SetSelected(forms.LabelOf(forms.IdentifiabilityChoices, string(cur.Identifiability)))
	}
	level.OnChanged = func(s string) {
		fe.update(func(f *forms.Flow) {
			f.Identifiability = forms.Identifiability(forms.ValueOf(forms.IdentifiabilityChoices, s))
		})
	}

	method := widget.NewSelect(forms.Labels(forms.TransferMethodChoices), nil)
	method.PlaceHolder = "Choose…"
	if cur.Method != "" {
		method.SetSelected(cur.Method.Label())
	}
	method.OnChanged = func(s string) {
		fe.update(func(f *forms.Flow) { f.Method = forms.TransferMethod(forms.ValueOf(forms.TransferMethodChoices, s)) })
	}

	enc := widget.NewCheck("Encrypted in transit", nil)
	enc.SetChecked(cur.Encrypted)
	enc.OnChanged = func(b bool) { fe.update(func(f *forms.Flow) { f.Encrypted = b }) }

	freq := widget.NewSelect(forms.Labels(forms.FrequencyChoices), nil)
	freq.PlaceHolder = "Choose…"
	if cur.Frequency != "" {
		freq.SetSelected(forms.LabelOf(forms.FrequencyChoices, string(cur.Frequency)))
	}
	freq.OnChanged = func(s string) {
		fe.update(func(f *forms.Flow) { f.Frequency = forms.Frequency(forms.ValueOf(forms.FrequencyChoices, s)) })
	}

	gateway := widget.NewEntry()
	gateway.SetText(cur.LegalGateway)
	gateway.SetPlaceHolder("e.g. UK GDPR 6(1)(e) and 9(2)(j); consent")
	gateway.OnChanged = func(s string) { fe.update(func(f *forms.Flow) { f.LegalGateway = s }) }

	optOut := widget.NewCheck("National Data Opt-out applied", nil)
	optOut.SetChecked(cur.OptOutApplied)
	optOut.OnChanged = func(b bool) { fe.update(func(f *forms.Flow) { f.OptOutApplied = b }) }

	f := widget.NewForm(
		widget.NewFormItem("From", from),
		widget.NewFormItem("To", to),
		widget.NewFormItem("What travels", items),
		withHint(widget.NewFormItem("Identifiability", level), "Sets the colour and line of the arrow (R-D1)."),
		withHint(widget.NewFormItem("Transfer method", method), "Secure file transfer or access in a secure data environment (R-T5)."),
		widget.NewFormItem("", enc),
		widget.NewFormItem("Frequency", freq),
		withHint(widget.NewFormItem("Legal gateway", gateway), "The basis this flow relies on (R-L1, R-L3)."),
		withHint(widget.NewFormItem("", optOut), "Applied before release where the route is s251 (R-L8)."),
	)
	fe.v.e.Field("data_flow.flow.items", items)
	fe.inputs = map[string]fyne.Focusable{"": items, "items": items, "to": to, "identifiability": level, "legal_gateway": gateway}
	fe.form.Add(Hint(origin(cur.Derived, cur.Edited)))
	fe.form.Add(f)
	fe.form.Refresh()
}
