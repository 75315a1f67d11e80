// Package schemagen writes the JSON Schema (draft 2020-12) of a document type.
//
// Structure and descriptions come from invopop/jsonschema reading the Go
// types and their doc comments. Constraints come from the `validate` tags —
// the same tags the Go validator enforces — translated here into schema
// keywords, so each constraint is declared once. A field required only on a
// condition on a sibling field ("required_if=Format markdown",
// "required_unless=Format markdown") becomes an if/then/else in the
// containing object's allOf;
// an exemption that hangs on the root but reaches nested structs, which no
// tag can name, is declared once by the package as a Relax and becomes an
// if on the root whose else holds the exempted constraints at their paths.
// Tags with no schema equivalent (unique=Field on a list of objects, cross-field rules) stay
// Go-only; each package lists those rules in its docs.
package schemagen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/validation"
	"github.com/invopop/jsonschema"
)

// BaseID is the prefix of every schema's $id: the raw file on the main
// branch, so the $id both names the schema and resolves to it. It is stable:
// tools cache schemas by it.
const BaseID = "https://raw.githubusercontent.com/dayone-go/mechanisms/main/"

// Options describe one schema.
type Options struct {
	// Path is the schema file's path in the repository,
	// "decision/decision.schema.json"; the $id is BaseID + Path.
	Path string
	// Title and Description head the schema.
	Title       string
	Description string
	// PkgPath is the Go import path of the package that declares the type,
	// and Dir its source directory, where the doc comments are read.
	PkgPath string
	Dir     string
	// Relax, if set, names a kind of document the schema holds to less: see
	// Relax.
	Relax *Relax
}

// Relax exempts the documents whose root Property holds Value from some
// constraints the tags state, at any depth: a condition on the root that a
// nested struct's tags cannot name (the Go validator sees one struct at a
// time). The constraints leave the properties they sit on for the else
// branch of an if on the root, at the same path, so a schema validator
// applies them to every other document exactly as before. The package's Go
// validator must drop the same problems for such documents; the parity
// suite proves the two agree.
type Relax struct {
	// Property and Value name the root property and the value that relax.
	Property, Value string
	// MaxLength relaxes every maximum length of a string (rule too-long).
	// Maximum sizes of lists cannot be relaxed so: the Go validator skips
	// the elements of a list that fails its size (dive), so dropping that
	// failure afterwards would leave them unchecked in Go while the schema
	// checks them.
	MaxLength bool
	// Required lists JSON pointers, "*" for any index or key, of the
	// required keys such documents may leave out: "/people/driver".
	Required []string
}

// ID returns the schema's $id.
func (o Options) ID() string { return BaseID + o.Path }

var (
	dateType   = reflect.TypeFor[civil.Date]()
	valuerType = reflect.TypeFor[enum.Valuer]()
)

