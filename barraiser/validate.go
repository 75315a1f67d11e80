package barraiser

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// kind is the Kind of every *ValidationError this package returns.
const kind = "barraiser"

// ErrNilLoop is the sentinel behind the error for a nil *Loop: Validate and
// Evaluate return a *ValidationError with one problem of rule RuleNil whose
// Err is ErrNilLoop, so both errors.As and errors.Is find it.
var ErrNilLoop = errors.New("barraiser: nil loop")

// nilLoop is the error for a nil *Loop.
func nilLoop() error {
	err := problem.Nil(kind)
	if ve, ok := err.(*ValidationError); ok {
		ve.Err = ErrNilLoop
	}
	return err
}

func init() {
	// Evidence of only spaces is no evidence; the schema says the same with
	// a pattern that needs one visible character.
	validation.Register(validation.Rule{
		Tag: "barraiser_text",
		ID:  RuleBlankText,
		Check: func(v reflect.Value) bool {
			return v.Kind() == reflect.String && strings.IndexFunc(v.String(), func(r rune) bool { return !unicode.IsSpace(r) }) >= 0
		},
		Message: "must contain more than white space",
		Schema:  map[string]any{"pattern": `\S`},
	})
}

// Validate checks the field rules of every value and the rules of the
// mechanism that span fields: exactly one bar raiser, who is neither the
// hiring manager nor the recruiter; a hiring manager; unique interviewer
// ids; principles taken from the loop's list; every assigned principle rated
// once with evidence; feedback only from interviewers in the loop, once
// each, submitted before the debrief; no interviewer more than one level
// below the role; a cohort of finite scores. It returns nil or a
// *ValidationError listing every problem.
func (l *Loop) Validate() error {
	if l == nil {
		return nilLoop()
	}
	var ps problem.List = validation.Struct(l)
	known := l.principleSet()
	l.checkInterviewers(&ps, known)
	l.checkFeedback(&ps, known)
	for i, c := range l.Cohort {
		if math.IsNaN(c) || math.IsInf(c, 0) {
			ps.Add("/cohort/"+strconv.Itoa(i), RuleFinite, "cohort scores must be numbers, not %v", c)
		}
	}
	return ps.Err(kind)
}

// principleSet is the set of principles the loop may assess, built once
// per Validate for both passes.
func (l *Loop) principleSet() map[string]bool {
	if len(l.Principles) == 0 {
		return defaultPrinciples()
	}
	return setOf(l.Principles)
}

// defaultPrinciples is the set of the leadership principles, made once:
// callers only read it.
var defaultPrinciples = sync.OnceValue(func() map[string]bool { return setOf(leadershipPrinciples[:]) })

func setOf(list []string) map[string]bool {
	set := make(map[string]bool, len(list))
	for _, p := range list {
		set[p] = true
	}
	return set
}

