package flywheel

import (
	"cmp"
	"fmt"
	"math"
	"math/cmplx"
	"slices"
)

// MaxLeverageNodes is the largest strongly connected component Leverage
// analyses: its eigenvalue routine takes time cubic in the component's
// size: well under a second at this size.
const MaxLeverageNodes = 300

// Leverage says how fast a push grows as it goes round the wheel and where
// a push, or a stronger link, moves the wheel most.
//
// The wheel is read as the linear system Δx(t+1) = A Δx(t), where A[to][from]
// is a link's weight with its polarity's sign (delays left aside): the
// changes grow per step by the spectral radius of A, the largest modulus of
// its eigenvalues.
type Leverage struct {
	// Growth is the spectral radius: the factor by which a push grows per
	// step once the wheel turns. Above 1 the wheel spins up; below 1 every
	// push fades out (though it is amplified on the way).
	Growth float64 `json:"growth"`
	// Eigenvalue is the dominant eigenvalue as [real, imaginary]. When it
	// is not a positive real number, pushes come back reversed or
	// oscillate rather than grow steadily; see Oscillates.
	Eigenvalue [2]float64 `json:"eigenvalue"`
	// Oscillates is true when the dominant eigenvalue is not positive real:
	// a balancing structure dominates and the wheel swings instead of
	// spinning up.
	Oscillates bool `json:"oscillates"`
	// Dominant is the loop with the highest own rate (Loop.Rate); nil when
	// the wheel has no loop.
	Dominant *Loop `json:"dominant,omitempty"`
	// Description says in plain words what Growth and Eigenvalue mean for
	// a push: "The wheel spins up: a push grows by about 19% per step.",
	// or that it fades, flips or swings, and how fast.
	Description string `json:"description"`
	// Links ranks links by elasticity, highest first.
	Links []LinkLeverage `json:"links"`
	// Nodes ranks nodes by the size of Push, largest first.
	Nodes []NodeLeverage `json:"nodes"`
}

// LinkLeverage is one link's hold on the wheel's growth.
type LinkLeverage struct {
	// Link is the index in Flywheel.Links.
	Link int `json:"link"`
	// From and To are the link's node IDs.
	From string `json:"from"`
	To   string `json:"to"`
	// Elasticity is (∂Growth/∂weight)·(weight/Growth): strengthening the
	// link by 1% raises Growth by this many percent. The elasticities of
	// the links in the dominant component add up to 1; links outside it
	// have 0. When the dominant eigenvalue is defective (a repeated root
	// without its own eigenvectors, where the derivative does not exist)
	// it is a central difference, or 0 for a component too large for one.
	Elasticity float64 `json:"elasticity"`
}

// NodeLeverage is one node's hold on the wheel.
type NodeLeverage struct {
	// Node is the node's ID.
	Node string `json:"node"`
	// Push is the share of the wheel's long-run response that a push at
	// this node produces: the node's entry in the dominant left
	// eigenvector, scaled so the absolute values add up to 1. A negative
	// share means pushing the node down moves the wheel forward (lower
	// prices); when the wheel oscillates the shares are magnitudes.
	Push float64 `json:"push"`
	// Elasticity is the sum of the elasticities of the links leaving the
	// node: the share of the growth rate that passes through it.
	Elasticity float64 `json:"elasticity"`
}

// Leverage computes the wheel's growth rate (spectral radius of its signed
// weight matrix), each link's elasticity of it, each node's share of the
// response to a push, and the dominant loop. The spectrum is computed per
// strongly connected component, since links between components do not
// change it; a component larger than MaxLeverageNodes is refused with
// ErrGraphTooLarge. The dominant loop comes from Loops with default options.
// Every number in the result is finite. Analyze computes the same once for
// the review and the renderers.
func (f *Flywheel) Leverage() (*Leverage, error) {
	if err := f.checkSize(); err != nil {
		return nil, err
	}
	loops, _ := f.Loops(LoopOptions{}) // a bounded search; the strongest loop found stands
	return f.leverage(loops)
}

