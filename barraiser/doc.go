// Package barraiser models Amazon's Bar Raiser hiring loop: a candidate
// meets five to seven interviewers, always including the hiring manager, a
// recruiter and a Bar Raiser, a trained interviewer from outside the hiring
// team. Each interviewer is assigned leadership principles, writes specific
// feedback with examples right after the interview, and votes before seeing
// anyone else's feedback, so no one anchors on another. The debrief, led by
// the bar raiser, decides, and the bar raiser can veto any hire. The bar: the
// candidate should be better than at least half of current employees at the
// same level and job function.
//
// A Loop document holds the candidate, the role, the principles (Amazon's
// sixteen by default, see LeadershipPrinciples), the interviewers, their
// feedback (a vote on a four-point scale and a 1..4 rating with evidence for
// each assigned principle), the debrief and, optionally, the cohort's scores.
//
//	l, err := barraiser.Parse(data) // JSON or YAML; ParseReader for an io.Reader
//	if err != nil { ... }              // a *ValidationError: every problem, with line and column
//	opts := barraiser.ReviewOptions{}
//	o, err := barraiser.Evaluate(l, opts) // validates first
//	var ve *barraiser.ValidationError
//	if errors.As(err, &ve) { for _, p := range ve.Problems { ... } }
//	fmt.Println(o.Decision, o.Vetoed, o.Reasons) // json.Marshal(o) for tools
//	advice := barraiser.Review(l, opts)
//	barraiser.Place(data, advice) // line and column of each finding
//	err = barraiser.Markdown(w, l, o) // the debrief packet
//
// Across many loops, Calibrate(Records(loops...), CalibrationOptions{}) finds
// lenient and severe interviewers (z-scores of their ratings against all
// ratings, trusted after MinRatings) and how far interviewers agree (Cohen's
// weighted kappa per pair, Fleiss' kappa within loops; see CohenKappa,
// PairKappa, FleissKappa, LoopAgreement and Interpret for the Landis and Koch
// bands).
//
// # Errors, rules and options
//
// This package keeps the contract every mechanism of the module keeps:
//
//   - Parse and ParseReader refuse input over MaxBytes with an error for
//     which errors.Is(err, ErrTooLarge) holds. Every error about the
//     document, from Parse, Validate or Evaluate, is a *ValidationError
//     with Kind "barraiser" and Problems, each with a JSON pointer, a rule
//     id, a message and, from Parse, a line and column. Parse reports every
//     problem it finds in one pass. A failed read from ParseReader's reader
//     is the only other error.
//   - Validate and Evaluate on a nil *Loop return a *ValidationError with
//     the rule nil-document (errors.Is(err, ErrNilLoop) holds too); nothing
//     panics on any input.
//   - Rules lists every rule id a Problem or a Finding can carry, the
//     vocabulary shared by the module's packages (required, unknown-key,
//     enum, duplicate-id, unknown-reference, ...) and this package's own,
//     each with a Rule… constant, a default severity, a summary and help.
//   - ReviewOptions holds the hire rules' tuning fields and, for Review,
//     Disable (rule ids to drop) and Severity (rule id to severity), the
//     same two fields in every package.
//   - Place fills in the line and column of findings from the source.
//   - Markdown writes to an io.Writer and returns the write's error.
//   - Times are RFC 3339 with a zone, such as 2026-04-01T15:00:00Z; messages
//     spell durations in words ("1 day 6 hours"), never in Go's notation.
//
// # Hire rules
//
// Evaluate decides Hire only when no rule blocks. Its Reasons list, in this
// order, every rule that held (for a hire) or every rule that blocked (for a
// no-hire); each id has a Rule… constant. They are not review rules:
// ReviewOptions' tuning fields, not Disable, switch them:
//
//	bar-raiser-veto      the bar raiser voted not inclined or strongly not inclined; always applies; sets Vetoed
//	bar-raiser-vote      the bar raiser voted inclined (holds) or has not voted (blocks)
//	hiring-manager-vote  each hiring manager voted inclined; off with HiringManagerOptional
//	strong-no            fewer than StrongNoBlocks (default 1) strongly-not-inclined votes from others; off when negative
//	majority             more inclined than not-inclined votes; only with RequireMajority
//	feedback-complete    everyone but the recruiter has submitted feedback; off with AllowMissingFeedback
//	raises-bar           with a cohort, the score (mean of all ratings) is strictly better than half of it; advisory with CohortAdvisory
//	cohort-required      a cohort is given; only with RequireCohort
//
// RaisesBar(score, cohort) gives the percentile, the share of the cohort
// strictly below the score (ties are not beaten), and raises, true when
// strictly more than half is below: a candidate exactly at the median does
// not raise the bar.
//
// # Validation
//
// Validate reports field rules (from the validate tags, also in the schema,
// with the shared ids required, too-short, too-long, too-few,
// too-many-items, range, enum and duplicate) and these rules, which the
// JSON Schema cannot state (Go-only):
//
//	blank-text               a rating's evidence holds more than white space (also in the schema)
//	bar-raiser-count         exactly one interviewer has role bar-raiser
//	bar-raiser-independent   the bar raiser's name is not the hiring manager's or the recruiter's
//	hiring-manager-missing   some interviewer has role hiring-manager
//	duplicate-id             interviewer ids are unique (shared id)
//	principles-assigned      everyone but the recruiter has a principle assigned
//	unknown-principle        assigned and rated principles come from the loop's list
//	interviewer-level        no interviewer is more than one level below the role
//	unknown-reference        feedback names an interviewer of the loop (shared id)
//	duplicate-feedback       one feedback per interviewer
//	duplicate-rating         one rating per principle in a feedback
//	unrated-principle        every principle assigned to an interviewer is rated in their feedback
//	feedback-after-debrief   feedback is submitted strictly before the debrief, or the loop's independence is broken
//	submitted-before-interview  feedback is not submitted before its interview
//	finite                   cohort scores are numbers (NaN is refused)
//
// An empty cohort (cohort: []) fails the size rule; leave the key out when
// there is no cohort.
//
// # Review findings
//
// Review returns advice, never errors, with these default severities:
//
//	loop-size                 warning  fewer than MinLoopSize (5) or more than MaxLoopSize (7) interviewers
//	thin-evidence             warning  a rating's evidence has fewer than MinEvidenceWords (25) words
//	no-example                warning  the evidence cites no number or specific example
//	single-coverage           info     a principle is rated by one interviewer only
//	vote-contradicts-ratings  warning  an inclined vote with ratings averaging below 2.5, or the reverse
//	late-feedback             warning  submitted more than LateAfter (24 hours) after interviewedAt
//	missing-feedback          warning  an interviewer other than the recruiter has no feedback
//	unassigned-rating         info     a rating of a principle not assigned to the interviewer
//	no-recruiter              info     the loop has no recruiter
//	no-cohort                 info     no cohort to show the bar is raised
//	decision-differs          warning  the debrief's recorded decision differs from Evaluate's
//
// # Limits
//
// Parse accepts at most MaxBytes (8 MiB), nesting 64 deep, 100,000 entries
// in one list and 1,000,000 values in all (YAML aliases adding at most 100,000); beyond them it stops with one
// problem (too-large, too-deep or too-many) before building anything large.
// Validate and the schema further bound a loop to 30 interviewers and 30
// feedbacks of at most 64 ratings, 64 principles, and a cohort of 100,000
// scores. Evidence is at most 20,000 characters. Evaluate, Review and
// Markdown are linear in the size of a loop within these bounds; Calibrate
// reads at most math.MaxInt32 records.
package barraiser
