package wbr

import (
	"math"
	"sort"
	"strconv"
)

// Bounds of ReadCSV, ReadSQL and Data.Add. A larger input is refused with
// ErrTooLarge after reading at most this much, never read whole.
const (
	// MaxPoints is the most daily values a Data holds: 1,000 metrics over
	// thirteen years of days, about 100 MB in memory.
	MaxPoints = 5_000_000
	// MaxLines is the most CSV lines (blank lines included) or query rows
	// read.
	MaxLines = 2 * MaxPoints
	// MaxLineBytes is the longest CSV line accepted: room for a wide row of
	// thousands of metrics.
	MaxLineBytes = 1 << 20
	// MaxMetrics is the most distinct metric ids a Data holds.
	MaxMetrics = 10_000
)

// Data holds daily values by metric, as read by ReadCSV or ReadSQL or added
// with Add. The zero Data is empty and ready to use.
type Data struct {
	s *store
}

type store struct {
	index  map[string]int
	series []series
	points int
	sql    bool // positions are query rows, not CSV lines
	wide   bool // each metric is a column of its own, named by its id
}

// series is one metric's points in the order they arrived; sorted records
// whether days only ever increased, the common case, so nothing need sort.
// The number of points is len(vals).
type series struct {
	id     string
	vals   []float64
	days   steps[day]
	lines  steps[int32] // source line or row of each point, 0 when added by Add
	first  int32        // line or row where the metric first appears, 0 when added by Add
	sorted bool
}

// steps is the days or the lines of a series' points. Nearly every series
// has one point a day, and a CSV file gives each metric's rows one after
// another or every so many lines: a sequence that steps by a constant is
// kept as its first value and its step, with no memory per point, and
// listed only from the first point that breaks the step. Its length is its
// series'.
type steps[T ~int32] struct {
	lo, step T
	list     []T // nil while value i is lo + i*step
}

// at returns value i.
func (q *steps[T]) at(i int) T {
	if q.list != nil {
		return q.list[i]
	}
	return q.lo + T(i)*q.step
}

// add appends v to a sequence of n values whose series has room for c.
func (q *steps[T]) add(n int, v T, c int) {
	switch {
	case q.list != nil:
		q.list = append(q.list, v)
	case n == 0:
		q.lo = v
	case n == 1:
		q.step = v - q.lo
	case int64(v) != int64(q.lo)+int64(n)*int64(q.step):
		q.spell(n, c)
		q.list = append(q.list, v)
	}
}

// spell lists the n values of the sequence, with room for c.
func (q *steps[T]) spell(n, c int) {
	if q.list != nil {
		return
	}
	l := make([]T, n, max(c, n))
	for i := range l {
		l[i] = q.lo + T(i)*q.step
	}
	q.list = l
}

