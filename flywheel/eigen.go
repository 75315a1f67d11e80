package flywheel

import (
	"errors"
	"math"
	"math/cmplx"
)

// errNoConvergence is returned when the QR iteration fails to settle, which
// takes a matrix far outside what a flywheel produces.
var errNoConvergence = errors.New("flywheel: eigenvalue iteration did not converge")

const eps = 0x1p-52

// eigenvalues returns every eigenvalue of the n×n real matrix a (row-major;
// a is overwritten). It reduces a to upper Hessenberg form with Householder
// reflections, then runs shifted QR steps in complex arithmetic with
// Wilkinson shifts and an occasional exceptional shift, deflating as
// subdiagonal entries vanish. Complex arithmetic lets conjugate pairs and
// equal-modulus eigenvalues (a pure cycle's roots of unity) separate
// without the bookkeeping of real double-shift QR; the matrices here are
// small, so the extra cost does not matter.
func eigenvalues(a []float64, n int) ([]complex128, error) {
	hessenberg(a, n)
	h := make([]complex128, len(a))
	norm := 0.0
	for i, x := range a {
		h[i] = complex(x, 0)
		norm = math.Max(norm, math.Abs(x))
	}
	at := func(i, j int) *complex128 { return &h[i*n+j] }
	eig := make([]complex128, n)
	cs := make([]complex128, n)
	ss := make([]complex128, n)
	hi, iter := n-1, 0
	for hi >= 0 {
		if hi == 0 {
			eig[0] = *at(0, 0)
			break
		}
		l := hi
		for ; l > 0; l-- {
			tst := cmplx.Abs(*at(l-1, l-1)) + cmplx.Abs(*at(l, l))
			if tst == 0 {
				tst = norm
			}
			if cmplx.Abs(*at(l, l-1)) <= eps*tst {
				*at(l, l-1) = 0
				break
			}
		}
		if l == hi {
			eig[hi] = *at(hi, hi)
			hi--
			iter = 0
			continue
		}
		iter++
		if iter > 60*(hi+1) {
			return nil, errNoConvergence
		}
		var mu complex128
		if iter%11 == 0 {
			// An exceptional shift breaks the symmetry that stalls plain
			// Wilkinson shifts, as on a permutation matrix.
			mu = *at(hi, hi) + complex(1.5*cmplx.Abs(*at(hi, hi-1)), 0.5*cmplx.Abs(*at(hi, hi-1)))
		} else {
			mu = wilkinson(*at(hi-1, hi-1), *at(hi-1, hi), *at(hi, hi-1), *at(hi, hi))
		}
		for k := l; k <= hi; k++ {
			*at(k, k) -= mu
		}
		// QR of the active block by Givens rotations, then RQ.
		for k := l; k < hi; k++ {
			x, y := *at(k, k), *at(k+1, k)
			r := math.Hypot(cmplx.Abs(x), cmplx.Abs(y))
			c, s := complex(1, 0), complex(0, 0)
			if r != 0 {
				c, s = x/complex(r, 0), y/complex(r, 0)
			}
			cs[k], ss[k] = c, s
			for j := k; j <= hi; j++ {
				p, q := *at(k, j), *at(k+1, j)
				*at(k, j) = cmplx.Conj(c)*p + cmplx.Conj(s)*q
				*at(k+1, j) = -s*p + c*q
			}
		}
		for k := l; k < hi; k++ {
			c, s := cs[k], ss[k]
			for i := l; i <= min(k+2, hi); i++ {
				p, q := *at(i, k), *at(i, k+1)
				*at(i, k) = p*c + q*s
				*at(i, k+1) = -p*cmplx.Conj(s) + q*cmplx.Conj(c)
			}
		}
		for k := l; k <= hi; k++ {
			*at(k, k) += mu
		}
	}
	for _, e := range eig {
		if cmplx.IsNaN(e) || cmplx.IsInf(e) {
			return nil, errNoConvergence
		}
	}
	return eig, nil
}

// wilkinson returns the eigenvalue of [[a b] [c d]] nearer to d.
func wilkinson(a, b, c, d complex128) complex128 {
	half := (a - d) / 2
	root := cmplx.Sqrt(half*half + b*c)
	m1, m2 := d+half+root, d+half-root
	if cmplx.Abs(m1-d) < cmplx.Abs(m2-d) {
		return m1
	}
	return m2
}

