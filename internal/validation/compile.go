package validation

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// plan is what Struct runs for one struct type: its compiled fields, or,
// when a tag could not be compiled, nil and the reason (Struct then asks
// Reference).
type plan struct {
	typ  reflect.Type
	root *structPlan
	err  error
}

// plans caches a *plan per struct type. Register clears it: a plan holds
// the rules registered when it was compiled.
var plans sync.Map

// planFor returns the plan of the struct type t, compiling it on first use.
func planFor(t reflect.Type) *plan {
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	// Compiling under the lock Register takes keeps a plan built with an
	// older set of rules from being stored after Register cleared them.
	mu.Lock()
	defer mu.Unlock()
	if p, ok := plans.Load(t); ok {
		return p.(*plan)
	}
	p := &plan{typ: t}
	p.root, p.err = compile(t, rules)
	if p.err != nil {
		p.root = nil
	}
	plans.Store(t, p)
	return p
}

// Compiled reports whether Struct checks values of the struct type t with
// a compiled plan, and if not, which tag or type made it fall back to
// Reference.
func Compiled(t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return fmt.Errorf("%s is not a struct", t)
	}
	return planFor(t).err
}

// structPlan is the work on one struct type: the fields that have any.
type structPlan struct {
	fields []fieldPlan
	done   bool // false while its fields are being compiled
}

type fieldPlan struct {
	index int
	name  string // the Go name, as the validator's namespace has it
	node  *node
}

// node is what the validator's traverseField does with one value of a
// static type under the rest of a tag chain.
type node struct {
	derefs int          // pointers followed to reach the value
	kind   reflect.Kind // the value's kind once they are
	// nilDo is what a nil pointer on the way does.
	nilDo uint8
	// first is the tag a nil pointer fails with under nilFail.
	first ctag
	ops   []op
	// dive, when set, checks each entry of the list; no tag follows it.
	dive *node
	// nested, when set, is the struct the value is, walked after ops.
	nested *structPlan
}

const (
	nilSkip = iota // no tag, or omitempty first: nothing to check
	nilFail        // the first tag fails
	nilRun         // required_unless first: it runs on the nil pointer
)

// idle reports whether n never checks anything.
func (n *node) idle() bool {
	return len(n.ops) == 0 && n.dive == nil && n.nilDo == nilSkip &&
		(n.nested == nil || n.nested.done && len(n.nested.fields) == 0)
}

// ctag is one tag of a chain, split as the validator splits it.
type ctag struct {
	name, param string
}

// op is one compiled tag.
type op struct {
	code uint8
	cls  uint8 // opCmp: what is compared
	rel  uint8 // opCmp: how
	ctag
	i     int64
	u     uint64
	f     float64
	words []string                 // opOneOf
	conds []cond                   // opRequiredUnless
	check func(reflect.Value) bool // opRule
	enum  enumCheck                // opEnum
	fast  bool                     // opUnique: a list of strings, compared in place
}

const (
	opOmitEmpty = iota
	opRequired
	opRequiredUnless
	opCmp
	opOneOf
	opEnum
	opUnique
	opRule
)

// What opCmp compares, and how.
const (
	clsRunes = iota
	clsLen
	clsInt
	clsUint
	clsFloat
)

const (
	relGE = iota
	relGT
	relLE
	relLT
	relEQ
)

// relations are the comparison tags.
var relations = map[string]uint8{"min": relGE, "gte": relGE, "gt": relGT, "max": relLE, "lte": relLE, "lt": relLT, "len": relEQ}

// cond is one "field value" pair of required_unless.
type cond struct {
	// index leads to the field from the struct holding the tagged one;
	// nil when there is no such field, and the pair never holds.
	index  []int
	derefs int
	cls    uint8 // condString, or an opCmp class
	value  string
	isNil  bool // value is "nil"
	i      int64
	u      uint64
	f      float64
}

const (
	condString = iota + 10
	condBool
	condList
	condArray
)

// enumCheck says where the value's Valid method is.
type enumCheck struct {
	onPtr, onValue bool
}

