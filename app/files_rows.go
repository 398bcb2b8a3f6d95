package app

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/darsworkbench/dars-workbench/forms"
)

// fileRow is one line of the file dialog's list: icon (or tick box), name,
// size and date. A tap selects it, a double tap opens it.
type fileRow struct {
	widget.BaseWidget
	fd       *fileDialog
	id       int
	bg       *canvas.Rectangle
	icon     *widget.Icon
	name     *widget.Label
	size     *widget.Label
	modified *widget.Label
}

func newFileRow(fd *fileDialog) *fileRow {
	r := &fileRow{fd: fd, id: -1}
	r.bg = canvas.NewRectangle(theme.Color(theme.ColorNameSelection))
	r.icon = widget.NewIcon(theme.FileIcon())
	r.name = widget.NewLabel("")
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.size = widget.NewLabel("")
	r.size.Alignment = fyne.TextAlignTrailing
	r.modified = widget.NewLabel("")
	r.ExtendBaseWidget(r)
	return r
}

func (r *fileRow) CreateRenderer() fyne.WidgetRenderer {
	h := r.name.MinSize().Height
	meta := container.NewHBox(
		container.NewGridWrap(fyne.NewSize(90, h), r.size),
		container.NewGridWrap(fyne.NewSize(150, h), r.modified))
	return widget.NewSimpleRenderer(container.NewStack(r.bg, container.NewBorder(nil, nil, r.icon, meta, r.name)))
}

func (r *fileRow) show(id int) {
	r.id = id
	e := r.fd.shown[id]
	p := filepath.Join(r.fd.dir, e.name)
	switch {
	case e.dir:
		r.icon.SetResource(theme.FolderIcon())
	case r.fd.mode == modeMany && r.fd.checked[p]:
		r.icon.SetResource(theme.CheckButtonCheckedIcon())
	case r.fd.mode == modeMany:
		r.icon.SetResource(theme.CheckButtonIcon())
	case strings.EqualFold(filepath.Ext(e.name), ".pdf"):
		r.icon.SetResource(theme.DocumentIcon())
	default:
		r.icon.SetResource(theme.FileIcon())
	}
	r.name.SetText(e.name)
	r.size.SetText("")
	if !e.dir {
		r.size.SetText(forms.HumanBytes(e.size))
	}
	r.modified.SetText("")
	if !e.modified.IsZero() {
		r.modified.SetText(e.modified.Local().Format("2 Jan 2006 15:04"))
	}
	r.bg.FillColor = theme.Color(theme.ColorNameSelection)
	r.bg.Hidden = id != r.fd.cursor
	r.bg.Refresh()
}

func (r *fileRow) Tapped(*fyne.PointEvent) { r.fd.tap(r.id) }

func (r *fileRow) DoubleTapped(*fyne.PointEvent) { r.fd.activate(r.id) }

// pathEntry is the dialog's name-or-path box: typing finds, Enter
// confirms, Escape cancels, the arrow keys move through the list.
type pathEntry struct {
	widget.Entry
	fd *fileDialog
}

func newPathEntry(fd *fileDialog) *pathEntry {
	e := &pathEntry{fd: fd}
	e.ExtendBaseWidget(e)
	e.OnChanged = func(string) {
		if fd.mode != modeSave {
			fd.refilter()
		}
		fd.say("")
	}
	e.OnSubmitted = func(string) { fd.onConfirm() }
	return e
}

func (e *pathEntry) TypedKey(k *fyne.KeyEvent) {
	fd := e.fd
	switch k.Name {
	case fyne.KeyEscape:
		fd.onCancel()
	case fyne.KeyDown, fyne.KeyUp:
		if len(fd.shown) == 0 {
			return
		}
		step := 1
		if k.Name == fyne.KeyUp {
			step = -1
		}
		fd.cursor = min(max(fd.cursor+step, 0), len(fd.shown)-1)
		fd.list.ScrollTo(fd.cursor)
		fd.list.Refresh()
	default:
		e.Entry.TypedKey(k)
	}
}

// replace puts text in the box with the cursor at its end and nothing
// selected: Entry.SetText keeps an old selection, which would swallow the
// next key typed.
func (e *pathEntry) replace(text string) {
	e.SetText(text)
	e.Entry.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
}

// selectAll selects the suggested name, so that typing a name or a whole
// path replaces it (the extension is added back when it is left off).
func (e *pathEntry) selectAll() { e.TypedShortcut(&fyne.ShortcutSelectAll{}) }

// fileRoots are the file system's tops: / on Unix, the drives on Windows.
func fileRoots() []string {
	if runtime.GOOS != "windows" {
		return []string{"/"}
	}
	var out []string
	for c := 'C'; c <= 'Z'; c++ {
		d := string(c) + `:\`
		if _, err := os.Stat(d); err == nil {
			out = append(out, d)
		}
	}
	return out
}
