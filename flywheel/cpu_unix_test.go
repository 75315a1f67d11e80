//go:build unix

package flywheel

import (
	"syscall"
	"testing"
	"time"
)

// cpuTime is the CPU time this process has used, user and system, across
// all its threads (the collector's included).
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// reportCPU adds the CPU milliseconds per operation since start to b's
// figures: on a machine shared with other work the wall time measures the
// load as much as the code, and the CPU time does not.
func reportCPU(b *testing.B, start time.Duration) {
	b.ReportMetric(float64(cpuTime()-start)/1e6/float64(b.N), "cpu-ms/op")
}
