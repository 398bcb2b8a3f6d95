package app

import (
	"fmt"
	"image/color"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// Editor is one draft's window: section navigation, the current section's
// screen, the readiness panel, and autosave.
type Editor struct {
	ui   *UI
	win  fyne.Window
	app  *forms.Application
	save *autosaver

	findings  []forms.Finding
	listeners []func()
	// scrolled run when the page scrolls (lists that build rows as they
	// come into view); dropped when the screen changes, as listeners are.
	scrolled []func()
	// resolvers build what a field path needs before it can be opened (an
	// entry of a long list not yet built); dropped with the screen.
	resolvers []func(path string)
	// evaluator re-reads only the text an edit changed (forms.Evaluator).
	evaluator *forms.Evaluator

	// listedTitle and listedStage are what the start screen last showed.
	listedTitle string
	listedStage forms.Stage

	current forms.SectionID
	fields  map[string]fyne.CanvasObject
	// screens keeps the screens of sections left, for going back to them.
	screens keptScreens
	// edits counts the edits made, so a kept screen knows it is current.
	edits uint64

	// review is set when the window shows a pack for review: read-only,
	// never saved, with the reviewer's comments.
	review *reviewSession
	// readOnly is the theme override that keeps a read-only screen legible.
	readOnly *container.ThemeOverride
	// evidence is the Evidence section's screen while it is shown, where a
	// file that finishes storing is shown.
	evidence *evidenceView
	// closed is set once the window has closed.
	closed bool
	// handoff is the draft's hand-off window while it is open.
	handoff *handoffWindow

	// flipsSeen is shownFlips when the last change was handled.
	flipsSeen int

	nav       *widget.List
	body      *container.Scroll
	wheel     *wheelPage
	toasts    *toaster
	heading   *widget.Label
	savedAt   *widget.Label
	readiness *readinessPanel
}

func newEditor(u *UI, a *forms.Application) *Editor { return newEditorFor(u, a, nil) }

// newEditorFor builds a draft window, or with rs a read-only window on a
// pack under review.
func newEditorFor(u *UI, a *forms.Application, rs *reviewSession) *Editor {
	e := &Editor{ui: u, app: a, win: u.fyne.NewWindow(windowTitle(a)), fields: map[string]fyne.CanvasObject{}, review: rs,
		listedTitle: a.Overview.Title, listedStage: a.Overview.Stage, evaluator: forms.NewEvaluator()}
	if rs != nil {
		rs.e = e
		e.win.SetTitle("Review (read-only): " + windowTitle(a))
	} else {
		e.save = newAutosaver(u.store, u.bg, e.onSaved)
	}
	e.evaluate()

	e.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	e.savedAt = widget.NewLabel(fmt.Sprintf("Revision %d, not changed since opening", a.Revision))
	e.savedAt.Importance = widget.LowImportance
	e.body = container.NewVScroll(widget.NewLabel(""))
	e.body.OnScrolled = func(fyne.Position) {
		for _, f := range e.scrolled {
			f()
		}
	}
	e.nav = e.newNav()
	e.readiness = newReadinessPanel(e)

	exportBtn := widget.NewButtonWithIcon("Export…", theme.UploadIcon(), e.onExport)
	toolbar := container.NewHBox(
		exportBtn,
		widget.NewButtonWithIcon("Snapshot", theme.DocumentSaveIcon(), e.onSnapshot),
		widget.NewButtonWithIcon("History…", theme.HistoryIcon(), e.onHistory),
		widget.NewButtonWithIcon("Compare…", theme.ViewRefreshIcon(), e.onCompare),
	)
	if rs != nil {
		e.savedAt.SetText(fmt.Sprintf("Revision %d, read-only", a.Revision))
		toolbar = container.NewHBox()
	}
	// The save report sits in a status line under the section, not beside
	// the heading, so neither is squeezed when the window is narrow.
	top := container.NewBorder(nil, nil, e.heading, toolbar)
	status := container.NewBorder(widget.NewSeparator(), nil, nil, nil, e.savedAt)
	var body fyne.CanvasObject = e.body
	if rs != nil {
		e.readOnly = readable(e.body)
		body = e.readOnly
	}
	e.wheel = newWheelPage(e.body)
	body = container.NewStack(body, e.wheel)
	main := container.NewHSplit(container.NewBorder(top, status, nil, nil, body), e.readiness.object)
	main.Offset = 0.72
	// The section names stay whole however wide a section's screen is.
	navFloor := canvas.NewRectangle(color.Transparent)
	navFloor.SetMinSize(fyne.NewSize(236, 0))
	split := container.NewHSplit(container.NewBorder(nil, e.publicEntryButton(), nil, nil, container.NewStack(navFloor, e.nav)), main)
	split.Offset = 0.18
	e.toasts = newToaster()
	if rs != nil {
		e.win.SetContent(e.toasts.over(container.NewBorder(rs.banner(), nil, nil, nil, split)))
		e.win.SetMainMenu(e.reviewMenu())
	} else {
		e.win.SetContent(e.toasts.over(split))
		e.win.SetMainMenu(e.menu())
	}
	// Fits a 1366×768 laptop's screen under its title and task bars.
	e.win.Resize(fyne.NewSize(1200, 700))
	e.win.SetCloseIntercept(e.onClose)
	e.showSection(forms.SectionOverview)
	return e
}

func windowTitle(a *forms.Application) string {
	t := strings.TrimSpace(a.Overview.Title)
	if t == "" {
		t = "Untitled draft"
	}
	// The title leaves the app: the desktop shows it in task bars and
	// window lists, and any program may read it.
	return forms.MaskNHSNumbers(t) + " — DARS Workbench"
}

// App is the draft being edited. Touch it only on the UI goroutine.
func (e *Editor) App() *forms.Application { return e.app }

// ReadOnly reports whether the window shows a pack under review: screens
// must then not change the draft, not even to bring derived parts up to date.
func (e *Editor) ReadOnly() bool { return e.review != nil }

// Window is the draft's window, for dialogs.
func (e *Editor) Window() fyne.Window { return e.win }

// inBackground runs work off the UI goroutine, counted so that quitting
// waits for it (a file being written is finished, not cut short). done gets
// its result on the UI goroutine while this window is open; after that, a
// failure is told on the start window, or on stderr once the app has stopped.
func (e *Editor) inBackground(failure string, work func() error, done func(error)) {
	e.ui.bg.run(func() func(bool) {
		err := work()
		return func(live bool) {
			if live && !e.closed {
				done(err)
				return
			}
			if err != nil {
				e.ui.tell(live, e.reportWindow(), lateNotice{failure, err.Error(), true})
			}
		}
	})
}

// reportWindow is where the result of work started here is shown: this
// window, or the start window once this one has closed.
func (e *Editor) reportWindow() fyne.Window {
	if e.closed {
		return e.ui.home()
	}
	return e.win
}

// Findings are the readiness findings of the draft as it stands.
func (e *Editor) Findings() []forms.Finding { return e.findings }

// Today is the date used for stage and deadline answers.
func (e *Editor) Today() forms.Date { return e.ui.today() }

// Changed records an edit: it re-runs the readiness checks, refreshes the
// marks, and hands a private copy of the draft to the autosaver. It runs on
// every keystroke, so what has not changed is left alone: the marks and the
// readiness panel are redrawn only when the findings differ.
func (e *Editor) Changed() {
	if e.review != nil {
		return // a pack under review is never changed or saved
	}
	e.edits++
	// Whatever widget changed it, no CR from a Windows paste stays in the
	// draft (fields.go's helpers already turn it into a space or LF).
	forms.NormaliseText(e.app)
	prevFindings := e.findings
	anchor, before, anchored := e.anchor()
	e.evaluate()
	if t := windowTitle(e.app); t != e.win.Title() {
		e.win.SetTitle(t)
	}
	if !sameFindings(prevFindings, e.findings) {
		e.nav.Refresh()
		e.readiness.refresh()
	}
	for _, f := range e.listeners {
		f()
	}
	if shownFlips != e.flipsSeen {
		e.flipsSeen = shownFlips
		if anchored {
			e.keepInPlace(anchor, before)
		}
	}
	if e.handoff != nil {
		e.handoff.draftChanged()
	}
	if e.savedAt.Text != "Saving…" {
		e.savedAt.SetText("Saving…")
	}
	e.save.submit(e.app.Copy())
}

func sameFindings(a, b []forms.Finding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if x.CheckID != y.CheckID || x.Severity != y.Severity || x.Section != y.Section || x.Field != y.Field || x.Message != y.Message {
			return false
		}
	}
	return true
}

