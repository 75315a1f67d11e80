package wbr

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSVGGolden(t *testing.T) {
	r := sampleReport(t)
	golden(t, "orders.svg.golden", svgOf(t, find(t, r, "orders")))
	golden(t, "in_stock_rate.svg.golden", svgOf(t, find(t, r, "in_stock_rate")))
	golden(t, "page_views.svg.golden", svgOf(t, find(t, r, "page_views"))) // two metrics, two annotations
	for _, m := range r.Metrics {
		wellFormed(t, svgOf(t, &m))
	}
}

// wellFormed parses an SVG as XML and checks it is standalone and scalable.
func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	first := true
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "%s", svg)
		if se, ok := tok.(xml.StartElement); ok && first {
			first = false
			assert.Equal(t, "svg", se.Name.Local)
			assert.Equal(t, "http://www.w3.org/2000/svg", se.Name.Space)
			var vb bool
			for _, a := range se.Attr {
				vb = vb || a.Name.Local == "viewBox"
			}
			assert.True(t, vb, "viewBox")
		}
	}
	assert.NotContains(t, string(svg), "NaN")
	assert.NotContains(t, string(svg), "Inf")
}

func TestRenderersEscapeDeckText(t *testing.T) {
	hostile := `</text><script>alert('x')</script> "] | *bold* [link](javascript:x) & <b>`
	d := smallDeck()
	d.Title = hostile
	d.Metrics[0].Name = hostile
	d.Metrics[0].Owner = hostile
	d.Metrics[0].Unit = "a|b<c>"
	d.Sections = []Section{{Title: hostile, Metrics: []string{"orders"}}}
	d.Metrics[0].ChartWith = "hits"
	d.Metrics[1].Name = hostile
	d.Annotations = []Annotation{{Date: dateOf("2026-11-20"), Note: hostile}}
	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 2, 3, 4, 5, 6, 7)
	r, err := Build(d, data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)

	svg := svgOf(t, find(t, r, "orders"))
	wellFormed(t, svg)
	assert.NotContains(t, string(svg), "<script")
	assert.Contains(t, string(svg), "&lt;/text&gt;&lt;script&gt;")
	assert.Contains(t, string(svg), "20 Nov 2026  &lt;/text&gt;&lt;script&gt;", "the annotation, escaped")
	assert.Contains(t, string(svg), ">&lt;/text&gt;&lt;script&gt;alert(&#39;x…, this year<", "the second metric's name in the legend, escaped")

	md := string(mdOf(t, r, "charts"))
	assert.NotRegexp(t, `(^|[^\\])[<\[]`+"|"+`(^|[^\\])\*bold`, strings.ReplaceAll(md, "![6-12 chart of", ""), "every < [ and * from the deck is escaped")
	assert.NotContains(t, md, "[link](")
	assert.NotContains(t, md, "*bold*")
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| Last week") {
			assert.Equal(t, 6, strings.Count(line, "|")-strings.Count(line, `\|`), "a name cannot add table cells: %s", line)
		}
	}
}

func TestSVGWithExtremeValues(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	m := &MetricReport{ID: "x", Name: "X", Aggregation: Mean}
	for i, v := range []float64{-math.MaxFloat64, math.MaxFloat64, 0, 1e-300, -1e300, 5} {
		m.Weeks = append(m.Weeks, ChartPoint{Period: per("2026-01-01", "2026-01-07"), Value: f(v), YearAgo: f(-v), Plan: f(float64(i))})
	}
	svg := svgOf(t, m)
	wellFormed(t, svg)
}

func TestSVGWithoutData(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 1, 1, 1, 1, 1, 1)
	r, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	for _, m := range r.Metrics {
		wellFormed(t, svgOf(t, &m))
	}
	assert.Contains(t, string(mdOf(t, r, "")), "fewer than two complete weeks")
}

