package wbr

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// chainDeck chains n metrics, each derived from the one before and a data
// metric, so every one depends on all before it: a deck Validate refuses.
func chainDeck(n, data int) *Deck {
	d := &Deck{Metrics: []Metric{{ID: "out", Role: Output, Aggregation: Sum}}}
	for i := range data {
		d.Metrics = append(d.Metrics, Metric{ID: fmt.Sprintf("d%d", i), Role: Input, Owner: "o", Aggregation: Sum, Drives: []string{"out"}})
	}
	prev := "d0"
	for i := len(d.Metrics); i < n; i++ {
		id := fmt.Sprintf("c%d", i)
		op := []Operation{Add, Subtract, Multiply, Divide}[i%4]
		operands := []string{prev}
		for k := range 9 { // ten operands, the most a metric may have
			operands = append(operands, fmt.Sprintf("d%d", (i+k)%data))
		}
		if op == Divide {
			operands = operands[:2]
		}
		d.Metrics = append(d.Metrics, Metric{ID: id, Role: Input, Owner: "o", Aggregation: Derived, Operation: op, Operands: operands, Drives: []string{"out"}})
		prev = id
	}
	return d
}

func TestDerivedChainIsBounded(t *testing.T) {
	long := chainDeck(1000, 100)
	start := time.Now()
	err := long.Validate()
	t.Logf("Validate of a 1,000-metric chain, up to ten operands each: %v", time.Since(start))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Greater(t, len(ve.Problems), 800, "every metric past the bound")
	for _, p := range ve.Problems {
		if p.Rule != RuleTooMany {
			t.Fatalf("want only %s, got %v", RuleTooMany, p)
		}
	}

	// The longest chains Validate accepts, side by side, doubling back on
	// themselves: each operand twice, so a computation that is not shared
	// would take 2^64 steps.
	d := &Deck{Metrics: []Metric{{ID: "out", Role: Output, Aggregation: Sum}}}
	for i := range 100 {
		d.Metrics = append(d.Metrics, Metric{ID: fmt.Sprintf("d%d", i), Role: Input, Owner: "o", Aggregation: Sum, Drives: []string{"out"}})
	}
	for c := range 12 {
		prev := fmt.Sprintf("d%d", c)
		for k := range MaxComputedFrom - 1 {
			id := fmt.Sprintf("c%d_%d", c, k)
			m := Metric{ID: id, Role: Input, Owner: "o", Drives: []string{"out"}}
			if k%2 == 0 {
				m.Aggregation, m.Operation, m.Operands = Derived, Add, []string{prev, prev}
			} else {
				m.Aggregation, m.Numerator, m.Denominator = Ratio, prev, prev
			}
			d.Metrics = append(d.Metrics, m)
			prev = id
		}
	}
	require.NoError(t, d.Validate())
	start = time.Now()
	_ = Review(d, ReviewOptions{})
	t.Logf("Review of %d metrics in chains: %v", len(d.Metrics), time.Since(start))
	var data Data
	end := dateOf("2026-11-21")
	for i := range 100 {
		for k := range 400 {
			require.NoError(t, data.Add(end.AddDays(-k), fmt.Sprintf("d%d", i), float64(k%7+1)))
		}
	}
	start = time.Now()
	_, err = Build(d, data, end, ReviewOptions{})
	require.NoError(t, err)
	t.Logf("Build of %d metrics in chains of %d, each doubling back: %v", len(d.Metrics), MaxComputedFrom, time.Since(start))
}
