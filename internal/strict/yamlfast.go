package strict

import (
	"encoding/binary"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fastYAML reads the plain block-style YAML that documents are written in
// straight into the tree, without the YAML library's token stream, event
// stream and node tree, which cost several allocations per value and most
// of the time of reading a document.
//
// It reads only what it is sure of: block mappings with single-line plain
// or quoted keys, block sequences, plain and single-line quoted scalars,
// literal and folded block scalars, flat one-line flow sequences and
// mappings of scalars, comments and blank lines. Anything else — anchors,
// tags, directives, document markers, multi-line plain or quoted scalars,
// tabs, carriage returns, unusual characters, a duplicate key, a value the
// slow path would report, a limit passed, any syntax error — makes it give
// up (ok false) without a trace, and parseYAML reads the input with the
// library as before, so every error and every edge case stays the
// library's. FuzzYAMLFast checks that whenever it accepts an input, it
// builds the same tree, positions included, as the library path.
func (b *builder) fastYAML(data []byte) (root *node, ok bool) {
	if !plainText(data) {
		return nil, false
	}
	r := yamlReaders.Get().(*yamlReader)
	defer func() {
		// A mistake of this reader must cost speed, not a result: the
		// library path reads the input instead.
		if fastYAMLRecovers {
			if p := recover(); p != nil {
				b.values = 0
				root, ok = nil, false
				return // the reader is dropped, not pooled
			}
		}
		r.release()
	}()
	*r = yamlReader{b: b, src: string(data), line: 1, kids: r.kids[:0], keys: r.keys[:0], buf: r.buf[:0]}
	if !r.nextContent() || r.eof {
		b.values = 0
		return nil, false
	}
	n, ok := r.rootNode()
	if !ok {
		b.values = 0
		return nil, false
	}
	b.root = n
	return &b.root, true
}

// fastYAMLRecovers lets a panic of the fast reader fall back to the
// library path; the differential tests turn it off to see the panic.
var fastYAMLRecovers = true

// plainText reports whether data holds only characters the fast reader
// treats like the library does: no tabs, carriage returns or other control
// characters, no Unicode line or paragraph separators, no byte order mark
// or noncharacter. (The input is valid UTF-8; parse checked.)
func plainText(data []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(data); i++ {
		// Eight bytes at a time while they are all printable ASCII: none
		// has its high bit set, is below a space, or is DEL.
		for i+8 <= len(data) {
			v := binary.LittleEndian.Uint64(data[i:])
			below := (v - 0x20*ones) &^ v
			del := v ^ 0x7F*ones
			if (v|below|((del-ones)&^del))&highs != 0 {
				break
			}
			i += 8
		}
		if i >= len(data) {
			break
		}
		c := data[i]
		switch {
		case c >= 0x20 && c < 0x7F:
		case c == '\n':
		case c < 0x20 || c == 0x7F:
			return false
		case c == 0xC2:
			if i+1 < len(data) && data[i+1] < 0xA0 {
				return false // C1 controls, and NEL, a line break to YAML
			}
		case c == 0xE2:
			if i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9) {
				return false // line and paragraph separators
			}
		case c == 0xEF:
			if i+2 < len(data) && (data[i+1] == 0xBB && data[i+2] == 0xBF || data[i+1] == 0xBF && data[i+2] >= 0xBE) {
				return false // a byte order mark, U+FFFE, U+FFFF
			}
		}
	}
	return true
}

// yamlReaders keeps the stacks of finished readers for the next document.
var yamlReaders = sync.Pool{New: func() any { return new(yamlReader) }}

func (r *yamlReader) release() {
	clear(r.kids[:cap(r.kids)])
	clear(r.keys[:cap(r.keys)])
	if cap(r.kids) > 1<<12 || cap(r.buf) > 1<<16 {
		return
	}
	*r = yamlReader{kids: r.kids[:0], keys: r.keys[:0], buf: r.buf[:0]}
	yamlReaders.Put(r)
}

// yamlReader reads one document line by line. Between values it stands on
// the first character of the next line with content (r.i), whose
// indentation is r.ind, or at the end (r.eof).
type yamlReader struct {
	b         *builder
	src       string
	i         int
	line      int // 1-based line of lineStart
	lineStart int
	ind       int
	eof       bool
	colAt     int // the offset col last counted to, and its column
	colN      int
	kids      []node // children of the open containers, as the JSON scanner keeps them
	keys      []key
	buf       []byte // scratch for scalars that are not a slice of the input
	probe     yaml.Node
}

