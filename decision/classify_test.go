package decision

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func ptr[T any](v T) *T { return &v }

// sample returns a valid accepted decision that variations change.
func sample() *Decision {
	return &Decision{
		ID: "T-1", Title: "t", Status: Accepted, Date: Date{Year: 2026, Month: 11, Day: 2},
		Context: "c", Options: []Option{{Name: "a"}, {Name: "b"}}, Chosen: "a",
		Areas:         []Area{Technology},
		Reversibility: &Reversibility{Reversible: ptr(true)},
		Impact:        2,
		People:        &People{Driver: "Dee", Approver: "Ann"},
		Risks:         []Risk{{Description: "r", Likelihood: 2, Impact: 2, Mitigation: "m", Owner: "o"}},
		Information:   ptr(0.7),
	}
}

type variant struct {
	name string
	edit func(d *Decision)
}

var variants = []variant{
	{"tech-reversible", func(d *Decision) {}},
	{"tech-irreversible-minor", func(d *Decision) { d.Reversibility.Reversible = ptr(false) }},
	{"tech-irreversible-major", func(d *Decision) { d.Reversibility.Reversible = ptr(false); d.Impact = 4 }},
	{"tech-irreversible-at-level", func(d *Decision) { d.Reversibility.Reversible = ptr(false); d.Impact = 3 }},
	{"pricing", func(d *Decision) { d.Areas = []Area{Pricing} }},
	{"customer-experience", func(d *Decision) { d.Areas = []Area{CustomerExperience} }},
	{"pricing-and-legal", func(d *Decision) { d.Areas = []Area{Pricing, Legal} }},
	{"privacy-and-pricing", func(d *Decision) { d.Areas = []Area{Privacy, Pricing} }},
	{"costly-slow-undo", func(d *Decision) {
		d.Areas = []Area{Operations}
		d.Reversibility.UndoCost, d.Reversibility.UndoTime = ptr(300000.0), "P6M"
	}},
	{"cheap-quick-undo", func(d *Decision) {
		d.Areas = []Area{Operations}
		d.Reversibility.UndoCost, d.Reversibility.UndoTime = ptr(1000.0), "PT4H"
	}},
	{"undo-cost-at-threshold", func(d *Decision) { d.Reversibility.UndoCost = ptr(250000.0) }},
	{"undo-time-at-threshold-months", func(d *Decision) { d.Reversibility.UndoTime = "P3M" }},
	{"undo-time-just-under", func(d *Decision) { d.Reversibility.UndoTime = "P12W" }},
}

// goldenPolicies are the article's policy and policies that move areas
// between the doors or set thresholds.
func goldenPolicies(t *testing.T) []struct {
	name string
	p    *Policy
} {
	cxTwoWay := DefaultPolicy()
	cxTwoWay.OneWayAreas = []Area{Reputation, Legal}
	cxTwoWay.TwoWayAreas = append(cxTwoWay.TwoWayAreas, CustomerExperience)
	out := []struct {
		name string
		p    *Policy
	}{{"article", DefaultPolicy()}, {"article-cx-two-way", cxTwoWay}}
	files, err := filepath.Glob("testdata/policy/valid/*")
	require.NoError(t, err)
	files = append(files, "../examples/templates/policy.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		p, err := ParsePolicy(data)
		require.NoError(t, err, f)
		name := strings.TrimSuffix(filepath.Base(f), filepath.Ext(f))
		if strings.Contains(f, "templates") {
			name = "template"
		}
		out = append(out, struct {
			name string
			p    *Policy
		}{name, p})
	}
	return out
}

func goldenDecisions(t *testing.T) []struct {
	name string
	d    *Decision
} {
	var out []struct {
		name string
		d    *Decision
	}
	for _, v := range variants {
		d := sample()
		v.edit(d)
		out = append(out, struct {
			name string
			d    *Decision
		}{v.name, d})
	}
	files, err := filepath.Glob("testdata/valid/*")
	require.NoError(t, err)
	files = append(files, "../examples/templates/decision.yaml")
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		d, err := Parse(data)
		require.NoError(t, err, f)
		out = append(out, struct {
			name string
			d    *Decision
		}{"file:" + filepath.Base(f), d})
	}
	return out
}

// TestClassificationTable is the golden table of doors, reasons and
// findings for every decision under every policy.
func TestClassificationTable(t *testing.T) {
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "policy\tdecision\tdoor\treasons\tfindings")
	for _, p := range goldenPolicies(t) {
		for _, d := range goldenDecisions(t) {
			c, err := Classify(d.d, p.p, ReviewOptions{})
			require.NoError(t, err, "%s under %s", d.name, p.name)
			var rs, fs []string
			for _, r := range c.Reasons {
				rs = append(rs, fmt.Sprintf("%s:%s@%s", r.Door, r.Rule, r.Path))
			}
			for _, f := range c.Findings {
				fs = append(fs, fmt.Sprintf("%s:%s", f.Severity, f.Rule))
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", p.name, d.name, c.Door, strings.Join(rs, " "), strings.Join(fs, " "))
		}
	}
	require.NoError(t, tw.Flush())
	golden(t, "testdata/classify.golden", buf.Bytes())
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test -update to create %s", path)
	assert.Equal(t, string(want), string(got), "%s differs; run go test -update if the change is intended", path)
}

