package app

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

func openExampleFlow(t *testing.T) (*UI, *Editor, *dataFlowView) {
	t.Helper()
	u, _ := newTestUI(t)
	u.start.onExample()
	e := openOnly(t, u)
	t.Cleanup(e.onClose)
	return u, e, buildDataFlowView(e)
}

func boxText(d flowmap.Diagram, id string) string {
	for _, b := range d.Boxes {
		if b.NodeID == id {
			return strings.Join(b.Text.Lines, " ")
		}
	}
	return ""
}

func TestDataFlowScreenDrawsTheExampleMap(t *testing.T) {
	_, _, v := openExampleFlow(t)
	assert.Len(t, v.diagram.Boxes, 4)
	assert.Len(t, v.diagram.Arrows, 6)
	assert.Equal(t, "Nodes (4)", v.tabs.Items[0].Text)
	assert.Equal(t, "Flows (6)", v.tabs.Items[1].Text)
	assert.NotEmpty(t, test.WidgetRenderer(v.canvas).Objects())
}

func TestDataFlowScreenRedrawsAsYouType(t *testing.T) {
	_, e, v := openExampleFlow(t)
	v.nodes.selectID("d:loc:l1")
	label := e.fields["data_flow.node.label"].(*widget.Entry)
	test.Type(label, " (Leeds)")
	assert.Contains(t, boxText(v.diagram, "d:loc:l1"), "(Leeds)")
	n, _ := e.App().DataFlow.Node("d:loc:l1")
	assert.True(t, n.Edited, "a derived node the user changed is marked edited")

	// The user's change survives a refresh from the answers.
	e.App().Locations[0].Site = "Renamed in the answers"
	v.onRefresh()
	assert.Contains(t, boxText(v.diagram, "d:loc:l1"), "(Leeds)")
}

func TestDataFlowScreenAddFlowFeedsReadiness(t *testing.T) {
	_, e, v := openExampleFlow(t)
	before := len(e.App().DataFlow.Flows)
	v.flows.onAdd()
	require.Len(t, e.App().DataFlow.Flows, before+1)
	assert.Len(t, v.diagram.Arrows, before+1)
	// A new flow has no level or gateway yet: readiness asks for a gateway.
	assert.Contains(t, checkIDs(e.Findings()), "dataflow-legal-gateway")

	test.Type(e.fields["data_flow.flow.items"].(*widget.Entry), "Linked extract")
	f := e.App().DataFlow.Flows[before]
	assert.Equal(t, "Linked extract", f.Items)

	v.flows.remove(f.ID)
	assert.Len(t, e.App().DataFlow.Flows, before)
	assert.NotContains(t, checkIDs(e.Findings()), "dataflow-legal-gateway")
}

func TestDataFlowScreenRemoveNodeRemovesItsFlows(t *testing.T) {
	_, e, v := openExampleFlow(t)
	v.nodes.remove("d:output")
	_, ok := e.App().DataFlow.Node("d:output")
	assert.False(t, ok)
	assert.Len(t, v.diagram.Arrows, 5)
	v.onRefresh()
	_, ok = e.App().DataFlow.Node("d:output")
	assert.False(t, ok, "a removed proposal stays removed")
}

func TestDataFlowScreenZoomAndTap(t *testing.T) {
	_, _, v := openExampleFlow(t)
	w := test.NewWindow(v.object)
	defer w.Close()
	w.Resize(fyne.NewSize(1000, 900))
	assert.Equal(t, "Fit", v.zoomLbl.Text)

	v.canvas.SetZoom(1)
	v.showZoom()
	v.onZoom(1.25)
	assert.Equal(t, "125%", v.zoomLbl.Text)
	assert.InDelta(t, v.diagram.Width*1.25, float64(v.canvas.MinSize().Width), 1)
	v.onFit()
	assert.Equal(t, "Fit", v.zoomLbl.Text)

	v.canvas.SetZoom(1)
	v.canvas.Resize(v.canvas.MinSize())
	for _, b := range v.diagram.Boxes {
		if b.NodeID == "d:people:o1" {
			c := fyne.NewPos(float32(b.Rect.X+b.Rect.W/2), float32(b.Rect.Y+b.Rect.H/2))
			test.TapAt(v.canvas, c)
		}
	}
	assert.Equal(t, "d:people:o1", v.nodes.selected)
}

type bufCloser struct {
	bytes.Buffer
	closed bool
}

func (b *bufCloser) Close() error { b.closed = true; return nil }

func TestDataFlowScreenExports(t *testing.T) {
	_, _, v := openExampleFlow(t)
	v.e.ui.do = func(f func()) { f() } // done only reports on the channel
	for _, kind := range []string{"png", "svg"} {
		var out bufCloser
		done := make(chan error, 1)
		v.exportTo(&out, kind, v.diagram, func(err error) { done <- err })
		// No deadline of its own: under the race detector on a busy
		// machine a PNG takes a while, and go test's timeout catches a hang.
		require.NoError(t, <-done)
		assert.True(t, out.closed)
		if kind == "png" {
			_, err := png.Decode(&out)
			assert.NoError(t, err)
		} else {
			assert.Contains(t, out.String(), "<svg")
		}
	}
}

// TestDataFlowScreenPicture compares the screen, drawn by the test driver's
// software painter, with its golden picture.
func TestDataFlowScreenPicture(t *testing.T) {
	_, _, v := openExampleFlow(t)
	w := test.NewWindow(v.object)
	defer w.Close()
	w.Resize(fyne.NewSize(1100, 1000))
	assertScreen(t, w, "dataflow.png")
}

func TestOpeningAFindingSelectsTheFlow(t *testing.T) {
	_, e, _ := openExampleFlow(t)
	f, _ := e.App().DataFlow.Flow("d:flow:loc:l1>nhse")
	f.LegalGateway = ""
	e.Changed()
	var target forms.Finding
	for _, fd := range e.Findings() {
		if fd.CheckID == "dataflow-legal-gateway" {
			target = fd
		}
	}
	require.Equal(t, "data_flow.flows[4].legal_gateway", target.Field)

	e.Open(target.Section, target.Field)
	assert.Equal(t, forms.SectionDataFlow, e.current)
	items, ok := e.fields["data_flow.flow.items"].(*widget.Entry)
	require.True(t, ok, "the flow's form is open")
	assert.Contains(t, items.Text, "Cohort file")
}
