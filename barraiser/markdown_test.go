package barraiser

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkdownGolden(t *testing.T) {
	l := loadLoop(t, "../examples/templates/loop.yaml")
	o, err := Evaluate(l, ReviewOptions{})
	require.NoError(t, err)
	got := markdown(t, l, o)
	const golden = "testdata/packet.golden.md"
	if *update {
		require.NoError(t, os.WriteFile(golden, got, 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
	assert.Equal(t, string(got), string(markdown(t, l, o)), "deterministic")
}

func TestMarkdownVetoAndNoCohort(t *testing.T) {
	l := loadLoop(t, "testdata/valid/veto.json")
	l.Cohort = nil
	o, err := Evaluate(l, ReviewOptions{})
	require.NoError(t, err)
	md := string(markdown(t, l, o))
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
	o, err := Evaluate(l, ReviewOptions{})
	require.NoError(t, err)
	md := string(markdown(t, l, o))
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
	var b bytes.Buffer
	assert.ErrorIs(t, Markdown(&b, nil, Outcome{}), ErrNilLoop)
	assert.Zero(t, b.Len(), "nothing written for a nil loop")
}

func markdown(t testing.TB, l *Loop, o Outcome) []byte {
	t.Helper()
	var b bytes.Buffer
	require.NoError(t, Markdown(&b, l, o))
	return b.Bytes()
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestMarkdownReturnsWriteError(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	o, err := Evaluate(l, ReviewOptions{})
	require.NoError(t, err)
	assert.EqualError(t, Markdown(failingWriter{}, l, o), "disk full")
}
