package app

import (
	"math"
	"strings"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// styledText shows text in runs of their own style and colour, wrapped at
// spaces, the way a RichText of inline segments would be. Fyne's RichText
// breaks a segment that starts near the end of a line into one character a
// line (it keeps measuring against what was left of the first line), and
// re-wraps at a cost growing with the square of a paragraph; this lays the
// words out once, greedily, with the long-answer editor's word widths.
type styledText struct {
	widget.BaseWidget
	paras [][]styledRun

	width float32 // the width the lines were laid out for
	lines [][]styledPiece
}

// styledRun is a stretch of text in one style.
type styledRun struct {
	Text  string
	Style fyne.TextStyle
	Color fyne.ThemeColorName
}

// styledPiece is what one canvas text draws: the words of a line that share
// a style, from x.
type styledPiece struct {
	text  string
	style fyne.TextStyle
	color fyne.ThemeColorName
	x     float32
}

// newStyledText shows paragraphs of runs; a run's text holds no newline.
func newStyledText(paras [][]styledRun) *styledText {
	t := &styledText{paras: paras, width: -1}
	t.ExtendBaseWidget(t)
	return t
}

// styledParagraphs turns inline rich-text segments into paragraphs: a
// segment that is not inline ends its paragraph.
func styledParagraphs(segs []widget.RichTextSegment) [][]styledRun {
	var paras [][]styledRun
	var cur []styledRun
	for _, s := range segs {
		ts, ok := s.(*widget.TextSegment)
		if !ok {
			continue
		}
		if ts.Text != "" {
			color := ts.Style.ColorName
			if color == "" {
				color = theme.ColorNameForeground
			}
			cur = append(cur, styledRun{Text: ts.Text, Style: ts.Style.TextStyle, Color: color})
		}
		if !ts.Style.Inline {
			paras, cur = append(paras, cur), nil
		}
	}
	if len(cur) > 0 {
		paras = append(paras, cur)
	}
	return paras
}

// flowToken is a word or a run of spaces within one run.
type flowToken struct {
	text  string
	run   int
	space bool
}

func flowTokens(runs []styledRun) []flowToken {
	var out []flowToken
	for i, r := range runs {
		s := r.Text
		for len(s) > 0 {
			space := isBreakSpace(s[0])
			j := 1
			for j < len(s) && isBreakSpace(s[j]) == space {
				j++
			}
			out = append(out, flowToken{text: s[:j], run: i, space: space})
			s = s[j:]
		}
	}
	return out
}

// layout breaks the paragraphs into lines for width.
func (t *styledText) layout(width, textSize float32) {
	if width == t.width && t.lines != nil {
		return
	}
	t.width = width
	t.lines = t.lines[:0]
	for _, runs := range t.paras {
		t.lines = append(t.lines, layoutParagraph(runs, width, textSize)...)
	}
}

func layoutParagraph(runs []styledRun, width, textSize float32) [][]styledPiece {
	l := &paraLayout{runs: runs, width: width, textSize: textSize, lines: [][]styledPiece{nil}}
	toks := flowTokens(runs)
	gap, lead := float32(0), "" // the spaces since the last word, drawn only between words
	for i := 0; i < len(toks); i++ {
		tk := toks[i]
		if tk.space {
			n := utf8.RuneCountInString(tk.text)
			gap += l.measure(" ", tk.run) * float32(n)
			lead += strings.Repeat(" ", n)
			continue
		}
		// A word is the tokens up to the next space, across runs.
		j, w := i, float32(0)
		for j < len(toks) && !toks[j].space {
			w += l.measure(toks[j].text, toks[j].run)
			j++
		}
		if l.x == 0 {
			gap, lead = 0, ""
		}
		if l.x > 0 && l.x+gap+w > width {
			l.newLine()
			gap, lead = 0, ""
		}
		l.x += gap
		for k := i; k < j; k++ {
			l.word(toks[k], lead)
			lead = ""
		}
		gap = 0
		i = j - 1
	}
	return l.lines
}

// paraLayout fills the lines of one paragraph.
type paraLayout struct {
	runs            []styledRun
	width, textSize float32
	lines           [][]styledPiece
	x               float32 // where the current line ends
}

func (l *paraLayout) measure(s string, run int) float32 {
	return wrapperFor(l.textSize, l.runs[run].Style).word(s)
}

func (l *paraLayout) newLine() { l.lines, l.x = append(l.lines, nil), 0 }

// word puts one token of a word at the end of the line, after lead (the
// spaces before it, which the gap already counts), breaking it between
// characters when it is wider than a whole line.
func (l *paraLayout) word(tk flowToken, lead string) {
	w := l.measure(tk.text, tk.run)
	if l.x+w <= l.width || w <= l.width {
		if l.x+w > l.width {
			l.newLine()
			lead = ""
		}
		l.put(lead, tk.text, tk.run, w)
		return
	}
	start, fit := 0, float32(0)
	for i, r := range tk.text {
		rw := l.measure(string(r), tk.run)
		if l.x+fit+rw > l.width && (i > start || l.x > 0) {
			if i > start {
				l.put(lead, tk.text[start:i], tk.run, fit)
				lead = ""
			}
			l.newLine()
			start, fit = i, 0
		}
		fit += rw
	}
	l.put(lead, tk.text[start:], tk.run, fit)
}

// put adds text of width w at the end of the line: to the last piece when
// it has the same style (one canvas text draws both), else as a piece of
// its own.
func (l *paraLayout) put(lead, s string, run int, w float32) {
	line := &l.lines[len(l.lines)-1]
	st, c := l.runs[run].Style, l.runs[run].Color
	if n := len(*line); n > 0 && (*line)[n-1].style == st && (*line)[n-1].color == c {
		(*line)[n-1].text += lead + s
	} else {
		*line = append(*line, styledPiece{text: s, style: st, color: c, x: l.x})
	}
	l.x += w
}

func (t *styledText) CreateRenderer() fyne.WidgetRenderer {
	t.ExtendBaseWidget(t)
	return &styledTextRenderer{t: t}
}

type styledTextRenderer struct {
	t       *styledText
	texts   []*canvas.Text
	objects []fyne.CanvasObject
}

func (r *styledTextRenderer) Destroy() {}

func (r *styledTextRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *styledTextRenderer) metrics() (textSize, pad, lineH float32) {
	th := r.t.Theme()
	textSize = th.Size(theme.SizeNameText)
	pad = th.Size(theme.SizeNameInnerPadding)
	lineH = fyne.MeasureText("M", textSize, fyne.TextStyle{}).Height
	return
}

func (r *styledTextRenderer) MinSize() fyne.Size {
	textSize, pad, lineH := r.metrics()
	t := r.t
	if t.lines == nil {
		t.layout(t.Size().Width-2*pad, textSize)
	}
	rows := max(len(t.lines), 1)
	return fyne.NewSize(fyne.MeasureText("M", textSize, fyne.TextStyle{}).Width+2*pad, float32(rows)*lineH+2*pad)
}

func (r *styledTextRenderer) Layout(size fyne.Size) {
	textSize, pad, lineH := r.metrics()
	t := r.t
	t.layout(size.Width-2*pad, textSize)
	th, v := t.Theme(), fyne.CurrentApp().Settings().ThemeVariant()
	r.objects = r.objects[:0]
	n := 0
	for i, line := range t.lines {
		for _, p := range line {
			if n == len(r.texts) {
				r.texts = append(r.texts, canvas.NewText("", nil))
			}
			c := th.Color(p.color, v)
			ct := r.texts[n]
			n++
			if ct.Text != p.text || ct.Color != c || ct.TextStyle != p.style || ct.TextSize != textSize {
				ct.Text, ct.Color, ct.TextStyle, ct.TextSize = p.text, c, p.style, textSize
				ct.Refresh()
			}
			// On a whole pixel: a text drawn between pixels is blurred.
			ct.Move(fyne.NewPos(pad+float32(math.Round(float64(p.x))), pad+float32(i)*lineH))
			ct.Resize(fyne.NewSize(ct.MinSize().Width, lineH))
			r.objects = append(r.objects, ct)
		}
	}
}

func (r *styledTextRenderer) Refresh() {
	r.Layout(r.t.Size())
	canvas.Refresh(r.t)
}
