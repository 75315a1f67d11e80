package wbr

import (
	"math"
	"sort"
	"strings"
)

// Report is a Weekly Business Review computed from a deck and its data for
// one week. It marshals to JSON with null for every figure that is
// undefined and never NaN or Inf.
type Report struct {
	// Title is the deck's title.
	Title string `json:"title,omitempty"`
	// WeekEnding is the last day of the week reviewed.
	WeekEnding Date `json:"weekEnding"`
	// Calendar is the deck's calendar with defaults filled in.
	Calendar Calendar `json:"calendar"`
	// Periods are the periods every metric is computed over.
	Periods Periods `json:"periods"`
	// Sections list metric ids in reading order; a deck without sections
	// gets one section holding every metric.
	Sections []Section `json:"sections"`
	// Metrics are the figures of every metric, in the deck's order.
	Metrics []MetricReport `json:"metrics"`
	// Annotations are the deck's annotations dated within the charts, from
	// the first of the twelve months to the week reviewed, oldest first.
	Annotations []Annotation `json:"annotations"`

	opts ReviewOptions // Build's options, applied by Findings
}

// MetricReport is one metric's box and chart. Changes are in percent (12.5
// is +12.5%) for a percent comparison and in basis points for bps; a change
// is null when either side is undefined, has missing days, or, for
// percent, when the earlier value is zero.
type MetricReport struct {
	// ID, Name, Role, Owner, Unit and Aggregation repeat the deck's metric;
	// Comparison and Better have their defaults filled in.
	ID          string      `json:"id"`
	Name        string      `json:"name"`
	Role        Role        `json:"role"`
	Owner       string      `json:"owner,omitempty"`
	Unit        string      `json:"unit,omitempty"`
	Aggregation Aggregation `json:"aggregation"`
	Comparison  Comparison  `json:"comparison"`
	Better      Direction   `json:"better"`
	// Operation and Operands repeat a derived metric's definition.
	Operation Operation `json:"operation,omitempty"`
	Operands  []string  `json:"operands,omitempty"`
	// Additive is true when a period's value grows with the period's
	// length, as a total does (a sum; a derived sum or difference of
	// totals, a total times levels, a total divided by a level): the chart
	// draws its months as an average week and its month, quarter and year
	// plans are prorated.
	Additive bool `json:"additive"`

	// LastWeek is the value of the week reviewed; PriorWeek of the week
	// before; YearAgoWeek of the week 364 days earlier.
	LastWeek    *float64 `json:"lastWeek"`
	PriorWeek   *float64 `json:"priorWeek"`
	YearAgoWeek *float64 `json:"yearAgoWeek"`
	// WoW is last week against the week before; YoY against the year-ago week.
	WoW *float64 `json:"wow"`
	YoY *float64 `json:"yoy"`

	// MTD, QTD and YTD are the to-date values; the YearAgo values cover the
	// same days one calendar year earlier; the Yoy values compare them.
	MTD        *float64 `json:"mtd"`
	MTDYearAgo *float64 `json:"mtdYearAgo"`
	MTDYoY     *float64 `json:"mtdYoy"`
	QTD        *float64 `json:"qtd"`
	QTDYearAgo *float64 `json:"qtdYearAgo"`
	QTDYoY     *float64 `json:"qtdYoy"`
	YTD        *float64 `json:"ytd"`
	YTDYearAgo *float64 `json:"ytdYearAgo"`
	YTDYoY     *float64 `json:"ytdYoy"`

	// Plan compares the figures with the plan; null when the deck has no
	// plan value for any of the periods.
	Plan *PlanReport `json:"plan"`

	// Weeks are the trailing six weeks and Months the trailing twelve
	// complete months, oldest first, each with its year-ago value and its
	// WoW, MoM and YoY changes: the two panels of the 6-12 chart and the
	// six-week and twelve-month tables.
	Weeks  []ChartPoint `json:"weeks"`
	Months []ChartPoint `json:"months"`
	// With is the second metric drawn on this metric's chart (the deck's
	// chartWith); null without one.
	With *ChartSeries `json:"with"`
	// Annotations are the report's annotations that concern this metric,
	// oldest first: the latest MaxMetricAnnotations of them, each without
	// its list of metrics.
	Annotations []Annotation `json:"annotations"`

	// Incomplete names the figures (lastWeek, priorWeek, yearAgoWeek, mtd,
	// mtdYearAgo, ...) whose period lacks data on some days. Their values
	// cover only the days with data and they take part in no change.
	Incomplete []string `json:"incomplete"`
	// Overflow names the figures (by the same names) whose period has data
	// but whose value passes the largest float64 (about 1.8e308), such as
	// a week's sum of values near that limit. They are null, as a period
	// without data is, and take part in no change.
	Overflow []string `json:"overflow"`

	// XmR is the weekly XmR chart over the trailing run of complete weeks
	// (at most 26) ending with the week reviewed; null with fewer than two
	// such weeks. XmRWeeks holds the week-ending day of each of its points.
	XmR      *XmRChart `json:"xmr"`
	XmRWeeks []Date    `json:"xmrWeeks"`
	// Signals are the XmR chart's signals with the week they fall on.
	Signals []WeekSignal `json:"signals"`
}

