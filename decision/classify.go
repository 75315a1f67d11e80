package decision

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
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
	// Deciding is true for the reasons that decided the door: every
	// one-way reason of a one-way door, and every reason of a two-way door
	// (nothing pointed one way). A two-way reason of a one-way door was
	// outweighed.
	Deciding bool `json:"deciding"`
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
	// Door is one-way when any reason points one way, two-way otherwise;
	// empty when a Markdown record states too little to tell (a
	// door-data-missing finding then names the keys to add).
	Door Door `json:"door,omitempty"`
	// Reasons lists every rule that fired, one-way and two-way alike: the
	// deciding ones first, each group in the order of the decision's fields.
	Reasons []Reason `json:"reasons"`
	// Process is what the door calls for; zero when Door is empty.
	Process Process `json:"process"`
	// Findings is review advice after ReviewOptions; it never makes the
	// decision invalid.
	Findings []Finding `json:"findings,omitempty"`
}

// Reason rule ids: the policy rules Classify applies. They appear in
// Reasons, not in Problems or Findings.
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

// ReviewOptions tune the review advice of Classify and Log.Check. The zero
// value reviews with every rule at its default severity.
type ReviewOptions struct {
	// Disable lists rule ids whose findings are dropped.
	Disable []string `json:"disable,omitempty"`
	// Severity changes the severity of the findings of the rules it names.
	Severity map[string]Severity `json:"severity,omitempty"`
}

func (o ReviewOptions) apply(fs []Finding) []Finding {
	return finding.Apply(fs, o.Disable, o.Severity)
}

// Classify decides which door d is under policy p (DefaultPolicy when p is
// nil), with every reason, the process the door calls for and review
// findings filtered by opts. Both documents must be valid: an invalid one
// is refused with an error wrapping ErrInvalidDecision or ErrInvalidPolicy
// and the *ValidationError; a nil d is refused as Validate refuses it.
//
// A record read from Markdown that states no areas, reversibility or
// impact is classified from what it states: a one-way area still makes it
// one-way; otherwise Door is empty and a door-data-missing finding names
// the front-matter keys to add.
func Classify(d *Decision, p *Policy, opts ReviewOptions) (*Classification, error) {
	if d == nil {
		return nil, problem.Nil(KindDecision)
	}
	if p == nil {
		p = DefaultPolicy()
	}
	if err := p.Validate(); err != nil {
		return nil, fmt.Errorf("decision: classify: %w: %w", ErrInvalidPolicy, err)
	}
	if err := d.Validate(); err != nil {
		return nil, fmt.Errorf("decision: classify: %w: %w", ErrInvalidDecision, err)
	}
	c := &Classification{Reasons: reasons(d, p)}
	missing := d.missingDoorData()
	if len(missing) == 0 {
		c.Door = TwoWay
	}
	for _, r := range c.Reasons {
		if r.Door == OneWay {
			c.Door = OneWay
			break
		}
	}
	for i := range c.Reasons {
		c.Reasons[i].Deciding = c.Reasons[i].Door == c.Door
	}
	slices.SortStableFunc(c.Reasons, func(a, b Reason) int {
		switch {
		case a.Deciding == b.Deciding:
			return 0
		case a.Deciding:
			return -1
		}
		return 1
	})
	var fs []Finding
	if c.Door != "" {
		c.Process = process(c.Door, p)
		fs = review(d, p, c.Door)
	}
	if len(missing) > 0 && c.Door == "" {
		fs = append(fs, Finding{
			Rule: RuleDoorDataMissing, Severity: Info, Path: "/",
			Message:    fmt.Sprintf("the record states no %s, so its door cannot be classified", orList(missing)),
			Suggestion: "add to the front matter: " + frontMatterHint(missing),
		})
	}
	c.Findings = opts.apply(fs)
	return c, nil
}

