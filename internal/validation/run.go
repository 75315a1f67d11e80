package validation

import (
	"reflect"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// walker runs a plan on one value. It keeps the path to the value being
// checked as frames, and writes them out as the validator's namespace only
// for a value that fails, so a valid document costs no string.
type walker struct {
	plan   *plan
	frames []frame
	out    problem.List
}

// frame is one step of the path: a field's Go name, an entry's index, or
// (idx == stepInto) the dot of a struct walked into.
type frame struct {
	name string
	idx  int
}

const (
	fieldStep = -1
	stepInto  = -2
)

var walkers = sync.Pool{New: func() any { return new(walker) }}

// run checks the struct value sv (of p's type).
func (p *plan) run(sv reflect.Value) problem.List {
	w := walkers.Get().(*walker)
	w.plan = p
	w.walkStruct(sv, p.root)
	out := w.out
	w.plan, w.out, w.frames = nil, nil, w.frames[:0]
	walkers.Put(w)
	return out
}

func (w *walker) walkStruct(sv reflect.Value, p *structPlan) {
	for i := range p.fields {
		f := &p.fields[i]
		w.frames = append(w.frames, frame{name: f.name, idx: fieldStep})
		w.value(sv, sv.Field(f.index), f.node)
		w.frames = w.frames[:len(w.frames)-1]
	}
}

// value checks cur, a field of the struct parent or an entry of a list in
// it, as the validator's traverseField does: a field stops at its first
// failing tag.
func (w *walker) value(parent, cur reflect.Value, n *node) {
	viaPtr := false
	for range n.derefs {
		if cur.IsNil() {
			w.nilPointer(parent, cur, n)
			return
		}
		cur, viaPtr = cur.Elem(), true
	}
	for i := range n.ops {
		o := &n.ops[i]
		var ok bool
		switch o.code {
		case opOmitEmpty:
			if !present(cur, viaPtr) {
				return
			}
			continue
		case opRequired:
			ok = present(cur, viaPtr)
		case opRequiredUnless:
			ok = unless(parent, o.conds) || present(cur, viaPtr)
		case opCmp:
			ok = o.compare(cur)
		case opOneOf:
			ok = o.oneOf(cur)
		case opEnum:
			ok = o.enum.valid(cur)
		case opUnique:
			if o.fast {
				ok = uniqueStrings(cur)
			} else {
				ok = uniqueOf(cur, o.param, func() reflect.Value { return parent })
			}
		case opRule:
			ok = o.check(cur)
		}
		if !ok {
			w.fail(o.ctag, n.kind, cur)
			return
		}
	}
	switch {
	case n.dive != nil:
		for i := range cur.Len() {
			w.frames = append(w.frames, frame{idx: i})
			w.value(parent, cur.Index(i), n.dive)
			w.frames = w.frames[:len(w.frames)-1]
		}
	case n.nested != nil:
		w.frames = append(w.frames, frame{idx: stepInto})
		w.walkStruct(cur, n.nested)
		w.frames = w.frames[:len(w.frames)-1]
	}
}

// nilPointer handles a nil pointer met on the way to a value: it has
// nothing to walk into, and only required_unless runs on it.
func (w *walker) nilPointer(parent, ptr reflect.Value, n *node) {
	switch n.nilDo {
	case nilFail:
		w.fail(n.first, reflect.Pointer, ptr)
	case nilRun:
		for i := range n.ops {
			o := &n.ops[i]
			switch {
			case o.code == opOmitEmpty:
				return
			case o.code == opRequiredUnless && unless(parent, o.conds):
			default:
				w.fail(o.ctag, reflect.Pointer, ptr)
				return
			}
		}
	}
}

// present is the validator's required: a nil list, map or pointer is
// absent, a value reached through a pointer is present, and any other
// value is present unless it is its type's zero value.
func present(v reflect.Value, viaPtr bool) bool {
	switch v.Kind() {
	case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface, reflect.Chan, reflect.Func:
		return !v.IsNil()
	case reflect.String:
		return viaPtr || v.Len() > 0
	}
	return viaPtr || !v.IsZero()
}

// unless reports whether one of required_unless's pairs holds on the
// struct parent.
func unless(parent reflect.Value, conds []cond) bool {
	for i := range conds {
		if conds[i].holds(parent) {
			return true
		}
	}
	return false
}

func (c *cond) holds(parent reflect.Value) bool {
	if c.index == nil {
		return false
	}
	f := parent.Field(c.index[0])
	for _, i := range c.index[1:] {
		f = f.Field(i)
	}
	for range c.derefs {
		if f.IsNil() {
			return c.isNil
		}
		f = f.Elem()
	}
	switch c.cls {
	case condString:
		return f.String() == c.value
	case condBool:
		return f.Bool() == (c.value == "true")
	case clsInt:
		return f.Int() == c.i
	case clsUint:
		return f.Uint() == c.u
	case clsFloat:
		return f.Float() == c.f
	case condList:
		if c.isNil {
			return f.IsNil()
		}
		return int64(f.Len()) == c.i
	case condArray:
		return int64(f.Len()) == c.i
	}
	return false
}

// compare runs a min, max, gte, lte, gt, lt or len check.
func (o *op) compare(v reflect.Value) bool {
	switch o.cls {
	case clsRunes:
		s := v.String()
		// A string has at most as many runes as bytes, and at least a
		// quarter as many (a rune takes at most four bytes, a byte that
		// is not UTF-8 counts as one): most lengths are settled without
		// counting.
		most, least := int64(len(s)), int64(len(s)/4)
		switch {
		case o.rel == relLE && most <= o.i, o.rel == relLT && most < o.i,
			o.rel == relGE && least >= o.i, o.rel == relGT && least > o.i:
			return true
		case o.rel == relGE && most < o.i, o.rel == relGT && most <= o.i,
			o.rel == relLE && least > o.i, o.rel == relLT && least >= o.i:
			return false
		}
		return cmp(int64(utf8.RuneCountInString(s)), o.i, o.rel)
	case clsLen:
		return cmp(int64(v.Len()), o.i, o.rel)
	case clsInt:
		return cmp(v.Int(), o.i, o.rel)
	case clsUint:
		return cmp(v.Uint(), o.u, o.rel)
	}
	return cmp(v.Float(), o.f, o.rel)
}

// cmp relates x to bound. NaN fails every relation, as in the validator.
func cmp[T int64 | uint64 | float64](x, bound T, rel uint8) bool {
	switch rel {
	case relGE:
		return x >= bound
	case relGT:
		return x > bound
	case relLE:
		return x <= bound
	case relLT:
		return x < bound
	}
	return x == bound
}

// oneOf compares the value, as the validator writes it, with the words.
func (o *op) oneOf(v reflect.Value) bool {
	var buf [24]byte
	var b []byte
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		for _, w := range o.words {
			if w == s {
				return true
			}
		}
		return false
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		b = strconv.AppendInt(buf[:0], v.Int(), 10)
	default:
		b = strconv.AppendUint(buf[:0], v.Uint(), 10)
	}
	for _, w := range o.words {
		if w == string(b) {
			return true
		}
	}
	return false
}

