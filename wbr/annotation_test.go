package wbr

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestAnnotationsPerMetric(t *testing.T) {
	d := churnDeck()
	end := dateOf("2026-11-21")
	// Thirty events for every chart, and one a day for churned alone,
	// given newest first: the report sorts them.
	for k := range 30 {
		d.Annotations = append(d.Annotations, Annotation{Date: end.AddDays(-3 * k), Note: fmt.Sprintf("all %d", k)})
		d.Annotations = append(d.Annotations, Annotation{Date: end.AddDays(-k), Note: fmt.Sprintf("churned %d", k), Metrics: []string{"churned"}})
	}
	d.Annotations = append(d.Annotations, Annotation{Date: dateOf("2024-01-01"), Note: "too early for the charts"})
	var data Data
	weekData(t, &data, "2026-11-21", "churned", 1, 2, 3, 4, 5, 6, 7)
	r, err := Build(d, data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	assert.Len(t, r.Annotations, 60, "every annotation within the charts, none before")
	for k := 1; k < len(r.Annotations); k++ {
		assert.False(t, r.Annotations[k].Date.Before(r.Annotations[k-1].Date), "oldest first")
	}
	churned := find(t, r, "churned")
	require.Len(t, churned.Annotations, MaxMetricAnnotations)
	last := churned.Annotations[len(churned.Annotations)-1]
	assert.Equal(t, end, last.Date, "the latest are kept")
	assert.Nil(t, last.Metrics, "a metric's copy names no metrics")
	other := find(t, r, "customers")
	require.Len(t, other.Annotations, MaxMetricAnnotations)
	for _, a := range other.Annotations {
		assert.Contains(t, a.Note, "all ", "an event named for churned stays off the other charts")
	}
	svg := string(svgOf(t, churned))
	wellFormed(t, []byte(svg))
	assert.Contains(t, svg, fmt.Sprintf("and %d earlier annotations in the report", MaxMetricAnnotations-maxChartNotes))
}
