package wbr

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnumsRoundTrip(t *testing.T) {
	for _, w := range weekdays {
		b, err := w.MarshalText()
		require.NoError(t, err)
		var back Weekday
		require.NoError(t, back.UnmarshalText(b))
		assert.Equal(t, w, back)
	}
	assert.Equal(t, "saturday", string(Calendar{}.weekEnds()))
	assert.Equal(t, Saturday.Time().String(), "Saturday")
	assert.Equal(t, June.Time().String(), "June")
	_, err := Role("boss").MarshalText()
	assert.Error(t, err)
	var a Aggregation
	assert.ErrorContains(t, a.UnmarshalText([]byte("median")), "allowed: sum, mean, min, max, last, first, ratio, derived")
}
