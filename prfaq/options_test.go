package prfaq

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestResolve(t *testing.T) {
	c := ReviewOptions{}.resolve()
	assert.Equal(t, DefaultMaxSentenceWords, c.maxSentence)
	assert.Equal(t, DefaultMinReadingEase, c.minEase)
	assert.True(t, c.known["CEO"])
	for i := range c.on {
		assert.True(t, c.on[i], ruleTable[i].ID)
		assert.Equal(t, ruleTable[i].Severity, c.severity[i])
	}
	c = ReviewOptions{
		Disable:       []string{"no-such-rule", RuleHype},
		Severity:      map[string]Severity{RuleAdverb: Warning, RuleHype: "loud", "nope": Error},
		KnownAcronyms: []string{" wbr "},
		MaxGrade:      -1,
	}.resolve()
	assert.False(t, c.on[rHype])
	assert.Equal(t, Warning, c.severity[rAdverb])
	assert.Equal(t, ruleTable[rHype].Severity, c.severity[rHype], "an unknown severity is ignored")
	assert.True(t, c.known["WBR"])
	assert.True(t, c.known["CEO"], "the built-in list still applies")
	assert.False(t, builtinKnown["WBR"], "the built-in list is not changed")
	assert.Equal(t, -1.0, c.maxGrade)
}