// anchor is the field in use (the one with the cursor, or the box just
// ticked) and its place on the screen as last laid out.
func (e *Editor) anchor() (fyne.CanvasObject, fyne.Position, bool) {
	obj, ok := e.win.Canvas().Focused().(fyne.CanvasObject)
	if !ok || obj == nil || e.body.Content == nil {
		return nil, fyne.Position{}, false
	}
	pos, ok := placeIn(e.body.Content, obj)
	return obj, pos, ok
}

// keepInPlace lays the screen out again after follow-up questions or notes
// were shown or hidden, and scrolls by as much as they moved obj, so the
// field in use stays where it was under the pointer and the cursor.
func (e *Editor) keepInPlace(obj fyne.CanvasObject, before fyne.Position) {
	e.body.Refresh()
	after, ok := placeIn(e.body.Content, obj)
	if !ok || after.Y == before.Y {
		return
	}
	e.body.ScrollToOffset(e.body.Offset.AddXY(0, after.Y-before.Y))
}

// notify says briefly, over the bottom of the window, that something
// worked (a snapshot taken, a file attached); it fades by itself.
func (e *Editor) notify(text string) { e.toasts.show(text) }

// OnFindings registers a function run after every re-evaluation, for screens
// that show findings of their own. Listeners are dropped when the screen changes.
func (e *Editor) OnFindings(f func()) { e.listeners = append(e.listeners, f) }

