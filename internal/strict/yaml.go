package strict

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/dayone-go/mechanisms/internal/problem"
	"go.yaml.in/yaml/v3"
)

// parseYAML reads one YAML document into a tree. Only what JSON can say is
// accepted: mappings with scalar keys, sequences, strings, finite numbers,
// booleans and null. The input is counted before the YAML library parses it
// (see estimateYAML). Each anchored value is built once and shared by its
// aliases, whose expansion is counted against MaxValues and MaxAliasValues.
func (b *builder) parseYAML(data []byte) (*node, error) { return b.readYAML(data, true) }

// readYAML is parseYAML, trying the fast reader first when fast is set
// (the differential tests read each input both ways).
func (b *builder) readYAML(data []byte, fast bool) (root *node, err error) {
	defer func() {
		// The YAML library has panicked on hostile input in the past; a
		// document must never take the caller down with it.
		if r := recover(); r != nil {
			root, err = nil, &Error{Line: 1, Column: 1, Msg: fmt.Sprintf("the YAML reader failed on this input: %v", r), Err: ErrSyntax}
		}
	}()
	data, err = yamlVersion(data)
	if err != nil {
		return nil, err
	}
	// The estimate adds at most 4 for each byte, so a document of no more
	// than a quarter of MaxValues bytes cannot pass it and needs no count.
	if len(data) > b.lim.MaxValues/4 {
		if n, line := estimateYAML(data, b.lim.MaxValues); n > b.lim.MaxValues {
			return nil, &Error{Line: line, Column: 1, Msg: fmt.Sprintf("the document holds more than %d values and keys; split it or shorten it", b.lim.MaxValues), Err: ErrTooMany}
		}
	}
	if fast {
		if root, ok := b.fastYAML(data); ok {
			return root, nil
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{Line: 1, Column: 1, Msg: "the document is empty", Err: ErrEmpty}
		}
		return nil, yamlSyntax(data, err)
	}
	if err := onlyDocument(dec); err != nil {
		return nil, yamlSyntaxOr(data, err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{Line: 1, Column: 1, Msg: "the document is empty", Err: ErrEmpty}
	}
	y := &yamlBuilder{b: b, memo: map[*yaml.Node]*anchored{}}
	n, _, err := y.value(doc.Content[0], 0, &path{})
	if err != nil {
		return nil, err
	}
	return &n, nil
}

// onlyDocument reads what follows the first document: nothing, or
// empty documents (a trailing "---"). A second document with content is
// refused at its first value.
func onlyDocument(dec *yaml.Decoder) error {
	for {
		var extra yaml.Node
		err := dec.Decode(&extra)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		if len(extra.Content) == 0 {
			continue
		}
		if c := extra.Content[0]; c.Kind == yaml.ScalarNode && c.ShortTag() == "!!null" && c.Value == "" {
			continue
		}
		return &Error{Line: extra.Content[0].Line, Column: extra.Content[0].Column, Msg: "a second YAML document starts here (after ---); put one document in a file", Err: ErrSyntax}
	}
}

// yamlSyntaxOr passes an *Error on and explains the YAML library's own.
func yamlSyntaxOr(data []byte, err error) error {
	var se *Error
	if errors.As(err, &se) {
		return err
	}
	return yamlSyntax(data, err)
}

// yamlVersion accepts a %YAML 1.x directive. The YAML library knows only
// 1.1 and refuses the 1.2 that current editors write; since a document in
// the JSON data model reads the same under both, the version is rewritten
// to 1.1 in a copy (of the same length, so positions hold).
func yamlVersion(data []byte) ([]byte, error) {
	copied := false
	off := 0
	for off < len(data) {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data)
		} else {
			end += off
		}
		line := data[off:end]
		if bytes.HasPrefix(line, []byte("---")) || len(bytes.TrimSpace(line)) > 0 && line[0] != '%' && line[0] != '#' {
			break
		}
		if v, ok := bytes.CutPrefix(line, []byte("%YAML")); ok && len(v) > 0 && (v[0] == ' ' || v[0] == '\t') {
			v = bytes.TrimSpace(v)
			if i := bytes.IndexByte(v, '#'); i >= 0 {
				v = bytes.TrimSpace(v[:i])
			}
			lineNo := bytes.Count(data[:off], []byte("\n")) + 1
			major, minor, ok := bytes.Cut(v, []byte("."))
			if !ok || string(major) != "1" || len(minor) == 0 || len(bytes.Trim(minor, "0123456789")) > 0 {
				return nil, &Error{Line: lineNo, Column: 1, Msg: fmt.Sprintf("%%YAML %s is not a version this reader knows; write %%YAML 1.2 or leave the line out", clip(string(v))), Err: ErrSyntax}
			}
			if string(minor) != "1" && len(minor) == 1 {
				if !copied {
					data = bytes.Clone(data)
					copied = true
				}
				i := off + bytes.Index(data[off:end], []byte("1."+string(minor)))
				data[i+2] = '1'
			}
		}
		off = end + 1
	}
	return data, nil
}

