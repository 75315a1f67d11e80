package enum

import "strings"

// Closest returns the entry of allowed that v was most likely meant to be,
// for a "did you mean" hint, and false when none is close enough to be worth
// suggesting. A candidate is close when it matches v ignoring case and the
// separators '-', '_' and ' ' ("Customer_Experience"), when one starts with
// the other ("cust" for "customer-experience", at least three letters), or
// when it is a few typing slips away (at most one edit for words of up to
// four letters, two up to eight, three beyond; a swap of neighbours is one
// edit; words under three letters need an exact match, since any one-letter
// value is one slip from every other). Ties go to the earlier entry, so the answer is deterministic.
func Closest(v string, allowed []string) (string, bool) {
	nv := fold(v)
	if nv == "" {
		return "", false
	}
	best, bestD := "", -1
	for _, a := range allowed {
		na := fold(a)
		if na == "" {
			continue
		}
		if na == nv {
			return a, true
		}
		d := -1
		if len(nv) >= 3 && (strings.HasPrefix(na, nv) || strings.HasPrefix(nv, na) && len(na) >= 3) {
			d = 1
		}
		limit := slips(max(len(nv), len(na)))
		// Strings whose lengths differ by more than the limit cannot be
		// within it; skipping them also keeps a huge value cheap.
		if d < 0 && min(len(nv), len(na)) >= 3 && abs(len(nv)-len(na)) <= limit {
			if e := distance(nv, na); e <= limit {
				d = e
			}
		}
		if d >= 0 && (bestD < 0 || d < bestD) {
			best, bestD = a, d
		}
	}
	return best, bestD >= 0
}

// Hint is "; did you mean \"x\"?" for the entry of allowed closest to v, or
// "" when none is close; messages append it after naming the bad value.
func Hint(v string, allowed []string) string {
	if s, ok := Closest(v, allowed); ok {
		return "; did you mean \"" + s + "\"?"
	}
	return ""
}

func slips(n int) int {
	switch {
	case n <= 4:
		return 1
	case n <= 8:
		return 2
	}
	return 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// fold lower-cases s and drops the separators people swap for each other.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		switch r {
		case '-', '_', ' ':
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// distance is the optimal string alignment distance between a and b, in
// bytes: insertions, deletions, substitutions and swaps of neighbours.
func distance(a, b string) int {
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}
