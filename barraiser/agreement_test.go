package barraiser

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// sexualFun is Agresti (1990), Categorical Data Analysis, as shipped in R's
// vcd package (SexualFun): husbands' (rows) and wives' (columns) ratings on
// a four-point scale. vcd::Kappa(SexualFun) prints unweighted 0.1293 and
// equal-spacing (linear) weighted 0.2374.
var sexualFun = [][]int{
	{7, 7, 2, 3},
	{2, 8, 3, 7},
	{1, 5, 4, 9},
	{2, 8, 9, 14},
}

// sasTable is the 3×3 table of a SAS PROC FREQ agreement example whose
// printed output (simple kappa 0.4842, Cicchetti-Allison weighted 0.4701)
// statsmodels' test suite reproduces.
var sasTable = [][]int{{0, 4, 1}, {0, 8, 0}, {0, 1, 5}}

// anxietyRater2 and anxietyRater3 are raters 2 and 3 of the anxiety data in
// R's irr package (20 subjects). They never use level 5 of 1..6; irr drops
// the unused level and spaces the remaining five evenly, so 6 is recoded as
// 5 here. irr::kappa2(anxiety[,2:3]) gives -0.006289308 unweighted,
// 0.1459075 with "equal" (linear) and 0.2520325 with "squared" weights.
var (
	anxietyRater2 = []int{3, 5, 4, 5, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4}
	anxietyRater3 = []int{2, 1, 4, 4, 3, 2, 1, 5, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2}
)

func TestCohenKappaTextbook(t *testing.T) {
	cases := []struct {
		name  string
		table [][]int
		w     Weighting
		want  float64
		tol   float64
	}{
		// Wikipedia, "Cohen's kappa", worked example: 50 grant proposals,
		// p_o = 0.7, p_e = 0.5, kappa = 0.4.
		{"wikipedia 2x2", [][]int{{20, 5}, {10, 15}}, Unweighted, 0.4, 1e-12},
		{"agresti sexual fun unweighted", sexualFun, Unweighted, 0.1293, 5e-5},
		{"agresti sexual fun linear", sexualFun, Linear, 0.2374, 5e-5},
		{"sas simple", sasTable, Unweighted, 0.4842, 5e-5},
		{"sas cicchetti-allison", sasTable, Linear, 0.4701, 5e-5},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, err := CohenKappa(c.table, c.w)
			require.NoError(t, err)
			assert.InDelta(t, c.want, got, c.tol)
		})
	}
}

func TestPairKappaIrrAnxiety(t *testing.T) {
	for _, c := range []struct {
		w    Weighting
		want float64
	}{{Unweighted, -0.006289308}, {Linear, 0.1459075}, {Quadratic, 0.2520325}} {
		got, err := PairKappa(anxietyRater2, anxietyRater3, 5, c.w)
		require.NoError(t, err)
		assert.InDelta(t, c.want, got, 5e-8, c.w.String())
	}
}

// TestQuadraticKappaIsMomentRatio checks quadratic kappa against a second,
// independent formula: for two raters it equals 2·cov(a,b) /
// (var(a) + var(b) + (mean(a) - mean(b))²) with population moments.
func TestQuadraticKappaIsMomentRatio(t *testing.T) {
	var a, b []int
	for i, row := range sexualFun {
		for j, n := range row {
			for range n {
				a, b = append(a, i+1), append(b, j+1)
			}
		}
	}
	ma, mb := meanInts(a), meanInts(b)
	var va, vb, cov float64
	for i := range a {
		da, db := float64(a[i])-ma, float64(b[i])-mb
		va, vb, cov = va+da*da, vb+db*db, cov+da*db
	}
	n := float64(len(a))
	want := 2 * cov / n / (va/n + vb/n + (ma-mb)*(ma-mb))
	got, err := PairKappa(a, b, 4, Quadratic)
	require.NoError(t, err)
	assert.InDelta(t, want, got, 1e-12)
	fromTable, err := CohenKappa(sexualFun, Quadratic)
	require.NoError(t, err)
	assert.InDelta(t, got, fromTable, 1e-12)
}

func meanInts(xs []int) float64 {
	s := 0
	for _, x := range xs {
		s += x
	}
	return float64(s) / float64(len(xs))
}

func TestKappaPerfectAgreementIsOne(t *testing.T) {
	a := []int{1, 2, 3, 4, 4, 2}
	for _, w := range []Weighting{Unweighted, Linear, Quadratic} {
		got, err := PairKappa(a, a, 4, w)
		require.NoError(t, err)
		assert.InDelta(t, 1.0, got, 1e-12, w.String())
	}
	got, err := FleissKappa([][]int{{3, 0, 0}, {0, 3, 0}, {0, 0, 3}})
	require.NoError(t, err)
	assert.InDelta(t, 1.0, got, 1e-12)
}

