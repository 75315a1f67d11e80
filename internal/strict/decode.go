package strict

import (
	"bytes"
	"encoding"
	"fmt"
	"io"
	"math"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// Decode reads data, JSON or YAML, into v, which must be a non-nil pointer.
//
// Input whose first significant byte is '{' or '[' is read as JSON; anything
// else as YAML. Keys are matched exactly against the json tags of v's type;
// a key the type does not declare is a problem, as is null for a value that
// cannot be absent, a fractional number for an integer, and any value a
// field's UnmarshalText refuses (its error's text becomes the message). All
// of a document's problems come back at once as a *problem.Error (Kind left
// empty for the caller to fill), sorted by line and column; errors.Is
// matches it against this package's sentinel of each problem (ErrTooLarge,
// ErrSyntax, ErrUnknownKey, ...) and against each error UnmarshalText
// returned. Where there are problems, v may hold a partly decoded value.
func Decode(data []byte, v any, lim Limits) error {
	b, root, err := parse(data, lim, true)
	if err != nil {
		return AsProblem(err)
	}
	err = root.decodeInto(v, b.probs)
	b.arena.recycleAfter(len(data))
	b.release()
	return err
}

// parse reads data, JSON or YAML, into the positioned tree under lim. The
// error is an *Error for a problem that stops reading; the builder holds the
// problems that did not.
//
// With pooled set, the JSON tree is built in blocks from the pools, for a
// caller that recycles them once done with the tree.
func parse(data []byte, lim Limits, pooled bool) (*builder, *node, error) {
	lim = lim.withDefaults()
	if len(data) > lim.MaxBytes {
		return nil, nil, &Error{Msg: fmt.Sprintf("input is %d bytes; the limit is %d", len(data), lim.MaxBytes), Err: ErrTooLarge}
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
		return nil, nil, &Error{Line: line, Column: col, Msg: "the input is not valid UTF-8 text; save the file as UTF-8", Err: ErrSyntax}
	}
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 {
		return nil, nil, &Error{Line: 1, Column: 1, Msg: "the document is empty", Err: ErrEmpty}
	}
	var b *builder
	if pooled {
		b = builders.Get().(*builder) // zero: release cleared it
		b.lim = lim
		b.arena.init()
	} else {
		b = &builder{lim: lim}
		b.arena.sizeFor(len(data))
	}
	var root *node
	var err error
	if trimmed[0] == '{' || trimmed[0] == '[' {
		root, err = b.parseJSON(data)
	} else {
		root, err = b.parseYAML(data)
	}
	if err != nil {
		return nil, nil, err
	}
	return b, root, nil
}

// decodeInto decodes the tree into v, adding its problems to those found
// while reading (probs, taken by value so a Document can decode again).
func (root *node) decodeInto(v any, probs collector) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Pointer || rv.IsNil() {
		return fmt.Errorf("strict: Decode needs a non-nil pointer, got %T", v)
	}
	if root.kind == kNull {
		return AsProblem(&Error{Line: root.line, Column: root.col, Msg: "the document is empty", Err: ErrEmpty})
	}
	probs.list = append([]problem.Problem(nil), probs.list...)
	probs.errs = append([]error(nil), probs.errs...)
	sc := scratches.Get().(*scratch)
	defer sc.release()
	d := decoder{c: probs, sc: sc}
	d.value(root, rv.Elem(), &sc.at)
	return d.c.err()
}

// scratch is what a decoder reuses from one document to the next.
type scratch struct {
	at  path   // the pointer of the value being decoded
	buf []byte // the text handed to UnmarshalText
}

var scratches = sync.Pool{New: func() any { return new(scratch) }}

// release forgets the document's keys and text and returns sc to the pool;
// a buffer grown past 64 KiB is dropped.
func (sc *scratch) release() {
	if cap(sc.buf) > 1<<16 {
		sc.buf = nil
	}
	*sc = scratch{buf: sc.buf[:0]}
	scratches.Put(sc)
}

// Document is a JSON or YAML input parsed once: its kind can be detected
// from its keys, it can be decoded into a typed value, and findings can be
// placed in it, all without reading the bytes again.
type Document struct {
	root  *node
	probs collector
}

// ParseDocument parses data under lim. Its error is a *problem.Error, as
// Decode's is, for a problem that stops reading (syntax, limits, an empty
// input); problems that do not (a duplicate key, a number that is not
// finite) are reported by Decode with those of the target type.
func ParseDocument(data []byte, lim Limits) (*Document, error) {
	b, root, err := parse(data, lim, false)
	if err != nil {
		return nil, AsProblem(err)
	}
	return &Document{root: root, probs: b.probs}, nil
}

