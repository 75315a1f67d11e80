package wbr

import (
	"math"
	"math/rand/v2"
	"sort"
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

// The NIST/SEMATECH e-Handbook of Statistical Methods, section 6.3.2.2
// "Individuals Control Charts", works an example of a new process's flow
// rate over its first ten batches: mean 50.81, average moving range
// 1.8778, limits 50.81 ± 3 × 1.8778 / 1.128 = 55.80 and 45.82, and a moving
// range limit of 3.267 × 1.8778 = 6.13. The handbook's 3/d2 = 2.6596 and
// D4 = 3.267 differ from Wheeler's rounded 2.66 and 3.268 in the fourth
// significant figure, which the published two decimals absorb (the range
// limit within 0.01). Every point lies inside the limits, the largest
// moving range is 3.5, and no run reaches the rules' lengths.
func TestXmRNISTFlowRateExample(t *testing.T) {
	flow := []float64{49.6, 47.6, 49.9, 51.3, 47.8, 51.2, 52.6, 52.4, 53.6, 52.1}
	c := XmR(flow)
	assert.Equal(t, 10, c.Points)
	assert.InDelta(t, 50.81, c.Mean, 0.005)
	assert.InDelta(t, 1.8778, c.MovingRangeMean, 0.00005)
	assert.InDelta(t, 55.80, c.Upper, 0.005)
	assert.InDelta(t, 45.82, c.Lower, 0.005)
	assert.InDelta(t, 6.13, c.RangeLimit, 0.01)
	assert.Empty(t, c.Signals)
}

// byRule returns the indices a rule flags (for rule 1, the values' own
// signals when mr is false and the moving ranges' when true) and whether
// each is above.
func byRule(sigs []Signal, rule int, mr bool) (idx []int, above []bool) {
	for _, s := range sigs {
		if s.Rule == rule && s.MovingRange == mr {
			idx = append(idx, s.Index)
			above = append(above, s.Above)
		}
	}
	return idx, above
}

func seq(from, to int) []int {
	var out []int
	for i := from; i <= to; i++ {
		out = append(out, i)
	}
	return out
}

func TestXmRHandBuiltRules(t *testing.T) {
	t.Run("centre line inside a run of seventeen", func(t *testing.T) {
		// Eight ones, a zero, eight ones, then two -8s: the mean is exactly 0
		// and the average moving range 11/18, so the limits are ±1.63, the
		// midpoints ±0.81 and the range limit 2.00. The zero sits on the
		// centre line: it splits the ones into two runs of eight, each a rule
		// 3 signal, and is itself on neither side, flagged by no rule.
		c := XmR([]float64{1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, -8, -8})
		require.Zero(t, c.Mean)
		r3, up := byRule(c.Signals, 3, false)
		assert.Equal(t, append(seq(0, 7), seq(9, 16)...), r3)
		assert.NotContains(t, up, false)
		r2, _ := byRule(c.Signals, 2, false)
		assert.Equal(t, append(seq(0, 7), seq(9, 16)...), r2, "every window of four around the zero still holds three ones")
		r1, _ := byRule(c.Signals, 1, false)
		assert.Equal(t, []int{17, 18}, r1)
		mr, _ := byRule(c.Signals, 1, true)
		assert.Equal(t, []int{17}, mr, "the jump of 9 exceeds the range limit; the step from -8 to -8 does not")
	})
	t.Run("seven in a row is not a run", func(t *testing.T) {
		c := XmR([]float64{2, 2, 2, 2, 2, 2, 2, -2, -2, -2, -2, -2, -2, -2, 0})
		r3, _ := byRule(c.Signals, 3, false)
		assert.Empty(t, r3)
	})
	t.Run("eight in a row below", func(t *testing.T) {
		// Mean 0: eight -1s, then eight +1s; each half is a run of eight.
		c := XmR([]float64{-1, -1, -1, -1, -1, -1, -1, -1, 1, 1, 1, 1, 1, 1, 1, 1})
		r3, up := byRule(c.Signals, 3, false)
		assert.Equal(t, seq(0, 15), r3)
		assert.Equal(t, []bool{false, false, false, false, false, false, false, false, true, true, true, true, true, true, true, true}, up)
	})
	t.Run("rule 2 below", func(t *testing.T) {
		// Mean -2/9, average moving range 44/17: limits 6.66 and -7.11,
		// midpoints 3.22 and -3.66, range limit 8.46. Three of the four
		// points from index 6 lie below -3.66; at the end 4 is beyond the
		// upper midpoint but 3 is not, so one point there signals nothing.
		c := XmR([]float64{1, -1, 1, -1, 1, -1, -4, -4, 1, -4, 1, -1, 1, -1, 1, -1, 4, 3})
		assert.Equal(t, []Signal{{Index: 6, Rule: 2}, {Index: 7, Rule: 2}, {Index: 9, Rule: 2}}, c.Signals)
	})
	t.Run("two of four is not rule 2", func(t *testing.T) {
		// Midpoints 3.59 and -3.92: the -4s at 6 and 8 are two of four.
		c := XmR([]float64{1, -1, 1, -1, 1, -1, -4, 1, -4, 1, -1, 1, -1, 1, -1, 1, 4, -1})
		assert.Empty(t, c.Signals)
	})
	t.Run("three of four on mixed sides is not rule 2", func(t *testing.T) {
		// Twenty zeros, 5 -5 5 -5, twenty zeros: mean exactly 0, limits
		// ±2.47, midpoints ±1.24. Each window of four holds at most two
		// points beyond the midpoint on one side, so rule 2 stays silent
		// while rule 1 flags all four; the zeros lie on the centre line, so
		// no run forms.
		vals := make([]float64, 44)
		copy(vals[20:], []float64{5, -5, 5, -5})
		c := XmR(vals)
		r2, _ := byRule(c.Signals, 2, false)
		assert.Empty(t, r2)
		r3, _ := byRule(c.Signals, 3, false)
		assert.Empty(t, r3)
		r1, _ := byRule(c.Signals, 1, false)
		assert.Equal(t, seq(20, 23), r1)
		mr, _ := byRule(c.Signals, 1, true)
		assert.Equal(t, seq(20, 24), mr)
	})
}

// TestXmRAgreesWithNaiveRules compares XmR's signals with the oracle's
// point-by-point reading of the rules on random series, some with ties on
// the centre line.
func TestXmRAgreesWithNaiveRules(t *testing.T) {
	rng := rand.New(rand.NewPCG(6, 12))
	for n := 0; n < 2000; n++ {
		xs := make([]float64, 2+rng.IntN(40))
		for i := range xs {
			switch rng.IntN(4) {
			case 0:
				xs[i] = float64(rng.IntN(5) - 2) // small integers: ties and exact means
			default:
				xs[i] = rng.NormFloat64() + float64(i)*0.05*float64(n%3)
			}
		}
		var want []string
		for _, s := range naiveSignals(xs) {
			want = append(want, s.String())
		}
		var got []string
		for _, s := range XmR(xs).Signals {
			got = append(got, naiveSignal{s.Index, s.Rule, s.Above, s.MovingRange}.String())
		}
		sort.Strings(want)
		sort.Strings(got)
		require.Equal(t, want, got, "%v", xs)
	}
}
