package flywheel

import (
	"bytes"
	"fmt"
	"io"
)

// complete returns the complete directed graph on n nodes without
// self-links, every link "+" with weight 1.
func complete(n int) *Flywheel {
	f := &Flywheel{Name: fmt.Sprintf("K_%d", n)}
	for i := 0; i < n; i++ {
		f.Nodes = append(f.Nodes, Node{ID: fmt.Sprintf("n%d", i)})
	}
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if i != j {
				f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[j].ID, Polarity: Positive})
			}
		}
	}
	return f
}

// diamonds returns a ring of k diamonds: hub i links to two middle nodes,
// both link to hub i+1, and the last hub closes the ring. Each trip around
// picks one of two sides per diamond, so it has 2^k loops.
func diamonds(k int) *Flywheel {
	f := &Flywheel{Name: fmt.Sprintf("ring of %d diamonds", k)}
	hub := func(i int) string { return fmt.Sprintf("h%d", i%k) }
	for i := 0; i < k; i++ {
		f.Nodes = append(f.Nodes, Node{ID: hub(i)}, Node{ID: fmt.Sprintf("a%d", i)}, Node{ID: fmt.Sprintf("b%d", i)})
	}
	for i := 0; i < k; i++ {
		for _, m := range []string{fmt.Sprintf("a%d", i), fmt.Sprintf("b%d", i)} {
			f.Links = append(f.Links,
				Link{From: hub(i), To: m, Polarity: Positive},
				Link{From: m, To: hub(i + 1), Polarity: Positive})
		}
	}
	return f
}

// ring returns one loop through n nodes, every link of the given weight.
func ring(n int, w float64) *Flywheel {
	f := &Flywheel{Name: fmt.Sprintf("ring of %d", n)}
	for i := 0; i < n; i++ {
		f.Nodes = append(f.Nodes, Node{ID: fmt.Sprintf("n%d", i)})
	}
	for i := 0; i < n; i++ {
		f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[(i+1)%n].ID, Polarity: Positive, Weight: &w})
	}
	return f
}

// sparse returns a deterministic pseudo-random graph of n nodes: a ring
// through all of them plus extra chords, about 1.5 links per node, with
// every fifth link negative.
func sparse(n int) *Flywheel {
	f := &Flywheel{Name: fmt.Sprintf("sparse %d", n)}
	for i := 0; i < n; i++ {
		f.Nodes = append(f.Nodes, Node{ID: fmt.Sprintf("n%d", i)})
	}
	x := uint64(88172645463325252)
	rnd := func() int {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		return int(x % uint64(n))
	}
	sign := func(i int) Sign {
		if i%5 == 4 {
			return Negative
		}
		return Positive
	}
	for i := 0; i < n; i++ {
		f.Links = append(f.Links, Link{From: f.Nodes[i].ID, To: f.Nodes[(i+1)%n].ID, Polarity: sign(len(f.Links))})
	}
	seen := map[[2]int]bool{}
	for len(f.Links) < n*3/2 {
		a, b := rnd(), rnd()
		// chords jump a short way back, keeping the loop count finite and
		// realistic, as feedback in a business is mostly local.
		b = (a - 1 - b%12 + n) % n
		if a == b || seen[[2]int{a, b}] {
			continue
		}
		seen[[2]int{a, b}] = true
		f.Links = append(f.Links, Link{From: f.Nodes[a].ID, To: f.Nodes[b].ID, Polarity: sign(len(f.Links))})
	}
	return f
}

// out runs a renderer into memory; renderers fail only when the writer
// does, which a bytes.Buffer never does.
func out(render func(io.Writer) error) []byte {
	var b bytes.Buffer
	if err := render(&b); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// summary returns what Summary writes.
func summary(f *Flywheel) string { return string(out(f.Summary)) }
