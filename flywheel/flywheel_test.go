package flywheel

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnumsRefuseUnknownValues(t *testing.T) {
	var k Kind
	assert.ErrorContains(t, k.UnmarshalText([]byte("flow")), "allowed: variable, stock, lever")
	require.NoError(t, k.UnmarshalText([]byte("lever")))
	assert.Equal(t, Lever, k)
	var s Sign
	assert.ErrorContains(t, s.UnmarshalText([]byte("plus")), "allowed: +, -")
	require.NoError(t, s.UnmarshalText([]byte("-")))
	assert.Equal(t, Negative, s)
	var p Polarity
	assert.Error(t, p.UnmarshalText([]byte("neutral")))
	require.NoError(t, p.UnmarshalText([]byte("balancing")))
	assert.Equal(t, Balancing, p)

	for _, v := range []interface{ MarshalText() ([]byte, error) }{Kind("x"), Sign("x"), Polarity("x")} {
		_, err := v.MarshalText()
		assert.Error(t, err, "%T", v)
	}
	assert.Equal(t, []string{"variable", "stock", "lever"}, Kind("").Values())
	assert.Equal(t, []string{"+", "-"}, Sign("").Values())
	assert.Equal(t, []string{"reinforcing", "balancing"}, Polarity("").Values())
	assert.True(t, Reinforcing.Valid())
	assert.False(t, Sign("").Valid())
}

func TestLinkWeights(t *testing.T) {
	zero, two := 0.0, 2.0
	assert.Equal(t, 1.0, Link{}.W(), "absent weight is 1")
	assert.Equal(t, 0.0, Link{Weight: &zero}.W(), "zero is a real weight")
	assert.Equal(t, -2.0, Link{Weight: &two, Polarity: Negative}.Signed())
	assert.Equal(t, 2.0, Link{Weight: &two, Polarity: Positive}.Signed())
	assert.Equal(t, "id", Node{ID: "id"}.Name())
	assert.Equal(t, "Label", Node{ID: "id", Label: "Label"}.Name())
}

func TestLoopJSON(t *testing.T) {
	loops, err := ring(2, 1.5).Loops(LoopOptions{})
	require.NoError(t, err)
	b, err := json.Marshal(loops[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"R1","nodes":["n0","n1"],"links":[0,1],"polarity":"reinforcing","gain":2.25,"rate":1.5,"delay":0}`, string(b))
}
