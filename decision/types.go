package decision

import (
	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// The types below are shared by the five mechanism packages; each is
// documented here, field by field, because this is where a user of package
// decision looks.

// Date is a calendar day with no time of day and no time zone, written
// YYYY-MM-DD in documents. Its fields are:
//
//   - Year: the year, such as 2026.
//   - Month: the month, time.January to time.December.
//   - Day: the day of the month, from 1.
//
// The zero Date means "not set". DateOf(time.Now()) is today.
type Date = civil.Date

// Problem is one reason a document is invalid, as Parse, Validate and
// Log.Check report it. Its fields are:
//
//   - Path: the JSON pointer (RFC 6901) of the offending value, such as
//     "/risks/0/likelihood"; for an unknown key, the pointer the key would
//     have; "/" for the document as a whole. Log.Check prefixes the entry's
//     index ("/2/links/related/0"; see Log.Locate).
//   - Rule: the stable kebab-case id of the broken rule ("required",
//     "unknown-key", "chosen-option"); Rules lists every id.
//   - Message: what is wrong, in words, with the fix where one is known.
//   - Line, Column: 1-based position of the value in the source; 0 where no
//     source exists, as for Validate on a value built in Go.
type Problem = problem.Problem

// ValidationError is the one error shape of Parse, ParseReader,
// ParsePolicy, ParsePolicyReader, ParseMarkdown, Validate and Log.Check:
// errors.As(err, &ve) with var ve *decision.ValidationError always holds for
// an error about a document. Its fields are:
//
//   - Kind: the document kind, "decision", "policy" or "decision log".
//   - Problems: every problem found, sorted by path.
//   - Err: the sentinel the problems stand for, if any, such as ErrTooLarge,
//     reachable with errors.Is; nil otherwise.
type ValidationError = problem.Error

// Severity ranks a finding: Info, Warning or Error, from least to most
// serious. It is a string type; Valid reports whether a value is one of
// the three and Rank orders them 1 to 3.
type Severity = finding.Severity

// Severities of findings.
const (
	// Info is advice worth knowing.
	Info = finding.Info
	// Warning is advice worth acting on.
	Warning = finding.Warning
	// Error is a weakness the mechanism does not accept, such as a one-way
	// door without a risk map.
	Error = finding.Error
)

// Finding is one piece of review advice about a valid document, from
// Classify or Log.Check; advice never makes a document invalid. Its fields
// are:
//
//   - Rule: the stable kebab-case id of the rule that fired
//     ("one-way-no-approver"); Rules lists every id.
//   - Severity: how serious the finding is, after ReviewOptions.
//   - Path: the JSON pointer of the field the finding is about
//     ("/people/approver"), in a Markdown record too; Log.Check prefixes the
//     entry's index ("/0/reviewBy"; see Log.Locate).
//   - Start, End: byte offsets of the flagged text within the field (End
//     exclusive); both 0 here, as decision findings are about whole fields.
//   - Line, Column: 1-based position in the source, filled by Place (YAML,
//     JSON or Markdown) or PlaceMarkdown; 0 until then.
//   - Message: what was found, in words.
//   - Suggestion: what to do about it, when there is something to say.
type Finding = finding.Finding

// RuleInfo describes one rule the package can report, as Rules lists it.
// Its fields are:
//
//   - ID: the stable kebab-case id Problems and Findings carry.
//   - Severity: the rule's default severity; Error for the rules that make
//     a document invalid.
//   - Summary: what the rule looks for, in one line.
//   - Help: how to fix what the rule reports.
type RuleInfo = finding.RuleInfo
