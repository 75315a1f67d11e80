package wbr

import (
	"encoding/json"
	"fmt"
	"github.com/dayone-go/mechanisms/internal/civil"
	"math"
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file is an oracle: a deliberately naive re-computation of every
// figure of a report, written from the definitions in the package
// documentation (and the issue that specified the package) with time.Time
// date arithmetic and maps of raw daily rows. It calls none of the
// package's period, aggregation or change helpers; it only feeds Build
// and reads Build's JSON, which is the contract.
//
// When first run it found three discrepancies, each now pinned by its own
// test in build_test.go: a ratio divided an operand's mean instead of its
// period sum; the year-ago month of February 2025 lost 29 February 2024;
// a ratio whose operands missed different days divided sums over
// different days and undercounted the missing days.

// ymd keys a raw row by its calendar date.
type ymd struct {
	y int
	m time.Month
	d int
}

func keyOf(t time.Time) ymd { y, m, d := t.Date(); return ymd{y, m, d} }

func utc(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// lastOfMonth is the last calendar day of t's month.
func lastOfMonth(t time.Time) time.Time {
	return utc(t.Year(), t.Month(), 1).AddDate(0, 1, -1)
}

// oneYearBack is the same date a calendar year earlier, 29 February
// becoming 28 February.
func oneYearBack(t time.Time) time.Time {
	y, m, d := t.Date()
	if m == time.February && d == 29 {
		d = 28
	}
	return utc(y-1, m, d)
}

// oFig is the oracle's value of a metric over a period.
type oFig struct {
	v       float64
	ok      bool
	missing int
}

func (f oFig) ptr() *float64 {
	if !f.ok || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
		return nil
	}
	return &f.v
}

type oracle struct {
	deck *Deck
	raw  map[string]map[ymd]float64
}

func (o *oracle) metric(id string) *Metric {
	for i := range o.deck.Metrics {
		if o.deck.Metrics[i].ID == id {
			return &o.deck.Metrics[i]
		}
	}
	return nil
}

// value aggregates the raw rows of metric id from..to, both included.
func (o *oracle) value(id string, from, to time.Time) oFig {
	m := o.metric(id)
	if m.Aggregation == Derived {
		return o.derived(m, from, to)
	}
	if m.Aggregation == Ratio {
		// A ratio has data on the days all the data metrics it is computed
		// from have data; only those days enter its operands' sums.
		leaves := o.leaves(m, map[string]bool{})
		var days []time.Time
		f := oFig{}
		for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
			all := true
			for _, l := range leaves {
				_, ok := o.raw[l][keyOf(t)]
				all = all && ok
			}
			if all {
				days = append(days, t)
			} else {
				f.missing++
			}
		}
		if len(days) == 0 {
			return f
		}
		v := o.ratioOn(m, days)
		if !math.IsNaN(v) {
			f.v, f.ok = v, true
		}
		return f
	}
	var vals []float64
	var f oFig
	for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
		v, ok := o.raw[id][keyOf(t)]
		if !ok {
			f.missing++
			continue
		}
		vals = append(vals, v)
	}
	if len(vals) == 0 {
		return f
	}
	f.ok = true
	switch m.Aggregation {
	case Sum, Mean:
		for _, v := range vals {
			f.v += v
		}
		if m.Aggregation == Mean {
			f.v /= float64(len(vals))
		}
	case Min:
		f.v = vals[0]
		for _, v := range vals {
			f.v = math.Min(f.v, v)
		}
	case Max:
		f.v = vals[0]
		for _, v := range vals {
			f.v = math.Max(f.v, v)
		}
	case Last:
		f.v = vals[len(vals)-1]
	case First:
		f.v = vals[0]
	}
	return f
}

// derived aggregates each operand its own way over the whole period, then
// combines them; the figure misses every day any data metric it is
// computed from misses.
func (o *oracle) derived(m *Metric, from, to time.Time) oFig {
	leaves := o.leaves(m, map[string]bool{})
	var f oFig
	n := 0
	for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
		n++
		for _, l := range leaves {
			if _, ok := o.raw[l][keyOf(t)]; !ok {
				f.missing++
				break
			}
		}
	}
	if f.missing == n {
		return f
	}
	var acc float64
	for i, id := range m.Operands {
		g := o.value(id, from, to)
		if !g.ok {
			return f
		}
		switch {
		case i == 0:
			acc = g.v
		case m.Operation == Add:
			acc += g.v
		case m.Operation == Subtract:
			acc -= g.v
		case m.Operation == Multiply:
			acc *= g.v
		case m.Operation == Divide:
			if g.v == 0 {
				return f
			}
			acc /= g.v
		}
	}
	if !math.IsInf(acc, 0) && !math.IsNaN(acc) {
		f.v, f.ok = acc, true
	}
	return f
}

