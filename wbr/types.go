package wbr

import (
	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// The types below are shared by the five mechanism packages; they are
// aliases so a value from one package is the same type in another. Their
// fields are documented here, where a user of this package looks.

// Date is a calendar day with no time of day and no time zone, written
// YYYY-MM-DD in documents and data. Every day in this package's API
// (Build's week ending, Data.Add, plan ends, periods) is a Date.
//
//   - Year is the year, 0 to 9999 in documents.
//   - Month is the month, time.January to time.December.
//   - Day is the day of the month, from 1.
//
// The zero Date means "not set". civil dates compare with ==, Before and
// After; AddDays moves by whole days; String writes YYYY-MM-DD.
type Date = civil.Date

// ValidationError is the error Parse, ParseReader and Validate return for a
// deck with problems; errors.As(err, &ve) with var ve *wbr.ValidationError
// finds it.
//
//   - Kind names the document kind: "wbr" for a deck.
//   - Problems lists every problem found, sorted by path; see Problem.
//   - Err is the sentinel the problems stand for, if any (ErrTooLarge for a
//     deck over MaxBytes), so errors.Is(err, wbr.ErrTooLarge) holds.
type ValidationError = problem.Error

// Problem is one reason a deck is invalid.
//
//   - Path is the JSON pointer (RFC 6901) of the offending value, such as
//     /metrics/3/numerator; for an unknown key, the pointer of the key
//     itself; "/" for the deck as a whole.
//   - Rule is the stable kebab-case id of the broken rule, one of the ids
//     Rules lists (RuleRequired, RuleCircular, ...).
//   - Message says what is wrong in words, with the fix where one is known.
//   - Line and Column are the 1-based position in the source Parse read;
//     0 where no source exists (Validate on a deck built in Go).
type Problem = problem.Problem

// Finding is one piece of review advice from Review or Report.Findings: a
// valid deck or report that the meeting should still look at.
//
//   - Rule is the stable kebab-case id of the rule that fired, one of the
//     ids Rules lists (RuleXmRSignal, RuleNoPlan, ...).
//   - Severity ranks the finding: Info, Warning or Error, after
//     ReviewOptions.Severity is applied.
//   - Path is the JSON pointer of the deck value the finding is about, such
//     as /metrics/2 for a metric.
//   - Start and End are byte offsets of flagged text within the field (End
//     exclusive); always 0 here, as wbr's findings are about whole values.
//   - Line and Column are the 1-based position of Path in the deck's source
//     once Place has filled them; 0 before that.
//   - Message says what was found, naming the metric.
//   - Suggestion says what to write instead, when there is one.
type Finding = finding.Finding

// Severity ranks a finding: Info, Warning or Error. Its Valid method
// reports whether a value is one of the three; Rank orders them 1 to 3.
type Severity = finding.Severity

// Severities of findings.
const (
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// RuleInfo describes one rule this package can report, as Rules lists it.
//
//   - ID is the stable kebab-case rule id that Problems and Findings carry.
//   - Severity is the rule's default severity: Error for the rules that
//     make a deck invalid, the finding's severity for review rules.
//   - Summary says in one line what the rule looks for.
//   - Help says how to fix what the rule reports.
type RuleInfo = finding.RuleInfo
