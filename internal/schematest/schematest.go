// Package schematest holds the test helpers that keep each package's Go
// validator and its committed JSON Schema in agreement, checked with an
// independent JSON Schema validator (santhosh-tekuri/jsonschema).
package schematest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Check parses and validates a document the way the package does: nil for a
// valid document.
type Check func(data []byte) error

// Compile compiles a schema with the independent validator, asserting
// formats so "date" is checked too.
func Compile(t testing.TB, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	require.NoError(t, err, "schema is not JSON")
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	require.NoError(t, c.AddResource("schema.json", doc))
	s, err := c.Compile("schema.json")
	require.NoError(t, err, "schema does not compile")
	return s
}

// CompileAny compiles a schema of any draft the validator knows, read from
// its $schema (draft-04 for SARIF 2.1.0, for instance).
func CompileAny(t testing.TB, schema []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	require.NoError(t, err, "schema is not JSON")
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource("schema.json", doc))
	s, err := c.Compile("schema.json")
	require.NoError(t, err, "schema does not compile")
	return s
}

// Instance turns a JSON or YAML document into what the schema validator reads.
func Instance(data []byte) (any, error) { return instance(data) }

// instance turns a JSON or YAML document into what the schema validator reads.
func instance(data []byte) (any, error) {
	v, err := strict.ToJSONValue(data, strict.Limits{})
	if err != nil {
		return nil, err
	}
	// Round-trip through JSON so numbers are json.Number, as the validator
	// prefers.
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return jsonschema.UnmarshalJSON(bytes.NewReader(b))
}

// goOnly marks an invalid testdata document whose rule the schema cannot
// state (a cross-field rule); the first line must carry it.
var goOnly = regexp.MustCompile(`^#\s*go-only\b`)

// UpToDate fails when the committed schema file at path differs from what
// the generator makes now, or from the embedded copy; with update it
// rewrites the file instead.
func UpToDate(t *testing.T, embedded []byte, v any, o schemagen.Options, path string, update bool) {
	t.Helper()
	got, err := schemagen.Generate(v, o)
	require.NoError(t, err)
	if update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	onDisk, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(got), string(onDisk), "%s is stale: run go generate ./...", path)
	assert.Equal(t, string(onDisk), string(embedded), "embedded schema differs from %s", path)
}

// Agree runs every document under dir/valid and dir/invalid through both the
// Go check and the schema. Valid documents must pass both. Invalid ones must
// fail the Go check, and fail the schema too unless their first line says
// "# go-only: <reason>".
func Agree(t *testing.T, schema []byte, dir string, check Check) {
	t.Helper()
	s := Compile(t, schema)
	valid, _ := filepath.Glob(filepath.Join(dir, "valid", "*"))
	invalid, _ := filepath.Glob(filepath.Join(dir, "invalid", "*"))
	require.NotEmpty(t, valid, "no documents in %s/valid", dir)
	require.NotEmpty(t, invalid, "no documents in %s/invalid", dir)
	for _, f := range valid {
		t.Run("valid/"+filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			assert.NoError(t, check(data), "Go refuses a valid document")
			inst, err := instance(data)
			require.NoError(t, err)
			assert.NoError(t, s.Validate(inst), "schema refuses a valid document")
		})
	}
	for _, f := range invalid {
		t.Run("invalid/"+filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			assert.Error(t, check(data), "Go accepts an invalid document")
			if goOnly.Match(data) {
				return
			}
			inst, err := instance(data)
			if err != nil {
				return // refused before any schema could see it: syntax, size
			}
			assert.Error(t, s.Validate(inst), "schema accepts an invalid document; mark it '# go-only: why' if the schema cannot say this rule")
		})
	}
}

// Mutation is a template with one thing broken.
type Mutation struct {
	Name string
	Doc  any
}

