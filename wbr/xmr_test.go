package wbr

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Donald J. Wheeler's XmR verification data set: sixteen values with the
// published centre line 4135.50, average moving range 355.93, natural
// process limits 5082.28 and 3188.72 and upper range limit 1163.19.
var wheeler = []float64{5045, 4350, 4350, 3975, 4290, 4430, 4485, 4285, 3980, 3925, 3645, 3760, 3300, 3685, 3463, 5200}

func TestXmRWheelerVerificationData(t *testing.T) {
	c := XmR(wheeler)
	assert.Equal(t, 16, c.Points)
	assert.InDelta(t, 4135.50, c.Mean, 0.005)
	assert.InDelta(t, 355.93, c.MovingRangeMean, 0.005)
	assert.InDelta(t, 5082.28, c.Upper, 0.005)
	assert.InDelta(t, 3188.72, c.Lower, 0.005)
	assert.InDelta(t, 1163.19, c.RangeLimit, 0.005)
	// 5200 lies above the upper limit and its moving range (1737) above the
	// range limit; the run of seven low values (3980..3463) is one short of
	// rule 3, and no four consecutive values hold three in an outer third.
	assert.Equal(t, []Signal{
		{Index: 15, Rule: 1, Above: true},
		{Index: 15, Rule: 1, Above: true, MovingRange: true},
	}, c.Signals)
}

func TestXmRRules(t *testing.T) {
	tests := []struct {
		name   string
		values []float64
		want   []Signal
	}{{
		// Mean 0, average moving range 7/9, limits ±2.07: eight values above
		// the centre line, then two far below.
		name:   "rule 3 and rule 1",
		values: []float64{1, 1.2, 1, 1.2, 1, 1.2, 1, 1.2, -4.4, -4.4},
		want: []Signal{
			{Index: 0, Rule: 3, Above: true}, {Index: 1, Rule: 3, Above: true}, {Index: 2, Rule: 3, Above: true}, {Index: 3, Rule: 3, Above: true},
			{Index: 4, Rule: 3, Above: true}, {Index: 5, Rule: 3, Above: true}, {Index: 6, Rule: 3, Above: true}, {Index: 7, Rule: 3, Above: true},
			{Index: 8, Rule: 1}, {Index: 8, Rule: 1, MovingRange: true}, {Index: 9, Rule: 1},
		},
	}, {
		// A point exactly on the centre line (index 7, mean 0) is on neither
		// side, so the two runs of seven do not join into a run of fifteen.
		name:   "centre line breaks a run",
		values: []float64{1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, -14},
		want:   []Signal{{Index: 15, Rule: 1}, {Index: 15, Rule: 1, MovingRange: true}},
	}, {
		// Mean 0, average moving range 46.5/17, limits ±7.28, upper midpoint
		// 3.64: three 4s among four consecutive points.
		name:   "rule 2",
		values: []float64{1, -1, 1, -1, 1, -1, 4, 4, -1, 4, -1, 1, -1, 1, -1, 1, -5.5, -5.5},
		want:   []Signal{{Index: 6, Rule: 2, Above: true}, {Index: 7, Rule: 2, Above: true}, {Index: 9, Rule: 2, Above: true}},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, XmR(tt.values).Signals)
		})
	}
}

func TestXmRDegenerate(t *testing.T) {
	t.Run("empty", func(t *testing.T) {
		c := XmR(nil)
		assert.Equal(t, XmRChart{Signals: []Signal{}}, c)
	})
	t.Run("one point", func(t *testing.T) {
		c := XmR([]float64{42})
		assert.Equal(t, XmRChart{Points: 1, Mean: 42, Upper: 42, Lower: 42, Signals: []Signal{}}, c)
	})
	t.Run("all equal", func(t *testing.T) {
		c := XmR([]float64{7, 7, 7, 7, 7, 7, 7, 7, 7, 7})
		assert.Equal(t, 7.0, c.Mean)
		assert.Zero(t, c.MovingRangeMean)
		assert.Equal(t, c.Mean, c.Upper)
		assert.Equal(t, c.Mean, c.Lower)
		assert.Empty(t, c.Signals, "points on the centre line are on neither side")
	})
	t.Run("non-finite skipped", func(t *testing.T) {
		withGaps := append([]float64{math.NaN()}, wheeler[:8]...)
		withGaps = append(withGaps, math.Inf(1))
		withGaps = append(withGaps, wheeler[8:]...)
		c, want := XmR(withGaps), XmR(wheeler)
		assert.Equal(t, want.Points, c.Points)
		assert.InDelta(t, want.Mean, c.Mean, 1e-9)
		assert.InDelta(t, want.MovingRangeMean, c.MovingRangeMean, 1e-9)
		require.Len(t, c.Signals, 2)
		assert.Equal(t, 17, c.Signals[0].Index, "indices refer to the input")
	})
	t.Run("overflow", func(t *testing.T) {
		c := XmR([]float64{math.MaxFloat64, math.MaxFloat64, -math.MaxFloat64})
		for _, f := range []float64{c.Mean, c.MovingRangeMean, c.Upper, c.Lower, c.RangeLimit} {
			assert.False(t, math.IsNaN(f) || math.IsInf(f, 0))
		}
	})
}
