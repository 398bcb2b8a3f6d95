package app

import (
	"sort"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// longText is the editor of a long answer. Fyne's multi-line Entry re-wraps
// its whole text on every keystroke, which made typing in a 20,000-character
// answer lag and a long paragraph stop wrapping. This editor keeps the text
// as paragraphs (longtext_doc.go), wraps only the paragraph an edit touched
// (longtext_wrap.go) and draws only the lines in view (longtext_render.go).
// It grows with its text up to maxRows lines and then scrolls; a wheel over
// it when it has nothing more to scroll moves the page instead.
//
// It offers what people expect of a text box: caret and selection by mouse
// and keyboard, copy, cut and paste, undo and redo, and it flags patient
// identifiers as they are typed (longtext_ids.go), scanning only the
// paragraph that changed.
type longText struct {
	widget.DisableableWidget

	// OnChanged gets the whole text after every edit by the user.
	OnChanged   func(string)
	placeholder string
	// page is the scroll holding the form, which a wheel over this box
	// scrolls when the box has nothing (more) to scroll; nil for none.
	page *container.Scroll

	doc textDoc
	// lines[p] holds the byte offsets where paragraph p's lines start at
	// the width wrapped (nil: not wrapped yet); first[p] is the index of
	// its first line among all lines, and first[len(paras)] their count.
	lines  [][]int
	first  []int
	wrapW  float32
	wr     *wrapper
	wrapTS float32 // text size the wrapper measures

	caret, anchor textPos
	// upstream shows a caret at a line break at the end of the line before
	// (after End, or a click past a line's end) rather than at the start of
	// the next.
	upstream bool
	goalX    float32 // where Up and Down aim; <0 when unset
	// top is the first line in view: the box scrolls by whole lines, so
	// no line is ever cut by its edges.
	top     int
	wheel   float32 // wheel movement not yet a whole line
	focused bool
	shift   bool

	undo undoStack
	ids  idScan

	onValidationChanged func(error)
	flagged             bool // an identifier was last reported

	clicks     int
	lastDown   time.Time
	lastDownAt fyne.Position
	dragBar    bool
	dragFrom   float32
	popUp      *widget.PopUpMenu
}

const (
	minRows = 3
	// maxRows is how tall the box grows before it scrolls: long enough to
	// read a paragraph or two, short enough to see the question around it.
	maxRows = 16
)

func newLongText(text, placeholder string) *longText {
	l := &longText{placeholder: placeholder, goalX: -1}
	l.ExtendBaseWidget(l)
	l.setDoc(text)
	return l
}

// setDoc replaces the text without telling OnChanged or touching undo.
func (l *longText) setDoc(text string) {
	l.doc = newTextDoc(text)
	n := len(l.doc.paras)
	l.lines = make([][]int, n)
	l.first = make([]int, n+1)
	l.caret, l.anchor, l.upstream = textPos{}, textPos{}, false
	l.top = 0
	l.ids.reset(l.doc.paras)
	l.flagged = l.ids.err() != nil
	l.relayout(0, n)
}

// SetText replaces the text, as an edit the user can undo.
func (l *longText) SetText(text string) {
	l.replace(l.doc.start(), l.doc.end(), text, editOther)
}

// Text is the whole text.
func (l *longText) Text() string { return l.doc.String() }

// SelectedText is the text selected, or "".
func (l *longText) SelectedText() string {
	a, b := ordered(l.anchor, l.caret)
	return l.doc.slice(a, b)
}

// Validate reports the first patient identifier in the text (R-C8), as a
// field's validator would.
func (l *longText) Validate() error { return l.ids.err() }

// SetOnValidationChanged is called when the identifier flag changes.
func (l *longText) SetOnValidationChanged(f func(error)) { l.onValidationChanged = f }

func (l *longText) hasSelection() bool { return l.caret != l.anchor }

// replace is every edit: the text between a and b becomes s. It re-wraps
// and re-scans only the paragraphs touched, records the edit for undo,
// moves the caret after s, and tells OnChanged.
func (l *longText) replace(a, b textPos, s string, kind editKind) {
	a, b = ordered(l.doc.clamp(a), l.doc.clamp(b))
	s = normaliseNewlines(s)
	removed := l.doc.slice(a, b)
	if removed == "" && s == "" {
		return
	}
	at := l.doc.offset(a)
	caret, anchor := l.doc.offset(l.caret), l.doc.offset(l.anchor)
	end := l.apply(a, b, s)
	l.undo.push(textEdit{at: at, removed: removed, inserted: s, caret: caret, anchor: anchor, kind: kind, when: time.Now()})
	l.caret, l.anchor, l.upstream, l.goalX = end, end, false, -1
	l.changed()
}

// apply changes the text and its layout; it returns the end of s.
func (l *longText) apply(a, b textPos, s string) textPos {
	end, first, removed, added := l.doc.replace(a, b, s)
	l.lines = splice(l.lines, first, removed, added)
	l.ids.splice(l.doc.paras, first, removed, added)
	l.relayout(first, first+added)
	return end
}

// splice replaces n old entries at i by m fresh (zero) ones.
func splice[T any](s []T, i, n, m int) []T {
	if n == m {
		clear(s[i : i+n])
		return s
	}
	out := make([]T, 0, len(s)-n+m)
	out = append(out, s[:i]...)
	out = append(out, make([]T, m)...)
	return append(out, s[i+n:]...)
}

// relayout wraps paragraphs [from, to) again and recounts the lines.
func (l *longText) relayout(from, to int) {
	if l.wr != nil && l.wrapW > 0 {
		for p := from; p < to; p++ {
			l.lines[p] = l.wr.wrap(l.doc.paras[p], l.wrapW)
		}
	}
	l.first = l.first[:0]
	n := 0
	for p := range l.doc.paras {
		l.first = append(l.first, n)
		n += l.lineCount(p)
	}
	l.first = append(l.first, n)
}

// lineCount is paragraph p's lines, or an estimate before the box knows
// its width (about 90 characters a line).
func (l *longText) lineCount(p int) int {
	if ls := l.lines[p]; ls != nil {
		return len(ls)
	}
	return 1 + len(l.doc.paras[p])/90
}

func (l *longText) totalLines() int { return l.first[len(l.first)-1] }

// changed follows every edit: identifiers, caret in view, OnChanged.
func (l *longText) changed() {
	l.ids.rescan(l.doc.paras)
	if flagged := l.ids.err() != nil; flagged != l.flagged {
		l.flagged = flagged
		if l.onValidationChanged != nil {
			l.onValidationChanged(l.ids.err())
		}
	}
	l.scrollToCaret()
	l.Refresh()
	if l.OnChanged != nil {
		l.OnChanged(l.doc.String())
	}
}

// metrics are the sizes the box is drawn with, from its theme.
type longTextMetrics struct {
	textSize, pad, pitch, textH, bar float32
}

func (l *longText) metrics() longTextMetrics {
	th := l.Theme()
	ts := th.Size(theme.SizeNameText)
	h := fyne.MeasureText("M", ts, fyne.TextStyle{}).Height
	return longTextMetrics{
		textSize: ts,
		pad:      th.Size(theme.SizeNameInnerPadding),
		textH:    h,
		pitch:    h, // as Fyne's own wrapped text

		bar: th.Size(theme.SizeNameScrollBarSmall) * 2,
	}
}

// ensureWrapped wraps the text for a box of width w (re-wrapping it all
// only when the width or the text size changed).
func (l *longText) ensureWrapped(m longTextMetrics, w float32) {
	tw := w - 2*m.pad - m.bar
	if l.wr == nil || l.wrapTS != m.textSize {
		l.wr = wrapperFor(m.textSize, fyne.TextStyle{})
		l.wrapTS = m.textSize
		l.wrapW = 0
	}
	if tw == l.wrapW && (len(l.lines) == 0 || l.lines[0] != nil) {
		return
	}
	l.wrapW = tw
	l.relayout(0, len(l.doc.paras))
}

func (l *longText) MinSize() fyne.Size {
	l.ExtendBaseWidget(l)
	return l.BaseWidget.MinSize()
}

// rows is how many lines the box shows: its text and a line more, so it
// reads as a box to go on typing in.
func (l *longText) rows() int { return min(max(l.totalLines()+1, minRows), maxRows) }

// visibleRows is how many whole lines fit in the box as it is sized.
func (l *longText) visibleRows(m longTextMetrics) int {
	h := l.Size().Height - 2*m.pad + (m.pitch - m.textH)
	return max(1, int(h/m.pitch))
}

func (l *longText) maxTop(m longTextMetrics) int {
	return max(0, l.totalLines()-l.visibleRows(m))
}

// setTop scrolls to show line top first; it reports whether that moved.
func (l *longText) setTop(m longTextMetrics, top int) bool {
	top = min(max(top, 0), l.maxTop(m))
	if top == l.top {
		return false
	}
	l.top = top
	return true
}

// lineAt is the paragraph and line within it of line g of all lines.
func (l *longText) lineAt(g int) (p, li int) {
	p = sort.SearchInts(l.first, g+1) - 1
	p = min(max(p, 0), len(l.doc.paras)-1)
	return p, g - l.first[p]
}

// lineOf is the line of paragraph p holding offset o (with the upstream
// rule at a wrap), and that line's start and end offsets.
func (l *longText) lineOf(pos textPos, upstream bool) (li, start, end int) {
	starts := l.lines[pos.p]
	s := l.doc.paras[pos.p]
	if starts == nil {
		return 0, 0, len(s)
	}
	li = sort.SearchInts(starts, pos.o+1) - 1
	if upstream && li > 0 && starts[li] == pos.o {
		li--
	}
	li = max(li, 0)
	end = len(s)
	if li+1 < len(starts) {
		end = starts[li+1]
	}
	return li, starts[li], end
}

// lineBounds is line li of paragraph p as offsets.
func (l *longText) lineBounds(p, li int) (start, end int) {
	starts := l.lines[p]
	if starts == nil {
		return 0, len(l.doc.paras[p])
	}
	end = len(l.doc.paras[p])
	if li+1 < len(starts) {
		end = starts[li+1]
	}
	return starts[li], end
}

// xAt is the x of offset o on the line of paragraph p starting at start.
func (l *longText) xAt(m longTextMetrics, p, start, o int) float32 {
	if o <= start {
		return 0
	}
	return fyne.MeasureText(displayLine(l.doc.paras[p][start:o]), m.textSize, fyne.TextStyle{}).Width
}

// caretPoint is the caret's top-left in the text area's coordinates
// (before scrolling), and its line.
func (l *longText) posPoint(m longTextMetrics, pos textPos, upstream bool) (fyne.Position, int) {
	li, start, _ := l.lineOf(pos, upstream)
	g := l.first[pos.p] + li
	return fyne.NewPos(l.xAt(m, pos.p, start, pos.o), float32(g)*m.pitch), g
}

// posAtPoint is the position nearest a point in the widget, and whether
// it lies at the end of a wrapped line (upstream).
func (l *longText) posAtPoint(pt fyne.Position) (textPos, bool) {
	m := l.metrics()
	g := l.top
	if y := pt.Y - m.pad; y > 0 {
		g += int(y / m.pitch)
	} else if y < 0 {
		g += int(y/m.pitch) - 1
	}
	g = min(max(g, 0), l.totalLines()-1)
	p, li := l.lineAt(g)
	start, end := l.lineBounds(p, li)
	return l.posInLine(m, p, li, start, end, pt.X-m.pad)
}

// posInLine finds the character boundary nearest x on a line.
func (l *longText) posInLine(m longTextMetrics, p, li, start, end int, x float32) (textPos, bool) {
	s := l.doc.paras[p]
	wrapped := l.lines[p] != nil && li+1 < len(l.lines[p])
	bounds := []int{start}
	for o := start; o < end; {
		o = nextCluster(s, o)
		bounds = append(bounds, min(o, end))
	}
	// The widest prefix not past x, then the nearer of it and the next.
	i := sort.Search(len(bounds), func(i int) bool { return l.xAt(m, p, start, bounds[i]) > x }) - 1
	if i < 0 {
		return textPos{p, start}, false
	}
	if i+1 < len(bounds) {
		left, right := l.xAt(m, p, start, bounds[i]), l.xAt(m, p, start, bounds[i+1])
		if x-left > right-x {
			i++
		}
	}
	o := bounds[i]
	return textPos{p, o}, wrapped && o == end
}

// scrollToCaret scrolls the box so the caret's line is in view.
func (l *longText) scrollToCaret() {
	if l.Size().Height <= 0 {
		return
	}
	m := l.metrics()
	li, _, _ := l.lineOf(l.caret, l.upstream)
	g := l.first[l.caret.p] + li
	rows := l.visibleRows(m)
	switch {
	case g < l.top:
		l.setTop(m, g)
	case g >= l.top+rows:
		l.setTop(m, g-rows+1)
	default:
		l.setTop(m, l.top) // the text may have shrunk
	}
}

func (l *longText) CreateRenderer() fyne.WidgetRenderer {
	l.ExtendBaseWidget(l)
	return newLongTextRenderer(l)
}
