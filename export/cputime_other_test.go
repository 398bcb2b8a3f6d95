//go:build !unix

package export_test

import "time"

// processCPU is not measured where getrusage does not exist (Windows): the
// reader cost tests then log a CPU time of 0 and still check memory.
func processCPU() time.Duration { return 0 }
