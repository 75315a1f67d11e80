package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strings"

	"github.com/dayone-go/mechanisms/flywheel"
)

func init() {
	register(kind{
		Name:       "flywheel",
		Title:      "Growth flywheel: a causal loop graph with its loops, leverage and diagrams",
		SchemaPath: "flywheel/flywheel.schema.json",
		Schema:     flywheel.Schema,
		Patterns:   []string{"*.flywheel.yaml", "*.flywheel.yml", "*.flywheel.json", "flywheel.yaml", "flywheel.json"},
		Keys:       []string{"nodes", "links"},
		Template:   "flywheel.yaml",
		Testdata:   "flywheel/testdata",
		Rules:      flywheel.Rules,
		Help:       "-steps simulates its spin-up",
		Check: func(data []byte) error {
			f, err := flywheel.Parse(data)
			if err != nil {
				return err
			}
			return f.Validate()
		},
		New: func(fl *flag.FlagSet) reviewer {
			r := &flywheelReviewer{}
			fl.IntVar(&r.steps, "steps", 0, "simulate each flywheel's spin-up for `n` steps after a push to its first node")
			return r
		},
	})
}

// maxLoopsShown bounds the loops the text report lists: a dense wheel has
// hundreds of thousands, and a report people read needs the shortest few.
const maxLoopsShown = 20

// maxLoopsInResult bounds the loops the JSON result lists: the largest
// wheel has hundreds of thousands, and a result must stay a size a tool
// reads. The Markdown rendering (-out) lists them as the package does.
const maxLoopsInResult = 1000

type flywheelReviewer struct {
	alone
	steps int
}

func (r *flywheelReviewer) Prepare(*env) error {
	if r.steps < 0 || r.steps > 10_000 {
		return usagef("-steps %d: want 1 to 10000 (0 for no simulation)", r.steps)
	}
	return nil
}

// flywheelResult is a flywheel's computed output in the JSON report.
type flywheelResult struct {
	// Loops are the shortest feedback loops found, at most 1,000, with
	// node labels; LoopCount counts every loop found.
	Loops     []flywheelLoop `json:"loops"`
	LoopCount int            `json:"loopCount"`
	// LoopLimitReached is set when the wheel has more loops than listed.
	LoopLimitReached bool `json:"loopLimitReached"`
	// Growth is the factor a push grows by per step (the spectral radius);
	// null when it could not be computed.
	Growth *float64 `json:"growth"`
	// Oscillates is set when a balancing structure dominates.
	Oscillates bool `json:"oscillates"`
	// Dominant is the id of the loop with the highest rate.
	Dominant string `json:"dominant,omitempty"`
	// Leverage ranks the links by how much 1% more weight raises growth.
	Leverage []flywheelLever `json:"leverage,omitempty"`
	// Simulation holds each node's level after each step, with -steps.
	Simulation map[string][]float64 `json:"simulation,omitempty"`
}

type flywheelLoop struct {
	ID       string   `json:"id"`
	Polarity string   `json:"polarity"`
	Gain     *float64 `json:"gain"`
	// GainAtLimit is set when the product of the weights passes the
	// largest float64 and Gain is held there: the true gain is at least
	// Gain. Rate stays exact.
	GainAtLimit bool `json:"gainAtLimit,omitempty"`
	// Rate is the loop's own growth factor per step.
	Rate  *float64 `json:"rate"`
	Delay int      `json:"delay"`
	// Length is the number of nodes around the loop.
	Length int `json:"length"`
	// Nodes are the labels around the loop; for a loop longer than
	// maxNodesListed only the first few, with LastNodes the last few and
	// NodesTruncated set.
	Nodes          []string `json:"nodes"`
	LastNodes      []string `json:"lastNodes,omitempty"`
	NodesTruncated bool     `json:"nodesTruncated,omitempty"`
}

// maxNodesListed bounds the node labels listed per loop, in the text and
// the JSON result: the largest wheel has hundreds of loops of thousands of
// nodes each, which listed whole take tens of megabytes. A longer loop
// lists its first nodesAtEnds and last nodesAtEnds.
const (
	maxNodesListed = 20
	nodesAtEnds    = 8
)

// loopEnds splits a loop's nodes into those listed first and last; last
// is nil when every node is listed.
func loopEnds(nodes []string) (first, last []string) {
	if len(nodes) <= maxNodesListed {
		return nodes, nil
	}
	return nodes[:nodesAtEnds], nodes[len(nodes)-nodesAtEnds:]
}

// gainWords is a loop's gain as the text report shows it: "≥1.8e+308"
// for a gain held at the float64 limit, as flywheel's own Markdown writes.
func gainWords(g float64) string {
	if g == math.MaxFloat64 {
		return "≥1.8e+308"
	}
	return number(g)
}

type flywheelLever struct {
	From       string  `json:"from"`
	To         string  `json:"to"`
	Elasticity float64 `json:"elasticity"`
}

// finite is v, or nil when it is NaN or infinite, so no output ever holds
// a number JSON cannot carry.
func finite(v float64) *float64 {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return nil
	}
	return &v
}

