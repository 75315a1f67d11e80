package decision

import (
	"fmt"
	"math"
	"strconv"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/finding"
)

// Finding is one piece of review advice about a valid decision.
type Finding = finding.Finding

// Severity ranks a finding.
type Severity = finding.Severity

// Severities of findings.
const (
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// Door is the kind of decision: a one-way door (Type 1), which is hard to
// walk back and deserves a slow, careful process, or a two-way door (Type 2),
// which can be walked back and should be decided quickly.
type Door string

// Doors.
const (
	OneWay Door = "one-way"
	TwoWay Door = "two-way"
)

var doors = enum.Set[Door]{OneWay, TwoWay}

// Valid reports whether d is a known door.
func (d Door) Valid() bool { return doors.Has(d) }

// Values lists the doors.
func (Door) Values() []string { return doors.Strings() }

// MarshalText refuses unknown doors.
func (d Door) MarshalText() ([]byte, error) { return doors.Marshal("door", d) }

// UnmarshalText refuses unknown doors and lists the allowed ones.
func (d *Door) UnmarshalText(b []byte) error {
	v, err := doors.Parse("door", b)
	if err == nil {
		*d = v
	}
	return err
}

// Reason is one policy rule that pointed the decision at a door.
type Reason struct {
	// Rule is the stable id of the policy rule (see the package documentation).
	Rule string `json:"rule"`
	// Door is the door this rule points to.
	Door Door `json:"door"`
	// Path is the JSON pointer of the decision field the rule read.
	Path string `json:"path"`
	// Message says why, in words.
	Message string `json:"message"`
}

// Process is how the door says the decision should be made.
type Process struct {
	// Deciders says who decides.
	Deciders string `json:"deciders"`
	// Deliberation says how much deliberation the door deserves.
	Deliberation string `json:"deliberation"`
	// Information is the share of the information you wish you had to
	// gather before deciding.
	Information float64 `json:"information"`
	// MaxGroup is the largest group that should decide a two-way door; 0
	// for a one-way door, where consultation is wide.
	MaxGroup int `json:"maxGroup,omitempty"`
	// DisagreeAndCommit says how dissent is handled.
	DisagreeAndCommit string `json:"disagreeAndCommit"`
}

// Classification is the verdict of Classify.
type Classification struct {
	// Door is one-way when any reason points one way, two-way otherwise.
	Door Door `json:"door"`
	// Reasons lists every rule that fired, one-way and two-way alike, in
	// the order of the decision's fields.
	Reasons []Reason `json:"reasons"`
	// Process is what the door calls for.
	Process Process `json:"process"`
	// Findings is review advice; it never makes the decision invalid.
	Findings []Finding `json:"findings,omitempty"`
}

// Reason rule ids.
const (
	RuleOneWayArea        = "one-way-area"
	RuleTwoWayArea        = "two-way-area"
	RuleIrreversible      = "irreversible"
	RuleIrreversibleMinor = "irreversible-minor"
	RuleReversible        = "reversible"
	RuleUndoCost          = "undo-cost"
	RuleUndoCostWithin    = "undo-cost-within"
	RuleUndoTime          = "undo-time"
	RuleUndoTimeWithin    = "undo-time-within"
)

// Classify decides which door d is under policy p, with every reason, the
// process the door calls for and review findings. Both documents must be
// valid: an invalid one is refused with an error wrapping ErrInvalidDecision
// or ErrInvalidPolicy and the *ValidationError.
func Classify(d *Decision, p Policy) (Classification, error) {
	if d == nil {
		return Classification{}, ErrNilDecision
	}
	if err := p.Validate(); err != nil {
		return Classification{}, fmt.Errorf("decision: classify: %w: %w", ErrInvalidPolicy, err)
	}
	if err := d.Validate(); err != nil {
		return Classification{}, fmt.Errorf("decision: classify: %w: %w", ErrInvalidDecision, err)
	}
	c := Classification{Door: TwoWay, Reasons: reasons(d, &p)}
	for _, r := range c.Reasons {
		if r.Door == OneWay {
			c.Door = OneWay
			break
		}
	}
	c.Process = process(c.Door, &p)
	c.Findings = review(d, &p, c.Door)
	return c, nil
}

func reasons(d *Decision, p *Policy) []Reason {
	var rs []Reason
	add := func(rule string, door Door, path, format string, args ...any) {
		rs = append(rs, Reason{Rule: rule, Door: door, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	for i, a := range d.Areas {
		path := "/areas/" + strconv.Itoa(i)
		switch {
		case p.oneWay(a):
			add(RuleOneWayArea, OneWay, path, "the policy makes every decision touching %s a one-way door", a)
		case p.twoWay(a):
			add(RuleTwoWayArea, TwoWay, path, "the policy treats %s as a two-way door", a)
		}
	}
	rev := d.Reversibility
	th := p.OneWayWhen
	if *rev.Reversible {
		add(RuleReversible, TwoWay, "/reversibility/reversible", "the decision can be walked back")
	} else if d.Impact >= th.ImpactAtLeast {
		add(RuleIrreversible, OneWay, "/reversibility/reversible", "the decision cannot be walked back and its impact %d reaches the policy's %d", d.Impact, th.ImpactAtLeast)
	} else {
		add(RuleIrreversibleMinor, TwoWay, "/impact", "the decision cannot be walked back, but its impact %d is below the policy's %d", d.Impact, th.ImpactAtLeast)
	}
	if rev.UndoCost != nil && th.UndoCostAtLeast != nil {
		if *rev.UndoCost >= *th.UndoCostAtLeast {
			add(RuleUndoCost, OneWay, "/reversibility/undoCost", "undoing it would cost %s %s, at or above the policy's %s", money(*rev.UndoCost), p.Currency, money(*th.UndoCostAtLeast))
		} else {
			add(RuleUndoCostWithin, TwoWay, "/reversibility/undoCost", "undoing it would cost %s %s, below the policy's %s", money(*rev.UndoCost), p.Currency, money(*th.UndoCostAtLeast))
		}
	}
	if rev.UndoTime != "" && th.UndoTimeAtLeast != "" {
		got, ok1 := rev.UndoTime.Days()
		limit, ok2 := th.UndoTimeAtLeast.Days()
		if ok1 && ok2 {
			if got >= limit {
				add(RuleUndoTime, OneWay, "/reversibility/undoTime", "undoing it would take %s, at least the policy's %s", rev.UndoTime, th.UndoTimeAtLeast)
			} else {
				add(RuleUndoTimeWithin, TwoWay, "/reversibility/undoTime", "undoing it would take %s, less than the policy's %s", rev.UndoTime, th.UndoTimeAtLeast)
			}
		}
	}
	return rs
}

func process(door Door, p *Policy) Process {
	if door == OneWay {
		return Process{
			Deciders:          "the driver proposes; the approver decides after consulting the contributors and hearing every dissent",
			Deliberation:      "slow and careful: written options with pros and cons, a risk map, consultation and a review before committing",
			Information:       *p.Information.OneWay,
			DisagreeAndCommit: "record every dissent before deciding; once decided, everyone commits",
		}
	}
	return Process{
		Deciders:          fmt.Sprintf("the driver, alone or with a small group of at most %d people", p.SmallGroupMax),
		Deliberation:      fmt.Sprintf("fast: decide with about %s of the information you wish you had, map the risks and decision makers in advance, and walk back through the door if it proves wrong", percent(*p.Information.TwoWay)),
		Information:       *p.Information.TwoWay,
		MaxGroup:          p.SmallGroupMax,
		DisagreeAndCommit: "disagree and commit: dissent is recorded, it does not block the decision",
	}
}

// Finding rule ids.
const (
	FindOneWayNoApprover      = "one-way-no-approver"
	FindOneWayNoRiskMap       = "one-way-no-risk-map"
	FindOneWayUnderinformed   = "one-way-underinformed"
	FindTwoWayStalled         = "two-way-stalled"
	FindTwoWayGroupTooLarge   = "two-way-group-too-large"
	FindTwoWayNoRiskMap       = "two-way-no-risk-map"
	FindCostBeyondAffordable  = "cost-beyond-affordable-loss"
	FindRiskUnmitigated       = "risk-unmitigated"
	FindRiskNoOwner           = "risk-no-owner"
	FindDissentUncommitted    = "dissent-uncommitted"
	FindInformationUnstated   = "information-unstated"
	FindCostOfFailureUnstated = "cost-of-failure-unstated"
	FindReviewOverdue         = "review-overdue"
)

// open reports whether a decision still matters: it is being made or in force.
func (d *Decision) open() bool {
	return d.Status == Draft || d.Status == Proposed || d.Status == Accepted
}

func review(d *Decision, p *Policy, door Door) []Finding {
	var fs []Finding
	add := func(rule string, sev Severity, path, suggestion, format string, args ...any) {
		fs = append(fs, Finding{Rule: rule, Severity: sev, Path: path, Message: fmt.Sprintf(format, args...), Suggestion: suggestion})
	}
	info := d.Information
	switch door {
	case OneWay:
		if d.People.Approver == "" {
			add(FindOneWayNoApprover, Error, "/people/approver", "name the person who signs off",
				"a one-way door needs an approver besides the driver")
		}
		if len(d.Risks) == 0 {
			add(FindOneWayNoRiskMap, Error, "/risks", "list what could go wrong, how likely and how bad, and what is done about it",
				"a one-way door needs a risk map")
		}
		if info != nil && *info < *p.Information.OneWay && d.open() {
			add(FindOneWayUnderinformed, Warning, "/information", "gather more before committing: this door is hard to walk back",
				"a one-way door with %s of the information; the policy asks for %s", percent(*info), percent(*p.Information.OneWay))
		}
	case TwoWay:
		if info != nil && *info >= *p.Information.Stalled && d.open() {
			add(FindTwoWayStalled, Warning, "/information", fmt.Sprintf("decide now: about %s is enough, and a two-way door can be walked back", percent(*p.Information.TwoWay)),
				"a two-way door waiting on %s of the information; it needs about %s", percent(*info), percent(*p.Information.TwoWay))
		}
		if n := groupSize(d.People); n > p.SmallGroupMax {
			add(FindTwoWayGroupTooLarge, Warning, "/people", fmt.Sprintf("let the driver decide with at most %d people and inform the rest", p.SmallGroupMax),
				"%d people decide a two-way door; the policy's small group is at most %d", n, p.SmallGroupMax)
		}
		if len(d.Risks) == 0 {
			add(FindTwoWayNoRiskMap, Info, "/risks", "map out the risks and the decision makers in advance",
				"a two-way door still makes its risk explicit")
		}
	}
	if info == nil {
		add(FindInformationUnstated, Info, "/information", "estimate the share, from 0 to 1, of the information you wish you had",
			"the decision does not say how much of the information it wishes for it has")
	}
	switch {
	case d.CostOfFailure == nil && p.AffordableLoss != nil:
		add(FindCostOfFailureUnstated, Info, "/costOfFailure", fmt.Sprintf("estimate it in %s", p.Currency),
			"the decision does not state its cost of failure, so it cannot be weighed against the affordable loss")
	case d.CostOfFailure != nil && p.AffordableLoss != nil && *d.CostOfFailure > *p.AffordableLoss && d.open():
		add(FindCostBeyondAffordable, Error, "/costOfFailure", "abandon it early, or shrink the bet until failure is affordable",
			"failure would cost %s %s, beyond the affordable loss of %s", money(*d.CostOfFailure), p.Currency, money(*p.AffordableLoss))
	}
	for i, r := range d.Risks {
		if r.Score() < p.HighRiskAtLeast {
			continue
		}
		if r.Mitigation == "" {
			add(FindRiskUnmitigated, Warning, fmt.Sprintf("/risks/%d/mitigation", i), "say what makes it less likely or less bad",
				"high risk (score %d of 25) without a mitigation", r.Score())
		}
		if r.Owner == "" {
			add(FindRiskNoOwner, Info, fmt.Sprintf("/risks/%d/owner", i), "name who watches it",
				"high risk (score %d of 25) without an owner", r.Score())
		}
	}
	if d.Status == Accepted {
		for i, ds := range d.People.Dissent {
			if !*ds.Committed {
				add(FindDissentUncommitted, Warning, fmt.Sprintf("/people/dissent/%d/committed", i), "talk it through until they disagree and commit, or revisit the decision",
					"%s disagrees and has not committed to the accepted decision", ds.Person)
			}
		}
	}
	finding.Sort(fs)
	return fs
}

// groupSize counts the distinct people who make the decision.
func groupSize(p *People) int {
	seen := map[string]bool{p.Driver: true}
	if p.Approver != "" {
		seen[p.Approver] = true
	}
	for _, c := range p.Contributors {
		seen[c] = true
	}
	return len(seen)
}

// percent rounds to a tenth of a percent so 0.7 reads "70%", not a float artefact.
func percent(f float64) string {
	return strconv.FormatFloat(math.Round(f*1000)/10, 'f', -1, 64) + "%"
}

func money(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