type yamlBuilder struct {
	b    *builder
	memo map[*yaml.Node]*anchored
}

// anchored is a value with an anchor (&name), built once for all its
// aliases (*name): how many values it holds and how deep it nests.
type anchored struct {
	n            node
	size, height int
	done         bool
}

// value builds the node for y at the given depth (the containers around
// it) and returns how deep it nests itself.
func (y *yamlBuilder) value(v *yaml.Node, depth int, at *path) (node, int, error) {
	b := y.b
	if v.Kind == yaml.AliasNode {
		return y.alias(v, depth)
	}
	before := b.values
	var memo *anchored
	if v.Anchor != "" {
		memo = &anchored{}
		y.memo[v] = memo
	}
	if err := b.count(v.Line, v.Column); err != nil {
		return node{}, 0, err
	}
	n, height, err := y.build(v, depth, at)
	if err != nil {
		return node{}, 0, err
	}
	if memo != nil {
		memo.n, memo.size, memo.height, memo.done = n, b.values-before, height, true
	}
	return n, height, nil
}

func (y *yamlBuilder) alias(v *yaml.Node, depth int) (node, int, error) {
	b := y.b
	m := y.memo[v.Alias]
	if v.Alias == nil || m == nil || !m.done {
		return node{}, 0, &Error{Line: v.Line, Column: v.Column, Msg: fmt.Sprintf("the alias *%s refers to the value that holds it; a value cannot contain itself", clip(v.Value)), Err: ErrSyntax}
	}
	if err := b.depth(depth+m.height, v.Line, v.Column); err != nil {
		return node{}, 0, err
	}
	b.values += m.size
	if b.values > b.lim.MaxValues {
		return node{}, 0, b.tooMany(v.Line, v.Column)
	}
	b.aliasValues += m.size
	if b.aliasValues > b.lim.MaxAliasValues {
		return node{}, 0, &Error{Line: v.Line, Column: v.Column, Err: ErrTooMany,
			Msg: fmt.Sprintf("aliases (*name) expand to more than %d values in all; write the values out or use fewer aliases", b.lim.MaxAliasValues)}
	}
	n := m.n
	n.line, n.col = v.Line, v.Column
	return n, m.height, nil
}

// scalarTags are the only tags a document may write explicitly: they say
// how to read a single value and cannot make a reader build an object.
var scalarTags = map[string]bool{"!!str": true, "!!int": true, "!!float": true, "!!bool": true, "!!null": true}

