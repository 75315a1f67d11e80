package main

import (
	"bytes"
	"encoding/json"
	"path"
	"strings"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// kind is one document kind the tool reviews.
type kind struct {
	// Name is the kind's name, as given to -kind and printed in reports.
	Name string
	// Title is a short description for the catalogue.
	Title string
	// SchemaPath is the schema's path in the repository ("" for kinds that
	// are not documents, like plain narratives).
	SchemaPath string
	// Schema returns the embedded schema.
	Schema func() []byte
	// Patterns are file name globs that imply the kind.
	Patterns []string
	// Keys are top-level keys only this kind has; any one present names it.
	Keys []string
	// Review parses, validates and reviews one document.
	Review func(in input) result
	// Check parses and validates, nothing more: the Go verdict the schema
	// parity corpus compares with other validators.
	Check func(data []byte) error
	// Template is the kind's file in examples/templates; Testdata the
	// package's folder of valid/ and invalid/ documents ("" if none).
	Template string
	Testdata string
}

// input is one file to review.
type input struct {
	Name string
	Data []byte
	// Open reads a file named relative to the document's directory (for
	// companions such as a deck's data), or fails.
	Open func(name string) ([]byte, error)
}

// result is what reviewing one document found.
type result struct {
	// Err is a parse error: the document could not be read at all.
	Err error
	// Problems are validation problems: the document was read but is invalid.
	Problems []problem.Problem
	// Findings are review advice on a valid document.
	Findings []finding.Finding
	// Summary lines for the text report (the door, the loops, ...).
	Summary []string
	// Files are outputs to write under -out, by relative name.
	Files map[string][]byte
	// Doc is the parsed document of a valid file, for checks that span
	// documents (a decision log).
	Doc any
}

// invalid reports whether the document failed to parse or validate.
func (r result) invalid() bool { return r.Err != nil || len(r.Problems) > 0 }

// fromValidate splits a Validate error into problems; any other error is a
// failure of its own.
func (r *result) fromValidate(err error) {
	if err == nil {
		return
	}
	if pe, ok := err.(*problem.Error); ok {
		r.Problems = append(r.Problems, pe.Problems...)
		return
	}
	r.Err = err
}

// registry lists every kind, in the order reports show them.
var registry []kind

func register(k kind) { registry = append(registry, k) }

func kindByName(name string) (kind, bool) {
	for _, k := range registry {
		if k.Name == name {
			return k, true
		}
	}
	return kind{}, false
}

// detect names a document's kind: by its $schema, then by file name, then by
// the top-level keys it has. It returns false when nothing fits.
func detect(name string, data []byte) (kind, bool) {
	top := topLevel(name, data)
	if s, ok := top["$schema"].(string); ok && s != "" {
		for _, k := range registry {
			if k.SchemaPath != "" && (strings.HasSuffix(s, k.SchemaPath) || strings.HasSuffix(s, "/"+path.Base(k.SchemaPath)) || s == path.Base(k.SchemaPath)) {
				return k, true
			}
		}
	}
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/")))
	for _, k := range registry {
		for _, p := range k.Patterns {
			if ok, _ := path.Match(p, base); ok {
				return k, true
			}
		}
	}
	for _, k := range registry {
		for _, key := range k.Keys {
			if _, ok := top[key]; ok {
				return k, true
			}
		}
	}
	return kind{}, false
}

// topLevel reads a document's top-level object loosely, for detection only;
// the kind's own parser does the strict reading.
func topLevel(name string, data []byte) map[string]any {
	ext := strings.ToLower(path.Ext(name))
	if ext != ".yaml" && ext != ".yml" && ext != ".json" && ext != "" {
		return nil
	}
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		var m map[string]any
		if json.Unmarshal(trimmed, &m) == nil {
			return m
		}
		return nil
	}
	v, err := strict.ToJSONValue(data, strict.Limits{})
	if err != nil {
		return nil
	}
	m, _ := v.(map[string]any)
	return m
}
