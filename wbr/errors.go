package wbr

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/dayone-go/mechanisms/internal/strict"
)

// Sentinel errors callers can branch on with errors.Is.
var (
	// ErrNotWeekEnd: the week-ending date is not the calendar's week-ending weekday.
	ErrNotWeekEnd = errors.New("not a week-ending day")
	// ErrNoData: no metric has any data in the week being reviewed, or a
	// source (a query, a CSV file) holds no rows at all.
	ErrNoData = errors.New("no data")
	// ErrUnknownMetric: a data row names a metric the deck does not have,
	// or a ratio metric that is computed rather than read.
	ErrUnknownMetric = errors.New("unknown metric")
	// ErrDuplicate: two data rows give the same metric on the same day.
	ErrDuplicate = errors.New("duplicate row")
	// ErrBadRow: a data row is malformed: wrong field count, a bad date, a
	// value that is not a finite number, a column of the wrong type.
	ErrBadRow = errors.New("bad row")
	// ErrQuery: ReadSQL's query failed: the server is unreachable, the
	// credentials are refused, the SQL is wrong. The driver's own error is
	// reachable with errors.As as well.
	ErrQuery = errors.New("query failed")
	// ErrTooLarge: the input is over a documented bound. It is the same
	// error for a deck over MaxBytes (Parse, ParseReader) and for data over
	// MaxLineBytes, MaxLines, MaxPoints or MaxMetrics (ReadCSV, ReadSQL,
	// Data.Add), so one errors.Is check covers every bound.
	ErrTooLarge = strict.ErrTooLarge
)

// DataError is the error ReadCSV, ReadSQL, Data.Add and Build return for a
// problem with the daily data, as opposed to the deck. errors.Is matches its
// sentinel (ErrBadRow, ErrDuplicate, ErrTooLarge, ErrUnknownMetric, ErrNoData,
// ErrQuery); errors.As also reaches the driver's error behind a failed query.
//
// The readers do not know the name of what they read, so File is empty when
// they return: a caller that knows the file sets it before passing the error
// on, and Error then names it:
//
//	var de *wbr.DataError
//	if errors.As(err, &de) {
//		de.File = "deck-data.csv" // "wbr: deck-data.csv: line 4, column value: ..."
//	}
type DataError struct {
	// File names the file or source the data came from; empty until the
	// caller sets it.
	File string
	// Line is the 1-based line of a CSV file the problem is on; 0 when the
	// data did not come from a CSV line.
	Line int
	// Row is the 1-based row of a query's result the problem is on; 0 when
	// the data did not come from a query.
	Row int
	// Column is the name of the column at fault as the CSV header or the
	// query names it ("value", "revenue"); empty when the problem is not in
	// one column.
	Column string
	// Message says what is wrong in words.
	Message string
	// Err is the sentinel the problem stands for.
	Err error
	// Cause is the underlying error, such as the driver's error behind
	// ErrQuery; nil when there is none.
	Cause error
}

// Error reads "wbr: FILE: line N, column C: message".
func (e *DataError) Error() string {
	var b strings.Builder
	b.WriteString("wbr: ")
	if e.File != "" {
		b.WriteString(e.File)
		b.WriteString(": ")
	}
	var at []string
	if e.Line > 0 {
		at = append(at, "line "+strconv.Itoa(e.Line))
	}
	if e.Row > 0 {
		at = append(at, "row "+strconv.Itoa(e.Row))
	}
	if e.Column != "" {
		at = append(at, "column "+quoteName(e.Column))
	}
	if len(at) > 0 {
		b.WriteString(strings.Join(at, ", "))
		b.WriteString(": ")
	}
	b.WriteString(e.Message)
	if e.Cause != nil {
		b.WriteString(": ")
		b.WriteString(e.Cause.Error())
	}
	return b.String()
}

// Unwrap returns the sentinel and the cause, so errors.Is and errors.As
// find either.
func (e *DataError) Unwrap() []error {
	if e.Cause == nil {
		return []error{e.Err}
	}
	return []error{e.Err, e.Cause}
}

// dataErr builds a DataError about no particular place.
func dataErr(sentinel error, format string, args ...any) *DataError {
	return &DataError{Message: fmt.Sprintf(format, args...), Err: sentinel}
}

// errorf wraps a sentinel with a message, for errors that are not about a
// place in the data (a week-ending day that is not one).
func errorf(sentinel error, format string, args ...any) error {
	return fmt.Errorf("wbr: %s: %w", fmt.Sprintf(format, args...), sentinel)
}

// quoteName quotes a column name only when it is not a plain identifier.
func quoteName(s string) string {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return strconv.Quote(s)
		}
	}
	return s
}
