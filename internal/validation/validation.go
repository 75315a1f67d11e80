// Package validation runs the field rules declared in `validate` struct tags
// and turns their failures into problems with JSON pointer paths.
//
// The tags are the single place a field constraint is declared: the schema
// generator (internal/schemagen) reads the same tags to write the JSON
// Schema, so the Go validator and the schema cannot drift apart silently.
// Tags understood by both: required, omitempty, dive, min, max, gte, lte, gt,
// lt, len, unique, oneof, enum (the field's type lists its values), and the
// rules registered with Register.
package validation

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/go-playground/validator/v10"
)

// Rule is a custom field rule: its check in Go and the same constraint in
// JSON Schema terms.
type Rule struct {
	// Tag is the name used in `validate` tags; keep it unique across packages.
	// Users never see it: problems carry ID.
	Tag string
	// ID is the kebab-case rule id problems carry ("format" for most
	// pattern rules); required.
	ID string
	// Check reports whether the field value is acceptable.
	Check func(v reflect.Value) bool
	// Message says what a failing value should have been.
	Message string
	// Schema holds the JSON Schema keywords that express the same rule
	// ("pattern", "format", ...), merged into the field's schema.
	Schema map[string]any
}

var (
	mu    sync.RWMutex
	v     *validator.Validate
	rules = map[string]Rule{}
	// skips holds, per struct type, the fields the validator can leave out:
	// no tag, and nothing inside to check (see inert). The validator looks
	// at every field it knows, boxing its value to ask for a Valuer, so each
	// field left out is an allocation less per Validate.
	skips = map[reflect.Type]map[string]string{}
	// walked lists the types whose fields skips has already looked at.
	walked = map[reflect.Type]bool{}
)

// instance returns the validator, built with the skips of t (a struct type)
// and of every type reachable from it. A type not seen before rebuilds the
// validator, rather than changing the one other goroutines may be using:
// that happens once per document type.
func instance(t reflect.Type) *validator.Validate {
	mu.RLock()
	if v != nil && (t == nil || walked[t]) {
		defer mu.RUnlock()
		return v
	}
	mu.RUnlock()
	mu.Lock()
	defer mu.Unlock()
	if t != nil && !walked[t] {
		findSkips(t)
		v = nil
	}
	if v == nil {
		v = newValidator()
	}
	return v
}

// findSkips records in skips the fields of t, and of the struct types its
// fields lead to, that the validator can leave out.
func findSkips(t reflect.Type) {
	t = base(t)
	if t.Kind() != reflect.Struct || walked[t] {
		return
	}
	walked[t] = true
	skip := map[string]string{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.Anonymous && !f.IsExported() {
			continue // the validator does not look at it
		}
		findSkips(f.Type)
		if f.Type.Kind() == reflect.Map {
			findSkips(f.Type.Key())
		}
		if f.Tag.Get("validate") == "" && inert(f.Type, map[reflect.Type]bool{}) {
			skip[f.Name] = "-"
		}
	}
	if len(skip) > 0 {
		skips[t] = skip
	}
}

// base strips pointers, slices, arrays and maps down to the element type.
func base(t reflect.Type) reflect.Type {
	for {
		switch t.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			t = t.Elem()
		default:
			return t
		}
	}
}

var (
	valuerType = reflect.TypeFor[validator.Valuer]()
	timeType   = reflect.TypeFor[time.Time]()
)

// inert reports whether a field of type t without a tag gives the validator
// nothing to do: without a tag it only descends into a struct (through
// pointers), an interface's dynamic value or a Valuer's value, so a field
// is inert when it leads to none of these, or only to structs whose own
// fields are all inert and untagged.
func inert(t reflect.Type, seen map[reflect.Type]bool) bool {
	for {
		if t.Implements(valuerType) {
			return false
		}
		if t.Kind() != reflect.Pointer {
			break
		}
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Interface:
		return false
	case t.Kind() != reflect.Struct || t.ConvertibleTo(timeType):
		return true
	case seen[t]:
		return false // a cycle: keep it, to be safe
	}
	seen[t] = true
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.Anonymous && !f.IsExported() {
			continue
		}
		if tag := f.Tag.Get("validate"); tag != "" && tag != "-" || !inert(f.Type, seen) {
			return false
		}
	}
	return true
}