// col is the 1-based column of offset off on the current line, counted in
// characters as the library counts it. It counts on from the last offset
// asked for, so the columns of a long line cost one pass over it.
func (r *yamlReader) col(off int) int {
	if r.colN == 0 || r.colAt < r.lineStart || off < r.colAt {
		r.colAt, r.colN = r.lineStart, 1
	}
	r.colN += utf8.RuneCountInString(r.src[r.colAt:off])
	r.colAt = off
	return r.colN
}

// dupKey reports whether name is already a key of the mapping whose keys
// are keys; past a few keys it looks them up in seen, which it fills.
func dupKey(keys []key, name string, seen *map[string]struct{}) bool {
	if len(keys) <= 32 {
		for _, k := range keys {
			if k.name == name {
				return true
			}
		}
		return false
	}
	if *seen == nil {
		*seen = make(map[string]struct{}, 2*len(keys))
		for _, k := range keys {
			(*seen)[k.name] = struct{}{}
		}
	}
	if _, ok := (*seen)[name]; ok {
		return true
	}
	(*seen)[name] = struct{}{}
	return false
}

// nextContent moves from the start of a line to the first line with
// content, skipping blank and comment lines. It gives up on a line that
// starts a directive or a document marker.
func (r *yamlReader) nextContent() bool {
	for {
		s := r.lineStart
		j := s
		for j < len(r.src) && r.src[j] == ' ' {
			j++
		}
		if j == len(r.src) {
			r.eof, r.i = true, j
			return true
		}
		switch c := r.src[j]; {
		case c == '\n':
			r.newLine(j + 1)
			continue
		case c == '#':
			if !r.skipLine(j) {
				r.eof, r.i = true, len(r.src)
				return true
			}
			continue
		case j == s && (c == '%' || strings.HasPrefix(r.src[j:], "---") || strings.HasPrefix(r.src[j:], "...")):
			return false
		}
		r.i, r.ind = j, j-s
		return true
	}
}

func (r *yamlReader) newLine(start int) {
	r.line++
	r.lineStart = start
}

// skipLine moves to the start of the line after offset j; false at the end
// of the input.
func (r *yamlReader) skipLine(j int) bool {
	k := strings.IndexByte(r.src[j:], '\n')
	if k < 0 {
		return false
	}
	r.newLine(j + k + 1)
	return true
}

// endLine accepts what is left of the line from offset j — spaces and a
// comment — and moves to the next line with content.
func (r *yamlReader) endLine(j int) bool {
	start := j
	for j < len(r.src) && r.src[j] == ' ' {
		j++
	}
	if j < len(r.src) && r.src[j] == '#' {
		if j == start && r.src[j-1] != ' ' {
			return false
		}
	} else if j < len(r.src) && r.src[j] != '\n' {
		return false
	}
	if !r.skipLine(j) {
		r.eof, r.i = true, len(r.src)
		return true
	}
	return r.nextContent()
}

// blankAt reports whether offset j is a space, a line break or the end.
func (r *yamlReader) blankAt(j int) bool {
	return j >= len(r.src) || r.src[j] == ' ' || r.src[j] == '\n'
}

// count counts a value against MaxValues; passing the limit gives up, for
// the library path to report it where it does.
func (r *yamlReader) count() bool {
	r.b.values++
	return r.b.values <= r.b.lim.MaxValues
}

func (r *yamlReader) rootNode() (node, bool) {
	if !r.count() {
		return node{}, false
	}
	var n node
	var ok bool
	switch {
	case r.src[r.i] == '-' && r.blankAt(r.i+1):
		n, ok = r.sequence(0)
	default:
		n, ok = r.mapping(0)
	}
	return n, ok && r.eof
}

// block reads the collection that starts on the current line, more
// indented than its parent: a sequence or a mapping.
func (r *yamlReader) block(depth int) (node, bool) {
	if r.src[r.i] == '-' && r.blankAt(r.i+1) {
		return r.sequence(depth)
	}
	return r.mapping(depth)
}

