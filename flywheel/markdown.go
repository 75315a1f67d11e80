package flywheel

import (
	"bytes"
	"fmt"

	"github.com/dayone-go/mechanisms/internal/render"
)

// Bounds of the Markdown report, which would otherwise grow with the
// number of loops (up to DefaultMaxLoops, each as long as the wheel) rather
// than with the document.
const (
	// maxMarkdownLoops is how many loops the loops table lists.
	maxMarkdownLoops = 100
	// maxMarkdownLinkLoops is how many loop IDs a row of the links table
	// lists before "+N more".
	maxMarkdownLinkLoops = 12
)

// Markdown renders a report for people: the wheel's nodes and links, its
// loops, its leverage and the review's findings. Every piece of document
// text is escaped, so a label holding "|" or "<script>" stays text.
func (f *Flywheel) Markdown() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# %s\n\n", md(f.Name))
	if f.Description != "" {
		fmt.Fprintf(&b, "%s\n\n", md(f.Description))
	}
	d := f.analyse()
	b.WriteString("## Loops\n\n")
	if len(d.loops) == 0 {
		b.WriteString("No loops: nothing comes back around.\n\n")
	} else {
		b.WriteString("| Loop | Polarity | Gain | Rate per step | Delay | Path |\n|---|---|---|---|---|---|\n")
		for i := range d.loops {
			if i == maxMarkdownLoops {
				fmt.Fprintf(&b, "\n… and %d more loops, left out of this report.\n", len(d.loops)-i)
				break
			}
			l := &d.loops[i]
			fmt.Fprintf(&b, "| %s | %s | %.4g | %.4g | %d | %s |\n", l.ID, l.Polarity, l.Gain, l.Rate(), l.Delay, md(f.path(l)))
		}
		if d.truncated {
			b.WriteString("\nThe loop search stopped at its bound; more loops exist.\n")
		}
		b.WriteString("\n")
	}
	b.WriteString("## Leverage\n\n")
	if lev, err := d.leverage(); err != nil {
		fmt.Fprintf(&b, "Not computed: %s.\n\n", md(err.Error()))
	} else {
		fmt.Fprintf(&b, "Growth factor per step (spectral radius): **%.4g**", lev.Growth)
		if lev.Oscillates {
			b.WriteString(", oscillating: the dominant eigenvalue is not positive real")
		}
		b.WriteString(".\n")
		if lev.Dominant != nil {
			fmt.Fprintf(&b, "Dominant loop: **%s** (%s), %.4g per step.\n", lev.Dominant.ID, lev.Dominant.Polarity, lev.Dominant.Rate())
		}
		b.WriteString("\n| Link | Elasticity |\n|---|---|\n")
		for _, l := range lev.Links {
			fmt.Fprintf(&b, "| %s → %s | %.3f |\n", md(f.name(l.From)), md(f.name(l.To)), l.Elasticity)
		}
		b.WriteString("\n| Node | Push share | Elasticity |\n|---|---|---|\n")
		for _, n := range lev.Nodes {
			fmt.Fprintf(&b, "| %s | %.3f | %.3f |\n", md(f.name(n.Node)), n.Push, n.Elasticity)
		}
		b.WriteString("\n")
	}
	b.WriteString("## Links\n\n| From | To | Polarity | Weight | Delay | Loops | Note |\n|---|---|---|---|---|---|---|\n")
	for k, l := range f.Links {
		fmt.Fprintf(&b, "| %s | %s | %s | %g | %d | %s | %s |\n", md(f.name(l.From)), md(f.name(l.To)), md(string(l.Polarity)), l.W(), l.Delay, d.loopIDs(k, maxMarkdownLinkLoops), md(l.Note))
	}
	b.WriteString("\n## Review\n\n")
	fs := d.review()
	if len(fs) == 0 {
		b.WriteString("No findings.\n")
	}
	for _, x := range fs {
		fmt.Fprintf(&b, "- **%s** `%s` at `%s`: %s", x.Severity, x.Rule, x.Path, md(x.Message))
		if x.Suggestion != "" {
			fmt.Fprintf(&b, " (%s)", md(x.Suggestion))
		}
		b.WriteString("\n")
	}
	return b.Bytes()
}

// md escapes text for Markdown: punctuation that could start markup gets a
// backslash, angle brackets and ampersands become entities so no HTML gets
// through, and line breaks become spaces so table rows hold.
func md(s string) string { return render.MarkdownInline(s) }
