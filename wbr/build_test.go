package wbr

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"math"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// smallDeck has one output, two summed inputs and their ratio.
func smallDeck() *Deck {
	return &Deck{Metrics: []Metric{
		{ID: "orders", Role: Output, Aggregation: Sum},
		{ID: "hits", Role: Input, Owner: "A", Aggregation: Sum, Drives: []string{"orders"}},
		{ID: "views", Role: Input, Owner: "A", Aggregation: Sum, Drives: []string{"orders"}},
		{ID: "hit_rate", Role: Input, Owner: "A", Aggregation: Ratio, Numerator: "hits", Denominator: "views", Comparison: BPS, Drives: []string{"orders"}},
		{ID: "price", Role: Input, Owner: "B", Aggregation: Mean, Better: Down, Drives: []string{"orders"}},
		{ID: "low", Role: Input, Owner: "B", Aggregation: Min, Drives: []string{"orders"}},
		{ID: "high", Role: Input, Owner: "B", Aggregation: Max, Drives: []string{"orders"}},
		{ID: "stock", Role: Input, Owner: "B", Aggregation: Last, Drives: []string{"orders"}},
	}}
}

// weekData adds values on the seven days ending end.
func weekData(t *testing.T, d *Data, end string, metric string, vals ...float64) {
	t.Helper()
	e := date(end)
	for i, v := range vals {
		require.NoError(t, d.Add(e.AddDays(i-len(vals)+1), metric, v))
	}
}

func find(t *testing.T, r *Report, id string) *MetricReport {
	t.Helper()
	for i := range r.Metrics {
		if r.Metrics[i].ID == id {
			return &r.Metrics[i]
		}
	}
	t.Fatalf("no metric %s", id)
	return nil
}

func TestRatioOfSumsNotMeanOfRatios(t *testing.T) {
	var data Data
	// Daily rates alternate 0.1 and 0.9; their mean is 3.1/7 = 0.443, but
	// the week's rate is 274 hits over 340 views = 0.806.
	weekData(t, &data, "2026-11-21", "hits", 1, 90, 1, 90, 1, 90, 1)
	weekData(t, &data, "2026-11-21", "views", 10, 100, 10, 100, 10, 100, 10)
	weekData(t, &data, "2026-11-14", "hits", 5, 5, 5, 5, 5, 5, 5)
	weekData(t, &data, "2026-11-14", "views", 10, 10, 10, 10, 10, 10, 10)
	r, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	m := find(t, r, "hit_rate")
	require.NotNil(t, m.LastWeek)
	assert.InDelta(t, 274.0/340, *m.LastWeek, 1e-12)
	assert.NotEqual(t, 3.1/7, *m.LastWeek)
	require.NotNil(t, m.WoW)
	assert.InDelta(t, (274.0/340-0.5)*10000, *m.WoW, 1e-9, "bps of a fraction")
}

func TestAggregations(t *testing.T) {
	var data Data
	vals := []float64{3, 1, 4, 1, 5, 9, 2}
	for _, id := range []string{"orders", "price", "low", "high", "stock"} {
		weekData(t, &data, "2026-11-21", id, vals...)
	}
	r, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	for id, want := range map[string]float64{"orders": 25, "price": 25.0 / 7, "low": 1, "high": 9, "stock": 2} {
		m := find(t, r, id)
		require.NotNil(t, m.LastWeek, id)
		assert.InDelta(t, want, *m.LastWeek, 1e-12, id)
		assert.NotContains(t, m.Incomplete, "lastWeek", id)
	}
	assert.Nil(t, find(t, r, "views").LastWeek, "no data gives null")
	assert.Nil(t, find(t, r, "hit_rate").LastWeek, "a ratio without operands gives null")
}