// valid is the enum tag's check: the value's Valid method, reached through
// a pointer where the value is addressable, so it needs no allocation.
func (e enumCheck) valid(v reflect.Value) bool {
	type valid interface{ Valid() bool }
	if e.onPtr && v.CanAddr() {
		return v.Addr().Interface().(valid).Valid()
	}
	if e.onValue {
		return v.Interface().(valid).Valid()
	}
	return false
}

// uniqueStrings is unique on a list of strings: the validator's boxes
// every entry into a map key, comparing the strings needs no allocation.
func uniqueStrings(v reflect.Value) bool {
	n := v.Len()
	if n > 32 {
		seen := make(map[string]struct{}, n)
		for i := range n {
			seen[v.Index(i).String()] = struct{}{}
		}
		return len(seen) == n
	}
	for i := 1; i < n; i++ {
		s := v.Index(i).String()
		for j := range i {
			if v.Index(j).String() == s {
				return false
			}
		}
	}
	return true
}

// fail records that the tag t failed on cur, of kind k.
func (w *walker) fail(t ctag, k reflect.Kind, cur reflect.Value) {
	var ns []byte
	if name := w.plan.typ.Name(); name != "" {
		ns = append(append(ns, name...), '.')
	}
	for _, f := range w.frames {
		switch f.idx {
		case fieldStep:
			ns = append(ns, f.name...)
		case stepInto:
			ns = append(ns, '.')
		default:
			ns = append(strconv.AppendInt(append(ns, '['), int64(f.idx), 10), ']')
		}
	}
	w.out = append(w.out, problemOf(string(ns), w.plan.typ, failure{tag: t.name, param: t.param, kind: k, value: valueOf(cur)}))
}
