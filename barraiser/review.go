package barraiser

import (
	"fmt"
	"regexp"
	"strconv"
	"time"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// Finding is one piece of review advice about a loop. Advice never makes a
// loop invalid.
type Finding = finding.Finding

// Severity ranks a Finding.
type Severity = finding.Severity

// Severities of findings.
const (
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// Review thresholds; the package doc lists the rules they drive.
const (
	// MinLoopSize and MaxLoopSize bound a healthy loop, everyone counted.
	MinLoopSize = 5
	MaxLoopSize = 7
	// MinEvidenceWords is the fewest words of evidence a rating should have.
	MinEvidenceWords = 25
	// LateAfter is how long after the interview feedback may be submitted
	// before it counts as late: memory fades and the writer may already
	// have heard what others thought.
	LateAfter = 24 * time.Hour
)

// exampleMarker spots evidence that cites something specific: a number, or
// words that introduce a concrete example or an account of what happened.
var exampleMarker = regexp.MustCompile(`(?i)[0-9]|\b(for example|for instance|e\.g\.|such as|described|walked (me )?through|told (me|us)|explained|when (they|she|he|the)|said|showed|gave an? (example|account)|example)\b`)

// Review returns the advice for l: loops smaller than MinLoopSize or larger
// than MaxLoopSize, thin evidence (fewer than MinEvidenceWords words, or no
// specific example), principles rated by one interviewer only, votes that
// contradict the voter's own ratings, feedback submitted more than LateAfter
// after the interview, interviewers without feedback, ratings of principles
// not assigned, no recruiter, no cohort, and a recorded debrief decision that
// differs from what Evaluate concludes under opts. Review works on any loop,
// valid or not, and never panics; the findings are sorted.
func Review(l *Loop, opts Options) []Finding {
	if l == nil {
		return nil
	}
	var fs []Finding
	add := func(rule string, sev Severity, path, suggestion, format string, args ...any) {
		fs = append(fs, Finding{Rule: rule, Severity: sev, Path: path, Message: fmt.Sprintf(format, args...), Suggestion: suggestion})
	}
	if n := len(l.Interviewers); n < MinLoopSize || n > MaxLoopSize {
		add("loop-size", Warning, "/interviewers", fmt.Sprintf("Plan a loop of %d to %d interviewers.", MinLoopSize, MaxLoopSize),
			"the loop has %d members; a loop of %d to %d gives enough independent views without a crowded debrief", n, MinLoopSize, MaxLoopSize)
	}
	hasRecruiter := false
	for _, iv := range l.Interviewers {
		if iv.Role == RoleRecruiter {
			hasRecruiter = true
		}
	}
	if !hasRecruiter {
		add("no-recruiter", Info, "/interviewers", "Add the recruiter who runs the process.", "the loop has no recruiter")
	}
	roster := l.roster()
	given := map[string]bool{}
	// raters maps a principle to who rated it and where, for the path of a
	// finding about a principle only one person rated.
	raters := map[string]map[string]string{}
	for i, f := range l.Feedback {
		at := "/feedback/" + strconv.Itoa(i)
		given[f.Interviewer] = true
		iv := roster[f.Interviewer]
		assigned := map[string]bool{}
		if iv != nil {
			for _, p := range iv.Principles {
				assigned[p] = true
			}
		}
		sum := 0
		for j, r := range f.Ratings {
			rat := at + "/ratings/" + strconv.Itoa(j)
			sum += r.Score
			if raters[r.Principle] == nil {
				raters[r.Principle] = map[string]string{}
			}
			raters[r.Principle][f.Interviewer] = rat + "/principle"
			if w := countWords(r.Evidence); w < MinEvidenceWords {
				add("thin-evidence", Warning, rat+"/evidence", "Write what the candidate said or did, with one specific example.",
					"%d words of evidence for %q; at least %d make a rating checkable", w, r.Principle, MinEvidenceWords)
			}
			if !exampleMarker.MatchString(r.Evidence) {
				add("no-example", Warning, rat+"/evidence", "Quote a specific situation: what happened, what the candidate did, what came of it.",
					"the evidence for %q cites no specific example", r.Principle)
			}
			if iv != nil && !assigned[r.Principle] {
				add("unassigned-rating", Info, rat+"/principle", "Assign the principle to the interviewer, or drop the rating.",
					"%q rated %q, which was not assigned to them", f.Interviewer, r.Principle)
			}
		}
		if len(f.Ratings) > 0 && f.Vote.Valid() {
			mean := float64(sum) / float64(len(f.Ratings))
			if (f.Vote.LeansHire() && mean < 2.5) || (!f.Vote.LeansHire() && mean > 2.5) {
				add("vote-contradicts-ratings", Warning, at+"/vote", "Revisit the vote or the ratings so that they tell the same story.",
					"%q voted %s but their ratings average %.2f on the 1..4 scale", f.Interviewer, f.Vote, mean)
			}
		}
		if f.InterviewedAt != nil && f.SubmittedAt.Sub(*f.InterviewedAt) > LateAfter {
			add("late-feedback", Warning, at+"/submittedAt", "Write feedback right after the interview, before talking to anyone about the candidate.",
				"submitted %s after the interview; feedback later than %s loses detail and risks anchoring on others", f.SubmittedAt.Sub(*f.InterviewedAt).Round(time.Minute), LateAfter)
		}
	}
	for i, iv := range l.Interviewers {
		if iv.Role != RoleRecruiter && !given[iv.ID] {
			add("missing-feedback", Warning, fmt.Sprintf("/interviewers/%d", i), "Collect every interviewer's feedback before the debrief.",
				"%q (%s) has not submitted feedback", iv.ID, iv.Role)
		}
	}
	for _, p := range l.PrincipleList() {
		if n := len(raters[p]); n == 1 {
			var who, path string
			for id, at := range raters[p] {
				who, path = id, at
			}
			add("single-coverage", Info, path, "Assign the principle to a second interviewer so that no principle rests on one opinion.",
				"%q is rated by %q only", p, who)
		}
	}
	if len(l.Cohort) == 0 {
		add("no-cohort", Info, "/cohort", "Add the scores of current employees at the same level and job function.",
			"no cohort: the loop cannot show that the candidate is better than half of current employees at the level")
	}
	if l.Debrief != nil && l.Debrief.Decision != "" {
		if o, err := Evaluate(l, opts); err == nil && o.Decision != l.Debrief.Decision {
			add("decision-differs", Warning, "/debrief/decision", "Record why the debrief departed from the rules, or correct the decision.",
				"the debrief recorded %s but the loop's rules give %s", l.Debrief.Decision, o.Decision)
		}
	}
	finding.Sort(fs)
	return fs
}
