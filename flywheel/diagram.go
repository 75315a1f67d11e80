package flywheel

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
)

// maxLabelLoops is how many loop IDs a link's label lists before "+N more".
const maxLabelLoops = 4

// maxLegendLoops is how many loops a diagram's legend lists.
const maxLegendLoops = 12

// analysis is what the renderers and the review share, computed once: the
// loops (a bounded search), the IDs of the loops through each link, and
// the leverage when first asked for.
type analysis struct {
	f         *Flywheel
	g         *graph
	loops     []Loop
	loopErr   error
	truncated bool
	byLink    map[int][]string
	lev       *Leverage
	levErr    error
	levDone   bool
	idx       map[string]int32 // node positions by ID, built by nodeIndex
}

func (f *Flywheel) analyse() *analysis {
	d := &analysis{f: f, byLink: map[int][]string{}}
	if err := f.checkSize(); err != nil {
		d.truncated, d.loopErr = true, err
		return d
	}
	d.g = newGraph(f)
	loops, err := f.Loops(LoopOptions{})
	d.loops, d.loopErr, d.truncated = loops, err, err != nil
	for _, l := range loops {
		for _, k := range l.Links {
			d.byLink[k] = append(d.byLink[k], l.ID)
		}
	}
	return d
}

// leverage returns the wheel's leverage, computed on first use from the
// loops already found.
func (d *analysis) leverage() (*Leverage, error) {
	if !d.levDone {
		d.lev, d.levErr = d.f.leverage(d.loops)
		d.levDone = true
	}
	return d.lev, d.levErr
}

// edges returns the link index of each drawn edge; links to unknown nodes
// and repeats of a pair are not drawn.
func (d *analysis) edges() []int32 {
	if d.g == nil {
		return nil
	}
	return d.g.link
}

// linkLabel is the polarity sign followed by the loop IDs through link k.
func (d *analysis) linkLabel(k int) string {
	sign := "+"
	if d.f.Links[k].Polarity == Negative {
		sign = "−"
	}
	if ids := d.loopIDs(k, maxLabelLoops); ids != "" {
		return sign + " " + ids
	}
	return sign
}

// loopIDs lists the IDs of the first limit loops through link k, then
// "+N more".
func (d *analysis) loopIDs(k, limit int) string {
	var b strings.Builder
	ids := d.byLink[k]
	for i, id := range ids {
		if i > 0 {
			b.WriteByte(' ')
		}
		if i == limit {
			fmt.Fprintf(&b, "+%d more", len(ids)-i)
			break
		}
		b.WriteString(id)
	}
	return b.String()
}

// legend lists the first loops as "R1 reinforcing, gain 1.19: A → B → A".
func (d *analysis) legend() []string {
	var out []string
	for i := range d.loops {
		if i == maxLegendLoops {
			out = append(out, fmt.Sprintf("… and %d more loops", len(d.loops)-i))
			break
		}
		l := &d.loops[i]
		out = append(out, fmt.Sprintf("%s %s, gain %.3g: %s", l.ID, l.Polarity, l.Gain, d.f.path(l)))
	}
	if d.truncated {
		out = append(out, "(loop search stopped at its bound)")
	}
	return out
}

