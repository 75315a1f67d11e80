package strict

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// parseJSON reads a JSON document into a tree, token by token, so that depth
// and size limits hold before anything large is built.
func (b *builder) parseJSON(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &jsonParser{b: b, dec: dec, data: data}
	root, err := p.value(0, &path{})
	if err != nil {
		return nil, err
	}
	line, col := p.pos()
	if tok, err := dec.Token(); err != io.EOF {
		if err != nil {
			return nil, p.syntax(err)
		}
		return nil, &Error{Line: line, Column: col, Msg: fmt.Sprintf("unexpected %v after the document", tok), Err: ErrSyntax}
	}
	return root, nil
}

type jsonParser struct {
	b    *builder
	dec  *json.Decoder
	data []byte
	// The last position computed: offsets only grow, so counting lines
	// resumes here instead of rescanning from the start (which would make
	// parsing quadratic).
	off, line, col int
}

// pos is where the next token starts: the decoder's offset is the end of the
// previous token, so skip the white space and separators between them.
func (p *jsonParser) pos() (int, int) {
	off := int(p.dec.InputOffset())
	for off < len(p.data) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	if p.line == 0 || off < p.off {
		p.off, p.line, p.col = 0, 1, 1
	}
	for _, c := range p.data[p.off:off] {
		if c == '\n' {
			p.line++
			p.col = 1
		} else {
			p.col++
		}
	}
	p.off = off
	return p.line, p.col
}

func (p *jsonParser) syntax(err error) error {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		line, col := lineCol(p.data, int(se.Offset))
		return &Error{Line: line, Column: col, Msg: se.Error(), Err: ErrSyntax}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		line, col := lineCol(p.data, len(p.data))
		return &Error{Line: line, Column: col, Msg: "unexpected end of input", Err: ErrSyntax}
	}
	return &Error{Msg: err.Error(), Err: ErrSyntax}
}

func (p *jsonParser) value(depth int, at *path) (*node, error) {
	line, col := p.pos()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(err)
	}
	if err := p.b.count(line, col); err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case nil:
		return &node{kind: kNull, line: line, col: col}, nil
	case bool:
		return &node{kind: kBool, b: t, line: line, col: col}, nil
	case json.Number:
		return numberNode(string(t), line, col, at)
	case string:
		return &node{kind: kString, text: t, line: line, col: col}, nil
	case json.Delim:
		if err := p.b.depth(depth+1, line, col); err != nil {
			return nil, err
		}
		switch t {
		case '{':
			return p.object(depth+1, line, col, at)
		case '[':
			return p.array(depth+1, line, col, at)
		}
	}
	return nil, &Error{Line: line, Column: col, Msg: fmt.Sprintf("unexpected %v", tok), Err: ErrSyntax}
}

func (p *jsonParser) object(depth, line, col int, at *path) (*node, error) {
	n := &node{kind: kObject, line: line, col: col}
	seen := map[string]bool{}
	for p.dec.More() {
		kl, kc := p.pos()
		tok, err := p.dec.Token()
		if err != nil {
			return nil, p.syntax(err)
		}
		key, ok := tok.(string)
		if !ok {
			return nil, &Error{Line: kl, Column: kc, Msg: "object key must be a string", Err: ErrSyntax}
		}
		if seen[key] {
			return nil, &Error{Line: kl, Column: kc, Msg: fmt.Sprintf("duplicate key %q", key), Err: ErrSyntax}
		}
		seen[key] = true
		if err := p.b.items(len(n.keys)+1, kl, kc, "object"); err != nil {
			return nil, err
		}
		child := at.child(key)
		v, err := p.value(depth, &child)
		if err != nil {
			return nil, err
		}
		n.keys = append(n.keys, key)
		n.vals = append(n.vals, v)
	}
	if _, err := p.dec.Token(); err != nil { // the closing brace
		return nil, p.syntax(err)
	}
	return n, nil
}

func (p *jsonParser) array(depth, line, col int, at *path) (*node, error) {
	n := &node{kind: kArray, line: line, col: col}
	for p.dec.More() {
		il, ic := p.pos()
		if err := p.b.items(len(n.items)+1, il, ic, "array"); err != nil {
			return nil, err
		}
		item := at.item(len(n.items))
		v, err := p.value(depth, &item)
		if err != nil {
			return nil, err
		}
		n.items = append(n.items, v)
	}
	if _, err := p.dec.Token(); err != nil { // the closing bracket
		return nil, p.syntax(err)
	}
	return n, nil
}
