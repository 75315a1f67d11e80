package strict

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type level string

func (l *level) UnmarshalText(b []byte) error {
	switch string(b) {
	case "low", "high":
		*l = level(b)
		return nil
	}
	return errors.New(`unknown level "` + string(b) + `"; allowed: low, high`)
}

// Values makes level an enum to the decoder (rule "enum").
func (level) Values() []string { return []string{"low", "high"} }

type item struct {
	Name  string  `json:"name"`
	Score int     `json:"score"`
	Level level   `json:"level,omitempty"`
	Ratio float64 `json:"ratio,omitempty"`
}

type doc struct {
	Schema string            `json:"$schema,omitempty"`
	Title  string            `json:"title"`
	Items  []item            `json:"items"`
	Tags   map[string]string `json:"tags,omitempty"`
	Opt    *bool             `json:"opt,omitempty"`
	Day    civil.Date        `json:"day,omitzero"`
	At     time.Time         `json:"at,omitzero"`
	Small  int8              `json:"small,omitempty"`
}

// problems decodes in into a doc and returns the problems, requiring the
// *problem.Error shape.
func problems(t *testing.T, in string) []problem.Problem {
	t.Helper()
	var d doc
	err := Decode([]byte(in), &d, Limits{})
	require.Error(t, err)
	var pe *problem.Error
	require.ErrorAs(t, err, &pe)
	return pe.Problems
}

// one decodes in and requires exactly one problem.
func one(t *testing.T, in string) problem.Problem {
	t.Helper()
	ps := problems(t, in)
	require.Len(t, ps, 1, "%v", ps)
	return ps[0]
}

func TestDecodeJSONAndYAMLAgree(t *testing.T) {
	j := `{"$schema":"x","title":"T","items":[{"name":"a\u00e9\n","score":3,"level":"low","ratio":0.5}],"tags":{"k":"v"},"opt":true,"day":"2026-03-10","at":"2026-03-10T15:00:00Z"}`
	y := "%YAML 1.2\n---\n$schema: x\ntitle: T\nitems:\n  - name: \"a\u00e9\\n\"\n    score: 3\n    level: low\n    ratio: 0.5\ntags: {k: v}\nopt: true\nday: 2026-03-10\nat: 2026-03-10T15:00:00Z\n"
	var a, b doc
	require.NoError(t, Decode([]byte(j), &a, Limits{}))
	require.NoError(t, Decode([]byte(y), &b, Limits{}))
	assert.Equal(t, a, b)
	assert.Equal(t, "a\u00e9\n", a.Items[0].Name)
	assert.Equal(t, 3, a.Items[0].Score)
	assert.True(t, *a.Opt)
	assert.Equal(t, civil.Date{Year: 2026, Month: time.March, Day: 10}, a.Day)
	assert.Equal(t, time.Date(2026, 3, 10, 15, 0, 0, 0, time.UTC), a.At)
}