// Decode decodes the document into v, a non-nil pointer, as Decode does.
func (d *Document) Decode(v any) error { return d.root.decodeInto(v, d.probs) }

// Keys lists the top-level keys in input order; nil when the document is
// not an object.
func (d *Document) Keys() []string {
	if d.root.kind != kObject {
		return nil
	}
	out := make([]string, len(d.root.keys))
	for i, k := range d.root.keys {
		out[i] = k.name
	}
	return out
}

// Position finds the line and column of the value at a JSON pointer, as the
// package-level Position does.
func (d *Document) Position(pointer string) (line, col int) { return d.root.find(pointer) }

// PlaceProblems fills the Line and Column of each problem that has none
// (Validate's, computed on the typed value) from where its Path stands in
// the document: a missing key gets the place of the object that lacks it.
// A package's Parse can so report validation problems with positions too.
func (d *Document) PlaceProblems(ps []problem.Problem) {
	for i := range ps {
		if ps[i].Line == 0 && ps[i].Path != "" {
			ps[i].Line, ps[i].Column = d.Position(ps[i].Path)
		}
	}
}

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

var (
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
	valuer          = reflect.TypeFor[enum.Valuer]()
	timeType        = reflect.TypeFor[time.Time]()
)

// textKind says how a type reads text, cached per type: reflection's
// Implements costs more than decoding a value.
type textKind uint8

const (
	textNone  textKind = iota
	textTime           // time.Time, read here as RFC 3339
	textEnum           // an UnmarshalText type that lists its values
	textOther          // any other UnmarshalText type
)

var textKinds sync.Map // reflect.Type -> textKind

func textKindOf(t reflect.Type) textKind {
	if k, ok := textKinds.Load(t); ok {
		return k.(textKind)
	}
	k := textNone
	switch pt := reflect.PointerTo(t); {
	case t == timeType:
		k = textTime
	case pt.Implements(textUnmarshaler) && (pt.Implements(valuer) || t.Implements(valuer)):
		k = textEnum
	case pt.Implements(textUnmarshaler):
		k = textOther
	}
	textKinds.Store(t, k)
	return k
}

// decoder walks the tree into a Go value, collecting problems.
type decoder struct {
	c        collector
	sc       *scratch
	lastType reflect.Type // the struct type last decoded, and its fields
	lastInfo *structInfo
}

func (d *decoder) typeErr(n *node, at *path, want string) {
	if !d.c.room(n.line, n.col) {
		return
	}
	d.c.add(n.line, n.col, at.String(), ErrType, fmt.Sprintf("must be %s, not %s", want, n.kind))
}

func (d *decoder) value(n *node, rv reflect.Value, at *path) {
	d.typed(n, rv, at, textKindFor(rv.Type()))
}

// textKindFor is how t reads text, or, for a pointer, how the value it
// points to does: a pointer type reads none itself, so typed can hand
// its kind down without looking it up again.
func textKindFor(t reflect.Type) textKind {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return textKindOf(t)
}

