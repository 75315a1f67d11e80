package finding

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSeverityAndSort(t *testing.T) {
	assert.Less(t, Info.Rank(), Warning.Rank())
	assert.Less(t, Warning.Rank(), Error.Rank())
	assert.Zero(t, Severity("fatal").Rank())
	var s Severity
	assert.Error(t, s.UnmarshalText([]byte("fatal")))
	assert.NoError(t, s.UnmarshalText([]byte("warning")))
	assert.Equal(t, Warning, s)

	fs := []Finding{
		{Rule: "b", Path: "/x", Start: 5},
		{Rule: "a", Path: "/x", Start: 5},
		{Rule: "z", Path: "/a", Start: 9},
		{Rule: "c", Path: "/x", Start: 1},
		{Rule: "n", Path: "/m/10"},
		{Rule: "n", Path: "/m/4"},
	}
	Sort(fs)
	var got []string
	for _, f := range fs {
		got = append(got, f.Path+f.Rule)
	}
	assert.Equal(t, []string{"/az", "/m/4n", "/m/10n", "/xc", "/xa", "/xb"}, got)
}
