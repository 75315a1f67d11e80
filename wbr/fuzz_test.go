package wbr

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"reflect"
	"strconv"
	"testing"
	"testing/iotest"
	"time"
)

func FuzzParse(f *testing.F) {
	if b, err := os.ReadFile(templatePath); err == nil {
		f.Add(b)
	}
	f.Add([]byte(`{"metrics":[{"id":"a","role":"input","owner":"o","aggregation":"ratio","numerator":"a","denominator":"a"}]}`))
	f.Add([]byte("metrics:\n  - id: a\n    role: output\n    aggregation: sum\n"))
	f.Add([]byte("metrics:\n  - {id: a, role: output, aggregation: sum}\n  - {id: b, role: output, aggregation: first}\n" +
		"  - {id: c, role: input, owner: o, aggregation: derived, operation: divide, operands: [a, b], chartWith: a, drives: [a, b]}\n" +
		"annotations:\n  - {date: 2026-11-20, note: x, metrics: [c]}\n"))
	f.Add([]byte("calendar: {weekEnds: friday, fiscalYearEnd: june}\nmetrics: []\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			var ve *ValidationError
			if !errors.As(err, &ve) || ve.Kind != kind || len(ve.Problems) == 0 {
				t.Fatalf("Parse error is not a *ValidationError with problems: %v", err)
			}
			return
		}
		if d.Validate() != nil {
			return
		}
		_ = Review(d, ReviewOptions{})
		// A valid deck builds, without error, for a week-ending day on
		// which one of its data metrics has a value.
		var id string
		for _, m := range d.Metrics {
			if !m.computed() {
				id = m.ID
				break
			}
		}
		if id == "" {
			t.Fatal("a valid deck without a metric that takes data")
		}
		end := Date{Year: 2026, Month: time.November, Day: 21}
		for end.Time().Weekday() != d.Calendar.weekEnds().Time() {
			end = end.AddDays(-1)
		}
		var rows Data
		if err := rows.Add(end, id, 1); err != nil {
			t.Fatal(err)
		}
		r, err := Build(d, rows, end, ReviewOptions{})
		if err != nil {
			t.Fatalf("a valid deck does not build: %v", err)
		}
		if len(r.Metrics) != len(d.Metrics) || r.WeekEnding != end {
			t.Fatalf("report of %d metrics for week %s; the deck has %d, the week is %s", len(r.Metrics), r.WeekEnding, len(d.Metrics), end)
		}
		if _, err := r.JSON(); err != nil {
			t.Fatal(err)
		}
		_ = r.Findings()
		renderAll(t, r, !bytes.Contains(data, []byte("NaN")) && !bytes.Contains(data, []byte("Inf")))
	})
}

func FuzzReadCSV(f *testing.F) {
	f.Add([]byte("date,metric,value\n2026-11-21,orders,12.5\n"))
	f.Add([]byte("\xef\xbb\xbfdate,metric,value\r\n\r\n2026-02-28,\"a\",-1e3\r\n2026-02-27,a,NaN\r\n"))
	f.Add([]byte("date,metric,value\n2024-02-29,a,1\n2024-02-29,a,2\n"))
	f.Add([]byte("date,metric,value\n0001-01-01,a,1\n9999-12-31,a,0x1p3\n"))
	f.Add([]byte("date,metric,value\n2026-11-21,a,1e308\n2026-11-20,a,-1e308\n2026-11-19,b,1.7976931348623157e308\n"))
	f.Add([]byte("date,a,b\r2026-11-21,\"1,234.5\",\r2026-11-20,,\"\"\"2\"\r"))
	f.Add([]byte(",a,b\n2026-11-21,1,2\n2026-11-14,3,4\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		d, err := ReadCSV(bytes.NewReader(in))
		if err != nil {
			var de *DataError
			if !errors.As(err, &de) || de.Line < 0 || de.Err == nil {
				t.Fatalf("ReadCSV error is not a *DataError with a sentinel: %v", err)
			}
			if d.Len() != 0 {
				t.Fatal("data returned with an error")
			}
			return
		}
		n := 0
		for _, id := range d.Metrics() {
			s := d.get([]byte(id))
			for i, v := range s.vals {
				if math.IsNaN(v) || math.IsInf(v, 0) {
					t.Fatalf("non-finite value %v accepted", v)
				}
				if i > 0 && s.days.at(i) <= s.days.at(i-1) {
					t.Fatalf("%s: days not strictly increasing", id)
				}
			}
			n += len(s.vals)
		}
		if n != d.Len() {
			t.Fatalf("Len %d, points %d", d.Len(), n)
		}
		// Whatever was read, a deck naming those metrics builds without
		// panicking and without NaN in its JSON.
		deck := &Deck{Metrics: []Metric{{ID: "out", Role: Output, Aggregation: Sum}}}
		for _, id := range d.Metrics() {
			if !idPattern.MatchString(id) || id == "out" {
				return
			}
			deck.Metrics = append(deck.Metrics, Metric{ID: id, Role: Input, Owner: "o", Aggregation: Mean, Drives: []string{"out"}})
		}
		if len(deck.Metrics) > 50 {
			return
		}
		// Review the week LatestWeek picks: it holds data, so Build must
		// succeed unless the week is outside the years Build covers.
		dt, err := LatestWeek(deck, d)
		if err != nil {
			if d.Len() > 0 {
				t.Fatalf("LatestWeek: %v with %d points", err, d.Len())
			}
			return
		}
		r, err := Build(deck, d, dt, ReviewOptions{})
		if err != nil {
			if dt.Year >= 3 && dt.Year <= 9998 {
				t.Fatalf("Build of the week LatestWeek chose, %s: %v", dt, err)
			}
			return
		}
		b, err := json.Marshal(r)
		if err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(b, []byte("NaN")) {
			t.Fatal("NaN in report")
		}
		renderAll(t, r, true)
	})
}

