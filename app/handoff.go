package app

import (
	"errors"
	"fmt"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/export"
	"github.com/darsworkbench/dars-workbench/forms"
)

// The hand-off window takes the applicant through DARS Online, which has no
// import: every answer to paste, every document to upload, each ticked once
// it is in the portal, and the submission recorded at the end. Ticks are
// kept by the store beside the draft (see storage/handoff.go); the window
// holds a copy, changes it at once and writes each change off the UI
// goroutine, in order.

// HandOffStore is what the hand-off window needs of the store.
type HandOffStore interface {
	HandOffTicks(draftID string) ([]forms.HandOffTick, error)
	SetHandOffTicks(draftID string, ticks ...forms.HandOffTick) error
	RemoveHandOffTicks(draftID string, keys ...string) error
	KeepCopiedTicks(draftID string) error
	UploadDir(draftID string) string
}

func (u *UI) handOffStore() (HandOffStore, bool) {
	s, ok := u.store.(HandOffStore)
	return s, ok
}

// refreshDelay is how long the window waits after an edit in the draft
// before it lists the answers again: typing in a long answer never waits
// for it.
const refreshDelay = 250 * time.Millisecond

type handoffWindow struct {
	e   *Editor
	win fyne.Window
	hs  HandOffStore

	ticks   []forms.HandOffTick
	answers []forms.HandOffItem
	docs    []forms.HandOffItem
	// docsReady is false until the documents are first listed (which
	// renders the DPIA and map for their fingerprints, off the UI goroutine).
	docsReady bool
	docsGen   int
	list      *forms.HandOffList
	// written is what the upload folder was last given, by name.
	written map[string]export.UploadFile
	// openFolder shows a folder in the system's file manager.
	openFolder func(dir string) error

	summary  *widget.Label
	bar      *widget.ProgressBar
	notices  *fyne.Container
	tabs     *container.AppTabs
	answersP *handoffPane
	docsP    *handoffPane
	submit   *submitPane
	status   *widget.Label

	writes tickWriter
	timer  *time.Timer
	delay  time.Duration // refreshDelay, shorter in tests
	closed bool
}

func (e *Editor) onHandOff() {
	if e.handoff != nil {
		e.handoff.win.RequestFocus()
		return
	}
	hs, ok := e.ui.handOffStore()
	if !ok {
		showError(e.win, "The hand-off cannot be shown", errors.New("this store keeps no hand-off progress"))
		return
	}
	e.save.flush()
	ticks, err := hs.HandOffTicks(e.app.ID)
	if err != nil {
		showError(e.win, "Could not read what was entered in DARS Online", err)
		return
	}
	h := newHandoffWindow(e, hs, ticks)
	e.handoff = h
	h.win.Show()
	h.win.Canvas().Focus(h.answersP.list)
}

func newHandoffWindow(e *Editor, hs HandOffStore, ticks []forms.HandOffTick) *handoffWindow {
	h := &handoffWindow{e: e, hs: hs, ticks: ticks, win: e.ui.fyne.NewWindow("Hand off to DARS Online — " + windowTitle(e.app)),
		openFolder: openPath, delay: refreshDelay}
	h.writes.bg = e.ui.bg
	h.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	h.bar = widget.NewProgressBar()
	h.notices = container.NewVBox()
	h.status = widget.NewLabel("")
	h.status.Importance = widget.LowImportance
	h.status.Truncation = fyne.TextTruncateEllipsis
	h.answersP = newHandoffPane(h, false)
	h.docsP = newHandoffPane(h, true)
	h.submit = newSubmitPane(h)
	h.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Answers", theme.DocumentIcon(), h.answersP.object),
		container.NewTabItemWithIcon("Documents to upload", theme.FolderIcon(), h.docsP.object),
		container.NewTabItemWithIcon("Record the submission", theme.ConfirmIcon(), h.submit.object),
	)
	h.tabs.OnSelected = func(t *container.TabItem) { h.focusTab() }
	intro := Hint("DARS Online has no import: paste each answer and upload each document there, then tick it here. " +
		"A tick clears itself when the answer changes afterwards, so a late edit is never missed.")
	top := container.NewVBox(intro, container.NewBorder(nil, nil, nil, nil, h.summary), h.bar, h.notices)
	keys := Hint("↑ ↓ choose · Return or Ctrl+C copies · Space ticks “entered” and moves on · Ctrl+N next not entered · Ctrl+1/2/3 tabs · Ctrl+W closes")
	bottom := container.NewVBox(widget.NewSeparator(), h.status, keys)
	h.win.SetContent(container.NewBorder(top, bottom, nil, nil, h.tabs))
	h.addShortcuts()
	h.win.SetCloseIntercept(h.close)
	h.win.Resize(fyne.NewSize(1100, 760))
	h.refresh()
	// Start where the work is: the first answer not yet entered.
	h.answersP.selectNext()
	h.status.SetText("")
	return h
}

