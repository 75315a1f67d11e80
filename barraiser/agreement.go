package barraiser

import (
	"errors"
	"fmt"
	"math"
)

// ErrUndefined is returned when an agreement statistic has no value: every
// rating fell in one category, so chance agreement is already perfect and
// kappa divides zero by zero.
var ErrUndefined = errors.New("barraiser: kappa is undefined when every rating falls in one category")

// Weighting says how Cohen's kappa counts a disagreement between ordered
// categories i and j of k.
type Weighting int

// Weightings. The zero Weighting is not one of them; CalibrationOptions reads
// it as Quadratic.
const (
	// Unweighted counts every disagreement fully (Cohen 1960).
	Unweighted Weighting = iota + 1
	// Linear counts |i-j|/(k-1) of it (equal spacing).
	Linear
	// Quadratic counts ((i-j)/(k-1))² of it (Fleiss and Cohen 1973), so
	// near misses cost little; the usual choice for ordinal scales.
	Quadratic
)

// String names the weighting.
func (w Weighting) String() string {
	switch w {
	case Unweighted:
		return "unweighted"
	case Linear:
		return "linear"
	case Quadratic:
		return "quadratic"
	}
	return fmt.Sprintf("Weighting(%d)", int(w))
}

func (w Weighting) disagreement(i, j, k int) float64 {
	if i == j {
		return 0
	}
	d := math.Abs(float64(i-j)) / float64(k-1)
	switch w {
	case Linear:
		return d
	case Quadratic:
		return d * d
	}
	return 1
}

// CohenKappa returns Cohen's kappa for a k×k contingency table in which
// table[i][j] counts the subjects the first rater put in category i and the
// second in category j, categories in their natural order. It is
// 1 - Σ w·observed / Σ w·expected, with w the disagreement weights.
// The table must be square with k ≥ 2, counts non-negative and not all
// zero; ErrUndefined when both raters used a single, same category.
func CohenKappa(table [][]int, w Weighting) (float64, error) {
	k := len(table)
	if w < Unweighted || w > Quadratic {
		return math.NaN(), fmt.Errorf("barraiser: unknown weighting %d", int(w))
	}
	if k < 2 {
		return math.NaN(), fmt.Errorf("barraiser: kappa needs at least 2 categories, got %d", k)
	}
	rows := make([]float64, k)
	cols := make([]float64, k)
	total := 0.0
	for i, row := range table {
		if len(row) != k {
			return math.NaN(), fmt.Errorf("barraiser: kappa table row %d has %d cells; want %d", i, len(row), k)
		}
		for j, c := range row {
			if c < 0 {
				return math.NaN(), fmt.Errorf("barraiser: kappa table cell [%d][%d] is negative", i, j)
			}
			rows[i] += float64(c)
			cols[j] += float64(c)
			total += float64(c)
		}
	}
	if total == 0 {
		return math.NaN(), fmt.Errorf("barraiser: kappa table is empty")
	}
	var observed, expected float64
	for i := range k {
		for j := range k {
			d := w.disagreement(i, j, k)
			observed += d * float64(table[i][j]) / total
			expected += d * rows[i] / total * cols[j] / total
		}
	}
	if expected == 0 {
		return math.NaN(), ErrUndefined
	}
	return 1 - observed/expected, nil
}

// PairKappa returns Cohen's kappa for two raters who each put the same
// subjects in categories 1..k: a[s] and b[s] are their ratings of subject s.
func PairKappa(a, b []int, k int, w Weighting) (float64, error) {
	if len(a) != len(b) {
		return math.NaN(), fmt.Errorf("barraiser: the raters rated %d and %d subjects; kappa needs the same subjects", len(a), len(b))
	}
	if k < 2 || k > 1000 {
		return math.NaN(), fmt.Errorf("barraiser: kappa needs 2 to 1000 categories, got %d", k)
	}
	table := make([][]int, k)
	for i := range table {
		table[i] = make([]int, k)
	}
	for s := range a {
		if a[s] < 1 || a[s] > k || b[s] < 1 || b[s] > k {
			return math.NaN(), fmt.Errorf("barraiser: subject %d has ratings %d and %d outside 1..%d", s, a[s], b[s], k)
		}
		table[a[s]-1][b[s]-1]++
	}
	return CohenKappa(table, w)
}

