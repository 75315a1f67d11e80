package strict

import (
	"bytes"
	"encoding"
	"errors"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// Decode reads data, JSON or YAML, into v, which must be a non-nil pointer.
//
// Input whose first significant byte is '{' or '[' is read as JSON; anything
// else as YAML. Keys are matched exactly against the json tags of v's type;
// a key the type does not declare is an error, as is null for a value that
// cannot be absent, a fractional number for an integer, and any value a
// field's UnmarshalText refuses. Problems with the document come back as a
// *problem.Error (Kind left empty for the caller to fill) whose Unwrap gives
// this package's sentinel (ErrTooLarge, ErrSyntax, ...).
func Decode(data []byte, v any, lim Limits) error {
	err := decode(data, v, lim)
	if err == nil {
		return nil
	}
	return AsProblem(err)
}

// AsProblem turns an *Error into the shared *problem.Error shape; any other
// error is returned as it is.
func AsProblem(err error) error {
	var se *Error
	if !errors.As(err, &se) {
		return err
	}
	path := se.Pointer
	if path == "" {
		path = "/"
	}
	return &problem.Error{
		Problems: []problem.Problem{{Path: path, Rule: ruleOf(se.Err), Message: se.Msg, Line: se.Line, Column: se.Column}},
		Err:      se.Err,
	}
}

func ruleOf(sentinel error) string {
	switch sentinel {
	case ErrTooLarge:
		return problem.RuleTooLarge
	case ErrTooDeep:
		return problem.RuleTooDeep
	case ErrTooMany:
		return problem.RuleTooMany
	case ErrSyntax:
		return problem.RuleSyntax
	case ErrUnknownKey:
		return problem.RuleUnknownKey
	case ErrEmpty:
		return problem.RuleEmpty
	}
	return problem.RuleType
}

func decode(data []byte, v any, lim Limits) error {
	root, err := parse(data, lim)
	if err != nil {
		return err
	}
	return root.decodeInto(v)
}

// parse reads data, JSON or YAML, into the positioned tree under lim.
func parse(data []byte, lim Limits) (*node, error) {
	lim = lim.withDefaults()
	if len(data) > lim.MaxBytes {
		return nil, &Error{Msg: fmt.Sprintf("input is %d bytes; the limit is %d", len(data), lim.MaxBytes), Err: ErrTooLarge}
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, size := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		line, col := lineCol(data, off)
		return nil, &Error{Line: line, Column: col, Msg: "input is not valid UTF-8", Err: ErrSyntax}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, &Error{Line: 1, Column: 1, Msg: "the document is empty", Err: ErrEmpty}
	}
	b := &builder{lim: lim}
	if trimmed[0] == '{' || trimmed[0] == '[' {
		return b.parseJSON(data)
	}
	return b.parseYAML(data)
}

func (root *node) decodeInto(v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("strict: Decode needs a non-nil pointer, got %T", v)
	}
	if root.kind == kNull {
		return &Error{Line: root.line, Column: root.col, Msg: "the document is empty", Err: ErrEmpty}
	}
	return decodeValue(root, rv.Elem(), &path{})
}

// Document is a JSON or YAML input parsed once: its kind can be detected
// from its keys, it can be decoded into a typed value, and findings can be
// placed in it, all without reading the bytes again.
type Document struct {
	root *node
}

// ParseDocument parses data under lim. Its error is a *problem.Error, as
// Decode's is.
func ParseDocument(data []byte, lim Limits) (*Document, error) {
	root, err := parse(data, lim)
	if err != nil {
		return nil, AsProblem(err)
	}
	return &Document{root: root}, nil
}

// Decode decodes the document into v, a non-nil pointer, as Decode does.
func (d *Document) Decode(v any) error {
	if err := d.root.decodeInto(v); err != nil {
		return AsProblem(err)
	}
	return nil
}

// Keys lists the top-level keys in input order; nil when the document is
// not an object.
func (d *Document) Keys() []string {
	if d.root.kind != kObject {
		return nil
	}
	return d.root.keys
}

// Position finds the line and column of the value at a JSON pointer, as the
// package-level Position does.
func (d *Document) Position(pointer string) (line, col int) { return d.root.find(pointer) }

