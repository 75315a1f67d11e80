package strict

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// yamlFiles are the YAML documents of the repository: the templates and
// every testdata file, valid and invalid.
func yamlFiles(t testing.TB) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir("../..", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if ext := filepath.Ext(p); !d.IsDir() && (ext == ".yaml" || ext == ".yml") &&
			(strings.Contains(p, "testdata") || strings.Contains(p, "templates")) {
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			files[p] = data
		}
		return nil
	})
	require.NoError(t, err)
	require.NotEmpty(t, files)
	return files
}

// readYAMLBoth reads data with the fast reader allowed and with the library
// alone, as parse would (data must be valid UTF-8 and not JSON), and
// reports how the two results differ, or "" when they are the same; fast
// says whether the fast reader took the input.
func readYAMLBoth(data []byte, lim Limits) (diff string, fast bool) {
	lim = lim.withDefaults()
	newBuilder := func() *builder {
		b := &builder{lim: lim}
		b.arena.sizeFor(len(data))
		return b
	}
	fb, lb := newBuilder(), newBuilder()
	froot, ferr := fb.readYAML(data, true)
	lroot, lerr := lb.readYAML(data, false)
	if fmt.Sprint(ferr) != fmt.Sprint(lerr) {
		return fmt.Sprintf("errors differ: %v, library %v", ferr, lerr), false
	}
	if fmt.Sprint(fb.probs.list) != fmt.Sprint(lb.probs.list) {
		return fmt.Sprintf("problems differ: %v, library %v", fb.probs.list, lb.probs.list), false
	}
	if ferr != nil {
		return "", false
	}
	vb := newBuilder()
	probe, ok := vb.fastYAML(mustVersion(data))
	if d := treeDiff(froot, lroot, "/"); d != "" {
		return d, ok
	}
	if ok {
		if d := treeDiff(probe, lroot, "/"); d != "" {
			return "fast reader alone: " + d, ok
		}
	}
	return "", ok
}

func mustVersion(data []byte) []byte {
	v, err := yamlVersion(data)
	if err != nil {
		return nil
	}
	return v
}

// treeDiff describes the first difference between two trees: kinds,
// values, key order, and the line and column of every value and key.
func treeDiff(a, b *node, at string) string {
	if a.kind != b.kind || a.line != b.line || a.col != b.col {
		return fmt.Sprintf("%s: %v at %d:%d, library %v at %d:%d", at, a.kind, a.line, a.col, b.kind, b.line, b.col)
	}
	if a.b != b.b || a.text != b.text || a.num != b.num && !(a.num != a.num && b.num != b.num) {
		return fmt.Sprintf("%s: value %v %q %v, library %v %q %v", at, a.b, a.text, a.num, b.b, b.text, b.num)
	}
	if len(a.kids) != len(b.kids) || len(a.keys) != len(b.keys) {
		return fmt.Sprintf("%s: %d children and %d keys, library %d and %d", at, len(a.kids), len(a.keys), len(b.kids), len(b.keys))
	}
	for i := range a.keys {
		if a.keys[i] != b.keys[i] {
			return fmt.Sprintf("%s: key %d %+v, library %+v", at, i, a.keys[i], b.keys[i])
		}
	}
	for i := range a.kids {
		if d := treeDiff(&a.kids[i], &b.kids[i], fmt.Sprintf("%s%d/", at, i)); d != "" {
			return d
		}
	}
	return ""
}

// TestYAMLFastReadsTheRepositorysDocuments checks that the fast reader
// takes every template and valid document (so the fast path is what
// users get), and reads every YAML file of the repository as the library
// path does.
func TestYAMLFastReadsTheRepositorysDocuments(t *testing.T) {
	for name, data := range yamlFiles(t) {
		data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
		diff, fast := readYAMLBoth(data, Limits{})
		assert.Empty(t, diff, name)
		if strings.Contains(name, "templates") || strings.Contains(name, "/valid/") {
			assert.True(t, fast, "the fast reader gave up on %s", name)
		}
	}
}

