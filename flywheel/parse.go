package flywheel

import (
	"io"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// Kind of the documents of this package, as ValidationError.Kind names it.
const docKind = "flywheel"

// MaxBytes is the largest document Parse and ParseReader accept, in bytes
// (8 MiB), room for a wheel at MaxNodes and MaxLinks with short labels.
const MaxBytes = strict.DefaultMaxBytes

// ErrTooLarge is what errors.Is finds in the error Parse and ParseReader
// return for input over MaxBytes. It is the same value in every package of
// this module, so one check covers them all. A graph too large to analyse
// is ErrGraphTooLarge.
var ErrTooLarge = strict.ErrTooLarge

// Parse reads a flywheel document, JSON or YAML, strictly: unknown keys,
// wrong types, non-finite numbers and unknown polarities or kinds are
// problems that name the line, column and JSON pointer. Every error about
// the document is a *ValidationError with Kind "flywheel". Input is bounded
// before anything large is built: MaxBytes, nesting depth 64 and 100,000
// entries per list. Parse does not validate; call Validate.
func Parse(data []byte) (*Flywheel, error) {
	var f Flywheel
	if err := strict.Decode(data, &f, strict.Limits{MaxBytes: MaxBytes}); err != nil {
		return nil, problem.WithKind(err, docKind)
	}
	return &f, nil
}

// ParseReader reads at most MaxBytes from r and parses them as Parse does.
// Longer input is refused with an error wrapping ErrTooLarge without being
// read to its end, so a stream without end (/dev/zero) is bounded too.
func ParseReader(r io.Reader) (*Flywheel, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, problem.WithKind(err, docKind)
	}
	return Parse(data)
}
