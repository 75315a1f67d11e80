package wbr

import (
	"errors"
	"fmt"
)

// Sentinel errors callers can branch on with errors.Is.
var (
	// ErrNotWeekEnd: the week-ending date is not the calendar's week-ending weekday.
	ErrNotWeekEnd = errors.New("not a week-ending day")
	// ErrNoData: no metric has any data in the week being reviewed.
	ErrNoData = errors.New("no data for the week")
	// ErrUnknownMetric: a data row names a metric the deck does not have,
	// or a ratio metric that is computed rather than read.
	ErrUnknownMetric = errors.New("unknown metric")
	// ErrDuplicate: two data rows give the same metric on the same day.
	ErrDuplicate = errors.New("duplicate row")
	// ErrBadRow: a data row is malformed: wrong field count, a bad date, a
	// value that is not a finite number.
	ErrBadRow = errors.New("bad row")
	// ErrTooLarge: the data exceeds a documented bound.
	ErrTooLarge = errors.New("data too large")
)

// errorf wraps a sentinel with a message.
func errorf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("wbr: %s: %w", fmt.Sprintf(format, args...), sentinel)
}
