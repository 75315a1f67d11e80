package wbr

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lowerParallelMin makes ReadCSV read files of at least min bytes after
// the header in two halves, for the rest of the test.
func lowerParallelMin(tb testing.TB, min int64) {
	old := parallelMin
	parallelMin = min
	tb.Cleanup(func() { parallelMin = old })
}

// fileAt writes junk and then in to a new file and opens it with the
// offset at in's start.
func fileAt(tb testing.TB, junk, in []byte) *os.File {
	path := filepath.Join(tb.TempDir(), "data.csv")
	if err := os.WriteFile(path, append(append([]byte{}, junk...), in...), 0o600); err != nil {
		tb.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { f.Close() })
	if _, err := f.Seek(int64(len(junk)), io.SeekStart); err != nil {
		tb.Fatal(err)
	}
	return f
}

// readBoth reads in from memory and from a file opened after junk, and
// fails unless both give the same data and the same error, and the file
// is left at the offset the sequential reader leaves it at. It reports
// whether the file took the parallel path.
func readBoth(tb testing.TB, junk, in []byte) (parallel bool) {
	tb.Helper()
	want, wantErr := ReadCSV(bytes.NewReader(in))
	f := fileAt(tb, junk, in)
	_, parallel = readFileParallel(f)
	if _, err := f.Seek(int64(len(junk)), io.SeekStart); err != nil {
		tb.Fatal(err)
	}
	got, gotErr := ReadCSV(f)
	if fmt.Sprint(gotErr) != fmt.Sprint(wantErr) || fmt.Sprintf("%#v", gotErr) != fmt.Sprintf("%#v", wantErr) {
		tb.Fatalf("from a file: %#v\nfrom memory: %#v\ninput:\n%q", gotErr, wantErr, in)
	}
	if !reflect.DeepEqual(got, want) {
		tb.Fatalf("from a file other data than from memory; input:\n%q", in)
	}
	// Where the sequential reader leaves the same file.
	old := parallelMin
	parallelMin = 1 << 62
	g := fileAt(tb, junk, in)
	_, _ = ReadCSV(g)
	parallelMin = old
	at, _ := f.Seek(0, io.SeekCurrent)
	wantAt, _ := g.Seek(0, io.SeekCurrent)
	if at != wantAt {
		tb.Fatalf("file left at %d, the sequential reader leaves it at %d; input:\n%q", at, wantAt, in)
	}
	return parallel
}

// longCSV writes metrics × days rows, metric after metric or, byDay, day
// after day, with the line end eol.
func longCSV(metrics, days int, byDay bool, eol string) []string {
	var rows []string
	row := func(m, d int) {
		rows = append(rows, fmt.Sprintf("%s,m%02d,%d.%d%s", dayFrom(2026, 1, 1+d).date(), m, 1000+d*7%13, m, eol))
	}
	if byDay {
		for d := range days {
			for m := range metrics {
				row(m, d)
			}
		}
	} else {
		for m := range metrics {
			for d := range days {
				row(m, d)
			}
		}
	}
	return rows
}

func csvText(header string, rows []string) []byte {
	return []byte(header + strings.Join(rows, ""))
}

