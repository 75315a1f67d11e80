package flywheel

import (
	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// Size limits of a flywheel document. They keep every computation on a
// parsed document bounded: a wheel people can reason about has a handful of
// nodes, so these are generous.
const (
	// MaxNodes is the most nodes a document may hold.
	MaxNodes = 10_000
	// MaxLinks is the most links a document may hold.
	MaxLinks = 50_000
)

// Flywheel is a growth flywheel drawn as a causal loop graph: the parts of
// the business (nodes) and how a change in one pushes the next (links).
type Flywheel struct {
	// Schema is the URL or path of this document's JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// Name names the flywheel ("Amazon retail flywheel").
	Name string `json:"name" validate:"required,min=1,max=200"`
	// Description says in a sentence or two what the wheel is for.
	Description string `json:"description,omitempty" validate:"omitempty,max=2000"`
	// Nodes are the parts of the wheel: variables, stocks and levers.
	Nodes []Node `json:"nodes" validate:"required,min=2,max=10000,dive"`
	// Links say which part pushes which, in which direction and how hard.
	Links []Link `json:"links" validate:"required,min=2,max=50000,dive"`
}

// Node is one part of the wheel.
type Node struct {
	// ID is the short name links refer to ("traffic"); unique in the document.
	ID string `json:"id" validate:"required,min=1,max=100"`
	// Label is what diagrams and reports show; the ID when empty.
	Label string `json:"label,omitempty" validate:"omitempty,max=200"`
	// Kind says what sort of quantity the node is; "variable" when empty.
	Kind Kind `json:"kind,omitempty" validate:"omitempty,enum"`
	// Initial is the node's level when a simulation starts; 0 when absent.
	Initial *float64 `json:"initial,omitempty"`
}

// Link is a causal influence: a change in From pushes To.
type Link struct {
	// From is the ID of the node whose change pushes.
	From string `json:"from" validate:"required,min=1,max=100"`
	// To is the ID of the node that is pushed.
	To string `json:"to" validate:"required,min=1,max=100"`
	// Polarity is "+" when To moves the same way as From and "-" when it
	// moves the opposite way. Quote it in YAML: a bare - starts a list.
	Polarity Sign `json:"polarity" validate:"required,enum"`
	// Weight is how strongly a change in From moves To (an elasticity);
	// 1 when absent. Zero is allowed and means the link is cut.
	Weight *float64 `json:"weight,omitempty" validate:"omitempty,gte=0,lte=1000"`
	// Delay is how many extra steps a change takes to arrive; 0 when
	// absent, so an undelayed change arrives on the next step.
	Delay int `json:"delay,omitempty" validate:"gte=0,lte=1000"`
	// Note says why the link holds, in a sentence.
	Note string `json:"note,omitempty" validate:"omitempty,max=1000"`
}

// W returns the link's weight: Weight, or 1 when absent.
func (l Link) W() float64 {
	if l.Weight == nil {
		return 1
	}
	return *l.Weight
}

// Signed returns the weight with the polarity's sign: -W for a "-" link.
func (l Link) Signed() float64 {
	if l.Polarity == Negative {
		return -l.W()
	}
	return l.W()
}

// Name returns the label shown for n: Label, or ID when Label is empty.
func (n Node) Name() string {
	if n.Label != "" {
		return n.Label
	}
	return n.ID
}

// Kind is the sort of quantity a node stands for.
type Kind string

// Node kinds.
const (
	// Variable is a quantity that follows what pushes it (traffic).
	Variable Kind = "variable"
	// Stock is an accumulated quantity (installed base, catalogue size).
	Stock Kind = "stock"
	// Lever is an input the company pushes directly (cost structure); a
	// lever need not sit on a loop.
	Lever Kind = "lever"
)

var kinds = enum.Set[Kind]{Variable, Stock, Lever}

// Valid reports whether k is a known kind.
func (k Kind) Valid() bool { return kinds.Has(k) }

// Values lists the kinds.
func (Kind) Values() []string { return kinds.Strings() }

// MarshalText refuses unknown kinds.
func (k Kind) MarshalText() ([]byte, error) { return kinds.Marshal("kind", k) }

// UnmarshalText refuses unknown kinds.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := kinds.Parse("kind", b)
	if err == nil {
		*k = v
	}
	return err
}

// Sign is the polarity of one link.
type Sign string

