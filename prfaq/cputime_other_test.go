//go:build !unix

package prfaq

// cpuTime is not measured here; benchmarks then report no CPU time.
func cpuTime() int64 { return 0 }