// PlanReport holds plan values to date and the variance of the actual
// figure against each, in the metric's comparison unit. A month, quarter or
// year plan of a summed metric is prorated by the days elapsed; for other
// aggregations the plan is a level and compared as it is.
type PlanReport struct {
	Week         *float64 `json:"week"`
	WeekVariance *float64 `json:"weekVariance"`
	MTD          *float64 `json:"mtd"`
	MTDVariance  *float64 `json:"mtdVariance"`
	QTD          *float64 `json:"qtd"`
	QTDVariance  *float64 `json:"qtdVariance"`
	YTD          *float64 `json:"ytd"`
	YTDVariance  *float64 `json:"ytdVariance"`
}

// ChartPoint is one week or month of a 6-12 chart.
type ChartPoint struct {
	// Period is the week or month.
	Period Period `json:"period"`
	// Value is this year's value, null without data.
	Value *float64 `json:"value"`
	// YearAgo is the value a year earlier (the week 364 days earlier; the
	// same calendar month).
	YearAgo *float64 `json:"yearAgo"`
	// Plan is the planned value of the week or month, if the deck has one.
	Plan *float64 `json:"plan"`
	// Change compares Value with the period before, in the metric's
	// comparison unit: week over week (WoW) for a week, month over month
	// (MoM) for a month. YoY compares Value with YearAgo. Both are null
	// when undefined, as the box's changes are.
	Change *float64 `json:"change"`
	YoY    *float64 `json:"yoy"`
	// PlanVariance compares Value with Plan in the same unit; null without
	// a plan or when the period lacks days.
	PlanVariance *float64 `json:"planVariance"`
	// Missing and YearAgoMissing count the days without data.
	Missing        int `json:"missing"`
	YearAgoMissing int `json:"yearAgoMissing"`
}

// WeekSignal is an XmR signal placed on its week.
type WeekSignal struct {
	Signal
	// Week is the week-ending day of the flagged point.
	Week Date `json:"week"`
}

// Build computes the report of the week ending on weekEnding, which must be
// the deck's week-ending weekday; opts tune the report's Findings. The deck
// must be valid (Build returns Validate's *ValidationError otherwise); every
// metric in data must be a non-ratio metric of the deck (a *DataError with
// ErrUnknownMetric otherwise). Build fails with ErrNoData when no metric has
// data in that week. A metric without data, or with gaps, gets null or
// flagged figures, never an error. LatestWeek picks the week to review from
// the data.
func Build(d *Deck, data Data, weekEnding Date, opts ReviewOptions) (*Report, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	cal := Calendar{WeekEnds: d.Calendar.weekEnds(), FiscalYearEnd: d.Calendar.fiscalYearEnd()}
	w, err := cal.weekEnd(weekEnding)
	if err != nil {
		return nil, err
	}
	if err := checkMetrics(d, data); err != nil {
		return nil, err
	}
	sp := cal.spans(w)
	e := newEngine(d, data, sp.earliest(), w)
	if !e.anyIn(sp.week) {
		return nil, errorf(ErrNoData, "no metric has data in the week %s to %s", sp.week.lo.date(), w.date())
	}
	r := &Report{
		Title:      d.Title,
		WeekEnding: w.date(),
		Calendar:   cal,
		Periods:    sp.periods(),
		Metrics:    make([]MetricReport, len(d.Metrics)),
		opts:       opts,
	}
	f := newFrame(cal, &sp, &r.Periods, len(d.Metrics))
	// Room for the figures of a metric without plans, for every metric.
	e.floats = make([]float64, 0, len(d.Metrics)*(14+4*(len(sp.weeks)+len(sp.months))))
	for i := range d.Metrics {
		e.metric(&r.Metrics[i], &d.Metrics[i], f)
	}
	annotate(d, r, sp)
	r.Sections = append([]Section(nil), d.Sections...) // the report must not alias the deck
	if len(r.Sections) == 0 {
		s := Section{Title: "Metrics"}
		for _, m := range d.Metrics {
			s.Metrics = append(s.Metrics, m.ID)
		}
		r.Sections = []Section{s}
	}
	return r, nil
}

