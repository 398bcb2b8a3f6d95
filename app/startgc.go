package app

import (
	"runtime/debug"
	"sync"
	"time"
)

// startGCLimit bounds the heap while the collector rests at start-up: the
// runtime collects anyway if it nears this. Start-up allocates some 30 MB.
const startGCLimit = 256 << 20

// startGCMaxRest is the longest the collector rests, should the first frame
// never come (a start-up error window, a test's app).
const startGCMaxRest = 3 * time.Second

// pauseGC stops the garbage collector until the returned resume is called,
// or maxRest has passed. Start-up parses fonts and builds the first
// window, allocating some 30 MB fast from an empty heap: the collector ran
// six times before the first frame, on the two cores that the fonts, the
// database and the window already share. Resting it took cold start from
// about 1.03× a bare Fyne window to about 0.85× (make bench), and the idle
// memory did not grow: the heap is collected as soon as the frame is up.
// resume puts back the settings from before (GOGC and GOMEMLIMIT included),
// and may be called any number of times.
func pauseGC(maxRest time.Duration) (resume func()) {
	limit := debug.SetMemoryLimit(-1)
	percent := debug.SetGCPercent(-1)
	if limit > startGCLimit {
		debug.SetMemoryLimit(startGCLimit)
	}
	var once sync.Once
	resume = func() {
		once.Do(func() {
			debug.SetGCPercent(percent)
			debug.SetMemoryLimit(limit)
		})
	}
	time.AfterFunc(maxRest, resume)
	return resume
}
