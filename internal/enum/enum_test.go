package enum

import (
	"strings"
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

func TestClosest(t *testing.T) {
	areas := []string{"customer-experience", "reputation", "legal", "security", "privacy", "other"}
	tests := []struct {
		in, want string
	}{
		{"customer-experiance", "customer-experience"}, // a slip
		{"Customer_Experience", "customer-experience"}, // case and separator
		{"customer", "customer-experience"},            // a prefix
		{"lgeal", "legal"},                             // neighbours swapped
		{"securty", "security"},
		{"finance", ""},
		{"x", ""},
		{"c", ""}, // one letter is one slip from any other
		{"", ""},
		{strings.Repeat("a", 1<<20), ""}, // huge values are dismissed by length
	}
	for _, tc := range tests {
		got, ok := Closest(tc.in, areas)
		assert.Equal(t, tc.want, got, tc.in)
		assert.Equal(t, tc.want != "", ok, tc.in)
	}
	assert.Equal(t, `; did you mean "title"?`, Hint("titel", []string{"id", "title", "tags"}))
	assert.Empty(t, Hint("+", []string{"positive"}))
}

func TestParseSuggests(t *testing.T) {
	s := Set[door]{"one-way", "two-way"}
	_, err := s.Parse("door", []byte(strings.Repeat("é", 1<<20)))
	assert.Less(t, len(err.Error()), 200, "a long value is clipped")
	_, err = s.Parse("door", []byte("one_way"))
	assert.EqualError(t, err, `unknown door "one_way"; did you mean "one-way"? allowed: one-way, two-way`)
}
