package strict

import (
	"encoding/binary"
	"fmt"
	"strconv"
	"sync"
	"unicode/utf8"
	"unsafe"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// parseJSON reads a JSON document (RFC 8259) into a tree with a scanner of
// its own: one pass over the bytes, limits checked as values appear, and
// every syntax error reported at its line and column in plain words.
//
// The input is copied into one string once; strings without escapes and
// number literals are slices of it, and the children of every object and
// array come from shared blocks, so a document costs a few allocations per
// hundred values instead of several per value.
func (b *builder) parseJSON(data []byte) (*node, error) {
	s := scanners.Get().(*jsonScanner)
	defer s.release()
	// Set field by field: assigning a whole scanner, whose path holds its
	// first segments, cost a write barrier per pointer slot while the
	// collector ran. release left the stacks empty.
	s.b, s.src = b, string(data)
	s.i, s.line, s.lineStart, s.colAt, s.col = 0, 1, 0, 0, 1
	s.at.segs = s.at.segs[:0]
	s.skipWS()
	root, err := s.value(0, &s.at)
	if err != nil {
		return nil, err
	}
	s.skipWS()
	if s.i < len(s.src) {
		line, col := s.pos()
		return nil, &Error{Line: line, Column: col, Err: ErrSyntax,
			Msg: fmt.Sprintf("unexpected %s after the end of the document; a file holds one JSON value", s.describe(s.i))}
	}
	b.root = root
	return &b.root, nil
}

// scanners keeps the stacks of finished scanners for the next document.
var scanners = sync.Pool{New: func() any { return new(jsonScanner) }}

// release returns the scanner to the pool, its stacks cleared after an
// input over pinLimit; an oversized stack is dropped rather than kept.
func (s *jsonScanner) release() {
	if len(s.src) > pinLimit {
		clear(s.kids[:cap(s.kids)])
		clear(s.keys[:cap(s.keys)])
		clear(s.at.buf[:])
	}
	if cap(s.kids) > 1<<12 || cap(s.buf) > 1<<16 {
		return
	}
	s.b, s.src = nil, ""
	s.kids, s.keys, s.open, s.buf = s.kids[:0], s.keys[:0], s.open[:0], s.buf[:0]
	s.at.segs = nil // a path grown past its own buffer is not kept
	scanners.Put(s)
}

type jsonScanner struct {
	b   *builder
	src string
	i   int
	// line is the current line and lineStart its first byte; the column is
	// kept for offset colAt and advanced from there, so positions cost
	// one pass over the input in all, even on a single long line.
	line, lineStart int
	colAt, col      int
	// kids and keys are stacks of the children of the containers being
	// read; a container, once closed, moves its own into exact slices cut
	// from the builder's arena.
	kids []node
	keys []key
	open []opener // containers not yet closed, innermost last
	buf  []byte   // scratch for strings with escapes
	// at is the pointer of the value being read; it lives here, in a
	// pooled scanner, because it holds its first segments in itself.
	at path
	// seen holds cleared maps for the objects too large to search for
	// duplicate keys, so that such an object costs no new map.
	seen []map[string]int
}

// maxSeen is the most keys a map of seen may have held to be kept.
const maxSeen = 1 << 10

// seenMap returns an empty map from seen, or a new one.
func (s *jsonScanner) seenMap() map[string]int {
	if n := len(s.seen); n > 0 {
		m := s.seen[n-1]
		s.seen = s.seen[:n-1]
		return m
	}
	return make(map[string]int, 32)
}

// keepSeen clears m and keeps it for the next large object, unless it
// grew too large to hold on to.
func (s *jsonScanner) keepSeen(m map[string]int) {
	if len(m) <= maxSeen && len(s.seen) < 8 {
		clear(m)
		s.seen = append(s.seen, m)
	}
}

type opener struct {
	c         byte
	line, col int
}

func (s *jsonScanner) skipWS() {
	for s.i < len(s.src) {
		switch s.src[s.i] {
		case ' ', '\t', '\r':
			s.i++
		case '\n':
			s.i++
			s.line++
			s.lineStart = s.i
		default:
			return
		}
	}
}

// pos is the line and column of the current byte.
func (s *jsonScanner) pos() (int, int) { return s.posAt(s.i) }

// posAt is the line and column of offset off on the current line.
func (s *jsonScanner) posAt(off int) (int, int) {
	if s.colAt < s.lineStart || off < s.colAt {
		s.colAt, s.col = s.lineStart, 1
	}
	// The input is valid UTF-8 (parse checked), so counting runes counts
	// the bytes that start a character, with the library's ASCII fast path.
	s.col += utf8.RuneCountInString(s.src[s.colAt:off])
	s.colAt = off
	return s.line, s.col
}

func (s *jsonScanner) errAt(off int, format string, args ...any) error {
	line, col := s.posAt(off)
	return &Error{Line: line, Column: col, Msg: fmt.Sprintf(format, args...), Err: ErrSyntax}
}

func (s *jsonScanner) takeNodes(n int) []node { return take(&s.b.arena.nodes, n) }
func (s *jsonScanner) takeKeys(n int) []key   { return take(&s.b.arena.keys, n) }

func (s *jsonScanner) value(depth int, at *path) (node, error) {
	if s.i >= len(s.src) {
		return node{}, s.eof()
	}
	line, col := s.pos()
	if err := s.b.count(line, col); err != nil {
		return node{}, err
	}
	switch c := s.src[s.i]; {
	case c == '{':
		return s.object(depth+1, line, col, at)
	case c == '[':
		return s.array(depth+1, line, col, at)
	case c == '"':
		text, err := s.string()
		return node{kind: kString, text: text, line: line, col: col}, err
	case c == '-' || c >= '0' && c <= '9':
		lit, err := s.number()
		if err != nil {
			return node{}, err
		}
		return s.b.number(lit, line, col, at), nil
	case c == 't' && s.word("true"):
		return node{kind: kBool, b: true, line: line, col: col}, nil
	case c == 'f' && s.word("false"):
		return node{kind: kBool, line: line, col: col}, nil
	case c == 'n' && s.word("null"):
		return node{kind: kNull, line: line, col: col}, nil
	}
	return node{}, s.unexpected("a value")
}

// word consumes the literal w when it stands at the current offset as a
// whole word.
func (s *jsonScanner) word(w string) bool {
	end := s.i + len(w)
	if end > len(s.src) || s.src[s.i:end] != w || end < len(s.src) && isWordByte(s.src[end]) {
		return false
	}
	s.i = end
	return true
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c == '-' || c == '.' || c == '+' || c >= 0x80
}

func (s *jsonScanner) object(depth, line, col int, at *path) (node, error) {
	if err := s.b.depth(depth, line, col); err != nil {
		return node{}, err
	}
	s.i++
	s.open = append(s.open, opener{'{', line, col})
	kbase, nbase := len(s.keys), len(s.kids)
	var seen map[string]int // for objects too large to search for duplicates
	s.skipWS()
	if s.i < len(s.src) && s.src[s.i] == '}' {
		s.i++
	} else {
		for {
			if s.i >= len(s.src) {
				return node{}, s.eof()
			}
			if s.src[s.i] != '"' {
				return node{}, s.unexpected("a key in double quotes")
			}
			kl, kc := s.pos()
			name, err := s.string()
			if err != nil {
				return node{}, err
			}
			s.skipWS()
			if s.i >= len(s.src) {
				return node{}, s.eof()
			}
			if s.src[s.i] != ':' {
				return node{}, s.errAt(s.i, "expected \":\" after the key %q, not %s", clip(name), s.describe(s.i))
			}
			s.i++
			s.skipWS()
			at.push(name)
			v, err := s.value(depth, at)
			if err != nil {
				return node{}, err
			}
			first := -1
			n := len(s.keys) - kbase
			if seen == nil && n <= 16 {
				for j, k := range s.keys[kbase:] {
					if k.name == name {
						first = j
						break
					}
				}
				if n == 16 {
					seen = s.seenMap()
					for j, k := range s.keys[kbase:] {
						seen[k.name] = j
					}
				}
			} else if j, ok := seen[name]; ok {
				first = j
			}
			if first >= 0 && s.b.probs.room(kl, kc) {
				k := s.keys[kbase+first]
				s.b.probs.addRule(kl, kc, at.String(), problem.RuleDuplicate, ErrSyntax,
					fmt.Sprintf("duplicate key %q; it is already set at line %d, column %d — keep one", clip(name), k.line, k.col))
			} else if first < 0 {
				if err := s.b.items(n+1, kl, kc, "an object"); err != nil {
					return node{}, err
				}
				if seen != nil {
					seen[name] = n
				}
				s.keys = append(s.keys, key{name: name, line: kl, col: kc})
				s.kids = append(s.kids, v)
			}
			at.pop()
			if done, err := s.next('}'); done || err != nil {
				if err != nil {
					return node{}, err
				}
				break
			}
		}
	}
	if seen != nil {
		s.keepSeen(seen)
	}
	return s.close(node{kind: kObject, line: line, col: col}, kbase, nbase), nil
}

func (s *jsonScanner) array(depth, line, col int, at *path) (node, error) {
	if err := s.b.depth(depth, line, col); err != nil {
		return node{}, err
	}
	s.i++
	s.open = append(s.open, opener{'[', line, col})
	nbase := len(s.kids)
	s.skipWS()
	if s.i < len(s.src) && s.src[s.i] == ']' {
		s.i++
	} else {
		for {
			n := len(s.kids) - nbase
			if n+1 > s.b.lim.MaxItems {
				line, col := s.pos()
				return node{}, s.b.items(n+1, line, col, "a list")
			}
			at.pushIndex(n)
			v, err := s.value(depth, at)
			if err != nil {
				return node{}, err
			}
			at.pop()
			s.kids = append(s.kids, v)
			if done, err := s.next(']'); done || err != nil {
				if err != nil {
					return node{}, err
				}
				break
			}
		}
	}
	return s.close(node{kind: kArray, line: line, col: col}, -1, nbase), nil
}

// close moves the children of the container just read (and, for an
// object, its keys) off the stacks into dst.
func (s *jsonScanner) close(dst node, kbase, nbase int) node {
	if n := len(s.kids) - nbase; n > 0 {
		if kbase >= 0 {
			dst.keys = s.takeKeys(n)
			copy(dst.keys, s.keys[kbase:])
			s.keys = s.keys[:kbase]
		}
		dst.kids = s.takeNodes(n)
		copy(dst.kids, s.kids[nbase:])
		// Left as they are: the next container overwrites them (see
		// pinLimit). Clearing them here cost a write barrier per pointer
		// whenever the collector was running.
		s.kids = s.kids[:nbase]
	}
	s.open = s.open[:len(s.open)-1]
	return dst
}

// next reads what follows an entry: the closer (done) or a comma and
// another entry.
func (s *jsonScanner) next(closer byte) (done bool, err error) {
	s.skipWS()
	if s.i >= len(s.src) {
		return false, s.eof()
	}
	if s.src[s.i] == closer {
		s.i++
		return true, nil
	}
	if s.src[s.i] != ',' {
		return false, s.missingComma(closer)
	}
	// The comma's place is worked out only when it is needed, for the
	// error, from the start of its line.
	comma, cl, start := s.i, s.line, s.lineStart
	s.i++
	s.skipWS()
	if s.i < len(s.src) && s.src[s.i] == closer {
		cc := 1 + utf8.RuneCountInString(s.src[start:comma])
		return false, &Error{Line: cl, Column: cc, Err: ErrSyntax, Msg: fmt.Sprintf("a comma before %q leaves an empty entry; remove the trailing comma", string(closer))}
	}
	return false, nil
}

func (s *jsonScanner) missingComma(closer byte) error {
	c := s.src[s.i]
	if c == '"' || c == '{' || c == '[' || c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n' {
		return s.errAt(s.i, "a comma is missing before this entry; separate entries with \",\"")
	}
	if c == ']' || c == '}' {
		o := s.open[len(s.open)-1]
		return s.errAt(s.i, "%q here closes nothing: the innermost open bracket is %q at line %d, column %d; close it with %q", string(c), string(o.c), o.line, o.col, string(closer))
	}
	return s.unexpected(fmt.Sprintf("\",\" or %q", string(closer)))
}

