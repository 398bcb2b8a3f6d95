package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/assets"
)

// showNotices opens the licences of the third-party software in the
// program (assets.ThirdPartyNotices) in a window of their own. About 5,000
// lines: a list draws only the lines in view, where one text widget would
// lay out all of them.
func (u *UI) showNotices() fyne.Window {
	lines := wrapColumns(strings.Split(strings.TrimRight(assets.ThirdPartyNotices, "\n"), "\n"), noticeColumns)
	list := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject {
			// Plain text, not a label: a label's padding would space the
			// lines of a licence like list entries.
			return canvas.NewText("", theme.Color(theme.ColorNameForeground))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			txt := o.(*canvas.Text)
			txt.Text, txt.TextStyle = lines[i], fyne.TextStyle{Monospace: true}
			txt.Color = theme.Color(theme.ColorNameForeground)
			txt.Refresh()
		},
	)
	list.HideSeparators = true
	w := u.fyne.NewWindow("Third-party licences — DARS Workbench")
	w.SetContent(list)
	w.Resize(fyne.NewSize(760, 640))
	u.addQuitKey(w)
	w.Show()
	return w
}

// noticeColumns is how many characters of monospace text fit the window.
const noticeColumns = 86

// wrapColumns breaks lines longer than width at spaces (a word longer than
// the width is cut), so no licence text runs out of the window.
func wrapColumns(lines []string, width int) []string {
	var out []string
	for _, line := range lines {
		r := []rune(line)
		for len(r) > width {
			cut := width
			for i := width; i > 0; i-- {
				if r[i] == ' ' {
					cut = i
					break
				}
			}
			out = append(out, string(r[:cut]))
			r = []rune(strings.TrimLeft(string(r[cut:]), " "))
		}
		out = append(out, string(r))
	}
	return out
}
