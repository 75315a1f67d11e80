package validation

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// TestRuneBoundsAsCounted: the shortcuts compare deciding a string's
// length from its bytes give what counting its runes gives, for ASCII,
// two-, three- and four-byte runes and bytes that are not UTF-8.
func TestRuneBoundsAsCounted(t *testing.T) {
	var texts []string
	for _, unit := range []string{"a", "é", "€", "😀", "\xff", "a😀"} {
		for n := range 12 {
			texts = append(texts, strings.Repeat(unit, n))
		}
	}
	for _, s := range texts {
		runes := int64(utf8.RuneCountInString(s))
		for bound := int64(0); bound <= 50; bound++ {
			for rel, want := range map[uint8]bool{
				relGE: runes >= bound, relGT: runes > bound, relLE: runes <= bound, relLT: runes < bound, relEQ: runes == bound,
			} {
				o := op{code: opCmp, cls: clsRunes, rel: rel, i: bound}
				assert.Equal(t, want, o.compare(reflect.ValueOf(s)), "%q rel %d bound %d", s, rel, bound)
			}
		}
	}
}
