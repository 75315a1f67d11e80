package schematest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// MatcherAgrees checks that match, a hand-written matcher a validation
// rule uses in place of a regexp, accepts exactly the strings the rule's
// schema pattern accepts: on every string of up to five of the alphabet's
// pieces (characters that decide a match, and some that never match), on
// 20,000 random strings of up to maxLen pieces, and on the extra strings.
// It fails when no string matched, since the check would then prove
// nothing.
func MatcherAgrees(t *testing.T, pattern string, match func(string) bool, alphabet []string, maxLen int, extra ...string) {
	t.Helper()
	re := regexp.MustCompile(pattern)
	matched := 0
	check := func(s string) {
		t.Helper()
		got := match(s)
		if want := re.MatchString(s); got != want {
			t.Fatalf("the matcher says %v for %q, the pattern %s says %v", got, s, pattern, want)
		}
		if got {
			matched++
		}
	}
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		check(prefix)
		if n == 0 {
			return
		}
		for _, a := range alphabet {
			gen(prefix+a, n-1)
		}
	}
	gen("", 5)
	rng := rand.New(rand.NewPCG(uint64(len(pattern)), uint64(len(alphabet))))
	for range 20000 {
		var b strings.Builder
		for range rng.IntN(maxLen + 1) {
			b.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		check(b.String())
	}
	for _, s := range extra {
		check(s)
	}
	if matched == 0 {
		t.Fatalf("no string matched %s; the check proves nothing", pattern)
	}
}

// FuzzMatcher is the body of a fuzz target comparing match with pattern
// on any text.
func FuzzMatcher(pattern string, match func(string) bool) func(t *testing.T, s string) {
	re := regexp.MustCompile(pattern)
	return func(t *testing.T, s string) {
		if got, want := match(s), re.MatchString(s); got != want {
			t.Fatalf("the matcher says %v for %q, the pattern %s says %v", got, s, pattern, want)
		}
	}
}
