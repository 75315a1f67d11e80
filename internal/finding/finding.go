// Package finding is the shape of review advice shared by every mechanism: a
// document can be valid and still weak, and a Finding says where and why.
package finding

import (
	"sort"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// Severity ranks a finding.
type Severity string

// Severities, from least to most serious.
const (
	Info    Severity = "info"
	Warning Severity = "warning"
	Error   Severity = "error"
)

var severities = enum.Set[Severity]{Info, Warning, Error}

// Valid reports whether s is a known severity.
func (s Severity) Valid() bool { return severities.Has(s) }

// Values lists the severities.
func (Severity) Values() []string { return severities.Strings() }

// Rank orders severities: info 1, warning 2, error 3; 0 for unknown.
func (s Severity) Rank() int {
	for i, v := range severities {
		if v == s {
			return i + 1
		}
	}
	return 0
}

// MarshalText refuses unknown severities.
func (s Severity) MarshalText() ([]byte, error) { return severities.Marshal("severity", s) }

// UnmarshalText refuses unknown severities.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := severities.Parse("severity", b)
	if err == nil {
		*s = v
	}
	return err
}

// Finding is one piece of review advice.
type Finding struct {
	// Rule is the stable id of the rule that fired ("weasel-word").
	Rule string `json:"rule"`
	// Severity ranks the finding.
	Severity Severity `json:"severity"`
	// Path is the JSON pointer of the field the finding is about; empty for
	// free text reviewed on its own.
	Path string `json:"path,omitempty"`
	// Start and End are byte offsets of the flagged text within the field
	// (End exclusive); both 0 when the finding is about the field as a whole.
	Start int `json:"start,omitempty"`
	End   int `json:"end,omitempty"`
	// Line and Column are 1-based positions of the flagged text: within the
	// text for free text, within the source file when the reviewer knows it;
	// 0 when unknown.
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
	// Message says what was found.
	Message string `json:"message"`
	// Suggestion, when there is one, says what to write instead.
	Suggestion string `json:"suggestion,omitempty"`
}

// Sort orders findings by path (array indexes numerically), then start offset, then rule, so output is
// stable whatever order the rules ran in.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if c := problem.ComparePaths(a.Path, b.Path); c != 0 {
			return c < 0
		}
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Message < b.Message
	})
}

// Place fills in the Line and Column of each finding that has a Path, from
// where that path stands in data, the source the document was parsed from.
// The source is parsed once for all findings. A path to a field the
// document leaves out gets the place of the nearest enclosing value;
// findings without a Path keep their own Line and Column.
func Place(data []byte, fs []Finding) {
	if len(fs) == 0 {
		return
	}
	at := strict.Locator(data)
	for i := range fs {
		if fs[i].Path != "" {
			fs[i].Line, fs[i].Column = at(fs[i].Path)
		}
	}
}

// PlaceIn fills in Line and Column as Place does, from a document already
// parsed, so a caller that parsed the source once need not parse it again.
func PlaceIn(doc *strict.Document, fs []Finding) {
	for i := range fs {
		if fs[i].Path != "" {
			fs[i].Line, fs[i].Column = doc.Position(fs[i].Path)
		}
	}
}
