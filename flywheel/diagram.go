package flywheel

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// maxLabelLoops is how many loop IDs a link's label lists before "+N more".
const maxLabelLoops = 4

// maxLegendLoops is how many loops a diagram's legend lists.
const maxLegendLoops = 12

// linkLabel is the polarity sign followed by the loop IDs through link k.
func (a *Analysis) linkLabel(k int) string {
	sign := "+"
	if a.Flywheel.Links[k].Polarity == Negative {
		sign = "−"
	}
	if ids := a.loopIDs(k, maxLabelLoops); ids != "" {
		return sign + " " + ids
	}
	return sign
}

// legend lists the first loops as "R1 reinforcing, gain 1.19: A → B → A".
func (a *Analysis) legend() []string {
	var out []string
	for i := range a.Loops {
		if i == maxLegendLoops {
			out = append(out, fmt.Sprintf("… and %d more loops", len(a.Loops)-i))
			break
		}
		l := &a.Loops[i]
		out = append(out, fmt.Sprintf("%s %s, gain %s: %s", l.ID, l.Polarity, gainText3(l.Gain), a.Path(l)))
	}
	if a.truncated() {
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
func (f *Flywheel) DOT(w io.Writer) error { return f.Analyze().DOT(w) }

// DOT is Flywheel.DOT on the loops already computed.
func (a *Analysis) DOT(w io.Writer) error {
	f := a.Flywheel
	b := newOutput(w)
	b.str("digraph flywheel {\n")
	if err := f.checkSize(); err != nil {
		q := dotQuote(f.Name + "\nnot drawn: " + err.Error())
		b.printf("  labelloc=t;\n  label=%s;\n}\n", q)
		return b.close()
	}
	b.str("  layout=circo;\n  labelloc=t;\n  fontname=\"Helvetica\";\n")
	// The legend's lines end in \l, DOT's left-justified line break.
	label := dotQuote(f.Name)
	label = label[:len(label)-1] + `\n`
	for _, line := range a.legend() {
		q := dotQuote(line)
		label += q[1:len(q)-1] + `\l`
	}
	b.printf("  label=%s\";\n", label)
	b.str("  node [fontname=\"Helvetica\", style=\"rounded\"];\n  edge [fontname=\"Helvetica\"];\n")
	for i, n := range f.Nodes {
		shape := "ellipse"
		switch n.Kind {
		case Stock:
			shape = "box"
		case Lever:
			shape = "house"
		}
		b.printf("  n%d [label=%s, shape=%s];\n", i, dotQuote(n.Name()), shape)
	}
	for e, k := range a.edges() {
		style := `color="#1a7f37", fontcolor="#1a7f37"`
		if f.Links[k].Polarity == Negative {
			style = `color="#cf222e", fontcolor="#cf222e", style=dashed`
		}
		b.printf("  n%d -> n%d [label=%s, %s];\n", a.g.from[e], a.g.to[e], dotQuote(a.linkLabel(int(k))), style)
	}
	b.str("}\n")
	return b.close()
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
			if control(r) {
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
func (f *Flywheel) Mermaid(w io.Writer) error { return f.Analyze().Mermaid(w) }

// Mermaid is Flywheel.Mermaid on the loops already computed.
func (a *Analysis) Mermaid(w io.Writer) error {
	f := a.Flywheel
	b := newOutput(w)
	b.str("flowchart LR\n")
	if err := f.checkSize(); err != nil {
		b.printf("  %%%% %s\n  %%%% not drawn: %s\n", mermaidComment(f.Name), mermaidComment(err.Error()))
		return b.close()
	}
	for _, line := range append([]string{f.Name}, a.legend()...) {
		b.printf("  %%%% %s\n", mermaidComment(line))
	}
	for i, n := range f.Nodes {
		open, close := "(\"", "\")"
		switch n.Kind {
		case Stock:
			open, close = "[\"", "\"]"
		case Lever:
			open, close = "[/\"", "\"/]"
		}
		b.printf("  n%d%s%s%s\n", i, open, mermaidText(n.Name()), close)
	}
	var red []string
	for e, k := range a.edges() {
		arrow := "-->"
		if f.Links[k].Polarity == Negative {
			arrow = "-.->"
			red = append(red, strconv.Itoa(e))
		}
		b.printf("  n%d %s|\"%s\"| n%d\n", a.g.from[e], arrow, mermaidText(a.linkLabel(int(k))), a.g.to[e])
	}
	if len(red) > 0 {
		b.printf("  linkStyle %s stroke:#cf222e,color:#cf222e\n", strings.Join(red, ","))
	}
	return b.close()
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
		case control(r):
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
		case control(r):
			return ' '
		case r == '{':
			return '('
		case r == '}':
			return ')'
		}
		return r
	}, s)
}