func (l *Loop) checkInterviewers(ps *problem.List, known map[string]bool) {
	ids := map[string]int{}
	var barRaisers []int
	hm := false
	for i, iv := range l.Interviewers {
		at := "/interviewers/" + strconv.Itoa(i)
		if j, dup := ids[iv.ID]; dup && iv.ID != "" {
			ps.Add(at+"/id", RuleDuplicateID, "id %q is already used by /interviewers/%d", iv.ID, j)
		} else {
			ids[iv.ID] = i
		}
		switch iv.Role {
		case RoleBarRaiser:
			barRaisers = append(barRaisers, i)
		case RoleHiringManager:
			hm = true
		}
		if iv.Role != RoleRecruiter && iv.Role != "" && len(iv.Principles) == 0 {
			ps.Add(at+"/principles", RulePrinciplesAssigned, "%s %q has no leadership principles assigned; every interviewer but the recruiter assesses at least one", iv.Role, iv.ID)
		}
		for j, p := range iv.Principles {
			if p != "" && !known[p] {
				ps.Add(at+"/principles/"+strconv.Itoa(j), RuleUnknownPrinciple, "%q is not one of the loop's principles", p)
			}
		}
		if l.Role.Level > 0 && iv.Level > 0 && iv.Level < l.Role.Level-1 {
			ps.Add(at+"/level", RuleInterviewerLevel, "level %d is more than one level below the role's level %d", iv.Level, l.Role.Level)
		}
	}
	switch len(barRaisers) {
	case 0:
		ps.Add("/interviewers", RuleBarRaiserCount, "the loop has no bar raiser; it needs exactly one")
	case 1:
	default:
		for _, i := range barRaisers[1:] {
			ps.Add(fmt.Sprintf("/interviewers/%d/role", i), RuleBarRaiserCount, "a second bar raiser; the loop needs exactly one (the first is /interviewers/%d)", barRaisers[0])
		}
	}
	if !hm {
		ps.Add("/interviewers", RuleHiringManagerMissing, "the loop has no hiring manager")
	}
	// One person listed twice under different ids could be both bar raiser
	// and hiring manager or recruiter; the bar raiser must come from outside
	// the hiring team, so compare names too.
	team := map[string][]int{}
	for i, iv := range l.Interviewers {
		if iv.Role == RoleHiringManager || iv.Role == RoleRecruiter {
			team[normName(iv.Name)] = append(team[normName(iv.Name)], i)
		}
	}
	for _, b := range barRaisers {
		name := normName(l.Interviewers[b].Name)
		if name == "" {
			continue
		}
		for _, i := range team[name] {
			ps.Add(fmt.Sprintf("/interviewers/%d/name", b), RuleBarRaiserIndependent, "the bar raiser %q is also the %s at /interviewers/%d; the bar raiser must be neither the hiring manager nor the recruiter", l.Interviewers[b].Name, l.Interviewers[i].Role, i)
		}
	}
}

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (l *Loop) checkFeedback(ps *problem.List, known map[string]bool) {
	roster := l.roster()
	seen := map[string]int{}
	for i, f := range l.Feedback {
		at := "/feedback/" + strconv.Itoa(i)
		iv := roster[f.Interviewer]
		if f.Interviewer != "" {
			if iv == nil {
				ps.Add(at+"/interviewer", RuleUnknownReference, "%q is not an interviewer in this loop", f.Interviewer)
			}
			if j, dup := seen[f.Interviewer]; dup {
				ps.Add(at+"/interviewer", RuleDuplicateFeedback, "%q already gave feedback at /feedback/%d; one feedback per interviewer", f.Interviewer, j)
			} else {
				seen[f.Interviewer] = i
			}
		}
		if l.Debrief != nil && !l.Debrief.At.IsZero() && !f.SubmittedAt.IsZero() && !f.SubmittedAt.Before(l.Debrief.At) {
			ps.Add(at+"/submittedAt", RuleFeedbackAfterDebrief, "submitted at %s, not before the debrief at %s: feedback written after the debrief may have anchored on the others' views, which breaks the independence of the loop",
				f.SubmittedAt.Format(time.RFC3339), l.Debrief.At.Format(time.RFC3339))
		}
		if f.InterviewedAt != nil && !f.SubmittedAt.IsZero() && f.SubmittedAt.Before(*f.InterviewedAt) {
			ps.Add(at+"/submittedAt", RuleSubmittedBeforeInterview, "submitted at %s, before the interview at %s", f.SubmittedAt.Format(time.RFC3339), f.InterviewedAt.Format(time.RFC3339))
		}
		rated := map[string]int{}
		for j, r := range f.Ratings {
			rat := at + "/ratings/" + strconv.Itoa(j)
			if r.Principle == "" {
				continue
			}
			if !known[r.Principle] {
				ps.Add(rat+"/principle", RuleUnknownPrinciple, "%q is not one of the loop's principles", r.Principle)
			}
			if k, dup := rated[r.Principle]; dup {
				ps.Add(rat+"/principle", RuleDuplicateRating, "%q is already rated at %s/ratings/%d", r.Principle, at, k)
			} else {
				rated[r.Principle] = j
			}
		}
		if iv != nil {
			for _, p := range iv.Principles {
				if _, ok := rated[p]; !ok {
					ps.Add(at+"/ratings", RuleUnratedPrinciple, "%q is assigned to %q but not rated", p, iv.ID)
				}
			}
		}
	}
}
