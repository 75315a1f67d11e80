package wbr

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"time"
)

// Bounds of ReadCSV. A larger input is refused with ErrTooLarge after
// reading at most this much, never read whole.
const (
	// MaxPoints is the most data rows ReadCSV keeps: 1,000 metrics over
	// thirteen years of days, about 80 MB in memory.
	MaxPoints = 5_000_000
	// MaxLines is the most lines ReadCSV reads, blank lines included.
	MaxLines = 2 * MaxPoints
	// MaxLineBytes is the longest line ReadCSV accepts.
	MaxLineBytes = 4096
	// MaxMetrics is the most distinct metric ids ReadCSV accepts.
	MaxMetrics = 10_000
)

// Data holds daily values by metric, as read by ReadCSV or added with Add.
// The zero Data is empty and ready to use.
type Data struct {
	s *store
}

type store struct {
	index  map[string]int
	series []series
	points int
}

// series is one metric's points in the order they arrived; sorted records
// whether days only ever increased, the common case, so Build need not sort.
type series struct {
	id     string
	days   []day
	vals   []float64
	lines  []int32 // source line of each point, 0 when added by Add
	first  int32   // line of the metric's first row, 0 when added by Add
	sorted bool
}

func (d *Data) get(id []byte) *series {
	if d.s == nil {
		return nil
	}
	if i, ok := d.s.index[string(id)]; ok { // no allocation: map lookup by converted bytes
		return &d.s.series[i]
	}
	return nil
}

func (d *Data) add(id []byte) *series {
	if d.s == nil {
		d.s = &store{index: map[string]int{}}
	}
	k := string(id)
	d.s.index[k] = len(d.s.series)
	d.s.series = append(d.s.series, series{id: k, sorted: true})
	return &d.s.series[len(d.s.series)-1]
}

// Metrics returns the ids of the metrics that have data, sorted.
func (d Data) Metrics() []string {
	if d.s == nil {
		return nil
	}
	out := make([]string, 0, len(d.s.series))
	for _, s := range d.s.series {
		out = append(out, s.id)
	}
	sort.Strings(out)
	return out
}

// Len returns the number of data points.
func (d Data) Len() int {
	if d.s == nil {
		return 0
	}
	return d.s.points
}

// Add records the value of a metric on the calendar day of date (in date's
// location). A second value for the same metric and day, a non-finite value
// or a day outside the years 1 to 9999 is an error.
func (d *Data) Add(date time.Time, metric string, value float64) error {
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return errorf(ErrBadRow, "%s on %s: %v is not a finite number", metric, date.Format(time.DateOnly), value)
	}
	if y := date.Year(); y < 1 || y > 9999 {
		return errorf(ErrBadRow, "%s: date %s is outside the years 0001 to 9999", metric, date.Format(time.DateOnly))
	}
	if d.Len() >= MaxPoints {
		return errorf(ErrTooLarge, "more than %d points", MaxPoints)
	}
	s := d.get([]byte(metric))
	if s == nil {
		s = d.add([]byte(metric))
	}
	if err := s.push(dayOfTime(date), value, 0); err != nil {
		return err
	}
	d.s.points++
	return d.s.check(s)
}

func (s *series) push(dd day, v float64, line int32) error {
	if n := len(s.days); n > 0 {
		last := s.days[n-1]
		if dd == last {
			return dupErr(s, dd, s.lines[n-1], line)
		}
		if dd < last {
			s.sorted = false
		}
	}
	s.days = append(s.days, dd)
	s.vals = append(s.vals, v)
	s.lines = append(s.lines, line)
	return nil
}

// check sorts an out-of-order series and refuses duplicate days in it.
func (st *store) check(s *series) error {
	if s.sorted {
		return nil
	}
	sort.Sort(byDay{s})
	s.sorted = true
	for i := 1; i < len(s.days); i++ {
		if s.days[i] == s.days[i-1] {
			a, b := s.lines[i-1], s.lines[i]
			if a > b {
				a, b = b, a
			}
			return dupErr(s, s.days[i], a, b)
		}
	}
	return nil
}

func dupErr(s *series, dd day, first, again int32) error {
	if again > 0 {
		return errorf(ErrDuplicate, "line %d: %s on %s was already given on line %d", again, s.id, dd.date(), first)
	}
	return errorf(ErrDuplicate, "%s on %s is given twice", s.id, dd.date())
}

