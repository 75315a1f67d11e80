package decision

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const base = `id: X-1
title: T
status: accepted
date: 2026-01-05
context: C
options:
  - name: A
  - name: B
chosen: A
areas: [technology]
reversibility:
  reversible: true
impact: 2
people:
  driver: Sam
`

func TestParseAcceptsJSONAndYAMLAlike(t *testing.T) {
	y, err := Parse([]byte(base))
	require.NoError(t, err)
	j, err := Parse([]byte(`{"id":"X-1","title":"T","status":"accepted","date":"2026-01-05","context":"C",
		"options":[{"name":"A"},{"name":"B"}],"chosen":"A","areas":["technology"],
		"reversibility":{"reversible":true},"impact":2,"people":{"driver":"Sam"}}`))
	require.NoError(t, err)
	assert.Equal(t, y, j)
	assert.NoError(t, y.Validate())
	assert.Equal(t, Date{Year: 2026, Month: 1, Day: 5}, y.Date)
}

// TestBadInput covers the bad-input list: each case names where and
// what went wrong.
func TestBadInput(t *testing.T) {
	for _, tc := range []struct {
		name  string
		doc   string
		parse bool // the error comes from Parse, not Validate
		want  []string
	}{
		{"malformed yaml", base + "people2: x\n  bad: [\n", true, []string{"line 17"}},
		{"malformed json", "{\"id\": \"X\",\n \"title\" \"T\"}", true, []string{"line 2"}},
		{"unknown key", base + "colour: blue\n", true, []string{`unknown key "colour"`, "line 16"}},
		{"wrong enum", strings.Replace(base, "status: accepted", "status: approved", 1), true,
			[]string{`unknown status "approved"`, "draft, proposed, accepted, rejected, deprecated, superseded", "/status"}},
		{"likelihood 0", base + "risks:\n  - description: r\n    likelihood: 0\n    impact: 3\n", false,
			[]string{"/risks/0/likelihood: must be at least 1, not 0"}},
		{"likelihood 6", base + "risks:\n  - description: r\n    likelihood: 6\n    impact: 3\n", false,
			[]string{"/risks/0/likelihood: must be at most 5, not 6"}},
		{"information 1.5", base + "information: 1.5\n", false, []string{"/information: must be at most 1, not 1.5"}},
		{"chosen not an option", strings.Replace(base, "chosen: A", "chosen: C", 1), false,
			[]string{`/chosen: "C" is not among the options ("A", "B")`}},
		{"undo time", strings.Replace(base, "reversible: true", "reversible: true\n  undoTime: 3 weeks", 1), true,
			[]string{"/reversibility/undoTime", "ISO 8601", "line 13"}},
		{"fractional impact", strings.Replace(base, "impact: 2", "impact: 2.5", 1), true, []string{"/impact", "whole number"}},
		{"null date", strings.Replace(base, "date: 2026-01-05", "date: null", 1), true, []string{"/date"}},
		{"infinite cost", base + "costOfFailure: .inf\n", true, []string{"not finite", "line 16"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Parse([]byte(tc.doc))
			if !tc.parse {
				require.NoError(t, err)
				err = d.Validate()
			}
			require.Error(t, err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			assert.True(t, strings.HasPrefix(err.Error(), "decision: "), err.Error())
		})
	}
}

func TestValidationErrorIsAs(t *testing.T) {
	d, err := Parse([]byte(strings.Replace(base, "chosen: A", "chosen: C", 1) + "information: 2\n"))
	require.NoError(t, err)
	err = d.Validate()
	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "decision", ve.Kind)
	assert.Equal(t, []Problem{
		{Path: "/chosen", Rule: "chosen-option", Message: `"C" is not among the options ("A", "B")`},
		{Path: "/information", Rule: "range", Message: "must be at most 1, not 2"},
	}, ve.Problems)
}

func TestOversizeRefused(t *testing.T) {
	big := base + "consequences: " + strings.Repeat("x", MaxBytes) + "\n"
	_, err := Parse([]byte(big))
	require.Error(t, err)
	assert.ErrorIs(t, err, strict.ErrTooLarge)
	_, err = ParsePolicy([]byte(big))
	assert.ErrorIs(t, err, strict.ErrTooLarge)
}

