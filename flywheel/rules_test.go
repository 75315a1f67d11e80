package flywheel

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// seen records every rule id a test of this package meets in a Problem or
// a Finding (through problems, rules and ruleIDs), so TestMain can prove
// that Rules lists each one.
var seen sync.Map

func see(id string) { seen.Store(id, true) }

// ruleIDs records and returns the rule ids of an error from Parse or
// Validate.
func ruleIDs(err error) []string {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out []string
	for _, p := range ve.Problems {
		see(p.Rule)
		out = append(out, p.Rule)
	}
	return out
}

var kebab = regexp.MustCompile(`^[a-z]+(-[a-z]+)*$`)

// TestMain runs the tests, then fails the run when a rule id that any test
// met is not listed by Rules or is not kebab-case.
func TestMain(m *testing.M) {
	code := m.Run()
	listed := map[string]bool{}
	for _, r := range Rules() {
		listed[r.ID] = true
	}
	var bad []string
	seen.Range(func(k, _ any) bool {
		if id := k.(string); !listed[id] || !kebab.MatchString(id) {
			bad = append(bad, id)
		}
		return true
	})
	if len(bad) > 0 {
		sort.Strings(bad)
		fmt.Fprintf(os.Stderr, "rule ids met in tests but not listed by Rules, or not kebab-case: %s\n", strings.Join(bad, ", "))
		code = 1
	}
	os.Exit(code)
}

func TestRulesListEveryRuleOnce(t *testing.T) {
	ids := map[string]bool{}
	for _, r := range Rules() {
		assert.False(t, ids[r.ID], "%s listed twice", r.ID)
		ids[r.ID] = true
		assert.Regexp(t, kebab, r.ID)
		assert.True(t, r.Severity.Valid(), r.ID)
		assert.NotEmpty(t, r.Summary, r.ID)
		assert.NotEmpty(t, r.Help, r.ID)
	}
	for _, id := range []string{RuleSyntax, RuleUnknownKey, RuleRequired, RuleRange, RuleTooManyItems, RuleDuplicateID,
		RuleUnknownReference, RuleNil, RuleSelfLink, RuleDuplicateLink, RuleFinite, RuleNoReinforcingLoop, RuleNotOnWheel,
		RuleTooManyComponents, RuleBalancingDominates, RuleWeakestLink, RuleSpinsDown, RuleOscillates, RuleLoopsTruncated,
		RuleLeverageSkipped, RuleGraphTooLarge} {
		assert.True(t, ids[id], id)
	}
}

func TestParseTooLarge(t *testing.T) {
	big := "name: big\ndescription: " + strings.Repeat("x", 9<<20) + "\n"
	_, err := Parse([]byte(big))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []string{RuleTooLarge}, ruleIDs(err))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "flywheel", ve.Kind)

	_, err = ParseReader(strings.NewReader(big))
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Equal(t, []string{RuleTooLarge}, ruleIDs(err))
	assert.NotErrorIs(t, err, ErrGraphTooLarge, "two different limits")
}

func TestParseReaderReadsTheTemplate(t *testing.T) {
	file, err := os.Open(templatePath)
	require.NoError(t, err)
	defer file.Close()
	f, err := ParseReader(file)
	require.NoError(t, err)
	assert.NoError(t, f.Validate())
}

func TestParseErrorsHaveKind(t *testing.T) {
	_, err := Parse([]byte("name: x\nnodes: [{id: a, size: 3}]\nlinks: []\ncolour: red\n"))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "flywheel", ve.Kind)
	assert.Contains(t, ruleIDs(err), RuleUnknownKey)
	for _, p := range ve.Problems {
		assert.NotZero(t, p.Line, p.Path)
	}
}

func TestValidateNil(t *testing.T) {
	var f *Flywheel
	var err error
	require.NotPanics(t, func() { err = f.Validate() })
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, "flywheel", ve.Kind)
	assert.Equal(t, []string{RuleNil}, ruleIDs(err))
}

func TestReviewOptions(t *testing.T) {
	f := ring(7, 0.9)
	all := rules(f.Review(ReviewOptions{}))
	assert.Equal(t, []string{"info spins-down /links", "info weakest-link /links/0", "warning too-many-components /nodes"}, all)
	got := rules(f.Review(ReviewOptions{
		Disable:       []string{RuleWeakestLink},
		Severity:      map[string]Severity{RuleSpinsDown: Error},
		MaxWheelNodes: 7,
	}))
	assert.Equal(t, []string{"error spins-down /links"}, got)
}

