package flywheel

import (
	"errors"
	"fmt"
	"math"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// ErrTooManyLoops is returned, wrapped, by Loops and EachLoop when a bound
// of LoopOptions stopped the search; the loops found before it are kept.
var ErrTooManyLoops = errors.New("flywheel: too many loops")

// Defaults of LoopOptions.
const (
	// DefaultMaxLoops is the most loops enumerated when MaxLoops is 0. It
	// is above the 125,664 loops of the complete graph on 9 nodes.
	DefaultMaxLoops = 200_000
	// MaxLoopNodes bounds the memory of Loops: when the loops found hold
	// this many nodes in all (about 100 MB with the Loops), Loops stops with
	// ErrTooManyLoops. EachLoop holds one loop at a time and has no such
	// bound.
	MaxLoopNodes = 2_000_000
	// DefaultMaxLength is the longest loop, in nodes, when MaxLength is 0:
	// MaxNodes, so every loop of a valid document counts.
	DefaultMaxLength = MaxNodes
)

// LoopOptions bound the loop search.
type LoopOptions struct {
	// MaxLoops is the most loops to find; 0 means DefaultMaxLoops. When a
	// graph has more, the search stops with ErrTooManyLoops.
	MaxLoops int
	// MaxLength is the longest loop to find, counted in nodes; 0 means
	// DefaultMaxLength. Longer loops are skipped without an error.
	MaxLength int
}

func (o LoopOptions) withDefaults() LoopOptions {
	if o.MaxLoops <= 0 {
		o.MaxLoops = DefaultMaxLoops
	}
	if o.MaxLength <= 0 {
		o.MaxLength = DefaultMaxLength
	}
	return o
}

// Loop is an elementary feedback loop: a closed path that visits no node
// twice.
type Loop struct {
	// ID is the loop's label in reports and diagrams, "R1" or "B2",
	// numbered by polarity in the order Loops returns. EachLoop leaves it
	// empty.
	ID string `json:"id,omitempty"`
	// Nodes are the node IDs around the loop, starting from the one listed
	// first in the document; the last links back to the first.
	Nodes []string `json:"nodes"`
	// Links are the indexes in Flywheel.Links of the links around the
	// loop: Links[i] goes from Nodes[i] to the next node.
	Links []int `json:"links"`
	// Polarity is Reinforcing for an even number of "-" links, Balancing
	// for an odd number.
	Polarity Polarity `json:"polarity"`
	// Gain is the product of the loop's link weights (without signs): how
	// much a push comes back amplified after one trip around. A product
	// past the largest float64 (about 1.8e308, which a long loop of strong
	// links reaches) is held at that largest value, so Gain is always a
	// finite number; Rate stays exact.
	Gain float64 `json:"gain"`
	// Rate is the loop's own growth factor per step: Gain to the power
	// 1/len(Nodes), the spectral radius the loop would have on its own.
	// It is computed from the logarithms of the weights, so it is exact
	// even where Gain is held at the float64 limit: a ring of 103 links of
	// weight 1000 has Rate 1000.
	Rate float64 `json:"rate"`
	// Delay is the sum of the loop's link delays.
	Delay int `json:"delay"`
}

// acc is what a path of links adds up to: the sum of the logarithms of its
// weights (-Inf once a weight is 0), their product, the sum of its delays
// and the number of "-" links. The search keeps one per depth, so measuring
// a loop costs the same whatever its length.
type acc struct {
	log   float64
	prod  float64
	delay int
	neg   int
}

// edgeInfo is one edge's share of acc, read once from the document so the
// search touches no Link.
type edgeInfo acc

func (a acc) add(e *edgeInfo) acc {
	return acc{a.log + e.log, a.prod * e.prod, a.delay + e.delay, a.neg + e.neg}
}

// measure turns the sums of a loop of n links into its polarity, gain,
// rate and delay, none of which can be infinite or NaN: weights are finite
// and at least 0, so the logarithms are finite or -Inf, never +Inf.
func (a acc) measure(n int) (p Polarity, gain, rate float64, delay int) {
	p = Reinforcing
	if a.neg&1 == 1 {
		p = Balancing
	}
	if a.log == 0 {
		rate = 1 // every weight 1, the common case; exp would give 1 too
	} else {
		rate = math.Exp(a.log / float64(n)) // 0 for a weight of 0
	}
	gain = a.prod
	if gain > math.MaxFloat64 {
		gain = math.MaxFloat64
	}
	return p, gain, rate, a.delay
}

// search holds the state of Johnson's algorithm. Every slice is allocated
// once per call and reused for every start node and every loop, so finding
// a loop allocates nothing.
type search struct {
	g      *graph
	f      *Flywheel
	opts   LoopOptions
	self   []bool
	tarjan *tarjan
	work   []span  // components still to search, by descending first node: the last is next
	arena  []int32 // their nodes, each component in its own span
	flat   []int32 // components just found, before they join the arena
	ends   []int32
	state  []uint8   // outside the current component, free or blocked
	dist   []int32   // edges from a node back to the start, within the component
	bset   [][]int32 // Johnson's B lists
	queue  []int32
	unblk  []int32
	outTo  []int32 // outTo[i] is the target of the edge g.out[i], one load less per edge
	// The current path, by depth d: path[d] is its node, pos[d] the next
	// of its edges to try and found[d] whether a loop was found below it
	// (or the length cap cut the search there); links[d] is the index in
	// Flywheel.Links of the link leaving path[d] (the closing link's while
	// a loop is handed out), names[d] the node's ID and sums[d] adds up the
	// links before depth d. All are sized once, for the longest path.
	path    []int32
	pos     []int32
	found   []bool
	links   []int
	names   []string
	sums    []acc
	info    []edgeInfo // per edge
	skip    []int32    // skip[v] passes v's edges to nodes below the start
	local   []int8     // a node's number within a small component, -1 outside it
	sm      *smallState
	count   int // loops found
	steps   int // search steps since the last loop found
	low     int // the fewest nodes the path has had since Loops last set it
	maxWork int
}

// Node states during the search of one component.
const (
	outside uint8 = iota // not in the component being searched
	free                 // in it, and may join the path
	blocked              // on the path, or blocked by Johnson's rule
)

// EachLoop calls visit for every elementary loop of the wheel, one at a
// time, without holding them all: the Loop's slices are reused once visit
// returns, so copy what must outlive the call. Returning false stops the
// search and EachLoop returns nil.
//
// Loops come in lexicographic order of their nodes' positions in the
// document, each loop starting from its node listed first: all loops
// through the first node, in the order of the path they take, then those
// through the second node that avoid the first, and so on. Loops returns
// the same loops sorted shortest first.
//
// The search is Johnson's algorithm, run within each strongly connected
// component (found with Tarjan's algorithm). Its work is bounded: after
// MaxLoops loops, or after 1,000,000 + 64 × (nodes + links) steps without a
// new loop (a length cap can make Johnson's search long for nothing), it
// stops with an error wrapping ErrTooManyLoops. Graphs above MaxNodes or
// MaxLinks are refused with ErrGraphTooLarge, and a weight that is negative
// or not finite (only a Flywheel built in Go can hold one) with a
// *ValidationError.
func (f *Flywheel) EachLoop(opts LoopOptions, visit func(Loop) bool) error {
	s, err := f.newSearch(opts)
	if err != nil {
		return err
	}
	defer s.release()
	return s.run(nil, visit)
}

func (f *Flywheel) newSearch(opts LoopOptions) (*search, error) {
	if err := f.checkSize(); err != nil {
		return nil, err
	}
	if err := f.checkWeights(); err != nil {
		return nil, err
	}
	g := newGraph(f)
	n, m := g.n, len(g.to)
	// The fixed-size arrays of each element type are cut from one
	// allocation (see newGraph).
	ints := cutter[int32](make([]int32, 5*n+2*m))
	bools := cutter[bool](make([]bool, 2*n))
	s := &search{
		g: g, f: f, opts: opts.withDefaults(),
		self:    bools.cut(n),
		state:   make([]uint8, n),
		dist:    ints.cut(n),
		bset:    make([][]int32, n),
		info:    make([]edgeInfo, m),
		outTo:   ints.cut(m),
		path:    ints.cut(n),
		pos:     ints.cut(n),
		found:   bools.cut(n),
		links:   make([]int, n),
		names:   make([]string, n),
		sums:    make([]acc, n+1),
		maxWork: 1_000_000 + 64*(n+m),
	}
	for i, e := range g.out {
		s.outTo[i] = g.to[e]
	}
	s.skip = ints.cut(n)
	copy(s.skip, g.off[:n])
	s.local = make([]int8, n)
	for v := range s.local {
		s.local[v] = -1
	}
	// A node's B list only ever holds its predecessors, so all the lists
	// fit in one arena laid out like the reverse adjacency.
	arena := ints.cut(m)
	for v := range s.bset {
		s.bset[v] = arena[g.rOff[v]:g.rOff[v]:g.rOff[v+1]]
	}
	for e := range g.to {
		if g.from[e] == g.to[e] {
			s.self[g.from[e]] = true
		}
		l := &f.Links[g.link[e]]
		in := edgeInfo{log: math.Log(l.W()), prod: l.W(), delay: l.Delay} // Log(0) is -Inf
		if l.Polarity == Negative {
			in.neg = 1
		}
		s.info[e] = in
	}
	s.tarjan = newTarjan(g, s.self)
	all := ints.cut(n)
	for v := range all {
		all[v] = int32(v)
	}
	s.flat, s.ends = s.tarjan.components(all, nil, nil)
	s.arena = make([]int32, 0, len(s.flat))
	s.push(0)
	return s, nil
}

func (s *search) tooLong() error {
	return fmt.Errorf("%w: searched %d steps after loop %d without finding another", ErrTooManyLoops, s.steps, s.count)
}

// span is a component's place in the arena.
type span struct{ at, n int32 }

// push copies the components in flat into the arena from at on, which a
// component just searched held (its nodes less the start, so they fit), and
// adds them to the work list, kept sorted by descending first node. Taking
// the last entry then searches start nodes in ascending order across all
// components, which is what makes the order of loops lexicographic.
func (s *search) push(at int32) {
	if int(at) == len(s.arena) {
		s.arena = append(s.arena, s.flat...)
	} else {
		copy(s.arena[at:], s.flat) // other components may follow: overwrite, never truncate
	}
	from := int32(0)
	for _, end := range s.ends {
		sp := span{at: at + from, n: end - from}
		first := s.flat[from]
		i, _ := slices.BinarySearchFunc(s.work, first, func(x span, t int32) int {
			return int(t - s.arena[x.at]) // descending
		})
		s.work = slices.Insert(s.work, i, sp)
		from = end
	}
}

// prepare marks the nodes of the component c, whose first node is the
// start, as usable and records their distance back to the start, which the
// length cap prunes with. Every node of a strongly connected component
// reaches the start, so each is found.
func (s *search) prepare(c []int32) {
	g := s.g
	start := c[0]
	for _, v := range c {
		s.state[v] = free
		s.bset[v] = s.bset[v][:0]
		s.dist[v] = -1
	}
	s.queue = append(s.queue[:0], start)
	s.dist[start] = 0
	for i := 0; i < len(s.queue); i++ {
		v := s.queue[i]
		for _, e := range g.rIn[g.rOff[v]:g.rOff[v+1]] {
			u := g.from[e]
			if s.state[u] != outside && s.dist[u] < 0 {
				s.dist[u] = s.dist[v] + 1
				s.queue = append(s.queue, u)
			}
		}
	}
}

// run enumerates the loops, component by component and start by start,
// calling emit for each with its length n (its nodes are s.path[:n] and
// s.names[:n], its links s.links[:n]) and the sums of its links, or, when
// visit is not nil, visit with the Loop; either returns false to stop.
// Components of up to 64 nodes are searched on bit sets (small), larger
// ones on edge lists (general); both give the same loops in the same
// order.
func (s *search) run(emit func(s *search, n int, sum acc) bool, visit func(Loop) bool) error {
	for len(s.work) > 0 {
		item := s.work[len(s.work)-1]
		s.work = s.work[:len(s.work)-1]
		c := s.arena[item.at : item.at+item.n]
		start := c[0]
		s.prepare(c)
		s.low = 0
		s.path[0], s.names[0], s.sums[0], s.found[0] = start, s.f.Nodes[start].ID, acc{prod: 1}, false
		var stop bool
		var err error
		if len(c) <= smallLimit {
			stop, err = s.small(c, emit, visit)
		} else {
			stop, err = s.general(c, emit, visit)
		}
		if stop || err != nil {
			return err
		}
		for _, v := range c {
			s.state[v] = outside
		}
		// Without the start, the component may fall apart: search what
		// still holds loops, as Johnson's algorithm prescribes.
		s.flat, s.ends = s.tarjan.components(c[1:], s.flat[:0], s.ends[:0])
		s.push(item.at)
	}
	return nil
}

// hand gives out the loop that edge e closes at depth d, to visit as a
// Loop or to emit; it reports whether to go on.
func (s *search) hand(d int, e int32, emit func(s *search, n int, sum acc) bool, visit func(Loop) bool) bool {
	s.links[d] = int(s.g.link[e])
	sum := s.sums[d].add(&s.info[e])
	n := d + 1
	if visit == nil {
		return emit(s, n, sum)
	}
	p, gain, rate, delay := sum.measure(n)
	return visit(Loop{Nodes: s.names[:n:n], Links: s.links[:n:n], Polarity: p, Gain: gain, Rate: rate, Delay: delay})
}

// enter puts node w on the path at depth d+1 through edge e.
func (s *search) enter(d int, e, w int32) {
	s.links[d] = int(s.g.link[e])
	s.sums[d+1] = s.sums[d].add(&s.info[e])
	s.path[d+1], s.names[d+1], s.found[d+1] = w, s.f.Nodes[w].ID, false
}

func (s *search) tooMany() error {
	return fmt.Errorf("%w: stopped after %d loops (MaxLoops)", ErrTooManyLoops, s.count)
}

// general searches the loops through the start c[0] of a component of any
// size, walking each node's list of edges. It reports whether emit or
// visit asked to stop.
//
// The inner loop runs through one node's edges without leaving: skipping
// an edge (outside the component, blocked) costs two loads and a compare.
// Edges are sorted by target and the start is the lowest node of its
// component, so a node's edges are taken from its first to the start or
// above (skipTo): edges to nodes already searched are never looked at, and
// the edge back to the start, which closes a loop, comes first.
func (s *search) general(c []int32, emit func(s *search, n int, sum acc) bool, visit func(Loop) bool) (bool, error) {
	g := s.g
	out, outTo, off, dist, state := g.out, s.outTo, g.off, s.dist, s.state
	path, pos, found := s.path, s.pos, s.found
	maxLen, maxWork, maxLoops := int32(s.opts.MaxLength), s.maxWork, s.opts.MaxLoops
	capped := maxLen < int32(len(c)) // no loop in c is longer than c
	start := c[0]
	steps := s.steps
	defer func() { s.steps = steps }()
	state[start] = blocked
	pos[0] = skipTo(s.skip, off, outTo, start, start)
	d := 0
	for d >= 0 {
		v := path[d]
		p, end := pos[d], off[v+1]
		next := int32(-1)
		for p < end {
			w := outTo[p]
			p++
			steps++
			if steps > maxWork {
				s.steps = steps
				return false, s.tooLong()
			}
			if state[w] == free {
				if capped && int32(d+1)+dist[w] > maxLen {
					// Cut by the cap, not proven fruitless: w's subtree may
					// still hold short loops for another path, so v must be
					// unblocked on the way back as if a loop were found.
					found[d] = true
					continue
				}
				next = p - 1
				break
			}
			if w != start {
				continue // outside the component, on the path, or blocked
			}
			if s.count == maxLoops {
				return false, s.tooMany()
			}
			found[d] = true
			s.count++
			steps = 0
			if !s.hand(d, out[p-1], emit, visit) {
				return true, nil
			}
		}
		pos[d] = p
		if next >= 0 {
			w := outTo[next]
			state[w] = blocked
			s.enter(d, out[next], w)
			d++
			pos[d] = skipTo(s.skip, off, outTo, w, start)
			continue
		}
		if found[d] {
			if len(s.bset[v]) == 0 {
				state[v] = free // unblock with nothing else to unblock
			} else {
				s.unblock(v)
			}
			if d > 0 {
				found[d-1] = true
			}
		} else {
			for _, w := range outTo[off[v]:off[v+1]] {
				if state[w] != outside && !slices.Contains(s.bset[w], v) {
					s.bset[w] = append(s.bset[w], v)
				}
			}
		}
		s.low = min(s.low, d)
		d--
	}
	return false, nil
}

// smallLimit is the size up to which a component is searched with bit
// sets; a variable so tests can make every search take the general path.
var smallLimit = 64

// smallState is the search of a component of at most 64 nodes, numbered
// 0 to 63 in ascending order (so the start is 0 and bit order is the
// order of the edges' targets): its adjacency, blocked set and Johnson's B
// lists are bit sets, so the next free neighbour of a node is one
// instruction away instead of a walk over its edges, however dense the
// component.
// smallStates keeps the bit-set state of finished searches: at 17 KB it
// was most of what checking a small wheel allocated. Every entry small
// reads is written first in the same call, so a reused state needs no
// clearing.
var smallStates = sync.Pool{New: func() any { return new(smallState) }}

// release hands the search's pooled state back; the search must not run
// again.
func (s *search) release() {
	if s.sm != nil {
		smallStates.Put(s.sm)
		s.sm = nil
	}
}

type smallState struct {
	adj  [64]uint64
	b    [64]uint64
	edge [64 * 64]int32 // edge[i*64+j] is the edge from local node i to j
	at   [64]int8       // at[d] is the local number of the node at depth d
	next [64]uint8      // next[d] is the lowest local number still to try there
}

// small searches the loops through the start c[0] of a component of at
// most 64 nodes with bit sets; the loops come in the same order as from
// general. It reports whether emit or visit asked to stop.
func (s *search) small(c []int32, emit func(s *search, n int, sum acc) bool, visit func(Loop) bool) (bool, error) {
	if s.sm == nil {
		s.sm = smallStates.Get().(*smallState)
	}
	sm, g := s.sm, s.g
	for i, v := range c {
		s.local[v] = int8(i)
	}
	for i, v := range c {
		m := uint64(0)
		for p := s.skipTo(v, c[0]); p < g.off[v+1]; p++ {
			if j := s.local[s.outTo[p]]; j >= 0 {
				m |= 1 << j
				sm.edge[i*64+int(j)] = g.out[p]
			}
		}
		sm.adj[i], sm.b[i] = m, 0
	}
	for _, v := range c {
		s.local[v] = -1
	}
	maxLen, maxWork, maxLoops := int32(s.opts.MaxLength), s.maxWork, s.opts.MaxLoops
	capped := maxLen < int32(len(c))
	blocked := uint64(1) // the start
	found := s.found
	d, entered := 0, true
	sm.at[0] = 0
	for d >= 0 {
		v := int(sm.at[d])
		if entered {
			entered = false
			sm.next[d] = 1
			if sm.adj[v]&1 != 0 { // the edge back to the start
				if s.count == maxLoops {
					return false, s.tooMany()
				}
				found[d] = true
				s.count++
				s.steps = 0
				if !s.hand(d, sm.edge[v*64], emit, visit) {
					return true, nil
				}
			}
		}
		s.steps++
		if s.steps > maxWork {
			return false, s.tooLong()
		}
		if free := sm.adj[v] &^ blocked & (^uint64(0) << sm.next[d]); free != 0 {
			w := bits.TrailingZeros64(free)
			sm.next[d] = uint8(w + 1)
			gw := c[w]
			if capped && int32(d+1)+s.dist[gw] > maxLen {
				found[d] = true // cut by the cap: see general
				continue
			}
			blocked |= 1 << w
			s.enter(d, sm.edge[v*64+w], gw)
			d++
			sm.at[d], entered = int8(w), true
			continue
		}
		if found[d] {
			// Johnson's UNBLOCK, on bit sets.
			blocked &^= 1 << v
			pending := sm.b[v]
			sm.b[v] = 0
			for pending != 0 {
				x := bits.TrailingZeros64(pending)
				pending &= pending - 1
				if blocked&(1<<x) != 0 {
					blocked &^= 1 << x
					pending |= sm.b[x]
					sm.b[x] = 0
				}
			}
			if d > 0 {
				found[d-1] = true
			}
		} else {
			for m := sm.adj[v]; m != 0; m &= m - 1 {
				sm.b[bits.TrailingZeros64(m)] |= 1 << v
			}
		}
		s.low = min(s.low, d)
		d--
	}
	return false, nil
}

// skipTo is the package skipTo on the search's own arrays.
func (s *search) skipTo(v, low int32) int32 { return skipTo(s.skip, s.g.off, s.outTo, v, low) }

// skipTo returns the position in v's out-list of its first edge to a node
// numbered low or higher, moving skip[v] there. Starts only grow, so each
// pointer only moves forward: over the whole search, a node's edges to
// nodes already searched are passed once.
func skipTo(skip, off, outTo []int32, v, low int32) int32 {
	p := skip[v]
	for p < off[v+1] && outTo[p] < low {
		p++
	}
	skip[v] = p
	return p
}

// unblock is Johnson's UNBLOCK, with an explicit stack.
func (s *search) unblock(u int32) {
	s.unblk = append(s.unblk[:0], u)
	for len(s.unblk) > 0 {
		x := s.unblk[len(s.unblk)-1]
		s.unblk = s.unblk[:len(s.unblk)-1]
		if s.state[x] != blocked {
			continue
		}
		s.state[x] = free
		for _, w := range s.bset[x] {
			if s.state[w] == blocked {
				s.unblk = append(s.unblk, w)
			}
		}
		s.bset[x] = s.bset[x][:0]
	}
}

// Loops returns every elementary loop of the wheel, sorted: shorter loops
// first, then by their nodes' positions in the document, compared node by
// node. Each loop gets an ID, R1, R2, ... for reinforcing and B1, B2, ...
// for balancing loops, in that order. When a bound of opts, or
// MaxLoopNodes, stops the search, Loops returns the loops found so far
// (the first in EachLoop's order), sorted, with an error wrapping
// ErrTooManyLoops; see EachLoop for the other bounds.
//
// The loops' Nodes and Links are slices of a few arrays they share (a
// loop's Nodes can be the beginning of a longer loop's), each with its
// capacity cut to its length so an append copies; copy one before
// changing its elements. On the complete graph on 9 nodes (125,664 loops)
// Loops takes about 20 ms of CPU and 30 MB, allocated in about a hundred
// allocations; see BenchmarkLoops and .ci/bench/flywheel.sh.
func (f *Flywheel) Loops(opts LoopOptions) ([]Loop, error) {
	s, err := f.newSearch(opts)
	if err != nil {
		return nil, err
	}
	// Every loop is the search's current path, closed. Consecutive loops
	// often extend one another ([a b], then [a b c]), so their nodes are
	// kept as runs of node numbers: a loop that extends the previous one
	// appends only its new nodes to its run, and each loop's nodes are a
	// prefix of a run (on a complete graph, about a third of what a copy
	// per loop would store). Links differ in the closing link, so each
	// loop's links are copied whole, straight into the slices the Loops
	// will share. Both live in blocks that are filled and never copied, and
	// hold no pointers, so the collector does not scan them; the strings
	// are made once, at the end, at their exact size. What is only needed
	// while Loops runs comes from a pool, so repeated calls reuse it.
	defer s.release()
	sc := scratchPool.Get().(*loopScratch)
	defer sc.release()
	var (
		links [][]int // blocks of loops' links
		count int     // loops found
		total int
		full  bool
		run   = -1 // where the run the last loop is a prefix of starts, in the last block of nodes
		nb    = -1 // the block of nodes in use
	)
	serr := s.run(func(s *search, n int, sum acc) bool {
		if total+n > MaxLoopNodes {
			full = true
			return false
		}
		total += n
		if have := 0; run >= 0 {
			have = len(sc.nodes[nb]) - run
			if s.low >= have && len(sc.nodes[nb])+n-have <= cap(sc.nodes[nb]) {
				sc.nodes[nb] = append(sc.nodes[nb], s.path[have:n]...) // the path still starts with the run
			} else {
				run = -1
			}
		}
		if run < 0 {
			if nb < 0 || len(sc.nodes[nb])+n > cap(sc.nodes[nb]) {
				nb = sc.block(nb, n)
			}
			run = len(sc.nodes[nb])
			sc.nodes[nb] = append(sc.nodes[nb], s.path[:n]...)
		}
		s.low = n
		lb := len(links) - 1
		if lb < 0 || len(links[lb])+n > cap(links[lb]) {
			links = append(links, make([]int, 0, max(blockLen, n)))
			lb++
		}
		p, gain, rate, delay := sum.measure(n)
		// EachLoop's order is lexicographic, so keeping the records of
		// each length apart, in the order they come, sorts the loops as
		// documented without comparing any two.
		for len(sc.byLen) <= n {
			sc.byLen = append(sc.byLen, nil)
		}
		sc.byLen[n] = append(sc.byLen[n], loopRec{nodeBlock: int32(nb), node: int32(run), linkBlock: int32(lb), link: int32(len(links[lb])),
			n: int32(n), balancing: p == Balancing, gain: gain, rate: rate, delay: delay})
		count++
		links[lb] = append(links[lb], s.links[:n]...)
		return true
	}, nil)
	if full {
		serr = fmt.Errorf("%w: stopped after %d loops holding %d nodes in all (MaxLoopNodes)", ErrTooManyLoops, count, total)
	}
	// One array of names for all blocks of runs; blockAt[b] is where block
	// b's names begin.
	blocks := sc.nodes[:nb+1]
	blockAt := sc.int32s(&sc.blockAt, len(blocks))
	size := 0
	for b, block := range blocks {
		blockAt[b] = int32(size)
		size += len(block)
	}
	names := make([]string, 0, size)
	for _, block := range blocks {
		for _, v := range block {
			names = append(names, f.Nodes[v].ID)
		}
	}
	out := make([]Loop, count)
	var ids strings.Builder // String does not copy: every ID is a slice of one string
	ids.Grow(count * (1 + len(strconv.Itoa(count))))
	idEnd := sc.int32s(&sc.idEnd, count)
	nr, nbal := counter{'0'}, counter{'0'}
	i := 0
	for _, bucket := range sc.byLen {
		for k := range bucket {
			r := &bucket[k]
			p := Reinforcing
			if r.balancing {
				p = Balancing
				ids.WriteByte('B')
				ids.Write(nbal.next())
			} else {
				ids.WriteByte('R')
				ids.Write(nr.next())
			}
			idEnd[i] = int32(ids.Len())
			at := blockAt[r.nodeBlock] + r.node
			out[i] = Loop{Nodes: names[at : at+r.n : at+r.n], Links: links[r.linkBlock][r.link : r.link+r.n : r.link+r.n],
				Polarity: p, Gain: r.gain, Rate: r.rate, Delay: r.delay}
			i++
		}
	}
	all := ids.String()
	prev := int32(0)
	for i := range out {
		out[i].ID = all[prev:idEnd[i]]
		prev = idEnd[i]
	}
	return out, serr
}

// blockLen is how many nodes or links one block of Loops' storage holds.
const blockLen = 1 << 16

// loopRec is what Loops keeps of a loop while it searches: where its nodes
// and links are, and its measures.
type loopRec struct {
	nodeBlock, node, linkBlock, link, n int32
	balancing                           bool
	gain, rate                          float64
	delay                               int
}

// loopScratch is what Loops needs only while it runs, kept in scratchPool
// between calls. It holds no pointers into what Loops returns.
type loopScratch struct {
	byLen          [][]loopRec // byLen[n] holds the records of the loops of n nodes, in EachLoop's order
	nodes          [][]int32   // blocks of runs; those past the ones in use are spare
	blockAt, idEnd []int32
}

var scratchPool = sync.Pool{New: func() any { return new(loopScratch) }}

// maxPooled bounds the records a scratch may hold and still go back to
// the pool (12 MB), so one huge search does not pin its memory.
const maxPooled = 1 << 18

// block returns the index of the block of nodes after the one in use,
// last (-1 before the first), made empty with room for n; a spare block
// from an earlier call is reused when it is large enough.
func (sc *loopScratch) block(last, n int) int {
	i := last + 1
	switch {
	case i == len(sc.nodes):
		sc.nodes = append(sc.nodes, make([]int32, 0, max(blockLen, n)))
	case cap(sc.nodes[i]) < n:
		sc.nodes[i] = make([]int32, 0, n)
	}
	sc.nodes[i] = sc.nodes[i][:0]
	return i
}

// int32s returns *buf resized to n, reusing its memory.
func (sc *loopScratch) int32s(buf *[]int32, n int) []int32 {
	if cap(*buf) < n {
		*buf = make([]int32, n)
	}
	*buf = (*buf)[:n]
	return *buf
}

// release empties the scratch and returns it to the pool, unless it grew
// too large to keep.
func (sc *loopScratch) release() {
	held := 0
	for _, b := range sc.byLen {
		held += cap(b)
	}
	if held > maxPooled {
		return
	}
	for n := range sc.byLen {
		sc.byLen[n] = sc.byLen[n][:0]
	}
	for i := range sc.nodes {
		sc.nodes[i] = sc.nodes[i][:0]
	}
	scratchPool.Put(sc)
}

// counter is a decimal number kept as its digits, so numbering a hundred
// thousand loops needs no conversion per loop.
type counter []byte

// next adds one and returns the digits, valid until the next call.
func (c *counter) next() []byte {
	d := *c
	i := len(d) - 1
	for i >= 0 && d[i] == '9' {
		d[i] = '0'
		i--
	}
	if i < 0 {
		d = append([]byte{'1'}, d...)
	} else {
		d[i]++
	}
	*c = d
	return d
}
