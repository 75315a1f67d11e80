package wbr

import (
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
		var l problem.List
		l.Add("/", "required", "the deck is missing")
		return l.Err("wbr")
	}
	var l problem.List = validation.Struct(d)
	ids := map[string]int{}
	for i := range d.Metrics {
		m := &d.Metrics[i]
		if j, ok := ids[m.ID]; ok && m.ID != "" {
			l.Add(ptr("metrics", i, "id"), "unique", "id %q is already used by /metrics/%d", m.ID, j)
			continue
		}
		ids[m.ID] = i
	}
	inputs := 0
	driven := map[string]bool{}
	for i := range d.Metrics {
		m := &d.Metrics[i]
		d.checkRatio(&l, i)
		d.checkDerived(&l, i)
		if m.Comparison == BPS && !m.isRate() {
			l.Add(ptr("metrics", i, "comparison"), "bps-not-rate", "bps compares rates; %q is neither a ratio nor in unit %%", m.ID)
		}
		if m.Role == Input {
			inputs++
			if m.Owner == "" {
				l.Add(ptr("metrics", i, "owner"), "unowned-input", "input metric %q needs an owner who explains its variation", m.ID)
			}
		}
		for k, t := range m.Drives {
			at := ptr("metrics", i, "drives", k)
			if m.Role != Input {
				l.Add(at, "drives-from-output", "only input metrics drive outputs; %q is an %s", m.ID, m.Role)
			}
			j, ok := ids[t]
			switch {
			case !ok:
				l.Add(at, "unknown-metric", "no metric has id %q", t)
			case d.Metrics[j].Role != Output:
				l.Add(at, "drives-input", "%q is not an output metric", t)
			default:
				driven[t] = true
			}
		}
		d.checkPlan(&l, i)
	}
	if inputs == 0 && len(d.Metrics) > 0 {
		l.Add("/metrics", "no-inputs", "the deck has only output metrics; a WBR exists to manage the controllable inputs that drive them")
	} else {
		for i := range d.Metrics {
			m := &d.Metrics[i]
			if m.Role == Output && !driven[m.ID] {
				l.Add(ptr("metrics", i), "undriven-output", "no input metric drives output %q; name it in an input's drives", m.ID)
			}
		}
	}
	d.checkCharts(&l, ids)
	for s := range d.Sections {
		for k, id := range d.Sections[s].Metrics {
			if _, ok := ids[id]; !ok {
				l.Add(ptr("sections", s, "metrics", k), "unknown-metric", "no metric has id %q", id)
			}
		}
	}
	return l.Err("wbr")
}

func (d *Deck) checkRatio(l *problem.List, i int) {
	m := &d.Metrics[i]
	if m.Aggregation != Ratio {
		if m.Numerator != "" || m.Denominator != "" {
			l.Add(ptr("metrics", i), "ratio-operands", "numerator and denominator belong to ratio metrics; %q aggregates by %s", m.ID, m.Aggregation)
		}
		return
	}
	for _, op := range []struct{ key, id string }{{"numerator", m.Numerator}, {"denominator", m.Denominator}} {
		at := ptr("metrics", i, op.key)
		switch {
		case op.id == "":
			l.Add(at, "ratio-operands", "a ratio needs a %s", op.key)
		case op.id == m.ID:
			l.Add(at, "circular", "ratio %q refers to itself", m.ID)
		case d.metric(op.id) == nil:
			l.Add(at, "unknown-metric", "no metric has id %q", op.id)
		case d.reaches(op.id, m.ID):
			l.Add(at, "circular", "ratio %q depends on itself through %q", m.ID, op.id)
		}
	}
}

// reaches reports whether following ratio operands from id leads to target.
func (d *Deck) reaches(id, target string) bool {
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
		if m := d.metric(cur); m != nil {
			stack = append(stack, m.operandsOf()...)
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
			l.Add(ptr("metrics", i, "plan", k), "unique", "a %s plan ending %s is already at /metrics/%d/plan/%d", p.Period, p.End, i, j)
			continue
		}
		seen[key{p.Period, p.End}] = k
		if !cal.isPeriodEnd(p.Period, dayOf(p.End)) {
			l.Add(ptr("metrics", i, "plan", k, "end"), "plan-end", "%s is not the last day of a %s under this calendar (weeks end on %s, fiscal years in %s)", p.End, p.Period, cal.weekEnds(), cal.fiscalYearEnd())
		}
	}
}
