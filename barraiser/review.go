package barraiser

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dayone-go/mechanisms/internal/finding"
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

// citesExample reports whether evidence matches exampleMarker, looking for
// a digit first: most evidence cites a number, and finding one is far
// cheaper than running the expression.
func citesExample(evidence string) bool {
	return strings.ContainsAny(evidence, "0123456789") || exampleMarker.MatchString(evidence)
}

// Review returns the advice for l: loops smaller than MinLoopSize or larger
// than MaxLoopSize, thin evidence (fewer than MinEvidenceWords words, or no
// specific example), principles rated by one interviewer only, votes that
// contradict the voter's own ratings, feedback submitted more than LateAfter
// after the interview, interviewers without feedback, ratings of principles
// not assigned, no recruiter, no cohort, and a recorded debrief decision that
// differs from what Evaluate concludes under opts. Each finding carries its
// rule's default severity and help (see Rules) unless opts.Severity changes
// the severity; rules in opts.Disable are left out. Review works on any
// loop, valid or not, and never panics; the findings are sorted by path,
// then rule. A nil loop has no findings.
func Review(l *Loop, opts ReviewOptions) []Finding {
	if l == nil {
		return nil
	}
	var fs []Finding
	add := func(rule, path, format string, args ...any) {
		info := reviewRule(rule)
		fs = append(fs, Finding{Rule: rule, Severity: info.Severity, Path: path, Message: fmt.Sprintf(format, args...), Suggestion: info.Help})
	}
	if n := len(l.Interviewers); n < MinLoopSize || n > MaxLoopSize {
		add(RuleLoopSize, "/interviewers", "the loop has %d members; a loop of %d to %d gives enough independent views without a crowded debrief", n, MinLoopSize, MaxLoopSize)
	}
	hasRecruiter := false
	for _, iv := range l.Interviewers {
		if iv.Role == RoleRecruiter {
			hasRecruiter = true
		}
	}
	if !hasRecruiter {
		add(RuleNoRecruiter, "/interviewers", "the loop has no recruiter")
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
				add(RuleThinEvidence, rat+"/evidence", "%d words of evidence for %q; at least %d make a rating checkable", w, r.Principle, MinEvidenceWords)
			}
			if !citesExample(r.Evidence) {
				add(RuleNoExample, rat+"/evidence", "the evidence for %q cites no specific example", r.Principle)
			}
			if iv != nil && !assigned[r.Principle] {
				add(RuleUnassignedRating, rat+"/principle", "%q rated %q, which was not assigned to them", f.Interviewer, r.Principle)
			}
		}
		if len(f.Ratings) > 0 && f.Vote.Valid() {
			mean := float64(sum) / float64(len(f.Ratings))
			if (f.Vote.LeansHire() && mean < 2.5) || (!f.Vote.LeansHire() && mean > 2.5) {
				add(RuleVoteContradictsRatings, at+"/vote", "%q voted %s but their ratings average %.2f on the 1..4 scale", f.Interviewer, f.Vote, mean)
			}
		}
		if f.InterviewedAt != nil && f.SubmittedAt.Sub(*f.InterviewedAt) > LateAfter {
			add(RuleLateFeedback, at+"/submittedAt", "submitted %s after the interview; feedback later than %s loses detail and risks anchoring on others", spell(f.SubmittedAt.Sub(*f.InterviewedAt)), spell(LateAfter))
		}
	}
	for i, iv := range l.Interviewers {
		if iv.Role != RoleRecruiter && !given[iv.ID] {
			add(RuleMissingFeedback, fmt.Sprintf("/interviewers/%d", i),
				"%q (%s) has not submitted feedback", iv.ID, iv.Role)
		}
	}
	for _, p := range l.PrincipleList() {
		if n := len(raters[p]); n == 1 {
			var who, path string
			for id, at := range raters[p] {
				who, path = id, at
			}
			add(RuleSingleCoverage, path, "%q is rated by %q only", p, who)
		}
	}
	if len(l.Cohort) == 0 {
		add(RuleNoCohort, "/cohort", "no cohort: the loop cannot show that the candidate is better than half of current employees at the level")
	}
	if l.Debrief != nil && l.Debrief.Decision != "" {
		if o, err := Evaluate(l, opts); err == nil && o.Decision != l.Debrief.Decision {
			add(RuleDecisionDiffers, "/debrief/decision", "the debrief recorded %s but the loop's rules give %s", l.Debrief.Decision, o.Decision)
		}
	}
	finding.Sort(fs)
	return finding.Apply(fs, opts.Disable, opts.Severity)
}

// Place fills in the Line and Column of each finding from data, the JSON or
// YAML source the loop was parsed from, reading data once for all of them.
// A finding about a value the source leaves out (such as "/cohort") gets
// the place of the nearest enclosing value. Source that does not parse
// leaves the findings as they are.
func Place(data []byte, findings []Finding) { finding.Place(data, findings) }

// reviewRule returns the RuleInfo of a review rule, whose severity and help
// its findings carry.
func reviewRule(id string) RuleInfo {
	for _, r := range ownRules {
		if r.ID == id {
			return r
		}
	}
	return RuleInfo{ID: id, Severity: Warning} // unreachable: TestRulesListEveryReviewRule
}

// spell writes a duration in words ("1 day 6 hours", "45 minutes"), to the
// minute, never in Go's "30h0m0s" notation.
func spell(d time.Duration) string {
	d = d.Round(time.Minute)
	if d < time.Minute {
		return "less than a minute"
	}
	units := []struct {
		name string
		size time.Duration
	}{{"day", 24 * time.Hour}, {"hour", time.Hour}, {"minute", time.Minute}}
	var parts []string
	for _, u := range units {
		if n := d / u.size; n > 0 {
			d -= n * u.size
			part := strconv.FormatInt(int64(n), 10) + " " + u.name
			if n > 1 {
				part += "s"
			}
			parts = append(parts, part)
		}
	}
	return strings.Join(parts, " ")
}