// eof explains an input that ends too early: at the innermost container
// still open, or where the value was expected.
func (s *jsonScanner) eof() error {
	if len(s.open) > 0 {
		o := s.open[len(s.open)-1]
		what, closer := "object", "}"
		if o.c == '[' {
			what, closer = "list", "]"
		}
		return &Error{Line: o.line, Column: o.col, Err: ErrSyntax,
			Msg: fmt.Sprintf("the %s opened here with %q is never closed; add %q where it ends", what, string(o.c), closer)}
	}
	return s.errAt(len(s.src), "the document ends where a value was expected")
}

// unexpected explains the byte at the current offset where want was
// expected, with the fix for the usual slips.
func (s *jsonScanner) unexpected(want string) error {
	c := s.src[s.i]
	switch {
	case c == '\'':
		return s.errAt(s.i, "strings and keys must be in double quotes (\"), not single quotes")
	case c == '/' || c == '#':
		return s.errAt(s.i, "JSON does not allow comments; remove it (YAML allows comments starting with #)")
	case c == '}' || c == ']':
		if len(s.open) > 0 && (want == "a value") {
			return s.errAt(s.i, "expected a value before %q", string(c))
		}
		return s.errAt(s.i, "%q here closes nothing; remove it", string(c))
	case isWordByte(c) && c != '-' && c != '.':
		end := s.i
		for end < len(s.src) && isWordByte(s.src[end]) {
			end++
		}
		w := s.src[s.i:end]
		switch w {
		case "NaN", "Infinity", "+Infinity":
			return s.errAt(s.i, "%s is not a JSON number; write a finite number", w)
		}
		if hint := enum.Hint(w, []string{"true", "false", "null"}); hint != "" && want == "a value" {
			return s.errAt(s.i, "unexpected word %q%s", clip(w), hint)
		}
		if want == "a value" {
			return s.errAt(s.i, "unexpected word %q; put text in double quotes: \"%s\"", clip(w), clip(w))
		}
		if want == "a key in double quotes" {
			return s.errAt(s.i, "keys must be in double quotes: write \"%s\"", clip(w))
		}
	}
	return s.errAt(s.i, "unexpected %s; expected %s", s.describe(s.i), want)
}

