package flywheel

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
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
	// this many nodes in all (about 64 MB), Loops stops with
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
// weights, their product, the number of "-" links and of zero weights, and
// the sum of its delays. The search keeps one per depth, so measuring a
// loop costs the same whatever its length.
type acc struct {
	log   float64
	prod  float64
	neg   int32
	zero  int32
	delay int
}

// edgeInfo is one edge's share of acc, read once from the document so the
// search touches no Link.
type edgeInfo struct {
	log   float64
	w     float64
	neg   int32
	zero  int32
	delay int
}

func (a acc) add(e *edgeInfo) acc {
	return acc{a.log + e.log, a.prod * e.w, a.neg + e.neg, a.zero + e.zero, a.delay + e.delay}
}

// measure turns the sums of a loop of n links into its polarity, gain,
// rate and delay, none of which can be infinite or NaN.
func (a acc) measure(n int) (p Polarity, gain, rate float64, delay int) {
	p = Reinforcing
	if a.neg%2 == 1 {
		p = Balancing
	}
	switch {
	case a.zero > 0:
		return p, 0, 0, a.delay
	case a.log == 0:
		rate = 1 // every weight 1, the common case; exp would give 1 too
	default:
		rate = math.Exp(a.log / float64(n))
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
	g       *graph
	f       *Flywheel
	opts    LoopOptions
	self    []bool
	tarjan  *tarjan
	work    []span  // components still to search, by descending first node: the last is next
	arena   []int32 // their nodes, each component in its own span
	flat    []int32 // components just found, before they join the arena
	ends    []int32
	allowed []bool  // in the component of the current start
	dist    []int32 // edges from a node back to the start, within allowed
	blocked []bool
	bset    [][]int32 // Johnson's B lists
	queue   []int32
	frames  []frame
	unblk   []int32
	path    []int32    // node numbers of the current path
	edges   []int32    // edge numbers: edges[i] leaves path[i]
	sums    []acc      // sums[k] adds up edges[:k]
	names   []string   // IDs of the nodes on path
	links   []int      // Flywheel.Links indexes of edges, and of the closing edge while a loop is handed out
	info    []edgeInfo // per edge
	found   int
	steps   int // search steps since the last loop found
	maxWork int
}

type frame struct {
	v     int32
	pos   int32
	found bool // a loop was found below, or the length cap cut the search
}

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
	return s.run(func(s *search, sum acc, closing int32) bool {
		s.links = append(s.links, int(s.g.link[closing]))
		n := len(s.names)
		p, gain, rate, delay := sum.measure(n)
		more := visit(Loop{Nodes: s.names[:n:n], Links: s.links[:n:n], Polarity: p, Gain: gain, Rate: rate, Delay: delay})
		s.links = s.links[:n-1]
		return more
	})
}

func (f *Flywheel) newSearch(opts LoopOptions) (*search, error) {
	if err := f.checkSize(); err != nil {
		return nil, err
	}
	if err := f.checkWeights(); err != nil {
		return nil, err
	}
	g := newGraph(f)
	n := g.n
	s := &search{
		g: g, f: f, opts: opts.withDefaults(),
		self:    make([]bool, n),
		allowed: make([]bool, n),
		dist:    make([]int32, n),
		blocked: make([]bool, n),
		bset:    make([][]int32, n),
		info:    make([]edgeInfo, len(g.to)),
		maxWork: 1_000_000 + 64*(n+len(g.to)),
	}
	// A node's B list only ever holds its predecessors, so all the lists
	// fit in one arena laid out like the reverse adjacency.
	arena := make([]int32, len(g.to))
	for v := range s.bset {
		s.bset[v] = arena[g.rOff[v]:g.rOff[v]:g.rOff[v+1]]
	}
	for e := range g.to {
		if g.from[e] == g.to[e] {
			s.self[g.from[e]] = true
		}
		l := &f.Links[g.link[e]]
		w := l.W()
		in := edgeInfo{w: w, delay: l.Delay}
		if l.Polarity == Negative {
			in.neg = 1
		}
		if w == 0 {
			in.zero = 1
		} else {
			in.log = math.Log(w)
		}
		s.info[e] = in
	}
	s.tarjan = newTarjan(g, s.self)
	all := make([]int32, n)
	for v := range all {
		all[v] = int32(v)
	}
	s.flat, s.ends = s.tarjan.components(all, nil, nil)
	s.arena = make([]int32, 0, len(s.flat))
	s.push(0)
	return s, nil
}