// TestSpinsDownWhenTheDominantEigenvalueIsComplex: a balancing pair a ⇄ b
// with weights 0.964 has eigenvalues ±0.964i, stronger than the weak
// reinforcing loop through c. The wheel swings and fades: it gets both
// findings, in words, without a complex number in sight.
func TestSpinsDownWhenTheDominantEigenvalueIsComplex(t *testing.T) {
	w := func(x float64) *float64 { return &x }
	f := &Flywheel{Name: "swinging", Nodes: []Node{{ID: "a", Label: "Alpha"}, {ID: "b", Label: "Beta"}, {ID: "c", Label: "Gamma"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive, Weight: w(0.964)},
		{From: "b", To: "a", Polarity: Negative, Weight: w(0.964)},
		{From: "b", To: "c", Polarity: Positive, Weight: w(0.3)},
		{From: "c", To: "a", Polarity: Positive, Weight: w(0.3)},
	}}
	require.NoError(t, f.Validate())
	a := f.Analyze()
	require.NoError(t, a.LeverageErr)
	assert.True(t, a.Leverage.Oscillates)
	assert.Less(t, a.Leverage.Growth, 1.0)
	fs := a.Review(ReviewOptions{})
	got := rules(fs)
	assert.Contains(t, got, "info spins-down /links")
	assert.Contains(t, got, "warning oscillates /links")
	var text strings.Builder
	for _, x := range fs {
		text.WriteString(x.Message + "\n")
	}
	require.NoError(t, a.Summary(&text))
	require.NoError(t, a.Markdown(&text))
	s := text.String()
	assert.Contains(t, s, "fade")
	assert.Contains(t, s, "swing")
	assert.NotRegexp(t, `[0-9]i\b|e-1[0-9]`, s, "no complex number or rounding noise")
	assert.Contains(t, s, "Alpha → Beta", "labels, not IDs")
}

func TestDescribe(t *testing.T) {
	for _, c := range []struct {
		growth float64
		eig    [2]float64
		osc    bool
		want   string
	}{
		{0, [2]float64{}, false, "Nothing comes back around"},
		{1.19, [2]float64{1.19, 0}, false, "spins up: pushes grow by about 19% per step"},
		{12, [2]float64{12, 0}, false, "pushes grow about 12-fold per step"},
		{1, [2]float64{1, 0}, false, "holds"},
		{0.964, [2]float64{0.964, 0}, false, "spins down: a push fades, losing about 3.6% of its strength per step"},
		{0.5, [2]float64{-0.5, 0}, true, "flips: a push comes back reversed at every step, and the swings fade, losing about 50%"},
		{0.964, [2]float64{4.16e-17, 0.964}, true, "a full swing about every 4 steps, and the swings fade"},
		{1.1, [2]float64{0, 1.1}, true, "the swings grow by about 10% per step"},
	} {
		assert.Contains(t, describe(c.growth, c.eig, c.osc), c.want)
	}
	assert.Equal(t, "0.000123", short(0.000123))
	assert.Equal(t, "1230", short(1234))
	assert.Equal(t, "1.5e+07", short(1.5e7))
}

// TestFindingsCarryNoControlCharacters: labels reach the review tool's
// terminal and CI logs through finding messages; a label holding a line
// break and an escape sequence must not start a line there
// ("::error file=…") or clear the screen.
func TestFindingsCarryNoControlCharacters(t *testing.T) {
	f := ring(3, 0.5)
	f.Nodes[0].Label = "ok\n::error file=README.md::injected\n\x1b[2J"
	f.Nodes = append(f.Nodes, Node{ID: "stray", Label: "bell\x07"})
	fs := f.Review(ReviewOptions{})
	require.NotEmpty(t, fs)
	for _, x := range fs {
		assert.NotRegexp(t, "[\x00-\x1f\x7f]", x.Message, x.Rule)
	}
}

// TestRenderingsCarryNoControlCharacters: a label with line breaks, an
// escape sequence, a bell and NEL (U+0085) reaches no rendering raw, and
// cannot start a line of its own (a CI workflow command) in any of them.
func TestRenderingsCarryNoControlCharacters(t *testing.T) {
	f := ring(3, 1.1)
	f.Nodes[0].Label = "ok\n::error file=README.md::injected\n\x1b[2J\x07\u0085"
	a := f.Analyze()
	for name, render := range map[string]func(io.Writer) error{"Markdown": a.Markdown, "SVG": a.SVG, "DOT": a.DOT, "Mermaid": a.Mermaid, "Summary": a.Summary} {
		var b strings.Builder
		require.NoError(t, render(&b), name)
		assert.NotContains(t, b.String(), "\n::error", name)
		assert.NotRegexp(t, "[\x00-\x09\x0b-\x1f\x7f\u0080-\u009f]", b.String(), name)
	}
}

// TestNilFlywheel: every method answers a nil *Flywheel without a panic,
// the analyses with the error Validate gives for it.
func TestNilFlywheel(t *testing.T) {
	var f *Flywheel
	require.NotPanics(t, func() {
		_, err := f.Loops(LoopOptions{})
		assert.Equal(t, []string{RuleNil}, ruleIDs(err))
		assert.Equal(t, []string{RuleNil}, ruleIDs(f.EachLoop(LoopOptions{}, func(Loop) bool { return true })))
		_, err = f.Leverage()
		assert.Equal(t, []string{RuleNil}, ruleIDs(err))
		_, err = f.Simulate(SimOptions{})
		assert.Equal(t, []string{RuleNil}, ruleIDs(err))
		f.Review(ReviewOptions{})
		for _, render := range []func(io.Writer) error{f.Markdown, f.DOT, f.Mermaid, f.SVG, f.Summary} {
			assert.NoError(t, render(io.Discard))
		}
	})
}
