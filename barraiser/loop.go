package barraiser

import (
	"time"

	"github.com/dayone-go/mechanisms/internal/enum"
)

// Loop is one candidate's interview loop: who interviewed, which leadership
// principles each of them assessed, the feedback and votes they wrote, the
// debrief, and optionally the cohort of current employees the candidate is
// measured against.
type Loop struct {
	// Schema is the URL or path of this document's JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// Candidate is the person interviewed.
	Candidate Candidate `json:"candidate" validate:"required"`
	// Role is the job the candidate interviewed for.
	Role Role `json:"role" validate:"required"`
	// Principles lists the leadership principles this loop may assess. When
	// it is left out, Amazon's sixteen Leadership Principles apply
	// (LeadershipPrinciples); a company supplies its own list here.
	Principles []string `json:"principles,omitempty" validate:"omitempty,min=1,max=64,unique,dive,min=1,max=200"`
	// Interviewers are the members of the loop, the bar raiser, the hiring
	// manager and the recruiter included.
	Interviewers []Interviewer `json:"interviewers" validate:"required,min=1,max=30,dive"`
	// Feedback holds what each interviewer wrote and voted, at most once
	// per interviewer.
	Feedback []Feedback `json:"feedback,omitempty" validate:"omitempty,max=30,dive"`
	// Debrief is the meeting where the loop decides; absent until it is
	// held.
	Debrief *Debrief `json:"debrief,omitempty"`
	// Cohort holds the scores, on the same 1..4 scale, of current employees
	// at the same level and job function; the candidate raises the bar when
	// strictly better than half of them.
	Cohort []float64 `json:"cohort,omitempty" validate:"omitempty,min=1,max=100000,dive,gte=1,lte=4"`
}

// Candidate identifies the person interviewed.
type Candidate struct {
	// Name is the candidate's name or an anonymised reference.
	Name string `json:"name" validate:"required,min=1,max=200"`
}

// Role is the job a candidate interviews for.
type Role struct {
	// Title is the job title, such as "Senior Software Engineer".
	Title string `json:"title" validate:"required,min=1,max=200"`
	// Family is the job family or function, such as "software development".
	Family string `json:"family" validate:"required,min=1,max=200"`
	// Level is the job level as an integer (Amazon's L4, L5, ... are 4, 5).
	Level int `json:"level" validate:"required,gte=1,lte=99"`
}

// Interviewer is one member of the loop.
type Interviewer struct {
	// ID identifies the interviewer within the loop; feedback refers to it.
	ID string `json:"id" validate:"required,min=1,max=64"`
	// Name is the interviewer's name.
	Name string `json:"name" validate:"required,min=1,max=200"`
	// Role is the interviewer's part in the loop.
	Role LoopRole `json:"role" validate:"required,enum"`
	// Level is the interviewer's job level, on the same scale as the
	// role's; no interviewer may be more than one level below the role.
	Level int `json:"level" validate:"required,gte=1,lte=99"`
	// Principles are the leadership principles assigned to this
	// interviewer; everyone but the recruiter needs at least one.
	Principles []string `json:"principles,omitempty" validate:"omitempty,max=64,unique,dive,min=1,max=200"`
}

// Feedback is what one interviewer wrote after the interview, and the vote
// they cast before seeing anyone else's feedback.
type Feedback struct {
	// Interviewer is the ID of the interviewer who wrote it.
	Interviewer string `json:"interviewer" validate:"required,min=1,max=64"`
	// InterviewedAt is when the interview took place (RFC 3339); optional,
	// used to flag feedback written long after the interview.
	InterviewedAt *time.Time `json:"interviewedAt,omitempty"`
	// SubmittedAt is when the feedback was submitted (RFC 3339); it must be
	// before the debrief.
	SubmittedAt time.Time `json:"submittedAt" validate:"required"`
	// Vote is the interviewer's hire vote on the four-point scale.
	Vote Vote `json:"vote" validate:"required,enum"`
	// Ratings score each principle assigned to the interviewer, with the
	// evidence behind the score.
	Ratings []Rating `json:"ratings" validate:"required,min=1,max=64,dive"`
}

// Rating scores the candidate on one leadership principle.
type Rating struct {
	// Principle is the name of the principle, from the loop's list.
	Principle string `json:"principle" validate:"required,min=1,max=200"`
	// Score is 1 (well below the bar) to 4 (well above it).
	Score int `json:"score" validate:"required,gte=1,lte=4"`
	// Evidence is the written evidence for the score: what the candidate
	// said or did, ideally a specific example.
	Evidence string `json:"evidence" validate:"required,min=1,max=20000,barraiser_text"`
}

// Debrief is the meeting, led by the bar raiser, where the loop decides.
type Debrief struct {
	// At is when the debrief started (RFC 3339); all feedback must be
	// submitted before it, so that no vote anchors on another.
	At time.Time `json:"at" validate:"required"`
	// Decision is the decision the debrief recorded, once it has.
	Decision Decision `json:"decision,omitempty" validate:"omitempty,enum"`
}

