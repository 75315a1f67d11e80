package main

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// clean makes text from a document safe to print on a terminal or in a CI
// log: control characters (line breaks and escape codes included), the C1
// controls, the Unicode line and paragraph separators, the bidirectional
// overrides and invalid UTF-8 are written as escapes (\n, \x1b, \u202e), so
// no printed line can start a CI workflow command (::error …) or move the
// cursor.
func clean(s string) string {
	ok := true
	for _, r := range s {
		if unsafeRune(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x80 && unsafeRune(r):
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == utf8.RuneError:
		return true
	}
	return false
}

// width is the number of columns s takes on a terminal, counting each rune
// as one.
func width(s string) int { return utf8.RuneCountInString(s) }

// pad right-pads s with spaces to n columns.
func pad(s string, n int) string {
	if w := width(s); w < n {
		return s + strings.Repeat(" ", n-w)
	}
	return s
}

// padLeft left-pads s with spaces to n columns.
func padLeft(s string, n int) string {
	if w := width(s); w < n {
		return strings.Repeat(" ", n-w) + s
	}
	return s
}

// listWords joins items as a person writes a list: "a, b and c".
func listWords(items []string) string {
	switch len(items) {
	case 0:
		return "none"
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// count says "1 document", "3 documents".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	if len(noun) > 1 && noun[len(noun)-1] == 'y' && !strings.ContainsRune("aeiou", rune(noun[len(noun)-2])) {
		return fmt.Sprintf("%d %sies", n, strings.TrimSuffix(noun, "y"))
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

var bigInteger = regexp.MustCompile(`\b\d{5,15}\b`)

// readable rewrites a package's message for a person: durations in words
// and large whole numbers with thousands separators ("40000 USD" →
// "40,000 USD"). Dates and ids are left alone: they hold dashes or letters.
func readable(s string) string {
	s = durationsInWords(s)
	return bigInteger.ReplaceAllStringFunc(s, func(m string) string {
		return groupThousands(m)
	})
}

var isoDuration = regexp.MustCompile(`\bP(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?\b`)

// durationsInWords rewrites ISO 8601 durations in a message ("P14D",
// "P1Y6M") as words ("14 days", "1 year and 6 months").
func durationsInWords(s string) string {
	if !strings.Contains(s, "P") {
		return s
	}
	return isoDuration.ReplaceAllStringFunc(s, func(m string) string {
		parts := isoDuration.FindStringSubmatch(m)
		var out []string
		for i, unit := range []string{"year", "month", "week", "day"} {
			if parts[i+1] == "" {
				continue
			}
			n, err := strconv.Atoi(parts[i+1])
			if err != nil {
				return m
			}
			out = append(out, count(n, unit))
		}
		if len(out) == 0 {
			return m
		}
		return listWords(out)
	})
}

// number prints a figure a person reads: thousands separated, no exponent,
// at most the decimals that matter; "very large" instead of infinity.
func number(v float64) string {
	switch {
	case math.IsNaN(v):
		return "undefined"
	case math.IsInf(v, 1):
		return "very large"
	case math.IsInf(v, -1):
		return "very large (negative)"
	}
	a := math.Abs(v)
	if a >= 1e15 {
		return strconv.FormatFloat(v, 'g', 3, 64)
	}
	decimals := 0
	switch {
	case a == 0:
	case a < 0.01:
		decimals = 4
	case a < 1:
		decimals = 3
	case a < 10:
		decimals = 2
	case a < 1000:
		decimals = 1
	}
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if decimals > 0 {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		s = "0"
	}
	return groupThousands(s)
}

func groupThousands(s string) string {
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "−", s[1:]
	}
	intPart, frac, hasFrac := strings.Cut(s, ".")
	var b strings.Builder
	for i, c := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	if hasFrac {
		b.WriteByte('.')
		b.WriteString(frac)
	}
	return sign + b.String()
}

// percent prints a change in percent with its sign: "+3.2%", "−0.4%".
func percent(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return number(v)
	}
	s := strconv.FormatFloat(math.Abs(v), 'f', 1, 64)
	switch {
	case s == "0.0":
		return "0.0%"
	case v < 0:
		return "−" + s + "%"
	}
	return "+" + s + "%"
}

// readingLevel puts a Flesch reading ease into the words of Flesch's own
// table, so no reader meets a score above 100 or a negative grade.
func readingLevel(ease float64) string {
	switch {
	case ease >= 90:
		return "very easy to read"
	case ease >= 80:
		return "easy to read"
	case ease >= 70:
		return "fairly easy to read"
	case ease >= 60:
		return "plain English"
	case ease >= 50:
		return "fairly difficult to read"
	case ease >= 30:
		return "difficult to read"
	}
	return "very difficult to read"
}

// gradeWords says which school grade can read a text; "" below grade 1,
// where the formula's figure means nothing.
func gradeWords(g float64) string {
	switch {
	case g < 1 || math.IsNaN(g):
		return ""
	case g >= 17:
		return "a graduate reader"
	case g >= 13:
		return "a college reader"
	}
	return fmt.Sprintf("a grade %d reader", int(math.Round(g)))
}
