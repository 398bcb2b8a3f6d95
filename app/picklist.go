package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pickList edits a list of items known by ID: the list above, add and
// remove buttons, and under them the form of the selected item. Unlike
// repeat, which shows every entry's form at once, it suits items that are
// also picked elsewhere (a box tapped on the data flow map).
//
// Every edit goes through update, which replaces the item as a whole, so
// the model can note what the user changed (the map marks derived items as
// edited).
type pickList[T any] struct {
	e    *Editor
	noun string
	// items returns the list as it is now; it may be reallocated by edits.
	items func() []T
	id    func(T) string
	title func(items []T, i int) string
	// none is shown in place of the form while nothing is selected.
	none string
	// add puts a new item in the model and returns its ID.
	add func() string
	// confirm, if set, asks before removing: it gives the question.
	confirm func(T) string
	drop    func(id string)
	put     func(T)
	// form builds the selected item's form; its inputs are the widgets a
	// finding can focus, by field name ("" for the form as a whole).
	form func(cur T) (obj fyne.CanvasObject, inputs map[string]fyne.Focusable)
	// changed runs after every edit, add and removal.
	changed func()

	list     *widget.List
	box      *fyne.Container
	inputs   map[string]fyne.Focusable
	selected string
	object   fyne.CanvasObject
}

// build makes the widgets; call it once the fields above are set.
func (l *pickList[T]) build() *pickList[T] {
	l.box = container.NewVBox()
	l.list = widget.NewList(
		func() int { return len(l.items()) },
		func() fyne.CanvasObject { return widget.NewLabel(l.noun) },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if items := l.items(); i < len(items) {
				o.(*widget.Label).SetText(l.title(items, i))
			}
		})
	l.list.OnSelected = func(i widget.ListItemID) {
		if items := l.items(); i < len(items) {
			l.selected = l.id(items[i])
			l.buildForm()
		}
	}
	add := widget.NewButtonWithIcon("Add "+l.noun, theme.ContentAddIcon(), l.onAdd)
	remove := widget.NewButtonWithIcon("Remove "+l.noun, theme.DeleteIcon(), l.onRemove)
	list := container.NewBorder(nil, container.NewHBox(add, remove), nil, nil, fixedHeight(l.list, 200, 150))
	l.object = container.NewVBox(list, widget.NewSeparator(), l.box)
	l.buildForm()
	return l
}

func (l *pickList[T]) lookup(id string) (T, bool) {
	for _, it := range l.items() {
		if id != "" && l.id(it) == id {
			return it, true
		}
	}
	var zero T
	return zero, false
}

// reload follows a model changed behind the list's back.
func (l *pickList[T]) reload() {
	if _, ok := l.lookup(l.selected); !ok {
		l.selected = ""
	}
	l.list.Refresh()
	l.buildForm()
}

func (l *pickList[T]) selectID(id string) {
	for i, it := range l.items() {
		if l.id(it) == id {
			l.list.Select(i)
			return
		}
	}
}

func (l *pickList[T]) onAdd() {
	id := l.add()
	l.changed()
	l.list.Refresh()
	l.selectID(id)
}

func (l *pickList[T]) onRemove() {
	cur, ok := l.lookup(l.selected)
	if !ok {
		return
	}
	if l.confirm == nil {
		l.remove(l.selected)
		return
	}
	id := l.selected
	dialog.ShowConfirm("Remove "+l.noun, l.confirm(cur), func(yes bool) {
		if yes {
			l.remove(id)
		}
	}, l.e.Window())
}

func (l *pickList[T]) remove(id string) {
	l.drop(id)
	l.list.UnselectAll()
	l.selected = ""
	l.reload()
	l.changed()
}

// update applies an edit to the selected item.
func (l *pickList[T]) update(edit func(*T)) {
	cur, ok := l.lookup(l.selected)
	if !ok {
		return
	}
	edit(&cur)
	l.put(cur)
	l.list.Refresh()
	l.changed()
}

func (l *pickList[T]) buildForm() {
	l.box.RemoveAll()
	cur, ok := l.lookup(l.selected)
	if !ok {
		l.inputs = nil
		l.box.Add(Hint(l.none))
	} else {
		obj, inputs := l.form(cur)
		l.inputs = inputs
		l.box.Add(obj)
	}
	l.box.Refresh()
}