func (h *handoffWindow) addShortcuts() {
	c := h.win.Canvas()
	c.AddShortcut(ctrl(fyne.KeyC), func(fyne.Shortcut) { h.current().copySelected() })
	c.AddShortcut(&fyne.ShortcutCopy{}, func(fyne.Shortcut) { h.current().copySelected() })
	c.AddShortcut(ctrl(fyne.KeyN), func(fyne.Shortcut) { h.current().selectNext() })
	c.AddShortcut(ctrl(fyne.KeyReturn), func(fyne.Shortcut) { h.current().toggleSelected() })
	c.AddShortcut(ctrl(fyne.KeyW), func(fyne.Shortcut) { h.close() })
	for i, k := range []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3} {
		c.AddShortcut(ctrl(k), func(fyne.Shortcut) { h.tabs.SelectIndex(i) })
	}
	h.e.ui.addQuitKey(h.win)
}

// current is the pane of the tab shown (the answers while the submission
// tab is shown).
func (h *handoffWindow) current() *handoffPane {
	if h.tabs.SelectedIndex() == 1 {
		return h.docsP
	}
	return h.answersP
}

func (h *handoffWindow) focusTab() {
	switch h.tabs.SelectedIndex() {
	case 0:
		h.win.Canvas().Focus(h.answersP.list)
	case 1:
		h.win.Canvas().Focus(h.docsP.list)
	case 2:
		h.win.Canvas().Focus(h.submit.date)
	}
}

// draftChanged is told of every edit in the draft's window; the answers are
// listed again once the typing pauses.
func (h *handoffWindow) draftChanged() {
	if h.closed {
		return
	}
	if h.timer != nil {
		h.timer.Stop()
	}
	h.timer = time.AfterFunc(h.delay, func() {
		h.e.ui.do(func() {
			if !h.closed {
				h.refresh()
			}
		})
	})
}

// refresh lists the answers now and the documents off the UI goroutine.
func (h *handoffWindow) refresh() {
	h.refreshAnswers()
	h.refreshDocuments()
}

// refreshAnswers lists the answers as the draft stands and shows them.
func (h *handoffWindow) refreshAnswers() {
	h.win.SetTitle("Hand off to DARS Online — " + windowTitle(h.e.app))
	h.answers = forms.HandOffAnswers(h.e.app)
	h.apply()
	h.submit.draftChanged()
}

// refreshDocuments lists the documents off the UI goroutine: their
// fingerprints render the DPIA and the map.
func (h *handoffWindow) refreshDocuments() {
	h.docsGen++
	gen := h.docsGen
	a := h.e.app.Clone()
	var docs []forms.HandOffItem
	h.e.inBackground("The documents to upload could not be listed", func() error {
		var err error
		docs, err = export.HandOffDocuments(a)
		return err
	}, func(err error) {
		if h.closed || gen != h.docsGen {
			return
		}
		if err != nil {
			h.setStatus("The documents to upload could not be listed: " + err.Error())
			return
		}
		h.docs, h.docsReady = docs, true
		h.apply()
	})
}

// apply brings the ticks to the listed answers and documents and shows them.
func (h *handoffWindow) apply() {
	h.list = forms.NewHandOffList(h.answers, h.docs, h.ticks)
	p := h.list.Progress()
	h.summary.SetText(p.Summary())
	h.bar.SetValue(p.Fraction())
	h.showNotices()
	h.answersP.setRows(h.list.Answers)
	if h.docsReady {
		h.docsP.setRows(h.list.Documents)
	}
	h.submit.refresh(p)
}

