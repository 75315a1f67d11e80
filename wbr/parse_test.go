package wbr

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseErrorsSayWhere(t *testing.T) {
	_, err := Parse([]byte("metrics:\n  - id: a\n    role: input\n    aggregation: average\n"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "wbr: line 4")
	assert.Contains(t, err.Error(), "/metrics/0/aggregation")
	assert.Contains(t, err.Error(), "allowed: sum, mean, min, max, last, first, ratio, derived")

	_, err = Parse([]byte(`{"metrics": [], "colour": 1}`))
	assert.ErrorContains(t, err, "colour")
	_, err = Parse(nil)
	assert.Error(t, err)
}