// leverage is Leverage with the loops already found.
func (f *Flywheel) leverage(loops []Loop) (*Leverage, error) {
	if err := f.checkSize(); err != nil {
		return nil, err
	}
	if err := f.checkWeights(); err != nil {
		return nil, err
	}
	g := newGraph(f)
	comp, size := g.sccs()
	members := make([][]int32, len(size))
	for v, c := range comp {
		if size[c] > 1 || g.selfLinked(int32(v)) {
			members[c] = append(members[c], int32(v))
		}
	}
	// Each component's matrix is scaled by a power of two (exact in
	// floating point) so its largest entry is about 1: QR neither
	// overflows on huge weights nor loses tiny ones, and the spectral
	// radius scales back; elasticities and shares do not depend on scale.
	type spectrum struct {
		nodes  []int32
		a      []float64  // scaled
		lambda complex128 // dominant eigenvalue of the scaled matrix
		scale  float64
	}
	radius := func(s spectrum) float64 { return math.Min(cmplx.Abs(s.lambda)*s.scale, math.MaxFloat64) }
	var specs []spectrum
	growth := 0.0
	for _, ns := range members {
		if len(ns) == 0 {
			continue
		}
		if len(ns) > MaxLeverageNodes {
			return nil, fmt.Errorf("%w: a strongly connected part of %d nodes; Leverage analyses at most %d", ErrGraphTooLarge, len(ns), MaxLeverageNodes)
		}
		a := g.matrix(f, ns)
		top := 0.0
		for _, x := range a {
			top = math.Max(top, math.Abs(x))
		}
		scale := 1.0
		if top > 0 {
			_, exp := math.Frexp(top)
			scale = math.Ldexp(1, exp)
			for i := range a {
				a[i] /= scale
			}
		}
		eig, err := eigenvalues(append([]float64(nil), a...), len(ns))
		if err != nil {
			return nil, err
		}
		sp := spectrum{ns, a, dominant(eig), scale}
		specs = append(specs, sp)
		growth = math.Max(growth, radius(sp))
	}
	lev := &Leverage{Growth: growth}
	push := make([]float64, g.n)
	elastic := make([]float64, len(g.to))
	if growth > 0 {
		first := true
		for _, s := range specs {
			if radius(s) < growth*(1-1e-9) {
				continue
			}
			if first {
				re, im := clamp(real(s.lambda)*s.scale), clamp(imag(s.lambda)*s.scale)
				if math.Abs(im) <= 1e-9*growth {
					im = 0 // rounding left by QR, not an oscillation
				}
				lev.Eigenvalue = [2]float64{re, im}
				lev.Oscillates = im != 0 || re <= 0
				first = false
			}
			g.sensitivity(s.nodes, s.a, s.lambda, push, elastic)
		}
	}
	for e, el := range elastic {
		lev.Links = append(lev.Links, LinkLeverage{Link: int(g.link[e]), From: f.Nodes[g.from[e]].ID, To: f.Nodes[g.to[e]].ID, Elasticity: el})
	}
	nodeEl := make([]float64, g.n)
	for e, el := range elastic {
		nodeEl[g.from[e]] += el
	}
	for v := range g.n {
		lev.Nodes = append(lev.Nodes, NodeLeverage{Node: f.Nodes[v].ID, Push: push[v], Elasticity: nodeEl[v]})
	}
	slices.SortStableFunc(lev.Links, func(a, b LinkLeverage) int {
		return cmp.Or(cmp.Compare(b.Elasticity, a.Elasticity), cmp.Compare(a.Link, b.Link))
	})
	slices.SortStableFunc(lev.Nodes, func(a, b NodeLeverage) int {
		return cmp.Or(cmp.Compare(math.Abs(b.Push), math.Abs(a.Push)), cmp.Compare(b.Elasticity, a.Elasticity))
	})
	lev.Dominant = strongest(loops)
	lev.Description = describe(lev.Growth, lev.Eigenvalue, lev.Oscillates)
	return lev, nil
}

// strongest returns the loop of highest Rate, the first on ties.
func strongest(loops []Loop) *Loop {
	var best *Loop
	for i := range loops {
		if best == nil || loops[i].Rate > best.Rate*(1+1e-12) {
			best = &loops[i]
		}
	}
	if best == nil {
		return nil
	}
	l := *best
	return &l
}

func (g *graph) selfLinked(v int32) bool {
	for _, e := range g.out[g.off[v]:g.off[v+1]] {
		if g.to[e] == v {
			return true
		}
	}
	return false
}

