package decision

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorsAreValidationErrors holds every parser to the one error shape:
// a *ValidationError with its Kind, and ErrTooLarge reachable with
// errors.Is for input over MaxBytes.
func TestErrorsAreValidationErrors(t *testing.T) {
	big := bytes.Repeat([]byte("#"), MaxBytes+1)
	parsers := []struct {
		kind  string
		bytes func([]byte) error
		read  func(io.Reader) error
	}{
		{KindDecision, func(b []byte) error { _, err := Parse(b); return err }, func(r io.Reader) error { _, err := ParseReader(r); return err }},
		{KindPolicy, func(b []byte) error { _, err := ParsePolicy(b); return err }, func(r io.Reader) error { _, err := ParsePolicyReader(r); return err }},
		{KindDecision, func(b []byte) error { _, err := ParseMarkdown(b); return err }, nil},
	}
	for _, p := range parsers {
		for _, err := range []error{p.bytes(big), call(p.read, bytes.NewReader(big))} {
			if err == nil && p.read == nil {
				continue
			}
			assert.ErrorIs(t, err, ErrTooLarge)
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, p.kind, ve.Kind)
			assert.Equal(t, RuleTooLarge, ve.Problems[0].Rule)
		}
		for _, bad := range []string{"", "{", "id: [\n", "titel: x\n"} {
			err := p.bytes([]byte(bad))
			if p.read == nil { // Markdown reads these as text
				continue
			}
			var ve *ValidationError
			require.ErrorAs(t, err, &ve, "%q", bad)
			assert.Same(t, ve, err, "the error itself is the *ValidationError, not a wrapper")
			assert.Equal(t, p.kind, ve.Kind)
			assert.Positive(t, ve.Problems[0].Line, "%q: %v", bad, err)
		}
	}
}

func call(f func(io.Reader) error, r io.Reader) error {
	if f == nil {
		return nil
	}
	return f(r)
}

var kebab = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// TestRulesListEveryID collects every rule id the package reports on its
// test documents and templates and checks each is listed by Rules, with a
// constant-worthy kebab-case id, a summary and help.
func TestRulesListEveryID(t *testing.T) {
	listed := map[string]RuleInfo{}
	for _, r := range Rules() {
		assert.Regexp(t, kebab, r.ID)
		assert.NotContains(t, listed, r.ID, "listed twice")
		assert.True(t, r.Severity.Valid(), r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Help, r.ID)
		listed[r.ID] = r
	}
	seen := map[string]string{}
	note := func(err error, where string) {
		var ve *ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				seen[p.Rule] = where
			}
		}
	}
	files, _ := filepath.Glob("testdata/*/*")
	more, _ := filepath.Glob("testdata/*/*/*")
	md, _ := filepath.Glob("testdata/markdown/*/*")
	files = append(append(append(files, more...), md...), "../examples/templates/decision.yaml", "../examples/templates/decision.md", "../examples/templates/policy.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			continue
		}
		var d *Decision
		switch {
		case strings.HasSuffix(f, ".md"):
			d, err = ParseMarkdown(data)
		case strings.Contains(f, "policy"):
			p, err := ParsePolicy(data)
			note(err, f)
			if err == nil {
				note(p.Validate(), f)
			}
			continue
		default:
			d, err = Parse(data)
		}
		note(err, f)
		if err != nil {
			continue
		}
		note(d.Validate(), f)
		c, err := Classify(d, nil, ReviewOptions{})
		note(err, f)
		if err == nil {
			for _, fd := range c.Findings {
				seen[fd.Rule] = f
			}
		}
	}
	for _, tc := range logCases() {
		fs, err := tc.log.Check(today, ReviewOptions{})
		note(err, tc.name)
		for _, f := range fs {
			seen[f.Rule] = tc.name
		}
	}
	require.NotEmpty(t, seen)
	for id, where := range seen {
		assert.Contains(t, listed, id, "%s reported for %s is not in Rules()", id, where)
	}
}

