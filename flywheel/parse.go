package flywheel

import (
	"fmt"

	"github.com/dayone-go/mechanisms/internal/strict"
)

// Parse reads a flywheel document, JSON or YAML, strictly: unknown keys,
// wrong types, non-finite numbers and unknown polarities or kinds are errors
// that name the line and JSON pointer. Input is bounded by the strict
// package's limits (8 MiB, depth 64, 100,000 entries per list). Parse does
// not validate; call Validate.
func Parse(data []byte) (*Flywheel, error) {
	var f Flywheel
	if err := strict.Decode(data, &f, strict.Limits{}); err != nil {
		return nil, fmt.Errorf("flywheel: %w", err)
	}
	return &f, nil
}