// FleissKappa returns Fleiss' kappa for many raters: counts[s][c] is how many
// raters put subject s in category c. Every subject needs at least two
// ratings. With the same number of ratings per subject this is Fleiss (1971);
// with differing numbers, each subject's agreement is still the share of
// agreeing rater pairs and the category shares pool all ratings, the usual
// extension. ErrUndefined when every rating fell in one category.
func FleissKappa(counts [][]int) (float64, error) {
	if len(counts) == 0 {
		return math.NaN(), fmt.Errorf("barraiser: Fleiss' kappa needs at least one subject")
	}
	k := len(counts[0])
	if k < 2 {
		return math.NaN(), fmt.Errorf("barraiser: Fleiss' kappa needs at least 2 categories, got %d", k)
	}
	shares := make([]float64, k)
	var all, agree float64
	for s, row := range counts {
		if len(row) != k {
			return math.NaN(), fmt.Errorf("barraiser: subject %d has %d categories; want %d", s, len(row), k)
		}
		n, sq := 0.0, 0.0
		for c, x := range row {
			if x < 0 {
				return math.NaN(), fmt.Errorf("barraiser: subject %d has a negative count", s)
			}
			f := float64(x)
			n += f
			sq += f * f
			shares[c] += f
		}
		if n < 2 {
			return math.NaN(), fmt.Errorf("barraiser: subject %d has %v ratings; Fleiss' kappa needs at least 2", s, n)
		}
		agree += (sq - n) / (n * (n - 1))
		all += n
	}
	observed := agree / float64(len(counts))
	chance := 0.0
	for _, x := range shares {
		p := x / all
		chance += p * p
	}
	if chance >= 1 {
		return math.NaN(), ErrUndefined
	}
	return (observed - chance) / (1 - chance), nil
}

// Agreement is a band of kappa in the scale of Landis and Koch (1977), "The
// measurement of observer agreement for categorical data", Biometrics 33.
type Agreement string

// The Landis and Koch bands, and Undefined for a kappa that has no value.
const (
	Poor          Agreement = "poor"           // below 0
	Slight        Agreement = "slight"         // 0 to 0.20
	Fair          Agreement = "fair"           // 0.21 to 0.40
	Moderate      Agreement = "moderate"       // 0.41 to 0.60
	Substantial   Agreement = "substantial"    // 0.61 to 0.80
	AlmostPerfect Agreement = "almost perfect" // 0.81 to 1
	Undefined     Agreement = "undefined"      // NaN
)

// Interpret returns the Landis and Koch band of kappa. The published bands
// stop at two decimals; a value between them (0.205) belongs to the band
// whose upper bound it does not exceed, so 0.20 is slight and 0.2001 fair.
func Interpret(kappa float64) Agreement {
	switch {
	case math.IsNaN(kappa):
		return Undefined
	case kappa < 0:
		return Poor
	case kappa <= 0.20:
		return Slight
	case kappa <= 0.40:
		return Fair
	case kappa <= 0.60:
		return Moderate
	case kappa <= 0.80:
		return Substantial
	}
	return AlmostPerfect
}

// LoopAgreement returns Fleiss' kappa for one loop: how far its interviewers
// agree on the principles that two or more of them rated, over the 1..4
// scores. subjects is how many principles entered; ErrUndefined when none
// did or all scores were equal. A nil loop gives the *ValidationError that
// Validate gives it (errors.Is(err, ErrNilLoop) holds).
func LoopAgreement(l *Loop) (kappa float64, subjects int, err error) {
	if l == nil {
		return math.NaN(), 0, nilLoop()
	}
	counts := map[string][]int{}
	var order []string
	for _, f := range l.Feedback {
		for _, r := range f.Ratings {
			if r.Score < 1 || r.Score > 4 {
				return math.NaN(), 0, fmt.Errorf("barraiser: score %d outside 1..4", r.Score)
			}
			c, ok := counts[r.Principle]
			if !ok {
				c = make([]int, 4)
				counts[r.Principle] = c
				order = append(order, r.Principle)
			}
			c[r.Score-1]++
		}
	}
	var rows [][]int
	for _, p := range order {
		n := 0
		for _, x := range counts[p] {
			n += x
		}
		if n >= 2 {
			rows = append(rows, counts[p])
		}
	}
	if len(rows) == 0 {
		return math.NaN(), 0, ErrUndefined
	}
	kappa, err = FleissKappa(rows)
	return kappa, len(rows), err
}
