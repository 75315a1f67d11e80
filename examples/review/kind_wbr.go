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
	r.Findings = wbr.Review(d)
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
	week, err := weekToReview(d, raw)
	if err != nil {
		r.Err = err
		return r
	}
	rep, err := wbr.Build(d, data, week)
	if err != nil {
		r.Err = fmt.Errorf("building the report: %w", err)
		return r
	}
	r.Findings = append(r.Findings, rep.Findings()...)
	r.Summary = append(r.Summary, fmt.Sprintf("week ending %s: %d metrics from %d data points", rep.WeekEnding, len(rep.Metrics), data.Len()))
	var md bytes.Buffer
	if err := rep.Markdown(&md, "charts"); err != nil {
		r.Err = err
		return r
	}
	r.Files = map[string][]byte{"report.md": md.Bytes()}
	if js, err := rep.JSON(); err == nil {
		r.Files["report.json"] = js
	}
	for i := range rep.Metrics {
		m := &rep.Metrics[i]
		var svg bytes.Buffer
		if err := m.SVG(&svg); err != nil {
			r.Err = err
			return r
		}
		r.Files["charts/"+m.ID+".svg"] = svg.Bytes()
	}
	return r
}

// weekToReview is -week, else the last day of the latest week the data
// covers to its end.
func weekToReview(d *wbr.Deck, raw []byte) (time.Time, error) {
	if weekFlag != "" {
		t, err := time.Parse(time.DateOnly, weekFlag)
		if err != nil {
			return time.Time{}, fmt.Errorf("-week %q: want YYYY-MM-DD", weekFlag)
		}
		return t, nil
	}
	var last time.Time
	for line := range bytes.SplitSeq(raw, []byte("\n")) {
		if len(line) < 10 {
			continue
		}
		if t, err := time.Parse(time.DateOnly, string(line[:10])); err == nil && t.After(last) {
			last = t
		}
	}
	if last.IsZero() {
		return time.Time{}, fmt.Errorf("the data has no dates")
	}
	end := time.Saturday
	if d.Calendar.WeekEnds != "" {
		end = d.Calendar.WeekEnds.Time()
	}
	for last.Weekday() != end {
		last = last.AddDate(0, 0, -1)
	}
	return last, nil
}
