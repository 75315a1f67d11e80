package flywheel

import (
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// cyclesOfComplete is Σ_{k=2..n} C(n,k)(k−1)!, the number of elementary
// cycles of the complete digraph on n nodes (OEIS A002807).
func cyclesOfComplete(n int) int {
	total := 0
	for k := 2; k <= n; k++ {
		c := 1 // C(n,k)(k-1)! = n!/((n-k)! k)
		for i := n - k + 1; i <= n; i++ {
			c *= i
		}
		total += c / k
	}
	return total
}

func TestCompleteGraphCounts(t *testing.T) {
	// Golden counts of elementary cycles of complete digraphs, OEIS A002807.
	want := map[int]int{2: 1, 3: 5, 4: 20, 5: 84, 6: 409, 7: 2365, 8: 16064, 9: 125664}
	for n := 2; n <= 9; n++ {
		t.Run(fmt.Sprintf("K_%d", n), func(t *testing.T) {
			assert.Equal(t, want[n], cyclesOfComplete(n), "formula")
			f := complete(n)
			loops, err := f.Loops(LoopOptions{})
			require.NoError(t, err)
			assert.Len(t, loops, want[n])
			count := 0
			require.NoError(t, f.EachLoop(LoopOptions{}, func(Loop) bool { count++; return true }))
			assert.Equal(t, want[n], count)
		})
	}
}

func TestLengthCapCounts(t *testing.T) {
	// Loops of length k in K_n number C(n,k)(k-1)!; a cap of m keeps those
	// with k <= m.
	for _, c := range []struct{ n, max, want int }{
		{6, 2, 15}, {6, 3, 15 + 40}, {7, 4, 21 + 70 + 210}, {8, 8, 16064},
	} {
		loops, err := complete(c.n).Loops(LoopOptions{MaxLength: c.max})
		require.NoError(t, err)
		assert.Len(t, loops, c.want, "K_%d up to %d", c.n, c.max)
		for _, l := range loops {
			assert.LessOrEqual(t, len(l.Nodes), c.max)
		}
	}
}

func TestDiamondRings(t *testing.T) {
	for k := 1; k <= 12; k++ {
		loops, err := diamonds(k).Loops(LoopOptions{})
		require.NoError(t, err)
		assert.Len(t, loops, 1<<k, "ring of %d diamonds", k)
	}
}

func TestDAGHasNoLoops(t *testing.T) {
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive}, {From: "a", To: "c", Polarity: Positive},
		{From: "b", To: "d", Polarity: Negative}, {From: "c", To: "d", Polarity: Positive},
	}}
	loops, err := f.Loops(LoopOptions{})
	require.NoError(t, err)
	assert.Empty(t, loops)
}

func TestLoopShape(t *testing.T) {
	w := 1.5
	f := ring(4, w)
	loops, err := f.Loops(LoopOptions{})
	require.NoError(t, err)
	require.Len(t, loops, 1)
	l := loops[0]
	assert.Equal(t, "R1", l.ID)
	assert.Equal(t, []string{"n0", "n1", "n2", "n3"}, l.Nodes)
	assert.Equal(t, []int{0, 1, 2, 3}, l.Links)
	assert.Equal(t, Reinforcing, l.Polarity)
	assert.InDelta(t, 5.0625, l.Gain, 1e-12)
	assert.InDelta(t, 1.5, l.Rate, 1e-12)
}

func TestLoopPolarityDelayAndOrder(t *testing.T) {
	half := 0.5
	f := &Flywheel{Nodes: []Node{{ID: "c"}, {ID: "a"}, {ID: "b"}}, Links: []Link{
		{From: "a", To: "b", Polarity: Positive, Delay: 2},
		{From: "b", To: "a", Polarity: Negative, Weight: &half},
		{From: "b", To: "c", Polarity: Negative, Delay: 1},
		{From: "c", To: "a", Polarity: Negative},
		{From: "a", To: "c", Polarity: Positive},
		{From: "c", To: "b", Polarity: Positive},
	}}
	loops, err := f.Loops(LoopOptions{})
	require.NoError(t, err)
	got := []string{}
	for _, l := range loops {
		got = append(got, fmt.Sprintf("%s %v %v %s %g %d", l.ID, l.Nodes, l.Links, l.Polarity, l.Gain, l.Delay))
	}
	// Loops start at the node listed first ("c"), shorter ones first.
	assert.Equal(t, []string{
		"B1 [c a] [3 4] balancing 1 0",
		"B2 [c b] [5 2] balancing 1 1",
		"B3 [a b] [0 1] balancing 0.5 2",
		"R1 [c a b] [3 0 2] reinforcing 1 3",
		"B4 [c b a] [5 1 4] balancing 0.5 0",
	}, got)
}

