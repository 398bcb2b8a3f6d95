package app

import (
	"hash/maphash"

	"fyne.io/fyne/v2"

	"github.com/darsworkbench/dars-workbench/forms"
)

// keptScreens are the screens of the sections a window has shown and left,
// so that going back to one shows it at once, as it was left, instead of
// building it again (building the screen of a large section takes tens of
// milliseconds; showing a kept one, a layout). A kept screen is used only
// while the draft is as it was when the screen was left: the same draft,
// no edit since (its widgets hold pointers into the draft's lists, which an
// edit elsewhere may have moved), and the same content, by a hash of the
// draft, in case anything changed it without telling the window.
type keptScreens struct {
	by   map[forms.SectionID]*keptScreen
	seed maphash.Seed
}

type keptScreen struct {
	object              fyne.CanvasObject
	fields              map[string]fyne.CanvasObject
	listeners, scrolled []func()
	resolvers           []func(string)
	evidence            *evidenceView
	offset              fyne.Position

	app   *forms.Application
	edits uint64
	sum   uint64
}

// leave keeps the screen of section from, now shown, for going back to
// it, and returns the kept screen of section to if it still shows the
// draft as it is (forgetting it either way).
func (k *keptScreens) leave(e *Editor, from, to forms.SectionID) *keptScreen {
	if k.by == nil {
		k.by, k.seed = map[forms.SectionID]*keptScreen{}, maphash.MakeSeed()
	}
	now := k.sum(e.app)
	if e.body.Content != nil {
		k.by[from] = &keptScreen{
			object: e.body.Content, fields: e.fields, listeners: e.listeners, scrolled: e.scrolled,
			resolvers: e.resolvers, evidence: e.evidence, offset: e.body.Offset,
			app: e.app, edits: e.edits, sum: now,
		}
	}
	s := k.by[to]
	if s == nil {
		return nil
	}
	delete(k.by, to)
	if s.app != e.app || s.edits != e.edits || s.sum != now {
		return nil
	}
	return s
}

// forget drops every kept screen: what they show has changed.
func (k *keptScreens) forget() { clear(k.by) }

// sum is a hash of the draft as it would be saved.
func (k *keptScreens) sum(a *forms.Application) uint64 {
	b, err := forms.Encode(a)
	if err != nil {
		return 0
	}
	return maphash.Bytes(k.seed, b)
}