// yamlEdges are inputs at the edges of what the fast reader takes: each
// must read as the library path reads it, whichever path takes it.
var yamlEdges = []string{
	"- # c\n  a: 1\n", "a: # c\n  - x\n", "a: |\n  x\n # c\n  y\n", "a: >\n  x\n    y\n  z\n\n  w\n", "a: |\n    x\n  y\n",
	"a: |\n\n   \n  x\n", "a: |\n     \n  x\n", "a: >+\n  x\n\n\nb: 1\n", "a: |-\n  x\n\n", "- |\n x\n- >\n y\n", "- a: |\n   x\n  b: 2\n",
	"a: \"x\\/\\0\\t\\r\\b\\f\\n\\\"\\\\\"\n", "a: \"\\x41\\ud800\"\n", "a: \"\\u0000\\uFFFF\\uFEFF\\u0085\"\n", "a: 'x'y\n", "a: \"x\" # c\n",
	"a: [a b , c]\n", "a: {a: b, c: d}\n", "a: [-1, -x]\n", "a:b: c\n", "http://x: y\n", "a: b:c\n", "a: -\n", "a: - b\n", "-a: 1\n",
	"a: 'x' : y\n", "- 'a': 1\n  b: 2\n", "- \"a\": b\n", "a:\n  -\n  - x\n", "- - - x\n    - y\n  - z\n", "a: 1 # x: y\n",
	"a: x #y\nb: y#z\n", "a : 1\n", "a:    \n\n   \nb: 2", "a: 你好\n你: 好\n", "a: [1, 2,]\n", "a: {x: }\n", "a: {x}\n",
	"a: [x]y\n", "a: [x] # c\n", "a: 1\n...\n", "a: |\n  x\n...\n", "a: >\n  x\n\n\n  y\n", "a: >\n   x\n  y\n",
	"a: >-\n  a\n   b\n  c\n", "a: |\n  x\n\n  \n", "a: '   '\n", "x: 0.5\ny: -0\nz: 1_000\n", "x: 1.\ny: +1\n",
	"a: [\"x\": y]\n", "a: {\"x\": [1, {y: z}]}\n", "a: ['it''s', \"\\u00e9\"]\n", "- [a, b]: c\n", "a: true\nb: yes\nc: on\nd: Null\n",
}

// TestYAMLFastEdges reads yamlEdges both ways.
func TestYAMLFastEdges(t *testing.T) {
	for _, s := range yamlEdges {
		diff, _ := readYAMLBoth([]byte(s), Limits{})
		assert.Empty(t, diff, "%q", s)
	}
}

