package validation_test

import (
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dayone-go/mechanisms/barraiser"
	"github.com/dayone-go/mechanisms/decision"
	"github.com/dayone-go/mechanisms/examples/templates"
	"github.com/dayone-go/mechanisms/flywheel"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
	"github.com/dayone-go/mechanisms/prfaq"
	"github.com/dayone-go/mechanisms/wbr"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// parser reads one kind of document; any is a pointer to a struct.
type parser struct {
	pkg   string // the package folder whose testdata it reads
	md    bool   // reads Markdown rather than YAML or JSON
	parse func([]byte) (any, error)
}

func adapt[T any](parse func([]byte) (*T, error)) func([]byte) (any, error) {
	return func(data []byte) (any, error) {
		doc, err := parse(data)
		if err != nil {
			return nil, err
		}
		return doc, nil
	}
}

var parsers = []parser{
	{"decision", false, adapt(decision.Parse)},
	{"decision", false, adapt(decision.ParsePolicy)},
	{"decision", true, adapt(decision.ParseMarkdown)},
	{"prfaq", false, adapt(prfaq.Parse)},
	{"prfaq", true, adapt(prfaq.ParseMarkdown)},
	{"barraiser", false, adapt(barraiser.Parse)},
	{"wbr", false, adapt(wbr.Parse)},
	{"flywheel", false, adapt(flywheel.Parse)},
}

// documentTypes are the types the mechanism packages hand to
// validation.Struct.
var documentTypes = []reflect.Type{
	reflect.TypeFor[decision.Decision](),
	reflect.TypeFor[decision.Policy](),
	reflect.TypeFor[prfaq.PRFAQ](),
	reflect.TypeFor[barraiser.Loop](),
	reflect.TypeFor[wbr.Deck](),
	reflect.TypeFor[flywheel.Flywheel](),
}

// TestDocumentTypesCompile: every document type runs on a compiled plan;
// none falls back to the reference validator.
func TestDocumentTypesCompile(t *testing.T) {
	for _, typ := range documentTypes {
		assert.NoError(t, validation.Compiled(typ), "%s", typ)
	}
}

// sample is one parsed document, where it came from and what read it.
type sample struct {
	name   string
	data   []byte
	parser int
	doc    any
}

// corpus parses every template and every testdata file each parser
// accepts.
func corpus(t testing.TB) []sample {
	var out []sample
	add := func(name string, data []byte, md bool, pkg string) {
		for i, p := range parsers {
			if p.md != md || pkg != "" && p.pkg != pkg {
				continue
			}
			if doc, err := p.parse(data); err == nil {
				out = append(out, sample{name, data, i, doc})
			}
		}
	}
	entries, err := fs.ReadDir(templates.FS, ".")
	require.NoError(t, err)
	for _, e := range entries {
		data, err := fs.ReadFile(templates.FS, e.Name())
		require.NoError(t, err)
		add("templates/"+e.Name(), data, strings.HasSuffix(e.Name(), ".md"), "")
	}
	for _, pkg := range []string{"decision", "prfaq", "barraiser", "wbr", "flywheel"} {
		root := filepath.Join("..", "..", pkg, "testdata")
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			ext := filepath.Ext(path)
			if ext != ".yaml" && ext != ".yml" && ext != ".json" && ext != ".md" {
				return nil
			}
			data, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			add(path, data, ext == ".md", pkg)
			return nil
		})
		require.NoError(t, err)
	}
	return out
}

// same asserts that Struct and Reference agree on doc, a pointer to a
// struct.
func same(t testing.TB, doc any, what string) bool {
	t.Helper()
	return assert.Equal(t, validation.Reference(doc), validation.Struct(doc), what)
}

// sameByValue is same, and then on the struct itself, whose fields
// cannot be addressed.
func sameByValue(t testing.TB, doc any, what string) bool {
	t.Helper()
	if !same(t, doc, what) {
		return false
	}
	v := reflect.ValueOf(doc).Elem().Interface()
	return assert.Equal(t, validation.Reference(v), validation.Struct(v), what+" (by value)")
}

