package wbr

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
	"time"
)

// ReadCSV reads daily data from CSV in either of the two shapes people
// export, told apart by the header:
//
//   - long: a header naming the columns date, metric and value (in any
//     order and case), then one row per metric and day;
//   - wide: a header whose first column is named date (or left unnamed),
//     then one column per metric, named by the metric's id; each row holds
//     a day and the metrics' values on that day. An empty cell is a
//     missing value, as a missing row is in the long form.
//
// Dates are YYYY-MM-DD; values are finite decimal numbers such as -1234.5
// or 1e3, and a quoted value may group thousands with commas ("1,234,567.8").
// A leading byte order mark, LF, CRLF or CR-only line ends, blank lines,
// spaces around a field and double quotes around any field are accepted.
// Rows may come in any order.
//
// Every problem is a *DataError naming the line and, where it is about one
// cell, the column (set its File to name the file): a malformed row, a date
// that does not exist, NaN or Inf, a second value for the same metric and
// day, a header that is neither shape, a file with a header and no rows
// (ErrNoData). Input is streamed and bounded by MaxLineBytes, MaxLines,
// MaxPoints and MaxMetrics; past a bound ReadCSV stops with ErrTooLarge.
// Rows are parsed in place: the number of allocations grows with the
// metrics, not with the rows. A long CSV file of more than a few
// megabytes given as an *os.File is parsed in two halves at once, with
// the same result, the same error and the file left at the same offset as
// read in one piece. Whether the metrics exist is checked by Build, which
// knows the deck.
func ReadCSV(r io.Reader) (Data, error) {
	if f, ok := r.(*os.File); ok {
		if d, ok := readFileParallel(f); ok {
			return d, nil
		}
	}
	c := csvReader{lines: lineReader{r: r, nl: -1}}
	d, err := c.read()
	if err != nil {
		return Data{}, err
	}
	return d, nil
}

type csvReader struct {
	lines lineReader
	d     Data
	line  []byte   // the line last split
	offs  []span32 // its fields
	names []string // header names, for error messages
	order [3]int   // long form: the columns of date, metric and value
	cols  []int    // wide form: series index of each metric column
	cells []cell   // wide form: the values of the row last parsed
	// The month of the previous row's date: "YYYY-MM-", its year, month,
	// first day and length (0 before the first date).
	month      uint64 // "YYYY-MM-" as a little-endian word
	monthY     int
	monthM     time.Month
	monthStart day
	monthDays  int
	next       expect // fast path: the date after the last row it filed
}

func (c *csvReader) err(column int, sentinel error, format string, args ...any) *DataError {
	return c.errAt(c.lines.line, column, sentinel, format, args...)
}

// errAt is err at a given line, for values filed after their line was read.
func (c *csvReader) errAt(line, column int, sentinel error, format string, args ...any) *DataError {
	e := dataErr(sentinel, format, args...)
	e.Line = line
	if column >= 0 && column < len(c.names) {
		e.Column = c.names[column]
	}
	return e
}

func (c *csvReader) read() (Data, error) {
	if err := c.readHeader(); err != nil {
		return Data{}, err
	}
	rows, err := c.readRows()
	if err != nil {
		return Data{}, err
	}
	if rows == 0 {
		return Data{}, c.err(-1, ErrNoData, "the CSV has a header and no rows")
	}
	if err := c.d.s.checkAll(); err != nil {
		return Data{}, err
	}
	return c.d, nil
}

// readHeader reads the lines up to the header, the first that is not
// blank, and sets the columns up from it.
func (c *csvReader) readHeader() error {
	for {
		b, err := c.lines.next()
		if errors.Is(err, io.EOF) {
			return c.err(-1, ErrBadRow, "no header: the first line names the columns: date,metric,value (long form) or date and one column per metric (wide form)")
		}
		if err != nil {
			return err
		}
		if c.lines.line > MaxLines {
			return c.err(-1, ErrTooLarge, "more than %d lines", MaxLines)
		}
		if c.lines.line == 1 {
			// A byte order mark can only start the file, so only the
			// header's line or a blank line before it.
			b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
		}
		b = trimSpace(b)
		if len(b) == 0 {
			continue
		}
		n, msg := c.split(b)
		if msg != "" {
			return c.splitErr(msg)
		}
		return c.header(n)
	}
}

