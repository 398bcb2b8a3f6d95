package app

import (
	"os"
	"strings"
	"sync"

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
	// This copy keeps nothing, so it ends before Fyne's exit-time save of
	// its preferences: that save empties the file before it marks itself
	// as saving, and Fyne's own watcher of the file can read it empty in
	// between and log a load error (1 run in many on a busy machine).
	a.Lifecycle().SetOnStopped(func() { os.Exit(0) })
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

// Prepare sets an app's theme and starts loading the fonts its start window
// draws with, then New builds the UI on it. Fyne parses a typeface, and the
// system's fallback for it, the first time a style is measured: some 50 ms
// that would otherwise come before the window's own making (starting the
// graphics library, some 20 ms) and the database's opening. main opens the
// database while they load, and the start window waits for them only
// before it first measures text. The garbage collector rests from here to
// the start window's first frame (see pauseGC).
func Prepare(a fyne.App) *Prepared {
	resumeGC := pauseGC(startGCMaxRest) // until the first frame: see pauseGC
	// Set before the fonts load and never while they do: the font cache
	// reads the theme, and Fyne guards neither.
	a.Settings().SetTheme(themeFor(a.Preferences().StringWithFallback(appearancePref, appearanceSystem)))
	p := &Prepared{a: a, fonts: make(chan struct{}), resumeGC: resumeGC}
	size := theme.TextSize()
	// A goroutine per style: each parses typefaces of its own (Fyne locks
	// the one thing they share, the scan of the system's fonts).
	var wg sync.WaitGroup
	for _, style := range []fyne.TextStyle{{}, {Bold: true}} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			fyne.MeasureText("Drafts", size, style)
		}()
	}
	go func() { wg.Wait(); close(p.fonts) }()
	return p
}

// Prepared is an app made ready by Prepare.
type Prepared struct {
	a        fyne.App
	fonts    chan struct{}
	resumeGC func()
}

// New builds the UI on the prepared app and a store; call ShowAndRun.
func (p *Prepared) New(store Store) *UI {
	u := newUI(p.a, store, p.fonts)
	u.resumeGC = p.resumeGC
	return u
}

// Wait returns once the fonts are loaded: a window made without New (a
// start-up error) must not measure text before then.
func (p *Prepared) Wait() { <-p.fonts }

// fontsLoaded waits for the fonts Prepare started loading: until then no
// text may be measured on the UI goroutine.
func (u *UI) fontsLoaded() {
	if u.fonts != nil {
		<-u.fonts
		u.fonts = nil
	}
}
