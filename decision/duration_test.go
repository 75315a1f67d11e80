package decision

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDurationDays(t *testing.T) {
	for _, tc := range []struct {
		in   string
		days float64
	}{
		{"P30D", 30},
		{"PT12H", 0.5},
		{"P1Y2M", 365 + 60},
		{"P2W", 14},
		{"P1M", 30},
		{"PT1M", 1.0 / (24 * 60)},
		{"P1DT12H", 1.5},
		{"PT36H", 1.5},
		{"P1Y2M3DT4H5M6S", 365 + 60 + 3 + 4.0/24 + 5.0/(24*60) + 6.0/(24*60*60)},
		{"P999999999Y", 999999999 * 365},
	} {
		t.Run(tc.in, func(t *testing.T) {
			d, err := ParseDuration(tc.in)
			require.NoError(t, err)
			got, ok := d.Days()
			require.True(t, ok)
			assert.InDelta(t, tc.days, got, 1e-9)
		})
	}
}

func TestDurationRefused(t *testing.T) {
	for _, in := range []string{"", "P", "PT", "P1DT", "30D", "P30", "P1.5D", "P-1D", "p30d", "P1W2D", "PT1D", "P1D1Y", "P1234567890D", " P1D", "P1D\n", "P30D ", "1 month"} {
		t.Run(in, func(t *testing.T) {
			_, err := ParseDuration(in)
			assert.ErrorIs(t, err, ErrDuration)
			var d Duration
			assert.Error(t, d.UnmarshalText([]byte(in)))
			_, ok := Duration(in).Days()
			assert.False(t, ok)
		})
	}
}

// TestDurationPatternIsPortable checks the pattern the schema publishes
// needs nothing beyond what both RE2 and ECMA-262 understand.
func TestDurationPatternIsPortable(t *testing.T) {
	_, err := regexp.Compile(durPattern)
	require.NoError(t, err)
	assert.NotContains(t, durPattern, "(?=")
	assert.NotContains(t, durPattern, "(?!")
	assert.NotContains(t, durPattern, `\d`)
}
