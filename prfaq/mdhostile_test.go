package prfaq

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseMarkdownHostile runs the sweep's Markdown through ParseMarkdown:
// deep nesting, a mebibyte of each character CommonMark gives a meaning to
// after a real PR/FAQ, and front matter that is not what it should be.
// Each is answered (a paragraph of unclosed links once took goldmark
// hours) with the rule it deserves; "" is a PR/FAQ read, or refused for
// what it says rather than for its size.
func TestParseMarkdownHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("parses megabytes of Markdown")
	}
	tmpl, err := os.ReadFile("../examples/templates/prfaq.md")
	require.NoError(t, err)
	head := string(tmpl) + "\n\n"
	fill := func(s string) string { return head + strings.Repeat(s, (1<<20)/len(s)) + "\n" }
	var headings strings.Builder
	headings.WriteString(head)
	for i := range 10_000 {
		headings.WriteString(strings.Repeat("#", 1+i%6) + " h\n")
	}
	for name, c := range map[string]struct{ src, want string }{
		"headings":                   {headings.String(), ""},
		"quotes":                     {head + strings.Repeat(">", 10_000) + " x\n", RuleTooDeep},
		"list markers":               {head + strings.Repeat("- ", 10_000) + "x\n", RuleTooDeep},
		"brackets":                   {fill("["), RuleTooMany},
		"link openers":               {fill("[a]("), RuleTooMany},
		"all of MaxBytes of openers": {head + strings.Repeat("[a](", (MaxBytes-len(head))/4), RuleTooMany},
		"long tail":                  {head + strings.Repeat("[a](", 1000) + strings.Repeat("x", 1<<20), RuleTooMany},
		"image openers":              {fill("![a](<"), RuleTooMany},
		"stars":                      {fill("*"), ""},
		"underscores":                {fill("_"), ""},
		"angles":                     {fill("<"), ""},
		"backticks":                  {fill("`"), ""},
		"emphasis":                   {fill("*a _b "), ""},
		"bad front":                  {"---\ntitle: [unclosed\n---\n" + head, RuleSyntax},
		"unclosed front":             {"---\ntitle: x\n\n# Headline\n", RuleSyntax},
		"tagged front":               {"---\nauthors: !!python/object/apply:os.system [\"x\"]\n---\n" + head, RuleSyntax},
		"list front":                 {"---\n- a\n---\n" + head, RuleType},
	} {
		t.Run(name, func(t *testing.T) {
			// No time limit here: a timed assertion fails on a loaded
			// machine. A hang (goldmark once took hours on unclosed
			// links) still fails the run at go test's timeout, and the
			// refusals below are what keep the parse short.
			start := time.Now()
			_, err := ParseMarkdown([]byte(c.src))
			t.Logf("%d bytes in %v", len(c.src), time.Since(start))
			var ve *ValidationError
			if c.want == "" {
				if err != nil {
					require.True(t, errors.As(err, &ve), "%v", err)
					assert.NotContains(t, []string{RuleTooMany, RuleTooDeep, RuleTooLarge}, ve.Problems[0].Rule)
				}
				return
			}
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.Equal(t, c.want, ve.Problems[0].Rule, ve.Problems[0].Message)
		})
	}
}

// TestIsMarkdownPRFAQHostile: a PR/FAQ whose FAQ ends in a paragraph past
// the parse's bounds is still a PR/FAQ, so a tool sorting files by kind
// reviews it as one and reports the refusal, rather than reading it as a
// valid narrative. Text with no PR/FAQ before the hostile part is not one.
func TestIsMarkdownPRFAQHostile(t *testing.T) {
	tmpl, err := os.ReadFile("../examples/templates/prfaq.md")
	require.NoError(t, err)
	for name, tail := range map[string]string{
		"link openers": strings.Repeat("[a](", 1<<16),
		"quotes":       strings.Repeat(">", 1000) + " x",
	} {
		src := []byte(string(tmpl) + "\n\n" + tail + "\n")
		assert.True(t, IsMarkdownPRFAQ(src), name)
		_, err := ParseMarkdown(src)
		assert.Error(t, err, name)
		assert.False(t, IsMarkdownPRFAQ([]byte("# Notes\n\n"+tail+"\n")), name)
	}
}
