package prfaq

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRules(t *testing.T) {
	rs := Rules()
	assert.Len(t, rs, int(nRules))
	seen := map[string]bool{}
	for _, r := range rs {
		assert.NotEmpty(t, r.ID)
		assert.False(t, seen[r.ID], "duplicate id %s", r.ID)
		seen[r.ID] = true
		assert.True(t, r.Severity.Valid(), r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
	}
	rs[0].ID = "changed"
	assert.Equal(t, RuleWeaselWord, Rules()[0].ID, "Rules returns a copy")
}
