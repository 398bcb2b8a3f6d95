package app

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ShowAlreadyOpen tells a person who started a second copy that one is
// open already, and why this copy does not open too.
func ShowAlreadyOpen(a fyne.App, err error) {
	w := a.NewWindow("DARS Workbench is already open")
	msg := widget.NewLabel("DARS Workbench is already open (" + strings.TrimPrefix(err.Error(), "another copy of DARS Workbench is already open ") +
		"). Switch to its window: it may be minimised or on another desktop.\n\n" +
		"A second copy does not open, because two copies would overwrite each other's settings. " +
		"To open a pack or another database, use Open pack… in the open window, or quit it first.")
	msg.Wrapping = fyne.TextWrapWord
	ok := widget.NewButton("OK", a.Quit)
	ok.Importance = widget.HighImportance
	w.SetContent(container.NewBorder(nil, container.NewHBox(layout.NewSpacer(), ok), nil, nil, msg))
	w.Canvas().Focus(nil)
	w.Canvas().SetOnTypedKey(func(k *fyne.KeyEvent) {
		if k.Name == fyne.KeyReturn || k.Name == fyne.KeyEnter || k.Name == fyne.KeyEscape {
			a.Quit()
		}
	})
	w.Resize(fyne.NewSize(560, 220))
	w.ShowAndRun()
}

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

// LoadFonts parses the typefaces the start window draws with (Fyne loads a
// face, and the system's fallback for it, the first time a style is
// measured). main calls it on the UI goroutine while the database opens on
// another, before any window exists, so that start-up pays for the two side
// by side rather than one after the other.
func LoadFonts() {
	size := theme.TextSize()
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		fyne.MeasureText("Drafts", size, style)
	}
}