// splitErr is the error for split's message about the current line.
func (c *csvReader) splitErr(msg string) error {
	sentinel := ErrBadRow
	if msg == tooManyFields {
		sentinel = ErrTooLarge
	}
	return c.err(-1, sentinel, "%s", msg)
}

// readRows files the rows after the header up to the end of the input and
// returns how many there were, blank lines not counted.
func (c *csvReader) readRows() (int, error) {
	rows := 0
	var last *series // the series of the previous row, long form
	fast := c.fastOrder()
	for {
		if fast && last != nil {
			rows += c.fastLong(last)
		}
		b, err := c.lines.next()
		if errors.Is(err, io.EOF) {
			return rows, nil
		}
		if err != nil {
			return 0, err
		}
		if c.lines.line > MaxLines {
			return 0, c.err(-1, ErrTooLarge, "more than %d lines", MaxLines)
		}
		b = trimSpace(b)
		if len(b) == 0 {
			continue
		}
		n, msg := c.split(b)
		if msg != "" {
			return 0, c.splitErr(msg)
		}
		rows++
		if c.d.s.wide {
			err = c.wideRow(n)
		} else {
			last, err = c.longRow(n, last)
		}
		if err != nil {
			return 0, err
		}
	}
}

// fastOrder reports whether the header is the long form's, in the order
// date,metric,value: the rows fastLong reads.
func (c *csvReader) fastOrder() bool {
	return !c.d.s.wide && c.order == [3]int{0, 1, 2}
}

// header tells the long form from the wide form and sets the columns up.
func (c *csvReader) header(n int) error {
	c.names = make([]string, n)
	fs := make([][]byte, n)
	for i := range fs {
		fs[i] = c.field(i)
		c.names[i] = string(fs[i])
	}
	c.d.s = &store{index: map[string]int{}}
	if len(fs) == 3 {
		if order, ok := longColumns(fs); ok {
			c.order = order
			return nil
		}
	}
	if len(fs) < 2 || (len(fs[0]) > 0 && !bytes.EqualFold(fs[0], []byte("date"))) {
		return c.err(-1, ErrBadRow, "the header must name the columns date, metric and value (long form), or date and then one column per metric (wide form)")
	}
	if len(fs)-1 > MaxMetrics {
		return c.err(-1, ErrTooLarge, "more than %d metrics", MaxMetrics)
	}
	c.d.s.wide = true
	c.cols = make([]int, len(fs))
	for i, f := range fs[1:] {
		col := i + 1
		switch {
		case len(f) == 0:
			return c.err(col, ErrBadRow, "column %d has no name; a wide CSV names each metric's column by the metric's id", col+1)
		case c.d.get(f) != nil:
			return c.err(col, ErrBadRow, "metric %q has two columns", f)
		case bytes.EqualFold(f, []byte("date")):
			return c.err(col, ErrBadRow, "a second date column; a wide CSV has one date column, then one column per metric")
		case bytes.EqualFold(f, []byte("metric")):
			return c.err(col, ErrBadRow, "a long CSV has exactly the three columns date, metric and value; a wide CSV names a metric in each column after the date")
		}
		c.d.add(f).first = int32(c.lines.line)
		c.cols[col] = len(c.d.s.series) - 1
	}
	return nil
}