// tagRefused records an explicit tag other than the core scalar ones.
// Another tool may act on such a tag (PyYAML's unsafe loader runs
// !!python/object/apply), so a document carrying one is not valid even
// though this reader would ignore it.
func (y *yamlBuilder) tagRefused(v *yaml.Node, at *path) bool {
	if v.Style&yaml.TaggedStyle == 0 || v.Kind == yaml.ScalarNode && scalarTags[v.ShortTag()] {
		return false
	}
	y.b.probs.add(v.Line, v.Column, at.String(), ErrSyntax, fmt.Sprintf("the YAML tag %s is not allowed; remove it (only !!str, !!int, !!float, !!bool and !!null may mark a single value)", clip(v.Tag)))
	return true
}

func (y *yamlBuilder) build(v *yaml.Node, depth int, at *path) (node, int, error) {
	b := y.b
	if y.tagRefused(v, at) {
		return node{kind: kInvalid, line: v.Line, col: v.Column}, 0, nil
	}
	switch v.Kind {
	case yaml.MappingNode:
		if err := b.depth(depth+1, v.Line, v.Column); err != nil {
			return node{}, 0, err
		}
		if err := b.items(len(v.Content)/2, v.Line, v.Column, "a mapping"); err != nil {
			return node{}, 0, err
		}
		n := node{kind: kObject, line: v.Line, col: v.Column}
		n.keys = take(&b.arena.keys, len(v.Content)/2)[:0]
		n.kids = take(&b.arena.nodes, len(v.Content)/2)[:0]
		var seen map[string]int
		if len(v.Content) > 32 {
			seen = make(map[string]int, len(v.Content)/2)
		}
		height := 0
		for i := 0; i+1 < len(v.Content); i += 2 {
			k, val := v.Content[i], v.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return node{}, 0, &Error{Line: k.Line, Column: k.Column, Msg: "a key must be a plain string, not a list or a mapping", Err: ErrSyntax}
			}
			if k.Tag == "!!merge" {
				return node{}, 0, &Error{Line: k.Line, Column: k.Column, Msg: "merge keys (<<) are not supported; write the keys out", Err: ErrSyntax}
			}
			at.push(k.Value)
			c, ok, h, err := y.entry(n.keys, seen, k, val, depth, at)
			at.pop()
			if err != nil {
				return node{}, 0, err
			}
			if !ok {
				continue
			}
			if seen != nil {
				seen[k.Value] = len(n.keys)
			}
			n.keys = append(n.keys, key{name: k.Value, line: k.Line, col: k.Column})
			n.kids = append(n.kids, c)
			height = max(height, h)
		}
		return n, height + 1, nil

	case yaml.SequenceNode:
		if err := b.depth(depth+1, v.Line, v.Column); err != nil {
			return node{}, 0, err
		}
		if err := b.items(len(v.Content), v.Line, v.Column, "a list"); err != nil {
			return node{}, 0, err
		}
		n := node{kind: kArray, line: v.Line, col: v.Column, kids: take(&b.arena.nodes, len(v.Content))}
		height := 0
		for i, c := range v.Content {
			at.pushIndex(i)
			kid, h, err := y.value(c, depth+1, at)
			at.pop()
			if err != nil {
				return node{}, 0, err
			}
			n.kids[i] = kid
			height = max(height, h)
		}
		return n, height + 1, nil
	case yaml.ScalarNode:
		return y.scalar(v, at), 0, nil
	}
	return node{}, 0, &Error{Line: v.Line, Column: v.Column, Msg: "this YAML construct has no JSON equivalent", Err: ErrSyntax}
}

// entry reads one mapping entry, at its key's pointer; it returns false
// for an entry that is left out (a refused tag on the key, a key already
// set).
func (y *yamlBuilder) entry(keys []key, seen map[string]int, k, val *yaml.Node, depth int, at *path) (node, bool, int, error) {
	b := y.b
	if y.tagRefused(k, at) {
		return node{}, false, 0, nil
	}
	first := -1
	if seen != nil {
		if j, ok := seen[k.Value]; ok {
			first = j
		}
	} else {
		for j, kk := range keys {
			if kk.name == k.Value {
				first = j
				break
			}
		}
	}
	if first >= 0 {
		if b.probs.room(k.Line, k.Column) {
			kk := keys[first]
			b.probs.addRule(k.Line, k.Column, at.String(), problem.RuleDuplicate, ErrSyntax,
				fmt.Sprintf("duplicate key %q; it is already set at line %d, column %d — keep one", clip(k.Value), kk.line, kk.col))
		}
		return node{}, false, 0, nil
	}
	c, h, err := y.value(val, depth+1, at)
	if err != nil {
		return node{}, false, 0, err
	}
	return c, true, h, nil
}