func TestNilDecision(t *testing.T) {
	var d *Decision
	for _, err := range []error{
		d.Validate(),
		func() error { _, err := Classify(nil, DefaultPolicy(), ReviewOptions{}); return err }(),
		Markdown(&strings.Builder{}, nil, nil),
	} {
		var ve *ValidationError
		require.ErrorAs(t, err, &ve)
		assert.Equal(t, KindDecision, ve.Kind)
		assert.Equal(t, RuleNil, ve.Problems[0].Rule)
	}
}

func TestCrossFieldRules(t *testing.T) {
	for _, tc := range []struct {
		name, from, to string
		path, rule     string
	}{
		{"duplicate option", "  - name: B", "  - name: A", "/options/1/name", RuleDuplicate},
		{"accepted without choice", "chosen: A\n", "", "/chosen", "chosen-required"},
		{"superseded without successor", "status: accepted", "status: superseded", "/links/supersededBy", "superseded-successor"},
		{"successor but accepted", "impact: 2", "impact: 2\nlinks:\n  supersededBy: X-2", "/status", "superseded-successor"},
		{"proposal supersedes", "status: accepted\n", "status: proposed\nlinks:\n  supersedes: [X-0]\n", "/links/supersedes", "supersede-status"},
		{"self link", "impact: 2", "impact: 2\nlinks:\n  amends: [X-0, X-1]", "/links/amends/1", "self-link"},
		{"self successor", "status: accepted", "status: superseded\nlinks:\n  supersededBy: X-1", "/links/supersededBy", "self-link"},
		{"review before date", "impact: 2", "impact: 2\nreviewBy: 2026-01-04", "/reviewBy", "review-after-date"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(base, tc.from, tc.to, 1)
			require.NotEqual(t, base, doc)
			d, err := Parse([]byte(doc))
			require.NoError(t, err)
			var ve *ValidationError
			require.ErrorAs(t, d.Validate(), &ve)
			assert.Contains(t, ve.Problems, Problem{Path: tc.path, Rule: tc.rule, Message: findMessage(ve.Problems, tc.path, tc.rule)})
			assert.NotEmpty(t, findMessage(ve.Problems, tc.path, tc.rule), "%v", ve)
		})
	}
}

func findMessage(ps []Problem, path, rule string) string {
	for _, p := range ps {
		if p.Path == path && p.Rule == rule {
			return p.Message
		}
	}
	return ""
}

func TestEnumsRefuseUnknownOnMarshal(t *testing.T) {
	_, err := Status("approved").MarshalText()
	assert.ErrorContains(t, err, "allowed: draft")
	_, err = Area("marketing").MarshalText()
	assert.ErrorContains(t, err, "allowed: customer-experience")
	_, err = Door("revolving").MarshalText()
	assert.ErrorContains(t, err, "allowed: one-way, two-way")
	var door Door
	require.NoError(t, door.UnmarshalText([]byte("two-way")))
	assert.Equal(t, TwoWay, door)
	assert.Error(t, door.UnmarshalText([]byte("both")))
	b, err := Accepted.MarshalText()
	require.NoError(t, err)
	assert.Equal(t, "accepted", string(b))
	assert.Len(t, Area("").Values(), 13)
}

func TestTemplateIsValid(t *testing.T) {
	data, d := loadTemplate(t)
	require.NoError(t, d.Validate())
	assert.True(t, strings.HasPrefix(string(data), "# yaml-language-server: $schema=../../decision/decision.schema.json\n"))
	assert.Equal(t, decisionOpts.ID(), d.Schema)
}

const templatePath = "../examples/templates/decision.yaml"

// loadTemplate returns the decision template's bytes and its parse.
func loadTemplate(t testing.TB) ([]byte, *Decision) {
	t.Helper()
	data, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	d, err := Parse(data)
	require.NoError(t, err)
	return data, d
}
