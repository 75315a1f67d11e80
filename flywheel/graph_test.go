package flywheel

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGraphSkipsBadLinks(t *testing.T) {
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "a"}}, Links: []Link{
		{From: "a", To: "b"}, {From: "a", To: "b"}, {From: "b", To: "zz"}, {From: "b", To: "a"},
	}}
	g := newGraph(f)
	assert.Equal(t, []int32{0, 3}, g.link, "repeat and dangling links are left out")
	assert.Equal(t, []int32{0, 1}, g.from)
	assert.Equal(t, []int32{1, 0}, g.to)
}

func TestStronglyConnectedComponents(t *testing.T) {
	// Two loops joined one way (a⇄b → c⇄d), a self-linked e, a lone f.
	f := &Flywheel{Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d"}, {ID: "e"}, {ID: "f"}}, Links: []Link{
		{From: "a", To: "b"}, {From: "b", To: "a"}, {From: "b", To: "c"},
		{From: "c", To: "d"}, {From: "d", To: "c"}, {From: "e", To: "e"}, {From: "f", To: "a"},
	}}
	g := newGraph(f)
	comp, size := g.sccs()
	assert.Equal(t, comp[0], comp[1])
	assert.Equal(t, comp[2], comp[3])
	assert.NotEqual(t, comp[0], comp[2])
	assert.Equal(t, int32(2), size[comp[0]])
	assert.Equal(t, int32(1), size[comp[5]])
	assert.Equal(t, []bool{true, true, true, true, true, false}, g.onLoop())

	self := []bool{false, false, false, false, true, false}
	tj := newTarjan(g, self)
	flat, ends := tj.components([]int32{0, 1, 2, 3, 4, 5}, nil, nil)
	var got [][]int32
	from := int32(0)
	for _, e := range ends {
		got = append(got, flat[from:e])
		from = e
	}
	assert.ElementsMatch(t, [][]int32{{0, 1}, {2, 3}, {4}}, got)
	// Without a, b is alone: only c⇄d holds a loop.
	flat, ends = tj.components([]int32{1, 2, 3}, flat[:0], ends[:0])
	assert.Equal(t, []int32{2, 3}, flat)
	assert.Equal(t, []int32{2}, ends)
}

func TestDeepGraphDoesNotOverflowTheStack(t *testing.T) {
	// Tarjan and Johnson run without recursion: a 10,000-node path into a
	// ring is fine.
	f := ring(MaxNodes, 1)
	comp, size := newGraph(f).sccs()
	assert.Equal(t, int32(MaxNodes), size[comp[0]])
}