// checkMetrics refuses data for metrics the deck does not read, naming
// where the first such metric first appears.
func checkMetrics(d *Deck, data Data) error {
	if data.s == nil {
		return nil
	}
	byID := make(map[string]*Metric, len(d.Metrics))
	for i := range d.Metrics {
		byID[d.Metrics[i].ID] = &d.Metrics[i]
	}
	for i := range data.s.series {
		s := &data.s.series[i]
		switch m := byID[s.id]; {
		case m == nil:
			return data.s.errAt(s.first, data.s.column(s), ErrUnknownMetric, "the deck has no metric %q", s.id)
		case m.Aggregation == Ratio:
			return data.s.errAt(s.first, data.s.column(s), ErrUnknownMetric, "%q is a ratio computed from %s and %s; it takes no data", s.id, m.Numerator, m.Denominator)
		case m.Aggregation == Derived:
			return data.s.errAt(s.first, data.s.column(s), ErrUnknownMetric, "%q is derived from %s; it takes no data", s.id, strings.Join(m.Operands, ", "))
		}
	}
	return nil
}

// engine holds each data metric's values over the window the report needs,
// one slot per day, NaN where a day has no data.
type engine struct {
	d          *Deck
	lo, hi     day
	dense      map[string][]float64
	metrics    map[string]*Metric
	leafCache  map[string][][]float64
	derivedAt  map[figKey]figure // derived figures already computed
	additiveOf map[string]bool   // derived metrics known to be totals, or not
	last       *Metric           // the metric window returned last, and its window
	lastWin    []float64
	floats     []float64 // the block keep fills
}

// figKey names a metric's figure over a span.
type figKey struct {
	id string
	s  span
}

func newEngine(d *Deck, data Data, lo, hi day) *engine {
	e := &engine{d: d, lo: lo, hi: hi, dense: map[string][]float64{}, metrics: make(map[string]*Metric, len(d.Metrics)), leafCache: map[string][][]float64{}, derivedAt: map[figKey]figure{}, additiveOf: map[string]bool{}}
	for i := range d.Metrics {
		e.metrics[d.Metrics[i].ID] = &d.Metrics[i]
	}
	if data.s == nil {
		return e
	}
	n := int(hi-lo) + 1
	// A series with a value on every day of the window is its own window,
	// a slice of its values; the others get a window in one slab, NaN on
	// the days without data.
	from := make([]int, len(data.s.series))
	gaps := 0
	for i := range data.s.series {
		s := &data.s.series[i]
		k := sort.Search(len(s.vals), func(j int) bool { return s.days.at(j) >= lo })
		from[i] = k
		// Days strictly increase, so n values from lo to hi are every day.
		if k+n <= len(s.vals) && s.days.at(k) == lo && s.days.at(k+n-1) == hi {
			e.dense[s.id] = s.vals[k : k+n : k+n]
		} else {
			gaps++
		}
	}
	if gaps == 0 {
		return e
	}
	slab := make([]float64, n*gaps) // one allocation for every such window
	for i := range slab {
		slab[i] = math.NaN()
	}
	for i := range data.s.series {
		s := &data.s.series[i]
		if _, ok := e.dense[s.id]; ok {
			continue
		}
		win := slab[:n:n]
		slab = slab[n:]
		for k := from[i]; k < len(s.vals) && s.days.at(k) <= hi; k++ {
			win[s.days.at(k)-lo] = s.vals[k]
		}
		e.dense[s.id] = win
	}
	return e
}

