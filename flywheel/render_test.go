package flywheel

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func template(t *testing.T) *Flywheel {
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
		"template.dot": f.DOT(),
		"template.mmd": f.Mermaid(),
		"template.svg": f.SVG(),
		"template.md":  f.Markdown(),
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
	assert.Equal(t, f.SVG(), f.SVG())
	assert.Equal(t, f.DOT(), template(t).DOT())
	assert.Equal(t, f.Mermaid(), template(t).Mermaid())
	assert.Equal(t, f.Markdown(), template(t).Markdown())
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

var dotString = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)

func TestDOTEscapesLabels(t *testing.T) {
	out := string(hostileWheel().DOT())
	// Every quoted string must unquote to a label or a known attribute:
	// a label that closed its quote early would leave stray text.
	var labels []string
	rest := dotString.ReplaceAllStringFunc(out, func(q string) string {
		s := strings.NewReplacer(`\"`, `"`, `\\`, `\`, `\n`, "\n").Replace(q[1 : len(q)-1])
		labels = append(labels, s)
		return `""`
	})
	for _, h := range hostile {
		want := strings.ReplaceAll(h, "\x01", " ")
		assert.Contains(t, labels, want)
	}
	assert.NotContains(t, rest, "script")
	assert.NotContains(t, rest, "evil")
	// Outside quotes only DOT syntax remains, one statement per line.
	for _, line := range strings.Split(strings.TrimSpace(rest), "\n") {
		assert.Regexp(t, `^(digraph flywheel \{|\}|  [a-z]+=[a-z0-9#"]+;|  (node|edge) \[.*\];|  n\d+ \[label="", shape=[a-z]+\];|  n\d+ -> n\d+ \[label="", .*\];)$`, line)
	}
}

var entity = regexp.MustCompile(`#(quot|\d+);`)

func TestMermaidEscapesLabels(t *testing.T) {
	out := string(hostileWheel().Mermaid())
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Equal(t, "flowchart LR", lines[0])
	var labels []string
	for _, line := range lines[1:] {
		if strings.HasPrefix(line, "  %% ") {
			assert.NotContains(t, line, "%%{", "a comment must not become a directive")
			continue
		}
		m := regexp.MustCompile(`^  n\d+(?:\("|\["|\[/")([^"\[\]<>|]*)(?:"\)|"\]|"/\])$|^  n\d+ -\.?->\|"([^"\[\]<>|]*)"\| n\d+$|^  linkStyle [\d,]+ stroke:#cf222e,color:#cf222e$`).FindStringSubmatch(line)
		require.NotNil(t, m, "unexpected Mermaid line %q", line)
		if m[1] != "" {
			labels = append(labels, entity.ReplaceAllStringFunc(m[1], func(e string) string {
				if e == "#quot;" {
					return `"`
				}
				n, _ := strconv.Atoi(e[1 : len(e)-1])
				return string(rune(n))
			}))
		}
	}
	for _, h := range hostile {
		assert.Contains(t, labels, strings.NewReplacer("\n", " ", "\x01", " ").Replace(h))
	}
}

func TestSVGEscapesLabels(t *testing.T) {
	out := hostileWheel().SVG()
	dec := xml.NewDecoder(bytes.NewReader(out))
	var texts []string
	elements := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG must be well-formed XML")
		switch x := tok.(type) {
		case xml.StartElement:
			elements[x.Name.Local]++
		case xml.CharData:
			texts = append(texts, string(x))
		}
	}
	assert.Equal(t, 0, elements["script"])
	assert.Equal(t, 1, elements["svg"])
	for _, h := range hostile {
		assert.Contains(t, texts, clip(strings.NewReplacer("\x01", " ").Replace(h), maxSVGLabel))
	}
}

var unescapedPipe = regexp.MustCompile(`(^|[^\\])\|`)

func TestMarkdownEscapesLabels(t *testing.T) {
	out := string(hostileWheel().Markdown())
	assert.NotContains(t, out, "<script>")
	assert.NotContains(t, out, "</svg>")
	// Every row of the links table keeps its 8 cell borders whatever the
	// labels and notes hold.
	links := out[strings.Index(out, "## Links"):strings.Index(out, "## Review")]
	rows := 0
	for _, line := range strings.Split(strings.TrimSpace(links), "\n")[2:] {
		rows++
		assert.Len(t, unescapedPipe.FindAllString(line, -1), 8, line)
	}
	assert.Equal(t, len(hostile)+2, rows, "header, separator and one row per link")
	assert.Contains(t, out, `a"\] \-\-&gt; evil\["x`)
	assert.Contains(t, out, `pipe \| and \#35; hash`)
}

func TestRenderBadInputDoesNotPanic(t *testing.T) {
	for _, f := range []*Flywheel{
		{},
		{Name: "dangling", Nodes: []Node{{ID: "a"}}, Links: []Link{{From: "a", To: "zz", Polarity: Positive}}},
		{Name: "self", Nodes: []Node{{ID: "a"}, {ID: "a"}}, Links: []Link{{From: "a", To: "a", Polarity: Negative}, {From: "a", To: "a"}}},
		ring(MaxNodes+1, 1),
	} {
		assert.NotPanics(t, func() {
			f.DOT()
			f.Mermaid()
			f.SVG()
			f.Markdown()
		}, f.Name)
	}
}
