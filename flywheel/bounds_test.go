package flywheel

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// largest returns a valid wheel at the document limits: MaxNodes nodes on
// a ring and chords up to MaxLinks links, each jumping a short way back so
// the wheel is full of loops, as the hostile sweep's largest document was.
func largest() *Flywheel {
	f := &Flywheel{Name: "largest"}
	n := MaxNodes
	for i := range n {
		f.Nodes = append(f.Nodes, Node{ID: fmt.Sprintf("n%d", i), Label: fmt.Sprintf("Part %d", i)})
	}
	for i := range n {
		f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[(i+1)%n].ID, Polarity: Positive})
	}
	for jump := 2; len(f.Links) < MaxLinks; jump++ {
		for i := 0; i < n && len(f.Links) < MaxLinks; i++ {
			sign := Positive
			if (i+jump)%4 == 0 {
				sign = Negative
			}
			f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[(i-jump+n)%n].ID, Polarity: sign})
		}
	}
	return f
}

// TestLargestValidWheelRenders runs the largest valid wheel through every
// renderer and the review. Each once took time quadratic in the document
// (a scan of every node per link: 17.7 s for Markdown); BenchmarkRender
// times them, and here they must simply finish with sound output.
func TestLargestValidWheelRenders(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 50,000 links")
	}
	f := largest()
	require.NoError(t, f.Validate())
	a := f.Analyze()
	assert.ErrorIs(t, a.LoopErr, ErrTooManyLoops)
	assert.ErrorIs(t, a.LeverageErr, ErrGraphTooLarge)
	for name, render := range map[string]func(io.Writer) error{"Markdown": a.Markdown, "DOT": a.DOT, "Mermaid": a.Mermaid, "SVG": a.SVG, "Summary": a.Summary} {
		var b strings.Builder
		require.NoError(t, render(&b), name)
		assert.Contains(t, b.String(), "Part 49", name)
	}
	assert.NotEmpty(t, a.Review(ReviewOptions{}))
}

// TestStrongLongRingStaysFinite: 103 links of weight 1000 multiply to
// 1e309, past the largest float64. The loop's Rate is still exactly 1000,
// its Gain is held at the largest float64, and every output marshals and
// prints finite numbers.
func TestStrongLongRingStaysFinite(t *testing.T) {
	f := ring(103, 1000)
	require.NoError(t, f.Validate())
	loops, err := f.Loops(LoopOptions{})
	require.NoError(t, err)
	require.Len(t, loops, 1)
	assert.InDelta(t, 1000, loops[0].Rate, 1e-9)
	assert.Greater(t, loops[0].Gain, 1e308)
	_, err = json.Marshal(loops)
	require.NoError(t, err)

	lev, err := f.Leverage()
	require.NoError(t, err)
	assert.InDelta(t, 1000, lev.Growth, 1e-6)
	_, err = json.Marshal(lev)
	require.NoError(t, err)

	a := f.Analyze()
	_, err = json.Marshal(a)
	require.NoError(t, err)
	for name, render := range map[string]func(io.Writer) error{"Markdown": a.Markdown, "DOT": a.DOT, "Mermaid": a.Mermaid, "SVG": a.SVG, "Summary": a.Summary} {
		var b strings.Builder
		require.NoError(t, render(&b), name)
		for _, bad := range []string{"Inf", "NaN"} {
			assert.NotContains(t, b.String(), bad, name)
		}
	}
	for _, x := range a.Review(ReviewOptions{}) {
		assert.NotContains(t, x.Message, "Inf")
	}

	// A long ring of tiny weights underflows to a gain of 0 but keeps its
	// rate; a zero weight makes both 0.
	tiny := ring(200, 0.01)
	loops, err = tiny.Loops(LoopOptions{})
	require.NoError(t, err)
	assert.InDelta(t, 0.01, loops[0].Rate, 1e-15)
	zero := 0.0
	tiny.Links[7].Weight = &zero
	loops, err = tiny.Loops(LoopOptions{})
	require.NoError(t, err)
	assert.Zero(t, loops[0].Gain)
	assert.Zero(t, loops[0].Rate)
}

// TestLeverageOfExtremeWeights: weights far outside the document's range,
// which only a Flywheel built in Go can hold, are scaled before the
// eigenvalues are sought, so the growth factor is right and every number
// finite instead of an iteration that fails or NaN.
func TestLeverageOfExtremeWeights(t *testing.T) {
	for _, w := range []float64{1e300, 1e-300, 1e160} {
		for _, f := range []*Flywheel{ring(3, w), complete(5)} {
			for i := range f.Links {
				x := w
				f.Links[i].Weight = &x
			}
			lev, err := f.Leverage()
			require.NoError(t, err, "%s, weight %g", f.Name, w)
			want := w
			if len(f.Nodes) == 5 {
				want = 4 * w // every row of K_5 sums to 4w
			}
			assert.InEpsilon(t, want, lev.Growth, 1e-9, "%s, weight %g", f.Name, w)
			_, err = json.Marshal(lev)
			require.NoError(t, err, "%s, weight %g", f.Name, w)
			_, err = json.Marshal(f.Analyze())
			require.NoError(t, err, "%s, weight %g", f.Name, w)
		}
	}
}
