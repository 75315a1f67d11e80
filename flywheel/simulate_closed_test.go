package flywheel

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// loopOf returns one loop n0 → n1 → … → n0 whose link i (from n_i) has
// the signed weight w[i] and the delay d[i].
func loopOf(w []float64, d []int) *Flywheel {
	k := len(w)
	f := &Flywheel{Name: fmt.Sprintf("loop of %d", k)}
	for i := 0; i < k; i++ {
		f.Nodes = append(f.Nodes, Node{ID: fmt.Sprintf("n%d", i)})
	}
	for i := 0; i < k; i++ {
		abs, sign := math.Abs(w[i]), Positive
		if w[i] < 0 {
			sign = Negative
		}
		f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[(i+1)%k].ID, Polarity: sign, Weight: &abs, Delay: d[i]})
	}
	return f
}

// loopLevel is the closed form of a single loop pushed by 1 at n0.
//
// Derivation. A change of the source arrives at the target 1 + delay
// steps later multiplied by the signed weight, and only changes travel.
// The push Δn0(0) = 1 therefore reaches n_m first at
// s_m = m + Σ_{i<m} d_i with size P_m = Π_{i<m} w_i, and comes back to n0
// after the period T = k + Σ d_i multiplied by the loop gain G = Π w_i.
// Each node changes only at s_m + qT, by P_m·G^q, so its level is the
// partial geometric sum
//
//	x_m(t) = P_m · Σ_{q=0..Q} G^q = P_m · (G^{Q+1} − 1)/(G − 1),
//	Q = ⌊(t − s_m)/T⌋,
//
// and 0 before s_m (Q+1 terms when G = 1). A balancing loop is the case
// G < 0: the partial sums alternate.
func loopLevel(w []float64, d []int, m, t int) float64 {
	k := len(w)
	s, p, g, period := 0, 1.0, 1.0, k
	for i := 0; i < k; i++ {
		if i < m {
			s += 1 + d[i]
			p *= w[i]
		}
		g *= w[i]
		period += d[i]
	}
	if t < s {
		return 0
	}
	q := (t - s) / period
	if g == 1 {
		return p * float64(q+1)
	}
	return p * (math.Pow(g, float64(q+1)) - 1) / (g - 1)
}

func TestSimulateLoopClosedForms(t *testing.T) {
	for _, c := range []struct {
		name string
		w    []float64
		d    []int
	}{
		{"reinforcing 3-loop", []float64{1.2, 0.5, 2}, []int{0, 0, 0}},
		{"reinforcing 5-loop", []float64{1.1, 0.9, 1.3, 0.7, 1.25}, []int{0, 0, 0, 0, 0}},
		{"four links of 1.5", []float64{1.5, 1.5, 1.5, 1.5}, []int{0, 0, 0, 0}},
		{"reinforcing with two minus links", []float64{-1.2, 0.8, -1.1}, []int{0, 0, 0}},
		{"fading loop", []float64{0.5, 0.9}, []int{0, 0}},
		{"gain exactly 1", []float64{2, 0.5}, []int{0, 0}},
		// Balancing: a → b (+0.8), b → a (−0.5); G = −0.4 and a's level
		// (1 − (−0.4)^{Q+1})/1.4 alternates towards 1/1.4.
		{"balancing 2-loop", []float64{0.8, -0.5}, []int{0, 0}},
		// Balancing and growing: the swings widen by 2.25 a turn.
		{"growing oscillation", []float64{1.5, -1.5}, []int{0, 0}},
		{"delay on the first link", []float64{1.5, 0.8}, []int{3, 0}},
		{"delay on the second link", []float64{1.5, 0.8}, []int{0, 2}},
		{"delays on a 3-loop", []float64{1.1, -0.9, -1.2}, []int{1, 0, 4}},
	} {
		t.Run(c.name, func(t *testing.T) {
			const steps = 60
			sim, err := loopOf(c.w, c.d).Simulate(SimOptions{Steps: steps})
			require.NoError(t, err)
			require.Len(t, sim.Levels, steps+1)
			for step, row := range sim.Levels {
				for m, x := range row {
					want := loopLevel(c.w, c.d, m, step)
					assert.InDelta(t, want, x, 1e-9*math.Max(1, math.Abs(want)), "n%d at step %d", m, step)
				}
			}
		})
	}
}

func TestSimulateBalancingPartialSums(t *testing.T) {
	// The same balancing loop written out: a at steps 0, 2, 4, 6 is
	// 1, 1 − 0.4, 1 − 0.4 + 0.16, 1 − 0.4 + 0.16 − 0.064.
	sim, err := loopOf([]float64{0.8, -0.5}, []int{0, 0}).Simulate(SimOptions{Steps: 7})
	require.NoError(t, err)
	a := sim.Series("n0")
	for i, want := range []float64{1, 1, 0.6, 0.6, 0.76, 0.76, 0.696, 0.696} {
		assert.InDelta(t, want, a[i], 1e-12, "step %d", i)
	}
	b := sim.Series("n1")
	for i, want := range []float64{0, 0.8, 0.8, 0.48, 0.48, 0.608, 0.608, 0.5568} {
		assert.InDelta(t, want, b[i], 1e-12, "step %d", i)
	}
}

