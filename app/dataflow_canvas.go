package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

// flowCanvas draws a laid-out data flow map with Fyne's canvas primitives.
// In fit mode it scales the diagram to the space it is given; otherwise it
// asks for the diagram's size at its zoom and its scroll container pans.
type flowCanvas struct {
	widget.BaseWidget
	d     flowmap.Diagram
	zoom  float32
	fit   bool
	onTap func(nodeID string)
	// scale is the zoom last drawn at, for mapping taps back to the diagram.
	scale float32
	// keyless leaves the key out: the screen lists it in widgets, where
	// the text stays readable at any zoom.
	keyless bool
}

// height is the height of what is drawn, in diagram units.
func (c *flowCanvas) height() float64 {
	if c.keyless && c.d.KeyTop > 0 {
		return c.d.KeyTop
	}
	return c.d.Height
}

func newFlowCanvas(onTap func(string)) *flowCanvas {
	c := &flowCanvas{zoom: 1, fit: true, onTap: onTap}
	c.ExtendBaseWidget(c)
	return c
}

// SetDiagram replaces what is drawn.
func (c *flowCanvas) SetDiagram(d flowmap.Diagram) {
	c.d = d
	c.Refresh()
}

// SetZoom draws at a fixed zoom (1 is one pixel per diagram unit).
func (c *flowCanvas) SetZoom(z float32) {
	c.fit = false
	c.zoom = min(max(z, 0.2), 4)
	c.Refresh()
}

// FitToView scales the diagram to the space available.
func (c *flowCanvas) FitToView() {
	c.fit = true
	c.Refresh()
}

// Zoom is the zoom the diagram was last drawn at.
func (c *flowCanvas) Zoom() float32 {
	if c.scale > 0 {
		return c.scale
	}
	return c.zoom
}

func (c *flowCanvas) Tapped(ev *fyne.PointEvent) {
	if c.onTap == nil || c.scale <= 0 {
		return
	}
	x, y := float64(ev.Position.X/c.scale), float64(ev.Position.Y/c.scale)
	for _, b := range c.d.Boxes {
		r := b.Rect
		if x >= r.X && x <= r.Right() && y >= r.Y && y <= r.Bottom() {
			c.onTap(b.NodeID)
			return
		}
	}
}

func (c *flowCanvas) CreateRenderer() fyne.WidgetRenderer {
	return &flowCanvasRenderer{c: c}
}

type flowCanvasRenderer struct {
	c       *flowCanvas
	objects []fyne.CanvasObject
	drawnAt fyne.Size
	drawn   bool
}

func (r *flowCanvasRenderer) Destroy() {}

func (r *flowCanvasRenderer) MinSize() fyne.Size {
	if r.c.fit {
		return fyne.NewSize(200, 150)
	}
	return fyne.NewSize(float32(r.c.d.Width)*r.c.zoom, float32(r.c.height())*r.c.zoom)
}

func (r *flowCanvasRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *flowCanvasRenderer) Layout(size fyne.Size) {
	if r.drawn && size == r.drawnAt {
		return
	}
	r.draw(size)
}