// mapping reads a block mapping whose first key is at r.i, at indentation
// r.ind, and the values it holds; depth is the containers around it.
func (r *yamlReader) mapping(depth int) (node, bool) {
	b := r.b
	if depth+1 > b.lim.MaxDepth {
		return node{}, false
	}
	ind := r.ind
	n := node{kind: kObject, line: r.line, col: r.col(r.i)}
	kids, keys := len(r.kids), len(r.keys)
	var seen map[string]struct{}
	for {
		k, after, ok := r.key()
		if !ok {
			return node{}, false
		}
		if dupKey(r.keys[keys:], k.name, &seen) {
			return node{}, false // the library path reports duplicates
		}
		r.keys = append(r.keys, k)
		v, ok := r.mappingValue(ind, depth+1, after)
		if !ok {
			return node{}, false
		}
		r.kids = append(r.kids, v)
		if len(r.keys)-keys > b.lim.MaxItems {
			return node{}, false
		}
		if r.eof || r.ind < ind {
			break
		}
		if r.ind > ind {
			return node{}, false
		}
	}
	r.close(&n, kids, keys)
	return n, true
}

// close moves the children a container read, those on the stacks from
// kids and keys, into exact slices from the arena (keys for a mapping
// only).
func (r *yamlReader) close(n *node, kids, keys int) {
	a := &r.b.arena
	n.kids = take(&a.nodes, len(r.kids)-kids)
	copy(n.kids, r.kids[kids:])
	clear(r.kids[kids:])
	r.kids = r.kids[:kids]
	if n.kind == kObject {
		n.keys = take(&a.keys, len(r.keys)-keys)
		copy(n.keys, r.keys[keys:])
		r.keys = r.keys[:keys]
	}
}

// maxKey is the longest key read here; the library refuses a key of more
// than 1,024 characters, and counts them its own way.
const maxKey = 1000

// key reads a mapping key at r.i and its colon, returning the offset after
// the colon.
func (r *yamlReader) key() (key, int, bool) {
	s, i := r.src, r.i
	k := key{line: r.line, col: r.col(i)}
	switch c := s[i]; c {
	case '"', '\'':
		text, end, ok := r.quoted(i)
		if !ok || end >= len(s) || s[end] != ':' || !r.blankAt(end+1) || end-i > maxKey {
			return key{}, 0, false
		}
		k.name = text
		return k, end + 1, true
	}
	if indicator(s[i]) {
		return key{}, 0, false
	}
	last := i
	for j := i; j < len(s) && j-i <= maxKey; j++ {
		switch s[j] {
		case '\n':
			return key{}, 0, false
		case '#':
			if s[j-1] == ' ' {
				return key{}, 0, false
			}
		case ':':
			if r.blankAt(j + 1) {
				k.name = s[i : last+1]
				if k.name == "<<" {
					return key{}, 0, false
				}
				return k, j + 1, true
			}
		}
		if s[j] != ' ' {
			last = j
		}
	}
	return key{}, 0, false
}

// indicator reports whether c may not start a plain scalar (or starts one
// only in cases the fast reader leaves to the library).
func indicator(c byte) bool {
	switch c {
	case '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return true
	}
	return false
}

// mappingValue reads the value of a key whose colon ends at offset after,
// in a mapping at indentation ind.
func (r *yamlReader) mappingValue(ind, depth int, after int) (node, bool) {
	j := after
	for j < len(r.src) && r.src[j] == ' ' {
		j++
	}
	if j == len(r.src) || r.src[j] == '\n' || r.src[j] == '#' && j > after {
		line, col := r.line, r.col(after)
		if !r.endLine(j) {
			return node{}, false
		}
		switch {
		case !r.eof && r.ind > ind:
			if !r.count() {
				return node{}, false
			}
			return r.block(depth)
		case !r.eof && r.ind == ind && r.src[r.i] == '-' && r.blankAt(r.i+1):
			if !r.count() {
				return node{}, false
			}
			return r.sequence(depth)
		}
		if !r.count() {
			return node{}, false
		}
		return node{kind: kNull, line: line, col: col}, true
	}
	if !r.count() {
		return node{}, false
	}
	return r.inline(ind, depth, j, false)
}

