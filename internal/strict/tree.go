// Package strict decodes JSON or YAML documents into typed Go values,
// refusing anything the type does not declare, and reports every problem of
// a document in one pass.
//
// Both syntaxes (JSON by a scanner of this package; YAML in the plain block
// style documents use by a reader of this package, anything else by
// yaml.v3) are first read into one small tree that remembers where each
// value and each key stood in the input. The tree is then decoded into the
// target by reflection. Decoding does not stop at the first mistake: every
// unknown key, value of the wrong type, unknown enum value and malformed
// date, time or duration is collected as a [problem.Problem] with its JSON
// pointer, a rule id from package problem, a message in plain words and the
// 1-based line and column, and Decode returns them all in one
// *problem.Error, in the order they stand in the input (line, then column).
// At most 100 problems are listed; one more problem says how many were left
// out.
//
// Each problem carries one of these rule ids: unknown-key; type (a value of
// the wrong JSON type, a fraction for an integer, null where a value must
// stand, a number beyond float64); range (a number beyond its Go integer
// type); enum (text refused by the UnmarshalText of a type that lists its
// values, enum.Valuer); format (text refused by any other UnmarshalText, such
// as a date or a duration, or by a time.Time); duplicate (a key written twice
// in one object, the first kept); syntax (also an explicit YAML tag that is
// refused, which does not stop reading); too-many (also the last problem of
// a list cut at 100); and syntax, too-large, too-deep, too-many and empty
// for the problems that stop reading.
//
// Problems that stop reading altogether come back alone: a syntax error (at
// its line and column, in plain words, with the fix where one is known), an
// input over a limit, an empty input.
//
// Input is bounded before anything large is built: its size, its nesting
// depth, the entries of any one object or array, the values in the whole
// document, and what YAML aliases may add. A YAML input is counted by a
// quick scan of its bytes before the YAML library builds its node tree, so
// a flow mapping of millions of entries is refused in milliseconds. The
// limits are documented on [Limits].
//
// YAML is read as the JSON data model: mappings with string keys,
// sequences, strings, finite numbers, booleans and null. Explicit tags other
// than !!str, !!int, !!float, !!bool and !!null (on single values) are
// refused, as are merge keys (<<) and more than one document in a file.
// Timestamps stay text for the target type to read; a %YAML 1.1 or 1.2
// directive is accepted.
//
// Dates are read by civil.Date (YYYY-MM-DD); a time.Time field takes RFC 3339
// text such as 2026-03-10T15:00:00Z.
package strict

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
)

// Limits bounds what Decode accepts. A zero field means the default. Every
// limit is checked while the input is read, before a structure of the
// refused size exists, and a refusal is a single problem whose error
// matches the sentinel named below with errors.Is.
type Limits struct {
	// MaxBytes is the largest input accepted, in bytes (ErrTooLarge).
	// Default 8 MiB.
	MaxBytes int
	// MaxDepth is the deepest nesting of objects and arrays (ErrTooDeep),
	// counting the nesting a YAML alias brings where it is used. Default 64.
	MaxDepth int
	// MaxItems is the most entries one object or array may hold
	// (ErrTooMany). Default 100,000.
	MaxItems int
	// MaxValues is the most values in the whole document (ErrTooMany),
	// counting the values of a YAML alias each time it is used. A YAML input
	// is also refused before it is parsed when a quick count of the values
	// and keys its text can hold exceeds MaxValues, since the YAML library
	// spends about 250 bytes on each. Default 1,000,000: with the other
	// defaults, no input costs more than about 180 MiB allocated in all or
	// a second of CPU (TestHostileInputsAreBounded measures the worst ones).
	MaxValues int
	// MaxAliasValues is the most values YAML aliases may add to a document
	// in all (ErrTooMany): an alias used n times adds its value's size n
	// times. It bounds "billion laughs" documents, which are a few hundred
	// bytes long and expand without bound. Default 100,000.
	MaxAliasValues int
}

// Defaults for Limits; packages document these figures as their own.
const (
	DefaultMaxBytes       = 8 << 20
	DefaultMaxDepth       = 64
	DefaultMaxItems       = 100_000
	DefaultMaxValues      = 1_000_000
	DefaultMaxAliasValues = 100_000
)

// maxProblems is how many problems one Decode lists before it only counts.
const maxProblems = 100

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
	if l.MaxAliasValues <= 0 {
		l.MaxAliasValues = DefaultMaxAliasValues
	}
	return l
}

