package app

import (
	"image/color"
	"sort"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// A pack opened for review is shown read-only in the same screens a draft
// uses. Rather than teach every section screen a read-only mode, the built
// screen is walked and every input in it disabled; Changed and autosave
// are also off, so even an input the walk could not reach changes nothing
// that is kept.

// children lists the objects directly inside obj, for the containers and
// widgets section screens are built from.
func children(obj fyne.CanvasObject) []fyne.CanvasObject {
	switch o := obj.(type) {
	case *fyne.Container:
		return o.Objects
	case *widget.Form:
		out := make([]fyne.CanvasObject, 0, len(o.Items))
		for _, it := range o.Items {
			out = append(out, it.Widget)
		}
		return out
	case *container.Scroll:
		return []fyne.CanvasObject{o.Content}
	case *container.Split:
		return []fyne.CanvasObject{o.Leading, o.Trailing}
	case *widget.Card:
		return []fyne.CanvasObject{o.Content}
	case *card:
		return []fyne.CanvasObject{o.Content}
	case *lazyRows:
		var out []fyne.CanvasObject
		for _, r := range o.rows {
			if r != nil {
				out = append(out, r)
			}
		}
		return out
	case *container.AppTabs:
		out := make([]fyne.CanvasObject, 0, len(o.Items))
		for _, it := range o.Items {
			out = append(out, it.Content)
		}
		return out
	case *widget.Accordion:
		out := make([]fyne.CanvasObject, 0, len(o.Items))
		for _, it := range o.Items {
			out = append(out, it.Detail)
		}
		return out
	}
	return nil
}

// walk visits obj and everything inside it, depth first.
func walk(obj fyne.CanvasObject, visit func(fyne.CanvasObject)) {
	if obj == nil {
		return
	}
	visit(obj)
	for _, c := range children(obj) {
		walk(c, visit)
	}
}

// disableAll disables every input inside obj.
func disableAll(obj fyne.CanvasObject) {
	walk(obj, func(o fyne.CanvasObject) {
		if _, form := o.(*widget.Form); form {
			return // its items are visited; Form.Disable needs a renderer built first
		}
		if d, ok := o.(fyne.Disableable); ok {
			d.Disable()
		}
	})
}

// replaceChild puts repl where old sits inside root; false if old was not
// found where it can be replaced.
func replaceChild(root, old, repl fyne.CanvasObject) bool {
	found := false
	walk(root, func(o fyne.CanvasObject) {
		if found {
			return
		}
		switch p := o.(type) {
		case *fyne.Container:
			for i, c := range p.Objects {
				if c == old {
					p.Objects[i] = repl
					found = true
					return
				}
			}
		case *widget.Form:
			for _, it := range p.Items {
				if it.Widget == old {
					it.Widget = repl
					found = true
					return
				}
			}
		}
	})
	return found
}

func sortStrings(s []string) { sort.Strings(s) }

// readOnlyTheme shows disabled inputs in nearly the normal text colour: in
// a pack under review every answer is disabled, and the theme's faint
// disabled colour would make the answers hard to read. A touch of the
// background stays mixed in so disabled buttons still look inactive.
type readOnlyTheme struct{ fyne.Theme }

func (t readOnlyTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNameDisabled {
		return mix(t.Theme.Color(theme.ColorNameForeground, v), t.Theme.Color(theme.ColorNameBackground, v), 0.8)
	}
	return t.Theme.Color(n, v)
}

// readable wraps a read-only screen so its answers read as text.
func readable(obj fyne.CanvasObject) *container.ThemeOverride {
	return container.NewThemeOverride(obj, readOnlyTheme{fyne.CurrentApp().Settings().Theme()})
}

// mix is a*share + b*(1-share), opaque.
func mix(a, b color.Color, share float64) color.Color {
	ar, ag, ab, _ := a.RGBA()
	br, bg, bb, _ := b.RGBA()
	f := func(x, y uint32) uint8 { return uint8((float64(x)*share + float64(y)*(1-share)) / 257) }
	return color.NRGBA{f(ar, br), f(ag, bg), f(ab, bb), 0xff}
}