func (r *flywheelReviewer) Review(d *doc) {
	f, ok := load[flywheel.Flywheel](d)
	if !ok {
		return
	}
	label := make(map[string]string, len(f.Nodes))
	for _, n := range f.Nodes {
		label[n.ID] = n.Name()
	}
	labels := func(ids []string) []string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = label[id]
		}
		return out
	}
	// path is a loop's nodes in the text report, the middle of a long
	// loop left out.
	path := func(ids []string) string {
		first, last := loopEnds(ids)
		p := strings.Join(labels(first), " → ")
		if last != nil {
			p += fmt.Sprintf(" → … (%d more) → ", len(ids)-len(first)-len(last)) + strings.Join(labels(last), " → ")
		}
		return p
	}
	// Loops and leverage once, for the review, the report and every
	// rendering.
	a := f.Analyze()
	d.Findings = append(d.Findings, a.Review(flywheel.ReviewOptions{})...)
	var res flywheelResult
	loops, err := a.Loops, a.LoopErr
	if err != nil && !errors.Is(err, flywheel.ErrTooManyLoops) {
		d.fail(err)
		return
	}
	res.LoopLimitReached = err != nil
	res.Loops = []flywheelLoop{}
	res.LoopCount = len(loops)
	for _, l := range loops[:min(len(loops), maxLoopsInResult)] {
		first, last := loopEnds(l.Nodes)
		res.Loops = append(res.Loops, flywheelLoop{ID: l.ID, Polarity: string(l.Polarity), Gain: finite(l.Gain), GainAtLimit: l.Gain == math.MaxFloat64,
			Rate: finite(l.Rate), Delay: l.Delay, Length: len(l.Nodes), Nodes: labels(first), LastNodes: labels(last), NodesTruncated: last != nil})
	}
	more := ""
	if res.LoopLimitReached {
		more = " (stopped at the loop limit)"
	}
	reinforcing := 0
	for _, l := range loops {
		if l.Polarity == flywheel.Reinforcing {
			reinforcing++
		}
	}
	d.say("%s%s: %d reinforcing, %d balancing", count(len(loops), "loop"), more, reinforcing, len(loops)-reinforcing)
	for i, l := range loops {
		if i == maxLoopsShown {
			d.say("  … and %d more (see the Markdown with -out)", len(loops)-maxLoopsShown)
			break
		}
		delay := ""
		if l.Delay > 0 {
			delay = ", delay " + count(l.Delay, "step")
		}
		d.say("  %-3s %-11s gain %s%s: %s", l.ID, l.Polarity, gainWords(l.Gain), delay, path(l.Nodes))
	}
	if lev := a.Leverage; lev != nil {
		res.Growth, res.Oscillates = finite(lev.Growth), lev.Oscillates
		switch {
		case lev.Oscillates:
			d.say("growth: a balancing structure dominates; a push swings back and forth (by %s per step) rather than building", number(lev.Growth))
		case lev.Growth > 1:
			d.say("growth: a push grows by %s per step (%s per step once the wheel turns)", number(lev.Growth), percent((lev.Growth-1)*100))
		default:
			d.say("growth: a push fades by %s per step (%s per step); the wheel does not spin up on its own", number(lev.Growth), percent((lev.Growth-1)*100))
		}
		if lev.Dominant != nil {
			res.Dominant = lev.Dominant.ID
			d.say("dominant loop: %s (%s)", lev.Dominant.ID, path(lev.Dominant.Nodes))
		}
		for i, l := range lev.Links {
			if i == 5 || l.Elasticity == 0 {
				break
			}
			res.Leverage = append(res.Leverage, flywheelLever{From: label[l.From], To: label[l.To], Elasticity: l.Elasticity})
		}
		if len(lev.Links) > 0 && lev.Links[0].Elasticity > 0 {
			top := lev.Links[0]
			d.say("most leverage: %s → %s (1%% stronger raises growth by %s%%)", label[top.From], label[top.To], number(top.Elasticity))
		}
	}
	if r.steps > 0 {
		sim, err := f.Simulate(flywheel.SimOptions{Steps: r.steps})
		if err != nil {
			d.say("simulation over %s: %v", count(r.steps, "step"), err)
		} else {
			res.Simulation = map[string][]float64{}
			var ends []string
			for _, id := range sim.Nodes {
				series := sim.Series(id)
				for _, v := range series {
					if finite(v) == nil {
						series = nil // overflowed: no figure to show
						break
					}
				}
				res.Simulation[id] = series
				if len(series) > 0 {
					ends = append(ends, fmt.Sprintf("%s %s", label[id], number(series[len(series)-1])))
				}
			}
			d.say("after a push of 1 to %s, %s later: %s", label[f.Nodes[0].ID], count(r.steps, "step"), strings.Join(ends, "; "))
		}
	}
	d.Result = res
	d.write("flywheel.dot", a.DOT)
	d.write("flywheel.mmd", a.Mermaid)
	d.write("flywheel.svg", a.SVG)
	d.write("flywheel.md", a.Markdown)
}
