package app

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"
)

// FuzzLongTextEdits drives the long-answer editor with a sequence of keys,
// clicks, pastes, undos and width changes, and checks after every step
// that what it keeps incrementally (paragraphs, line breaks, line counts,
// identifier marks) is what it would work out afresh, that the caret stays
// in the text and between runes, and that undoing everything gives back the text
// it started with and redoing it all the text of its last edit.
func FuzzLongTextEdits(f *testing.F) {
	f.Add("Patient 943 476\n5919.", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
	f.Add("e\u0301 👩‍👩‍👧 🇬🇧 שלום\r\nx", []byte{3, 3, 7, 9, 9, 1, 0, 14, 2, 2, 12, 13, 13})
	f.Add(strings.Repeat("word ", 200), []byte{19, 4, 4, 4, 17, 9, 11, 10, 5, 6, 8, 15, 16})
	f.Add("", []byte{9, 9, 9, 1, 12, 13, 18, 0})
	f.Fuzz(func(t *testing.T, start string, ops []byte) {
		if !utf8.ValidString(start) || len(start) > 5000 || len(ops) > 200 {
			return
		}
		runEdits(t, start, ops)
	})
}

// runEdits applies the operations ops name to an editor holding start.
func runEdits(t *testing.T, start string, ops []byte) {
	test.NewTempApp(t)
	l := newLongText(start, "")
	w := test.NewWindow(container.NewVBox(l))
	defer w.Close()
	w.Resize(fyne.NewSize(300, 400))
	w.Canvas().Focus(l)
	initial := l.Text()
	var told string
	l.OnChanged = func(s string) { told = s }
	clip := fyne.CurrentApp().Clipboard()
	m := l.metrics()
	edited := false
	for i, op := range ops {
		arg := i * 7919
		switch op % 21 {
		case 0:
			l.TypedRune('a' + rune(arg%26))
		case 1:
			l.TypedRune(' ')
		case 2:
			l.TypedRune([]rune("é́👍🏽\u200dשع")[arg%7])
		case 3:
			press(l, fyne.KeyBackspace)
		case 4:
			press(l, fyne.KeyDelete)
		case 5:
			press(l, fyne.KeyReturn)
		case 6:
			press(l, fyne.KeyLeft)
		case 7:
			press(l, fyne.KeyRight)
		case 8:
			press(l, fyne.KeyUp)
		case 9:
			press(l, fyne.KeyDown)
		case 10:
			shifted(l, func() { press(l, fyne.KeyEnd) })
		case 11:
			shifted(l, func() { press(l, fyne.KeyHome) })
		case 12:
			clip.SetContent(strings.Repeat("pasted\r\nline ", arg%5))
			l.TypedShortcut(&fyne.ShortcutPaste{Clipboard: clip})
		case 13:
			l.TypedShortcut(&fyne.ShortcutUndo{})
		case 14:
			l.TypedShortcut(&fyne.ShortcutRedo{})
		case 15:
			l.TypedShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyLeft, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift})
		case 16:
			l.TypedShortcut(&fyne.ShortcutCut{Clipboard: clip})
		case 17:
			l.lastDown = l.lastDown.Add(-multiClick * 4)
			l.MouseDown(&desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(arg%300), float32(arg%400))}, Button: desktop.MouseButtonPrimary})
		case 18:
			l.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(float32(arg%350)-20, float32(arg%500)-50)}})
		case 19:
			w.Resize(fyne.NewSize(float32(60+arg%500), 400))
		case 20:
			l.Scrolled(&fyne.ScrollEvent{Scrolled: fyne.NewDelta(0, float32(arg%7-3)*m.pitch)})
		}
		if told != "" || l.Text() != initial {
			edited = true
		}
		checkLongText(t, l)
		if edited {
			require.Equal(t, l.Text(), told, "OnChanged was not told the text")
		}
	}
	for len(l.undo.undone) > 0 {
		l.Redo()
	}
	final := l.Text()
	for len(l.undo.done) > 0 {
		l.Undo()
	}
	require.Equal(t, initial, l.Text(), "undoing everything")
	for len(l.undo.undone) > 0 {
		l.Redo()
	}
	require.Equal(t, final, l.Text(), "redoing everything")
	checkLongText(t, l)
}

// checkLongText compares what the editor keeps with what it would build
// from its text afresh.
func checkLongText(t *testing.T, l *longText) {
	t.Helper()
	require.NotEmpty(t, l.doc.paras)
	for _, p := range l.doc.paras {
		require.NotContains(t, p, "\n")
		require.NotContains(t, p, "\r")
	}
	require.Equal(t, normaliseNewlines(l.Text()), l.Text())
	for _, pos := range []textPos{l.caret, l.anchor} {
		require.Equal(t, l.doc.clamp(pos), pos, "caret or anchor outside the text or inside a rune")
	}
	n := 0
	for p, s := range l.doc.paras {
		require.Equal(t, n, l.first[p])
		if l.wr != nil && l.wrapW > 0 {
			require.Equal(t, l.wr.wrap(s, l.wrapW), l.lines[p], "paragraph %d's lines are stale", p)
		}
		n += l.lineCount(p)
	}
	require.Equal(t, n, l.totalLines())
	require.LessOrEqual(t, l.top, max(0, l.totalLines()-1))

	var fresh idScan
	fresh.reset(l.doc.paras)
	require.Equal(t, fresh.in, l.ids.in, "identifier marks are stale")
	require.Equal(t, fresh.across, l.ids.across, "identifier marks at joins are stale")
}
