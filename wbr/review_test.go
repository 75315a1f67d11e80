package wbr

import (
	"encoding/json"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rules(fs []Finding) map[string][]string {
	out := map[string][]string{}
	for _, f := range fs {
		out[f.Rule] = append(out[f.Rule], f.Path)
	}
	return out
}

func TestReviewTemplateIsQuiet(t *testing.T) {
	src, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	d, err := Parse(src)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	assert.Empty(t, Review(d, ReviewOptions{}), "the template is the example others copy")
}

func TestReviewRules(t *testing.T) {
	src := []byte(`metrics:
  - id: orders
    role: output
    aggregation: sum
  - id: revenue
    role: output
    owner: A
    name: Revenue
    aggregation: sum
  - id: sessions
    name: Sessions
    role: input
    owner: B
    aggregation: sum
    drives: [orders, revenue]
  - id: hits
    name: Hits
    role: input
    owner: B
    aggregation: sum
  - id: idle
    name: Idle
    role: input
    owner: B
    aggregation: sum
sections:
  - title: Some
    metrics: [orders, revenue, sessions, hits]
`)
	d, err := Parse(src)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	fs := Review(d, ReviewOptions{})
	Place(src, fs)
	assert.Equal(t, map[string][]string{
		"input-drives-none":  {"/metrics/3", "/metrics/4"},
		"unowned-output":     {"/metrics/0"},
		"unnamed-metric":     {"/metrics/0"},
		"unsectioned-metric": {"/metrics/4"},
		"no-plan":            {"/metrics"},
	}, rules(fs))
	for _, f := range fs {
		if f.Path == "/metrics/4" {
			assert.Equal(t, 21, f.Line, "located in the source: the line of - id: idle")
		}
	}

	// A ratio that drives an output carries its operands with it.
	d.Metrics = append(d.Metrics, Metric{ID: "hit_rate", Name: "Hit rate", Role: Input, Owner: "B", Aggregation: Ratio, Numerator: "hits", Denominator: "sessions", Drives: []string{"orders"}})
	d.Sections = nil
	assert.Equal(t, map[string][]string{
		"input-drives-none": {"/metrics/4"},
		"unowned-output":    {"/metrics/0"},
		"unnamed-metric":    {"/metrics/0"},
		"no-sections":       {"/sections"},
		"no-plan":           {"/metrics"},
	}, rules(Review(d, ReviewOptions{})))
	assert.Nil(t, Review(nil, ReviewOptions{}))
}

func TestReportFindings(t *testing.T) {
	r := sampleReport(t)
	got := rules(r.Findings())
	assert.Contains(t, got["xmr-signal"], "/metrics/7", "in_stock_rate drops in the sample")
	assert.Contains(t, got["plan-missed"], "/metrics/7")
	assert.Empty(t, got["missing-days"])
	assert.Empty(t, got["no-data"])

	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 1, 1, 1, 1, 1)
	small, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	got = rules(small.Findings())
	assert.Equal(t, []string{"/metrics/0"}, got["missing-days"])
	assert.Len(t, got["no-data"], len(smallDeck().Metrics)-1)
}

func TestReportJSONContract(t *testing.T) {
	r := sampleReport(t)
	b, err := r.JSON()
	require.NoError(t, err)
	var doc struct {
		Metrics []map[string]any `json:"metrics"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	require.Len(t, doc.Metrics, len(r.Metrics))
	for _, m := range doc.Metrics {
		for _, k := range []string{"id", "lastWeek", "wow", "yoy", "mtd", "mtdYoy", "qtd", "qtdYoy", "ytd", "ytdYoy"} {
			assert.Contains(t, m, k, "%v lacks %s", m["id"], k)
		}
	}
	o := find(t, r, "orders")
	assert.InDelta(t, (*o.LastWeek-*o.PriorWeek) / *o.PriorWeek * 100, doc.Metrics[0]["wow"].(float64), 1e-9, "percent in percent")

	var data Data
	weekData(t, &data, "2026-11-21", "orders", 1, 1, 1, 1, 1, 1, 1)
	weekData(t, &data, "2026-11-14", "orders", 0, 0, 0, 0, 0, 0, 0)
	small, err := Build(smallDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	b, err = small.JSON()
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &doc))
	assert.Nil(t, doc.Metrics[0]["wow"], "a change against zero is null")
	assert.NotContains(t, string(b), "NaN")
}

func TestNilReportIsSafe(t *testing.T) {
	var r *Report
	assert.Error(t, r.Markdown(io.Discard, "x"))
	assert.Nil(t, r.Findings())
	b, err := r.JSON()
	require.NoError(t, err)
	assert.Equal(t, "null\n", string(b))
	var m *MetricReport
	assert.Error(t, m.SVG(io.Discard))
	_, err = Build(nil, Data{}, date("2026-11-21"), ReviewOptions{})
	assert.Error(t, err)
}