func (e *engine) anyIn(s span) bool {
	for _, win := range e.dense {
		for dd := s.lo; dd <= s.hi; dd++ {
			if !math.IsNaN(win[dd-e.lo]) {
				return true
			}
		}
	}
	return false
}

// figure is a period's value: ok when at least one day had data; missing
// counts days without data (for a ratio, days on which any metric it is
// computed from lacks data).
type figure struct {
	v       float64
	ok      bool
	missing int
}

func (f figure) ptr() *float64 {
	if !f.ok || math.IsNaN(f.v) || math.IsInf(f.v, 0) {
		return nil
	}
	v := f.v
	return &v
}

func (f figure) complete() bool { return f.ok && f.missing == 0 }

// value aggregates metric m over span s.
func (e *engine) value(m *Metric, s span) figure {
	if m == nil {
		return figure{missing: s.days()}
	}
	switch m.Aggregation {
	case Ratio:
		return e.ratio(m, s)
	case Derived:
		return e.derived(m, s, 0)
	}
	return e.aggregate(m, m.Aggregation, s)
}

// ratio divides the numerator's period sum by the denominator's, as the
// issue defines a ratio ("computed from their period sums"), whatever the
// operands' own aggregation; an operand that is itself a ratio contributes
// its ratio. A ratio has data on the days every metric it is computed from
// has data, and only those days enter its sums: a day missing from one
// operand is not divided by the same day of the other.
func (e *engine) ratio(m *Metric, s span) figure {
	leaves := e.leaves(m)
	var f figure
	for dd := s.lo; dd <= s.hi; dd++ {
		if !present(leaves, dd-e.lo) {
			f.missing++
		}
	}
	if f.missing == s.days() {
		return f
	}
	if f.missing == 0 {
		leaves = nil // every day counts: skip the checks
	}
	if v := e.ratioOver(m, s, leaves, map[string]float64{}, 0); !math.IsNaN(v) {
		f.v, f.ok = v, true
	}
	return f
}

// ratioOver computes ratio m over the days of s on which every leaf has
// data; NaN when a denominator is zero, +Inf when an operand passed the
// float64 range (the figure overflows). memo holds the operands already
// computed over the same days, so a metric reached twice (a ratio of a
// ratio by itself) is computed once. depth guards ratio chains, which
// Validate keeps acyclic and small.
func (e *engine) ratioOver(m *Metric, s span, leaves [][]float64, memo map[string]float64, depth int) float64 {
	if depth > len(e.d.Metrics) {
		return math.NaN()
	}
	part := func(id string) float64 {
		if v, ok := memo[id]; ok {
			return v
		}
		v := e.operandOver(id, s, leaves, memo, depth)
		memo[id] = v
		return v
	}
	n, d := part(m.Numerator), part(m.Denominator)
	if d == 0 || math.IsNaN(n) || math.IsNaN(d) {
		return math.NaN()
	}
	if math.IsInf(n, 0) || math.IsInf(d, 0) {
		return math.Inf(1) // an operand overflowed: so has the ratio
	}
	return n / d
}

// operandOver is the contribution of operand id to a ratio over the days
// of s on which every leaf has data: its sum over those days, a ratio's
// ratio over the same days, or a derived metric's own value.
func (e *engine) operandOver(id string, s span, leaves [][]float64, memo map[string]float64, depth int) float64 {
	op := e.metrics[id]
	if op == nil {
		return math.NaN()
	}
	switch op.Aggregation {
	case Ratio:
		return e.ratioOver(op, s, leaves, memo, depth+1)
	case Derived:
		// A derived operand combines its own operands' period values,
		// each over the days it has data.
		if f := e.derived(op, s, depth+1); f.ok {
			return f.v
		}
		return math.NaN()
	}
	win, sum := e.dense[id], 0.0
	if win == nil {
		return math.NaN()
	}
	for dd := s.lo; dd <= s.hi; dd++ {
		if present(leaves, dd-e.lo) {
			sum += win[dd-e.lo]
		}
	}
	return sum
}

