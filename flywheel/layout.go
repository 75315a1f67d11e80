package flywheel

import (
	"math"
	"slices"
)

// Bounds of the crossing-aware layout; past them circleOrder places the
// main loop and then the other nodes in document order, as a drawing that
// large is not read link by link anyway.
const (
	layoutMaxNodes = 1000
	layoutMaxEdges = 5000
)

// circleOrder returns the order of the nodes around the SVG's circle.
//
// The main loop (the strongest reinforcing loop, or the strongest loop
// when none reinforces) comes first, in loop order, so it is drawn as a
// ring that reads clockwise. The other nodes follow one at a time, the
// node most strongly linked to those already placed first (by weight;
// document order on ties), each inserted right beside that strongest
// neighbour, on the side where its links to placed nodes cross the fewest
// main-loop links, then the fewest links at all, then where the neighbour
// and the node across the gap are not linked (a link between them would
// be drawn over the new node), then whose node across the gap is nearest to it in the graph without that neighbour (so a
// path like the Amazon handle, traffic → growth → cost → prices →
// experience, fills the gap between its two ends), then before the
// neighbour when it feeds it and after otherwise. A node with no link to
// the placed ones starts a new run at the end. Links are counted as chords
// of the circle, one per linked pair. The result depends only on the
// document, so the drawing is deterministic.
func (a *Analysis) circleOrder() []int {
	n := len(a.Flywheel.Nodes)
	var main *Loop
	for i := range a.Loops {
		l := &a.Loops[i]
		switch {
		case main == nil,
			l.Polarity == Reinforcing && main.Polarity != Reinforcing,
			l.Polarity == main.Polarity && l.Rate > main.Rate*(1+1e-12):
			main = l
		}
	}
	order := make([]int, 0, n)
	placed := make([]bool, n)
	if main != nil {
		for _, id := range main.Nodes {
			if v := a.nodeIndex(id); !placed[v] {
				placed[v] = true
				order = append(order, v)
			}
		}
	}
	if a.g == nil || n > layoutMaxNodes || len(a.g.to) > layoutMaxEdges {
		for v := range n {
			if !placed[v] {
				order = append(order, v)
			}
		}
		return order
	}
	lay := newCircleLayout(a.Flywheel, a.g, order)
	for len(lay.order) < n {
		lay.place()
	}
	return lay.order
}

// circleLayout is the state of circleOrder's insertion.
type circleLayout struct {
	n       int
	nbr     [][]int32   // undirected neighbours, self-links left out
	wt      [][]float64 // wt[v][k] is the strongest weight between v and nbr[v][k]
	feeds   map[[2]int32]bool
	order   []int
	pos     []int // position in order, -1 while unplaced
	best    []float64
	bestNb  []int32
	chords  [][2]int32 // linked pairs of placed nodes
	mainArc map[[2]int32]bool
	dist    []int32
	queue   []int32
}

func newCircleLayout(f *Flywheel, g *graph, order []int) *circleLayout {
	n := g.n
	c := &circleLayout{n: n, nbr: make([][]int32, n), wt: make([][]float64, n), feeds: map[[2]int32]bool{},
		pos: make([]int, n), best: make([]float64, n), bestNb: make([]int32, n), mainArc: map[[2]int32]bool{},
		dist: make([]int32, n)}
	// One chord per linked pair, weighted by its stronger link, in the
	// order the pairs first appear.
	strength := map[[2]int32]float64{}
	var pairs [][2]int32
	for e := range g.to {
		a, b := g.from[e], g.to[e]
		if a == b {
			continue
		}
		c.feeds[[2]int32{a, b}] = true
		key := pair(a, b)
		w, seen := strength[key]
		if !seen {
			pairs = append(pairs, key)
		}
		strength[key] = math.Max(w, f.Links[g.link[e]].W())
	}
	for _, key := range pairs {
		a, b, w := key[0], key[1], strength[key]
		c.nbr[a], c.wt[a] = append(c.nbr[a], b), append(c.wt[a], w)
		c.nbr[b], c.wt[b] = append(c.nbr[b], a), append(c.wt[b], w)
	}
	for v := range n {
		c.pos[v], c.best[v], c.bestNb[v] = -1, -1, -1
	}
	for i, v := range order {
		if i > 0 {
			c.mainArc[pair(int32(order[i-1]), int32(v))] = true
		}
	}
	if len(order) > 2 {
		c.mainArc[pair(int32(order[len(order)-1]), int32(order[0]))] = true
	}
	for _, v := range order {
		c.insert(v, len(c.order))
	}
	return c
}

