package app

import (
	"runtime/debug"
	"sync"
	"time"
)

// idleTrim hands the memory a screen's construction left behind back to the
// system once the app has been idle for a moment. Building a large section
// leaves the Go heap holding twice what it uses (the collector's headroom),
// and the runtime returns the spare pages only slowly; a person who opens a
// large draft and reads it should not see the app hold on to them.
type idleTrim struct {
	mu      sync.Mutex
	pending stopper
	delay   time.Duration
	free    func()                              // debug.FreeOSMemory, or a test's stand-in
	after   func(time.Duration, func()) stopper // time.AfterFunc, or a test's clock
}

type stopper interface{ Stop() bool }

func newIdleTrim(delay time.Duration) *idleTrim {
	return &idleTrim{delay: delay, free: func() { debug.FreeOSMemory(); trimCHeap() },
		after: func(d time.Duration, f func()) stopper { return time.AfterFunc(d, f) }}
}

// soon (re)starts the wait: the trim runs once nothing has been built for
// the whole delay, on a goroutine of its own.
func (t *idleTrim) soon() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pending != nil {
		t.pending.Stop()
	}
	t.pending = t.after(t.delay, t.free)
}

// stop cancels a pending trim (the app is quitting).
func (t *idleTrim) stop() {
	if t == nil {
		return
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.pending != nil {
		t.pending.Stop()
		t.pending = nil
	}
}