// TestEveryProblemInOnePass: a document with a mistake of each kind gets
// them all back from one Decode, each at its pointer, line and column, in
// the order they stand.
func TestEveryProblemInOnePass(t *testing.T) {
	y := "titel: T\n" +
		"items:\n" +
		"  - name: a\n" +
		"    score: many\n" +
		"    level: hihg\n" +
		"    scroe: 3\n" +
		"  - name: 5\n" +
		"    score: 1.5\n" +
		"day: 2026-02-30\n" +
		"at: 2026-11-30\n" +
		"small: 300\n" +
		"opt: null\n" +
		"tags: [a]\n"
	want := []problem.Problem{
		{Path: "/titel", Rule: "unknown-key", Message: `unknown key "titel"; did you mean "title"?`, Line: 1, Column: 1},
		{Path: "/items/0/score", Rule: "type", Message: "must be a whole number, not a string", Line: 4, Column: 12},
		{Path: "/items/0/level", Rule: "enum", Message: `unknown level "hihg"; allowed: low, high`, Line: 5, Column: 12},
		{Path: "/items/0/scroe", Rule: "unknown-key", Message: `unknown key "scroe"; did you mean "score"?`, Line: 6, Column: 5},
		{Path: "/items/1/name", Rule: "type", Message: "must be a string, not a number", Line: 7, Column: 11},
		{Path: "/items/1/score", Rule: "type", Message: "must be a whole number, not 1.5", Line: 8, Column: 12},
		{Path: "/day", Rule: "format", Message: `invalid date "2026-02-30": February 2026 has 28 days; write a day that exists as YYYY-MM-DD`, Line: 9, Column: 6},
		{Path: "/at", Rule: "format", Message: `invalid time "2026-11-30": a date alone is not a time; write RFC 3339 such as 2026-11-30T15:00:00Z`, Line: 10, Column: 5},
		{Path: "/small", Rule: "range", Message: "must be between -128 and 127, not 300", Line: 11, Column: 8},
		{Path: "/tags", Rule: "type", Message: "must be an object, not a list", Line: 13, Column: 7},
	}
	assert.Equal(t, want, problems(t, y))

	j := "{\"titel\": \"T\",\n \"items\": [{\"name\": \"a\", \"score\": \"many\", \"level\": \"hihg\", \"scroe\": 3}],\n \"day\": \"2026-02-30\"}"
	ps := problems(t, j)
	require.Len(t, ps, 5)
	assert.Equal(t, problem.Problem{Path: "/titel", Rule: "unknown-key", Message: `unknown key "titel"; did you mean "title"?`, Line: 1, Column: 2}, ps[0])
	assert.Equal(t, problem.Problem{Path: "/items/0/scroe", Rule: "unknown-key", Message: `unknown key "scroe"; did you mean "score"?`, Line: 2, Column: 60}, ps[3])
	assert.Equal(t, "/day", ps[4].Path)
	assert.Equal(t, [2]int{3, 9}, [2]int{ps[4].Line, ps[4].Column})

	var d doc
	err := Decode([]byte(y), &d, Limits{})
	assert.ErrorIs(t, err, ErrUnknownKey)
	assert.ErrorIs(t, err, ErrType)
	assert.NotErrorIs(t, err, ErrSyntax)
}

func TestUnknownKeyListsKnownKeysWhenNoneIsClose(t *testing.T) {
	p := one(t, "colour: blue\n")
	assert.Equal(t, problem.Problem{Path: "/colour", Rule: "unknown-key", Line: 1, Column: 1,
		Message: `unknown key "colour"; known keys: $schema, at, day, items, opt, small, tags, title`}, p)
}

func TestProblemsAreCapped(t *testing.T) {
	var b strings.Builder
	for i := range 150 {
		b.WriteString("k")
		b.WriteString(strings.Repeat("x", i%7))
		b.WriteString(string(rune('a'+i%26)) + string(rune('a'+i/26)))
		b.WriteString(": 1\n")
	}
	ps := problems(t, b.String())
	require.Len(t, ps, 101)
	assert.Equal(t, problem.Problem{Path: "/", Rule: "too-many", Line: 101, Column: 1,
		Message: "50 more problems are not listed; fix these and read the document again"}, ps[100])
}

func TestTimesAndDatesNameTheirForm(t *testing.T) {
	for in, want := range map[string]string{
		"at: yesterday\n":                `invalid time "yesterday"; write RFC 3339 such as 2026-03-10T15:00:00Z`,
		"at: 2026-03-10 15:00:00\n":      `invalid time "2026-03-10 15:00:00"; write RFC 3339 such as 2026-03-10T15:00:00Z`,
		"day: 10/03/2026\n":              `invalid date "10/03/2026"; write YYYY-MM-DD, such as 2026-03-10`,
		"day: 2026-13-01\n":              `invalid date "2026-13-01": there is no month 13; write a day that exists as YYYY-MM-DD`,
		"at: 5\n":                        "must be a time such as 2026-03-10T15:00:00Z, not a number",
		`{"at": "2026-03-10T25:00:00Z"}`: `invalid time "2026-03-10T25:00:00Z"`,
	} {
		p := one(t, in)
		assert.Contains(t, p.Message, want, in)
		assert.NotContains(t, p.Message, "2006", in)
		assert.NotContains(t, p.Message, "15:04", in)
	}
}

