package app

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// gcSettings reads the collector's percentage and memory limit without
// changing them (debug.SetGCPercent would, for a moment, and a resume on
// the timer's goroutine could land in that moment).
func gcSettings() (int, int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	// GOGC=off is -1 stored in a uint64: the conversion gives it back.
	return int(int64(s[0].Value.Uint64())), int64(s[1].Value.Uint64())
}

func TestPauseGCRestsTheCollectorUntilResumedAndPutsBackTheSettings(t *testing.T) {
	p0, l0 := gcSettings()
	t.Cleanup(func() { debug.SetGCPercent(p0); debug.SetMemoryLimit(l0) })
	for _, tc := range []struct {
		name              string
		percent           int
		limit, whileLimit int64
	}{
		{"defaults", 100, 1<<63 - 1, startGCLimit},
		{"GOGC set", 250, 1<<63 - 1, startGCLimit},
		{"GOGC off", -1, 1<<63 - 1, startGCLimit},
		{"a higher GOMEMLIMIT", 100, 1 << 30, startGCLimit},
		{"a lower GOMEMLIMIT is kept", 100, 64 << 20, 64 << 20},
	} {
		t.Run(tc.name, func(t *testing.T) {
			debug.SetGCPercent(tc.percent)
			debug.SetMemoryLimit(tc.limit)
			resume := pauseGC(time.Hour)
			p, l := gcSettings()
			assert.Equal(t, -1, p, "collector off while the app starts")
			assert.Equal(t, tc.whileLimit, l, "heap bounded while it rests")
			resume()
			p, l = gcSettings()
			assert.Equal(t, tc.percent, p)
			assert.Equal(t, tc.limit, l)
			// A second resume (the timer's, after the frame's) changes
			// nothing set since.
			debug.SetGCPercent(tc.percent + 7)
			resume()
			p, _ = gcSettings()
			assert.Equal(t, tc.percent+7, p)
		})
	}
}

// Should the first frame never come, the collector resumes by itself.
func TestPauseGCResumesByItselfAfterTheLongestRest(t *testing.T) {
	p0, l0 := gcSettings()
	t.Cleanup(func() { debug.SetGCPercent(p0); debug.SetMemoryLimit(l0) })
	debug.SetGCPercent(100)
	pauseGC(20 * time.Millisecond)
	p, _ := gcSettings()
	require.Equal(t, -1, p)
	require.Eventually(t, func() bool { p, _ := gcSettings(); return p == 100 }, 5*time.Second, 5*time.Millisecond)
}