// describe names the character at off for a message.
func (s *jsonScanner) describe(off int) string {
	r, _ := utf8.DecodeRuneInString(s.src[off:])
	switch {
	case r == '\n':
		return "line break"
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("control character U+%04X", r)
	}
	return strconv.Quote(string(r))
}

// number scans a number literal as RFC 8259 writes it.
func (s *jsonScanner) number() (string, error) {
	start, i := s.i, s.i
	src := s.src
	digits := func() int {
		n := 0
		for i < len(src) && src[i] >= '0' && src[i] <= '9' {
			i++
			n++
		}
		return n
	}
	ok := true
	if src[i] == '-' {
		i++
	}
	switch {
	case i < len(src) && src[i] == '0':
		i++
		if i < len(src) && src[i] >= '0' && src[i] <= '9' {
			ok = false
		}
	case digits() == 0:
		ok = false
	}
	if ok && i < len(src) && src[i] == '.' {
		i++
		ok = digits() > 0
	}
	if ok && i < len(src) && (src[i] == 'e' || src[i] == 'E') {
		i++
		if i < len(src) && (src[i] == '+' || src[i] == '-') {
			i++
		}
		ok = digits() > 0
	}
	if ok && (i == len(src) || !isWordByte(src[i])) {
		s.i = i
		return src[start:i], nil
	}
	end := i
	for end < len(src) && isWordByte(src[end]) {
		end++
	}
	lit := src[start:end]
	if lit == "-Infinity" {
		return "", s.errAt(start, "-Infinity is not a JSON number; write a finite number")
	}
	return "", s.errAt(start, "invalid number %q; write numbers like 12, -3.5 or 1e6 (no leading zeros, digits on both sides of \".\")", clip(lit))
}

