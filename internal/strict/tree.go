// Package strict decodes JSON or YAML documents into typed Go values,
// refusing anything the type does not declare.
//
// Both syntaxes are first read into one small tree that remembers where each
// value stood in the input. The tree is then decoded into the target by
// reflection, so every error — a syntax error, an unknown key, a string where
// a number belongs, an enum value that does not exist — names the line and
// column and the JSON pointer of the value that went wrong.
//
// Input is bounded: its size, its nesting depth, the number of entries in any
// one object or array, and the total number of values (which also bounds YAML
// alias expansion). The limits are documented on [Limits].
package strict

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Limits bounds what Decode accepts. A zero field means the default.
type Limits struct {
	// MaxBytes is the largest input accepted, in bytes. Default 8 MiB.
	MaxBytes int
	// MaxDepth is the deepest nesting of objects and arrays. Default 64.
	MaxDepth int
	// MaxItems is the most entries one object or array may hold. Default 100,000.
	MaxItems int
	// MaxValues is the most values in the whole document, counting YAML
	// aliases each time they are used. Default 2,000,000.
	MaxValues int
}

// Defaults for Limits; packages document these figures as their own.
const (
	DefaultMaxBytes  = 8 << 20
	DefaultMaxDepth  = 64
	DefaultMaxItems  = 100_000
	DefaultMaxValues = 2_000_000
)

func (l Limits) withDefaults() Limits {
	if l.MaxBytes <= 0 {
		l.MaxBytes = DefaultMaxBytes
	}
	if l.MaxDepth <= 0 {
		l.MaxDepth = DefaultMaxDepth
	}
	if l.MaxItems <= 0 {
		l.MaxItems = DefaultMaxItems
	}
	if l.MaxValues <= 0 {
		l.MaxValues = DefaultMaxValues
	}
	return l
}

// Sentinel errors callers can branch on with errors.Is.
var (
	ErrTooLarge   = errors.New("input too large")
	ErrTooDeep    = errors.New("nesting too deep")
	ErrTooMany    = errors.New("too many entries")
	ErrSyntax     = errors.New("syntax error")
	ErrUnknownKey = errors.New("unknown key")
	ErrType       = errors.New("wrong type")
	ErrEmpty      = errors.New("empty document")
)

// Error is a decoding error with the place it happened.
type Error struct {
	// Line and Column are 1-based positions in the input; 0 when unknown.
	Line, Column int
	// Pointer is the JSON pointer (RFC 6901) of the offending value; empty
	// for errors that happen before a value exists (syntax, size).
	Pointer string
	// Msg says what is wrong.
	Msg string
	// Err is a sentinel from this package, for errors.Is.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ", column %d", e.Column)
		}
		b.WriteString(": ")
	}
	if e.Pointer != "" {
		b.WriteString(e.Pointer)
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

func (e *Error) Unwrap() error { return e.Err }

type kind uint8

const (
	kNull kind = iota
	kBool
	kNumber
	kString
	kObject
	kArray
)

func (k kind) String() string {
	switch k {
	case kNull:
		return "null"
	case kBool:
		return "a boolean"
	case kNumber:
		return "a number"
	case kString:
		return "a string"
	case kObject:
		return "an object"
	case kArray:
		return "an array"
	}
	return "unknown"
}

// node is one value of the document tree with its position in the input.
type node struct {
	kind      kind
	b         bool
	text      string // string value, or the number's literal
	num       float64
	keys      []string
	vals      []*node // object values, in input order, parallel to keys
	items     []*node
	line, col int
}

// builder carries the limits and counters shared by both syntaxes.
type builder struct {
	lim    Limits
	values int
}

func (b *builder) count(line, col int) error {
	b.values++
	if b.values > b.lim.MaxValues {
		return &Error{Line: line, Column: col, Msg: fmt.Sprintf("document holds more than %d values", b.lim.MaxValues), Err: ErrTooMany}
	}
	return nil
}

func (b *builder) depth(d, line, col int) error {
	if d > b.lim.MaxDepth {
		return &Error{Line: line, Column: col, Msg: fmt.Sprintf("nesting deeper than %d levels", b.lim.MaxDepth), Err: ErrTooDeep}
	}
	return nil
}

func (b *builder) items(n, line, col int, what string) error {
	if n > b.lim.MaxItems {
		return &Error{Line: line, Column: col, Msg: fmt.Sprintf("%s holds more than %d entries", what, b.lim.MaxItems), Err: ErrTooMany}
	}
	return nil
}

// numberNode builds a number from its literal, refusing values JSON cannot hold.
func numberNode(lit string, line, col int, at *path) (*node, error) {
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return nil, &Error{Line: line, Column: col, Pointer: ptrOrRoot(at.String()), Msg: fmt.Sprintf("invalid number %q", lit), Err: ErrSyntax}
	}
	if math.IsInf(f, 0) || math.IsNaN(f) || errors.Is(err, strconv.ErrRange) {
		return nil, &Error{Line: line, Column: col, Pointer: ptrOrRoot(at.String()), Msg: fmt.Sprintf("number %q is not finite", lit), Err: ErrType}
	}
	return &node{kind: kNumber, text: lit, num: f, line: line, col: col}, nil
}

// lineCol turns a byte offset into a 1-based line and column (in bytes).
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		if c == '\n' {
			line++
			col = 1
		} else {
			col++
		}
	}
	return line, col
}

// path is the JSON pointer of the value being built, kept as a chain of
// frames on the stack and spelled out only when an error needs it, so
// parsing does not allocate a pointer string per value.
type path struct {
	parent *path
	key    string
	index  int
	isKey  bool
}

func (p *path) child(key string) path { return path{parent: p, key: key, isKey: true} }
func (p *path) item(i int) path       { return path{parent: p, index: i} }

func (p *path) String() string {
	if p == nil || p.parent == nil {
		return ""
	}
	tok := strconv.Itoa(p.index)
	if p.isKey {
		tok = escapeToken(p.key)
	}
	return p.parent.String() + "/" + tok
}