// Mutations derives broken documents from a valid one, guided by the schema:
// each required key removed in turn, an unknown value in each enum, an
// unknown key added at every object, and each numeric, length and size bound
// the schema states broken on both sides.
func Mutations(t testing.TB, schema []byte, doc []byte) []Mutation {
	t.Helper()
	var root map[string]any
	require.NoError(t, json.Unmarshal(schema, &root))
	v, err := strict.ToJSONValue(doc, strict.Limits{})
	require.NoError(t, err)
	m := &mutator{root: root, doc: v}
	m.walk(root, v, "", nil)
	sort.SliceStable(m.out, func(i, j int) bool { return m.out[i].Name < m.out[j].Name })
	return m.out
}

// MutationsRefused checks that the template passes both the Go check and the
// schema, and that every mutation of it fails both.
func MutationsRefused(t *testing.T, schema, template []byte, check Check) {
	t.Helper()
	s := Compile(t, schema)
	require.NoError(t, check(template), "Go refuses the template")
	inst, err := instance(template)
	require.NoError(t, err)
	require.NoError(t, s.Validate(inst), "schema refuses the template")
	muts := Mutations(t, schema, template)
	require.NotEmpty(t, muts)
	for _, mu := range muts {
		b, err := json.Marshal(mu.Doc)
		require.NoError(t, err)
		inst, err := instance(b)
		require.NoError(t, err)
		assert.Error(t, s.Validate(inst), "schema accepts mutation %s", mu.Name)
		assert.Error(t, check(b), "Go accepts mutation %s", mu.Name)
	}
}

type mutator struct {
	root map[string]any
	doc  any
	out  []Mutation
}

func (m *mutator) resolve(s map[string]any) map[string]any {
	for i := 0; i < 16; i++ {
		ref, ok := s["$ref"].(string)
		if !ok {
			return s
		}
		defs, _ := m.root["$defs"].(map[string]any)
		next, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		if !ok {
			return s
		}
		merged := map[string]any{}
		for k, v := range next {
			merged[k] = v
		}
		for k, v := range s { // keywords beside $ref apply too
			if k != "$ref" {
				merged[k] = v
			}
		}
		s = merged
	}
	return s
}

func (m *mutator) add(name, ptr string, set func(parent any, key string) any) {
	cp := deepCopy(m.doc)
	if ptr == "" {
		m.out = append(m.out, Mutation{Name: name, Doc: set(nil, "")})
		return
	}
	i := strings.LastIndexByte(ptr, '/')
	parent := lookup(cp, ptr[:i])
	key := unescape(ptr[i+1:])
	switch p := parent.(type) {
	case map[string]any:
		if v := set(p, key); v != nil {
			p[key] = v
		}
	case []any:
		idx, _ := strconv.Atoi(key)
		if v := set(p, key); v != nil {
			p[idx] = v
		}
	}
	m.out = append(m.out, Mutation{Name: name, Doc: cp})
}

// addAt replaces the value at ptr.
func (m *mutator) addAt(name, ptr string, v any) {
	if ptr == "" {
		m.out = append(m.out, Mutation{Name: name, Doc: v})
		return
	}
	m.add(name, ptr, func(any, string) any { return v })
}

// branches returns the then or else of each if in s's allOf that applies
// to x: the constraints a conditional adds at this place (generated ifs test
// required keys and const values only).
func (m *mutator) branches(s map[string]any, x map[string]any) []map[string]any {
	all, _ := s["allOf"].([]any)
	var out []map[string]any
	for _, a := range all {
		c, _ := a.(map[string]any)
		cond, ok := c["if"].(map[string]any)
		if !ok {
			continue
		}
		branch := "then"
		if !matches(cond, x) {
			branch = "else"
		}
		if b, ok := c[branch].(map[string]any); ok {
			out = append(out, b)
		}
	}
	return out
}

func matches(cond, x map[string]any) bool {
	req, _ := cond["required"].([]any)
	for _, r := range req {
		if _, ok := x[r.(string)]; !ok {
			return false
		}
	}
	props, _ := cond["properties"].(map[string]any)
	for k, p := range props {
		want, ok := p.(map[string]any)["const"]
		if got, has := x[k]; ok && has && fmt.Sprint(got) != fmt.Sprint(want) {
			return false
		}
	}
	return true
}

// keyword returns a keyword of s, or of the first conditional branch that
// applies at the same place and states it.
func keyword(s map[string]any, extra []map[string]any, k string) any {
	if v, ok := s[k]; ok {
		return v
	}
	for _, e := range extra {
		if v, ok := e[k]; ok {
			return v
		}
	}
	return nil
}

