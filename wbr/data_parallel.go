package wbr

import (
	"bytes"
	"io"
	"os"
)

// parallelMin is the least number of bytes after the header for which
// ReadCSV parses the two halves of a file at once. Measured with a core
// free, ReadCSV and Build of a 1 MB file take as long either way (the
// second goroutine, its buffer and the join cost what the halving saves),
// of 300 kB a fifth longer in two halves, of 3.2 MB a quarter shorter.
// Tests lower it so that small files take the parallel path.
var parallelMin int64 = 2 << 20

// halvesRead, when set (by tests), runs once both halves are read: where a
// test changes the file under the reader.
var halvesRead func()

// readFileParallel reads a long CSV file in the order date,metric,value by
// parsing its two halves at once, each with its own csvReader and store,
// and joining the stores. It only ever returns a success: ok is false when
// the file is not such a file, is small, or when anything went wrong in
// either half (a bad row, a duplicate, a bound reached, a failed read), and
// then it has not moved the file's offset, so the caller reads the file
// sequentially and reports exactly what it always did. On success the
// offset is at the end, where the sequential reader leaves it.
//
// The halves meet after an LF, which ends a line whatever the file's line
// ends (an LF after a CR is the end of a CRLF), so each half holds whole
// lines, the lines the sequential reader would read there.
func readFileParallel(f *os.File) (d Data, ok bool) {
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return Data{}, false
	}
	start, err := f.Seek(0, io.SeekCurrent)
	end := info.Size()
	if err != nil || end-start < parallelMin {
		return Data{}, false
	}
	// The header, read from the file's offset as the sequential reader
	// reads it, but through ReadAt so the offset stays where it is.
	whole := io.NewSectionReader(f, start, end-start)
	h := csvReader{lines: lineReader{r: whole, nl: -1}}
	if h.readHeader() != nil || !h.fastOrder() {
		return Data{}, false
	}
	read, err := whole.Seek(0, io.SeekCurrent)
	if err != nil {
		return Data{}, false
	}
	body := start + read - int64(h.lines.hi-h.lines.lo) // where the line after the header starts
	if end-body < parallelMin {
		return Data{}, false
	}
	split, ok := lineStartAfter(f, body+(end-body)/2, end)
	if !ok {
		return Data{}, false
	}
	a, b := h.half(f, body, split, h.lines.line), h.half(f, split, end, 0)
	a.lines.buf = h.lines.buf // the header's reader is done with it
	var rowsB int
	var errB error
	done := make(chan struct{})
	go func() {
		defer close(done)
		rowsB, errB = b.readRows()
	}()
	rowsA, errA := a.readRows()
	<-done
	if halvesRead != nil {
		halvesRead()
	}
	if errA != nil || errB != nil || rowsA+rowsB == 0 || !joinHalves(&a, &b) {
		return Data{}, false
	}
	if a.d.s.checkAll() != nil {
		return Data{}, false
	}
	// A file that grew or shrank while it was read may have rows the
	// halves did not see, or lost some they did: read it again, as it is
	// now, the sequential way, rather than return a part of it.
	if now, err := f.Stat(); err != nil || now.Size() != end {
		return Data{}, false
	}
	if _, err := f.Seek(end, io.SeekStart); err != nil {
		return Data{}, false
	}
	return a.d, true
}

// lineStartAfter finds the first LF at or after from and returns the
// offset after it, when that is before end.
func lineStartAfter(f io.ReaderAt, from, end int64) (int64, bool) {
	buf := make([]byte, 4<<10)
	for from < end {
		n, err := f.ReadAt(buf[:min(int64(len(buf)), end-from)], from)
		if k := bytes.IndexByte(buf[:n], '\n'); k >= 0 {
			at := from + int64(k) + 1
			return at, at < end
		}
		if err != nil || n == 0 {
			return 0, false
		}
		from += int64(n)
	}
	return 0, false
}

// half is a reader of the rows in f between the offsets from and to, set
// up with h's header; line is the number of lines before from, or 0 to
// count them from there.
func (h *csvReader) half(f io.ReaderAt, from, to int64, line int) csvReader {
	c := csvReader{
		lines: lineReader{r: io.NewSectionReader(f, from, to-from), nl: -1, line: line},
		names: h.names,
		order: h.order,
	}
	c.d.s = &store{index: map[string]int{}}
	return c
}

// joinHalves appends the rows b read to those a read, as if a had read on
// through b's input: b's lines are counted after a's, its metrics new to a
// follow a's in the order b met them, and a metric of both continues with
// b's points. It reports false when the result is not what the sequential
// reader would give without an error: a bound exceeded, or the same day
// at the end of a metric's points in a and the start of them in b (which
// the sequential reader refuses as a duplicate on that line).
func joinHalves(a, b *csvReader) bool {
	sa, sb := a.d.s, b.d.s
	if a.lines.line+b.lines.line > MaxLines || sa.points+sb.points > MaxPoints {
		return false
	}
	shift := int32(a.lines.line)
	for i := range sb.series {
		t := &sb.series[i]
		if k, ok := sa.index[t.id]; ok {
			if !sa.series[k].join(t, shift) {
				return false
			}
			continue
		}
		if len(sa.series) >= MaxMetrics {
			return false
		}
		t.first += shift
		t.lines.shift(shift)
		sa.index[t.id] = len(sa.series)
		sa.series = append(sa.series, *t)
	}
	sa.points += sb.points
	return true
}

// join appends t's points to s's, t's lines shifted by shift, leaving s
// as pushing each point in turn would. It reports false on a duplicate
// day where they meet, or an empty series (which a reader never makes).
func (s *series) join(t *series, shift int32) bool {
	n, m := len(s.vals), len(t.vals)
	if n == 0 || m == 0 {
		return false
	}
	last, first := s.days.at(n-1), t.days.at(0)
	if first == last {
		return false
	}
	s.sorted = s.sorted && t.sorted && first > last
	if c := n + m; c > cap(s.vals) {
		s.days.grow(n, c)
		s.lines.grow(n, c)
		s.vals = append(make([]float64, 0, c), s.vals...)
	}
	s.days.join(n, &t.days, m, 0, cap(s.vals))
	s.lines.join(n, &t.lines, m, shift, cap(s.vals))
	s.vals = append(s.vals, t.vals...)
	return true
}

// join appends the m values of r, each plus shift, to the n values of q,
// as m calls of add would.
func (q *steps[T]) join(n int, r *steps[T], m int, shift T, c int) {
	if q.list == nil && r.list == nil && n >= 2 &&
		int64(r.lo)+int64(shift) == int64(q.lo)+int64(n)*int64(q.step) && (m == 1 || r.step == q.step) {
		return // r's values continue q's step: add would list none of them
	}
	for i := range m {
		q.add(n+i, r.at(i)+shift, c)
	}
}

// shift adds d to every value, as if the sequence had been built from the
// values plus d (its step and where it breaks do not change).
func (q *steps[T]) shift(d T) {
	q.lo += d
	for i := range q.list {
		q.list[i] += d
	}
}