// fleissWikipedia is the worked example of Wikipedia's "Fleiss' kappa"
// article: 10 subjects, 14 raters, 5 categories; P̄ = 0.378, P̄e = 0.213,
// kappa = 0.210 (0.20993 unrounded).
var fleissWikipedia = [][]int{
	{0, 0, 0, 0, 14},
	{0, 2, 6, 4, 2},
	{0, 0, 3, 5, 6},
	{0, 3, 9, 2, 0},
	{2, 2, 8, 1, 1},
	{7, 7, 0, 0, 0},
	{3, 2, 6, 3, 0},
	{2, 5, 3, 2, 2},
	{6, 5, 2, 1, 0},
	{0, 2, 2, 3, 7},
}

// fleiss1971 are the diagnoses of Fleiss (1971), "Measuring nominal scale
// agreement among many raters", Psychological Bulletin 76: 30 patients, each
// diagnosed by 6 of the psychiatrists into 5 categories, as the raw ratings
// of R's irr package (diagnoses); irr::kappam.fleiss gives 0.4302445 and the
// paper 0.430.
var fleiss1971 = [][]int{
	{4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
	{2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
	{1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
	{2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
	{1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
	{5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
	{1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
	{1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
}

func TestFleissKappaTextbook(t *testing.T) {
	got, err := FleissKappa(fleissWikipedia)
	require.NoError(t, err)
	assert.InDelta(t, 0.20993, got, 5e-6)
	assert.Equal(t, Fair, Interpret(got), "0.2099 is above 0.20, so fair")

	counts := make([][]int, len(fleiss1971))
	for s, raters := range fleiss1971 {
		counts[s] = make([]int, 5)
		for _, c := range raters {
			counts[s][c-1]++
		}
	}
	got, err = FleissKappa(counts)
	require.NoError(t, err)
	assert.InDelta(t, 0.4302445, got, 5e-8)
	assert.Equal(t, Moderate, Interpret(got))
}

func TestFleissUnequalRatersMatchesPairwise(t *testing.T) {
	// With two raters per subject and pooled shares, Fleiss' kappa is
	// Scott's pi; check the pooled-share arithmetic on a subject with three.
	got, err := FleissKappa([][]int{{2, 0}, {0, 3}, {1, 1}})
	require.NoError(t, err)
	// agreement: 1, 1, 0 → 2/3; shares 3/7, 4/7 → chance 25/49.
	want := (2.0/3 - 25.0/49) / (1 - 25.0/49)
	assert.InDelta(t, want, got, 1e-12)
}

func TestKappaErrors(t *testing.T) {
	_, err := CohenKappa([][]int{{5, 0}, {0, 0}}, Unweighted)
	assert.ErrorIs(t, err, ErrUndefined)
	_, err = CohenKappa([][]int{{1, 2}, {3}}, Linear)
	assert.Error(t, err)
	_, err = CohenKappa([][]int{{1}}, Linear)
	assert.Error(t, err)
	_, err = CohenKappa([][]int{{0, 0}, {0, 0}}, Linear)
	assert.Error(t, err)
	_, err = CohenKappa([][]int{{1, -1}, {0, 1}}, Linear)
	assert.Error(t, err)
	_, err = CohenKappa(sexualFun, Weighting(0))
	assert.Error(t, err)
	_, err = PairKappa([]int{1, 2}, []int{1}, 4, Linear)
	assert.Error(t, err)
	_, err = PairKappa([]int{1, 5}, []int{1, 2}, 4, Linear)
	assert.Error(t, err)
	_, err = FleissKappa(nil)
	assert.Error(t, err)
	_, err = FleissKappa([][]int{{1, 0}})
	assert.Error(t, err)
	_, err = FleissKappa([][]int{{2, 0}, {3, 0}})
	assert.ErrorIs(t, err, ErrUndefined)
	_, err = FleissKappa([][]int{{2, 0}, {3}})
	assert.Error(t, err)
}

func TestInterpretLandisKoch(t *testing.T) {
	cases := map[float64]Agreement{
		-0.1: Poor, 0: Slight, 0.2: Slight, 0.21: Fair, 0.4: Fair, 0.41: Moderate,
		0.6: Moderate, 0.61: Substantial, 0.8: Substantial, 0.81: AlmostPerfect, 1: AlmostPerfect,
		math.NaN(): Undefined,
	}
	for k, want := range cases {
		assert.Equal(t, want, Interpret(k), "%v", k)
	}
}

func TestLoopAgreement(t *testing.T) {
	// hire.json: Customer Obsession 3, 3, 2; Dive Deep 3, 3; Ownership 4, 3.
	// Agreement per principle 1/3, 1, 0 → 4/9; score shares 1/7, 5/7, 1/7
	// → chance 27/49; kappa = (4/9 - 27/49) / (22/49) = -47/198.
	k, n, err := LoopAgreement(loadLoop(t, "testdata/valid/hire.json"))
	require.NoError(t, err)
	assert.Equal(t, 3, n)
	assert.InDelta(t, -47.0/198, k, 1e-12)
	assert.Equal(t, Poor, Interpret(k))

	_, _, err = LoopAgreement(&Loop{})
	assert.ErrorIs(t, err, ErrUndefined)
	_, _, err = LoopAgreement(nil)
	assert.ErrorIs(t, err, ErrNilLoop)
	_, _, err = LoopAgreement(&Loop{Feedback: []Feedback{{Ratings: []Rating{{Principle: "x", Score: 7}}}}})
	assert.Error(t, err)
}
