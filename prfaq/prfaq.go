package prfaq

import (
	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/dayone-go/mechanisms/internal/enum"
)

// Date is a calendar day with no time or zone, written YYYY-MM-DD in JSON,
// YAML and Markdown front matter. Its fields:
//
//   - Year is the year, such as 2027.
//   - Month is the month, January to December (time.Month).
//   - Day is the day of the month, 1 to 31.
//
// The zero Date means "not given". IsZero, Before, After, AddDays and
// String do what their names say; Time gives midnight UTC of the day.
type Date = civil.Date

// PRFAQ is a Working Backwards document: the press release of a product that
// does not exist yet, written as if it had launched, and the questions a
// customer and a stakeholder would ask about it.
type PRFAQ struct {
	// Schema is the URL or path of this document's JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// Format is "markdown" for a document ParseMarkdown read, and empty for
	// this package's own YAML and JSON documents. A Markdown PR/FAQ may lack
	// what only its front matter can carry (id, title, authors, date, stage and
	// the five customer questions, all or some of them): Validate and the
	// schema do not require them, and Review asks for them with a
	// front-matter-missing finding. It may also lack any part of the press
	// release, though not all of it, and either FAQ; Review names each missing
	// part with a section-missing finding.
	Format string `json:"format,omitempty" validate:"omitempty,oneof=markdown"`
	// ID is a short stable identifier of the document, such as "PRFAQ-2026-014".
	ID string `json:"id,omitempty" validate:"required_unless=Format markdown,max=100"`
	// Title is the working name of the product or feature.
	Title string `json:"title" validate:"required_unless=Format markdown,max=200"`
	// Authors lists the people who wrote the document, by name.
	Authors []string `json:"authors,omitempty" validate:"required_unless=Format markdown,omitempty,min=1,max=50,unique,dive,min=1,max=200"`
	// Date is the day this version of the document was written.
	Date Date `json:"date,omitzero" validate:"required_unless=Format markdown"`
	// Stage says how far the idea has come: a hypothesis, validated with
	// customers, or in growth.
	Stage Stage `json:"stage,omitempty" validate:"required_unless=Format markdown,omitempty,enum"`
	// Customer answers the five customer questions the press release is
	// written from.
	Customer Customer `json:"customer,omitzero" validate:"required_unless=Format markdown,omitempty"`
	// PressRelease is the announcement of the finished product, in customer
	// language, under one page.
	PressRelease PressRelease `json:"pressRelease" validate:"required"`
	// ExternalFAQ holds the questions customers and the press would ask.
	ExternalFAQ []FAQ `json:"externalFaq,omitempty" validate:"required_unless=Format markdown,omitempty,min=1,max=200,dive"`
	// InternalFAQ holds the questions leaders and stakeholders would ask.
	InternalFAQ []FAQ `json:"internalFaq,omitempty" validate:"required_unless=Format markdown,omitempty,min=1,max=200,dive"`
	// Visuals lists the sketches, storyboards and mockups that go with the
	// document.
	Visuals []Visual `json:"visuals,omitempty" validate:"omitempty,max=50,dive"`
}

// Customer holds the answers to Amazon's five customer questions.
type Customer struct {
	// Who is the customer: a specific group of people, not "everyone".
	Who string `json:"who" validate:"required,max=2000"`
	// Problem is the customer's problem or opportunity, ideally with its size.
	Problem string `json:"problem" validate:"required,max=5000"`
	// Benefit is the most important customer benefit, in one or two sentences.
	Benefit string `json:"benefit" validate:"required,max=2000"`
	// Evidence says how the team knows what customers need: research, data,
	// interviews, anecdotes.
	Evidence string `json:"evidence" validate:"required,max=5000"`
	// Experience describes what the customer experience looks like.
	Experience string `json:"experience" validate:"required,max=5000"`
}

// PressRelease is the launch announcement, written before anything is built.
type PressRelease struct {
	// Headline names the product and its main benefit in one sentence.
	Headline string `json:"headline" validate:"required,max=200"`
	// Subheadline says who the customer is and what they get, in one sentence.
	Subheadline string `json:"subheadline" validate:"required,max=300"`
	// Dateline gives the place and day of the imagined launch.
	Dateline Dateline `json:"dateline,omitzero" validate:"required"`
	// Summary is the opening paragraph: the product and its benefit.
	Summary string `json:"summary" validate:"required,max=10000"`
	// Problem describes the customer's problem the product solves.
	Problem string `json:"problem" validate:"required,max=10000"`
	// Solution holds one or more paragraphs on how the product solves the
	// problem and how it beats what customers use today.
	Solution []string `json:"solution,omitempty" validate:"required,min=1,max=20,dive,min=1,max=10000"`
	// LeaderQuote is a quote from a company spokesperson on why the team
	// built it.
	LeaderQuote Quote `json:"leaderQuote,omitzero" validate:"required"`
	// CustomerQuote is a quote from a hypothetical customer on the benefit
	// they got.
	CustomerQuote Quote `json:"customerQuote,omitzero" validate:"required"`
	// GettingStarted says how easy it is to start.
	GettingStarted string `json:"gettingStarted" validate:"required,max=10000"`
	// CallToAction tells the reader what to do next and where.
	CallToAction string `json:"callToAction" validate:"required,max=2000"`
}