// TestNearlyIrreversibleIsOneWay: the article's one-way doors are
// "irreversible or nearly irreversible"; DefaultPolicy makes a decision
// marked reversible one-way when undoing it takes a year or more or costs
// the affordable loss or more.
func TestNearlyIrreversibleIsOneWay(t *testing.T) {
	for _, tc := range []struct {
		name string
		edit func(*Reversibility)
		door Door
		rule string
	}{
		{"undo takes two years", func(r *Reversibility) { r.UndoTime = "P2Y" }, OneWay, RuleUndoTime},
		{"undo takes a year", func(r *Reversibility) { r.UndoTime = "P12M" }, OneWay, RuleUndoTime},
		{"undo takes 360 days", func(r *Reversibility) { r.UndoTime = "P360D" }, OneWay, RuleUndoTime},
		{"undo takes eleven months", func(r *Reversibility) { r.UndoTime = "P11M" }, TwoWay, RuleUndoTimeWithin},
		{"undo takes 359 days", func(r *Reversibility) { r.UndoTime = "P359D" }, TwoWay, RuleUndoTimeWithin},
		{"undo costs three million", func(r *Reversibility) { r.UndoCost = ptr(3e6) }, OneWay, RuleUndoCost},
		{"undo costs the affordable loss", func(r *Reversibility) { r.UndoCost = ptr(DefaultAffordableLoss) }, OneWay, RuleUndoCost},
		{"undo costs a little less", func(r *Reversibility) { r.UndoCost = ptr(999_999.0) }, TwoWay, RuleUndoCostWithin},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sample()
			tc.edit(d.Reversibility)
			require.True(t, *d.Reversibility.Reversible)
			c, err := Classify(d, DefaultPolicy(), ReviewOptions{})
			require.NoError(t, err)
			assert.Equal(t, tc.door, c.Door)
			if tc.door == OneWay {
				assert.Equal(t, tc.rule, c.Reasons[0].Rule, "the deciding reason comes first")
			}
			assert.True(t, c.Reasons[0].Deciding)
			assert.True(t, slices.ContainsFunc(c.Reasons, func(r Reason) bool { return r.Rule == tc.rule && r.Deciding }))
			if tc.door == OneWay {
				i := slices.IndexFunc(c.Reasons, func(r Reason) bool { return r.Rule == RuleReversible })
				require.Positive(t, i)
				assert.False(t, c.Reasons[i].Deciding, "being marked reversible was outweighed")
			}
		})
	}
}

func TestReviewOptions(t *testing.T) {
	d := sample()
	d.Areas = []Area{Legal}
	d.People.Approver = ""
	d.Risks = nil
	c, err := Classify(d, nil, ReviewOptions{})
	require.NoError(t, err)
	require.True(t, hasRule(c.Findings, RuleOneWayNoApprover))
	require.True(t, hasRule(c.Findings, RuleOneWayNoRiskMap))

	c, err = Classify(d, nil, ReviewOptions{
		Disable:  []string{RuleOneWayNoApprover},
		Severity: map[string]Severity{RuleOneWayNoRiskMap: Info},
	})
	require.NoError(t, err)
	assert.False(t, hasRule(c.Findings, RuleOneWayNoApprover))
	i := slices.IndexFunc(c.Findings, func(f Finding) bool { return f.Rule == RuleOneWayNoRiskMap })
	require.GreaterOrEqual(t, i, 0)
	assert.Equal(t, Info, c.Findings[i].Severity)

	l := NewLog(rec("A", Accepted, nil))
	l.Entries[0].Decision.ReviewBy = Date{Year: 2026, Month: 11, Day: 20}
	fs, err := l.Check(today, ReviewOptions{})
	require.NoError(t, err)
	require.Len(t, fs, 1, "a log of one record is reviewed too")
	assert.Equal(t, RuleReviewOverdue, fs[0].Rule)
	fs, err = l.Check(today, ReviewOptions{Disable: []string{RuleReviewOverdue}})
	require.NoError(t, err)
	assert.Empty(t, fs)
}