// ReadAll reads at most max bytes from r; a longer input is refused with
// ErrTooLarge after reading max+1 bytes, never read whole. A max of 0 or less
// means DefaultMaxBytes.
func ReadAll(r io.Reader, max int) ([]byte, error) {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	data, err := io.ReadAll(io.LimitReader(r, int64(max)+1))
	if err != nil {
		return nil, err
	}
	if len(data) > max {
		return nil, AsProblem(&Error{Msg: fmt.Sprintf("input is larger than the limit of %d bytes", max), Err: ErrTooLarge})
	}
	return data, nil
}

var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

func typeErr(n *node, at *path, want string) error {
	return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: fmt.Sprintf("must be %s, not %s", want, n.kind), Err: ErrType}
}

func ptrOrRoot(p string) string {
	if p == "" {
		return "/"
	}
	return p
}

// escapeToken escapes one JSON pointer reference token (RFC 6901).
func escapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

func decodeValue(n *node, rv reflect.Value, at *path) error {
	t := rv.Type()
	if n.kind == kNull {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			rv.SetZero()
			return nil
		}
		return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: "must not be null; leave the key out instead", Err: ErrType}
	}
	if t.Kind() == reflect.Pointer {
		if rv.IsNil() {
			rv.Set(reflect.New(t.Elem()))
		}
		return decodeValue(n, rv.Elem(), at)
	}
	if reflect.PointerTo(t).Implements(textUnmarshaler) {
		if n.kind != kString {
			return typeErr(n, at, "a string")
		}
		u := rv.Addr().Interface().(encoding.TextUnmarshaler)
		if err := u.UnmarshalText([]byte(n.text)); err != nil {
			return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: err.Error(), Err: err}
		}
		return nil
	}
	switch t.Kind() {
	case reflect.Interface:
		if t.NumMethod() != 0 {
			return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: "cannot decode into " + t.String(), Err: ErrType}
		}
		rv.Set(reflect.ValueOf(generic(n)))
		return nil
	case reflect.Struct:
		return decodeStruct(n, rv, at)
	case reflect.Slice:
		if n.kind != kArray {
			return typeErr(n, at, "an array")
		}
		s := reflect.MakeSlice(t, len(n.items), len(n.items))
		for i, item := range n.items {
			elem := at.item(i)
			if err := decodeValue(item, s.Index(i), &elem); err != nil {
				return err
			}
		}
		rv.Set(s)
		return nil
	case reflect.Map:
		if n.kind != kObject {
			return typeErr(n, at, "an object")
		}
		if t.Key().Kind() != reflect.String {
			return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: "cannot decode into " + t.String(), Err: ErrType}
		}
		m := reflect.MakeMapWithSize(t, len(n.keys))
		for i, k := range n.keys {
			ev := reflect.New(t.Elem()).Elem()
			child := at.child(k)
			if err := decodeValue(n.vals[i], ev, &child); err != nil {
				return err
			}
			m.SetMapIndex(reflect.ValueOf(k).Convert(t.Key()), ev)
		}
		rv.Set(m)
		return nil
	case reflect.String:
		if n.kind != kString {
			return typeErr(n, at, "a string")
		}
		rv.SetString(n.text)
		return nil
	case reflect.Bool:
		if n.kind != kBool {
			return typeErr(n, at, "true or false")
		}
		rv.SetBool(n.b)
		return nil
	case reflect.Float32, reflect.Float64:
		if n.kind != kNumber {
			return typeErr(n, at, "a number")
		}
		if rv.OverflowFloat(n.num) {
			return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: fmt.Sprintf("number %s is out of range", n.text), Err: ErrType}
		}
		rv.SetFloat(n.num)
		return nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.kind != kNumber {
			return typeErr(n, at, "an integer")
		}
		if n.num != math.Trunc(n.num) || n.num < math.MinInt64 || n.num > math.MaxInt64 || rv.OverflowInt(int64(n.num)) {
			return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: fmt.Sprintf("must be an integer in range, not %s", n.text), Err: ErrType}
		}
		rv.SetInt(int64(n.num))
		return nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.kind != kNumber {
			return typeErr(n, at, "a non-negative integer")
		}
		if n.num != math.Trunc(n.num) || n.num < 0 || n.num > math.MaxUint64 || rv.OverflowUint(uint64(n.num)) {
			return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: fmt.Sprintf("must be a non-negative integer in range, not %s", n.text), Err: ErrType}
		}
		rv.SetUint(uint64(n.num))
		return nil
	}
	return &Error{Line: n.line, Column: n.col, Pointer: ptrOrRoot(at.String()), Msg: "cannot decode into " + t.String(), Err: ErrType}
}

