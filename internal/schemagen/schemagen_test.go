package schemagen

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Bounds is a type whose every field exercises one tag translation.
type Bounds struct {
	// Name is bounded in length.
	Name string `json:"name" validate:"required,min=2,max=10"`
	// Code has an exact length.
	Code string `json:"code,omitempty" validate:"omitempty,len=3"`
	// Score is bounded exclusively.
	Score float64 `json:"score" validate:"gt=0,lt=1"`
	// Count is bounded inclusively.
	Count int `json:"count" validate:"gte=1,lte=9"`
	// Tags is a bounded list of unique, bounded words.
	Tags []string `json:"tags,omitempty" validate:"omitempty,min=1,max=4,unique,dive,min=1,max=5"`
	// Labels is a bounded map.
	Labels map[string]string `json:"labels,omitempty" validate:"omitempty,max=2"`
	// Pick is one of a few words.
	Pick string `json:"pick" validate:"oneof=a b c"`
	// Either has an either-or rule with no single schema form.
	Either string `json:"either,omitempty" validate:"omitempty,email|url"`
}

func TestTagsBecomeKeywords(t *testing.T) {
	b, err := Generate(Bounds{}, Options{Path: "x/bounds.schema.json", Title: "Bounds", PkgPath: "github.com/dayone-go/mechanisms/internal/schemagen", Dir: "."})
	require.NoError(t, err)
	var s struct {
		ID         string                    `json:"$id"`
		Title      string                    `json:"title"`
		Required   []string                  `json:"required"`
		Additional bool                      `json:"additionalProperties"`
		Props      map[string]map[string]any `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(b, &s))
	assert.Equal(t, BaseID+"x/bounds.schema.json", s.ID)
	assert.Equal(t, "Bounds", s.Title)
	assert.False(t, s.Additional)
	assert.ElementsMatch(t, []string{"name"}, s.Required)
	p := s.Props
	assert.Equal(t, map[string]any{"type": "string", "minLength": 2.0, "maxLength": 10.0, "description": "Name is bounded in length."}, p["name"])
	assert.Equal(t, 3.0, p["code"]["minLength"])
	assert.Equal(t, 3.0, p["code"]["maxLength"])
	assert.Equal(t, 0.0, p["score"]["exclusiveMinimum"])
	assert.Equal(t, 1.0, p["score"]["exclusiveMaximum"])
	assert.Equal(t, 1.0, p["count"]["minimum"])
	assert.Equal(t, 9.0, p["count"]["maximum"])
	assert.Equal(t, 1.0, p["tags"]["minItems"])
	assert.Equal(t, 4.0, p["tags"]["maxItems"])
	assert.Equal(t, true, p["tags"]["uniqueItems"])
	assert.Equal(t, map[string]any{"type": "string", "minLength": 1.0, "maxLength": 5.0}, p["tags"]["items"])
	assert.Equal(t, 2.0, p["labels"]["maxProperties"])
	assert.Equal(t, []any{"a", "b", "c"}, p["pick"]["enum"])
	assert.NotContains(t, p["either"], "format", "either-or rules stay Go-only")
}

// Undocumented lacks a doc comment on its field.
type Undocumented struct {
	X int `json:"x"`
}

func TestEveryPropertyNeedsADescription(t *testing.T) {
	_, err := Generate(Undocumented{}, Options{Path: "u.json", PkgPath: "github.com/dayone-go/mechanisms/internal/schemagen", Dir: "."})
	assert.ErrorContains(t, err, `Undocumented.X ("x") has no doc comment`)
}

// Record needs some keys only for one of its kinds.
type Record struct {
	// Kind is "short" for a record that may leave most keys out.
	Kind string `json:"kind,omitempty" validate:"omitempty,oneof=short"`
	// Strict marks a record that must carry a reason.
	Strict bool `json:"strict,omitempty"`
	// ID is required unless the record is short.
	ID string `json:"id,omitempty" validate:"required_unless=Kind short,max=8"`
	// Size is required unless the record is short, and bounded when given.
	Size int `json:"size,omitempty" validate:"required_unless=Kind short,omitempty,min=1,max=5"`
	// Reason is required when the record is strict.
	Reason string `json:"reason,omitempty" validate:"required_if=Strict true"`
}

func TestConditionalRequiredBecomesIfElse(t *testing.T) {
	b, err := Generate(Record{}, Options{Path: "x/record.schema.json", PkgPath: "github.com/dayone-go/mechanisms/internal/schemagen", Dir: "."})
	require.NoError(t, err)
	var s struct {
		Required []string         `json:"required"`
		AllOf    []map[string]any `json:"allOf"`
		Props    map[string]any   `json:"properties"`
	}
	require.NoError(t, json.Unmarshal(b, &s))
	assert.Empty(t, s.Required, "no key is required on every record")
	require.Len(t, s.AllOf, 2, "one conditional per condition, the keys it governs grouped")
	assert.Equal(t, map[string]any{
		"if":   map[string]any{"required": []any{"kind"}, "properties": map[string]any{"kind": map[string]any{"const": "short"}}},
		"else": map[string]any{"required": []any{"id", "size"}, "properties": map[string]any{"id": true, "size": map[string]any{"not": map[string]any{"const": 0.0}}}},
	}, s.AllOf[0])
	assert.Equal(t, map[string]any{
		"if":   map[string]any{"required": []any{"strict"}, "properties": map[string]any{"strict": map[string]any{"const": true}}},
		"then": map[string]any{"required": []any{"reason"}, "properties": map[string]any{"reason": true}},
	}, s.AllOf[1])
	assert.Equal(t, 8.0, s.Props["id"].(map[string]any)["maxLength"], "the bounds after the condition still apply")
	assert.Equal(t, []any{map[string]any{"const": 0.0}, map[string]any{"minimum": 1.0, "maximum": 5.0}}, s.Props["size"].(map[string]any)["anyOf"],
		"omitempty lets 0 past the bounds, in Go and so in the schema; required refuses it where it applies")
	assert.Equal(t, []any{"", "short"}, s.Props["kind"].(map[string]any)["enum"], "omitempty lets an empty string through, in Go and so in the schema")
}

// Broken names a field its condition does not have.
type Broken struct {
	// X is required unless a field that does not exist says so.
	X string `json:"x,omitempty" validate:"required_unless=Missing yes"`
}

func TestConditionOnAnUnknownFieldIsRefused(t *testing.T) {
	_, err := Generate(Broken{}, Options{Path: "b.json", PkgPath: "github.com/dayone-go/mechanisms/internal/schemagen", Dir: "."})
	assert.ErrorContains(t, err, "Broken.X: required_unless: no field Missing")
}

// Outer holds a nested struct whose bounds a short record is exempt from.
type Outer struct {
	// Kind is "short" for a record exempt from the bounds.
	Kind string `json:"kind,omitempty" validate:"omitempty,oneof=short"`
	// Inner is a nested part.
	Inner *Inner `json:"inner,omitempty"`
}

// Inner is bounded and needs a name.
type Inner struct {
	// Name is required and bounded.
	Name string `json:"name" validate:"required,min=1,max=5"`
	// Words is a bounded list of bounded words.
	Words []string `json:"words,omitempty" validate:"omitempty,max=2,dive,max=3"`
}

func TestRelaxMovesConstraintsUnderAnIfOnTheRoot(t *testing.T) {
	o := Options{Path: "o.json", PkgPath: "github.com/dayone-go/mechanisms/internal/schemagen", Dir: ".",
		Relax: &Relax{Property: "kind", Value: "short", MaxLength: true, Required: []string{"/inner/name"}}}
	b, err := Generate(Outer{}, o)
	require.NoError(t, err)
	var s struct {
		AllOf []map[string]any          `json:"allOf"`
		Defs  map[string]map[string]any `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &s))
	inner := s.Defs["Inner"]
	assert.NotContains(t, inner, "required", "the relaxed key is required in the branch only")
	props := inner["properties"].(map[string]any)
	assert.NotContains(t, props["name"], "maxLength")
	assert.Equal(t, 1.0, props["name"].(map[string]any)["minLength"], "lower bounds stay")
	assert.Equal(t, 2.0, props["words"].(map[string]any)["maxItems"], "sizes of lists stay")
	require.Len(t, s.AllOf, 1)
	assert.Equal(t, map[string]any{"required": []any{"kind"}, "properties": map[string]any{"kind": map[string]any{"const": "short"}}}, s.AllOf[0]["if"])
	assert.Equal(t, map[string]any{"properties": map[string]any{"inner": map[string]any{
		"type":     "object",
		"required": []any{"name"},
		"properties": map[string]any{
			"name":  map[string]any{"type": "string", "maxLength": 5.0},
			"words": map[string]any{"type": "array", "items": map[string]any{"type": "string", "maxLength": 3.0}},
		},
	}}, "type": "object"}, s.AllOf[0]["else"])

	o.Relax.Required = []string{"/inner/nmae"}
	_, err = Generate(Outer{}, o)
	assert.ErrorContains(t, err, "/inner/nmae names no required key")
}
