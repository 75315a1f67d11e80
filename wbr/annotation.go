package wbr

import (
	"sort"
	"strings"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// Annotation is a dated event the meeting should keep in mind when it reads
// a chart: a price change, an outage, a marketing campaign.
type Annotation struct {
	// Date is the day the event happened.
	Date Date `json:"date" validate:"required"`
	// Note says what happened, briefly: "price change".
	Note string `json:"note" validate:"required,max=200"`
	// Metrics are the ids of the metrics whose charts show the event; an
	// annotation without metrics concerns every chart of the deck.
	Metrics []string `json:"metrics,omitempty" validate:"omitempty,max=1000,unique,dive,wbrid"`
}

// Rule ids of charts that show two metrics: a chartWith naming the metric
// itself (Validate), and one naming a metric of another unit (Review).
const (
	RuleChartWith     = "chart-with"
	RuleChartWithUnit = "chart-with-unit"
)

// unitWords names a unit in a message; "no unit" for none.
func unitWords(u string) string {
	if u == "" {
		return "no unit"
	}
	return u
}

// checkCharts reports chartWith and annotation metrics that name no
// metric of the deck.
func (d *Deck) checkCharts(l *problem.List, ids map[string]int) {
	for i := range d.Metrics {
		m := &d.Metrics[i]
		if m.ChartWith == "" {
			continue
		}
		at := ptr("metrics", i, "chartWith")
		if m.ChartWith == m.ID {
			l.Add(at, RuleChartWith, "%q is already on its own chart; chartWith names a second metric", m.ID)
		} else if _, ok := ids[m.ChartWith]; !ok {
			l.Add(at, RuleUnknownReference, "no metric has id %q", m.ChartWith)
		}
	}
	for i := range d.Annotations {
		for k, id := range d.Annotations[i].Metrics {
			if _, ok := ids[id]; !ok {
				l.Add(ptr("annotations", i, "metrics", k), RuleUnknownReference, "no metric has id %q", id)
			}
		}
	}
}

// MaxMetricAnnotations is how many annotations a metric's report keeps: the
// latest ones. The report's own list keeps them all; the bound keeps a deck
// of many annotations on many metrics from growing every rendering by their
// product.
const MaxMetricAnnotations = 20

// annotate gives the report the deck's annotations that fall within its
// charts (the first of the twelve months to the week reviewed), oldest
// first, and each metric the latest MaxMetricAnnotations that concern it;
// and it copies the second metric of each chart that has one.
func annotate(d *Deck, r *Report, sp spans) {
	lo, hi := sp.weeks[0].lo, sp.week.hi
	if len(sp.months) > 0 {
		lo = min(lo, sp.months[0].lo)
	}
	r.Annotations = []Annotation{}
	for _, a := range d.Annotations {
		if dd := dayOf(a.Date); dd >= lo && dd <= hi {
			a.Metrics = append([]string(nil), a.Metrics...) // the report must not alias the deck
			r.Annotations = append(r.Annotations, a)
		}
	}
	sort.SliceStable(r.Annotations, func(i, j int) bool { return r.Annotations[i].Date.Before(r.Annotations[j].Date) })
	index := make(map[string]int, len(r.Metrics))
	for i := range r.Metrics {
		index[r.Metrics[i].ID] = i
	}
	// Which annotations concern each metric, by index into r.Annotations,
	// oldest first: one pass over the annotations, not one per metric.
	var every []int
	some := make([][]int, len(r.Metrics))
	for k, a := range r.Annotations {
		if len(a.Metrics) == 0 {
			every = append(every, k)
			continue
		}
		for _, id := range a.Metrics {
			if i, ok := index[id]; ok {
				some[i] = append(some[i], k)
			}
		}
	}
	for i := range r.Metrics {
		m := &r.Metrics[i]
		ks := mergeSorted(every, some[i])
		ks = ks[max(0, len(ks)-MaxMetricAnnotations):]
		m.Annotations = make([]Annotation, 0, len(ks))
		for _, k := range ks {
			// The metric's copy names no metrics: it concerns this one.
			m.Annotations = append(m.Annotations, Annotation{Date: r.Annotations[k].Date, Note: r.Annotations[k].Note})
		}
		dm := &d.Metrics[i] // Build keeps the deck's order
		if j, ok := index[dm.ChartWith]; ok && dm.ChartWith != "" {
			o := &r.Metrics[j]
			m.With = &ChartSeries{ID: o.ID, Name: o.Name, Unit: o.Unit, Additive: o.Additive, Weeks: o.Weeks, Months: o.Months}
		}
	}
}

// mergeSorted merges two ascending lists of indexes.
func mergeSorted(a, b []int) []int {
	out := make([]int, 0, len(a)+len(b))
	for len(a) > 0 && len(b) > 0 {
		if a[0] <= b[0] {
			out, a = append(out, a[0]), a[1:]
		} else {
			out, b = append(out, b[0]), b[1:]
		}
	}
	return append(append(out, a...), b...)
}

// ChartSeries is a second metric drawn on a 6-12 chart.
type ChartSeries struct {
	// ID and Name identify the metric drawn.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Unit is what the metric's values count.
	Unit string `json:"unit,omitempty"`
	// Additive is true when the metric's months are totals drawn as an
	// average week, as for the chart's own metric.
	Additive bool `json:"additive"`
	// Weeks and Months are the metric's points, as in MetricReport.
	Weeks  []ChartPoint `json:"weeks"`
	Months []ChartPoint `json:"months"`
}

// concerned names the metrics an annotation concerns, escaped for the
// renderer: "every metric" when it names none.
func (r *Report) concerned(a *Annotation, index map[string]int, escape func(string) string) string {
	if len(a.Metrics) == 0 {
		return "every metric"
	}
	names := make([]string, 0, len(a.Metrics))
	for _, id := range a.Metrics {
		if i, ok := index[id]; ok {
			names = append(names, escape(r.Metrics[i].Name))
		}
	}
	return strings.Join(names, ", ")
}
