package prfaq

import (
	"os"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/sweep"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseMarkdownHostile runs the sweep's Markdown after a real PR/FAQ,
// a mebibyte of each, plus front matter that is not what it should be,
// through ParseMarkdown: each is answered with the rule it deserves.
func TestParseMarkdownHostile(t *testing.T) {
	tmpl, err := os.ReadFile("../examples/templates/prfaq.md")
	require.NoError(t, err)
	head := string(tmpl) + "\n\n"
	cases := append(sweep.Markdown(head, 1<<20),
		sweep.Case{Name: "all of MaxBytes of openers", Data: []byte(head + strings.Repeat("[a](", (MaxBytes-len(head))/4)), Rule: RuleTooMany},
		sweep.Case{Name: "bad front", Data: []byte("---\ntitle: [unclosed\n---\n" + head), Rule: RuleSyntax},
		sweep.Case{Name: "unclosed front", Data: []byte("---\ntitle: x\n\n# Headline\n"), Rule: RuleSyntax},
		sweep.Case{Name: "tagged front", Data: []byte("---\nauthors: !!python/object/apply:os.system [\"x\"]\n---\n" + head), Rule: RuleSyntax},
		sweep.Case{Name: "list front", Data: []byte("---\n- a\n---\n" + head), Rule: RuleType},
	)
	sweep.RunMarkdown(t, cases, func(data []byte) error {
		_, err := ParseMarkdown(data)
		return err
	})
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