// present reports whether every leaf has data on day index i of the
// engine's window; a nil leaf is a metric without data.
func present(leaves [][]float64, i day) bool {
	for _, w := range leaves {
		if w == nil || math.IsNaN(w[i]) {
			return false
		}
	}
	return true
}

// leaves returns the windows of the data metrics ratio m is computed from,
// following operands that are ratios, each once; nil for one without data.
func (e *engine) leaves(m *Metric) [][]float64 {
	if l, ok := e.leafCache[m.ID]; ok {
		return l
	}
	var l [][]float64
	seen := map[string]bool{}
	var walk func(id string, depth int)
	walk = func(id string, depth int) {
		op := e.metrics[id]
		if seen[id] || depth > len(e.d.Metrics) {
			return
		}
		seen[id] = true
		switch {
		case op == nil:
			l = append(l, nil)
		case op.computed():
			for _, id := range op.operandsOf() {
				walk(id, depth+1)
			}
		default:
			l = append(l, e.dense[id])
		}
	}
	for _, id := range m.operandsOf() {
		walk(id, 0)
	}
	e.leafCache[m.ID] = l
	return l
}

// aggregate combines the daily values of data metric m over s by agg.
// Each aggregation has a loop of its own: it runs over every day of every
// period of every metric, the bulk of Build's work.
func (e *engine) aggregate(m *Metric, agg Aggregation, s span) figure {
	win := e.window(m)
	if win == nil {
		return figure{missing: s.days()}
	}
	if s.hi < s.lo {
		return figure{}
	}
	days := win[s.lo-e.lo : s.hi-e.lo+1]
	var f figure
	sum, count := 0.0, 0
	switch agg {
	case Sum, Mean:
		for _, v := range days {
			if v != v { // NaN: no data
				continue
			}
			count++
			sum += v
		}
	case Min:
		for _, v := range days {
			if v != v {
				continue
			}
			count++
			if count == 1 || v < sum {
				sum = v
			}
		}
	case Max:
		for _, v := range days {
			if v != v {
				continue
			}
			count++
			if count == 1 || v > sum {
				sum = v
			}
		}
	case Last:
		for _, v := range days {
			if v != v {
				continue
			}
			count++
			sum = v
		}
	case First:
		for _, v := range days {
			if v != v {
				continue
			}
			count++
			if count == 1 {
				sum = v
			}
		}
	default:
		for _, v := range days {
			if v == v {
				count++
			}
		}
	}
	f.missing = len(days) - count
	if count == 0 {
		return f
	}
	f.ok = true
	f.v = sum
	if agg == Mean {
		f.v = sum / float64(count)
	}
	return f
}

// value2 is value over two spans: a data metric's sum or mean runs the two
// sums in one loop, each adding its days in the same order as alone (the
// same figures, to the bit), so that one sum's additions fill the other's
// wait for the adder.
func (e *engine) value2(m *Metric, s, t span) (figure, figure) {
	if m == nil || (m.Aggregation != Sum && m.Aggregation != Mean) || s.hi < s.lo || t.hi < t.lo {
		return e.value(m, s), e.value(m, t)
	}
	win := e.window(m)
	if win == nil {
		return figure{missing: s.days()}, figure{missing: t.days()}
	}
	a, b := win[s.lo-e.lo:s.hi-e.lo+1], win[t.lo-e.lo:t.hi-e.lo+1]
	n := min(len(a), len(b))
	var sa, sb float64
	var ca, cb int
	for i, v := range a[:n] {
		if v == v { // not NaN: a day with data
			ca++
			sa += v
		}
		if w := b[i]; w == w {
			cb++
			sb += w
		}
	}
	for _, v := range a[n:] {
		if v == v {
			ca++
			sa += v
		}
	}
	for _, w := range b[n:] {
		if w == w {
			cb++
			sb += w
		}
	}
	return m.Aggregation.figure(sa, ca, len(a)), m.Aggregation.figure(sb, cb, len(b))
}

// figure is the figure of a sum or mean of count values over days days.
func (agg Aggregation) figure(sum float64, count, days int) figure {
	f := figure{missing: days - count}
	if count == 0 {
		return f
	}
	f.ok, f.v = true, sum
	if agg == Mean {
		f.v = sum / float64(count)
	}
	return f
}

