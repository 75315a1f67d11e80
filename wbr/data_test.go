package wbr

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestReadCSVAcceptsCommonShapes(t *testing.T) {
	tests := map[string]string{
		"plain":         "date,metric,value\n2026-11-20,orders,10\n2026-11-21,orders,12.5\n2026-11-21,sessions,-3e2\n",
		"bom and crlf":  "\xef\xbb\xbfdate,metric,value\r\n2026-11-20,orders,10\r\n2026-11-21,orders,12.5\r\n2026-11-21,sessions,-3e2\r\n",
		"blank lines":   "\n\ndate,metric,value\n\n2026-11-20,orders,10\n   \n2026-11-21,orders,12.5\n\n2026-11-21,sessions,-3e2",
		"quotes":        "\"date\",\"metric\",\"value\"\n2026-11-20,\"orders\",10\n2026-11-21, orders ,\"12.5\"\n2026-11-21,sessions,-3e2\n",
		"out of order":  "Date,Metric,Value\n2026-11-21,sessions,-3e2\n2026-11-21,orders,12.5\n2026-11-20,orders,10\n",
		"columns moved": "metric,value,date\norders,10,2026-11-20\norders,12.5,2026-11-21\nsessions,-3e2,2026-11-21\n",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(in))
			require.NoError(t, err)
			assert.Equal(t, 3, d.Len())
			assert.Equal(t, []string{"orders", "sessions"}, d.Metrics())
			o := d.get([]byte("orders"))
			require.NotNil(t, o)
			assert.Equal(t, []day{dayOf(date("2026-11-20")), dayOf(date("2026-11-21"))}, daysOf(o))
			assert.Equal(t, []float64{10, 12.5}, o.vals)
			assert.Equal(t, []float64{-300}, d.get([]byte("sessions")).vals)
		})
	}
}

func TestReadCSVErrorsNameTheLine(t *testing.T) {
	const h = "date,metric,value\n"
	tests := []struct {
		name, in string
		sentinel error
		msg      string
	}{
		{"empty", "", ErrBadRow, "no header"},
		{"header only", h, ErrNoData, "line 1: the CSV has a header and no rows"},
		{"no header", "2026-11-21,orders,1\n", ErrBadRow, "line 1: the header must name the columns date, metric and value (long form), or date and then one column per metric (wide form)"},
		{"header twice a name", "date,date,value\n", ErrBadRow, "line 1, column date: a second date column"},
		{"two fields", h + "2026-11-21,orders\n", ErrBadRow, "line 2: want 3"},
		{"four fields", h + "2026-11-21,orders,1,2\n", ErrBadRow, "line 2: want 3"},
		{"bad date", h + "2026-11-21,orders,1\n21/11/2026,orders,1\n", ErrBadRow, "line 3, column date: date \"21/11/2026\""},
		{"day that does not exist", h + "2023-02-29,orders,1\n", ErrBadRow, "line 2, column date: date"},
		{"not a number", h + "2026-11-21,orders,ten\n", ErrBadRow, "line 2, column value: value \"ten\" is not a decimal number"},
		{"NaN", h + "2026-11-21,orders,NaN\n", ErrBadRow, "line 2, column value: value \"NaN\" is not a finite number"},
		{"Inf", h + "2026-11-21,orders,-Inf\n", ErrBadRow, "line 2, column value: value \"-Inf\" is not a finite number"},
		{"overflow", h + "2026-11-21,orders,1e400\n", ErrBadRow, "line 2, column value: value \"1e400\" is not a finite decimal number"},
		{"hex", h + "2026-11-21,orders,0x10\n", ErrBadRow, "line 2"},
		{"empty value", h + "2026-11-21,orders,\n", ErrBadRow, "line 2, column value: value \"\" is empty"},
		{"empty metric", h + "2026-11-21,,1\n", ErrBadRow, "line 2, column metric: the metric is empty"},
		{"duplicate", h + "2026-11-20,orders,1\n2026-11-21,orders,1\n\n2026-11-21,orders,2\n", ErrDuplicate, "line 5: orders on 2026-11-21 was already given on line 3"},
		{"duplicate out of order", h + "2026-11-21,orders,1\n2026-11-20,orders,1\n2026-11-21,orders,2\n", ErrDuplicate, "line 4: orders on 2026-11-21 was already given on line 2"},
		{"long line", h + "2026-11-21,orders," + strings.Repeat("1", MaxLineBytes) + "\n", ErrTooLarge, "line 2: the line is longer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Contains(t, err.Error(), tt.msg)
		})
	}
}