func TestSyntaxErrorsSayWhereAndHowToFix(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
		contains  string
	}{
		// YAML
		{"tab indent", "title: a\nitems:\n\t- name: b\n", 3, 1, "tab is used for indentation"},
		{"tab in nested indent", "items:\n  - name: a\n  \tscore: 1\n", 3, 3, "tab is used for indentation"},
		{"at sign", "title: @home\n", 1, 8, `cannot start with '@'`},
		{"backtick", "items:\n  - name: `x`\n", 2, 11, "cannot start with '`'"},
		{"percent", "title: %x\n", 1, 8, `cannot start with '%'`},
		{"star", "title: *bold*\n", 1, 8, `*bold* refers to an anchor &bold*`},
		{"bare minus", "items:\n  - name: a\n    level: -\n", 3, 12, `bare "-" starts a list`},
		{"dash value", "title: - a\n", 1, 8, `starts a list`},
		{"unclosed bracket", "title: a\ntags: [a, b\nopt: true\n", 2, 7, `list opened here with '[' is never closed`},
		{"unclosed brace", "tags: {a: b\n", 1, 7, `mapping opened here with '{' is never closed`},
		{"unclosed double quote", "title: a\nitems:\n  - name: \"abc\n    score: 1\n", 3, 11, "not closed"},
		{"unclosed single quote", "title: 'abc\n", 1, 8, "not closed"},
		{"missing colon", "title: a\nitems\nopt: true\n", 2, 1, `"items" has no ":"`},
		{"colon in value", "title: a: b\n", 1, 9, `holding ": " must be in quotes: write "a: b"`},
		{"dedent", "items:\n  - name: a\n   score: 1\n", 3, 4, "indented by 3 spaces, which lines it up with no line above; indent it by 4 spaces"},
		{"indent under a value", "title: a\n  items: b\n", 2, 3, "indented by 2 spaces"},
		{"missing colon in item", "items:\n  - name a\n    score: 1\n", 2, 5, `"name a" has no ":"`},
		{"tab before comment", "title: a\n\t# note\n", 2, 1, "tab is used for indentation"},
		{"dash in flow", "tags: {a: - b}\n", 1, 11, "cannot stand inside [ ] or { }"},
		{"text after quote", "title: \"a\" b\nopt: true\n", 1, 12, "text follows the closing quote"},
		{"block text dedent", "title: |\n  text\n bad: 1\n", 3, 2, "indented less than the text above it (2 spaces)"},
		{"hex escape", "title: \"\\xZZ\"\n", 1, 9, "needs 2 hexadecimal digits"},
		{"block indicator text", "title: | x\n  y\n", 1, 8, "only a comment may follow | or >"},
		{"tag handle", "title: !x!y z\n", 1, 8, "unknown tag"},
		{"control character", "title: &a\x01\n", 1, 10, "control character"},
		{"stray closer", "tags: [a]]\n", 1, 10, `closes nothing`},
		{"bad escape", "title: \"a\\qb\"\n", 1, 10, `"\\q" is not an escape`},
		{"two documents", "title: a\n---\ntitle: b\n", 3, 1, "second YAML document"},
		{"merge key", "a: &a {name: x}\nitems:\n  - <<: *a\n", 3, 5, "merge keys"},
		{"bad utf8", "title: \"a\xffb\"\n", 1, 10, "UTF-8"},
		{"yaml 2", "%YAML 2.0\n---\ntitle: a\n", 1, 1, "%YAML 2.0"},
		// JSON
		{"json trailing comma", "{\n\"title\": \"T\",\n}", 2, 13, "remove the trailing comma"},
		{"json missing comma", "{\"title\": \"T\"\n \"opt\": true}", 2, 2, "comma is missing"},
		{"json missing colon", `{"title" "T"}`, 1, 10, `expected ":" after the key "title"`},
		{"json single quotes", `{'title': 'T'}`, 1, 2, "double quotes"},
		{"json unquoted key", `{title: "T"}`, 1, 2, `keys must be in double quotes: write "title"`},
		{"json unclosed object", "{\"title\": \"T\",\n \"items\": [\n", 2, 11, `list opened here with "[" is never closed`},
		{"json unclosed string", "{\"title\": \"T}\n", 1, 11, "not closed before the end of its line"},
		{"json bad escape", `{"title": "a\qb"}`, 1, 13, `invalid escape "\\q"`},
		{"json leading zero", `{"small": 01}`, 1, 11, `invalid number "01"`},
		{"json nan", `{"items": [{"ratio": NaN}]}`, 1, 22, "NaN is not a JSON number"},
		{"json True", `{"opt": True}`, 1, 9, `did you mean "true"?`},
		{"json comment", "{\n// c\n}", 2, 1, "does not allow comments"},
		{"json after end", `{"title":"a"} {}`, 1, 15, "after the end of the document"},
		{"json control", "{\"title\": \"a\tb\"}", 1, 13, "raw control character U+0009"},
		{"json stray closer", `{"items": [1}`, 1, 13, `"}" here closes nothing`},
		{"empty", "  \n", 1, 1, "empty"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var v any
			err := Decode([]byte(tc.in), &v, Limits{})
			require.Error(t, err)
			var pe *problem.Error
			require.ErrorAs(t, err, &pe)
			require.Len(t, pe.Problems, 1, "%v", pe.Problems)
			p := pe.Problems[0]
			assert.Equal(t, [2]int{tc.line, tc.col}, [2]int{p.Line, p.Column}, p.Message)
			assert.Contains(t, p.Message, tc.contains)
			assert.NotContains(t, p.Message, "yaml:")
			assert.NotContains(t, p.Message, "cannot start any token")
			if tc.name != "empty" {
				assert.ErrorIs(t, err, ErrSyntax)
				assert.Equal(t, "syntax", p.Rule)
			}
		})
	}
}

