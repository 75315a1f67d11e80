package decision

import (
	"fmt"
	"slices"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// Policy is a company's own answer to "which decisions are one-way doors?".
// The article stresses that this depends on a company's true beliefs and
// commitments, so the areas and thresholds are data, not code.
type Policy struct {
	// Schema is the URL or path of this document's JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// Name says whose policy this is.
	Name string `json:"name,omitempty" validate:"max=200"`
	// Currency is the ISO 4217 code (USD, EUR, CNY) that every amount in the
	// policy and in the decisions classified under it is written in.
	Currency string `json:"currency" validate:"required,decision_currency"`
	// OneWayAreas are the areas that make any decision touching them a
	// one-way door. The list may be empty but must be stated.
	OneWayAreas []Area `json:"oneWayAreas" validate:"required,max=13,unique,dive,enum"`
	// TwoWayAreas are areas the company explicitly treats as two-way doors:
	// touching them never makes a decision one-way by itself.
	TwoWayAreas []Area `json:"twoWayAreas,omitempty" validate:"omitempty,max=13,unique,dive,enum"`
	// OneWayWhen says when the way a decision can (or cannot) be undone makes
	// it a one-way door.
	OneWayWhen *Thresholds `json:"oneWayWhen" validate:"required"`
	// AffordableLoss is the largest cost of failure the company accepts on a
	// bet, in Currency; a decision that could lose more should be abandoned
	// early. Leave it out to skip that check.
	AffordableLoss *float64 `json:"affordableLoss,omitempty" validate:"omitempty,gte=0"`
	// SmallGroupMax is the largest group (driver, approver and contributors)
	// that should make a two-way decision.
	SmallGroupMax int `json:"smallGroupMax" validate:"min=1,max=50,required"`
	// HighRiskAtLeast is the risk score (likelihood times impact, 1 to 25)
	// from which a risk counts as high and needs a mitigation.
	HighRiskAtLeast int `json:"highRiskAtLeast" validate:"min=1,max=25,required"`
	// Information sets how much of the information you wish you had each
	// door calls for.
	Information *InformationThresholds `json:"information" validate:"required"`
}

// Thresholds say when reversibility makes a decision a one-way door.
type Thresholds struct {
	// ImpactAtLeast is the impact (1 to 5) from which an irreversible
	// decision is a one-way door; below it an irreversible decision is too
	// small to deserve the slow process.
	ImpactAtLeast int `json:"impactAtLeast" validate:"min=1,max=5,required"`
	// UndoCostAtLeast makes a decision one-way when undoing it would cost
	// this much or more, in the policy's currency. Leave it out to skip.
	UndoCostAtLeast *float64 `json:"undoCostAtLeast,omitempty" validate:"omitempty,gte=0"`
	// UndoTimeAtLeast makes a decision one-way when undoing it would take
	// this long or longer, as an ISO 8601 duration. Leave it out to skip.
	UndoTimeAtLeast Duration `json:"undoTimeAtLeast,omitempty" validate:"omitempty,decision_duration"`
}

// InformationThresholds are shares (0 to 1) of the information you wish you had.
type InformationThresholds struct {
	// TwoWay is enough information for a two-way door (the article's rule
	// of thumb is about 0.7).
	TwoWay *float64 `json:"twoWay" validate:"required,gte=0,lte=1"`
	// OneWay is what a one-way door should gather before it is decided.
	OneWay *float64 `json:"oneWay" validate:"required,gte=0,lte=1"`
	// Stalled is the share from which a two-way door has waited for far
	// more information than it needs.
	Stalled *float64 `json:"stalled" validate:"required,gte=0,lte=1"`
}

// Default thresholds for a nearly irreversible decision; see DefaultPolicy.
const (
	// DefaultUndoTime is how long an undo may take before DefaultPolicy
	// treats the decision as one-way: twelve months, 360 nominal days, so
	// that "P1Y" and "P12M" both reach it.
	DefaultUndoTime Duration = "P12M"
	// DefaultAffordableLoss is DefaultPolicy's affordable loss and its undo
	// cost threshold, in US dollars.
	DefaultAffordableLoss = 1_000_000.0
)

// DefaultPolicy returns the policy of the article, as a new value the
// caller may change: customer experience, reputation and legal matters are
// one-way doors; business practices and pricing are two-way doors; a
// two-way door is decided with about 70% of the information you wish you
// had.
//
// The article calls one-way doors decisions that are "irreversible or
// nearly irreversible", so the default also makes a decision one-way when
// walking it back would take a year or more (DefaultUndoTime) or cost
// DefaultAffordableLoss or more, even when it is marked reversible: see
// the package documentation for why these figures. The remaining figures
// are this package's choices, meant to be overridden: an irreversible
// decision of impact 3 or more is one-way, a one-way door wants 90% of the
// information, a two-way door holding 90% has stalled, at most 5 people
// decide a two-way door, and a risk scoring 12 or more (of 25) is high.
func DefaultPolicy() *Policy {
	f := func(v float64) *float64 { return &v }
	return &Policy{
		Name:        "Type 1 / Type 2 decisions as described in the article",
		Currency:    "USD",
		OneWayAreas: []Area{CustomerExperience, Reputation, Legal},
		TwoWayAreas: []Area{Pricing, BusinessPractice},
		OneWayWhen: &Thresholds{
			ImpactAtLeast:   3,
			UndoCostAtLeast: f(DefaultAffordableLoss),
			UndoTimeAtLeast: DefaultUndoTime,
		},
		AffordableLoss:  f(DefaultAffordableLoss),
		SmallGroupMax:   5,
		HighRiskAtLeast: 12,
		Information:     &InformationThresholds{TwoWay: f(0.7), OneWay: f(0.9), Stalled: f(0.9)},
	}
}

// Validate checks the field rules and the cross-field rules: no area is both
// a one-way and a two-way area, a one-way door asks for at least as much
// information as a two-way door, and the stalled share lies above the
// two-way share. The error, if any, is a *ValidationError of kind "policy".
func (p *Policy) Validate() error {
	if p == nil {
		return problem.Nil(KindPolicy)
	}
	var l problem.List = validation.Struct(p)
	for i, a := range p.TwoWayAreas {
		if slices.Contains(p.OneWayAreas, a) {
			l.Add(fmt.Sprintf("/twoWayAreas/%d", i), RuleAreaBothDoors, "area %q is also listed in oneWayAreas; an area belongs to one door", a)
		}
	}
	if in := p.Information; in != nil && share(in.TwoWay) && share(in.OneWay) && share(in.Stalled) {
		if *in.OneWay < *in.TwoWay {
			l.Add("/information/oneWay", RuleInformationOrder, "a one-way door must ask for at least the two-way share (%v), not %v", *in.TwoWay, *in.OneWay)
		}
		if *in.Stalled <= *in.TwoWay {
			l.Add("/information/stalled", RuleInformationOrder, "the stalled share must be above the two-way share (%v), not %v", *in.TwoWay, *in.Stalled)
		}
	}
	return l.Err(KindPolicy)
}

// share reports whether f is set and within 0..1, so the order rules speak
// only about shares that are valid on their own.
func share(f *float64) bool { return f != nil && *f >= 0 && *f <= 1 }

// oneWay reports whether the policy makes area a one-way door.
func (p *Policy) oneWay(a Area) bool { return slices.Contains(p.OneWayAreas, a) }

// twoWay reports whether the policy names area as a two-way door.
func (p *Policy) twoWay(a Area) bool { return slices.Contains(p.TwoWayAreas, a) }
