package export

import (
	"fmt"
	"image/color"
	"math"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

// Font families DrawDiagram sets text in. The caller registers them on the
// document before drawing (the shared PDF builder registers both).
const (
	DiagramFont     = "sans"
	DiagramFontBold = "sans-bold"
)

// DrawDiagram draws a laid-out data flow map as vectors into the rectangle
// x, y, w, h of the current page, scaled to fit and centred across the
// width. Text uses DiagramFont and DiagramFontBold, which must be
// registered; when the bold family is missing, the regular one is used.
func DrawDiagram(pdf *gopdf.GoPdf, d flowmap.Diagram, x, y, w, h float64) error {
	if d.Width <= 0 || d.Height <= 0 || w <= 0 || h <= 0 {
		return fmt.Errorf("draw data flow map: nothing to draw into a %gx%g area", w, h)
	}
	s := math.Min(w/d.Width, h/d.Height)
	p := &pdfPainter{pdf: pdf, s: s, ox: x + (w-d.Width*s)/2, oy: y}

	p.text(d.Title, flowmap.ColourInk)
	lg := d.Legend
	p.rect(lg.Rect, 0, nil, &flowmap.ColourLaneLine)
	for _, l := range lg.Lines {
		p.line([]flowmap.Point{l.From, l.To}, flowmap.FlowStyle(l.Level))
		p.text(l.Text, flowmap.ColourInk)
	}
	for _, k := range lg.Kinds {
		st := flowmap.NodeStyle(k.Kind)
		p.rect(k.Rect, st.Radius, &st.Fill, &st.Stroke)
		p.text(k.Text, flowmap.ColourInk)
	}
	for _, l := range d.Lanes {
		fill := flowmap.ColourLaneB
		if l.Shaded {
			fill = flowmap.ColourLaneA
		}
		p.rect(l.Rect, 0, &fill, &flowmap.ColourLaneLine)
		p.text(l.Title, flowmap.ColourInk)
	}
	for _, g := range d.Groups {
		p.rect(g.Rect, 0, &flowmap.ColourGroupFill, nil)
		p.text(g.Title, flowmap.ColourGroupText)
	}
	for _, a := range d.Arrows {
		st := flowmap.FlowStyle(a.Level)
		p.line(a.Shaft(), st)
		hd := a.Head()
		p.polygon(hd[:], st.Colour)
		p.badge(a.Badge, a.Number, st.Colour)
	}
	for _, b := range d.Boxes {
		st := flowmap.NodeStyle(b.Kind)
		p.rect(b.Rect, st.Radius, &st.Fill, &st.Stroke)
		p.text(b.Text, st.Text)
	}
	for _, k := range d.Key {
		p.badge(k.Badge, k.Number, flowmap.FlowStyle(k.Level).Colour)
		p.text(k.Text, flowmap.ColourInk)
	}
	pdf.SetLineType("solid")
	if p.err != nil {
		return fmt.Errorf("draw data flow map: %w", p.err)
	}
	return nil
}

type pdfPainter struct {
	pdf    *gopdf.GoPdf
	s      float64
	ox, oy float64
	err    error
}

func (p *pdfPainter) pt(q flowmap.Point) gopdf.Point {
	return gopdf.Point{X: p.ox + q.X*p.s, Y: p.oy + q.Y*p.s}
}

func (p *pdfPainter) line(ps []flowmap.Point, st flowmap.LineStyle) {
	c := st.Colour
	p.pdf.SetStrokeColor(c.R, c.G, c.B)
	p.pdf.SetLineWidth(st.Width * p.s)
	if len(st.Dash) > 0 {
		dash := make([]float64, len(st.Dash))
		for i, v := range st.Dash {
			dash[i] = v * p.s
		}
		p.pdf.SetCustomLineType(dash, 0)
	} else {
		p.pdf.SetLineType("solid")
	}
	for i := 0; i+1 < len(ps); i++ {
		a, b := p.pt(ps[i]), p.pt(ps[i+1])
		p.pdf.Line(a.X, a.Y, b.X, b.Y)
	}
	p.pdf.SetLineType("solid")
}

func (p *pdfPainter) rect(r flowmap.Rect, radius float64, fill, stroke *color.RGBA) {
	style := ""
	if fill != nil {
		p.pdf.SetFillColor(fill.R, fill.G, fill.B)
		style += "F"
	}
	if stroke != nil {
		p.pdf.SetStrokeColor(stroke.R, stroke.G, stroke.B)
		p.pdf.SetLineWidth(math.Max(0.8*p.s, 0.3))
		style = "D" + style
	}
	a := p.pt(flowmap.Point{X: r.X, Y: r.Y})
	b := p.pt(flowmap.Point{X: r.Right(), Y: r.Bottom()})
	rad := math.Min(radius*p.s, math.Min(b.X-a.X, b.Y-a.Y)/2)
	n := 6
	if rad <= 0 {
		n = 0
	}
	if err := p.pdf.Rectangle(a.X, a.Y, b.X, b.Y, style, rad, n); err != nil && p.err == nil {
		p.err = err
	}
}

func (p *pdfPainter) polygon(ps []flowmap.Point, c color.RGBA) {
	var pts []gopdf.Point
	for _, q := range ps {
		pts = append(pts, p.pt(q))
	}
	p.pdf.SetFillColor(c.R, c.G, c.B)
	p.pdf.Polygon(pts, "F")
}

func (p *pdfPainter) badge(at flowmap.Point, n int, c color.RGBA) {
	const steps = 20
	var ps []flowmap.Point
	for i := range steps {
		t := 2 * math.Pi * float64(i) / steps
		ps = append(ps, flowmap.Point{X: at.X + flowmap.BadgeRadius*math.Cos(t), Y: at.Y + flowmap.BadgeRadius*math.Sin(t)})
	}
	p.polygon(ps, c)
	p.text(flowmap.BadgeText(at, n), flowmap.ColourBadgeText)
}

// pdfText replaces characters the embedded Noto Sans lacks.
var pdfText = strings.NewReplacer("→", "to")

func (p *pdfPainter) text(t flowmap.TextBlock, c color.RGBA) {
	if p.err != nil || len(t.Lines) == 0 {
		return
	}
	size := t.Size * p.s
	family := DiagramFont
	if t.Bold {
		family = DiagramFontBold
	}
	if err := p.pdf.SetFont(family, "", size); err != nil {
		if err := p.pdf.SetFont(DiagramFont, "", size); err != nil {
			p.err = fmt.Errorf("set font %q (register it before drawing): %w", DiagramFont, err)
			return
		}
	}
	p.pdf.SetTextColor(c.R, c.G, c.B)
	for i, line := range t.Lines {
		line = outText(pdfText.Replace(line))
		x := p.ox + t.X*p.s
		if t.Centre {
			wd, err := p.pdf.MeasureTextWidth(line)
			if err != nil {
				p.err = err
				return
			}
			x -= wd / 2
		}
		p.pdf.SetXY(x, p.oy+t.Baseline(i)*p.s)
		if err := p.pdf.Text(line); err != nil {
			p.err = fmt.Errorf("text %q: %w", line, err)
			return
		}
	}
}
