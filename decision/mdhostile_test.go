package decision

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileMarkdown is the sweep's Markdown: deep nesting and a mebibyte of
// each character CommonMark gives a meaning to, each within
// MaxMarkdownBytes. want is the rule ParseMarkdown must answer with.
func hostileMarkdown() map[string]struct {
	src  string
	want string
} {
	const head = "# T\n\nStatus: accepted\n\n"
	fill := func(s string) string {
		return head + strings.Repeat(s, (MaxMarkdownBytes-len(head))/len(s))
	}
	var headings, lists strings.Builder
	headings.WriteString(head)
	for i := range 10_000 {
		headings.WriteString(strings.Repeat("#", 1+i%6) + " h\n")
	}
	for i := range 900 { // indented deeper, the file passes MaxMarkdownBytes
		lists.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	return map[string]struct {
		src  string
		want string
	}{
		"headings":       {headings.String(), ""},
		"lists":          {lists.String(), RuleTooDeep},
		"quotes":         {strings.Repeat(">", 10_000) + " x\n", RuleTooDeep},
		"list markers":   {strings.Repeat("- ", 10_000) + "x\n", RuleTooDeep},
		"brackets":       {fill("["), RuleTooMany},
		"link openers":   {fill("[a]("), RuleTooMany},
		"long tail":      {head + strings.Repeat("[a](", 1000) + strings.Repeat("x", 1<<19), RuleTooMany},
		"image openers":  {fill("![a](<"), RuleTooMany},
		"stars":          {fill("*"), ""},
		"underscores":    {fill("_"), ""},
		"angles":         {fill("<"), ""},
		"backticks":      {fill("`"), ""},
		"emphasis":       {fill("*a _b "), ""},
		"bad front":      {"---\nid: [unclosed\n---\n" + head, RuleSyntax},
		"unclosed front": {"---\nid: x\n" + head, ""},
		"tagged front":   {"---\ntags: !!python/object/apply:os.system [\"x\"]\n---\n" + head, RuleSyntax},
		"other front":    {"---\nlayout: adr\n---\n" + head, ""}, // keys of other tools may stay
		"list front":     {"---\n- a\n---\n" + head, RuleType},
	}
}

// TestParseMarkdownHostile: every hostile input is answered (a paragraph
// of unclosed links once took goldmark hours) with the rule it deserves.
func TestParseMarkdownHostile(t *testing.T) {
	if testing.Short() {
		t.Skip("parses a mebibyte of Markdown per case")
	}
	for name, c := range hostileMarkdown() {
		t.Run(name, func(t *testing.T) {
			// No time limit here: a timed assertion fails on a loaded
			// machine. A hang (goldmark once took hours on unclosed
			// links) still fails the run at go test's timeout, and the
			// refusals below are what keep the parse short.
			start := time.Now()
			_, err := ParseMarkdown([]byte(c.src))
			t.Logf("%d bytes in %v", len(c.src), time.Since(start))
			if c.want == "" {
				var ve *ValidationError
				if err != nil {
					require.True(t, errors.As(err, &ve), "%v", err)
					assert.NotContains(t, []string{RuleTooMany, RuleTooDeep, RuleTooLarge}, ve.Problems[0].Rule)
				}
				return
			}
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.Equal(t, c.want, ve.Problems[0].Rule, ve.Problems[0].Message)
		})
	}
}
