package wbr

import (
	"io"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// kind is the Kind of every *ValidationError this package returns.
const kind = "wbr"

// MaxBytes is the largest deck Parse and ParseReader accept (8 MiB); a
// larger one is refused with an error for which errors.Is(err, ErrTooLarge)
// holds. Nesting depth is bounded at 64 levels and any one list or object at
// 100,000 entries.
const MaxBytes = strict.DefaultMaxBytes

// Parse reads a deck from JSON or YAML, strictly. Every problem the decoder
// finds (unknown keys, wrong types, unknown enum values, malformed dates)
// comes back in one *ValidationError naming the line, the column and the
// JSON pointer of each. Parse does not check the field rules: call Validate.
func Parse(data []byte) (*Deck, error) {
	var d Deck
	if err := strict.Decode(data, &d, strict.Limits{MaxBytes: MaxBytes}); err != nil {
		return nil, problem.WithKind(err, kind)
	}
	return &d, nil
}

// ParseReader reads a deck from r as Parse does, refusing input over
// MaxBytes after reading at most MaxBytes+1 bytes, so a huge or endless
// stream is never read whole.
func ParseReader(r io.Reader) (*Deck, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, problem.WithKind(err, kind)
	}
	return Parse(data)
}

// Place fills in the Line and Column of each finding from its Path, as the
// field stands in data, the source the deck was parsed from. A path to a
// field the deck leaves out gets the place of the nearest enclosing value;
// findings whose Path is empty are left alone.
func Place(data []byte, findings []Finding) { finding.Place(data, findings) }
