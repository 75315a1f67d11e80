package flywheel

import (
	"fmt"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var benchGraphs = []struct {
	name  string
	f     func() *Flywheel
	loops int
}{
	{"K9", func() *Flywheel { return complete(9) }, 125_664},
	{"sparse2000", func() *Flywheel { return sparse(2000) }, 0},
}

func BenchmarkLoops(b *testing.B) {
	for _, g := range benchGraphs {
		f := g.f()
		b.Run(g.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				loops, err := f.Loops(LoopOptions{})
				if err != nil {
					b.Fatal(err)
				}
				n = len(loops)
			}
			b.ReportMetric(float64(n), "loops/op")
		})
	}
}

func BenchmarkEachLoop(b *testing.B) {
	for _, g := range benchGraphs {
		f := g.f()
		b.Run(g.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = 0
				if err := f.EachLoop(LoopOptions{}, func(Loop) bool { n++; return true }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(n), "loops/op")
		})
	}
}

func BenchmarkDense60(b *testing.B) {
	f := complete(60)
	b.ReportAllocs()
	for b.Loop() {
		_ = f.EachLoop(LoopOptions{}, func(Loop) bool { return true })
	}
}

// TestEachLoopAllocatesNothingPerLoop compares the allocations of a walk
// over K_7 (2,365 loops) and K_9 (125,664 loops): the setup grows with
// the graph, but no loop allocates, so the counts stay close.
func TestEachLoopAllocatesNothingPerLoop(t *testing.T) {
	count := func(f *Flywheel) float64 {
		return testing.AllocsPerRun(3, func() {
			require.NoError(t, f.EachLoop(LoopOptions{}, func(Loop) bool { return true }))
		})
	}
	small, large := count(complete(7)), count(complete(9))
	t.Logf("allocations: K_7 %.0f, K_9 %.0f", small, large)
	assert.Less(t, large, small+100, "K_9 has 123,299 more loops than K_7")
}

func BenchmarkLeverage(b *testing.B) {
	data, err := os.ReadFile(templatePath)
	require.NoError(b, err)
	tmpl, err := Parse(data)
	require.NoError(b, err)
	for _, c := range []struct {
		name string
		f    *Flywheel
	}{{"template", tmpl}, {"sparse100", sparse(100)}, {"ring300", ring(300, 1.1)}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := c.f.Leverage(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkSimulate(b *testing.B) {
	for _, n := range []int{9, 1000} {
		f := sparse(n)
		b.Run(fmt.Sprintf("nodes%d_steps100", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_, _ = f.Simulate(SimOptions{Steps: 100, Capacity: 1e6})
			}
		})
	}
}

func BenchmarkParseValidate(b *testing.B) {
	data, err := os.ReadFile(templatePath)
	require.NoError(b, err)
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		f, err := Parse(data)
		if err != nil {
			b.Fatal(err)
		}
		if err := f.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRender(b *testing.B) {
	data, err := os.ReadFile(templatePath)
	require.NoError(b, err)
	f, err := Parse(data)
	require.NoError(b, err)
	for name, render := range map[string]func(io.Writer) error{"DOT": f.DOT, "Mermaid": f.Mermaid, "SVG": f.SVG, "Markdown": f.Markdown} {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := render(io.Discard); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkCircleOrder times the SVG layout alone, from the template to
// its bounds (layoutMaxNodes nodes, about layoutMaxEdges links).
func BenchmarkCircleOrder(b *testing.B) {
	data, err := os.ReadFile(templatePath)
	require.NoError(b, err)
	tmpl, err := Parse(data)
	require.NoError(b, err)
	big, _ := randomWheel(5, layoutMaxNodes, 5.0/layoutMaxNodes, false)
	for _, c := range []struct {
		name string
		f    *Flywheel
	}{{"template", tmpl}, {"sparse200", sparse(200)}, {"random1000", big}} {
		d := c.f.Analyze()
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				d.circleOrder()
			}
		})
	}
}