// Dateline is the place and day that open a press release.
type Dateline struct {
	// City is where the launch is announced.
	City string `json:"city" validate:"required,max=100"`
	// LaunchDate is the imagined launch day; it cannot be before the
	// document's date.
	LaunchDate Date `json:"launchDate,omitzero" validate:"required"`
}

// Quote is something a person says in the press release.
type Quote struct {
	// Text is what the person says, without quotation marks.
	Text string `json:"text" validate:"required,max=5000"`
	// Speaker is the person's name.
	Speaker string `json:"speaker" validate:"required,max=200"`
	// Role is the person's role or description ("VP of Payments", "a
	// bookshop owner in Leeds").
	Role string `json:"role" validate:"required,max=300"`
}

// FAQ is one question with its answer.
type FAQ struct {
	// Question is asked the way a reader would ask it, ending in a
	// question mark.
	Question string `json:"question" validate:"required,max=500,prfaqquestion"`
	// Answer answers the question plainly, with numbers where there are any.
	Answer string `json:"answer" validate:"required,max=20000"`
	// Topic classifies the question, so the review can tell which of the
	// questions readers always ask are missing.
	Topic Topic `json:"topic,omitempty" validate:"required,enum"`
}

// Visual is a picture that goes with the document.
type Visual struct {
	// Kind says what sort of picture it is.
	Kind VisualKind `json:"kind" validate:"required,enum"`
	// URI locates the picture: a URL or a path relative to the document.
	URI string `json:"uri" validate:"required,max=2000"`
	// Caption says what the picture shows.
	Caption string `json:"caption" validate:"required,max=500"`
}

// Stage says how far a PR/FAQ's idea has come.
type Stage string

// Stages of an idea.
const (
	// Hypothesis: the team believes customers have the problem.
	Hypothesis Stage = "hypothesis"
	// Validated: customers confirmed the problem and the benefit.
	Validated Stage = "validated"
	// Growth: the product exists and the document plans its next step.
	Growth Stage = "growth"
)

var stages = enum.Set[Stage]{Hypothesis, Validated, Growth}

// Valid reports whether s is a known stage.
func (s Stage) Valid() bool { return stages.Has(s) }

// Values lists the stages.
func (Stage) Values() []string { return stages.Strings() }

// MarshalText refuses unknown stages.
func (s Stage) MarshalText() ([]byte, error) { return stages.Marshal("stage", s) }

// UnmarshalText refuses unknown stages and lists the known ones.
func (s *Stage) UnmarshalText(b []byte) error {
	v, err := stages.Parse("stage", b)
	if err == nil {
		*s = v
	}
	return err
}

// Topic classifies an FAQ entry.
type Topic string

// Topics of FAQ entries. The first four are what customers always ask; the
// next ones what stakeholders always ask.
const (
	Price         Topic = "price"
	HowItWorks    Topic = "how-it-works"
	Support       Topic = "support"
	Availability  Topic = "availability"
	MarketSize    Topic = "market-size"
	Competition   Topic = "competition"
	UnitEconomics Topic = "unit-economics"
	Investment    Topic = "investment"
	Dependencies  Topic = "dependencies"
	Assumptions   Topic = "assumptions"
	Risks         Topic = "risks"
	Legal         Topic = "legal"
	OtherTopic    Topic = "other"
)

var topics = enum.Set[Topic]{Price, HowItWorks, Support, Availability, MarketSize, Competition,
	UnitEconomics, Investment, Dependencies, Assumptions, Risks, Legal, OtherTopic}

// Valid reports whether t is a known topic.
func (t Topic) Valid() bool { return topics.Has(t) }

// Values lists the topics.
func (Topic) Values() []string { return topics.Strings() }

// MarshalText refuses unknown topics.
func (t Topic) MarshalText() ([]byte, error) { return topics.Marshal("topic", t) }

// UnmarshalText refuses unknown topics and lists the known ones.
func (t *Topic) UnmarshalText(b []byte) error {
	v, err := topics.Parse("topic", b)
	if err == nil {
		*t = v
	}
	return err
}

// VisualKind says what sort of picture a Visual is.
type VisualKind string

// Kinds of visuals.
const (
	Sketch       VisualKind = "sketch"
	Storyboard   VisualKind = "storyboard"
	JourneyMap   VisualKind = "journey-map"
	Wireframe    VisualKind = "wireframe"
	Mockup       VisualKind = "mockup"
	Architecture VisualKind = "architecture"
)

var visualKinds = enum.Set[VisualKind]{Sketch, Storyboard, JourneyMap, Wireframe, Mockup, Architecture}

// Valid reports whether k is a known kind.
func (k VisualKind) Valid() bool { return visualKinds.Has(k) }

// Values lists the kinds.
func (VisualKind) Values() []string { return visualKinds.Strings() }

// MarshalText refuses unknown kinds.
func (k VisualKind) MarshalText() ([]byte, error) { return visualKinds.Marshal("visual kind", k) }

// UnmarshalText refuses unknown kinds and lists the known ones.
func (k *VisualKind) UnmarshalText(b []byte) error {
	v, err := visualKinds.Parse("visual kind", b)
	if err == nil {
		*k = v
	}
	return err
}
