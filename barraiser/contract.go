package barraiser

import (
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// ValidationError is the one error shape of Parse and Validate (and of
// Evaluate, which validates): every problem found in the document, not only
// the first. Find it with errors.As:
//
//	var ve *barraiser.ValidationError
//	if errors.As(err, &ve) { for _, p := range ve.Problems { ... } }
//
// Its fields:
//
//   - Kind string: the document kind, always "barraiser" in this package;
//     Error() starts with it ("barraiser: /interviewers: ...").
//   - Problems []Problem: every problem, sorted by path, each with its own
//     pointer, rule, message and, from Parse, line and column.
//   - Err error: the sentinel the problems stand for, reachable with
//     errors.Is: ErrTooLarge for input over MaxBytes, ErrNilLoop for a nil
//     loop; nil otherwise. It is not encoded in JSON.
//
// Encoded as JSON it is {"kind": ..., "problems": [...]}.
type ValidationError = problem.Error

// Problem is one reason a loop is invalid. Its fields:
//
//   - Path string: the JSON pointer (RFC 6901) of the offending value, such
//     as "/feedback/2/submittedAt"; for an unknown key, the pointer of the
//     key itself ("/debrief/room"); "/" for the document as a whole.
//   - Rule string: the stable kebab-case id of the broken rule, one of
//     Rules() (a Rule… constant), such as "required" or "bar-raiser-count".
//   - Message string: what is wrong, in words a person can act on, with the
//     fix where one is known.
//   - Line, Column int: the 1-based position of the value in the source
//     Parse read; 0 where no source exists, as for Validate on a Loop built
//     in Go or after Parse succeeded.
//
// JSON keys: path, rule, message, line and column (the last two left out
// when 0).
type Problem = problem.Problem

// Finding is one piece of review advice about a loop, as Review returns it.
// Advice never makes a loop invalid. Its fields:
//
//   - Rule string: the stable kebab-case id of the review rule that fired,
//     one of Rules() (a Rule… constant), such as "thin-evidence".
//   - Severity Severity: how serious the finding is: info, warning or
//     error; the rule's default unless ReviewOptions.Severity changes it.
//   - Path string: the JSON pointer of the value the advice is about, such
//     as "/feedback/0/ratings/1/evidence".
//   - Start, End int: byte offsets of flagged text within the value (End
//     exclusive); always 0 in this package, whose findings are about whole
//     values.
//   - Line, Column int: the 1-based position of Path in the source; 0 until
//     Place fills them from the bytes the loop was parsed from.
//   - Message string: what was found, with the figures behind it.
//   - Suggestion string: what to do about it.
//
// JSON keys: rule, severity, path, start, end, line, column, message and
// suggestion (empty and zero ones left out).
type Finding = finding.Finding

// Severity ranks a Finding or a rule: Info, Warning or Error, written as
// "info", "warning", "error". It is a string; Valid reports whether it is
// one of the three, Rank orders them (1, 2, 3), and text marshalling refuses
// any other value.
type Severity = finding.Severity

// Severities of findings, from least to most serious.
const (
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// RuleInfo describes one rule of Rules(). Its fields:
//
//   - ID string: the stable kebab-case id that Problems and Findings carry,
//     and that ReviewOptions.Disable and ReviewOptions.Severity name.
//   - Severity Severity: the rule's default severity; Error for every rule
//     that makes a loop invalid (a Problem), the review default for advice.
//   - Summary string: what the rule looks for, in one line.
//   - Help string: how to fix what the rule reports.
//
// JSON keys: id, severity, summary, help.
type RuleInfo = finding.RuleInfo

// Rule ids of the vocabulary shared by every package of the module, as this
// package reports them from Parse and Validate.
const (
	RuleSyntax           = problem.RuleSyntax
	RuleEmpty            = problem.RuleEmpty
	RuleTooLarge         = problem.RuleTooLarge
	RuleTooDeep          = problem.RuleTooDeep
	RuleTooMany          = problem.RuleTooMany
	RuleUnknownKey       = problem.RuleUnknownKey
	RuleType             = problem.RuleType
	RuleRequired         = problem.RuleRequired
	RuleEnum             = problem.RuleEnum
	RuleFormat           = problem.RuleFormat
	RuleRange            = problem.RuleRange
	RuleTooShort         = problem.RuleTooShort
	RuleTooLong          = problem.RuleTooLong
	RuleTooFew           = problem.RuleTooFew
	RuleTooManyItems     = problem.RuleTooManyItems
	RuleLength           = problem.RuleLength
	RuleDuplicate        = problem.RuleDuplicate
	RuleDuplicateID      = problem.RuleDuplicateID
	RuleUnknownReference = problem.RuleUnknownReference
	RuleNil              = problem.RuleNil
)

// Rule ids of Validate's own rules: what a loop must satisfy beyond its
// field rules. See Rules for what each means.
const (
	RuleBlankText                = "blank-text"
	RuleFinite                   = "finite"
	RuleBarRaiserCount           = "bar-raiser-count"
	RuleBarRaiserIndependent     = "bar-raiser-independent"
	RuleHiringManagerMissing     = "hiring-manager-missing"
	RulePrinciplesAssigned       = "principles-assigned"
	RuleUnknownPrinciple         = "unknown-principle"
	RuleInterviewerLevel         = "interviewer-level"
	RuleDuplicateFeedback        = "duplicate-feedback"
	RuleDuplicateRating          = "duplicate-rating"
	RuleUnratedPrinciple         = "unrated-principle"
	RuleFeedbackAfterDebrief     = "feedback-after-debrief"
	RuleSubmittedBeforeInterview = "submitted-before-interview"
)

// Rule ids of Review's findings. See Rules for what each means.
const (
	RuleLoopSize               = "loop-size"
	RuleThinEvidence           = "thin-evidence"
	RuleNoExample              = "no-example"
	RuleSingleCoverage         = "single-coverage"
	RuleVoteContradictsRatings = "vote-contradicts-ratings"
	RuleLateFeedback           = "late-feedback"
	RuleMissingFeedback        = "missing-feedback"
	RuleUnassignedRating       = "unassigned-rating"
	RuleNoRecruiter            = "no-recruiter"
	RuleNoCohort               = "no-cohort"
	RuleDecisionDiffers        = "decision-differs"
)

// Ids of the hire rules Evaluate applies, as Outcome.Reasons carry them.
// They decide a loop; they are neither Problems nor Findings, so Rules does
// not list them and ReviewOptions.Disable does not switch them off (use the
// tuning fields of ReviewOptions).
const (
	RuleBarRaiserVeto     = "bar-raiser-veto"
	RuleBarRaiserVote     = "bar-raiser-vote"
	RuleHiringManagerVote = "hiring-manager-vote"
	RuleStrongNo          = "strong-no"
	RuleMajority          = "majority"
	RuleFeedbackComplete  = "feedback-complete"
	RuleRaisesBar         = "raises-bar"
	RuleCohortRequired    = "cohort-required"
)

// ownRules are the rules of this package beyond the shared vocabulary: the
// cross-field rules of Validate (severity error) and Review's advice.
var ownRules = []RuleInfo{
	rule(RuleBlankText, Error, "A rating's evidence holds only white space.", "Write what the candidate said or did."),
	rule(RuleFinite, Error, "A cohort score is not a number (NaN or infinite); only a loop built in Go can hold one.", "Give every cohort score as a number from 1 to 4."),
	rule(RuleBarRaiserCount, Error, "The loop has no bar raiser, or more than one.", "Give exactly one interviewer the role bar-raiser."),
	rule(RuleBarRaiserIndependent, Error, "The bar raiser is also the hiring manager or the recruiter (same name).", "Ask a trained bar raiser from outside the hiring team to join the loop."),
	rule(RuleHiringManagerMissing, Error, "No interviewer has the role hiring-manager.", "Add the manager who will own the hire, with role hiring-manager."),
	rule(RulePrinciplesAssigned, Error, "An interviewer other than the recruiter has no leadership principle assigned.", "Assign each interviewer the principles they assess, so that the loop covers them between them."),
	rule(RuleUnknownPrinciple, Error, "An assigned or rated principle is not on the loop's list (LeadershipPrinciples by default).", "Use a principle from the loop's list, or add it to the loop's principles."),
	rule(RuleInterviewerLevel, Error, "An interviewer is more than one level below the role.", "Ask an interviewer at most one level below the role's level."),
	rule(RuleDuplicateFeedback, Error, "An interviewer gave feedback twice.", "Keep one feedback per interviewer; merge the two."),
	rule(RuleDuplicateRating, Error, "A feedback rates one principle twice.", "Keep one rating per principle; merge the evidence."),
	rule(RuleUnratedPrinciple, Error, "A principle assigned to an interviewer is not rated in their feedback.", "Rate every assigned principle, with evidence."),
	rule(RuleFeedbackAfterDebrief, Error, "Feedback was submitted at or after the debrief started, so it may have anchored on the others' views.", "Submit feedback before the debrief; if it came late, say so and treat the vote with care."),
	rule(RuleSubmittedBeforeInterview, Error, "Feedback is dated before its interview.", "Correct submittedAt or interviewedAt."),

	rule(RuleLoopSize, Warning, "The loop has fewer than MinLoopSize (5) or more than MaxLoopSize (7) members.", "Plan a loop of 5 to 7 interviewers: enough independent views without a crowded debrief."),
	rule(RuleThinEvidence, Warning, "A rating's evidence has fewer than MinEvidenceWords (25) words.", "Write what the candidate said or did, with one specific example."),
	rule(RuleNoExample, Warning, "A rating's evidence cites no number or specific example.", "Quote a specific situation: what happened, what the candidate did, what came of it."),
	rule(RuleSingleCoverage, Info, "A principle is rated by one interviewer only.", "Assign the principle to a second interviewer so that no principle rests on one opinion."),
	rule(RuleVoteContradictsRatings, Warning, "An inclined vote with ratings averaging below 2.5, or a not-inclined vote with ratings above it.", "Revisit the vote or the ratings so that they tell the same story."),
	rule(RuleLateFeedback, Warning, "Feedback was submitted more than LateAfter (24 hours) after the interview.", "Write feedback right after the interview, before talking to anyone about the candidate."),
	rule(RuleMissingFeedback, Warning, "An interviewer other than the recruiter has not submitted feedback.", "Collect every interviewer's feedback before the debrief."),
	rule(RuleUnassignedRating, Info, "An interviewer rated a principle not assigned to them.", "Assign the principle to the interviewer, or drop the rating."),
	rule(RuleNoRecruiter, Info, "The loop has no recruiter.", "Add the recruiter who runs the process."),
	rule(RuleNoCohort, Info, "The loop has no cohort, so it cannot show the candidate raises the bar.", "Add the scores of current employees at the same level and job function."),
	rule(RuleDecisionDiffers, Warning, "The debrief's recorded decision differs from what Evaluate concludes.", "Record why the debrief departed from the rules, or correct the decision."),
}

func rule(id string, sev Severity, summary, help string) RuleInfo {
	return RuleInfo{ID: id, Severity: sev, Summary: summary, Help: help}
}

// Rules lists every rule id this package can put in a Problem (Parse and
// Validate) or a Finding (Review): the shared vocabulary first, then this
// package's own rules, each with its default severity, a summary and how
// to fix it. Tools build their rule tables (SARIF, configuration) from it.
// Each call returns a fresh slice.
func Rules() []RuleInfo {
	return append(finding.SharedRules(), ownRules...)
}
