package barraiser

import (
	"fmt"
	"io"

	"github.com/dayone-go/mechanisms/internal/strict"
)

// Parse reads a Loop from JSON or YAML. Keys the Loop does not declare,
// values of the wrong type, unknown enum values, non-finite numbers and
// inputs beyond the limits in the package doc are refused with an error that
// names the line, column and JSON pointer. Parse does not validate: call
// Validate (or Evaluate, which validates) on the result.
func Parse(data []byte) (*Loop, error) {
	var l Loop
	if err := strict.Decode(data, &l, strict.Limits{}); err != nil {
		return nil, fmt.Errorf("barraiser: %w", err)
	}
	return &l, nil
}

// Read reads at most strict.DefaultMaxBytes from r and parses a Loop.
func Read(r io.Reader) (*Loop, error) {
	data, err := strict.ReadAll(r, 0)
	if err != nil {
		return nil, fmt.Errorf("barraiser: %w", err)
	}
	return Parse(data)
}