// matrix returns the signed weight matrix of the component ns, row-major,
// with A[i][j] the effect of node ns[j] on node ns[i].
func (g *graph) matrix(f *Flywheel, ns []int32) []float64 {
	pos := make(map[int32]int, len(ns))
	for i, v := range ns {
		pos[v] = i
	}
	n := len(ns)
	a := make([]float64, n*n)
	for j, v := range ns {
		for _, e := range g.out[g.off[v]:g.off[v+1]] {
			if i, ok := pos[g.to[e]]; ok {
				a[i*n+j] = f.Links[g.link[e]].Signed()
			}
		}
	}
	return a
}

// dominant picks the eigenvalue of largest modulus, preferring the largest
// real part among those of (nearly) equal modulus, then the positive
// imaginary part, so the choice does not depend on QR's order.
func dominant(eig []complex128) complex128 {
	rho := 0.0
	for _, e := range eig {
		rho = math.Max(rho, cmplx.Abs(e))
	}
	best, set := complex(0, 0), false
	for _, e := range eig {
		if cmplx.Abs(e) < rho*(1-1e-9) {
			continue
		}
		if !set || real(e) > real(best)+1e-12 || (math.Abs(real(e)-real(best)) <= 1e-12 && imag(e) > imag(best)) {
			best, set = e, true
		}
	}
	return best
}

// sensitivity adds the left-eigenvector shares of the component ns to push
// and the elasticity of the spectral radius to each of its edges.
//
// For a simple eigenvalue λ with right eigenvector v and left eigenvector u
// (uᵀA = λuᵀ), ∂λ/∂A[i][j] = u_i v_j / uᵀv; the radius ρ = |λ| then moves by
// Re(conj(λ)/ρ · ∂λ/∂A[i][j]). When uᵀv nearly vanishes (a defective
// eigenvalue) the derivative is estimated by finite differences instead.
func (g *graph) sensitivity(ns []int32, a []float64, lambda complex128, push, elastic []float64) {
	n := len(ns)
	rho := cmplx.Abs(lambda)
	v := nullVector(a, n, lambda, false)
	u := nullVector(a, n, lambda, true)
	var uv complex128
	for i := range u {
		uv += u[i] * v[i]
	}
	pos := make(map[int32]int, n)
	total := 0.0
	for i, x := range ns {
		pos[x] = i
		total += cmplx.Abs(u[i])
	}
	for i, x := range ns {
		if total == 0 {
			break
		}
		share := cmplx.Abs(u[i]) / total
		if math.Abs(imag(lambda)) <= 1e-9*rho && real(lambda) > 0 {
			// A real eigenvector (its phase fixed by normalize): keep the
			// sign, which says in which direction to push.
			share = real(u[i]) / total
		}
		push[x] += share
	}
	// Normalized u and v of a simple eigenvalue have uᵀv far from 0; below
	// 1e-6 the eigenvalue is defective, or so ill-conditioned that the
	// derivative means nothing.
	defective := cmplx.Abs(uv) < 1e-6
	// Finite differences cost two eigenvalue runs per link: allowed only
	// while that stays around a second.
	if defective && float64(n)*float64(n)*float64(n)*float64(len(g.to)) > maxDifferenceWork {
		return
	}
	for _, from := range ns {
		j := pos[from]
		for _, e := range g.out[g.off[from]:g.off[from+1]] {
			i, ok := pos[g.to[e]]
			if !ok || a[i*n+j] == 0 {
				continue
			}
			if defective {
				elastic[e] = finiteElasticity(a, n, i, j, rho)
				continue
			}
			d := u[i] * v[j] / uv
			elastic[e] = real(cmplx.Conj(lambda)/complex(rho, 0)*d) * a[i*n+j] / rho
		}
	}
}

// maxDifferenceWork bounds n³ × links for the finite-difference fallback.
const maxDifferenceWork = 2e8

// finiteElasticity estimates the elasticity of the spectral radius to
// A[i][j] by a central difference of relative step 1e-6.
func finiteElasticity(a []float64, n, i, j int, rho float64) float64 {
	const h = 1e-6
	radius := func(scale float64) float64 {
		b := append([]float64(nil), a...)
		b[i*n+j] *= scale
		eig, err := eigenvalues(b, n)
		if err != nil {
			return rho
		}
		return cmplx.Abs(dominant(eig))
	}
	return (radius(1+h) - radius(1-h)) / (2 * h * rho)
}

// clamp keeps x within the float64 range: ±Inf becomes ±MaxFloat64.
func clamp(x float64) float64 { return math.Max(-math.MaxFloat64, math.Min(x, math.MaxFloat64)) }