func TestSelfLinkIsALoopOfOne(t *testing.T) {
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}}, Links: []Link{
		{From: "a", To: "a", Polarity: Positive}, {From: "a", To: "b", Polarity: Positive}, {From: "b", To: "a", Polarity: Negative},
	}}
	loops, err := f.Loops(LoopOptions{})
	require.NoError(t, err)
	require.Len(t, loops, 2)
	assert.Equal(t, []string{"a"}, loops[0].Nodes)
	assert.Equal(t, []string{"a", "b"}, loops[1].Nodes)
}

func TestMaxLoopsReturnsWhatWasFound(t *testing.T) {
	f := complete(6)
	loops, err := f.Loops(LoopOptions{MaxLoops: 100})
	require.ErrorIs(t, err, ErrTooManyLoops)
	assert.Len(t, loops, 100)
	// Exactly as many loops as the bound is not an error.
	loops, err = f.Loops(LoopOptions{MaxLoops: 409})
	require.NoError(t, err)
	assert.Len(t, loops, 409)
}

func TestEachLoopStopsEarly(t *testing.T) {
	n := 0
	err := complete(7).EachLoop(LoopOptions{}, func(Loop) bool { n++; return n < 10 })
	require.NoError(t, err)
	assert.Equal(t, 10, n)
}

func TestDenseGraphIsBounded(t *testing.T) {
	f := complete(60)
	for _, opts := range []LoopOptions{{}, {MaxLength: 5}, {MaxLength: 59}, {MaxLoops: 1000}} {
		t.Run(fmt.Sprintf("%+v", opts), func(t *testing.T) {
			start := time.Now()
			loops, err := f.Loops(opts)
			require.True(t, errors.Is(err, ErrTooManyLoops), "%v", err)
			assert.NotEmpty(t, loops)
			t.Logf("%d loops in %v", len(loops), time.Since(start))
		})
	}
}

func TestTooLargeIsRefused(t *testing.T) {
	f := ring(MaxNodes+1, 1)
	_, err := f.Loops(LoopOptions{})
	assert.ErrorIs(t, err, ErrGraphTooLarge)
	err = f.EachLoop(LoopOptions{}, func(Loop) bool { return true })
	assert.ErrorIs(t, err, ErrGraphTooLarge)
}

func TestLongRing(t *testing.T) {
	loops, err := ring(MaxNodes, 1).Loops(LoopOptions{})
	require.NoError(t, err)
	require.Len(t, loops, 1)
	assert.Len(t, loops[0].Nodes, MaxNodes)
	loops, err = ring(MaxNodes, 1).Loops(LoopOptions{MaxLength: 100})
	require.NoError(t, err)
	assert.Empty(t, loops)
}

// TestReversedRing numbers a 10,000-node ring against its direction, so
// every start after the first searches the whole ring backwards and finds
// nothing: that setup is polynomial work and must not be mistaken for a
// runaway search.
func TestReversedRing(t *testing.T) {
	f := ring(MaxNodes, 1)
	for i := range f.Links {
		f.Links[i].From, f.Links[i].To = f.Links[i].To, f.Links[i].From
	}
	start := time.Now()
	loops, err := f.Loops(LoopOptions{})
	require.NoError(t, err)
	require.Len(t, loops, 1)
	assert.Len(t, loops[0].Nodes, MaxNodes)
	t.Logf("%v", time.Since(start))
}

// TestStepBudget shrinks the budget of steps between loops to show the
// search gives up with ErrTooManyLoops and keeps what it found: a 2-loop
// is found at once, the 20-loop after it needs more than 10 steps.
func TestStepBudget(t *testing.T) {
	f := ring(20, 1)
	f.Nodes = append([]Node{{ID: "x"}}, f.Nodes...) // x first: its loop is searched first
	f.Links = append([]Link{{From: "n0", To: "x", Polarity: Positive}, {From: "x", To: "n0", Polarity: Positive}}, f.Links...)
	s, err := f.newSearch(LoopOptions{})
	require.NoError(t, err)
	s.maxWork = 10
	var found []int
	err = s.run(func(_ *search, n int, _ acc) bool { found = append(found, n); return true }, nil)
	require.ErrorIs(t, err, ErrTooManyLoops)
	assert.Contains(t, err.Error(), "without finding another")
	assert.Equal(t, []int{2}, found)

	loops, err := f.Loops(LoopOptions{})
	require.NoError(t, err, "the default budget is ample")
	assert.Len(t, loops, 2)
}

