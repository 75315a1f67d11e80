package flywheel

import (
	"errors"
	"fmt"
	"strings"
)

// Analysis is everything the renderers and the review need from a wheel,
// computed once by Analyze: the loops, the leverage, and indexes that keep
// every renderer near-linear in the wheel's size. Call Analyze once per
// document and hand the result to Review, Summary, Markdown, DOT, Mermaid
// and SVG; the methods of the same names on Flywheel each analyse afresh.
//
// An Analysis is read-only once made, so one may be used from many
// goroutines at once. It holds the Flywheel it was made from: change the
// wheel and analyse it again.
type Analysis struct {
	// Flywheel is the wheel analysed.
	Flywheel *Flywheel `json:"-"`
	// Loops are the wheel's loops as Loops returns them with default
	// LoopOptions: sorted, with IDs; those found before a bound, when one
	// stopped the search.
	Loops []Loop `json:"loops"`
	// LoopErr is the error of the loop search: nil when every loop was
	// found, one wrapping ErrTooManyLoops when a bound stopped it, or the
	// refusal of a wheel the search cannot take (ErrGraphTooLarge, a
	// non-finite weight).
	LoopErr error `json:"-"`
	// Leverage is the wheel's leverage (growth factor, elasticities,
	// dominant loop) computed from Loops; nil when LeverageErr says why
	// not.
	Leverage *Leverage `json:"leverage,omitempty"`
	// LeverageErr is why Leverage was not computed: a strongly connected
	// part larger than MaxLeverageNodes, a graph above the limits, or a
	// non-finite weight; nil otherwise.
	LeverageErr error `json:"-"`

	g         *graph
	idx       map[string]int32 // node positions by ID, the first when IDs repeat
	linkLoops [][]int32        // per link, the first loops through it (indexes in Loops)
	linkCount []int            // per link, how many loops go through it
}

// maxLinkLoops is how many loops per link the analysis remembers by name,
// the most any renderer lists.
const maxLinkLoops = max(maxMarkdownLinkLoops, maxLabelLoops)

// Analyze finds the wheel's loops (with default LoopOptions) and its
// leverage once, for the review and every renderer to share. It never
// fails: what it cannot compute it records in LoopErr and LeverageErr, and
// the review reports it as a finding.
//
// A nil *Flywheel is analysed as an empty wheel, so its review and
// renderings say there is nothing, rather than panic.
func (f *Flywheel) Analyze() *Analysis {
	if f == nil {
		f = &Flywheel{}
	}
	a := &Analysis{Flywheel: f, idx: f.index()}
	if err := f.checkSize(); err != nil {
		a.LoopErr, a.LeverageErr = err, err
		return a
	}
	a.g = newGraph(f)
	a.Loops, a.LoopErr = f.Loops(LoopOptions{})
	a.linkLoops = make([][]int32, len(f.Links))
	a.linkCount = make([]int, len(f.Links))
	for i := range a.Loops {
		for _, k := range a.Loops[i].Links {
			if a.linkCount[k] < maxLinkLoops {
				a.linkLoops[k] = append(a.linkLoops[k], int32(i))
			}
			a.linkCount[k]++
		}
	}
	if a.LoopErr == nil || errors.Is(a.LoopErr, ErrTooManyLoops) {
		a.Leverage, a.LeverageErr = f.leverage(a.Loops)
	} else {
		a.LeverageErr = a.LoopErr
	}
	return a
}

// truncated reports whether the loops are not all the wheel's loops.
func (a *Analysis) truncated() bool { return a.LoopErr != nil }

// Label returns the label shown for the node with the given ID (its Label,
// or the ID when it has none), or the ID itself when no node has it. It is
// a map lookup, so text of any length stays linear.
func (a *Analysis) Label(id string) string {
	if i, ok := a.idx[id]; ok {
		return a.Flywheel.Nodes[i].Name()
	}
	return id
}

// Path writes a loop in words, with node labels: "Customer experience →
// Traffic → Sellers → Customer experience".
func (a *Analysis) Path(l *Loop) string {
	var b strings.Builder
	for _, id := range l.Nodes {
		b.WriteString(a.Label(id))
		b.WriteString(" → ")
	}
	if len(l.Nodes) > 0 {
		b.WriteString(a.Label(l.Nodes[0]))
	}
	return b.String()
}

// nodeIndex returns the position of the node with the given ID.
func (a *Analysis) nodeIndex(id string) int { return int(a.idx[id]) }

// edges returns the link index of each drawn edge; links to unknown nodes
// and repeats of a pair are not drawn.
func (a *Analysis) edges() []int32 {
	if a.g == nil {
		return nil
	}
	return a.g.link
}

// loopIDs lists the IDs of the first limit loops through link k, then
// "+N more".
func (a *Analysis) loopIDs(k, limit int) string {
	if a.linkCount == nil {
		return ""
	}
	var b strings.Builder
	for i, l := range a.linkLoops[k] {
		if i == limit {
			break
		}
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(a.Loops[l].ID)
	}
	if shown := min(limit, len(a.linkLoops[k])); a.linkCount[k] > shown {
		fmt.Fprintf(&b, " +%d more", a.linkCount[k]-shown)
	}
	return b.String()
}

// main returns the main loop, the reinforcing loop of highest Rate (the
// first on ties), and the strongest balancing loop; nil when there is none.
func (a *Analysis) main() (main, balancing *Loop) {
	for i := range a.Loops {
		l := &a.Loops[i]
		switch {
		case l.Polarity == Reinforcing && (main == nil || l.Rate > main.Rate*(1+1e-12)):
			main = l
		case l.Polarity == Balancing && (balancing == nil || l.Rate > balancing.Rate*(1+1e-12)):
			balancing = l
		}
	}
	return main, balancing
}