// Generate returns the schema of v's type as indented JSON ending in a newline.
func Generate(v any, o Options) ([]byte, error) {
	r := &jsonschema.Reflector{
		RequiredFromJSONSchemaTags: true, // required comes from validate tags below
		ExpandedStruct:             true,
		Mapper:                     mapper,
	}
	if o.Dir != "" {
		if err := r.AddGoComments(o.PkgPath, o.Dir, jsonschema.WithFullComment()); err != nil {
			return nil, fmt.Errorf("schemagen: reading comments: %w", err)
		}
	}
	t := reflect.TypeOf(v)
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	s := r.ReflectFromType(t)
	s.ID = jsonschema.ID(o.ID())
	s.Title = o.Title
	if o.Description != "" {
		s.Description = o.Description
	}
	g := &gen{defs: s.Definitions, done: map[reflect.Type]bool{}}
	if err := g.object(t, s); err != nil {
		return nil, err
	}
	if o.Relax != nil {
		if err := g.relax(s, o.Relax); err != nil {
			return nil, err
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func mapper(t reflect.Type) *jsonschema.Schema {
	if t == dateType {
		return &jsonschema.Schema{Type: "string", Format: "date", Pattern: `^[0-9]{4}-[0-9]{2}-[0-9]{2}$`}
	}
	if t.Kind() == reflect.String && t.Implements(valuerType) {
		vals := reflect.Zero(t).Interface().(enum.Valuer).Values()
		e := make([]any, len(vals))
		for i, v := range vals {
			e[i] = v
		}
		return &jsonschema.Schema{Type: "string", Enum: e}
	}
	return nil
}

type gen struct {
	defs jsonschema.Definitions
	done map[reflect.Type]bool
}

// resolve follows a local $ref to its definition.
func (g *gen) resolve(s *jsonschema.Schema) *jsonschema.Schema {
	if s != nil && s.Ref != "" {
		if d := g.defs[strings.TrimPrefix(s.Ref, "#/$defs/")]; d != nil {
			return d
		}
	}
	return s
}

// object applies the validate tags of struct type t to its schema s.
func (g *gen) object(t reflect.Type, s *jsonschema.Schema) error {
	if g.done[t] {
		return nil
	}
	g.done[t] = true
	var conds []conditional
	zero := map[string]any{} // properties whose zero value Go takes as missing
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || (f.Anonymous && f.Type.Kind() == reflect.Struct) {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		prop, ok := s.Properties.Get(name)
		if !ok {
			continue
		}
		if prop.Description == "" {
			return fmt.Errorf("schemagen: %s.%s (%q) has no doc comment; every property needs a description", t.Name(), f.Name, name)
		}
		where := fmt.Sprintf("%s.%s", t.Name(), f.Name)
		required, err := g.field(f.Type, prop, f.Tag.Get("validate"), where)
		if err != nil {
			return err
		}
		if required {
			s.Required = append(s.Required, name)
		}
		for _, rule := range splitRules(f.Tag.Get("validate")) {
			key, param, _ := strings.Cut(rule, "=")
			if key != "required_if" && key != "required_unless" {
				continue
			}
			c, err := condition(t, s, param)
			if err != nil {
				return fmt.Errorf("schemagen: %s: %s: %w", where, key, err)
			}
			c.unless = key == "required_unless"
			conds = addConditional(conds, c, name)
			if f.Type.Kind() == reflect.Bool {
				zero[name] = false
			} else if zeroable(f.Type) {
				zero[name] = json.Number("0")
			}
		}
	}
	for _, c := range conds {
		when := &jsonschema.Schema{Required: c.fields, Properties: jsonschema.NewProperties()}
		for i, f := range c.fields {
			when.Properties.Set(f, &jsonschema.Schema{Const: c.values[i]})
		}
		need := requiring(c.required, zero)
		branch := &jsonschema.Schema{If: when, Then: need}
		if c.unless {
			branch = &jsonschema.Schema{If: when, Else: need}
		}
		s.AllOf = append(s.AllOf, branch)
	}
	return nil
}

// relax moves what r exempts from into an if/else on the root. It first
// collects, then strips: a definition reached by two paths keeps its
// constraints until both have been copied.
func (g *gen) relax(root *jsonschema.Schema, r *Relax) error {
	if _, ok := root.Properties.Get(r.Property); !ok {
		return fmt.Errorf("schemagen: relax: no root property %q", r.Property)
	}
	want := map[string]bool{}
	for _, p := range r.Required {
		want[p] = false
	}
	var strip []func()
	var walk func(node *jsonschema.Schema, ptr string, depth int) (*jsonschema.Schema, error)
	walk = func(node *jsonschema.Schema, ptr string, depth int) (*jsonschema.Schema, error) {
		if node == nil || depth > 32 {
			return nil, nil // a recursive type: its bounds stay unconditional
		}
		def := g.resolve(node)
		sk := &jsonschema.Schema{Type: def.Type}
		keep := false
		for i, x := range []*jsonschema.Schema{node, def} {
			if i == 1 && def == node {
				break
			}
			if r.MaxLength && x.MaxLength != nil {
				sk.MaxLength, keep = x.MaxLength, true
				strip = append(strip, func() { x.MaxLength = nil })
			}
			if x.Properties != nil {
				for pair := x.Properties.Oldest(); pair != nil; pair = pair.Next() {
					child, err := walk(pair.Value, ptr+"/"+pair.Key, depth+1)
					if err != nil {
						return nil, err
					}
					if child != nil {
						if sk.Properties == nil {
							sk.Properties = jsonschema.NewProperties()
						}
						sk.Properties.Set(pair.Key, child)
						keep = true
					}
				}
				for _, req := range x.Required {
					if _, ok := want[ptr+"/"+req]; !ok {
						continue
					}
					want[ptr+"/"+req] = true
					sk.Required = append(sk.Required, req)
					if sk.Properties == nil {
						sk.Properties = jsonschema.NewProperties()
					}
					if _, ok := sk.Properties.Get(req); !ok {
						sk.Properties.Set(req, jsonschema.TrueSchema)
					}
					keep = true
					x := x
					strip = append(strip, func() {
						x.Required = slices.DeleteFunc(x.Required, func(s string) bool { return s == req })
					})
				}
			}
			for _, sub := range []struct {
				from *jsonschema.Schema
				to   **jsonschema.Schema
			}{{x.Items, &sk.Items}, {x.AdditionalProperties, &sk.AdditionalProperties}} {
				if sub.from == nil || sub.from == jsonschema.FalseSchema || sub.from == jsonschema.TrueSchema {
					continue
				}
				child, err := walk(sub.from, ptr+"/*", depth+1)
				if err != nil {
					return nil, err
				}
				if child != nil {
					*sub.to, keep = child, true
				}
			}
		}
		if !keep {
			return nil, nil
		}
		return sk, nil
	}
	sk, err := walk(root, "", 0)
	if err != nil {
		return err
	}
	for p, used := range want {
		if !used {
			return fmt.Errorf("schemagen: relax: %s names no required key", p)
		}
	}
	for _, f := range strip {
		f()
	}
	if sk == nil {
		return nil
	}
	when := &jsonschema.Schema{Required: []string{r.Property}, Properties: jsonschema.NewProperties()}
	when.Properties.Set(r.Property, &jsonschema.Schema{Const: r.Value})
	root.AllOf = append(root.AllOf, &jsonschema.Schema{If: when, Else: sk})
	return nil
}

// requiring is a branch that requires names. It names them under properties
// too: strict validators (ajv) refuse a required key that no properties
// beside it declare, and true adds no constraint. A number or a bool
// present with its zero value is missing to Go, so zero is refused there.
func requiring(names []string, zero map[string]any) *jsonschema.Schema {
	s := &jsonschema.Schema{Required: names, Properties: jsonschema.NewProperties()}
	for _, n := range names {
		p := jsonschema.TrueSchema
		if z, ok := zero[n]; ok {
			p = &jsonschema.Schema{Not: &jsonschema.Schema{Const: z}}
		}
		s.Properties.Set(n, p)
	}
	return s
}

// zeroable reports whether t is a number, whose zero value omitempty and
// required treat as missing.
func zeroable(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		return true
	}
	return false
}

// zeroWithin reports whether 0 meets the numeric bounds of s.
func zeroWithin(s *jsonschema.Schema) bool {
	f := func(n json.Number) float64 { v, _ := n.Float64(); return v }
	return (s.Minimum == "" || f(s.Minimum) <= 0) && (s.Maximum == "" || f(s.Maximum) >= 0) &&
		(s.ExclusiveMinimum == "" || f(s.ExclusiveMinimum) < 0) && (s.ExclusiveMaximum == "" || f(s.ExclusiveMaximum) > 0)
}

// conditional is a group of properties required when (or unless) sibling
// properties hold given values.
type conditional struct {
	fields   []string // JSON names of the sibling properties tested
	values   []any    // the value each must hold
	unless   bool     // required unless they all hold, rather than if
	required []string // the properties so required
}

func (c conditional) key() string { return fmt.Sprint(c.unless, c.fields, c.values) }

func addConditional(cs []conditional, c conditional, name string) []conditional {
	for i := range cs {
		if cs[i].key() == c.key() {
			cs[i].required = append(cs[i].required, name)
			return cs
		}
	}
	c.required = []string{name}
	return append(cs, c)
}

// condition reads the "Field value Field value" parameter of required_if and
// required_unless, naming the Go fields of t, into JSON names and typed
// values.
func condition(t reflect.Type, s *jsonschema.Schema, param string) (conditional, error) {
	var c conditional
	words := strings.Fields(param)
	if len(words) == 0 || len(words)%2 != 0 {
		return c, fmt.Errorf("want field value pairs, not %q", param)
	}
	for i := 0; i < len(words); i += 2 {
		f, ok := t.FieldByName(words[i])
		if !ok || strings.Contains(words[i], ".") {
			return c, fmt.Errorf("no field %s beside it", words[i])
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" {
			name = f.Name
		}
		if _, ok := s.Properties.Get(name); !ok || name == "-" {
			return c, fmt.Errorf("field %s is not in the schema", words[i])
		}
		v, err := typed(f.Type, words[i+1])
		if err != nil {
			return c, err
		}
		c.fields = append(c.fields, name)
		c.values = append(c.values, v)
	}
	return c, nil
}

// typed gives a tag's value as the JSON value the property holds.
func typed(t reflect.Type, v string) (any, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return v, nil
	case reflect.Bool:
		return strconv.ParseBool(v)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if _, err := strconv.ParseInt(v, 10, 64); err != nil {
			return nil, err
		}
		return json.Number(v), nil
	case reflect.Float32, reflect.Float64:
		if _, err := strconv.ParseFloat(v, 64); err != nil {
			return nil, err
		}
		return json.Number(v), nil
	}
	return nil, fmt.Errorf("a condition on a %s field has no schema form", t.Kind())
}

// field applies one field's tag chain to its schema and reports whether the
// field is required. Rules after "dive" apply to the elements.
func (g *gen) field(t reflect.Type, prop *jsonschema.Schema, tag, where string) (bool, error) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	here, rest, dive := strings.Cut(tag, ",dive")
	if strings.HasPrefix(tag, "dive") {
		here, rest, dive = "", strings.TrimPrefix(tag, "dive"), true
	}
	rest = strings.TrimPrefix(rest, ",")
	required, omitEmpty := false, false
	// Bounds on a number after omitempty: Go skips them for 0.
	numBounds := &jsonschema.Schema{}
	defer func() {
		if numBounds.Minimum == "" && numBounds.Maximum == "" && numBounds.ExclusiveMinimum == "" && numBounds.ExclusiveMaximum == "" {
			return
		}
		if zeroWithin(numBounds) {
			prop.Minimum, prop.Maximum = numBounds.Minimum, numBounds.Maximum
			prop.ExclusiveMinimum, prop.ExclusiveMaximum = numBounds.ExclusiveMinimum, numBounds.ExclusiveMaximum
			return
		}
		prop.AnyOf = append(prop.AnyOf, &jsonschema.Schema{Const: json.Number("0")}, numBounds)
	}()
	target := prop
	if target.Ref != "" {
		target = g.resolve(prop)
	}
	for _, rule := range splitRules(here) {
		key, param, _ := strings.Cut(rule, "=")
		switch key {
		case "omitempty":
			omitEmpty = true
		case "", "dive":
		case "required":
			required = true
		case "min", "gte", "max", "lte", "gt", "lt", "len":
			to := prop
			if omitEmpty && zeroable(t) {
				to = numBounds
			}
			if err := bound(t, to, key, param); err != nil {
				return false, fmt.Errorf("schemagen: %s: %w", where, err)
			}
		case "oneof":
			if omitEmpty && t.Kind() == reflect.String {
				// Go skips the check for "", so "format": "" passes.
				prop.Enum = append(prop.Enum, "")
			}
			for _, v := range strings.Fields(param) {
				prop.Enum = append(prop.Enum, v)
			}
		case "enum":
			if prop.Enum == nil && target.Enum == nil {
				return false, fmt.Errorf("schemagen: %s: enum tag on a type without Values()", where)
			}
		case "unique":
			if param == "" && t.Kind() == reflect.Slice {
				prop.UniqueItems = true
			} // unique=Field on objects has no schema form: a Go-only rule
		default:
			r, ok := validation.Lookup(key)
			if !ok {
				continue // a Go-only rule
			}
			applyExtra(prop, r.Schema)
		}
	}
	switch t.Kind() {
	case reflect.Struct:
		if t != dateType {
			if err := g.object(t, target); err != nil {
				return false, err
			}
		}
	case reflect.Slice, reflect.Array:
		items := prop.Items
		if items == nil {
			items = g.resolve(prop).Items
		}
		if items != nil {
			if _, err := g.field(t.Elem(), items, diveTag(dive, rest), where+"[]"); err != nil {
				return false, err
			}
		}
	case reflect.Map:
		if ap := prop.AdditionalProperties; ap != nil {
			if _, err := g.field(t.Elem(), ap, diveTag(dive, rest), where+"{}"); err != nil {
				return false, err
			}
		}
	}
	return required, nil
}

