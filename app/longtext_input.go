package app

import (
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

var (
	_ fyne.Focusable         = (*longText)(nil)
	_ fyne.Shortcutable      = (*longText)(nil)
	_ fyne.Draggable         = (*longText)(nil)
	_ fyne.Tappable          = (*longText)(nil)
	_ fyne.DoubleTappable    = (*longText)(nil)
	_ fyne.SecondaryTappable = (*longText)(nil)
	_ fyne.Scrollable        = (*longText)(nil)
	_ fyne.Disableable       = (*longText)(nil)
	_ fyne.Validatable       = (*longText)(nil)
	_ desktop.Mouseable      = (*longText)(nil)
	_ desktop.Keyable        = (*longText)(nil)
	_ desktop.Cursorable     = (*longText)(nil)
)

// Keyboard. Moving keys extend the selection with Shift held; Ctrl (Alt on
// macOS) moves by word, Ctrl+Home and Ctrl+End to the ends of the text.

func (l *longText) FocusGained() {
	l.focused = true
	l.Refresh()
}

func (l *longText) FocusLost() {
	l.focused, l.shift = false, false
	l.Refresh()
}

func (l *longText) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = true
	}
}

func (l *longText) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		l.shift = false
	}
}

// shiftHeld reports Shift from the key events seen, or from the driver
// where it tracks modifiers.
func (l *longText) shiftHeld() bool {
	if l.shift {
		return true
	}
	if d, ok := fyne.CurrentApp().Driver().(desktop.Driver); ok {
		return d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
	}
	return false
}

func (l *longText) TypedRune(r rune) {
	if l.Disabled() {
		return
	}
	l.insert(string(r), editTyping)
}

func (l *longText) TypedKey(ev *fyne.KeyEvent) {
	extend := l.shiftHeld()
	switch ev.Name {
	case fyne.KeyBackspace:
		l.deleteBack()
	case fyne.KeyDelete:
		l.deleteForward()
	case fyne.KeyReturn, fyne.KeyEnter:
		if !l.Disabled() {
			l.insert("\n", editTyping)
		}
	case fyne.KeyLeft:
		if l.hasSelection() && !extend {
			a, _ := ordered(l.anchor, l.caret)
			l.moveTo(a, false, false)
			return
		}
		l.moveTo(l.stepLeft(l.caret), false, extend)
	case fyne.KeyRight:
		if l.hasSelection() && !extend {
			_, b := ordered(l.anchor, l.caret)
			l.moveTo(b, false, false)
			return
		}
		l.moveTo(l.stepRight(l.caret), false, extend)
	case fyne.KeyUp:
		l.moveLines(-1, extend)
	case fyne.KeyDown:
		l.moveLines(1, extend)
	case fyne.KeyPageUp:
		l.moveLines(-max(l.visibleRows(l.metrics())-1, 1), extend)
	case fyne.KeyPageDown:
		l.moveLines(max(l.visibleRows(l.metrics())-1, 1), extend)
	case fyne.KeyHome:
		l.lineHome(extend)
	case fyne.KeyEnd:
		l.lineEnd(extend)
	}
}

func (l *longText) TypedShortcut(s fyne.Shortcut) {
	switch s := s.(type) {
	case *fyne.ShortcutCopy:
		l.copyTo(s.Clipboard)
	case *fyne.ShortcutCut:
		l.cutTo(s.Clipboard)
	case *fyne.ShortcutPaste:
		l.pasteFrom(s.Clipboard)
	case *fyne.ShortcutSelectAll:
		l.selectAll()
	case *fyne.ShortcutUndo:
		l.Undo()
	case *fyne.ShortcutRedo:
		l.Redo()
	case *desktop.CustomShortcut:
		l.customShortcut(s)
	}
}

