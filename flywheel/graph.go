package flywheel

import (
	"errors"
	"fmt"
	"slices"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// ErrGraphTooLarge is returned when a graph is larger than MaxNodes or
// MaxLinks (only a Flywheel built in Go can be: Parse and Validate refuse
// such documents), or larger than a computation's own documented bound.
var ErrGraphTooLarge = errors.New("flywheel: graph too large")

// graph is the adjacency of a flywheel in compressed form, built once per
// call so the searches touch only flat int32 slices.
type graph struct {
	n    int
	out  []int32 // out[off[v]:off[v+1]] are the edge numbers leaving v
	off  []int32
	to   []int32 // to[e] is the target node of edge e
	from []int32 // from[e] is its source node
	link []int32 // link[e] is the index in Flywheel.Links
	rOff []int32 // rIn[rOff[v]:rOff[v+1]] are the edges entering v
	rIn  []int32
}

// index maps node IDs to their first position in the document.
func (f *Flywheel) index() map[string]int32 {
	idx := make(map[string]int32, len(f.Nodes))
	for i, n := range f.Nodes {
		if _, dup := idx[n.ID]; !dup {
			idx[n.ID] = int32(i)
		}
	}
	return idx
}

// maxSmallGraph is the width of newGraph's bit matrix of links, and so
// the most nodes a graph may have to be found by a scan rather than a map.
const maxSmallGraph = 16

// smallGraph is the most nodes found by a scan; tests set it to 0 to
// compare the scans with the maps.
var smallGraph = maxSmallGraph

// scanIndex is index()[id] found by a scan: the first node with the ID.
func (f *Flywheel) scanIndex(id string) (int32, bool) {
	for i := range f.Nodes {
		if f.Nodes[i].ID == id {
			return int32(i), true
		}
	}
	return 0, false
}

// checkSize refuses graphs above the document limits, so a Go caller that
// skipped Validate still gets bounded work.
func (f *Flywheel) checkSize() error {
	if f == nil {
		return problem.Nil(docKind)
	}
	if len(f.Nodes) > MaxNodes {
		return fmt.Errorf("%w: %d nodes; the limit is %d", ErrGraphTooLarge, len(f.Nodes), MaxNodes)
	}
	if len(f.Links) > MaxLinks {
		return fmt.Errorf("%w: %d links; the limit is %d", ErrGraphTooLarge, len(f.Links), MaxLinks)
	}
	return nil
}

// newGraph builds the adjacency. Links naming unknown nodes are left out and
// a repeated (from, to) pair keeps only its first link: Validate reports
// both, and the analyses stay defined on documents that were not validated.
// Edges leave each node in the order of their targets' positions in the
// document, so a depth-first search meets paths in lexicographic order and
// every search is deterministic.
func newGraph(f *Flywheel) *graph {
	n := len(f.Nodes)
	// A small wheel, as nearly every one is, finds its nodes by a scan and
	// its repeated links in a bit matrix: for a dozen nodes, building two
	// maps cost more than the loop search Validate runs on the graph.
	small := n <= smallGraph
	var idx map[string]int32
	var seen map[[2]int32]bool
	var bits [maxSmallGraph]uint64 // bit b of bits[a]: the link a → b is in
	if !small {
		idx = f.index()
		seen = make(map[[2]int32]bool, len(f.Links))
	}
	g := &graph{n: n}
	// The arrays come cut from two allocations: a graph is built for every
	// analysis and every Validate, and a small wheel's dozen arrays cost
	// more to allocate one by one than to fill.
	L := len(f.Links)
	mem := cutter[int32](make([]int32, 2*(n+1)+3*L))
	count, rcount := mem.cut(n+1), mem.cut(n+1)
	g.from, g.to, g.link = mem.cut(L)[:0], mem.cut(L)[:0], mem.cut(L)[:0]
	for i, l := range f.Links {
		var a, b int32
		var okA, okB bool
		if small {
			a, okA = f.scanIndex(l.From)
			b, okB = f.scanIndex(l.To)
			if !okA || !okB || bits[a]&(1<<b) != 0 {
				continue
			}
			bits[a] |= 1 << b
		} else {
			a, okA = idx[l.From]
			b, okB = idx[l.To]
			if !okA || !okB || seen[[2]int32{a, b}] {
				continue
			}
			seen[[2]int32{a, b}] = true
		}
		g.from = append(g.from, a)
		g.to = append(g.to, b)
		g.link = append(g.link, int32(i))
		count[a+1]++
		rcount[b+1]++
	}
	for v := 0; v < n; v++ {
		count[v+1] += count[v]
		rcount[v+1] += rcount[v]
	}
	g.off, g.rOff = count, rcount
	m := len(g.to)
	mem = make([]int32, 2*m+2*n)
	g.out, g.rIn = mem.cut(m), mem.cut(m)
	fill, rfill := mem.cut(n), mem.cut(n)
	copy(fill, count[:n])
	copy(rfill, rcount[:n])
	for e := range g.to {
		b := g.to[e]
		g.rIn[rfill[b]] = int32(e)
		rfill[b]++
	}
	// Taking the edges by ascending target sorts each node's out-list by
	// target without a sort.
	for _, e := range g.rIn {
		a := g.from[e]
		g.out[fill[a]] = e
		fill[a]++
	}
	return g
}

// sccs labels each node with its strongly connected component (Tarjan's
// algorithm, without recursion so deep graphs cannot exhaust the stack) and
// returns the labels and each component's size.
func (g *graph) sccs() (comp []int32, size []int32) {
	n := g.n
	comp = make([]int32, n)
	index := make([]int32, n)
	low := make([]int32, n)
	onStack := make([]bool, n)
	for i := range index {
		index[i] = -1
	}
	type frame struct{ v, pos int32 }
	var call []frame
	var stack []int32
	next := int32(0)
	for root := 0; root < n; root++ {
		if index[root] >= 0 {
			continue
		}
		call = append(call, frame{int32(root), g.off[root]})
		index[root], low[root] = next, next
		next++
		stack = append(stack, int32(root))
		onStack[root] = true
		for len(call) > 0 {
			top := &call[len(call)-1]
			v := top.v
			if top.pos < g.off[v+1] {
				w := g.to[g.out[top.pos]]
				top.pos++
				if index[w] < 0 {
					index[w], low[w] = next, next
					next++
					stack = append(stack, w)
					onStack[w] = true
					call = append(call, frame{w, g.off[w]})
				} else if onStack[w] && index[w] < low[v] {
					low[v] = index[w]
				}
				continue
			}
			call = call[:len(call)-1]
			if len(call) > 0 {
				if p := call[len(call)-1].v; low[v] < low[p] {
					low[p] = low[v]
				}
			}
			if low[v] == index[v] {
				id := int32(len(size))
				var k int32
				for {
					w := stack[len(stack)-1]
					stack = stack[:len(stack)-1]
					onStack[w] = false
					comp[w] = id
					k++
					if w == v {
						break
					}
				}
				size = append(size, k)
			}
		}
	}
	return comp, size
}

// onLoop reports for each node whether some loop passes through it: its
// component has more than one node, or it links to itself.
func (g *graph) onLoop() []bool {
	comp, size := g.sccs()
	on := make([]bool, g.n)
	for v := range on {
		on[v] = size[comp[v]] > 1
	}
	for e := range g.to {
		if g.from[e] == g.to[e] {
			on[g.from[e]] = true
		}
	}
	return on
}

// tarjan finds the loop-bearing strongly connected components of induced
// subgraphs, reusing its buffers from call to call.
type tarjan struct {
	g       *graph
	self    []bool
	index   []int32
	low     []int32
	member  []bool
	onStack []bool
	stack   []int32
	call    []struct{ v, pos int32 }
}

func newTarjan(g *graph, self []bool) *tarjan {
	ints, bools := cutter[int32](make([]int32, 2*g.n)), cutter[bool](make([]bool, 2*g.n))
	t := &tarjan{g: g, self: self, index: ints.cut(g.n), low: ints.cut(g.n),
		member: bools.cut(g.n), onStack: bools.cut(g.n)}
	for i := range t.index {
		t.index[i] = -1
	}
	return t
}

// components finds the strongly connected components of the subgraph
// induced by nodes that can hold a loop (more than one node, or a node
// linked to itself). It appends each, sorted ascending, to flat and its end
// offset to ends, so finding components allocates nothing once the
// buffers have grown. It is Tarjan's algorithm without recursion.
func (t *tarjan) components(nodes []int32, flat, ends []int32) ([]int32, []int32) {
	g := t.g
	for _, v := range nodes {
		t.member[v] = true
	}
	next := int32(0)
	for _, root := range nodes {
		if t.index[root] >= 0 {
			continue
		}
		t.index[root], t.low[root] = next, next
		next++
		t.stack = append(t.stack, root)
		t.onStack[root] = true
		t.call = append(t.call, struct{ v, pos int32 }{root, g.off[root]})
		for len(t.call) > 0 {
			top := &t.call[len(t.call)-1]
			v := top.v
			if top.pos < g.off[v+1] {
				w := g.to[g.out[top.pos]]
				top.pos++
				if !t.member[w] {
					continue
				}
				if t.index[w] < 0 {
					t.index[w], t.low[w] = next, next
					next++
					t.stack = append(t.stack, w)
					t.onStack[w] = true
					t.call = append(t.call, struct{ v, pos int32 }{w, g.off[w]})
				} else if t.onStack[w] && t.index[w] < t.low[v] {
					t.low[v] = t.index[w]
				}
				continue
			}
			t.call = t.call[:len(t.call)-1]
			if len(t.call) > 0 {
				if p := t.call[len(t.call)-1].v; t.low[v] < t.low[p] {
					t.low[p] = t.low[v]
				}
			}
			if t.low[v] != t.index[v] {
				continue
			}
			i := len(t.stack) - 1
			for t.stack[i] != v {
				i--
			}
			comp := t.stack[i:]
			for _, w := range comp {
				t.onStack[w] = false
			}
			if len(comp) > 1 || t.self[v] {
				at := len(flat)
				flat = append(flat, comp...)
				slices.Sort(flat[at:])
				ends = append(ends, int32(len(flat)))
			}
			t.stack = t.stack[:i]
		}
	}
	for _, v := range nodes {
		t.member[v] = false
		t.index[v] = -1
	}
	return flat, ends
}

// cutter hands out consecutive slices of one array, each with its
// capacity cut to its length so that an append cannot reach the next.
type cutter[T any] []T

func (c *cutter[T]) cut(n int) []T {
	s := (*c)[:n:n]
	*c = (*c)[n:]
	return s
}
