package app

import "sync"

// reports holds each test UI's queue, for settle.
var reports sync.Map // *UI → *reportQueue

// reportQueue stands in for fyne.Do in tests. Fyne's test driver runs
// fyne.Do on the calling goroutine, so the autosaver's reports would touch
// widgets from the saver goroutine while the test types; queued instead, they
// run on the test's goroutine when it drains them.
type reportQueue struct {
	mu sync.Mutex
	fs []func()
}

func (q *reportQueue) add(f func()) {
	q.mu.Lock()
	q.fs = append(q.fs, f)
	q.mu.Unlock()
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

// queueReports makes u queue its cross-goroutine UI work; the returned queue
// is drained by the test when it wants the reports applied.
func queueReports(u *UI) *reportQueue {
	q := &reportQueue{}
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

// idle waits until no task's work half is running: every ending is then
// waiting for the UI goroutine (tests drain it) or has run.
func (b *background) idle() {
	b.mu.Lock()
	for b.working > 0 {
		b.changed.Wait()
	}
	b.mu.Unlock()
}
