package finding

import (
	"slices"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// RuleInfo describes one rule a package can report, in a Problem or a
// Finding. Every package's Rules() returns these.
type RuleInfo struct {
	// ID is the stable kebab-case rule id, as Problems and Findings carry it.
	ID string `json:"id"`
	// Severity is the rule's default severity; error for the rules that
	// make a document invalid.
	Severity Severity `json:"severity"`
	// Summary says in one line what the rule looks for.
	Summary string `json:"summary"`
	// Help says how to fix what the rule reports.
	Help string `json:"help,omitempty"`
}

// SharedRules lists the rules every document kind can break in Parse and
// Validate, with the ids of the shared vocabulary in package problem.
func SharedRules() []RuleInfo {
	return []RuleInfo{
		{problem.RuleSyntax, Error, "The input is not well-formed JSON or YAML.", "Fix the syntax at the line and column given; the message names the usual cause."},
		{problem.RuleEmpty, Error, "The input holds no document.", "Write the document, or remove the file."},
		{problem.RuleTooLarge, Error, "The input is over the size limit.", "Split the document; the package documents its MaxBytes."},
		{problem.RuleTooDeep, Error, "Objects and arrays nest deeper than the limit.", "Flatten the structure."},
		{problem.RuleTooMany, Error, "An object, an array or the whole document holds more values than the limit.", "Split the document."},
		{problem.RuleUnknownKey, Error, "A key the document kind does not declare.", "Remove the key or fix its spelling; the message suggests the nearest known key."},
		{problem.RuleType, Error, "A value of the wrong type, such as text where a number belongs.", "Write the value in the type the message names."},
		{problem.RuleRequired, Error, "A required value is missing or empty.", "Add the value."},
		{problem.RuleEnum, Error, "A value outside the allowed list.", "Use one of the values the message lists."},
		{problem.RuleFormat, Error, "A malformed date, time, duration, id or other formatted value.", "Write the value in the form the message names, such as YYYY-MM-DD."},
		{problem.RuleRange, Error, "A number outside its bounds.", "Use a number within the bounds the message gives."},
		{problem.RuleTooShort, Error, "Text shorter than its minimum length.", "Write more."},
		{problem.RuleTooLong, Error, "Text longer than its maximum length.", "Shorten the text."},
		{problem.RuleTooFew, Error, "A list with fewer entries than its minimum.", "Add entries."},
		{problem.RuleTooManyItems, Error, "A list with more entries than its maximum.", "Remove entries."},
		{problem.RuleLength, Error, "A value whose length must be exact.", "Use the length the message gives."},
		{problem.RuleDuplicate, Error, "A list repeats an entry that must be unique.", "Remove the repeated entry."},
		{problem.RuleDuplicateID, Error, "Two entries share an id that must be unique.", "Give each entry its own id."},
		{problem.RuleUnknownReference, Error, "A value names an id that does not exist.", "Name an existing id, or add the entry it refers to."},
		{problem.RuleNil, Error, "Validate was called on a nil document.", "Parse or build a document first."},
	}
}

// Apply switches rules off and changes their severity, as every package's
// ReviewOptions allow: findings of a rule listed in disable are dropped, and
// a rule in severity gets that severity. It filters fs in place and returns
// the shortened slice.
func Apply(fs []Finding, disable []string, severity map[string]Severity) []Finding {
	if len(disable) == 0 && len(severity) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		if slices.Contains(disable, f.Rule) {
			continue
		}
		if s, ok := severity[f.Rule]; ok && s.Valid() {
			f.Severity = s
		}
		out = append(out, f)
	}
	return out
}
