package main

import (
	"bytes"
	"fmt"
	"path"
	"strings"
	"time"

	"github.com/dayone-go/mechanisms/wbr"
)

// weekFlag is -week: the week-ending date a deck is reviewed for.
var weekFlag string

func init() {
	register(kind{
		Name:       "deck",
		Title:      "Weekly Business Review deck: input and output metrics, 6-12 charts, XmR signals",
		SchemaPath: "wbr/deck.schema.json",
		Schema:     wbr.Schema,
		Patterns:   []string{"*.deck.yaml", "*.deck.yml", "*.deck.json", "deck.yaml", "deck.json"},
		Keys:       []string{"metrics", "sections"},
		Template:   "deck.yaml",
		Testdata:   "wbr/testdata",
		Check: func(data []byte) error {
			d, err := wbr.Parse(data)
			if err != nil {
				return err
			}
			return d.Validate()
		},
		Review: reviewDeck,
	})
}

func reviewDeck(in input) result {
	var r result
	d, err := wbr.Parse(in.Data)
	if err != nil {
		r.Err = err
		return r
	}
	if r.fromValidate(d.Validate()); r.invalid() {
		return r
	}
	r.Findings = wbr.Review(d, wbr.ReviewOptions{})
	dataName := strings.TrimSuffix(path.Base(in.Name), path.Ext(in.Name)) + "-data.csv"
	raw, err := in.Open(dataName)
	if err != nil {
		r.Summary = append(r.Summary, fmt.Sprintf("no data: put the daily values in %s beside the deck, or pass -data, to build the report", dataName))
		return r
	}
	data, err := wbr.ReadCSV(bytes.NewReader(raw))
	if err != nil {
		r.Err = fmt.Errorf("%s: %w", dataName, err)
		return r
	}
	week, err := weekToReview(d, data)
	if err != nil {
		r.Err = err
		return r
	}
	rep, err := wbr.Build(d, data, week, wbr.ReviewOptions{})
	if err != nil {
		r.Err = fmt.Errorf("building the report: %w", err)
		return r
	}
	r.Findings = append(r.Findings, rep.Findings()...)
	r.Summary = append(r.Summary, fmt.Sprintf("week ending %s: %d metrics from %d data points", rep.WeekEnding, len(rep.Metrics), data.Len()))
	r.Files = map[string][]byte{"report.md": rep.Markdown("charts")}
	if js, err := rep.JSON(); err == nil {
		r.Files["report.json"] = js
	}
	for i := range rep.Metrics {
		m := &rep.Metrics[i]
		r.Files["charts/"+m.ID+".svg"] = m.SVG()
	}
	return r
}

// weekToReview is -week, else the last complete week of the data, as
// wbr.LatestWeek defines it.
func weekToReview(d *wbr.Deck, data wbr.Data) (wbr.Date, error) {
	if weekFlag != "" {
		t, err := time.Parse(time.DateOnly, weekFlag)
		if err != nil {
			return wbr.Date{}, fmt.Errorf("-week %q: want YYYY-MM-DD", weekFlag)
		}
		return wbr.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}, nil
	}
	return wbr.LatestWeek(d, data)
}
