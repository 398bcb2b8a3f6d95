package app

import (
	"image/color"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

// A toast is a short notice that something worked — a snapshot taken, a
// file attached, an organisation saved — shown over the bottom of the
// window for a few seconds, then faded away. A line in a status bar is
// easily missed; a dialog would have to be dismissed. The toast takes no
// taps or keys: typing carries on underneath it.

// toastShow and toastFade are how long a toast stays, and how long it
// takes to fade at the end of that.
const (
	toastShow = 3500 * time.Millisecond
	toastFade = 600 * time.Millisecond
)

// toastWidth is the most a line of a toast holds, in characters.
const toastWidth = 72

// toaster is the layer of a window toasts are shown in.
type toaster struct {
	layer *fyne.Container
	// current is the toast shown, if any; anim fades it.
	current *toast
	anim    *fyne.Animation
	// last is the text of the latest toast, shown or gone.
	last string
}

type toast struct {
	box   *canvas.Rectangle
	icon  *canvas.Image
	lines []*canvas.Text
	text  string
}

// newToaster makes the layer; stack it over the window's content with
// over.
func newToaster() *toaster {
	return &toaster{layer: container.NewWithoutLayout()}
}

// over puts the toast layer over content.
func (t *toaster) over(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(content, t.layer)
}

// show shows text as a toast, replacing any toast still shown, and fades
// it out in time.
func (t *toaster) show(text string) {
	t.put(text)
	t.anim = fyne.NewAnimation(toastShow, t.step)
	t.anim.Curve = fyne.AnimationLinear
	t.anim.Start()
}

// put lays a toast out in the layer.
func (t *toaster) put(text string) {
	t.stop()
	t.last = text
	size := theme.TextSize()
	pad := theme.Padding() * 2
	fg := theme.Color(theme.ColorNameForeground)
	c := &toast{text: text}
	c.box = canvas.NewRectangle(theme.Color(theme.ColorNameOverlayBackground))
	c.box.StrokeColor = theme.Color(theme.ColorNameSuccess)
	c.box.StrokeWidth = 2
	c.box.CornerRadius = theme.InputRadiusSize()
	c.icon = canvas.NewImageFromResource(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
	c.icon.FillMode = canvas.ImageFillContain
	var w, h float32
	for _, line := range wrapWords(text, toastWidth) {
		l := canvas.NewText(line, fg)
		l.TextSize = size
		c.lines = append(c.lines, l)
		m := l.MinSize()
		w, h = max(w, m.Width), h+m.Height
	}
	iconSize := theme.IconInlineSize()
	boxSize := fyne.NewSize(w+iconSize+3*pad, h+2*pad)
	area := t.layer.Size()
	origin := fyne.NewPos(max(0, (area.Width-boxSize.Width)/2), max(0, area.Height-boxSize.Height-56))
	c.box.Resize(boxSize)
	c.box.Move(origin)
	c.icon.Resize(fyne.NewSquareSize(iconSize))
	c.icon.Move(origin.Add(fyne.NewPos(pad, (boxSize.Height-iconSize)/2)))
	y := origin.Y + pad
	for _, l := range c.lines {
		l.Move(fyne.NewPos(origin.X+2*pad+iconSize, y))
		l.Resize(l.MinSize())
		y += l.MinSize().Height
	}
	objs := []fyne.CanvasObject{c.box, c.icon}
	for _, l := range c.lines {
		objs = append(objs, l)
	}
	t.layer.Objects = objs
	t.layer.Refresh()
	t.current = c
}

// step shows the toast at a point of its life, 0 to 1: whole until the
// fade, then fading out, then gone.
func (t *toaster) step(p float32) {
	c := t.current
	if c == nil {
		return
	}
	if p >= 1 {
		t.clear()
		return
	}
	fadeFrom := 1 - float32(toastFade)/float32(toastShow)
	alpha := float32(1)
	if p > fadeFrom {
		alpha = (1 - p) / (1 - fadeFrom)
	}
	c.box.FillColor = withAlpha(theme.Color(theme.ColorNameOverlayBackground), alpha)
	c.box.StrokeColor = withAlpha(theme.Color(theme.ColorNameSuccess), alpha)
	c.icon.Translucency = float64(1 - alpha)
	for _, l := range c.lines {
		l.Color = withAlpha(theme.Color(theme.ColorNameForeground), alpha)
	}
	t.layer.Refresh()
}

// shown is the text of the toast on screen, or "".
func (t *toaster) shown() string {
	if t.current == nil {
		return ""
	}
	return t.current.text
}

func (t *toaster) stop() {
	if t.anim != nil {
		t.anim.Stop()
		t.anim = nil
	}
	t.clear()
}

func (t *toaster) clear() {
	t.current = nil
	t.layer.Objects = nil
	t.layer.Refresh()
}

func withAlpha(c color.Color, a float32) color.Color {
	n := toNRGBA(c)
	n.A = uint8(float32(n.A) * max(0, min(1, a)))
	return n
}

// wrapWords breaks text into lines of at most width characters, at spaces.
func wrapWords(text string, width int) []string {
	var lines []string
	var cur []rune
	for _, word := range strings.Fields(text) {
		w := []rune(word)
		if len(cur) > 0 && len(cur)+1+len(w) > width {
			lines = append(lines, string(cur))
			cur = nil
		}
		if len(cur) > 0 {
			cur = append(cur, ' ')
		}
		cur = append(cur, w...)
	}
	if len(cur) > 0 {
		lines = append(lines, string(cur))
	}
	return lines
}