func TestChangesAndCoverage(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 1, 1, 1, 1, 1, 1)
	weekData(t, &data, "2026-11-14", "orders", 0, 0, 0, 0, 0, 0, 0)
	weekData(t, &data, "2025-11-22", "orders", 2, 2, 2, 2, 2, 2, 2)
	weekData(t, &data, "2026-11-21", "price", 1, 1, 1, 1, 1, 1) // Sunday missing
	weekData(t, &data, "2026-11-14", "price", 2, 2, 2, 2, 2, 2, 2)
	r, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)

	o := find(t, r, "orders")
	assert.Nil(t, o.WoW, "a change against zero is undefined")
	require.NotNil(t, o.YoY)
	assert.InDelta(t, -50.0, *o.YoY, 1e-12, "the week 364 days earlier")
	assert.Contains(t, o.Incomplete, "mtd")
	assert.Nil(t, o.MTDYoY, "incomplete periods take part in no change")

	p := find(t, r, "price")
	require.NotNil(t, p.LastWeek)
	assert.Equal(t, 1.0, *p.LastWeek, "the mean of the days with data")
	assert.Equal(t, 1, p.Weeks[5].Missing)
	assert.Contains(t, p.Incomplete, "lastWeek")
	assert.Nil(t, p.WoW, "a week with a missing day is never compared as if complete")

	b, err := json.Marshal(r)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"wow":null`)
	assert.NotContains(t, string(b), "NaN")
}

func TestBuildErrors(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 1, 1, 1, 1, 1, 1)
	_, err := Build(smallDeck(), data, date("2026-11-20"), ReviewOptions{})
	assert.ErrorIs(t, err, ErrNotWeekEnd)

	_, err = Build(smallDeck(), data, date("2026-11-28"), ReviewOptions{})
	assert.ErrorIs(t, err, ErrNoData, "a week-ending date with no data")
	_, err = Build(smallDeck(), Data{}, date("2026-11-21"), ReviewOptions{})
	assert.ErrorIs(t, err, ErrNoData)

	bad := smallDeck()
	bad.Metrics[3].Numerator = "hit_rate"
	_, err = Build(bad, data, date("2026-11-21"), ReviewOptions{})
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	assert.Equal(t, "circular", ve.Problems[0].Rule)

	rows, err := ReadCSV(strings.NewReader("date,metric,value\n2026-11-21,orders,1\n2026-11-21,hit_rate,0.5\n"))
	require.NoError(t, err)
	_, err = Build(smallDeck(), rows, date("2026-11-21"), ReviewOptions{})
	assert.ErrorIs(t, err, ErrUnknownMetric)
	assert.ErrorContains(t, err, "line 3, column metric: \"hit_rate\" is a ratio")

	rows, err = ReadCSV(strings.NewReader("date,metric,value\n2026-11-21,orders,1\n\n2026-11-21,ordrs,1\n"))
	require.NoError(t, err)
	_, err = Build(smallDeck(), rows, date("2026-11-21"), ReviewOptions{})
	assert.ErrorIs(t, err, ErrUnknownMetric)
	assert.ErrorContains(t, err, "line 4, column metric: the deck has no metric \"ordrs\"")
}

func TestOnePointAndFlatSeries(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "orders", 5, 5, 5, 5, 5, 5, 5)
	for w := 0; w < 30; w++ {
		weekData(t, &data, date("2026-11-21").AddDays(-7*w).String(), "stock", 3, 3, 3, 3, 3, 3, 3)
	}
	r, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	o := find(t, r, "orders")
	assert.Nil(t, o.XmR, "one week is no chart")
	assert.Len(t, o.XmRWeeks, 1)
	s := find(t, r, "stock")
	require.NotNil(t, s.XmR)
	assert.Equal(t, xmrWeeks, s.XmR.Points)
	assert.Zero(t, s.XmR.MovingRangeMean)
	assert.Empty(t, s.Signals)
}

// TestSampleFiguresAgreeWithIndependentSums recomputes figures of the
// template report straight from the CSV rows with time.Time arithmetic.
func TestSampleFiguresAgreeWithIndependentSums(t *testing.T) {
	r := sampleReport(t)
	raw, err := os.ReadFile(samplePath)
	require.NoError(t, err)
	rows, err := csv.NewReader(bytes.NewReader(raw)).ReadAll()
	require.NoError(t, err)
	byDay := map[string]map[string]float64{}
	for _, row := range rows[1:] {
		v, err := strconv.ParseFloat(row[2], 64)
		require.NoError(t, err)
		if byDay[row[1]] == nil {
			byDay[row[1]] = map[string]float64{}
		}
		byDay[row[1]][row[0]] = v
	}
	sum := func(metric string, from, to Date) float64 {
		s := 0.0
		for d := from; !d.After(to); d = d.AddDays(1) {
			v, ok := byDay[metric][d.String()]
			require.True(t, ok, "%s %s", metric, d)
			s += v
		}
		return s
	}
	end := sampleEnd
	weekStart := end.AddDays(-6)
	lastYearEnd := end.AddDays(-364)
	orders := find(t, r, "orders")
	assert.InDelta(t, sum("orders", weekStart, end), *orders.LastWeek, 1e-6)
	assert.InDelta(t, sum("orders", weekStart.AddDays(-364), lastYearEnd), *orders.YearAgoWeek, 1e-6)
	mtd := sum("orders", date("2026-11-01"), end)
	mtdYA := sum("orders", date("2025-11-01"), date("2025-11-21"))
	assert.InDelta(t, (mtd-mtdYA)/mtdYA*100, *orders.MTDYoY, 1e-9)
	qtd := sum("orders", date("2026-10-01"), end)
	assert.InDelta(t, qtd, *orders.QTD, 1e-6)
	ytd, ytdYA := sum("orders", date("2026-01-01"), end), sum("orders", date("2025-01-01"), date("2025-11-21"))
	assert.InDelta(t, (ytd-ytdYA)/ytdYA*100, *orders.YTDYoY, 1e-9)

	rate := find(t, r, "in_stock_rate")
	cur := sum("in_stock_views", weekStart, end) / sum("page_views", weekStart, end)
	prev := sum("in_stock_views", weekStart.AddDays(-7), end.AddDays(-7)) / sum("page_views", weekStart.AddDays(-7), end.AddDays(-7))
	assert.InDelta(t, cur, *rate.LastWeek, 1e-12)
	assert.InDelta(t, (cur-prev)*10000, *rate.WoW, 1e-6)

	oct := find(t, r, "orders").Months[11]
	assert.Equal(t, "2026-10-31", oct.Period.End.String())
	assert.InDelta(t, sum("orders", date("2026-10-01"), date("2026-10-31")), *oct.Value, 1e-6)
	assert.InDelta(t, sum("orders", date("2025-10-01"), date("2025-10-31")), *oct.YearAgo, 1e-6)

	// The plan: 51,500 orders planned for the week.
	require.NotNil(t, orders.Plan)
	assert.InDelta(t, (*orders.LastWeek-51500)/51500*100, *orders.Plan.WeekVariance, 1e-9)
	// A month plan of 215,000 prorated over 21 of November's 30 days.
	assert.InDelta(t, 215000*21.0/30, *orders.Plan.MTD, 1e-9)
}

func sampleReport(t testing.TB) *Report {
	t.Helper()
	b, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	d, err := Parse(b)
	require.NoError(t, err)
	f, err := os.Open(samplePath)
	require.NoError(t, err)
	defer f.Close()
	data, err := ReadCSV(f)
	require.NoError(t, err)
	r, err := Build(d, data, sampleEnd, ReviewOptions{})
	require.NoError(t, err)
	return r
}

func TestSampleReportIsComplete(t *testing.T) {
	r := sampleReport(t)
	require.Len(t, r.Metrics, 14)
	for _, m := range r.Metrics {
		assert.Empty(t, m.Incomplete, m.ID)
		for name, v := range map[string]*float64{"lastWeek": m.LastWeek, "wow": m.WoW, "yoy": m.YoY, "mtdYoy": m.MTDYoY, "qtdYoy": m.QTDYoY, "ytdYoy": m.YTDYoY} {
			if assert.NotNil(t, v, "%s %s", m.ID, name) {
				assert.False(t, math.IsNaN(*v) || math.IsInf(*v, 0))
			}
		}
		assert.Len(t, m.Weeks, 6)
		assert.Len(t, m.Months, 12)
		assert.NotNil(t, m.XmR, m.ID)
	}
	// The sample drops the in-stock rate in its last three weeks.
	rate := find(t, r, "in_stock_rate")
	last := rate.XmRWeeks[len(rate.XmRWeeks)-1]
	hit := false
	for _, s := range rate.Signals {
		hit = hit || (s.Week == last && s.Rule == 1 && !s.Above)
	}
	assert.True(t, hit, "the in-stock drop signals: %+v", rate.Signals)
}

func TestHugeValuesNeverReachJSONAsInf(t *testing.T) {
	d := smallDeck()
	d.Metrics[0].Plan = []PlanValue{{Period: PlanMonth, End: dayOf(date("2026-11-30")).date(), Value: math.MaxFloat64}}
	d.Metrics = append(d.Metrics, Metric{ID: "orders_per_view", Role: Input, Owner: "B", Aggregation: Derived, Operation: Divide, Operands: []string{"orders", "views"}, Drives: []string{"orders"}})
	var data Data
	weekData(t, &data, "2026-11-21", "orders", math.MaxFloat64, math.MaxFloat64, 1, 1, 1, 1, 1)
	weekData(t, &data, "2026-11-14", "orders", 1, 1, 1, 1, 1, 1, 1)
	weekData(t, &data, "2026-11-21", "hits", math.MaxFloat64, math.MaxFloat64, 1, 1, 1, 1, 1)
	weekData(t, &data, "2026-11-21", "views", math.MaxFloat64, math.MaxFloat64, 1, 1, 1, 1, 1)
	r, err := Build(d, data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	b, err := r.JSON()
	require.NoError(t, err, "encoding/json refuses NaN and Inf")
	assert.NotContains(t, string(b), "Inf")
	o := find(t, r, "orders")
	assert.Nil(t, o.LastWeek, "an overflowing sum is undefined")
	assert.Contains(t, o.Overflow, "lastWeek")
	// The review says the week overflowed, not that it has no data.
	var rules []string
	for _, f := range r.Findings() {
		if f.Path == "/metrics/0" {
			rules = append(rules, f.Rule)
		}
	}
	assert.Contains(t, rules, RuleOverflow)
	assert.NotContains(t, rules, RuleNoData)
	// A ratio of overflowing sums overflows too, rather than having no data.
	for _, id := range []string{"hit_rate", "orders_per_view"} {
		m := find(t, r, id)
		assert.Nil(t, m.LastWeek, id)
		assert.Contains(t, m.Overflow, "lastWeek", id)
	}
	require.NotNil(t, o.Plan)
	assert.False(t, math.IsInf(*o.Plan.MTD, 0))
	for i := range r.Metrics {
		wellFormed(t, svgOf(t, &r.Metrics[i]))
	}
	_ = mdOf(t, r, "c")
}

// TestRatioOfNonSumOperandUsesPeriodSums pins the definition of a
// ratio, "computed from their period sums": an operand aggregated by mean
// contributes its sum, not its mean. The oracle found Build dividing the
// operand's own period value (the mean) instead.
func TestRatioOfNonSumOperandUsesPeriodSums(t *testing.T) {
	d := smallDeck()
	d.Metrics = append(d.Metrics, Metric{ID: "price_per_view", Role: Input, Owner: "B", Aggregation: Ratio, Numerator: "price", Denominator: "views", Drives: []string{"orders"}})
	var data Data
	weekData(t, &data, "2026-11-21", "price", 1, 2, 3, 4, 5, 6, 7)
	weekData(t, &data, "2026-11-21", "views", 10, 10, 10, 10, 10, 10, 10)
	r, err := Build(d, data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	m := find(t, r, "price_per_view")
	require.NotNil(t, m.LastWeek)
	assert.InDelta(t, 28.0/70, *m.LastWeek, 1e-15, "the sum of prices over the sum of views, not their mean (4/70)")
	assert.InDelta(t, 4.0, *find(t, r, "price").LastWeek, 1e-15, "the mean metric itself still reads as a mean")
}

// TestYearAgoMonthIsTheWholeMonth: the year-ago value of February 2025 is
// all of February 2024, its 29th included. The oracle found Build shifting
// the month's last day back a year, which clamped it to 28 February and
// dropped a day from the year-ago month.
func TestYearAgoMonthIsTheWholeMonth(t *testing.T) {
	var data Data
	for d := date("2024-02-01"); d.Before(date("2024-03-01")); d = d.AddDays(1) {
		require.NoError(t, data.Add(d, "orders", 1))
	}
	for d := date("2025-02-01"); !d.After(date("2025-03-01")); d = d.AddDays(1) {
		require.NoError(t, data.Add(d, "orders", 1))
	}
	r, err := Build(smallDeck(), data, date("2025-03-01"), ReviewOptions{})
	require.NoError(t, err)
	feb := find(t, r, "orders").Months[11]
	assert.Equal(t, "2025-02-01", feb.Period.Start.String())
	assert.Equal(t, "2025-02-28", feb.Period.End.String())
	require.NotNil(t, feb.YearAgo)
	assert.Equal(t, 29.0, *feb.YearAgo)
	assert.Zero(t, feb.YearAgoMissing)
	assert.Equal(t, 28.0, *feb.Value)
}

// TestRatioWithGapsUsesCommonDays: a ratio whose operands miss different
// days has data only on the days both have it. The oracle found Build
// dividing hits summed without Sunday by views summed without Monday and
// counting one missing day (the larger operand's count) where two days
// lack a rate.
func TestRatioWithGapsUsesCommonDays(t *testing.T) {
	var data Data
	for i, d := 0, date("2026-11-15"); i < 7; i, d = i+1, d.AddDays(1) {
		if i != 0 { // Sunday 15 November: no hits
			require.NoError(t, data.Add(d, "hits", float64(i+1)))
		}
		if i != 1 { // Monday 16 November: no views
			require.NoError(t, data.Add(d, "views", float64(10*(i+1))))
		}
	}
	weekData(t, &data, "2026-11-14", "hits", 1, 1, 1, 1, 1, 1, 1)
	weekData(t, &data, "2026-11-14", "views", 10, 10, 10, 10, 10, 10, 10)
	r, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	m := find(t, r, "hit_rate")
	require.NotNil(t, m.LastWeek)
	assert.InDelta(t, (3.0+4+5+6+7)/(30+40+50+60+70), *m.LastWeek, 1e-15, "Tuesday to Saturday, the days both have data")
	assert.Equal(t, 2, m.Weeks[5].Missing)
	assert.Contains(t, m.Incomplete, "lastWeek")
	assert.Nil(t, m.WoW)
}

func TestSampleReportDerivedAndAnnotated(t *testing.T) {
	r := sampleReport(t)
	rpi := find(t, r, "revenue_per_item")
	rev, sel := find(t, r, "revenue"), find(t, r, "selection")
	require.NotNil(t, rpi.LastWeek)
	assert.InDelta(t, *rev.LastWeek / *sel.LastWeek, *rpi.LastWeek, 1e-12, "weekly revenue over the last day's selection")
	require.NotNil(t, find(t, r, "page_views").With)
	assert.Equal(t, "in_stock_views", find(t, r, "page_views").With.ID)
	assert.Len(t, r.Annotations, 3)
	assert.Len(t, find(t, r, "orders").Annotations, 2, "the summer sale concerns every chart; the warehouse move names orders")
	assert.Len(t, find(t, r, "price_index").Annotations, 2)
}
