package barraiser

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLeadershipPrinciples(t *testing.T) {
	ps := LeadershipPrinciples()
	// Amazon lists sixteen principles; "Have Backbone; Disagree and Commit"
	// is one of them, and the two added in 2021 close the list.
	assert.Len(t, ps, 16)
	assert.Equal(t, "Customer Obsession", ps[0])
	assert.Contains(t, ps, "Have Backbone; Disagree and Commit")
	assert.Contains(t, ps, "Are Right, A Lot")
	assert.Equal(t, []string{"Strive to be Earth's Best Employer", "Success and Scale Bring Broad Responsibility"}, ps[14:])
	seen := map[string]bool{}
	for _, p := range ps {
		assert.False(t, seen[p], "duplicate %q", p)
		seen[p] = true
	}
	ps[0] = "changed"
	assert.Equal(t, "Customer Obsession", LeadershipPrinciples()[0], "callers get a copy")
}

func TestPrincipleList(t *testing.T) {
	var l Loop
	assert.Equal(t, LeadershipPrinciples(), l.PrincipleList())
	l.Principles = []string{"Own It"}
	got := l.PrincipleList()
	assert.Equal(t, []string{"Own It"}, got)
	got[0] = "x"
	assert.Equal(t, "Own It", l.Principles[0])
	var nl *Loop
	assert.Len(t, nl.PrincipleList(), 16)
}
