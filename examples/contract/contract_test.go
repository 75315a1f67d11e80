// Package contract_test checks, from outside the mechanism packages, that the
// five of them keep one contract: the same Parse and ParseReader, the same
// error shape with every problem of a document at once, the same size
// limit, nil documents refused without a panic, and rule tables in one
// kebab-case vocabulary.
package contract_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/barraiser"
	"github.com/dayone-go/mechanisms/decision"
	"github.com/dayone-go/mechanisms/examples/templates"
	"github.com/dayone-go/mechanisms/flywheel"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/prfaq"
	"github.com/dayone-go/mechanisms/wbr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// kind is one document type seen through the contract. The problem and rule
// types are aliases of the shared ones, so one harness serves all five.
type kind struct {
	name        string
	template    string
	maxBytes    int
	errTooLarge error
	parse       func([]byte) (any, error)
	parseReader func(io.Reader) (any, error)
	validateNil func() error
	rules       func() []finding.RuleInfo
	place       func([]byte, []finding.Finding)
}

func wrap[T any](f func([]byte) (*T, error)) func([]byte) (any, error) {
	return func(b []byte) (any, error) { return f(b) }
}

func wrapReader[T any](f func(io.Reader) (*T, error)) func(io.Reader) (any, error) {
	return func(r io.Reader) (any, error) { return f(r) }
}

var kinds = []kind{
	{"decision", "decision.yaml", decision.MaxBytes, decision.ErrTooLarge, wrap(decision.Parse), wrapReader(decision.ParseReader),
		func() error { return (*decision.Decision)(nil).Validate() }, decision.Rules, decision.Place},
	{"policy", "policy.yaml", decision.MaxBytes, decision.ErrTooLarge, wrap(decision.ParsePolicy), wrapReader(decision.ParsePolicyReader),
		func() error { return (*decision.Policy)(nil).Validate() }, decision.Rules, decision.Place},
	{"prfaq", "prfaq.yaml", prfaq.MaxBytes, prfaq.ErrTooLarge, wrap(prfaq.Parse), wrapReader(prfaq.ParseReader),
		func() error { return (*prfaq.PRFAQ)(nil).Validate() }, prfaq.Rules, prfaq.Place},
	{"loop", "loop.yaml", barraiser.MaxBytes, barraiser.ErrTooLarge, wrap(barraiser.Parse), wrapReader(barraiser.ParseReader),
		func() error { return (*barraiser.Loop)(nil).Validate() }, barraiser.Rules, barraiser.Place},
	{"deck", "deck.yaml", wbr.MaxBytes, wbr.ErrTooLarge, wrap(wbr.Parse), wrapReader(wbr.ParseReader),
		func() error { return (*wbr.Deck)(nil).Validate() }, wbr.Rules, wbr.Place},
	{"flywheel", "flywheel.yaml", flywheel.MaxBytes, flywheel.ErrTooLarge, wrap(flywheel.Parse), wrapReader(flywheel.ParseReader),
		func() error { return (*flywheel.Flywheel)(nil).Validate() }, flywheel.Rules, flywheel.Place},
}

func template(t *testing.T, name string) []byte {
	t.Helper()
	data, err := templates.FS.ReadFile(name)
	require.NoError(t, err)
	return data
}

func lines(b []byte) int { return bytes.Count(b, []byte("\n")) }

var kebab = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// TestTemplatesParse is the baseline the mutations below start from.
func TestTemplatesParse(t *testing.T) {
	for _, k := range kinds {
		_, err := k.parse(template(t, k.template))
		assert.NoError(t, err, k.name)
	}
}

// TestEveryUnknownKeyInOneParse adds three mistakes to each template and
// expects all three back from one Parse, each at its own key, line and column.
func TestEveryUnknownKeyInOneParse(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			src := template(t, k.template)
			first := lines(src) + 1
			src = append(src, "colour: blue\nzzextra: 1\nnotes:\n  - a\n"...)
			_, err := k.parse(src)
			var ve *problem.Error
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.NotEmpty(t, ve.Kind)
			got := map[string]problem.Problem{}
			for _, p := range ve.Problems {
				got[p.Path] = p
			}
			for i, key := range []string{"colour", "zzextra", "notes"} {
				line := first + i
				if key == "notes" {
					line = first + 2
				}
				p, ok := got["/"+key]
				if !assert.True(t, ok, "no problem at /%s in %v", key, ve.Problems) {
					continue
				}
				assert.Equal(t, problem.RuleUnknownKey, p.Rule)
				assert.Equal(t, line, p.Line, "/%s line", key)
				assert.Equal(t, 1, p.Column, "/%s column", key)
			}
		})
	}
}

