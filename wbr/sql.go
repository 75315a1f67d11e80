package wbr

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// ReadSQL reads daily data from the rows of a query, through database/sql,
// so any driver works (the package itself imports none). The result's
// columns say its shape:
//
//   - long: exactly three columns named date, metric and value (any order,
//     any case), one row per metric and day;
//   - wide: any other columns; the first is the date and every other column
//     is a metric, named by its column (alias columns with AS to give them
//     the deck's ids).
//
// The date column may be a DATE, a TIMESTAMP (its calendar day as the driver
// returns it; cast a timestamptz to date in the query to choose the time
// zone) or text written YYYY-MM-DD. Values may be of any numeric type;
// NULL is a missing value, flagged in the report as a missing row of a CSV
// is. Rows may come in any order.
//
// Let the database do the heavy work: a deck needs one value per metric and
// day, so a query over raw events groups by day (and metric), and only
// those totals cross the wire:
//
//	SELECT created_at::date AS date, 'orders' AS metric, count(*) AS value
//	FROM orders GROUP BY 1
//	UNION ALL
//	SELECT created_at::date, 'revenue', sum(amount) FROM orders GROUP BY 1
//
// or, wide, one column per metric:
//
//	SELECT created_at::date AS date, count(*) AS orders, sum(amount) AS revenue
//	FROM orders GROUP BY 1 ORDER BY 1
//
// Every problem is a *DataError naming the row and column: a failed query
// (a dead server, a refused password, bad SQL: ErrQuery, with the driver's
// error reachable by errors.As), a value column of text, a value that is not
// a finite number, a NULL date or metric, a second value for the same metric
// and day (a query that forgot to group by day), no rows at all (ErrNoData).
// Nothing half-read is returned. Memory is bounded as ReadCSV's is, by
// MaxLines rows, MaxPoints values and MaxMetrics metrics (ErrTooLarge).
func ReadSQL(ctx context.Context, db *sql.DB, query string, args ...any) (Data, error) {
	if db == nil {
		return Data{}, dataErr(ErrQuery, "no database")
	}
	// On an early return, cancel the query before closing its rows, so the
	// driver stops the server rather than reading the rest of a large result.
	ctx, cancel := context.WithCancel(ctx)
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		cancel()
		return Data{}, &DataError{Message: "the query " + clipQuery(query) + " failed", Err: ErrQuery, Cause: err}
	}
	defer rows.Close()
	defer cancel()
	r := sqlReader{d: Data{s: &store{index: map[string]int{}, sql: true}}}
	if err := r.columns(rows); err != nil {
		return Data{}, err
	}
	for rows.Next() {
		if err := r.row(rows); err != nil {
			return Data{}, err
		}
	}
	if err := rows.Err(); err != nil {
		return Data{}, &DataError{Row: r.n + 1, Message: "reading the query's rows failed", Err: ErrQuery, Cause: err}
	}
	if r.n == 0 {
		return Data{}, dataErr(ErrNoData, "the query %s returned no rows", clipQuery(query))
	}
	if err := r.d.s.checkAll(); err != nil {
		return Data{}, err
	}
	return r.d, nil
}

type sqlReader struct {
	d      Data
	names  []string
	dest   []any
	date   dateCell
	metric textCell
	values []valueCell
	order  [3]int // long form: the columns of date, metric and value
	n      int    // rows read
}

func (r *sqlReader) err(column int, sentinel error, format string, args ...any) *DataError {
	e := dataErr(sentinel, format, args...)
	e.Row = r.n
	if column >= 0 {
		e.Column = r.names[column]
	}
	return e
}

