package flywheel

import (
	"errors"
	"fmt"
	"math"
	"sort"
)

// Errors of Simulate.
var (
	// ErrOverflow is returned when a level leaves the range of float64 (or
	// passes 1e300): the wheel is spinning faster than numbers can say.
	ErrOverflow = errors.New("flywheel: simulation overflowed")
	// ErrUnknownNode is returned when SimOptions.Push names a node the
	// document does not have.
	ErrUnknownNode = errors.New("flywheel: unknown node")
)

// Simulation bounds.
const (
	// DefaultSteps is the number of steps when SimOptions.Steps is 0.
	DefaultSteps = 20
	// MaxSteps is the most steps Simulate runs.
	MaxSteps = 10_000
	// MaxSimCells bounds steps × nodes, the size of the result (80 MB).
	MaxSimCells = 10_000_000
	overflowAt  = 1e300
)

// SimOptions configure Simulate.
type SimOptions struct {
	// Steps is how many steps to run; 0 means DefaultSteps.
	Steps int
	// Push is the change given to each named node at step 0. When empty,
	// the first node in the document is pushed by 1.
	Push map[string]float64
	// Capacity, when above 0, is a carrying capacity every level tends to:
	// a rise is scaled by (1 - level/Capacity), clamped to [0, 1], so growth
	// slows as levels fill up; a rise that would still pass the capacity
	// stops at it. Falls are not scaled, and a level at or above the
	// capacity (an initial value or a push may put it there) does not rise.
	Capacity float64
}

// Simulation is the spin-up of a wheel after a push.
type Simulation struct {
	// Nodes are the node IDs, in document order.
	Nodes []string `json:"nodes"`
	// Levels[t][i] is the level of Nodes[i] after step t; Levels[0] holds
	// the initial values plus the push.
	Levels [][]float64 `json:"levels"`
}

// Series returns the levels of one node over time, or nil for an unknown
// ID.
func (s *Simulation) Series(id string) []float64 {
	for i, n := range s.Nodes {
		if n == id {
			out := make([]float64, len(s.Levels))
			for t, row := range s.Levels {
				out[t] = row[i]
			}
			return out
		}
	}
	return nil
}

// Simulate spins the wheel from a push: each node's level starts at its
// Initial value plus its push, then
//
//	x_i(t+1) = x_i(t) + Σ over links j→i of sign·weight·Δx_j(t − delay)
//
// where Δx_j(t) = x_j(t) − x_j(t−1) is the change of the source (the push
// itself at t = 0, nothing before). So a change travels one link per step
// plus the link's delay. With a Capacity, rises are damped logistically and
// no rise carries a level past the capacity (see SimOptions.Capacity). A
// link whose weight is not finite (possible only for a Flywheel built in Go
// and not validated) is refused. When a level overflows Simulate returns the steps computed so far with an
// error wrapping ErrOverflow, never Inf or NaN.
func (f *Flywheel) Simulate(opts SimOptions) (*Simulation, error) {
	if err := f.checkSize(); err != nil {
		return nil, err
	}
	steps := opts.Steps
	if steps <= 0 {
		steps = DefaultSteps
	}
	n := len(f.Nodes)
	switch {
	case steps > MaxSteps:
		return nil, fmt.Errorf("%w: %d steps; Simulate runs at most %d", ErrGraphTooLarge, steps, MaxSteps)
	case n == 0:
		return nil, fmt.Errorf("%w: the wheel has no nodes", ErrUnknownNode)
	case (steps+1)*n > MaxSimCells:
		return nil, fmt.Errorf("%w: %d steps × %d nodes; Simulate keeps at most %d levels", ErrGraphTooLarge, steps, n, MaxSimCells)
	case opts.Capacity < 0 || !finite(opts.Capacity):
		return nil, fmt.Errorf("flywheel: capacity must be a finite number ≥ 0, not %v", opts.Capacity)
	}
	if err := f.checkWeights(); err != nil {
		return nil, err
	}
	idx := f.index()
	push := make([]float64, n)
	if len(opts.Push) == 0 {
		push[0] = 1
	}
	ids := make([]string, 0, len(opts.Push))
	for id := range opts.Push {
		ids = append(ids, id)
	}
	sort.Strings(ids) // report the same unknown node every time
	for _, id := range ids {
		i, ok := idx[id]
		if !ok {
			return nil, fmt.Errorf("%w %q in Push", ErrUnknownNode, id)
		}
		if v := opts.Push[id]; !finite(v) {
			return nil, fmt.Errorf("flywheel: push of %q must be finite, not %v", id, v)
		}
		push[i] += opts.Push[id]
	}
	g := newGraph(f)
	sim := &Simulation{Nodes: make([]string, n), Levels: make([][]float64, 1, steps+1)}
	cells := make([]float64, (steps+1)*n)
	base := make([]float64, n)
	for i, node := range f.Nodes {
		sim.Nodes[i] = node.ID
		if node.Initial != nil && finite(*node.Initial) {
			base[i] = *node.Initial
		}
	}
	sim.Levels[0] = cells[:n:n]
	for i := range base {
		sim.Levels[0][i] = base[i] + push[i]
	}
	change := func(t, j int) float64 {
		switch {
		case t < 0:
			return 0
		case t == 0:
			return push[j]
		}
		return sim.Levels[t][j] - sim.Levels[t-1][j]
	}
	for t := 0; t < steps; t++ {
		cur := sim.Levels[t]
		next := cells[(t+1)*n : (t+2)*n : (t+2)*n]
		copy(next, cur)
		for i := 0; i < n; i++ {
			in := 0.0
			for _, e := range g.rIn[g.rOff[i]:g.rOff[i+1]] {
				l := &f.Links[g.link[e]]
				in += l.Signed() * change(t-l.Delay, int(g.from[e]))
			}
			next[i] = cur[i] + in
			if k := opts.Capacity; k > 0 && in > 0 {
				// The discrete logistic step overshoots once the raw rise
				// exceeds the room left, so the rise also stops at the
				// capacity (exactly, whatever the rounding of the sum);
				// and a level below zero is damped by nothing, not
				// amplified.
				next[i] = cur[i]
				if cur[i] < k {
					next[i] = math.Min(cur[i]+in*math.Min(1, 1-cur[i]/k), k)
				}
			}
			if !finite(next[i]) || math.Abs(next[i]) > overflowAt {
				return sim, fmt.Errorf("%w at step %d: %q passed %g", ErrOverflow, t+1, f.Nodes[i].ID, overflowAt)
			}
		}
		sim.Levels = append(sim.Levels, next)
	}
	return sim, nil
}
