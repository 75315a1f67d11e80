package flywheel

import (
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLeverageSingleLoop(t *testing.T) {
	// A loop of four links of weight 1.5: gain 1.5⁴ = 5.0625, spectral
	// radius 1.5, and by symmetry each link holds a quarter of it.
	lev, err := ring(4, 1.5).Leverage()
	require.NoError(t, err)
	assert.InDelta(t, 1.5, lev.Growth, 1e-12)
	assert.InDelta(t, 1.5, lev.Eigenvalue[0], 1e-12)
	assert.False(t, lev.Oscillates)
	require.NotNil(t, lev.Dominant)
	assert.InDelta(t, 5.0625, lev.Dominant.Gain, 1e-12)
	require.Len(t, lev.Links, 4)
	for _, l := range lev.Links {
		assert.InDelta(t, 0.25, l.Elasticity, 1e-9)
	}
	for _, n := range lev.Nodes {
		assert.InDelta(t, 0.25, n.Push, 1e-9)
		assert.InDelta(t, 0.25, n.Elasticity, 1e-9)
	}
}

func TestLeverageLongCycles(t *testing.T) {
	// A pure cycle's eigenvalues are w times the n-th roots of unity, all
	// of one modulus: the case where power iteration never settles.
	for _, n := range []int{2, 3, 7, 20, 60, 150} {
		lev, err := ring(n, 0.9).Leverage()
		require.NoError(t, err, "n=%d", n)
		assert.InDelta(t, 0.9, lev.Growth, 1e-9, "n=%d", n)
		assert.InDelta(t, 0.9, lev.Eigenvalue[0], 1e-9, "n=%d", n)
		assert.InDelta(t, 1.0/float64(n), lev.Links[0].Elasticity, 1e-6, "n=%d", n)
	}
}

func TestLeverageBalancingLoopOscillates(t *testing.T) {
	// One "-" link on a 3-loop of weight 2: λ³ = -8, so |λ| = 2 and no
	// eigenvalue is positive real.
	f := ring(3, 2)
	f.Links[1].Polarity = Negative
	lev, err := f.Leverage()
	require.NoError(t, err)
	assert.InDelta(t, 2, lev.Growth, 1e-9)
	assert.True(t, lev.Oscillates)
	assert.InDelta(t, 1, lev.Eigenvalue[0], 1e-9)
	assert.InDelta(t, math.Sqrt(3), lev.Eigenvalue[1], 1e-9)
	assert.Equal(t, Balancing, lev.Dominant.Polarity)
}

func TestLeverageTwoLoops(t *testing.T) {
	// Loops a-b (gain 4, rate 2) and b-c (gain 1, rate 1) share b. The
	// characteristic polynomial is λ(λ² - 5): ρ = √5.
	two, four := 2.0, 1.0
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive, Weight: &two},
		{From: "b", To: "a", Polarity: Positive, Weight: &two},
		{From: "b", To: "c", Polarity: Positive, Weight: &four},
		{From: "c", To: "b", Polarity: Positive, Weight: &four},
	}}
	lev, err := f.Leverage()
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(5), lev.Growth, 1e-12)
	assert.Equal(t, []string{"a", "b"}, lev.Dominant.Nodes)
	// ρ² = w_ab·w_ba + w_bc·w_cb, so each a-b link has elasticity 4/10
	// and each b-c link 1/10.
	got := map[int]float64{}
	for _, l := range lev.Links {
		got[l.Link] = l.Elasticity
	}
	assert.InDelta(t, 0.4, got[0], 1e-9)
	assert.InDelta(t, 0.4, got[1], 1e-9)
	assert.InDelta(t, 0.1, got[2], 1e-9)
	assert.InDelta(t, 0.1, got[3], 1e-9)
	assert.Equal(t, "b", lev.Nodes[0].Node, "b sits on both loops")
}

func TestLeverageDAG(t *testing.T) {
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}}, Links: []Link{{From: "a", To: "b", Polarity: Positive}}}
	lev, err := f.Leverage()
	require.NoError(t, err)
	assert.Zero(t, lev.Growth)
	assert.Nil(t, lev.Dominant)
	assert.Zero(t, lev.Links[0].Elasticity)
}

