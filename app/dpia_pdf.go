package app

import (
	"fmt"
	"io"

	"fyne.io/fyne/v2/dialog"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// onSavePDF asks where to save the DPIA as a PDF laid out like the ICO
// template, then writes it off the UI goroutine.
func (v *dpiaView) onSavePDF() {
	v.e.gateDraft("The DPIA PDF", v.choosePDF)
}

func (v *dpiaView) choosePDF(mask bool) {
	v.e.ui.chooseSave(v.e.Window(), fileRequest{Kind: kindExport, Title: "Save the DPIA as a PDF", Types: []fileType{typePDF}, Name: export.DPIAFileName},
		func(path string) {
			w, err := createAtomic(path)
			if err != nil {
				showError(v.e.Window(), "The DPIA PDF was not saved", err)
				return
			}
			v.writePDFAs(w, mask, func(err error) {
				if err != nil {
					showError(v.e.Window(), "The DPIA PDF was not saved", err)
					return
				}
				dialog.ShowInformation("DPIA saved", fmt.Sprintf("Saved as %s.", path), v.e.Window())
			})
		})
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
		err := finishWrite(w, export.WriteDPIAPDF(w, a, now))
		if err != nil {
			err = fmt.Errorf("write the DPIA PDF: %w", err)
		}
		return err
	}, done)
}