func TestNiceTicks(t *testing.T) {
	tests := []struct {
		in   []float64
		want []float64
	}{
		{nil, []float64{0, 1}},
		{[]float64{0, 10}, []float64{0, 2, 4, 6, 8, 10}},
		{[]float64{43.2, 51.7}, []float64{42, 44, 46, 48, 50, 52}},
		{[]float64{5, 5}, []float64{4.7, 4.8, 4.9, 5, 5.1, 5.2, 5.3}},
		{[]float64{0, 0}, []float64{-1, -0.5, 0, 0.5, 1}},
		{[]float64{-math.MaxFloat64, math.MaxFloat64}, []float64{-math.MaxFloat64, math.MaxFloat64}},
	}
	for _, tt := range tests {
		assert.InDeltaSlice(t, tt.want, niceTicks(tt.in), 1e-9, "%v", tt.in)
	}
}

// svgOf renders a chart, failing the test on a render error.
func svgOf(t testing.TB, m *MetricReport) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, m.SVG(&b))
	return b.Bytes()
}

// mdOf renders a report as Markdown, failing the test on a render error.
func mdOf(t testing.TB, r *Report, chartDir string) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, r.Markdown(&b, chartDir))
	return b.Bytes()
}

// TestChartsNearFloatLimit draws constant values near ±MaxFloat64, where
// padding the axis once overflowed to "+InfB" ticks and NaN coordinates
// (issue 15), for each way a chart scales its values.
func TestChartsNearFloatLimit(t *testing.T) {
	f := func(x float64) *float64 { return &x }
	for _, v := range []float64{1.75e308, -1.75e308, math.MaxFloat64, -math.MaxFloat64, 1e300} {
		for _, kind := range []struct {
			agg  Aggregation
			cmp  Comparison
			unit string
		}{{Mean, Percent, ""}, {Sum, Percent, "orders"}, {Ratio, BPS, ""}, {Mean, BPS, "%"}} {
			m := &MetricReport{ID: "x", Name: "X", Aggregation: kind.agg, Comparison: kind.cmp, Unit: kind.unit, LastWeek: f(v), WoW: f(0)}
			for range 6 {
				m.Weeks = append(m.Weeks, ChartPoint{Period: per("2026-01-01", "2026-01-07"), Value: f(v), YearAgo: f(v), Plan: f(v)})
			}
			for range 12 {
				m.Months = append(m.Months, ChartPoint{Period: per("2026-01-01", "2026-01-31"), Value: f(v), YearAgo: f(v), Plan: f(v)})
			}
			svg := svgOf(t, m)
			wellFormed(t, svg)
			assert.NotRegexp(t, `NaN|Inf`, string(svg), "%v %v", v, kind)
			assert.NotContains(t, m.formatValue(&v), "Inf")
			assert.NotContains(t, m.compact(v), "Inf")
		}
	}
}

// TestNiceTicksNearTheLimit checks that values near ±MaxFloat64 get finite
// ticks, in order, that cover them as far as float64 reaches: a step times
// four once overflowed to a +Inf tick and NaN coordinates in the page.
func TestNiceTicksNearTheLimit(t *testing.T) {
	for _, in := range [][]float64{{1e308, -1e308}, {1e308, -1e308, 0}, {1.7e308, -1.7e308}, {1e308, -5e307},
		{math.MaxFloat64, 0}, {-math.MaxFloat64, 1}, {1e308}, {-1e308}, {8e307, -1.7e308}} {
		ticks := niceTicks(in)
		require.GreaterOrEqual(t, len(ticks), 2, "%v", in)
		for i, v := range ticks {
			assert.False(t, math.IsInf(v, 0) || math.IsNaN(v), "%v: tick %v", in, v)
			if i > 0 {
				assert.Greater(t, v, ticks[i-1], "%v: ticks %v", in, ticks)
			}
		}
		assert.LessOrEqual(t, ticks[0], slices.Min(in), "%v: ticks %v", in, ticks)
	}
}
