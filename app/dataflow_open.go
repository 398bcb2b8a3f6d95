package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Findings about the map point at paths such as
// "data_flow.flows[3].legal_gateway". The editor opens a finding by focusing
// the widget registered for its path; a node's or flow's form exists only
// while it is selected, so each path is registered to a small invisible
// stand-in that, on gaining focus, selects the item and hands the cursor to
// the field in its form.

type fieldProxy struct {
	widget.BaseWidget
	onFocus func()
}

func newFieldProxy(onFocus func()) *fieldProxy {
	p := &fieldProxy{onFocus: onFocus}
	p.ExtendBaseWidget(p)
	return p
}

func (p *fieldProxy) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

func (p *fieldProxy) MinSize() fyne.Size { return fyne.NewSize(0, 0) }

func (p *fieldProxy) FocusGained() {
	if p.onFocus != nil {
		p.onFocus()
	}
}

func (p *fieldProxy) FocusLost()              {}
func (p *fieldProxy) TypedRune(rune)          {}
func (p *fieldProxy) TypedKey(*fyne.KeyEvent) {}

// flowFieldNames are the parts of a flow or node a finding may point at.
var (
	flowFieldNames = []string{"", "to", "identifiability", "legal_gateway", "items"}
	nodeFieldNames = []string{"", "country", "label"}
)

// registerProxies registers a stand-in for every node and flow path.
func (v *dataFlowView) registerProxies() {
	v.proxies.RemoveAll()
	m := &v.e.App().DataFlow
	add := func(path string, open func()) {
		p := newFieldProxy(open)
		v.proxies.Add(p)
		v.e.Field(path, p)
	}
	for i, f := range m.Flows {
		id := f.ID
		for _, name := range flowFieldNames {
			path := fmt.Sprintf("data_flow.flows[%d]", i)
			if name != "" {
				path += "." + name
			}
			add(path, func() { v.openFlow(id, name) })
		}
	}
	for i, n := range m.Nodes {
		id := n.ID
		for _, name := range nodeFieldNames {
			path := fmt.Sprintf("data_flow.nodes[%d]", i)
			if name != "" {
				path += "." + name
			}
			add(path, func() { v.openNode(id, name) })
		}
	}
}

func (v *dataFlowView) openFlow(id, field string) {
	v.tabs.SelectIndex(1)
	v.flows.selectID(id)
	v.showForm(v.flows.box)
	v.focusLater(v.flows.inputs[field])
}

func (v *dataFlowView) openNode(id, field string) {
	v.tabs.SelectIndex(0)
	v.nodes.selectID(id)
	v.showForm(v.nodes.box)
	v.focusLater(v.nodes.inputs[field])
}

// focusLater moves the cursor once the stand-in's own focus change is done.
func (v *dataFlowView) focusLater(w fyne.Focusable) {
	if w == nil {
		return
	}
	go v.e.ui.do(func() { v.e.Window().Canvas().Focus(w) })
}