func (l *longText) customShortcut(s *desktop.CustomShortcut) {
	extend := s.Modifier&fyne.KeyModifierShift != 0
	mod := s.Modifier &^ fyne.KeyModifierShift
	word := fyne.KeyModifierShortcutDefault
	if runtime.GOOS == "darwin" {
		word = fyne.KeyModifierAlt
	}
	switch {
	case mod == word && s.KeyName == fyne.KeyLeft:
		l.moveTo(l.wordLeft(l.caret), false, extend)
	case mod == word && s.KeyName == fyne.KeyRight:
		l.moveTo(l.wordRight(l.caret), false, extend)
	case mod == word && s.KeyName == fyne.KeyBackspace && !extend:
		if !l.deleteSelection() {
			l.remove(l.wordLeft(l.caret), l.caret, editOther)
		}
	case mod == word && s.KeyName == fyne.KeyDelete && !extend:
		if !l.deleteSelection() {
			l.remove(l.caret, l.wordRight(l.caret), editOther)
		}
	case mod == fyne.KeyModifierShortcutDefault && s.KeyName == fyne.KeyZ && extend:
		l.Redo()
	case mod == fyne.KeyModifierShortcutDefault && s.KeyName == fyne.KeyHome,
		runtime.GOOS == "darwin" && mod == fyne.KeyModifierSuper && s.KeyName == fyne.KeyUp:
		l.moveTo(l.doc.start(), false, extend)
	case mod == fyne.KeyModifierShortcutDefault && s.KeyName == fyne.KeyEnd,
		runtime.GOOS == "darwin" && mod == fyne.KeyModifierSuper && s.KeyName == fyne.KeyDown:
		l.moveTo(l.doc.end(), false, extend)
	case runtime.GOOS == "darwin" && mod == fyne.KeyModifierSuper && s.KeyName == fyne.KeyLeft:
		l.lineHome(extend)
	case runtime.GOOS == "darwin" && mod == fyne.KeyModifierSuper && s.KeyName == fyne.KeyRight:
		l.lineEnd(extend)
	case mod == word && s.KeyName == fyne.KeyUp:
		l.moveTo(l.paragraphUp(l.caret), false, extend)
	case mod == word && s.KeyName == fyne.KeyDown:
		l.moveTo(l.paragraphDown(l.caret), false, extend)
	}
}

// Editing.

// insert types s over the selection, or at the caret.
func (l *longText) insert(s string, kind editKind) {
	if l.Disabled() {
		return
	}
	if l.hasSelection() {
		kind = editOther
	}
	l.replace(l.anchor, l.caret, s, kind)
}

func (l *longText) remove(a, b textPos, kind editKind) {
	if l.Disabled() {
		return
	}
	l.replace(a, b, "", kind)
}

// deleteSelection deletes the selection, if there is one.
func (l *longText) deleteSelection() bool {
	if !l.hasSelection() {
		return false
	}
	l.remove(l.anchor, l.caret, editOther)
	return true
}

func (l *longText) deleteBack() {
	if !l.deleteSelection() {
		l.remove(l.stepLeft(l.caret), l.caret, editBackspace)
	}
}

func (l *longText) deleteForward() {
	if !l.deleteSelection() {
		l.remove(l.caret, l.stepRight(l.caret), editDelete)
	}
}

// Undo takes back the last step of editing.
func (l *longText) Undo() {
	e, ok := l.undo.popUndo()
	if !ok || l.Disabled() {
		return
	}
	l.apply(l.doc.posAt(e.at), l.doc.posAt(e.at+len(e.inserted)), e.removed)
	l.caret, l.anchor = l.doc.posAt(e.caret), l.doc.posAt(e.anchor)
	l.upstream, l.goalX = false, -1
	l.changed()
}

// Redo does again what Undo took back.
func (l *longText) Redo() {
	e, ok := l.undo.popRedo()
	if !ok || l.Disabled() {
		return
	}
	end := l.apply(l.doc.posAt(e.at), l.doc.posAt(e.at+len(e.removed)), e.inserted)
	l.caret, l.anchor, l.upstream, l.goalX = end, end, false, -1
	l.changed()
}

func (l *longText) copyTo(c fyne.Clipboard) {
	if c != nil && l.hasSelection() {
		c.SetContent(l.SelectedText())
	}
}

func (l *longText) cutTo(c fyne.Clipboard) {
	if l.Disabled() || c == nil || !l.hasSelection() {
		return
	}
	l.copyTo(c)
	l.deleteSelection()
}

func (l *longText) pasteFrom(c fyne.Clipboard) {
	if l.Disabled() || c == nil {
		return
	}
	if s := c.Content(); s != "" {
		l.insert(s, editOther)
	}
}

func (l *longText) selectAll() {
	l.anchor, l.caret, l.upstream = l.doc.start(), l.doc.end(), false
	l.undo.breakRun()
	l.Refresh()
}

// Moving the caret.

// moveTo puts the caret at pos, extending the selection or not.
func (l *longText) moveTo(pos textPos, upstream, extend bool) {
	l.caret, l.upstream = l.doc.clamp(pos), upstream
	if !extend {
		l.anchor = l.caret
	}
	l.goalX = -1
	l.undo.breakRun()
	l.scrollToCaret()
	l.Refresh()
}

func (l *longText) stepLeft(pos textPos) textPos {
	if pos.o > 0 {
		return textPos{pos.p, prevCluster(l.doc.paras[pos.p], pos.o)}
	}
	if pos.p > 0 {
		return textPos{pos.p - 1, len(l.doc.paras[pos.p-1])}
	}
	return pos
}

