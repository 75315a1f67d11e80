//go:build race

package sweep

// raceEnabled: the race detector slows Run's cases past their time bound.
const raceEnabled = true