// typed decodes n into rv, whose type reads text as tk says (see
// textKindFor): a struct's fields and a list's entries have their kind
// looked up once per type, not once per value.
func (d *decoder) typed(n *node, rv reflect.Value, at *path, tk textKind) {
	if n.kind == kInvalid {
		return
	}
	t := rv.Type()
	if n.kind == kNull {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			rv.SetZero()
			return
		}
		d.c.add(n.line, n.col, at.String(), ErrType, "must not be null; leave the key out instead")
		return
	}
	if t.Kind() == reflect.Pointer {
		if rv.IsNil() {
			rv.Set(reflect.New(t.Elem()))
		}
		d.typed(n, rv.Elem(), at, tk)
		return
	}
	switch tk {
	case textTime:
		d.time(n, rv, at)
		return
	case textEnum, textOther:
		d.text(n, rv, at, tk)
		return
	}
	switch t.Kind() {
	case reflect.Interface:
		if t.NumMethod() != 0 {
			d.c.add(n.line, n.col, at.String(), ErrType, "cannot decode into "+t.String())
			return
		}
		rv.Set(reflect.ValueOf(generic(n)))
	case reflect.Struct:
		d.object(n, rv, at)
	case reflect.Slice:
		if n.kind != kArray {
			d.typeErr(n, at, "a list")
			return
		}
		s, grown := rv, rv.IsNil() && len(n.kids) > 0
		if grown {
			// Grown in place: MakeSlice would allocate a header besides
			// the array. An empty list still gets MakeSlice, so that it
			// stays an empty list rather than none.
			rv.Grow(len(n.kids))
			rv.SetLen(len(n.kids))
		} else {
			s = reflect.MakeSlice(t, len(n.kids), len(n.kids))
		}
		etk := textKindFor(t.Elem())
		for i := range n.kids {
			at.pushIndex(i)
			d.typed(&n.kids[i], s.Index(i), at, etk)
			at.pop()
		}
		if !grown {
			rv.Set(s)
		}
	case reflect.Map:
		if n.kind != kObject {
			d.typeErr(n, at, "an object")
			return
		}
		if t.Key().Kind() != reflect.String {
			d.c.add(n.line, n.col, at.String(), ErrType, "cannot decode into "+t.String())
			return
		}
		m := reflect.MakeMapWithSize(t, len(n.keys))
		etk := textKindFor(t.Elem())
		for i, k := range n.keys {
			ev := reflect.New(t.Elem()).Elem()
			at.push(k.name)
			d.typed(&n.kids[i], ev, at, etk)
			at.pop()
			m.SetMapIndex(reflect.ValueOf(k.name).Convert(t.Key()), ev)
		}
		rv.Set(m)
	case reflect.String:
		if n.kind != kString {
			d.typeErr(n, at, "a string")
			return
		}
		rv.SetString(n.text)
	case reflect.Bool:
		if n.kind != kBool {
			d.typeErr(n, at, "true or false")
			return
		}
		rv.SetBool(n.b)
	case reflect.Float32, reflect.Float64:
		if n.kind != kNumber {
			d.typeErr(n, at, "a number")
			return
		}
		if rv.OverflowFloat(n.num) {
			d.c.addRule(n.line, n.col, at.String(), problem.RuleRange, ErrType, fmt.Sprintf("number %s is out of range", clip(n.text)))
			return
		}
		rv.SetFloat(n.num)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if n.kind != kNumber {
			d.typeErr(n, at, "a whole number")
			return
		}
		if n.num != math.Trunc(n.num) {
			d.c.add(n.line, n.col, at.String(), ErrType, fmt.Sprintf("must be a whole number, not %s", clip(n.text)))
			return
		}
		if n.num < math.MinInt64 || n.num >= math.MaxInt64 || rv.OverflowInt(int64(n.num)) {
			lo, hi := intRange(t)
			d.c.addRule(n.line, n.col, at.String(), problem.RuleRange, ErrType, fmt.Sprintf("must be between %d and %d, not %s", lo, hi, clip(n.text)))
			return
		}
		rv.SetInt(int64(n.num))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if n.kind != kNumber {
			d.typeErr(n, at, "a whole number")
			return
		}
		if n.num != math.Trunc(n.num) {
			d.c.add(n.line, n.col, at.String(), ErrType, fmt.Sprintf("must be a whole number, not %s", clip(n.text)))
			return
		}
		if n.num < 0 || n.num >= math.MaxUint64 || rv.OverflowUint(uint64(n.num)) {
			d.c.addRule(n.line, n.col, at.String(), problem.RuleRange, ErrType, fmt.Sprintf("must be between 0 and %d, not %s", uint64(1)<<(t.Bits()-1)*2-1, clip(n.text)))
			return
		}
		rv.SetUint(uint64(n.num))
	default:
		d.c.add(n.line, n.col, at.String(), ErrType, "cannot decode into "+t.String())
	}
}

func intRange(t reflect.Type) (int64, int64) {
	bits := t.Bits()
	return -1 << (bits - 1), 1<<(bits-1) - 1
}

// text decodes a string through the type's UnmarshalText. Its error's text
// is the message, as it is: enum types suggest and list their values, date
// and duration types name their form. The rule is "enum" for a type that
// lists its values (enum.Valuer), "format" for any other.
func (d *decoder) text(n *node, rv reflect.Value, at *path, tk textKind) {
	if n.kind != kString {
		d.typeErr(n, at, "a string")
		return
	}
	u := rv.Addr().Interface().(encoding.TextUnmarshaler)
	var text []byte
	if tk == textEnum && n.text != "" {
		// An enum only compares the text with its values; it is handed
		// the bytes of the string itself rather than a copy.
		text = unsafe.Slice(unsafe.StringData(n.text), len(n.text))
	} else {
		// UnmarshalText must copy what it keeps (encoding.TextUnmarshaler
		// says so), so one buffer serves every value of the document.
		d.sc.buf = append(d.sc.buf[:0], n.text...)
		text = d.sc.buf
	}
	if err := u.UnmarshalText(text); err != nil && d.c.room(n.line, n.col) {
		rule := problem.RuleFormat
		if tk == textEnum {
			rule = problem.RuleEnum
		}
		d.c.addRule(n.line, n.col, at.String(), rule, err, err.Error())
	}
}

