package app

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// onSavePDF asks where to save the DPIA as a PDF laid out like the ICO
// template, then writes it off the UI goroutine.
func (v *dpiaView) onSavePDF() {
	v.e.gateDraft("The DPIA PDF", v.choosePDF)
}

func (v *dpiaView) choosePDF(mask bool) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			showError(v.e.Window(), "Could not choose where to save the DPIA", err)
			return
		}
		if w == nil || refusedName(v.e.Window(), w) {
			return // cancelled
		}
		name := w.URI().Name()
		v.writePDFAs(w, mask, func(err error) {
			if err != nil {
				showError(v.e.Window(), "The DPIA PDF was not saved", err)
				return
			}
			dialog.ShowInformation("DPIA saved", fmt.Sprintf("Saved as %s.", name), v.e.Window())
		})
	}, v.e.Window())
	d.SetFileName(export.DPIAFileName)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Show()
}

// writePDF renders a private copy of the draft to w off the UI goroutine and
// reports back on it; w is always closed.
func (v *dpiaView) writePDF(w io.WriteCloser, done func(error)) { v.writePDFAs(w, false, done) }

func (v *dpiaView) writePDFAs(w io.WriteCloser, mask bool, done func(error)) {
	a := v.e.App().Clone()
	if mask {
		a = forms.MaskedCopy(a)
	}
	now := v.e.ui.now()
	v.e.inBackground("The DPIA PDF was not saved", func() error {
		err := export.WriteDPIAPDF(w, a, now)
		if cerr := w.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			err = fmt.Errorf("write the DPIA PDF: %w", err)
		}
		return err
	}, done)
}