// TestStructMatchesReference runs both engines on every template and
// testdata document, then on mutations of each: every field and list
// entry changed, one at a time, in the ways tags catch, and then several
// at once.
func TestStructMatchesReference(t *testing.T) {
	docs := corpus(t)
	require.Greater(t, len(docs), 50)
	if testing.Short() || raceEnabled {
		// A sample, the templates among it: the race detector makes the
		// whole sweep take minutes.
		var some []sample
		for i, s := range docs {
			if i%5 == 0 || strings.HasPrefix(s.name, "templates/") {
				some = append(some, s)
			}
		}
		docs = some
	}
	failures, mutations := 0, 0
	for _, s := range docs {
		sameByValue(t, s.doc, s.name)
		sites := sitesOf(reflect.ValueOf(s.doc).Elem())
		for _, site := range sites {
			for _, m := range mutationsOf(site.Type()) {
				undo := apply(site, m)
				mutations++
				if !same(t, s.doc, s.name+": "+m.name+" at "+site.Type().String()) {
					failures++
				}
				undo()
				if failures > 10 {
					t.Fatal("too many differences")
				}
			}
		}
		r := rand.New(rand.NewPCG(uint64(len(sites)), 14))
		for range 60 {
			mutations++
			if !mutateMany(t, r, s.doc, sites, 2+r.IntN(6), s.name) {
				failures++
			}
		}
	}
	t.Logf("%d documents, %d mutations", len(docs), mutations)
}

// mutateMany applies n random mutations at random sites of doc, compares
// the engines and undoes them.
func mutateMany(t testing.TB, r *rand.Rand, doc any, sites []reflect.Value, n int, name string) bool {
	if len(sites) == 0 {
		return sameByValue(t, doc, name)
	}
	var undos []func()
	var what []string
	for range n {
		site := sites[r.IntN(len(sites))]
		ms := mutationsOf(site.Type())
		if len(ms) == 0 {
			continue
		}
		m := ms[r.IntN(len(ms))]
		undos = append(undos, apply(site, m))
		what = append(what, m.name)
	}
	ok := sameByValue(t, doc, name+": "+strings.Join(what, ", "))
	for i := len(undos) - 1; i >= 0; i-- {
		undos[i]()
	}
	return ok
}

// sitesOf lists the settable values inside v: fields, pointed-to values
// and list entries, parents before children.
func sitesOf(v reflect.Value) []reflect.Value {
	var out []reflect.Value
	var walk func(v reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if !v.IsNil() {
				walk(v.Elem())
			}
		case reflect.Struct:
			for i := range v.NumField() {
				f := v.Field(i)
				if !f.CanSet() {
					continue
				}
				out = append(out, f)
				walk(f)
			}
		case reflect.Slice, reflect.Array:
			for i := range v.Len() {
				out = append(out, v.Index(i))
				walk(v.Index(i))
			}
		}
	}
	walk(v)
	return out
}

// mutation is a change of one value; set returns the new value from the
// old.
type mutation struct {
	name string
	set  func(old reflect.Value) reflect.Value
}

func with[T any](name string, x T) mutation {
	return mutation{name, func(old reflect.Value) reflect.Value {
		v := reflect.New(old.Type()).Elem()
		v.Set(reflect.ValueOf(x).Convert(old.Type()))
		return v
	}}
}