func (h *handoffWindow) showNotices() {
	h.notices.RemoveAll()
	if h.list.CopiedFrom != "" {
		keep := widget.NewButton("Keep them", h.onKeepCopied)
		clear := widget.NewButtonWithIcon("Clear all ticks", theme.DeleteIcon(), h.onClearAll)
		h.notices.Add(handoffNotice(theme.WarningIcon(), "These ticks were copied from the draft this one was duplicated from. If this copy is a new application in DARS Online, clear them.", keep, clear))
	}
	if n := len(h.list.Removed); n > 0 {
		show := widget.NewButton("Show…", h.onShowRemoved)
		h.notices.Add(handoffNotice(theme.WarningIcon(), fmt.Sprintf("%s entered in DARS Online %s since been removed from the draft: take %s out of the portal too.",
			plural(n, "answer"), map[bool]string{true: "has", false: "have"}[n == 1], map[bool]string{true: "it", false: "them"}[n == 1]), show))
	}
	h.notices.Refresh()
}

func handoffNotice(icon fyne.Resource, text string, buttons ...fyne.CanvasObject) fyne.CanvasObject {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, widget.NewIcon(theme.NewWarningThemedResource(icon)), container.NewHBox(buttons...), l)
}

// setTick ticks an item as entered, as it reads now, or takes its tick away.
func (h *handoffWindow) setTick(it forms.HandOffItem, on bool) {
	if on && !it.Tickable() {
		return
	}
	id := h.e.app.ID
	kept := h.ticks[:0:0]
	for _, t := range h.ticks {
		if t.Key != it.Key {
			kept = append(kept, t)
		}
	}
	if on {
		t := it.Tick(h.e.ui.now())
		kept = append(kept, t)
		h.writes.push(func() error { return h.hs.SetHandOffTicks(id, t) }, h.writeFailed)
	} else {
		h.writes.push(func() error { return h.hs.RemoveHandOffTicks(id, it.Key) }, h.writeFailed)
	}
	h.ticks = kept
	h.apply()
}

// writeFailed shows a tick that could not be kept, and reads the ticks back
// so the window shows what is stored.
func (h *handoffWindow) writeFailed(err error) {
	h.e.ui.do(func() {
		if h.closed {
			return
		}
		showError(h.win, "The tick could not be kept", err)
		if ticks, rerr := h.hs.HandOffTicks(h.e.app.ID); rerr == nil {
			h.ticks = ticks
			h.apply()
		}
	})
}

func (h *handoffWindow) onKeepCopied() {
	id := h.e.app.ID
	for i := range h.ticks {
		h.ticks[i].CopiedFrom = ""
	}
	h.writes.push(func() error { return h.hs.KeepCopiedTicks(id) }, h.writeFailed)
	h.apply()
}

func (h *handoffWindow) onClearAll() {
	dialog.ShowConfirm("Clear all ticks", "Take every tick away? Do this when this draft is a new application in DARS Online, with nothing entered yet.", func(ok bool) {
		if !ok {
			return
		}
		id := h.e.app.ID
		h.ticks = nil
		h.writes.push(func() error { return h.hs.RemoveHandOffTicks(id) }, h.writeFailed)
		h.apply()
		h.setStatus("Every tick was taken away.")
	}, h.win)
}

func (h *handoffWindow) onShowRemoved() {
	box := container.NewVBox(Hint("These were ticked as entered in DARS Online, and have since been removed from the draft. Take each out of the portal, then forget it here."))
	for _, t := range h.list.Removed {
		box.Add(widget.NewLabel(fmt.Sprintf("%s (entered %s)", forms.MaskNHSNumbers(t.Where), t.At.Local().Format("2 Jan 2006 15:04"))))
	}
	var d dialog.Dialog
	forget := widget.NewButton("Forget them", func() {
		d.Hide()
		var keys []string
		gone := map[string]bool{}
		for _, t := range h.list.Removed {
			keys = append(keys, t.Key)
			gone[t.Key] = true
		}
		kept := h.ticks[:0:0]
		for _, t := range h.ticks {
			if !gone[t.Key] {
				kept = append(kept, t)
			}
		}
		h.ticks = kept
		id := h.e.app.ID
		h.writes.push(func() error { return h.hs.RemoveHandOffTicks(id, keys...) }, h.writeFailed)
		h.apply()
	})
	d = dialog.NewCustom("Removed since entered", "Close", container.NewBorder(nil, forget, nil, nil, container.NewVScroll(box)), h.win)
	d.Resize(fyne.NewSize(640, 360))
	d.Show()
}