// leaves lists the data metrics ratio m is computed from.
func (o *oracle) leaves(m *Metric, seen map[string]bool) []string {
	var out []string
	ops := []string{m.Numerator, m.Denominator}
	if m.Aggregation == Derived {
		ops = m.Operands
	}
	for _, id := range ops {
		op := o.metric(id)
		switch {
		case seen[id]:
		case op.Aggregation == Ratio || op.Aggregation == Derived:
			out = append(out, o.leaves(op, seen)...)
		default:
			out = append(out, id)
		}
		seen[id] = true
	}
	return out
}

// ratioOn divides the numerator's sum over days by the denominator's,
// whatever their own aggregation; an operand that is a ratio contributes
// its ratio over the same days. NaN when a denominator is zero.
func (o *oracle) ratioOn(m *Metric, days []time.Time) float64 {
	part := func(id string) float64 {
		op := o.metric(id)
		if op.Aggregation == Ratio {
			return o.ratioOn(op, days)
		}
		sum := 0.0
		for _, t := range days {
			sum += o.raw[id][keyOf(t)]
		}
		return sum
	}
	n, d := part(m.Numerator), part(m.Denominator)
	if d == 0 || math.IsNaN(n) || math.IsNaN(d) {
		return math.NaN()
	}
	return n / d
}

// change compares cur with prev in the metric's comparison unit.
func oChange(m *Metric, cur, prev oFig) *float64 {
	if !cur.ok || !prev.ok || cur.missing > 0 || prev.missing > 0 {
		return nil
	}
	var c float64
	switch {
	case m.Comparison == BPS && (m.Aggregation == Ratio || m.Operation == Divide):
		c = (cur.v - prev.v) * 10000
	case m.Comparison == BPS: // a metric in unit "%": a point is 100 bps
		c = (cur.v - prev.v) * 100
	default:
		if prev.v == 0 {
			return nil
		}
		c = (cur.v - prev.v) / math.Abs(prev.v) * 100
	}
	if math.IsNaN(c) || math.IsInf(c, 0) {
		return nil
	}
	return &c
}

// fiscal returns the first day of the fiscal quarter and fiscal year
// holding t, walking back month by month.
func fiscal(t time.Time, fye time.Month) (quarter, year time.Time) {
	start := fye%12 + 1 // the month after the fiscal year end
	m := utc(t.Year(), t.Month(), 1)
	for (int(m.Month())-int(start)+12)%3 != 0 {
		m = m.AddDate(0, -1, 0)
	}
	quarter = m
	for m.Month() != start {
		m = m.AddDate(0, -1, 0)
	}
	return quarter, m
}

// oPeriod is a period the oracle expects in the report's periods.
type oPeriod struct{ from, to time.Time }

func (p oPeriod) json() map[string]any {
	return map[string]any{"start": p.from.Format(time.DateOnly), "end": p.to.Format(time.DateOnly)}
}

func (p oPeriod) days() int { return int(p.to.Sub(p.from).Hours()/24+0.5) + 1 }

// oPeriods are every period a report for the week ending w compares.
type oPeriods struct {
	week, prior, ya                    oPeriod
	mtd, qtd, ytd, mtdYA, qtdYA, ytdYA oPeriod
	weeks, months                      []oPeriod
	quarterEnd, yearEnd                time.Time
}

func oPeriodsFor(w time.Time, fye time.Month) oPeriods {
	var p oPeriods
	p.week = oPeriod{w.AddDate(0, 0, -6), w}
	p.prior = oPeriod{w.AddDate(0, 0, -13), w.AddDate(0, 0, -7)}
	p.ya = oPeriod{w.AddDate(0, 0, -370), w.AddDate(0, 0, -364)}
	q, y := fiscal(w, fye)
	p.mtd = oPeriod{utc(w.Year(), w.Month(), 1), w}
	p.qtd = oPeriod{q, w}
	p.ytd = oPeriod{y, w}
	p.quarterEnd = q.AddDate(0, 3, -1)
	p.yearEnd = y.AddDate(1, 0, -1)
	back := func(x oPeriod) oPeriod { return oPeriod{oneYearBack(x.from), oneYearBack(x.to)} }
	p.mtdYA, p.qtdYA, p.ytdYA = back(p.mtd), back(p.qtd), back(p.ytd)
	for i := 5; i >= 0; i-- {
		e := w.AddDate(0, 0, -7*i)
		p.weeks = append(p.weeks, oPeriod{e.AddDate(0, 0, -6), e})
	}
	last := utc(w.Year(), w.Month(), 1) // the month after the last complete one
	if w.AddDate(0, 0, 1).Day() == 1 {
		last = last.AddDate(0, 1, 0)
	}
	for i := 12; i >= 1; i-- {
		s := last.AddDate(0, -i, 0)
		p.months = append(p.months, oPeriod{s, lastOfMonth(s)})
	}
	return p
}