func pair(a, b int32) [2]int32 { return [2]int32{min(a, b), max(a, b)} }

// insert puts v at index k of the order and records its chords.
func (c *circleLayout) insert(v, k int) {
	c.order = slices.Insert(c.order, k, v)
	for i := k; i < len(c.order); i++ {
		c.pos[c.order[i]] = i
	}
	for j, u := range c.nbr[v] {
		if c.pos[u] >= 0 && int(u) != v {
			c.chords = append(c.chords, [2]int32{int32(v), u})
		} else if c.pos[u] < 0 && (c.wt[v][j] > c.best[u] || (c.wt[v][j] == c.best[u] && int32(v) < c.bestNb[u])) {
			c.best[u], c.bestNb[u] = c.wt[v][j], int32(v)
		}
	}
}

// place inserts the unplaced node most strongly linked to the placed ones.
func (c *circleLayout) place() {
	v := -1
	for u := range c.n {
		if c.pos[u] < 0 && (v < 0 || c.best[u] > c.best[v]) {
			v = u
		}
	}
	if c.best[v] < 0 {
		c.insert(v, len(c.order)) // no link to the placed nodes
		return
	}
	u := int(c.bestNb[v])
	var best score
	bestAt := -1
	for side := 0; side < 2; side++ {
		// Before u (side 0) the gap runs to the node ahead of u, after u
		// to the node behind it.
		k := c.pos[u] + side
		far := c.order[(c.pos[u]+2*side-1+len(c.order))%len(c.order)]
		var s score
		s.main, s.all = c.crossings(v, k)
		if c.linked(u, far) {
			s.spans = 1
		}
		s.dist = int(c.distance(v, u, far))
		if feeds := c.feeds[[2]int32{int32(v), int32(u)}]; feeds != (side == 0) {
			s.side = 1
		}
		if bestAt < 0 || s.less(best) {
			best, bestAt = s, k
		}
	}
	if bestAt == 0 {
		bestAt = len(c.order) // the same place on the circle, and the main loop keeps the top
	}
	c.insert(v, bestAt)
}

// score ranks the two places beside a neighbour; lower is better.
type score struct{ main, all, spans, dist, side int }

func (a score) less(b score) bool {
	for _, d := range [5]int{a.main - b.main, a.all - b.all, a.spans - b.spans, a.dist - b.dist, a.side - b.side} {
		if d != 0 {
			return d < 0
		}
	}
	return false
}

// crossings counts the placed chords that v's chords to placed nodes
// would cross if v were inserted at index k: those of the main loop, and
// all of them.
func (c *circleLayout) crossings(v, k int) (mainCross, all int) {
	at := func(x int32) int {
		if int(x) == v {
			return k
		}
		if p := c.pos[x]; p >= k {
			return p + 1
		}
		return c.pos[x]
	}
	for _, x := range c.nbr[v] {
		if c.pos[x] < 0 {
			continue
		}
		a, b := min(at(int32(v)), at(x)), max(at(int32(v)), at(x))
		for _, ch := range c.chords {
			if ch[0] == x || ch[1] == x {
				continue
			}
			p, q := at(ch[0]), at(ch[1])
			if (a < p && p < b) != (a < q && q < b) {
				all++
				if c.mainArc[pair(ch[0], ch[1])] {
					mainCross++
				}
			}
		}
	}
	return mainCross, all
}

// linked reports whether u and w are linked, either way.
func (c *circleLayout) linked(u, w int) bool {
	return c.feeds[[2]int32{int32(u), int32(w)}] || c.feeds[[2]int32{int32(w), int32(u)}]
}

// distance is the number of links from v to far in the undirected graph
// without the node skip, or n when far cannot be reached so.
func (c *circleLayout) distance(v, skip, far int) int32 {
	if far == skip {
		return int32(c.n)
	}
	for i := range c.dist {
		c.dist[i] = -1
	}
	c.dist[v] = 0
	c.queue = append(c.queue[:0], int32(v))
	for len(c.queue) > 0 {
		x := c.queue[0]
		c.queue = c.queue[1:]
		if int(x) == far {
			return c.dist[x]
		}
		for _, y := range c.nbr[x] {
			if int(y) != skip && c.dist[y] < 0 {
				c.dist[y] = c.dist[x] + 1
				c.queue = append(c.queue, y)
			}
		}
	}
	return int32(c.n)
}
