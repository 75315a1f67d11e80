package flywheel

import (
	"fmt"
	"strings"
)

// summaryLoops and summaryTop bound the lines of Summary.
const (
	summaryLoops = 8
	summaryTop   = 3
)

// Summary returns a few lines of plain text for a terminal: how many loops
// of each polarity, the strongest loops, the growth factor, the dominant
// loop, and where to push. Document text is printed as is (a terminal is
// not markup), with control characters replaced by spaces.
func (f *Flywheel) Summary() string {
	var b strings.Builder
	d := f.analyse()
	r := 0
	for _, l := range d.loops {
		if l.Polarity == Reinforcing {
			r++
		}
	}
	more := ""
	if d.truncated {
		more = " (search stopped at its bound)"
	}
	fmt.Fprintf(&b, "%s: %d loops, %d reinforcing, %d balancing%s\n", plain(f.Name), len(d.loops), r, len(d.loops)-r, more)
	for i := range d.loops {
		if i == summaryLoops {
			fmt.Fprintf(&b, "  … %d more\n", len(d.loops)-i)
			break
		}
		l := &d.loops[i]
		fmt.Fprintf(&b, "  %-4s %-11s gain %-7.4g rate %.4g/step: %s\n", l.ID, l.Polarity, l.Gain, l.Rate(), plain(f.path(l)))
	}
	lev, err := d.leverage()
	if err != nil {
		fmt.Fprintf(&b, "leverage not computed: %v\n", err)
		return b.String()
	}
	fmt.Fprintf(&b, "growth factor %.4g per step", lev.Growth)
	if lev.Dominant != nil {
		fmt.Fprintf(&b, ", dominant loop %s", lev.Dominant.ID)
	}
	if lev.Oscillates {
		b.WriteString(", oscillating")
	}
	b.WriteString("\n")
	if lev.Growth == 0 {
		return b.String()
	}
	b.WriteString("strongest links:")
	for i, l := range lev.Links {
		if i == summaryTop {
			break
		}
		fmt.Fprintf(&b, " %s → %s %.3f;", plain(f.name(l.From)), plain(f.name(l.To)), l.Elasticity)
	}
	b.WriteString("\npush at:")
	for i, n := range lev.Nodes {
		if i == summaryTop {
			break
		}
		dir := "up"
		if n.Push < 0 {
			dir = "down"
		}
		fmt.Fprintf(&b, " %s (%s, %.3f);", plain(f.name(n.Node)), dir, n.Push)
	}
	b.WriteString("\n")
	return b.String()
}

// plain keeps document text on one line and free of terminal escapes.
func plain(s string) string {
	return strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return ' '
		}
		return r
	}, s)
}