// planAt is the plan of metric m for the period of kind k ending on end.
func planAt(m *Metric, k PeriodKind, end time.Time) *float64 {
	for _, p := range m.Plan {
		if p.Period == k && p.End.Time().Equal(end) {
			v := p.Value
			return &v
		}
	}
	return nil
}

// checker compares figures and counts them.
type checker struct {
	t       *testing.T
	figures int
}

func (c *checker) num(path string, want *float64, got any) {
	c.t.Helper()
	c.figures++
	if want == nil {
		assert.Nil(c.t, got, "%s: want null", path)
		return
	}
	g, ok := got.(float64)
	if !assert.True(c.t, ok, "%s: want %v, got %v", path, *want, got) {
		return
	}
	tol := 1e-9*math.Max(math.Abs(*want), math.Abs(g)) + 1e-9
	assert.LessOrEqual(c.t, math.Abs(*want-g), tol, "%s: want %v, got %v", path, *want, g)
}

func (c *checker) eq(path string, want, got any) {
	c.t.Helper()
	c.figures++
	assert.Equal(c.t, want, got, path)
}

func (c *checker) period(path string, want oPeriod, got any) {
	c.t.Helper()
	c.eq(path, want.json(), got)
}

// check compares every figure of Build's JSON report with the oracle.
func (o *oracle) check(c *checker, w time.Time, js map[string]any) {
	t := c.t
	t.Helper()
	fye := December.Time()
	if o.deck.Calendar.FiscalYearEnd != "" {
		fye = o.deck.Calendar.FiscalYearEnd.Time()
	}
	p := oPeriodsFor(w, fye)
	at := w.Format(time.DateOnly)
	c.eq(at+"/weekEnding", at, js["weekEnding"])
	we := Saturday
	if o.deck.Calendar.WeekEnds != "" {
		we = o.deck.Calendar.WeekEnds
	}
	c.eq(at+"/calendar", map[string]any{"weekEnds": string(we), "fiscalYearEnd": strings.ToLower(fye.String())}, js["calendar"])
	ids := []any{}
	for _, m := range o.deck.Metrics {
		ids = append(ids, m.ID)
	}
	c.eq(at+"/sections", []any{map[string]any{"title": "Metrics", "metrics": ids}}, js["sections"])
	per := js["periods"].(map[string]any)
	for name, want := range map[string]oPeriod{"week": p.week, "priorWeek": p.prior, "yearAgoWeek": p.ya, "mtd": p.mtd, "qtd": p.qtd, "ytd": p.ytd, "mtdYearAgo": p.mtdYA, "qtdYearAgo": p.qtdYA, "ytdYearAgo": p.ytdYA} {
		c.period(at+"/periods/"+name, want, per[name])
	}
	for i, wk := range p.weeks {
		c.period(fmt.Sprintf("%s/periods/weeks/%d", at, i), wk, per["weeks"].([]any)[i])
	}
	for i, mo := range p.months {
		c.period(fmt.Sprintf("%s/periods/months/%d", at, i), mo, per["months"].([]any)[i])
	}

	ms := js["metrics"].([]any)
	require.Len(t, ms, len(o.deck.Metrics))
	for i := range o.deck.Metrics {
		m := &o.deck.Metrics[i]
		g := ms[i].(map[string]any)
		path := at + "/" + m.ID + "/"
		c.eq(path+"id", m.ID, g["id"])
		name, cmp, better := m.Name, m.Comparison, m.Better
		if name == "" {
			name = m.ID
		}
		if cmp == "" {
			cmp = Percent
		}
		if better == "" {
			better = Up
		}
		c.eq(path+"name", name, g["name"])
		c.eq(path+"role", string(m.Role), g["role"])
		c.eq(path+"aggregation", string(m.Aggregation), g["aggregation"])
		c.eq(path+"comparison", string(cmp), g["comparison"])
		c.eq(path+"better", string(better), g["better"])
		val := func(x oPeriod) oFig { return o.value(m.ID, x.from, x.to) }
		incomplete := []string{}
		figs := []struct {
			name string
			per  oPeriod
		}{{"lastWeek", p.week}, {"priorWeek", p.prior}, {"yearAgoWeek", p.ya}, {"mtd", p.mtd}, {"mtdYearAgo", p.mtdYA}, {"qtd", p.qtd}, {"qtdYearAgo", p.qtdYA}, {"ytd", p.ytd}, {"ytdYearAgo", p.ytdYA}}
		vals := map[string]oFig{}
		for _, f := range figs {
			v := val(f.per)
			vals[f.name] = v
			c.num(path+f.name, v.ptr(), g[f.name])
			if v.missing > 0 {
				incomplete = append(incomplete, f.name)
			}
		}
		c.num(path+"wow", oChange(m, vals["lastWeek"], vals["priorWeek"]), g["wow"])
		c.num(path+"yoy", oChange(m, vals["lastWeek"], vals["yearAgoWeek"]), g["yoy"])
		c.num(path+"mtdYoy", oChange(m, vals["mtd"], vals["mtdYearAgo"]), g["mtdYoy"])
		c.num(path+"qtdYoy", oChange(m, vals["qtd"], vals["qtdYearAgo"]), g["qtdYoy"])
		c.num(path+"ytdYoy", oChange(m, vals["ytd"], vals["ytdYearAgo"]), g["ytdYoy"])
		gotInc := []string{}
		for _, s := range g["incomplete"].([]any) {
			gotInc = append(gotInc, s.(string))
		}
		sort.Strings(incomplete)
		sort.Strings(gotInc)
		c.eq(path+"incomplete", incomplete, gotInc)
		c.eq(path+"additive", grows(o.deck, m), g["additive"])

		// The 6-12 chart.
		gw := g["weeks"].([]any)
		require.Len(t, gw, 6, path)
		for k, wk := range p.weeks {
			cur := val(wk)
			ya := val(oPeriod{wk.from.AddDate(0, 0, -364), wk.to.AddDate(0, 0, -364)})
			pt := gw[k].(map[string]any)
			pp := fmt.Sprintf("%sweeks/%d/", path, k)
			c.period(pp+"period", wk, pt["period"])
			c.num(pp+"value", cur.ptr(), pt["value"])
			c.num(pp+"yearAgo", ya.ptr(), pt["yearAgo"])
			c.num(pp+"plan", planAt(m, PlanWeek, wk.to), pt["plan"])
			c.eq(pp+"missing", float64(cur.missing), pt["missing"])
			c.eq(pp+"yearAgoMissing", float64(ya.missing), pt["yearAgoMissing"])
			c.num(pp+"change", oChange(m, cur, val(oPeriod{wk.from.AddDate(0, 0, -7), wk.to.AddDate(0, 0, -7)})), pt["change"])
			c.num(pp+"yoy", oChange(m, cur, ya), pt["yoy"])
		}
		gm := g["months"].([]any)
		require.Len(t, gm, 12, path)
		for k, mo := range p.months {
			cur := val(mo)
			yaFrom := utc(mo.from.Year()-1, mo.from.Month(), 1)
			ya := val(oPeriod{yaFrom, lastOfMonth(yaFrom)}) // the whole month a year earlier
			pt := gm[k].(map[string]any)
			pp := fmt.Sprintf("%smonths/%d/", path, k)
			c.period(pp+"period", mo, pt["period"])
			c.num(pp+"value", cur.ptr(), pt["value"])
			c.num(pp+"yearAgo", ya.ptr(), pt["yearAgo"])
			c.num(pp+"plan", planAt(m, PlanMonth, mo.to), pt["plan"])
			c.eq(pp+"missing", float64(cur.missing), pt["missing"])
			c.eq(pp+"yearAgoMissing", float64(ya.missing), pt["yearAgoMissing"])
			prevFrom := mo.from.AddDate(0, -1, 0)
			c.num(pp+"change", oChange(m, cur, val(oPeriod{prevFrom, lastOfMonth(prevFrom)})), pt["change"])
			c.num(pp+"yoy", oChange(m, cur, ya), pt["yoy"])
		}

		// The plan box: a week plan as it is; month, quarter and year plans
		// of a summed metric prorated by the days elapsed.
		o.checkPlan(c, path, m, p, vals, g["plan"])

		// The weekly XmR chart: the trailing run of complete weeks, at most 26.
		var xs []float64
		var xw []any
		for k := 0; k < 26; k++ {
			e := w.AddDate(0, 0, -7*k)
			f := val(oPeriod{e.AddDate(0, 0, -6), e})
			if !f.ok || f.missing > 0 || f.ptr() == nil {
				break
			}
			xs = append([]float64{f.v}, xs...)
			xw = append([]any{e.Format(time.DateOnly)}, xw...)
		}
		if xw == nil {
			xw = []any{}
		}
		c.eq(path+"xmrWeeks", xw, g["xmrWeeks"])
		if len(xs) < 2 {
			c.eq(path+"xmr", nil, g["xmr"])
			c.eq(path+"signals", []any{}, g["signals"])
			continue
		}
		x := g["xmr"].(map[string]any)
		c.eq(path+"xmr/points", float64(len(xs)), x["points"])
		mean, mr, ul, ll, url := naiveLimits(xs)
		c.num(path+"xmr/mean", &mean, x["mean"])
		c.num(path+"xmr/movingRangeMean", &mr, x["movingRangeMean"])
		c.num(path+"xmr/upper", &ul, x["upper"])
		c.num(path+"xmr/lower", &ll, x["lower"])
		c.num(path+"xmr/rangeLimit", &url, x["rangeLimit"])
		want := []string{}
		for _, s := range naiveSignals(xs) {
			want = append(want, s.String()+"@"+xw[s.index].(string))
		}
		got := []string{}
		for _, s := range g["signals"].([]any) {
			s := s.(map[string]any)
			ns := naiveSignal{index: int(s["index"].(float64)), rule: int(s["rule"].(float64)), above: s["above"].(bool), mr: s["movingRange"] == true}
			got = append(got, ns.String()+"@"+s["week"].(string))
		}
		sort.Strings(want)
		sort.Strings(got)
		c.eq(path+"signals", want, got)
	}
}

