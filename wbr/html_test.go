package wbr

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// htmlOf renders a report as a page, failing the test on a render error.
func htmlOf(t testing.TB, r *Report) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, r.HTML(&b))
	return b.Bytes()
}

// pageElements parses a page as XML (it is written to be well-formed) and
// counts its elements by name.
func pageElements(t *testing.T, page []byte) map[string]int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(page))
	dec.Strict = true
	n := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the page must be well-formed")
		if se, ok := tok.(xml.StartElement); ok {
			n[se.Name.Local]++
			for _, a := range se.Attr {
				assert.NotRegexp(t, `^on`, a.Name.Local, "no event handler attributes")
			}
		}
	}
	return n
}

// selfContained checks that a page fetches nothing and holds only finite
// numbers.
func selfContained(t *testing.T, page []byte) {
	t.Helper()
	s := string(page)
	for _, bad := range []string{"<script", "src=", "@import", "url(", `href="http`, `href="//`, "<link rel=\"stylesheet\"", "<img", "<iframe", "NaN", "Inf"} {
		assert.NotContains(t, s, bad)
	}
	assert.Contains(t, s, "default-src 'none'", "a content security policy forbids any fetch")
}

func TestHTMLPage(t *testing.T) {
	r := sampleReport(t)
	page := htmlOf(t, r)
	els := pageElements(t, page)
	selfContained(t, page)
	shown := 0
	for _, s := range r.Sections {
		shown += len(s.Metrics)
	}
	assert.Equal(t, shown, els["svg"], "one chart per metric shown")
	assert.Equal(t, shown, els["article"])
	assert.Equal(t, len(r.Sections)+1+btoi(len(r.Annotations) > 0), els["section"], "callouts, annotations, the deck's sections")
	assert.Equal(t, 1, els["style"])
	s := string(page)
	last := -1
	for _, sec := range r.Sections {
		i := strings.Index(s, "<h2>"+sec.Title+"</h2>")
		require.Greater(t, i, last, "section %q in the deck's order", sec.Title)
		last = i
	}
	assert.Contains(t, s, "@media print")
	assert.Contains(t, s, "Trailing six weeks")
	assert.Contains(t, s, "Trailing twelve months")
	assert.Equal(t, page, htmlOf(t, sampleReport(t)), "deterministic")
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// hostileText is deck text that would break a page escaped badly.
const hostileText = `</text><script>alert('x')</script> "] ]]> <!-- & <b>`

// hostileReport is a report whose deck text, annotations and second chart
// metric are all hostileText, with one metric shown in two sections.
func hostileReport(t *testing.T) *Report {
	t.Helper()
	hostile := hostileText
	d := churnDeck()
	d.Title = hostile
	d.Metrics[0].Name = hostile
	d.Metrics[0].Owner = hostile
	d.Metrics[0].Unit = `</text><script>`
	d.Metrics[4].ChartWith = "churned"
	d.Sections = []Section{{Title: hostile, Metrics: []string{"churned", "churn_rate"}}, {Title: "again", Metrics: []string{"churned"}}}
	d.Annotations = []Annotation{{Date: dateOf("2026-11-18"), Note: hostile}, {Date: dateOf("2026-11-19"), Note: hostile, Metrics: []string{"churned"}}}
	var data Data
	weekData(t, &data, "2026-11-21", "churned", 1, 2, 3, 4, 5, 6, 7)
	weekData(t, &data, "2026-11-21", "customers", 100, 100, 100, 100, 100, 100)
	r, err := Build(d, data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	return r
}

func TestHTMLEscapesDeckText(t *testing.T) {
	r := hostileReport(t)
	page := htmlOf(t, r)
	els := pageElements(t, page)
	selfContained(t, page)
	assert.Zero(t, els["script"])
	assert.Zero(t, els["b"])
	assert.Equal(t, 3, els["svg"], "a metric in two sections is drawn twice")
	s := string(page)
	assert.Contains(t, s, "&lt;/text&gt;&lt;script&gt;")
	assert.NotContains(t, s, "<!-- &")
	assert.Contains(t, s, `id="m-churned-2"`, "element ids stay unique")
	assert.Contains(t, s, "† a period with days missing")
	assert.Contains(t, s, `class="partial"`, "an incomplete figure is flagged")
	for _, m := range r.Metrics {
		wellFormed(t, svgOf(t, &m))
	}
}

func TestHTMLOfNilReport(t *testing.T) {
	var r *Report
	assert.Error(t, r.HTML(io.Discard))
}

func BenchmarkHTML(b *testing.B) {
	r := sampleReport(b)
	var buf bytes.Buffer
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		_ = r.HTML(&buf)
	}
	b.ReportMetric(float64(buf.Len()), "page-bytes")
}

// dateOf parses a test's YYYY-MM-DD day.
func dateOf(s string) Date {
	d, err := civil.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}
