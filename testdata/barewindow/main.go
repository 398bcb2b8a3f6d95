// Command barewindow is the yardstick for DARS Workbench's cold start: the
// smallest Fyne program that shows a window, built in the same run.
package main

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := app.NewWithID("uk.darsworkbench.barewindow")
	w := a.NewWindow("Bare window")
	w.SetContent(widget.NewLabel("Hello"))
	w.Resize(fyne.NewSize(900, 600))
	w.ShowAndRun()
}
