package flywheel

import (
	"io"

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

// Markdown writes a report for people: the wheel's loops (the first 100),
// its leverage in numbers and in words, its links with the loops through
// each, and the review's findings. Every piece of document text is
// escaped, so a label holding "|" or "<script>" stays text. The report
// grows linearly with the document.
func (f *Flywheel) Markdown(w io.Writer) error { return f.Analyze().Markdown(w) }

// Markdown is Flywheel.Markdown on the loops and leverage already computed.
func (a *Analysis) Markdown(w io.Writer) error {
	f := a.Flywheel
	b := newOutput(w)
	b.printf("# %s\n\n", md(f.Name))
	if f.Description != "" {
		b.printf("%s\n\n", md(f.Description))
	}
	b.str("## Loops\n\n")
	if len(a.Loops) == 0 {
		b.str("No loops: nothing comes back around.\n\n")
	} else {
		b.str("| Loop | Polarity | Gain | Rate per step | Delay | Path |\n|---|---|---|---|---|---|\n")
		for i := range a.Loops {
			if i == maxMarkdownLoops {
				b.printf("\n… and %d more loops, left out of this report.\n", len(a.Loops)-i)
				break
			}
			l := &a.Loops[i]
			b.printf("| %s | %s | %s | %.4g | %d | %s |\n", l.ID, l.Polarity, gainText(l.Gain), l.Rate, l.Delay, md(a.Path(l)))
		}
		if a.truncated() {
			b.str("\nThe loop search stopped at its bound; more loops exist.\n")
		}
		b.str("\n")
	}
	b.str("## Leverage\n\n")
	if lev, err := a.Leverage, a.LeverageErr; err != nil {
		b.printf("Not computed: %s.\n\n", md(err.Error()))
	} else {
		b.printf("%s\n\n", md(lev.Description))
		b.printf("Growth factor per step (spectral radius): **%.4g**.\n", lev.Growth)
		if lev.Dominant != nil {
			b.printf("Dominant loop: **%s** (%s), %.4g per step: %s.\n", lev.Dominant.ID, lev.Dominant.Polarity, lev.Dominant.Rate, md(a.Path(lev.Dominant)))
		}
		b.str("\n| Link | Elasticity |\n|---|---|\n")
		for _, l := range lev.Links {
			b.printf("| %s → %s | %.3f |\n", md(a.Label(l.From)), md(a.Label(l.To)), l.Elasticity)
		}
		b.str("\n| Node | Push share | Elasticity |\n|---|---|---|\n")
		for _, n := range lev.Nodes {
			b.printf("| %s | %.3f | %.3f |\n", md(a.Label(n.Node)), n.Push, n.Elasticity)
		}
		b.str("\n")
	}
	b.str("## Links\n\n| From | To | Polarity | Weight | Delay | Loops | Note |\n|---|---|---|---|---|---|---|\n")
	for k, l := range f.Links {
		b.printf("| %s | %s | %s | %g | %d | %s | %s |\n", md(a.Label(l.From)), md(a.Label(l.To)), md(string(l.Polarity)), l.W(), l.Delay, a.loopIDs(k, maxMarkdownLinkLoops), md(l.Note))
	}
	b.str("\n## Review\n\n")
	fs := a.Review(ReviewOptions{})
	if len(fs) == 0 {
		b.str("No findings.\n")
	}
	for _, x := range fs {
		b.printf("- **%s** `%s` at `%s`: %s", x.Severity, x.Rule, x.Path, md(x.Message))
		if x.Suggestion != "" {
			b.printf(" (%s)", md(x.Suggestion))
		}
		b.str("\n")
	}
	return b.close()
}

// md escapes text for Markdown: punctuation that could start markup gets a
// backslash, angle brackets and ampersands become entities so no HTML gets
// through, and line breaks become spaces so table rows hold.
func md(s string) string { return render.MarkdownInline(s) }
