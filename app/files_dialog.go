package app

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fileDialog is the built-in file dialog: a folder's files in a list with
// size and date, places to jump to, and one box that takes a name, a part
// of a name to find, or a whole typed or pasted path.
type fileDialog struct {
	win  fyne.Window
	req  fileRequest
	mode fileMode
	done func([]string)
	dlg  dialog.Dialog

	types   []fileType
	typeIdx int
	dir     string
	raw     []dirEntry // the folder's entries
	all     []dirEntry // those of the chosen type
	shown   []dirEntry // those matching what is typed
	cursor  int        // the highlighted row in shown, -1 for none
	checked map[string]bool

	folder  *widget.Label
	list    *widget.List
	empty   *widget.Label
	box     *pathEntry
	kinds   *widget.Select
	message *widget.Label
	ok      *widget.Button
}

type dirEntry struct {
	name     string
	dir      bool
	size     int64
	modified time.Time
}

// showFileDialog opens the built-in dialog over win; done runs with the
// chosen paths, never when the dialog is cancelled.
func showFileDialog(win fyne.Window, req fileRequest, mode fileMode, done func([]string)) *fileDialog {
	fd := &fileDialog{win: win, req: req, mode: mode, done: done, cursor: -1, checked: map[string]bool{}}
	fd.types = req.types(mode == modeSave)
	content := fd.build()
	fd.dlg = dialog.NewCustomWithoutButtons(fd.title(), content, win)
	fd.dlg.Resize(fileDialogSize(win))
	fd.setDir(startFolder(req.Kind))
	if mode == modeSave {
		fd.box.SetText(req.Name)
	}
	fd.dlg.Show()
	win.Canvas().Focus(fd.box)
	if mode == modeSave {
		fd.box.selectAll()
	}
	return fd
}

// fileDialogSize is most of the window, enough for a dozen rows and long
// names, and never more than the window.
func fileDialogSize(win fyne.Window) fyne.Size {
	c := win.Canvas().Size()
	w, h := min(c.Width*0.92, 1000), min(c.Height*0.9, 720)
	return fyne.NewSize(max(w, min(c.Width, 640)), max(h, min(c.Height, 480)))
}

func (fd *fileDialog) title() string {
	if fd.req.Title != "" {
		return fd.req.Title
	}
	switch fd.mode {
	case modeSave:
		return "Save as"
	case modeMany:
		return "Choose files"
	}
	return "Choose a file"
}

func (fd *fileDialog) confirmLabel() string {
	label := fd.req.Confirm
	if label == "" {
		label = "Open"
		if fd.mode == modeSave {
			label = "Save"
		}
	}
	if fd.mode == modeMany && len(fd.checked) > 1 {
		label = fmt.Sprintf("%s %d files", label, len(fd.checked))
	}
	return label
}

func (fd *fileDialog) build() fyne.CanvasObject {
	fd.folder = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	fd.folder.Truncation = fyne.TextTruncateEllipsis
	up := widget.NewButtonWithIcon("", theme.MoveUpIcon(), fd.onUp)
	newFolder := widget.NewButtonWithIcon("New folder", theme.FolderNewIcon(), fd.onNewFolder)

	fd.list = widget.NewList(
		func() int { return len(fd.shown) },
		func() fyne.CanvasObject { return newFileRow(fd) },
		func(id widget.ListItemID, o fyne.CanvasObject) { o.(*fileRow).show(id) },
	)
	fd.empty = Hint("")
	fd.empty.Alignment = fyne.TextAlignCenter

	fd.box = newPathEntry(fd)
	fd.box.SetPlaceHolder(fd.boxHint())
	var names []string
	for _, t := range fd.types {
		names = append(names, t.Name)
	}
	fd.kinds = widget.NewSelect(names, func(string) {
		fd.typeIdx = fd.kinds.SelectedIndex()
		fd.reload()
	})
	fd.kinds.SetSelectedIndex(0)
	fd.message = widget.NewLabel("")
	fd.message.Wrapping = fyne.TextWrapWord
	fd.message.Importance = widget.DangerImportance
	fd.message.Hide()

	cancel := widget.NewButton("Cancel", fd.onCancel)
	fd.ok = widget.NewButton(fd.confirmLabel(), fd.onConfirm)
	fd.ok.Importance = widget.HighImportance

	boxLabel := "Name or path"
	if fd.mode != modeSave {
		boxLabel = "Find or path"
	}
	top := container.NewBorder(nil, nil, up, newFolder, fd.folder)
	// The empty state sits at the top across the list's width: a wrapping
	// label centred on its own has no width to wrap in.
	files := container.NewStack(fd.list, container.NewVBox(layout.NewSpacer(), fd.empty, layout.NewSpacer()))
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(boxLabel), container.NewGridWrap(fyne.NewSize(300, fd.kinds.MinSize().Height), fd.kinds), fd.box),
		fd.message,
		container.NewBorder(nil, nil, nil, container.NewHBox(cancel, fd.ok), Hint(fd.footHint())),
	)
	split := container.NewHSplit(fd.places(), container.NewBorder(top, nil, nil, nil, files))
	split.SetOffset(0.2)
	return container.NewBorder(nil, bottom, nil, nil, split)
}

