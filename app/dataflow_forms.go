package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
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

// nodeEditor edits the map's boxes; removing one takes its flows with it.
type nodeEditor = pickList[forms.FlowNode]

func newNodeEditor(v *dataFlowView) *nodeEditor {
	m := func() *forms.DataFlowMap { return &v.e.App().DataFlow }
	n := &nodeEditor{
		e:     v.e,
		noun:  "node",
		items: func() []forms.FlowNode { return m().Nodes },
		id:    func(nd forms.FlowNode) string { return nd.ID },
		title: func(nds []forms.FlowNode, i int) string { return nodeTitle(nds[i]) },
		none:  "Choose a node above or tap a box in the map to edit it.",
		add: func() string {
			return m().AddNode(forms.FlowNode{Kind: forms.NodeSystem, Label: "New system or store"})
		},
		confirm: func(nd forms.FlowNode) string {
			return fmt.Sprintf("Remove %q and every flow to or from it? A proposed node stays removed when the answers change.", nd.Label)
		},
		drop: func(id string) {
			m().RemoveNode(id)
			v.flows.reload()
		},
		put: func(nd forms.FlowNode) { m().UpdateNode(nd) },
		// Flow titles name their nodes.
		changed: func() { v.flows.list.Refresh(); v.changed() },
	}
	n.form = func(cur forms.FlowNode) (fyne.CanvasObject, map[string]fyne.Focusable) { return nodeForm(v, n, cur) }
	return n.build()
}

func nodeTitle(nd forms.FlowNode) string {
	label := strings.TrimSpace(nd.Label)
	if label == "" {
		label = "(no name)"
	}
	return nd.Kind.Label() + ": " + label
}

func nodeForm(v *dataFlowView, n *nodeEditor, cur forms.FlowNode) (fyne.CanvasObject, map[string]fyne.Focusable) {
	a := v.e.App()

	kind := widget.NewSelect(forms.Labels(forms.NodeKindChoices), nil)
	kind.SetSelected(cur.Kind.Label())
	kind.OnChanged = func(s string) {
		n.update(func(nd *forms.FlowNode) { nd.Kind = forms.NodeKind(forms.ValueOf(forms.NodeKindChoices, s)) })
	}

	label := widget.NewEntry()
	label.SetText(cur.Label)
	label.OnChanged = func(s string) { n.update(func(nd *forms.FlowNode) { nd.Label = forms.NormaliseLine(s) }) }

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
	country.OnChanged = func(s string) { n.update(func(nd *forms.FlowNode) { nd.Country = forms.NormaliseLine(s) }) }

	f := widget.NewForm(
		widget.NewFormItem("Kind", kind),
		widget.NewFormItem("Name", label),
		withHint(widget.NewFormItem("Organisation", org), "Draws the node in that organisation's lane."),
		withHint(widget.NewFormItem("Location", loc), "Links it to a processing or storage location in the answers."),
		withHint(widget.NewFormItem("Country", country), "Checked against the territory of use."),
	)
	v.e.Field("data_flow.node.label", label)
	inputs := map[string]fyne.Focusable{"": label, "label": label, "country": country}
	return container.NewVBox(Hint(origin(cur.Derived, cur.Edited)), f), inputs
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

// flowEditor edits the map's arrows.
type flowEditor = pickList[forms.Flow]

func newFlowEditor(v *dataFlowView) *flowEditor {
	m := func() *forms.DataFlowMap { return &v.e.App().DataFlow }
	fe := &flowEditor{
		e:     v.e,
		noun:  "flow",
		items: func() []forms.Flow { return m().Flows },
		id:    func(f forms.Flow) string { return f.ID },
		title: func(_ []forms.Flow, i int) string { return flowTitle(m(), i) },
		none:  "Choose a flow above to edit it, or add one.",
		add: func() string {
			f := forms.Flow{Method: forms.TransferSecureFile, Encrypted: true, Frequency: "one-off"}
			if nodes := m().Nodes; len(nodes) > 0 {
				f.From = nodes[0].ID
				f.To = nodes[len(nodes)-1].ID
			}
			return m().AddFlow(f)
		},
		drop:    func(id string) { m().RemoveFlow(id) },
		put:     func(f forms.Flow) { m().UpdateFlow(f) },
		changed: v.changed,
	}
	fe.form = func(cur forms.Flow) (fyne.CanvasObject, map[string]fyne.Focusable) { return flowForm(v, fe, cur) }
	return fe.build()
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

func flowForm(v *dataFlowView, fe *flowEditor, cur forms.Flow) (fyne.CanvasObject, map[string]fyne.Focusable) {
	m := &v.e.App().DataFlow

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
	items.OnChanged = func(s string) { fe.update(func(f *forms.Flow) { f.Items = forms.NormaliseLine(s) }) }

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
	gateway.OnChanged = func(s string) { fe.update(func(f *forms.Flow) { f.LegalGateway = forms.NormaliseLine(s) }) }

	optOut := widget.NewCheck("National Data Opt-out applied", nil)
	optOut.SetChecked(cur.OptOutApplied)
	optOut.OnChanged = func(b bool) { fe.update(func(f *forms.Flow) { f.OptOutApplied = b }) }

	f := widget.NewForm(
		widget.NewFormItem("From", from),
		widget.NewFormItem("To", to),
		widget.NewFormItem("What travels", items),
		withHint(widget.NewFormItem("Identifiability", level), "Sets the colour and line of the arrow."),
		withHint(widget.NewFormItem("Transfer method", method), "Secure file transfer or access in a secure data environment."),
		widget.NewFormItem("", enc),
		widget.NewFormItem("Frequency", freq),
		withHint(widget.NewFormItem("Legal gateway", gateway), "The basis this flow relies on."),
		withHint(widget.NewFormItem("", optOut), "Applied before release where the route is s251."),
	)
	v.e.Field("data_flow.flow.items", items)
	inputs := map[string]fyne.Focusable{"": items, "items": items, "to": to, "identifiability": level, "legal_gateway": gateway}
	return container.NewVBox(Hint(origin(cur.Derived, cur.Edited)), f), inputs
}