func TestEmptyTrailingYAMLDocument(t *testing.T) {
	var d doc
	require.NoError(t, Decode([]byte("title: a\n---\n"), &d, Limits{}))
	require.NoError(t, Decode([]byte("---\ntitle: a\n...\n"), &d, Limits{}))
	assert.Equal(t, "a", d.Title)
	p := one(t, "title: a\n---\n---\ntitle: b\n")
	assert.Equal(t, [2]int{4, 1}, [2]int{p.Line, p.Column})
}

func TestDuplicateKeysAreProblems(t *testing.T) {
	for _, in := range []string{"title: a\ntitle: b\n", "{\"title\": \"a\",\n \"title\": \"b\"}"} {
		p := one(t, in)
		assert.Equal(t, "/title", p.Path)
		assert.Equal(t, "duplicate", p.Rule)
		assert.Equal(t, 2, p.Line)
		assert.Contains(t, p.Message, "already set at line 1")
	}
}

func TestNonFiniteNumbers(t *testing.T) {
	for in, pos := range map[string][2]int{
		"items:\n  - ratio: .nan\n":          {2, 12},
		`{"items":[{"ratio":1e999}]}`:        {1, 20},
		"items:\n  - ratio: !!float 1e999\n": {2, 12},
	} {
		p := one(t, in)
		assert.Equal(t, "/items/0/ratio", p.Path, in)
		assert.Equal(t, pos, [2]int{p.Line, p.Column}, in)
		assert.Contains(t, p.Message, "not finite", in)
	}
}

func TestDocument(t *testing.T) {
	d, err := ParseDocument([]byte("title: T\nitems:\n  - name: a\n    score: 3\ntitle: again\n"), Limits{})
	require.NoError(t, err, "a duplicate key does not stop reading")
	assert.Equal(t, []string{"title", "items"}, d.Keys())
	l, c := d.Position("/items/0/score")
	assert.Equal(t, [2]int{4, 12}, [2]int{l, c})
	for range 2 { // decoding twice reports the same
		var v doc
		err = d.Decode(&v)
		var pe *problem.Error
		require.ErrorAs(t, err, &pe)
		assert.Len(t, pe.Problems, 1)
		assert.Equal(t, "T", v.Title)
	}
	_, err = ParseDocument([]byte("{"), Limits{})
	assert.ErrorIs(t, err, ErrSyntax)
}

