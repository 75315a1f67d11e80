package validation

import (
	"testing"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/stretchr/testify/assert"
)

func TestPointer(t *testing.T) {
	for ns, want := range map[string]string{
		"Decision":                           "/",
		"Decision.title":                     "/title",
		"Decision.risks[0].impact":           "/risks/0/impact",
		"Deck.plan[2026-W01]":                "/plan/2026-W01",
		"Deck.labels[a/b]":                   "/labels/a~1b",
		"Loop.feedback[3].ratings[12].score": "/feedback/3/ratings/12/score",
	} {
		assert.Equal(t, want, Pointer(ns), ns)
	}
}

type inner struct {
	N int `json:"n" validate:"gt=0,lt=10"`
}

type outer struct {
	Name  string            `json:"name" validate:"required,len=3"`
	Items []inner           `json:"items" validate:"required,dive"`
	Words map[string]string `json:"words" validate:"max=1"`
	Pick  string            `json:"pick" validate:"oneof=a b"`
}

func TestStructMessagesAndRules(t *testing.T) {
	got := Struct(&outer{Name: "ab", Items: []inner{{N: 0}, {N: 10}}, Words: map[string]string{"a": "", "b": ""}, Pick: "c"})
	byPath := map[string][2]string{}
	for _, p := range got {
		byPath[p.Path] = [2]string{p.Rule, p.Message}
	}
	assert.Equal(t, map[string][2]string{
		"/name":      {"length", "must have exactly 3 characters"},
		"/items/0/n": {"range", "must be more than 0, not 0"},
		"/items/1/n": {"range", "must be less than 10, not 10"},
		"/words":     {"too-many-items", "must have at most 1 item"},
		"/pick":      {"enum", `unknown value "c"; allowed: a, b`},
	}, byPath)
	assert.Empty(t, Struct(&outer{Name: "abc", Items: []inner{{N: 1}}, Pick: "a"}))
}

func TestOneOfSuggests(t *testing.T) {
	type choice struct {
		Pick string `json:"pick" validate:"oneof=alpha beta"`
	}
	got := Struct(&choice{Pick: "aplha"})
	assert.Equal(t, problem.List{{Path: "/pick", Rule: "enum", Message: `unknown value "aplha"; did you mean "alpha"? allowed: alpha, beta`}}, got)
}

func TestFormatTagsInWords(t *testing.T) {
	type contact struct {
		Who   string `json:"who" validate:"email|url"`
		Code  string `json:"code" validate:"alphanum"`
		Other string `json:"other" validate:"required_with=Who"`
		Odd   string `json:"odd" validate:"startswith=x"`
	}
	got := map[string]string{}
	for _, p := range Struct(&contact{Who: "nobody", Code: "a-b", Odd: "y"}) {
		got[p.Path] = p.Rule + ": " + p.Message
	}
	assert.Equal(t, map[string]string{
		"/who":   "format: must be an email address or a URL",
		"/code":  "format: must be letters and digits only",
		"/other": "required: is required",
		"/odd":   "format: is not valid here",
	}, got)
}

type Embedded struct {
	Code string `json:"code" validate:"len=2"`
}

type named struct {
	Embedded
	Plain  string            `validate:"required"`
	Hidden string            `json:"-" validate:"required"`
	Ptr    *inner            `json:"ptr"`
	ByKey  map[string]*inner `json:"byKey" validate:"dive"`
}

// TestPathsUseJSONNames: paths name fields as the JSON does, through
// embedded structs, pointers, maps and fields without a JSON name.
func TestPathsUseJSONNames(t *testing.T) {
	var paths []string
	for _, p := range Struct(&named{Embedded: Embedded{Code: "x"}, Ptr: &inner{}, ByKey: map[string]*inner{"a/b": {N: 11}}}) {
		paths = append(paths, p.Path)
	}
	assert.ElementsMatch(t, []string{"/Embedded/code", "/Plain", "/Hidden", "/ptr/n", "/byKey/a~1b/n"}, paths)
}