// refuse says which tag or type the compiler leaves to Reference.
func refuse(format string, args ...any) error { return fmt.Errorf(format, args...) }

var (
	durationType = reflect.TypeFor[time.Duration]()
	validIface   = reflect.TypeFor[interface{ Valid() bool }]()
)

// compile builds the plan of the struct type t with the given custom
// rules.
func compile(t reflect.Type, rules map[string]Rule) (*structPlan, error) {
	if t.ConvertibleTo(timeType) {
		return nil, refuse("%s is a time", t)
	}
	if t.Implements(valuerType) || reflect.PointerTo(t).Implements(valuerType) {
		return nil, refuse("%s implements validator.Valuer", t)
	}
	c := compiler{rules: rules, structs: map[reflect.Type]*structPlan{}}
	return c.structPlan(t)
}

type compiler struct {
	rules   map[string]Rule
	structs map[reflect.Type]*structPlan
}

func (c *compiler) structPlan(t reflect.Type) (*structPlan, error) {
	if p, ok := c.structs[t]; ok {
		return p, nil
	}
	p := &structPlan{}
	c.structs[t] = p
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.Anonymous && !f.IsExported() {
			continue // the validator does not look at it
		}
		tag := f.Tag.Get("validate")
		if tag == "-" {
			continue
		}
		tags, err := splitTags(tag)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
		}
		n, err := c.node(f.Type, tags, t)
		if err != nil {
			return nil, fmt.Errorf("%s.%s: %w", t, f.Name, err)
		}
		if n.idle() {
			continue
		}
		if !f.IsExported() {
			// Its values cannot be turned into interfaces, which the
			// validator then handles its own way.
			return nil, refuse("%s.%s: unexported embedded struct with rules", t, f.Name)
		}
		p.fields = append(p.fields, fieldPlan{index: i, name: f.Name, node: n})
	}
	p.done = true
	return p, nil
}

// restricted are the validator's own tag names, which no rule can take.
var restricted = map[string]bool{
	"dive": true, "keys": true, "endkeys": true, "omitempty": true, "omitnil": true, "omitzero": true,
	"structonly": true, "nostructlevel": true, "required": true, "isdefault": true, "-": true,
}

// splitTags splits a validate tag into its tags. Anything the compiler
// does not run the validator's way is refused here or in node.
func splitTags(tag string) ([]ctag, error) {
	if tag == "" {
		return nil, nil
	}
	var out []ctag
	for _, t := range strings.Split(tag, ",") {
		if t == "dive" || t == "omitempty" {
			out = append(out, ctag{name: t})
			continue
		}
		if strings.Contains(t, "|") {
			return nil, refuse("alternatives %q", t)
		}
		name, param, _ := strings.Cut(t, "=")
		if name == "" || restricted[name] && name != "required" {
			return nil, refuse("tag %q", t)
		}
		// The validator's escapes for a comma and a pipe in a param.
		param = strings.ReplaceAll(strings.ReplaceAll(param, "0x2C", ","), "0x7C", "|")
		out = append(out, ctag{name: name, param: param})
	}
	return out, nil
}

// node compiles the tags for a value of static type t in a field of the
// struct type parent.
func (c *compiler) node(t reflect.Type, tags []ctag, parent reflect.Type) (*node, error) {
	n := &node{}
	for {
		if t.Implements(valuerType) {
			return nil, refuse("%s implements validator.Valuer", t)
		}
		if t.Kind() == reflect.Interface {
			return nil, refuse("interface %s", t)
		}
		if t.Kind() != reflect.Pointer {
			break
		}
		n.derefs++
		t = t.Elem()
	}
	n.kind = t.Kind()
	if n.derefs > 0 && len(tags) > 0 {
		if err := n.nilPlan(tags, c.rules); err != nil {
			return nil, err
		}
	}
	for i, tg := range tags {
		if tg.name == "dive" {
			if n.kind != reflect.Slice && n.kind != reflect.Array {
				// Maps are left out too: the validator walks them in
				// random order.
				return nil, refuse("dive into %s", t)
			}
			d, err := c.node(t.Elem(), tags[i+1:], parent)
			if err != nil {
				return nil, err
			}
			n.dive = d
			return n, nil
		}
		o, err := c.op(tg, t, parent)
		if err != nil {
			return nil, err
		}
		n.ops = append(n.ops, o)
	}
	if n.kind == reflect.Struct && !t.ConvertibleTo(timeType) {
		p, err := c.structPlan(t)
		if err != nil {
			return nil, err
		}
		n.nested = p
	}
	return n, nil
}