// Sentinel errors callers can branch on with errors.Is. A *problem.Error
// holding several problems matches the sentinel of each of them.
var (
	ErrTooLarge   = errors.New("input too large")
	ErrTooDeep    = errors.New("nesting too deep")
	ErrTooMany    = errors.New("too many entries")
	ErrSyntax     = errors.New("syntax error")
	ErrUnknownKey = errors.New("unknown key")
	ErrType       = errors.New("wrong type")
	ErrEmpty      = errors.New("empty document")
)

// Error is a decoding error with the place it happened. Decode and
// ParseDocument return *problem.Error; AsProblem turns an Error into one.
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
	// kInvalid stands for a value already reported while reading (a
	// number that is not finite, a refused tag); decoding skips it.
	kInvalid
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
		return "a list"
	}
	return "an invalid value"
}

// node is one value of the document tree with its position in the input.
// Children are held by value in one slice, so a tree costs few allocations.
type node struct {
	kind      kind
	b         bool
	line, col int
	text      string // string value, or the number's literal
	num       float64
	keys      []key  // object keys, parallel to kids
	kids      []node // object values in input order, or array items
}

// key is an object key and where it stands.
type key struct {
	name      string
	line, col int
}

// builder carries the limits, counters and problems shared by both syntaxes.
type builder struct {
	lim         Limits
	values      int
	aliasValues int
	probs       collector // problems that do not stop reading
	arena       arena     // where the JSON scanner puts children
	root        node      // the JSON tree's root, here to save an allocation
}

// builders keeps the builders of finished Decode calls; see release.
var builders = sync.Pool{New: func() any { return new(builder) }}

// release returns a builder whose tree and problems are no longer used to
// builders.
func (b *builder) release() {
	*b = builder{}
	builders.Put(b)
}

// slabSize is how many nodes (or keys) one arena block holds.
const slabSize = 512

// arena hands out the children of containers from blocks shared by many,
// so a tree costs an allocation per few hundred values. When the tree is
// only a step of Decode, recycleAfter returns the blocks to a pool for the next
// document: nothing of the tree outlives decoding (strings are slices of
// the input, not of the tree).
type arena struct {
	nodes  slab[node]
	keys   slab[key]
	nodeBs []*[]node // blocks taken from the pools, for recycleAfter
	keyBs  []*[]key
	// room for the first blocks' entries in nodeBs and keyBs
	nodeB1 [2]*[]node
	keyB1  [2]*[]key
}

type slab[T any] struct {
	cur    []T
	size   int // capacity of the next block made without a pool; 0 means slabSize
	pool   *sync.Pool
	blocks *[]*[]T
	held   *[]T // the pooled block cur is cut from; its length is set to what was used
}

var (
	nodeBlocks = sync.Pool{New: func() any { b := make([]node, 0, slabSize); return &b }}
	keyBlocks  = sync.Pool{New: func() any { b := make([]key, 0, slabSize); return &b }}
)

func (a *arena) init() {
	a.nodeBs, a.keyBs = a.nodeB1[:0], a.keyB1[:0]
	a.nodes = slab[node]{pool: &nodeBlocks, blocks: &a.nodeBs}
	a.keys = slab[key]{pool: &keyBlocks, blocks: &a.keyBs}
}

// sizeFor sizes the first blocks of an arena without pools (a Document's,
// which lives as long as its caller keeps it) from the input: a small
// document should not carry a block made for hundreds of values. Later
// blocks double up to slabSize.
func (a *arena) sizeFor(n int) {
	size := min(max(n/32, 16), slabSize)
	a.nodes.size, a.keys.size = size, size
}

// take cuts n elements from the current block, starting a new one when it
// is full; large requests get their own slice.
func take[T any](s *slab[T], n int) []T {
	if n > slabSize/8 {
		return make([]T, n)
	}
	if cap(s.cur)-len(s.cur) < n {
		if s.pool == nil {
			size := slabSize
			if s.size > 0 {
				size = max(s.size, n)
				s.size = min(2*s.size, slabSize)
			}
			s.cur = make([]T, 0, size)
		} else {
			if s.held != nil {
				*s.held = s.cur
			}
			b := s.pool.Get().(*[]T)
			*s.blocks = append(*s.blocks, b)
			s.held = b
			s.cur = (*b)[:0]
		}
	}
	l := len(s.cur)
	s.cur = s.cur[:l+n]
	return s.cur[l : l+n : l+n]
}

// pinLimit is the size of the largest input whose strings pooled memory
// may keep after Decode: the scanner's stacks and the arena's blocks are
// cleared after a larger input only. Clearing costs a write barrier per
// pointer while the collector runs, which is most of the time when a
// program decodes many documents; left alone, the stale entries are
// overwritten before they are read, and pin their input (at most this
// size) only until reused or until the pool is emptied at the collector's
// next cycles.
const pinLimit = 1 << 16