func TestReadCSVFileParallelSame(t *testing.T) {
	lowerParallelMin(t, 0)
	const header = "date,metric,value\n"
	took := 0
	check := func(in []byte) {
		t.Helper()
		if readBoth(t, nil, in) {
			took++
		}
	}
	for _, eol := range []string{"\n", "\r\n", "\r"} {
		for _, byDay := range []bool{false, true} {
			for metrics := 1; metrics <= 4; metrics++ {
				for days := 1; days <= 9; days++ {
					rows := longCSV(metrics, days, byDay, eol)
					in := csvText(header, rows)
					check(in)
					check(bytes.TrimSuffix(in, []byte(eol)))   // no final line end
					check(csvText(header, append(rows, "\n"))) // a blank line
					check(append([]byte("\xef\xbb\xbf\n \n"), in...))
					// A metric of half 2 only, one that has a day of half 1
					// again, and unsorted rows.
					check(csvText(header, append(rows, "2026-01-01,zz,1\n2026-01-02,zz,2\n")))
					check(csvText(header, append(rows, rows[0][:len(rows[0])-len(eol)]+"5"+eol)))
					shuffled := append([]string{}, rows...)
					rand.New(rand.NewPCG(uint64(metrics), uint64(days))).Shuffle(len(shuffled), func(i, j int) {
						shuffled[i], shuffled[j] = shuffled[j], shuffled[i]
					})
					check(csvText(header, shuffled))
				}
			}
		}
	}
	// Every line in turn a duplicate of the one before, and a bad value,
	// a bad date, a wrong number of fields: at the seam, before and after.
	rows := longCSV(3, 12, false, "\n")
	for k := range rows {
		for _, bad := range []string{
			strings.Replace(rows[max(k-1, 0)], ",1", ",9", 1),
			strings.Replace(rows[k], ",1", ",x", 1),
			strings.Replace(rows[k], "-0", "-9", 1),
			strings.Replace(rows[k], ",", ",,", 1),
			"\"" + rows[k][:len(rows[k])-1] + "\n",
			" " + rows[k],
		} {
			changed := append(append(append([]string{}, rows[:k]...), bad), rows[k+1:]...)
			check(csvText(header, changed))
			check(csvText("Date , METRIC,value\r\n", changed))
		}
	}
	// Other headers never take the parallel path, and read the same.
	check(csvText("metric,date,value\n", []string{"a,2026-01-01,1\n", "a,2026-01-02,2\n", "a,2026-01-03,3\n"}))
	check([]byte("date,a,b\n2026-01-01,1,2\n2026-01-02,3,4\n2026-01-03,5,6\n"))
	check([]byte("date,metric\n2026-01-01,a\n2026-01-02,a\n"))
	check([]byte("date,metric,value\n\n\n\n"))
	check([]byte("\n\n\n"))
	check(nil)
	if took < 500 {
		t.Fatalf("the parallel path read %d of the files; the test means it to read most", took)
	}
}

// TestReadCSVFileParallelOffset reads files opened at an offset other than
// the start: the header is where the offset is.
func TestReadCSVFileParallelOffset(t *testing.T) {
	lowerParallelMin(t, 0)
	in := csvText("date,metric,value\n", longCSV(3, 20, false, "\n"))
	for _, junk := range []string{"x", "a,b,c\n", "date,metric,value\n2026-01-01,a,1\n"} {
		if !readBoth(t, []byte(junk), in) {
			t.Fatalf("after %q: not read in two halves", junk)
		}
	}
	// The offset past the header's first bytes, and past the end.
	readBoth(t, in[:5], in[5:])
	readBoth(t, in, nil)
}

// TestReadCSVFileParallelMetrics reads more metrics than MaxMetrics
// between the two halves, each holding fewer.
func TestReadCSVFileParallelMetrics(t *testing.T) {
	lowerParallelMin(t, 0)
	for _, n := range []int{MaxMetrics, MaxMetrics + 1} {
		var b strings.Builder
		b.WriteString("date,metric,value\n")
		for m := range n {
			fmt.Fprintf(&b, "2026-01-01,m%d,1\n", m)
		}
		// The first metrics again: in both halves.
		for m := range n / 4 {
			fmt.Fprintf(&b, "2026-01-02,m%d,1\n", m)
		}
		if !readBoth(t, nil, []byte(b.String())) && n == MaxMetrics {
			t.Fatal("MaxMetrics metrics: not read in two halves")
		}
	}
}

// TestReadCSVFileParallelLines reads more lines than MaxLines between
// the two halves, each holding fewer: blank lines, which cost one byte.
func TestReadCSVFileParallelLines(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 10 MB four times")
	}
	lowerParallelMin(t, 0)
	for _, n := range []int{MaxLines, MaxLines + 1} {
		// The header, a row, blank lines, a row, blank lines: n lines.
		blank := n - 3
		in := []byte("date,metric,value\n2026-01-01,a,1\n" + strings.Repeat("\n", blank/2) +
			"2026-01-02,a,2\n" + strings.Repeat("\n", blank-blank/2))
		if !readBoth(t, nil, in) && n == MaxLines {
			t.Fatal("MaxLines lines: not read in two halves")
		}
	}
}

