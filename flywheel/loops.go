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
	// much a push comes back amplified after one trip around.
	Gain float64 `json:"gain"`
	// Delay is the sum of the loop's link delays.
	Delay int `json:"delay"`
}

// Rate is the loop's own growth factor per step: Gain to the power
// 1/len(Nodes), the spectral radius the loop would have on its own.
func (l Loop) Rate() float64 {
	if len(l.Nodes) == 0 {
		return 0
	}
	return math.Pow(l.Gain, 1/float64(len(l.Nodes)))
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
	work    []span  // components still to search, the last one first
	arena   []int32 // their nodes; work is a stack, so the top is last
	flat    []int32 // components just found, before they join the arena
	ends    []int32
	order   []int   // the components just found, by first node
	allowed []bool  // in the component of the current start
	dist    []int32 // edges from a node back to the start, within allowed
	blocked []bool
	bset    [][]int32 // Johnson's B lists
	queue   []int32
	frames  []frame
	unblk   []int32
	path    []int32 // node numbers of the current path
	edges   []int32 // edge numbers: edges[i] leaves path[i]
	found   int
	steps   int // search steps since the last loop found
	maxWork int

	loop  Loop // reused for every loop handed out
	names []string
	links []int
}

type frame struct {
	v     int32
	pos   int32
	found bool // a loop was found below, or the length cap cut the search
}

// EachLoop calls visit for every elementary loop of the wheel, one at a
// time, without holding them all: the Loop's slices are reused once visit
// returns, so copy what must outlive the call. Returning false stops the
// search and EachLoop returns nil. Loops come in search order, grouped by
// their first node; Loops returns them sorted.
//
// The search is Johnson's algorithm, run within each strongly connected
// component (found with Tarjan's algorithm). Its work is bounded: after
// MaxLoops loops, or after 1,000,000 + 64 × (nodes + links) steps without a
// new loop (a length cap can make Johnson's search long for nothing), it
// stops with an error wrapping ErrTooManyLoops. Graphs above MaxNodes or
// MaxLinks are refused with ErrTooLarge.
func (f *Flywheel) EachLoop(opts LoopOptions, visit func(Loop) bool) error {
	s, err := f.newSearch(opts)
	if err != nil {
		return err
	}
	return s.run(func(s *search) bool {
		s.fill()
		return visit(s.loop)
	})
}