// below gives what the conditional branches say at key k of each (under
// "properties"), or at their items when k is "".
func below(extra []map[string]any, k string) []map[string]any {
	var out []map[string]any
	for _, e := range extra {
		var sub any
		if k == "" {
			sub = e["items"]
		} else if props, ok := e["properties"].(map[string]any); ok {
			sub = props[k]
		}
		if sm, ok := sub.(map[string]any); ok {
			out = append(out, sm)
		}
	}
	return out
}

// walk derives the mutations of the value v at ptr under schema s; extra
// holds the branches of conditionals on an enclosing object that apply here.
func (m *mutator) walk(s map[string]any, v any, ptr string, extra []map[string]any) {
	s = m.resolve(s)
	at := ptr
	if at == "" {
		at = "/"
	}
	switch x := v.(type) {
	case map[string]any:
		props, _ := s["properties"].(map[string]any)
		if props == nil {
			return
		}
		extra = append(extra, m.branches(s, x)...)
		req, _ := s["required"].([]any)
		for _, e := range extra {
			more, _ := e["required"].([]any)
			req = append(req, more...)
		}
		for _, r := range req {
			key := r.(string)
			if _, ok := x[key]; !ok {
				continue
			}
			kp := ptr + "/" + escape(key)
			m.add("remove required "+kp, kp, func(parent any, k string) any {
				delete(parent.(map[string]any), k)
				return nil
			})
		}
		if ap, ok := s["additionalProperties"].(bool); ok && !ap {
			cp := deepCopy(x).(map[string]any)
			cp["zzUnknownKey"] = "x"
			m.addAt("unknown key at "+at, ptr, cp)
		}
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if ps, ok := props[k].(map[string]any); ok {
				m.walk(ps, x[k], ptr+"/"+escape(k), below(extra, k))
			}
		}
	case []any:
		if n, ok := num(s["minItems"]); ok && n > 0 {
			m.addAt(fmt.Sprintf("below minItems at %s", at), ptr, x[:int(n)-1])
		}
		if n, ok := num(keyword(s, extra, "maxItems")); ok && len(x) > 0 && n < 1000 {
			long := make([]any, int(n)+1)
			for i := range long {
				long[i] = deepCopy(x[i%len(x)])
			}
			m.addAt(fmt.Sprintf("above maxItems at %s", at), ptr, long)
		}
		if items, ok := s["items"].(map[string]any); ok {
			for i, it := range x {
				m.walk(items, it, ptr+"/"+strconv.Itoa(i), below(extra, ""))
			}
		}
	case string:
		if en, ok := s["enum"].([]any); ok && len(en) > 0 {
			m.addAt("unknown enum value at "+at, ptr, "zz-not-a-value")
		}
		if n, ok := num(s["minLength"]); ok && n > 0 {
			m.addAt("below minLength at "+at, ptr, strings.Repeat("a", int(n)-1))
		}
		if n, ok := num(keyword(s, extra, "maxLength")); ok && n < 1e6 {
			m.addAt("above maxLength at "+at, ptr, strings.Repeat("a", int(n)+1))
		}
		if p, ok := s["pattern"].(string); ok {
			bad := "!not matching!"
			if re, err := regexp.Compile(p); err == nil && !re.MatchString(bad) {
				m.addAt("pattern broken at "+at, ptr, bad)
			}
		}
	case float64:
		// Bounds Go skips for 0 (omitempty) sit in anyOf beside const 0.
		if alts, ok := s["anyOf"].([]any); ok && len(alts) == 2 {
			if z, ok := alts[0].(map[string]any); ok && fmt.Sprint(z["const"]) == "0" {
				if b, ok := alts[1].(map[string]any); ok {
					merged := map[string]any{"type": s["type"]}
					for k, v := range b {
						merged[k] = v
					}
					s = merged
				}
			}
		}
		step := 0.5
		if s["type"] == "integer" {
			step = 1
		}
		if n, ok := num(s["minimum"]); ok {
			m.addAt("below minimum at "+at, ptr, n-step)
		}
		if n, ok := num(s["maximum"]); ok {
			m.addAt("above maximum at "+at, ptr, n+step)
		}
		if n, ok := num(s["exclusiveMinimum"]); ok {
			m.addAt("at exclusiveMinimum at "+at, ptr, n)
		}
		if n, ok := num(s["exclusiveMaximum"]); ok {
			m.addAt("at exclusiveMaximum at "+at, ptr, n)
		}
	}
}

