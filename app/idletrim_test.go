package app

import (
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// The trim runs once, after the last of a burst of screens, and not at all
// when stopped first.
func TestIdleTrimRunsOnceAfterTheLastScreen(t *testing.T) {
	var runs atomic.Int32
	tr := &idleTrim{after: 50 * time.Millisecond, free: func() { runs.Add(1) }}
	for i := 0; i < 5; i++ {
		tr.soon()
		time.Sleep(10 * time.Millisecond)
	}
	assert.Eventually(t, func() bool { return runs.Load() == 1 }, 2*time.Second, 5*time.Millisecond)
	time.Sleep(100 * time.Millisecond)
	assert.EqualValues(t, 1, runs.Load(), "one trim for the burst")

	tr.soon()
	tr.stop()
	time.Sleep(100 * time.Millisecond)
	assert.EqualValues(t, 1, runs.Load(), "a stopped trim never runs")
}
