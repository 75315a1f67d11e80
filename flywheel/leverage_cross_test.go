package flywheel

import (
	"fmt"
	"math"
	"math/cmplx"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// normRadius computes the spectral radius independently of the package's
// QR: Gelfand's formula ρ = lim ‖A^k‖^{1/k}, with k = 2^60 reached by
// squaring a matrix rescaled to norm 1 each time. Writing
// A^{2^j} = c_j·B_j with ‖B_j‖ = 1, log c_{j+1} = 2·log c_j + log‖B_j²‖, so
// log ρ ≈ Σ_j log‖B_j²‖ / 2^{j+1} plus log‖A‖. The factor a Jordan block
// or an eigenvector basis adds to ‖A^k‖ vanishes under the 2^60-th root.
func normRadius(a []float64, n int) float64 {
	b := append([]float64(nil), a...)
	frob := func(m []float64) float64 {
		s := 0.0
		for _, x := range m {
			s = math.Hypot(s, x)
		}
		return s
	}
	s := frob(b)
	if s == 0 {
		return 0
	}
	logR := math.Log(s)
	for i := range b {
		b[i] /= s
	}
	c := make([]float64, len(b))
	scale := 0.5
	for j := 0; j < 60; j++ {
		for r := 0; r < n; r++ {
			for col := 0; col < n; col++ {
				x := 0.0
				for k := 0; k < n; k++ {
					x += b[r*n+k] * b[k*n+col]
				}
				c[r*n+col] = x
			}
		}
		s := frob(c)
		if s == 0 {
			return 0 // nilpotent: no loop
		}
		logR += math.Log(s) * scale
		scale /= 2
		for i := range c {
			b[i] = c[i] / s
		}
	}
	return math.Exp(logR)
}

// charRoots returns the eigenvalues of a 2×2 or 3×3 matrix as the roots
// of its characteristic polynomial, by the quadratic formula or Cardano's,
// each polished by two Newton steps.
func charRoots(a []float64, n int) []complex128 {
	if n == 2 {
		tr, det := a[0]+a[3], a[0]*a[3]-a[1]*a[2]
		d := cmplx.Sqrt(complex(tr*tr-4*det, 0))
		return []complex128{(complex(tr, 0) + d) / 2, (complex(tr, 0) - d) / 2}
	}
	at := func(i, j int) float64 { return a[i*3+j] }
	tr := at(0, 0) + at(1, 1) + at(2, 2)
	minors := at(0, 0)*at(1, 1) - at(0, 1)*at(1, 0) + at(0, 0)*at(2, 2) - at(0, 2)*at(2, 0) + at(1, 1)*at(2, 2) - at(1, 2)*at(2, 1)
	det := at(0, 0)*(at(1, 1)*at(2, 2)-at(1, 2)*at(2, 1)) - at(0, 1)*(at(1, 0)*at(2, 2)-at(1, 2)*at(2, 0)) + at(0, 2)*(at(1, 0)*at(2, 1)-at(1, 1)*at(2, 0))
	// λ³ + a2·λ² + a1·λ + a0, and λ = y − a2/3 gives y³ + p·y + q.
	a2, a1, a0 := -tr, minors, -det
	p := a1 - a2*a2/3
	q := 2*a2*a2*a2/27 - a2*a1/3 + a0
	disc := cmplx.Sqrt(complex(q*q/4+p*p*p/27, 0))
	u := cmplx.Pow(complex(-q/2, 0)+disc, 1.0/3)
	if cmplx.Abs(u) < 1e-300 {
		u = cmplx.Pow(complex(-q/2, 0)-disc, 1.0/3)
	}
	omega := cmplx.Exp(complex(0, 2*math.Pi/3))
	var roots []complex128
	for k := 0; k < 3; k++ {
		var y complex128
		if cmplx.Abs(u) > 1e-300 {
			uk := u * cmplx.Pow(omega, complex(float64(k), 0))
			y = uk - complex(p/3, 0)/uk
		}
		l := y - complex(a2/3, 0)
		for it := 0; it < 2; it++ {
			f := ((l+complex(a2, 0))*l+complex(a1, 0))*l + complex(a0, 0)
			df := (3*l+complex(2*a2, 0))*l + complex(a1, 0)
			if cmplx.Abs(df) > 1e-12 {
				l -= f / df
			}
		}
		roots = append(roots, l)
	}
	return roots
}

// randomWheel returns a pseudo-random signed graph on n nodes: each
// ordered pair linked with probability about density, weights in
// [0.05, 2.05), one link in three "-", and, when selfLinks, some links of
// a node to itself (which Validate refuses but Leverage must handle).
func randomWheel(seed uint64, n int, density float64, selfLinks bool) (*Flywheel, []float64) {
	x := seed | 1
	rnd := func() float64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return float64(x>>11) / (1 << 53)
	}
	f := &Flywheel{Name: fmt.Sprintf("random %d/%d", seed, n)}
	for i := 0; i < n; i++ {
		f.Nodes = append(f.Nodes, Node{ID: fmt.Sprintf("n%d", i)})
	}
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if (i == j && (!selfLinks || rnd() > 0.2)) || rnd() > density {
				continue
			}
			w := 0.05 + 2*rnd()
			sign := Positive
			if rnd() < 1.0/3 {
				sign = Negative
			}
			f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[j].ID, Polarity: sign, Weight: &w})
			a[j*n+i] = f.Links[len(f.Links)-1].Signed()
		}
	}
	return f, a
}

