package flywheel

import (
	"fmt"
	"math"
	"strconv"
)

// describe says in words what the growth factor and the dominant
// eigenvalue mean for a push, for a manager rather than a mathematician:
// it never prints a complex number.
func describe(growth float64, eig [2]float64, oscillates bool) string {
	if growth == 0 {
		return "Nothing comes back around: a push passes through the wheel once and is gone."
	}
	if !oscillates {
		switch {
		case math.Abs(growth-1) <= 1e-9:
			return "The wheel holds: a push comes back around at the same strength, neither growing nor fading."
		case growth > 1:
			return "The wheel spins up: pushes " + grows(growth) + " per step."
		default:
			return "The wheel spins down: a push fades, losing " + shrinks(growth) + " of its strength per step."
		}
	}
	var s string
	if eig[1] == 0 {
		s = "The wheel flips: a push comes back reversed at every step"
	} else {
		period := 2 * math.Pi / math.Abs(math.Atan2(eig[1], eig[0]))
		s = fmt.Sprintf("The wheel swings: a push comes back alternately stronger and weaker, a full swing about every %.0f steps", period)
	}
	switch {
	case math.Abs(growth-1) <= 1e-9:
		return s + ", and the swings keep their size."
	case growth > 1:
		return s + ", and the swings " + grows(growth) + " per step."
	default:
		return s + ", and the swings fade, losing " + shrinks(growth) + " of their size per step."
	}
}

// grows says how much a factor above 1 grows something: "grow by about
// 16%", or "grow about 12-fold" for factors of 2 and more.
func grows(x float64) string {
	if x >= 2 {
		return "grow about " + short(x) + "-fold"
	}
	return "grow by about " + percent(x-1)
}

// shrinks says how much a factor below 1 takes away: "about 3.6%".
func shrinks(x float64) string { return "about " + percent(1-x) }

// percent writes a fraction as a percentage with two significant digits,
// as people say them: "16%", "3.6%".
func percent(x float64) string {
	x *= 100
	if x == 0 || x < 1e-4 {
		return short(x) + "%"
	}
	p := math.Pow(10, float64(1-int(math.Floor(math.Log10(x)))))
	return strconv.FormatFloat(math.Round(x*p)/p, 'f', -1, 64) + "%"
}

// short writes a number with three significant digits, and without an
// exponent for the sizes people read: "0.964", "19", "1200".
func short(x float64) string {
	if x == 0 {
		return "0"
	}
	if math.Abs(x) >= 1e6 || math.Abs(x) < 1e-4 {
		return fmt.Sprintf("%.3g", x)
	}
	digits := 2 - int(math.Floor(math.Log10(math.Abs(x))))
	p := math.Pow(10, float64(digits))
	return strconv.FormatFloat(math.Round(x*p)/p, 'f', -1, 64)
}

// gainText writes a loop's gain with four significant digits; a gain held
// at the float64 limit says it is at least that.
func gainText(g float64) string {
	if g >= math.MaxFloat64 {
		return "≥1.8e+308"
	}
	return strconv.FormatFloat(g, 'g', 4, 64)
}

// gainText3 is gainText with three significant digits, for legends.
func gainText3(g float64) string {
	if g >= math.MaxFloat64 {
		return "≥1.8e+308"
	}
	return strconv.FormatFloat(g, 'g', 3, 64)
}
