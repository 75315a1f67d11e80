//go:build race

package strict

// raceEnabled: the race detector multiplies time and memory, so the tests
// that measure them on 8 MB inputs skip themselves.
const raceEnabled = true
