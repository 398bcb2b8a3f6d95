package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/darsworkbench/dars-workbench/forms"
)

// The draft window's menus. Keyboard shortcuts live on menu items: Fyne
// offers those before the focused field, so they work while typing.

func (e *Editor) menu() *fyne.MainMenu {
	snap := fyne.NewMenuItem("Take snapshot", e.onSnapshot)
	snap.Shortcut = ctrlShift(fyne.KeyS)
	hist := fyne.NewMenuItem("History…", e.onHistory)
	hist.Shortcut = historyKey(e.ui.goos)
	exp := fyne.NewMenuItem("Export pack…", e.onExport)
	exp.Shortcut = ctrl(fyne.KeyE)
	handoff := fyne.NewMenuItem("Hand off to DARS Online…", e.onHandOff)
	handoff.Shortcut = ctrlShift(fyne.KeyH)
	closeItem := fyne.NewMenuItem("Close draft", e.onClose)
	closeItem.Shortcut = ctrl(fyne.KeyW)
	attach := fyne.NewMenuItem("Attach files…", e.onAttachFiles)
	attach.Shortcut = ctrlShift(fyne.KeyA)
	return fyne.NewMainMenu(
		fyne.NewMenu("Draft", exp, handoff, e.publicEntryItem(), attach, fyne.NewMenuItemSeparator(), snap, hist, fyne.NewMenuItem("Compare revisions…", e.onCompare),
			fyne.NewMenuItemSeparator(), e.ui.allDraftsItem(), closeItem, e.ui.quitItem()),
		e.goMenu(),
		fyne.NewMenu("Review", fyne.NewMenuItem("Import review…", e.onImportReview)),
		helpMenu(e.ui, e.win),
	)
}

// reviewMenu is the menu of a pack opened for review.
func (e *Editor) reviewMenu() *fyne.MainMenu {
	closeItem := fyne.NewMenuItem("Close pack", e.onClose)
	closeItem.Shortcut = ctrl(fyne.KeyW)
	return fyne.NewMainMenu(
		fyne.NewMenu("Review",
			fyne.NewMenuItem("Comment on this section…", func() { e.review.onComment("") }),
			fyne.NewMenuItem("Evidence files…", e.review.onEvidence),
			e.publicEntryItem(),
			fyne.NewMenuItem("Save review…", e.review.onSave),
			fyne.NewMenuItemSeparator(), e.ui.allDraftsItem(), closeItem, e.ui.quitItem()),
		e.goMenu(),
		helpMenu(e.ui, e.win),
	)
}

// allDraftsItem brings back the start window, which steps aside while a
// draft is open: the list of drafts, New, Import, the library and the bin.
func (u *UI) allDraftsItem() *fyne.MenuItem {
	it := fyne.NewMenuItem("All drafts…", u.showStart)
	it.Shortcut = ctrl(fyne.KeyO)
	return it
}

// quitItem is Quit (Ctrl+Q), last in a window's first menu under the name
// Fyne looks for there, so Fyne adds no second Quit of its own.
func (u *UI) quitItem() *fyne.MenuItem {
	q := fyne.NewMenuItem(lang.L("Quit"), u.Quit)
	q.IsQuit = true
	q.Shortcut = ctrl(fyne.KeyQ)
	return q
}

// addQuitKey gives a window without a menu Ctrl+Q.
func (u *UI) addQuitKey(w fyne.Window) {
	w.Canvas().AddShortcut(ctrl(fyne.KeyQ), func(fyne.Shortcut) { u.Quit() })
}

// goMenu lists every section with its key: Alt+1 … Alt+9 (⌘1 … ⌘9 on
// macOS) jump to the first nine, and Ctrl+Page Down / Ctrl+Page Up step
// through all of them. Keys
// live on menu items because Fyne offers those before the focused field
// (canvas shortcuts would be swallowed while the cursor is in a text box).
func (e *Editor) goMenu() *fyne.Menu {
	var items []*fyne.MenuItem
	for i, s := range forms.Sections {
		idx := i
		item := fyne.NewMenuItem(s.Title, func() { e.nav.Select(idx) })
		if i < 9 {
			item.Shortcut = sectionKey(e.ui.goos, i+1)
		}
		items = append(items, item)
	}
	next := fyne.NewMenuItem("Next section", func() { e.stepSection(1) })
	next.Shortcut = ctrl(fyne.KeyPageDown)
	prev := fyne.NewMenuItem("Previous section", func() { e.stepSection(-1) })
	prev.Shortcut = ctrl(fyne.KeyPageUp)
	items = append(items, fyne.NewMenuItemSeparator(), next, prev)
	return fyne.NewMenu("Go", items...)
}
