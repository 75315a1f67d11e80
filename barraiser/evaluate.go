package barraiser

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"
)

// ReviewOptions tune Evaluate's hire rules (beyond the bar raiser's veto,
// which always applies) and Review's advice. The zero ReviewOptions are the
// defaults described on each field. Review decides the decision-differs
// finding with the same hire rules, so one ReviewOptions serves both.
type ReviewOptions struct {
	// HiringManagerOptional drops the rule that every hiring manager must
	// vote inclined or strongly inclined. Default false: a hire needs the
	// hiring manager's inclined vote as well as the bar raiser's.
	HiringManagerOptional bool
	// StrongNoBlocks is how many strongly-not-inclined votes from members
	// other than the bar raiser block a hire on their own. Zero means the
	// default, 1: a strong no says an interviewer saw something
	// disqualifying, which the debrief must resolve rather than outvote. A
	// negative value turns the rule off.
	StrongNoBlocks int
	// RequireMajority adds the rule that more members vote inclined than not
	// inclined. Default false: the debrief, led by the bar raiser, decides;
	// it does not count heads.
	RequireMajority bool
	// AllowMissingFeedback lets a loop decide while members other than the
	// recruiter have not submitted feedback. Default false: every
	// interviewer's independent feedback is in before the decision.
	AllowMissingFeedback bool
	// CohortAdvisory reports whether the candidate raises the bar without
	// letting it decide. Default false: with a cohort, a candidate who is
	// not strictly better than half of it is not hired.
	CohortAdvisory bool
	// RequireCohort makes a loop without a cohort a no-hire, because the
	// bar cannot be shown to be raised. Default false.
	RequireCohort bool

	// Disable lists review rule ids (Rule… constants, as Rules lists them)
	// whose findings Review drops. Evaluate's hire rules are not review
	// rules: the fields above tune them.
	Disable []string
	// Severity gives review rules a severity other than their default, by
	// rule id; an invalid Severity leaves the default.
	Severity map[string]Severity
}

// Outcome is what Evaluate concludes about a loop. It encodes to JSON as
// is, for tools that report it:
//
//	{
//	  "decision": "hire" | "no-hire",
//	  "vetoed": bool,                  the bar raiser's veto
//	  "tally": {"stronglyInclined", "inclined", "notInclined",
//	            "stronglyNotInclined", "total", "missing", "points"},
//	  "principles": [{"principle", "assigned", "ratedBy", "scores",
//	                  "mean", "spread", "evidenceWords"}],
//	  "score": number,                 mean of all ratings, 1..4 (0 with none)
//	  "bar": {"score", "percentile", "raises", "cohortSize"} | null,
//	  "reasons": [{"rule", "blocks", "message"}]
//	}
//
// "bar.raises" is whether the candidate raises the bar; "bar" is null when
// that cannot be known. Lists are never null. Every key is always present.
type Outcome struct {
	// Decision is Hire or NoHire.
	Decision Decision `json:"decision"`
	// Vetoed is true when the bar raiser voted not inclined or strongly not
	// inclined, which makes the decision NoHire whatever anyone else voted.
	Vetoed bool `json:"vetoed"`
	// Tally counts the votes.
	Tally Tally `json:"tally"`
	// Principles summarises the ratings of each principle assigned or
	// rated in the loop, in the order of the loop's principle list.
	Principles []PrincipleSummary `json:"principles"`
	// Score is the candidate's overall score: the mean of all ratings, 0
	// when there are none.
	Score float64 `json:"score"`
	// Bar places Score within the cohort and says whether the candidate
	// raises the bar; nil (JSON null) when the loop has no cohort or no
	// ratings, and the bar cannot be shown either way.
	Bar *Bar `json:"bar"`
	// Reasons are the rules that decided: for a hire every rule that held,
	// for a no-hire every rule that blocked, in a fixed order.
	Reasons []Reason `json:"reasons"`
}

// Tally counts a loop's votes. In JSON it also carries "total", the number
// of votes cast.
type Tally struct {
	// StronglyInclined, Inclined, NotInclined and StronglyNotInclined count
	// the votes of each kind.
	StronglyInclined    int `json:"stronglyInclined"`
	Inclined            int `json:"inclined"`
	NotInclined         int `json:"notInclined"`
	StronglyNotInclined int `json:"stronglyNotInclined"`
	// Missing counts interviewers, the recruiter excepted, with no feedback.
	Missing int `json:"missing"`
	// Points sums the votes as +2, +1, -1, -2, from strongly inclined to
	// strongly not inclined.
	Points int `json:"points"`
}

// MarshalJSON encodes the tally with its total, so that a JSON reader need
// not add the four counts up.
func (t Tally) MarshalJSON() ([]byte, error) {
	type plain Tally
	return json.Marshal(struct {
		plain
		Total int `json:"total"`
	}{plain(t), t.Total()})
}

