package app

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
)

// A pasted book in a long-text field must not stall the section. Fyne's
// entry took minutes to wrap one; the long-answer editor wraps it in well
// under a second (the deadline only tells a stall from a busy machine).
func TestPurposeOpensWithAHugeObjective(t *testing.T) {
	deadline := 30 * time.Second
	if raceEnabled {
		deadline = 2 * time.Minute
	}
	a := forms.Example()
	a.ID = ""
	a.Purpose.Objective = strings.Repeat("The cohort objective text. ", 8000)
	opened := make(chan *Editor, 1)
	go func() { opened <- openSection(t, a, forms.SectionPurpose) }()
	select {
	case e := <-opened:
		w := field[*longText](t, e, "purpose.objective")
		assert.Greater(t, w.totalLines(), 100, "a 200,000-character paragraph should wrap")
	case <-time.After(deadline):
		t.Fatalf("the Purpose section did not open within %v with a %d-character objective", deadline, len(a.Purpose.Objective))
	}
}

// newTestLongText puts a long-answer editor in a window of the given width.
func newTestLongText(t *testing.T, text string, width float32) (*longText, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	l := newLongText(text, "Say something")
	w := test.NewWindow(container.NewVBox(l))
	t.Cleanup(w.Close)
	w.Resize(fyne.NewSize(width, 600))
	w.Canvas().Focus(l)
	return l, w
}

func press(l *longText, name fyne.KeyName) { l.TypedKey(&fyne.KeyEvent{Name: name}) }

func shifted(l *longText, f func()) {
	l.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	f()
	l.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

func TestLongTextTypingAndEditing(t *testing.T) {
	l, _ := newTestLongText(t, "", 400)
	var got []string
	l.OnChanged = func(s string) { got = append(got, s) }
	test.Type(l, "Hello world")
	assert.Equal(t, "Hello world", l.Text())
	assert.Equal(t, "Hello world", got[len(got)-1])
	assert.Len(t, got, len("Hello world"), "every keystroke tells OnChanged")

	press(l, fyne.KeyBackspace)
	assert.Equal(t, "Hello worl", l.Text())
	press(l, fyne.KeyHome)
	press(l, fyne.KeyDelete)
	assert.Equal(t, "ello worl", l.Text())
	press(l, fyne.KeyEnd)
	press(l, fyne.KeyReturn)
	test.Type(l, "Second")
	assert.Equal(t, "ello worl\nSecond", l.Text())
	assert.Equal(t, []string{"ello worl", "Second"}, l.doc.paras)

	// Backspace at a paragraph's start joins it to the one before.
	press(l, fyne.KeyHome)
	press(l, fyne.KeyBackspace)
	assert.Equal(t, "ello worlSecond", l.Text())
}

func TestLongTextSelectionByKeyboard(t *testing.T) {
	l, _ := newTestLongText(t, "one two three", 400)
	press(l, fyne.KeyHome)
	shifted(l, func() { press(l, fyne.KeyRight); press(l, fyne.KeyRight); press(l, fyne.KeyRight) })
	assert.Equal(t, "one", l.SelectedText())
	// Typing replaces the selection.
	test.Type(l, "1")
	assert.Equal(t, "1 two three", l.Text())

	// Ctrl+Shift+Right selects by word; Ctrl+Left moves by word.
	l.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	assert.Equal(t, " two", l.SelectedText())
	l.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierShortcutDefault})
	assert.Equal(t, "", l.SelectedText())
	assert.Equal(t, textPos{0, 2}, l.caret)

	// Left with a selection goes to its start; Shift+End selects to the end.
	shifted(l, func() { press(l, fyne.KeyEnd) })
	assert.Equal(t, "two three", l.SelectedText())
	press(l, fyne.KeyLeft)
	assert.Equal(t, textPos{0, 2}, l.caret)
	assert.False(t, l.hasSelection())

	l.TypedShortcut(&fyne.ShortcutSelectAll{})
	assert.Equal(t, "1 two three", l.SelectedText())
	press(l, fyne.KeyDelete)
	assert.Equal(t, "", l.Text())
}