func (fd *fileDialog) boxHint() string {
	if fd.mode == modeSave {
		return "A file name, or a whole path such as ~/Documents/pack.zip"
	}
	return "Type to find in this folder, or type or paste a path"
}

func (fd *fileDialog) footHint() string {
	switch fd.mode {
	case modeMany:
		return "Tick as many files as you need; Enter opens the folder or file typed."
	case modeSave:
		return "Enter saves; a folder typed opens it."
	}
	return "Double-click or Enter opens; Esc cancels."
}

// places are the folders to jump to: home and its usual folders, the
// recent folders of any kind, and the file system's roots.
func (fd *fileDialog) places() fyne.CanvasObject {
	type place struct {
		name, path string
		icon       fyne.Resource
	}
	var ps []place
	seen := map[string]bool{}
	add := func(name, path string, icon fyne.Resource) {
		if !seen[path] && isDir(path) {
			seen[path] = true
			ps = append(ps, place{name, path, icon})
		}
	}
	if home, err := os.UserHomeDir(); err == nil {
		add("Home", home, theme.HomeIcon())
		for _, n := range []string{"Desktop", "Documents", "Downloads"} {
			add(n, filepath.Join(home, n), theme.FolderIcon())
		}
	}
	for _, d := range recentFolders() {
		add(filepath.Base(d), d, theme.HistoryIcon())
	}
	for _, r := range fileRoots() {
		add(r, r, theme.StorageIcon())
	}
	l := widget.NewList(func() int { return len(ps) },
		func() fyne.CanvasObject {
			label := widget.NewLabel("")
			label.Truncation = fyne.TextTruncateEllipsis
			return container.NewBorder(nil, nil, widget.NewIcon(nil), nil, label)
		},
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*fyne.Container)
			c.Objects[0].(*widget.Label).SetText(ps[id].name)
			c.Objects[1].(*widget.Icon).SetResource(ps[id].icon)
		})
	l.OnSelected = func(id widget.ListItemID) {
		fd.setDir(ps[id].path)
		l.UnselectAll()
		fd.win.Canvas().Focus(fd.box)
	}
	return l
}

// setDir shows a folder; one that cannot be read is said so and the
// current folder stays.
func (fd *fileDialog) setDir(dir string) {
	entries, err := readFolder(dir)
	if err != nil {
		fd.say(fmt.Sprintf("%s cannot be opened: %v", dir, err))
		if fd.dir != "" {
			return
		}
	}
	fd.dir = dir
	fd.folder.SetText(shortPath(dir))
	fd.raw = entries
	fd.reload()
}

// reload applies the type list and what is typed to the folder's entries.
func (fd *fileDialog) reload() {
	if fd.dir == "" {
		return
	}
	t := fd.types[fd.typeIdx]
	fd.all = fd.all[:0]
	for _, e := range fd.raw {
		if e.dir || t.matches(e.name) {
			fd.all = append(fd.all, e)
		}
	}
	fd.refilter()
}

