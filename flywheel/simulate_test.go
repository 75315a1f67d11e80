package flywheel

import (
	"math"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSimulateSingleLoopClosedForm(t *testing.T) {
	// A push of 1 at n0 on a 4-loop of weight 1.5 returns every 4 steps
	// multiplied by the loop gain 1.5⁴ = 5.0625, so
	// x0(4k) = 1 + Σ_{m=1..k} 5.0625^m, and n1 rises by 1.5·5.0625^k at
	// step 4k+1.
	sim, err := ring(4, 1.5).Simulate(SimOptions{Steps: 12})
	require.NoError(t, err)
	x0 := sim.Series("n0")
	x1 := sim.Series("n1")
	require.Len(t, x0, 13)
	want := 1.0
	for k := 0; k <= 3; k++ {
		if k > 0 {
			want += math.Pow(5.0625, float64(k))
		}
		assert.InDelta(t, want, x0[4*k], 1e-9, "x0(%d)", 4*k)
	}
	assert.InDelta(t, 1.5, x1[1], 1e-12)
	assert.InDelta(t, 1.5+1.5*5.0625, x1[5], 1e-9)
}

func TestSimulateBalancingLoopOscillates(t *testing.T) {
	// a → b (+), b → a (−): the push comes back reversed every two steps,
	// so a cycles 1, 1, 0, 0, 1, 1, ...
	f := ring(2, 1)
	f.Links[1].Polarity = Negative
	sim, err := f.Simulate(SimOptions{Steps: 8})
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 1, 0, 0, 1, 1, 0, 0, 1}, sim.Series("n0"))
	assert.Equal(t, []float64{0, 1, 1, 0, 0, 1, 1, 0, 0}, sim.Series("n1"))
}

func TestSimulateDelays(t *testing.T) {
	// With a delay of 2 on n0 → n1 the change takes 3 steps to cross and
	// 1 to come back: the loop turns every 4 steps.
	f := ring(2, 1)
	f.Links[0].Delay = 2
	sim, err := f.Simulate(SimOptions{Steps: 8})
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 0, 0, 1, 1, 1, 1, 2, 2}, sim.Series("n1"))
	assert.Equal(t, []float64{1, 1, 1, 1, 2, 2, 2, 2, 3}, sim.Series("n0"))
}

func TestSimulateInitialAndPush(t *testing.T) {
	f := ring(3, 1)
	ten := 10.0
	f.Nodes[2].Initial = &ten
	sim, err := f.Simulate(SimOptions{Steps: 3, Push: map[string]float64{"n1": 2}})
	require.NoError(t, err)
	assert.Equal(t, []float64{0, 2, 10}, sim.Levels[0])
	assert.Equal(t, []float64{0, 2, 12}, sim.Levels[1])
	assert.Equal(t, []float64{2, 2, 12}, sim.Levels[2])
	assert.Equal(t, []float64{2, 4, 12}, sim.Levels[3])
}

func TestSimulateCapacity(t *testing.T) {
	// Weight 2 would double the push every trip; a capacity of 50 damps
	// the rise as levels fill up, so no level passes it.
	f := ring(2, 2)
	free, err := f.Simulate(SimOptions{Steps: 40})
	require.NoError(t, err)
	capped, err := f.Simulate(SimOptions{Steps: 40, Capacity: 50})
	require.NoError(t, err)
	assert.Greater(t, free.Series("n0")[40], 1e5)
	last := 0.0
	for _, x := range capped.Series("n0") {
		assert.LessOrEqual(t, x, 50.0)
		assert.GreaterOrEqual(t, x, last)
		last = x
	}
	assert.Greater(t, last, 40.0, "grows most of the way to the capacity")
}

func TestSimulateOverflow(t *testing.T) {
	sim, err := ring(2, 1000).Simulate(SimOptions{Steps: 1000})
	require.ErrorIs(t, err, ErrOverflow)
	require.NotNil(t, sim)
	assert.Less(t, len(sim.Levels), 1001)
	for _, row := range sim.Levels {
		for _, x := range row {
			assert.False(t, math.IsInf(x, 0) || math.IsNaN(x))
		}
	}
}

func TestSimulateBadOptions(t *testing.T) {
	f := ring(3, 1)
	_, err := f.Simulate(SimOptions{Push: map[string]float64{"nope": 1}})
	assert.ErrorIs(t, err, ErrUnknownNode)
	_, err = f.Simulate(SimOptions{Steps: MaxSteps + 1})
	assert.ErrorIs(t, err, ErrGraphTooLarge)
	_, err = ring(5000, 1).Simulate(SimOptions{Steps: 5000})
	assert.ErrorIs(t, err, ErrGraphTooLarge)
	_, err = f.Simulate(SimOptions{Capacity: math.NaN()})
	assert.Error(t, err)
	_, err = f.Simulate(SimOptions{Push: map[string]float64{"n0": math.Inf(1)}})
	assert.Error(t, err)
	_, err = (&Flywheel{}).Simulate(SimOptions{})
	assert.Error(t, err)
	assert.Nil(t, (&Simulation{}).Series("x"))
}

func TestSimulateTemplateSpinsUp(t *testing.T) {
	data, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	f, err := Parse(data)
	require.NoError(t, err)
	sim, err := f.Simulate(SimOptions{Steps: 40})
	require.NoError(t, err)
	x := sim.Series("experience")
	assert.Greater(t, x[40], x[20])
	assert.Greater(t, x[20], x[0])
}
