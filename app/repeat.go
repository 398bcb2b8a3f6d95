package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// repeat edits a repeating group (products, organisations, people,
// locations, consent materials): each entry with move up, move down and
// remove buttons, and an add button below. Buttons take keyboard focus with
// Tab and act on Space, so the group works without a mouse.
//
// Entries are rebuilt after every add, move or remove: the row widgets hold
// pointers into the slice, which append may have moved.
type repeat[T any] struct {
	e     *Editor
	path  string
	items *[]T
	noun  string
	empty string
	// title names entry i in its header, e.g. "Organisation 2: NHS Trust".
	title func(i int, it *T) string
	// row builds the editor of entry i; path is its field path ("people[3]").
	row func(i int, path string, it *T) fyne.CanvasObject
	// fresh makes a new entry for the add button.
	fresh func() T
	// flat groups never fold: a product's fields are one line each.
	flat bool
	// changed runs after the group's shape changes, for screens that derive
	// something from the list (pickers of organisations, for example).
	changed func()

	// folded says which entries show only their heading; entries are built
	// on first unfolding. A long group starts folded: fifty products
	// unfolded are thousands of widgets, and seconds to show.
	folded   []bool
	box      *fyne.Container
	lazy     *lazyRows       // the entries of a long group, built as they come into view
	live     bool            // built once: changes are redrawn
	headings []*widget.Label // by entry; nil for one not built yet
	add      *widget.Button
	object   fyne.CanvasObject
}

func newRepeat[T any](e *Editor, path string, items *[]T, noun string) *repeat[T] {
	r := &repeat[T]{e: e, path: path, items: items, noun: noun, box: container.NewVBox()}
	r.empty = "None added yet."
	r.fresh = func() T { var z T; return z }
	r.add = widget.NewButtonWithIcon("Add "+noun, theme.ContentAddIcon(), r.onAdd)
	r.object = container.NewVBox(r.box, container.NewHBox(r.add))
	e.Field(path, r.add)
	return r
}

// foldAbove is the length from which a group starts folded.
const foldAbove = 3

// build shows the entries; call it once the callbacks are set.
func (r *repeat[T]) build() fyne.CanvasObject {
	r.folded = make([]bool, len(*r.items))
	if len(*r.items) > foldAbove && !r.flat {
		for i := range r.folded {
			r.folded[i] = true
		}
	}
	r.rebuild()
	r.live = true
	return r.object
}

// isFolded reports whether entry i shows only its heading; entries added
// behind the group's back (a suggestion's button) show unfolded.
func (r *repeat[T]) isFolded(i int) bool { return i < len(r.folded) && r.folded[i] }

func (r *repeat[T]) setFolded(i int, f bool) {
	for len(r.folded) <= i {
		r.folded = append(r.folded, false)
	}
	r.folded[i] = f
}

func (r *repeat[T]) rebuild() {
	r.forgetFields()
	n := len(*r.items)
	r.headings = make([]*widget.Label, n)
	if n > foldAbove && !r.flat {
		// A long group builds its entries as they come into view: fifty
		// folded products are still hundreds of widgets.
		if r.lazy == nil {
			r.lazy = r.e.lazyList(n, r.entry, r.index)
		} else {
			r.lazy.reset(n)
		}
		if len(r.box.Objects) != 1 || r.box.Objects[0] != r.lazy {
			r.box.Objects = []fyne.CanvasObject{r.lazy}
			r.redraw()
		}
		return
	}
	// Objects are set in one go: Add lays the box out again each time, which
	// made a 50-product request take seconds to show.
	objs := make([]fyne.CanvasObject, 0, max(n, 1))
	if n == 0 {
		objs = append(objs, Hint(r.empty))
	}
	for i := range n {
		objs = append(objs, r.entry(i))
	}
	r.box.Objects = objs
	r.redraw()
}

// redraw refreshes the entries once the group is on screen; while the
// screen is being built there is nothing drawn yet (and a container's
// Refresh refreshes everything in it).
func (r *repeat[T]) redraw() {
	if r.live {
		r.box.Refresh()
	}
}

// index is the entry a field path inside this group is in, or -1.
func (r *repeat[T]) index(path string) int {
	rest, ok := strings.CutPrefix(path, r.path+"[")
	if !ok {
		return -1
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return -1
	}
	i, err := strconv.Atoi(rest[:end])
	if err != nil || i < 0 || i >= len(*r.items) {
		return -1
	}
	return i
}

// entryObject is entry i's row, built if it was not.
func (r *repeat[T]) entryObject(i int) fyne.CanvasObject {
	if r.lazy != nil && len(r.box.Objects) == 1 && r.box.Objects[0] == r.lazy {
		return r.lazy.row(i)
	}
	if i >= 0 && i < len(r.box.Objects) {
		return r.box.Objects[i]
	}
	return nil
}

// forgetFields drops the registrations of the old rows so that "open this
// field" never lands on a widget no longer shown.
func (r *repeat[T]) forgetFields() {
	for p := range r.e.fields {
		if strings.HasPrefix(p, r.path+"[") {
			delete(r.e.fields, p)
		}
	}
}