// TestSyntaxErrorsInPlainWords checks a tab used for indentation is one
// problem at its line and column, said without the YAML library's words.
func TestSyntaxErrorsInPlainWords(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			src := template(t, k.template)
			at := lines(src) + 2
			src = append(src, "extra:\n\tkey: 1\n"...)
			_, err := k.parse(src)
			var ve *problem.Error
			require.True(t, errors.As(err, &ve), "%v", err)
			require.Len(t, ve.Problems, 1, "%v", err)
			p := ve.Problems[0]
			assert.Equal(t, problem.RuleSyntax, p.Rule)
			assert.Equal(t, at, p.Line)
			assert.Equal(t, 1, p.Column)
			assert.Contains(t, strings.ToLower(p.Message), "tab")
			assert.NotContains(t, p.Message, "yaml:")
		})
	}
}

func TestTooLargeFromParseAndParseReader(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			big := bytes.Repeat([]byte("#"), k.maxBytes+1)
			_, err := k.parse(big)
			assert.ErrorIs(t, err, k.errTooLarge)
			_, err = k.parseReader(bytes.NewReader(big))
			assert.ErrorIs(t, err, k.errTooLarge)
			_, err = k.parseReader(bytes.NewReader(template(t, k.template)))
			assert.NoError(t, err)
		})
	}
}

func TestNilDocumentsAreErrors(t *testing.T) {
	for _, k := range kinds {
		var err error
		require.NotPanics(t, func() { err = k.validateNil() }, k.name)
		var ve *problem.Error
		assert.True(t, errors.As(err, &ve), "%s: %v", k.name, err)
	}
}

// TestRuleTables checks every id is kebab-case, listed once, and that every
// rule a mutated document reports is in its package's table.
func TestRuleTables(t *testing.T) {
	for _, k := range kinds {
		t.Run(k.name, func(t *testing.T) {
			ids := map[string]bool{}
			for _, r := range k.rules() {
				assert.Regexp(t, kebab, r.ID)
				assert.False(t, ids[r.ID], "%s listed twice", r.ID)
				ids[r.ID] = true
				assert.True(t, r.Severity.Valid(), r.ID)
				assert.NotEmpty(t, r.Summary, r.ID)
			}
			for _, mut := range []string{"colour: blue\n", "extra:\n\tkey: 1\n", "$schema: [1]\n"} {
				_, err := k.parse(append(template(t, k.template), mut...))
				var ve *problem.Error
				if errors.As(err, &ve) {
					for _, p := range ve.Problems {
						assert.True(t, ids[p.Rule], "rule %q of %q is not in Rules()", p.Rule, mut)
					}
				}
			}
		})
	}
}

func TestPlaceFillsLineAndColumn(t *testing.T) {
	for _, k := range kinds {
		src := template(t, k.template)
		fs := []finding.Finding{{Rule: "x", Path: "/$schema"}}
		k.place(src, fs)
		assert.Equal(t, [2]int{2, 10}, [2]int{fs[0].Line, fs[0].Column}, fmt.Sprint(k.name))
	}
}

// TestMistakesAtOnceWithSuggestions breaks a value of each sort in one
// decision: a misspelt enum, an impossible date and a misspelt key, and
// expects all three, with the allowed value and the date's form named.
func TestMistakesAtOnceWithSuggestions(t *testing.T) {
	src := string(template(t, "decision.yaml"))
	for old, new := range map[string]string{
		"status: proposed":     "status: propossed",
		"date: 2026-11-20":     "date: 2026-02-30",
		"reviewBy: 2027-02-20": "reviewby: 2027-02-20",
	} {
		require.Contains(t, src, old)
		src = strings.Replace(src, old, new, 1)
	}
	_, err := decision.Parse([]byte(src))
	var ve *decision.ValidationError
	require.True(t, errors.As(err, &ve), "%v", err)
	byPath := map[string]decision.Problem{}
	for _, p := range ve.Problems {
		byPath[p.Path] = p
		assert.NotZero(t, p.Line, "%v", p)
		assert.NotZero(t, p.Column, "%v", p)
	}
	require.Contains(t, byPath, "/status", "%v", err)
	assert.Contains(t, byPath["/status"].Message, `did you mean "proposed"?`)
	require.Contains(t, byPath, "/date", "%v", err)
	assert.Contains(t, byPath["/date"].Message, "YYYY-MM-DD")
	assert.NotContains(t, byPath["/date"].Message, "2006")
	require.Contains(t, byPath, "/reviewby", "%v", err)
	assert.Contains(t, byPath["/reviewby"].Message, `did you mean "reviewBy"?`)
}
