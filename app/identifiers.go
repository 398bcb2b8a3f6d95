package app

import (
	"errors"

	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// flagIdentifiers shows the first patient identifier in s on a free-text
// entry as it is typed (R-C8), or clears the flag once none is left; the
// readiness panel says why and what to do.
//
// The validator is attached only while something is found: an entry with a
// validator shows a tick when valid, and a tick beside every answer would say
// nothing. Entries that validate something else keep their own validator.
func flagIdentifiers(w *widget.Entry, s string) {
	err := identifierError(s)
	switch {
	case err != nil:
		w.Validator = func(s string) error { return identifierError(s) }
		w.AlwaysShowValidationError = true
		w.SetValidationError(err)
	case w.Validator != nil:
		w.SetValidationError(nil)
		w.Validator = nil
		w.AlwaysShowValidationError = false
		w.Refresh()
	}
}

// identifierError is the scanner's reason and fix for the first identifier
// found in s, or nil.
func identifierError(s string) error {
	for _, h := range forms.ScanText(s) {
		return errors.New(h.Message())
	}
	return nil
}