// columns tells the long form from the wide one and prepares the scan.
func (r *sqlReader) columns(rows *sql.Rows) error {
	types, err := rows.ColumnTypes()
	if err != nil {
		return &DataError{Message: "reading the query's columns failed", Err: ErrQuery, Cause: err}
	}
	r.names = make([]string, len(types))
	fs := make([][]byte, len(types))
	for i, t := range types {
		r.names[i] = t.Name()
		fs[i] = []byte(t.Name())
	}
	st := r.d.s
	long := false
	if len(fs) == 3 {
		r.order, long = longColumns(fs)
	}
	switch {
	case long:
		r.values = make([]valueCell, 1)
		r.dest = make([]any, 3)
		r.dest[r.order[0]], r.dest[r.order[1]], r.dest[r.order[2]] = &r.date, &r.metric, &r.values[0]
		return r.numeric(types[r.order[2]], r.order[2])
	case len(fs) < 2:
		return r.err(-1, ErrBadRow, "the query returns %d column; want date, metric and value (long form), or a date and then one column per metric (wide form)", len(fs))
	case len(fs)-1 > MaxMetrics:
		return r.err(-1, ErrTooLarge, "more than %d metric columns", MaxMetrics)
	}
	st.wide = true
	r.values = make([]valueCell, len(fs))
	r.dest = make([]any, len(fs))
	r.dest[0] = &r.date
	for i := 1; i < len(fs); i++ {
		switch {
		case len(fs[i]) == 0:
			return r.err(i, ErrBadRow, "column %d has no name; name each metric's column by the metric's id (AS orders)", i+1)
		case r.d.get(fs[i]) != nil:
			return r.err(i, ErrBadRow, "two columns are named %q", fs[i])
		}
		if err := r.numeric(types[i], i); err != nil {
			return err
		}
		r.values[i].series = len(st.series)
		r.d.add(fs[i]).first = 1
		r.dest[i] = &r.values[i]
	}
	return nil
}

// numeric refuses a value column the database says is not a number.
func (r *sqlReader) numeric(t *sql.ColumnType, column int) error {
	name := strings.ToUpper(t.DatabaseTypeName())
	for _, bad := range []string{"CHAR", "TEXT", "STRING", "BOOL", "DATE", "TIME", "JSON", "UUID", "BYTEA", "BLOB", "INTERVAL"} {
		if strings.Contains(name, bad) || name == "NAME" {
			return r.err(column, ErrBadRow, "the column is of type %s; a metric's values must be numbers (cast text with ::numeric if it holds numbers)", name)
		}
	}
	return nil
}

func (r *sqlReader) row(rows *sql.Rows) error {
	r.n++
	if r.n > MaxLines {
		return r.err(-1, ErrTooLarge, "more than %d rows", MaxLines)
	}
	if err := rows.Scan(r.dest...); err != nil {
		return &DataError{Row: r.n, Message: "reading the row failed", Err: ErrQuery, Cause: err}
	}
	st := r.d.s
	dateCol := 0
	if !st.wide {
		dateCol = r.order[0]
	}
	switch {
	case r.date.bad != "":
		return r.err(dateCol, ErrBadRow, "%s", r.date.bad)
	case r.date.null:
		return r.err(dateCol, ErrBadRow, "the date is NULL; every row needs its day")
	}
	if !st.wide {
		return r.longRow()
	}
	for i := 1; i < len(r.values); i++ {
		c := &r.values[i]
		if c.bad != "" {
			return r.err(i, ErrBadRow, "value %s", c.bad)
		}
		if c.null {
			continue
		}
		if err := r.push(&st.series[c.series], c.v, i); err != nil {
			return err
		}
	}
	return nil
}

func (r *sqlReader) longRow() error {
	st := r.d.s
	m, c := r.order[1], &r.values[0]
	switch {
	case r.metric.null:
		return r.err(m, ErrBadRow, "the metric is NULL")
	case r.metric.bad != "":
		return r.err(m, ErrBadRow, "%s", r.metric.bad)
	case len(r.metric.b) == 0:
		return r.err(m, ErrBadRow, "the metric is empty")
	case c.bad != "":
		return r.err(r.order[2], ErrBadRow, "value %s", c.bad)
	}
	s := r.d.get(r.metric.b)
	if s == nil {
		if len(st.series) >= MaxMetrics {
			return r.err(m, ErrTooLarge, "more than %d metrics", MaxMetrics)
		}
		s = r.d.add(r.metric.b)
		s.first = int32(r.n)
	}
	if c.null {
		return nil // a missing value: the metric is known, the day is not
	}
	return r.push(s, c.v, r.order[2])
}

