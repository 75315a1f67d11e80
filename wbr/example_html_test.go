package wbr_test

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/dayone-go/mechanisms/wbr"
)

// weeksOf writes fourteen days of rows ending on 2026-11-21: each metric's
// first week value, then its second week value, every day.
func weeksOf(metrics map[string][2]float64) string {
	var b strings.Builder
	b.WriteString("date,metric,value\n")
	start := time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC)
	for i := range 14 {
		day := start.AddDate(0, 0, i).Format(time.DateOnly)
		for _, id := range []string{"churned", "customers", "signups"} {
			if v, ok := metrics[id]; ok {
				fmt.Fprintf(&b, "%s,%s,%g\n", day, id, v[i/7])
			}
		}
	}
	return b.String()
}

// A churn rate is churned customers (a weekly sum) divided by customers (a
// weekly average): each operand aggregated its own way, then divided.
func Example_derivedMetric() {
	deck, err := wbr.Parse([]byte(`
metrics:
  - {id: churned, role: output, aggregation: sum}
  - {id: customers, role: output, aggregation: mean}
  - id: churn_rate
    role: output
    aggregation: derived
    operation: divide
    operands: [churned, customers]
    comparison: bps
    better: down
  - id: net_adds
    role: output
    aggregation: derived
    operation: difference
    operands: [signups, churned]
  - {id: signups, role: input, owner: Ana, aggregation: sum, drives: [churned, customers, churn_rate, net_adds]}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	data, err := wbr.ReadCSV(strings.NewReader(weeksOf(map[string][2]float64{
		"churned": {10, 12}, "customers": {20000, 20000}, "signups": {30, 40},
	})))
	if err != nil {
		fmt.Println(err)
		return
	}
	report, err := wbr.Build(deck, data, wbr.Date{Year: 2026, Month: time.November, Day: 21}, wbr.ReviewOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range report.Metrics[2:4] {
		fmt.Printf("%s: last week %.4f, WoW %+.0f (%s)\n", m.ID, *m.LastWeek, *m.WoW, m.Comparison)
	}
	// Output:
	// churn_rate: last week 0.0042, WoW +7 (bps)
	// net_adds: last week 196.0000, WoW +40 (percent)
}

// The page holds every chart inline and fetches nothing; an annotation is
// marked on the charts it names and listed.
func ExampleReport_HTML() {
	deck, err := wbr.Parse([]byte(`
title: Subscriptions
metrics:
  - {id: churned, role: output, aggregation: sum}
  - {id: signups, role: input, owner: Ana, aggregation: sum, drives: [churned], chartWith: churned}
annotations:
  - {date: 2026-11-17, note: Price change, metrics: [signups]}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	data, _ := wbr.ReadCSV(strings.NewReader(weeksOf(map[string][2]float64{"churned": {10, 12}, "signups": {30, 40}})))
	report, err := wbr.Build(deck, data, wbr.Date{Year: 2026, Month: time.November, Day: 21}, wbr.ReviewOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var page bytes.Buffer
	if err := report.HTML(&page); err != nil {
		fmt.Println(err)
		return
	}
	s := page.String()
	fmt.Println(strings.SplitN(s, "\n", 2)[0])
	fmt.Println("charts:", strings.Count(s, "<svg"))
	fmt.Println("scripts:", strings.Count(s, "<script"))
	fmt.Println("annotated:", strings.Contains(s, "Price change"), len(report.Metrics[1].Annotations), len(report.Metrics[0].Annotations))
	fmt.Println("second line on the signups chart:", report.Metrics[1].With.ID)
	// Output:
	// <!DOCTYPE html>
	// charts: 2
	// scripts: 0
	// annotated: true 1 0
	// second line on the signups chart: churned
}