// grow moves a listed sequence of n values to room for c.
func (q *steps[T]) grow(n, c int) {
	if q.list != nil {
		q.list = append(make([]T, 0, c), q.list[:n]...)
	}
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

// Metrics returns the ids of the metrics that have data, sorted; a metric
// whose every value was missing (empty cells, NULLs) is listed too.
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

// Add records the value of a metric on a day. A second value for the same
// metric and day, a non-finite value, a date that does not exist or lies
// outside the years 0001 to 9999, or a Data already holding MaxPoints
// values or MaxMetrics metrics is a *DataError.
func (d *Data) Add(date Date, metric string, value float64) error {
	if math.IsNaN(value) || math.IsInf(value, 0) {
		return dataErr(ErrBadRow, "%s on %s: %v is not a finite number", metric, date, value)
	}
	if date.Year < 1 || date.Year > 9999 || date.Month < 1 || date.Month > 12 || date.Day < 1 || date.Day > daysIn(date.Year, date.Month) {
		return dataErr(ErrBadRow, "%s: %s is not a day of the years 0001 to 9999", metric, date)
	}
	if d.Len() >= MaxPoints {
		return dataErr(ErrTooLarge, "more than %d points", MaxPoints)
	}
	s := d.get([]byte(metric))
	if s == nil {
		if d.s != nil && len(d.s.series) >= MaxMetrics {
			return dataErr(ErrTooLarge, "more than %d metrics", MaxMetrics)
		}
		s = d.add([]byte(metric))
	}
	if err := d.s.push(s, dayOf(date), value, 0); err != nil {
		return err
	}
	d.s.points++
	return d.s.check(s)
}

// push appends a point; a day equal to the series' last is a duplicate.
func (st *store) push(s *series, dd day, v float64, pos int32) error {
	n := len(s.vals)
	if n > 0 {
		last := s.days.at(n - 1)
		if dd == last {
			return st.dupErr(s, dd, s.lines.at(n-1), pos)
		}
		if dd < last {
			s.sorted = false
		}
	}
	s.append(dd, v, pos)
	return nil
}

// append adds a point that push has checked.
func (s *series) append(dd day, v float64, pos int32) {
	n := len(s.vals)
	if n == cap(s.vals) {
		s.grow()
	}
	s.days.add(n, dd, cap(s.vals))
	s.lines.add(n, pos, cap(s.vals))
	s.vals = append(s.vals, v)
}

// reserve makes room for n points in an empty series.
func (s *series) reserve(n int) {
	if len(s.vals) == 0 && n > cap(s.vals) {
		s.vals = make([]float64, 0, n)
	}
}

// grow doubles the series' capacity. append alone grows large slices by a
// quarter, which copies a long series many times over; doubling keeps the
// bytes allocated for a series within twice its final size.
func (s *series) grow() {
	n := max(2*cap(s.vals), 64)
	s.days.grow(len(s.vals), n)
	s.lines.grow(len(s.vals), n)
	s.vals = append(make([]float64, 0, n), s.vals...)
}

// check sorts an out-of-order series and refuses duplicate days in it.
func (st *store) check(s *series) error {
	if s.sorted {
		return nil
	}
	s.days.spell(len(s.vals), cap(s.vals))
	s.lines.spell(len(s.vals), cap(s.vals))
	sort.Sort(byDay{s})
	s.sorted = true
	days := s.days.list
	for i := 1; i < len(days); i++ {
		if days[i] == days[i-1] {
			a, b := s.lines.list[i-1], s.lines.list[i]
			if a > b {
				a, b = b, a
			}
			return st.dupErr(s, days[i], a, b)
		}
	}
	return nil
}

// checkAll sorts every series and refuses duplicates; the last step of a
// reader.
func (st *store) checkAll() error {
	for i := range st.series {
		if err := st.check(&st.series[i]); err != nil {
			return err
		}
	}
	return nil
}

func (st *store) unit() string {
	if st.sql {
		return "row"
	}
	return "line"
}

// column names the column a series' values come from.
func (st *store) column(s *series) string {
	switch {
	case st.wide:
		return s.id
	case s.first > 0:
		return "metric"
	}
	return ""
}

// errAt builds a DataError at a line (CSV) or row (query).
func (st *store) errAt(pos int32, column string, sentinel error, format string, args ...any) *DataError {
	e := dataErr(sentinel, format, args...)
	e.Column = column
	if st != nil && st.sql {
		e.Row = int(pos)
	} else {
		e.Line = int(pos)
	}
	return e
}

func (st *store) dupErr(s *series, dd day, first, again int32) error {
	col := ""
	if st.wide {
		col = s.id
	}
	if again > 0 {
		return st.errAt(again, col, ErrDuplicate, "%s on %s was already given on %s %s", s.id, dd.date(), st.unit(), strconv.Itoa(int(first)))
	}
	return dataErr(ErrDuplicate, "%s on %s is given twice", s.id, dd.date())
}

// byDay sorts a series whose days and lines are listed.
type byDay struct{ s *series }

func (b byDay) Len() int           { return len(b.s.vals) }
func (b byDay) Less(i, j int) bool { return b.s.days.list[i] < b.s.days.list[j] }
func (b byDay) Swap(i, j int) {
	s := b.s
	s.days.list[i], s.days.list[j] = s.days.list[j], s.days.list[i]
	s.vals[i], s.vals[j] = s.vals[j], s.vals[i]
	s.lines.list[i], s.lines.list[j] = s.lines.list[j], s.lines.list[i]
}
