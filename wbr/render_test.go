package wbr

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// golden compares got with testdata/name, rewriting it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "%s differs; run go test ./wbr -update and review the diff", path)
}

func TestMarkdownGolden(t *testing.T) {
	r := sampleReport(t)
	md := r.Markdown("charts")
	golden(t, "report.md.golden", md)
	assert.Equal(t, md, sampleReport(t).Markdown("charts"), "deterministic")
	assert.NotContains(t, string(r.Markdown("")), "![", "no chart links without a chart directory")
}

func TestSVGGolden(t *testing.T) {
	r := sampleReport(t)
	golden(t, "orders.svg.golden", find(t, r, "orders").SVG())
	golden(t, "in_stock_rate.svg.golden", find(t, r, "in_stock_rate").SVG())
	for _, m := range r.Metrics {
		wellFormed(t, m.SVG())
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
	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 2, 3, 4, 5, 6, 7)
	r, err := Build(d, data, date("2026-11-21"))
	require.NoError(t, err)

	svg := find(t, r, "orders").SVG()
	wellFormed(t, svg)
	assert.NotContains(t, string(svg), "<script")
	assert.Contains(t, string(svg), "&lt;/text&gt;&lt;script&gt;")

	md := string(r.Markdown("charts"))
	assert.NotRegexp(t, `(^|[^\\])[<\[]`+"|"+`(^|[^\\])\*bold`, strings.ReplaceAll(md, "![6-12 chart of", ""), "every < [ and * from the deck is escaped")
	assert.NotContains(t, md, "[link](")
	assert.NotContains(t, md, "*bold*")
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| Last week") {
			assert.Equal(t, 8, strings.Count(line, "|")-strings.Count(line, `\|`), "a name cannot add table cells: %s", line)
		}
	}
}

func TestSVGWithoutData(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 1, 1, 1, 1, 1, 1)
	r, err := Build(smallDeck(), data, date("2026-11-21"))
	require.NoError(t, err)
	for _, m := range r.Metrics {
		wellFormed(t, m.SVG())
	}
	assert.Contains(t, string(r.Markdown("")), "fewer than two complete weeks")
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
	}
	for _, tt := range tests {
		assert.InDeltaSlice(t, tt.want, niceTicks(tt.in), 1e-9, "%v", tt.in)
	}
}

func TestFormatting(t *testing.T) {
	vol := &MetricReport{Aggregation: Sum, Comparison: Percent}
	rate := &MetricReport{Aggregation: Ratio, Comparison: BPS}
	pct := &MetricReport{Aggregation: Mean, Comparison: BPS, Unit: "%"}
	f := func(x float64) *float64 { return &x }
	assert.Equal(t, "1,234,568", vol.formatValue(f(1234567.8)))
	assert.Equal(t, "-1,000", vol.formatValue(f(-1000)))
	assert.Equal(t, "2.44", vol.formatValue(f(2.4371)))
	assert.Equal(t, "n/a", vol.formatValue(nil))
	assert.Equal(t, "95.12%", rate.formatValue(f(0.95123)))
	assert.Equal(t, "97.5%", pct.formatValue(f(97.5)))
	assert.Equal(t, "+3.6%", vol.formatChange(f(3.6127)))
	assert.Equal(t, "−12.5%", vol.formatChange(f(-12.5)))
	assert.Equal(t, "0.0%", vol.formatChange(f(-0.01)))
	assert.Equal(t, "−88 bps", rate.formatChange(f(-88.2)))
	assert.Equal(t, "n/a", rate.formatChange(nil))
	assert.Equal(t, "1.2M", vol.compact(1.2e6))
	assert.Equal(t, "47.5K", vol.compact(47500))
}