func TestLongTextClipboard(t *testing.T) {
	l, w := newTestLongText(t, "alpha beta", 400)
	clip := fyne.CurrentApp().Clipboard()
	l.TypedShortcut(&fyne.ShortcutSelectAll{})
	l.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	assert.Equal(t, "alpha beta", clip.Content())

	l.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyHome, Modifier: fyne.KeyModifierShortcutDefault})
	l.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyRight, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	l.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
	assert.Equal(t, "alpha", clip.Content())
	assert.Equal(t, " beta", l.Text())

	// A Windows paste comes in with CRs: they become paragraph breaks.
	clip.SetContent("one\r\ntwo\rthree")
	press(l, fyne.KeyEnd)
	l.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	assert.Equal(t, " betaone\ntwo\nthree", l.Text())
	assert.NotContains(t, l.Text(), "\r")

	// The menu under the right button does the same.
	test.TapSecondary(l)
	assert.NotNil(t, w.Canvas().Overlays().Top(), "no menu shown")
}

func TestLongTextUndoRedo(t *testing.T) {
	l, _ := newTestLongText(t, "", 400)
	test.Type(l, "first words here")
	// Typing is undone a word at a time.
	l.TypedShortcut(&fyne.ShortcutUndo{})
	assert.Equal(t, "first words ", l.Text())
	l.TypedShortcut(&fyne.ShortcutUndo{})
	assert.Equal(t, "first ", l.Text())
	l.TypedShortcut(&fyne.ShortcutRedo{})
	assert.Equal(t, "first words ", l.Text())
	// Ctrl+Shift+Z redoes too.
	l.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyZ, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
	assert.Equal(t, "first words here", l.Text())

	// Deleting a run is one step; an edit after undo drops the redo.
	press(l, fyne.KeyBackspace)
	press(l, fyne.KeyBackspace)
	assert.Equal(t, "first words he", l.Text())
	l.Undo()
	assert.Equal(t, "first words here", l.Text())
	l.Undo()
	test.Type(l, "x")
	l.Redo()
	assert.Equal(t, "first words x", l.Text())

	// A paste is undone whole, and the selection it replaced comes back.
	l.TypedShortcut(&fyne.ShortcutSelectAll{})
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent("pasted\ntext")
	l.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	assert.Equal(t, "pasted\ntext", l.Text())
	l.Undo()
	assert.Equal(t, "first words x", l.Text())
	assert.Equal(t, "first words x", l.SelectedText())
}

// Long answers always wrap, whatever the paragraph's length; only the
// paragraph typed in is wrapped again, and all of them when the width changes.
func TestLongTextWraps(t *testing.T) {
	para := strings.Repeat("wrapping words ", 800) // 12,000 characters
	l, w := newTestLongText(t, para+"\n"+"short\n"+strings.Repeat("x", 5000), 500)
	width := l.wrapW
	require.Greater(t, width, float32(0))
	assertLinesFit(t, l)
	wide := l.totalLines()
	assert.Greater(t, len(l.lines[0]), 50, "a 12,000-character paragraph wraps")
	assert.Greater(t, len(l.lines[2]), 5, "a word longer than a line is broken")

	// Typing in the second paragraph leaves the others' layout alone.
	kept0, kept2 := &l.lines[0][0], &l.lines[2][0]
	l.caret, l.anchor = textPos{1, 5}, textPos{1, 5}
	test.Type(l, " and more")
	assert.Same(t, kept0, &l.lines[0][0])
	assert.Same(t, kept2, &l.lines[2][0])
	assert.Equal(t, "short and more", l.doc.paras[1])

	w.Resize(fyne.NewSize(300, 600))
	assert.Less(t, l.wrapW, width)
	assert.Greater(t, l.totalLines(), wide)
	assertLinesFit(t, l)
}