func (l *longText) stepRight(pos textPos) textPos {
	if s := l.doc.paras[pos.p]; pos.o < len(s) {
		return textPos{pos.p, nextCluster(s, pos.o)}
	}
	if pos.p+1 < len(l.doc.paras) {
		return textPos{pos.p + 1, 0}
	}
	return pos
}

func (l *longText) wordLeft(pos textPos) textPos {
	if pos.o == 0 {
		return l.stepLeft(pos)
	}
	return textPos{pos.p, wordStart(l.doc.paras[pos.p], pos.o)}
}

func (l *longText) wordRight(pos textPos) textPos {
	if pos.o == len(l.doc.paras[pos.p]) {
		return l.stepRight(pos)
	}
	return textPos{pos.p, wordEnd(l.doc.paras[pos.p], pos.o)}
}

func (l *longText) paragraphUp(pos textPos) textPos {
	if pos.o == 0 && pos.p > 0 {
		return textPos{pos.p - 1, 0}
	}
	return textPos{pos.p, 0}
}

func (l *longText) paragraphDown(pos textPos) textPos {
	if pos.p+1 < len(l.doc.paras) {
		return textPos{pos.p + 1, 0}
	}
	return l.doc.end()
}

// moveLines moves the caret n lines as shown, keeping to the column it
// started from; past the first or last line it goes to the text's end.
func (l *longText) moveLines(n int, extend bool) {
	m := l.metrics()
	if l.hasSelection() && !extend {
		a, b := ordered(l.anchor, l.caret)
		if n < 0 {
			l.caret = a
		} else {
			l.caret = b
		}
	}
	pt, g := l.posPoint(m, l.caret, l.upstream)
	if l.goalX < 0 {
		l.goalX = pt.X
	}
	goal := l.goalX
	target := g + n
	switch {
	case target < 0:
		l.moveTo(l.doc.start(), false, extend)
	case target >= l.totalLines():
		l.moveTo(l.doc.end(), false, extend)
	default:
		p, li := l.lineAt(target)
		start, end := l.lineBounds(p, li)
		pos, up := l.posInLine(m, p, li, start, end, goal)
		l.moveTo(pos, up, extend)
		if rows := l.visibleRows(m); n <= -rows+1 || n >= rows-1 {
			l.setTop(m, l.top+n) // a page: the view moves with the caret
			l.Refresh()
		}
	}
	l.goalX = goal
}

func (l *longText) lineHome(extend bool) {
	_, start, _ := l.lineOf(l.caret, l.upstream)
	l.moveTo(textPos{l.caret.p, start}, false, extend)
}

func (l *longText) lineEnd(extend bool) {
	li, _, end := l.lineOf(l.caret, l.upstream)
	wrapped := l.lines[l.caret.p] != nil && li+1 < len(l.lines[l.caret.p])
	l.moveTo(textPos{l.caret.p, end}, wrapped, extend)
}

// Mouse: a click places the caret (Shift+click extends), a drag selects, a
// double click selects a word and a triple click the paragraph.

const multiClick = 500 * time.Millisecond

func (l *longText) Cursor() desktop.Cursor { return desktop.TextCursor }

func (l *longText) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(l); c != nil && c.Focused() != l {
		c.Focus(l)
	}
}

// onBar reports whether x is over the scroll bar, while there is one.
func (l *longText) onBar(x float32) bool {
	m := l.metrics()
	return l.maxTop(m) > 0 && x >= l.Size().Width-m.pad-m.bar
}

func (l *longText) MouseDown(ev *desktop.MouseEvent) {
	l.requestFocus()
	l.dragBar = false
	if ev.Button == desktop.MouseButtonPrimary && l.onBar(ev.Position.X) {
		l.dragBar, l.dragFrom = true, ev.Position.Y
		return
	}
	now := time.Now()
	near := absf(ev.Position.X-l.lastDownAt.X) < 6 && absf(ev.Position.Y-l.lastDownAt.Y) < 6
	if now.Sub(l.lastDown) < multiClick && near {
		l.clicks++
	} else {
		l.clicks = 1
	}
	l.lastDown, l.lastDownAt = now, ev.Position
	pos, up := l.posAtPoint(ev.Position)
	if ev.Button == desktop.MouseButtonSecondary {
		if a, b := ordered(l.anchor, l.caret); pos.before(a) || b.before(pos) {
			l.moveTo(pos, up, false)
		}
		return
	}
	switch l.clicks {
	case 1:
		l.moveTo(pos, up, l.shiftHeld())
	case 2:
		l.selectWord(pos)
	default:
		l.selectParagraph(pos)
	}
}

func (l *longText) MouseUp(*desktop.MouseEvent) {}

