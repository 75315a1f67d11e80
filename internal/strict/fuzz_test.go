package strict

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// seeds are starting points for the fuzz targets: well-formed documents,
// each syntax mistake the messages explain, and small hostile inputs.
func seeds() []string {
	s := []string{
		"title: T\nitems:\n  - name: a\n",
		`{"title":"x","items":[{"score":1e400}]}`,
		"a: &a [*a]",
		"title: a\n\titems: b\n",
		"title: @x\n", "title: `x`\n", "title: %x\n", "title: *x\n", "title: -\n", "title: - x\n",
		"tags: [a, b\n", "tags: {a: b\n", "title: \"abc\n", "title: 'abc\n", "a: 1\nb\nc: 2\n",
		"title: a: b\n", "tags: [a]]\n", "title: \"\\q\"\n", "%YAML 1.2\n---\ntitle: a\n",
		"tags: !!python/object/apply:os.system [\"echo\"]\n", "x: !!binary aGk=\n",
		"a: &a [1, 2]\nb: [*a, *a]\n", "? [a]\n: b\n", "<<: {a: 1}\n",
		`{"a": "\ud83d\ude00\ud800x"}`, `{"a":1,"a":2}`, `[1,]`, `{"a" 1}`, `{'a': 1}`, "[01]", "[-]", "[1.]", "[1e]",
		`{"a": tru}`, "{\"a\": \"b\n\"}", `["\u12"]`, "[NaN]", "[1] x",
		strings.Repeat("[", 80), strings.Repeat("- ", 80) + "x", "x: {" + strings.Repeat("a,", 500) + "a}",
	}
	// Objects past the 16 keys searched for duplicates one by one, nested
	// in one another, with a duplicate in each: the maps that find those
	// are reused from object to object and document to document.
	var wide, inner strings.Builder
	for i := range 20 {
		fmt.Fprintf(&inner, `"k%d":%d,`, i, i)
	}
	fmt.Fprintf(&wide, `{"tags":{%s"k3":"x"},"title":"t",%s"title":"u"}`, inner.String(), inner.String())
	s = append(s, wide.String(),
		`{"title":"t","day":"2026-03-10","at":"2026-03-10T15:00:00.5+01:00","items":[{"name":"a"}],"tags":{"a":"b"}}`,
		`{"day":"2026-02-30","at":"2026-03-10","small":300}`)
	return append(s, string(laughs(9, 9)), string(laughs(20, 4)))
}

// FuzzDecode checks that no input panics, that every error is one
// *problem.Error whose problems all have a rule, a message without the
// YAML library's text, a 1-based position (but for a too-large input),
// and that decoding is deterministic.
func FuzzDecode(f *testing.F) {
	for _, s := range seeds() {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lim := Limits{MaxBytes: 1 << 16, MaxValues: 1 << 14, MaxAliasValues: 1 << 12}
		for _, target := range []func() any{func() any { return new(doc) }, func() any { return new(any) }} {
			err := Decode(data, target(), lim)
			if err == nil {
				continue
			}
			var pe *problem.Error
			if !errors.As(err, &pe) {
				t.Fatalf("not a *problem.Error: %v", err)
			}
			if len(pe.Problems) == 0 || len(pe.Problems) > maxProblems+1 {
				t.Fatalf("%d problems", len(pe.Problems))
			}
			for _, p := range pe.Problems {
				if p.Rule == "" || p.Message == "" || p.Path == "" || p.Path[0] != '/' {
					t.Fatalf("incomplete problem %+v", p)
				}
				if p.Line < 1 || p.Column < 1 {
					t.Fatalf("no position: %+v", p)
				}
				if strings.Contains(p.Message, "yaml:") || strings.Contains(p.Message, "2006-01-02") {
					t.Fatalf("library text in %q", p.Message)
				}
			}
			again := Decode(data, target(), lim)
			if again == nil || again.Error() != err.Error() {
				t.Fatalf("not deterministic: %v, then %v", err, again)
			}
		}
	})
}

