package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// wheelAt turns the wheel by dy over the point at (absolute, in the
// window) as the desktop driver does: to the innermost scrollable thing
// there, with the pointer's position in it.
func wheelAt(t *testing.T, e *Editor, obj fyne.CanvasObject, dy float32) {
	t.Helper()
	d := fyne.CurrentApp().Driver()
	at := pointAt(obj)
	ev := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, dy)}
	ev.AbsolutePosition = at
	ev.Position = at.Subtract(d.AbsolutePositionForObject(e.wheel))
	e.wheel.Scrolled(ev)
}

func pointAt(obj fyne.CanvasObject) fyne.Position {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(obj).Add(fyne.NewPos(obj.Size().Width/2, min(obj.Size().Height/2, 12)))
}

// The driver gives a turn to the innermost scrollable thing under the
// pointer (test.Scroll finds it the same way, though it leaves the
// pointer's position out): over a text box that is the wheel layer, so the
// page moves where before the box swallowed the turn.
func TestTheWheelLayerLiesOverTheFields(t *testing.T) {
	e := openSection(t, forms.Example(), forms.SectionOverview)
	e.win.Resize(fyne.NewSize(1260, 780))
	for _, path := range []string{"overview.title", "overview.summary", "overview.stage"} {
		e.body.ScrollToTop()
		test.Scroll(e.win.Canvas(), pointAt(e.fields[path]), 0, -40)
		assert.InDelta(t, 40, e.body.Offset.Y, 1, "a turn over %s moves the page", path)
	}
}

// A wheel turn over a text box, drop-down or list with nothing to scroll
// moves the page; over one with more than it shows, the box scrolls first
// and the page once it reaches its end.
func TestWheelMovesThePageOverWidgetsWithNothingToScroll(t *testing.T) {
	a := forms.Example()
	for i := range a.Data.Products {
		a.Data.Products[i].Fields[0].Reason = "One line."
	}
	e := openSection(t, a, forms.SectionData)
	e.win.Resize(fyne.NewSize(1260, 780))
	cases := map[string]string{
		"one-line text box":    "data.products[0].historic_from",
		"drop-down":            "data.products[0].identifiability",
		"text box with a list": "data.products[0].name",
		"multi-line text box":  "data.products[0].fields[0].reason",
	}
	for name, path := range cases {
		t.Run(name, func(t *testing.T) {
			e.body.ScrollToTop()
			obj := e.fields[path]
			require.NotNil(t, obj)
			before := e.body.Offset.Y
			for range 3 {
				wheelAt(t, e, obj, -40)
			}
			assert.InDelta(t, before+120, e.body.Offset.Y, 1, "three notches over a %s move the page", name)
		})
	}
}

func TestWheelReachesEntryText(t *testing.T) {
	a := forms.Example()
	long := strings.Repeat("A reason that runs on and on to fill many lines of the box. ", 40)
	a.Data.Products[0].Fields[0].Reason = long
	e := openSection(t, a, forms.SectionData)
	e.win.Resize(fyne.NewSize(1260, 780))
	box := e.fields["data.products[0].fields[0].reason"].(*widget.Entry)
	require.Less(t, box.Size().Height, float32(600), "the box is shorter than its text")
	page := e.body.Offset.Y
	wheelAt(t, e, box, -40)
	assert.Equal(t, page, e.body.Offset.Y, "the box scrolls its own text first")
	for range 100 {
		wheelAt(t, e, box, -40)
	}
	assert.Greater(t, e.body.Offset.Y, page, "at the end of its text the page moves on")
}

func TestWheelChainsThroughAnInnerScroll(t *testing.T) {
	test.NewTempApp(t)
	inner := container.NewVScroll(container.NewVBox(widget.NewLabel("1"), widget.NewLabel("2"), widget.NewLabel("3"), widget.NewLabel("4")))
	inner.SetMinSize(fyne.NewSize(100, 60))
	page := container.NewVScroll(container.NewVBox(inner, widget.NewLabel("a"), widget.NewLabel("b"), widget.NewLabel("c"), widget.NewLabel("d"), widget.NewLabel("e")))
	w := test.NewWindow(wheelPassing(page))
	w.Resize(fyne.NewSize(200, 120))
	relay := w.Content().(*fyne.Container).Objects[1].(*wheelPage)
	ev := &fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -30)}
	ev.Position = fyne.NewPos(20, 20)
	relay.Scrolled(ev)
	assert.Positive(t, inner.Offset.Y, "the inner list scrolls first")
	assert.Zero(t, page.Offset.Y)
	for range 20 {
		relay.Scrolled(ev)
	}
	assert.Positive(t, page.Offset.Y, "then the page")
}
