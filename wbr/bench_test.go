package wbr

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"syscall"
	"testing"
	"time"
)

// benchDeck is a deck of n data metrics: a fifth outputs, the rest inputs
// driving them, aggregations in rotation.
func benchDeck(n int) *Deck {
	d := &Deck{Title: "benchmark"}
	aggs := []Aggregation{Sum, Mean, Sum, Min, Max, Last, Sum}
	for i := 0; i < n; i++ {
		m := Metric{ID: fmt.Sprintf("metric_%03d", i), Aggregation: aggs[i%len(aggs)]}
		if i%5 == 0 {
			m.Role = Output
		} else {
			m.Role, m.Owner = Input, "owner"
			m.Drives = []string{fmt.Sprintf("metric_%03d", i-i%5)}
		}
		d.Metrics = append(d.Metrics, m)
	}
	return d
}

// threeYears is 100 metrics × 1,096 days: 109,600 rows, about 3.6 MB.
var threeYears = csvOf(100, 1096)

var benchEnd = Date{Year: 2026, Month: time.November, Day: 21}

// BenchmarkBuild is the whole WBR in one call: read the CSV rows, then
// compute every figure, chart series and XmR chart, at 100 metrics × 3
// years (109,600 rows, 3.6 MB) and 500 metrics × 10 years (1,826,000 rows,
// 62 MB), which must cost about 17 times as much: linear in the rows.
func BenchmarkBuild(b *testing.B) {
	for _, size := range []struct {
		name          string
		metrics, days int
	}{{"100x3y", 100, 1096}, {"500x10y", 500, 3652}} {
		b.Run(size.name, func(b *testing.B) {
			in := threeYears
			if size.metrics != 100 {
				in = csvOf(size.metrics, size.days)
			}
			benchReadBuild(b, benchDeck(size.metrics), func() io.Reader { return bytes.NewReader(in) }, int64(len(in)))
		})
	}
}

// BenchmarkBuildFile is BenchmarkBuild on the CSV file WBR_BENCH_CSV, of
// WBR_BENCH_METRICS metrics (metric_000, metric_001, ...) ending on
// 2026-11-21, opened afresh each time: what .ci/bench/wbr.sh runs beside
// pandas on the same file. It skips without the variables.
func BenchmarkBuildFile(b *testing.B) {
	path, n := os.Getenv("WBR_BENCH_CSV"), os.Getenv("WBR_BENCH_METRICS")
	metrics, err := strconv.Atoi(n)
	if path == "" || err != nil {
		b.Skip("WBR_BENCH_CSV and WBR_BENCH_METRICS are not set")
	}
	st, err := os.Stat(path)
	if err != nil {
		b.Fatal(err)
	}
	benchReadBuild(b, benchDeck(metrics), func() io.Reader {
		f, err := os.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		b.Cleanup(func() { f.Close() })
		return f
	}, st.Size())
}

func benchReadBuild(b *testing.B, d *Deck, open func() io.Reader, size int64) {
	b.SetBytes(size)
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		r := open()
		data, err := ReadCSV(r)
		if c, ok := r.(io.Closer); ok {
			c.Close()
		}
		if err != nil {
			b.Fatal(err)
		}
		if _, err := Build(d, data, benchEnd, ReviewOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReadCSV(b *testing.B) {
	b.SetBytes(int64(len(threeYears)))
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := ReadCSV(bytes.NewReader(threeYears)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuildOnly is Build alone on data already read.
func BenchmarkBuildOnly(b *testing.B) {
	d := benchDeck(100)
	data, err := ReadCSV(bytes.NewReader(threeYears))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	defer reportCPU(b)()
	for b.Loop() {
		if _, err := Build(d, data, benchEnd, ReviewOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkXmR(b *testing.B) {
	vals := make([]float64, 52)
	for i := range vals {
		vals[i] = wheeler[i%len(wheeler)]
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = XmR(vals)
	}
}

func BenchmarkRender(b *testing.B) {
	data, err := ReadCSV(bytes.NewReader(threeYears))
	if err != nil {
		b.Fatal(err)
	}
	r, err := Build(benchDeck(100), data, benchEnd, ReviewOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.Run("markdown", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = r.Markdown(io.Discard, "charts")
		}
	})
	b.Run("svg-100-charts", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range r.Metrics {
				_ = r.Metrics[i].SVG(io.Discard)
			}
		}
	})
	b.Run("html-100-metrics", func(b *testing.B) {
		b.ReportAllocs()
		var page bytes.Buffer
		for b.Loop() {
			page.Reset()
			_ = r.HTML(&page)
		}
		b.ReportMetric(float64(page.Len()), "page-bytes")
	})
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := r.JSON(); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkParseTemplate(b *testing.B) {
	src, err := os.ReadFile(templatePath)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(src)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU reports the process's CPU time per operation beside the wall
// time: on a machine shared with other work, wall time includes waiting for
// a core, CPU time does not. Call it as defer reportCPU(b)().
func reportCPU(b *testing.B) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			b.ReportMetric(float64((cpuTime()-start).Nanoseconds())/float64(b.N), "cpu-ns/op")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
