package main

import (
	"context"
	"database/sql"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/dayone-go/mechanisms/wbr"
)

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
		Rules:      wbr.Rules,
		Check: func(data []byte) error {
			d, err := wbr.Parse(data)
			if err != nil {
				return err
			}
			return d.Validate()
		},
		Help: "data: -data, else the deck's source (a CSV, or a query with -db), else <deck>-data.csv beside it",
		New:  newDeckReviewer,
	})
}

// deckReviewer holds the deck kind's flags and the data read in one run.
type deckReviewer struct {
	alone
	dataFlag string
	weekFlag string
	dbFlag   string
	dsn      string
	dbs      cache[string, *sqlDB]
	queries  cache[string, *deckData]
	week     wbr.Date
	data     cache[string, *deckData]
}

// deckData is a CSV file read once, and what it holds.
type deckData struct {
	at   location
	data wbr.Data
	err  error
}

func newDeckReviewer(fl *flag.FlagSet) reviewer {
	r := &deckReviewer{}
	fl.StringVar(&r.dataFlag, "data", "", "read every deck's daily data from this CSV `file` (default: <deck>-data.csv beside the deck)")
	fl.StringVar(&r.dbFlag, "db", "", "the connection string (or the `name` of an environment variable holding it) for decks whose source is a query (default: the variable the deck's source names)")
	fl.StringVar(&r.weekFlag, "week", "", "review decks for the week ending on this `date` (YYYY-MM-DD; default: the last complete week of the data)")
	return r
}

func (r *deckReviewer) Prepare(e *env) error {
	if r.weekFlag != "" {
		t, err := time.Parse(time.DateOnly, r.weekFlag)
		if err != nil {
			return usagef("-week %q: want a date as YYYY-MM-DD", r.weekFlag)
		}
		r.week = wbr.Date{Year: t.Year(), Month: t.Month(), Day: t.Day()}
	}
	if r.dbFlag != "" {
		r.dsn = r.dbFlag
		if envName.MatchString(r.dbFlag) {
			if r.dsn = os.Getenv(r.dbFlag); r.dsn == "" {
				return usagef("-db %s: the environment variable %s is not set", r.dbFlag, r.dbFlag)
			}
		}
	}
	if r.dataFlag != "" {
		// A file that cannot be read is a usage error; one whose content
		// is wrong is an error at its line, as a companion's is.
		dd := r.read(osFile(r.dataFlag))
		var de *wbr.DataError
		if dd.err != nil && !errors.As(dd.err, &de) {
			return usagef("-data %s: %v", r.dataFlag, dd.err)
		}
	}
	return nil
}

// read reads a CSV file once, however many decks share it.
func (r *deckReviewer) read(at location) *deckData {
	return r.data.get(at.key(), func() *deckData {
		dd := &deckData{at: at}
		f, err := at.stream(maxDataBytes)
		if err != nil {
			dd.err = err
			return dd
		}
		defer f.Close()
		dd.data, dd.err = wbr.ReadCSV(f)
		return dd
	})
}

// deckResult is a deck's computed output in the JSON report.
type deckResult struct {
	// Week is the last day of the week reviewed; WeekChosen says how it
	// was chosen.
	Week       wbr.Date `json:"week"`
	WeekChosen string   `json:"weekChosen"`
	// Data names the CSV file the figures come from.
	Data string `json:"data"`
	// Metrics are the box figures of every metric, in the deck's order.
	Metrics []metricBox `json:"metrics"`
}