// sequence reads a block sequence whose first dash is at r.i.
func (r *yamlReader) sequence(depth int) (node, bool) {
	b := r.b
	if depth+1 > b.lim.MaxDepth {
		return node{}, false
	}
	ind := r.i - r.lineStart
	n := node{kind: kArray, line: r.line, col: r.col(r.i)}
	kids := len(r.kids)
	for {
		dash := r.i
		j := dash + 1
		for j < len(r.src) && r.src[j] == ' ' {
			j++
		}
		if !r.count() {
			return node{}, false
		}
		var v node
		if j == len(r.src) || r.src[j] == '\n' || r.src[j] == '#' && j > dash+1 {
			line, col := r.line, r.col(dash+1)
			if !r.endLine(j) {
				return node{}, false
			}
			if !r.eof && r.ind > ind {
				var ok bool
				if v, ok = r.block(depth + 1); !ok {
					return node{}, false
				}
			} else {
				v = node{kind: kNull, line: line, col: col}
			}
		} else {
			var ok bool
			if v, ok = r.inline(ind, depth+1, j, true); !ok {
				return node{}, false
			}
		}
		r.kids = append(r.kids, v)
		if len(r.kids)-kids > b.lim.MaxItems {
			return node{}, false
		}
		if r.eof || r.ind < ind {
			break
		}
		if r.ind > ind {
			return node{}, false
		}
		if r.src[r.i] != '-' || !r.blankAt(r.i+1) {
			break // the next key of the mapping around an indentless sequence
		}
	}
	r.close(&n, kids, 0)
	return n, true
}

// inline reads a value that starts at offset j on the current line, inside
// a block collection at indentation ind; in a sequence entry (item) it may
// open a mapping or a sequence of its own.
func (r *yamlReader) inline(ind, depth, j int, item bool) (node, bool) {
	s := r.src
	line, col := r.line, r.col(j)
	switch c := s[j]; c {
	case '|', '>':
		return r.blockScalar(ind, j, line, col)
	case '"', '\'':
		text, end, ok := r.quoted(j)
		if !ok {
			return node{}, false
		}
		if end < len(s) && s[end] == ':' && item {
			return r.compact(depth, j)
		}
		if !r.endLine(end) {
			return node{}, false
		}
		return node{kind: kString, text: text, line: line, col: col}, true
	case '[', '{':
		n, end, ok := r.flow(depth, j)
		if !ok || !r.endLine(end) {
			return node{}, false
		}
		return n, true
	case '-':
		if r.blankAt(j + 1) {
			if !item {
				return node{}, false
			}
			r.i = j
			return r.sequence(depth)
		}
	}
	if indicator(s[j]) && s[j] != '-' {
		return node{}, false
	}
	last, end := j, len(s)
	for k := j; k < len(s); k++ {
		c := s[k]
		if c == '\n' {
			end = k
			break
		}
		if c == ':' && r.blankAt(k+1) {
			if !item || k-j > maxKey {
				return node{}, false
			}
			return r.compact(depth, j)
		}
		if c == '#' && s[k-1] == ' ' {
			end = k
			break
		}
		if c != ' ' {
			last = k
		}
	}
	v, ok := r.scalar(s[j:last+1], line, col)
	if !ok || !r.endLine(end) {
		return node{}, false
	}
	return v, true
}

// compact reads a mapping that starts inside a sequence entry ("- a: 1"),
// whose indentation is its first key's column.
func (r *yamlReader) compact(depth, j int) (node, bool) {
	r.i, r.ind = j, j-r.lineStart
	return r.mapping(depth)
}

// scalar resolves a plain scalar as the library does. The common shapes
// are decided here by the library's rules — four digits and a dash start
// a timestamp or a string, a decimal integer or float is a number — and
// the library's own resolve decides on anything else that may be a number
// or a timestamp; the few words that are booleans, null or the merge key
// are spelled out. A value the library path would report (a number in
// another base or not finite, the merge key) gives up.
func (r *yamlReader) scalar(s string, line, col int) (node, bool) {
	switch s[0] {
	case '+', '-', '.', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		if len(s) > 4 && s[4] == '-' && digitsEnd(s, 0) == 4 {
			return node{kind: kString, text: s, line: line, col: col}, true
		}
		if plainDecimal(s, true) && (len(s) <= 18 || !plainDecimal(s, false)) {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				return node{kind: kNumber, text: s, num: f, line: line, col: col}, true
			}
		}
		r.probe = yaml.Node{Kind: yaml.ScalarNode, Value: s}
		switch r.probe.ShortTag() {
		case "!!str", "!!timestamp":
			return node{kind: kString, text: s, line: line, col: col}, true
		}
		return node{}, false
	}
	switch s {
	case "true", "True", "TRUE":
		return node{kind: kBool, b: true, line: line, col: col}, true
	case "false", "False", "FALSE":
		return node{kind: kBool, line: line, col: col}, true
	case "~", "null", "Null", "NULL":
		return node{kind: kNull, line: line, col: col}, true
	case "<<":
		return node{}, false
	}
	return node{kind: kString, text: s, line: line, col: col}, true
}

