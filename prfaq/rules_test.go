package prfaq

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var kebab = regexp.MustCompile(`^[a-z][a-z0-9]*(-[a-z0-9]+)*$`)

func TestRules(t *testing.T) {
	rs := Rules()
	seen := map[string]bool{}
	for _, r := range rs {
		assert.Regexp(t, kebab, r.ID)
		assert.False(t, seen[r.ID], "duplicate id %s", r.ID)
		seen[r.ID] = true
		assert.True(t, r.Severity.Valid(), r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Help, r.ID)
	}
	for _, r := range ruleTable {
		assert.True(t, seen[r.ID], "review rule %s is listed", r.ID)
	}
	for _, r := range validationRules {
		assert.True(t, seen[r.ID], "validation rule %s is listed", r.ID)
	}
	rs[0].ID = "changed"
	assert.Equal(t, RuleSyntax, Rules()[0].ID, "Rules returns a copy")
}

func TestProseRules(t *testing.T) {
	prose := ProseRules()
	require.Len(t, prose, nProse)
	ids := map[string]bool{}
	for _, r := range prose {
		ids[r.ID] = true
	}
	assert.True(t, ids[RuleWeaselWord] && ids[RuleTooManyFindings])
	assert.False(t, ids[RuleFutureTense], "future tense is judged only in a press release")
}

// TestEveryEmittedRuleIsListed runs every document and text the tests use
// through Parse, ParseMarkdown, Validate, Review and ReviewText and checks
// each rule id that comes out is listed by Rules and kebab-case.
func TestEveryEmittedRuleIsListed(t *testing.T) {
	listed := map[string]bool{}
	for _, r := range Rules() {
		listed[r.ID] = true
	}
	seen := map[string]bool{}
	problems := func(err error) {
		var ve *ValidationError
		if errors.As(err, &ve) {
			assert.Equal(t, "prfaq", ve.Kind)
			for _, p := range ve.Problems {
				seen[p.Rule] = true
			}
		}
	}
	files, _ := filepath.Glob("testdata/*/*")
	md, _ := filepath.Glob("testdata/markdown/*.md")
	files = append(append(files, md...), templatePath, mdTemplatePath, "testdata/memo.md")
	for _, name := range files {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		for _, fd := range ReviewText(string(data), ReviewOptions{}) {
			seen[fd.Rule] = true
		}
		var d *PRFAQ
		if strings.HasSuffix(name, ".md") {
			d, err = ParseMarkdown(data)
		} else {
			d, err = Parse(data)
		}
		problems(err)
		if d == nil {
			continue
		}
		problems(d.Validate())
		for _, fd := range Review(d, ReviewOptions{}) {
			seen[fd.Rule] = true
		}
	}
	_, err := Parse(nil)
	problems(err)
	_, err = Parse([]byte(strings.Repeat(" ", MaxBytes+1)))
	problems(err)
	problems((*PRFAQ)(nil).Validate())
	require.NotEmpty(t, seen)
	for id := range seen {
		assert.Regexp(t, kebab, id)
		assert.True(t, listed[id], "rule %q is emitted but not listed by Rules", id)
	}
}
