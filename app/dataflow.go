package app

import (
	"bytes"
	"fmt"
	"image/color"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

// dataFlowView is the Data flow map section (R-T6): the diagram, drawn from
// the same layout as the SVG, PNG and PDF, above forms that add, edit and
// remove its nodes and flows.
type dataFlowView struct {
	e       *Editor
	diagram flowmap.Diagram
	canvas  *flowCanvas
	zoomLbl *widget.Label
	tabs    *container.AppTabs
	nodes   *nodeEditor
	flows   *flowEditor
	object  fyne.CanvasObject
	key     *fyne.Container
	scroll  *container.Scroll
	proxies *fyne.Container
	lower   *container.Scroll
}

func newDataFlowView(e *Editor) fyne.CanvasObject { return buildDataFlowView(e).object }

func buildDataFlowView(e *Editor) *dataFlowView {
	v := &dataFlowView{e: e}
	if !e.ReadOnly() {
		// A pack under review shows the map exactly as it was sent.
		v.autoRefresh()
	}

	v.canvas = newFlowCanvas(v.onTapNode)
	v.canvas.keyless = true
	v.key = container.NewVBox()
	v.proxies = container.NewWithoutLayout()
	v.scroll = container.NewScroll(v.canvas)
	e.Field("data_flow", v.scroll)

	v.zoomLbl = widget.NewLabel("")
	toolbar := container.NewHBox(
		widget.NewButtonWithIcon("Refresh from answers", theme.ViewRefreshIcon(), v.onRefresh),
		widget.NewSeparator(),
		widget.NewButtonWithIcon("", theme.ZoomOutIcon(), func() { v.onZoom(0.8) }),
		widget.NewButtonWithIcon("Fit", theme.ZoomFitIcon(), v.onFit),
		widget.NewButtonWithIcon("", theme.ZoomInIcon(), func() { v.onZoom(1.25) }),
		v.zoomLbl,
		layout.NewSpacer(),
		widget.NewButtonWithIcon("Export PNG…", theme.DownloadIcon(), func() { v.onExport("png") }),
		widget.NewButtonWithIcon("Export SVG…", theme.DownloadIcon(), func() { v.onExport("svg") }),
	)

	v.nodes = newNodeEditor(v)
	v.flows = newFlowEditor(v)
	v.tabs = container.NewAppTabs(
		container.NewTabItem("Nodes", v.nodes.object),
		container.NewTabItem("Flows", v.flows.object),
	)
	v.redraw()

	help := Hint("Proposed from your answers; your own changes are kept when the answers change. Tap a box to edit it.")
	keyHead := widget.NewLabelWithStyle("Key to the numbered flows", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The map stays in view while the forms and the key scroll beneath
	// it, so the drawing can be watched as it changes.
	v.lower = container.NewVScroll(container.NewVBox(v.proxies, v.tabs, widget.NewSeparator(), keyHead, v.key))
	v.lower.SetMinSize(fyne.NewSize(0, 220))
	v.object = container.NewBorder(container.NewVBox(toolbar, help, v.scroll), nil, nil, nil, v.lower)
	return v
}

// autoRefresh brings derived parts up to date with answers edited in other
// sections; it keeps the user's own edits, so it is safe on every visit.
func (v *dataFlowView) autoRefresh() {
	a := v.e.App()
	before, _ := forms.Encode(a)
	a.DataFlow.Refresh(a)
	if after, _ := forms.Encode(a); !bytes.Equal(before, after) {
		v.e.Changed()
	}
}

// changed records an edit to the map and redraws it.
func (v *dataFlowView) changed() {
	v.e.Changed()
	v.redraw()
}

func (v *dataFlowView) redraw() {
	a := v.e.App()
	v.diagram = flowmap.Layout(a.DataFlow, a)
	v.canvas.SetDiagram(v.diagram)
	v.sizeScroll()
	v.registerProxies()
	v.showZoom()
	v.showKey()
	v.tabs.Items[0].Text = fmt.Sprintf("Nodes (%d)", len(a.DataFlow.Nodes))
	v.tabs.Items[1].Text = fmt.Sprintf("Flows (%d)", len(a.DataFlow.Flows))
	v.tabs.Refresh()
}

// showForm scrolls the lower pane so that an editor's form is at its top.
func (v *dataFlowView) showForm(form fyne.CanvasObject) {
	d := fyne.CurrentApp().Driver()
	y := d.AbsolutePositionForObject(form).Y - d.AbsolutePositionForObject(v.lower.Content).Y
	v.lower.ScrollToOffset(fyne.NewPos(0, max(0, y-8)))
}

// sizeScroll gives the map a height that suits its shape at the width a
// draft window usually has, so a small map leaves no empty band and a large
// one gets room.
func (v *dataFlowView) sizeScroll() {
	const typicalWidth = 660
	h := float32(300)
	if d := v.diagram; d.Width > 0 && d.KeyTop > 0 {
		h = typicalWidth * float32(d.KeyTop/d.Width)
	}
	v.scroll.SetMinSize(fyne.NewSize(480, min(max(h, 240), 340)))
}

// showKey lists the flows in words beside a badge of the arrow's colour.
func (v *dataFlowView) showKey() {
	v.key.RemoveAll()
	if len(v.diagram.Key) == 0 {
		v.key.Add(Hint("No flows yet: choose Refresh from answers, or add a flow below."))
	}
	for _, k := range v.diagram.Key {
		dot := canvas.NewCircle(flowmap.FlowStyle(k.Level).Colour)
		num := canvas.NewText(fmt.Sprint(k.Number), flowmap.ColourBadgeText)
		num.TextStyle = fyne.TextStyle{Bold: true}
		num.TextSize = 11
		num.Alignment = fyne.TextAlignCenter
		badge := container.NewGridWrap(fyne.NewSize(20, 20), container.NewStack(dot, container.NewCenter(num)))
		text := widget.NewLabel(k.Sentence)
		text.Wrapping = fyne.TextWrapWord
		v.key.Add(container.NewBorder(nil, nil, container.NewCenter(badge), nil, text))
	}
	v.key.Refresh()
}

func (v *dataFlowView) showZoom() {
	if v.canvas.fit {
		v.zoomLbl.SetText("Fit")
		return
	}
	v.zoomLbl.SetText(fmt.Sprintf("%d%%", int(v.canvas.zoom*100+0.5)))
}

func (v *dataFlowView) onRefresh() {
	a := v.e.App()
	a.DataFlow.Refresh(a)
	v.nodes.reload()
	v.flows.reload()
	v.changed()
}

func (v *dataFlowView) onZoom(f float32) {
	v.canvas.SetZoom(v.canvas.Zoom() * f)
	v.showZoom()
}

func (v *dataFlowView) onFit() {
	v.canvas.FitToView()
	v.showZoom()
}

// onTapNode opens the tapped box's form and brings it into view.
func (v *dataFlowView) onTapNode(id string) {
	v.tabs.SelectIndex(0)
	v.nodes.selectID(id)
	v.showForm(v.nodes.box)
	if w := v.nodes.inputs["label"]; w != nil {
		v.e.Window().Canvas().Focus(w)
	}
}

// onExport asks where to save the map and writes it off the UI goroutine.
func (v *dataFlowView) onExport(kind string) {
	v.e.gateDraft("The data flow map", func(mask bool) { v.chooseExport(kind, mask) })
}

func (v *dataFlowView) chooseExport(kind string, mask bool) {
	d := v.diagram
	if mask {
		// Laid out again from a masked copy, then masked as drawn: a box
		// wraps its text, and the guard reads the lines as drawn.
		a := forms.MaskedCopy(v.e.App())
		d = forms.MaskedCopy(flowmap.Layout(a.DataFlow, a))
	}
	t := typePNG
	if kind == "svg" {
		t = typeSVG
	}
	v.e.ui.chooseSave(v.e.Window(), fileRequest{Kind: kindExport, Title: "Export the data flow map", Confirm: "Export",
		Types: []fileType{t}, Name: "data-flow-map." + kind}, func(path string) {
		w, err := createAtomic(path)
		if err != nil {
			showError(v.e.Window(), "Could not export the data flow map", err)
			return
		}
		v.exportTo(w, kind, d, func(err error) {
			if err != nil {
				showError(v.e.Window(), "Could not export the data flow map", err)
				return
			}
			dialog.ShowInformation("Data flow map exported", "Saved as "+path+".", v.e.Window())
		})
	})
}

// exportTo writes the diagram as kind ("png" or "svg") to w in the
// background and reports on the UI goroutine.
func (v *dataFlowView) exportTo(w io.WriteCloser, kind string, d flowmap.Diagram, done func(error)) {
	v.e.inBackground("Could not export the data flow map", func() error {
		var err error
		if kind == "png" {
			err = export.WriteDiagramPNG(w, d, 2)
		} else {
			err = export.WriteDiagramSVG(w, d)
		}
		return finishWrite(w, err)
	}, done)
}

// fixedHeight keeps a list tall enough to use inside the section's scroll.
func fixedHeight(obj fyne.CanvasObject, w, h float32) fyne.CanvasObject {
	spacer := canvas.NewRectangle(color.Transparent)
	spacer.SetMinSize(fyne.NewSize(w, h))
	return container.NewStack(spacer, obj)
}
