package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// lazyRows stacks rows as a VBox does, but builds a row only when it first
// comes near the part of the page in view (or is asked for, to open a field
// in it): a group of hundreds of entries opens as fast as a screenful,
// whatever its length. A row not yet built takes the height of the
// shortest row built, which is a folded entry's: the entries of a long
// group start folded, so they are alike. When a row above the view turns
// out taller than that, the page is moved by the difference, so what is in
// view stays put.
type lazyRows struct {
	widget.BaseWidget
	build func(i int) fyne.CanvasObject
	rows  []fyne.CanvasObject // nil: not built yet
	page  *container.Scroll   // nil: build every row
	est   float32
	// filling is set while fill runs, which lays the list out again.
	filling bool
}

// firstRows are built straight away, before the page has laid the list out
// and so before it is known what is in view.
const firstRows = 16

func newLazyRows(page *container.Scroll, n int, build func(i int) fyne.CanvasObject) *lazyRows {
	l := &lazyRows{build: build, page: page}
	l.ExtendBaseWidget(l)
	l.start(n)
	return l
}

// start forgets every row and begins again with n.
func (l *lazyRows) start(n int) {
	l.rows, l.est = make([]fyne.CanvasObject, n), 0
	upTo := n
	if l.page != nil {
		upTo = min(n, firstRows)
	}
	for i := 0; i < upTo; i++ {
		l.make(i)
	}
}

// reset rebuilds the list for n rows, as they come into view again.
func (l *lazyRows) reset(n int) {
	l.start(n)
	l.Refresh()
}

func (l *lazyRows) make(i int) fyne.CanvasObject {
	r := l.build(i)
	l.rows[i] = r
	if h := r.MinSize().Height; l.est == 0 || h < l.est {
		l.est = h
	}
	return r
}

// row is row i, built if it was not.
func (l *lazyRows) row(i int) fyne.CanvasObject {
	if i < 0 || i >= len(l.rows) {
		return nil
	}
	if r := l.rows[i]; r != nil {
		return r
	}
	r := l.make(i)
	l.Refresh()
	return r
}

func (l *lazyRows) height(i int) float32 {
	if r := l.rows[i]; r != nil {
		if !r.Visible() {
			return 0
		}
		return r.MinSize().Height
	}
	return l.est
}

// fill builds the rows in the page's view and half a screen either side,
// keeping the view steady; it reports whether it built any.
func (l *lazyRows) fill() bool {
	if l.page == nil || !l.Visible() || len(l.rows) == 0 {
		return false
	}
	d := fyne.CurrentApp().Driver()
	if d.CanvasForObject(l) == nil {
		return false
	}
	// Where this list starts within the page's content.
	top := d.AbsolutePositionForObject(l).Y - d.AbsolutePositionForObject(l.page).Y + l.page.Offset.Y
	view := l.page.Size().Height
	from, to := l.page.Offset.Y-view/2, l.page.Offset.Y+view*3/2
	pad := l.Theme().Size(theme.SizeNamePadding)
	y := top
	var shift float32
	built := false
	for i := range l.rows {
		h := l.height(i)
		if y > to {
			break
		}
		if l.rows[i] == nil && y+h >= from {
			r := l.make(i)
			built = true
			if y+h <= l.page.Offset.Y {
				shift += r.MinSize().Height - h // above the view
			}
			h = l.height(i)
		}
		y += h + pad
	}
	if !built {
		return false
	}
	l.Refresh()
	if shift != 0 {
		l.page.ScrollToOffset(fyne.NewPos(l.page.Offset.X, l.page.Offset.Y+shift))
	}
	return true
}

func (l *lazyRows) CreateRenderer() fyne.WidgetRenderer {
	return &lazyRowsRenderer{l: l}
}

type lazyRowsRenderer struct {
	l       *lazyRows
	objects []fyne.CanvasObject
}

func (r *lazyRowsRenderer) Destroy() {}

func (r *lazyRowsRenderer) Objects() []fyne.CanvasObject {
	r.objects = r.objects[:0]
	for _, o := range r.l.rows {
		if o != nil {
			r.objects = append(r.objects, o)
		}
	}
	return r.objects
}

func (r *lazyRowsRenderer) MinSize() fyne.Size {
	l := r.l
	pad := l.Theme().Size(theme.SizeNamePadding)
	var w, h float32
	shown := 0
	for i, o := range l.rows {
		if o != nil {
			if !o.Visible() {
				continue
			}
			w = max(w, o.MinSize().Width)
		}
		h += l.height(i)
		shown++
	}
	if shown > 1 {
		h += pad * float32(shown-1)
	}
	return fyne.NewSize(w, h)
}

func (r *lazyRowsRenderer) Layout(size fyne.Size) {
	l := r.l
	pad := l.Theme().Size(theme.SizeNamePadding)
	var y float32
	for i, o := range l.rows {
		if o != nil && !o.Visible() {
			continue
		}
		h := l.height(i)
		if o != nil {
			o.Move(fyne.NewPos(0, y))
			o.Resize(fyne.NewSize(size.Width, h))
		}
		y += h + pad
	}
	// The list is in place now: build what came into view. (fill lays the
	// list out again when it builds; filling stops that going round.)
	if l.page != nil && !l.filling {
		l.filling = true
		l.fill()
		l.filling = false
	}
}

func (r *lazyRowsRenderer) Refresh() {
	r.Layout(r.l.Size())
	if c := fyne.CurrentApp().Driver().CanvasForObject(r.l); c != nil {
		c.Refresh(r.l)
	}
}