// refilter narrows the list to names holding what is typed (find as you
// type) and highlights the first file that does; a save dialog shows the
// whole folder, since its box holds the new name.
func (fd *fileDialog) refilter() {
	find := ""
	if fd.mode != modeSave && !looksLikePath(fd.box.Text) {
		find = strings.ToLower(strings.TrimSpace(fd.box.Text))
	}
	fd.shown = fd.shown[:0]
	for _, e := range fd.all {
		hidden := strings.HasPrefix(e.name, ".") && !strings.HasPrefix(find, ".")
		if !hidden && strings.Contains(strings.ToLower(e.name), find) {
			fd.shown = append(fd.shown, e)
		}
	}
	fd.cursor = -1
	if find != "" {
		for i, e := range fd.shown {
			if !e.dir {
				fd.cursor = i
				break
			}
		}
		if fd.cursor < 0 && len(fd.shown) > 0 {
			fd.cursor = 0
		}
	}
	fd.list.Refresh()
	if fd.cursor >= 0 {
		fd.list.ScrollTo(fd.cursor)
	} else {
		fd.list.ScrollToTop()
	}
	fd.empty.SetText(fd.emptyText(find))
	Shown(fd.empty, len(fd.shown) == 0)
	fd.ok.SetText(fd.confirmLabel())
}

func (fd *fileDialog) emptyText(find string) string {
	t := fd.types[fd.typeIdx]
	switch {
	case find != "":
		return fmt.Sprintf("Nothing here has “%s” in its name.", find)
	case len(fd.raw) > 0 && len(t.Exts) > 0:
		return fmt.Sprintf("No %s in this folder. Choose All files below to see the other files.", lowerFirstWord(strings.SplitN(t.Name, " (", 2)[0]))
	}
	return "This folder is empty."
}

// readFolder lists a folder, folders first, then by name as people sort
// them (ignoring case).
func readFolder(dir string) ([]dirEntry, error) {
	des, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	out := make([]dirEntry, 0, len(des))
	for _, de := range des {
		e := dirEntry{name: de.Name(), dir: de.IsDir()}
		if info, err := de.Info(); err == nil {
			e.size, e.modified = info.Size(), info.ModTime()
			if info.Mode()&os.ModeSymlink != 0 {
				if st, err := os.Stat(filepath.Join(dir, de.Name())); err == nil {
					e.dir, e.size, e.modified = st.IsDir(), st.Size(), st.ModTime()
				}
			}
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].dir != out[j].dir {
			return out[i].dir
		}
		return strings.ToLower(out[i].name) < strings.ToLower(out[j].name)
	})
	return out, nil
}

func (fd *fileDialog) say(msg string) {
	fd.message.SetText(msg)
	Shown(fd.message, msg != "")
}

func (fd *fileDialog) onUp() {
	if parent := filepath.Dir(fd.dir); parent != fd.dir {
		fd.setDir(parent)
	}
}

func (fd *fileDialog) onNewFolder() {
	name := widget.NewEntry()
	name.SetPlaceHolder("Name of the new folder")
	d := dialog.NewForm("New folder in "+filepath.Base(fd.dir), "Create", "Cancel",
		[]*widget.FormItem{widget.NewFormItem("Name", name)}, func(ok bool) {
			n := strings.TrimSpace(name.Text)
			if !ok || n == "" {
				return
			}
			p := resolveTyped(fd.dir, n)
			if err := os.MkdirAll(p, 0o750); err != nil {
				fd.say(fmt.Sprintf("The folder was not created: %v", err))
				return
			}
			fd.say("")
			fd.setDir(p)
		}, fd.win)
	d.Resize(fyne.NewSize(440, 160))
	d.Show()
	fd.win.Canvas().Focus(name)
}

func (fd *fileDialog) onCancel() { fd.dlg.Hide() }

// tap selects a row (ticks it, in a many-files dialog); in a save dialog a
// file tapped lends its name.
func (fd *fileDialog) tap(i int) {
	if i < 0 || i >= len(fd.shown) {
		return
	}
	e := fd.shown[i]
	fd.cursor = i
	switch {
	case e.dir:
	case fd.mode == modeMany:
		p := filepath.Join(fd.dir, e.name)
		if fd.checked[p] {
			delete(fd.checked, p)
		} else {
			fd.checked[p] = true
		}
	case fd.mode == modeSave:
		fd.box.replace(e.name)
	}
	fd.say("")
	fd.list.Refresh()
	fd.ok.SetText(fd.confirmLabel())
}

