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

	for in, want := range map[string]string{
		"2023-02-29": `invalid date "2023-02-29": February 2023 has 28 days; write a day that exists as YYYY-MM-DD`,
		"2026-04-31": `invalid date "2026-04-31": April 2026 has 30 days; write a day that exists as YYYY-MM-DD`,
		"2026-00-10": `invalid date "2026-00-10": there is no month 0; write a day that exists as YYYY-MM-DD`,
		"10/03/2026": `invalid date "10/03/2026"; write YYYY-MM-DD, such as 2026-03-10`,
		"2026-3-10":  `invalid date "2026-3-10"; write YYYY-MM-DD, such as 2026-03-10`,
	} {
		_, err := ParseDate(in)
		assert.EqualError(t, err, want)
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