func num(v any) (float64, bool) {
	switch n := v.(type) {
	case float64:
		return n, true
	case json.Number:
		f, err := n.Float64()
		return f, err == nil
	}
	return 0, false
}

func deepCopy(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = deepCopy(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = deepCopy(e)
		}
		return out
	}
	return v
}

func lookup(v any, ptr string) any {
	if ptr == "" {
		return v
	}
	for _, tok := range strings.Split(ptr[1:], "/") {
		tok = unescape(tok)
		switch x := v.(type) {
		case map[string]any:
			v = x[tok]
		case []any:
			i, _ := strconv.Atoi(tok)
			v = x[i]
		}
	}
	return v
}

func escape(s string) string   { return strings.NewReplacer("~", "~0", "/", "~1").Replace(s) }
func unescape(s string) string { return strings.NewReplacer("~1", "/", "~0", "~").Replace(s) }

// CorpusEntry is one document of a parity corpus, as .ci/ajv-check.mjs
// reads it from manifest.json: ajv's verdict on the file under the schema
// must match GoValid (or, for a GoOnly rule, may pass where Go refuses).
type CorpusEntry struct {
	Kind    string `json:"kind"`
	Name    string `json:"name"`
	Schema  string `json:"schema"` // the schema's path from the repository root
	File    string `json:"file"`
	GoValid bool   `json:"goValid"`
	GoOnly  bool   `json:"goOnly"`
}

// Corpus collects documents with the Go validator's verdicts for ajv; with
// Dir set, Add writes each document there as JSON and Write the manifest.
type Corpus struct {
	Dir     string
	Entries []CorpusEntry
}

// Add records a document, already JSON, with its verdict.
func (c *Corpus) Add(t testing.TB, e CorpusEntry, doc []byte) {
	t.Helper()
	e.File = fmt.Sprintf("%05d.json", len(c.Entries)+1)
	c.Entries = append(c.Entries, e)
	if c.Dir != "" {
		require.NoError(t, os.WriteFile(filepath.Join(c.Dir, e.File), doc, 0o644))
	}
}

// Write writes manifest.json into Dir, if set.
func (c *Corpus) Write(t testing.TB) {
	t.Helper()
	if c.Dir == "" {
		return
	}
	b, err := json.MarshalIndent(c.Entries, "", "  ")
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(c.Dir, "manifest.json"), b, 0o644))
}

// MutationsAgree checks each document in files (JSON) and every mutation
// of it the schema guides (each required key removed, an unknown enum value
// or key, each bound broken) with both the Go check and the schema, and
// requires the two to agree on every one; it records them all in c (kind
// and schemaPath name them for ajv) and returns how many it checked. A
// package uses it for documents whose validity depends on a conditional
// part of its schema, such as those read from Markdown.
func MutationsAgree(t *testing.T, schema []byte, files []string, check Check, c *Corpus, kind, schemaPath string) int {
	t.Helper()
	require.NotEmpty(t, files)
	s := Compile(t, schema)
	n := 0
	add := func(name string, b []byte) {
		inst, err := Instance(b)
		require.NoError(t, err)
		goErr, schemaErr := check(b), s.Validate(inst)
		assert.Equal(t, goErr == nil, schemaErr == nil, "%s: Go says %v, the schema %v", name, goErr, schemaErr)
		c.Add(t, CorpusEntry{Kind: kind, Name: name, Schema: schemaPath, GoValid: goErr == nil}, b)
		n++
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		add(f, data)
		for _, mu := range Mutations(t, schema, data) {
			b, err := json.Marshal(mu.Doc)
			require.NoError(t, err)
			add(f+", mutation: "+mu.Name, b)
		}
	}
	return n
}
