package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/assets"
)

// showNotices opens the licences of the third-party software in the
// program (assets.ThirdPartyNotices) in a window of their own. About 5,000
// lines: a list draws only the lines in view, where one text widget would
// lay out all of them.
func (u *UI) showNotices() fyne.Window {
	lines := strings.Split(strings.TrimRight(assets.ThirdPartyNotices, "\n"), "\n")
	list := widget.NewList(
		func() int { return len(lines) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.TextStyle.Monospace = true
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(lines[i]) },
	)
	w := u.fyne.NewWindow("Third-party licences — DARS Workbench")
	w.SetContent(list)
	w.Resize(fyne.NewSize(760, 640))
	u.addQuitKey(w)
	w.Show()
	return w
}
