//go:build race

package storage_test

// raceSlowdown stretches the crash test's kill windows: the race detector
// makes a save of the large draft several times slower.
const raceSlowdown = 5