// endless yields the same row for ever, like a huge file.
type endless struct {
	row []byte
	off int
	n   int
}

func (e *endless) Read(p []byte) (int, error) {
	n := 0
	for n < len(p) {
		c := copy(p[n:], e.row[e.off:])
		n += c
		e.off = (e.off + c) % len(e.row)
	}
	e.n += n
	return n, nil
}

func TestReadCSVIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("reads about 10 million lines")
	}
	t.Run("blank lines", func(t *testing.T) {
		r := &endless{row: []byte("\n")}
		_, err := ReadCSV(io.MultiReader(strings.NewReader("date,metric,value\n"), r))
		assert.ErrorIs(t, err, ErrTooLarge)
		assert.Less(t, r.n, MaxLines+2*MaxLineBytes, "stopped after the bound, not at the end")
	})
}

func TestReadCSVTooManyMetrics(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("date,metric,value\n")
	for i := 0; i <= MaxMetrics; i++ {
		fmt.Fprintf(&b, "2026-11-21,m%d,1\n", i)
	}
	_, err := ReadCSV(&b)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.ErrorContains(t, err, fmt.Sprintf("line %d, column metric: more than %d metrics", MaxMetrics+2, MaxMetrics))
}

func TestReadCSVAllocatesPerMetricNotPerRow(t *testing.T) {
	small := csvOf(10, 100)
	large := csvOf(10, 1000)
	allocs := func(data []byte) float64 {
		return testing.AllocsPerRun(5, func() {
			_, err := ReadCSV(bytes.NewReader(data))
			require.NoError(t, err)
		})
	}
	a, b := allocs(small), allocs(large)
	// Ten times the rows: the slices grow by doubling, so only a few more
	// allocations, never one per row (9,000 more rows here).
	assert.Less(t, b-a, 200.0, "allocations: %v for 1,000 rows, %v for 10,000", a, b)
}

// daysOf lists a series' days.
func daysOf(s *series) []day {
	out := make([]day, len(s.vals))
	for i := range out {
		out[i] = s.days.at(i)
	}
	return out
}

// csvOf writes metrics × days rows of daily data ending 2026-11-21.
func csvOf(metrics, days int) []byte {
	var b bytes.Buffer
	b.WriteString("date,metric,value\n")
	end := date("2026-11-21")
	for m := 0; m < metrics; m++ {
		for d := days - 1; d >= 0; d-- {
			fmt.Fprintf(&b, "%s,metric_%03d,%.2f\n", end.AddDays(-d).String(), m, 1000+100*math.Sin(float64(d+m)))
		}
	}
	return b.Bytes()
}

func TestDataAdd(t *testing.T) {
	var d Data
	require.NoError(t, d.Add(date("2026-11-21"), "orders", 2))
	require.NoError(t, d.Add(date("2026-11-20"), "orders", 1))
	assert.ErrorIs(t, d.Add(date("2026-11-21"), "orders", 3), ErrDuplicate)
	assert.ErrorIs(t, d.Add(date("2026-11-22"), "orders", math.NaN()), ErrBadRow)
	assert.ErrorIs(t, d.Add(date("2026-11-22"), "orders", math.Inf(-1)), ErrBadRow)
	assert.Equal(t, 2, d.Len())
	assert.Equal(t, []float64{1, 2}, d.get([]byte("orders")).vals)
	assert.Empty(t, Data{}.Metrics())
	assert.Zero(t, Data{}.Len())
}

func TestFastDecimalMatchesStrconv(t *testing.T) {
	for _, s := range []string{"0", "-0", "12", "12.5", "-1234.56", "0.1", "0.3", "2.675", "999999999999999", "123456789.012345", ".5", "5.", "+7.25", "0.000000000000001", "1.2345678901234567", "1e3"} {
		want, err := strconv.ParseFloat(s, 64)
		require.NoError(t, err, s)
		got, msg := parseValue([]byte(s))
		require.Empty(t, msg, s)
		assert.Equal(t, math.Float64bits(want), math.Float64bits(got), "%s: %v vs %v", s, got, want)
	}
	for _, s := range []string{".", "-", "1.2.3", "--1", "1-2"} {
		_, msg := parseValue([]byte(s))
		assert.NotEmpty(t, msg, s)
	}
}