// step counts one unit of work and reports whether the budget since the
// last loop is spent.
func (s *search) step() bool {
	s.steps++
	return s.steps > s.maxWork
}

func (s *search) tooLong() error {
	return fmt.Errorf("%w: searched %d steps after loop %d without finding another", ErrTooManyLoops, s.steps, s.found)
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
		s.allowed[v] = true
		s.blocked[v] = false
		s.bset[v] = s.bset[v][:0]
		s.dist[v] = -1
	}
	s.queue = append(s.queue[:0], start)
	s.dist[start] = 0
	for i := 0; i < len(s.queue); i++ {
		v := s.queue[i]
		for _, e := range g.rIn[g.rOff[v]:g.rOff[v+1]] {
			u := g.from[e]
			if s.allowed[u] && s.dist[u] < 0 {
				s.dist[u] = s.dist[v] + 1
				s.queue = append(s.queue, u)
			}
		}
	}
}

// run enumerates the loops, calling emit with the path in s.path, s.names
// and s.edges, the sums of the whole loop and the edge that closes it;
// emit returns false to stop.
func (s *search) run(emit func(s *search, sum acc, closing int32) bool) error {
	g := s.g
	maxLen := int32(s.opts.MaxLength)
	for len(s.work) > 0 {
		item := s.work[len(s.work)-1]
		s.work = s.work[:len(s.work)-1]
		c := s.arena[item.at : item.at+item.n]
		start := c[0]
		s.prepare(c)
		s.frames = append(s.frames[:0], frame{v: start, pos: g.off[start]})
		s.path = append(s.path[:0], start)
		s.names = append(s.names[:0], s.f.Nodes[start].ID)
		s.edges = s.edges[:0]
		s.links = s.links[:0]
		s.sums = append(s.sums[:0], acc{prod: 1})
		s.blocked[start] = true
		for len(s.frames) > 0 {
			top := &s.frames[len(s.frames)-1]
			v := top.v
			if top.pos < g.off[v+1] {
				e := g.out[top.pos]
				top.pos++
				if s.step() {
					return s.tooLong()
				}
				w := g.to[e]
				switch {
				case !s.allowed[w]:
				case w == start:
					if s.found == s.opts.MaxLoops {
						return fmt.Errorf("%w: stopped after %d loops (MaxLoops)", ErrTooManyLoops, s.found)
					}
					top.found = true
					s.found++
					s.steps = 0
					if !emit(s, s.sums[len(s.sums)-1].add(&s.info[e]), e) {
						return nil
					}
				case s.blocked[w]:
				case int32(len(s.path))+s.dist[w] > maxLen:
					// Cut by the cap, not proven fruitless: w's subtree may
					// still hold short loops for another path, so v must be
					// unblocked on the way back as if a loop were found.
					top.found = true
				default:
					s.blocked[w] = true
					s.sums = append(s.sums, s.sums[len(s.sums)-1].add(&s.info[e]))
					s.path = append(s.path, w)
					s.names = append(s.names, s.f.Nodes[w].ID)
					s.edges = append(s.edges, e)
					s.links = append(s.links, int(g.link[e]))
					s.frames = append(s.frames, frame{v: w, pos: g.off[w]})
				}
				continue
			}
			found := top.found
			if found {
				s.unblock(v)
			} else {
				for _, e := range g.out[g.off[v]:g.off[v+1]] {
					w := g.to[e]
					if s.allowed[w] && !slices.Contains(s.bset[w], v) {
						s.bset[w] = append(s.bset[w], v)
					}
				}
			}
			s.frames = s.frames[:len(s.frames)-1]
			s.path = s.path[:len(s.path)-1]
			s.names = s.names[:len(s.names)-1]
			s.sums = s.sums[:len(s.sums)-1]
			if len(s.edges) > 0 {
				s.edges = s.edges[:len(s.edges)-1]
				s.links = s.links[:len(s.links)-1]
			}
			if found && len(s.frames) > 0 {
				s.frames[len(s.frames)-1].found = true
			}
		}
		for _, v := range c {
			s.allowed[v] = false
		}
		// Without the start, the component may fall apart: search what
		// still holds loops, as Johnson's algorithm prescribes.
		s.flat, s.ends = s.tarjan.components(c[1:], s.flat[:0], s.ends[:0])
		s.push(item.at)
	}
	return nil
}

