package app

import (
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// fileMode is what a file dialog asks for.
type fileMode int

const (
	modeOpen fileMode = iota // one file to read
	modeMany                 // one or more files to read
	modeSave                 // where to write one file
)

// systemFileChooser is the desktop's own file chooser. done gets the chosen
// paths (none when cancelled) on the UI goroutine, or an error when the
// chooser could not be shown at all.
type systemFileChooser interface {
	choose(win fyne.Window, req fileRequest, mode fileMode, done func([]string, error))
}

// fileDialogEnv chooses the dialog: "builtin" keeps to ours even where the
// desktop offers one (for a portal that misbehaves, and for tests that
// drive the window on a desktop).
const fileDialogEnv = "DARS_FILE_DIALOG"

// findSystemChooser looks for the desktop's chooser off the UI goroutine
// (asking the session bus can take a moment) and uses it once found. Only a
// real desktop driver has one: tests run on Fyne's test driver.
func (u *UI) findSystemChooser() {
	if _, ok := u.fyne.Driver().(desktop.Driver); !ok || os.Getenv(fileDialogEnv) == "builtin" {
		return
	}
	go func() {
		c := detectSystemChooser(u.do)
		if c == nil {
			return
		}
		u.do(func() { u.sysFiles = c })
	}()
}

func (u *UI) systemChooser() systemFileChooser { return u.sysFiles }

// dropSystemChooser falls back to our dialog for the rest of the run.
func (u *UI) dropSystemChooser(err error) {
	u.sysFiles = nil
	fyne.LogError("The desktop's file chooser failed; using the built-in one", err)
}

// errChooserPanicked reports a chooser library that broke on an answer it
// did not expect.
func errChooserPanicked(r any) error { return fmt.Errorf("the file chooser failed: %v", r) }
