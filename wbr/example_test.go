package wbr_test

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/dayone-go/mechanisms/wbr"
)

func Example() {
	deck, err := wbr.Parse([]byte(`
metrics:
  - id: orders
    role: output
    aggregation: sum
  - id: sessions
    role: input
    owner: Mei
    aggregation: sum
    drives: [orders]
  - id: conversion
    role: input
    owner: Mei
    aggregation: ratio
    numerator: orders
    denominator: sessions
    comparison: bps
    drives: [orders]
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	// Two weeks of daily data: 100 then 110 orders a day from 1,000 sessions.
	var rows strings.Builder
	rows.WriteString("date,metric,value\n")
	start := time.Date(2026, 11, 8, 0, 0, 0, 0, time.UTC)
	for i := 0; i < 14; i++ {
		day := start.AddDate(0, 0, i).Format(time.DateOnly)
		orders := 100
		if i >= 7 {
			orders = 110
		}
		fmt.Fprintf(&rows, "%s,orders,%d\n%s,sessions,1000\n", day, orders, day)
	}
	data, err := wbr.ReadCSV(strings.NewReader(rows.String()))
	if err != nil {
		fmt.Println(err)
		return
	}
	report, err := wbr.Build(deck, data, wbr.Date{Year: 2026, Month: time.November, Day: 21}, wbr.ReviewOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range report.Metrics {
		fmt.Printf("%s: last week %.3f, WoW %+.1f (%s), YoY %v\n", m.ID, *m.LastWeek, *m.WoW, m.Comparison, m.YoY)
	}
	// Output:
	// orders: last week 770.000, WoW +10.0 (percent), YoY <nil>
	// sessions: last week 7000.000, WoW +0.0 (percent), YoY <nil>
	// conversion: last week 0.110, WoW +100.0 (bps), YoY <nil>
}

func ExampleXmR() {
	// Donald J. Wheeler's XmR verification data.
	c := wbr.XmR([]float64{5045, 4350, 4350, 3975, 4290, 4430, 4485, 4285, 3980, 3925, 3645, 3760, 3300, 3685, 3463, 5200})
	fmt.Printf("centre %.2f, mR %.2f, limits %.2f to %.2f, range limit %.2f\n", c.Mean, c.MovingRangeMean, c.Lower, c.Upper, c.RangeLimit)
	for _, s := range c.Signals {
		fmt.Printf("point %d: rule %d (moving range %v)\n", s.Index, s.Rule, s.MovingRange)
	}
	// Output:
	// centre 4135.50, mR 355.93, limits 3188.72 to 5082.28, range limit 1163.19
	// point 15: rule 1 (moving range false)
	// point 15: rule 1 (moving range true)
}

func ExampleDeck_Validate() {
	deck, _ := wbr.Parse([]byte(`
metrics:
  - id: revenue
    role: output
    aggregation: sum
  - id: margin
    role: output
    aggregation: ratio
    numerator: margin
    denominator: revenue
`))
	err := deck.Validate()
	var ve *wbr.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s %s: %s\n", p.Path, p.Rule, p.Message)
		}
	}
	// Output:
	// /metrics no-inputs: the deck has only output metrics; a WBR exists to manage the controllable inputs that drive them
	// /metrics/1/numerator circular: ratio "margin" refers to itself
}

func ExampleReadCSV() {
	in := "\ufeffdate,metric,value\r\n2026-11-21,orders,12\r\n\r\n2026-11-21,orders,13\r\n"
	_, err := wbr.ReadCSV(strings.NewReader(in))
	fmt.Println(err)
	fmt.Println(errors.Is(err, wbr.ErrDuplicate))
	// Output:
	// wbr: line 4: orders on 2026-11-21 was already given on line 2
	// true
}

// A spreadsheet's export: a date column, then one column per metric, CR
// line ends, numbers grouped by thousands; an empty cell is a missing day.
func ExampleReadCSV_wide() {
	in := "Date,orders,revenue\r2026-11-20,\"1,204\",\"48,160.50\"\r2026-11-21,1310,\r"
	data, err := wbr.ReadCSV(strings.NewReader(in))
	fmt.Println(data.Metrics(), data.Len(), err)
	// Output:
	// [orders revenue] 3 <nil>
}

// A DataError names the line and the column; the caller names the file.
func ExampleDataError() {
	in := "date,metric,value\n2026-11-21,orders,12\n2026-11-22,orders,twelve\n"
	_, err := wbr.ReadCSV(strings.NewReader(in))
	var de *wbr.DataError
	if errors.As(err, &de) {
		de.File = "deck-data.csv"
		fmt.Println(de.Line, de.Column)
	}
	fmt.Println(err)
	fmt.Println(errors.Is(err, wbr.ErrBadRow))
	// Output:
	// 3 value
	// wbr: deck-data.csv: line 3, column value: value "twelve" is not a decimal number
	// true
}
