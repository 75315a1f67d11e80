package barraiser

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// ValidationError is the error Validate returns. Use errors.As with
// `var ve *barraiser.ValidationError` to read ve.Problems, each with a JSON
// pointer, a stable rule name and a message.
type ValidationError = problem.Error

// Problem is one reason a Loop is invalid.
type Problem = problem.Problem

// ErrNilLoop is returned when a nil *Loop is validated or evaluated.
var ErrNilLoop = errors.New("barraiser: nil loop")

func init() {
	// Evidence of only spaces is no evidence; the schema says the same with
	// a pattern that needs one visible character.
	validation.Register(validation.Rule{
		Tag: "barraiser_text",
		ID:  "blank-text",
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
		return ErrNilLoop
	}
	var ps problem.List = validation.Struct(l)
	l.checkInterviewers(&ps)
	l.checkFeedback(&ps)
	for i, c := range l.Cohort {
		if math.IsNaN(c) || math.IsInf(c, 0) {
			ps.Add("/cohort/"+strconv.Itoa(i), "finite", "cohort scores must be numbers, not %v", c)
		}
	}
	return ps.Err("barraiser")
}

func (l *Loop) principleSet() map[string]bool {
	set := map[string]bool{}
	for _, p := range l.PrincipleList() {
		set[p] = true
	}
	return set
}

func (l *Loop) checkInterviewers(ps *problem.List) {
	known := l.principleSet()
	ids := map[string]int{}
	var barRaisers []int
	hm := false
	for i, iv := range l.Interviewers {
		at := "/interviewers/" + strconv.Itoa(i)
		if j, dup := ids[iv.ID]; dup && iv.ID != "" {
			ps.Add(at+"/id", "duplicate-id", "id %q is already used by /interviewers/%d", iv.ID, j)
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
			ps.Add(at+"/principles", "principles-assigned", "%s %q has no leadership principles assigned; every interviewer but the recruiter assesses at least one", iv.Role, iv.ID)
		}
		for j, p := range iv.Principles {
			if p != "" && !known[p] {
				ps.Add(at+"/principles/"+strconv.Itoa(j), "unknown-principle", "%q is not one of the loop's principles", p)
			}
		}
		if l.Role.Level > 0 && iv.Level > 0 && iv.Level < l.Role.Level-1 {
			ps.Add(at+"/level", "interviewer-level", "level %d is more than one level below the role's level %d", iv.Level, l.Role.Level)
		}
	}
	switch len(barRaisers) {
	case 0:
		ps.Add("/interviewers", "bar-raiser-count", "the loop has no bar raiser; it needs exactly one")
	case 1:
	default:
		for _, i := range barRaisers[1:] {
			ps.Add(fmt.Sprintf("/interviewers/%d/role", i), "bar-raiser-count", "a second bar raiser; the loop needs exactly one (the first is /interviewers/%d)", barRaisers[0])
		}
	}
	if !hm {
		ps.Add("/interviewers", "hiring-manager-missing", "the loop has no hiring manager")
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
			ps.Add(fmt.Sprintf("/interviewers/%d/name", b), "bar-raiser-independent", "the bar raiser %q is also the %s at /interviewers/%d; the bar raiser must be neither the hiring manager nor the recruiter", l.Interviewers[b].Name, l.Interviewers[i].Role, i)
		}
	}
}

func normName(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (l *Loop) checkFeedback(ps *problem.List) {
	known := l.principleSet()
	roster := l.roster()
	seen := map[string]int{}
	for i, f := range l.Feedback {
		at := "/feedback/" + strconv.Itoa(i)
		iv := roster[f.Interviewer]
		if f.Interviewer != "" {
			if iv == nil {
				ps.Add(at+"/interviewer", "unknown-interviewer", "%q is not an interviewer in this loop", f.Interviewer)
			}
			if j, dup := seen[f.Interviewer]; dup {
				ps.Add(at+"/interviewer", "duplicate-feedback", "%q already gave feedback at /feedback/%d; one feedback per interviewer", f.Interviewer, j)
			} else {
				seen[f.Interviewer] = i
			}
		}
		if l.Debrief != nil && !l.Debrief.At.IsZero() && !f.SubmittedAt.IsZero() && !f.SubmittedAt.Before(l.Debrief.At) {
			ps.Add(at+"/submittedAt", "feedback-after-debrief", "submitted at %s, not before the debrief at %s: feedback written after the debrief may have anchored on the others' views, which breaks the independence of the loop",
				f.SubmittedAt.Format(timeLayout), l.Debrief.At.Format(timeLayout))
		}
		if f.InterviewedAt != nil && !f.SubmittedAt.IsZero() && f.SubmittedAt.Before(*f.InterviewedAt) {
			ps.Add(at+"/submittedAt", "submitted-before-interview", "submitted at %s, before the interview at %s", f.SubmittedAt.Format(timeLayout), f.InterviewedAt.Format(timeLayout))
		}
		rated := map[string]int{}
		for j, r := range f.Ratings {
			rat := at + "/ratings/" + strconv.Itoa(j)
			if r.Principle == "" {
				continue
			}
			if !known[r.Principle] {
				ps.Add(rat+"/principle", "unknown-principle", "%q is not one of the loop's principles", r.Principle)
			}
			if k, dup := rated[r.Principle]; dup {
				ps.Add(rat+"/principle", "duplicate-rating", "%q is already rated at %s/ratings/%d", r.Principle, at, k)
			} else {
				rated[r.Principle] = j
			}
		}
		if iv != nil {
			for _, p := range iv.Principles {
				if _, ok := rated[p]; !ok {
					ps.Add(at+"/ratings", "unrated-principle", "%q is assigned to %q but not rated", p, iv.ID)
				}
			}
		}
	}
}

const timeLayout = "2006-01-02T15:04:05Z07:00"
