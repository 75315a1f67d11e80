package decision

import (
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schematest"
)

// The hand-written matchers of the rules must accept exactly the language
// of the patterns the schema states.
func TestMatchersAgree(t *testing.T) {
	var bounds []string
	for _, n := range []int{9, 10, 11, 62, 63, 64, 65, 66} {
		bounds = append(bounds, strings.Repeat("a", n), "P"+strings.Repeat("1", n)+"D", "PT"+strings.Repeat("0", n)+"S", "P1Y"+strings.Repeat("2", n)+"M")
	}
	t.Run("id", func(t *testing.T) {
		schematest.MatcherAgrees(t, idPattern, validID, strings.Split("a Z 0 9 . _ - / é \n \xff", " "), 70, bounds...)
	})
	t.Run("currency", func(t *testing.T) {
		schematest.MatcherAgrees(t, currencyPattern, validCurrency, strings.Split("A Z a z 0 É \n", " "), 5)
	})
	t.Run("duration", func(t *testing.T) {
		schematest.MatcherAgrees(t, durPattern, validDuration, strings.Split("P T 0 9 Y M W D H S x \n", " "), 30,
			append(bounds, "P30D", "PT12H", "P1Y2M", "P2W", "P1Y2M3DT4H5M6S", "P1DT", "PT", "P", "P1W1D", "P1M1Y", "PT1H1H", "P1D\n", "P123456789Y123456789M123456789DT123456789H123456789M123456789S")...)
	})
}

// FuzzMatchers compares the matchers with their patterns on any text.
func FuzzMatchers(f *testing.F) {
	for _, s := range []string{"P1Y2M3DT4H5M6S", "P2W", "PT0S", "ADR-0001.x", "USD", "P1234567890D"} {
		f.Add(s)
	}
	id := schematest.FuzzMatcher(idPattern, validID)
	currency := schematest.FuzzMatcher(currencyPattern, validCurrency)
	duration := schematest.FuzzMatcher(durPattern, validDuration)
	f.Fuzz(func(t *testing.T, s string) {
		id(t, s)
		currency(t, s)
		duration(t, s)
	})
}
