package flywheel

import (
	"bytes"
	"encoding/xml"
	"io"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSVGEscapesLabels(t *testing.T) {
	out := out(hostileWheel().SVG)
	dec := xml.NewDecoder(bytes.NewReader(out))
	var texts []string
	elements := map[string]int{}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		require.NoError(t, err, "the SVG must be well-formed XML")
		switch x := tok.(type) {
		case xml.StartElement:
			elements[x.Name.Local]++
		case xml.CharData:
			texts = append(texts, string(x))
		}
	}
	assert.Equal(t, 0, elements["script"])
	assert.Equal(t, 1, elements["svg"])
	for _, h := range hostile {
		assert.Contains(t, texts, clip(plain(h), maxSVGLabel))
	}
}

func TestBoxExit(t *testing.T) {
	c, h := point{0, 0}, point{10, 5}
	assert.Equal(t, point{10, 0}, boxExit(c, point{100, 0}, h))
	assert.Equal(t, point{0, -5}, boxExit(c, point{0, -100}, h))
	assert.Equal(t, point{5, 5}, boxExit(c, point{20, 20}, h))
	assert.Equal(t, c, boxExit(c, c, h))
	assert.Equal(t, point{2, 1}, boxExit(c, point{2, 1}, h), "a point inside stays")
}

func TestClip(t *testing.T) {
	assert.Equal(t, "short", clip("short", 10))
	assert.Equal(t, "ééé…", clip("éééééé", 4))
}

// crossings counts the pairs of links that cross when drawn as chords of
// the circle in the given order: chords with four distinct ends whose
// ends interleave. A pair linked both ways is one chord; self-links are
// no chords.
func crossings(f *Flywheel, order []int) int {
	at := make([]int, len(order))
	for k, v := range order {
		at[v] = k
	}
	idx := f.index()
	seen := map[[2]int]bool{}
	var chords [][2]int
	for _, l := range f.Links {
		a, b := at[idx[l.From]], at[idx[l.To]]
		if a == b || seen[[2]int{min(a, b), max(a, b)}] {
			continue
		}
		seen[[2]int{min(a, b), max(a, b)}] = true
		chords = append(chords, [2]int{min(a, b), max(a, b)})
	}
	n := 0
	for i, c := range chords {
		for _, e := range chords[i+1:] {
			if c[0] == e[0] || c[0] == e[1] || c[1] == e[0] || c[1] == e[1] {
				continue
			}
			if (c[0] < e[0] && e[0] < c[1]) != (c[0] < e[1] && e[1] < c[1]) {
				n++
			}
		}
	}
	return n
}

// inCyclicOrder reports whether the nodes of l appear around order in
// l's own order, whatever else sits between them.
func inCyclicOrder(f *Flywheel, order []int, l *Loop) bool {
	at := map[string]int{}
	for k, v := range order {
		at[f.Nodes[v].ID] = k
	}
	descents := 0
	for i, id := range l.Nodes {
		if at[l.Nodes[(i+1)%len(l.Nodes)]] < at[id] {
			descents++
		}
	}
	return descents <= 1
}

func names(f *Flywheel, order []int) []string {
	var out []string
	for _, v := range order {
		out = append(out, f.Nodes[v].ID)
	}
	return out
}

// TestCircleOrderTemplate: on Amazon's wheel the old order (the main
// loop, then the rest in document order) drew three crossings; the
// handle, traffic → growth → cost → prices → experience, now fills the gap
// between experience and traffic, and the one crossing left, traffic →
// backlog over prices → experience, cannot go: traffic and experience are
// joined by three paths besides their own link (sellers–selection, the
// handle and the backlog), a K₂,₃ that no circular order draws without one.
func TestCircleOrderTemplate(t *testing.T) {
	f := template(t)
	d := f.Analyze()
	order := d.circleOrder()
	assert.Equal(t, []string{"experience", "backlog", "capacity", "prices", "cost", "growth", "traffic", "sellers", "selection"}, names(f, order))
	assert.Equal(t, 1, crossings(f, order))
	assert.Equal(t, 3, crossings(f, []int{0, 1, 2, 3, 4, 5, 6, 7, 8}), "the old order")
	main := d.Loops[1]
	require.Equal(t, "R1", main.ID)
	assert.True(t, inCyclicOrder(f, order, &main))

	// Without the backlog the wheel is outerplanar: nothing crosses.
	f.Nodes = slices.DeleteFunc(f.Nodes, func(n Node) bool { return n.ID == "backlog" || n.ID == "capacity" })
	f.Links = slices.DeleteFunc(f.Links, func(l Link) bool { return l.To == "backlog" || l.From == "backlog" })
	assert.Equal(t, 0, crossings(f, f.Analyze().circleOrder()))
}

// TestCircleOrderProperties: on random wheels the order is a permutation,
// the same every time, and starts with the main loop in its own order; and
// all together the wheels cross far fewer links than in the old order (the
// main loop, then the rest in document order): less than 60% as many (on
// 300 such wheels the count halves, and one wheel in 300 gets worse).
func TestCircleOrderProperties(t *testing.T) {
	before, after := 0, 0
	for seed := uint64(1); seed <= 80; seed++ {
		n := 3 + int(seed%25)
		f, _ := randomWheel(seed*31, n, 2.2/float64(n), false)
		d := f.Analyze()
		order := d.circleOrder()
		require.ElementsMatch(t, slices.Collect(func(yield func(int) bool) {
			for v := range n {
				if !yield(v) {
					return
				}
			}
		}), order, f.Name)
		assert.Equal(t, order, f.Analyze().circleOrder(), f.Name)
		var main *Loop
		for i := range d.Loops {
			if l := &d.Loops[i]; l.Polarity == Reinforcing && (main == nil || l.Rate > main.Rate*(1+1e-12)) {
				main = l
			}
		}
		if main == nil {
			continue
		}
		assert.Equal(t, main.Nodes[0], f.Nodes[order[0]].ID, f.Name)
		assert.True(t, inCyclicOrder(f, order, main), "%s: %v around %v", f.Name, main.Nodes, names(f, order))
		old := make([]int, 0, n)
		placed := make([]bool, n)
		for _, id := range main.Nodes {
			old = append(old, d.nodeIndex(id))
			placed[d.nodeIndex(id)] = true
		}
		for v := range n {
			if !placed[v] {
				old = append(old, v)
			}
		}
		before += crossings(f, old)
		after += crossings(f, order)
	}
	assert.Less(t, float64(after), 0.6*float64(before), "crossings in the new order and the old")
}

func TestCircleOrderLargeGraphs(t *testing.T) {
	// Past the layout's bounds the order is the main loop, then the rest
	// in document order, found in linear time.
	f := ring(layoutMaxNodes+1, 1)
	order := f.Analyze().circleOrder()
	assert.Len(t, order, layoutMaxNodes+1)
	assert.Equal(t, 0, order[0])
	assert.Equal(t, layoutMaxNodes, order[layoutMaxNodes])
}