func TestSimulateChainArrivesAfterSummedDelays(t *testing.T) {
	// a → b → c → d with delays 2, 0, 3 and weights 1.5, 0.4, 2 (the last
	// "-"): a push of 3 at a reaches node m after m steps plus the delays
	// on the way, at once and whole, and nothing else ever changes, since
	// a chain has no loop to bring the change back.
	w := func(x float64) *float64 { return &x }
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive, Weight: w(1.5), Delay: 2},
		{From: "b", To: "c", Polarity: Positive, Weight: w(0.4)},
		{From: "c", To: "d", Polarity: Negative, Weight: w(2), Delay: 3},
	}}
	sim, err := f.Simulate(SimOptions{Steps: 12, Push: map[string]float64{"a": 3}})
	require.NoError(t, err)
	for _, c := range []struct {
		id     string
		arrive int
		level  float64
	}{
		{"a", 0, 3},
		{"b", 1 + 2, 3 * 1.5},
		{"c", 2 + 2, 3 * 1.5 * 0.4},
		{"d", 3 + 2 + 3, -3 * 1.5 * 0.4 * 2},
	} {
		for step, x := range sim.Series(c.id) {
			want := 0.0
			if step >= c.arrive {
				want = c.level
			}
			assert.InDelta(t, want, x, 1e-12, "%s at step %d", c.id, step)
		}
	}
}

func TestSimulateIsLinearWithoutCapacity(t *testing.T) {
	// Without a capacity the step is linear in the changes: two pushes
	// give the sum of their spin-ups, and initial values only shift the
	// levels, since they are levels, not changes.
	f := template(t)
	one, err := f.Simulate(SimOptions{Steps: 30, Push: map[string]float64{"experience": 1}})
	require.NoError(t, err)
	two, err := f.Simulate(SimOptions{Steps: 30, Push: map[string]float64{"capacity": 2}})
	require.NoError(t, err)
	both, err := f.Simulate(SimOptions{Steps: 30, Push: map[string]float64{"experience": 1, "capacity": 2}})
	require.NoError(t, err)
	for i := range f.Nodes {
		f.Nodes[i].Initial = new(float64(10 * i))
	}
	shifted, err := f.Simulate(SimOptions{Steps: 30, Push: map[string]float64{"experience": 1, "capacity": 2}})
	require.NoError(t, err)
	for step := range both.Levels {
		for i := range f.Nodes {
			assert.InDelta(t, one.Levels[step][i]+two.Levels[step][i], both.Levels[step][i], 1e-9)
			assert.InDelta(t, both.Levels[step][i]+float64(10*i), shifted.Levels[step][i], 1e-9)
		}
	}
}

func TestSimulateCapacityExact(t *testing.T) {
	// ring(2, 2), push 1 at a, capacity 10, worked by hand with the
	// documented rule: a rise r at level x becomes min(r·(1 − x/10), 10 − x).
	//
	//	step 1: b rises 2·1·(1 − 0)        = 2      → b = 2
	//	step 2: a rises 2·2·(1 − 0.1)      = 3.6    → a = 4.6
	//	step 3: b rises 2·3.6·(1 − 0.2)    = 5.76   → b = 7.76
	//	step 4: a rises 2·5.76·(1 − 0.46)  = 6.2208, more than the 5.4 left → a = 10
	//	step 5: b rises 2·5.4·(1 − 0.776)  = 2.4192, more than the 2.24 left → b = 10
	//
	// and then nothing rises: both levels sit at the capacity. The plain
	// discrete logistic step would have put a at 10.8208 on step 4.
	sim, err := ring(2, 2).Simulate(SimOptions{Steps: 8, Capacity: 10})
	require.NoError(t, err)
	a := []float64{1, 1, 4.6, 4.6, 10, 10, 10, 10, 10}
	b := []float64{0, 2, 2, 7.76, 7.76, 10, 10, 10, 10}
	for i := range a {
		assert.InDelta(t, a[i], sim.Series("n0")[i], 1e-12, "a at step %d", i)
		assert.InDelta(t, b[i], sim.Series("n1")[i], 1e-12, "b at step %d", i)
	}
}