// lazyList is a list of n rows in the page that builds each row as it comes
// into view (lazyrows.go); resolve maps a field path to the row holding it
// (-1 for none), so that opening a field builds its row first.
func (e *Editor) lazyList(n int, build func(i int) fyne.CanvasObject, resolve func(path string) int) *lazyRows {
	if e.review != nil {
		// A pack under review is read-only: rows built after the screen
		// was disabled and themed are disabled and themed as they come.
		built := build
		build = func(i int) fyne.CanvasObject {
			o := built(i)
			disableAll(o)
			return readable(o)
		}
	}
	l := newLazyRows(e.body, n, build)
	e.scrolled = append(e.scrolled, func() { l.fill() })
	e.resolvers = append(e.resolvers, func(path string) {
		if i := resolve(path); i >= 0 {
			l.row(i)
		}
	})
	return l
}

func (e *Editor) evaluate() { e.findings = e.evaluator.Evaluate(e.app, e.ui.now()) }

func (e *Editor) onSaved(rev int64, at time.Time, err error) {
	e.ui.do(func() {
		if err != nil {
			e.savedAt.SetText("Not saved: " + err.Error())
			e.savedAt.Importance = widget.DangerImportance
			e.savedAt.Refresh()
			return
		}
		e.app.Revision = rev
		e.savedAt.Importance = widget.LowImportance
		e.savedAt.SetText(fmt.Sprintf("Saved %s · revision %d", at.Format("15:04:05"), rev))
		// The start screen lists title, stage and when each draft was last
		// edited, most recent first: a change of title or stage, or of
		// order, reads the list again; otherwise only the time changes.
		o := e.app.Overview
		if o.Title != e.listedTitle || o.Stage != e.listedStage || !e.ui.start.edited(e.app.ID, at) {
			e.listedTitle, e.listedStage = o.Title, o.Stage
			e.ui.start.refresh()
		}
	})
}

// Field registers the widget that edits a field path, so a finding or a
// comment can open it.
func (e *Editor) Field(path string, obj fyne.CanvasObject) { e.fields[path] = obj }

// Open shows a section and puts the cursor in the field a path names; for a
// path inside a registered field (e.g. "organisations[2].security") the
// nearest registered ancestor is used.
func (e *Editor) Open(section forms.SectionID, path string) {
	if section != e.current {
		e.selectSection(section)
	}
	obj := e.lookupField(path)
	if obj == nil {
		return
	}
	// A folded entry of a repeating group unfolds, registering its fields;
	// the screen is laid out again at once, or the field's place would be
	// the one it had folded and the scroll would miss it.
	if r, ok := obj.(revealer); ok && r.reveal() {
		e.body.Refresh()
		obj = e.lookupField(path)
	}
	if f, ok := obj.(fyne.Focusable); ok {
		e.win.Canvas().Focus(f)
	}
	e.scrollTo(obj)
}