// time reads RFC 3339 text, naming the form wanted instead of Go's layout
// string, which time.Time's own UnmarshalText would put in its error.
func (d *decoder) time(n *node, rv reflect.Value, at *path) {
	if n.kind != kString {
		d.typeErr(n, at, "a time such as 2026-03-10T15:00:00Z")
		return
	}
	t, err := time.Parse(time.RFC3339Nano, n.text)
	if err != nil {
		msg := fmt.Sprintf("invalid time %q; write RFC 3339 such as 2026-03-10T15:00:00Z (date, T, time, then Z or an offset such as +01:00)", clip(n.text))
		if _, derr := time.Parse(time.DateOnly, n.text); derr == nil {
			msg = fmt.Sprintf("invalid time %q: a date alone is not a time; write RFC 3339 such as %sT15:00:00Z", n.text, n.text)
		}
		d.c.addRule(n.line, n.col, at.String(), problem.RuleFormat, ErrType, msg)
		return
	}
	// Through the pointer, not reflect.ValueOf(t), which would box t.
	*rv.Addr().Interface().(*time.Time) = t
}

func (d *decoder) object(n *node, rv reflect.Value, at *path) {
	if n.kind != kObject {
		d.typeErr(n, at, "an object")
		return
	}
	// A list holds many objects of one type: the last type's fields are
	// kept at hand rather than looked up in the shared cache each time.
	t := rv.Type()
	if t != d.lastType {
		d.lastType, d.lastInfo = t, fieldsOf(t)
	}
	info := d.lastInfo
	next := 0 // where the field after the last one found is declared
	for i, k := range n.keys {
		at.push(k.name)
		next = d.field(info, next, &n.kids[i], k, rv, at)
		at.pop()
	}
}

// field decodes the value n of key k into its field of rv. Documents
// mostly write keys in the order their type declares them, so the field
// declared next, info.order[next], is tried before the map; it returns
// where to try for the next key.
func (d *decoder) field(info *structInfo, next int, n *node, k key, rv reflect.Value, at *path) int {
	var f fieldInfo
	ok := false
	if next < len(info.order) && info.order[next].name == k.name {
		f, ok = info.order[next].fieldInfo, true
		next++
	} else {
		f, ok = info.byName[k.name]
		next = f.pos + 1
	}
	if !ok {
		if d.c.room(k.line, k.col) {
			d.c.add(k.line, k.col, at.String(), ErrUnknownKey, unknownKey(k.name, info.names))
		}
		return 0
	}
	fv := rv
	for i, x := range f.index {
		if i > 0 && fv.Kind() == reflect.Pointer {
			// A field promoted from an embedded pointer: make what it
			// points to.
			if fv.IsNil() {
				if !fv.CanSet() {
					d.c.add(k.line, k.col, at.String(), ErrType, "cannot set "+k.name+" through an embedded pointer to an unexported type")
					return next
				}
				fv.Set(reflect.New(fv.Type().Elem()))
			}
			fv = fv.Elem()
		}
		fv = fv.Field(x)
	}
	d.typed(n, fv, at, f.text)
	return next
}

// unknownKey names the key and the one it was most likely meant to be, or
// lists the known keys when none is close.
func unknownKey(k string, known []string) string {
	if hint := enum.Hint(k, known); hint != "" {
		return fmt.Sprintf("unknown key %q%s", clip(k), hint)
	}
	return fmt.Sprintf("unknown key %q; known keys: %s", clip(k), strings.Join(known, ", "))
}

type structInfo struct {
	byName map[string]fieldInfo
	names  []string     // sorted, for messages
	order  []namedField // in declaration order
}

// fieldInfo is where a field is, how its type reads text, and its place
// in structInfo.order.
type fieldInfo struct {
	index []int
	text  textKind
	pos   int
}

type namedField struct {
	name string
	fieldInfo
}

var fieldCache sync.Map // reflect.Type -> *structInfo

func fieldsOf(t reflect.Type) *structInfo {
	if v, ok := fieldCache.Load(t); ok {
		return v.(*structInfo)
	}
	info := &structInfo{byName: map[string]fieldInfo{}}
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
		fi := fieldInfo{f.Index, textKindFor(f.Type), len(info.order)}
		info.byName[name] = fi
		info.order = append(info.order, namedField{name, fi})
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
		out := make([]any, len(n.kids))
		for i := range n.kids {
			out[i] = generic(&n.kids[i])
		}
		return out
	case kObject:
		out := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			out[k.name] = generic(&n.kids[i])
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
	_, tree, err := parse(data, Limits{}, false)
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
				if k.name == tok {
					cur, found = &cur.kids[i], true
					break
				}
			}
			if !found {
				return cur.line, cur.col
			}
		case kArray:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(cur.kids) {
				return cur.line, cur.col
			}
			cur = &cur.kids[i]
		default:
			return cur.line, cur.col
		}
	}
	return cur.line, cur.col
}