// copy puts an item's text on the clipboard, whole; an NHS number in it goes
// masked (R-C8): an answer must never carry one, and the clipboard is read
// by every program on the desktop.
func (h *handoffWindow) copy(r forms.HandOffRow) {
	text := r.Text
	if r.Identifiers > 0 {
		text = forms.MaskNHSNumbers(text)
	}
	h.e.ui.fyne.Clipboard().SetContent(text)
	what := "“" + r.Label + "”"
	if r.File != nil {
		what = "the file name " + text
	}
	msg := fmt.Sprintf("Copied %s (%s): paste it into DARS Online, then tick it.", what, plural(r.Length(), "character"))
	if r.Identifiers > 0 {
		msg = fmt.Sprintf("Copied %s with %s masked as 943 *** ****: a DARS application must never hold one; take it out of the answer in the draft.",
			what, plural(r.Identifiers, "NHS number"))
	}
	h.setStatus(msg)
}

func (h *handoffWindow) setStatus(s string) { h.status.SetText(s) }

// openInDraft shows an answer in the draft's window.
func (h *handoffWindow) openInDraft(it forms.HandOffItem) {
	h.e.Open(it.Section, it.Path)
	h.e.win.RequestFocus()
}

// onOpenFolder writes the documents to upload into the draft's upload
// folder and shows it, for dragging into the portal. The DPIA and map are
// written from the draft, so an NHS number in it stops them as it stops
// every other way out (see identifierGate).
func (h *handoffWindow) onOpenFolder() {
	found, open := h.e.draftFound()
	identifierGate(h.win, gateRequest{what: "The documents to upload", found: found, open: open, write: h.writeFolder})
}

func (h *handoffWindow) writeFolder(mask bool) {
	es, ok := h.e.ui.evidenceStore()
	if !ok {
		showError(h.win, "The documents could not be written", errors.New("this store keeps no evidence files"))
		return
	}
	a := h.e.app.Clone()
	if mask {
		a = forms.MaskedCopy(a)
	}
	dir := h.hs.UploadDir(a.ID)
	at := h.e.ui.now()
	var files []export.UploadFile
	h.setStatus("Writing the documents to upload…")
	h.e.inBackground("The documents to upload were not written", func() error {
		var err error
		files, err = export.WriteUploadSet(dir, a, es, at)
		return err
	}, func(err error) {
		if err != nil {
			h.setStatus("")
			showError(h.win, "The documents to upload were not written", err)
			return
		}
		h.written = map[string]export.UploadFile{}
		for _, f := range files {
			h.written[f.Name] = f
		}
		h.docsP.folder.SetText(dir)
		h.docsP.folderRow.Show()
		h.docsP.refreshDetail()
		h.docsP.list.Refresh()
		h.setStatus(fmt.Sprintf("%s in %s: drag each into DARS Online, then tick it.", plural(len(files), "document"), dir))
		if err := h.openFolder(dir); err != nil {
			showError(h.win, "The folder could not be opened; its path is shown above, to copy", err)
		}
	})
}

func (h *handoffWindow) close() {
	if h.closed {
		return
	}
	h.closed = true
	if h.timer != nil {
		h.timer.Stop()
	}
	h.win.Close()
	if h.e.handoff == h {
		h.e.handoff = nil
	}
}

// tickWriter writes tick changes to the store one after another, in the
// order they were made, off the UI goroutine; quitting waits for them.
type tickWriter struct {
	bg      *background
	mu      sync.Mutex
	pending []tickOp
	running bool
}

type tickOp struct {
	write  func() error
	failed func(error)
}

func (w *tickWriter) push(write func() error, failed func(error)) {
	w.mu.Lock()
	w.pending = append(w.pending, tickOp{write, failed})
	start := !w.running
	w.running = true
	w.mu.Unlock()
	if start {
		w.bg.run(func() func(bool) {
			w.drain()
			return nil
		})
	}
}

func (w *tickWriter) drain() {
	for {
		w.mu.Lock()
		if len(w.pending) == 0 {
			w.running = false
			w.mu.Unlock()
			return
		}
		op := w.pending[0]
		w.pending = w.pending[1:]
		w.mu.Unlock()
		if err := op.write(); err != nil {
			op.failed(err)
		}
	}
}