// string scans a string literal; one without escapes is a slice of the
// input.
func (s *jsonScanner) string() (string, error) {
	start := s.i
	src := s.src
	i := start + 1
	// Eight bytes at a time while none of them can stop the scan: most of
	// a document's bytes are in its strings, prose most of all.
	for i+8 <= len(src) && !mayStop(load8(src, i)) {
		i += 8
	}
	for ; i < len(src); i++ {
		if !stopsString[src[i]] {
			continue // one look-up per ordinary byte
		}
		switch c := src[i]; {
		case c == '"':
			s.i = i + 1
			return src[start+1 : i], nil
		case c == '\\':
			return s.escaped(start, i)
		case c < 0x20:
			return "", s.control(start, i)
		}
	}
	return "", s.errAt(start, "the string opened here is never closed; add the closing \"")
}

// load8 reads the eight bytes of s from i on as a little-endian word.
func load8(s string, i int) uint64 {
	return binary.LittleEndian.Uint64(unsafe.Slice(unsafe.StringData(s[i:]), 8))
}

// Words of eight equal bytes, for mayStop.
const (
	ones   = 0x0101010101010101
	highs  = 0x8080808080808080
	quotes = ones * '"'
	slashs = ones * '\\'
)

// mayStop reports whether one of the eight bytes of w may stop a string
// scan: a quote, a backslash or a control character. It can say yes
// for a word holding none (a borrow can carry past the byte that made
// it), never no for a word holding one; the byte loop then decides.
func mayStop(w uint64) bool {
	zero := func(x uint64) uint64 { return (x - ones) & ^x & highs }
	return zero(w^quotes)|zero(w^slashs)|((w-ones*0x20) & ^w & highs) != 0
}

