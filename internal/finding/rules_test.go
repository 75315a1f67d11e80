package finding

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSharedRulesAreKebabCaseAndUnique(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, r := range SharedRules() {
		assert.Regexp(t, kebab, r.ID)
		assert.False(t, seen[r.ID], "%s listed twice", r.ID)
		seen[r.ID] = true
		assert.True(t, r.Severity.Valid(), r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Help, r.ID)
	}
}

func TestApplyDisablesAndOverrides(t *testing.T) {
	fs := []Finding{{Rule: "a", Severity: Info}, {Rule: "b", Severity: Info}, {Rule: "c", Severity: Warning}}
	got := Apply(fs, []string{"b"}, map[string]Severity{"c": Error, "a": "bogus"})
	assert.Equal(t, []Finding{{Rule: "a", Severity: Info}, {Rule: "c", Severity: Error}}, got)
	assert.Len(t, Apply([]Finding{{Rule: "a"}}, nil, nil), 1)
}
