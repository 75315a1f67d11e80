package flywheel

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// reviewPath runs a parsed document through what examples/review and a Go
// caller do with it, unvalidated: nothing may panic, and every output is
// returned for the caller's checks.
type reviewed struct {
	findings                []Finding
	loops                   []Loop
	loopErr, levErr, simErr error
	svg, dot, mmd, md       []byte
}

func reviewPath(t *testing.T, f *Flywheel) reviewed {
	t.Helper()
	var r reviewed
	require.NotPanics(t, func() {
		r.findings = f.Review(ReviewOptions{})
		r.loops, r.loopErr = f.Loops(LoopOptions{})
		_, r.levErr = f.Leverage()
		_, r.simErr = f.Simulate(SimOptions{})
		r.svg, r.dot, r.mmd, r.md = out(f.SVG), out(f.DOT), out(f.Mermaid), out(f.Markdown)
	})
	wellFormed(t, r.svg)
	return r
}

// TestHostileDenseGraph: a complete graph on 60 nodes has more than 10⁸⁰
// loops. Written as YAML with long labels it is a valid flywheel; the
// loop search stops at DefaultMaxLoops and every output stays bounded by
// the document rather than by the loops: Markdown lists 100 loops and at
// most 12 loop IDs per link, where it once listed every loop found (here
// 33,926 loops of about 59 labels each: a 270 MB report).
func TestHostileDenseGraph(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: dense\nnodes:\n")
	for i := 0; i < 60; i++ {
		fmt.Fprintf(&b, "  - id: n%d\n    label: %q\n", i, fmt.Sprintf("node %d ", i)+strings.Repeat("x", 120))
	}
	b.WriteString("links:\n")
	for i := 0; i < 60; i++ {
		for j := 0; j < 60; j++ {
			if i != j {
				sign := "+"
				if (i+j)%3 == 0 {
					sign = "-"
				}
				fmt.Fprintf(&b, "  - {from: n%d, to: n%d, polarity: %q, weight: %g}\n", i, j, sign, 0.01*float64(1+(i*7+j)%50))
			}
		}
	}
	f, err := Parse([]byte(b.String()))
	require.NoError(t, err)
	require.NoError(t, f.Validate())
	r := reviewPath(t, f)
	require.ErrorIs(t, r.loopErr, ErrTooManyLoops)
	// The search stops at DefaultMaxLoops loops or MaxLoopNodes nodes held,
	// whichever comes first; here the loops are long, so the latter.
	assert.LessOrEqual(t, len(r.loops), DefaultMaxLoops)
	held := 0
	for _, l := range r.loops {
		held += len(l.Nodes)
	}
	assert.LessOrEqual(t, held, MaxLoopNodes)
	assert.Greater(t, len(r.loops), 1000)
	assert.Contains(t, rules(r.findings), "info loops-truncated /links")
	assert.NoError(t, r.levErr)
	if r.simErr != nil {
		assert.ErrorIs(t, r.simErr, ErrOverflow)
	}
	md := string(r.md)
	loops := md[strings.Index(md, "## Loops"):strings.Index(md, "## Leverage")]
	assert.Equal(t, 100, strings.Count(loops, "\n| R")+strings.Count(loops, "\n| B"))
	assert.Contains(t, loops, fmt.Sprintf("… and %d more loops", len(r.loops)-100))
	links := md[strings.Index(md, "## Links"):strings.Index(md, "## Review")]
	assert.Contains(t, links, " more |")
	for _, line := range strings.Split(links, "\n") {
		assert.LessOrEqual(t, len(line), 2*130+200, "a links row holds two labels, 12 loop IDs and a note")
	}
	// Bounded by the document: 60 nodes and 3,540 links.
	assert.Less(t, len(r.md), 3_000_000)
	assert.Less(t, len(r.svg), 3_000_000)
}

// TestHostileNonFiniteNumbers: YAML spells infinities and NaN .inf,
// -.inf, .nan (any case); JSON cannot spell them, but 1e999 overflows. All
// are refused by Parse with the line, before any analysis sees them.
func TestHostileNonFiniteNumbers(t *testing.T) {
	for _, c := range []struct{ name, doc string }{
		{"weight .nan", "weight: .nan"},
		{"weight .NaN", "weight: .NaN"},
		{"weight .inf", "weight: .inf"},
		{"weight +.inf", "weight: +.inf"},
		{"weight -.Inf", "weight: -.Inf"},
		{"weight .INF", "weight: .INF"},
		{"initial .nan", "initial: .nan"},
		{"initial -.inf", "initial: -.inf"},
		{"weight 1e999", "weight: 1e999"},
		{"initial 1e999", "initial: 1e999"},
	} {
		t.Run(c.name, func(t *testing.T) {
			links := "  - {from: a, to: b, polarity: \"+\"}\n  - {from: b, to: a, polarity: \"+\"}\n"
			nodes := "  - id: a\n  - id: b\n"
			if strings.HasPrefix(c.doc, "weight") {
				links = "  - from: a\n    to: b\n    polarity: \"+\"\n    " + c.doc + "\n  - {from: b, to: a, polarity: \"+\"}\n"
			} else {
				nodes = "  - id: a\n    " + c.doc + "\n  - id: b\n"
			}
			doc := "name: x\nnodes:\n" + nodes + "links:\n" + links
			f, err := Parse([]byte(doc))
			require.Error(t, err, "parsed: %+v", f)
			var se *problem.Error
			require.True(t, errors.As(err, &se), "%v", err)
			assert.NotZero(t, se.Problems[0].Line, "%v", err)
		})
	}
}

