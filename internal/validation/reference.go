package validation

import (
	"fmt"
	"reflect"
	"time"
	"unsafe"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/go-playground/validator/v10"
)

// Reference checks s as Struct does, with go-playground/validator walking
// the tags at every call. Struct runs a plan compiled from the same tags
// instead, and falls back to Reference for a type whose tags it cannot
// compile; the differential tests hold the two to the same answers.
func Reference(s any) problem.List {
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
		out = append(out, problemOf(fe.Namespace(), t, failure{tag: fe.Tag(), param: fe.Param(), kind: fe.Kind(), value: fe.Value()}))
	}
	return out
}

var (
	// v is the validator Reference uses, rebuilt when a rule or a struct
	// type is added (see instance).
	v *validator.Validate
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

// unique is the validator's own "unique" check, with a fast path for the
// case every document uses: a list of strings (ids, enum values). The
// validator's boxes every entry into a map key; comparing the strings
// needs no allocation. Anything else goes the validator's way, repeated
// here because its function cannot be reached.
func unique(fl validator.FieldLevel) bool {
	return uniqueOf(fl.Field(), fl.Param(), fl.Parent)
}

// uniqueOf is unique on a field, its tag's param and (asked only when the
// field is no list) the struct holding it.
func uniqueOf(field reflect.Value, param string, parent func() reflect.Value) bool {
	if k := field.Kind(); (k == reflect.Slice || k == reflect.Array) && param == "" && field.Type().Elem().Kind() == reflect.String {
		return uniqueStrings(field)
	}
	return uniqueAny(field, param, parent)
}

// uniqueAny is go-playground/validator v10.30's isUnique.
func uniqueAny(field reflect.Value, param string, parent func() reflect.Value) bool {
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
		if parent := parent(); parent.Kind() == reflect.Struct {
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