// DOT renders the wheel as a Graphviz digraph (circular "circo" layout):
// node shapes by kind (ellipse variable, box stock, house lever), each link
// labelled with its polarity and the loops through it, "+" links green and
// "−" links red and dashed, and a legend of the loops. Every label is
// escaped for DOT's quoted strings. Render with: circo -Tsvg wheel.dot.
//
// A wheel above MaxNodes or MaxLinks is not drawn: the graph holds only
// its name and why.
func (f *Flywheel) DOT() []byte {
	var b bytes.Buffer
	b.WriteString("digraph flywheel {\n")
	if err := f.checkSize(); err != nil {
		q := dotQuote(f.Name + "\nnot drawn: " + err.Error())
		fmt.Fprintf(&b, "  labelloc=t;\n  label=%s;\n}\n", q)
		return b.Bytes()
	}
	d := f.analyse()
	b.WriteString("  layout=circo;\n  labelloc=t;\n  fontname=\"Helvetica\";\n")
	// The legend's lines end in \l, DOT's left-justified line break.
	label := dotQuote(f.Name)
	label = label[:len(label)-1] + `\n`
	for _, line := range d.legend() {
		q := dotQuote(line)
		label += q[1:len(q)-1] + `\l`
	}
	fmt.Fprintf(&b, "  label=%s\";\n", label)
	b.WriteString("  node [fontname=\"Helvetica\", style=\"rounded\"];\n  edge [fontname=\"Helvetica\"];\n")
	for i, n := range f.Nodes {
		shape := "ellipse"
		switch n.Kind {
		case Stock:
			shape = "box"
		case Lever:
			shape = "house"
		}
		fmt.Fprintf(&b, "  n%d [label=%s, shape=%s];\n", i, dotQuote(n.Name()), shape)
	}
	for e, k := range d.edges() {
		style := `color="#1a7f37", fontcolor="#1a7f37"`
		if f.Links[k].Polarity == Negative {
			style = `color="#cf222e", fontcolor="#cf222e", style=dashed`
		}
		fmt.Fprintf(&b, "  n%d -> n%d [label=%s, %s];\n", d.g.from[e], d.g.to[e], dotQuote(d.linkLabel(int(k))), style)
	}
	b.WriteString("}\n")
	return b.Bytes()
}

// dotQuote returns s as a DOT quoted string. Backslashes are doubled so
// escapes such as \N or \l in a label stay literal text, and line breaks
// become \n.
func dotQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r', '\t':
			b.WriteByte(' ')
		default:
			if r < ' ' {
				b.WriteByte(' ')
				continue
			}
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// Mermaid renders the wheel as a Mermaid flowchart: nodes get generated IDs
// (n0, n1, ...) so no document text is ever read as syntax, labels are
// quoted with Mermaid's entity codes for quotes, brackets, pipes and
// markup, and "−" links are drawn dotted and red. Loop labels ride on the
// links; the legend is a list of comments.
//
// A wheel above MaxNodes or MaxLinks is not drawn: the chart holds only
// comments saying why.
func (f *Flywheel) Mermaid() []byte {
	var b bytes.Buffer
	b.WriteString("flowchart LR\n")
	if err := f.checkSize(); err != nil {
		fmt.Fprintf(&b, "  %%%% %s\n  %%%% not drawn: %s\n", mermaidComment(f.Name), mermaidComment(err.Error()))
		return b.Bytes()
	}
	d := f.analyse()
	for _, line := range append([]string{f.Name}, d.legend()...) {
		fmt.Fprintf(&b, "  %%%% %s\n", mermaidComment(line))
	}
	for i, n := range f.Nodes {
		open, close := "(\"", "\")"
		switch n.Kind {
		case Stock:
			open, close = "[\"", "\"]"
		case Lever:
			open, close = "[/\"", "\"/]"
		}
		fmt.Fprintf(&b, "  n%d%s%s%s\n", i, open, mermaidText(n.Name()), close)
	}
	var red []string
	for e, k := range d.edges() {
		arrow := "-->"
		if f.Links[k].Polarity == Negative {
			arrow = "-.->"
			red = append(red, strconv.Itoa(e))
		}
		fmt.Fprintf(&b, "  n%d %s|\"%s\"| n%d\n", d.g.from[e], arrow, mermaidText(d.linkLabel(int(k))), d.g.to[e])
	}
	if len(red) > 0 {
		fmt.Fprintf(&b, "  linkStyle %s stroke:#cf222e,color:#cf222e\n", strings.Join(red, ","))
	}
	return b.Bytes()
}

// mermaidText escapes a label for a quoted Mermaid string with entity codes
// (#quot;, #35;, ...), which Mermaid decodes for display.
func mermaidText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '"':
			b.WriteString("#quot;")
		case strings.ContainsRune("#&<>[]{}()|;%`\\*_~=", r):
			fmt.Fprintf(&b, "#%d;", r)
		case r < ' ' || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// mermaidComment keeps a comment on one line and without braces, so it
// cannot become a %%{ }%% directive.
func mermaidComment(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r < ' ' || r == 0x7f:
			return ' '
		case r == '{':
			return '('
		case r == '}':
			return ')'
		}
		return r
	}, s)
}
