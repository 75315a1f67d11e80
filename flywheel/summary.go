package flywheel

import (
	"io"
	"strings"
)

// summaryLoops and summaryTop bound the lines of Summary.
const (
	summaryLoops = 8
	summaryTop   = 3
)

// Summary writes a few lines of plain text for a terminal: how many loops
// of each polarity, the strongest loops, the growth factor and what it
// means in words, the dominant loop, and where to push. Nodes appear by
// their labels. Document text is printed as is (a terminal is not markup),
// with control characters replaced by spaces.
func (f *Flywheel) Summary(w io.Writer) error { return f.Analyze().Summary(w) }

// Summary is Flywheel.Summary on the loops and leverage already computed.
func (a *Analysis) Summary(w io.Writer) error {
	f := a.Flywheel
	b := newOutput(w)
	r := 0
	for _, l := range a.Loops {
		if l.Polarity == Reinforcing {
			r++
		}
	}
	more := ""
	if a.truncated() {
		more = " (search stopped at its bound)"
	}
	b.printf("%s: %d loops, %d reinforcing, %d balancing%s\n", plain(f.Name), len(a.Loops), r, len(a.Loops)-r, more)
	for i := range a.Loops {
		if i == summaryLoops {
			b.printf("  … %d more\n", len(a.Loops)-i)
			break
		}
		l := &a.Loops[i]
		b.printf("  %-4s %-11s gain %-7.4g rate %.4g/step: %s\n", l.ID, l.Polarity, l.Gain, l.Rate, plain(a.Path(l)))
	}
	lev, err := a.Leverage, a.LeverageErr
	if err != nil {
		b.printf("leverage not computed: %v\n", err)
		return b.close()
	}
	b.printf("growth factor %.4g per step", lev.Growth)
	if lev.Dominant != nil {
		b.printf(", dominant loop %s", lev.Dominant.ID)
	}
	b.str("\n" + lev.Description + "\n")
	if lev.Growth == 0 {
		return b.close()
	}
	b.str("strongest links:")
	for i, l := range lev.Links {
		if i == summaryTop {
			break
		}
		b.printf(" %s → %s %.3f;", plain(a.Label(l.From)), plain(a.Label(l.To)), l.Elasticity)
	}
	b.str("\npush at:")
	for i, n := range lev.Nodes {
		if i == summaryTop {
			break
		}
		dir := "up"
		if n.Push < 0 {
			dir = "down"
		}
		b.printf(" %s (%s, %.3f);", plain(a.Label(n.Node)), dir, n.Push)
	}
	b.str("\n")
	return b.close()
}

// plain keeps document text on one line and free of terminal escapes.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		if control(r) {
			return ' '
		}
		return r
	}, s)
}

// control reports whether r is a control character: C0, DEL or C1 (NEL,
// U+0085, breaks lines in some terminals and parsers).
func control(r rune) bool { return r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) }
