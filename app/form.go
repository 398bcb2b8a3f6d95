package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// formLabelWidth is the label column of every section form. widget.Form
// sizes its labels per form, so the several forms of one screen (split up
// so that follow-up questions can hide) would not line up; one fixed column
// keeps them aligned, and a longer label wraps rather than pushing it out.
const formLabelWidth = 175

// newForm lays out label and answer rows like widget.Form, in the shared
// label column, with a FormItem's HintText under its answer. A row whose
// label and answer are both hidden takes no space.
func newForm(items ...*widget.FormItem) *fyne.Container {
	objs := make([]fyne.CanvasObject, 0, 2*len(items))
	for _, it := range items {
		l := widget.NewLabelWithStyle(it.Text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		w := it.Widget
		if it.HintText != "" {
			w = container.NewVBox(w, Hint(it.HintText))
		}
		objs = append(objs, &fyne.Container{Layout: fixedWidth{formLabelWidth}, Objects: []fyne.CanvasObject{l}}, w)
	}
	return &fyne.Container{Layout: layout.NewFormLayout(), Objects: objs}
}

// fixedWidth gives its content a set width and the height it needs there.
type fixedWidth struct{ width float32 }

func (f fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var h float32
	for _, o := range objs {
		if o.Visible() {
			h = max(h, o.MinSize().Height)
		}
	}
	return fyne.NewSize(f.width, h)
}

func (f fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// tightRows stacks labels closer than a VBox: each label pads itself
// above and below, so a line of detail under a title overlaps that padding
// and reads as one item.
type tightRows struct{}

func (tightRows) overlap() float32 { return theme.InnerPadding() }

func (t tightRows) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var w, h float32
	n := 0
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		m := o.MinSize()
		w = max(w, m.Width)
		h += m.Height
		n++
	}
	if n > 1 {
		h -= t.overlap() * float32(n-1)
	}
	return fyne.NewSize(w, h)
}

func (t tightRows) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	var y float32
	for _, o := range objs {
		if !o.Visible() {
			continue
		}
		h := o.MinSize().Height
		o.Move(fyne.NewPos(0, y))
		o.Resize(fyne.NewSize(size.Width, h))
		y += h - t.overlap()
	}
}