// scrollTo scrolls the section so obj shows near the top. Its place is
// summed down the screen's tree rather than asked of the driver, which
// knows nothing of objects made since the last frame was drawn (a folded
// entry just unfolded) and would answer the top of the page.
func (e *Editor) scrollTo(obj fyne.CanvasObject) {
	pos, ok := placeIn(e.body.Content, obj)
	if !ok {
		d := fyne.CurrentApp().Driver()
		pos = d.AbsolutePositionForObject(obj).Subtract(d.AbsolutePositionForObject(e.body.Content))
	}
	e.body.ScrollToOffset(fyne.NewPos(0, max(0, pos.Y-40)))
}

// focusFirstBlocker puts the cursor where work is needed: the highest field
// on the current section's screen that a blocker points at.
func (e *Editor) focusFirstBlocker() {
	var best *forms.Finding
	var bestY float32
	d := fyne.CurrentApp().Driver()
	for i, f := range e.findings {
		if f.Severity != forms.Blocker || f.Section != e.current {
			continue
		}
		if obj := e.lookupField(f.Field); obj != nil {
			if y := d.AbsolutePositionForObject(obj).Y; best == nil || y < bestY {
				best, bestY = &e.findings[i], y
			}
		}
	}
	if best != nil {
		e.Open(best.Section, best.Field)
	}
}

func (e *Editor) lookupField(path string) fyne.CanvasObject {
	for _, r := range e.resolvers {
		r(path)
	}
	for p := path; p != ""; p = parentPath(p) {
		if obj, ok := e.fields[p]; ok {
			return obj
		}
	}
	return nil
}

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i <= 0 {
		return ""
	}
	return p[:i]
}

func (e *Editor) selectSection(id forms.SectionID) {
	for i, s := range forms.Sections {
		if s.ID == id {
			e.nav.Select(i)
			return
		}
	}
}

// showSection shows a section's screen. Going to another section keeps the
// screen left, and going back to one whose draft has not changed since
// shows it as it was left, scrolled where it was (screens.go); showing the
// section already shown builds it afresh, which is how a restored revision
// or a new comment is shown.
func (e *Editor) showSection(id forms.SectionID) {
	defer e.ui.trim.soon()
	if id == publicEntryID {
		e.showPublicEntry()
		return
	}
	sec, ok := forms.SectionByID(id)
	if !ok {
		return
	}
	// Rebuilding the section shown (after a reply, a verdict) keeps the
	// reader where they were; another section starts at its top.
	again, offset := id == e.current, e.body.Offset
	if again {
		e.screens.forget()
	} else if e.current != "" {
		if s := e.screens.leave(e, e.current, id); s != nil {
			e.show(id, sec, s)
			return
		}
	}
	e.current = id
	e.fields = map[string]fyne.CanvasObject{}
	e.listeners = nil
	e.scrolled = nil
	e.resolvers = nil
	e.evidence = nil
	e.heading.SetText(sec.Title)
	screen := buildSection(e, sec)
	if e.review != nil {
		disableAll(screen)
	}
	e.body.Content = e.withComments(screen)
	// One refresh lays the new screen out: ScrollToTop or ScrollToOffset
	// would each refresh the whole screen again (a quarter of the time a
	// large section takes to show).
	e.body.Offset = fyne.Position{}
	if again {
		e.body.Offset = offset
	}
	e.body.Refresh()
	e.flipsSeen = shownFlips // what the screen showed as it was built moved nothing
	if e.readOnly != nil {
		e.readOnly.Refresh() // applies the theme to the new screen
	}
}

// show puts a kept screen back.
func (e *Editor) show(id forms.SectionID, sec forms.Section, s *keptScreen) {
	e.current = id
	e.fields, e.listeners, e.scrolled, e.resolvers, e.evidence = s.fields, s.listeners, s.scrolled, s.resolvers, s.evidence
	e.heading.SetText(sec.Title)
	e.body.Content = s.object
	e.body.Offset = s.offset
	e.body.Refresh()
}

// onThemeChanged builds the screen again in the new theme's colours (the
// icons of long lists are drawn pre-coloured) and forgets kept screens.
func (e *Editor) onThemeChanged() {
	if e.closed || e.current == "" {
		return
	}
	e.showSection(e.current)
}

