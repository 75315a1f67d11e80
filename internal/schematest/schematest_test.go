package schematest

import (
	"errors"
	"flag"
	"os"
	"reflect"
	"regexp"
	"testing"

	"github.com/dayone-go/mechanisms/internal/civil"
	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/dayone-go/mechanisms/internal/validation"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite testdata/sample.schema.json")

// Color is a Sample enum.
type Color string

var colors = enum.Set[Color]{"red", "green"}

func (c Color) Valid() bool    { return colors.Has(c) }
func (Color) Values() []string { return colors.Strings() }
func (c *Color) UnmarshalText(b []byte) error {
	v, err := colors.Parse("color", b)
	*c = v
	return err
}

var code = regexp.MustCompile(`^[A-Z]{3}$`)

func init() {
	validation.Register(validation.Rule{
		Tag:     "testcode",
		ID:      "format",
		Check:   func(v reflect.Value) bool { return code.MatchString(v.String()) },
		Message: "must be three capital letters",
		Schema:  map[string]any{"pattern": code.String()},
	})
}

// Sample is a document used to test the pipeline.
type Sample struct {
	// Schema is the optional $schema.
	Schema string `json:"$schema,omitempty"`
	// Name names it.
	Name string `json:"name" validate:"required,max=20"`
	// Code is a custom-rule field.
	Code string `json:"code" validate:"required,testcode"`
	// Color is an enum.
	Color Color `json:"color" validate:"required,enum"`
	// Day is a date.
	Day civil.Date `json:"day" validate:"required"`
	// Score is bounded.
	Score int `json:"score" validate:"min=1,max=5"`
	// Parts must exist.
	Parts []Part `json:"parts" validate:"required,min=1,max=3,dive"`
	// Tags are optional words.
	Tags []string `json:"tags,omitempty" validate:"omitempty,unique,dive,min=2"`
}

// Part is one Part.
type Part struct {
	// Label of the Part.
	Label string `json:"label" validate:"required"`
	// Weight of the Part.
	Weight float64 `json:"weight" validate:"gte=0,lte=1"`
}

func check(data []byte) error {
	var s Sample
	if err := strict.Decode(data, &s, strict.Limits{}); err != nil {
		return err
	}
	var l problem.List = validation.Struct(&s)
	if s.Name == "cross" {
		l.Add("/name", "cross", "a cross-field rule")
	}
	return l.Err("sample")
}

var opts = schemagen.Options{Path: "internal/schematest/testdata/sample.schema.json", Title: "Sample", PkgPath: "github.com/dayone-go/mechanisms/internal/schematest", Dir: "."}

func schema(t *testing.T) []byte {
	b, err := os.ReadFile("testdata/sample.schema.json")
	require.NoError(t, err)
	return b
}

func TestPipeline(t *testing.T) {
	if *update {
		b, err := schemagen.Generate(Sample{}, opts)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile("testdata/sample.schema.json", b, 0o644))
	}
	s := schema(t)
	UpToDate(t, s, Sample{}, opts, "testdata/sample.schema.json", false)
	Agree(t, s, "testdata", check)
	tmpl, err := os.ReadFile("testdata/valid/full.yaml")
	require.NoError(t, err)
	MutationsRefused(t, s, tmpl, check)
	names := []string{}
	for _, m := range Mutations(t, s, tmpl) {
		names = append(names, m.Name)
	}
	assert.Contains(t, names, "remove required /parts/0/label")
	assert.Contains(t, names, "unknown key at /parts/1")
	assert.Contains(t, names, "unknown enum value at /color")
	assert.Contains(t, names, "above maximum at /score")
	assert.Contains(t, names, "pattern broken at /code")
	assert.Contains(t, names, "above maxItems at /parts")
}

func TestProblemPaths(t *testing.T) {
	err := check([]byte("name: n\ncode: abc\ncolor: red\nday: 2026-01-02\nscore: 9\nparts:\n  - label: ''\n    weight: 2\ntags: [a, b]\n"))
	var pe *problem.Error
	require.True(t, errors.As(err, &pe), "%v", err)
	got := map[string]string{}
	for _, p := range pe.Problems {
		got[p.Path] = p.Rule + ": " + p.Message
	}
	assert.Equal(t, map[string]string{
		"/code":           "format: must be three capital letters",
		"/score":          "range: must be at most 5, not 9",
		"/parts/0/label":  "required: is required",
		"/parts/0/weight": "range: must be at most 1, not 2",
		"/tags/0":         "too-short: must have at least 2 characters",
		"/tags/1":         "too-short: must have at least 2 characters",
	}, got)
	assert.Contains(t, err.Error(), "sample: 6 problems: /code: must be three capital letters; /parts/0/label: is required;")
}