// nilPlan sets what a nil pointer does under tags: the validator skips it
// under omitempty, runs required_unless and what follows on the nil pointer
// itself, and otherwise fails the first tag.
func (n *node) nilPlan(tags []ctag, rules map[string]Rule) error {
	builtin := func(tg ctag, name string) bool {
		_, custom := rules[name]
		return tg.name == name && !custom
	}
	switch {
	case tags[0].name == "omitempty":
		n.nilDo = nilSkip
	case builtin(tags[0], "required_unless"):
		n.nilDo = nilRun
		for _, tg := range tags {
			if tg.name == "omitempty" {
				break
			}
			if !builtin(tg, "required_unless") && tg.name != "required" {
				return refuse("%q after required_unless on a pointer", tg.name)
			}
		}
	default:
		n.nilDo = nilFail
		n.first = tags[0]
	}
	return nil
}

// op compiles one tag for a value of type t (pointers followed).
func (c *compiler) op(tg ctag, t reflect.Type, parent reflect.Type) (op, error) {
	o := op{ctag: tg}
	if r, ok := c.rules[tg.name]; ok {
		o.code, o.check = opRule, r.Check
		return o, nil
	}
	if rel, ok := relations[tg.name]; ok {
		o.code, o.rel = opCmp, rel
		return o, o.bound(t, tg.name)
	}
	var err error
	switch tg.name {
	case "omitempty":
		o.code = opOmitEmpty
	case "required":
		o.code = opRequired
	case "required_unless":
		o.code = opRequiredUnless
		o.conds, err = conds(tg.param, parent)
	case "oneof":
		o.code = opOneOf
		switch t.Kind() {
		case reflect.String, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
			reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		default:
			err = refuse("oneof on %s", t)
		}
		o.words = splitParams(tg.param)
	case "enum":
		o.code = opEnum
		o.enum = enumCheck{onPtr: reflect.PointerTo(t).Implements(validIface), onValue: t.Implements(validIface)}
	case "unique":
		o.code = opUnique
		err = o.uniqueOn(t, tg.param)
	default:
		err = refuse("tag %q", tg.name)
	}
	return o, err
}

// bound parses the param of a comparison the way the validator does for a
// value of type t.
func (o *op) bound(t reflect.Type, name string) error {
	var err error
	switch t.Kind() {
	case reflect.String:
		o.cls = clsRunes
		o.i, err = strconv.ParseInt(o.param, 0, 64)
	case reflect.Slice, reflect.Map, reflect.Array:
		o.cls = clsLen
		o.i, err = strconv.ParseInt(o.param, 0, 64)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		o.cls = clsInt
		if t == durationType {
			if d, derr := time.ParseDuration(o.param); derr == nil {
				o.i = int64(d)
				break
			}
		}
		o.i, err = strconv.ParseInt(o.param, 0, 64)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if t.Kind() == reflect.Uintptr && name == "len" {
			return refuse("len on %s", t) // the validator panics
		}
		o.cls = clsUint
		o.u, err = strconv.ParseUint(o.param, 0, 64)
	case reflect.Float32:
		o.cls = clsFloat
		o.f, err = strconv.ParseFloat(o.param, 32)
	case reflect.Float64:
		o.cls = clsFloat
		o.f, err = strconv.ParseFloat(o.param, 64)
	default:
		return refuse("%s on %s", name, t)
	}
	if err != nil {
		return refuse("%s=%s on %s: %v", name, o.param, t, err)
	}
	return nil
}

