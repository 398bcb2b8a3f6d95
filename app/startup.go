package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// ShowStartupError is the window shown when the app cannot start (for
// example a database from a newer version): it says what is wrong and leaves
// the file alone, rather than vanishing with a message nobody sees.
func ShowStartupError(a fyne.App, what string, err error) {
	w := a.NewWindow("DARS Workbench")
	msg := widget.NewLabel(what + ".\n\n" + err.Error() + "\n\nNothing was changed. Start the app with --db PATH to use another database.")
	msg.Wrapping = fyne.TextWrapWord
	quit := widget.NewButton("Quit", a.Quit)
	quit.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(quit), nil, nil, msg))
	w.Resize(fyne.NewSize(560, 240))
	w.ShowAndRun()
}