func (r *flowCanvasRenderer) Refresh() {
	r.draw(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *flowCanvasRenderer) draw(size fyne.Size) {
	r.drawn, r.drawnAt = true, size
	d := r.c.d
	s := r.c.zoom
	if h := r.c.height(); r.c.fit && d.Width > 0 && h > 0 && size.Width > 0 && size.Height > 0 {
		s = min(size.Width/float32(d.Width), size.Height/float32(h), 1.5)
	}
	r.c.scale = s
	p := &fynePainter{s: s}
	p.rect(flowmap.Rect{W: float64(size.Width / s), H: float64(size.Height / s)}, flowmap.ColourPaper, nil, 0)
	p.text(d.Title, flowmap.ColourInk)
	lg := d.Legend
	p.rect(lg.Rect, color.Transparent, flowmap.ColourLaneLine, 0)
	for _, l := range lg.Lines {
		p.polyline([]flowmap.Point{l.From, l.To}, flowmap.FlowStyle(l.Level))
		p.text(l.Text, flowmap.ColourInk)
	}
	for _, k := range lg.Kinds {
		st := flowmap.NodeStyle(k.Kind)
		p.rect(k.Rect, st.Fill, st.Stroke, st.Radius)
		p.text(k.Text, flowmap.ColourInk)
	}
	for _, l := range d.Lanes {
		fill := flowmap.ColourLaneB
		if l.Shaded {
			fill = flowmap.ColourLaneA
		}
		p.rect(l.Rect, fill, flowmap.ColourLaneLine, 0)
		p.text(l.Title, flowmap.ColourInk)
	}
	for _, g := range d.Groups {
		p.rect(g.Rect, flowmap.ColourGroupFill, nil, 0)
		p.text(g.Title, flowmap.ColourGroupText)
	}
	for _, a := range d.Arrows {
		st := flowmap.FlowStyle(a.Level)
		p.polyline(a.Shaft(), st)
		h := a.Head()
		solid := flowmap.LineStyle{Colour: st.Colour, Width: st.Width}
		p.polyline([]flowmap.Point{h[1], h[0], h[2]}, solid)
		p.polyline([]flowmap.Point{h[1], h[2]}, solid)
		p.badge(a.Badge, a.Number, st.Colour)
	}
	for _, b := range d.Boxes {
		st := flowmap.NodeStyle(b.Kind)
		p.rect(b.Rect, st.Fill, st.Stroke, st.Radius)
		p.text(b.Text, st.Text)
	}
	for _, k := range d.Key {
		if r.c.keyless {
			break
		}
		p.badge(k.Badge, k.Number, flowmap.FlowStyle(k.Level).Colour)
		p.text(k.Text, flowmap.ColourInk)
	}
	r.objects = p.objects
}

// fynePainter turns diagram primitives into canvas objects at scale s.
type fynePainter struct {
	s       float32
	objects []fyne.CanvasObject
}

func (p *fynePainter) pos(x, y float64) fyne.Position {
	return fyne.NewPos(float32(x)*p.s, float32(y)*p.s)
}

func (p *fynePainter) rect(r flowmap.Rect, fill color.Color, stroke color.Color, radius float64) {
	o := canvas.NewRectangle(fill)
	if stroke != nil {
		o.StrokeColor = stroke
		o.StrokeWidth = max(1, 1.2*p.s)
	}
	o.CornerRadius = float32(radius) * p.s
	o.Move(p.pos(r.X, r.Y))
	o.Resize(fyne.NewSize(float32(r.W)*p.s, float32(r.H)*p.s))
	p.objects = append(p.objects, o)
}

// polyline draws a possibly dashed line; canvas lines cannot dash, so the
// runs come from flowmap.DashRuns as in the PNG renderer.
func (p *fynePainter) polyline(ps []flowmap.Point, st flowmap.LineStyle) {
	for _, run := range flowmap.DashRuns(ps, st.Dash) {
		for i := 0; i+1 < len(run); i++ {
			l := canvas.NewLine(st.Colour)
			l.StrokeWidth = max(1, float32(st.Width)*p.s)
			l.Position1 = p.pos(run[i].X, run[i].Y)
			l.Position2 = p.pos(run[i+1].X, run[i+1].Y)
			p.objects = append(p.objects, l)
		}
	}
}

func (p *fynePainter) badge(at flowmap.Point, n int, c color.Color) {
	o := canvas.NewCircle(c)
	o.Move(p.pos(at.X-flowmap.BadgeRadius, at.Y-flowmap.BadgeRadius))
	o.Resize(fyne.NewSize(2*flowmap.BadgeRadius*p.s, 2*flowmap.BadgeRadius*p.s))
	p.objects = append(p.objects, o)
	p.text(flowmap.BadgeText(at, n), flowmap.ColourBadgeText)
}

func (p *fynePainter) text(t flowmap.TextBlock, c color.Color) {
	size := float32(t.Size) * p.s
	if size < 3 {
		return // unreadable at this zoom and costly to draw
	}
	style := fyne.TextStyle{Bold: t.Bold}
	band := float32(t.Size*flowmap.LineHeight) * p.s
	for i, line := range t.Lines {
		o := canvas.NewText(line, c)
		o.TextSize = size
		o.TextStyle = style
		m := fyne.MeasureText(line, size, style)
		x := float32(t.X) * p.s
		if t.Centre {
			x -= m.Width / 2
		}
		y := float32(t.Y)*p.s + float32(i)*band + (band-m.Height)/2
		o.Move(fyne.NewPos(x, y))
		o.Resize(m)
		p.objects = append(p.objects, o)
	}
}
