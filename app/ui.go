// Package app is DARS Workbench's window: the start screen, the draft windows
// and their section screens. It shows the domain (forms) and keeps it through
// a narrow store interface; it holds no DARS rules and no SQL of its own.
package app

import (
	"runtime"
	"time"

	"fyne.io/fyne/v2"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// DraftSaver is what a draft window needs to keep its draft.
type DraftSaver interface {
	Load(id string) (*forms.Application, error)
	Save(a *forms.Application) error
	Snapshot(id, reason string) (storage.SnapshotInfo, error)
	SnapshotOf(a *forms.Application, reason string) (storage.SnapshotInfo, error)
	Snapshots(id string) ([]storage.SnapshotInfo, error)
	RestoreSnapshot(draftID string, snapshotID int64) error
	LoadSnapshot(snapshotID int64) (*forms.Application, error)
}

// Store is everything the start screen and the draft windows call for
// drafts. Evidence files and the library are further capabilities of the
// store (see evidence_store.go), asked for where they are used.
type Store interface {
	DraftSaver
	Create(a *forms.Application) error
	List() ([]storage.DraftInfo, error)
	ListDeleted() ([]storage.DraftInfo, error)
	Rename(id, title string) error
	Duplicate(id string) (*forms.Application, error)
	Delete(id string) error
	Restore(id string) error
	Purge(id string) error
}

// UI ties the windows of one running app to one store.
type UI struct {
	fyne    fyne.App
	store   Store
	start   *startScreen
	editors map[string]*Editor
	now     func() time.Time
	// goos is the system whose keyboard conventions the menus follow.
	goos string
	// do runs UI work handed over from other goroutines (autosave reports,
	// exports, attaching and opening files): fyne.Do, except in tests, which
	// queue it or run it on their own goroutine. It is the one way back to
	// the UI goroutine (FyneApp.toml declares the fyneDo migration, so Fyne
	// no longer corrects a widget touched from elsewhere); a test keeps
	// fyne.Do out of the rest of the package.
	do func(func())
	// bg counts the work off the UI goroutine that quitting waits for.
	bg *background
	// trim returns spare memory to the system once screens stop changing.
	trim *idleTrim
	// quitting is set once Quit has closed the windows: nothing is shown
	// any more.
	quitting bool

	// sysFiles is the desktop's own file chooser once one is found; nil
	// means the built-in dialog (see files.go).
	sysFiles systemFileChooser

	// fonts is open while the start window's fonts load beside the first
	// window's making (see Prepare); nil once they are in.
	fonts <-chan struct{}
	// resumeGC ends the garbage collector's rest at start-up (see
	// Prepare) once the start window has drawn its first frame.
	resumeGC func()

	// reopenStart is showStart, called through a field so that the
	// section screens, which report through home, do not depend on the
	// start screen at package initialisation.
	reopenStart func()

	libraryWin   *libraryWindow
	deadlinesWin *deadlinesWindow
}

// New builds the UI on a Fyne app and a store; call ShowAndRun to start.
func New(a fyne.App, store Store) *UI {
	a.Settings().SetTheme(themeFor(a.Preferences().StringWithFallback(appearancePref, appearanceSystem)))
	return newUI(a, store, nil)
}

// newUI builds the UI on an app whose theme is set; fonts, when not nil,
// closes once the start window's fonts are loaded (see Prepare).
func newUI(a fyne.App, store Store, fonts <-chan struct{}) *UI {
	u := &UI{fyne: a, store: store, editors: map[string]*Editor{}, now: time.Now, goos: runtime.GOOS, fonts: fonts}
	u.bg = newBackground(func(f func()) { u.do(f) })
	u.trim = newIdleTrim(1500 * time.Millisecond)
	u.do = func(f func()) {
		// Once the UI has stopped, reports to it have nowhere to go.
		if !u.bg.isStopped() {
			fyne.Do(f)
		}
	}
	// Leaving the app (another app takes the focus, the session ends) is
	// when unsaved work would be at risk: make sure every edit is written.
	a.Lifecycle().SetOnExitedForeground(u.flushDrafts)
	a.Lifecycle().SetOnStopped(u.Shutdown)
	u.start = newStartScreen(u)
	u.reopenStart = u.showStart
	u.findSystemChooser()
	// A new theme (Appearance, or the system's) redraws the draft windows.
	a.Settings().AddListener(func(fyne.Settings) {
		for _, e := range u.editors {
			e.onThemeChanged()
		}
	})
	return u
}

// ShowAndRun shows the start window and runs the app until it quits.
func (u *UI) ShowAndRun() {
	u.start.win.Show() // draws the first frame
	if u.resumeGC != nil {
		u.resumeGC()
	}
	u.fyne.Run()
}

// StartWindow is the start window as it stands (for tests and the CLI's
// window launchers); it may be closed while a draft is open.
func (u *UI) StartWindow() fyne.Window { return u.start.win }

// The start window steps aside while a draft is open, as a welcome window
// does: every window keeps a drawing context of its own (some 16 MB under a
// software renderer), and the list has nothing to do while a person works
// in a draft. It comes back when the last draft closes, and with Open
// another draft (Ctrl+O) in every draft's menu.

// showStart brings the start window back, or to the front.
func (u *UI) showStart() {
	if u.start.closed {
		u.start = newStartScreen(u)
	} else {
		u.start.refresh()
	}
	u.start.win.Show()
	u.start.win.RequestFocus()
}

// stepAside closes the start window once a draft's window has opened.
func (u *UI) stepAside() {
	if !u.start.closed && len(u.editors) > 0 {
		u.start.close()
	}
}

// home is where a message that belongs to no draft is shown: the start
// window, or an open draft's window while the start window is away.
func (u *UI) home() fyne.Window {
	if !u.start.closed {
		return u.start.win
	}
	for _, ed := range u.openEditors() {
		return ed.win
	}
	u.reopenStart()
	return u.start.win
}

func (u *UI) today() forms.Date { return forms.DateOf(u.now()) }

// openDraft shows the draft's window, raising it if it is already open.
func (u *UI) openDraft(id string) *Editor {
	if ed, ok := u.editors[id]; ok {
		ed.win.RequestFocus()
		return ed
	}
	a, err := u.store.Load(id)
	if err != nil {
		showError(u.home(), "Could not open the draft", err)
		return nil
	}
	libErr := u.overlayLibrary(a)
	ed := newEditor(u, a)
	u.editors[id] = ed
	ed.win.Show()
	u.stepAside()
	ed.focusFirstBlocker()
	if libErr != nil {
		showError(ed.win, libraryUnread, libErr)
	}
	return ed
}

// editorClosed forgets a closed draft window; the start window comes back
// when it was the last one (before it goes, so the app never runs out of
// windows and stops).
func (u *UI) editorClosed(id string) {
	delete(u.editors, id)
	if u.quitting {
		return
	}
	if len(u.editors) == 0 {
		u.showStart()
		return
	}
	u.start.refresh()
}