func (r *sqlReader) push(s *series, v float64, column int) error {
	st := r.d.s
	if st.points >= MaxPoints {
		return r.err(column, ErrTooLarge, "more than %d points", MaxPoints)
	}
	if err := st.push(s, r.date.d, v, int32(r.n)); err != nil {
		return err
	}
	st.points++
	return nil
}

// The cells below implement sql.Scanner, so a row is read without the
// conversions and allocations of scanning into interfaces. They never
// fail the scan: they record what is wrong, and the reader reports it with
// the row and the column.

// dateCell reads a DATE, a TIMESTAMP or YYYY-MM-DD text.
type dateCell struct {
	d    day
	null bool
	bad  string
}

func (c *dateCell) Scan(src any) error {
	c.null, c.bad = false, ""
	var ok bool
	switch x := src.(type) {
	case nil:
		c.null = true
		return nil
	case time.Time:
		y, m, d := x.Date()
		if ok = y >= 1 && y <= 9999; ok {
			c.d = dayFrom(y, m, d)
		}
	case []byte:
		c.d, ok = parseDay(x)
	case string:
		c.d, ok = parseDay([]byte(x))
	default:
		c.bad = fmt.Sprintf("the date is a %T; want a DATE, a TIMESTAMP or text written YYYY-MM-DD", src)
		return nil
	}
	if !ok {
		c.bad = fmt.Sprintf("date %q is not a day of the years 0001 to 9999 written YYYY-MM-DD", clip([]byte(fmt.Sprint(src))))
	}
	return nil
}

// textCell reads a metric id into a reused buffer.
type textCell struct {
	b    []byte
	null bool
	bad  string
}

func (c *textCell) Scan(src any) error {
	c.null, c.bad = false, ""
	switch x := src.(type) {
	case nil:
		c.null = true
	case []byte:
		c.b = append(c.b[:0], x...)
	case string:
		c.b = append(c.b[:0], x...)
	default:
		c.bad = fmt.Sprintf("the metric is a %T; want text", src)
	}
	if c.bad == "" && !utf8.Valid(c.b) {
		c.bad = "the metric is not valid UTF-8"
	}
	return nil
}

// valueCell reads a number of any numeric type; NULL is a missing value.
type valueCell struct {
	v      float64
	null   bool
	bad    string
	series int // wide form: the series of the column
}

func (c *valueCell) Scan(src any) error {
	c.null, c.bad = false, ""
	switch x := src.(type) {
	case nil:
		c.null = true
	case int64:
		c.v = float64(x)
	case float64:
		c.v = x
		if math.IsNaN(x) || math.IsInf(x, 0) {
			c.bad = fmt.Sprintf("%v is not a finite number", x)
		}
	case []byte:
		c.text(x)
	case string:
		c.text([]byte(x))
	default:
		c.bad = fmt.Sprintf("%q is a %T, not a number", clip([]byte(fmt.Sprint(src))), src)
	}
	return nil
}

// text reads a number the driver passes as text, such as NUMERIC.
func (c *valueCell) text(b []byte) {
	var msg string
	if c.v, msg = parseValue(b); msg != "" {
		c.bad = fmt.Sprintf("%q %s", clip(b), msg)
	}
}

// clipQuery quotes the start of a query for an error message.
func clipQuery(q string) string {
	q = strings.Join(strings.Fields(q), " ")
	if len(q) > 60 {
		q = strings.ToValidUTF8(q[:60], "") + "…"
	}
	return fmt.Sprintf("%q", q)
}