// bruteLoops lists every elementary loop by plain depth-first search from
// each node through higher-numbered nodes only: slow but obviously right.
func bruteLoops(f *Flywheel, maxLen int) map[string]bool {
	g := newGraph(f)
	out := map[string]bool{}
	var path []int32
	on := make([]bool, g.n)
	var dfs func(start, v int32)
	dfs = func(start, v int32) {
		for _, e := range g.out[g.off[v]:g.off[v+1]] {
			w := g.to[e]
			switch {
			case w == start:
				out[fmt.Sprint(path)] = true
			case w > start && !on[w] && len(path) < maxLen:
				on[w] = true
				path = append(path, w)
				dfs(start, w)
				path = path[:len(path)-1]
				on[w] = false
			}
		}
	}
	for s := int32(0); int(s) < g.n; s++ {
		path = append(path[:0], s)
		on[s] = true
		dfs(s, s)
		on[s] = false
	}
	return out
}

func TestLoopsAgreeWithBruteForce(t *testing.T) {
	t.Run("bit sets", testLoopsAgreeWithBruteForce)
	t.Run("edge lists", func(t *testing.T) {
		defer func(limit int) { smallLimit = limit }(smallLimit)
		smallLimit = 0
		testLoopsAgreeWithBruteForce(t)
	})
}

// TestSearchesAgree runs both searches, on bit sets for components of up
// to 64 nodes and on edge lists for larger ones, on the same graphs: the
// same loops in the same order, with the same measures.
func TestSearchesAgree(t *testing.T) {
	tmpl := template(t)
	for _, c := range []struct {
		f    *Flywheel
		opts LoopOptions
	}{
		{complete(7), LoopOptions{}}, {complete(8), LoopOptions{MaxLength: 4}}, {complete(60), LoopOptions{MaxLoops: 5000}},
		{diamonds(6), LoopOptions{}}, {sparse(60), LoopOptions{}}, {sparse(60), LoopOptions{MaxLength: 9}}, {tmpl, LoopOptions{}},
		{hostileWheel(), LoopOptions{}},
	} {
		a, errA := c.f.Loops(c.opts)
		func() {
			defer func(limit int) { smallLimit = limit }(smallLimit)
			smallLimit = 0
			b, errB := c.f.Loops(c.opts)
			assert.Equal(t, errA, errB, c.f.Name)
			assert.Equal(t, a, b, c.f.Name)
		}()
	}
}

func testLoopsAgreeWithBruteForce(t *testing.T) {
	x := uint64(2463534242)
	rnd := func(n int) int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	for trial := 0; trial < 300; trial++ {
		n := 2 + rnd(9)
		f := &Flywheel{}
		for i := 0; i < n; i++ {
			f.Nodes = append(f.Nodes, Node{ID: fmt.Sprint(i)})
		}
		links := rnd(n * n)
		for k := 0; k < links; k++ {
			f.Links = append(f.Links, Link{From: fmt.Sprint(rnd(n)), To: fmt.Sprint(rnd(n)), Polarity: Positive})
		}
		maxLen := 1 + rnd(n+1)
		want := bruteLoops(f, maxLen)
		got := map[string]bool{}
		idx := f.index()
		err := f.EachLoop(LoopOptions{MaxLength: maxLen}, func(l Loop) bool {
			p := make([]int32, len(l.Nodes))
			for i, id := range l.Nodes {
				p[i] = idx[id]
			}
			key := fmt.Sprint(p)
			assert.False(t, got[key], "loop %s found twice", key)
			got[key] = true
			return true
		})
		require.NoError(t, err)
		require.Equal(t, want, got, "trial %d: %d nodes, %d links, max length %d", trial, n, links, maxLen)
	}
}

// TestLoopLinksFollowNodes checks every loop's Links against its Nodes:
// Loops stores the loops' nodes as shared runs and their links apart, so
// a slip in either would pair a loop with another's links.
func TestLoopLinksFollowNodes(t *testing.T) {
	tmpl := template(t)
	for _, f := range []*Flywheel{complete(6), diamonds(5), sparse(300), tmpl, hostileWheel()} {
		loops, err := f.Loops(LoopOptions{})
		require.NoError(t, err)
		seen := map[string]bool{}
		for _, l := range loops {
			require.Len(t, l.Links, len(l.Nodes), f.Name)
			for i, k := range l.Links {
				assert.Equal(t, l.Nodes[i], f.Links[k].From, "%s %s", f.Name, l.ID)
				assert.Equal(t, l.Nodes[(i+1)%len(l.Nodes)], f.Links[k].To, "%s %s", f.Name, l.ID)
			}
			key := fmt.Sprint(l.Nodes)
			assert.False(t, seen[key], "%s: %s twice", f.Name, key)
			seen[key] = true
		}
	}
}