func newValidator() *validator.Validate {
	// No tag name function: with one, the validator builds two names for
	// every list entry it visits, valid or not. Struct reads the JSON names
	// from the types instead, for the few fields that fail.
	val := validator.New(validator.WithRequiredStructEnabled())
	must(val.RegisterValidation("enum", func(fl validator.FieldLevel) bool {
		f := fl.Field()
		if f.CanAddr() {
			// A pointer in an interface needs no allocation, the value
			// would; *T has T's Valid.
			if e, ok := f.Addr().Interface().(interface{ Valid() bool }); ok {
				return e.Valid()
			}
		}
		if e, ok := f.Interface().(interface{ Valid() bool }); ok {
			return e.Valid()
		}
		return false
	}))
	must(val.RegisterValidation("unique", unique))
	for _, r := range rules {
		must(val.RegisterValidation(r.Tag, func(fl validator.FieldLevel) bool { return r.Check(fl.Field()) }))
	}
	for t, skip := range skips {
		val.RegisterStructValidationMapRules(skip, reflect.New(t).Interface())
	}
	return val
}

func must(err error) {
	if err != nil {
		panic(err) // only reachable by a programming error at init
	}
}

// Register adds a custom rule. Call it from a package's init.
func Register(r Rule) {
	if !kebab(r.ID) {
		panic("validation: rule " + r.Tag + " needs a kebab-case ID") // a programming error at init
	}
	mu.Lock()
	defer mu.Unlock()
	rules[r.Tag] = r
	v = nil // rebuilt with the new rule on next use
}

// Lookup returns the custom rule with the given tag.
func Lookup(tag string) (Rule, bool) {
	mu.RLock()
	defer mu.RUnlock()
	r, ok := rules[tag]
	return r, ok
}

// Struct checks s (a struct or pointer to one) against its tags and returns
// the failures as problems.
func Struct(s any) problem.List {
	var t reflect.Type
	if t = reflect.TypeOf(s); t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t != nil && t.Kind() != reflect.Struct {
		t = nil
	}
	err := instance(t).Struct(s)
	if err == nil {
		return nil
	}
	var out problem.List
	verrs, ok := err.(validator.ValidationErrors)
	if !ok {
		out.Add("/", "invalid", "%v", err)
		return out
	}
	for _, fe := range verrs {
		out = append(out, problem.Problem{Path: pointer(fe.Namespace(), t), Rule: ruleName(fe), Message: message(fe)})
	}
	return out
}

// Pointer turns a validator namespace ("Decision.risks[0].impact") into a
// JSON pointer ("/risks/0/impact").
func Pointer(ns string) string { return pointer(ns, nil) }

// pointer is Pointer for a namespace of Go field names under the struct
// type t, each written as its JSON name (the json tag's, else the Go name).
func pointer(ns string, t reflect.Type) string {
	if i := strings.IndexByte(ns, '.'); i >= 0 {
		ns = ns[i+1:]
	} else {
		return "/"
	}
	var b strings.Builder
	for len(ns) > 0 {
		switch ns[0] {
		case '.':
			ns = ns[1:]
			continue
		case '[':
			end := strings.IndexByte(ns, ']')
			if end < 0 {
				end = len(ns)
			}
			b.WriteByte('/')
			b.WriteString(escape(ns[1:end]))
			ns = ns[min(end+1, len(ns)):]
			t = elem(t)
			continue
		}
		end := strings.IndexAny(ns, ".[")
		if end < 0 {
			end = len(ns)
		}
		name := ns[:end]
		name, t = jsonField(t, name)
		b.WriteByte('/')
		b.WriteString(escape(name))
		ns = ns[end:]
	}
	return b.String()
}

// elem is the type of an entry of a list or map of type t; nil when t is
// none (or nil).
func elem(t reflect.Type) reflect.Type {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil {
		return nil
	}
	switch t.Kind() {
	case reflect.Slice, reflect.Array, reflect.Map:
		return t.Elem()
	}
	return nil
}