// LoopRole is an interviewer's part in the loop.
type LoopRole string

// The parts an interviewer plays in a loop.
const (
	// RoleBarRaiser is the trained interviewer from outside the hiring
	// team who leads the debrief and can veto the hire.
	RoleBarRaiser LoopRole = "bar-raiser"
	// RoleHiringManager is the manager who will own the hire.
	RoleHiringManager LoopRole = "hiring-manager"
	// RoleRecruiter runs the process for the candidate.
	RoleRecruiter LoopRole = "recruiter"
	// RoleInterviewer is any other member of the loop.
	RoleInterviewer LoopRole = "interviewer"
)

var loopRoles = enum.Set[LoopRole]{RoleBarRaiser, RoleHiringManager, RoleRecruiter, RoleInterviewer}

// Valid reports whether r is a known loop role.
func (r LoopRole) Valid() bool { return loopRoles.Has(r) }

// Values lists the loop roles.
func (LoopRole) Values() []string { return loopRoles.Strings() }

// MarshalText refuses unknown loop roles.
func (r LoopRole) MarshalText() ([]byte, error) { return loopRoles.Marshal("loop role", r) }

// UnmarshalText refuses unknown loop roles and lists the allowed ones.
func (r *LoopRole) UnmarshalText(b []byte) error {
	v, err := loopRoles.Parse("loop role", b)
	if err == nil {
		*r = v
	}
	return err
}

// Vote is an interviewer's hire vote on a four-point scale with no middle,
// so that every interviewer has to lean one way.
type Vote string

// The four votes, from most to least in favour.
const (
	StronglyInclined    Vote = "strongly-inclined"
	Inclined            Vote = "inclined"
	NotInclined         Vote = "not-inclined"
	StronglyNotInclined Vote = "strongly-not-inclined"
)

var votes = enum.Set[Vote]{StronglyInclined, Inclined, NotInclined, StronglyNotInclined}

// Valid reports whether v is a known vote.
func (v Vote) Valid() bool { return votes.Has(v) }

// Values lists the votes.
func (Vote) Values() []string { return votes.Strings() }

// MarshalText refuses unknown votes.
func (v Vote) MarshalText() ([]byte, error) { return votes.Marshal("vote", v) }

// UnmarshalText refuses unknown votes and lists the allowed ones.
func (v *Vote) UnmarshalText(b []byte) error {
	x, err := votes.Parse("vote", b)
	if err == nil {
		*v = x
	}
	return err
}

// LeansHire reports whether v is inclined or strongly inclined.
func (v Vote) LeansHire() bool { return v == StronglyInclined || v == Inclined }

// Strong reports whether v is one of the two strong votes.
func (v Vote) Strong() bool { return v == StronglyInclined || v == StronglyNotInclined }

// Rank places v on a 1..4 ordinal scale: 1 strongly not inclined, 4
// strongly inclined; 0 for an unknown vote. Agreement statistics use it.
func (v Vote) Rank() int {
	switch v {
	case StronglyNotInclined:
		return 1
	case NotInclined:
		return 2
	case Inclined:
		return 3
	case StronglyInclined:
		return 4
	}
	return 0
}

// Decision is the outcome of a loop.
type Decision string

// The two outcomes.
const (
	Hire   Decision = "hire"
	NoHire Decision = "no-hire"
)

var decisions = enum.Set[Decision]{Hire, NoHire}

// Valid reports whether d is a known decision.
func (d Decision) Valid() bool { return decisions.Has(d) }

// Values lists the decisions.
func (Decision) Values() []string { return decisions.Strings() }

// MarshalText refuses unknown decisions.
func (d Decision) MarshalText() ([]byte, error) { return decisions.Marshal("decision", d) }

// UnmarshalText refuses unknown decisions and lists the allowed ones.
func (d *Decision) UnmarshalText(b []byte) error {
	v, err := decisions.Parse("decision", b)
	if err == nil {
		*d = v
	}
	return err
}

// PrincipleList returns the principles this loop may assess: its own list,
// or LeadershipPrinciples when it has none. The result is a copy.
func (l *Loop) PrincipleList() []string {
	if l == nil || len(l.Principles) == 0 {
		return LeadershipPrinciples()
	}
	return append([]string(nil), l.Principles...)
}

// roster maps each interviewer id to the first interviewer with it. Lookups
// go through a map so that checking a loop stays linear in its size even
// for the oversized documents Validate exists to refuse.
func (l *Loop) roster() map[string]*Interviewer {
	m := make(map[string]*Interviewer, len(l.Interviewers))
	for i := range l.Interviewers {
		if _, ok := m[l.Interviewers[i].ID]; !ok {
			m[l.Interviewers[i].ID] = &l.Interviewers[i]
		}
	}
	return m
}
