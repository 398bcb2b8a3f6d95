//go:build !race

package app

// raceEnabled gives deadlines room for the race detector's slowdown.
const raceEnabled = false