func decodeStruct(n *node, rv reflect.Value, at *path) error {
	if n.kind != kObject {
		return typeErr(n, at, "an object")
	}
	info := fieldsOf(rv.Type())
	for i, k := range n.keys {
		idx, ok := info.byName[k]
		if !ok {
			return &Error{Line: n.vals[i].line, Column: n.vals[i].col, Pointer: ptrOrRoot(at.String()),
				Msg: fmt.Sprintf("unknown key %q (known keys: %s)", k, strings.Join(info.names, ", ")), Err: ErrUnknownKey}
		}
		child := at.child(k)
		if err := decodeValue(n.vals[i], rv.FieldByIndex(idx), &child); err != nil {
			return err
		}
	}
	return nil
}

type structInfo struct {
	byName map[string][]int
	names  []string
}

var fieldCache sync.Map // reflect.Type -> *structInfo

func fieldsOf(t reflect.Type) *structInfo {
	if v, ok := fieldCache.Load(t); ok {
		return v.(*structInfo)
	}
	info := &structInfo{byName: map[string][]int{}}
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && f.Type.Kind() == reflect.Struct {
			continue // its fields are promoted and listed on their own
		}
		if name == "" {
			name = f.Name
		}
		if _, dup := info.byName[name]; dup {
			continue
		}
		info.byName[name] = f.Index
		info.names = append(info.names, name)
	}
	sort.Strings(info.names)
	fieldCache.Store(t, info)
	return info
}

// generic turns a node into the values encoding/json would produce for any.
func generic(n *node) any {
	switch n.kind {
	case kBool:
		return n.b
	case kNumber:
		return n.num
	case kString:
		return n.text
	case kArray:
		out := make([]any, len(n.items))
		for i, it := range n.items {
			out[i] = generic(it)
		}
		return out
	case kObject:
		out := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			out[k] = generic(n.vals[i])
		}
		return out
	}
	return nil
}

// ToJSONValue decodes data (JSON or YAML) into plain Go values — maps,
// slices, float64, string, bool, nil — under the same limits and syntax rules
// as Decode. Tests and tools use it to hand documents to a JSON Schema
// validator.
func ToJSONValue(data []byte, lim Limits) (any, error) {
	var v any
	if err := Decode(data, &v, lim); err != nil {
		return nil, err
	}
	return v, nil
}

// Position finds the line and column of the value at a JSON pointer in data,
// so findings computed on the typed model can point back into the file. When
// the pointer does not resolve (a missing key) it gives the nearest enclosing
// value; it returns 0, 0 when data does not parse.
func Position(data []byte, pointer string) (line, col int) {
	return Locator(data)(pointer)
}

// Locator parses data once and returns a function that positions any number
// of JSON pointers in it, as Position does.
func Locator(data []byte) func(pointer string) (line, col int) {
	var tree *node
	b := &builder{lim: Limits{}.withDefaults()}
	trimmed := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	var err error
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		tree, err = b.parseJSON(data)
	} else if len(trimmed) > 0 {
		tree, err = b.parseYAML(data)
	}
	if err != nil || tree == nil {
		return func(string) (int, int) { return 0, 0 }
	}
	return tree.find
}

func (n *node) find(pointer string) (int, int) {
	if pointer == "" || pointer == "/" {
		return n.line, n.col
	}
	cur := n
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch cur.kind {
		case kObject:
			found := false
			for i, k := range cur.keys {
				if k == tok {
					cur, found = cur.vals[i], true
					break
				}
			}
			if !found {
				return cur.line, cur.col
			}
		case kArray:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(cur.items) {
				return cur.line, cur.col
			}
			cur = cur.items[i]
		default:
			return cur.line, cur.col
		}
	}
	return cur.line, cur.col
}