// mutationsOf lists the changes tried on a value of type t: blank,
// over-long and unknown strings, numbers at and beyond the bounds tags
// use, nil and fresh pointers, and lists emptied, grown, shrunk and with
// an entry repeated.
func mutationsOf(t reflect.Type) []mutation {
	var ms []mutation
	switch t.Kind() {
	case reflect.String:
		for _, s := range []string{"", " ", "\t\n", "x", "bogus", "markdown", "USD", "P30D", "a-b", "What?",
			strings.Repeat("x", 65), strings.Repeat("é", 101), strings.Repeat("x", 201), strings.Repeat("ü", 2001),
			strings.Repeat("y", 5001), strings.Repeat("z", 20001)} {
			ms = append(ms, with("string "+trim(s), s))
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		for _, n := range []int64{0, -1, 1, 4, 5, 6, 25, 26, 50, 51, 99, 100, 1000, 1001, math.MaxInt32} {
			if reflect.Zero(t).OverflowInt(n) {
				continue
			}
			ms = append(ms, with("int", n))
		}
	case reflect.Float32, reflect.Float64:
		for _, x := range []float64{0, math.Copysign(0, -1), -1, 0.5, 1, 1.5, 4, 4.5, 1000, 1001, math.NaN(), math.Inf(1), math.Inf(-1)} {
			ms = append(ms, with("float", x))
		}
	case reflect.Bool:
		ms = append(ms, mutation{"flip", func(old reflect.Value) reflect.Value {
			v := reflect.New(t).Elem()
			v.SetBool(!old.Bool())
			return v
		}})
	case reflect.Pointer:
		ms = append(ms,
			mutation{"nil", func(reflect.Value) reflect.Value { return reflect.Zero(t) }},
			mutation{"new", func(reflect.Value) reflect.Value { return reflect.New(t.Elem()) }})
	case reflect.Slice:
		ms = append(ms,
			mutation{"nil list", func(reflect.Value) reflect.Value { return reflect.Zero(t) }},
			mutation{"empty list", func(reflect.Value) reflect.Value { return reflect.MakeSlice(t, 0, 0) }},
			mutation{"zero entry added", func(old reflect.Value) reflect.Value {
				return reflect.Append(clone(old), reflect.Zero(t.Elem()))
			}},
			mutation{"first entry repeated", func(old reflect.Value) reflect.Value {
				if old.Len() == 0 {
					return old
				}
				return reflect.Append(clone(old), old.Index(0))
			}},
			mutation{"first entry dropped", func(old reflect.Value) reflect.Value {
				if old.Len() == 0 {
					return old
				}
				return old.Slice(1, old.Len())
			}},
			mutation{"huge list", func(old reflect.Value) reflect.Value {
				v := reflect.MakeSlice(t, 0, 2001)
				for i := range 2001 {
					if old.Len() > 0 {
						v = reflect.Append(v, old.Index(i%old.Len()))
					} else {
						v = reflect.Append(v, reflect.Zero(t.Elem()))
					}
				}
				return v
			}})
	case reflect.Struct:
		ms = append(ms, mutation{"zero struct", func(reflect.Value) reflect.Value { return reflect.Zero(t) }})
		if t == reflect.TypeFor[time.Time]() {
			ms = append(ms, with("a time", time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
		}
	}
	return ms
}

func trim(s string) string {
	if len(s) > 12 {
		return s[:6] + "…"
	}
	return s
}

func clone(s reflect.Value) reflect.Value {
	c := reflect.MakeSlice(s.Type(), s.Len(), s.Len()+1)
	reflect.Copy(c, s)
	return c
}

// apply sets site to m's change and returns what puts it back.
func apply(site reflect.Value, m mutation) func() {
	old := reflect.New(site.Type()).Elem()
	old.Set(site)
	site.Set(m.set(old))
	return func() { site.Set(old) }
}

// FuzzStructMatchesReference parses fuzzed documents of every kind and
// holds the two engines to the same problems on each, and on random
// mutations of it.
func FuzzStructMatchesReference(f *testing.F) {
	for _, s := range corpus(f) {
		f.Add(uint8(s.parser), s.data, uint64(len(s.data)))
	}
	f.Fuzz(func(t *testing.T, kind uint8, data []byte, seed uint64) {
		p := parsers[int(kind)%len(parsers)]
		doc, err := p.parse(data)
		if err != nil {
			return
		}
		sameByValue(t, doc, "fuzzed")
		sites := sitesOf(reflect.ValueOf(doc).Elem())
		r := rand.New(rand.NewPCG(seed, 14))
		for range 4 {
			mutateMany(t, r, doc, sites, 1+r.IntN(4), "fuzzed")
		}
	})
}

// TestValidTemplatesAllocateNothing: checking a valid document allocates
// nothing; the plan is compiled once and walks the values in place.
func TestValidTemplatesAllocateNothing(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops its walkers under the race detector")
	}
	entries, err := fs.ReadDir(templates.FS, ".")
	require.NoError(t, err)
	checked := 0
	for _, e := range entries {
		data, err := fs.ReadFile(templates.FS, e.Name())
		require.NoError(t, err)
		for _, p := range parsers {
			doc, err := p.parse(data)
			if err != nil || validation.Struct(doc) != nil {
				continue
			}
			checked++
			allocs := testing.AllocsPerRun(20, func() { validation.Struct(doc) })
			assert.Zero(t, allocs, "%s", e.Name())
		}
	}
	assert.GreaterOrEqual(t, checked, 6)
}

// BenchmarkStruct times the field rules alone on each template, with the
// compiled plan and with the reference validator.
func BenchmarkStruct(b *testing.B) {
	for _, name := range []string{"decision.yaml", "policy.yaml", "prfaq.yaml", "loop.yaml", "deck.yaml", "flywheel.yaml"} {
		data, err := fs.ReadFile(templates.FS, name)
		require.NoError(b, err)
		var doc any
		for _, p := range parsers {
			if d, err := p.parse(data); err == nil && !p.md {
				doc = d
				break
			}
		}
		require.NotNil(b, doc, name)
		kind := strings.TrimSuffix(name, ".yaml")
		for _, e := range []struct {
			name  string
			check func(any) problem.List
		}{{"compiled", validation.Struct}, {"reference", validation.Reference}} {
			check := e.check
			b.Run(kind+"/"+e.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if check(doc) != nil {
						b.Fatal("template invalid")
					}
				}
			})
		}
	}
}