// longColumns reads a long header: the names date, metric and value in any
// order, any case.
func longColumns(fs [][]byte) ([3]int, bool) {
	var order [3]int
	seen := 0
	for i, name := range fs {
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

func (c *csvReader) date(f []byte, column int) (day, error) {
	dd, ok := c.day(f)
	if !ok {
		if bytes.HasPrefix(f, []byte("0000-")) {
			return 0, c.err(column, ErrBadRow, "date %q is before the year 0001, where data days begin", clip(f))
		}
		return 0, c.err(column, ErrBadRow, "date %q is not a day that exists, written YYYY-MM-DD", clip(f))
	}
	return dd, nil
}

// day reads a YYYY-MM-DD date. Consecutive rows mostly share a month: then
// only the day's two digits need reading.
func (c *csvReader) day(f []byte) (day, bool) {
	if len(f) == 10 && c.monthDays > 0 && binary.LittleEndian.Uint64(f) == c.month {
		if d1, d2 := f[8]-'0', f[9]-'0'; d1 <= 9 && d2 <= 9 {
			if dd := int(d1)*10 + int(d2); dd >= 1 && dd <= c.monthDays {
				return c.monthStart + day(dd-1), true
			}
		}
	}
	y, m, dd, ok := parseYMD(f)
	if !ok {
		return 0, false
	}
	c.month, c.monthY, c.monthM = binary.LittleEndian.Uint64(f), y, m
	c.monthStart, c.monthDays = dayFrom(y, m, 1), daysIn(y, m)
	return c.monthStart + day(dd-1), true
}

// fastLong files the rows at the front of the read buffer that have the
// shape nearly every row of a long CSV has: YYYY-MM-DD,id,value and LF,
// where id is the metric of the previous row (series s) and value a plain
// decimal, with no quote, space or CR. It reads such a row in one pass
// over its bytes, where the general path finds the line's end, splits it
// and trims each field. It stops before the first row of any other shape,
// the last row of the buffer, and any row that would be an error (a bad
// date, a duplicate day, a bound reached), leaving them to the general
// path, which reads them exactly as it reads every row; so the result is
// the same as without it. It returns the number of rows filed.
func (c *csvReader) fastLong(s *series) int {
	l, st := &c.lines, c.d.s
	b, p, id := l.buf[:l.hi], l.lo, s.id
	if strings.ContainsAny(id, ",\"") || len(s.vals) == 0 {
		return 0 // a quoted id: its rows are not of the fast shape
	}
	// An id of 8 to 16 bytes is compared as its first and last 8 bytes.
	var head, tail uint64
	words := len(id) >= 8 && len(id) <= 16
	if words {
		head, tail = binary.LittleEndian.Uint64([]byte(id[:8])), binary.LittleEndian.Uint64([]byte(id[len(id)-8:]))
	}
	// The bounds on lines and points, as a number of rows.
	limit := min(MaxLines-l.line, MaxPoints-st.points)
	vals, line := s.vals, int32(l.line)
	last := s.days.at(len(vals) - 1)
	// While the series' days and lines step by one, as they do in a file
	// of one metric's days after another, a day after the last on the next
	// line continues both.
	x := c.next
	plain := len(vals) >= 2 && s.days.list == nil && s.days.step == 1 &&
		s.lines.list == nil && s.lines.step == 1 && s.lines.at(len(vals)-1) == line
	rows := 0
	for rows < limit {
		row := b[p:]
		vat := 12 + len(id) // where the value starts
		if len(row) <= vat || row[10] != ',' || row[vat-1] != ',' {
			break
		}
		if words {
			if binary.LittleEndian.Uint64(row[11:]) != head || binary.LittleEndian.Uint64(row[vat-9:]) != tail {
				break
			}
		} else if string(row[11:vat-1]) != id {
			break
		}
		v, n, ok := scanDecimal(row[vat:])
		end := vat + n
		if !ok || end >= len(row) || row[end] != '\n' || end > MaxLineBytes {
			break
		}
		var dd day
		if x.is(row) {
			dd = x.d // most rows: the day after the row before
		} else if dd, ok = c.day(row[:10]); !ok {
			break
		} else {
			x.at(c.monthY, c.monthM, int(dd-c.monthStart)+1, dd)
		}
		if dd <= last {
			if dd == last {
				break // a duplicate: the general path reports it
			}
			s.sorted = false
		}
		k := len(vals)
		if k == cap(vals) {
			s.vals = vals
			s.grow()
			vals = s.vals
		}
		line++
		if !plain || dd != last+1 {
			s.days.add(k, dd, cap(vals))
			s.lines.add(k, line, cap(vals))
			plain = s.days.list == nil && s.days.step == 1 && s.lines.list == nil && s.lines.step == 1 && k >= 1
		}
		vals = append(vals, v)
		last = dd
		// Expect the next day; written here, as a method it would not be
		// inlined.
		x.d++
		if x.mday++; x.mday > x.monthLen {
			x.nextMonth()
		}
		x.dd = dayText[x.mday&31]
		rows++
		p += end + 1
	}
	c.next = x
	if rows > 0 {
		s.vals = vals
		st.points += rows
		l.line = int(line)
		// The line reader's note of where the next LF is no longer holds.
		l.lo, l.nl, l.clean = p, -1, p
	}
	return rows
}

// expect is the text of a date and its day number: the date after the
// last row's, so that in a metric's run of daily rows the next row's date
// is found equal in two comparisons, without reading its digits.
type expect struct {
	word     uint64 // "YYYY-MM-" as a little-endian word
	dd       uint16 // the day's two digits
	d        day
	y, mday  int // year and day of the month
	m        time.Month
	monthLen int // 0 when nothing is expected (after 9999-12-31)
}

// is reports whether the row starts with the expected date.
func (x *expect) is(row []byte) bool {
	return x.monthLen > 0 && binary.LittleEndian.Uint64(row) == x.word && binary.LittleEndian.Uint16(row[8:]) == x.dd
}

// at expects y-m-d, which is day dd.
func (x *expect) at(y int, m time.Month, d int, dd day) {
	x.y, x.m, x.mday, x.d = y, m, d, dd
	x.monthLen = daysIn(y, m)
	x.word = monthWord(y, m)
	x.dd = dayDigits(d)
}

// nextMonth expects the first day of the next month.
func (x *expect) nextMonth() {
	x.mday = 1
	if x.m++; x.m > time.December {
		x.m, x.y = time.January, x.y+1
	}
	if x.y > 9999 {
		x.monthLen = 0
		return
	}
	x.monthLen = daysIn(x.y, x.m)
	x.word = monthWord(x.y, x.m)
}

// dayText holds the two digits of each day of a month as a little-endian
// word.
var dayText = func() (t [32]uint16) {
	for d := range t {
		t[d] = dayDigits(d)
	}
	return t
}()

// monthWord is "YYYY-MM-" as a little-endian word.
func monthWord(year int, month time.Month) uint64 {
	y, m := uint64(year), uint64(month)
	return '0' + y/1000 | ('0'+y/100%10)<<8 | ('0'+y/10%10)<<16 | ('0'+y%10)<<24 | '-'<<32 |
		('0'+m/10)<<40 | ('0'+m%10)<<48 | '-'<<56
}

// dayDigits is a day of the month's two digits as a little-endian word.
func dayDigits(d int) uint16 { return uint16('0'+d/10) | uint16('0'+d%10)<<8 }

func (c *csvReader) longRow(n int, last *series) (*series, error) {
	dd, v, id, err := c.parseLong(n)
	if err != nil {
		return nil, err
	}
	return c.pushLong(id, dd, v, c.lines.line, last)
}

// parseLong reads the three fields of a long row.
func (c *csvReader) parseLong(n int) (dd day, v float64, id []byte, err error) {
	if n != 3 {
		return 0, 0, nil, c.err(-1, ErrBadRow, "want 3 comma-separated fields date,metric,value, not %d (quote a value written with thousands separators: \"1,234\")", n)
	}
	if dd, err = c.date(c.field(c.order[0]), c.order[0]); err != nil {
		return 0, 0, nil, err
	}
	f := c.field(c.order[2])
	v, msg := parseValue(f)
	if msg != "" {
		return 0, 0, nil, c.err(c.order[2], ErrBadRow, "value %q %s", clip(f), msg)
	}
	id = c.field(c.order[1])
	if len(id) == 0 {
		return 0, 0, nil, c.err(c.order[1], ErrBadRow, "the metric is empty")
	}
	return dd, v, id, nil
}

// pushLong files the value of metric id on day dd, read on line; last is
// the series of the previous row.
func (c *csvReader) pushLong(id []byte, dd day, v float64, line int, last *series) (*series, error) {
	st := c.d.s
	s := last
	if s == nil || s.id != string(id) {
		// Rows usually cycle through the metrics in one order: try the
		// series that came after the previous one before the map.
		if s != nil {
			if i := st.index[s.id] + 1; i < len(st.series) && st.series[i].id == string(id) {
				s = &st.series[i]
			} else {
				s = c.d.get(id)
			}
		} else {
			s = c.d.get(id)
		}
		if s == nil {
			if len(st.series) >= MaxMetrics {
				return nil, c.errAt(line, c.order[1], ErrTooLarge, "more than %d metrics", MaxMetrics)
			}
			s = c.d.add(id)
			s.first = int32(line)
			if last != nil {
				// Metric after metric, each as long as the one before: size
				// the new series so, within the bound on points.
				s.reserve(min(len(last.vals), MaxPoints-st.points))
			}
		}
	}
	if st.points >= MaxPoints {
		return nil, c.errAt(line, -1, ErrTooLarge, "more than %d points", MaxPoints)
	}
	if err := st.push(s, dd, v, int32(line)); err != nil {
		return nil, err
	}
	st.points++
	return s, nil
}

func (c *csvReader) wideRow(n int) error {
	dd, err := c.parseWide(n)
	if err != nil {
		return err
	}
	for _, cell := range c.cells {
		if err := c.pushWide(int(cell.col), dd, cell.v, c.lines.line); err != nil {
			return err
		}
	}
	return nil
}

// cell is a value of a wide row and its column.
type cell struct {
	col int32
	v   float64
}

// parseWide reads a wide row's date, and its values into c.cells.
func (c *csvReader) parseWide(n int) (day, error) {
	if n != len(c.cols) {
		return 0, c.err(-1, ErrBadRow, "want %d comma-separated fields as the header has, not %d (quote a value written with thousands separators: \"1,234\")", len(c.cols), n)
	}
	dd, err := c.date(c.field(0), 0)
	if err != nil {
		return 0, err
	}
	c.cells = c.cells[:0]
	for col := 1; col < n; col++ {
		f := c.field(col)
		if len(f) == 0 {
			continue // a missing value
		}
		v, msg := parseValue(f)
		if msg != "" {
			return 0, c.err(col, ErrBadRow, "value %q %s", clip(f), msg)
		}
		c.cells = append(c.cells, cell{int32(col), v})
	}
	return dd, nil
}

// pushWide files the value in column col on day dd, read on line.
func (c *csvReader) pushWide(col int, dd day, v float64, line int) error {
	st := c.d.s
	if st.points >= MaxPoints {
		return c.errAt(line, col, ErrTooLarge, "more than %d points", MaxPoints)
	}
	if err := st.push(&st.series[c.cols[col]], dd, v, int32(line)); err != nil {
		return err
	}
	st.points++
	return nil
}

// tooManyFields is split's message for a line of more fields than a wide
// CSV of MaxMetrics metrics has.
var tooManyFields = "more than " + strconv.Itoa(MaxMetrics+1) + " fields"

// span is a field's place in the line: offsets rather than slices, so
// recording a field stores no pointer (and costs no GC write barrier).
type span32 struct{ lo, hi int32 }

// field returns field i of the line last split.
func (c *csvReader) field(i int) []byte { return c.line[c.offs[i].lo:c.offs[i].hi] }

// split cuts a line into fields at commas, trimming spaces around each
// field and one pair of double quotes (a doubled quote inside stands for
// one, and is undoubled in place); a comma inside quotes belongs to the
// field. It returns the number of fields.
func (c *csvReader) split(b []byte) (int, string) {
	c.line = b
	offs := c.offs[:0]
	defer func() { c.offs = offs }()
	add := func(lo, hi int) {
		for lo < hi && (b[lo] == ' ' || b[lo] == '\t') {
			lo++
		}
		for hi > lo && (b[hi-1] == ' ' || b[hi-1] == '\t') {
			hi--
		}
		offs = append(offs, span32{int32(lo), int32(hi)})
	}
	if bytes.IndexByte(b, '"') < 0 { // the common case: no quotes at all
		at := 0
		for {
			k := bytes.IndexByte(b[at:], ',')
			if k < 0 {
				add(at, len(b))
				return len(offs), ""
			}
			add(at, at+k)
			at += k + 1
			if len(offs) > MaxMetrics+1 {
				return 0, tooManyFields
			}
		}
	}
	const stray = "a double quote inside an unquoted field; quote the whole field and double the quote inside"
	at := 0
	for {
		if len(offs) > MaxMetrics+1 {
			return 0, tooManyFields
		}
		for at < len(b) && (b[at] == ' ' || b[at] == '\t') {
			at++
		}
		if at == len(b) || b[at] != '"' {
			k := bytes.IndexByte(b[at:], ',')
			end := len(b)
			if k >= 0 {
				end = at + k
			}
			if bytes.IndexByte(b[at:end], '"') >= 0 {
				return 0, stray
			}
			add(at, end)
			if k < 0 {
				return len(offs), ""
			}
			at = end + 1
			continue
		}
		// A quoted field: undouble quotes in place, moving bytes left.
		r, w := at+1, at+1
		for {
			k := bytes.IndexByte(b[r:], '"')
			if k < 0 {
				return 0, "a quote is not closed"
			}
			w += copy(b[w:], b[r:r+k])
			r += k
			if r+1 < len(b) && b[r+1] == '"' {
				b[w] = '"'
				w++
				r += 2
				continue
			}
			break
		}
		add(at+1, w)
		at = r + 1
		for at < len(b) && (b[at] == ' ' || b[at] == '\t') {
			at++
		}
		if at == len(b) {
			return len(offs), ""
		}
		if b[at] != ',' {
			return 0, "text after a closing quote; a field is either quoted whole or not at all"
		}
		at++
		if at == len(b) {
			add(at, at)
			return len(offs), ""
		}
	}
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

// lineReader yields the lines of r without their ends, which may be LF,
// CRLF or CR alone, reading r in large blocks and never holding more than
// one line of MaxLineBytes beyond a block.
type lineReader struct {
	r      io.Reader
	buf    []byte
	lo, hi int // unread bytes: buf[lo:hi]
	nl     int // index of the next '\n' at or after lo; below lo when unknown
	clean  int // buf[..clean] holds no '\n' at or after lo when nl is unknown
	eof    bool
	line   int // lines returned so far
}

const blockSize = 64 << 10

// next returns the next line, or io.EOF after the last.
func (l *lineReader) next() ([]byte, error) {
	for {
		if l.nl < l.lo {
			from := max(l.lo, l.clean)
			if k := bytes.IndexByte(l.buf[from:l.hi], '\n'); k >= 0 {
				l.nl = from + k
			} else {
				l.clean = l.hi
			}
		}
		end := l.hi
		if l.nl >= l.lo {
			end = l.nl
		}
		seg := l.buf[l.lo:end]
		if cr := bytes.IndexByte(seg, '\r'); cr >= 0 && (cr+1 < len(seg) || l.nl >= l.lo || l.eof) {
			l.lo += cr + 1
			if l.lo == l.nl { // CRLF
				l.lo++
			}
			return l.emit(seg[:cr])
		} else if cr < 0 && l.nl >= l.lo {
			l.lo = l.nl + 1
			return l.emit(seg)
		} else if l.eof {
			if len(seg) == 0 {
				return nil, io.EOF
			}
			l.lo = l.hi
			return l.emit(seg)
		}
		if err := l.fill(); err != nil {
			return nil, err
		}
	}
}

func (l *lineReader) emit(b []byte) ([]byte, error) {
	l.line++
	if len(b) > MaxLineBytes {
		return nil, &DataError{Line: l.line, Message: "the line is longer than " + strconv.Itoa(MaxLineBytes) + " bytes", Err: ErrTooLarge}
	}
	return b, nil
}

// fill reads another block, first moving the unread bytes to the front and
// growing the buffer while one line does not fit, up to MaxLineBytes.
func (l *lineReader) fill() error {
	if l.buf == nil {
		l.buf = make([]byte, blockSize)
	}
	if l.lo > 0 {
		n := copy(l.buf, l.buf[l.lo:l.hi])
		l.nl -= l.lo
		l.clean = max(l.clean-l.lo, 0)
		l.lo, l.hi = 0, n
	}
	if l.hi == len(l.buf) {
		if len(l.buf) > MaxLineBytes+1 {
			return &DataError{Line: l.line + 1, Message: "the line is longer than " + strconv.Itoa(MaxLineBytes) + " bytes", Err: ErrTooLarge}
		}
		nb := make([]byte, 2*len(l.buf))
		copy(nb, l.buf[:l.hi])
		l.buf = nb
	}
	for range 100 {
		n, err := l.r.Read(l.buf[l.hi:])
		l.hi += n
		if errors.Is(err, io.EOF) {
			l.eof = true
			return nil
		}
		if err != nil {
			return &DataError{Line: l.line + 1, Message: "reading failed", Err: ErrBadRow, Cause: err}
		}
		if n > 0 {
			return nil
		}
	}
	return &DataError{Line: l.line + 1, Message: "reading failed", Err: ErrBadRow, Cause: io.ErrNoProgress}
}

// parseDay reads YYYY-MM-DD by hand: no allocation, and days that do not
// exist (2023-02-29) are refused.
func parseDay(b []byte) (day, bool) {
	y, m, d, ok := parseYMD(b)
	if !ok {
		return 0, false
	}
	return dayFrom(y, m, d), true
}

// parseYMD reads YYYY-MM-DD of the years 0001 to 9999, refusing days that
// do not exist.
func parseYMD(b []byte) (y int, m time.Month, d int, ok bool) {
	if len(b) != 10 || b[4] != '-' || b[7] != '-' {
		return 0, 0, 0, false
	}
	for i, c := range b {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return 0, 0, 0, false
		}
	}
	y = int(b[0]-'0')*1000 + int(b[1]-'0')*100 + int(b[2]-'0')*10 + int(b[3]-'0')
	m = time.Month(int(b[5]-'0')*10 + int(b[6]-'0'))
	d = int(b[8]-'0')*10 + int(b[9]-'0')
	if y < 1 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return 0, 0, 0, false
	}
	return y, m, d, true
}

// parseValue reads a finite decimal number. Only digits, sign, point and
// exponent are allowed, which keeps out NaN, Inf, hex floats and
// underscores that strconv would accept; the bytes go to strconv through a
// string conversion the compiler keeps on the stack.
func parseValue(b []byte) (float64, string) {
	if len(b) == 0 {
		return 0, "is empty"
	}
	if v, ok := fastDecimal(b); ok { // most values: plain decimals
		return v, ""
	}
	if len(b) > 64 {
		return 0, "is too long to be a number"
	}
	var tmp [64]byte
	if bytes.IndexByte(b, ',') >= 0 {
		var ok bool
		if b, ok = ungroup(tmp[:0], b); !ok {
			return 0, "is not a decimal number; thousands separators group three digits: \"1,234,567.8\""
		}
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
	v, n, ok := scanDecimal(b)
	return v, ok && n == len(b)
}

// scanDecimal reads the plain decimal at the start of b as fastDecimal
// does, stopping at the first byte that cannot continue it; n is the
// number of bytes read. (Reading the digits eight bytes at a time, without
// a branch per digit, measured slower on CSV values of six or seven
// digits: the branches are well predicted and the word arithmetic is a
// longer chain.)
func scanDecimal(b []byte) (v float64, n int, ok bool) {
	neg := false
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		neg = b[0] == '-'
		n = 1
	}
	var mant uint64
	start, scale := n, 0
	for n < len(b) && b[n]-'0' <= 9 {
		mant = mant*10 + uint64(b[n]-'0')
		n++
	}
	digits := n - start
	if n < len(b) && b[n] == '.' {
		n++
		point := n
		for n < len(b) && b[n]-'0' <= 9 {
			mant = mant*10 + uint64(b[n]-'0')
			n++
		}
		scale = n - point
		digits += scale
	}
	if digits == 0 || digits > 15 {
		return 0, n, false
	}
	v = float64(mant) / pow10[scale]
	if neg {
		v = -v
	}
	return v, n, true
}

var pow10 = [...]float64{1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16}

// clip shortens bad input quoted in an error message.
func clip(b []byte) string {
	if len(b) > 40 {
		return string(b[:40]) + "…"
	}
	return string(b)
}

// ungroup removes the thousands separators of a grouped decimal
// ("-1,234,567.89") into dst. It refuses commas anywhere else, so "1,2" or
// "1234,5" (a decimal comma) is never read as a number it is not.
func ungroup(dst, b []byte) ([]byte, bool) {
	if len(b) > 0 && (b[0] == '-' || b[0] == '+') {
		dst = append(dst, b[0])
		b = b[1:]
	}
	end := len(b)
	if k := bytes.IndexByte(b, '.'); k >= 0 {
		end = k
	}
	if bytes.IndexByte(b[end:], ',') >= 0 {
		return nil, false
	}
	for g := 0; ; g++ {
		k := bytes.IndexByte(b[:end], ',')
		group := b[:end]
		if k >= 0 {
			group = b[:k]
		}
		if n := len(group); n == 0 || n > 3 || (g > 0 && n != 3) {
			return nil, false
		}
		for _, c := range group {
			if c < '0' || c > '9' {
				return nil, false
			}
		}
		dst = append(dst, group...)
		if k < 0 {
			break
		}
		b, end = b[k+1:], end-k-1
	}
	return append(dst, b[end:]...), true
}
