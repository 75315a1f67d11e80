package barraiser

import (
	"errors"
	"fmt"
	"io"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// MaxBytes is the largest input Parse and ParseReader accept, 8 MiB. A
// loop of 30 interviewers with long evidence and a cohort of 100,000
// scores stays well below it.
const MaxBytes = strict.DefaultMaxBytes

// ErrTooLarge is the sentinel behind the error for input over MaxBytes:
// errors.Is(err, ErrTooLarge) holds for it, from Parse and ParseReader.
var ErrTooLarge = strict.ErrTooLarge

// limits bounds what Parse builds; the package doc states the figures.
var limits = strict.Limits{MaxBytes: MaxBytes}

// Parse reads a Loop from JSON or YAML. Keys the Loop does not declare,
// values of the wrong type, unknown enum values, malformed times,
// non-finite numbers and inputs beyond the limits in the package doc are
// refused with a *ValidationError whose problems name the line, column and
// JSON pointer of each. Parse does not validate: call Validate (or
// Evaluate, which validates) on the result.
func Parse(data []byte) (*Loop, error) {
	var l Loop
	if err := strict.Decode(data, &l, limits); err != nil {
		return nil, withKind(err)
	}
	return &l, nil
}

// ParseReader reads at most MaxBytes from r and parses a Loop as Parse
// does. Longer input is refused, without reading it all, with an error for
// which errors.Is(err, ErrTooLarge) holds. An error reading r is returned
// wrapped, as it is not about the document.
func ParseReader(r io.Reader) (*Loop, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, withKind(err)
	}
	return Parse(data)
}

// withKind gives a decoder's problem its Kind; any other error (a failed
// read) is wrapped with the package name.
func withKind(err error) error {
	var ve *ValidationError
	if errors.As(err, &ve) {
		return problem.WithKind(err, kind)
	}
	return fmt.Errorf("barraiser: %w", err)
}
