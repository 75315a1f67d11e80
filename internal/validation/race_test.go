//go:build race

package validation_test

// raceEnabled: the race detector makes sync.Pool drop what it holds, so
// allocation counts mean nothing.
const raceEnabled = true
