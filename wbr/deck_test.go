package wbr

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestDeckDefaults(t *testing.T) {
	var c Calendar
	assert.Equal(t, Saturday, c.weekEnds())
	assert.Equal(t, December, c.fiscalYearEnd())
	c = Calendar{WeekEnds: Sunday, FiscalYearEnd: March}
	assert.Equal(t, Sunday, c.weekEnds())
	assert.Equal(t, March, c.fiscalYearEnd())

	m := Metric{ID: "orders", Aggregation: Sum}
	assert.Equal(t, Percent, m.comparison())
	assert.Equal(t, Up, m.better())
	assert.Equal(t, "orders", m.displayName())
	assert.False(t, m.isRate())
	m = Metric{ID: "fill", Name: "Fill rate", Unit: "%", Aggregation: Mean, Comparison: BPS, Better: Down}
	assert.Equal(t, BPS, m.comparison())
	assert.Equal(t, Down, m.better())
	assert.Equal(t, "Fill rate", m.displayName())
	assert.True(t, m.isRate())
	assert.True(t, (&Metric{Aggregation: Ratio}).isRate())
}

func TestMetricIDsAreSafeNames(t *testing.T) {
	for id, ok := range map[string]bool{
		"orders": true, "in_stock-rate2": true, "a": true,
		"": false, "Orders": false, "2fast": false, "a/b": false, "a b": false, "../x": false, `a"`: false,
	} {
		assert.Equal(t, ok, idPattern.MatchString(id), "%q", id)
	}
}
