package wbr

import (
	"math"
	"slices"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// Operation says how a derived metric combines its operands' period values.
type Operation string

// Operations of a derived metric.
const (
	// Add sums the operands: orders from two channels.
	Add Operation = "sum"
	// Subtract takes the first operand less every other: net new
	// customers are new customers less churned customers.
	Subtract Operation = "difference"
	// Multiply multiplies the operands.
	Multiply Operation = "product"
	// Divide divides the first operand by the second: churned customers
	// (a sum) by customers (a mean) is a churn rate.
	Divide Operation = "divide"
)

var operations = enum.Set[Operation]{Add, Subtract, Multiply, Divide}

// Valid reports whether o is a known operation.
func (o Operation) Valid() bool { return operations.Has(o) }

// Values lists the operations.
func (Operation) Values() []string { return operations.Strings() }

// MarshalText refuses unknown operations.
func (o Operation) MarshalText() ([]byte, error) { return operations.Marshal("operation", o) }

// UnmarshalText refuses unknown operations.
func (o *Operation) UnmarshalText(b []byte) error {
	v, err := operations.Parse("operation", b)
	if err == nil {
		*o = v
	}
	return err
}

// apply combines operand values; NaN when the result is undefined (a
// division by zero), +Inf when an operand or the result passes the
// float64 range (the figure overflows).
func (o Operation) apply(vals []float64) float64 {
	if len(vals) == 0 {
		return math.NaN()
	}
	v := vals[0]
	for _, x := range vals[1:] {
		switch o {
		case Add:
			v += x
		case Subtract:
			v -= x
		case Multiply:
			v *= x
		case Divide:
			if x == 0 {
				return math.NaN()
			}
			v /= x
		}
	}
	if math.IsInf(v, 0) || slices.ContainsFunc(vals, func(x float64) bool { return math.IsInf(x, 0) }) {
		return math.Inf(1)
	}
	return v
}

// RuleDerivedOperands is the rule of a derived metric without an operation
// or with the wrong number of operands, and of operation or operands on a
// metric that is not derived.
const RuleDerivedOperands = "derived-operands"

// checkDerived reports the problems of metric i's operation and operands.
func (d *Deck) checkDerived(l *problem.List, i int, ids map[string]int) {
	m := &d.Metrics[i]
	if m.Aggregation != Derived {
		if m.Operation != "" || len(m.Operands) > 0 {
			l.Add(ptr("metrics", i), RuleDerivedOperands, "operation and operands belong to derived metrics; %q aggregates by %s", m.ID, m.Aggregation)
		}
		return
	}
	switch {
	case m.Operation == "":
		l.Add(ptr("metrics", i, "operation"), RuleDerivedOperands, "a derived metric needs an operation: sum, difference, product or divide")
	case m.Operation == Divide && len(m.Operands) != 2:
		l.Add(ptr("metrics", i, "operands"), RuleDerivedOperands, "divide takes two operands, the metric divided and the metric it is divided by; %q has %d", m.ID, len(m.Operands))
	case len(m.Operands) < 2:
		l.Add(ptr("metrics", i, "operands"), RuleDerivedOperands, "a derived metric combines at least two metrics; %q has %d", m.ID, len(m.Operands))
	}
	for k, id := range m.Operands {
		at := ptr("metrics", i, "operands", k)
		switch {
		case id == m.ID:
			l.Add(at, RuleCircular, "derived metric %q refers to itself", m.ID)
		case !known(ids, id):
			l.Add(at, RuleUnknownReference, "no metric has id %q", id)
		case d.reaches(ids, id, m.ID):
			l.Add(at, RuleCircular, "derived metric %q depends on itself through %q", m.ID, id)
		}
	}
}

// MaxComputedFrom bounds how many metrics a ratio or derived metric may be
// computed from, counting every metric reached through its operands and
// theirs. It keeps Build linear in the deck's size on any valid deck: no
// real deck chains more than a handful of metrics.
const MaxComputedFrom = 64

// checkComputedFrom reports the computed metrics that depend on more than
// MaxComputedFrom metrics.
func (d *Deck) checkComputedFrom(l *problem.List, ids map[string]int) {
	for i := range d.Metrics {
		m := &d.Metrics[i]
		if !m.computed() {
			continue
		}
		seen := map[string]bool{m.ID: true}
		queue := append([]string(nil), m.operandsOf()...)
		for len(queue) > 0 && len(seen) <= MaxComputedFrom+1 {
			id := queue[0]
			queue = queue[1:]
			j, ok := ids[id]
			if seen[id] || !ok {
				continue
			}
			seen[id] = true
			queue = append(queue, d.Metrics[j].operandsOf()...)
		}
		if n := len(seen) - 1; n > MaxComputedFrom {
			l.Add(ptr("metrics", i), RuleTooMany, "%q is computed from more than %d metrics through its operands; compute it from fewer", m.ID, MaxComputedFrom)
		}
	}
}

// operandsOf returns the ids a computed metric (ratio or derived) is
// computed from; nil for a metric read from data.
func (m *Metric) operandsOf() []string {
	switch m.Aggregation {
	case Ratio:
		return []string{m.Numerator, m.Denominator}
	case Derived:
		return m.Operands
	}
	return nil
}

// computed reports whether the metric is computed from other metrics
// rather than read from data rows.
func (m *Metric) computed() bool { return m.Aggregation == Ratio || m.Aggregation == Derived }

// additive reports whether a metric's period value grows with the
// period's length, as a total of its days does: a sum; a derived sum or
// difference of totals; a total multiplied by levels; a total divided by a
// level (revenue per buyable item). A month of an additive metric is drawn
// as its average week, and its month, quarter and year plans are prorated
// by the days elapsed.
func (e *engine) additive(m *Metric) bool {
	return e.additiveDepth(m, 0)
}

func (e *engine) additiveDepth(m *Metric, depth int) bool {
	switch {
	case m == nil || depth > len(e.d.Metrics):
		return false
	case m.Aggregation == Sum:
		return true
	case m.Aggregation != Derived:
		return false
	}
	if v, ok := e.additiveOf[m.ID]; ok {
		return v // shared operands are looked at once
	}
	totals := 0
	for _, id := range m.Operands {
		if e.additiveDepth(e.metrics[id], depth+1) {
			totals++
		}
	}
	var v bool
	switch m.Operation {
	case Add, Subtract: // totals combined are a total
		v = totals == len(m.Operands)
	case Multiply: // a total scaled by levels
		v = totals == 1
	case Divide: // a total per level: revenue per item of selection
		v = len(m.Operands) == 2 && totals == 1 && e.additiveDepth(e.metrics[m.Operands[0]], depth+1)
	}
	e.additiveOf[m.ID] = v
	return v
}

// derived computes derived metric m over s: each operand aggregated its
// own way over the days it has data, then combined. The figure misses the
// days on which any data metric it is computed from lacks data, so a
// derived figure over a gap is flagged and not compared.
func (e *engine) derived(m *Metric, s span, depth int) figure {
	k := figKey{m.ID, s}
	if f, ok := e.derivedAt[k]; ok {
		return f
	}
	f := e.derivedOnce(m, s, depth)
	e.derivedAt[k] = f
	return f
}

// derivedOnce computes what derived remembers.
func (e *engine) derivedOnce(m *Metric, s span, depth int) figure {
	var f figure
	leaves := e.leaves(m)
	for dd := s.lo; dd <= s.hi; dd++ {
		if !present(leaves, dd-e.lo) {
			f.missing++
		}
	}
	if depth > len(e.d.Metrics) || f.missing == s.days() {
		return f
	}
	vals := make([]float64, len(m.Operands))
	for i, id := range m.Operands {
		op := e.metrics[id]
		var g figure
		if op != nil && op.Aggregation == Derived {
			g = e.derived(op, s, depth+1)
		} else {
			g = e.value(op, s)
		}
		if !g.ok || math.IsNaN(g.v) {
			return f
		}
		vals[i] = g.v
	}
	if v := m.Operation.apply(vals); !math.IsNaN(v) {
		f.v, f.ok = v, true
	}
	return f
}
