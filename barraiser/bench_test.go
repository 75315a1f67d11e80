package barraiser

import (
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"testing"
)

func benchLoop(b *testing.B) (*Loop, []byte) {
	data, err := os.ReadFile("../examples/templates/loop.yaml")
	if err != nil {
		b.Fatal(err)
	}
	l, err := Parse(data)
	if err != nil {
		b.Fatal(err)
	}
	return l, data
}

// BenchmarkParse reads the full template loop: six interviewers, seventeen
// rated pieces of evidence, a cohort of twelve.
func BenchmarkParse(b *testing.B) {
	_, data := benchLoop(b)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEvaluate validates and decides the full template loop.
func BenchmarkEvaluate(b *testing.B) {
	l, _ := benchLoop(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Evaluate(l, ReviewOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReview reviews the full template loop.
func BenchmarkReview(b *testing.B) {
	l, _ := benchLoop(b)
	b.ReportAllocs()
	for b.Loop() {
		Review(l, ReviewOptions{})
	}
}

// BenchmarkMarkdown writes the debrief packet of the full template loop.
func BenchmarkMarkdown(b *testing.B) {
	l, _ := benchLoop(b)
	o, err := Evaluate(l, ReviewOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, l, o); err != nil {
			b.Fatal(err)
		}
	}
}

// benchRecords makes n feedback records: loops of six drawn from 600
// interviewers, three ratings each, some interviewers lenient, some severe.
func benchRecords(n int) []Record {
	rng := rand.New(rand.NewPCG(1, 2))
	votes := []Vote{StronglyNotInclined, NotInclined, Inclined, StronglyInclined}
	rs := make([]Record, 0, n)
	for loop := 0; len(rs) < n; loop++ {
		key := fmt.Sprint("loop-", loop)
		quality := rng.IntN(4)
		picked := map[int]bool{}
		for len(picked) < 6 && len(rs) < n {
			who := rng.IntN(600)
			if picked[who] {
				continue
			}
			picked[who] = true
			bias := who%3 - 1
			scores := make([]int, 3)
			for i := range scores {
				scores[i] = min(4, max(1, 1+quality+bias+rng.IntN(3)-1))
			}
			rs = append(rs, Record{Loop: key, Interviewer: fmt.Sprint("iv-", who), Vote: votes[min(3, max(0, quality+bias))], Scores: scores})
		}
	}
	return rs
}

// BenchmarkCalibrate100k calibrates 100,000 feedback records.
func BenchmarkCalibrate100k(b *testing.B) {
	rs := benchRecords(100_000)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Calibrate(rs, CalibrationOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