// assertLinesFit checks every line is within the width, but for a line of
// one character, and that lines cover their paragraph in order.
func assertLinesFit(t *testing.T, l *longText) {
	t.Helper()
	for p, s := range l.doc.paras {
		starts := l.lines[p]
		require.NotEmpty(t, starts, "paragraph %d not wrapped", p)
		require.Equal(t, 0, starts[0])
		for i := range starts {
			end := len(s)
			if i+1 < len(starts) {
				end = starts[i+1]
				require.Less(t, starts[i], end, "paragraph %d: lines out of order", p)
			}
			line := strings.TrimRight(s[starts[i]:end], " \t")
			if nextCluster(line, 0) < len(line) {
				w := fyne.MeasureText(displayLine(line), l.wrapTS, fyne.TextStyle{}).Width
				require.LessOrEqual(t, w, l.wrapW+1, "paragraph %d line %d overflows: %q", p, i, line)
			}
		}
	}
	n := 0
	for p := range l.doc.paras {
		require.Equal(t, n, l.first[p])
		n += len(l.lines[p])
	}
	require.Equal(t, n, l.totalLines())
}

func TestLongTextUnicode(t *testing.T) {
	// Combining marks, emoji with modifiers and joiners, flags, and right-
	// to-left text: the caret steps over what a reader sees as one.
	text := "e\u0301te\u0301 👍🏽 👩‍👩‍👧 🇬🇧 שלום عربي"
	l, _ := newTestLongText(t, text, 300)
	press(l, fyne.KeyHome)
	steps := 0
	for l.caret.o < len(l.doc.paras[0]) && steps < 100 {
		press(l, fyne.KeyRight)
		steps++
		assert.True(t, isClusterStart(l.doc.paras[0], l.caret.o))
	}
	assert.Equal(t, 19, steps, "characters as a reader counts them")
	for l.caret.o > 0 {
		press(l, fyne.KeyBackspace)
		assert.True(t, utf8.ValidString(l.Text()))
	}
	assert.Equal(t, "", l.Text())
	l.Undo()
	assert.Equal(t, text, l.Text())
}

func TestLongTextHugePaste(t *testing.T) {
	l, _ := newTestLongText(t, "", 500)
	book := strings.Repeat(strings.Repeat("A sentence of a pasted book. ", 40)+"\n", 2000) // about 2.3 MB
	clip := fyne.CurrentApp().Clipboard()
	clip.SetContent(book)
	l.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
	assert.Equal(t, book, l.Text())
	assert.Greater(t, l.totalLines(), 2000)
	press(l, fyne.KeyPageUp)
	l.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyHome, Modifier: fyne.KeyModifierShortcutDefault})
	assert.Equal(t, 0, l.top)
	l.Undo()
	assert.Equal(t, "", l.Text())
}

func TestLongTextMouse(t *testing.T) {
	l, _ := newTestLongText(t, "first paragraph here\nsecond one", 500)
	m := l.metrics()
	at := func(line int, x float32) *desktop.MouseEvent {
		return &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(m.pad+x, m.pad+float32(line)*m.pitch+2)}, Button: desktop.MouseButtonPrimary}
	}
	x := fyne.MeasureText("first para", m.textSize, fyne.TextStyle{}).Width
	l.MouseDown(at(0, x))
	l.MouseUp(at(0, x))
	assert.Equal(t, textPos{0, 10}, l.caret)

	// A second click there selects the word, a third the paragraph.
	l.MouseDown(at(0, x))
	assert.Equal(t, "paragraph", l.SelectedText())
	l.MouseDown(at(0, x))
	assert.Equal(t, "first paragraph here\n", l.SelectedText())

	// A drag selects from the press to the pointer.
	l.lastDown = time.Time{}
	l.MouseDown(at(0, 0))
	l.Dragged(&fyne.DragEvent{PointEvent: at(1, 1000).PointEvent})
	l.DragEnd()
	assert.Equal(t, l.Text(), l.SelectedText())

	// Shift+click extends.
	l.lastDown = time.Time{}
	l.MouseDown(at(1, 0))
	l.lastDown = time.Time{}
	shifted(l, func() { l.MouseDown(at(1, 1000)) })
	assert.Equal(t, "second one", l.SelectedText())
}

