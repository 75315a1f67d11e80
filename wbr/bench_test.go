package wbr

import (
	"bytes"
	"fmt"
	"os"
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

// BenchmarkBuild is the whole WBR in one call: read 109,600 CSV rows of 100
// metrics over three years, then compute every figure, chart series and XmR
// chart.
func BenchmarkBuild(b *testing.B) {
	d := benchDeck(100)
	b.SetBytes(int64(len(threeYears)))
	b.ReportAllocs()
	for b.Loop() {
		data, err := ReadCSV(bytes.NewReader(threeYears))
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
			_ = r.Markdown("charts")
		}
	})
	b.Run("svg-100-charts", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for i := range r.Metrics {
				_ = r.Metrics[i].SVG()
			}
		}
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