func TestLeverageMatchesCharacteristicPolynomial(t *testing.T) {
	cases := map[bool]int{} // by Oscillates
	for seed := uint64(1); seed <= 400; seed++ {
		n := 2 + int(seed%2)
		f, a := randomWheel(seed, n, 0.7, seed%3 == 0)
		lev, err := f.Leverage()
		require.NoError(t, err, f.Name)
		rho, positive := 0.0, false
		roots := charRoots(a, n)
		for _, r := range roots {
			rho = math.Max(rho, cmplx.Abs(r))
		}
		for _, r := range roots {
			if cmplx.Abs(r) > rho*(1-1e-9) && math.Abs(imag(r)) <= 1e-9*rho && real(r) > 0 {
				positive = true
			}
		}
		// Cardano loses digits near a repeated root; 1e-7 leaves room.
		assert.InDelta(t, rho, lev.Growth, 1e-7*math.Max(1, rho), "%s: roots %v", f.Name, roots)
		if rho > 1e-6 {
			assert.Equal(t, !positive, lev.Oscillates, "%s: roots %v, eigenvalue %v", f.Name, roots, lev.Eigenvalue)
			cases[lev.Oscillates]++
			assert.InDelta(t, rho, math.Hypot(lev.Eigenvalue[0], lev.Eigenvalue[1]), 1e-7*rho, f.Name)
		}
	}
	assert.Greater(t, cases[true], 50, "oscillating wheels checked")
	assert.Greater(t, cases[false], 50, "steady wheels checked")
}

// TestLeverageMatchesGelfand compares Growth with Gelfand's formula on
// random graphs of up to 12 nodes, and each link's elasticity with a
// central difference of that independent radius.
func TestLeverageMatchesGelfand(t *testing.T) {
	checked := 0
	for seed := uint64(1); seed <= 60; seed++ {
		n := 4 + int(seed%9)
		f, a := randomWheel(seed*7919, n, 2.5/float64(n), seed%4 == 0)
		lev, err := f.Leverage()
		require.NoError(t, err, f.Name)
		rho := normRadius(a, n)
		require.InDelta(t, rho, lev.Growth, 1e-9*math.Max(1, rho), f.Name)
		if rho < 1e-6 {
			continue
		}
		const h = 1e-5
		for _, l := range lev.Links {
			link := f.Links[l.Link]
			i, j := nodeNum(link.To), nodeNum(link.From)
			b := append([]float64(nil), a...)
			b[i*n+j] = a[i*n+j] * (1 + h)
			up := normRadius(b, n)
			b[i*n+j] = a[i*n+j] * (1 - h)
			down := normRadius(b, n)
			numeric := (up - down) / (2 * h * rho)
			assert.InDelta(t, numeric, l.Elasticity, 1e-6, "%s: link %d (%s → %s)", f.Name, l.Link, link.From, link.To)
			if l.Elasticity != 0 {
				checked++
			}
		}
	}
	assert.Greater(t, checked, 200, "links with a non-zero elasticity checked")
}

func nodeNum(id string) int {
	var i int
	_, _ = fmt.Sscanf(id, "n%d", &i)
	return i
}