func (e *Editor) newNav() *widget.List {
	if e.review != nil {
		return e.newReviewNav()
	}
	l := widget.NewList(
		func() int { return len(forms.Sections) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), widget.NewLabel("0"), widget.NewLabel("Section"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := forms.Sections[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(s.Title)
			t := forms.Count(e.findings, s.ID)
			c.Objects[1].(*widget.Icon).SetResource(sectionMark(t))
			count := c.Objects[2].(*widget.Label)
			switch {
			case t.Blockers > 0:
				count.SetText(fmt.Sprint(t.Blockers))
			case t.Warnings > 0:
				count.SetText(fmt.Sprint(t.Warnings))
			default:
				count.SetText("")
			}
		})
	// A side bar of sections reads as one column without rules between
	// them (and under a software renderer each rule is a draw of its own).
	l.HideSeparators = true
	l.OnSelected = func(i widget.ListItemID) {
		if forms.Sections[i].ID != e.current {
			e.showSection(forms.Sections[i].ID)
		}
	}
	l.Select(0)
	return l
}

// newReviewNav is the section list of a pack under review: each section
// with the reviewer's progress on it (comments, reviewed, answers to
// confirm) instead of the applicant's findings.
func (e *Editor) newReviewNav() *widget.List {
	l := widget.NewList(
		func() int { return len(forms.Sections) },
		func() fyne.CanvasObject {
			detail := widget.NewLabel("not reviewed yet")
			detail.Importance = widget.LowImportance
			detail.SizeName = theme.SizeNameCaptionText
			detail.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil,
				container.New(tightRows{}, widget.NewLabel("Section"), detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := forms.Sections[i]
			p := e.review.review.Progress(e.app, s.ID)
			c := o.(*fyne.Container)
			rows := c.Objects[0].(*fyne.Container)
			rows.Objects[0].(*widget.Label).SetText(s.Title)
			rows.Objects[1].(*widget.Label).SetText(progressText(p))
			c.Objects[1].(*widget.Icon).SetResource(progressMark(p))
		})
	l.OnSelected = func(i widget.ListItemID) {
		if forms.Sections[i].ID != e.current {
			e.showSection(forms.Sections[i].ID)
		}
	}
	l.Select(0)
	return l
}

// sectionMark is the status icon of a section: red for blockers, amber for
// warnings, a tick when nothing stands in the way.
func sectionMark(t forms.Tally) fyne.Resource {
	switch {
	case t.Blockers > 0:
		return theme.NewErrorThemedResource(theme.ErrorIcon())
	case t.Warnings > 0:
		return theme.NewWarningThemedResource(theme.WarningIcon())
	}
	return theme.NewSuccessThemedResource(theme.ConfirmIcon())
}

// onClose closes the window once its last edit is saved. Work still running
// for the draft (a file being attached) finds it in the store afterwards.
func (e *Editor) onClose() {
	if e.closed {
		return
	}
	e.closed = true
	if e.review != nil {
		e.review.close()
		e.win.Close()
		e.ui.editorClosed("pack:" + e.review.opened.SHA256)
		return
	}
	if e.handoff != nil {
		e.handoff.close()
	}
	e.save.close()
	e.win.Close()
	e.ui.editorClosed(e.app.ID)
}

// stepSection moves to the next (or previous) section, wrapping at the ends.
func (e *Editor) stepSection(by int) {
	for i, s := range forms.Sections {
		if s.ID == e.current {
			n := len(forms.Sections)
			e.nav.Select(((i+by)%n + n) % n)
			return
		}
	}
}

// findingsBySection groups findings in section order, for the readiness panel.
func findingsBySection(fs []forms.Finding) ([]forms.SectionID, map[forms.SectionID][]forms.Finding) {
	by := map[forms.SectionID][]forms.Finding{}
	for _, f := range fs {
		by[f.Section] = append(by[f.Section], f)
	}
	var order []forms.SectionID
	for _, s := range forms.Sections {
		if len(by[s.ID]) > 0 {
			order = append(order, s.ID)
		}
	}
	var unknown []forms.SectionID
	for id := range by {
		if _, ok := forms.SectionByID(id); !ok {
			unknown = append(unknown, id)
		}
	}
	sort.Slice(unknown, func(i, j int) bool { return unknown[i] < unknown[j] })
	return append(order, unknown...), by
}