// quoted reads a quoted scalar that starts and ends on the line of offset
// j, returning its text and the offset after the closing quote. Double
// quotes take the common escapes; any other gives up.
func (r *yamlReader) quoted(j int) (string, int, bool) {
	s := r.src
	q := s[j]
	start := j + 1
	plain := true // no escapes so far: the text is a slice of the input
	r.buf = r.buf[:0]
	for k := start; k < len(s); k++ {
		c := s[k]
		switch {
		case c == '\n':
			return "", 0, false
		case c == q && q == '\'' && k+1 < len(s) && s[k+1] == '\'':
			if plain {
				r.buf, plain = append(r.buf, s[start:k]...), false
			}
			r.buf = append(r.buf, '\'')
			k++
		case c == q:
			if plain {
				return s[start:k], k + 1, true
			}
			return string(r.buf), k + 1, true
		case c == '\\' && q == '"':
			if plain {
				r.buf, plain = append(r.buf, s[start:k]...), false
			}
			if k+1 >= len(s) {
				return "", 0, false
			}
			k++
			switch e := s[k]; e {
			case '"', '\\':
				r.buf = append(r.buf, e)
			case 'n':
				r.buf = append(r.buf, '\n')
			case 't':
				r.buf = append(r.buf, '\t')
			case 'r':
				r.buf = append(r.buf, '\r')
			case 'b':
				r.buf = append(r.buf, '\b')
			case 'f':
				r.buf = append(r.buf, '\f')
			case '0':
				r.buf = append(r.buf, 0)
			case 'u':
				if k+4 >= len(s) {
					return "", 0, false
				}
				v, err := strconv.ParseUint(s[k+1:k+5], 16, 32)
				if err != nil || v >= 0xD800 && v <= 0xDFFF {
					return "", 0, false
				}
				r.buf = utf8.AppendRune(r.buf, rune(v))
				k += 4
			default:
				return "", 0, false
			}
		default:
			if !plain {
				r.buf = append(r.buf, c)
			}
		}
	}
	return "", 0, false
}

// flow reads a one-line flow sequence or mapping of scalars at offset j,
// returning the offset after it.
func (r *yamlReader) flow(depth, j int) (node, int, bool) {
	b := r.b
	if depth+1 > b.lim.MaxDepth {
		return node{}, 0, false
	}
	s := r.src
	isMap := s[j] == '{'
	closer := byte(']')
	if isMap {
		closer = '}'
	}
	n := node{kind: kArray, line: r.line, col: r.col(j)}
	if isMap {
		n.kind = kObject
	}
	kids, keys := len(r.kids), len(r.keys)
	var seen map[string]struct{}
	k := r.flowSpace(j + 1)
	if k < len(s) && s[k] == closer {
		k++
	} else {
		for {
			if isMap {
				name, line, col, end, ok := r.flowScalar(k, true)
				if !ok || end >= len(s) || s[end] != ':' || end+1 >= len(s) || s[end+1] != ' ' || end-k > maxKey {
					return node{}, 0, false
				}
				if dupKey(r.keys[keys:], name, &seen) {
					return node{}, 0, false
				}
				r.keys = append(r.keys, key{name: name, line: line, col: col})
				k = r.flowSpace(end + 1)
			}
			if !r.count() {
				return node{}, 0, false
			}
			v, end, ok := r.flowValue(depth, k)
			if !ok {
				return node{}, 0, false
			}
			r.kids = append(r.kids, v)
			if len(r.kids)-kids > b.lim.MaxItems {
				return node{}, 0, false
			}
			k = r.flowSpace(end)
			if k >= len(s) {
				return node{}, 0, false
			}
			if s[k] == closer {
				k++
				break
			}
			if s[k] != ',' {
				return node{}, 0, false
			}
			k = r.flowSpace(k + 1)
			if k >= len(s) || s[k] == closer {
				return node{}, 0, false
			}
		}
	}
	r.close(&n, kids, keys)
	return n, k, true
}

// flowValue reads an entry of a flow collection at offset k: a scalar or
// a collection of its own.
func (r *yamlReader) flowValue(depth, k int) (node, int, bool) {
	if k < len(r.src) && (r.src[k] == '[' || r.src[k] == '{') {
		return r.flow(depth+1, k)
	}
	text, line, col, end, ok := r.flowScalar(k, false)
	if !ok {
		return node{}, 0, false
	}
	if r.src[k] == '"' || r.src[k] == '\'' {
		return node{kind: kString, text: text, line: line, col: col}, end, true
	}
	v, ok := r.scalar(text, line, col)
	return v, end, ok
}

