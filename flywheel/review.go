package flywheel

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// MaxWheelNodes is how many nodes a main loop may have before the review
// warns: a wheel people can recite has four to six parts.
const MaxWheelNodes = 6

// Review rule ids.
const (
	RuleNotOnWheel         = "not-on-wheel"
	RuleTooManyComponents  = "too-many-components"
	RuleBalancingDominates = "balancing-dominates"
	RuleWeakestLink        = "weakest-link"
	RuleNoReinforcingLoop  = "no-reinforcing-loop"
	RuleSpinsDown          = "spins-down"
	RuleOscillates         = "oscillates"
	RuleLoopsTruncated     = "loops-truncated"
	RuleLeverageSkipped    = "leverage-skipped"
	RuleTooLarge           = "too-large"
)

// Review returns advice on a wheel that may be valid and still weak,
// sorted by path: nodes on no loop that are not levers, a main loop of more
// than MaxWheelNodes parts, a balancing loop stronger than the main
// reinforcing loop, the main loop's weakest link, a wheel whose dominant
// mode oscillates, and one whose growth factor is below 1. The main loop is
// the reinforcing loop of highest Rate. Review never fails: what it cannot
// compute it reports as a finding.
func (f *Flywheel) Review() []Finding {
	return f.analyse().review()
}

func (d *analysis) review() []Finding {
	f := d.f
	var out []Finding
	add := func(rule string, sev Severity, path, suggestion, format string, args ...any) {
		out = append(out, Finding{Rule: rule, Severity: sev, Path: path, Message: fmt.Sprintf(format, args...), Suggestion: suggestion})
	}
	if err := f.checkSize(); err != nil {
		add(RuleTooLarge, Error, "/", "split the wheel, or model groups of parts as one node", "%v", err)
		return out
	}
	on := newGraph(f).onLoop()
	for i, n := range f.Nodes {
		if !on[i] && n.Kind != Lever {
			add(RuleNotOnWheel, Warning, fmt.Sprintf("/nodes/%d", i),
				"link it into a loop, or mark it kind: lever if the company sets it directly",
				"%q is on no loop: nothing it does comes back around", n.Name())
		}
	}
	loops := d.loops
	if errors.Is(d.loopErr, ErrTooManyLoops) {
		add(RuleLoopsTruncated, Info, "/links", "", "only the first %d loops were reviewed: %v", len(loops), d.loopErr)
	}
	var main, balancing *Loop
	for i := range loops {
		l := &loops[i]
		switch {
		case l.Polarity == Reinforcing && (main == nil || l.Rate() > main.Rate()*(1+1e-12)):
			main = l
		case l.Polarity == Balancing && (balancing == nil || l.Rate() > balancing.Rate()*(1+1e-12)):
			balancing = l
		}
	}
	if main == nil {
		add(RuleNoReinforcingLoop, Error, "/links", "close a loop with an even number of \"-\" links",
			"no loop reinforces itself, so this is not a flywheel")
	} else {
		if len(main.Nodes) > MaxWheelNodes {
			add(RuleTooManyComponents, Warning, "/nodes",
				"merge parts that move together, or keep the others on an outer loop",
				"the main loop %s has %d parts; a wheel people remember has at most %d", main.ID, len(main.Nodes), MaxWheelNodes)
		}
		if balancing != nil && balancing.Rate() > main.Rate() {
			add(RuleBalancingDominates, Warning, fmt.Sprintf("/links/%d", balancing.Links[0]),
				"weaken a link of the balancing loop or strengthen the main loop",
				"balancing loop %s (%s, %.3g per step) is stronger than the main reinforcing loop %s (%.3g per step): it will hold the wheel back",
				balancing.ID, f.path(balancing), balancing.Rate(), main.ID, main.Rate())
		}
		weak := main.Links[0]
		for _, k := range main.Links[1:] {
			if f.Links[k].W() < f.Links[weak].W() {
				weak = k
			}
		}
		add(RuleWeakestLink, Info, fmt.Sprintf("/links/%d", weak), "invest where the wheel is weakest",
			"the weakest link of the main loop %s (%s) is %s → %s with weight %g",
			main.ID, f.path(main), f.name(f.Links[weak].From), f.name(f.Links[weak].To), f.Links[weak].W())
	}
	lev, err := d.leverage()
	switch {
	case err != nil:
		add(RuleLeverageSkipped, Info, "/", "", "leverage was not computed: %v", err)
	case main == nil:
	case lev.Oscillates:
		add(RuleOscillates, Warning, "/links", "weaken or slow the balancing loops that feed back quickly",
			"the wheel's dominant mode is not steady growth (eigenvalue %.3g%+.3gi): pushes come back as swings", lev.Eigenvalue[0], lev.Eigenvalue[1])
	case lev.Growth < 1:
		add(RuleSpinsDown, Info, "/links", "strengthen the links with the highest elasticity",
			"the wheel's growth factor is %.3g per step: a push is amplified but fades rather than spinning the wheel up", lev.Growth)
	}
	finding.Sort(out)
	return out
}

// path writes a loop as "A → B → C → A" with node labels.
func (f *Flywheel) path(l *Loop) string {
	var b strings.Builder
	for _, id := range l.Nodes {
		b.WriteString(f.name(id))
		b.WriteString(" → ")
	}
	if len(l.Nodes) > 0 {
		b.WriteString(f.name(l.Nodes[0]))
	}
	return b.String()
}

// name returns the label of the node with the given ID, or the ID.
func (f *Flywheel) name(id string) string {
	for _, n := range f.Nodes {
		if n.ID == id {
			return n.Name()
		}
	}
	return id
}

// Locate fills in the Line and Column of each finding from the source
// document the wheel was parsed from; findings whose path is not found keep
// 0.
func Locate(data []byte, fs []Finding) { finding.Place(data, fs) }