// TestYAMLFast checks small inputs one construct at a time: whether the
// fast reader takes it, and that the result is the library path's.
func TestYAMLFast(t *testing.T) {
	for _, tc := range []struct {
		in   string
		fast bool
	}{
		{"a: 1\nb: x\n", true},
		{"a: 1\nb: x", true},
		{"  a: 1\n  b: x\n", true},
		{"a:\n  b: 1\n  c:\n    - x\n    - y\nd: 2\n", true},
		{"a:\n- x\n- y\nb: 2\n", true},
		{"- a\n- b: 1\n  c: 2\n- - x\n  - y\n-\n- \n", true},
		{"a:\nb: ~\nc: null\nd: true\ne: False\nf: -1.5e3\ng: 0\nh: 2026-11-20\ni: P14D\nj: 12:30\n", true},
		{"a: 'it''s'\nb: \"q\\\"\\n\\u00e9\"\nc: \"\"\n'd e': 1\n\"f\": 2\n", true},
		{"a: |\n  one\n  two\n\n  three\nb: >-\n  folded\n  text\n\n  para\n   more\n  end\nc: |+\n  keep\n\n\nd: >\n\n  lead\n", true},
		{"a: |\n  x\n", true},
		{"a: |-\n", true},
		{"a: [x, y z, 'q', \"r\", 1, 2026-10-17]\nb: []\nc: {p: 1, q: w}\nd: {}\n", true},
		{"- {period: week, end: 2026-10-17, value: 48000}\n", true},
		{"# c\na: b # c\n# d\n\nc: d#e\nf: 'x' # y\n", true},
		{"a: Tomás Ortega\nb: ü: x\n", false},
		{"a: b\n  c\n", false},       // a multi-line plain scalar
		{"a: \"b\n  c\"\n", false},   // a multi-line quoted scalar
		{"a: &x 1\nb: *x\n", false},  // anchors
		{"a: !!str 1\n", false},      // tags
		{"a: 1\na: 2\n", false},      // duplicates are reported by the library path
		{"---\na: 1\n", false},       // document markers
		{"a: 1\n---\nb: 2\n", false}, // a second document
		{"%YAML 1.2\n---\na: 1\n", false},
		{"a:\tb\n", false},          // tabs
		{"a: 1\r\nb: 2\r\n", false}, // carriage returns
		{"a: 0x1F\n", false},        // an integer in another base
		{"a: .inf\n", false},        // not finite
		{"a: 1e400\n", true},        // a string to the library
		{"a: [x, [y, {p: q}], {r: [s]}]\n", true},
		{"a: [x, [y]\n", false},
		{"a: [x,\n  y]\n", false},      // a flow collection over lines
		{"<<: {a: 1}\n", false},        // a merge key
		{"a: b: c\n", false},           // an error
		{"a:\n  b: 1\n c: 2\n", false}, // an error
		{"? a\n: b\n", false},
		{"a: |2\n   x\n", false},
		{"title\n", false},
		{"", false},
		{"# only a comment\n", false},
	} {
		diff, fast := readYAMLBoth([]byte(tc.in), Limits{})
		assert.Empty(t, diff, "%q", tc.in)
		assert.Equal(t, tc.fast, fast, "%q taken by the fast reader", tc.in)
	}
}

// TestEstimateBound checks the bound readYAML relies on to skip the
// estimate: at most 4 for each byte, even for the inputs built to count
// the most.
func TestEstimateBound(t *testing.T) {
	for _, s := range append(seeds(), "[[[[[[", "{{{{", "- [\n- [\n", "[a,a,a,a]", "a: [\n", "\n[\n[\n[") {
		n, _ := estimateYAML([]byte(s), 1<<30)
		assert.LessOrEqual(t, n, 4*len(s), "%q", s)
	}
}

// TestYAMLFastRecovers checks that a panic in the fast reader (here, a
// builder whose arena's pool makes nothing) leaves the input to the
// library path.
func TestYAMLFastRecovers(t *testing.T) {
	b := &builder{lim: Limits{}.withDefaults()}
	b.arena.nodes.pool = new(sync.Pool) // take panics on the nil it gives
	root, ok := b.fastYAML([]byte("a: [1]\n"))
	assert.False(t, ok)
	assert.Nil(t, root)
	assert.Zero(t, b.values)
}

// TestYAMLFastLimits checks that the fast reader gives up on an input over
// a limit, for the library path to refuse it exactly as before.
func TestYAMLFastLimits(t *testing.T) {
	doc := []byte("a:\n  b:\n    c: [1, 2, 3]\nd: x\n")
	for _, lim := range []Limits{{MaxDepth: 2}, {MaxDepth: 3}, {MaxItems: 2}, {MaxValues: 5}, {MaxValues: 7}} {
		diff, _ := readYAMLBoth(doc, lim)
		assert.Empty(t, diff, "%+v", lim)
		b := &builder{lim: lim.withDefaults()}
		_, err := b.readYAML(doc, true)
		assert.Error(t, err, "%+v", lim)
	}
	diff, fast := readYAMLBoth(doc, Limits{MaxDepth: 4, MaxItems: 3})
	assert.Empty(t, diff)
	assert.True(t, fast, "a document just within the limits")
}