// metricBox is one metric's figures in the WBR's box: the week, the
// changes, the to-date values and their year-on-year changes, the plan
// and the XmR signals.
type metricBox struct {
	ID          string           `json:"id"`
	Name        string           `json:"name"`
	Unit        string           `json:"unit,omitempty"`
	Comparison  wbr.Comparison   `json:"comparison"`
	LastWeek    *float64         `json:"lastWeek"`
	PriorWeek   *float64         `json:"priorWeek"`
	YearAgoWeek *float64         `json:"yearAgoWeek"`
	WoW         *float64         `json:"wow"`
	YoY         *float64         `json:"yoy"`
	MTD         *float64         `json:"mtd"`
	MTDYoY      *float64         `json:"mtdYoy"`
	QTD         *float64         `json:"qtd"`
	QTDYoY      *float64         `json:"qtdYoy"`
	YTD         *float64         `json:"ytd"`
	YTDYoY      *float64         `json:"ytdYoy"`
	Plan        *wbr.PlanReport  `json:"plan"`
	Signals     []wbr.WeekSignal `json:"signals"`
	Incomplete  []string         `json:"incomplete"`
}

func (r *deckReviewer) Review(d *doc) {
	deck, ok := load[wbr.Deck](d)
	if !ok {
		return
	}
	d.Findings = append(d.Findings, wbr.Review(deck, wbr.ReviewOptions{})...)
	// The data: -data, else the deck's own source (a CSV file or a
	// query), else the CSV beside it; one that is named and cannot be
	// used is an error, never "no data".
	var at location
	var dd *deckData
	fromQuery := false
	switch src := deck.Source; {
	case r.dataFlag != "":
		at = osFile(r.dataFlag)
	case src.CSV != "":
		at = d.loc.sibling(src.CSV)
	case src.Query != "":
		at, fromQuery = d.loc, true
		dd = r.query(d, deck)
		if dd == nil {
			return
		}
	default:
		at = d.loc.sibling(strings.TrimSuffix(baseName(d.loc), extOf(d.loc)) + "-data.csv")
		if !at.exists() {
			d.say("no data: put the daily values in %s beside the deck, name a source in the deck, or pass -data, for the week's figures", baseName(at))
			d.Result = deckResult{Metrics: []metricBox{}}
			return
		}
	}
	if dd == nil {
		dd = r.read(at)
	}
	if dd.err != nil {
		d.say("no figures: the data in %s cannot be used", at)
		dataProblem(d, at, dd.err)
		return
	}
	from := at.String()
	if fromQuery {
		from = "the deck's query"
	}
	week, chosen := r.week, "-week"
	if r.week.IsZero() {
		w, err := wbr.LatestWeek(deck, dd.data)
		if err != nil {
			d.say("no figures: no week to review in %s", from)
			dataProblem(d, at, err)
			return
		}
		week, chosen = w, "the last complete week of "+from
	}
	rep, err := wbr.Build(deck, dd.data, week, wbr.ReviewOptions{})
	switch {
	case err != nil && errors.Is(err, wbr.ErrNotWeekEnd) && !r.week.IsZero():
		d.failUsage(fmt.Errorf("-week %s: %v", r.weekFlag, strings.TrimPrefix(err.Error(), "wbr: ")))
		return
	case err != nil:
		d.say("no figures for the week ending %s", week)
		dataProblem(d, at, err)
		return
	}
	weekly := rep.Findings()
	d.Findings = append(d.Findings, weekly...)
	res := deckResult{Week: rep.WeekEnding, WeekChosen: chosen, Data: from}
	for i := range rep.Metrics {
		m := &rep.Metrics[i]
		res.Metrics = append(res.Metrics, metricBox{ID: m.ID, Name: m.Name, Unit: m.Unit, Comparison: m.Comparison,
			LastWeek: m.LastWeek, PriorWeek: m.PriorWeek, YearAgoWeek: m.YearAgoWeek, WoW: m.WoW, YoY: m.YoY,
			MTD: m.MTD, MTDYoY: m.MTDYoY, QTD: m.QTD, QTDYoY: m.QTDYoY, YTD: m.YTD, YTDYoY: m.YTDYoY,
			Plan: m.Plan, Signals: m.Signals, Incomplete: m.Incomplete})
	}
	d.Result = res
	d.say("week ending %s (%s), %s from %s", rep.WeekEnding, chosen, count(len(rep.Metrics), "metric"), count(dd.data.Len(), "data point"))
	for _, line := range metricTable(rep, weekly) {
		d.say("%s", line)
	}
	if d.rendering {
		d.write("report.md", func(w io.Writer) error { return rep.Markdown(w, "charts") })
		d.write("report.html", rep.HTML)
		js, err := rep.JSON()
		if err != nil {
			d.Err = err
			return
		}
		d.write("report.json", func(w io.Writer) error { _, err := w.Write(js); return err })
		for i := range rep.Metrics {
			m := &rep.Metrics[i]
			d.write("charts/"+m.ID+".svg", m.SVG)
		}
	}
}

