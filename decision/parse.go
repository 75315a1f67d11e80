package decision

import (
	"fmt"

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
