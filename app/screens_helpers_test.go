package app

import (
	"errors"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/require"

	"github.com/darsworkbench/dars-workbench/forms"
	"github.com/darsworkbench/dars-workbench/storage"
)

// memStore keeps drafts as JSON in memory, so screen tests exercise the UI
// and autosave without a database.
type memStore struct {
	mu     sync.Mutex
	drafts map[string][]byte
}

func (m *memStore) Create(a *forms.Application) error { return m.Save(a) }

func (m *memStore) Save(a *forms.Application) error {
	b, err := forms.Encode(a)
	if err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.drafts[a.ID] = b
	return nil
}

func (m *memStore) Load(id string) (*forms.Application, error) {
	m.mu.Lock()
	b, ok := m.drafts[id]
	m.mu.Unlock()
	if !ok {
		return nil, forms.ErrNotFound
	}
	return forms.Decode(b)
}

func (m *memStore) List() ([]storage.DraftInfo, error)        { return nil, nil }
func (m *memStore) ListDeleted() ([]storage.DraftInfo, error) { return nil, nil }
func (m *memStore) Rename(string, string) error               { return nil }
func (m *memStore) Duplicate(string) (*forms.Application, error) {
	return nil, errors.New("not in tests")
}
func (m *memStore) Delete(string) error  { return nil }
func (m *memStore) Restore(string) error { return nil }
func (m *memStore) Purge(string) error   { return nil }
func (m *memStore) Snapshot(string, string) (storage.SnapshotInfo, error) {
	return storage.SnapshotInfo{}, nil
}
func (m *memStore) SnapshotOf(*forms.Application, string) (storage.SnapshotInfo, error) {
	return storage.SnapshotInfo{}, nil
}
func (m *memStore) Snapshots(string) ([]storage.SnapshotInfo, error) { return nil, nil }
func (m *memStore) RestoreSnapshot(string, int64) error              { return nil }
func (m *memStore) LoadSnapshot(int64) (*forms.Application, error) {
	return nil, forms.ErrNotFound
}

// openSection opens draft a in an editor backed by an in-memory store and
// shows one section's screen.
func openSection(t testing.TB, a *forms.Application, id forms.SectionID) *Editor {
	t.Helper()
	test.NewTempApp(t)
	store := &memStore{drafts: map[string][]byte{}}
	require.NoError(t, store.Create(a))
	u := New(fyne.CurrentApp(), store)
	queueReports(u)
	e := newEditor(u, a)
	t.Cleanup(e.save.close)
	e.showSection(id)
	return e
}

// switchDraft puts another draft in an open editor and shows a section:
// building an editor takes a while on the test driver, and table tests need
// a fresh draft per case, not a fresh window.
func switchDraft(t *testing.T, e *Editor, a *forms.Application, id forms.SectionID) {
	t.Helper()
	e.save.flush()
	require.NoError(t, e.ui.store.Create(a))
	e.app = a
	e.evaluate()
	e.showSection(id)
}

// field is the widget registered for a field path, of the type the test expects.
func field[T fyne.CanvasObject](t *testing.T, e *Editor, path string) T {
	t.Helper()
	obj, ok := e.fields[path]
	require.True(t, ok, "no widget registered for %s", path)
	w, ok := obj.(T)
	require.True(t, ok, "widget for %s is a %T", path, obj)
	return w
}

// shown reports whether obj is on the section's screen and every container
// holding it is visible: what a person could actually see.
func shown(e *Editor, obj fyne.CanvasObject) bool {
	var walk func(o fyne.CanvasObject) (found, visible bool)
	walk = func(o fyne.CanvasObject) (bool, bool) {
		if o == obj {
			return true, o.Visible()
		}
		var kids []fyne.CanvasObject
		switch w := o.(type) {
		case *foldingRow:
			kids = []fyne.CanvasObject{w.Container}
		case *fyne.Container:
			kids = w.Objects
		case *widget.Form:
			for _, it := range w.Items {
				kids = append(kids, it.Widget)
			}
		case *widget.Accordion:
			for _, it := range w.Items {
				kids = append(kids, it.Detail)
			}
		default:
			if wid, ok := o.(fyne.Widget); ok {
				kids = test.WidgetRenderer(wid).Objects()
			}
		}
		for _, k := range kids {
			if found, vis := walk(k); found {
				return true, vis && o.Visible()
			}
		}
		return false, false
	}
	_, vis := walk(e.body.Content)
	return vis
}

// findButton finds the first button under o whose text, or whose icon's
// name, is text: rows' move and remove buttons have icons only.
func findButton(o fyne.CanvasObject, text string) *widget.Button {
	switch w := o.(type) {
	case *widget.Button:
		if w.Text == text || (w.Text == "" && w.Icon != nil && w.Icon.Name() == text) {
			return w
		}
	case *foldingRow:
		return findButton(w.Container, text)
	case *fyne.Container:
		for _, k := range w.Objects {
			if b := findButton(k, text); b != nil {
				return b
			}
		}
	case *widget.Form:
		for _, it := range w.Items {
			if b := findButton(it.Widget, text); b != nil {
				return b
			}
		}
	case *widget.Entry, *widget.SelectEntry, *widget.Select:
		return nil
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(w).Objects() {
			if b := findButton(k, text); b != nil {
				return b
			}
		}
	}
	return nil
}

// rowButton taps-ready button of a repeating group's entry: "up", "down" or "remove".
func rowButton(t *testing.T, e *Editor, rowPath, which string) *widget.Button {
	t.Helper()
	icon := map[string]fyne.Resource{"up": theme.MoveUpIcon(), "down": theme.MoveDownIcon(), "remove": theme.DeleteIcon()}[which]
	b := findButton(field[*foldingRow](t, e, rowPath).Container, icon.Name())
	require.NotNil(t, b, "no %s button in %s", which, rowPath)
	return b
}

// confirm taps the confirm button of the dialog on top of the window.
func confirm(t *testing.T, e *Editor, label string) {
	t.Helper()
	top := e.win.Canvas().Overlays().Top()
	require.NotNil(t, top, "no dialog shown")
	b := findButton(top, label)
	require.NotNil(t, b, "no %q button in the dialog", label)
	test.Tap(b)
}

// labelsUnder lists the text of every label under o, in order.
func labelsUnder(o fyne.CanvasObject) []string {
	var out []string
	switch w := o.(type) {
	case *widget.Label:
		out = append(out, w.Text)
	case *foldingRow:
		out = append(out, labelsUnder(w.Container)...)
	case *fyne.Container:
		for _, k := range w.Objects {
			out = append(out, labelsUnder(k)...)
		}
	case *widget.Form:
		for _, it := range w.Items {
			out = append(out, labelsUnder(it.Widget)...)
		}
	case *widget.Entry, *widget.SelectEntry, *widget.Select:
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(w).Objects() {
			out = append(out, labelsUnder(k)...)
		}
	}
	return out
}

// labelWith finds the label under o whose text starts with prefix.
func labelWith(o fyne.CanvasObject, prefix string) *widget.Label {
	switch w := o.(type) {
	case *widget.Label:
		if strings.HasPrefix(w.Text, prefix) {
			return w
		}
	case *foldingRow:
		return labelWith(w.Container, prefix)
	case *fyne.Container:
		for _, k := range w.Objects {
			if l := labelWith(k, prefix); l != nil {
				return l
			}
		}
	case *widget.Entry, *widget.SelectEntry, *widget.Select:
	case fyne.Widget:
		for _, k := range test.WidgetRenderer(w).Objects() {
			if l := labelWith(k, prefix); l != nil {
				return l
			}
		}
	}
	return nil
}
