package wbr

import (
	"bytes"
	"os"
	"strings"
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

func TestParseReaderAndTooLarge(t *testing.T) {
	src, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	d, err := ParseReader(bytes.NewReader(src))
	require.NoError(t, err)
	assert.NotEmpty(t, d.Metrics)

	big := append([]byte("metrics: []\n#"), bytes.Repeat([]byte("x"), MaxBytes)...)
	for name, parse := range map[string]func([]byte) (*Deck, error){
		"Parse":       Parse,
		"ParseReader": func(b []byte) (*Deck, error) { return ParseReader(bytes.NewReader(b)) },
	} {
		_, err := parse(big)
		assert.ErrorIs(t, err, ErrTooLarge, name)
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, name)
		assert.Equal(t, kind, ve.Kind)
		assert.Equal(t, RuleTooLarge, ve.Problems[0].Rule)
	}
	// Data over a bound is the same ErrTooLarge.
	_, err = ReadCSV(strings.NewReader("date,metric,value\n2026-11-21,a," + strings.Repeat("1", MaxLineBytes) + "\n"))
	assert.ErrorIs(t, err, ErrTooLarge)
}

func TestParseErrorsAreValidationErrors(t *testing.T) {
	_, err := Parse([]byte("metrics:\n  - id: a\n    role: inptu\n    aggregation: sum\n    colour: red\n"))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, kind, ve.Kind)
	for _, p := range ve.Problems {
		assert.NotZero(t, p.Line, "%+v", p)
		assert.True(t, strings.HasPrefix(p.Path, "/metrics/0"), "%+v", p)
	}
}