func (o *oracle) checkPlan(c *checker, path string, m *Metric, p oPeriods, vals map[string]oFig, got any) {
	c.t.Helper()
	type planned struct {
		key  string
		plan *float64
		act  oFig
	}
	var rows []planned
	found := false
	if v := planAt(m, PlanWeek, p.week.to); v != nil {
		found = true
		rows = append(rows, planned{"week", v, vals["lastWeek"]})
	} else {
		rows = append(rows, planned{"week", nil, oFig{}})
	}
	for _, k := range []struct {
		key    string
		kind   PeriodKind
		whole  oPeriod
		todate oPeriod
	}{
		{"mtd", PlanMonth, oPeriod{p.mtd.from, lastOfMonth(p.mtd.to)}, p.mtd},
		{"qtd", PlanQuarter, oPeriod{p.qtd.from, p.quarterEnd}, p.qtd},
		{"ytd", PlanYear, oPeriod{p.ytd.from, p.yearEnd}, p.ytd},
	} {
		v := planAt(m, k.kind, k.whole.to)
		if v == nil {
			rows = append(rows, planned{k.key, nil, oFig{}})
			continue
		}
		found = true
		pv := *v
		if grows(o.deck, m) {
			pv = pv * float64(k.todate.days()) / float64(k.whole.days())
		}
		rows = append(rows, planned{k.key, &pv, vals[k.key]})
	}
	if !found {
		c.eq(path+"plan", nil, got)
		return
	}
	g, ok := got.(map[string]any)
	if !assert.True(c.t, ok, "%splan: want a plan, got %v", path, got) {
		return
	}
	for _, r := range rows {
		c.num(path+"plan/"+r.key, r.plan, g[r.key])
		var variance *float64
		if r.plan != nil {
			variance = oChange(m, r.act, oFig{v: *r.plan, ok: true})
		}
		c.num(path+"plan/"+r.key+"Variance", variance, g[r.key+"Variance"])
	}
}