// window returns data metric m's daily values, remembering the last
// metric asked for: Build asks for one metric's many periods in a row.
func (e *engine) window(m *Metric) []float64 {
	if m != e.last {
		e.last, e.lastWin = m, e.dense[m.ID]
	}
	return e.lastWin
}

// change compares cur with an earlier or planned value in m's comparison
// unit; nil when undefined.
func change(m *Metric, cur, prev figure) *float64 {
	if !cur.complete() || !prev.complete() {
		return nil
	}
	return changeOf(m, cur.v, prev.v)
}

func changeOf(m *Metric, cur, prev float64) *float64 {
	if c, ok := changeValue(m, cur, prev); ok {
		return &c
	}
	return nil
}

// changeValue is changeOf's figure, ok false when undefined; small enough
// that changeOf and change inline and the figure need not escape.
func changeValue(m *Metric, cur, prev float64) (float64, bool) {
	var c float64
	if m.comparison() == BPS {
		scale := 10000.0 // a fraction: 0.0001 is one basis point
		if m.Unit == "%" && !m.fraction() {
			scale = 100 // percentage points: 0.01 is one basis point
		}
		c = (cur - prev) * scale
	} else {
		if prev == 0 {
			return 0, false // a change against zero is undefined, not infinite
		}
		c = (cur - prev) / math.Abs(prev) * 100
	}
	if math.IsNaN(c) || math.IsInf(c, 0) {
		return 0, false
	}
	return c, true
}

// change is change with the figure kept in the report's block.
func (e *engine) change(m *Metric, cur, prev figure) *float64 {
	if !cur.complete() || !prev.complete() {
		return nil
	}
	c, ok := changeValue(m, cur.v, prev.v)
	if !ok {
		return nil
	}
	return e.keep(&c)
}

// keep copies *p into a block of figures the report shares, nil for nil:
// one allocation for a metric's hundred-odd figures rather than one each.
func (e *engine) keep(p *float64) *float64 {
	if p == nil {
		return nil
	}
	if len(e.floats) == cap(e.floats) {
		e.floats = make([]float64, 0, 512)
	}
	e.floats = append(e.floats, *p)
	return &e.floats[len(e.floats)-1]
}

// frame is what the reports of all metrics share, worked out once per
// Build: the periods as spans and as dates, and blocks that the metrics'
// chart points and XmR weeks are cut from, one allocation each rather than
// one per metric.
type frame struct {
	cal      Calendar
	sp       *spans
	periods  *Periods
	monthsYA []span // the year-ago month of each of sp.months
	xmrEnds  []Date // the week-ending day of each of sp.xmr
	weeks    []ChartPoint
	months   []ChartPoint
	xmrWeeks []Date
	charts   []XmRChart
}

func newFrame(cal Calendar, sp *spans, periods *Periods, metrics int) *frame {
	f := &frame{cal: cal, sp: sp, periods: periods,
		monthsYA: make([]span, len(sp.months)), xmrEnds: make([]Date, len(sp.xmr)),
		weeks:    make([]ChartPoint, 0, metrics*len(sp.weeks)),
		months:   make([]ChartPoint, 0, metrics*len(sp.months)),
		xmrWeeks: make([]Date, 0, metrics*len(sp.xmr)),
		charts:   make([]XmRChart, 0, metrics),
	}
	for k, s := range sp.months {
		// The whole calendar month a year earlier: February 2024 keeps its
		// 29th when it is the year-ago month of February 2025.
		start := s.lo.date()
		f.monthsYA[k] = monthSpan(monthIndex(start.Year, start.Month) - 12)
	}
	for k, s := range sp.xmr {
		f.xmrEnds[k] = s.hi.date()
	}
	return f
}

// cut takes the next n elements of a block as a slice of length 0 and
// capacity n, so appending to it never reaches its neighbour's.
func cut[T any](block *[]T, n int) []T {
	b := *block
	out := b[len(b) : len(b) : len(b)+n]
	*block = b[:len(b)+n]
	return out
}

