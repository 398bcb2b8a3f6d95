package export

import (
	"bufio"
	"fmt"
	"image/color"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/darsworkbench/dars-workbench/forms/flowmap"
)

// svgFont lists faces close to the one the layout assumes; viewers without
// them fall back to any sans-serif.
const svgFont = "Noto Sans, DejaVu Sans, Liberation Sans, Arial, sans-serif"

// WriteDiagramSVG writes a laid-out data flow map as a standalone SVG file.
func WriteDiagramSVG(w io.Writer, d flowmap.Diagram) error {
	if err := guardDiagram("The data flow map", d); err != nil {
		return err
	}
	b := bufio.NewWriter(w)
	s := &svgWriter{b: b}
	s.printf(`<?xml version="1.0" encoding="UTF-8"?>`+"\n"+
		`<svg xmlns="http://www.w3.org/2000/svg" width="%s" height="%s" viewBox="0 0 %s %s" font-family="%s">`+"\n",
		svgNum(d.Width), svgNum(d.Height), svgNum(d.Width), svgNum(d.Height), svgFont)
	s.printf(`<rect width="100%%" height="100%%" fill="%s"/>`+"\n", svgHex(flowmap.ColourPaper))
	s.text(d.Title, flowmap.ColourInk)

	lg := d.Legend
	s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="none" stroke="%s"/>`+"\n",
		svgNum(lg.Rect.X), svgNum(lg.Rect.Y), svgNum(lg.Rect.W), svgNum(lg.Rect.H), svgHex(flowmap.ColourLaneLine))
	for _, l := range lg.Lines {
		s.line([]flowmap.Point{l.From, l.To}, flowmap.FlowStyle(l.Level))
		s.text(l.Text, flowmap.ColourInk)
	}
	for _, k := range lg.Kinds {
		s.box(k.Rect, flowmap.NodeStyle(k.Kind))
		s.text(k.Text, flowmap.ColourInk)
	}

	for _, l := range d.Lanes {
		fill := flowmap.ColourLaneB
		if l.Shaded {
			fill = flowmap.ColourLaneA
		}
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s" stroke="%s"/>`+"\n",
			svgNum(l.Rect.X), svgNum(l.Rect.Y), svgNum(l.Rect.W), svgNum(l.Rect.H), svgHex(fill), svgHex(flowmap.ColourLaneLine))
		s.text(l.Title, flowmap.ColourInk)
	}
	for _, g := range d.Groups {
		s.printf(`<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`+"\n",
			svgNum(g.Rect.X), svgNum(g.Rect.Y), svgNum(g.Rect.W), svgNum(g.Rect.H), svgHex(flowmap.ColourGroupFill))
		s.text(g.Title, flowmap.ColourGroupText)
	}

	for _, a := range d.Arrows {
		st := flowmap.FlowStyle(a.Level)
		s.printf(`<g id="flow-%s">`+"\n", svgEscape(a.FlowID))
		s.line(a.Shaft(), st)
		h := a.Head()
		s.printf(`<polygon points="%s,%s %s,%s %s,%s" fill="%s"/>`+"\n",
			svgNum(h[0].X), svgNum(h[0].Y), svgNum(h[1].X), svgNum(h[1].Y), svgNum(h[2].X), svgNum(h[2].Y), svgHex(st.Colour))
		s.badge(a.Badge, a.Number, st.Colour)
		s.printf("</g>\n")
	}
	for _, bx := range d.Boxes {
		st := flowmap.NodeStyle(bx.Kind)
		s.box(bx.Rect, st)
		s.text(bx.Text, st.Text)
	}
	for _, k := range d.Key {
		s.badge(k.Badge, k.Number, flowmap.FlowStyle(k.Level).Colour)
		s.text(k.Text, flowmap.ColourInk)
	}
	s.printf("</svg>\n")
	if s.err != nil {
		return fmt.Errorf("write data flow SVG: %w", s.err)
	}
	if err := b.Flush(); err != nil {
		return fmt.Errorf("write data flow SVG: %w", err)
	}
	return nil
}

type svgWriter struct {
	b   *bufio.Writer
	err error
}

func (s *svgWriter) printf(format string, args ...any) {
	if s.err == nil {
		_, s.err = fmt.Fprintf(s.b, format, args...)
	}
}

func (s *svgWriter) line(ps []flowmap.Point, st flowmap.LineStyle) {
	var pts []string
	for _, p := range ps {
		pts = append(pts, svgNum(p.X)+","+svgNum(p.Y))
	}
	dash := ""
	if len(st.Dash) > 0 {
		var ds []string
		for _, v := range st.Dash {
			ds = append(ds, svgNum(v))
		}
		dash = ` stroke-dasharray="` + strings.Join(ds, " ") + `"`
	}
	s.printf(`<polyline points="%s" fill="none" stroke="%s" stroke-width="%s"%s stroke-linejoin="round"/>`+"\n",
		strings.Join(pts, " "), svgHex(st.Colour), svgNum(st.Width), dash)
}

func (s *svgWriter) box(r flowmap.Rect, st flowmap.BoxStyle) {
	s.printf(`<rect x="%s" y="%s" width="%s" height="%s" rx="%s" fill="%s" stroke="%s" stroke-width="1.2"/>`+"\n",
		svgNum(r.X), svgNum(r.Y), svgNum(r.W), svgNum(r.H), svgNum(st.Radius), svgHex(st.Fill), svgHex(st.Stroke))
}

func (s *svgWriter) badge(p flowmap.Point, n int, c color.RGBA) {
	s.printf(`<circle cx="%s" cy="%s" r="%s" fill="%s"/>`+"\n", svgNum(p.X), svgNum(p.Y), svgNum(flowmap.BadgeRadius), svgHex(c))
	s.text(flowmap.BadgeText(p, n), flowmap.ColourBadgeText)
}

func (s *svgWriter) text(t flowmap.TextBlock, c color.RGBA) {
	if len(t.Lines) == 0 {
		return
	}
	attrs := ""
	if t.Centre {
		attrs += ` text-anchor="middle"`
	}
	if t.Bold {
		attrs += ` font-weight="bold"`
	}
	for i, line := range t.Lines {
		s.printf(`<text x="%s" y="%s" font-size="%s" fill="%s"%s>%s</text>`+"\n",
			svgNum(t.X), svgNum(t.Baseline(i)), svgNum(t.Size), svgHex(c), attrs, svgEscape(outText(line)))
	}
}

func svgNum(f float64) string { return strconv.FormatFloat(math.Round(f*100)/100, 'f', -1, 64) }

func svgHex(c color.RGBA) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func svgEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(' ')
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			// Not allowed in XML 1.0: dropped so the file always parses.
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