// recycleAfter returns the blocks to their pools after a tree was built
// from an input of n bytes; the tree must not be used again. What was used
// of them is cleared only when n is over pinLimit, and only that part:
// a small document uses a few dozen of a block's elements, and clearing
// all of them cost more than reading it.
func (a *arena) recycleAfter(n int) {
	clearUsed := n > pinLimit
	if a.nodes.held != nil {
		*a.nodes.held = a.nodes.cur
	}
	if a.keys.held != nil {
		*a.keys.held = a.keys.cur
	}
	for _, b := range a.nodeBs {
		if clearUsed {
			clear(*b)
		}
		*b = (*b)[:0]
		nodeBlocks.Put(b)
	}
	for _, b := range a.keyBs {
		if clearUsed {
			clear(*b)
		}
		*b = (*b)[:0]
		keyBlocks.Put(b)
	}
	*a = arena{}
}

func (b *builder) count(line, col int) error {
	b.values++
	if b.values > b.lim.MaxValues {
		return b.tooMany(line, col)
	}
	return nil
}

func (b *builder) tooMany(line, col int) error {
	return &Error{Line: line, Column: col, Msg: fmt.Sprintf("the document holds more than %d values; split it or shorten it", b.lim.MaxValues), Err: ErrTooMany}
}

func (b *builder) depth(d, line, col int) error {
	if d > b.lim.MaxDepth {
		return &Error{Line: line, Column: col, Msg: fmt.Sprintf("objects and lists nest deeper than %d levels", b.lim.MaxDepth), Err: ErrTooDeep}
	}
	return nil
}

func (b *builder) items(n, line, col int, what string) error {
	if n > b.lim.MaxItems {
		return &Error{Line: line, Column: col, Msg: fmt.Sprintf("%s holds more than %d entries", what, b.lim.MaxItems), Err: ErrTooMany}
	}
	return nil
}

// number builds a number node from its literal; a value beyond float64 is
// reported and the node left invalid, so reading goes on.
func (b *builder) number(lit string, line, col int, at *path) node {
	f, err := strconv.ParseFloat(lit, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		b.notFinite(lit, line, col, at)
		return node{kind: kInvalid, line: line, col: col}
	}
	return node{kind: kNumber, text: lit, num: f, line: line, col: col}
}

func (b *builder) notFinite(lit string, line, col int, at *path) {
	b.probs.add(line, col, at.String(), ErrType, fmt.Sprintf("number %q is not finite; write a number between -1.8e308 and 1.8e308", clip(lit)))
}

// clip shortens text quoted in a message, so a megabyte-long value does not
// make a megabyte-long message.
func clip(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

// lineCol turns a byte offset into a 1-based line and column, the column
// counted in characters as editors count it.
func lineCol(data []byte, off int) (int, int) {
	if off > len(data) {
		off = len(data)
	}
	line, col := 1, 1
	for _, c := range data[:off] {
		switch {
		case c == '\n':
			line++
			col = 1
		case c&0xC0 != 0x80:
			col++
		}
	}
	return line, col
}

// path is the JSON pointer of the value being read or decoded, kept as a
// stack of reference tokens that readers push and pop as they descend, and
// spelled out only when a problem needs it: no allocation per value.
type path struct {
	segs []seg
	buf  [8]seg // the first segments, so that a usual depth costs no allocation
}

type seg struct {
	key   string
	index int
	isKey bool
}

func (p *path) push(key string) { p.add(seg{key: key, isKey: true}) }
func (p *path) pushIndex(i int) { p.add(seg{index: i}) }

func (p *path) add(s seg) {
	if p.segs == nil {
		p.segs = p.buf[:0]
	}
	p.segs = append(p.segs, s)
}
func (p *path) pop() { p.segs = p.segs[:len(p.segs)-1] }

// String spells the pointer out; the root is "/".
func (p *path) String() string {
	if len(p.segs) == 0 {
		return "/"
	}
	var b strings.Builder
	for _, s := range p.segs {
		b.WriteByte('/')
		if s.isKey {
			b.WriteString(escapeToken(s.key))
		} else {
			b.WriteString(strconv.Itoa(s.index))
		}
	}
	return b.String()
}

// escapeToken escapes one JSON pointer reference token (RFC 6901).
func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// Text returns the string a top-level key of the document holds, and
// whether the document is an object whose key holds a string, without
// decoding anything: the first of duplicate keys, as Decode keeps it.
func (d *Document) Text(key string) (string, bool) {
	if d.root.kind != kObject {
		return "", false
	}
	for i, k := range d.root.keys {
		if k.name == key {
			n := &d.root.kids[i]
			return n.text, n.kind == kString
		}
	}
	return "", false
}
