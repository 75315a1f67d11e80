package barraiser

import "math"

// RaisesBar places score within cohort, the scores of current employees at
// the same level and job function.
//
// The percentile is the share of the cohort strictly below score, from 0 to
// 100. A cohort member with exactly the candidate's score counts as not
// beaten: a tie is not better. The candidate raises the bar when strictly
// more than half of the cohort is below: a candidate exactly at the median
// does not raise it.
//
// RaisesBar never panics. For an empty cohort, a NaN score or a NaN anywhere
// in the cohort there is no meaningful answer: it returns (NaN, false).
// Validate and Evaluate refuse such a loop with an error instead.
func RaisesBar(score float64, cohort []float64) (percentile float64, raises bool) {
	if len(cohort) == 0 || math.IsNaN(score) {
		return math.NaN(), false
	}
	below := 0
	for _, c := range cohort {
		if math.IsNaN(c) {
			return math.NaN(), false
		}
		if c < score {
			below++
		}
	}
	// Compare counts, not the rounded percentage, so that exactly half is
	// never mistaken for more than half.
	return 100 * float64(below) / float64(len(cohort)), 2*below > len(cohort)
}