// metric fills r with the report of metric m.
func (e *engine) metric(r *MetricReport, m *Metric, f *frame) {
	sp := f.sp
	*r = MetricReport{
		ID: m.ID, Name: m.displayName(), Role: m.Role, Owner: m.Owner, Unit: m.Unit,
		Aggregation: m.Aggregation, Comparison: m.comparison(), Better: m.better(),
		Operation: m.Operation, Operands: append([]string(nil), m.Operands...), Additive: e.additive(m),
		Incomplete: []string{}, Overflow: []string{}, XmRWeeks: cut(&f.xmrWeeks, len(sp.xmr)), Signals: []WeekSignal{},
		Weeks: cut(&f.weeks, len(sp.weeks)), Months: cut(&f.months, len(sp.months)),
	}
	val := func(s span) figure { return e.value(m, s) }
	flag := func(name string, f figure) {
		if f.missing > 0 {
			r.Incomplete = append(r.Incomplete, name)
		}
		if f.ok && math.IsInf(f.v, 0) {
			r.Overflow = append(r.Overflow, name)
		}
	}
	// The weeks of the XmR chart end with the six of the chart, and those
	// with the week reviewed and the week before: each is aggregated once.
	var xmrFigs [xmrWeeks]figure
	xw := xmrFigs[:len(sp.xmr)]
	for k := 0; k < len(sp.xmr); k += 2 {
		if k+1 < len(sp.xmr) {
			xw[k], xw[k+1] = e.value2(m, sp.xmr[k], sp.xmr[k+1])
		} else {
			xw[k] = val(sp.xmr[k])
		}
	}
	first6 := len(sp.xmr) - len(sp.weeks) // the place of sp.weeks[0] in sp.xmr
	var yaFigs [chartWeeks]figure
	yw := yaFigs[:len(sp.weeks)]
	for k := 0; k < len(sp.weeks); k += 2 {
		s := sp.weeks[k]
		if k+1 < len(sp.weeks) {
			t := sp.weeks[k+1]
			yw[k], yw[k+1] = e.value2(m, span{s.lo - yearAgo, s.hi - yearAgo}, span{t.lo - yearAgo, t.hi - yearAgo})
		} else {
			yw[k] = val(span{s.lo - yearAgo, s.hi - yearAgo})
		}
	}
	week, prior, ya := xw[len(xw)-1], xw[len(xw)-2], yw[len(yw)-1]
	r.LastWeek, r.PriorWeek, r.YearAgoWeek = e.keep(week.ptr()), e.keep(prior.ptr()), e.keep(ya.ptr())
	r.WoW, r.YoY = e.change(m, week, prior), e.change(m, week, ya)
	flag("lastWeek", week)
	flag("priorWeek", prior)
	flag("yearAgoWeek", ya)

	type todate struct {
		name, yaName string
		cur, ya      span
		v, vYA, yy   **float64
	}
	var figs [3]figure
	for i, t := range []todate{
		{"mtd", "mtdYearAgo", sp.mtd, sp.mtdYA, &r.MTD, &r.MTDYearAgo, &r.MTDYoY},
		{"qtd", "qtdYearAgo", sp.qtd, sp.qtdYA, &r.QTD, &r.QTDYearAgo, &r.QTDYoY},
		{"ytd", "ytdYearAgo", sp.ytd, sp.ytdYA, &r.YTD, &r.YTDYearAgo, &r.YTDYoY},
	} {
		c, p := e.value2(m, t.cur, t.ya)
		figs[i] = c
		*t.v, *t.vYA, *t.yy = e.keep(c.ptr()), e.keep(p.ptr()), e.change(m, c, p)
		flag(t.name, c)
		flag(t.yaName, p)
	}

	plans := planIndex(m)
	before := xw[first6-1] // the week before the first of the chart
	for k, s := range sp.weeks {
		c, p := xw[first6+k], yw[k]
		pt := ChartPoint{Period: f.periods.Weeks[k], Value: e.keep(c.ptr()), YearAgo: e.keep(p.ptr()), Plan: e.keep(plans.at(PlanWeek, s.hi)),
			Change: e.change(m, c, before), YoY: e.change(m, c, p), Missing: c.missing, YearAgoMissing: p.missing}
		pt.PlanVariance = e.keep(planVariance(m, c, pt.Plan))
		r.Weeks = append(r.Weeks, pt)
		before = c
	}
	var monthFigs, yaMonths [12]figure
	cm, ym := monthFigs[:0], yaMonths[:0]
	for k, s := range sp.months {
		c, p := e.value2(m, s, f.monthsYA[k])
		cm, ym = append(cm, c), append(ym, p)
	}
	if len(sp.months) > 0 {
		// The month before the first of the chart is the year-ago month of
		// the last.
		before = ym[len(ym)-1]
		if b := monthSpan(monthIndex(f.periods.Months[0].Start.Year, f.periods.Months[0].Start.Month) - 1); b != f.monthsYA[len(ym)-1] {
			before = val(b)
		}
	}
	for k, s := range sp.months {
		c, p := cm[k], ym[k]
		pt := ChartPoint{Period: f.periods.Months[k], Value: e.keep(c.ptr()), YearAgo: e.keep(p.ptr()), Plan: e.keep(plans.at(PlanMonth, s.hi)),
			Change: e.change(m, c, before), YoY: e.change(m, c, p), Missing: c.missing, YearAgoMissing: p.missing}
		pt.PlanVariance = e.keep(planVariance(m, c, pt.Plan))
		r.Months = append(r.Months, pt)
		before = c
	}
	r.Plan = e.plan(m, f.cal, *sp, plans, week, figs)

	// The weekly XmR chart: the trailing run of complete weeks.
	var xmrVals [xmrWeeks]float64
	vals := xmrVals[:0]
	first := len(sp.xmr)
	for k := len(sp.xmr) - 1; k >= 0; k-- {
		f := xw[k]
		if !f.complete() || f.ptr() == nil {
			break
		}
		vals = append(vals, f.v)
		first = k
	}
	for i, j := 0, len(vals)-1; i < j; i, j = i+1, j-1 {
		vals[i], vals[j] = vals[j], vals[i]
	}
	r.XmRWeeks = append(r.XmRWeeks, f.xmrEnds[first:]...)
	if len(vals) >= 2 {
		c := cut(&f.charts, 1)[:1]
		c[0] = XmR(vals)
		r.XmR = &c[0]
		if n := len(c[0].Signals); n > 0 {
			r.Signals = make([]WeekSignal, 0, n) // sized once
		}
		for _, s := range c[0].Signals {
			r.Signals = append(r.Signals, WeekSignal{Signal: s, Week: r.XmRWeeks[s.Index]})
		}
	}
}

