package barraiser

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkdownGolden(t *testing.T) {
	l := loadLoop(t, "../examples/templates/loop.yaml")
	o, err := Evaluate(l, Options{})
	require.NoError(t, err)
	got := Markdown(l, o)
	const golden = "testdata/packet.golden.md"
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	assert.Equal(t, string(got), string(Markdown(l, o)), "deterministic")
}

func TestMarkdownVetoAndNoCohort(t *testing.T) {
	l := loadLoop(t, "testdata/valid/veto.json")
	l.Cohort = nil
	o, err := Evaluate(l, Options{})
	require.NoError(t, err)
	md := string(Markdown(l, o))
	assert.Contains(t, md, "- **Vetoed:** yes, by the bar raiser")
	assert.Contains(t, md, "- `bar-raiser-veto` (blocks): ")
	assert.Contains(t, md, "- **Raises the bar:** unknown: no cohort")
	assert.Contains(t, md, "| Rita Recruiter (rec) | recruiter | 4 | no feedback |  |")
}

func TestMarkdownEscapesDocumentText(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	hostile := "</text><script>alert(1)</script> | *bold* _it_ [x](javascript:y) `code`\n# heading"
	l.Candidate.Name = hostile
	l.Interviewers[0].Name = hostile
	l.Feedback[0].Ratings[0].Evidence = hostile
	o, err := Evaluate(l, Options{})
	require.NoError(t, err)
	md := string(Markdown(l, o))
	assert.NotContains(t, md, "<script>")
	assert.NotContains(t, md, "[x](")
	assert.NotContains(t, md, "\n# heading")
	assert.Contains(t, md, `&lt;script&gt;`)
	// Every table row keeps its column count: no cell was split by a pipe.
	for _, line := range strings.Split(md, "\n") {
		if strings.HasPrefix(line, "| Bea") || strings.HasPrefix(line, `| \<`) {
			assert.Equal(t, 6, strings.Count(line, "|")-strings.Count(line, `\|`), line)
		}
	}
	assert.Empty(t, Markdown(nil, Outcome{}))
}
