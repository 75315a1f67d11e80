package wbr

import (
	"math"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// Validate checks the field rules of the schema and the rules that span
// fields: unique ids; ratio operands that exist and are not circular; bps
// only for rates; drives from inputs to existing outputs; every output
// driven by an input; every input owned; sections naming existing metrics;
// plan periods that end where the calendar says. It returns nil or a
// *ValidationError listing every problem.
func (d *Deck) Validate() error {
	if d == nil {
		return problem.Nil(kind)
	}
	var l problem.List = validation.Struct(d)
	ids := map[string]int{}
	for i := range d.Metrics {
		m := &d.Metrics[i]
		if j, ok := ids[m.ID]; ok && m.ID != "" {
			l.Add(ptr("metrics", i, "id"), RuleDuplicateID, "id %q is already used by /metrics/%d", m.ID, j)
			continue
		}
		ids[m.ID] = i
	}
	inputs := 0
	driven := map[string]bool{}
	for i := range d.Metrics {
		m := &d.Metrics[i]
		d.checkRatio(&l, i, ids)
		d.checkDerived(&l, i, ids)
		if m.Comparison == BPS && !m.isRate() {
			l.Add(ptr("metrics", i, "comparison"), RuleBPSNotRate, "bps compares rates; %q is neither a ratio nor in unit %%", m.ID)
		}
		if m.Role == Input {
			inputs++
			if m.Owner == "" {
				l.Add(ptr("metrics", i, "owner"), RuleUnownedInput, "input metric %q needs an owner who explains its variation", m.ID)
			}
		}
		for k, t := range m.Drives {
			// The pointer is built only for a problem: most decks have none.
			at := func() string { return ptr("metrics", i, "drives", k) }
			if m.Role != Input {
				l.Add(at(), RuleDrivesFromOutput, "only input metrics drive outputs; %q is an %s", m.ID, m.Role)
			}
			j, ok := ids[t]
			switch {
			case !ok:
				l.Add(at(), RuleUnknownReference, "no metric has id %q", t)
			case d.Metrics[j].Role != Output:
				l.Add(at(), RuleDrivesInput, "%q is not an output metric", t)
			default:
				driven[t] = true
			}
		}
		d.checkPlan(&l, i)
	}
	if inputs == 0 && len(d.Metrics) > 0 {
		l.Add("/metrics", RuleNoInputs, "the deck has only output metrics; a WBR exists to manage the controllable inputs that drive them")
	} else {
		for i := range d.Metrics {
			m := &d.Metrics[i]
			if m.Role == Output && !driven[m.ID] {
				l.Add(ptr("metrics", i), RuleUndrivenOutput, "no input metric drives output %q; name it in an input's drives", m.ID)
			}
		}
	}
	d.checkCharts(&l, ids)
	d.checkComputedFrom(&l, ids)
	d.checkSource(&l)
	for s := range d.Sections {
		for k, id := range d.Sections[s].Metrics {
			if _, ok := ids[id]; !ok {
				l.Add(ptr("sections", s, "metrics", k), RuleUnknownReference, "no metric has id %q", id)
			}
		}
	}
	return l.Err(kind)
}

func (d *Deck) checkRatio(l *problem.List, i int, ids map[string]int) {
	m := &d.Metrics[i]
	if m.Aggregation != Ratio {
		if m.Numerator != "" || m.Denominator != "" {
			l.Add(ptr("metrics", i), RuleRatioOperands, "numerator and denominator belong to ratio metrics; %q aggregates by %s", m.ID, m.Aggregation)
		}
		return
	}
	for _, op := range []struct{ key, id string }{{"numerator", m.Numerator}, {"denominator", m.Denominator}} {
		at := ptr("metrics", i, op.key)
		switch {
		case op.id == "":
			l.Add(at, RuleRatioOperands, "a ratio needs a %s", op.key)
		case op.id == m.ID:
			l.Add(at, RuleCircular, "ratio %q refers to itself", m.ID)
		case !known(ids, op.id):
			l.Add(at, RuleUnknownReference, "no metric has id %q", op.id)
		case d.reaches(ids, op.id, m.ID):
			l.Add(at, RuleCircular, "ratio %q depends on itself through %q", m.ID, op.id)
		}
	}
}

// known reports whether a metric has the id.
func known(ids map[string]int, id string) bool {
	_, ok := ids[id]
	return ok
}

// reaches reports whether following the operands of ratio and derived
// metrics from id leads to target; ids indexes the metrics, so a check
// costs the metrics it visits, not the deck's size for each.
func (d *Deck) reaches(ids map[string]int, id, target string) bool {
	seen := map[string]bool{}
	stack := []string{id}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if cur == target {
			return true
		}
		if seen[cur] {
			continue
		}
		seen[cur] = true
		if j, ok := ids[cur]; ok {
			stack = append(stack, d.Metrics[j].operandsOf()...)
		}
	}
	return false
}

func (d *Deck) checkPlan(l *problem.List, i int) {
	m := &d.Metrics[i]
	cal := d.Calendar
	type key struct {
		k PeriodKind
		e Date
	}
	seen := map[key]int{}
	for k, p := range m.Plan {
		if p.End.IsZero() || !p.Period.Valid() {
			continue // the field rules already said so
		}
		if j, ok := seen[key{p.Period, p.End}]; ok {
			l.Add(ptr("metrics", i, "plan", k), RuleDuplicate, "a %s plan ending %s is already at /metrics/%d/plan/%d", p.Period, p.End, i, j)
			continue
		}
		seen[key{p.Period, p.End}] = k
		if m.fraction() && m.comparison() == BPS && math.Abs(p.Value) > 1 {
			l.Add(ptr("metrics", i, "plan", k, "value"), RulePlanRange, "%q is a rate compared in basis points, so its values are fractions (1 is 100%%): a plan of %v would be %v%%; write %v for %v%%", m.ID, p.Value, p.Value*100, p.Value/100, p.Value)
		}
		if !cal.isPeriodEnd(p.Period, dayOf(p.End)) {
			l.Add(ptr("metrics", i, "plan", k, "end"), RulePlanEnd, "%s is not the last day of a %s under this calendar (weeks end on %s, fiscal years in %s)", p.End, p.Period, cal.weekEnds(), cal.fiscalYearEnd())
		}
	}
}
