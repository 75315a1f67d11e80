//go:build race

package main

// raceEnabled is set when the tests run under the race detector, which
// makes the largest trees too slow to be worth walking in full.
const raceEnabled = true
