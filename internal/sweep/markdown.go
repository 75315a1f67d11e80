package sweep

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// Markdown returns the sweep's hostile Markdown for a package whose
// documents open with head and may hold max bytes: deep nesting, and max
// bytes of each character CommonMark gives a meaning to after head. A
// paragraph of unclosed links once took goldmark hours. Rule is the rule
// the parse must answer with; "" means read, or refused for what the
// text says rather than for its size or shape. Each package adds the
// cases of its own front matter.
func Markdown(head string, max int) []Case {
	fill := func(s string) []byte { return []byte(head + strings.Repeat(s, (max-len(head))/len(s))) }
	var headings strings.Builder
	headings.WriteString(head)
	for i := range 10_000 {
		headings.WriteString(strings.Repeat("#", 1+i%6) + " h\n")
	}
	return []Case{
		{"headings", []byte(headings.String()), ""},
		{"quotes", []byte(head + strings.Repeat(">", 10_000) + " x\n"), problem.RuleTooDeep},
		{"list markers", []byte(head + strings.Repeat("- ", 10_000) + "x\n"), problem.RuleTooDeep},
		{"brackets", fill("["), problem.RuleTooMany},
		{"link openers", fill("[a]("), problem.RuleTooMany},
		{"long tail", []byte(head + strings.Repeat("[a](", 1000) + strings.Repeat("x", max/2)), problem.RuleTooMany},
		{"image openers", fill("![a](<"), problem.RuleTooMany},
		{"stars", fill("*"), ""},
		{"underscores", fill("_"), ""},
		{"angles", fill("<"), ""},
		{"backticks", fill("`"), ""},
		{"emphasis", fill("*a _b "), ""},
	}
}

// RunMarkdown parses each case with parse, a package's ParseMarkdown
// reduced to its error, and checks the rule of its first problem: Rule,
// or, for "", no error or one that is not about size or shape
// (too-many, too-deep, too-large). It logs the time each took and does
// not limit it: a timed assertion fails on a loaded machine, and a hang
// still fails the run at go test's timeout. It is skipped with -short.
func RunMarkdown(t *testing.T, cases []Case, parse func([]byte) error) {
	t.Helper()
	if testing.Short() {
		t.Skip("parses megabytes of Markdown")
	}
	for _, c := range cases {
		t.Run(c.Name, func(t *testing.T) {
			start := time.Now()
			err := parse(c.Data)
			t.Logf("%d bytes in %v", len(c.Data), time.Since(start))
			var pe *problem.Error
			if c.Rule == "" {
				if err == nil {
					return
				}
				if !errors.As(err, &pe) || len(pe.Problems) == 0 {
					t.Fatalf("want a *problem.Error, got %v", err)
				}
				if r := pe.Problems[0].Rule; slices.Contains([]string{problem.RuleTooMany, problem.RuleTooDeep, problem.RuleTooLarge}, r) {
					t.Errorf("refused for its size or shape: %s: %s", r, pe.Problems[0].Message)
				}
				return
			}
			if !errors.As(err, &pe) || len(pe.Problems) == 0 {
				t.Fatalf("want a *problem.Error with %s, got %v", c.Rule, err)
			}
			if got := pe.Problems[0].Rule; got != c.Rule {
				t.Errorf("rule %s (%s), want %s", got, pe.Problems[0].Message, c.Rule)
			}
		})
	}
}