// stopsString marks the bytes a string scan stops at: the closing quote,
// a backslash, and the control characters a string cannot hold raw.
var stopsString = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

func (s *jsonScanner) control(start, i int) error {
	if s.src[i] == '\n' || s.src[i] == '\r' {
		return s.errAt(start, "the string opened here is not closed before the end of its line; add the closing \" (write a line break inside a string as \\n)")
	}
	return s.errAt(i, "a string cannot hold a raw %s; write it as an escape such as \\t or \\u%04X", s.describe(i), s.src[i])
}

// escaped decodes a string holding escapes, from its opening quote; i is
// the first backslash.
func (s *jsonScanner) escaped(start, i int) (string, error) {
	src := s.src
	buf := append(s.buf[:0], src[start+1:i]...)
	for i < len(src) {
		c := src[i]
		switch {
		case c == '"':
			s.i = i + 1
			s.buf = buf
			return string(buf), nil
		case c < 0x20:
			return "", s.control(start, i)
		case c != '\\':
			buf = append(buf, c)
			i++
			continue
		}
		if i+1 >= len(src) {
			break
		}
		switch e := src[i+1]; e {
		case '"', '\\', '/':
			buf = append(buf, e)
		case 'b':
			buf = append(buf, '\b')
		case 'f':
			buf = append(buf, '\f')
		case 'n':
			buf = append(buf, '\n')
		case 'r':
			buf = append(buf, '\r')
		case 't':
			buf = append(buf, '\t')
		case 'u':
			r, ok := hex4(src, i+2)
			if !ok {
				return "", s.errAt(i, "invalid escape %q; \\u needs four hexadecimal digits, as in \\u00e9", clip(src[i:min(i+6, len(src))]))
			}
			i += 6
			if r >= 0xD800 && r < 0xDC00 {
				if lo, ok := hex4(src, i+2); ok && i+1 < len(src) && src[i] == '\\' && src[i+1] == 'u' && lo >= 0xDC00 && lo < 0xE000 {
					r = 0x10000 + (r-0xD800)<<10 + (lo - 0xDC00)
					i += 6
				} else {
					r = utf8.RuneError
				}
			} else if r >= 0xDC00 && r < 0xE000 {
				r = utf8.RuneError
			}
			buf = utf8.AppendRune(buf, r)
			continue
		default:
			return "", s.errAt(i, "invalid escape %q in a string; write \\\\ for a backslash", src[i:i+2+utf8RuneLen(src[i+1:])-1])
		}
		i += 2
	}
	return "", s.errAt(start, "the string opened here is never closed; add the closing \"")
}

func utf8RuneLen(s string) int {
	_, n := utf8.DecodeRuneInString(s)
	return n
}

func hex4(s string, i int) (rune, bool) {
	if i+4 > len(s) {
		return 0, false
	}
	var r rune
	for _, c := range []byte(s[i : i+4]) {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		case c >= 'A' && c <= 'F':
			r |= rune(c - 'A' + 10)
		default:
			return 0, false
		}
	}
	return r, true
}
