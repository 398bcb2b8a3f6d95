package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Patient identifiers never leave the app (R-C8). Every way the window
// writes a file goes through identifierGate first. With no NHS number in
// what would be written it goes straight on; otherwise it takes the user to
// the first place the number is, lists every place, and writes only on an
// explicit choice: ticking "write them masked" and pressing the button,
// after which each number is written as 943 *** ****. The writers refuse
// on their own too (export's guard), so a way out added later without the
// gate still cannot leak.

// gateRequest is what a way out tells the gate.
type gateRequest struct {
	// what names the file for a person: "The pack", "The DPIA PDF".
	what  string
	found []forms.FoundIdentifier
	// open takes the user to found[i]; nil when the place cannot be opened
	// from here (a snapshot, a review comment).
	open func(i int)
	// write writes the file, masked or not.
	write func(mask bool)
}

// identifierGate runs write at once when nothing would leave, or shows the
// refusal with the choice to write masked. It returns the dialog shown, or
// nil.
func identifierGate(win fyne.Window, r gateRequest) dialog.Dialog {
	if len(r.found) == 0 {
		r.write(false)
		return nil
	}
	if r.open != nil {
		r.open(0)
	}
	n := len(r.found)
	intro := widget.NewLabel(fmt.Sprintf("%s was not written: it would carry %s, listed below. A DARS application must never hold "+
		"patient identifiers: delete each one, then write the file again.", r.what, plural(n, "NHS number")))
	intro.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	list := container.NewVBox()
	for i, f := range r.found {
		l := widget.NewLabel(f.String())
		l.Wrapping = fyne.TextWrapWord
		var goTo fyne.CanvasObject = widget.NewLabel("")
		if r.open != nil {
			i := i
			b := widget.NewButtonWithIcon("Go to", theme.NavigateNextIcon(), func() {
				d.Hide()
				r.open(i)
			})
			b.Importance = widget.LowImportance
			goTo = b
		}
		list.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), goTo, l))
	}
	write := widget.NewButtonWithIcon("Write masked…", theme.DocumentSaveIcon(), func() {
		d.Hide()
		r.write(true)
	})
	write.Disable()
	mask := widget.NewCheck("Write it with every NHS number masked (as 943 *** ****) — the draft itself is not changed", func(on bool) {
		if on {
			write.Enable()
		} else {
			write.Disable()
		}
	})
	closeLabel := "Close"
	if r.open != nil {
		closeLabel = "Close and fix them"
	}
	dismiss := widget.NewButton(closeLabel, func() { d.Hide() })
	dismiss.Importance = widget.HighImportance
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(600, float32(min(n, 6))*44))
	body := container.NewVBox(intro, scroll, widget.NewSeparator(), mask)
	d = dialog.NewCustomWithoutButtons("NHS numbers would leave the app", body, win)
	d.SetButtons([]fyne.CanvasObject{dismiss, write})
	d.Resize(fyne.NewSize(700, 0))
	d.Show()
	return d
}

// identifiersFlag tells the user at once that a draft (imported, or a pack
// opened for review) holds NHS numbers, listing them and opening the first.
// advice is what to do about it.
func identifiersFlag(win fyne.Window, title, advice string, found []forms.FoundIdentifier, open func(i int)) dialog.Dialog {
	if len(found) == 0 {
		return nil
	}
	if open != nil {
		open(0)
	}
	intro := widget.NewLabel(advice)
	intro.Wrapping = fyne.TextWrapWord
	list := container.NewVBox()
	var d dialog.Dialog
	for i, f := range found {
		l := widget.NewLabel(f.String())
		l.Wrapping = fyne.TextWrapWord
		var goTo fyne.CanvasObject = widget.NewLabel("")
		if open != nil {
			i := i
			b := widget.NewButtonWithIcon("Go to", theme.NavigateNextIcon(), func() {
				d.Hide()
				open(i)
			})
			b.Importance = widget.LowImportance
			goTo = b
		}
		list.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.NewErrorThemedResource(theme.ErrorIcon())), goTo, l))
	}
	scroll := container.NewVScroll(list)
	scroll.SetMinSize(fyne.NewSize(600, float32(min(len(found), 6))*44))
	d = dialog.NewCustom(title, "Close", container.NewVBox(intro, scroll), win)
	d.Resize(fyne.NewSize(700, 0))
	d.Show()
	return d
}

// draftFound lists the NHS numbers in a draft and opens each in its editor.
func (e *Editor) draftFound() ([]forms.FoundIdentifier, func(i int)) {
	found := forms.FindNHSNumbers(forms.Part{Value: e.app})
	return found, func(i int) { e.Open(forms.SectionOfField(found[i].Field), found[i].Field) }
}

// gateDraft is identifierGate for a file written from this draft.
func (e *Editor) gateDraft(what string, write func(mask bool)) {
	found, open := e.draftFound()
	identifierGate(e.win, gateRequest{what: what, found: found, open: open, write: write})
}
