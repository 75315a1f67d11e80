package decision

import (
	"time"

	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/dayone-go/mechanisms/internal/enum"
)

// DateOf returns the calendar day of t in t's location, such as today's
// date for Log.Check: DateOf(time.Now()).
func DateOf(t time.Time) Date { return civil.DateOf(t) }

// Decision is one decision record: what was decided, among which options,
// how reversible it is, what could go wrong and who is involved. Classify
// reads it under a Policy to tell a one-way door from a two-way door.
type Decision struct {
	// Schema is the URL or path of this document's JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// Format is "markdown" for a record ParseMarkdown read from a MADR or
	// Nygard file, and empty for this package's own YAML and JSON
	// documents. A Markdown record may lack what such logs do not carry (id,
	// status, date, context, options, chosen option, areas, reversibility,
	// impact, people): Validate and the schema do not require them nor
	// bound the length of its prose (its lists keep their sizes), Classify asks for the door's
	// keys with a finding, and Log.Check reports its link mismatches as
	// findings.
	Format string `json:"format,omitempty" validate:"omitempty,oneof=markdown"`
	// ID names the decision in a log ("ADR-0007", "pricing-2026-03"): letters,
	// digits, '.', '_' and '-', starting with a letter or digit, at most 64
	// characters.
	ID string `json:"id,omitempty" validate:"required_unless=Format markdown,omitempty,decision_id"`
	// Title says in a line what is being decided.
	Title string `json:"title,omitempty" validate:"required,max=200"`
	// Status is where the decision stands in its life.
	Status Status `json:"status,omitempty" validate:"required_unless=Format markdown,omitempty,enum"`
	// StatusText is the status as a Markdown record wrote it, kept when it
	// is not one of the Status words ("Approved", "✅ Accepted", "Superseded
	// by [ADR-0057](0057-use-kafka.md)"); Status holds the nearest of ours.
	StatusText string `json:"statusText,omitempty" validate:"max=1000"`
	// Date is the day the record was written or last changed status.
	Date Date `json:"date,omitzero" validate:"required_unless=Format markdown"`
	// Context states the problem, the forces at play and what is known.
	Context string `json:"context,omitempty" validate:"required_unless=Format markdown,max=20000"`
	// Drivers are the forces and concerns the choice must answer (MADR's
	// decision drivers).
	Drivers []string `json:"drivers,omitempty" validate:"omitempty,max=50,dive,min=1,max=2000"`
	// Options are the alternatives considered, the chosen one among them.
	Options []Option `json:"options,omitempty" validate:"required_unless=Format markdown,omitempty,min=1,max=20,dive"`
	// Chosen is the name of the chosen option; required once the decision is
	// accepted, deprecated or superseded.
	Chosen string `json:"chosen,omitempty" validate:"max=200"`
	// Outcome says what was decided and why, in words: MADR's justification
	// after "Chosen option: ..., because", or the whole Decision section of
	// a Nygard record.
	Outcome string `json:"outcome,omitempty" validate:"max=20000"`
	// Consequences says what becomes easier or harder once the choice is made.
	Consequences string `json:"consequences,omitempty" validate:"max=20000"`
	// Confirmation says how compliance with the decision is checked (a
	// review, a test, a fitness function).
	Confirmation string `json:"confirmation,omitempty" validate:"max=20000"`
	// MoreInformation holds anything else worth reading: evidence, links,
	// when to revisit.
	MoreInformation string `json:"moreInformation,omitempty" validate:"max=20000"`
	// Areas lists what the decision touches; the policy makes some areas
	// one-way doors.
	Areas []Area `json:"areas,omitempty" validate:"required_unless=Format markdown,omitempty,min=1,max=13,unique,dive,enum"`
	// Reversibility says whether and at what cost the decision can be walked back.
	Reversibility *Reversibility `json:"reversibility,omitempty" validate:"required_unless=Format markdown"`
	// Impact rates how much the decision matters, 1 (little) to 5 (a great deal).
	Impact int `json:"impact,omitempty" validate:"required_unless=Format markdown,omitempty,min=1,max=5"`
	// CostOfFailure is what failure would cost, in the policy's currency.
	CostOfFailure *float64 `json:"costOfFailure,omitempty" validate:"omitempty,gte=0"`
	// Risks is the risk map: what could go wrong, how likely, how bad, and
	// what is done about it.
	Risks []Risk `json:"risks,omitempty" validate:"omitempty,max=100,dive"`
	// Information is the share of the information you wish you had that you
	// actually have, from 0 to 1; about 0.7 is enough for a two-way door.
	Information *float64 `json:"information,omitempty" validate:"omitempty,gte=0,lte=1"`
	// People names who drives, approves, contributes, is informed and dissents.
	People *People `json:"people,omitempty" validate:"required_unless=Format markdown"`
	// Tags are free labels for finding the decision again.
	Tags []string `json:"tags,omitempty" validate:"omitempty,max=30,unique,dive,min=1,max=50"`
	// ReviewBy is the day by which the decision should be looked at again.
	ReviewBy Date `json:"reviewBy,omitzero"`
	// Links relate the decision to others in the same log, by id.
	Links *Links `json:"links,omitempty"`
}

