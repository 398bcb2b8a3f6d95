package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
)

// longTextRenderer draws the lines in view and nothing else: a text object
// per visible line, reused as the box scrolls, with the selection, the
// identifier marks and the caret behind and over them.
type longTextRenderer struct {
	l           *longText
	bg, border  *canvas.Rectangle
	caret, bar  *canvas.Rectangle
	placeholder *canvas.Text
	texts       []*canvas.Text
	sels, marks []*canvas.Rectangle
	objects     []fyne.CanvasObject
}

func newLongTextRenderer(l *longText) *longTextRenderer {
	r := &longTextRenderer{
		l:           l,
		bg:          canvas.NewRectangle(color.Transparent),
		border:      canvas.NewRectangle(color.Transparent),
		caret:       canvas.NewRectangle(color.Transparent),
		bar:         canvas.NewRectangle(color.Transparent),
		placeholder: canvas.NewText(l.placeholder, color.Transparent),
	}
	r.update()
	return r
}

func (r *longTextRenderer) Destroy() {}

func (r *longTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *longTextRenderer) MinSize() fyne.Size {
	m := r.l.metrics()
	rows := float32(r.l.rows())
	return fyne.NewSize(m.pad*2+m.bar+fyne.MeasureText("MMMMMMMM", m.textSize, fyne.TextStyle{}).Width,
		2*m.pad+rows*m.pitch-(m.pitch-m.textH))
}

func (r *longTextRenderer) Layout(size fyne.Size) {
	m := r.l.metrics()
	r.l.ensureWrapped(m, size.Width)
	r.l.setTop(m, r.l.top)
	r.update()
}

func (r *longTextRenderer) Refresh() {
	r.update()
	canvas.Refresh(r.l)
}

// update places everything for the text, caret and scroll as they are.
func (r *longTextRenderer) update() {
	l := r.l
	th := l.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	m := l.metrics()
	size := l.Size()
	border := th.Size(theme.SizeNameInputBorder)
	radius := th.Size(theme.SizeNameInputRadius)

	r.bg.FillColor = th.Color(theme.ColorNameInputBackground, v)
	r.bg.CornerRadius = radius
	r.bg.Resize(size.Subtract(fyne.NewSquareSize(border * 2)))
	r.bg.Move(fyne.NewSquareOffsetPos(border))
	r.border.StrokeWidth = border
	r.border.CornerRadius = radius
	r.border.Resize(fyne.NewSize(size.Width-border-.5, size.Height-border-.5))
	r.border.Move(fyne.NewSquareOffsetPos(border / 2))
	switch {
	case l.Disabled():
		r.border.StrokeColor = th.Color(theme.ColorNameDisabled, v)
	case l.focused:
		r.border.StrokeColor = th.Color(theme.ColorNamePrimary, v)
	case l.ids.err() != nil:
		r.border.StrokeColor = th.Color(theme.ColorNameError, v)
	default:
		r.border.StrokeColor = th.Color(theme.ColorNameInputBorder, v)
	}

	fg := th.Color(theme.ColorNameForeground, v)
	if l.Disabled() {
		fg = th.Color(theme.ColorNameDisabled, v)
	}
	rows := l.visibleRows(m)
	first, last := l.top, min(l.top+rows, l.totalLines())
	width := size.Width - 2*m.pad - m.bar

	// Lines in view.
	n := 0
	for g := first; g < last; g++ {
		p, li := l.lineAt(g)
		start, end := l.lineBounds(p, li)
		if n == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", fg))
		}
		t := r.texts[n]
		n++
		text := displayLine(l.doc.paras[p][start:end])
		if t.Text != text || t.Color != fg || t.TextSize != m.textSize {
			t.Text, t.Color, t.TextSize = text, fg, m.textSize
			t.Refresh()
		}
		t.Move(fyne.NewPos(m.pad, m.pad+float32(g-first)*m.pitch))
		t.Resize(fyne.NewSize(width, m.textH))
	}
	texts := r.texts[:n]

	r.placeholder.Text = l.placeholder
	r.placeholder.TextSize = m.textSize
	r.placeholder.Color = th.Color(theme.ColorNamePlaceHolder, v)
	r.placeholder.Move(fyne.NewPos(m.pad, m.pad))
	r.placeholder.Resize(fyne.NewSize(width, m.textH))
	r.placeholder.Hidden = l.doc.length() > 0

	// Selection and identifier marks behind the text.
	r.sels = r.ranges(r.sels[:0], m, first, last, width, l.anchor, l.caret, th.Color(theme.ColorNameSelection, v))
	r.marks = r.marks[:0]
	if first < last {
		p0, _ := l.lineAt(first)
		p1, _ := l.lineAt(last - 1)
		markColor := tintAlpha(th.Color(theme.ColorNameError, v), 0x50)
		marks := r.marks
		l.ids.spans(p0, p1, func(from, to textPos) {
			marks = r.ranges(marks, m, first, last, width, from, to, markColor)
		})
		r.marks = marks
	}

	// The caret, when focused and editable and in view.
	r.caret.FillColor = th.Color(theme.ColorNamePrimary, v)
	r.caret.Hidden = true
	if l.focused && !l.Disabled() {
		pt, g := l.posPoint(m, l.caret, l.upstream)
		if g >= first && g < last {
			r.caret.Hidden = false
			r.caret.Move(fyne.NewPos(m.pad+min(pt.X, width)-1, m.pad+float32(g-first)*m.pitch))
			r.caret.Resize(fyne.NewSize(2, m.textH))
		}
	}

	// A scroll bar when there is more than fits.
	r.bar.Hidden = true
	if total := l.totalLines(); total > rows {
		track := size.Height - 2*m.pad
		h := max(track*float32(rows)/float32(total), m.textH)
		y := m.pad
		if mt := l.maxTop(m); mt > 0 {
			y += (track - h) * float32(l.top) / float32(mt)
		}
		r.bar.Hidden = false
		r.bar.FillColor = th.Color(theme.ColorNameScrollBar, v)
		r.bar.CornerRadius = m.bar / 4
		r.bar.Move(fyne.NewPos(size.Width-m.pad/2-m.bar/2-border, y))
		r.bar.Resize(fyne.NewSize(m.bar/2, h))
	}

	objs := r.objects[:0]
	objs = append(objs, r.bg)
	for _, o := range r.marks {
		objs = append(objs, o)
	}
	for _, o := range r.sels {
		objs = append(objs, o)
	}
	for _, t := range texts {
		objs = append(objs, t)
	}
	r.objects = append(objs, r.placeholder, r.caret, r.bar, r.border)
}

