// Package problem is the one error shape every mechanism's Validate returns:
// a list of problems, each with a JSON pointer, a stable rule name and a
// message a person can act on.
package problem

import (
	"fmt"
	"sort"
	"strings"
)

// Problem is one reason a document is invalid.
type Problem struct {
	// Path is the JSON pointer (RFC 6901) of the offending value, "/" for
	// the document as a whole.
	Path string `json:"path"`
	// Rule is a stable, machine-readable name of the broken rule
	// ("required", "range", "enum", "unique", or a mechanism's own rule).
	Rule string `json:"rule"`
	// Message says what is wrong in words.
	Message string `json:"message"`
}

func (p Problem) String() string { return p.Path + ": " + p.Message }

// Error is returned by Validate when a document has problems. errors.As
// finds it; Problems lists every problem in path order.
type Error struct {
	// Kind names the document kind ("decision", "policy", ...).
	Kind     string    `json:"kind"`
	Problems []Problem `json:"problems"`
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Kind)
	b.WriteString(": ")
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