// TestPoliciesMoveAreas checks, independently of the golden file, that
// moving an area between the policy's lists moves the decision's door.
func TestPoliciesMoveAreas(t *testing.T) {
	cx := sample()
	cx.Areas = []Area{CustomerExperience}
	pricing := sample()
	pricing.Areas = []Area{Pricing}

	def := DefaultPolicy()
	moved := DefaultPolicy()
	moved.OneWayAreas = []Area{Reputation, Legal, Pricing}
	moved.TwoWayAreas = []Area{CustomerExperience, BusinessPractice}

	for _, tc := range []struct {
		name string
		d    *Decision
		p    *Policy
		door Door
		rule string
	}{
		{"cx under the article", cx, def, OneWay, RuleOneWayArea},
		{"cx moved to two-way", cx, moved, TwoWay, RuleTwoWayArea},
		{"pricing under the article", pricing, def, TwoWay, RuleTwoWayArea},
		{"pricing moved to one-way", pricing, moved, OneWay, RuleOneWayArea},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Classify(tc.d, tc.p, ReviewOptions{})
			require.NoError(t, err)
			assert.Equal(t, tc.door, c.Door)
			require.NotEmpty(t, c.Reasons)
			assert.Equal(t, Reason{Rule: tc.rule, Door: tc.door, Deciding: true, Path: "/areas/0", Message: c.Reasons[0].Message}, c.Reasons[0])
			assert.Contains(t, c.Reasons[0].Message, string(tc.d.Areas[0]))
		})
	}
}

