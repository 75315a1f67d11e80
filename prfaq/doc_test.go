package prfaq

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The table in the package documentation is the contract for rule ids: it
// must list every rule of the package's own (the shared ones are documented
// in the README), with its default severity, in the order of Rules.
func TestDocTableListsEveryRule(t *testing.T) {
	b, err := os.ReadFile("doc.go")
	require.NoError(t, err)
	row := regexp.MustCompile(`(?m)^//\t([a-z-]+)\s+(info|warning|error)\s`)
	var ids []string
	sev := map[string]string{}
	for _, m := range row.FindAllStringSubmatch(string(b), -1) {
		ids = append(ids, m[1])
		sev[m[1]] = m[2]
	}
	var want []string
	for _, r := range append(append([]RuleInfo(nil), validationRules...), ruleTable[:]...) {
		want = append(want, r.ID)
		assert.Equal(t, string(r.Severity), sev[r.ID], r.ID)
	}
	assert.Equal(t, want, ids)
	for _, id := range []string{"weasel-word", "hype", "hedging", "passive-voice", "adverb", "sentence-length",
		"undefined-acronym", "wordy-phrase", "repeated-word", "readability", "press-release-length", "faq-length"} {
		assert.Contains(t, want, id, "the issue's contract names this id")
	}
}
