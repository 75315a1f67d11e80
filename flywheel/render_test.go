package flywheel

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func template(t testing.TB) *Flywheel {
	t.Helper()
	data, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	f, err := Parse(data)
	require.NoError(t, err)
	return f
}

func TestRenderGolden(t *testing.T) {
	f := template(t)
	for name, got := range map[string][]byte{
		"template.dot": out(f.DOT),
		"template.mmd": out(f.Mermaid),
		"template.svg": out(f.SVG),
		"template.md":  out(f.Markdown),
	} {
		path := filepath.Join("testdata", name+".golden")
		if *update {
			require.NoError(t, os.WriteFile(path, got, 0o644))
		}
		want, err := os.ReadFile(path)
		require.NoError(t, err, "run go test -update")
		assert.Equal(t, string(want), string(got), name)
	}
}

func TestRenderDeterministic(t *testing.T) {
	f := template(t)
	assert.Equal(t, out(f.SVG), out(f.SVG))
	assert.Equal(t, out(f.DOT), out(template(t).DOT))
	assert.Equal(t, out(f.Mermaid), out(template(t).Mermaid))
	assert.Equal(t, out(f.Markdown), out(template(t).Markdown))
}

// hostile labels that break unescaped DOT, Mermaid, SVG or Markdown.
var hostile = []string{
	`say "hi"`,
	`a"] --> evil["x`,
	`end`,
	`</svg><script>alert(1)</script>`,
	`back\slash \N \l`,
	"two\nlines",
	`pipe | and #35; hash`,
	`[brackets] {braces} (parens)`,
	`%%{init: {"theme": "dark"}}%%`,
	"ctrl\x01char",
	`* _ ~ ` + "`code`",
	`'single' & ampersand`,
}

func hostileWheel() *Flywheel {
	f := &Flywheel{Name: `Evil "wheel" </svg> end`}
	for i, h := range hostile {
		f.Nodes = append(f.Nodes, Node{ID: "end" + strconv.Itoa(i) + `"]`, Label: h})
	}
	for i := range f.Nodes {
		f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[(i+1)%len(f.Nodes)].ID, Polarity: Positive, Note: hostile[i]})
	}
	return f
}

func TestRenderBadInputDoesNotPanic(t *testing.T) {
	for _, f := range []*Flywheel{
		{},
		{Name: "dangling", Nodes: []Node{{ID: "a"}}, Links: []Link{{From: "a", To: "zz", Polarity: Positive}}},
		{Name: "self", Nodes: []Node{{ID: "a"}, {ID: "a"}}, Links: []Link{{From: "a", To: "a", Polarity: Negative}, {From: "a", To: "a"}}},
		ring(MaxNodes+1, 1),
	} {
		assert.NotPanics(t, func() {
			out(f.DOT)
			out(f.Mermaid)
			out(f.SVG)
			out(f.Markdown)
		}, f.Name)
	}
}