func TestSimulateCapacityRules(t *testing.T) {
	w := func(x float64) *float64 { return &x }
	chain := func(sign Sign, initial float64) *Flywheel {
		return &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b", Initial: &initial}}, Links: []Link{
			{From: "a", To: "b", Polarity: sign, Weight: w(3)},
		}}
	}
	level := func(f *Flywheel, capacity float64) float64 {
		sim, err := f.Simulate(SimOptions{Steps: 1, Capacity: capacity})
		require.NoError(t, err)
		return sim.Series("b")[1]
	}
	// A rise is scaled by 1 − level/capacity: 3·(1 − 4/10) = 1.8.
	assert.InDelta(t, 4+1.8, level(chain(Positive, 4), 10), 1e-12)
	// A fall is not scaled, even near the capacity.
	assert.InDelta(t, 9-3, level(chain(Negative, 9), 10), 1e-12)
	// A level above the capacity (an initial value) does not rise...
	assert.InDelta(t, 20, level(chain(Positive, 20), 10), 0)
	// ...but it falls.
	assert.InDelta(t, 17, level(chain(Negative, 20), 10), 1e-12)
	// Below zero the factor would pass 1; a capacity damps, never
	// amplifies, so the rise is the plain 3.
	assert.InDelta(t, -10+3, level(chain(Positive, -10), 10), 1e-12)
	// Capacity 0 means none.
	assert.InDelta(t, 4+3, level(chain(Positive, 4), 0), 1e-12)
}

func TestSimulateCapacityNeverPassed(t *testing.T) {
	// On strong random wheels, whatever the weights, pushes and delays,
	// no level that starts at or below the capacity ends above it.
	x := uint64(7)
	rnd := func(n int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	for trial := 0; trial < 50; trial++ {
		f := sparse(5 + rnd(20))
		for i := range f.Links {
			f.Links[i].Weight = new(float64(rnd(5000)) / 1000)
			f.Links[i].Delay = rnd(3)
		}
		capacity := float64(1 + rnd(100))
		push := map[string]float64{}
		for i := 0; i < 3; i++ {
			push[f.Nodes[rnd(len(f.Nodes))].ID] = float64(rnd(int(capacity))) / 2
		}
		sim, err := f.Simulate(SimOptions{Steps: 200, Push: push, Capacity: capacity})
		require.NoError(t, err)
		for step, row := range sim.Levels {
			for i, v := range row {
				require.LessOrEqual(t, v, capacity, "trial %d: %s at step %d", trial, sim.Nodes[i], step)
			}
		}
	}
}

func TestSimulateOverflowKeepsTheStepsSoFar(t *testing.T) {
	// ring(2, 1000): the loop gain is 10⁶, so a's level at step 2q is
	// Σ_{j=0..q} 10^{6j}. It passes the 1e300 bound at step 100
	// (q = 50: 1.000001e300); b, at 10³·Σ_{j<50} 10^{6j} ≈ 1e297 on step 99,
	// is still below it. So the error names step 100 and node n0, and the
	// 100 rows of steps 0..99 come back, matching the closed form.
	w := []float64{1000, 1000}
	d := []int{0, 0}
	sim, err := loopOf(w, d).Simulate(SimOptions{Steps: 1000})
	require.ErrorIs(t, err, ErrOverflow)
	assert.ErrorContains(t, err, `at step 100: "n0"`)
	require.NotNil(t, sim)
	require.Len(t, sim.Levels, 100)
	for step, row := range sim.Levels {
		for m, v := range row {
			want := loopLevel(w, d, m, step)
			assert.InDelta(t, want, v, 1e-12*math.Max(1, want), "n%d at step %d", m, step)
		}
	}
}

func TestSimulateRefusesNonFiniteWeights(t *testing.T) {
	// Validate refuses these; a wheel built in Go may skip it.
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		f := ring(3, 1)
		f.Links[1].Weight = &bad
		_, err := f.Simulate(SimOptions{})
		assert.ErrorContains(t, err, "/links/1/weight: must be a finite number")
	}
}

// TestSimulateGrowsAtTheSpectralRadius ties Simulate to Leverage: without
// delays the changes follow Δx(t+1) = A·Δx(t), so once the dominant mode
// takes over they grow by the spectral radius per step, and
// (‖Δx(t)‖/‖Δx(t−k)‖)^{1/k} → Growth.
func TestSimulateGrowsAtTheSpectralRadius(t *testing.T) {
	f := template(t)
	for i := range f.Links {
		f.Links[i].Delay = 0
	}
	lev, err := f.Leverage()
	require.NoError(t, err)
	require.False(t, lev.Oscillates)
	const steps, k = 1000, 200
	sim, err := f.Simulate(SimOptions{Steps: steps})
	require.NoError(t, err)
	change := func(t int) float64 {
		s := 0.0
		for i := range sim.Nodes {
			s = math.Hypot(s, sim.Levels[t][i]-sim.Levels[t-1][i])
		}
		return s
	}
	rate := math.Pow(change(steps)/change(steps-k), 1.0/k)
	assert.InDelta(t, lev.Growth, rate, 1e-9, "growth %v", lev.Growth)
}
