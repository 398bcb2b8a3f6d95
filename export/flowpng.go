package export

import (
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"io"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

// MaxPNGPixels bounds the picture so a huge map cannot exhaust memory.
const MaxPNGPixels = 60_000_000

// WriteDiagramPNG rasterises a laid-out data flow map at scale pixels per
// diagram unit (2 gives a sharp picture for documents and slides).
func WriteDiagramPNG(w io.Writer, d flowmap.Diagram, scale float64) error {
	if err := guardDiagram("The data flow map", d); err != nil {
		return err
	}
	img, err := RenderDiagram(d, scale)
	if err != nil {
		return err
	}
	if err := png.Encode(w, img); err != nil {
		return fmt.Errorf("write data flow PNG: %w", err)
	}
	return nil
}

// RenderDiagram rasterises a laid-out data flow map into an image.
func RenderDiagram(d flowmap.Diagram, scale float64) (*image.RGBA, error) {
	if scale <= 0 || math.IsNaN(scale) || math.IsInf(scale, 0) {
		return nil, fmt.Errorf("render data flow map: scale %v is not a positive number", scale)
	}
	wpx, hpx := int(math.Ceil(d.Width*scale)), int(math.Ceil(d.Height*scale))
	if wpx <= 0 || hpx <= 0 || float64(wpx)*float64(hpx) > MaxPNGPixels {
		return nil, fmt.Errorf("render data flow map: %d×%d pixels is too large; use a smaller scale or the SVG export", wpx, hpx)
	}
	r := &raster{img: image.NewRGBA(image.Rect(0, 0, wpx, hpx)), s: scale}
	if err := r.loadFonts(); err != nil {
		return nil, err
	}
	draw.Draw(r.img, r.img.Bounds(), image.NewUniform(flowmap.ColourPaper), image.Point{}, draw.Src)

	r.text(d.Title, flowmap.ColourInk)
	lg := d.Legend
	r.strokeRect(lg.Rect, 1, flowmap.ColourLaneLine)
	for _, l := range lg.Lines {
		r.polyline([]flowmap.Point{l.From, l.To}, flowmap.FlowStyle(l.Level))
		r.text(l.Text, flowmap.ColourInk)
	}
	for _, k := range lg.Kinds {
		r.box(k.Rect, flowmap.NodeStyle(k.Kind))
		r.text(k.Text, flowmap.ColourInk)
	}
	for _, l := range d.Lanes {
		fill := flowmap.ColourLaneB
		if l.Shaded {
			fill = flowmap.ColourLaneA
		}
		r.fill(roundRect(l.Rect, 0), fill)
		r.strokeRect(l.Rect, 1, flowmap.ColourLaneLine)
		r.text(l.Title, flowmap.ColourInk)
	}
	for _, g := range d.Groups {
		r.fill(roundRect(g.Rect, 0), flowmap.ColourGroupFill)
		r.text(g.Title, flowmap.ColourGroupText)
	}
	for _, a := range d.Arrows {
		st := flowmap.FlowStyle(a.Level)
		r.polyline(a.Shaft(), st)
		h := a.Head()
		r.fill(h[:], st.Colour)
		r.badge(a.Badge, a.Number, st.Colour)
	}
	for _, b := range d.Boxes {
		st := flowmap.NodeStyle(b.Kind)
		r.box(b.Rect, st)
		r.text(b.Text, st.Text)
	}
	for _, k := range d.Key {
		r.badge(k.Badge, k.Number, flowmap.FlowStyle(k.Level).Colour)
		r.text(k.Text, flowmap.ColourInk)
	}
	return r.img, nil
}

type raster struct {
	img           *image.RGBA
	s             float64
	regular, bold *opentype.Font
	faces         map[faceKey]font.Face
}

type faceKey struct {
	size float64
	bold bool
}

func (r *raster) loadFonts() error {
	var err error
	if r.regular, err = opentype.Parse(goregular.TTF); err != nil {
		return fmt.Errorf("render data flow map: load font: %w", err)
	}
	if r.bold, err = opentype.Parse(gobold.TTF); err != nil {
		return fmt.Errorf("render data flow map: load font: %w", err)
	}
	r.faces = map[faceKey]font.Face{}
	return nil
}

func (r *raster) face(size float64, bold bool) font.Face {
	k := faceKey{size, bold}
	if f, ok := r.faces[k]; ok {
		return f
	}
	src := r.regular
	if bold {
		src = r.bold
	}
	f, err := opentype.NewFace(src, &opentype.FaceOptions{Size: size * r.s, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		// Sizes come from the layout's constants, so this cannot happen
		// with the embedded fonts; fall back to no text rather than fail.
		return nil
	}
	r.faces[k] = f
	return f
}

// fill fills a polygon given in diagram units.
func (r *raster) fill(ps []flowmap.Point, c color.RGBA) {
	if len(ps) < 3 {
		return
	}
	minX, minY := math.Inf(1), math.Inf(1)
	maxX, maxY := math.Inf(-1), math.Inf(-1)
	for _, p := range ps {
		minX, maxX = math.Min(minX, p.X*r.s), math.Max(maxX, p.X*r.s)
		minY, maxY = math.Min(minY, p.Y*r.s), math.Max(maxY, p.Y*r.s)
	}
	x0, y0 := int(math.Floor(minX)), int(math.Floor(minY))
	x1, y1 := int(math.Ceil(maxX)), int(math.Ceil(maxY))
	bounds := image.Rect(x0, y0, x1, y1).Intersect(r.img.Bounds())
	if bounds.Empty() {
		return
	}
	z := vector.NewRasterizer(x1-x0, y1-y0)
	for i, p := range ps {
		x, y := float32(p.X*r.s-float64(x0)), float32(p.Y*r.s-float64(y0))
		if i == 0 {
			z.MoveTo(x, y)
		} else {
			z.LineTo(x, y)
		}
	}
	z.ClosePath()
	z.Draw(r.img, image.Rect(x0, y0, x1, y1), image.NewUniform(c), image.Point{})
}

// segment strokes one straight piece of line as a thin rectangle with
// square ends, so consecutive pieces join without gaps.
func (r *raster) segment(p, q flowmap.Point, width float64, c color.RGBA) {
	dx, dy := q.X-p.X, q.Y-p.Y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	h := width / 2
	ux, uy := dx/l*h, dy/l*h
	r.fill([]flowmap.Point{
		flowPt(p.X-ux-uy, p.Y-uy+ux), flowPt(q.X+ux-uy, q.Y+uy+ux),
		flowPt(q.X+ux+uy, q.Y+uy-ux), flowPt(p.X-ux+uy, p.Y-uy-ux),
	}, c)
}

func (r *raster) polyline(ps []flowmap.Point, st flowmap.LineStyle) {
	for _, run := range flowmap.DashRuns(ps, st.Dash) {
		for i := 0; i+1 < len(run); i++ {
			r.segment(run[i], run[i+1], st.Width, st.Colour)
		}
	}
}

func (r *raster) strokeRect(rc flowmap.Rect, width float64, c color.RGBA) {
	pts := []flowmap.Point{flowPt(rc.X, rc.Y), flowPt(rc.Right(), rc.Y), flowPt(rc.Right(), rc.Bottom()), flowPt(rc.X, rc.Bottom()), flowPt(rc.X, rc.Y)}
	for i := 0; i+1 < len(pts); i++ {
		r.segment(pts[i], pts[i+1], width, c)
	}
}

func (r *raster) box(rc flowmap.Rect, st flowmap.BoxStyle) {
	const sw = 1.2
	r.fill(roundRect(rc, st.Radius), st.Stroke)
	in := flowmap.Rect{X: rc.X + sw, Y: rc.Y + sw, W: rc.W - 2*sw, H: rc.H - 2*sw}
	r.fill(roundRect(in, math.Max(st.Radius-sw, 0)), st.Fill)
}

func (r *raster) badge(p flowmap.Point, n int, c color.RGBA) {
	const steps = 24
	var ps []flowmap.Point
	for i := range steps {
		t := 2 * math.Pi * float64(i) / steps
		ps = append(ps, flowmap.Point{X: p.X + flowmap.BadgeRadius*math.Cos(t), Y: p.Y + flowmap.BadgeRadius*math.Sin(t)})
	}
	r.fill(ps, c)
	r.text(flowmap.BadgeText(p, n), flowmap.ColourBadgeText)
}

// roundRect returns the outline of a rectangle with rounded corners.
func roundRect(rc flowmap.Rect, radius float64) []flowmap.Point {
	radius = math.Min(radius, math.Min(rc.W, rc.H)/2)
	if radius <= 0 {
		return []flowmap.Point{flowPt(rc.X, rc.Y), flowPt(rc.Right(), rc.Y), flowPt(rc.Right(), rc.Bottom()), flowPt(rc.X, rc.Bottom())}
	}
	corners := []struct{ cx, cy, a0 float64 }{
		{rc.Right() - radius, rc.Y + radius, -math.Pi / 2},
		{rc.Right() - radius, rc.Bottom() - radius, 0},
		{rc.X + radius, rc.Bottom() - radius, math.Pi / 2},
		{rc.X + radius, rc.Y + radius, math.Pi},
	}
	var ps []flowmap.Point
	for _, c := range corners {
		for i := 0; i <= 6; i++ {
			t := c.a0 + math.Pi/2*float64(i)/6
			ps = append(ps, flowmap.Point{X: c.cx + radius*math.Cos(t), Y: c.cy + radius*math.Sin(t)})
		}
	}
	return ps
}

func (r *raster) text(t flowmap.TextBlock, c color.RGBA) {
	f := r.face(t.Size, t.Bold)
	if f == nil {
		return
	}
	dr := font.Drawer{Dst: r.img, Src: image.NewUniform(c), Face: f}
	for i, line := range t.Lines {
		line = outText(line)
		x := t.X * r.s
		if t.Centre {
			x -= float64(dr.MeasureString(line)) / 64 / 2
		}
		dr.Dot = fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(t.Baseline(i) * r.s * 64)}
		dr.DrawString(line)
	}
}

func flowPt(x, y float64) flowmap.Point { return flowmap.Point{X: x, Y: y} }
