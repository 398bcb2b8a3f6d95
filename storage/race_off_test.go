//go:build !race

package storage_test

// raceSlowdown stretches the crash test's kill windows under -race.
const raceSlowdown = 1