// jsonField gives the JSON name of the field named goName in the struct
// type t, and the field's type; goName and nil when t has no such field.
func jsonField(t reflect.Type, goName string) (string, reflect.Type) {
	for t != nil && t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t == nil || t.Kind() != reflect.Struct {
		return goName, nil
	}
	f, ok := t.FieldByName(goName)
	if !ok {
		return goName, nil
	}
	if name, _, _ := strings.Cut(f.Tag.Get("json"), ","); name != "" && name != "-" {
		return name, f.Type
	}
	return goName, f.Type
}

func escape(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// ruleName gives the shared kebab-case id of a failed tag, so no validator
// tag name ever reaches a user.
func ruleName(fe validator.FieldError) string {
	counted := ""
	switch fe.Kind() {
	case reflect.String:
		counted = "string"
	case reflect.Slice, reflect.Array, reflect.Map:
		counted = "list"
	}
	switch fe.Tag() {
	case "required":
		return problem.RuleRequired
	case "min", "gte", "gt":
		switch counted {
		case "string":
			return problem.RuleTooShort
		case "list":
			return problem.RuleTooFew
		}
		return problem.RuleRange
	case "max", "lte", "lt":
		switch counted {
		case "string":
			return problem.RuleTooLong
		case "list":
			return problem.RuleTooManyItems
		}
		return problem.RuleRange
	case "len":
		return problem.RuleLength
	case "oneof", "enum":
		return problem.RuleEnum
	case "unique":
		if fe.Param() != "" {
			return problem.RuleDuplicateID
		}
		return problem.RuleDuplicate
	}
	if r, ok := Lookup(fe.Tag()); ok {
		return r.ID
	}
	if strings.HasPrefix(fe.Tag(), "required_") {
		return problem.RuleRequired
	}
	return problem.RuleFormat
}

func kebab(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' && s[i-1] != '-') {
			return false
		}
	}
	return true
}

func message(fe validator.FieldError) string {
	p := fe.Param()
	unit := ""
	switch fe.Kind() {
	case reflect.String:
		unit = " characters"
	case reflect.Slice, reflect.Array, reflect.Map:
		unit = " items"
	}
	if p == "1" && unit != "" {
		unit = strings.TrimSuffix(unit, "s") // "at most 1 item", not "1 items"
	}
	switch fe.Tag() {
	case "required":
		return "is required"
	case "min", "gte":
		if unit != "" {
			return fmt.Sprintf("must have at least %s%s", p, unit)
		}
		return fmt.Sprintf("must be at least %s, not %v", p, fe.Value())
	case "max", "lte":
		if unit != "" {
			return fmt.Sprintf("must have at most %s%s", p, unit)
		}
		return fmt.Sprintf("must be at most %s, not %v", p, fe.Value())
	case "gt":
		return fmt.Sprintf("must be more than %s, not %v", p, fe.Value())
	case "lt":
		return fmt.Sprintf("must be less than %s, not %v", p, fe.Value())
	case "len":
		return fmt.Sprintf("must have exactly %s%s", p, unit)
	case "oneof":
		return unknownValue(fmt.Sprint(fe.Value()), strings.Fields(p))
	case "enum":
		if e, ok := fe.Value().(enum.Valuer); ok {
			return unknownValue(fmt.Sprint(fe.Value()), e.Values())
		}
		return fmt.Sprintf("unknown value %q", fmt.Sprint(fe.Value()))
	case "unique":
		if p != "" {
			return fmt.Sprintf("entries must have distinct %s", p)
		}
		return "entries must not repeat"
	}
	if r, ok := Lookup(fe.Tag()); ok {
		return r.Message
	}
	if strings.HasPrefix(fe.Tag(), "required_") {
		return "is required"
	}
	var forms []string
	for _, t := range strings.Split(fe.Tag(), "|") {
		f, ok := formats[t]
		if !ok {
			// A tag without words of its own: say what is wrong without
			// naming the validator's tag.
			return "is not valid here"
		}
		forms = append(forms, f)
	}
	return "must be " + strings.Join(forms, " or ")
}

// formats names, for a person, what the validator's format tags want.
var formats = map[string]string{
	"email": "an email address", "url": "a URL", "http_url": "a URL starting with http:// or https://", "uri": "a URI",
	"uuid": "a UUID", "hostname": "a host name", "ip": "an IP address", "alphanum": "letters and digits only",
	"numeric": "a number", "lowercase": "in lower case", "ascii": "plain ASCII text",
}