// TestReadCSVFileParallelThreshold reads files either side of parallelMin.
func TestReadCSVFileParallelThreshold(t *testing.T) {
	in := csvText("date,metric,value\n", longCSV(5, 40, false, "\n"))
	body := int64(len(in) - len("date,metric,value\n"))
	for _, min := range []int64{body - 1, body, body + 1} {
		lowerParallelMin(t, min)
		if got, want := readBoth(t, nil, in), min <= body; got != want {
			t.Errorf("parallelMin %d, %d bytes of rows: parallel %v", min, body, got)
		}
	}
}

func TestJoinSteps(t *testing.T) {
	// Every way two sequences of a few values can meet, joined, against
	// adding their values one by one.
	vals := [][]int32{{5}, {5, 6}, {5, 7}, {5, 6, 7}, {5, 6, 8}, {5, 4}, {9, 9}, {1, 2, 3, 5, 7}}
	for _, x := range vals {
		for _, y := range vals {
			for _, shift := range []int32{0, 1, 2, 3, -4} {
				var q, r, want steps[int32]
				for i, v := range x {
					q.add(i, v, 0)
					want.add(i, v, 0)
				}
				for i, v := range y {
					r.add(i, v, 0)
					want.add(len(x)+i, v+shift, 0)
				}
				q.join(len(x), &r, len(y), shift, 0)
				if !reflect.DeepEqual(q, want) {
					t.Errorf("%v then %v shifted %d: joined %+v, added %+v", x, y, shift, q, want)
				}
			}
		}
	}
}

// BenchmarkBuildFileSequential is BenchmarkBuildFile with the file read
// in one piece, to compare with reading its halves at once.
func BenchmarkBuildFileSequential(b *testing.B) {
	lowerParallelMin(b, 1<<62)
	BenchmarkBuildFile(b)
}

// BenchmarkReadCSVFile is ReadCSV alone of the file WBR_BENCH_CSV, opened
// afresh each time; it skips without the variable.
func BenchmarkReadCSVFile(b *testing.B) {
	path := os.Getenv("WBR_BENCH_CSV")
	if path == "" {
		b.Skip("WBR_BENCH_CSV is not set")
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(st.Size())
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		_, err = ReadCSV(f)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReadCSVFileSequential is BenchmarkReadCSVFile with the file
// read in one piece.
func BenchmarkReadCSVFileSequential(b *testing.B) {
	lowerParallelMin(b, 1<<62)
	BenchmarkReadCSVFile(b)
}

// TestReadCSVFileParallelFileChanged appends rows to the file, and cuts
// it short, after the two halves are read: ReadCSV must not return the
// halves' rows alone, but read the file as it is now, as the sequential
// reader would have, and leave the offset at its new end.
func TestReadCSVFileParallelFileChanged(t *testing.T) {
	lowerParallelMin(t, 0)
	in := csvText("date,metric,value\n", longCSV(3, 40, false, "\n"))
	more := []byte("2026-03-01,late,7\n")
	for name, change := range map[string]func(path string) []byte{
		"grew": func(path string) []byte {
			w, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
			require.NoError(t, err)
			_, err = w.Write(more)
			require.NoError(t, err)
			require.NoError(t, w.Close())
			return append(append([]byte{}, in...), more...)
		},
		"shrank": func(path string) []byte {
			require.NoError(t, os.Truncate(path, int64(len(in)/2)))
			now, err := os.ReadFile(path)
			require.NoError(t, err)
			return now
		},
	} {
		t.Run(name, func(t *testing.T) {
			f := fileAt(t, nil, in)
			var now []byte
			halvesRead = func() { now = change(f.Name()) }
			t.Cleanup(func() { halvesRead = nil })
			got, gotErr := ReadCSV(f)
			halvesRead = nil
			require.NotNil(t, now, "the halves were not read in parallel")
			want, wantErr := ReadCSV(bytes.NewReader(now))
			assert.Equal(t, fmt.Sprint(wantErr), fmt.Sprint(gotErr))
			assert.True(t, reflect.DeepEqual(want, got), "other data than the file holds now")
			at, err := f.Seek(0, io.SeekCurrent)
			require.NoError(t, err)
			assert.Equal(t, int64(len(now)), at)
		})
	}
}