func (r *repeat[T]) entry(i int) fyne.CanvasObject {
	it := &(*r.items)[i]
	path := fmt.Sprintf("%s[%d]", r.path, i)
	heading := widget.NewLabelWithStyle(r.title(i, it), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// Wrapped, not cut with an ellipsis: Fyne shapes a truncated label's
	// text afresh on every layout, the dearest part of a long group.
	heading.Wrapping = fyne.TextWrapWord
	r.headings[i] = heading

	up := widget.NewButtonWithIcon("", flatIcon(theme.MoveUpIcon()), func() { r.onMove(i, i-1) })
	down := widget.NewButtonWithIcon("", flatIcon(theme.MoveDownIcon()), func() { r.onMove(i, i+1) })
	remove := widget.NewButtonWithIcon("", flatIcon(theme.DeleteIcon()), func() { r.onRemove(i) })
	up.Importance, down.Importance, remove.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	if i == 0 {
		up.Disable()
	}
	if i == len(*r.items)-1 {
		down.Disable()
	}
	body := &fyne.Container{Layout: layout.NewVBoxLayout()}
	row := newFoldingRow(&fyne.Container{Layout: layout.NewVBoxLayout()})
	unfolded, folded := flatIcon(theme.MenuDropDownIcon()), flatIcon(theme.MenuExpandIcon())
	row.unfold = func() bool {
		if !r.isFolded(i) && len(body.Objects) > 0 {
			return false
		}
		r.setFolded(i, false)
		if len(body.Objects) == 0 {
			body.Add(r.row(i, path, it))
		}
		body.Show()
		row.toggle.SetIcon(unfolded)
		return true
	}
	row.toggle = widget.NewButtonWithIcon("", unfolded, func() {
		if body.Visible() && len(body.Objects) > 0 {
			r.setFolded(i, true)
			body.Hide()
			row.toggle.SetIcon(folded)
			return
		}
		row.unfold()
	})
	row.toggle.Importance = widget.LowImportance
	if r.isFolded(i) {
		body.Hide()
		row.toggle.Icon = folded
	} else {
		body.Objects = []fyne.CanvasObject{r.row(i, path, it)}
	}
	var toggle fyne.CanvasObject = row.toggle
	if r.flat {
		toggle = nil
	}
	header := container.NewBorder(nil, nil, toggle, container.NewHBox(up, down, remove), heading)
	// Objects are set before anything is laid out: Add lays out each time.
	row.Container.Objects = []fyne.CanvasObject{widget.NewSeparator(), header, body}
	r.e.Field(path, row)
	return row
}

// revealer is a registered object that hides the fields under it until asked;
// Editor.Open asks before looking for the field again.
type revealer interface{ reveal() bool }

// foldingRow is an entry of a repeating group that can fold to its heading.
// It is a widget, not a bare type around a container, so that Fyne walks
// into it to draw and focus what it holds.
type foldingRow struct {
	widget.BaseWidget
	Container *fyne.Container
	toggle    *widget.Button
	unfold    func() bool
}

func newFoldingRow(c *fyne.Container) *foldingRow {
	f := &foldingRow{Container: c}
	f.ExtendBaseWidget(f)
	return f
}

func (f *foldingRow) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(f.Container)
}

// reveal unfolds the entry; it reports whether it had to.
func (f *foldingRow) reveal() bool { return f.unfold() }

// retitle refreshes the entry headings after a name is typed.
func (r *repeat[T]) retitle() {
	for i, h := range r.headings {
		if h != nil && i < len(*r.items) {
			h.SetText(r.title(i, &(*r.items)[i]))
		}
	}
}

// titled makes an entry also refresh the headings as it is typed in.
func (r *repeat[T]) titled(w *widget.Entry) *widget.Entry {
	prev := w.OnChanged
	w.OnChanged = func(s string) {
		prev(s)
		r.retitle()
	}
	return w
}

func (r *repeat[T]) onAdd() {
	*r.items = append(*r.items, r.fresh())
	r.setFolded(len(*r.items)-1, false)
	r.afterChange()
	r.focusLast()
}

// focusLast puts the cursor in the first text box of the new entry, so a
// keyboard user can type at once.
func (r *repeat[T]) focusLast() {
	last := r.entryObject(len(*r.items) - 1)
	if last == nil {
		return
	}
	if f := firstFocusable(last); f != nil {
		r.e.win.Canvas().Focus(f)
	}
}

func firstFocusable(o fyne.CanvasObject) fyne.Focusable {
	switch w := o.(type) {
	case *widget.Entry:
		return w
	case *widget.SelectEntry:
		return w
	case *longText:
		return w
	case *foldingRow:
		return firstFocusable(w.Container)
	case *fyne.Container:
		for _, c := range w.Objects {
			if f := firstFocusable(c); f != nil {
				return f
			}
		}
	case *widget.Form:
		for _, it := range w.Items {
			if f := firstFocusable(it.Widget); f != nil {
				return f
			}
		}
	}
	return nil
}

func (r *repeat[T]) onMove(from, to int) {
	s := *r.items
	if from < 0 || to < 0 || from >= len(s) || to >= len(s) {
		return
	}
	s[from], s[to] = s[to], s[from]
	a, b := r.isFolded(from), r.isFolded(to)
	r.setFolded(from, b)
	r.setFolded(to, a)
	r.afterChange()
}

func (r *repeat[T]) onRemove(i int) {
	if i < 0 || i >= len(*r.items) {
		return
	}
	name := r.title(i, &(*r.items)[i])
	dialog.ShowConfirm("Remove "+r.noun+"?",
		fmt.Sprintf("Remove %s and all its answers from the draft?", name),
		func(ok bool) {
			if ok {
				r.removeAt(i)
			}
		}, r.e.win)
}

func (r *repeat[T]) removeAt(i int) {
	s := *r.items
	if i < 0 || i >= len(s) {
		return
	}
	*r.items = append(s[:i], s[i+1:]...)
	if i < len(r.folded) {
		r.folded = append(r.folded[:i], r.folded[i+1:]...)
	}
	r.afterChange()
}

func (r *repeat[T]) afterChange() {
	r.rebuild()
	if r.changed != nil {
		r.changed()
	}
	r.e.Changed()
}

// orDefault gives a readable stand-in for an empty name.
func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return s
}
