package app

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// fakeTimer is one scheduled trim: it runs only when the test says so, and
// not at all once stopped.
type fakeTimer struct {
	f       func()
	stopped bool
}

func (f *fakeTimer) Stop() bool { was := !f.stopped; f.stopped = true; return was }

// The trim runs once, after the last of a burst of screens, and not at all
// when stopped first.
func TestIdleTrimRunsOnceAfterTheLastScreen(t *testing.T) {
	runs := 0
	var timers []*fakeTimer
	tr := &idleTrim{delay: time.Second, free: func() { runs++ },
		after: func(d time.Duration, f func()) stopper {
			assert.Equal(t, time.Second, d)
			ft := &fakeTimer{f: f}
			timers = append(timers, ft)
			return ft
		}}
	for i := 0; i < 5; i++ {
		tr.soon()
	}
	waiting := 0
	for _, ft := range timers {
		if !ft.stopped {
			waiting++
			ft.f()
		}
	}
	assert.Equal(t, 1, waiting, "each screen puts the trim off; one waits for the last")
	assert.Equal(t, 1, runs)

	tr.soon()
	tr.stop()
	assert.True(t, timers[len(timers)-1].stopped, "quitting cancels a waiting trim")
	var nilTrim *idleTrim
	nilTrim.soon() // a UI made without one (tests) is not a crash
	nilTrim.stop()
}
