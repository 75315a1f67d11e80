package wbr

import (
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schematest"
)

// The hand-written matchers of the rules must accept exactly the language
// of the patterns the schema states.
func TestMatchersAgree(t *testing.T) {
	var bounds []string
	for _, n := range []int{62, 63, 64, 65, 126, 127, 128, 129} {
		bounds = append(bounds, strings.Repeat("a", n), "_"+strings.Repeat("Z", n))
	}
	t.Run("wbrid", func(t *testing.T) {
		schematest.MatcherAgrees(t, idPattern.String(), validMetricID, strings.Split("a z 0 9 _ - A . é \n", " "), 70, bounds...)
	})
	t.Run("envname", func(t *testing.T) {
		schematest.MatcherAgrees(t, envPattern.String(), validEnvName, strings.Split("a Z 0 9 _ - : é \n", " "), 140, bounds...)
	})
}

// FuzzMatchers compares the matchers with their patterns on any text.
func FuzzMatchers(f *testing.F) {
	for _, s := range []string{"revenue", "WBR_DSN", "9x", "a-b_c", "postgres://x"} {
		f.Add(s)
	}
	id := schematest.FuzzMatcher(idPattern.String(), validMetricID)
	env := schematest.FuzzMatcher(envPattern.String(), validEnvName)
	f.Fuzz(func(t *testing.T, s string) {
		id(t, s)
		env(t, s)
	})
}
