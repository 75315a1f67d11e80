package strict

import (
	"errors"
	"strings"
	"testing"

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
}

func decodeErr(t *testing.T, in string) *Error {
	t.Helper()
	var d doc
	err := decode([]byte(in), &d, Limits{})
	require.Error(t, err)
	var se *Error
	require.ErrorAs(t, err, &se)
	return se
}

func TestDecodeJSONAndYAMLAgree(t *testing.T) {
	j := `{"$schema":"x","title":"T","items":[{"name":"a","score":3,"level":"low","ratio":0.5}],"tags":{"k":"v"},"opt":true}`
	y := "$schema: x\ntitle: T\nitems:\n  - name: a\n    score: 3\n    level: low\n    ratio: 0.5\ntags: {k: v}\nopt: true\n"
	var a, b doc
	require.NoError(t, Decode([]byte(j), &a, Limits{}))
	require.NoError(t, Decode([]byte(y), &b, Limits{}))
	assert.Equal(t, a, b)
	assert.Equal(t, 3, a.Items[0].Score)
	assert.True(t, *a.Opt)
}

func TestDecodeErrorsSayWhere(t *testing.T) {
	tests := []struct {
		name, in  string
		line, col int
		ptr       string
		sentinel  error
		contains  string
	}{
		{"unknown key yaml", "title: T\nitems:\n  - name: a\n    bogus: 1\n", 4, 12, "/items/0", ErrUnknownKey, `unknown key "bogus"`},
		{"unknown key json", "{\"title\": \"T\",\n \"nope\": 1}", 2, 10, "/", ErrUnknownKey, `known keys: $schema, items, opt, tags, title`},
		{"wrong type", "title: 5\n", 1, 8, "/title", ErrType, "must be a string, not a number"},
		{"enum", "items:\n  - level: mid\n", 2, 12, "/items/0/level", nil, "allowed: low, high"},
		{"fraction for int", `{"items":[{"score":1.5}]}`, 1, 20, "/items/0/score", ErrType, "must be an integer"},
		{"json syntax", "{\n\"title\": \"T\",\n}", 3, 1, "", ErrSyntax, "invalid character"},
		{"yaml syntax", "title: [a\n", 0, 0, "", ErrSyntax, "yaml"},
		{"yaml nan", "items:\n  - ratio: .nan\n", 2, 12, "/items/0/ratio", ErrType, "not finite"},
		{"json huge", `{"items":[{"ratio":1e999}]}`, 1, 20, "/items/0/ratio", ErrType, "not finite"},
		{"null scalar", "title: null\n", 1, 8, "/title", ErrType, "must not be null"},
		{"duplicate json key", `{"title":"a","title":"b"}`, 1, 14, "", ErrSyntax, "duplicate key"},
		{"duplicate yaml key", "title: a\ntitle: b\n", 0, 0, "", ErrSyntax, "title"},
		{"trailing json", `{"title":"a"} {}`, 1, 15, "", ErrSyntax, "after the document"},
		{"two yaml docs", "title: a\n---\ntitle: b\n", 2, 1, "", ErrSyntax, "more than one YAML document"},
		{"empty", "  \n", 1, 1, "", ErrEmpty, "empty"},
		{"merge key", "a: &a {name: x}\nitems:\n  - <<: *a\n", 3, 5, "", ErrSyntax, "merge keys"},
		{"bad utf8", "title: \"a\xffb\"\n", 1, 10, "", ErrSyntax, "UTF-8"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			e := decodeErr(t, tc.in)
			if tc.line > 0 {
				assert.Equal(t, tc.line, e.Line, "line")
				assert.Equal(t, tc.col, e.Column, "column")
			}
			assert.Equal(t, tc.ptr, e.Pointer)
			if tc.sentinel != nil {
				assert.ErrorIs(t, e, tc.sentinel)
			}
			assert.Contains(t, e.Error(), tc.contains)
		})
	}
}

func TestLimits(t *testing.T) {
	var d doc
	err := Decode([]byte(strings.Repeat(" ", 101)+"{}"), &d, Limits{MaxBytes: 100})
	assert.ErrorIs(t, err, ErrTooLarge)

	deep := strings.Repeat("[", 70) + strings.Repeat("]", 70)
	var v any
	assert.ErrorIs(t, Decode([]byte(deep), &v, Limits{}), ErrTooDeep)
	assert.ErrorIs(t, Decode([]byte(strings.Repeat("- ", 70)+"x"), &v, Limits{}), ErrTooDeep)

	assert.ErrorIs(t, Decode([]byte("[1,2,3,4]"), &v, Limits{MaxItems: 3}), ErrTooMany)
	assert.ErrorIs(t, Decode([]byte("a: 1\nb: 2\nc: 3\nd: 4\n"), &v, Limits{MaxItems: 3}), ErrTooMany)

	// A billion-laughs document expands aliases until the value budget stops it.
	bomb := "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n" +
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n" +
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n" +
		"g: [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
	err = Decode([]byte(bomb), &v, Limits{})
	require.Error(t, err)
	assert.True(t, errors.Is(err, ErrTooMany) || errors.Is(err, ErrSyntax), err.Error())
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
	l, _ = Position([]byte("{{{"), "/x")
	assert.Zero(t, l)
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte("title: T\nitems:\n  - name: a\n"))
	f.Add([]byte(`{"title":"x","items":[{"score":1e400}]}`))
	f.Add([]byte("a: &a [*a]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var d doc
		_ = Decode(data, &d, Limits{MaxBytes: 1 << 16})
		var v any
		_ = Decode(data, &v, Limits{MaxBytes: 1 << 16})
	})
}
