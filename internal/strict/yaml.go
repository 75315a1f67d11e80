package strict

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

var yamlLine = regexp.MustCompile(`line (\d+)`)

// parseYAML reads one YAML document into a tree. Only what JSON can say is
// accepted: mappings with scalar keys, sequences, strings, finite numbers,
// booleans and null. Aliases are expanded and counted against MaxValues.
func (b *builder) parseYAML(data []byte) (root *node, err error) {
	defer func() {
		// The YAML library has panicked on hostile input in the past; a
		// document must never take the caller down with it.
		if r := recover(); r != nil {
			root, err = nil, &Error{Msg: fmt.Sprintf("unreadable YAML: %v", r), Err: ErrSyntax}
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &Error{Line: 1, Column: 1, Msg: "the document is empty", Err: ErrEmpty}
		}
		return nil, yamlError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{Line: extra.Line, Column: extra.Column, Msg: "more than one YAML document; put one document in a file", Err: ErrSyntax}
	} else if !errors.Is(err, io.EOF) {
		return nil, yamlError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, &Error{Line: 1, Column: 1, Msg: "the document is empty", Err: ErrEmpty}
	}
	return b.yamlValue(doc.Content[0], 0, &path{})
}

func yamlError(err error) error {
	msg := err.Error()
	line := 0
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		// The line goes in Error's own prefix; don't say it twice.
		msg = strings.Replace(msg, "line "+m[1]+": ", "", 1)
	}
	return &Error{Line: line, Msg: msg, Err: ErrSyntax}
}

func (b *builder) yamlValue(y *yaml.Node, depth int, at *path) (*node, error) {
	if err := b.count(y.Line, y.Column); err != nil {
		return nil, err
	}
	switch y.Kind {
	case yaml.AliasNode:
		if y.Alias == nil {
			return nil, &Error{Line: y.Line, Column: y.Column, Msg: "alias to nothing", Err: ErrSyntax}
		}
		if err := b.depth(depth+1, y.Line, y.Column); err != nil {
			return nil, err
		}
		n, err := b.yamlValue(y.Alias, depth+1, at)
		if err != nil {
			return nil, err
		}
		// Report problems in the aliased value where the alias is used.
		cp := *n
		cp.line, cp.col = y.Line, y.Column
		return &cp, nil
	case yaml.MappingNode:
		if err := b.depth(depth+1, y.Line, y.Column); err != nil {
			return nil, err
		}
		if err := b.items(len(y.Content)/2, y.Line, y.Column, "mapping"); err != nil {
			return nil, err
		}
		n := &node{kind: kObject, line: y.Line, col: y.Column}
		seen := make(map[string]bool, len(y.Content)/2)
		for i := 0; i+1 < len(y.Content); i += 2 {
			k, v := y.Content[i], y.Content[i+1]
			if k.Kind != yaml.ScalarNode {
				return nil, &Error{Line: k.Line, Column: k.Column, Msg: "mapping keys must be plain strings", Err: ErrSyntax}
			}
			if k.Tag == "!!merge" {
				return nil, &Error{Line: k.Line, Column: k.Column, Msg: "merge keys (<<) are not supported; write the keys out", Err: ErrSyntax}
			}
			if seen[k.Value] {
				return nil, &Error{Line: k.Line, Column: k.Column, Msg: fmt.Sprintf("duplicate key %q", k.Value), Err: ErrSyntax}
			}
			seen[k.Value] = true
			child := at.child(k.Value)
			val, err := b.yamlValue(v, depth+1, &child)
			if err != nil {
				return nil, err
			}
			n.keys = append(n.keys, k.Value)
			n.vals = append(n.vals, val)
		}
		return n, nil
	case yaml.SequenceNode:
		if err := b.depth(depth+1, y.Line, y.Column); err != nil {
			return nil, err
		}
		if err := b.items(len(y.Content), y.Line, y.Column, "sequence"); err != nil {
			return nil, err
		}
		n := &node{kind: kArray, line: y.Line, col: y.Column, items: make([]*node, 0, len(y.Content))}
		for i, c := range y.Content {
			item := at.item(i)
			v, err := b.yamlValue(c, depth+1, &item)
			if err != nil {
				return nil, err
			}
			n.items = append(n.items, v)
		}
		return n, nil
	case yaml.ScalarNode:
		return yamlScalar(y, at)
	}
	return nil, &Error{Line: y.Line, Column: y.Column, Msg: "unsupported YAML node", Err: ErrSyntax}
}

func yamlScalar(y *yaml.Node, at *path) (*node, error) {
	switch y.ShortTag() {
	case "!!null":
		return &node{kind: kNull, line: y.Line, col: y.Column}, nil
	case "!!bool":
		var v bool
		if err := y.Decode(&v); err != nil {
			return nil, &Error{Line: y.Line, Column: y.Column, Msg: err.Error(), Err: ErrSyntax}
		}
		return &node{kind: kBool, b: v, line: y.Line, col: y.Column}, nil
	case "!!int":
		var v any
		if err := y.Decode(&v); err != nil {
			return nil, &Error{Line: y.Line, Column: y.Column, Msg: err.Error(), Err: ErrSyntax}
		}
		switch i := v.(type) {
		case int:
			return numberNode(strconv.Itoa(i), y.Line, y.Column, at)
		case int64:
			return numberNode(strconv.FormatInt(i, 10), y.Line, y.Column, at)
		case uint64:
			return numberNode(strconv.FormatUint(i, 10), y.Line, y.Column, at)
		case float64:
			return floatNode(i, y, at)
		}
		return nil, &Error{Line: y.Line, Column: y.Column, Msg: fmt.Sprintf("invalid integer %q", y.Value), Err: ErrSyntax}
	case "!!float":
		var f float64
		if err := y.Decode(&f); err != nil {
			return nil, &Error{Line: y.Line, Column: y.Column, Msg: err.Error(), Err: ErrSyntax}
		}
		return floatNode(f, y, at)
	case "!!str", "!!timestamp":
		// A timestamp stays text: dates are decoded by the target type.
		return &node{kind: kString, text: y.Value, line: y.Line, col: y.Column}, nil
	}
	return nil, &Error{Line: y.Line, Column: y.Column, Msg: fmt.Sprintf("unsupported YAML tag %s", y.Tag), Err: ErrType}
}

func floatNode(f float64, y *yaml.Node, at *path) (*node, error) {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		return nil, &Error{Line: y.Line, Column: y.Column, Pointer: ptrOrRoot(at.String()), Msg: fmt.Sprintf("number %q is not finite", y.Value), Err: ErrType}
	}
	return &node{kind: kNumber, text: strconv.FormatFloat(f, 'g', -1, 64), num: f, line: y.Line, col: y.Column}, nil
}
