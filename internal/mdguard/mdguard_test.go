package mdguard

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLinks(t *testing.T) {
	// Ordinary documents, link lists included, stay far inside the budget.
	var list strings.Builder
	for range 5000 {
		list.WriteString("- [a link](https://example.com/a/long/path) and words after it\n")
	}
	var para strings.Builder
	for range 300 {
		para.WriteString("See [the design](https://example.com/design) and [the FAQ](faq.md).\n")
	}
	for name, s := range map[string]string{
		"empty": "", "list": list.String(), "paragraph": para.String(),
		"stars": strings.Repeat("*", 1<<20), "ticks": strings.Repeat("`", 1<<20),
	} {
		assert.Zero(t, Links([]byte(s), Budget), name)
	}
	// Hostile ones are refused at the paragraph that passes the budget.
	for name, s := range map[string]string{
		"brackets":  strings.Repeat("[", 1<<20),
		"openers":   strings.Repeat("[a](", 1<<18),
		"long tail": strings.Repeat("[a](", 1000) + strings.Repeat("x", 1<<20),
	} {
		assert.Equal(t, 3, Links([]byte("# T\n\n"+s), Budget), name)
	}
	// Many paragraphs each under the budget add up.
	block := strings.Repeat("[a](", 4096) + "\n\n"
	assert.Positive(t, Links([]byte(strings.Repeat(block, 64)), Budget))
}

func TestOpensBlock(t *testing.T) {
	for _, l := range []string{"", "  ", "\r", "# h", "> q", "- x", "* x", "+", "1. x", "12) x", "   - x"} {
		assert.True(t, opensBlock([]byte(l)), l)
	}
	for _, l := range []string{"text", "-x", "*emph*", "1.5 million", "[a](b)"} {
		assert.False(t, opensBlock([]byte(l)), l)
	}
}