// naiveLimits computes an XmR chart's centre line, average moving range,
// natural process limits and upper range limit from their definitions.
func naiveLimits(xs []float64) (mean, mr, upper, lower, rangeLimit float64) {
	for _, x := range xs {
		mean += x
	}
	mean /= float64(len(xs))
	for i := 1; i < len(xs); i++ {
		mr += math.Abs(xs[i] - xs[i-1])
	}
	mr /= float64(len(xs) - 1)
	return mean, mr, mean + 2.66*mr, mean - 2.66*mr, 3.268 * mr
}

type naiveSignal struct {
	index, rule int
	above, mr   bool
}

func (s naiveSignal) String() string {
	return fmt.Sprintf("%03d/rule%d/above=%v/mr=%v", s.index, s.rule, s.above, s.mr)
}

// naiveSignals applies Wheeler's three detection rules point by point, as
// the XmR doc states them: strict inequalities everywhere, a point on the
// centre line on neither side.
func naiveSignals(xs []float64) []naiveSignal {
	mean, _, upper, lower, rl := naiveLimits(xs)
	var out []naiveSignal
	for i, x := range xs {
		if x > upper || x < lower {
			out = append(out, naiveSignal{i, 1, x > mean, false})
		}
		if i > 0 && math.Abs(x-xs[i-1]) > rl {
			out = append(out, naiveSignal{i, 1, x > xs[i-1], true})
		}
	}
	// Rule 2: a point counts when it lies beyond the midpoint between the
	// centre line and the limit on its side; flagged when it is one of three
	// or more such points, on one side, in some window of four.
	beyond := func(x float64, up bool) bool {
		if up {
			return x > (mean+upper)/2
		}
		return x < (mean+lower)/2
	}
	for i, x := range xs {
		for _, up := range []bool{true, false} {
			if !beyond(x, up) {
				continue
			}
			hit := false
			for s := i - 3; s <= i; s++ {
				if s < 0 || s+4 > len(xs) {
					continue
				}
				n := 0
				for k := s; k < s+4; k++ {
					if beyond(xs[k], up) {
						n++
					}
				}
				hit = hit || n >= 3
			}
			if hit {
				out = append(out, naiveSignal{i, 2, up, false})
			}
		}
	}
	// Rule 3: a point inside some window of eight consecutive points all
	// strictly on its side.
	for i, x := range xs {
		if x == mean {
			continue
		}
		up := x > mean
		hit := false
		for s := i - 7; s <= i; s++ {
			if s < 0 || s+8 > len(xs) {
				continue
			}
			all := true
			for k := s; k < s+8; k++ {
				all = all && ((up && xs[k] > mean) || (!up && xs[k] < mean))
			}
			hit = hit || all
		}
		if hit {
			out = append(out, naiveSignal{i, 3, up, false})
		}
	}
	return out
}