// Link polarities.
const (
	// Positive: the target moves the same way as the source.
	Positive Sign = "+"
	// Negative: the target moves the opposite way.
	Negative Sign = "-"
)

var signs = enum.Set[Sign]{Positive, Negative}

// Valid reports whether s is "+" or "-".
func (s Sign) Valid() bool { return signs.Has(s) }

// Values lists the signs.
func (Sign) Values() []string { return signs.Strings() }

// MarshalText refuses unknown signs.
func (s Sign) MarshalText() ([]byte, error) { return signs.Marshal("polarity", s) }

// UnmarshalText refuses unknown signs.
func (s *Sign) UnmarshalText(b []byte) error {
	v, err := signs.Parse("polarity", b)
	if err == nil {
		*s = v
	}
	return err
}

// Polarity says whether a loop amplifies or resists change.
type Polarity string

// Loop polarities.
const (
	// Reinforcing loops have an even number of negative links: a push
	// comes back around in the same direction and grows.
	Reinforcing Polarity = "reinforcing"
	// Balancing loops have an odd number of negative links: a push comes
	// back reversed and is damped.
	Balancing Polarity = "balancing"
)

var polarities = enum.Set[Polarity]{Reinforcing, Balancing}

// Valid reports whether p is a known polarity.
func (p Polarity) Valid() bool { return polarities.Has(p) }

// Values lists the polarities.
func (Polarity) Values() []string { return polarities.Strings() }

// MarshalText refuses unknown polarities.
func (p Polarity) MarshalText() ([]byte, error) { return polarities.Marshal("polarity", p) }

// UnmarshalText refuses unknown polarities.
func (p *Polarity) UnmarshalText(b []byte) error {
	v, err := polarities.Parse("polarity", b)
	if err == nil {
		*p = v
	}
	return err
}

// ValidationError is the error Parse and Validate return for a document
// with problems; errors.As(err, &ve) with var ve *flywheel.ValidationError
// finds it. Its fields:
//
//   - Kind string: the document kind, "flywheel".
//   - Problems []Problem: every problem found, sorted by path, each with
//     its JSON pointer, rule id, message and source position.
//   - Err error: for input over MaxBytes, ErrTooLarge (so errors.Is finds
//     it); other sentinels of the decoder for syntax, depth and size;
//     nil for a problem of the content. Unwrap returns it.
type ValidationError = problem.Error

// Problem is one reason a document is invalid. Its fields:
//
//   - Path string: the JSON pointer (RFC 6901) of the offending value, such
//     as "/links/3/weight"; for an unknown key, the pointer the key would
//     have; "/" for the document as a whole.
//   - Rule string: the kebab-case id of the broken rule, one of Rules()
//     (RuleRequired, RuleSelfLink, ...).
//   - Message string: what is wrong, in words, with the fix where one is
//     known.
//   - Line, Column int: the 1-based position in the source; 0 where no
//     source exists (Validate on a Flywheel built in Go).
type Problem = problem.Problem

// Finding is one piece of review advice on a wheel that may be valid and
// still weak; see Review. Its fields:
//
//   - Rule string: the id of the rule that fired, one of Rules()
//     (RuleSpinsDown, RuleWeakestLink, ...).
//   - Severity Severity: how serious it is, Info, Warning or Error; see
//     ReviewOptions to change it per rule.
//   - Path string: the JSON pointer of what the finding is about
//     ("/links/4", "/nodes/2", "/links" for the wheel's loops, "/" for the
//     whole wheel).
//   - Start, End int: byte offsets of flagged text within the field; always
//     0 here, as flywheel findings are about whole values.
//   - Line, Column int: the 1-based position of Path in the source, once
//     Place has filled them; 0 before.
//   - Message string: what was found, with node labels rather than IDs.
//   - Suggestion string: what to do about it, when there is advice.
type Finding = finding.Finding

// Severity ranks a Finding: Info, Warning or Error, in that order (its
// Rank method gives 1, 2, 3). It is a string in JSON and refuses unknown
// values when unmarshalled.
type Severity = finding.Severity

// Severities of findings.
const (
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// RuleInfo describes one rule this package can report, as Rules lists
// them. Its fields:
//
//   - ID string: the kebab-case rule id that Problems and Findings carry.
//   - Severity Severity: the default severity; Error for every rule that
//     makes a document invalid.
//   - Summary string: what the rule looks for, in one line.
//   - Help string: how to fix what it reports.
type RuleInfo = finding.RuleInfo
