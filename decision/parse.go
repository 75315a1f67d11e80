package decision

import (
	"fmt"
	"io"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// MaxBytes is the largest document Parse and ParsePolicy accept (8 MiB);
// LoadLog refuses larger files without reading them whole. Nesting depth is
// bounded at 64 levels and any one list or object at 100,000 entries.
const MaxBytes = strict.DefaultMaxBytes

// Parse reads a decision from JSON or YAML, strictly: unknown keys, wrong
// types, non-finite numbers and unknown enum values are errors that name the
// line and the JSON pointer; a malformed undoTime or date is refused the
// same way. Parse does not check field rules; call Validate.
func Parse(data []byte) (*Decision, error) {
	var d Decision
	if err := strict.Decode(data, &d, strict.Limits{}); err != nil {
		return nil, fmt.Errorf("decision: %w", err)
	}
	return &d, nil
}

// ParseReader reads a decision from r, refusing input over MaxBytes after
// reading at most MaxBytes+1 bytes, so a huge or endless stream is never
// read whole.
func ParseReader(r io.Reader) (*Decision, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("decision: %w", err)
	}
	return Parse(data)
}

// ParsePolicyReader reads a policy from r under the same bound as ParseReader.
func ParsePolicyReader(r io.Reader) (*Policy, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, fmt.Errorf("policy: %w", err)
	}
	return ParsePolicy(data)
}

// Place fills in the Line and Column of each finding from its Path, as the
// finding's field stands in data, the source the document was parsed from.
// A path to a field the document leaves out gets the place of the nearest
// enclosing value. Findings whose Path is empty are left alone.
func Place(data []byte, fs []Finding) { finding.Place(data, fs) }
