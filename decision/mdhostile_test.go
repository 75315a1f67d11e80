package decision

import (
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/sweep"
)

// TestParseMarkdownHostile runs the sweep's Markdown, within
// MaxMarkdownBytes, and the front matter a record can get wrong through
// ParseMarkdown: each is answered with the rule it deserves.
func TestParseMarkdownHostile(t *testing.T) {
	const head = "# T\n\nStatus: accepted\n\n"
	var lists strings.Builder
	for i := range 900 { // indented deeper, the file passes MaxMarkdownBytes
		lists.WriteString(strings.Repeat("  ", i) + "- x\n")
	}
	cases := append(sweep.Markdown(head, MaxMarkdownBytes),
		sweep.Case{Name: "lists", Data: []byte(lists.String()), Rule: RuleTooDeep},
		sweep.Case{Name: "bad front", Data: []byte("---\nid: [unclosed\n---\n" + head), Rule: RuleSyntax},
		sweep.Case{Name: "unclosed front", Data: []byte("---\nid: x\n" + head), Rule: RuleSyntax},
		sweep.Case{Name: "tagged front", Data: []byte("---\ntags: !!python/object/apply:os.system [\"x\"]\n---\n" + head), Rule: RuleSyntax},
		sweep.Case{Name: "other front", Data: []byte("---\nlayout: adr\n---\n" + head)}, // keys of other tools may stay
		sweep.Case{Name: "list front", Data: []byte("---\n- a\n---\n" + head), Rule: RuleType},
	)
	sweep.RunMarkdown(t, cases, func(data []byte) error {
		_, err := ParseMarkdown(data)
		return err
	})
}
