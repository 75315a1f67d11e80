package prfaq

import (
	"io"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// kind is the Kind of every *ValidationError this package returns.
const kind = "prfaq"

// ErrTooLarge is what the error of Parse, ParseReader and ParseMarkdown
// wraps (errors.Is) when the input exceeds MaxBytes, and what the errors for
// nesting too deep or lists too long wrap too.
var ErrTooLarge = strict.ErrTooLarge

// MaxBytes is the largest document Parse, ParseReader and ParseMarkdown
// read: 8 MiB, the strict decoder's default. A PR/FAQ is a few pages; a
// bigger input is refused with a clear error (wrapping ErrTooLarge) rather
// than held in memory. Text of any size can still be reviewed with
// ReviewText.
const MaxBytes = strict.DefaultMaxBytes

// Parse reads a PR/FAQ from JSON or YAML. Keys the document type does not
// declare, values of the wrong type, unknown enum values and impossible
// dates are problems naming the line, column and JSON pointer. The input is
// bounded: MaxBytes in all, nesting 64 deep, 100,000 entries per list.
// Every error about the document is a *ValidationError of Kind "prfaq".
// Parse does not check the document's rules; call Validate for that.
func Parse(data []byte) (*PRFAQ, error) {
	var d PRFAQ
	if err := strict.Decode(data, &d, strict.Limits{}); err != nil {
		return nil, problem.WithKind(err, kind)
	}
	return &d, nil
}

// ParseReader reads a PR/FAQ from r as Parse does, refusing input over
// MaxBytes after reading at most MaxBytes+1 bytes, so a huge or endless
// stream is never read whole. Errors reading r are returned as they are.
func ParseReader(r io.Reader) (*PRFAQ, error) {
	data, err := strict.ReadAll(r, MaxBytes)
	if err != nil {
		return nil, problem.WithKind(err, kind)
	}
	return Parse(data)
}

// Place fills in the Line and Column of each finding from its Path and its
// span, as the flagged words stand in data, the source the document was
// read from: JSON, YAML or Markdown. A finding with a span points at the
// flagged words themselves: in Markdown as PlaceMarkdown gives, in JSON and
// YAML within the field's value (found by their words, since YAML may fold
// or quote the text). A finding about a whole field or section points at
// its value; a path to a field the document leaves out gets the nearest
// enclosing value. Findings whose Path is empty (from
// ReviewText) are left alone: their Line and Column are already within the
// text.
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
	// A finding with a span points at its words inside the value, when
	// the words can be found there.
	var d *PRFAQ
	var lines []int
	for i := range fs {
		f := &fs[i]
		if f.End <= f.Start || f.Line == 0 {
			continue
		}
		if d == nil {
			d = new(PRFAQ)
			if doc.Decode(d) != nil {
				return
			}
			lines = lineStarts(data)
		}
		if text, ok := d.FieldText(f.Path); ok {
			if off, ok := wordAt(data, offsetOf(data, lines, f.Line, f.Column), text, f.Start, f.End); ok {
				f.Line, f.Column = position(data, lines, off)
			}
		}
	}
}