// unblock is Johnson's UNBLOCK, with an explicit stack.
func (s *search) unblock(u int32) {
	s.unblk = append(s.unblk[:0], u)
	for len(s.unblk) > 0 {
		x := s.unblk[len(s.unblk)-1]
		s.unblk = s.unblk[:len(s.unblk)-1]
		if !s.blocked[x] {
			continue
		}
		s.blocked[x] = false
		for _, w := range s.bset[x] {
			if s.blocked[w] {
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
// The loops share two arrays, one of node IDs and one of link indexes,
// each Loop's Nodes and Links a slice of them: appending to one would
// overwrite the next loop, so copy before changing them.
func (f *Flywheel) Loops(opts LoopOptions) ([]Loop, error) {
	s, err := f.newSearch(opts)
	if err != nil {
		return nil, err
	}
	// EachLoop's order is lexicographic, so sorting by length alone, a
	// stable counting sort, gives the documented order without comparing
	// loops. Loops are gathered in two arenas rather than slices per loop.
	type rec struct {
		at, n      int32
		gain, rate float64
		delay      int
		balancing  bool
	}
	var recs []rec
	var names []string
	var links []int
	full := false
	serr := s.run(func(s *search, sum acc, closing int32) bool {
		n := len(s.names)
		if len(names)+n > MaxLoopNodes {
			full = true
			return false
		}
		p, gain, rate, delay := sum.measure(n)
		recs = append(recs, rec{at: int32(len(names)), n: int32(n), gain: gain, rate: rate, delay: delay, balancing: p == Balancing})
		names = append(names, s.names...)
		links = append(links, s.links...)
		links = append(links, int(s.g.link[closing]))
		return true
	})
	if full {
		serr = fmt.Errorf("%w: stopped after %d loops holding %d nodes in all (MaxLoopNodes)", ErrTooManyLoops, len(recs), len(names))
	}
	var byLen []int
	for _, r := range recs {
		if int(r.n) >= len(byLen) {
			byLen = append(byLen, make([]int, int(r.n)+1-len(byLen))...)
		}
		byLen[r.n]++
	}
	next := 0
	for k, c := range byLen {
		byLen[k] = next
		next += c
	}
	out := make([]Loop, len(recs))
	for _, r := range recs {
		i := byLen[r.n]
		byLen[r.n]++
		end := r.at + r.n
		p := Reinforcing
		if r.balancing {
			p = Balancing
		}
		out[i] = Loop{Nodes: names[r.at:end:end], Links: links[r.at:end:end], Polarity: p, Gain: r.gain, Rate: r.rate, Delay: r.delay}
	}
	var ids []byte
	idEnd := make([]int, len(out))
	nr, nb := 0, 0
	for i := range out {
		if out[i].Polarity == Reinforcing {
			nr++
			ids = strconv.AppendInt(append(ids, 'R'), int64(nr), 10)
		} else {
			nb++
			ids = strconv.AppendInt(append(ids, 'B'), int64(nb), 10)
		}
		idEnd[i] = len(ids)
	}
	all := string(ids) // one string; each ID is a slice of it
	prev := 0
	for i := range out {
		out[i].ID = all[prev:idEnd[i]]
		prev = idEnd[i]
	}
	return out, serr
}