// uniqueOn checks that unique on a value of type t cannot make the
// validator panic, and notes whether it is a list of strings.
func (o *op) uniqueOn(t reflect.Type, param string) error {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		if param == "" && t.Elem().Kind() == reflect.String {
			o.fast = true
			return nil
		}
	case reflect.Map:
		param = "" // the validator compares map values whatever the param
	default:
		return refuse("unique on %s", t)
	}
	e := t.Elem()
	if e.Kind() == reflect.Pointer {
		e = e.Elem()
	}
	if param != "" {
		if e.Kind() != reflect.Struct {
			return refuse("unique=%s on %s", param, t)
		}
		f, ok := e.FieldByName(param)
		if !ok || !f.IsExported() || len(f.Index) > 1 {
			return refuse("unique=%s on %s", param, t)
		}
		e = f.Type
		if e.Kind() == reflect.Pointer {
			e = e.Elem()
		}
	}
	if !hashable(e) {
		return refuse("unique on %s, whose entries cannot be map keys", t)
	}
	return nil
}

// hashable reports whether every value of t can be a map key: comparable,
// with no interface inside whose dynamic value might not be.
func hashable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Interface, reflect.Slice, reflect.Map, reflect.Func:
		return false
	case reflect.Array:
		return hashable(t.Elem())
	case reflect.Struct:
		for i := range t.NumField() {
			if !hashable(t.Field(i).Type) {
				return false
			}
		}
	}
	return true
}

// conds compiles the param of required_unless on a field of the struct
// type parent.
func conds(param string, parent reflect.Type) ([]cond, error) {
	words := splitParams(param)
	if len(words)%2 != 0 {
		return nil, refuse("required_unless=%s: odd number of words", param)
	}
	var out []cond
	for i := 0; i < len(words); i += 2 {
		name, value := words[i], words[i+1]
		if name == "" || strings.ContainsAny(name, ".[") {
			return nil, refuse("required_unless on %q", name)
		}
		f, ok := parent.FieldByName(name)
		if !ok {
			// The validator finds nothing, and counts the pair as unmet.
			out = append(out, cond{})
			continue
		}
		for j := range len(f.Index) - 1 {
			if parent.FieldByIndex(f.Index[:j+1]).Type.Kind() == reflect.Pointer {
				return nil, refuse("required_unless on %q, through an embedded pointer", name)
			}
		}
		c := cond{index: f.Index, value: value, isNil: value == "nil"}
		t := f.Type
		for {
			if t.Implements(valuerType) || t.Kind() == reflect.Interface {
				return nil, refuse("required_unless on %q of type %s", name, f.Type)
			}
			if t.Kind() != reflect.Pointer {
				break
			}
			c.derefs++
			t = t.Elem()
		}
		var err error
		switch t.Kind() {
		case reflect.String:
			c.cls = condString
		case reflect.Bool:
			c.cls = condBool
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			c.cls = clsInt
			c.i, err = strconv.ParseInt(value, 0, 64)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			c.cls = clsUint
			c.u, err = strconv.ParseUint(value, 0, 64)
		case reflect.Float32:
			c.cls = clsFloat
			c.f, err = strconv.ParseFloat(value, 32)
		case reflect.Float64:
			c.cls = clsFloat
			c.f, err = strconv.ParseFloat(value, 64)
		case reflect.Slice, reflect.Map:
			c.cls = condList
			if !c.isNil {
				c.i, err = strconv.ParseInt(value, 0, 64)
			}
		case reflect.Array:
			c.cls = condArray
			c.i, err = strconv.ParseInt(value, 0, 64)
		default:
			return nil, refuse("required_unless on %q of type %s", name, f.Type)
		}
		if err != nil {
			return nil, refuse("required_unless=%s: %v", param, err)
		}
		out = append(out, c)
	}
	return out, nil
}

// paramWords are the words of a param as the validator splits oneof and
// required_unless: runs of non-space, or text in single quotes.
var paramWords = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`'[^']*'|\S+`) })

func splitParams(s string) []string {
	words := paramWords().FindAllString(s, -1)
	for i, w := range words {
		words[i] = strings.ReplaceAll(w, "'", "")
	}
	return words
}