// hessenberg reduces a to upper Hessenberg form in place by similarity
// transforms (Householder reflections), keeping its eigenvalues.
func hessenberg(a []float64, n int) {
	v := make([]float64, n)
	for k := 0; k < n-2; k++ {
		m := n - k - 1
		alpha := 0.0
		for i := 0; i < m; i++ {
			v[i] = a[(k+1+i)*n+k]
			alpha = math.Hypot(alpha, v[i])
		}
		if alpha == 0 {
			continue
		}
		if v[0] > 0 {
			alpha = -alpha
		}
		v[0] -= alpha
		vv := 0.0
		for i := 0; i < m; i++ {
			vv += v[i] * v[i]
		}
		if vv == 0 {
			continue
		}
		for j := k; j < n; j++ {
			s := 0.0
			for i := 0; i < m; i++ {
				s += v[i] * a[(k+1+i)*n+j]
			}
			s *= 2 / vv
			for i := 0; i < m; i++ {
				a[(k+1+i)*n+j] -= s * v[i]
			}
		}
		for i := 0; i < n; i++ {
			s := 0.0
			for j := 0; j < m; j++ {
				s += a[i*n+k+1+j] * v[j]
			}
			s *= 2 / vv
			for j := 0; j < m; j++ {
				a[i*n+k+1+j] -= s * v[j]
			}
		}
	}
}

// nullVector returns a unit vector x with (m − λI)x ≈ 0 for an eigenvalue λ
// of the n×n matrix m, by inverse iteration: a few solves with the nearly
// singular shifted matrix amplify the eigenvector's direction. With
// transpose it works on mᵀ, giving the left eigenvector.
func nullVector(m []float64, n int, lambda complex128, transpose bool) []complex128 {
	lu := make([]complex128, n*n)
	scale := 0.0
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			x := m[i*n+j]
			if transpose {
				x = m[j*n+i]
			}
			lu[i*n+j] = complex(x, 0)
			scale = math.Max(scale, math.Abs(x))
		}
		lu[i*n+i] -= lambda
	}
	if scale == 0 {
		scale = 1
	}
	piv := make([]int, n)
	for k := 0; k < n; k++ {
		p := k
		for i := k + 1; i < n; i++ {
			if cmplx.Abs(lu[i*n+k]) > cmplx.Abs(lu[p*n+k]) {
				p = i
			}
		}
		piv[k] = p
		if p != k {
			for j := 0; j < n; j++ {
				lu[k*n+j], lu[p*n+j] = lu[p*n+j], lu[k*n+j]
			}
		}
		if cmplx.Abs(lu[k*n+k]) < eps*scale {
			lu[k*n+k] = complex(eps*scale, 0) // exactly singular: nudge, as the solve only needs a direction
		}
		for i := k + 1; i < n; i++ {
			f := lu[i*n+k] / lu[k*n+k]
			lu[i*n+k] = f
			for j := k + 1; j < n; j++ {
				lu[i*n+j] -= f * lu[k*n+j]
			}
		}
	}
	x := make([]complex128, n)
	for i := range x {
		x[i] = complex(1+float64(i%7)/10, 0) // not orthogonal to any eigenvector in practice
	}
	for it := 0; it < 3; it++ {
		for k := 0; k < n; k++ {
			if p := piv[k]; p != k {
				x[k], x[p] = x[p], x[k]
			}
		}
		for i := 0; i < n; i++ {
			for j := 0; j < i; j++ {
				x[i] -= lu[i*n+j] * x[j]
			}
		}
		for i := n - 1; i >= 0; i-- {
			for j := i + 1; j < n; j++ {
				x[i] -= lu[i*n+j] * x[j]
			}
			x[i] /= lu[i*n+i]
		}
		normalize(x)
	}
	return x
}

// normalize scales x to unit length with its largest entry real and
// positive, so results do not depend on an arbitrary complex phase.
func normalize(x []complex128) {
	big, norm := 0, 0.0
	for i, v := range x {
		norm = math.Hypot(norm, cmplx.Abs(v))
		if cmplx.Abs(v) > cmplx.Abs(x[big]) {
			big = i
		}
	}
	if norm == 0 || math.IsInf(norm, 0) || math.IsNaN(norm) {
		return
	}
	phase := cmplx.Conj(x[big]) / complex(cmplx.Abs(x[big]), 0)
	for i := range x {
		x[i] = x[i] * phase / complex(norm, 0)
	}
}
