package app

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// startScreen is the main window: the list of drafts and what can be done
// with them.
type startScreen struct {
	u      *UI
	win    fyne.Window
	drafts []storage.DraftInfo
	binN   int
	list   *widget.List
	empty  fyne.CanvasObject
	binBtn *widget.Button
	status *widget.Label
	// closed is set once the window has gone (see showStart).
	closed bool
}

func newStartScreen(u *UI) *startScreen {
	s := &startScreen{u: u, win: u.fyne.NewWindow("DARS Workbench")}
	s.status = widget.NewLabel("")
	s.status.Importance = widget.LowImportance
	s.list = s.newList()
	s.empty = s.newEmptyState()
	s.binBtn = widget.NewButtonWithIcon("Bin", theme.DeleteIcon(), s.onBin)
	newBtn := widget.NewButtonWithIcon("New draft", theme.ContentAddIcon(), s.onNew)
	newBtn.Importance = widget.HighImportance
	heading := widget.NewLabelWithStyle("Drafts", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	library := widget.NewButtonWithIcon("Library", theme.StorageIcon(), u.showLibrary)
	deadlines := widget.NewButtonWithIcon("Deadlines", theme.CalendarIcon(), u.showDeadlines)
	top := container.NewBorder(nil, widget.NewSeparator(), heading, container.NewHBox(library, deadlines, s.binBtn, newBtn))
	// Only one of the list and the empty state is laid out for the first
	// frame: the other is hidden before anything is measured.
	if drafts, err := u.store.List(); err == nil && len(drafts) > 0 {
		s.empty.Hide()
	} else {
		s.list.Hide()
	}
	u.fontsLoaded() // the first measuring of text is below
	s.win.SetContent(container.NewBorder(top, s.status, nil, nil, container.NewStack(s.list, s.empty)))
	s.win.SetMainMenu(s.menu())
	s.win.Resize(fyne.NewSize(900, 600))
	s.win.SetCloseIntercept(s.onCloseRequest)
	s.refresh()
	return s
}

// onCloseRequest: closing the start window with no draft open quits (the
// library's changes are asked about first); with drafts open it only closes,
// as it does by itself when a draft opens.
func (s *startScreen) onCloseRequest() {
	if len(s.u.editors) == 0 {
		s.u.Quit()
		return
	}
	s.close()
}

func (s *startScreen) close() {
	s.closed = true
	s.win.Close()
	s.u.trim.soon() // its drawing buffers go back to the system
}

func (s *startScreen) menu() *fyne.MainMenu {
	newItem := fyne.NewMenuItem("New draft…", s.onNew)
	newItem.Shortcut = ctrl(fyne.KeyN)
	importItem := fyne.NewMenuItem("Import submission or pack…", s.onImport)
	importItem.Shortcut = ctrl(fyne.KeyI)
	return fyne.NewMainMenu(
		fyne.NewMenu("File", newItem, importItem,
			fyne.NewMenuItem("Open the worked example", s.onExample),
			fyne.NewMenuItem("Open pack…", s.onOpenPack),
			fyne.NewMenuItem("Bin…", s.onBin),
			fyne.NewMenuItemSeparator(),
			s.u.appearanceMenu(),
			fyne.NewMenuItemSeparator(),
			s.u.quitItem()),
		fyne.NewMenu("Unit",
			fyne.NewMenuItem("Organisation library…", s.u.showLibrary),
			fyne.NewMenuItem("Deadlines…", s.u.showDeadlines)),
		helpMenu(s.u, s.win),
	)
}

// refresh reloads the list from the store.
func (s *startScreen) refresh() {
	if s.closed {
		return // read afresh when it comes back
	}
	drafts, err := s.u.store.List()
	if err != nil {
		s.status.SetText("Could not list drafts: " + err.Error())
		return
	}
	deleted, err := s.u.store.ListDeleted()
	if err != nil {
		s.status.SetText("Could not read the bin: " + err.Error())
	}
	s.drafts, s.binN = drafts, len(deleted)
	s.binBtn.SetText(fmt.Sprintf("Bin (%d)", s.binN))
	Shown(s.empty, len(drafts) == 0)
	Shown(s.list, len(drafts) > 0)
	s.status.SetText(fmt.Sprintf("%s · database %s", plural(len(drafts), "draft"), s.u.dbPath()))
	s.list.Refresh()
}

// edited shows a draft's new last-edit time where it stands first in the
// list already; false when the list must be read again to put it there.
func (s *startScreen) edited(id string, at time.Time) bool {
	if s.closed {
		return true
	}
	if len(s.drafts) == 0 || s.drafts[0].ID != id {
		return false
	}
	s.drafts[0].Updated = at
	s.list.RefreshItem(0)
	return true
}

func (s *startScreen) newEmptyState() fyne.CanvasObject {
	// Our wrapper measures each word once; Fyne's label shapes ever shorter
	// prefixes of each line: some 7 ms of a new user's first frame.
	msg := newWrapLabel("No drafts yet.\n\nA draft is one DARS application, prepared here long before you log in to DARS Online. " +
		"Start a new one with New draft (" + keyLabel(s.u.goos, ctrl(fyne.KeyN)) + "), or open the worked example to see what a complete application looks like.")
	msg.Alignment = fyne.TextAlignCenter
	ex := widget.NewButtonWithIcon("Open the worked example", theme.InfoIcon(), s.onExample)
	nw := widget.NewButtonWithIcon("New draft", theme.ContentAddIcon(), s.onNew)
	nw.Importance = widget.HighImportance
	return container.NewCenter(container.NewGridWrap(fyne.NewSize(520, 220),
		container.NewVBox(msg, container.NewCenter(container.NewHBox(nw, ex)))))
}

func (s *startScreen) newList() *widget.List {
	l := widget.NewList(
		func() int { return len(s.drafts) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			meta := widget.NewLabel("stage")
			meta.Importance = widget.LowImportance
			buttons := container.NewHBox(
				widget.NewButtonWithIcon("", theme.ContentCopyIcon(), nil),
				widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), nil),
				widget.NewButtonWithIcon("", theme.DeleteIcon(), nil),
			)
			return container.NewBorder(nil, nil, nil, container.NewHBox(meta, buttons), title)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			d := s.drafts[i]
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(displayTitle(d.Title))
			right := c.Objects[1].(*fyne.Container)
			right.Objects[0].(*widget.Label).SetText(d.Stage.Label() + " · edited " + humanTime(d.Updated, time.Now()))
			b := right.Objects[1].(*fyne.Container).Objects
			b[0].(*widget.Button).OnTapped = func() { s.onDuplicate(d) }
			b[1].(*widget.Button).OnTapped = func() { s.onRename(d) }
			b[2].(*widget.Button).OnTapped = func() { s.onDelete(d) }
		})
	l.OnSelected = func(i widget.ListItemID) {
		l.UnselectAll()
		s.u.openDraft(s.drafts[i].ID)
	}
	return l
}

