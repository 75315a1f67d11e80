package barraiser

import (
	"errors"
	"fmt"
	"os"
	"regexp"
	"sort"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// seen collects every rule id a test of this package meets in a Problem or
// a Finding; TestMain then checks that Rules lists each of them.
var seen sync.Map

// see records the rules of err's problems and of fs.
func see(err error, fs ...Finding) {
	var ve *ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			seen.Store(p.Rule, true)
		}
	}
	for _, f := range fs {
		seen.Store(f.Rule, true)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 {
		listed := map[string]bool{}
		for _, r := range Rules() {
			listed[r.ID] = true
		}
		var missing []string
		seen.Range(func(k, _ any) bool {
			if !listed[k.(string)] {
				missing = append(missing, k.(string))
			}
			return true
		})
		if len(missing) > 0 {
			sort.Strings(missing)
			fmt.Fprintf(os.Stderr, "FAIL: rule ids met in tests but not listed by Rules(): %v\n", missing)
			code = 1
		}
	}
	os.Exit(code)
}

var kebabCase = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

func TestRulesAreKebabCaseDocumentedAndUnique(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		assert.Regexp(t, kebabCase, r.ID)
		assert.False(t, ids[r.ID], "%s listed twice", r.ID)
		ids[r.ID] = true
		assert.True(t, r.Severity.Valid(), r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Help, r.ID)
	}
	for _, id := range []string{RuleRequired, RuleUnknownKey, RuleDuplicateID, RuleUnknownReference, RuleNil, RuleBlankText, RuleFeedbackAfterDebrief, RuleDecisionDiffers} {
		assert.True(t, ids[id], id)
	}
	for _, id := range []string{RuleBarRaiserVeto, RuleStrongNo, RuleRaisesBar} {
		assert.False(t, ids[id], "%s is a hire rule, not a Problem or Finding rule", id)
		assert.Regexp(t, kebabCase, id)
	}
	a, b := Rules(), Rules()
	a[0].ID = "changed"
	assert.NotEqual(t, a[0].ID, b[0].ID, "each call returns a fresh slice")
}

func TestRulesValidationAreErrorsReviewFollowsTable(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	l.Cohort = nil
	l.Feedback[0].Ratings[0].Evidence = "Good."
	fs := Review(l, ReviewOptions{})
	see(nil, fs...)
	byID := map[string]RuleInfo{}
	for _, r := range Rules() {
		byID[r.ID] = r
	}
	assert.NotEmpty(t, fs)
	for _, f := range fs {
		assert.Equal(t, byID[f.Rule].Severity, f.Severity, f.Rule)
		assert.Equal(t, byID[f.Rule].Help, f.Suggestion, f.Rule)
	}
}