// TestLeverageComplexDominantPair: a → b (+1), b → a (−1.5), b → c (+1),
// c → a (−2.5) is the companion matrix of λ³ + 1.5λ + 2.5 =
// (λ + 1)(λ² − λ + 2.5), whose roots are −1 and 0.5 ± 1.5i: the
// dominant pair is complex, of modulus √2.5. Every eigenvalue obeys
// λ³ + pλ + q = 0 with p the negated 2-loop product and q the negated
// 3-loop product, so dλ/dp = −λ/(3λ² + p) and dλ/dq = −1/(3λ² + p); the
// radius moves by Re(conj(λ)·dλ)/ρ. p is proportional to the weights of
// a → b and b → a, q to those of a → b, b → c and c → a, which gives each
// link's elasticity as a sum of E_p = p·∂ρ/∂p/ρ and E_q = q·∂ρ/∂q/ρ.
func TestLeverageComplexDominantPair(t *testing.T) {
	w := func(x float64) *float64 { return &x }
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive, Weight: w(1)},
		{From: "b", To: "a", Polarity: Negative, Weight: w(1.5)},
		{From: "b", To: "c", Polarity: Positive, Weight: w(1)},
		{From: "c", To: "a", Polarity: Negative, Weight: w(2.5)},
	}}
	lev, err := f.Leverage()
	require.NoError(t, err)
	rho := math.Sqrt(2.5)
	assert.InDelta(t, rho, lev.Growth, 1e-12)
	assert.InDelta(t, 0.5, lev.Eigenvalue[0], 1e-12)
	assert.InDelta(t, 1.5, lev.Eigenvalue[1], 1e-12)
	assert.True(t, lev.Oscillates)
	require.NotNil(t, lev.Dominant)
	assert.Equal(t, []string{"a", "b", "c"}, lev.Dominant.Nodes, "the 3-loop's rate 2.5^(1/3) beats the 2-loop's 1.5^(1/2)")

	lambda, p, q := complex(0.5, 1.5), 1.5, 2.5
	df := 3*lambda*lambda + complex(p, 0)
	moves := func(d complex128) float64 { return real(cmplx.Conj(lambda)*d) / rho }
	ep := moves(-lambda/df) * p / rho
	eq := moves(-1/df) * q / rho
	want := []float64{ep + eq, ep, eq, eq}
	got := map[int]float64{}
	for _, l := range lev.Links {
		got[l.Link] = l.Elasticity
	}
	for k, e := range want {
		assert.InDelta(t, e, got[k], 1e-9, "link %d", k)
	}
	assert.InDelta(t, 1, 2*ep+3*eq, 1e-12, "ρ is homogeneous of degree 1 in the weights")
}

// TestLeverageImaginaryPair: a balancing 2-loop a ⇄ b (2 and −2) beside a
// reinforcing b ⇄ c (1 and 1) has λ(λ² + 4 − 1) = 0: the dominant pair
// ±i√3 is purely imaginary. From ρ² = 4 − 1 each balancing link has
// elasticity 4/(2·3) and each reinforcing one −1/(2·3): strengthening the
// reinforcing loop calms the swing.
func TestLeverageImaginaryPair(t *testing.T) {
	w := func(x float64) *float64 { return &x }
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive, Weight: w(2)},
		{From: "b", To: "a", Polarity: Negative, Weight: w(2)},
		{From: "b", To: "c", Polarity: Positive, Weight: w(1)},
		{From: "c", To: "b", Polarity: Positive, Weight: w(1)},
	}}
	lev, err := f.Leverage()
	require.NoError(t, err)
	assert.InDelta(t, math.Sqrt(3), lev.Growth, 1e-12)
	assert.InDelta(t, 0, lev.Eigenvalue[0], 1e-12)
	assert.InDelta(t, math.Sqrt(3), lev.Eigenvalue[1], 1e-12)
	assert.True(t, lev.Oscillates)
	got := map[int]float64{}
	for _, l := range lev.Links {
		got[l.Link] = l.Elasticity
	}
	assert.InDelta(t, 2.0/3, got[0], 1e-9)
	assert.InDelta(t, 2.0/3, got[1], 1e-9)
	assert.InDelta(t, -1.0/6, got[2], 1e-9)
	assert.InDelta(t, -1.0/6, got[3], 1e-9)
}

func TestNormRadiusAndCharRootsThemselves(t *testing.T) {
	// The reference methods against answers known by hand.
	assert.InDelta(t, 1.5, normRadius([]float64{0, 0, 0, 1.5, 1.5, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 1.5, 0}, 4), 1e-12)
	assert.InDelta(t, 1, normRadius([]float64{1, 1, 0, 1}, 2), 1e-12, "a Jordan block")
	assert.InDelta(t, 0, normRadius([]float64{0, 1, 0, 0}, 2), 0, "nilpotent")
	assert.InDelta(t, math.Sqrt(2.5), normRadius([]float64{0, -1.5, -2.5, 1, 0, 0, 0, 1, 0}, 3), 1e-12)
	roots := charRoots([]float64{6, -11, 6, 1, 0, 0, 0, 1, 0}, 3)
	sortEig(roots)
	for i, want := range []float64{1, 2, 3} {
		assert.InDelta(t, want, real(roots[i]), 1e-9)
		assert.InDelta(t, 0, imag(roots[i]), 1e-9)
	}
}

func TestLeverageRefusesNonFiniteWeights(t *testing.T) {
	// Validate refuses these; a wheel built in Go may skip it. Before the
	// check a NaN ran the QR iteration to its limit and came back as "did
	// not converge".
	for _, bad := range []float64{math.NaN(), math.Inf(1)} {
		f := ring(3, 1)
		f.Links[2].Weight = &bad
		_, err := f.Leverage()
		assert.ErrorContains(t, err, "/links/2/weight: must be a finite number")
		assert.Contains(t, rules(f.Review(ReviewOptions{})), "info leverage-skipped /")
	}
}