// ranges appends a rectangle per line in view for the text between a and
// b, reusing rectangles from out's spare capacity.
func (r *longTextRenderer) ranges(out []*canvas.Rectangle, m longTextMetrics, first, last int, width float32, a, b textPos, c color.Color) []*canvas.Rectangle {
	l := r.l
	a, b = ordered(a, b)
	if a == b {
		return out
	}
	for g := first; g < last; g++ {
		p, li := l.lineAt(g)
		if p < a.p || p > b.p {
			continue
		}
		start, end := l.lineBounds(p, li)
		from, to := start, end
		if p == a.p {
			from = max(from, a.o)
		}
		if p == b.p {
			to = min(to, b.o)
		}
		lastLine := l.lines[p] == nil || li == len(l.lines[p])-1
		// A selection running on past a paragraph's end shows its newline.
		newline := p < b.p && lastLine && from <= end
		if from > to || (from == to && !newline) || (p == a.p && a.o > end) || (p == b.p && b.o < start) {
			continue
		}
		x0 := l.xAt(m, p, start, from)
		x1 := l.xAt(m, p, start, to)
		if newline {
			x1 += m.textSize / 3
		}
		x0, x1 = min(x0, width), min(x1, width)
		if x1 <= x0 {
			continue
		}
		var rect *canvas.Rectangle
		if len(out) < cap(out) {
			rect = out[:len(out)+1][len(out)]
		}
		if rect == nil {
			rect = canvas.NewRectangle(c)
		}
		rect.FillColor = c
		rect.Move(fyne.NewPos(m.pad+x0, m.pad+float32(g-first)*m.pitch))
		rect.Resize(fyne.NewSize(x1-x0, m.textH))
		rect.Refresh()
		out = append(out, rect)
	}
	return out
}

func tintAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}
