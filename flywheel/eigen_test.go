package flywheel

import (
	"math"
	"math/cmplx"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func sortEig(e []complex128) {
	slices.SortFunc(e, func(a, b complex128) int {
		if c := cmpFloat(real(a), real(b)); c != 0 {
			return c
		}
		return cmpFloat(imag(a), imag(b))
	})
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b-1e-9:
		return -1
	case a > b+1e-9:
		return 1
	}
	return 0
}

func TestEigenvaluesClosedForms(t *testing.T) {
	s2 := math.Sqrt2
	for _, c := range []struct {
		name string
		n    int
		a    []float64
		want []complex128
	}{
		{"rotation", 2, []float64{0, -1, 1, 0}, []complex128{-1i, 1i}},
		{"swap", 2, []float64{0, 1, 1, 0}, []complex128{-1, 1}},
		// A pure 4-cycle of weight 1.5: 1.5 times the fourth roots of unity,
		// all of the same modulus, which stalls unshifted QR.
		{"cycle", 4, []float64{0, 0, 0, 1.5, 1.5, 0, 0, 0, 0, 1.5, 0, 0, 0, 0, 1.5, 0}, []complex128{-1.5, -1.5i, 1.5i, 1.5}},
		// Companion matrix of (x-1)(x-2)(x-3) = x³ - 6x² + 11x - 6.
		{"companion", 3, []float64{6, -11, 6, 1, 0, 0, 0, 1, 0}, []complex128{1, 2, 3}},
		{"triangular", 3, []float64{2, 5, 7, 0, -3, 1, 0, 0, 0.5}, []complex128{-3, 0.5, 2}},
		{"zero", 3, make([]float64, 9), []complex128{0, 0, 0}},
		// Figure eight through node 0: λ³ = 2λ.
		{"figure eight", 3, []float64{0, 1, 1, 1, 0, 0, 1, 0, 0}, []complex128{complex(-s2, 0), 0, complex(s2, 0)}},
		// A balancing 3-cycle: λ³ = -1.
		{"balancing triangle", 3, []float64{0, 0, -1, 1, 0, 0, 0, 1, 0}, []complex128{-1, complex(0.5, -math.Sqrt(3)/2), complex(0.5, math.Sqrt(3)/2)}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, err := eigenvalues(append([]float64(nil), c.a...), c.n)
			require.NoError(t, err)
			sortEig(got)
			require.Len(t, got, len(c.want))
			for i := range got {
				assert.InDelta(t, real(c.want[i]), real(got[i]), 1e-9, "%v", got)
				assert.InDelta(t, imag(c.want[i]), imag(got[i]), 1e-9, "%v", got)
			}
		})
	}
}

// TestEigenvaluesTraceAndDeterminant checks pseudo-random matrices against
// two invariants: the eigenvalues sum to the trace and multiply to the
// determinant.
func TestEigenvaluesTraceAndDeterminant(t *testing.T) {
	x := uint64(12345)
	rnd := func() float64 {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return float64(x%2001)/1000 - 1
	}
	for n := 1; n <= 40; n++ {
		a := make([]float64, n*n)
		for i := range a {
			if x%3 != 0 { // sparse-ish, signed, like a flywheel
				a[i] = rnd()
			} else {
				rnd()
			}
		}
		trace := 0.0
		for i := 0; i < n; i++ {
			trace += a[i*n+i]
		}
		det := determinant(append([]float64(nil), a...), n)
		got, err := eigenvalues(append([]float64(nil), a...), n)
		require.NoError(t, err, "n=%d", n)
		sum, prod := complex(0, 0), complex(1, 0)
		for _, e := range got {
			sum += e
			prod *= e
		}
		assert.InDelta(t, trace, real(sum), 1e-8, "n=%d trace", n)
		assert.InDelta(t, 0, imag(sum), 1e-8, "n=%d trace", n)
		assert.InDelta(t, det, real(prod), 1e-7*math.Max(1, math.Abs(det)), "n=%d det", n)
		// Each eigenvalue makes A - λI singular: its null vector is found.
		for _, e := range got {
			v := nullVector(a, n, e, false)
			res := 0.0
			for i := 0; i < n; i++ {
				r := -e * v[i]
				for j := 0; j < n; j++ {
					r += complex(a[i*n+j], 0) * v[j]
				}
				res = math.Max(res, cmplx.Abs(r))
			}
			assert.Less(t, res, 1e-6, "n=%d λ=%v residual", n, e)
		}
	}
}

// determinant by Gaussian elimination with partial pivoting.
func determinant(a []float64, n int) float64 {
	det := 1.0
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if math.Abs(a[i*n+k]) > math.Abs(a[p*n+k]) {
				p = i
			}
		}
		if a[p*n+k] == 0 {
			return 0
		}
		if p != k {
			for j := 0; j < n; j++ {
				a[k*n+j], a[p*n+j] = a[p*n+j], a[k*n+j]
			}
			det = -det
		}
		det *= a[k*n+k]
		for i := k + 1; i < n; i++ {
			f := a[i*n+k] / a[k*n+k]
			for j := k; j < n; j++ {
				a[i*n+j] -= f * a[k*n+j]
			}
		}
	}
	return det
}