// Total is the number of votes cast.
func (t Tally) Total() int {
	return t.StronglyInclined + t.Inclined + t.NotInclined + t.StronglyNotInclined
}

func (t *Tally) add(v Vote) {
	switch v {
	case StronglyInclined:
		t.StronglyInclined++
		t.Points += 2
	case Inclined:
		t.Inclined++
		t.Points++
	case NotInclined:
		t.NotInclined++
		t.Points--
	case StronglyNotInclined:
		t.StronglyNotInclined++
		t.Points -= 2
	}
}

// PrincipleSummary is the loop's view of one principle.
type PrincipleSummary struct {
	// Principle is the principle's name.
	Principle string `json:"principle"`
	// Assigned lists the ids of interviewers assigned the principle.
	Assigned []string `json:"assigned"`
	// RatedBy lists the ids of interviewers who rated it, in feedback order.
	RatedBy []string `json:"ratedBy"`
	// Scores are their scores, in the same order.
	Scores []int `json:"scores"`
	// Mean is the mean score, 0 when unrated.
	Mean float64 `json:"mean"`
	// Spread is the highest score minus the lowest, 0 when unrated.
	Spread int `json:"spread"`
	// EvidenceWords counts the words of evidence written for it.
	EvidenceWords int `json:"evidenceWords"`
}

// Bar says where the candidate stands against the cohort.
type Bar struct {
	// Score is the candidate's overall score.
	Score float64 `json:"score"`
	// Percentile is the share of the cohort strictly below Score, 0..100.
	Percentile float64 `json:"percentile"`
	// Raises is true when strictly more than half the cohort is below.
	Raises bool `json:"raises"`
	// CohortSize is the number of cohort scores.
	CohortSize int `json:"cohortSize"`
}

// Reason is one rule that decided an outcome.
type Reason struct {
	// Rule is the rule's stable id (see the package doc).
	Rule string `json:"rule"`
	// Blocks is true when the rule stopped the hire.
	Blocks bool `json:"blocks"`
	// Message says what the rule found.
	Message string `json:"message"`
}

// Evaluate validates l and applies the hire rules: the bar raiser's veto
// always, then the rules set by opts' tuning fields (see ReviewOptions for
// the defaults; Disable and Severity concern Review only). The decision is
// Hire only when no rule blocks. An invalid or nil loop returns its
// *ValidationError and a zero Outcome.
func Evaluate(l *Loop, opts ReviewOptions) (Outcome, error) {
	if l == nil {
		return Outcome{}, nilLoop()
	}
	if err := l.Validate(); err != nil {
		return Outcome{}, err
	}
	var o Outcome
	var pass, block []Reason
	decide := func(blocks bool, rule, format string, args ...any) {
		r := Reason{Rule: rule, Blocks: blocks, Message: fmt.Sprintf(format, args...)}
		if blocks {
			block = append(block, r)
		} else {
			pass = append(pass, r)
		}
	}

	byID := map[string]Feedback{}
	for _, f := range l.Feedback {
		byID[f.Interviewer] = f
		o.Tally.add(f.Vote)
	}
	var missing []string
	for _, iv := range l.Interviewers {
		if _, ok := byID[iv.ID]; !ok && iv.Role != RoleRecruiter {
			missing = append(missing, iv.ID)
		}
	}
	o.Tally.Missing = len(missing)

	// The bar raiser's vote: a veto whatever the others say.
	for _, iv := range l.Interviewers {
		if iv.Role == RoleBarRaiser {
			f, ok := byID[iv.ID]
			if ok && !f.Vote.LeansHire() {
				o.Vetoed = true
				decide(true, RuleBarRaiserVeto, "the bar raiser %q voted %s: a veto, whatever the others voted", iv.ID, f.Vote)
				continue
			}
			voteRule(decide, RuleBarRaiserVote, "bar raiser", iv.ID, f, ok)
		}
	}
	if !opts.HiringManagerOptional {
		for _, iv := range l.Interviewers {
			if iv.Role == RoleHiringManager {
				f, ok := byID[iv.ID]
				voteRule(decide, RuleHiringManagerVote, "hiring manager", iv.ID, f, ok)
			}
		}
	}

	if limit := opts.strongNoBlocks(); limit > 0 {
		var strong []string
		roster := l.roster()
		for _, f := range l.Feedback {
			if f.Vote == StronglyNotInclined {
				if iv := roster[f.Interviewer]; iv != nil && iv.Role != RoleBarRaiser {
					strong = append(strong, f.Interviewer)
				}
			}
		}
		if len(strong) >= limit {
			decide(true, RuleStrongNo, "%d strongly-not-inclined vote(s) (%s); %d block(s) a hire", len(strong), strings.Join(quoteAll(strong), ", "), limit)
		} else {
			decide(false, RuleStrongNo, "%d strongly-not-inclined vote(s), fewer than the %d that block a hire", len(strong), limit)
		}
	}

	if opts.RequireMajority {
		yes := o.Tally.StronglyInclined + o.Tally.Inclined
		no := o.Tally.NotInclined + o.Tally.StronglyNotInclined
		if yes > no {
			decide(false, RuleMajority, "%d inclined against %d not inclined", yes, no)
		} else {
			decide(true, RuleMajority, "%d inclined against %d not inclined; a hire needs more inclined", yes, no)
		}
	}

	if !opts.AllowMissingFeedback {
		if len(missing) > 0 {
			decide(true, RuleFeedbackComplete, "no feedback yet from %s; the loop decides once every interviewer has written and voted independently", strings.Join(quoteAll(missing), ", "))
		} else {
			decide(false, RuleFeedbackComplete, "every interviewer submitted feedback")
		}
	}

	o.Principles = summarise(l)
	if o.Principles == nil {
		o.Principles = []PrincipleSummary{}
	}
	n, sum := 0, 0
	for _, f := range l.Feedback {
		for _, r := range f.Ratings {
			n++
			sum += r.Score
		}
	}
	if n > 0 {
		o.Score = float64(sum) / float64(n)
	}
	switch {
	case len(l.Cohort) > 0 && n > 0:
		pct, raises := RaisesBar(o.Score, l.Cohort)
		o.Bar = &Bar{Score: o.Score, Percentile: pct, Raises: raises, CohortSize: len(l.Cohort)}
		if !opts.CohortAdvisory {
			if raises {
				decide(false, RuleRaisesBar, "score %.2f is better than %.0f%% of the cohort of %d: strictly better than half", o.Score, pct, len(l.Cohort))
			} else {
				decide(true, RuleRaisesBar, "score %.2f is better than %.0f%% of the cohort of %d; raising the bar needs strictly more than half", o.Score, pct, len(l.Cohort))
			}
		}
	case len(l.Cohort) > 0:
		if !opts.CohortAdvisory {
			decide(true, RuleRaisesBar, "no ratings yet to compare with the cohort")
		}
	case opts.RequireCohort:
		decide(true, RuleCohortRequired, "no cohort: the loop cannot show the candidate is better than half of current employees at the level")
	}

	if len(block) == 0 {
		o.Decision, o.Reasons = Hire, pass
	} else {
		o.Decision, o.Reasons = NoHire, block
	}
	if o.Reasons == nil {
		o.Reasons = []Reason{}
	}
	return o, nil
}

