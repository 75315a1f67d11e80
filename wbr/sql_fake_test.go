package wbr

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"io"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// fakeResult is what the fake driver answers to one query: columns with
// their database types and rows of driver values, or an error.
type fakeResult struct {
	cols, types []string
	rows        [][]driver.Value
	err         error
}

var (
	fakeMu      sync.Mutex
	fakeResults = map[string]fakeResult{}
)

// fakeDB is a database/sql database whose queries answer from
// fakeResults, so ReadSQL's reading is tested without a server.
func fakeDB(t *testing.T) *sql.DB {
	t.Helper()
	db := sql.OpenDB(fakeConnector{})
	t.Cleanup(func() { db.Close() })
	return db
}

func fakeQuery(query string, r fakeResult) {
	fakeMu.Lock()
	defer fakeMu.Unlock()
	fakeResults[query] = r
}

type fakeConnector struct{}

func (fakeConnector) Connect(context.Context) (driver.Conn, error) { return fakeConn{}, nil }
func (fakeConnector) Driver() driver.Driver                        { return nil }

type fakeConn struct{}

func (fakeConn) Prepare(string) (driver.Stmt, error) { return nil, errors.New("fake: no statements") }
func (fakeConn) Close() error                        { return nil }
func (fakeConn) Begin() (driver.Tx, error)           { return nil, errors.New("fake: no transactions") }

func (fakeConn) QueryContext(_ context.Context, query string, _ []driver.NamedValue) (driver.Rows, error) {
	fakeMu.Lock()
	r, ok := fakeResults[query]
	fakeMu.Unlock()
	switch {
	case !ok:
		return nil, errors.New("fake: relation does not exist")
	case r.err != nil:
		return nil, r.err
	}
	return &fakeRows{r: r}, nil
}

type fakeRows struct {
	r fakeResult
	i int
}

func (f *fakeRows) Columns() []string                       { return f.r.cols }
func (f *fakeRows) Close() error                            { return nil }
func (f *fakeRows) ColumnTypeDatabaseTypeName(i int) string { return f.r.types[i] }
func (f *fakeRows) Next(dest []driver.Value) error {
	if f.i == len(f.r.rows) {
		return io.EOF
	}
	copy(dest, f.r.rows[f.i])
	f.i++
	return nil
}

// TestReadSQLWithoutAServer checks ReadSQL's shapes, types and errors on
// the fake driver: the quick start runs them with no database.
func TestReadSQLWithoutAServer(t *testing.T) {
	db := fakeDB(t)
	fromCSV, want := templateData(t)

	// The template data as a long result (DATE as time.Time, values as
	// float64) and as a wide one (dates as text, values as NUMERIC text,
	// missing values NULL).
	var long fakeResult
	long.cols, long.types = []string{"date", "metric", "value"}, []string{"DATE", "TEXT", "FLOAT8"}
	wide := fakeResult{cols: []string{"day"}, types: []string{"TEXT"}}
	col := map[string]int{}
	byDate := map[day][]driver.Value{}
	var dates []day
	for _, id := range fromCSV.Metrics() {
		col[id] = len(wide.cols)
		wide.cols, wide.types = append(wide.cols, id), append(wide.types, "NUMERIC")
	}
	for _, id := range fromCSV.Metrics() {
		s := fromCSV.get([]byte(id))
		for i := range s.vals {
			dd := s.days.at(i)
			long.rows = append(long.rows, []driver.Value{dd.date().Time(), id, s.vals[i]})
			row := byDate[dd]
			if row == nil {
				row = make([]driver.Value, len(wide.cols))
				row[0] = dd.date().String()
				byDate[dd] = row
				dates = append(dates, dd)
			}
			row[col[id]] = []byte(formatFloat(s.vals[i]))
		}
	}
	for _, dd := range dates {
		wide.rows = append(wide.rows, byDate[dd])
	}
	fakeQuery("long", long)
	fakeQuery("wide", wide)
	for _, q := range []string{"long", "wide"} {
		data, err := ReadSQL(context.Background(), db, q)
		require.NoError(t, err, q)
		assert.Equal(t, string(want), string(reportJSON(t, data)), q)
	}

	d := time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC)
	longOf := func(rows ...[]driver.Value) fakeResult {
		return fakeResult{cols: []string{"Date", "Metric", "Value"}, types: []string{"DATE", "TEXT", "INT8"}, rows: rows}
	}
	tests := []struct {
		name     string
		r        fakeResult
		sentinel error
		msg      string
	}{
		{"failed", fakeResult{err: errors.New("connection refused")}, ErrQuery, `the query "failed" failed: connection refused`},
		{"no rows", longOf(), ErrNoData, "returned no rows"},
		{"NULL date", longOf([]driver.Value{nil, "orders", int64(1)}), ErrBadRow, "row 1, column Date: the date is NULL"},
		{"NULL metric", longOf([]driver.Value{d, nil, int64(1)}), ErrBadRow, "row 1, column Metric: the metric is NULL"},
		{"text value", longOf([]driver.Value{d, "orders", "ten"}), ErrBadRow, `row 1, column Value: value "ten" is not a decimal number`},
		{"bool value", longOf([]driver.Value{d, "orders", true}), ErrBadRow, `row 1, column Value: value "true" is a bool, not a number`},
		{"text column", fakeResult{cols: []string{"date", "metric", "value"}, types: []string{"DATE", "TEXT", "VARCHAR"}}, ErrBadRow, "column value: the column is of type VARCHAR"},
		{"duplicate", longOf([]driver.Value{d, "orders", int64(1)}, []driver.Value{d, "sessions", int64(1)}, []driver.Value{d, "orders", int64(2)}), ErrDuplicate, "row 3: orders on 2026-11-21 was already given on row 1"},
		{"year 10000", longOf([]driver.Value{d.AddDate(8000, 0, 0), "orders", int64(1)}), ErrBadRow, "row 1, column Date: date"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fakeQuery(tt.name, tt.r)
			data, err := ReadSQL(context.Background(), db, tt.name)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.ErrorContains(t, err, tt.msg)
			assert.Zero(t, data.Len())
		})
	}

	// NULL values are missing days, and a metric with no value at all is
	// still known to Build (which refuses a metric the deck lacks).
	fakeQuery("nulls", longOf([]driver.Value{d, "orders", nil}, []driver.Value{d, "ghost", nil}, []driver.Value{d.AddDate(0, 0, -1), "orders", int64(3)}))
	data, err := ReadSQL(context.Background(), db, "nulls")
	require.NoError(t, err)
	assert.Equal(t, 1, data.Len())
	assert.Equal(t, []string{"ghost", "orders"}, data.Metrics())
	_, err = Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	assert.ErrorIs(t, err, ErrUnknownMetric)
	assert.ErrorContains(t, err, `row 2, column metric: the deck has no metric "ghost"`)
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