type byDay struct{ s *series }

func (b byDay) Len() int           { return len(b.s.days) }
func (b byDay) Less(i, j int) bool { return b.s.days[i] < b.s.days[j] }
func (b byDay) Swap(i, j int) {
	s := b.s
	s.days[i], s.days[j] = s.days[j], s.days[i]
	s.vals[i], s.vals[j] = s.vals[j], s.vals[i]
	s.lines[i], s.lines[j] = s.lines[j], s.lines[i]
}

// ReadCSV reads long-format daily data: a header naming the columns date,
// metric and value (in any order and case), then one row per metric and
// day, the date as YYYY-MM-DD and the value a finite decimal number. A
// leading byte order mark, CRLF line ends, blank lines, spaces around a
// field and double quotes around a field (holding no comma) are accepted.
// Rows may come in any order. A malformed row, a second row for the same
// metric and day, NaN or Inf is an error naming the line. Input is streamed
// and bounded by MaxLineBytes, MaxLines, MaxPoints and MaxMetrics; past a
// bound ReadCSV stops with ErrTooLarge. Rows are parsed in place: the
// number of allocations grows with the metrics, not with the rows. Whether the metrics exist is checked by Build, which knows the deck.
func ReadCSV(r io.Reader) (Data, error) {
	var d Data
	br := bufio.NewReaderSize(r, MaxLineBytes)
	line := 0
	header := false
	var order [3]int // the column of date, metric and value
	var last *series // rows of one metric usually come together
	for {
		b, err := br.ReadSlice('\n')
		if errors.Is(err, bufio.ErrBufferFull) {
			return Data{}, errorf(ErrTooLarge, "line %d is longer than %d bytes", line+1, MaxLineBytes)
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return Data{}, fmt.Errorf("wbr: reading line %d: %w", line+1, err)
		}
		if len(b) == 0 && err != nil {
			break
		}
		line++
		if line > MaxLines {
			return Data{}, errorf(ErrTooLarge, "more than %d lines", MaxLines)
		}
		if line == 1 {
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		b = trimSpace(b)
		if len(b) == 0 {
			if err != nil {
				break
			}
			continue
		}
		c0, c1, c2, ok := split3(b)
		if !ok {
			return Data{}, errorf(ErrBadRow, "line %d: want 3 comma-separated fields date,metric,value", line)
		}
		if !header {
			if order, ok = columns(c0, c1, c2); !ok {
				return Data{}, errorf(ErrBadRow, "line %d: the header must name the columns date, metric and value", line)
			}
			header = true
			continue
		}
		cols := [3][]byte{c0, c1, c2}
		f0, f1, f2 := cols[order[0]], cols[order[1]], cols[order[2]]
		dd, ok := parseDay(f0)
		if !ok {
			return Data{}, errorf(ErrBadRow, "line %d: date %q is not a day that exists, written YYYY-MM-DD", line, clip(f0))
		}
		v, perr := parseValue(f2)
		if perr != "" {
			return Data{}, errorf(ErrBadRow, "line %d: value %q %s", line, clip(f2), perr)
		}
		if len(f1) == 0 {
			return Data{}, errorf(ErrBadRow, "line %d: the metric is empty", line)
		}
		s := last
		if s == nil || s.id != string(f1) {
			if s = d.get(f1); s == nil {
				if d.s != nil && len(d.s.series) >= MaxMetrics {
					return Data{}, errorf(ErrTooLarge, "line %d: more than %d metrics", line, MaxMetrics)
				}
				s = d.add(f1)
				s.first = int32(line)
			}
		}
		if d.s.points >= MaxPoints {
			return Data{}, errorf(ErrTooLarge, "line %d: more than %d points", line, MaxPoints)
		}
		if err := s.push(dd, v, int32(line)); err != nil {
			return Data{}, err
		}
		d.s.points++
		last = s
		if err != nil {
			break
		}
	}
	if !header {
		return Data{}, errorf(ErrBadRow, "line %d: no header date,metric,value", max(line, 1))
	}
	if d.s != nil {
		for i := range d.s.series {
			if err := d.s.check(&d.s.series[i]); err != nil {
				return Data{}, err
			}
		}
	}
	return d, nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == '\n' || b[len(b)-1] == '\r' || b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

// columns reads the header: the names date, metric and value in any order,
// any case.
func columns(c ...[]byte) ([3]int, bool) {
	var order [3]int
	seen := 0
	for i, name := range c {
		k := -1
		switch {
		case bytes.EqualFold(name, []byte("date")):
			k = 0
		case bytes.EqualFold(name, []byte("metric")):
			k = 1
		case bytes.EqualFold(name, []byte("value")):
			k = 2
		}
		if k < 0 || seen&(1<<k) != 0 {
			return order, false
		}
		seen |= 1 << k
		order[k] = i
	}
	return order, true
}

// split3 splits a row into exactly three fields, trimming spaces and one
// pair of surrounding double quotes from each.
func split3(b []byte) (f0, f1, f2 []byte, ok bool) {
	// One pass over a short row beats three calls to bytes.IndexByte.
	i, j := -1, -1
	for k, c := range b {
		if c != ',' {
			continue
		}
		switch {
		case i < 0:
			i = k
		case j < 0:
			j = k
		default:
			return nil, nil, nil, false
		}
	}
	if j < 0 {
		return nil, nil, nil, false
	}
	return field(b[:i]), field(b[i+1 : j]), field(b[j+1:]), true
}

func field(b []byte) []byte {
	b = trimSpace(b)
	if len(b) >= 2 && b[0] == '"' && b[len(b)-1] == '"' {
		b = b[1 : len(b)-1]
	}
	return b
}

// parseDay reads YYYY-MM-DD by hand: no allocation, and days that do not
// exist (2023-02-29) are refused.
func parseDay(b []byte) (day, bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, false
	}
	n := func(s []byte) (int, bool) {
		v := 0
		for _, c := range s {
			if c < '0' || c > '9' {
				return 0, false
			}
			v = v*10 + int(c-'0')
		}
		return v, true
	}
	y, ok1 := n(b[:4])
	m, ok2 := n(b[5:7])
	dd, ok3 := n(b[8:])
	if !ok1 || !ok2 || !ok3 || y < 1 || m < 1 || m > 12 || dd < 1 || dd > daysIn(y, time.Month(m)) {
		return 0, false
	}
	return dayFrom(y, time.Month(m), dd), true
}

// parseValue reads a finite decimal number. Only digits, sign, point and
// exponent are allowed, which keeps out NaN, Inf, hex floats and
// underscores that strconv would accept; the bytes go to strconv through a
// string conversion the compiler keeps on the stack.
func parseValue(b []byte) (float64, string) {
	if len(b) == 0 {
		return 0, "is empty"
	}
	if len(b) > 64 {
		return 0, "is too long to be a number"
	}
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9', c == '+', c == '-', c == '.', c == 'e', c == 'E':
		case c == 'n' || c == 'N' || c == 'i' || c == 'I':
			return 0, "is not a finite number; NaN and Inf are not values a metric takes"
		default:
			return 0, "is not a decimal number"
		}
	}
	if v, ok := fastDecimal(b); ok {
		return v, ""
	}
	v, err := strconv.ParseFloat(string(b), 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, "is not a finite decimal number"
	}
	return v, ""
}

// fastDecimal reads the common plain decimals ("-1234.56") exactly: with at
// most 15 significant digits the digits form an integer a float64 holds
// exactly, and dividing it by an exact power of ten is one correctly
// rounded operation, the same result strconv gives. Anything else
// (exponents, long mantissas) is left to strconv.
func fastDecimal(b []byte) (float64, bool) {
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		b = b[1:]
	}
	if len(b) == 0 || len(b) > 16 {
		return 0, false
	}
	var mant uint64
	digits, frac := 0, -1
	for i, c := range b {
		switch {
		case c >= '0' && c <= '9':
			mant = mant*10 + uint64(c-'0')
			digits++
		case c == '.' && frac < 0:
			frac = i
		default:
			return 0, false
		}
	}
	if digits == 0 || digits > 15 {
		return 0, false
	}
	scale := 0
	if frac >= 0 {
		scale = len(b) - frac - 1
	}
	v := float64(mant) / pow10[scale]
	if neg {
		v = -v
	}
	return v, true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16}

// clip shortens bad input quoted in an error message.
func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}