func TestPlaceProblems(t *testing.T) {
	d, err := ParseDocument([]byte("title: T\nitems:\n  - name: a\n"), Limits{})
	require.NoError(t, err)
	ps := []problem.Problem{
		{Path: "/items/0/score", Rule: "required"},
		{Path: "/title", Rule: "too-short"},
		{Path: "/", Rule: "x", Line: 9, Column: 9},
	}
	d.PlaceProblems(ps)
	assert.Equal(t, [2]int{3, 5}, [2]int{ps[0].Line, ps[0].Column}, "a missing key at the object that lacks it")
	assert.Equal(t, [2]int{1, 8}, [2]int{ps[1].Line, ps[1].Column})
	assert.Equal(t, [2]int{9, 9}, [2]int{ps[2].Line, ps[2].Column}, "a placed problem keeps its place")
}

func TestReadAllRefusesWithoutReadingWhole(t *testing.T) {
	r := &countingReader{n: 1 << 30}
	_, err := ReadAll(r, 1024)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.LessOrEqual(t, r.read, 1025+512, "read far more than the limit")
}

type countingReader struct{ n, read int }

func (c *countingReader) Read(p []byte) (int, error) {
	if len(p) > 512 {
		p = p[:512]
	}
	for i := range p {
		p[i] = 'a'
	}
	c.read += len(p)
	return len(p), nil
}

func TestPosition(t *testing.T) {
	y := []byte("title: T\nitems:\n  - name: a\n    score: 3\n")
	l, c := Position(y, "/items/0/score")
	assert.Equal(t, [2]int{4, 12}, [2]int{l, c})
	l, c = Position(y, "/items/0/missing")
	assert.Equal(t, [2]int{3, 5}, [2]int{l, c}, "a missing key points at its object")
	l, c = Position([]byte("{\"a\": [1,\n  \"é\", 3]}"), "/a/2")
	assert.Equal(t, [2]int{2, 8}, [2]int{l, c}, "columns count characters")
	l, _ = Position([]byte("{{{"), "/x")
	assert.Zero(t, l)
}

// TestYAMLNumbers: numbers read by the fast path and by the YAML library
// come out as JSON would read them.
func TestYAMLNumbers(t *testing.T) {
	var v map[string]any
	require.NoError(t, Decode([]byte("a: 12\nb: -0.5\nc: 1e3\nd: 0x1F\ne: 0o17\nf: 0\ng: -7\nh: 2.5E-3\ni: .5\n"), &v, Limits{}))
	assert.Equal(t, map[string]any{"a": 12.0, "b": -0.5, "c": 1000.0, "d": 31.0, "e": 15.0, "f": 0.0, "g": -7.0, "h": 0.0025, "i": 0.5}, v)
}

type Base struct {
	ID string `json:"id"`
}

type hidden struct {
	Secret string `json:"secret"`
}

func TestEmbeddedPointerFields(t *testing.T) {
	var v struct {
		*Base
		Name string `json:"name"`
	}
	require.NoError(t, Decode([]byte("id: a\nname: b\n"), &v, Limits{}))
	require.NotNil(t, v.Base)
	assert.Equal(t, "a", v.ID)
	assert.Equal(t, "b", v.Name)

	var w struct {
		*hidden
	}
	err := Decode([]byte("secret: s\n"), &w, Limits{})
	assert.ErrorContains(t, err, "embedded pointer to an unexported type")
}

// TestConcurrentDecodes: decoders share pooled blocks and scanners; the
// values of one document never show up in another's.
func TestConcurrentDecodes(t *testing.T) {
	done := make(chan error)
	for g := range 8 {
		go func() {
			for i := range 50 {
				want := strings.Repeat("x", g+1) + strings.Repeat("y", i)
				in := `{"title": "` + want + `", "items": [{"name": "` + want + `", "score": ` + strings.Repeat("1", g%5+1) + `}]}`
				var d doc
				if err := Decode([]byte(in), &d, Limits{}); err != nil {
					done <- err
					return
				}
				if d.Title != want || d.Items[0].Name != want {
					done <- errors.New("mixed up: " + d.Title)
					return
				}
			}
			done <- nil
		}()
	}
	for range 8 {
		require.NoError(t, <-done)
	}
}
