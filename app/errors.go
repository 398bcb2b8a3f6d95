package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
)

// showError tells the user what failed in words, with the cause underneath,
// rather than a bare error string.
func showError(w fyne.Window, what string, err error) {
	dialog.ShowError(fmt.Errorf("%s.\n\n%v", what, err), w)
}