// FuzzYAMLFast is the differential test of the fast reader: for any input,
// the tree (kinds, values, key order, positions), the problems and the
// error are those of the library path.
func FuzzYAMLFast(f *testing.F) {
	for _, data := range yamlFiles(f) {
		f.Add(data)
	}
	for _, s := range append(seeds(), yamlEdges...) {
		f.Add([]byte(s))
	}
	fastYAMLRecovers = false
	f.Cleanup(func() { fastYAMLRecovers = true })
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) || bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) {
			return
		}
		if t := bytes.TrimLeft(data, " \t\r\n"); len(t) == 0 || t[0] == '{' || t[0] == '[' {
			return // JSON, or empty: parse never hands these to the YAML reader
		}
		if n, _ := estimateYAML(data, 1<<30); n > 4*len(data) {
			t.Fatalf("estimate %d for %d bytes; readYAML skips it below a quarter of MaxValues", n, len(data))
		}
		lim := Limits{MaxBytes: 1 << 16, MaxValues: 1 << 14, MaxAliasValues: 1 << 12, MaxDepth: 16, MaxItems: 1 << 10}
		if diff, _ := readYAMLBoth(data, lim); diff != "" {
			t.Fatalf("%s\ninput %q", diff, data)
		}
	})
}

// TestYAMLFastGenerated reads documents built at random from the pieces
// the fast reader handles (and a few it gives up on), in many
// indentations, both ways: a fuzzer seldom mutates its way to a
// well-formed block scalar or a nested compact mapping, so this test makes
// them on purpose.
func TestYAMLFastGenerated(t *testing.T) {
	fastYAMLRecovers = false
	t.Cleanup(func() { fastYAMLRecovers = true })
	rng := rand.New(rand.NewPCG(14, 14))
	n := 3000
	if testing.Short() {
		n = 300
	}
	taken, valid := 0, 0
	for range n {
		var b strings.Builder
		genMapping(rng, &b, 0, 0, false)
		data := []byte(b.String())
		diff, fast := readYAMLBoth(data, Limits{})
		if diff != "" {
			t.Fatalf("%s\ninput %q", diff, data)
		}
		if fast {
			taken++
		}
		if _, err := (&builder{lim: Limits{}.withDefaults()}).readYAML(data, false); err == nil {
			valid++
		}
	}
	t.Logf("%d documents, %d valid, %d taken by the fast reader", n, valid, taken)
	assert.Greater(t, taken, valid/3, "the fast reader took too few of the generated documents")
}

var (
	genWords   = []string{"a", "id", "title", "x y", "Tomás", "$schema", "k-1", "true", "null", "1", "a:b", "a#b", "é", "yes", "on"}
	genScalars = []string{"x", "hello world", "Tomás Ortega", "1", "-2", "0", "3.25", "1e3", "-1.5E-2", "007", "0x1F", "1_000", "+1", ".5",
		"2026-11-20", "2026-11-20T10:00:00Z", "12:30", "P14D", "true", "False", "yes", "~", "null", "NULL", ".inf", "1e400",
		"'it''s'", "'a b'", `"q\"x\n"`, `"\u00e9\t"`, `""`, "''", "a: b", "- x", "x # c", "x#y", "<<", "&a x", "*a", "!!str x",
		"[a, b c, 1]", "[]", "{}", "{p: 1, q: [x, y]}", "[a, [b, {c: d}]]", "[a,]", "{a}", "%x", "@x", "`x", "?x", "-x", "a:", "a,b"}
	genBlankish = []string{"", "\n", "   \n", "# c\n", "  # c\n", "\n\n"}
)

func genIndent(rng *rand.Rand) int { return 1 + rng.IntN(3) }

// genMapping writes a block mapping of a few keys at indentation ind; the
// first key's indentation is already written in a compact mapping.
func genMapping(rng *rand.Rand, b *strings.Builder, ind, depth int, compact bool) {
	for i := range 1 + rng.IntN(4) {
		if i > 0 || !compact {
			b.WriteString(strings.Repeat(" ", ind))
		}
		k := genWords[rng.IntN(len(genWords))]
		if rng.IntN(8) == 0 {
			k = "'" + k + "'"
		}
		b.WriteString(k + fmt.Sprintf("%d:", i))
		genValue(rng, b, ind, depth, false)
		b.WriteString(genBlankish[rng.IntN(len(genBlankish))])
	}
}