// grows reports whether a metric's period value grows with the period's
// length like a total: a sum; a derived sum or difference of such metrics;
// a product with exactly one of them; one of them divided by a metric that
// is not.
func grows(d *Deck, m *Metric) bool {
	if m.Aggregation == Sum {
		return true
	}
	if m.Aggregation != Derived {
		return false
	}
	n := 0
	for _, id := range m.Operands {
		if grows(d, d.metric(id)) {
			n++
		}
	}
	switch m.Operation {
	case Add, Subtract:
		return n == len(m.Operands)
	case Multiply:
		return n == 1
	}
	return grows(d, d.metric(m.Operands[0])) && n == 1
}

// oracleDeck is a deck with several metrics of every aggregation: with
// gaps, zeros, negative values, a metric without data, ratios of sums, a
// ratio of a mean, a ratio of a ratio, and plans for weeks, months,
// quarters and years.
func oracleDeck(cal Calendar) *Deck {
	in := func(id string, agg Aggregation) Metric {
		return Metric{ID: id, Role: Input, Owner: "o", Aggregation: agg, Drives: []string{"orders", "net_cash"}}
	}
	derived := func(id string, op Operation, cmp Comparison, ops ...string) Metric {
		m := in(id, Derived)
		m.Operation, m.Operands, m.Comparison = op, ops, cmp
		return m
	}
	ratio := func(id, num, den string, cmp Comparison) Metric {
		m := in(id, Ratio)
		m.Numerator, m.Denominator, m.Comparison = num, den, cmp
		return m
	}
	d := &Deck{Calendar: cal, Metrics: []Metric{
		{ID: "orders", Role: Output, Aggregation: Sum},
		{ID: "net_cash", Role: Output, Aggregation: Sum, Better: Down}, // negative values
		in("visits", Sum),       // gaps
		in("hits", Sum),         // gaps on other days
		in("zeros", Sum),        // whole weeks and months of zeros
		in("price", Mean),       // complete
		in("temp", Mean),        // negative, gaps
		in("pct", Mean),         // unit %, bps
		in("low", Min),          // negative
		in("low_gappy", Min),    // gaps
		in("high", Max),         // complete
		in("high_gappy", Max),   // gaps
		in("stock", Last),       // complete
		in("stock_gappy", Last), // gaps
		in("nothing", Sum),      // no data at all
		ratio("hit_rate", "hits", "visits", BPS),
		ratio("conversion", "orders", "visits", Percent),
		ratio("zero_rate", "orders", "zeros", Percent),       // denominator often zero
		ratio("price_per_visit", "price", "visits", Percent), // a mean operand: its period sum
		ratio("rate_of_rate", "hit_rate", "conversion", Percent),
		in("opening", First),                           // complete
		in("opening_gappy", First),                     // gaps
		derived("churn", Divide, BPS, "hits", "price"), // a sum over a mean
		derived("net", Subtract, Percent, "visits", "hits", "zeros"),
		derived("total", Add, Percent, "orders", "net_cash"),
		derived("scaled", Multiply, Percent, "churn", "temp"), // a chain, with gaps
		derived("net_per_order", Divide, Percent, "net", "orders"),
	}}
	for i := range d.Metrics {
		if d.Metrics[i].ID == "pct" {
			d.Metrics[i].Unit, d.Metrics[i].Comparison = "%", BPS
		}
	}
	return d
}

