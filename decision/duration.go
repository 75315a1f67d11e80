package decision

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Duration is an ISO 8601 duration such as P30D, PT12H, P1Y2M or P2W: how
// long undoing a decision would take. Each number has at most nine digits,
// and weeks stand alone, as RFC 3339 writes them. The zero Duration means
// "not given".
type Duration string

// ErrDuration is returned for text that is not an ISO 8601 duration.
var ErrDuration = errors.New("not an ISO 8601 duration")

// The date part and the time part are each spelled out as alternatives so
// that the pattern, which the JSON Schema carries too, refuses "P" and "PT"
// without lookahead (RE2 and ECMA regexps agree on it).
const (
	durNum     = `[0-9]{1,9}`
	durDate    = `(?:` + durNum + `Y(?:` + durNum + `M)?(?:` + durNum + `D)?|` + durNum + `M(?:` + durNum + `D)?|` + durNum + `D)`
	durTime    = `T(?:` + durNum + `H(?:` + durNum + `M)?(?:` + durNum + `S)?|` + durNum + `M(?:` + durNum + `S)?|` + durNum + `S)`
	durPattern = `^P(?:` + durNum + `W|` + durDate + `(?:` + durTime + `)?|` + durTime + `)$`
)

var durPart = regexp.MustCompile(`([0-9]+)([YMWDHS])|T`)

// validDuration reports whether s matches durPattern, by hand: Parse meets
// a duration in most decisions, and the compiled pattern cost more than
// decoding the rest of the field. fuzz_test.go compares the two.
func validDuration(s string) bool {
	if len(s) < 3 || s[0] != 'P' {
		return false
	}
	if i, n := designators(s, 1, "W"); n == 1 && i == len(s) {
		return true
	}
	i, n := designators(s, 1, "YMD")
	if i < len(s) && s[i] == 'T' {
		j, m := designators(s, i+1, "HMS")
		return m > 0 && j == len(s)
	}
	return n > 0 && i == len(s)
}

// designators reads pairs of a number of one to nine digits and a
// designator from s[i:], the designators taken from units in their order,
// each at most once. It returns where the pairs end and how many there are.
func designators(s string, i int, units string) (end, n int) {
	for {
		j := i
		for j < len(s) && j-i <= 9 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 9 || j == len(s) {
			return i, n
		}
		k := strings.IndexByte(units, s[j])
		if k < 0 {
			return i, n
		}
		units, i, n = units[k+1:], j+1, n+1
	}
}

// ParseDuration reads an ISO 8601 duration.
func ParseDuration(s string) (Duration, error) {
	if !validDuration(s) {
		return "", fmt.Errorf("%w: %q; write it like P30D, PT12H, P1Y2M or P2W", ErrDuration, s)
	}
	return Duration(s), nil
}

// Valid reports whether d is a well-formed duration; the zero Duration is not.
func (d Duration) Valid() bool { return validDuration(string(d)) }

// String returns d as written.
func (d Duration) String() string { return string(d) }

// UnmarshalText refuses anything but a well-formed duration.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := ParseDuration(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Days returns d in nominal days — a year is 365 days, a month 30, a week 7
// — so durations written in different units compare. It reports false for
// a malformed or zero Duration.
func (d Duration) Days() (float64, bool) {
	if !d.Valid() {
		return 0, false
	}
	days, inTime := 0.0, false
	for _, m := range durPart.FindAllStringSubmatch(string(d)[1:], -1) {
		if m[0] == "T" {
			inTime = true
			continue
		}
		n, err := strconv.ParseFloat(m[1], 64)
		if err != nil {
			return 0, false
		}
		switch {
		case m[2] == "Y":
			days += n * 365
		case m[2] == "M" && !inTime:
			days += n * 30
		case m[2] == "W":
			days += n * 7
		case m[2] == "D":
			days += n
		case m[2] == "H":
			days += n / 24
		case m[2] == "M":
			days += n / (24 * 60)
		case m[2] == "S":
			days += n / (24 * 60 * 60)
		}
	}
	return days, true
}
