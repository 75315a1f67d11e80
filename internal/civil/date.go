// Package civil holds the calendar date used by every mechanism's documents:
// a day with no time of day and no time zone, written YYYY-MM-DD.
package civil

import (
	"fmt"
	"time"
)

// Date is a calendar day. The zero Date means "not set".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// ParseDate reads a YYYY-MM-DD date and refuses days that do not exist. Its
// error says which: the form ("write YYYY-MM-DD, such as 2026-03-10"), or
// the month or day that does not exist.
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err == nil {
		return DateOf(t), nil
	}
	shown := s
	if len(shown) > 40 {
		shown = shown[:40] + "…"
	}
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return Date{}, fmt.Errorf("invalid date %q; write YYYY-MM-DD, such as 2026-03-10", shown)
	}
	y, m, d := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	if m < 1 || m > 12 {
		return Date{}, fmt.Errorf("invalid date %q: there is no month %d; write a day that exists as YYYY-MM-DD", s, m)
	}
	last := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
	if d < 1 || d > last {
		return Date{}, fmt.Errorf("invalid date %q: %s %04d has %d days; write a day that exists as YYYY-MM-DD", s, time.Month(m), y, last)
	}
	return Date{}, fmt.Errorf("invalid date %q; write YYYY-MM-DD, such as 2026-03-10", s)
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d == Date{} }

// Time returns midnight UTC at the start of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// String returns d as YYYY-MM-DD.
func (d Date) String() string { return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day) }

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Time().Before(e.Time()) }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.Time().After(e.Time()) }

// AddDays returns the date n days after d (before it for negative n).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// MarshalText writes YYYY-MM-DD.
func (d Date) MarshalText() ([]byte, error) {
	if d.IsZero() {
		return []byte{}, nil
	}
	if _, err := ParseDate(d.String()); err != nil {
		return nil, err
	}
	return []byte(d.String()), nil
}

// UnmarshalText reads YYYY-MM-DD.
func (d *Date) UnmarshalText(b []byte) error {
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}