// A wheel over the box scrolls it while it has more to show that way, and
// the page once it has not.
func TestLongTextWheel(t *testing.T) {
	test.NewTempApp(t)
	l := newLongText(strings.Repeat("line\n", 100), "")
	filler := widget.NewLabel(strings.Repeat("filler\n", 80))
	page := container.NewVScroll(container.NewVBox(l, filler))
	l.page = page
	w := test.NewWindow(page)
	defer w.Close()
	w.Resize(fyne.NewSize(500, 400))
	m := l.metrics()

	l.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -3*m.pitch)})
	assert.Equal(t, 3, l.top)
	assert.Zero(t, page.Offset.Y, "the page moved while the box could scroll")

	l.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 10*m.pitch)})
	assert.Equal(t, 0, l.top)
	l.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -40)})
	l.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 40)})
	l.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, 40)})
	assert.Zero(t, page.Offset.Y)

	// A short text has nothing to scroll: the page moves.
	short := newLongText("short", "")
	short.page = page
	page.Content.(*fyne.Container).Add(short)
	short.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -50)})
	assert.Equal(t, float32(50), page.Offset.Y)
}

func TestLongTextFlagsIdentifiers(t *testing.T) {
	l, _ := newTestLongText(t, "Cohort of 200.\nNo numbers here.", 500)
	assert.NoError(t, l.Validate())
	var flagged []error
	l.SetOnValidationChanged(func(err error) { flagged = append(flagged, err) })
	l.caret, l.anchor = l.doc.end(), l.doc.end()
	test.Type(l, " Patient 943 476 5919")
	assert.Error(t, l.Validate())
	require.Len(t, flagged, 1)
	assert.Error(t, flagged[0])

	// A number broken across two paragraphs is found at the join.
	l.SetText("Patient 943 476\n5919 was seen.")
	assert.Error(t, l.Validate(), "a number across a paragraph break")
	l.SetText("Nothing here.")
	assert.NoError(t, l.Validate())
	require.Len(t, flagged, 2, "told once as flagged and once as cleared")
	assert.NoError(t, flagged[1])
}

func TestLongTextReadOnly(t *testing.T) {
	l, _ := newTestLongText(t, "read me", 400)
	l.Disable()
	test.Type(l, "x")
	press(l, fyne.KeyBackspace)
	l.TypedShortcut(&fyne.ShortcutPaste{Clipboard: fyne.CurrentApp().Clipboard()})
	assert.Equal(t, "read me", l.Text())
	// A reviewer can still select and copy.
	l.TypedShortcut(&fyne.ShortcutSelectAll{})
	clip := fyne.CurrentApp().Clipboard()
	l.TypedShortcut(&fyne.ShortcutCopy{Clipboard: clip})
	assert.Equal(t, "read me", clip.Content())
}

// The Purpose section with a 20,000-character objective, a selection and
// the caret, for a person to look at (DARS_SHOTS).
func TestLongTextScreenshot(t *testing.T) {
	a := forms.Example()
	a.Purpose.Objective = strings.Repeat(strings.Repeat("The objective explains the research question in detail, with the cohort, the outcomes and the analysis. ", 8)+"\n\n", 24)
	e := openSection(t, a, forms.SectionPurpose)
	e.win.Resize(fyne.NewSize(1260, 780))
	w := field[*longText](t, e, "purpose.objective")
	e.win.Canvas().Focus(w)
	w.caret, w.anchor = textPos{0, 120}, textPos{0, 40}
	w.Refresh()
	shoot(t, e.win, "purpose-long-objective.png")
	w.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, -12*w.metrics().pitch)})
	shoot(t, e.win, "purpose-long-objective-scrolled.png")
}