// Option is one alternative considered.
type Option struct {
	// Name identifies the option; Chosen refers to it. Names are unique
	// within a decision.
	Name string `json:"name" validate:"required,max=200"`
	// Description says what the option is.
	Description string `json:"description,omitempty" validate:"max=5000"`
	// Pros are arguments for the option.
	Pros []string `json:"pros,omitempty" validate:"omitempty,max=30,dive,min=1,max=1000"`
	// Cons are arguments against the option.
	Cons []string `json:"cons,omitempty" validate:"omitempty,max=30,dive,min=1,max=1000"`
	// Neutral are points that argue neither way (MADR's "Neutral, because").
	Neutral []string `json:"neutral,omitempty" validate:"omitempty,max=30,dive,min=1,max=1000"`
}

// Reversibility describes how a decision could be undone.
type Reversibility struct {
	// Reversible says whether the decision can be walked back at all.
	Reversible *bool `json:"reversible" validate:"required"`
	// UndoCost is what walking the decision back would cost, in the policy's
	// currency.
	UndoCost *float64 `json:"undoCost,omitempty" validate:"omitempty,gte=0"`
	// UndoTime is how long walking the decision back would take, as an ISO
	// 8601 duration such as P30D, PT12H or P1Y2M.
	UndoTime Duration `json:"undoTime,omitempty" validate:"omitempty,decision_duration"`
}

// Risk is one entry of the risk map.
type Risk struct {
	// Description says what could go wrong.
	Description string `json:"description" validate:"required,max=2000"`
	// Likelihood rates how likely the risk is, 1 (rare) to 5 (almost certain).
	Likelihood int `json:"likelihood" validate:"min=1,max=5,required"`
	// Impact rates how bad it would be, 1 (minor) to 5 (severe).
	Impact int `json:"impact" validate:"min=1,max=5,required"`
	// Mitigation says what is done to make the risk less likely or less bad.
	Mitigation string `json:"mitigation,omitempty" validate:"max=2000"`
	// Owner is who watches the risk.
	Owner string `json:"owner,omitempty" validate:"max=100"`
}

// Score is likelihood times impact, 1 to 25.
func (r Risk) Score() int { return r.Likelihood * r.Impact }

// People lists the people around a decision by role.
type People struct {
	// Driver owns the decision and moves it forward.
	Driver string `json:"driver" validate:"required,max=100"`
	// Approver signs off; a one-way door needs one.
	Approver string `json:"approver,omitempty" validate:"max=100"`
	// Contributors are consulted before the decision.
	Contributors []string `json:"contributors,omitempty" validate:"omitempty,max=50,unique,dive,min=1,max=100"`
	// Informed are told once it is made.
	Informed []string `json:"informed,omitempty" validate:"omitempty,max=200,unique,dive,min=1,max=100"`
	// Dissent records who disagreed and whether they committed anyway.
	Dissent []Dissent `json:"dissent,omitempty" validate:"omitempty,max=50,dive"`
}