func TestLatestWeek(t *testing.T) {
	d := smallDeck()
	var data Data
	for _, m := range []string{"orders", "hits", "views"} {
		for i := 0; i < 21; i++ { // three whole weeks ending 2026-11-21
			require.NoError(t, data.Add(date("2026-11-01").AddDays(i), m, 1))
		}
		require.NoError(t, data.Add(date("2026-11-22"), m, 1)) // the week in progress
		require.NoError(t, data.Add(date("2026-11-23"), m, 1))
	}
	w, err := LatestWeek(d, data)
	require.NoError(t, err)
	assert.Equal(t, date("2026-11-21"), w)

	// One stray row years ahead does not move the week.
	require.NoError(t, data.Add(date("2031-01-01"), "orders", 1))
	// A whole future week of one metric in three is not enough either.
	for i := 0; i < 7; i++ {
		require.NoError(t, data.Add(date("2027-01-03").AddDays(i), "hits", 1))
	}
	w, err = LatestWeek(d, data)
	require.NoError(t, err)
	assert.Equal(t, date("2026-11-21"), w)

	// Weekly data: no week is complete, the last with half the metrics wins.
	var weekly Data
	for i := 0; i < 4; i++ {
		require.NoError(t, weekly.Add(date("2026-11-01").AddDays(7*i), "orders", 1))
		require.NoError(t, weekly.Add(date("2026-11-01").AddDays(7*i), "hits", 1))
	}
	w, err = LatestWeek(d, weekly)
	require.NoError(t, err)
	assert.Equal(t, date("2026-11-28"), w)

	// A Friday calendar.
	fri := smallDeck()
	fri.Calendar.WeekEnds = Friday
	w, err = LatestWeek(fri, data)
	require.NoError(t, err)
	assert.Equal(t, date("2026-11-20"), w)

	_, err = LatestWeek(d, Data{})
	assert.ErrorIs(t, err, ErrNoData)
	var other Data
	require.NoError(t, other.Add(date("2026-11-21"), "nothing", 1))
	_, err = LatestWeek(d, other)
	assert.ErrorIs(t, err, ErrNoData)
}

func TestReadCSVWideAndAsExported(t *testing.T) {
	long := "date,metric,value\n2026-11-20,orders,1234\n2026-11-20,sessions,10\n2026-11-21,orders,1234567.5\n"
	tests := map[string]string{
		"long":                  long,
		"long, CR line ends":    strings.ReplaceAll(long, "\n", "\r"),
		"long, grouped numbers": "date,metric,value\n2026-11-20,orders,\"1,234\"\n2026-11-20,sessions,10\n2026-11-21,orders,\"1,234,567.5\"\n",
		"wide":                  "date,orders,sessions\n2026-11-20,1234,10\n2026-11-21,1234567.5,\n",
		"wide, unnamed date":    ",orders,sessions\n2026-11-20,1234,10\n2026-11-21,1234567.5,\n",
		"wide, spreadsheet":     "\xef\xbb\xbf\"Date\",\"orders\",\"sessions\"\r\n\"2026-11-21\",\"1,234,567.50\",\"\"\r\n\"2026-11-20\",\"1,234\",\"10\"\r\n",
		"wide, CR line ends":    "date,orders,sessions\r2026-11-20,1234,10\r2026-11-21,1234567.5,\r",
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			d, err := ReadCSV(strings.NewReader(in))
			require.NoError(t, err)
			assert.Equal(t, []string{"orders", "sessions"}, d.Metrics())
			assert.Equal(t, 3, d.Len())
			assert.Equal(t, []float64{1234, 1234567.5}, d.get([]byte("orders")).vals)
			assert.Equal(t, []day{dayOf(date("2026-11-20")), dayOf(date("2026-11-21"))}, daysOf(d.get([]byte("orders"))))
			assert.Equal(t, []float64{10}, d.get([]byte("sessions")).vals)
		})
	}
}