// metricTable lays out every metric's box figures in aligned columns: last
// week, week on week, year on year, and month, quarter and year to date
// with their year-on-year change; then what to call out.
func metricTable(rep *wbr.Report, weekly []finding.Finding) []string {
	// What the week's review calls out, by metric: the same signals and
	// misses its findings report.
	notes := map[string][]string{}
	for _, f := range weekly {
		var word string
		switch f.Rule {
		case "xmr-signal":
			word = "signal"
		case "plan-missed":
			word = "missed plan"
		default:
			continue
		}
		if !slices.Contains(notes[f.Path], word) {
			notes[f.Path] = append(notes[f.Path], word)
		}
	}
	change := func(v *float64, c wbr.Comparison) string {
		if v == nil {
			return "–"
		}
		if c == wbr.Comparison("bps") {
			s := strconv.FormatFloat(*v, 'f', 0, 64)
			if *v > 0 {
				s = "+" + s
			}
			return strings.Replace(s, "-", "−", 1) + " bps"
		}
		return percent(*v)
	}
	val := func(v *float64) string {
		if v == nil {
			return "–"
		}
		return number(*v)
	}
	withChange := func(v, yoy *float64, c wbr.Comparison) string {
		if v == nil {
			return "–"
		}
		if yoy == nil {
			return number(*v)
		}
		return number(*v) + " (" + change(yoy, c) + ")"
	}
	rows := [][]string{{"metric", "last week", "WoW", "YoY", "MTD (YoY)", "QTD (YoY)", "YTD (YoY)", ""}}
	for i := range rep.Metrics {
		m := &rep.Metrics[i]
		called := notes["/metrics/"+strconv.Itoa(i)]
		if len(m.Overflow) > 0 {
			// Shown as "–" above: say why, so a reader does not take it
			// for a week without data.
			called = append(called, "too large to add up ("+strings.Join(m.Overflow, ", ")+")")
		}
		if len(m.Incomplete) > 0 {
			called = append(called, "incomplete data")
		}
		rows = append(rows, []string{m.Name, val(m.LastWeek), change(m.WoW, m.Comparison), change(m.YoY, m.Comparison),
			withChange(m.MTD, m.MTDYoY, m.Comparison), withChange(m.QTD, m.QTDYoY, m.Comparison), withChange(m.YTD, m.YTDYoY, m.Comparison),
			strings.Join(called, ", ")})
	}
	widths := make([]int, len(rows[0]))
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], width(c))
		}
	}
	out := make([]string, 0, len(rows))
	for _, r := range rows {
		var b strings.Builder
		b.WriteString("  ")
		for i, c := range r {
			if i == 0 {
				b.WriteString(pad(c, widths[i]))
			} else if i == len(r)-1 {
				if c != "" {
					b.WriteString("  ◂ " + c)
				}
			} else {
				b.WriteString("  " + padLeft(c, widths[i]))
			}
		}
		out = append(out, strings.TrimRight(b.String(), " "))
	}
	return out
}

// envName matches an environment variable's name, as -db may give one.
var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

// sqlDB is a database opened once per connection string.
type sqlDB struct {
	db  *sql.DB
	err error
}

