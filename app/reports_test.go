package app

import "sync"

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

// drain runs the queued reports in order, on the caller's goroutine.
func (q *reportQueue) drain() {
	q.mu.Lock()
	fs := q.fs
	q.fs = nil
	q.mu.Unlock()
	for _, f := range fs {
		f()
	}
}

// queueReports makes u queue its cross-goroutine UI work; the returned queue
// is drained by the test when it wants the reports applied.
func queueReports(u *UI) *reportQueue {
	q := &reportQueue{}
	u.do = q.add
	return q
}