// missingDoorData lists the door keys a record leaves out; only a Markdown
// record can, as Validate requires them of the others.
func (d *Decision) missingDoorData() []string {
	var m []string
	if len(d.Areas) == 0 {
		m = append(m, "areas")
	}
	if d.Reversibility == nil || d.Reversibility.Reversible == nil {
		m = append(m, "reversibility")
	}
	if d.Impact == 0 {
		m = append(m, "impact")
	}
	return m
}

// orList writes "a", "a or b", "a, b or c".
func orList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " or " + xs[len(xs)-1]
}

// frontMatterHint shows the keys as YAML a reader can paste.
func frontMatterHint(keys []string) string {
	hints := map[string]string{
		"areas":         "areas: [technology]",
		"reversibility": "reversibility: {reversible: true, undoTime: P30D}",
		"impact":        "impact: 3 (1 to 5)",
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = hints[k]
	}
	return strings.Join(out, "; ")
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
	if rev == nil {
		return rs
	}
	th := p.OneWayWhen
	switch {
	case rev.Reversible == nil:
	case *rev.Reversible:
		add(RuleReversible, TwoWay, "/reversibility/reversible", "the decision can be walked back")
	case d.Impact == 0:
	case d.Impact >= th.ImpactAtLeast:
		add(RuleIrreversible, OneWay, "/reversibility/reversible", "the decision cannot be walked back and its impact %d reaches the policy's %d", d.Impact, th.ImpactAtLeast)
	default:
		add(RuleIrreversibleMinor, TwoWay, "/impact", "the decision cannot be walked back, but its impact %d is below the policy's %d", d.Impact, th.ImpactAtLeast)
	}
	if rev.UndoCost != nil && th.UndoCostAtLeast != nil {
		if *rev.UndoCost >= *th.UndoCostAtLeast {
			add(RuleUndoCost, OneWay, "/reversibility/undoCost", "undoing it would cost %s %s, at or above the policy's %s: nearly irreversible", money(*rev.UndoCost), p.Currency, money(*th.UndoCostAtLeast))
		} else {
			add(RuleUndoCostWithin, TwoWay, "/reversibility/undoCost", "undoing it would cost %s %s, below the policy's %s", money(*rev.UndoCost), p.Currency, money(*th.UndoCostAtLeast))
		}
	}
	if rev.UndoTime != "" && th.UndoTimeAtLeast != "" {
		got, ok1 := rev.UndoTime.Days()
		limit, ok2 := th.UndoTimeAtLeast.Days()
		if ok1 && ok2 {
			if got >= limit {
				add(RuleUndoTime, OneWay, "/reversibility/undoTime", "undoing it would take %s, at least the policy's %s: nearly irreversible", rev.UndoTime, th.UndoTimeAtLeast)
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

// Rule ids of the review findings.
const (
	RuleOneWayNoApprover      = "one-way-no-approver"
	RuleOneWayNoRiskMap       = "one-way-no-risk-map"
	RuleOneWayUnderinformed   = "one-way-underinformed"
	RuleTwoWayStalled         = "two-way-stalled"
	RuleTwoWayGroupTooLarge   = "two-way-group-too-large"
	RuleTwoWayNoRiskMap       = "two-way-no-risk-map"
	RuleCostBeyondAffordable  = "cost-beyond-affordable-loss"
	RuleRiskUnmitigated       = "risk-unmitigated"
	RuleRiskNoOwner           = "risk-no-owner"
	RuleDissentUncommitted    = "dissent-uncommitted"
	RuleInformationUnstated   = "information-unstated"
	RuleCostOfFailureUnstated = "cost-of-failure-unstated"
	RuleReviewOverdue         = "review-overdue"
	RuleDoorDataMissing       = "door-data-missing"
)

// open reports whether a decision still matters: it is being made or in force.
func (d *Decision) open() bool {
	return d.Status == Draft || d.Status == Proposed || d.Status == Accepted
}

func review(d *Decision, p *Policy, door Door) []Finding {
	var fs []Finding
	people := d.People
	if people == nil { // a Markdown record may name nobody
		people = &People{}
	}
	add := func(rule string, sev Severity, path, suggestion, format string, args ...any) {
		fs = append(fs, Finding{Rule: rule, Severity: sev, Path: path, Message: fmt.Sprintf(format, args...), Suggestion: suggestion})
	}
	info := d.Information
	switch door {
	case OneWay:
		if people.Approver == "" {
			add(RuleOneWayNoApprover, Error, "/people/approver", "name the person who signs off",
				"a one-way door needs an approver besides the driver")
		}
		if len(d.Risks) == 0 {
			add(RuleOneWayNoRiskMap, Error, "/risks", "list what could go wrong, how likely and how bad, and what is done about it",
				"a one-way door needs a risk map")
		}
		if info != nil && *info < *p.Information.OneWay && d.open() {
			add(RuleOneWayUnderinformed, Warning, "/information", "gather more before committing: this door is hard to walk back",
				"a one-way door with %s of the information; the policy asks for %s", percent(*info), percent(*p.Information.OneWay))
		}
	case TwoWay:
		if info != nil && *info >= *p.Information.Stalled && d.open() {
			add(RuleTwoWayStalled, Warning, "/information", fmt.Sprintf("decide now: about %s is enough, and a two-way door can be walked back", percent(*p.Information.TwoWay)),
				"a two-way door waiting on %s of the information; it needs about %s", percent(*info), percent(*p.Information.TwoWay))
		}
		if n := groupSize(people); n > p.SmallGroupMax {
			add(RuleTwoWayGroupTooLarge, Warning, "/people", fmt.Sprintf("let the driver decide with at most %d people and inform the rest", p.SmallGroupMax),
				"%d people decide a two-way door; the policy's small group is at most %d", n, p.SmallGroupMax)
		}
		if len(d.Risks) == 0 {
			add(RuleTwoWayNoRiskMap, Info, "/risks", "map out the risks and the decision makers in advance",
				"a two-way door still makes its risk explicit")
		}
	}
	if info == nil {
		add(RuleInformationUnstated, Info, "/information", "estimate the share, from 0 to 1, of the information you wish you had",
			"the decision does not say how much of the information it wishes for it has")
	}
	switch {
	case d.CostOfFailure == nil && p.AffordableLoss != nil:
		add(RuleCostOfFailureUnstated, Info, "/costOfFailure", fmt.Sprintf("estimate it in %s", p.Currency),
			"the decision does not state its cost of failure, so it cannot be weighed against the affordable loss")
	case d.CostOfFailure != nil && p.AffordableLoss != nil && *d.CostOfFailure > *p.AffordableLoss && d.open():
		add(RuleCostBeyondAffordable, Error, "/costOfFailure", "abandon it early, or shrink the bet until failure is affordable",
			"failure would cost %s %s, beyond the affordable loss of %s", money(*d.CostOfFailure), p.Currency, money(*p.AffordableLoss))
	}
	for i, r := range d.Risks {
		if r.Score() < p.HighRiskAtLeast {
			continue
		}
		if r.Mitigation == "" {
			add(RuleRiskUnmitigated, Warning, fmt.Sprintf("/risks/%d/mitigation", i), "say what makes it less likely or less bad",
				"high risk (score %d of 25) without a mitigation", r.Score())
		}
		if r.Owner == "" {
			add(RuleRiskNoOwner, Info, fmt.Sprintf("/risks/%d/owner", i), "name who watches it",
				"high risk (score %d of 25) without an owner", r.Score())
		}
	}
	if d.Status == Accepted {
		for i, ds := range people.Dissent {
			if !*ds.Committed {
				add(RuleDissentUncommitted, Warning, fmt.Sprintf("/people/dissent/%d/committed", i), "talk it through until they disagree and commit, or revisit the decision",
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
