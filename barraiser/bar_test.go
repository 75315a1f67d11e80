package barraiser

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRaisesBar(t *testing.T) {
	cases := []struct {
		name   string
		score  float64
		cohort []float64
		pct    float64
		raises bool
	}{
		{"above everyone", 4, []float64{1, 2, 3}, 100, true},
		{"below everyone", 1, []float64{2, 3, 4}, 0, false},
		{"exactly the median of an odd cohort", 3, []float64{2, 3, 4}, 100.0 / 3, false},
		{"between the middle two of an even cohort", 2.5, []float64{1, 2, 3, 4}, 50, false},
		{"just past half", 3.5, []float64{1, 2, 3, 4}, 75, true},
		{"ties are not beaten", 3, []float64{3, 3, 3, 1}, 25, false},
		{"ties with half beaten", 3, []float64{1, 2, 3, 3}, 50, false},
		{"one of one", 3, []float64{2}, 100, true},
		{"tied with one", 2, []float64{2}, 0, false},
		{"order does not matter", 3.1, []float64{4, 1, 3, 2, 3.2}, 60, true},
		{"infinite score", math.Inf(1), []float64{4}, 100, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			pct, raises := RaisesBar(c.score, c.cohort)
			assert.InDelta(t, c.pct, pct, 1e-12)
			assert.Equal(t, c.raises, raises)
		})
	}
}

func TestRaisesBarWithoutAnswer(t *testing.T) {
	for name, c := range map[string]struct {
		score  float64
		cohort []float64
	}{
		"empty cohort":  {3, nil},
		"NaN score":     {math.NaN(), []float64{1, 2}},
		"NaN in cohort": {3, []float64{1, math.NaN(), 2}},
	} {
		pct, raises := RaisesBar(c.score, c.cohort)
		assert.True(t, math.IsNaN(pct), name)
		assert.False(t, raises, name)
	}
}
