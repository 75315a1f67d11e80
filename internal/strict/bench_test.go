package strict

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"syscall"
	"testing"
	"time"
)

// benchDoc is a document of realistic shape: a few hundred entries with a
// handful of fields each, like a PR/FAQ's FAQ list or a loop's feedback.
func benchDoc(yaml bool) []byte {
	var b strings.Builder
	if yaml {
		b.WriteString("title: Bench\nitems:\n")
		for i := range 300 {
			fmt.Fprintf(&b, "  - name: item %d\n    score: %d\n    level: low\n    ratio: 0.%d\n", i, i%5, i)
		}
		return []byte(b.String())
	}
	b.WriteString(`{"title":"Bench","items":[`)
	for i := range 300 {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"item %d","score":%d,"level":"low","ratio":0.%d}`, i, i%5, i)
	}
	b.WriteString("]}")
	return []byte(b.String())
}

func BenchmarkDecode(b *testing.B) {
	for _, yaml := range []bool{false, true} {
		name := "json"
		if yaml {
			name = "yaml"
		}
		data := benchDoc(yaml)
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			defer reportCPU(b, len(data))()
			for b.Loop() {
				var d doc
				if err := Decode(data, &d, Limits{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkEncodingJSON decodes the same JSON with encoding/json into the
// same type, the peer a Go developer would otherwise use (which neither
// positions nor collects problems).
func BenchmarkEncodingJSON(b *testing.B) {
	data := benchDoc(false)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b, len(data))()
	for b.Loop() {
		var d doc
		if err := json.Unmarshal(data, &d); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse reads the tree alone, without decoding it into a type.
func BenchmarkParse(b *testing.B) {
	data := benchDoc(false)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	defer reportCPU(b, len(data))()
	for b.Loop() {
		if _, err := ParseDocument(data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

// reportCPU reports the process's CPU time per operation, and the
// throughput it gives, beside the wall time: on a machine shared with other
// work, wall time includes waiting for a core, CPU time does not. Call it
// as defer reportCPU(b, bytes)().
func reportCPU(b *testing.B, bytes int) func() {
	start := cpuTime()
	return func() {
		if b.N > 0 {
			ns := float64((cpuTime() - start).Nanoseconds()) / float64(b.N)
			b.ReportMetric(ns, "cpu-ns/op")
			b.ReportMetric(float64(bytes)/ns*1e3, "cpu-MB/s")
		}
	}
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkParseYAMLTemplates reads each YAML template into the tree, by
// the library path (library) and by the fast reader, which takes them all
// (fast).
func BenchmarkParseYAMLTemplates(b *testing.B) {
	for _, name := range []string{"decision", "prfaq", "loop", "flywheel", "deck", "policy"} {
		data, err := os.ReadFile("../../examples/templates/" + name + ".yaml")
		if err != nil {
			b.Fatal(err)
		}
		for _, fast := range []bool{false, true} {
			path := "library"
			if fast {
				path = "fast"
			}
			b.Run(name+"/"+path, func(b *testing.B) {
				b.SetBytes(int64(len(data)))
				b.ReportAllocs()
				defer reportCPU(b, len(data))()
				for b.Loop() {
					bl := &builder{lim: Limits{}.withDefaults()}
					bl.arena.init()
					if _, err := bl.readYAML(data, fast); err != nil {
						b.Fatal(err)
					}
					bl.arena.recycleAfter(len(data))
				}
			})
		}
	}
}
