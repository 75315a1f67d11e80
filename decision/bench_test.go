package decision

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"testing"
)

func readTemplate(b *testing.B) []byte {
	data, err := os.ReadFile("../examples/templates/decision.yaml")
	if err != nil {
		b.Fatal(err)
	}
	return data
}

// BenchmarkParseValidate measures a realistic record (the template, ~3 KB).
func BenchmarkParseValidate(b *testing.B) {
	benchParseValidate(b, readTemplate(b))
}

func benchParseValidate(b *testing.B, data []byte) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		if err := d.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseValidateJSON measures the same record written as JSON.
func BenchmarkParseValidateJSON(b *testing.B) {
	d, err := Parse(readTemplate(b))
	if err != nil {
		b.Fatal(err)
	}
	data, err := json.Marshal(d)
	if err != nil {
		b.Fatal(err)
	}
	benchParseValidate(b, data)
}

// BenchmarkClassify includes the validation of both documents that
// Classify performs.
func BenchmarkClassify(b *testing.B) {
	d, err := Parse(readTemplate(b))
	if err != nil {
		b.Fatal(err)
	}
	p := DefaultPolicy()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Classify(d, p, ReviewOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLogCheck checks a log of 1,000 records chained by supersedes
// links, each also related to its neighbour.
func BenchmarkLogCheck(b *testing.B) {
	tmpl, err := Parse(readTemplate(b))
	if err != nil {
		b.Fatal(err)
	}
	const n = 1000
	ds := make([]*Decision, n)
	id := func(i int) string { return fmt.Sprintf("ADR-%04d", i) }
	for i := range ds {
		d := *tmpl
		d.ID, d.Status = id(i), Accepted
		d.Links = &Links{}
		if i > 0 {
			d.Links.Supersedes = []string{id(i - 1)}
		}
		if i < n-1 {
			d.Status = Superseded
			d.Links.SupersededBy = id(i + 1)
		}
		ds[i] = &d
	}
	l := NewLog(ds...)
	if _, err := l.Check(Date{Year: 2026, Month: 11, Day: 26}, ReviewOptions{}); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := l.Check(Date{Year: 2026, Month: 11, Day: 26}, ReviewOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMarkdown renders the template with its classification.
func BenchmarkMarkdown(b *testing.B) {
	d, err := Parse(readTemplate(b))
	if err != nil {
		b.Fatal(err)
	}
	c, err := Classify(d, DefaultPolicy(), ReviewOptions{})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, d, c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseMarkdown reads the Markdown template, a full MADR 4 record.
func BenchmarkParseMarkdown(b *testing.B) {
	data, err := os.ReadFile("../examples/templates/decision.md")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseMarkdown(data); err != nil {
			b.Fatal(err)
		}
	}
}
