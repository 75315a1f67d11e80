//go:build unix

package prfaq

import "syscall"

// cpuTime returns the CPU time the process has used, user and system, in
// nanoseconds, so benchmarks on a shared machine can report the work done
// as well as the wall time taken.
func cpuTime() int64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}
