// Package enum gives the string enums of every mechanism one behaviour:
// membership, text parsing that names the allowed values, and the value list
// the schema generator publishes.
package enum

import (
	"fmt"
	"strings"
)

// Set lists an enum's values in the order they are documented.
type Set[T ~string] []T

// Has reports whether v is one of the values.
func (s Set[T]) Has(v T) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Strings returns the values as plain strings, in order.
func (s Set[T]) Strings() []string {
	out := make([]string, len(s))
	for i, v := range s {
		out[i] = string(v)
	}
	return out
}

// Parse returns text as a T, or an error naming what (a field's name, such
// as "status"), suggesting the allowed value text was most likely meant to
// be (see Closest) and listing the allowed values:
//
//	unknown area "customer-experiance"; did you mean "customer-experience"? allowed: customer-experience, ...
func (s Set[T]) Parse(what string, text []byte) (T, error) {
	for _, x := range s {
		if string(x) == string(text) {
			return x, nil // the member itself: no copy of text to allocate
		}
	}
	return "", s.unknown(what, string(text))
}

func (s Set[T]) unknown(what, v string) error {
	allowed := s.Strings()
	hint := Hint(v, allowed)
	if len(v) > 40 { // a pasted paragraph is not repeated whole
		cut := 40
		for cut > 0 && v[cut]&0xC0 == 0x80 {
			cut--
		}
		v = v[:cut] + "…"
	}
	if hint != "" {
		return fmt.Errorf("unknown %s %q%s allowed: %s", what, v, hint, strings.Join(allowed, ", "))
	}
	return fmt.Errorf("unknown %s %q; allowed: %s", what, v, strings.Join(allowed, ", "))
}

// Marshal returns v as text, refusing a value outside the set so that an
// invalid document is never written.
func (s Set[T]) Marshal(what string, v T) ([]byte, error) {
	if !s.Has(v) {
		return nil, s.unknown(what, string(v))
	}
	return []byte(v), nil
}

// Valuer is implemented by every enum type: Values lists the allowed values.
// The schema generator and the validator read enums through it.
type Valuer interface {
	Values() []string
}
