package app

import (
	"sync"
	"testing"
	"time"
)

// reports holds each test UI's queue, for settle.
var reports sync.Map // *UI → *reportQueue

// reportQueue stands in for fyne.Do in tests. Fyne's test driver runs
// fyne.Do on the calling goroutine, so the autosaver's reports would touch
// widgets from the saver goroutine while the test types; queued instead, they
// run on the test's goroutine when it drains them.
type reportQueue struct {
	mu    sync.Mutex
	fs    []func()
	ready chan struct{} // has a value while reports wait
}

func (q *reportQueue) add(f func()) {
	q.mu.Lock()
	q.fs = append(q.fs, f)
	q.mu.Unlock()
	select {
	case q.ready <- struct{}{}:
	default:
	}
}

// drain runs the queued reports in order, on the caller's goroutine, and
// says whether there were any.
func (q *reportQueue) drain() bool {
	q.mu.Lock()
	fs := q.fs
	q.fs = nil
	q.mu.Unlock()
	for _, f := range fs {
		f()
	}
	return len(fs) > 0
}

// runUntil runs reports on the caller's goroutine as they arrive until wait
// returns, for work whose completion is itself a report (attaching a file).
func (q *reportQueue) runUntil(t testing.TB, wait func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { wait(); close(done) }()
	deadline := time.After(time.Minute)
	for {
		q.drain()
		select {
		case <-done:
			q.drain()
			return
		case <-q.ready:
		case <-deadline:
			t.Fatal("the background work did not report back within a minute")
		}
	}
}

// queueReports makes u queue its cross-goroutine UI work; the returned queue
// is drained by the test when it wants the reports applied.
func queueReports(u *UI) *reportQueue {
	q := &reportQueue{ready: make(chan struct{}, 1)}
	u.do = q.add
	reports.Store(u, q)
	return q
}

// settle lets u's background work finish as the app would, without sleeping:
// it waits until nothing runs off the UI goroutine, applies what the work
// handed back (which may start more, as an attachment hands its draft to
// the autosaver), and repeats until all is quiet.
func settle(u *UI) {
	v, _ := reports.Load(u)
	q := v.(*reportQueue)
	for {
		u.bg.idle()
		if !q.drain() {
			return
		}
	}
}
