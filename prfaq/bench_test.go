package prfaq

import (
	"io"
	"os"
	"strings"
	"testing"
)

// narrative returns about 3,000 words of memo prose, the length of an
// Amazon six-pager, built from testdata/memo.md.
func narrative(tb testing.TB) string {
	tb.Helper()
	b, err := os.ReadFile("testdata/memo.md")
	if err != nil {
		tb.Fatal(err)
	}
	memo := string(b)
	text := strings.Repeat(memo+"\n", 4)
	half := memo[:strings.LastIndex(memo[:len(memo)/2], "\n\n")]
	return text + half
}

func TestNarrativeIsSixPages(t *testing.T) {
	words := Readability(narrative(t)).Words
	if words < 2800 || words > 3300 {
		t.Fatalf("the benchmark narrative has %d words; want about 3,000", words)
	}
}

func BenchmarkReviewText(b *testing.B) {
	text := narrative(b)
	words := Readability(text).Words
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	var n int
	cpu := cpuTime()
	for b.Loop() {
		n = len(ReviewText(text, ReviewOptions{}))
	}
	if cpu > 0 {
		// On a machine shared with other jobs, wall time measures the
		// scheduler as much as the code; CPU time measures the work.
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	}
	b.ReportMetric(float64(words), "words/op")
	b.ReportMetric(float64(n), "findings/op")
}

func BenchmarkReadability(b *testing.B) {
	text := narrative(b)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	cpu := cpuTime()
	for b.Loop() {
		Readability(text)
	}
	if cpu > 0 {
		b.ReportMetric(float64(cpuTime()-cpu)/float64(b.N), "cpu-ns/op")
	}
}

func BenchmarkReviewTextTenMegabytes(b *testing.B) {
	text := strings.Repeat(narrative(b)+"\n", 10<<20/len(narrative(b)))
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		ReviewText(text, ReviewOptions{})
	}
}

func BenchmarkParse(b *testing.B) {
	data, err := os.ReadFile(templatePath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	d := loadTemplate(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := d.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkReview(b *testing.B) {
	d := loadTemplate(b)
	b.ReportAllocs()
	for b.Loop() {
		Review(d, ReviewOptions{})
	}
}

func BenchmarkMarkdown(b *testing.B) {
	d := loadTemplate(b)
	b.ReportAllocs()
	for b.Loop() {
		if err := Markdown(io.Discard, d); err != nil {
			b.Fatal(err)
		}
	}
}

// TestWriteNarrative writes the benchmark narrative to the file named by
// PRFAQ_NARRATIVE_OUT, so .ci/bench/prfaq.sh can time write-good on the
// same text; without it the test does nothing.
func TestWriteNarrative(t *testing.T) {
	out := os.Getenv("PRFAQ_NARRATIVE_OUT")
	if out == "" {
		t.Skip("PRFAQ_NARRATIVE_OUT is not set")
	}
	if err := os.WriteFile(out, []byte(narrative(t)), 0o644); err != nil {
		t.Fatal(err)
	}
}

func BenchmarkParseMarkdown(b *testing.B) {
	data, err := os.ReadFile(mdTemplatePath)
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

// BenchmarkReviewMarkdown is the review tool's path for a Markdown
// PR/FAQ: read it, review it, place the findings in the file.
func BenchmarkReviewMarkdown(b *testing.B) {
	data, err := os.ReadFile(mdTemplatePath)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d, err := ParseMarkdown(data)
		if err != nil {
			b.Fatal(err)
		}
		fs := Review(d, ReviewOptions{})
		PlaceMarkdown(data, fs)
	}
}

// BenchmarkIsMarkdownPRFAQ is the review tool's question for every
// Markdown file it finds: a PR/FAQ, or prose? Most are prose: a short
// memo, and the six-page narrative; the PR/FAQ template is the yes.
func BenchmarkIsMarkdownPRFAQ(b *testing.B) {
	tmpl, err := os.ReadFile(mdTemplatePath)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name string
		data []byte
		want bool
	}{
		{"memo", []byte("We will leverage synergies. It is believed that the plan was approved by the team.\n"), false},
		{"narrative", []byte(narrative(b)), false},
		{"template", tmpl, true},
	} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(len(c.data)))
			b.ReportAllocs()
			for b.Loop() {
				if IsMarkdownPRFAQ(c.data) != c.want {
					b.Fatalf("IsMarkdownPRFAQ = %v", !c.want)
				}
			}
		})
	}
}
