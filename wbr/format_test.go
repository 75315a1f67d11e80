package wbr

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormatting(t *testing.T) {
	vol := &MetricReport{Aggregation: Sum, Comparison: Percent}
	rate := &MetricReport{Aggregation: Ratio, Comparison: BPS}
	pct := &MetricReport{Aggregation: Mean, Comparison: BPS, Unit: "%"}
	f := func(x float64) *float64 { return &x }
	assert.Equal(t, "1,234,568", vol.formatValue(f(1234567.8)))
	assert.Equal(t, "-1,000", vol.formatValue(f(-1000)))
	assert.Equal(t, "2.44", vol.formatValue(f(2.4371)))
	assert.Equal(t, "41.20", vol.formatValue(f(41.2)))
	assert.Equal(t, "3", vol.formatValue(f(3)))
	assert.Equal(t, "n/a", vol.formatValue(nil))
	assert.Equal(t, "95.12%", rate.formatValue(f(0.95123)))
	assert.Equal(t, "97.50%", pct.formatValue(f(97.5)))
	assert.Equal(t, "96.00%", rate.formatValue(f(0.96)))
	assert.Equal(t, "+3.6%", vol.formatChange(f(3.6127)))
	assert.Equal(t, "−12.5%", vol.formatChange(f(-12.5)))
	assert.Equal(t, "0.0%", vol.formatChange(f(-0.01)))
	assert.Equal(t, "−88 bps", rate.formatChange(f(-88.2)))
	assert.Equal(t, "n/a", rate.formatChange(nil))
	assert.Equal(t, "1.2M", vol.compact(1.2e6))
	assert.Equal(t, "47.5K", vol.compact(47500))
}