// voteRule decides on the vote of a member whose inclined vote a hire needs.
func voteRule(decide func(bool, string, string, ...any), rule, who, id string, f Feedback, voted bool) {
	switch {
	case !voted:
		decide(true, rule, "the %s %q has not voted; no hire without it", who, id)
	case !f.Vote.LeansHire():
		decide(true, rule, "the %s %q voted %s; a hire needs the %s inclined", who, id, f.Vote, who)
	default:
		decide(false, rule, "the %s %q voted %s", who, id, f.Vote)
	}
}

func (o ReviewOptions) strongNoBlocks() int {
	if o.StrongNoBlocks == 0 {
		return 1
	}
	return o.StrongNoBlocks
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// summarise builds the per-principle view in the order of the loop's list.
func summarise(l *Loop) []PrincipleSummary {
	idx := map[string]int{}
	var out []PrincipleSummary
	get := func(p string) *PrincipleSummary {
		i, ok := idx[p]
		if !ok {
			i = len(out)
			idx[p] = i
			out = append(out, PrincipleSummary{Principle: p, Assigned: []string{}, RatedBy: []string{}, Scores: []int{}})
		}
		return &out[i]
	}
	for _, p := range l.PrincipleList() {
		get(p)
	}
	for _, iv := range l.Interviewers {
		for _, p := range iv.Principles {
			s := get(p)
			s.Assigned = append(s.Assigned, iv.ID)
		}
	}
	for _, f := range l.Feedback {
		for _, r := range f.Ratings {
			s := get(r.Principle)
			s.RatedBy = append(s.RatedBy, f.Interviewer)
			s.Scores = append(s.Scores, r.Score)
			s.EvidenceWords += countWords(r.Evidence)
		}
	}
	kept := out[:0]
	for _, s := range out {
		if len(s.Assigned) == 0 && len(s.Scores) == 0 {
			continue
		}
		if len(s.Scores) > 0 {
			sum := 0
			for _, x := range s.Scores {
				sum += x
			}
			s.Mean = float64(sum) / float64(len(s.Scores))
			s.Spread = slices.Max(s.Scores) - slices.Min(s.Scores)
		}
		kept = append(kept, s)
	}
	return kept
}

// countWords counts runs of letters or digits, so "p99" and "2.1" count once
// or twice but punctuation never does.
func countWords(s string) int {
	n, in := 0, false
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