type planKey struct {
	k PeriodKind
	e day
}

type plans map[planKey]float64

func planIndex(m *Metric) plans {
	if len(m.Plan) == 0 {
		return nil
	}
	p := plans{}
	for _, v := range m.Plan {
		p[planKey{v.Period, dayOf(v.End)}] = v.Value
	}
	return p
}

func (p plans) at(k PeriodKind, end day) *float64 {
	if v, ok := p[planKey{k, end}]; ok {
		return &v
	}
	return nil
}

func (e *engine) plan(m *Metric, cal Calendar, sp spans, p plans, week figure, todate [3]figure) *PlanReport {
	if len(p) == 0 {
		return nil
	}
	var r PlanReport
	found := false
	if v := p.at(PlanWeek, sp.week.hi); v != nil {
		found = true
		r.Week = v
		r.WeekVariance = change(m, week, figure{v: *v, ok: true})
	}
	dt := sp.week.hi.date()
	mi := monthIndex(dt.Year, dt.Month)
	q, y := cal.fiscalStarts(mi)
	whole := []span{monthSpan(mi), {monthSpan(q).lo, monthSpan(q + 2).hi}, {monthSpan(y).lo, monthSpan(y + 11).hi}}
	kinds := []PeriodKind{PlanMonth, PlanQuarter, PlanYear}
	todateSpans := []span{sp.mtd, sp.qtd, sp.ytd}
	out := []struct{ v, vr **float64 }{{&r.MTD, &r.MTDVariance}, {&r.QTD, &r.QTDVariance}, {&r.YTD, &r.YTDVariance}}
	for i, k := range kinds {
		v := p.at(k, whole[i].hi)
		if v == nil {
			continue
		}
		found = true
		pv := *v
		if e.additive(m) {
			pv *= float64(todateSpans[i].days()) / float64(whole[i].days()) // a share, so a huge plan cannot overflow
		}
		*out[i].v = &pv
		*out[i].vr = change(m, todate[i], figure{v: pv, ok: true})
	}
	if !found {
		return nil
	}
	return &r
}