// addPlans gives orders, price and hit_rate plan values for every week,
// month, fiscal quarter and fiscal year ending from..to, skipping some.
func addPlans(d *Deck, rng *rand.Rand, from, to time.Time) {
	fye := December.Time()
	if d.Calendar.FiscalYearEnd != "" {
		fye = d.Calendar.FiscalYearEnd.Time()
	}
	we := Saturday.Time()
	if d.Calendar.WeekEnds != "" {
		we = d.Calendar.WeekEnds.Time()
	}
	for i := range d.Metrics {
		m := &d.Metrics[i]
		var scale float64
		switch m.ID {
		case "orders":
			scale = 1000
		case "price":
			scale = 20
		case "hit_rate":
			scale = 0.3
		case "net": // a difference of sums
			scale = 50
		case "scaled": // a sum over a mean, times a mean
			scale = 4
		case "zeros":
			scale = 0
		default:
			continue
		}
		add := func(k PeriodKind, end time.Time, days int) {
			if rng.IntN(5) == 0 {
				return
			}
			v := scale * (0.9 + 0.2*rng.Float64())
			if grows(d, m) {
				v *= float64(days)
			}
			m.Plan = append(m.Plan, PlanValue{Period: k, End: Date{Year: end.Year(), Month: end.Month(), Day: end.Day()}, Value: v})
		}
		for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
			if t.Weekday() == we {
				add(PlanWeek, t, 7)
			}
			if t.AddDate(0, 0, 1).Day() != 1 {
				continue
			}
			add(PlanMonth, t, t.Day())
			q, y := fiscal(t, fye)
			if q.AddDate(0, 3, -1).Equal(t) {
				add(PlanQuarter, t, 91)
			}
			if y.AddDate(1, 0, -1).Equal(t) {
				add(PlanYear, t, 365)
			}
		}
	}
}

// oracleData generates seeded daily rows from..to for the deck's data
// metrics.
func oracleData(rng *rand.Rand, from, to time.Time) map[string]map[ymd]float64 {
	raw := map[string]map[ymd]float64{}
	put := func(id string, t time.Time, v float64) {
		if raw[id] == nil {
			raw[id] = map[ymd]float64{}
		}
		raw[id][keyOf(t)] = v
	}
	round := func(v float64, places int) float64 {
		p := math.Pow(10, float64(places))
		return math.Round(v*p) / p
	}
	gap := func(p float64) bool { return rng.Float64() < p }
	for t := from; !t.After(to); t = t.AddDate(0, 0, 1) {
		season := 1 + 0.3*math.Sin(float64(t.YearDay())/365*2*math.Pi)
		visits := math.Round(5000 * season * (0.8 + 0.4*rng.Float64()))
		orders := math.Round(visits * (0.05 + 0.02*rng.Float64()))
		put("orders", t, orders)
		put("net_cash", t, round(2000*rng.NormFloat64(), 2))
		if !gap(0.03) {
			put("visits", t, visits)
		}
		if !gap(0.03) {
			put("hits", t, math.Round(visits*(0.2+0.2*rng.Float64())))
		}
		// Zeros for whole stretches: only in the spring of odd years and
		// the autumn of even ones, and otherwise now and then.
		z := 0.0
		if (t.Year()%2 == 1 && t.Month() >= 3 && t.Month() <= 5) || (t.Year()%2 == 0 && t.Month() >= 9 && t.Month() <= 10) || rng.IntN(10) == 0 {
			z = float64(rng.IntN(40))
		}
		put("zeros", t, z)
		put("price", t, round(20+rng.Float64()*3, 2))
		if !gap(0.05) {
			put("temp", t, round(10*math.Sin(float64(t.YearDay())/365*2*math.Pi)+rng.NormFloat64()*4, 1))
		}
		put("pct", t, round(90+rng.Float64()*9, 2))
		put("low", t, round(rng.NormFloat64()*10, 3))
		if !gap(0.04) {
			put("low_gappy", t, round(rng.Float64()*100, 1))
		}
		put("high", t, round(rng.Float64()*100, 1))
		if !gap(0.04) {
			put("high_gappy", t, round(-rng.Float64()*100, 1))
		}
		put("stock", t, float64(rng.IntN(500)))
		if !gap(0.1) {
			put("stock_gappy", t, float64(rng.IntN(500)))
		}
		put("opening", t, float64(rng.IntN(900)))
		if !gap(0.1) {
			put("opening_gappy", t, float64(rng.IntN(900)))
		}
	}
	// A whole missing fortnight of visits, so weeks with no data at all
	// turn up in charts and break the XmR run.
	for t := utc(2024, 6, 3); t.Before(utc(2024, 6, 17)); t = t.AddDate(0, 0, 1) {
		delete(raw["visits"], keyOf(t))
	}
	return raw
}

