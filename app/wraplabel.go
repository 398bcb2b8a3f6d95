package app

import (
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// wrapLabel is a label that wraps its text at spaces, as a widget.Label with
// TextWrapWord does, laid out by the long-answer editor's wrapper: each word
// is measured once and remembered for every label. Fyne's label finds each
// line's end by shaping ever shorter prefixes of it afresh, which made the
// hints and summaries of a long section a large part of its showing.
type wrapLabel struct {
	widget.BaseWidget
	Text       string
	TextStyle  fyne.TextStyle
	Importance widget.Importance
	Alignment  fyne.TextAlign

	width float32 // the width the lines were wrapped to
	lines []string
}

func newWrapLabel(text string) *wrapLabel {
	l := &wrapLabel{Text: text}
	l.ExtendBaseWidget(l)
	return l
}

// SetText changes the text, and lays the label out again if it changed.
func (l *wrapLabel) SetText(s string) {
	if s == l.Text {
		return
	}
	l.Text = s
	l.width = -1
	l.Refresh()
}

func (l *wrapLabel) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	return &wrapLabelRenderer{l: l}
}

// wrap splits the text into lines for a width (or one line a paragraph
// before the label has one).
func (l *wrapLabel) wrap(width, textSize float32) {
	if width == l.width && l.lines != nil {
		return
	}
	l.width = width
	l.lines = l.lines[:0]
	w := wrapperFor(textSize, l.TextStyle)
	for _, para := range strings.Split(l.Text, "\n") {
		if width <= 0 {
			l.lines = append(l.lines, para)
			continue
		}
		starts := w.wrap(para, width)
		for i, s := range starts {
			end := len(para)
			if i+1 < len(starts) {
				end = starts[i+1]
			}
			l.lines = append(l.lines, strings.TrimRight(para[s:end], " \t"))
		}
	}
}

type wrapLabelRenderer struct {
	l       *wrapLabel
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *wrapLabelRenderer) Destroy() {}

func (r *wrapLabelRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *wrapLabelRenderer) metrics() (textSize, pad, lineH float32) {
	th := r.l.Theme()
	textSize = th.Size(theme.SizeNameText)
	pad = th.Size(theme.SizeNameInnerPadding)
	lineH = fyne.MeasureText("M", textSize, r.l.TextStyle).Height
	return
}

func (r *wrapLabelRenderer) MinSize() fyne.Size {
	textSize, pad, lineH := r.metrics()
	l := r.l
	if l.lines == nil {
		l.wrap(l.Size().Width-2*pad, textSize)
	}
	rows := max(len(l.lines), 1)
	return fyne.NewSize(fyne.MeasureText("M", textSize, l.TextStyle).Width+2*pad, float32(rows)*lineH+2*pad)
}

func (r *wrapLabelRenderer) Layout(size fyne.Size) {
	textSize, pad, lineH := r.metrics()
	l := r.l
	l.wrap(size.Width-2*pad, textSize)
	c := l.Theme().Color(labelColor(l.Importance), fyne.CurrentApp().Settings().ThemeVariant())
	r.objects = r.objects[:0]
	for i, line := range l.lines {
		if i == len(r.texts) {
			r.texts = append(r.texts, canvas.NewText("", c))
		}
		t := r.texts[i]
		if t.Text != line || t.Color != c || t.TextStyle != l.TextStyle || t.TextSize != textSize || t.Alignment != l.Alignment {
			t.Text, t.Color, t.TextStyle, t.TextSize, t.Alignment = line, c, l.TextStyle, textSize, l.Alignment
			t.Refresh()
		}
		t.Move(fyne.NewPos(pad, pad+float32(i)*lineH))
		t.Resize(fyne.NewSize(size.Width-2*pad, lineH))
		r.objects = append(r.objects, t)
	}
}

func (r *wrapLabelRenderer) Refresh() {
	r.Layout(r.l.Size())
	canvas.Refresh(r.l)
}

// labelColor is the colour widget.Label gives text of an importance.
func labelColor(imp widget.Importance) fyne.ThemeColorName {
	switch imp {
	case widget.LowImportance:
		return theme.ColorNameDisabled
	case widget.HighImportance:
		return theme.ColorNamePrimary
	case widget.DangerImportance:
		return theme.ColorNameError
	case widget.WarningImportance:
		return theme.ColorNameWarning
	case widget.SuccessImportance:
		return theme.ColorNameSuccess
	}
	return theme.ColorNameForeground
}

// wrappers share the widths of words among every label and editor of a
// text size and style.
var wrappers = struct {
	sync.Mutex
	m map[wrapperKey]*wrapper
}{m: map[wrapperKey]*wrapper{}}

type wrapperKey struct {
	size  float32
	style fyne.TextStyle
}

func wrapperFor(size float32, style fyne.TextStyle) *wrapper {
	wrappers.Lock()
	defer wrappers.Unlock()
	k := wrapperKey{size, style}
	if w, ok := wrappers.m[k]; ok {
		return w
	}
	w := newWrapper(func(s string) float32 { return fyne.MeasureText(s, size, style).Width })
	wrappers.m[k] = w
	return w
}