// TestHostileSelfAndDuplicateLinks: Validate names each problem; a caller
// who skips it still gets defined, bounded answers, with the repeated
// pair counted once.
func TestHostileSelfAndDuplicateLinks(t *testing.T) {
	doc := `name: loops on themselves
nodes: [{id: a}, {id: b}, {id: c}]
links:
  - {from: a, to: a, polarity: "+", weight: 2}
  - {from: a, to: b, polarity: "+"}
  - {from: a, to: b, polarity: "-", weight: 5}
  - {from: b, to: a, polarity: "+"}
  - {from: b, to: c, polarity: "+"}
  - {from: c, to: c, polarity: "-"}
`
	f, err := Parse([]byte(doc))
	require.NoError(t, err)
	assert.Equal(t, []string{"/links/0 self-link", "/links/2 duplicate-link", "/links/5 self-link"}, problems(t, f.Validate()))
	r := reviewPath(t, f)
	require.NoError(t, r.loopErr)
	var got []string
	for _, l := range r.loops {
		got = append(got, fmt.Sprintf("%s %v %v", l.ID, l.Nodes, l.Links))
	}
	// The second a → b (link 2) is not used: the first link of a pair wins.
	assert.ElementsMatch(t, []string{"R1 [a] [0]", "R2 [a b] [1 3]", "B1 [c] [5]"}, got)
	assert.NoError(t, r.levErr)
	assert.NoError(t, r.simErr)
	assert.Equal(t, 1, strings.Count(string(r.dot), "n0 -> n1"), "a repeated pair is drawn once")
}

// TestHostileLabelsInYAML: labels and IDs that are syntax in one of the
// output languages, read from YAML as a user would write them.
func TestHostileLabelsInYAML(t *testing.T) {
	doc := `name: 'Evil "wheel" </svg> end'
nodes:
  - {id: end, label: 'say "hi"'}
  - {id: '"]', label: 'a"] --> evil["x'}
  - {id: subgraph, label: end}
  - {id: '</svg>', label: '</svg><script>alert(1)</script>'}
  - {id: '%%{init}%%', label: '[brackets] {braces} (parens) | pipe'}
links:
  - {from: end, to: '"]', polarity: "+", note: '</text><script>'}
  - {from: '"]', to: subgraph, polarity: "+"}
  - {from: subgraph, to: '</svg>', polarity: "+"}
  - {from: '</svg>', to: '%%{init}%%', polarity: "+"}
  - {from: '%%{init}%%', to: end, polarity: "+"}
`
	f, err := Parse([]byte(doc))
	require.NoError(t, err)
	require.NoError(t, f.Validate())
	r := reviewPath(t, f)
	assert.NotContains(t, string(r.svg), "<script")
	assert.NotContains(t, string(r.md), "<script")
	for _, line := range strings.Split(string(r.mmd), "\n") {
		assert.NotEqual(t, "end", strings.TrimSpace(line))
		if !strings.HasPrefix(strings.TrimSpace(line), "%%") {
			// Outside comments, IDs never reach the chart (nodes are n0,
			// n1, ...) and labels are entity-coded.
			assert.NotContains(t, line, "%%{", line)
			assert.NotContains(t, line, "<", line)
			assert.NotContains(t, line, `"]`, line)
			assert.NotContains(t, line, "subgraph", line)
		}
	}
	for _, line := range strings.Split(strings.TrimSpace(string(r.dot)), "\n") {
		assert.NotContains(t, dotString.ReplaceAllString(line, `""`), "script", line)
	}
}

// TestHostileHugeDocumentRenders: 100,000 nodes in YAML are refused by
// Validate and by every analysis, and the diagrams say so instead of
// drawing 100,000 boxes without their links.
func TestHostileHugeDocumentRenders(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: huge\nnodes:\n")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&b, "  - id: n%d\n", i)
	}
	b.WriteString("links:\n  - {from: n0, to: n1, polarity: \"+\"}\n  - {from: n1, to: n0, polarity: \"+\"}\n")
	f, err := Parse([]byte(b.String()))
	require.NoError(t, err)
	assert.Equal(t, []string{"/nodes too-many-items"}, problems(t, f.Validate()))
	r := reviewPath(t, f)
	assert.ErrorIs(t, r.loopErr, ErrGraphTooLarge)
	assert.ErrorIs(t, r.levErr, ErrGraphTooLarge)
	assert.ErrorIs(t, r.simErr, ErrGraphTooLarge)
	assert.Equal(t, []string{"error graph-too-large /"}, rules(r.findings))
	for name, out := range map[string][]byte{"svg": r.svg, "dot": r.dot, "mermaid": r.mmd} {
		assert.Less(t, len(out), 1000, name)
		assert.Contains(t, string(out), "not drawn: flywheel: graph too large: 100000 nodes", name)
	}
}
