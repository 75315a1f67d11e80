package decision

import (
	"bytes"
	"errors"
	"github.com/dayone-go/mechanisms/internal/frontmatter"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkdownGolden(t *testing.T) {
	_, d := loadTemplate(t)
	pdata, err := os.ReadFile("../examples/templates/policy.yaml")
	require.NoError(t, err)
	p, err := ParsePolicy(pdata)
	require.NoError(t, err)
	c, err := Classify(d, p, ReviewOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, Markdown(&buf, d, c))
	golden(t, "testdata/template.md.golden", buf.Bytes())

	// Without a classification the door section is left out.
	buf.Reset()
	require.NoError(t, Markdown(&buf, d, nil))
	assert.NotContains(t, buf.String(), "## Door")
	assert.Contains(t, buf.String(), "## Context and Problem Statement")
}

func TestMarkdownEscapesDocumentText(t *testing.T) {
	d := sample()
	d.Title = "a | b *bold* _it_ `code` [x](http://e.vil) <script>alert(1)</script> & ~~s~~"
	d.Context = "# not a heading\n- not a list\n1. not numbered\n    not code\n> not a quote\n\n---\n"
	d.Options[0].Name = "| pipe"
	d.Chosen = "| pipe"
	d.People.Driver = "Eve\n## Injected"
	d.Risks[0].Description = "r1 | r2\nrow"
	d.Tags = []string{"![img](x)"}
	c, err := Classify(d, DefaultPolicy(), ReviewOptions{})
	require.NoError(t, err)
	var buf bytes.Buffer
	require.NoError(t, Markdown(&buf, d, c))
	block, ok := frontmatter.Find(buf.Bytes())
	require.True(t, ok && block.Closed)
	fm := buf.Bytes()[block.Start:block.End]
	// Front matter holds one key a line, each value JSON: no text can
	// break out of it.
	for _, line := range strings.Split(strings.TrimSpace(string(fm)), "\n") {
		assert.Regexp(t, `^[$a-zA-Z]+: [\["{0-9tf]`, line)
	}
	assert.Contains(t, string(fm), `"driver":"Eve\n## Injected"`)
	out := strings.TrimPrefix(buf.String(), "---\n"+string(fm)+"---\n")
	for _, bad := range []string{"<script>", "[x](", "*bold*", "_it_", "`code`", "\n# not", "\n- not", "\n1. not", "\n    not", "\n> not", "\n---", "\n## Injected", "![img]", "| pipe |", "r1 | r2", "& ~~"} {
		assert.NotContains(t, out, bad)
	}
	assert.Contains(t, out, `&lt;script&gt;`)
	assert.Contains(t, out, `a \| b \*bold\* \_it\_`)
	assert.Contains(t, out, "\n\\- not a list\n")
	assert.Contains(t, out, "\n1\\. not numbered\n")
	// Each table row keeps its cell count.
	for _, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(line, "| r1") {
			assert.Equal(t, 7, strings.Count(line, "|")-strings.Count(line, `\|`), line)
		}
	}
}

type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

func TestMarkdownReportsWriteErrors(t *testing.T) {
	d := sample()
	d.Context = strings.Repeat("long context ", 1000)
	err := Markdown(failingWriter{}, d, nil)
	assert.ErrorContains(t, err, "disk full")
}

func TestInline(t *testing.T) {
	for in, want := range map[string]string{
		"plain":        "plain",
		"+ plus":       `\+ plus`,
		"=== ":         `\===`,
		"12) x":        `12\) x`,
		"a\tb\n c":     "a b c",
		`back\slash`:   `back\\slash`,
		"R&D <b>":      `R&amp;D &lt;b&gt;`,
		"cost $5 - $6": `cost \$5 - \$6`,
	} {
		assert.Equal(t, want, inline(in), in)
	}
}
