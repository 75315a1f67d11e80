package decision

import (
	"bytes"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/frontmatter"
	"io"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// MaxBytes is the largest document Parse, ParsePolicy and ParseMarkdown
// accept (8 MiB); LoadLog refuses larger files without reading them whole.
// Nesting depth is bounded at 64 levels and any one list or object at
// 100,000 entries.
const MaxBytes = strict.DefaultMaxBytes

// ErrTooLarge is what the error of Parse, ParseReader, ParsePolicy,
// ParsePolicyReader and ParseMarkdown wraps for input over MaxBytes:
// errors.Is(err, ErrTooLarge) holds, and the error is still a
// *ValidationError with one problem of rule "too-large".
var ErrTooLarge = strict.ErrTooLarge

// Kinds of the documents, as ValidationError.Kind carries them.
const (
	// KindDecision is the Kind of the errors about a Decision.
	KindDecision = "decision"
	// KindPolicy is the Kind of the errors about a Policy.
	KindPolicy = "policy"
	// KindLog is the Kind of the error Log.Check returns.
	KindLog = "decision log"
)

// Parse reads a decision from JSON or YAML, strictly: unknown keys, wrong
// types, non-finite numbers and unknown enum values are errors that name the
// line, the column and the JSON pointer; a malformed undoTime or date is
// refused the same way. The error is a *ValidationError of kind "decision"
// (errors.As), wrapping ErrTooLarge for input over MaxBytes (errors.Is).
// Parse does not check field rules; call Validate. For a Markdown record
// (MADR or Nygard) use ParseMarkdown.
func Parse(data []byte) (*Decision, error) {
	var d Decision
	if err := strict.Decode(data, &d, strict.Limits{MaxBytes: MaxBytes}); err != nil {
		return nil, problem.WithKind(err, KindDecision)
	}
	return &d, nil
}

// ParseReader reads a decision from r as Parse does, refusing input over
// MaxBytes after reading at most MaxBytes+1 bytes, so a huge or endless
// stream is never read whole. An error reading r itself is returned as it
// is; every error about the document is a *ValidationError.
func ParseReader(r io.Reader) (*Decision, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, problem.WithKind(err, KindDecision)
	}
	return Parse(data)
}

// ParsePolicy reads a policy from JSON or YAML, strictly, as Parse reads a
// decision; its errors are *ValidationError of kind "policy". It does not
// validate; call Validate.
func ParsePolicy(data []byte) (*Policy, error) {
	var p Policy
	if err := strict.Decode(data, &p, strict.Limits{MaxBytes: MaxBytes}); err != nil {
		return nil, problem.WithKind(err, KindPolicy)
	}
	return &p, nil
}

// ParsePolicyReader reads a policy from r under the same bound as ParseReader.
func ParsePolicyReader(r io.Reader) (*Policy, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, problem.WithKind(err, KindPolicy)
	}
	return ParsePolicy(data)
}

// Place fills in the Line and Column of each finding from its Path, as the
// finding's field stands in data, the source the document was parsed from:
// YAML, JSON or a Markdown record. A path to a field the document leaves
// out gets the place of the nearest enclosing value. Findings whose Path is
// empty are left alone.
//
// Data is read as Markdown (see PlaceMarkdown) when it opens with front
// matter followed by a body, or when it is not a YAML or JSON object; a
// caller who knows the format can call PlaceMarkdown directly.
func Place(data []byte, fs []Finding) {
	if len(fs) == 0 {
		return
	}
	doc, md := sourceOf(data)
	if md {
		PlaceMarkdown(data, fs)
		return
	}
	finding.PlaceIn(doc, fs)
}

// sourceOf tells a Markdown record (front matter with a body, or anything
// that is not a YAML or JSON object) from a YAML or JSON document; for the
// latter it also returns the document parsed, so Place reads it once.
func sourceOf(data []byte) (*strict.Document, bool) {
	if fm, ok := frontmatter.Find(data); ok && fm.Closed && len(bytes.TrimSpace(data[fm.After:])) > 0 {
		return nil, true
	}
	doc, err := strict.ParseDocument(data, strict.Limits{MaxBytes: MaxBytes})
	if err != nil || doc.Keys() == nil {
		return nil, true
	}
	return doc, false
}
