// Package validation runs the field rules declared in `validate` struct tags
// and turns their failures into problems with JSON pointer paths.
//
// The tags are the single place a field constraint is declared: the schema
// generator (internal/schemagen) reads the same tags to write the JSON
// Schema, so the Go validator and the schema cannot drift apart silently.
// Tags understood by both: required, omitempty, dive, min, max, gte, lte, gt,
// lt, len, unique, oneof, enum (the field's type lists its values), and the
// rules registered with Register.
//
// Struct compiles the tags of a struct type once, on first use, into a
// plan: per field its index, the pointers to follow, and each tag as an
// opcode with its param already parsed (bounds as numbers, oneof words,
// required_unless's field index). Plans are cached per type and shared by
// all goroutines. Running one walks the value with reflect and no
// interface boxing, and keeps the path as a stack of steps written out
// only for a failing field, so a valid document costs no allocation. That
// is what made ajv, which compiles a schema once, several times faster than
// go-playground/validator walking the tags again at every call.
//
// go-playground/validator stays as the reference (Reference): the plan
// does what it does, tag for tag, down to the order of problems, which tag
// of a field fails first, how nil pointers, rune counts and required on
// structs behave. A type using a tag or a shape the compiler does not know
// (alternatives, a dive into a map, interfaces, validator.Valuer) falls
// back to Reference whole; the mechanism packages' document types all
// compile (TestDocumentTypesCompile). The differential tests and the fuzz
// target run both engines on every template, testdata document and
// thousands of mutations of each, and require the same problems.
package validation

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/problem"
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
	rules = map[string]Rule{}
)

// Register adds a custom rule. Call it from a package's init.
func Register(r Rule) {
	if !kebab(r.ID) {
		panic("validation: rule " + r.Tag + " needs a kebab-case ID") // a programming error at init
	}
	mu.Lock()
	defer mu.Unlock()
	rules[r.Tag] = r
	v = nil       // rebuilt with the new rule on next use
	plans.Clear() // compiled again, with the new rule, on next use
}

// Lookup returns the custom rule with the given tag.
func Lookup(tag string) (Rule, bool) {
	mu.RLock()
	defer mu.RUnlock()
	r, ok := rules[tag]
	return r, ok
}

// Struct checks s (a struct or pointer to one) against its tags and returns
// the failures as problems, in the order of the fields.
func Struct(s any) problem.List {
	val := reflect.ValueOf(s)
	if val.Kind() == reflect.Pointer && !val.IsNil() {
		val = val.Elem()
	}
	if val.Kind() != reflect.Struct {
		return Reference(s) // the validator's own words for what it cannot check
	}
	p := planFor(val.Type())
	if p.root == nil {
		return Reference(s)
	}
	return p.run(val)
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

// failure is one failed tag on one field: what the validator's FieldError
// says, and what the compiled plan reports in its place.
type failure struct {
	tag, param string
	// kind is the field's kind after pointers are followed; Ptr for a nil
	// pointer.
	kind reflect.Kind
	// value is the field's value after pointers are followed.
	value any
}

// problemOf turns a failure at the validator namespace ns, under the
// struct type t, into a problem.
func problemOf(ns string, t reflect.Type, fe failure) problem.Problem {
	return problem.Problem{Path: pointer(ns, t), Rule: ruleName(fe), Message: message(fe)}
}

// ruleName gives the shared kebab-case id of a failed tag, so no validator
// tag name ever reaches a user.
func ruleName(fe failure) string {
	counted := ""
	switch fe.kind {
	case reflect.String:
		counted = "string"
	case reflect.Slice, reflect.Array, reflect.Map:
		counted = "list"
	}
	switch fe.tag {
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
		if fe.param != "" {
			return problem.RuleDuplicateID
		}
		return problem.RuleDuplicate
	}
	if r, ok := Lookup(fe.tag); ok {
		return r.ID
	}
	if strings.HasPrefix(fe.tag, "required_") {
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

func message(fe failure) string {
	p := fe.param
	unit := ""
	switch fe.kind {
	case reflect.String:
		unit = " characters"
	case reflect.Slice, reflect.Array, reflect.Map:
		unit = " items"
	}
	if p == "1" && unit != "" {
		unit = strings.TrimSuffix(unit, "s") // "at most 1 item", not "1 items"
	}
	switch fe.tag {
	case "required":
		return "is required"
	case "min", "gte":
		if unit != "" {
			return fmt.Sprintf("must have at least %s%s", p, unit)
		}
		return fmt.Sprintf("must be at least %s, not %v", p, fe.value)
	case "max", "lte":
		if unit != "" {
			return fmt.Sprintf("must have at most %s%s", p, unit)
		}
		return fmt.Sprintf("must be at most %s, not %v", p, fe.value)
	case "gt":
		return fmt.Sprintf("must be more than %s, not %v", p, fe.value)
	case "lt":
		return fmt.Sprintf("must be less than %s, not %v", p, fe.value)
	case "len":
		return fmt.Sprintf("must have exactly %s%s", p, unit)
	case "oneof":
		return unknownValue(fmt.Sprint(fe.value), strings.Fields(p))
	case "enum":
		if e, ok := fe.value.(enum.Valuer); ok {
			return unknownValue(fmt.Sprint(fe.value), e.Values())
		}
		return fmt.Sprintf("unknown value %q", fmt.Sprint(fe.value))
	case "unique":
		if p != "" {
			return fmt.Sprintf("entries must have distinct %s", p)
		}
		return "entries must not repeat"
	}
	if r, ok := Lookup(fe.tag); ok {
		return r.Message
	}
	if strings.HasPrefix(fe.tag, "required_") {
		return "is required"
	}
	var forms []string
	for _, t := range strings.Split(fe.tag, "|") {
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
