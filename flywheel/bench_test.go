package flywheel

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The peer comparison (.ci/bench/flywheel.sh) times networkx's
// simple_cycles on the same complete graphs: list(simple_cycles(G)) against
// BenchmarkLoops/K9, and consuming the generator against
// BenchmarkEachLoop. K_9 has 125,664 elementary loops and K_10 1,112,073
// (OEIS A002807).

// peerOptions are the options the issue measures Loops with.
var peerOptions = LoopOptions{MaxLoops: 200_000, MaxLength: 9}

func BenchmarkLoops(b *testing.B) {
	for _, g := range []struct {
		name string
		f    *Flywheel
		opts LoopOptions
	}{
		{"K9", complete(9), peerOptions},
		{"sparse2000", sparse(2000), LoopOptions{}},
	} {
		b.Run(g.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			cpu := cpuTime()
			for b.Loop() {
				loops, err := g.f.Loops(g.opts)
				if err != nil {
					b.Fatal(err)
				}
				n = len(loops)
			}
			reportCPU(b, cpu)
			b.ReportMetric(float64(n), "loops/op")
		})
	}
}

func BenchmarkEachLoop(b *testing.B) {
	for _, g := range []struct {
		name string
		f    *Flywheel
		opts LoopOptions
	}{
		{"K9", complete(9), LoopOptions{}},
		// K_10 has more loops than DefaultMaxLoops: lift the bound.
		{"K10", complete(10), LoopOptions{MaxLoops: 2_000_000}},
		{"sparse2000", sparse(2000), LoopOptions{}},
	} {
		b.Run(g.name, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			cpu := cpuTime()
			for b.Loop() {
				n = 0
				if err := g.f.EachLoop(g.opts, func(Loop) bool { n++; return true }); err != nil {
					b.Fatal(err)
				}
			}
			reportCPU(b, cpu)
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
	assert.Less(t, large, 125_664/100.0, "under one allocation per 100 loops")
}

// TestEachLoopMemoryIsFlat walks K_10's 1,112,073 loops (OEIS A002807)
// and checks that the bytes allocated stay those of the setup: about the
// same as for K_7's 2,365 loops, not growing with the number of loops.
func TestEachLoopMemoryIsFlat(t *testing.T) {
	if testing.Short() {
		t.Skip("walks a million loops")
	}
	bytesFor := func(f *Flywheel, opts LoopOptions) (uint64, int) {
		var before, after runtime.MemStats
		n := 0
		runtime.ReadMemStats(&before)
		require.NoError(t, f.EachLoop(opts, func(Loop) bool { n++; return true }))
		runtime.ReadMemStats(&after)
		return after.TotalAlloc - before.TotalAlloc, n
	}
	small, _ := bytesFor(complete(7), LoopOptions{})
	large, n := bytesFor(complete(10), LoopOptions{MaxLoops: 2_000_000})
	assert.Equal(t, 1_112_073, n, "OEIS A002807")
	t.Logf("bytes allocated: K_7 %d, K_10 %d", small, large)
	assert.Less(t, large, small+64<<10, "K_10 has 1,109,708 more loops than K_7")
}

func BenchmarkLeverage(b *testing.B) {
	tmpl := template(b)
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

// BenchmarkRender times each renderer on the template and on the largest
// valid wheel (MaxNodes nodes, MaxLinks links), where a renderer that is
// not near-linear in the document shows at once. The analysis is shared,
// as Analyze intends.
func BenchmarkRender(b *testing.B) {
	tmpl := template(b)
	for _, w := range []struct {
		name string
		f    *Flywheel
	}{{"template", tmpl}, {"largest", largest()}} {
		a := w.f.Analyze()
		for _, r := range []struct {
			name   string
			render func(io.Writer) error
		}{{"DOT", a.DOT}, {"Mermaid", a.Mermaid}, {"SVG", a.SVG}, {"Markdown", a.Markdown}, {"Summary", a.Summary}} {
			b.Run(w.name+"/"+r.name, func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := r.render(io.Discard); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
		b.Run(w.name+"/Analyze", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				w.f.Analyze()
			}
		})
	}
}

// BenchmarkCircleOrder times the SVG layout alone, from the template to
// its bounds (layoutMaxNodes nodes, about layoutMaxEdges links).
func BenchmarkCircleOrder(b *testing.B) {
	tmpl := template(b)
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