func displayTitle(t string) string {
	if strings.TrimSpace(t) == "" {
		return "Untitled draft"
	}
	return t
}

// humanTime says when something happened relative to now, as a list reads it.
func humanTime(t, now time.Time) string {
	t = t.Local()
	switch {
	case t.IsZero():
		return "never"
	case sameDay(t, now):
		return "today " + t.Format("15:04")
	case sameDay(t, now.AddDate(0, 0, -1)):
		return "yesterday " + t.Format("15:04")
	}
	return t.Format("2 Jan 2006")
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Local().Date()
	return ay == by && am == bm && ad == bd
}

// onNew asks for a title and a starting point, creates the draft and opens it.
func (s *startScreen) onNew() {
	title := widget.NewEntry()
	title.SetPlaceHolder("e.g. Kidney outcomes after childhood cancer")
	names := make([]string, len(startingPoints))
	for i, p := range startingPoints {
		names[i] = p.Name
	}
	about := widget.NewLabel("")
	about.Wrapping = fyne.TextWrapWord
	about.Importance = widget.LowImportance
	from := widget.NewRadioGroup(names, func(name string) {
		for _, p := range startingPoints {
			if p.Name == name {
				about.SetText(p.Description)
			}
		}
	})
	from.SetSelected(names[0])
	from.Required = true
	d := dialog.NewForm("New draft", "Create", "Cancel", []*widget.FormItem{
		widget.NewFormItem("Title", title),
		widget.NewFormItem("Start from", from),
		widget.NewFormItem("", about),
	}, func(ok bool) {
		if ok {
			s.create(from.Selected, title.Text)
		}
	}, s.win)
	title.OnSubmitted = func(string) { d.Submit() }
	d.Resize(fyne.NewSize(640, 500))
	d.Show()
	s.win.Canvas().Focus(title)
}

func (s *startScreen) create(point, title string) {
	for _, p := range startingPoints {
		if p.Name != point {
			continue
		}
		a, err := p.Build(s.u.today())
		if err != nil {
			showError(s.win, "Could not prepare the starting point", err)
			return
		}
		if strings.TrimSpace(title) != "" {
			a.Overview.Title = strings.TrimSpace(title)
		}
		a.ID = forms.NewID()
		if err := s.u.store.Create(a); err != nil {
			showError(s.win, "Could not create the draft", err)
			return
		}
		s.refresh()
		s.u.openDraft(a.ID)
		return
	}
}

func (s *startScreen) onExample() { s.create(workedExampleName, "") }

func (s *startScreen) onDuplicate(d storage.DraftInfo) {
	if _, err := s.u.store.Duplicate(d.ID); err != nil {
		showError(s.win, "Could not duplicate the draft", err)
	}
	s.refresh()
}

func (s *startScreen) onRename(d storage.DraftInfo) {
	title := widget.NewEntry()
	title.SetText(d.Title)
	f := dialog.NewForm("Rename draft", "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Title", title)}, func(ok bool) {
		if !ok {
			return
		}
		if ed, open := s.u.editors[d.ID]; open {
			// The open window owns the draft: change it there so its next
			// autosave does not put the old title back.
			ed.app.Overview.Title = title.Text
			ed.showSection(ed.current)
			ed.Changed()
		} else if err := s.u.store.Rename(d.ID, title.Text); err != nil {
			showError(s.win, "Could not rename the draft", err)
		}
		s.refresh()
	}, s.win)
	title.OnSubmitted = func(string) { f.Submit() }
	f.Resize(fyne.NewSize(480, 160))
	f.Show()
	s.win.Canvas().Focus(title)
}

func (s *startScreen) onDelete(d storage.DraftInfo) {
	msg := fmt.Sprintf("Move “%s” to the bin? You can restore it from the bin later.", displayTitle(d.Title))
	dialog.ShowConfirm("Delete draft", msg, func(ok bool) {
		if !ok {
			return
		}
		if ed, open := s.u.editors[d.ID]; open {
			ed.onClose()
		}
		if err := s.u.store.Delete(d.ID); err != nil {
			showError(s.win, "Could not delete the draft", err)
		}
		s.refresh()
	}, s.win)
}

// onOpenPack asks for a pack and opens it for review.
func (s *startScreen) onOpenPack() {
	s.u.chooseOpen(s.win, fileRequest{Kind: kindReview, Title: "Open a pack to review", Types: []fileType{typePack}}, s.u.OpenPack)
}