// genValue writes the value after a key's colon or a dash, and its line
// break, for a collection at indentation ind.
func genValue(rng *rand.Rand, b *strings.Builder, ind, depth int, item bool) {
	switch r := rng.IntN(10); {
	case r < 4 || depth > 3:
		b.WriteString(" " + genScalars[rng.IntN(len(genScalars))])
		if rng.IntN(6) == 0 {
			b.WriteString(" # note")
		}
		b.WriteString("\n")
	case r < 6:
		chomp := []string{"", "-", "+"}[rng.IntN(3)]
		style := []string{"|", ">"}[rng.IntN(2)]
		b.WriteString(" " + style + chomp + "\n")
		in := ind + genIndent(rng)
		for range rng.IntN(5) {
			switch rng.IntN(6) {
			case 0:
				b.WriteString("\n")
			case 1:
				b.WriteString(strings.Repeat(" ", in+rng.IntN(3)) + "more indented\n")
			case 2:
				b.WriteString(strings.Repeat(" ", rng.IntN(in+2)) + "\n")
			default:
				b.WriteString(strings.Repeat(" ", in) + genScalars[rng.IntN(len(genScalars))] + "\n")
			}
		}
	case r < 8:
		in := ind + genIndent(rng)
		if !item && rng.IntN(3) == 0 {
			in = ind // an indentless sequence
		}
		b.WriteString(genBlankish[rng.IntN(2)] + "\n")
		for range 1 + rng.IntN(3) {
			b.WriteString(strings.Repeat(" ", in) + "-")
			if rng.IntN(3) == 0 {
				b.WriteString(" ")
				genMapping(rng, b, in+2, depth+1, true)
				continue
			}
			genValue(rng, b, in, depth+1, true)
		}
	case r < 9:
		b.WriteString("\n")
		genMapping(rng, b, ind+genIndent(rng), depth+1, false)
	default:
		b.WriteString("\n") // null
	}
}

// TestDocumentText checks that Text gives what decoding the key alone into
// a string field gives, which the review tool relied on before.
func TestDocumentText(t *testing.T) {
	for _, in := range []string{"$schema: x\n", "$schema: 5\n", "$schema: null\n", "$schema: [a]\n", "$schema: !!binary aGk=\n",
		"$schema: a\n$schema: b\n", `{"$schema": "x", "a": 1}`, "- a\n", "$schema: 'x'\nb: 1e400\n", "a: 1\n"} {
		d, err := ParseDocument([]byte(in), Limits{})
		require.NoError(t, err, in)
		var probe struct {
			Schema string `json:"$schema"`
		}
		_ = d.Decode(&probe)
		got, ok := d.Text("$schema")
		if !ok {
			got = ""
		}
		assert.Equal(t, probe.Schema, got, in)
	}
}

// TestPlainText checks the eight-bytes-at-a-time scan against the byte
// rules, with each byte value at each place of a word.
func TestPlainText(t *testing.T) {
	slow := func(data []byte) bool {
		for i, c := range data {
			switch {
			case c == '\n' || c >= 0x20 && c < 0x7F:
			case c < 0x20 || c == 0x7F:
				return false
			case c == 0xC2 && i+1 < len(data) && data[i+1] < 0xA0:
				return false
			case c == 0xE2 && i+2 < len(data) && data[i+1] == 0x80 && (data[i+2] == 0xA8 || data[i+2] == 0xA9):
				return false
			case c == 0xEF && i+2 < len(data) && (data[i+1] == 0xBB && data[i+2] == 0xBF || data[i+1] == 0xBF && data[i+2] >= 0xBE):
				return false
			}
		}
		return true
	}
	base := []byte("abcdefgh ijklmnop qrstuvw\nxyz")
	for c := range 256 {
		for at := range len(base) {
			data := bytes.Clone(base)
			data[at] = byte(c)
			assert.Equal(t, slow(data), plainText(data), "byte %#x at %d", c, at)
		}
	}
	for _, s := range []string{"é", "\u0085", "\u00a0", "\u2028", "\ufeff", "\uffff", "😀", "x\u2029"} {
		data := []byte("abcdefghij" + s + "klmnopqrstu")
		assert.Equal(t, slow(data), plainText(data), "%q", s)
	}
}