// TestElasticitiesAgreeWithFiniteDifferences checks the analytic
// derivative on sparse signed graphs, and that elasticities add up to 1
// (the radius is homogeneous of degree 1 in the weights).
func TestElasticitiesAgreeWithFiniteDifferences(t *testing.T) {
	tmpl := template(t)
	for _, f := range []*Flywheel{tmpl, sparse(30), sparse(80)} {
		lev, err := f.Leverage()
		require.NoError(t, err)
		require.Positive(t, lev.Growth)
		sum := 0.0
		for _, l := range lev.Links {
			sum += l.Elasticity
			w := f.Links[l.Link].W()
			bumped := w * (1 + 1e-6)
			f.Links[l.Link].Weight = &bumped
			up, err := f.Leverage()
			require.NoError(t, err)
			f.Links[l.Link].Weight = &w
			numeric := (up.Growth - lev.Growth) / (1e-6 * lev.Growth)
			assert.InDelta(t, numeric, l.Elasticity, 1e-4, "%s: link %d", f.Name, l.Link)
		}
		assert.InDelta(t, 1, sum, 1e-9, f.Name)
	}
}

func TestLeverageTooLarge(t *testing.T) {
	_, err := ring(MaxLeverageNodes+1, 1).Leverage()
	assert.ErrorIs(t, err, ErrGraphTooLarge)
	_, err = ring(MaxNodes+1, 1).Leverage()
	assert.ErrorIs(t, err, ErrGraphTooLarge)
}

func TestDominantPrefersPositiveReal(t *testing.T) {
	assert.Equal(t, complex(2, 0), dominant([]complex128{-2, 2i, 2, -2i, 1}))
	assert.Equal(t, complex(1, 1), dominant([]complex128{complex(1, -1), complex(1, 1), 0.5}))
	assert.InDelta(t, 0, cmplx.Abs(dominant(nil)), 0)
}

func TestLeveragePushSignOnTemplate(t *testing.T) {
	// Lower prices and lower unit cost move the Amazon wheel: their push
	// shares are negative; every share's size adds up to 1.
	lev, err := template(t).Leverage()
	require.NoError(t, err)
	push := map[string]float64{}
	total := 0.0
	for _, n := range lev.Nodes {
		push[n.Node] = n.Push
		total += math.Abs(n.Push)
	}
	assert.InDelta(t, 1, total, 1e-9)
	for _, id := range []string{"prices", "cost", "backlog"} {
		assert.Negative(t, push[id], id)
	}
	for _, id := range []string{"experience", "traffic", "sellers", "selection", "growth"} {
		assert.Positive(t, push[id], id)
	}
	assert.Zero(t, push["capacity"], "a lever outside every loop has no share")
}

// TestLeverageDefectiveEigenvalue builds a component whose dominant
// eigenvalue 1 is repeated without a second eigenvector: two 2-loops of
// gain 1 joined by b → c and a zero-weight d → a. The radius is then
// max(√(w_ab·w_ba), √(w_cd·w_dc)), not differentiable at this point: the
// central difference gives the mean of the one-sided slopes, 1/4. A
// defective eigenvalue is computed only to about √ε, so the differences
// carry noise near 1e-3.
func TestLeverageDefectiveEigenvalue(t *testing.T) {
	zero := 0.0
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive}, {From: "b", To: "a", Polarity: Positive},
		{From: "c", To: "d", Polarity: Positive}, {From: "d", To: "c", Polarity: Positive},
		{From: "b", To: "c", Polarity: Positive}, {From: "d", To: "a", Polarity: Positive, Weight: &zero},
	}}
	lev, err := f.Leverage()
	require.NoError(t, err)
	assert.InDelta(t, 1, lev.Growth, 1e-9)
	got := map[int]float64{}
	for _, l := range lev.Links {
		got[l.Link] = l.Elasticity
	}
	for k := 0; k < 4; k++ {
		assert.InDelta(t, 0.25, got[k], 2e-3, "link %d", k)
	}
	assert.InDelta(t, 0, got[4], 2e-3, "b → c does not change the spectrum here")
	assert.Zero(t, got[5], "a zero weight has zero elasticity")
}
