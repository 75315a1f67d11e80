package flywheel

import (
	"errors"
	"fmt"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// MaxWheelNodes is how many nodes a main loop may have before the review
// warns: a wheel people can recite has four to six parts.
const MaxWheelNodes = 6

// ReviewOptions tune the review. The zero value reviews with every rule at
// its default severity.
type ReviewOptions struct {
	// Disable lists rule ids whose findings are dropped ("weakest-link").
	Disable []string
	// Severity gives rules another severity than their default, by rule id
	// ({"spins-down": "warning"}). Unknown severities are ignored.
	Severity map[string]Severity
	// MaxWheelNodes is how many parts the main loop may have before
	// RuleTooManyComponents fires; 0 means MaxWheelNodes (6).
	MaxWheelNodes int
}

// Review returns advice on a wheel that may be valid and still weak,
// sorted by path: nodes on no loop that are not levers, a main loop of more
// than MaxWheelNodes parts, a balancing loop stronger than the main
// reinforcing loop, the main loop's weakest link, a wheel whose strongest
// pattern swings or flips, and one whose growth factor is below 1 (spins
// down, whether it fades steadily or in swings). The main loop is the
// reinforcing loop of highest Rate. Review never fails: what it cannot
// compute it reports as a finding. Messages name nodes by their labels.
//
// Review analyses the wheel afresh; with an Analysis at hand, call its
// Review.
func (f *Flywheel) Review(opts ReviewOptions) []Finding {
	return f.Analyze().Review(opts)
}

// Review is Flywheel.Review on the loops and leverage already computed.
func (a *Analysis) Review(opts ReviewOptions) []Finding {
	f := a.Flywheel
	var out []Finding
	add := func(rule string, sev Severity, path, suggestion, format string, args ...any) {
		out = append(out, Finding{Rule: rule, Severity: sev, Path: path, Message: fmt.Sprintf(format, args...), Suggestion: suggestion})
	}
	if err := f.checkSize(); err != nil {
		add(RuleGraphTooLarge, Error, "/", "split the wheel, or model groups of parts as one node", "%v", err)
		return finding.Apply(out, opts.Disable, opts.Severity)
	}
	on := a.g.onLoop()
	for i, n := range f.Nodes {
		if !on[i] && n.Kind != Lever {
			add(RuleNotOnWheel, Warning, fmt.Sprintf("/nodes/%d", i),
				"link it into a loop, or mark it kind: lever if the company sets it directly",
				"%q is on no loop: nothing it does comes back around", n.Name())
		}
	}
	if errors.Is(a.LoopErr, ErrTooManyLoops) {
		add(RuleLoopsTruncated, Info, "/links", "", "only the first %d loops were reviewed: %v", len(a.Loops), a.LoopErr)
	}
	main, balancing := a.main()
	maxParts := opts.MaxWheelNodes
	if maxParts <= 0 {
		maxParts = MaxWheelNodes
	}
	if main == nil {
		add(RuleNoReinforcingLoop, Error, "/links", "close a loop with an even number of \"-\" links",
			"no loop reinforces itself, so this is not a flywheel")
	} else {
		if len(main.Nodes) > maxParts {
			add(RuleTooManyComponents, Warning, "/nodes",
				"merge parts that move together, or keep the others on an outer loop",
				"the main loop %s has %d parts; a wheel people remember has at most %d", main.ID, len(main.Nodes), maxParts)
		}
		if balancing != nil && balancing.Rate > main.Rate {
			add(RuleBalancingDominates, Warning, fmt.Sprintf("/links/%d", balancing.Links[0]),
				"weaken a link of the balancing loop or strengthen the main loop",
				"balancing loop %s (%s, %s per step) is stronger than the main reinforcing loop %s (%s per step): it will hold the wheel back",
				balancing.ID, plain(a.Path(balancing)), short(balancing.Rate), main.ID, short(main.Rate))
		}
		weak := main.Links[0]
		for _, k := range main.Links[1:] {
			if f.Links[k].W() < f.Links[weak].W() {
				weak = k
			}
		}
		add(RuleWeakestLink, Info, fmt.Sprintf("/links/%d", weak), "invest where the wheel is weakest",
			"the weakest link of the main loop %s (%s) is %s → %s with weight %s",
			main.ID, plain(a.Path(main)), plain(a.Label(f.Links[weak].From)), plain(a.Label(f.Links[weak].To)), short(f.Links[weak].W()))
	}
	lev, err := a.Leverage, a.LeverageErr
	switch {
	case err != nil:
		add(RuleLeverageSkipped, Info, "/", "", "leverage was not computed: %v", err)
	case main == nil:
	default:
		if lev.Oscillates {
			add(RuleOscillates, Warning, "/links", "weaken or slow the balancing loops that feed back quickly",
				"%s", lowerFirst(lev.Description))
		}
		if lev.Growth < 1 {
			add(RuleSpinsDown, Info, "/links", "strengthen the links with the highest elasticity until the growth factor passes 1",
				"the wheel's growth factor is %s per step, below 1: a push is amplified on its way round but fades rather than spinning the wheel up", short(lev.Growth))
		}
	}
	finding.Sort(out)
	return finding.Apply(out, opts.Disable, opts.Severity)
}

// lowerFirst lowers the first letter of a sentence that becomes a clause.
func lowerFirst(s string) string {
	if s != "" && s[0] >= 'A' && s[0] <= 'Z' {
		return string(s[0]+'a'-'A') + s[1:]
	}
	return s
}

// Place fills in the Line and Column of each finding from data, the source
// document the wheel was parsed from, parsing it once for all findings; a
// finding whose path is not in the source gets the place of the nearest
// enclosing value.
func Place(data []byte, findings []Finding) { finding.Place(data, findings) }
