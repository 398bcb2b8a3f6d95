package app

import (
	"sync"
	"time"

	"github.com/darsworkbench/dars-workbench/forms"
)

// autosaver writes every edit to the store off the UI goroutine. Edits that
// arrive while a save is running are coalesced: only the newest copy is
// written next, so a fast typist never queues up stale saves.
type autosaver struct {
	store   DraftSaver
	onSaved func(rev int64, at time.Time, err error)

	mu      sync.Mutex
	cond    *sync.Cond
	pending *forms.Application
	busy    bool
	closed  bool
}

func newAutosaver(store DraftSaver, onSaved func(rev int64, at time.Time, err error)) *autosaver {
	s := &autosaver{store: store, onSaved: onSaved}
	s.cond = sync.NewCond(&s.mu)
	go s.loop()
	return s
}

// submit queues a private copy of the draft for saving.
func (s *autosaver) submit(copy *forms.Application) {
	s.mu.Lock()
	s.pending = copy
	s.cond.Broadcast()
	s.mu.Unlock()
}

// flush blocks until everything submitted so far is written (or failed).
func (s *autosaver) flush() {
	s.mu.Lock()
	for s.pending != nil || s.busy {
		s.cond.Wait()
	}
	s.mu.Unlock()
}

// close flushes and stops the saver.
func (s *autosaver) close() {
	s.flush()
	s.mu.Lock()
	s.closed = true
	s.cond.Broadcast()
	s.mu.Unlock()
}

func (s *autosaver) loop() {
	for {
		s.mu.Lock()
		for s.pending == nil && !s.closed {
			s.cond.Wait()
		}
		if s.pending == nil && s.closed {
			s.mu.Unlock()
			return
		}
		a := s.pending
		s.pending = nil
		s.busy = true
		s.mu.Unlock()

		err := s.store.Save(a)
		if s.onSaved != nil {
			s.onSaved(a.Revision, time.Now(), err)
		}

		s.mu.Lock()
		s.busy = false
		s.cond.Broadcast()
		s.mu.Unlock()
	}
}
