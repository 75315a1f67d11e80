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
//	l, err := barraiser.Parse(data) // JSON or YAML
//	if err != nil { ... }
//	o, err := barraiser.Evaluate(l, barraiser.Options{}) // validates first
//	var ve *barraiser.ValidationError
//	if errors.As(err, &ve) { for _, p := range ve.Problems { ... } }
//	fmt.Println(o.Decision, o.Vetoed, o.Reasons)
//	advice := barraiser.Review(l, barraiser.Options{})
//	packet := barraiser.Markdown(l, o)
//
// Across many loops, Calibrate(Records(loops...), CalibrationOptions{}) finds
// lenient and severe interviewers (z-scores of their ratings against all
// ratings, trusted after MinRatings) and how far interviewers agree (Cohen's
// weighted kappa per pair, Fleiss' kappa within loops; see CohenKappa,
// PairKappa, FleissKappa, LoopAgreement and Interpret for the Landis and Koch
// bands).
//
// # Hire rules
//
// Evaluate decides Hire only when no rule blocks. Its Reasons list, in this
// order, every rule that held (for a hire) or every rule that blocked (for a
// no-hire):
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
// Validate reports field rules (from the validate tags, also in the schema)
// and these rules, which the JSON Schema cannot state (Go-only):
//
//	bar-raiser-count         exactly one interviewer has role bar-raiser
//	bar-raiser-independent   the bar raiser's name is not the hiring manager's or the recruiter's
//	hiring-manager-missing   some interviewer has role hiring-manager
//	duplicate-id             interviewer ids are unique
//	principles-assigned      everyone but the recruiter has a principle assigned
//	unknown-principle        assigned and rated principles come from the loop's list
//	interviewer-level        no interviewer is more than one level below the role
//	unknown-interviewer      feedback names an interviewer of the loop
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
// Review returns advice, never errors:
//
//	loop-size                 warning  fewer than MinLoopSize (5) or more than MaxLoopSize (7) interviewers
//	thin-evidence             warning  a rating's evidence has fewer than MinEvidenceWords (25) words
//	no-example                warning  the evidence cites no number or specific example
//	single-coverage           info     a principle is rated by one interviewer only
//	vote-contradicts-ratings  warning  an inclined vote with ratings averaging below 2.5, or the reverse
//	late-feedback             warning  submitted more than LateAfter (24h) after interviewedAt
//	missing-feedback          warning  an interviewer other than the recruiter has no feedback
//	unassigned-rating         info     a rating of a principle not assigned to the interviewer
//	no-recruiter              info     the loop has no recruiter
//	no-cohort                 info     no cohort to show the bar is raised
//	decision-differs          warning  the debrief's recorded decision differs from Evaluate's
//
// # Limits
//
// Parse accepts at most 8 MiB, nesting 64 deep, 100,000 entries in one list
// and 2,000,000 values in all; the schema further bounds a loop to 30
// interviewers and 30 feedbacks of at most 64 ratings, 64 principles, and a
// cohort of 100,000 scores. Evidence is at most 20,000 characters.
package barraiser
