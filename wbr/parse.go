package wbr

import (
	"fmt"

	"github.com/dayone-go/mechanisms/internal/strict"
)

// Parse reads a deck from JSON or YAML. Unknown keys, wrong types and
// unknown enum values are errors naming the line and the JSON pointer;
// input is bounded by the strict decoder's defaults (8 MiB, depth 64,
// 100,000 entries per list). Parse does not validate: call Validate.
func Parse(data []byte) (*Deck, error) {
	var d Deck
	if err := strict.Decode(data, &d, strict.Limits{}); err != nil {
		return nil, fmt.Errorf("wbr: %w", err)
	}
	return &d, nil
}
