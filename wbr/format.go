package wbr

import (
	"math"
	"math/big"
	"strconv"
	"strings"

	"github.com/dayone-go/mechanisms/internal/render"
)

// isFraction reports whether the metric's values are fractions shown as
// percentages: a ratio compared in basis points.
func (m *MetricReport) isFraction() bool {
	return (m.Aggregation == Ratio || (m.Aggregation == Derived && m.Operation == Divide)) && m.Comparison == BPS
}

// formatValue writes a figure for people: thousands separated above 1,000,
// two decimals below, fractions of a rate as percentages; "n/a" for nil.
func (m *MetricReport) formatValue(v *float64) string {
	if v == nil {
		return "n/a"
	}
	x := *v
	switch {
	case m.isFraction():
		return hundredfold(x, 'f', 2) + "%"
	case m.Unit == "%":
		return strconv.FormatFloat(x, 'f', 2, 64) + "%"
	}
	return grouped(x)
}

// formatChange writes a change with its sign and unit: "+3.6%", "-88 bps".
func (m *MetricReport) formatChange(c *float64) string {
	if c == nil {
		return "n/a"
	}
	if m.Comparison == BPS {
		return signed(strconv.FormatFloat(math.Round(*c), 'f', 0, 64)) + " bps"
	}
	return signed(strconv.FormatFloat(*c, 'f', 1, 64)) + "%"
}

func signed(s string) string {
	if s == "0" || s == "-0" || s == "0.0" || s == "-0.0" {
		return strings.TrimPrefix(s, "-")
	}
	if !strings.HasPrefix(s, "-") {
		return "+" + s
	}
	return "−" + s[1:] // a minus sign, not a hyphen, lines up in tables
}

func trimZeros(s string) string {
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if s == "-0" {
		return "0"
	}
	return s
}

// grouped writes x with thousands separators, rounded to a whole number
// from 1,000 up and to two decimals below unless it is whole.
func grouped(x float64) string {
	if math.Abs(x) < 1000 {
		if x == math.Trunc(x) {
			return strconv.FormatFloat(x, 'f', 0, 64)
		}
		return strconv.FormatFloat(x, 'f', 2, 64) // 41.20, not 41.2, beside 40.81
	}
	s := strconv.FormatFloat(math.Round(x), 'f', 0, 64)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// compact writes x briefly for chart axes: 1.2K, 3.45M, 95%.
func (m *MetricReport) compact(x float64) string {
	if m.isFraction() {
		return trimZeros(hundredfold(x, 'f', 2)) + "%"
	}
	suffix := ""
	if m.Unit == "%" {
		suffix = "%"
	}
	a := math.Abs(x)
	switch {
	case a >= 1e15:
		return strconv.FormatFloat(x, 'g', 3, 64) + suffix // 1.75e+308, not 300 digits
	case a >= 1e9:
		return trimZeros(strconv.FormatFloat(x/1e9, 'f', 2, 64)) + "B"
	case a >= 1e6:
		return trimZeros(strconv.FormatFloat(x/1e6, 'f', 2, 64)) + "M"
	case a >= 1e4:
		return trimZeros(strconv.FormatFloat(x/1e3, 'f', 1, 64)) + "K"
	}
	return trimZeros(strconv.FormatFloat(x, 'f', 3, 64)) + suffix
}

// missed reports whether a variance against plan goes the wrong way.
func (m *MetricReport) missed(variance *float64) bool {
	if variance == nil {
		return false
	}
	if m.Better == Down {
		return *variance > 0
	}
	return *variance < 0
}

// mdEscape makes document text inert in the report's Markdown.
func mdEscape(s string) string { return render.MarkdownInline(s) }

// hundredfold formats x × 100, a fraction as a percentage, in the given
// format; a fraction so large that the product overflows float64 is
// multiplied exactly instead of printing "+Inf".
func hundredfold(x float64, format byte, prec int) string {
	if y := x * 100; !math.IsInf(y, 0) {
		return strconv.FormatFloat(y, format, prec, 64)
	}
	return new(big.Float).Mul(big.NewFloat(x), big.NewFloat(100)).Text('g', 3)
}
