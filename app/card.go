package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// card is a titled panel around a group of questions, as widget.Card draws
// one. Fyne's card refreshes everything inside it when it is first drawn,
// which made the DPIA (seven steps, a card per risk) take a second to show;
// this one only lays its content out. Its subtitle wraps.
type card struct {
	widget.BaseWidget
	Title   string
	Content fyne.CanvasObject

	subtitle *wrapLabel
}

func newCard(title, subtitle string, content fyne.CanvasObject) *card {
	c := &card{Title: title, Content: content}
	if subtitle != "" {
		c.subtitle = newWrapLabel(subtitle)
	}
	c.ExtendBaseWidget(c)
	return c
}

// SetTitle changes the title.
func (c *card) SetTitle(t string) {
	if t != c.Title {
		c.Title = t
		c.Refresh()
	}
}

func (c *card) CreateRenderer() fyne.WidgetRenderer {
	r := &cardRenderer{c: c, frame: canvas.NewRectangle(color.Transparent), title: canvas.NewText(c.Title, color.Black)}
	r.title.TextStyle.Bold = true
	r.style()
	return r
}

type cardRenderer struct {
	c     *card
	frame *canvas.Rectangle
	title *canvas.Text
}

func (r *cardRenderer) style() {
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	r.frame.StrokeColor = th.Color(theme.ColorNameShadow, v)
	r.frame.StrokeWidth = 1
	r.frame.CornerRadius = th.Size(theme.SizeNameInputRadius)
	r.title.Text = r.c.Title
	r.title.TextSize = th.Size(theme.SizeNameHeadingText)
	r.title.Color = th.Color(theme.ColorNameForeground, v)
}

func (r *cardRenderer) Destroy() {}

func (r *cardRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.frame}
	if r.c.Title != "" {
		objs = append(objs, r.title)
	}
	if r.c.subtitle != nil {
		objs = append(objs, r.c.subtitle)
	}
	if r.c.Content != nil {
		objs = append(objs, r.c.Content)
	}
	return objs
}

func (r *cardRenderer) pad() float32 { return r.c.Theme().Size(theme.SizeNamePadding) }

// inner is the padding a label keeps around its text, taken back so the
// subtitle's text lines up with the title's.
func (r *cardRenderer) inner() float32 { return r.c.Theme().Size(theme.SizeNameInnerPadding) }

func (r *cardRenderer) MinSize() fyne.Size {
	p := r.pad()
	w, h := float32(0), 2*p
	if r.c.Title != "" {
		m := r.title.MinSize()
		w, h = max(w, m.Width), h+m.Height+p
	}
	if r.c.subtitle != nil {
		m := r.c.subtitle.MinSize()
		w, h = max(w, m.Width-2*r.inner()), h+m.Height-2*r.inner()
	}
	if r.c.Content != nil {
		m := r.c.Content.MinSize()
		w, h = max(w, m.Width), h+m.Height+p
	}
	return fyne.NewSize(w+4*p, h+2*p)
}

func (r *cardRenderer) Layout(size fyne.Size) {
	p := r.pad()
	r.frame.Move(fyne.NewPos(p/2, p/2))
	r.frame.Resize(size.Subtract(fyne.NewSquareSize(p)))
	x, y, w := 2*p, 2*p, size.Width-4*p
	if r.c.Title != "" {
		h := r.title.MinSize().Height
		r.title.Move(fyne.NewPos(x, y))
		r.title.Resize(fyne.NewSize(w, h))
		y += h + p
	}
	if s := r.c.subtitle; s != nil {
		ip := r.inner()
		s.Resize(fyne.NewSize(w+2*ip, s.Size().Height)) // wraps it to the width
		s.Resize(fyne.NewSize(w+2*ip, s.MinSize().Height))
		s.Move(fyne.NewPos(x-ip, y-ip))
		y += s.Size().Height - 2*ip
	}
	if r.c.Content != nil {
		r.c.Content.Move(fyne.NewPos(x, y+p))
		r.c.Content.Resize(fyne.NewSize(w, max(size.Height-y-3*p, r.c.Content.MinSize().Height)))
	}
}

func (r *cardRenderer) Refresh() {
	r.style()
	r.title.Refresh()
	r.frame.Refresh()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}
