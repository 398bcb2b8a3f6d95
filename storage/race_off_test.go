//go:build !race

package storage_test

// raceEnabled shortens the crash test under the race detector.
const raceEnabled = false