// renderAll renders a report every way and fails on an error or, with
// finite, on a number that is not finite in any output (the deck's own
// text must then hold neither NaN nor Inf).
func renderAll(t *testing.T, r *Report, finite bool) {
	var b bytes.Buffer
	for i := range r.Metrics {
		if err := r.Metrics[i].SVG(&b); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Markdown(&b, "c"); err != nil {
		t.Fatal(err)
	}
	if err := r.HTML(&b); err != nil {
		t.Fatal(err)
	}
	if finite && (bytes.Contains(b.Bytes(), []byte("NaN")) || bytes.Contains(b.Bytes(), []byte("Inf"))) {
		t.Fatal("a number that is not finite in a rendering")
	}
}

// FuzzParseValue checks the hand-written decimal fast path against strconv.
func FuzzParseValue(f *testing.F) {
	for _, s := range []string{"12.5", "-0.1", "999999999999999.9", "0.30000000000000004", "1e5"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, ok := fastDecimal([]byte(s))
		if !ok {
			return
		}
		want, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Fatalf("%q: fast path accepted what strconv refuses: %v", s, err)
		}
		if math.Float64bits(v) != math.Float64bits(want) {
			t.Fatalf("%q: fast path %v, strconv %v", s, v, want)
		}
	})
}

// FuzzReadCSVFastPath checks that ReadCSV's one-pass reading of common long
// rows gives what the general path gives: read one byte at a time, a row is
// never whole in the buffer ahead of the line being read, so the fast path
// never runs.
func FuzzReadCSVFastPath(f *testing.F) {
	f.Add([]byte("date,metric,value\n2026-11-19,a,1\n2026-11-20,a,-2.5\n2026-11-21,a,+3.\n2026-11-22,a,.5\n"))
	f.Add([]byte("date,metric,value\n2026-11-19,\"a,b\",1\n2026-11-20,a,b,2\n"))
	f.Add([]byte("date,metric,value\n2026-11-19,a,1\n2026-11-19,a,2\n"))
	f.Add([]byte("date,metric,value\n2026-11-20,a,1\n2026-11-19,a,2\n2026-02-30,a,3\n"))
	f.Add([]byte("date,metric,value\n2026-11-20,a,1\n2026-11-21,a,1234567890123456\n2026-11-22,a,1e3\n2026-11-23,a,-\n"))
	f.Add([]byte("date,metric,value\n2026-11-20,a,1\r\n2026-11-21,a,2\n2026-11-22,a,3 \n2026-11-23, a,4\n"))
	f.Add([]byte("metric,date,value\na,2026-11-20,1\na,2026-11-21,2\n"))
	f.Add([]byte("date,metric,value\n2026-11-20,metric_001,1\n2026-11-21,metric_001,2\n2026-11-22,metric_101,3\n2026-11-23,metric_1011,4\n"))
	// Month and year ends, leap days, gaps, a day repeated after a gap and
	// the last day there is: the expected next date and the days kept as
	// a first day and a step.
	f.Add([]byte("date,metric,value\n2023-12-30,m,1\n2023-12-31,m,2\n2024-01-01,m,3\n2024-01-02,m,4\n2024-02-28,m,5\n2024-02-29,m,6\n2024-03-01,m,7\n2024-03-01,m,8\n"))
	f.Add([]byte("date,metric,value\n2026-11-20,m,1\n2026-11-21,m,2\n2026-11-23,m,3\n2026-11-24,m,4\n2026-11-22,m,5\n2026-11-25,m,6\n2026-11-25,m,7\n"))
	f.Add([]byte("date,metric,value\n9999-12-30,m,1\n9999-12-31,m,2\n9999-12-31,m,3\n"))
	f.Add([]byte("date,metric,value\n2026-11-20,a,1\n2026-11-20,b,1\n2026-11-21,a,2\n2026-11-21,b,2\n2026-11-22,a,3\n2026-11-23,a,4\n2026-11-24,a,5\n2026-11-22,b,3\n"))
	f.Add([]byte("date,metric,value\n2026-11-20,a,1\n2026-11-21,a,1012.34\n2026-11-22,a,-987.6543210\n2026-11-23,a,12345678.5\n2026-11-24,a,0.12345678\n2026-11-25,a,7\n"))
	f.Fuzz(func(t *testing.T, in []byte) {
		fast, errFast := ReadCSV(bytes.NewReader(in))
		slow, errSlow := ReadCSV(iotest.OneByteReader(bytes.NewReader(in)))
		if fmt.Sprint(errFast) != fmt.Sprint(errSlow) {
			t.Fatalf("fast path: %v\ngeneral path: %v", errFast, errSlow)
		}
		if !reflect.DeepEqual(fast, slow) {
			t.Fatal("the fast path read other data than the general path")
		}
	})
}