// flowSpace skips spaces on the line from offset k.
func (r *yamlReader) flowSpace(k int) int {
	for k < len(r.src) && r.src[k] == ' ' {
		k++
	}
	return k
}

// flowScalar reads a quoted or plain scalar inside a flow collection. A
// plain one may hold none of the characters that end or complicate one
// there; a key's ends at its colon.
func (r *yamlReader) flowScalar(k int, isKey bool) (string, int, int, int, bool) {
	s := r.src
	if k >= len(s) {
		return "", 0, 0, 0, false
	}
	line, col := r.line, r.col(k)
	if s[k] == '"' || s[k] == '\'' {
		text, end, ok := r.quoted(k)
		return text, line, col, end, ok
	}
	if indicator(s[k]) && (s[k] != '-' || k+1 >= len(s) || !isAlnum(s[k+1])) {
		return "", 0, 0, 0, false
	}
	last := k
	j := k
	for ; j < len(s); j++ {
		c := s[j]
		if c == ',' || c == ']' || c == '}' || isKey && c == ':' && j+1 < len(s) && s[j+1] == ' ' {
			break
		}
		switch c {
		case '\n', '[', '{', ':', '#', '?':
			return "", 0, 0, 0, false
		}
		if c != ' ' {
			last = j
		}
	}
	return s[k : last+1], line, col, last + 1, true
}

func isAlnum(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// blockScalar reads a literal (|) or folded (>) scalar whose indicator is
// at offset j, in a block collection at indentation ind, by the library's
// own rules for indentation, folding and chomping.
func (r *yamlReader) blockScalar(ind, j, line, col int) (node, bool) {
	s := r.src
	literal := s[j] == '|'
	k := j + 1
	chomp := 0
	if k < len(s) && (s[k] == '-' || s[k] == '+') {
		if s[k] == '+' {
			chomp = 1
		} else {
			chomp = -1
		}
		k++
	}
	if !r.blankAt(k) {
		return node{}, false
	}
	// The header ends its line.
	h := k
	for h < len(s) && s[h] == ' ' {
		h++
	}
	if h < len(s) && s[h] == '#' && h == k {
		return node{}, false
	}
	if h < len(s) && s[h] != '#' && s[h] != '\n' {
		return node{}, false
	}
	out := r.buf[:0]
	p := len(s)
	if e := strings.IndexByte(s[h:], '\n'); e >= 0 {
		p = h + e + 1
		r.newLine(p)
	}
	indent := 0
	trailing := 0 // line breaks seen since the last line of text
	// breaks eats indentation and empty lines, as the library's
	// yaml_parser_scan_block_scalar_breaks does, and fixes the indentation
	// on the first call.
	breaks := func() {
		maxIndent := 0
		for {
			c := 0
			for (indent == 0 || c < indent) && p < len(s) && s[p] == ' ' {
				p++
				c++
			}
			maxIndent = max(maxIndent, c)
			if p >= len(s) || s[p] != '\n' {
				break
			}
			trailing++
			p++
			r.newLine(p)
		}
		if indent == 0 {
			indent = max(maxIndent, ind+1, 1)
		}
	}
	breaks()
	leading := false // the line break after the last line of text
	leadingBlank := false
	for p < len(s) && p-r.lineStart == indent {
		trailingBlank := s[p] == ' '
		if !literal && leading && !leadingBlank && !trailingBlank {
			if trailing == 0 {
				out = append(out, ' ')
			}
		} else if leading {
			out = append(out, '\n')
		}
		leading = false
		for ; trailing > 0; trailing-- {
			out = append(out, '\n')
		}
		leadingBlank = s[p] == ' '
		e := strings.IndexByte(s[p:], '\n')
		if e < 0 {
			out = append(out, s[p:]...)
			p = len(s)
			break
		}
		out = append(out, s[p:p+e]...)
		p += e + 1
		r.newLine(p)
		leading = true
		breaks()
	}
	if chomp != -1 && leading {
		out = append(out, '\n')
	}
	if chomp == 1 {
		for ; trailing > 0; trailing-- {
			out = append(out, '\n')
		}
	}
	text := string(out)
	r.buf = out[:0]
	// Stand at the start of the line the scalar stopped on.
	if p >= len(s) {
		r.eof, r.i = true, len(s)
		return node{kind: kString, text: text, line: line, col: col}, true
	}
	if !r.nextContent() {
		return node{}, false
	}
	return node{kind: kString, text: text, line: line, col: col}, true
}