// Dissent is one person's disagreement.
type Dissent struct {
	// Person is who disagreed.
	Person string `json:"person" validate:"required,max=100"`
	// Committed says whether they disagree and commit.
	Committed *bool `json:"committed" validate:"required"`
	// Reason is what they disagree with.
	Reason string `json:"reason,omitempty" validate:"max=2000"`
}

// Links relate a decision to other decisions of the same log by id.
// Supersedes and SupersededBy are each other's inverse, and Related is
// symmetric; a log checks that both ends agree. Amends points one way.
type Links struct {
	// Supersedes lists the decisions this one replaces.
	Supersedes []string `json:"supersedes,omitempty" validate:"omitempty,max=50,unique,dive,decision_id"`
	// SupersededBy names the decision that replaced this one.
	SupersededBy string `json:"supersededBy,omitempty" validate:"omitempty,decision_id"`
	// Amends lists decisions this one changes without replacing them.
	Amends []string `json:"amends,omitempty" validate:"omitempty,max=50,unique,dive,decision_id"`
	// AmendedBy lists decisions that change this one without replacing it;
	// a log does not require it to mirror Amends.
	AmendedBy []string `json:"amendedBy,omitempty" validate:"omitempty,max=50,unique,dive,decision_id"`
	// Related lists decisions worth reading alongside this one.
	Related []string `json:"related,omitempty" validate:"omitempty,max=50,unique,dive,decision_id"`
}

// Status is where a decision stands.
type Status string

// Statuses, in the order a decision usually moves through them.
const (
	Draft      Status = "draft"
	Proposed   Status = "proposed"
	Accepted   Status = "accepted"
	Rejected   Status = "rejected"
	Deprecated Status = "deprecated"
	Superseded Status = "superseded"
)

var statuses = enum.Set[Status]{Draft, Proposed, Accepted, Rejected, Deprecated, Superseded}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { return statuses.Has(s) }

// Values lists the statuses.
func (Status) Values() []string { return statuses.Strings() }

// MarshalText refuses unknown statuses.
func (s Status) MarshalText() ([]byte, error) { return statuses.Marshal("status", s) }

// UnmarshalText refuses unknown statuses and lists the allowed ones.
func (s *Status) UnmarshalText(b []byte) error {
	v, err := statuses.Parse("status", b)
	if err == nil {
		*s = v
	}
	return err
}

// Area is something a decision touches.
type Area string

// Areas. The article treats customer experience, reputation and legal
// matters as one-way doors and business practices and pricing as two-way.
const (
	CustomerExperience Area = "customer-experience"
	Reputation         Area = "reputation"
	Legal              Area = "legal"
	Security           Area = "security"
	Privacy            Area = "privacy"
	Safety             Area = "safety"
	Pricing            Area = "pricing"
	BusinessPractice   Area = "business-practice"
	Technology         Area = "technology"
	Operations         Area = "operations"
	PeopleArea         Area = "people"
	Finance            Area = "finance"
	Other              Area = "other"
)

var areas = enum.Set[Area]{CustomerExperience, Reputation, Legal, Security, Privacy, Safety, Pricing, BusinessPractice, Technology, Operations, PeopleArea, Finance, Other}

// Valid reports whether a is a known area.
func (a Area) Valid() bool { return areas.Has(a) }

// Values lists the areas.
func (Area) Values() []string { return areas.Strings() }

// MarshalText refuses unknown areas.
func (a Area) MarshalText() ([]byte, error) { return areas.Marshal("area", a) }

// UnmarshalText refuses unknown areas and lists the allowed ones.
func (a *Area) UnmarshalText(b []byte) error {
	v, err := areas.Parse("area", b)
	if err == nil {
		*a = v
	}
	return err
}
