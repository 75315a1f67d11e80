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
)

func instance() *validator.Validate {
	mu.RLock()
	if v != nil {
		defer mu.RUnlock()
		return v
	}
	mu.RUnlock()
	mu.Lock()
	defer mu.Unlock()
	if v == nil {
		v = newValidator()
	}
	return v
}

func newValidator() *validator.Validate {
	val := validator.New(validator.WithRequiredStructEnabled())
	val.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	must(val.RegisterValidation("enum", func(fl validator.FieldLevel) bool {
		if e, ok := fl.Field().Interface().(interface{ Valid() bool }); ok {
			return e.Valid()
		}
		return false
	}))
	for _, r := range rules {
		must(val.RegisterValidation(r.Tag, func(fl validator.FieldLevel) bool { return r.Check(fl.Field()) }))
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
	err := instance().Struct(s)
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
		out = append(out, problem.Problem{Path: Pointer(fe.Namespace()), Rule: ruleName(fe), Message: message(fe)})
	}
	return out
}

// Pointer turns a validator namespace ("Decision.risks[0].impact") into a
// JSON pointer ("/risks/0/impact").
func Pointer(ns string) string {
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
			continue
		}
		end := strings.IndexAny(ns, ".[")
		if end < 0 {
			end = len(ns)
		}
		b.WriteByte('/')
		b.WriteString(escape(ns[:end]))
		ns = ns[end:]
	}
	return b.String()
}

func escape(s string) string {
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
