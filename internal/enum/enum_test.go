package enum

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

type door string

func TestSet(t *testing.T) {
	s := Set[door]{"one-way", "two-way"}
	assert.True(t, s.Has("two-way"))
	assert.False(t, s.Has("revolving"))
	assert.Equal(t, []string{"one-way", "two-way"}, s.Strings())
	v, err := s.Parse("door", []byte("one-way"))
	assert.NoError(t, err)
	assert.Equal(t, door("one-way"), v)
	_, err = s.Parse("door", []byte("revolving"))
	assert.EqualError(t, err, `unknown door "revolving"; allowed: one-way, two-way`)
	_, err = s.Marshal("door", "revolving")
	assert.Error(t, err)
	b, err := s.Marshal("door", "two-way")
	assert.NoError(t, err)
	assert.Equal(t, "two-way", string(b))
}
