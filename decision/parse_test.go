package decision

import (
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestJSONRoundTrip(t *testing.T) {
	_, d := loadTemplate(t)
	j, err := json.Marshal(d)
	require.NoError(t, err)
	assert.Contains(t, string(j), `"reviewBy":"2027-02-20"`)
	back, err := Parse(j)
	require.NoError(t, err)
	assert.Equal(t, d, back)

	// An unset review date is left out, not written as "".
	d.ReviewBy = Date{}
	j, err = json.Marshal(d)
	require.NoError(t, err)
	assert.NotContains(t, string(j), "reviewBy")
}

// endless is a reader that never ends; ParseReader must stop on its own.
type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '#'
	}
	e.n += len(p)
	return len(p), nil
}

func TestParseReaderBounded(t *testing.T) {
	r := &endless{}
	_, err := ParseReader(r)
	assert.ErrorIs(t, err, strict.ErrTooLarge)
	assert.LessOrEqual(t, r.n, MaxBytes+64*1024, "read far past the limit")
	_, err = ParsePolicyReader(&endless{})
	assert.ErrorIs(t, err, strict.ErrTooLarge)

	d, err := ParseReader(strings.NewReader(base))
	require.NoError(t, err)
	assert.Equal(t, "X-1", d.ID)
	p, err := ParsePolicyReader(io.MultiReader(strings.NewReader("currency: EUR\n")))
	require.NoError(t, err)
	assert.Equal(t, "EUR", p.Currency)
}

func TestPlace(t *testing.T) {
	data, d := loadTemplate(t)
	c, err := Classify(d, DefaultPolicy(), ReviewOptions{})
	require.NoError(t, err)
	require.NotEmpty(t, c.Findings)
	Place(data, c.Findings)
	lines := strings.Split(string(data), "\n")
	for _, f := range c.Findings {
		require.Positive(t, f.Line, f.Rule)
		key := f.Path[strings.LastIndexByte(f.Path, '/')+1:]
		assert.Contains(t, lines[f.Line-1], key+":", "%s placed on %q", f.Path, lines[f.Line-1])
	}
}