// activate is a double-click: a folder opens, a file is chosen.
func (fd *fileDialog) activate(i int) {
	if i < 0 || i >= len(fd.shown) {
		return
	}
	e := fd.shown[i]
	p := filepath.Join(fd.dir, e.name)
	switch {
	case e.dir:
		fd.enter(p)
	case fd.mode == modeSave:
		fd.box.replace(e.name)
		fd.onConfirm()
	default:
		fd.finish(append(fd.checkedPaths(p), p))
	}
}

// enter opens a folder and clears what was typed to find in the last one.
func (fd *fileDialog) enter(dir string) {
	if fd.mode != modeSave {
		fd.box.replace("")
	}
	fd.say("")
	fd.setDir(dir)
}

func (fd *fileDialog) checkedPaths(except string) []string {
	var out []string
	for p := range fd.checked {
		if p != except {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// onConfirm does what the box and the list ask: a typed folder opens, a
// typed file is chosen, otherwise the highlighted or ticked files are.
func (fd *fileDialog) onConfirm() {
	if fd.mode == modeSave {
		fd.confirmSave()
		return
	}
	typed := strings.TrimSpace(fd.box.Text)
	if looksLikePath(typed) {
		p := resolveTyped(fd.dir, typed)
		st, err := os.Stat(p)
		switch {
		case err != nil:
			fd.say(fmt.Sprintf("There is no file or folder %s: check the path.", p))
		case st.IsDir():
			fd.enter(p)
		default:
			fd.finish(append(fd.checkedPaths(p), p))
		}
		return
	}
	if fd.cursor >= 0 && fd.cursor < len(fd.shown) {
		e := fd.shown[fd.cursor]
		p := filepath.Join(fd.dir, e.name)
		if e.dir {
			fd.enter(p)
			return
		}
		if fd.mode != modeMany || len(fd.checked) == 0 || typed != "" {
			fd.finish(append(fd.checkedPaths(p), p))
			return
		}
	}
	if ps := fd.checkedPaths(""); len(ps) > 0 {
		fd.finish(ps)
		return
	}
	if typed != "" {
		fd.say(fmt.Sprintf("Nothing in %s has “%s” in its name: type more of it, or a whole path.", fd.dir, typed))
		return
	}
	fd.say("Choose a file, or type its name or path.")
}

func (fd *fileDialog) confirmSave() {
	p, err := saveTarget(fd.dir, fd.box.Text, fd.req.saveExts())
	if err != nil {
		if st, serr := os.Stat(resolveTyped(fd.dir, fd.box.Text)); serr == nil && st.IsDir() && strings.TrimSpace(fd.box.Text) != "" {
			// A folder typed where the name goes opens it, and the
			// suggested name comes back.
			fd.setDir(resolveTyped(fd.dir, fd.box.Text))
			fd.box.replace(fd.req.Name)
			fd.say("")
			return
		}
		fd.say(sentence(err.Error()))
		return
	}
	if _, err := os.Stat(p); err == nil {
		confirmReplace(fd.win, p, func() { fd.finish([]string{p}) })
		return
	}
	fd.finish([]string{p})
}

// confirmReplace asks before a save replaces a file.
func confirmReplace(win fyne.Window, p string, replace func()) {
	d := dialog.NewConfirm("Replace the file?", fmt.Sprintf("%s already exists in %s.\nReplace it?", filepath.Base(p), filepath.Dir(p)),
		func(ok bool) {
			if ok {
				replace()
			}
		}, win)
	d.SetConfirmText("Replace")
	d.Show()
}

func (fd *fileDialog) finish(paths []string) {
	fd.dlg.Hide()
	fd.done(paths)
}

// sentence starts an error's message with a capital and ends it with a
// full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// shortPath writes a folder under the home folder from "~", keeping the
// part that tells folders apart in view.
func shortPath(p string) string {
	home, err := os.UserHomeDir()
	if err != nil || home == "" || home == "/" {
		return p
	}
	if p == home {
		return "~"
	}
	if rest, ok := strings.CutPrefix(p, home+string(filepath.Separator)); ok {
		return filepath.Join("~", rest)
	}
	return p
}

// lowerFirstWord lower-cases a name's first word for use mid-sentence,
// leaving an acronym (PDF, SVG) as it is.
func lowerFirstWord(s string) string {
	if len(s) > 1 && strings.ToUpper(s[:2]) == s[:2] {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}