func (f *Flywheel) newSearch(opts LoopOptions) (*search, error) {
	if err := f.checkSize(); err != nil {
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
	}
	s.tarjan = newTarjan(g, s.self)
	all := make([]int32, n)
	for v := range all {
		all[v] = int32(v)
	}
	s.flat, s.ends = s.tarjan.components(all, nil, nil)
	s.push()
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

// push moves the components in flat onto the work stack, the one with the
// lowest first node on top, so the search goes by ascending start node
// within what it has split. Components on the stack are disjoint, so the
// arena never holds more than all the nodes.
func (s *search) push() {
	s.order = s.order[:0]
	for i := range s.ends {
		s.order = append(s.order, i)
	}
	start := func(i int) int32 {
		if i == 0 {
			return s.flat[0]
		}
		return s.flat[s.ends[i-1]]
	}
	slices.SortFunc(s.order, func(a, b int) int { return int(start(b) - start(a)) })
	for _, i := range s.order {
		from := int32(0)
		if i > 0 {
			from = s.ends[i-1]
		}
		s.work = append(s.work, span{at: int32(len(s.arena)), n: s.ends[i] - from})
		s.arena = append(s.arena, s.flat[from:s.ends[i]]...)
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

// run enumerates the loops, calling emit with the path in s.path and
// s.edges; emit returns false to stop.
func (s *search) run(emit func(*search) bool) error {
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
		s.edges = s.edges[:0]
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
					s.edges = append(s.edges, e)
					more := emit(s)
					s.edges = s.edges[:len(s.edges)-1]
					if !more {
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
					s.path = append(s.path, w)
					s.edges = append(s.edges, e)
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
			if len(s.edges) > 0 {
				s.edges = s.edges[:len(s.edges)-1]
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
		s.arena = s.arena[:item.at]
		s.push()
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

// measure returns the polarity, gain and delay of the loop on s.edges.
func (s *search) measure() (Polarity, float64, int) {
	neg, gain, delay := 0, 1.0, 0
	for _, e := range s.edges {
		l := &s.f.Links[s.g.link[e]]
		if l.Polarity == Negative {
			neg++
		}
		gain *= l.W()
		delay += l.Delay
	}
	if neg%2 == 1 {
		return Balancing, gain, delay
	}
	return Reinforcing, gain, delay
}

// fill writes the current loop into s.loop, reusing its slices.
func (s *search) fill() {
	s.names = s.names[:0]
	s.links = s.links[:0]
	for i, v := range s.path {
		s.names = append(s.names, s.f.Nodes[v].ID)
		s.links = append(s.links, int(s.g.link[s.edges[i]]))
	}
	p, gain, delay := s.measure()
	s.loop = Loop{Nodes: s.names, Links: s.links, Polarity: p, Gain: gain, Delay: delay}
}

// Loops returns every elementary loop of the wheel, sorted: shorter loops
// first, then by their nodes' positions in the document, compared node by
// node. Each loop gets an ID, R1, R2, ... for reinforcing and B1, B2, ...
// for balancing loops, in that order. When a bound of opts, or
// MaxLoopNodes, stops the search, Loops returns the loops found so far,
// sorted, with an error wrapping ErrTooManyLoops; see EachLoop for the
// other bounds.
func (f *Flywheel) Loops(opts LoopOptions) ([]Loop, error) {
	s, err := f.newSearch(opts)
	if err != nil {
		return nil, err
	}
	// Loops are gathered in flat arenas, one allocation per few thousand
	// loops rather than several per loop.
	type rec struct {
		at, n    int32
		polarity Polarity
		gain     float64
		delay    int
	}
	var recs []rec
	var nodes, edges []int32
	full := false
	serr := s.run(func(s *search) bool {
		if len(nodes)+len(s.path) > MaxLoopNodes {
			full = true
			return false
		}
		p, gain, delay := s.measure()
		recs = append(recs, rec{at: int32(len(nodes)), n: int32(len(s.path)), polarity: p, gain: gain, delay: delay})
		nodes = append(nodes, s.path...)
		edges = append(edges, s.edges...)
		return true
	})
	if full {
		serr = fmt.Errorf("%w: stopped after %d loops holding %d nodes in all (MaxLoopNodes)", ErrTooManyLoops, len(recs), len(nodes))
	}
	slices.SortFunc(recs, func(a, b rec) int {
		if a.n != b.n {
			return int(a.n - b.n)
		}
		if c := slices.Compare(nodes[a.at:a.at+a.n], nodes[b.at:b.at+b.n]); c != 0 {
			return c
		}
		return slices.Compare(edges[a.at:a.at+a.n], edges[b.at:b.at+b.n])
	})
	names := make([]string, len(nodes))
	links := make([]int, len(nodes))
	var ids []byte
	idEnd := make([]int, len(recs))
	r, b := 0, 0
	at := 0
	out := make([]Loop, len(recs))
	for i, rc := range recs {
		if rc.polarity == Reinforcing {
			r++
			ids = strconv.AppendInt(append(ids, 'R'), int64(r), 10)
		} else {
			b++
			ids = strconv.AppendInt(append(ids, 'B'), int64(b), 10)
		}
		idEnd[i] = len(ids)
		k := int(rc.n)
		for j := 0; j < k; j++ {
			names[at+j] = f.Nodes[nodes[int(rc.at)+j]].ID
			links[at+j] = int(s.g.link[edges[int(rc.at)+j]])
		}
		out[i] = Loop{Nodes: names[at : at+k : at+k], Links: links[at : at+k : at+k], Polarity: rc.polarity, Gain: rc.gain, Delay: rc.delay}
		at += k
	}
	all := string(ids) // one string; each ID is a slice of it
	prev := 0
	for i := range out {
		out[i].ID = all[prev:idEnd[i]]
		prev = idEnd[i]
	}
	return out, serr
}
