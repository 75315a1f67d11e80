package civil

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestDate(t *testing.T) {
	d, err := ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, Date{2024, time.February, 29}, d)
	assert.Equal(t, "2024-03-01", d.AddDays(1).String())
	assert.True(t, d.Before(d.AddDays(1)))
	assert.True(t, d.AddDays(1).After(d))

	for _, bad := range []string{"2023-02-29", "2024-13-01", "24-01-01", "2024-1-1", ""} {
		_, err := ParseDate(bad)
		assert.Error(t, err, bad)
	}

	b, err := json.Marshal(struct {
		D Date `json:"d"`
	}{d})
	require.NoError(t, err)
	assert.JSONEq(t, `{"d":"2024-02-29"}`, string(b))
	var back struct {
		D Date `json:"d"`
	}
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, d, back.D)
	_, err = Date{2023, time.February, 29}.MarshalText()
	assert.Error(t, err, "a day that does not exist is never written")
	assert.True(t, Date{}.IsZero())
}