// FuzzJSON compares the JSON scanner with encoding/json: both accept the
// same texts and read the same values from them.
func FuzzJSON(f *testing.F) {
	for _, s := range seeds() {
		if strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") {
			f.Add([]byte(s))
		}
	}
	f.Add([]byte(`{"a":[1,-2.5e3,true,false,null,"x\"\\\/\b\f\n\r\t\u00e9"],"b":{}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || data[0] != '{' && data[0] != '[' {
			return // the YAML side is FuzzDecode's
		}
		if !utf8.Valid(data) {
			return // refused on purpose; encoding/json replaces bad bytes instead
		}
		var ours any
		err := Decode(data, &ours, Limits{})
		var theirs any
		jerr := json.Unmarshal(data, &theirs)
		if jerr != nil {
			if err == nil {
				t.Fatalf("accepted what encoding/json refuses (%v): %q", jerr, data)
			}
			return
		}
		if err != nil {
			var pe *problem.Error
			if errors.As(err, &pe) && (pe.Problems[0].Rule == "duplicate" || pe.Problems[0].Rule == "type" || pe.Problems[0].Rule == "too-deep") {
				return // duplicate keys, numbers beyond float64 and deep nesting are ours to refuse
			}
			t.Fatalf("refused what encoding/json reads: %v", err)
		}
		a, _ := json.Marshal(ours)
		b, _ := json.Marshal(theirs)
		if string(a) != string(b) {
			t.Fatalf("read differently:\nours   %s\ntheirs %s", a, b)
		}
	})
}

// FuzzTypedJSON compares decoding into a struct (fields found by their
// tags, dates and times read through their text, maps and lists) with
// encoding/json refusing unknown fields: where both accept a document,
// they read the same value from it.
func FuzzTypedJSON(f *testing.F) {
	for _, s := range seeds() {
		if strings.HasPrefix(s, "{") {
			f.Add([]byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) == 0 || data[0] != '{' || !utf8.Valid(data) {
			return
		}
		var ours, theirs doc
		err := Decode(data, &ours, Limits{})
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		jerr := dec.Decode(&theirs)
		if err != nil || jerr != nil {
			return // they refuse different things: case-folded keys, duplicates, trailing text
		}
		a, _ := json.Marshal(ours)
		b, _ := json.Marshal(theirs)
		if string(a) != string(b) {
			t.Fatalf("read differently:\nours   %s\ntheirs %s", a, b)
		}
	})
}

// TestStringScanEveryOffset puts each byte that stops a string scan, and
// some that do not, at every offset of strings up to 40 bytes long, so
// that the scan eight bytes at a time meets it in every lane and at every
// alignment; each document must be read as encoding/json reads it.
func TestStringScanEveryOffset(t *testing.T) {
	for _, c := range []string{`"`, `\\`, `\n`, `\u00e9`, "\x00", "\x1f", "\n", " ", "\x7f", "!", "#", "]", "[", "é", "\u2028", "\\"} {
		for n := range 41 {
			for p := 0; p <= n; p++ {
				text := strings.Repeat("a", p) + c + strings.Repeat("b", n-p)
				for _, data := range []string{`["` + text + `"]`, `{"` + text + `":1}`, `["` + text} {
					var ours, theirs any
					err := Decode([]byte(data), &ours, Limits{})
					jerr := json.Unmarshal([]byte(data), &theirs)
					if (err == nil) != (jerr == nil) {
						t.Fatalf("%q: ours %v, encoding/json %v", data, err, jerr)
					}
					if err == nil {
						a, _ := json.Marshal(ours)
						b, _ := json.Marshal(theirs)
						if string(a) != string(b) {
							t.Fatalf("%q read differently:\nours   %s\ntheirs %s", data, a, b)
						}
					}
				}
			}
		}
	}
}