// query reads a deck's data with its source query, once per connection
// string and query however many decks share them; nil when there is
// nothing to read (the problem is recorded at the deck).
func (r *deckReviewer) query(d *doc, deck *wbr.Deck) *deckData {
	src := deck.Source
	at := func(ptr string) row {
		l, c := d.source.Position(ptr)
		return row{File: d.File, Kind: "deck", Rule: "data", Severity: string(finding.Error), Path: ptr, Line: l, Column: c}
	}
	dsn := r.dsn
	if dsn == "" {
		if src.DSNEnv == "" || os.Getenv(src.DSNEnv) == "" {
			p := at("/source/query")
			p.Message = "the deck's data comes from a query, but no connection string is given: pass -db"
			if src.DSNEnv != "" {
				p.Path = "/source/dsnEnv"
				p.Line, p.Column = d.source.Position(p.Path)
				p.Message = fmt.Sprintf("the environment variable %s, which the deck names for its connection string, is not set; set it or pass -db", src.DSNEnv)
			}
			d.say("no figures: no connection string for the deck's query")
			d.Elsewhere = append(d.Elsewhere, p)
			return nil
		}
		dsn = os.Getenv(src.DSNEnv)
	}
	conn := r.dbs.get(dsn, func() *sqlDB {
		db, err := sql.Open(sqlDriver, dsn)
		if err == nil {
			db.SetMaxIdleConns(0) // nothing stays open past the query
		}
		return &sqlDB{db: db, err: err}
	})
	dd := r.queries.get(dsn+"\x00"+src.Query, func() *deckData {
		if conn.err != nil {
			return &deckData{err: conn.err}
		}
		ctx, cancel := context.WithTimeout(context.Background(), queryTimeout)
		defer cancel()
		data, err := wbr.ReadSQL(ctx, conn.db, src.Query)
		return &deckData{data: data, err: err}
	})
	if dd.err != nil {
		p := at("/source/query")
		p.Message = strings.TrimPrefix(dd.err.Error(), "wbr: ")
		var de *wbr.DataError
		if errors.As(dd.err, &de) {
			p.Message = de.Message
			if de.Cause != nil {
				p.Message += ": " + de.Cause.Error()
			}
			if de.Row > 0 {
				p.Message = fmt.Sprintf("row %d: %s", de.Row, p.Message)
			}
			if de.Column != "" {
				p.Message = fmt.Sprintf("column %s: %s", de.Column, p.Message)
			}
		}
		d.say("no figures: the deck's query failed")
		d.Elsewhere = append(d.Elsewhere, p)
		return nil
	}
	return dd
}

// queryTimeout bounds one source query.
const queryTimeout = 2 * time.Minute

// dataProblem reports a problem with a deck's data at the data file, on
// the CSV line it names.
func dataProblem(d *doc, at location, err error) {
	r := row{File: at.String(), Kind: "data", Rule: "data", Severity: string(finding.Error), Message: err.Error()}
	var de *wbr.DataError
	switch {
	case errors.As(err, &de):
		r.Line, r.Message = de.Line, de.Message
		if de.Line > 0 {
			r.Column = 1
		}
		if de.Column != "" {
			r.Path = "column " + de.Column
		}
		for _, s := range []struct {
			err  error
			rule string
		}{{wbr.ErrBadRow, "bad-row"}, {wbr.ErrDuplicate, "duplicate"}, {wbr.ErrTooLarge, "too-large"}, {wbr.ErrUnknownMetric, "unknown-metric"}, {wbr.ErrNoData, "no-data"}} {
			if errors.Is(err, s.err) {
				r.Rule = s.rule
			}
		}
	case errors.Is(err, errNotRegular), errors.Is(err, strict.ErrTooLarge):
		d.failAt(at, "data", err)
		return
	}
	d.Elsewhere = append(d.Elsewhere, r)
}

func baseName(l location) string {
	n := strings.ReplaceAll(l.name, "\\", "/")
	if i := strings.LastIndex(n, "/"); i >= 0 {
		return n[i+1:]
	}
	return n
}

func extOf(l location) string {
	b := baseName(l)
	if i := strings.LastIndex(b, "."); i > 0 {
		return b[i:]
	}
	return ""
}