func (y *yamlBuilder) scalar(v *yaml.Node, at *path) node {
	b := y.b
	bad := func(what string) node {
		b.probs.add(v.Line, v.Column, at.String(), ErrType, fmt.Sprintf("%q is not a valid %s; put it in quotes if it is text", clip(v.Value), what))
		return node{kind: kInvalid, line: v.Line, col: v.Column}
	}
	switch v.ShortTag() {
	case "!!null":
		return node{kind: kNull, line: v.Line, col: v.Column}
	case "!!bool":
		var t bool
		if err := v.Decode(&t); err != nil {
			return bad("boolean")
		}
		return node{kind: kBool, b: t, line: v.Line, col: v.Column}
	case "!!int":
		if plainDecimal(v.Value, false) {
			return b.number(v.Value, v.Line, v.Column, at)
		}
		var i any
		if err := v.Decode(&i); err != nil {
			return bad("integer")
		}
		switch i := i.(type) {
		case int:
			return b.number(strconv.Itoa(i), v.Line, v.Column, at)
		case int64:
			return b.number(strconv.FormatInt(i, 10), v.Line, v.Column, at)
		case uint64:
			return b.number(strconv.FormatUint(i, 10), v.Line, v.Column, at)
		case float64:
			return y.float(i, v, at)
		}
		return bad("integer")
	case "!!float":
		if plainDecimal(v.Value, true) {
			return b.number(v.Value, v.Line, v.Column, at)
		}
		var f float64
		if err := v.Decode(&f); err != nil {
			if _, perr := strconv.ParseFloat(v.Value, 64); errors.Is(perr, strconv.ErrRange) {
				y.b.notFinite(v.Value, v.Line, v.Column, at)
				return node{kind: kInvalid, line: v.Line, col: v.Column}
			}
			return bad("number")
		}
		return y.float(f, v, at)
	case "!!str", "!!timestamp":
		// A timestamp stays text: dates and times are read by the target type.
		return node{kind: kString, text: v.Value, line: v.Line, col: v.Column}
	}
	b.probs.add(v.Line, v.Column, at.String(), ErrSyntax, fmt.Sprintf("the YAML tag %s is not allowed; remove it", clip(v.Tag)))
	return node{kind: kInvalid, line: v.Line, col: v.Column}
}

func (y *yamlBuilder) float(f float64, v *yaml.Node, at *path) node {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		y.b.notFinite(v.Value, v.Line, v.Column, at)
		return node{kind: kInvalid, line: v.Line, col: v.Column}
	}
	return node{kind: kNumber, text: strconv.FormatFloat(f, 'g', -1, 64), num: f, line: v.Line, col: v.Column}
}

// plainDecimal reports whether s is a number both YAML and JSON read the
// same way, so it needs no trip through the YAML library's decoder: an
// optional minus, digits without a leading zero and, for a float, a
// fraction and an exponent.
func plainDecimal(s string, float bool) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	start := i
	i = digitsEnd(s, i)
	if i == start || s[start] == '0' && i-start > 1 {
		return false
	}
	if !float {
		return i == len(s)
	}
	if i < len(s) && s[i] == '.' {
		if i = digitsEnd(s, i+1); s[i-1] == '.' {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		exp := i
		if i = digitsEnd(s, i); i == exp {
			return false
		}
	}
	return i == len(s)
}

// digitsEnd returns the offset after the decimal digits of s from i.
func digitsEnd(s string, i int) int {
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return i
}