// oracleCSV writes the rows as ReadCSV reads them, metrics interleaved and
// days out of order, so the reader's sorting is exercised too.
func oracleCSV(rng *rand.Rand, raw map[string]map[ymd]float64) string {
	var rows []string
	for id, days := range raw {
		for k, v := range days {
			rows = append(rows, fmt.Sprintf("%04d-%02d-%02d,%s,%s", k.y, int(k.m), k.d, id, strconv.FormatFloat(v, 'g', -1, 64)))
		}
	}
	sort.Strings(rows)
	rng.Shuffle(len(rows)/10, func(i, j int) { rows[i*10], rows[j*10] = rows[j*10], rows[i*10] })
	return "date,metric,value\n" + strings.Join(rows, "\n") + "\n"
}

// TestOracle runs Build over several decks and many week-ending dates and
// compares every figure of its JSON with the oracle.
func TestOracle(t *testing.T) {
	dataFrom, dataTo := utc(2020, 6, 1), utc(2025, 4, 30)
	cases := []struct {
		name string
		cal  Calendar
		loc  *time.Location // the location weekEnding is given in
		from time.Time
		to   time.Time
		must []time.Time // week-ending days that must be among those checked
	}{
		{"saturday/december", Calendar{}, time.UTC, utc(2022, 12, 3), utc(2025, 3, 29),
			[]time.Time{utc(2023, 12, 30), utc(2024, 1, 6), utc(2024, 3, 2), utc(2024, 3, 30), utc(2024, 8, 31), utc(2025, 1, 4), utc(2025, 3, 1)}},
		{"wednesday/june", Calendar{WeekEnds: Wednesday, FiscalYearEnd: June}, time.FixedZone("HST", -10*3600), utc(2022, 12, 7), utc(2025, 3, 26),
			[]time.Time{utc(2024, 1, 3), utc(2024, 7, 3), utc(2023, 6, 28), utc(2024, 7, 31)}},
		{"thursday/march", Calendar{WeekEnds: Thursday, FiscalYearEnd: March}, time.FixedZone("+14", 14*3600), utc(2022, 12, 1), utc(2025, 3, 27),
			[]time.Time{utc(2024, 2, 29), utc(2024, 1, 4), utc(2023, 3, 30), utc(2024, 4, 4), utc(2025, 1, 2)}},
		{"friday/february", Calendar{WeekEnds: Friday, FiscalYearEnd: February}, time.UTC, utc(2023, 1, 6), utc(2025, 3, 28),
			[]time.Time{utc(2024, 3, 1), utc(2025, 2, 28), utc(2024, 12, 27), utc(2025, 1, 3), utc(2023, 3, 31)}},
		{"sunday/january", Calendar{WeekEnds: Sunday, FiscalYearEnd: January}, time.UTC, utc(2023, 1, 1), utc(2025, 3, 30),
			[]time.Time{utc(2024, 3, 31), utc(2023, 12, 31), utc(2024, 2, 4), utc(2025, 2, 2)}},
	}
	total, weeks := 0, 0
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rng := rand.New(rand.NewPCG(uint64(i+1), 5))
			d := oracleDeck(tc.cal)
			addPlans(d, rng, dataFrom, dataTo)
			require.NoError(t, d.Validate())
			raw := oracleData(rng, dataFrom, dataTo)
			data, err := ReadCSV(strings.NewReader(oracleCSV(rng, raw)))
			require.NoError(t, err)
			o := &oracle{deck: d, raw: raw}
			c := &checker{t: t}
			seen, must := map[time.Time]bool{}, map[time.Time]bool{}
			for _, w := range tc.must {
				must[w] = true
			}
			for k, w := 0, tc.from; !w.After(tc.to); k, w = k+1, w.AddDate(0, 0, 7) {
				if testing.Short() && k%4 != 0 && !must[w] {
					continue // -short: every fourth week and the named ones
				}
				seen[w] = true
				y, m, dd := w.Date()
				r, err := Build(d, data, civil.DateOf(time.Date(y, m, dd, 23, 30, 0, 0, tc.loc)), ReviewOptions{})
				require.NoError(t, err, w)
				b, err := r.JSON()
				require.NoError(t, err)
				var js map[string]any
				require.NoError(t, json.Unmarshal(b, &js))
				o.check(c, w, js)
				weeks++
				if t.Failed() {
					return // one week's discrepancies are enough to read
				}
			}
			for _, w := range tc.must {
				assert.True(t, seen[w], "%s is checked", w)
			}
			total += c.figures
		})
	}
	t.Logf("oracle compared %d figures over %d weeks of %d decks", total, weeks, len(cases))
}