func diveTag(dive bool, rest string) string {
	if !dive {
		return ""
	}
	return rest
}

// splitRules splits a tag chain on commas, keeping "oneof=a b" whole. Rules
// joined by "|" (either-or) have no single schema form and are skipped.
func splitRules(tag string) []string {
	var out []string
	for r := range strings.SplitSeq(tag, ",") {
		if strings.Contains(r, "|") {
			continue
		}
		out = append(out, r)
	}
	return out
}

func bound(t reflect.Type, s *jsonschema.Schema, key, param string) error {
	switch t.Kind() {
	case reflect.String:
		n, err := strconv.ParseUint(param, 10, 64)
		if err != nil {
			return fmt.Errorf("length bound %q: %w", param, err)
		}
		switch key {
		case "min", "gte":
			s.MinLength = &n
		case "max", "lte":
			s.MaxLength = &n
		case "len":
			s.MinLength, s.MaxLength = &n, &n
		case "gt":
			m := n + 1
			s.MinLength = &m
		case "lt":
			if n > 0 {
				m := n - 1
				s.MaxLength = &m
			}
		}
	case reflect.Slice, reflect.Array, reflect.Map:
		n, err := strconv.ParseUint(param, 10, 64)
		if err != nil {
			return fmt.Errorf("size bound %q: %w", param, err)
		}
		lo, hi := &s.MinItems, &s.MaxItems
		if t.Kind() == reflect.Map {
			lo, hi = &s.MinProperties, &s.MaxProperties
		}
		switch key {
		case "min", "gte":
			*lo = &n
		case "max", "lte":
			*hi = &n
		case "len":
			*lo, *hi = &n, &n
		case "gt":
			m := n + 1
			*lo = &m
		case "lt":
			if n > 0 {
				m := n - 1
				*hi = &m
			}
		}
	default:
		if _, err := strconv.ParseFloat(param, 64); err != nil {
			return fmt.Errorf("numeric bound %q: %w", param, err)
		}
		num := json.Number(param)
		switch key {
		case "min", "gte":
			s.Minimum = num
		case "max", "lte":
			s.Maximum = num
		case "gt":
			s.ExclusiveMinimum = num
		case "lt":
			s.ExclusiveMaximum = num
		case "len":
			s.Minimum, s.Maximum = num, num
		}
	}
	return nil
}

func applyExtra(s *jsonschema.Schema, kw map[string]any) {
	for k, v := range kw {
		switch k {
		case "pattern":
			s.Pattern = v.(string)
		case "format":
			s.Format = v.(string)
		default:
			if s.Extras == nil {
				s.Extras = map[string]any{}
			}
			s.Extras[k] = v
		}
	}
}
