package app

import "sync"

// background keeps count of the work running off the UI goroutine that
// writes to the store or to a file the user asked for (autosaves,
// attachments, exports, library files), so that quitting waits for it and
// no edit or file is lost because a window closed or the app stopped.
//
// A task has two halves: its work, on a goroutine of its own, and an ending
// that shows the result and may change an open draft. While the app runs,
// endings run on the UI goroutine (through post). Once stop is called the UI
// is gone: endings run straight away on the goroutine that finished the
// work, one at a time, told so (live false), so they change only the model
// and the store.
type background struct {
	post func(func()) // hands a function to the UI goroutine

	mu      sync.Mutex
	changed *sync.Cond
	tasks   int // tasks whose work or ending has not finished
	working int // tasks whose work half has not finished (tests wait on this)
	endings []func(live bool)
	stopped bool

	serial sync.Mutex // endings run one at a time once stopped
}

func newBackground(post func(func())) *background {
	b := &background{post: post}
	b.changed = sync.NewCond(&b.mu)
	return b
}

// run starts work on its own goroutine; the function work returns, if any,
// is its ending.
func (b *background) run(work func() func(live bool)) {
	b.add()
	go func() {
		// The ending is queued before the work counts as done, so idle
		// never returns between the two.
		b.end(work())
		b.mu.Lock()
		b.working--
		b.changed.Broadcast()
		b.mu.Unlock()
	}()
}

// add counts a task whose goroutine the caller manages (an autosaver's);
// the caller must call done once its work is finished.
func (b *background) add() {
	b.mu.Lock()
	b.tasks++
	b.working++
	b.mu.Unlock()
}

// done ends a task counted with add.
func (b *background) done() {
	b.mu.Lock()
	b.tasks--
	b.working--
	b.changed.Broadcast()
	b.mu.Unlock()
}

func (b *background) finish() {
	b.mu.Lock()
	b.tasks--
	b.changed.Broadcast()
	b.mu.Unlock()
}

func (b *background) end(f func(live bool)) {
	if f == nil {
		b.finish()
		return
	}
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		b.runStopped(f)
		return
	}
	b.endings = append(b.endings, f)
	b.mu.Unlock()
	b.post(b.runEndings)
}

// runEndings runs the endings waiting for the UI goroutine, on it.
func (b *background) runEndings() {
	b.mu.Lock()
	if b.stopped {
		b.mu.Unlock()
		return // stop runs them itself
	}
	fs := b.endings
	b.endings = nil
	b.mu.Unlock()
	for _, f := range fs {
		f(true)
		b.finish()
	}
}

func (b *background) runStopped(f func(live bool)) {
	b.serial.Lock()
	f(false)
	b.serial.Unlock()
	b.finish()
}

// isStopped reports whether the UI has gone.
func (b *background) isStopped() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.stopped
}

// stop says the UI is gone and waits until every task has finished, its
// ending included. Tasks started meanwhile (an ending may hand a draft to
// its autosaver) are waited for too. Calling it again only waits.
func (b *background) stop() {
	b.mu.Lock()
	b.stopped = true
	fs := b.endings
	b.endings = nil
	b.mu.Unlock()
	for _, f := range fs {
		b.runStopped(f)
	}
	b.wait()
}

// wait waits until every task has finished, its ending included; while the
// UI runs, endings need the UI goroutine, so never call it there.
func (b *background) wait() {
	b.mu.Lock()
	for b.tasks > 0 {
		b.changed.Wait()
	}
	b.mu.Unlock()
}