// unknownValue names a value outside its allowed list, suggests the closest
// allowed value when one is close, and lists them all.
func unknownValue(v string, allowed []string) string {
	if hint := enum.Hint(v, allowed); hint != "" {
		return fmt.Sprintf("unknown value %q%s allowed: %s", v, hint, strings.Join(allowed, ", "))
	}
	return fmt.Sprintf("unknown value %q; allowed: %s", v, strings.Join(allowed, ", "))
}

// unique is the validator's own "unique" check, with a fast path for the
// case every document uses: a list of strings (ids, enum values). The
// validator's boxes every entry into a map key; comparing the strings
// needs no allocation. Anything else goes the validator's way, repeated
// here because its function cannot be reached.
func unique(fl validator.FieldLevel) bool {
	field, param := fl.Field(), fl.Param()
	if k := field.Kind(); (k == reflect.Slice || k == reflect.Array) && param == "" && field.Type().Elem().Kind() == reflect.String {
		n := field.Len()
		if n <= 32 {
			for i := 1; i < n; i++ {
				s := field.Index(i).String()
				for j := range i {
					if field.Index(j).String() == s {
						return false
					}
				}
			}
			return true
		}
		seen := make(map[string]struct{}, n)
		for i := range n {
			seen[field.Index(i).String()] = struct{}{}
		}
		return len(seen) == n
	}
	return uniqueAny(fl)
}

// uniqueAny is go-playground/validator v10.30's isUnique.
func uniqueAny(fl validator.FieldLevel) bool {
	field := fl.Field()
	param := fl.Param()
	var nilKey = struct{}{} // the key of nil pointers
	indirect := func(v reflect.Value) any {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return nilKey
			}
			return v.Elem().Interface()
		}
		return v.Interface()
	}
	switch field.Kind() {
	case reflect.Slice, reflect.Array:
		seen := make(map[any]struct{})
		for i := 0; i < field.Len(); i++ {
			elem := field.Index(i)
			var key any
			if param == "" {
				key = indirect(elem)
			} else {
				if elem.Kind() == reflect.Pointer {
					if elem.IsNil() {
						if _, ok := seen[nilKey]; ok {
							return false
						}
						seen[nilKey] = struct{}{}
						continue
					}
					elem = elem.Elem()
				}
				if elem.Kind() != reflect.Struct {
					panic(fmt.Sprintf("Bad field type %s", elem.Type()))
				}
				sf := elem.FieldByName(param)
				if !sf.IsValid() {
					panic(fmt.Sprintf("Bad field name %s", param))
				}
				key = indirect(sf)
			}
			if _, ok := seen[key]; ok {
				return false
			}
			seen[key] = struct{}{}
		}
		return true
	case reflect.Map:
		seen := make(map[any]struct{})
		for _, k := range field.MapKeys() {
			key := indirect(field.MapIndex(k))
			if _, ok := seen[key]; ok {
				return false
			}
			seen[key] = struct{}{}
		}
		return true
	default:
		if parent := fl.Parent(); parent.Kind() == reflect.Struct {
			uniqueField := parent.FieldByName(param)
			if !uniqueField.IsValid() {
				panic(fmt.Sprintf("Bad field name provided %s", param))
			}
			if uniqueField.Kind() != field.Kind() {
				panic(fmt.Sprintf("Bad field type %s:%s", field.Type(), uniqueField.Type()))
			}
			return valueOf(field) != valueOf(uniqueField)
		}
		panic(fmt.Sprintf("Bad field type %s", field.Type()))
	}
}

// valueOf is the validator's getValue.
func valueOf(val reflect.Value) any {
	if val.CanInterface() {
		return val.Interface()
	}
	if val.CanAddr() {
		return reflect.NewAt(val.Type(), unsafe.Pointer(val.UnsafeAddr())).Elem().Interface()
	}
	switch val.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return val.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return val.Uint()
	case reflect.Complex64, reflect.Complex128:
		return val.Complex()
	case reflect.Float32, reflect.Float64:
		return val.Float()
	default:
		return val.String()
	}
}
