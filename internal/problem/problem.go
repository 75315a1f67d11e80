// Package problem is the one error shape every mechanism's Parse and Validate
// return: a list of problems, each with a JSON pointer, a stable kebab-case
// rule id, a message a person can act on and, where a source exists, the line
// and column.
package problem

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// Rule ids shared by every package for the ideas they have in common. A
// package's own rules use ids of the same kebab-case shape.
const (
	// RuleSyntax: the input is not well-formed JSON or YAML.
	RuleSyntax = "syntax"
	// RuleEmpty: the input holds no document.
	RuleEmpty = "empty"
	// RuleTooLarge: the input is over the package's MaxBytes.
	RuleTooLarge = "too-large"
	// RuleTooDeep: objects and arrays nest deeper than the limit.
	RuleTooDeep = "too-deep"
	// RuleTooMany: an object or array, or the whole document, holds more
	// entries or values than the limit.
	RuleTooMany = "too-many"
	// RuleUnknownKey: a key the document kind does not declare.
	RuleUnknownKey = "unknown-key"
	// RuleType: a value of the wrong JSON type (a string where a number belongs).
	RuleType = "type"
	// RuleRequired: a required value is missing or empty.
	RuleRequired = "required"
	// RuleEnum: a value outside the allowed list.
	RuleEnum = "enum"
	// RuleFormat: a malformed date, time, duration, id or other formatted string.
	RuleFormat = "format"
	// RuleRange: a number outside its bounds.
	RuleRange = "range"
	// RuleTooShort: a string shorter than its minimum length.
	RuleTooShort = "too-short"
	// RuleTooLong: a string longer than its maximum length.
	RuleTooLong = "too-long"
	// RuleTooFew: a list with fewer entries than its minimum.
	RuleTooFew = "too-few"
	// RuleTooManyItems: a list with more entries than its maximum.
	RuleTooManyItems = "too-many-items"
	// RuleLength: a string or list whose length must be exact.
	RuleLength = "length"
	// RuleDuplicate: a list repeats an entry that must be unique.
	RuleDuplicate = "duplicate"
	// RuleDuplicateID: two entries share an id that must be unique.
	RuleDuplicateID = "duplicate-id"
	// RuleUnknownReference: a value names an id that does not exist.
	RuleUnknownReference = "unknown-reference"
	// RuleNil: Validate was called on a nil document.
	RuleNil = "nil-document"
)

// Problem is one reason a document is invalid.
type Problem struct {
	// Path is the JSON pointer (RFC 6901) of the offending value; for an
	// unknown key, the pointer the key would have; "/" for the document as
	// a whole.
	Path string `json:"path"`
	// Rule is the stable kebab-case id of the broken rule ("required",
	// "unknown-key", or a mechanism's own rule).
	Rule string `json:"rule"`
	// Message says what is wrong in words, with the fix where one is known.
	Message string `json:"message"`
	// Line and Column are 1-based positions in the source; 0 where no source
	// exists (Validate on a value built in Go).
	Line   int `json:"line,omitempty"`
	Column int `json:"column,omitempty"`
}

func (p Problem) String() string {
	var b strings.Builder
	if p.Line > 0 {
		fmt.Fprintf(&b, "line %d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ", column %d", p.Column)
		}
		b.WriteString(": ")
	}
	b.WriteString(p.Path)
	b.WriteString(": ")
	b.WriteString(p.Message)
	return b.String()
}

// Error is returned by Parse and Validate when a document has problems.
// errors.As finds it. Parse lists its problems in the order they stand in
// the source (line, then column); Validate lists them in path order.
type Error struct {
	// Kind names the document kind ("decision", "policy", ...).
	Kind string `json:"kind"`
	// Problems lists every problem found: by line and column when they
	// come from a source (Parse), by path otherwise (Validate). A decoder
	// lists at most 100 and then one problem saying how many more there
	// are.
	Problems []Problem `json:"problems"`
	// Err, when set, is the sentinel error the problems stand for (such
	// as a package's ErrTooLarge), reachable with errors.Is; for several
	// problems, an errors.Join of each one's sentinel.
	Err error `json:"-"`
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Kind != "" {
		b.WriteString(e.Kind)
		b.WriteString(": ")
	}
	if len(e.Problems) == 1 {
		b.WriteString(e.Problems[0].String())
		return b.String()
	}
	fmt.Fprintf(&b, "%d problems: ", len(e.Problems))
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Unwrap returns the sentinel the problems stand for, if any.
func (e *Error) Unwrap() error { return e.Err }

// WithKind returns err with its Kind set when err is an *Error without one
// (as decoders return it), and err unchanged otherwise.
func WithKind(err error, kind string) error {
	var pe *Error
	if errors.As(err, &pe) && pe.Kind == "" {
		cp := *pe
		cp.Kind = kind
		return &cp
	}
	return err
}

// Nil is the error Validate returns for a nil document of the given kind.
func Nil(kind string) error {
	return &Error{Kind: kind, Problems: []Problem{{Path: "/", Rule: RuleNil, Message: "the document is nil"}}}
}

// List collects problems while a document is checked.
type List []Problem

// Add records a problem at path.
func (l *List) Add(path, rule, format string, args ...any) {
	if path == "" {
		path = "/"
	}
	*l = append(*l, Problem{Path: path, Rule: rule, Message: fmt.Sprintf(format, args...)})
}

// Err returns nil for an empty list, or an *Error of the given kind with the
// problems sorted by path (then rule and message) and exact duplicates removed,
// so the same document always gives the same message.
func (l List) Err(kind string) error {
	if len(l) == 0 {
		return nil
	}
	ps := append([]Problem(nil), l...)
	sort.SliceStable(ps, func(i, j int) bool {
		if c := ComparePaths(ps[i].Path, ps[j].Path); c != 0 {
			return c < 0
		}
		if ps[i].Rule != ps[j].Rule {
			return ps[i].Rule < ps[j].Rule
		}
		return ps[i].Message < ps[j].Message
	})
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return &Error{Kind: kind, Problems: out}
}

// ComparePaths orders JSON pointers token by token, numbers numerically, so
// that /items/2 comes before /items/10. It returns -1, 0 or +1 like strings.Compare
// (any negative or positive number for a shorter or longer path).
func ComparePaths(a, b string) int {
	ta, tb := strings.Split(a, "/"), strings.Split(b, "/")
	for i := 0; i < len(ta) && i < len(tb); i++ {
		if ta[i] == tb[i] {
			continue
		}
		na, ea := atoi(ta[i])
		nb, eb := atoi(tb[i])
		if ea && eb {
			if na < nb {
				return -1
			}
			return 1
		}
		if ta[i] < tb[i] {
			return -1
		}
		return 1
	}
	return len(ta) - len(tb)
}

func atoi(s string) (int, bool) {
	if s == "" || len(s) > 9 {
		return 0, false
	}
	n := 0
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}