func TestThresholds(t *testing.T) {
	p := DefaultPolicy()
	p.OneWayWhen = &Thresholds{ImpactAtLeast: 4, UndoCostAtLeast: ptr(1000.0), UndoTimeAtLeast: "P1M"}
	for _, tc := range []struct {
		name string
		edit func(*Decision)
		door Door
		want []string
	}{
		{"reversible", func(*Decision) {}, TwoWay, []string{RuleReversible}},
		{"irreversible below level", func(d *Decision) { d.Reversibility.Reversible = ptr(false); d.Impact = 3 }, TwoWay, []string{RuleIrreversibleMinor}},
		{"irreversible at level", func(d *Decision) { d.Reversibility.Reversible = ptr(false); d.Impact = 4 }, OneWay, []string{RuleIrreversible}},
		{"undo cost at", func(d *Decision) { d.Reversibility.UndoCost = ptr(1000.0) }, OneWay, []string{RuleUndoCost, RuleReversible}},
		{"undo cost under", func(d *Decision) { d.Reversibility.UndoCost = ptr(999.99) }, TwoWay, []string{RuleReversible, RuleUndoCostWithin}},
		{"undo time 30 days is a month", func(d *Decision) { d.Reversibility.UndoTime = "P30D" }, OneWay, []string{RuleUndoTime, RuleReversible}},
		{"undo time 719 hours", func(d *Decision) { d.Reversibility.UndoTime = "PT719H" }, TwoWay, []string{RuleReversible, RuleUndoTimeWithin}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sample()
			tc.edit(d)
			c, err := Classify(d, p, ReviewOptions{})
			require.NoError(t, err)
			assert.Equal(t, tc.door, c.Door)
			var got []string
			for _, r := range c.Reasons {
				got = append(got, r.Rule)
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestProcessFollowsTheDoor(t *testing.T) {
	p := DefaultPolicy()
	d := sample()
	c, err := Classify(d, p, ReviewOptions{})
	require.NoError(t, err)
	require.Equal(t, TwoWay, c.Door)
	assert.Equal(t, 0.7, c.Process.Information)
	assert.Equal(t, 5, c.Process.MaxGroup)
	assert.Contains(t, c.Process.Deliberation, "70%")
	assert.Contains(t, c.Process.DisagreeAndCommit, "disagree and commit")

	d.Areas = []Area{Legal}
	c, err = Classify(d, p, ReviewOptions{})
	require.NoError(t, err)
	require.Equal(t, OneWay, c.Door)
	assert.Equal(t, 0.9, c.Process.Information)
	assert.Zero(t, c.Process.MaxGroup)
	assert.Contains(t, c.Process.Deliberation, "slow")
}

func TestFindings(t *testing.T) {
	p := DefaultPolicy()
	p.AffordableLoss = ptr(10000.0)
	for _, tc := range []struct {
		name string
		edit func(*Decision)
		rule string
		path string
		sev  Severity
	}{
		{"one-way without approver", func(d *Decision) { d.Areas = []Area{Legal}; d.People.Approver = "" }, RuleOneWayNoApprover, "/people/approver", Error},
		{"one-way without risks", func(d *Decision) { d.Areas = []Area{Legal}; d.Risks = nil }, RuleOneWayNoRiskMap, "/risks", Error},
		{"one-way underinformed", func(d *Decision) { d.Areas = []Area{Legal}; d.Status = Proposed }, RuleOneWayUnderinformed, "/information", Warning},
		{"two-way stalled", func(d *Decision) { d.Information = ptr(0.95); d.Status = Proposed }, RuleTwoWayStalled, "/information", Warning},
		{"two-way crowd", func(d *Decision) { d.People.Contributors = []string{"a", "b", "c", "d"} }, RuleTwoWayGroupTooLarge, "/people", Warning},
		{"two-way no risks", func(d *Decision) { d.Risks = nil }, RuleTwoWayNoRiskMap, "/risks", Info},
		{"cost beyond affordable", func(d *Decision) { d.CostOfFailure = ptr(10000.01) }, RuleCostBeyondAffordable, "/costOfFailure", Error},
		{"cost unstated", func(d *Decision) { d.CostOfFailure = nil }, RuleCostOfFailureUnstated, "/costOfFailure", Info},
		{"information unstated", func(d *Decision) { d.Information = nil }, RuleInformationUnstated, "/information", Info},
		{"high risk unmitigated", func(d *Decision) { d.Risks = append(d.Risks, Risk{Description: "x", Likelihood: 3, Impact: 4}) }, RuleRiskUnmitigated, "/risks/1/mitigation", Warning},
		{"high risk unowned", func(d *Decision) { d.Risks = append(d.Risks, Risk{Description: "x", Likelihood: 4, Impact: 3}) }, RuleRiskNoOwner, "/risks/1/owner", Info},
		{"uncommitted dissent", func(d *Decision) {
			d.People.Dissent = []Dissent{{Person: "Kim", Committed: ptr(true)}, {Person: "Lee", Committed: ptr(false)}}
		}, RuleDissentUncommitted, "/people/dissent/1/committed", Warning},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := sample()
			d.CostOfFailure = ptr(100.0)
			before, err := Classify(d, p, ReviewOptions{})
			require.NoError(t, err)
			require.False(t, hasRule(before.Findings, tc.rule), "the sample already has %s", tc.rule)
			tc.edit(d)
			c, err := Classify(d, p, ReviewOptions{})
			require.NoError(t, err)
			i := slices.IndexFunc(c.Findings, func(f Finding) bool { return f.Rule == tc.rule })
			require.GreaterOrEqual(t, i, 0, "no %s in %v", tc.rule, c.Findings)
			assert.Equal(t, tc.path, c.Findings[i].Path)
			assert.Equal(t, tc.sev, c.Findings[i].Severity)
			assert.NotEmpty(t, c.Findings[i].Message)
			assert.NotEmpty(t, c.Findings[i].Suggestion)
		})
	}
}

func TestFindingsOnlyForOpenDecisions(t *testing.T) {
	p := DefaultPolicy()
	p.AffordableLoss = ptr(10.0)
	d := sample()
	d.CostOfFailure = ptr(100.0)
	d.Information = ptr(0.99)
	d.People.Dissent = []Dissent{{Person: "Lee", Committed: ptr(false)}}
	c, err := Classify(d, p, ReviewOptions{})
	require.NoError(t, err)
	assert.True(t, hasRule(c.Findings, RuleCostBeyondAffordable))
	assert.True(t, hasRule(c.Findings, RuleTwoWayStalled))
	assert.True(t, hasRule(c.Findings, RuleDissentUncommitted))
	d.Status = Rejected
	c, err = Classify(d, p, ReviewOptions{})
	require.NoError(t, err)
	assert.False(t, hasRule(c.Findings, RuleCostBeyondAffordable))
	assert.False(t, hasRule(c.Findings, RuleTwoWayStalled))
	assert.False(t, hasRule(c.Findings, RuleDissentUncommitted))
}

func hasRule(fs []Finding, rule string) bool {
	return slices.ContainsFunc(fs, func(f Finding) bool { return f.Rule == rule })
}

func TestClassifyRefusesInvalidInput(t *testing.T) {
	d := sample()
	d.Impact = 9
	_, err := Classify(d, DefaultPolicy(), ReviewOptions{})
	assert.ErrorIs(t, err, ErrInvalidDecision)
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "/impact", ve.Problems[0].Path)

	p := DefaultPolicy()
	p.Information = nil
	_, err = Classify(sample(), p, ReviewOptions{})
	assert.ErrorIs(t, err, ErrInvalidPolicy)
	p = DefaultPolicy()
	p.OneWayWhen = nil
	_, err = Classify(sample(), p, ReviewOptions{})
	assert.ErrorIs(t, err, ErrInvalidPolicy)
}

func TestPercentReadsWell(t *testing.T) {
	assert.Equal(t, "70%", percent(0.7))
	assert.Equal(t, "85%", percent(0.85))
	assert.Equal(t, "12.5%", percent(0.125))
}
