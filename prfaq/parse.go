package prfaq

import (
	"fmt"

	"github.com/dayone-go/mechanisms/internal/strict"
)

// ErrTooLarge is wrapped by Parse's error when the input exceeds MaxBytes,
// and by the errors for nesting too deep or lists too long (errors.Is).
var ErrTooLarge = strict.ErrTooLarge

// MaxBytes is the largest document Parse reads: 8 MiB, the strict decoder's
// default. A PR/FAQ is a few pages; a bigger input is refused with a clear
// error (wrapping ErrTooLarge) rather than held in memory. Text of any size
// can still be reviewed with ReviewText.
const MaxBytes = strict.DefaultMaxBytes

// Parse reads a PR/FAQ from JSON or YAML. Keys the document type does not
// declare, values of the wrong type, unknown enum values and impossible
// dates are errors naming the line, column and JSON pointer. The input is
// bounded: MaxBytes in all, nesting 64 deep, 100,000 entries per list.
// Parse does not check the document's rules; call Validate for that.
func Parse(data []byte) (*PRFAQ, error) {
	var d PRFAQ
	if err := strict.Decode(data, &d, strict.Limits{}); err != nil {
		return nil, fmt.Errorf("prfaq: %w", err)
	}
	return &d, nil
}
