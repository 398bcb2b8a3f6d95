package app

import (
	"reflect"
	"unsafe"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a mouse-wheel turn to the innermost scrollable thing under the
// pointer, and every text box is one (it scrolls its own text), even when
// it has nothing to scroll: over a page of text boxes the wheel barely moved
// the page. A wheelPage lies over a scrolled page, transparent to taps and
// hover, and takes every wheel turn itself: it offers the turn to the text
// box, list or inner scroll under the pointer, innermost first, and gives it
// to the page once none of them can move that way. A widget that scrolls in
// its own way (any other fyne.Scrollable) is given the turn as it would have
// been without the layer.
type wheelPage struct {
	widget.BaseWidget
	page *container.Scroll
}

// wheelPassing stacks a wheelPage over page; use the result in its place.
func wheelPassing(page *container.Scroll) fyne.CanvasObject {
	return container.NewStack(page, newWheelPage(page))
}

func newWheelPage(page *container.Scroll) *wheelPage {
	w := &wheelPage{page: page}
	w.ExtendBaseWidget(w)
	return w
}

func (w *wheelPage) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewWithoutLayout())
}

// Scrolled offers the turn to what is under the pointer, innermost first,
// then to the page.
func (w *wheelPage) Scrolled(ev *fyne.ScrollEvent) {
	if w.page.Content != nil {
		under := scrollersAt(w.page.Content, ev.Position)
		for i := len(under) - 1; i >= 0; i-- {
			if scrollOne(under[i], ev) {
				return
			}
		}
	}
	w.page.Scrolled(ev)
}

// scrollersAt lists the things that can scroll under point p (relative to
// the page whose content is o), outermost first.
func scrollersAt(o fyne.CanvasObject, p fyne.Position) []fyne.CanvasObject {
	var out []fyne.CanvasObject
	var visit func(o fyne.CanvasObject, origin fyne.Position)
	visit = func(o fyne.CanvasObject, origin fyne.Position) {
		if o == nil || !o.Visible() {
			return
		}
		pos := origin.Add(o.Position())
		size := o.Size()
		if p.X < pos.X || p.Y < pos.Y || p.X >= pos.X+size.Width || p.Y >= pos.Y+size.Height {
			return
		}
		switch o.(type) {
		case *widget.Entry, *widget.SelectEntry, *widget.List, *container.Scroll:
			out = append(out, o)
		default:
			if _, ok := o.(fyne.Scrollable); ok {
				out = append(out, o) // scrolls in its own way; not looked into
				return
			}
		}
		for _, c := range wheelChildren(o) {
			visit(c, pos)
		}
	}
	// The content's position is its place in the page, moved by the offset.
	visit(o, fyne.Position{})
	return out
}

// wheelChildren are the objects inside o that the wheel can reach.
func wheelChildren(o fyne.CanvasObject) []fyne.CanvasObject {
	switch w := o.(type) {
	case *foldingRow:
		return []fyne.CanvasObject{w.Container}
	case *container.ThemeOverride:
		return []fyne.CanvasObject{w.Content}
	case *widget.Entry, *widget.SelectEntry, *widget.List:
		return nil
	}
	return children(o)
}

// scrollOne offers a wheel turn to one scrollable thing; it reports whether
// it moved.
func scrollOne(o fyne.CanvasObject, ev *fyne.ScrollEvent) bool {
	switch w := o.(type) {
	case *container.Scroll:
		before := w.Offset
		w.Scrolled(ev)
		return w.Offset != before
	case *widget.List:
		before := w.GetScrollOffset()
		w.ScrollToOffset(before - ev.Scrolled.DY)
		return w.GetScrollOffset() != before
	case *widget.Entry:
		return scrollEntry(w, ev)
	case *widget.SelectEntry:
		return scrollEntry(&w.Entry, ev)
	case fyne.Scrollable:
		w.Scrolled(ev)
		return true
	}
	return false
}

// scrollEntry scrolls a text box's own text, if it has more than it shows
// that way; an upright turn over a one-line box always goes to the page.
// Entry keeps its scroller to itself, so it is read from the unexported
// field "scroll" (Fyne is pinned at v2.7.1; TestWheelReachesEntryText
// fails if a Fyne upgrade moves it). Without it the turn goes to the page.
func scrollEntry(e *widget.Entry, ev *fyne.ScrollEvent) bool {
	if !e.MultiLine && ev.Scrolled.DX == 0 {
		return false
	}
	f := reflect.ValueOf(e).Elem().FieldByName("scroll")
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() {
		return false
	}
	p := reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	s, ok := p.Interface().(interface {
		fyne.Scrollable
		fyne.CanvasObject
	})
	if !ok || !s.Visible() {
		return false
	}
	offset := p.Elem().FieldByName("Offset")
	if !offset.IsValid() {
		return false
	}
	before, ok := offset.Interface().(fyne.Position)
	if !ok {
		return false
	}
	s.Scrolled(ev)
	after := offset.Interface().(fyne.Position)
	if ev.Scrolled.DX == 0 && after.Y == before.Y {
		// Fyne turns an upright turn over text that is only too wide into
		// a sideways scroll; over a page, the page is what should move.
		if after != before && offset.CanSet() {
			offset.Set(reflect.ValueOf(before))
			s.Refresh()
		}
		return false
	}
	return after != before
}

// placeIn is obj's position within root, summed down the tree.
func placeIn(root, obj fyne.CanvasObject) (fyne.Position, bool) {
	var find func(o fyne.CanvasObject, origin fyne.Position) (fyne.Position, bool)
	find = func(o fyne.CanvasObject, origin fyne.Position) (fyne.Position, bool) {
		if o == nil || !o.Visible() {
			return fyne.Position{}, false
		}
		if o == obj {
			return origin, true
		}
		for _, c := range wheelChildren(o) {
			if c != nil {
				if p, ok := find(c, origin.Add(c.Position())); ok {
					return p, true
				}
			}
		}
		return fyne.Position{}, false
	}
	return find(root, fyne.Position{})
}