func TestReadCSVWideAndQuotedErrors(t *testing.T) {
	tests := []struct {
		name, in string
		sentinel error
		msg      string
	}{
		{"grouping wrong", "date,metric,value\n2026-11-21,orders,\"1,23\"\n", ErrBadRow, "line 2, column value: value \"1,23\" is not a decimal number; thousands separators"},
		{"decimal comma", "date,metric,value\n2026-11-21,orders,\"12,5\"\n", ErrBadRow, "thousands separators"},
		{"unquoted grouping", "date,metric,value\n2026-11-21,orders,1,234\n", ErrBadRow, "line 2: want 3 comma-separated fields"},
		{"unclosed quote", "date,metric,value\n2026-11-21,\"orders,1\n", ErrBadRow, "line 2: a quote is not closed"},
		{"text after quote", "date,metric,value\n2026-11-21,\"orders\"x,1\n", ErrBadRow, "line 2: text after a closing quote"},
		{"wide short row", "date,a,b\n2026-11-21,1\n", ErrBadRow, "line 2: want 3 comma-separated fields as the header has, not 2"},
		{"wide bad value", "date,a,b\n2026-11-21,1,x\n", ErrBadRow, "line 2, column b: value \"x\" is not a decimal number"},
		{"wide bad date", "date,a,b\r2026-11-21,1,2\r2026-13-01,1,2\r", ErrBadRow, "line 3, column date: date \"2026-13-01\""},
		{"year zero", "date,metric,value\n0000-01-07,orders,1\n", ErrBadRow, "line 2, column date: date \"0000-01-07\" is before the year 0001"},
		{"wide duplicate day", "date,a,b\n2026-11-21,1,2\n2026-11-20,1,2\n2026-11-21,1,\n", ErrDuplicate, "line 4, column a: a on 2026-11-21 was already given on line 2"},
		{"wide unnamed column", "date,a,,b\n", ErrBadRow, "line 1: column 3 has no name"},
		{"wide twice a metric", "date,a,b,a\n", ErrBadRow, "line 1, column a: metric \"a\" has two columns"},
		{"long header with extra", "date,metric,value,note\n", ErrBadRow, "a long CSV has exactly the three columns"},
		{"header not date first", "day,a,b\n2026-11-21,1,2\n", ErrBadRow, "line 1: the header must name the columns"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadCSV(strings.NewReader(tt.in))
			require.Error(t, err)
			assert.ErrorIs(t, err, tt.sentinel)
			assert.Contains(t, err.Error(), tt.msg)
			var de *DataError
			require.ErrorAs(t, err, &de)
			de.File = "data.csv"
			assert.True(t, strings.HasPrefix(de.Error(), "wbr: data.csv: line "), de.Error())
		})
	}
}

// TestReadCSVLineEndsAcrossBlocks puts CR, LF and CRLF line ends on every
// side of the reader's block boundary.
func TestReadCSVLineEndsAcrossBlocks(t *testing.T) {
	for _, end := range []string{"\n", "\r", "\r\n"} {
		rows := csvOf(3, 2000)
		in := strings.ReplaceAll(string(rows), "\n", end)
		d, err := ReadCSV(&oneByteAtEnd{s: in})
		require.NoError(t, err, "%q", end)
		assert.Equal(t, 6000, d.Len(), "%q", end)
	}
}

// oneByteAtEnd returns blocks of odd sizes so line ends fall on every
// boundary.
type oneByteAtEnd struct {
	s string
	n int
}

func (r *oneByteAtEnd) Read(p []byte) (int, error) {
	if len(r.s) == 0 {
		return 0, io.EOF
	}
	r.n++
	k := min(len(p), len(r.s), 1+r.n%7919)
	copy(p, r.s[:k])
	r.s = r.s[k:]
	return k, nil
}

func TestReadCSVRefusesEndlessInput(t *testing.T) {
	// /dev/zero: no line end ever comes.
	_, err := ReadCSV(&endless{row: []byte{0}})
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.ErrorContains(t, err, "line 1: the line is longer than")
	// A header of more columns than metrics are allowed.
	_, err = ReadCSV(strings.NewReader("date" + strings.Repeat(",m", MaxMetrics+1) + "\n"))
	assert.ErrorIs(t, err, ErrTooLarge)
}

// TestStepsMatchAList checks the days and lines kept as a first value and
// a step against a plain list, on sequences that step evenly, break their
// step at each place, repeat, go down, and jump by more than int32 holds.
func TestStepsMatchAList(t *testing.T) {
	seqs := [][]int32{
		{}, {5}, {5, 6}, {5, 6, 7, 8}, {0, 0, 0}, {9, 7, 5, 3}, {1, 101, 201, 301},
		{1, 2, 4, 5}, {1, 3, 4}, {1, 2, 3, 3}, {7, 6, 8}, {1, 2, 3, 4, 5, 6, 7, 9},
		{-2147483648, 2147483647, 0}, {2147483647, -2147483648, 0}, {0, 1 << 30, 1<<31 - 1},
	}
	for _, want := range seqs {
		var q steps[int32]
		for i, v := range want {
			q.add(i, v, len(want))
			for j := 0; j <= i; j++ {
				require.Equal(t, want[j], q.at(j), "%v after %d values, value %d", want, i+1, j)
			}
		}
		q.spell(len(want), len(want))
		assert.Equal(t, len(want), len(q.list), "%v", want)
		for j, v := range want {
			assert.Equal(t, v, q.list[j], "%v", want)
		}
	}
}
