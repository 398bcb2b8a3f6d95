package app

import (
	"sync"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// autosaver writes every edit to the store off the UI goroutine. Edits that
// arrive while a save is running are coalesced: only the newest copy is
// written next, so a fast typist never queues up stale saves.
//
// A goroutine runs only while there is something to write, and one is
// started by any submit that finds none: so a change submitted after the
// window closed is still written, and flush never waits on a goroutine that
// has gone. Each run is counted in bg, so quitting waits for the last save.
type autosaver struct {
	store   DraftSaver
	onSaved func(rev int64, at time.Time, err error)
	bg      *background // nil in tests of the saver alone

	mu      sync.Mutex
	idle    *sync.Cond
	pending *forms.Application
	running bool
}

func newAutosaver(store DraftSaver, bg *background, onSaved func(rev int64, at time.Time, err error)) *autosaver {
	s := &autosaver{store: store, bg: bg, onSaved: onSaved}
	s.idle = sync.NewCond(&s.mu)
	return s
}

// submit queues a private copy of the draft for saving.
func (s *autosaver) submit(copy *forms.Application) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pending = copy
	if s.running {
		return
	}
	s.running = true
	if s.bg != nil {
		s.bg.add()
	}
	go s.run()
}

// flush blocks until everything submitted so far is written (or failed).
func (s *autosaver) flush() {
	s.mu.Lock()
	for s.running {
		s.idle.Wait()
	}
	s.mu.Unlock()
}

// close writes what is pending, when a draft's window closes. The saver
// stays usable: a later submit is saved too.
func (s *autosaver) close() { s.flush() }

func (s *autosaver) run() {
	for {
		s.mu.Lock()
		a := s.pending
		if a == nil {
			s.running = false
			s.idle.Broadcast()
			s.mu.Unlock()
			if s.bg != nil {
				s.bg.done()
			}
			return
		}
		s.pending = nil
		s.mu.Unlock()

		err := s.store.Save(a)
		if s.onSaved != nil {
			s.onSaved(a.Revision, time.Now(), err)
		}
	}
}