func absf(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

// Tapped places the caret where a tap came without a mouse press before it
// (a touch screen, or a test).
func (l *longText) Tapped(ev *fyne.PointEvent) {
	if time.Since(l.lastDown) < time.Second {
		return
	}
	l.requestFocus()
	pos, up := l.posAtPoint(ev.Position)
	l.moveTo(pos, up, false)
}

func (l *longText) DoubleTapped(ev *fyne.PointEvent) {
	if l.clicks >= 2 {
		return // MouseDown has selected it already
	}
	pos, _ := l.posAtPoint(ev.Position)
	l.selectWord(pos)
}

func (l *longText) selectWord(pos textPos) {
	s := l.doc.paras[pos.p]
	a, b := wordAt(s, pos.o)
	l.anchor, l.caret, l.upstream, l.goalX = textPos{pos.p, a}, textPos{pos.p, b}, false, -1
	l.undo.breakRun()
	l.Refresh()
}

func (l *longText) selectParagraph(pos textPos) {
	l.anchor, l.caret, l.upstream, l.goalX = textPos{pos.p, 0}, textPos{pos.p, len(l.doc.paras[pos.p])}, false, -1
	if pos.p+1 < len(l.doc.paras) {
		l.caret = textPos{pos.p + 1, 0}
	}
	l.undo.breakRun()
	l.Refresh()
}

func (l *longText) Dragged(ev *fyne.DragEvent) {
	m := l.metrics()
	if l.dragBar {
		track := l.Size().Height - 2*m.pad
		rows := l.visibleRows(m)
		thumb := max(track*float32(rows)/float32(l.totalLines()), m.textH)
		if span := track - thumb; span > 0 {
			dy := ev.Position.Y - l.dragFrom
			lines := int(dy / span * float32(l.maxTop(m)))
			if lines != 0 && l.setTop(m, l.top+lines) {
				l.dragFrom += float32(lines) * span / float32(l.maxTop(m))
				l.Refresh()
			}
		}
		return
	}
	pos, up := l.posAtPoint(ev.Position)
	l.caret, l.upstream, l.goalX = pos, up, -1
	l.scrollToCaret()
	l.Refresh()
}

func (l *longText) DragEnd() { l.dragBar = false }

// Scrolled scrolls the box by whole lines; a wheel turned where the box has
// nothing more to scroll that way scrolls the page instead.
func (l *longText) Scrolled(ev *fyne.ScrollEvent) {
	if !l.scrollBy(ev) && l.page != nil {
		l.page.Scrolled(ev)
	}
}

// scrollBy scrolls the box for a wheel turn; it reports false when the box
// has nothing more to show that way (the page's wheel layer then moves the
// page, wheel.go).
func (l *longText) scrollBy(ev *fyne.ScrollEvent) bool {
	m := l.metrics()
	dy := ev.Scrolled.DY
	if (dy > 0 && l.top == 0) || (dy < 0 && l.top >= l.maxTop(m)) || dy == 0 {
		l.wheel = 0
		return false
	}
	l.wheel += dy
	lines := int(l.wheel / m.pitch)
	if lines != 0 {
		l.wheel -= float32(lines) * m.pitch
		if l.setTop(m, l.top-lines) {
			l.Refresh()
		}
	}
	return true
}

// TappedSecondary offers what the keyboard shortcuts do, in a menu.
func (l *longText) TappedSecondary(ev *fyne.PointEvent) {
	c := fyne.CurrentApp().Driver().CanvasForObject(l)
	if c == nil {
		return
	}
	clip := fyne.CurrentApp().Clipboard()
	copyItem := fyne.NewMenuItem("Copy", func() { l.copyTo(clip) })
	selectAll := fyne.NewMenuItem("Select all", l.selectAll)
	items := []*fyne.MenuItem{copyItem, selectAll}
	if !l.Disabled() {
		undo := fyne.NewMenuItem("Undo", l.Undo)
		undo.Disabled = len(l.undo.done) == 0
		redo := fyne.NewMenuItem("Redo", l.Redo)
		redo.Disabled = len(l.undo.undone) == 0
		cut := fyne.NewMenuItem("Cut", func() { l.cutTo(clip) })
		cut.Disabled = !l.hasSelection()
		paste := fyne.NewMenuItem("Paste", func() { l.pasteFrom(clip) })
		items = []*fyne.MenuItem{undo, redo, fyne.NewMenuItemSeparator(), cut, copyItem, paste, fyne.NewMenuItemSeparator(), selectAll}
	}
	copyItem.Disabled = !l.hasSelection()
	at := fyne.CurrentApp().Driver().AbsolutePositionForObject(l).Add(ev.Position)
	l.popUp = widget.NewPopUpMenu(fyne.NewMenu("", items...), c)
	l.popUp.ShowAtPosition(at)
}
