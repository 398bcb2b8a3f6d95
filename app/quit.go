package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Quitting never loses an edit. Every way out comes to Quit (closing the
// start window, File → Quit, Ctrl+Q) or, when the app is stopped from
// outside (a signal, the session ending), to Shutdown through Fyne's
// OnStopped; main calls Shutdown again before it closes the store.

// Quit closes every window, saving each open draft, waits for work still in
// flight (files being attached, packs being written) to be stored and put
// where it belongs, then stops the app. Unsaved library changes are asked
// about first, as closing the library window does.
func (u *UI) Quit() {
	if w := u.libraryWin; w != nil && w.dirty && w.cur != nil {
		u.askToSaveLibraryThenQuit(w)
		return
	}
	u.quitNow()
}

func (u *UI) quitNow() {
	// Set first: closing the last draft would otherwise bring the start
	// window back.
	u.quitting = true
	if u.start.closed {
		// Fyne stops by itself when its last window closes, and a focus
		// event queued at that moment then waits for ever for the loop that
		// ended (the process hangs). A window never shown keeps the loop
		// running until the Quit below.
		u.fyne.NewWindow("DARS Workbench")
	}
	for _, ed := range u.openEditors() {
		ed.onClose()
	}
	if w := u.libraryWin; w != nil {
		w.dirty = false
		w.onClose()
	}
	if w := u.deadlinesWin; w != nil {
		w.win.Close()
	}
	// The app disappears at once; work still in flight finishes while the
	// UI goroutine keeps running (endings need it), and the app stops after.
	for _, w := range u.fyne.Driver().AllWindows() {
		w.Hide() // the start window, and any other (Compare, About…)
	}
	go func() {
		u.bg.wait()
		u.do(func() {
			u.bg.stop()
			u.fyne.Quit()
		})
	}()
}

func (u *UI) askToSaveLibraryThenQuit(w *libraryWindow) {
	var d dialog.Dialog
	msg := widget.NewLabel("Save the changes to " + w.cur.Name() + " in the organisation library before quitting?")
	msg.Wrapping = fyne.TextWrapWord
	save := widget.NewButton("Save and quit", func() {
		d.Hide()
		w.save(w.cur)
		if !w.dirty { // a failed save shows its error and keeps the app open
			u.quitNow()
		}
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Quit without saving", func() { d.Hide(); u.quitNow() })
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved library changes", container.NewVBox(msg, container.NewHBox(cancel, discard, save)), w.win)
	d.Resize(fyne.NewSize(520, 160))
	d.Show()
	w.win.RequestFocus()
}

// Shutdown finishes what is in flight once the UI has stopped, before the
// store closes: endings still waiting for the UI run without it (a file
// stored late reaches its draft), and every autosave, attachment and export
// still running is waited for. Drafts whose windows were never closed (the
// app was stopped from outside) have had every edit handed to their
// autosavers already, so their last edits are written too. Calling it again
// only waits.
func (u *UI) Shutdown() {
	u.trim.stop()
	u.bg.stop()
}

// flushDrafts waits until every open draft's edits are written.
func (u *UI) flushDrafts() {
	for _, ed := range u.openEditors() {
		if ed.save != nil {
			ed.save.flush()
		}
	}
}

func (u *UI) openEditors() []*Editor {
	eds := make([]*Editor, 0, len(u.editors))
	for _, ed := range u.editors {
		eds = append(eds, ed)
	}
	return eds
}
