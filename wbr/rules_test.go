package wbr

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seenRules are the rule ids this package's tests see in problems and
// findings; TestRulesListEveryRule checks each is listed.
var seenRules = map[string]bool{}

func TestRulesListEveryRule(t *testing.T) {
	kebab := regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)
	listed := map[string]bool{}
	for _, r := range Rules() {
		assert.Regexp(t, kebab, r.ID)
		assert.False(t, listed[r.ID], "%s listed twice", r.ID)
		listed[r.ID] = true
		assert.True(t, r.Severity.Valid(), r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Help, r.ID)
	}
	// Every rule the review and the report emit on the template, and every
	// rule of the invalid test decks.
	r := sampleReport(t)
	for _, f := range r.Findings() {
		seenRules[f.Rule] = true
	}
	d := smallDeck()
	d.Sections = nil
	for _, f := range Review(d, ReviewOptions{}) {
		seenRules[f.Rule] = true
	}
	files, err := filepath.Glob(filepath.Join("testdata", "invalid", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		d, err := Parse(b)
		if err == nil {
			err = d.Validate()
		}
		var ve *ValidationError
		require.ErrorAs(t, err, &ve, f)
		for _, p := range ve.Problems {
			seenRules[p.Rule] = true
		}
	}
	for id := range seenRules {
		assert.True(t, listed[id], "rule %q is emitted but not listed by Rules", id)
	}
	for _, id := range []string{RuleDuplicateID, RuleUnknownReference, RuleDuplicate, RuleCircular, RulePlanRange, RuleNil, RuleSource} {
		assert.True(t, listed[id], id)
	}
}

func TestReviewOptions(t *testing.T) {
	d := smallDeck()
	all := Review(d, ReviewOptions{})
	assert.NotEmpty(t, all)
	none := Review(d, ReviewOptions{Disable: []string{RuleNoSections, RuleNoPlan, RuleUnnamedMetric, RuleUnownedOutput, RuleInputsOutnumbered, RuleInputDrivesNone, RuleUnsectionedMetric}})
	assert.Empty(t, none)
	up := Review(d, ReviewOptions{Severity: map[string]Severity{RuleNoPlan: Error}})
	for _, f := range up {
		if f.Rule == RuleNoPlan {
			assert.Equal(t, Error, f.Severity)
		}
	}
}
