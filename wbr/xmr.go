package wbr

import (
	"cmp"
	"math"
	"slices"
)

// Scaling constants of the XmR chart for moving ranges of two points
// (Wheeler, Understanding Variation): 2.66 = 3/d2 with d2 = 1.128, and
// 3.268 = D4.
const (
	naturalLimitFactor = 2.66
	rangeLimitFactor   = 3.268
)

// XmRChart is a process-behaviour chart of individual values and their
// moving ranges.
type XmRChart struct {
	// Points is the number of finite values the chart was computed from.
	Points int `json:"points"`
	// Mean is the centre line: the average of the values.
	Mean float64 `json:"mean"`
	// MovingRangeMean is the average absolute difference between
	// consecutive values.
	MovingRangeMean float64 `json:"movingRangeMean"`
	// Upper and Lower are the natural process limits:
	// Mean ± 2.66 × MovingRangeMean.
	Upper float64 `json:"upper"`
	Lower float64 `json:"lower"`
	// RangeLimit is the upper range limit: 3.268 × MovingRangeMean.
	RangeLimit float64 `json:"rangeLimit"`
	// Signals are the points the detection rules flag, by index then rule.
	Signals []Signal `json:"signals"`
}

// Signal is one point a detection rule flags.
type Signal struct {
	// Index is the 0-based position of the point in the values.
	Index int `json:"index"`
	// Rule is the detection rule: 1 a point outside the natural process
	// limits, or a moving range above the range limit; 2 three of four
	// consecutive points closer to the same limit than to the centre line;
	// 3 eight consecutive points on one side of the centre line.
	Rule int `json:"rule"`
	// Above is true when the point is above the centre line (for a moving
	// range signal: when the value rose).
	Above bool `json:"above"`
	// MovingRange is true for a rule 1 signal raised by the moving range
	// ending at Index rather than by the value itself.
	MovingRange bool `json:"movingRange,omitempty"`
}

// XmR computes the XmR chart of values and its signals.
//
// A point exactly on the centre line is on neither side: it ends a run for
// rule 3 and never counts for rule 2. A point exactly on a natural process
// limit, or a moving range exactly on the range limit, is inside: rule 1
// needs a value strictly beyond. Rule 2 counts a point only when it is
// strictly closer to a limit than to the centre line. Every point that takes
// part in a run (rule 3) or a qualifying window (rule 2) is flagged, so a
// run of nine points gives nine signals. A moving range is flagged at the
// index of its second point. With all values equal the limits collapse onto
// the mean and nothing signals. NaN and infinite values are skipped: they
// take no part in the limits, moving ranges are taken between the finite
// neighbours, and they never signal. With no finite values every figure is
// zero; with one, the limits equal the value.
func XmR(values []float64) XmRChart {
	// A weekly chart's few values are worked on in arrays on the stack.
	const small = 64
	var idxBuf [small]int
	idx := idxBuf[:0]
	if len(values) > small {
		idx = make([]int, 0, len(values))
	}
	for i, v := range values {
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			idx = append(idx, i)
		}
	}
	var c XmRChart
	c.Points = len(idx)
	c.Signals = []Signal{}
	if len(idx) == 0 {
		return c
	}
	sum := 0.0
	for _, i := range idx {
		sum += values[i]
	}
	c.Mean = sum / float64(len(idx))
	if len(idx) > 1 {
		mr := 0.0
		for k := 1; k < len(idx); k++ {
			mr += math.Abs(values[idx[k]] - values[idx[k-1]])
		}
		c.MovingRangeMean = mr / float64(len(idx)-1)
	}
	c.Upper = c.Mean + naturalLimitFactor*c.MovingRangeMean
	c.Lower = c.Mean - naturalLimitFactor*c.MovingRangeMean
	c.RangeLimit = rangeLimitFactor * c.MovingRangeMean
	if len(idx) < 2 || math.IsInf(c.Upper, 0) || math.IsInf(c.Lower, 0) || math.IsNaN(c.Mean) {
		// Sums of huge values can overflow; such a chart has no meaningful limits.
		c.sanitize()
		return c
	}

	// seen marks the signals already added: four slots per point, the
	// moving-range signal's and those of rules 1 to 3.
	var seenBuf [4 * small]bool
	var sigBuf [small]Signal
	seen, sigs := seenBuf[:], sigBuf[:0]
	if len(values) > small {
		seen = make([]bool, 4*len(values))
	}
	add := func(s Signal) {
		k := 4 * s.Index
		if !s.MovingRange {
			k += s.Rule
		}
		if !seen[k] {
			seen[k] = true
			sigs = append(sigs, s)
		}
	}
	// side is +1 above the centre line, -1 below, 0 on it.
	side := func(v float64) int {
		switch {
		case v > c.Mean:
			return 1
		case v < c.Mean:
			return -1
		}
		return 0
	}
	// outer reports whether v is strictly closer to the limit on side s
	// than to the centre line.
	hiMid, loMid := (c.Mean+c.Upper)/2, (c.Mean+c.Lower)/2
	outer := func(v float64, s int) bool {
		if s > 0 {
			return v > hiMid
		}
		return v < loMid
	}

	// Rule 1: outside the limits, or a moving range above its limit.
	for k, i := range idx {
		v := values[i]
		if v > c.Upper || v < c.Lower {
			add(Signal{Index: i, Rule: 1, Above: v > c.Mean})
		}
		if k > 0 {
			prev := values[idx[k-1]]
			if math.Abs(v-prev) > c.RangeLimit {
				add(Signal{Index: i, Rule: 1, Above: v > prev, MovingRange: true})
			}
		}
	}
	// Rule 2: three of four consecutive points in the outer part, one side.
	for k := 0; k+4 <= len(idx); k++ {
		for _, s := range []int{1, -1} {
			n := 0
			for _, i := range idx[k : k+4] {
				if outer(values[i], s) {
					n++
				}
			}
			if n < 3 {
				continue
			}
			for _, i := range idx[k : k+4] {
				if outer(values[i], s) {
					add(Signal{Index: i, Rule: 2, Above: s > 0})
				}
			}
		}
	}
	// Rule 3: eight or more consecutive points on one side.
	for k := 0; k < len(idx); {
		s := side(values[idx[k]])
		j := k
		for j < len(idx) && side(values[idx[j]]) == s {
			j++
		}
		if s != 0 && j-k >= 8 {
			for _, i := range idx[k:j] {
				add(Signal{Index: i, Rule: 3, Above: s > 0})
			}
		}
		k = j
	}
	c.Signals = append(c.Signals, sigs...) // one allocation, of the size needed
	slices.SortStableFunc(c.Signals, func(x, y Signal) int {
		if x.Index != y.Index {
			return cmp.Compare(x.Index, y.Index)
		}
		if x.Rule != y.Rule {
			return cmp.Compare(x.Rule, y.Rule)
		}
		switch {
		case !x.MovingRange && y.MovingRange:
			return -1
		case x.MovingRange && !y.MovingRange:
			return 1
		}
		return 0
	})
	return c
}

// sanitize replaces non-finite figures by zero so no NaN or Inf leaves XmR.
func (c *XmRChart) sanitize() {
	for _, f := range []*float64{&c.Mean, &c.MovingRangeMean, &c.Upper, &c.Lower, &c.RangeLimit} {
		if math.IsNaN(*f) || math.IsInf(*f, 0) {
			*f = 0
		}
	}
}
