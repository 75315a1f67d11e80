package validation

import (
	"fmt"
	"testing"

	"github.com/go-playground/validator/v10"
	"github.com/stretchr/testify/assert"
)

type uniqueCases struct {
	Strings []string          `validate:"unique"`
	Named   []level           `validate:"unique"`
	Ints    []int             `validate:"unique"`
	Ptrs    []*string         `validate:"unique"`
	ByID    []item            `validate:"unique=ID"`
	Map     map[string]string `validate:"unique"`
}

type level string

type item struct{ ID string }

// TestUniqueAsTheValidator: the "unique" registered here gives the
// validator's own answer on each kind of list.
func TestUniqueAsTheValidator(t *testing.T) {
	long := func(dup bool) []string {
		var s []string
		for i := range 40 {
			s = append(s, fmt.Sprint(i))
		}
		if dup {
			s[39] = "3"
		}
		return s
	}
	a, b := "a", "a"
	cases := []uniqueCases{
		{},
		{Strings: []string{"a", "b", "c"}},
		{Strings: []string{"a", "b", "a"}},
		{Strings: []string{"", ""}},
		{Strings: long(false)},
		{Strings: long(true)},
		{Named: []level{"x", "y", "x"}},
		{Ints: []int{1, 2, 1}},
		{Ints: []int{1, 2, 3}},
		{Ptrs: []*string{&a, &b}},
		{Ptrs: []*string{&a, nil}},
		{Ptrs: []*string{nil, nil}},
		{ByID: []item{{"a"}, {"b"}}},
		{ByID: []item{{"a"}, {"a"}}},
		{Map: map[string]string{"x": "1", "y": "1"}},
		{Map: map[string]string{"x": "1", "y": "2"}},
	}
	builtin := validator.New()
	for i, c := range cases {
		want := builtin.Struct(&c) == nil
		got := Struct(&c) == nil
		assert.Equal(t, want, got, "case %d: %+v", i, c)
	}
}
