// Package sweep generates the documents of the hostile sweep (issue 15)
// that every mechanism package's Parse must refuse within its bounds: flow
// collections of millions of entries, alias bombs and YAML tags that other
// tools would execute, and hostile Markdown. Each package's tests run them
// through its own parser and check the rule and the memory.
package sweep

import (
	"errors"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// Case is one hostile document and the rule of the first problem Parse
// must report for it.
type Case struct {
	Name string
	Data []byte
	Rule string
}

// Documents returns the sweep's hostile documents. Each fits under the
// packages' MaxBytes (8 MiB); the alias bombs are under a kilobyte each.
func Documents() []Case {
	var cs []Case
	add := func(name, rule, s string) { cs = append(cs, Case{name, []byte(s), rule}) }
	add("flow mapping", "too-many", "x: {"+strings.Repeat("a,", 4_000_000-1)+"a}\n")
	add("flow sequence", "too-many", "x: ["+strings.Repeat("a,", 4_000_000-1)+"a]\n")
	add("JSON array", "too-many", `{"x": [`+strings.Repeat("1,", 4_000_000-1)+"1]}")
	for _, b := range []struct{ fan, depth int }{{2, 30}, {4, 15}, {10, 9}, {100, 4}} {
		add("alias bomb", "too-many", aliasBomb(b.fan, b.depth))
	}
	// 32^3 values are within the alias budget: cheap to expand, and then
	// refused for its keys.
	add("alias bomb within budget", "unknown-key", aliasBomb(32, 3))
	add("map alias bomb", "too-many", mapBomb(10, 9))
	add("tag on a list", "syntax", "x: !!python/object/apply:os.system [\"echo pwned\"]\n")
	add("tag on a map", "syntax", "x: !!python/object/apply:os.system {a: b}\n")
	add("tag on a value", "syntax", "x: !!python/object/apply:os.system echo\n")
	add("local tag", "syntax", "x: !custom [a]\n")
	add("core tag on a list", "syntax", "x: !!seq [a]\n")
	return cs
}

// aliasBomb nests fan aliases of the level below, depth levels deep: a
// few hundred bytes that expand to fan^depth values.
func aliasBomb(fan, depth int) string {
	return bomb(fan, depth, "[x]", "[", "]", func(_ int, below string) string { return below })
}

// mapBomb is aliasBomb with mappings.
func mapBomb(fan, depth int) string {
	return bomb(fan, depth, "{k: v}", "{", "}", func(j int, below string) string { return "k" + strconv.Itoa(j) + ": " + below })
}

// bomb writes the levels of an alias bomb: level 0 is seed, and each next
// level a collection (open ... close) of fan items holding the alias of
// the level below.
func bomb(fan, depth int, seed, open, close string, item func(j int, below string) string) string {
	var b strings.Builder
	b.WriteString("a0: &a0 " + seed + "\n")
	for i := 1; i <= depth; i++ {
		n := strconv.Itoa(i)
		b.WriteString("a" + n + ": &a" + n + " " + open)
		for j := range fan {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(item(j, "*a"+strconv.Itoa(i-1)))
		}
		b.WriteString(close + "\n")
	}
	return b.String()
}

// Run parses every document of Documents with parse, a package's Parse
// reduced to its error, and checks that each is refused as kind with the
// case's rule among its problems, with less than 512 MiB allocated in all
// (peak memory is below that). The time is logged, not limited: a timed
// assertion fails on a loaded machine. It is skipped with -short and under
// the race detector.
func Run(t *testing.T, kind string, parse func([]byte) error) {
	t.Helper()
	if testing.Short() || raceEnabled {
		t.Skip("parses megabytes of hostile YAML")
	}
	for _, c := range Documents() {
		t.Run(c.Name, func(t *testing.T) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			start := time.Now()
			err := parse(c.Data)
			took := time.Since(start)
			runtime.ReadMemStats(&after)
			t.Logf("%d bytes in %v", len(c.Data), took)
			if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 512<<20 {
				t.Errorf("allocated %d MiB", alloc>>20)
			}
			var pe *problem.Error
			if !errors.As(err, &pe) {
				t.Fatalf("want a *problem.Error, got %v", err)
			}
			if pe.Kind != kind {
				t.Errorf("kind %q, want %q", pe.Kind, kind)
			}
			for _, p := range pe.Problems {
				if p.Rule == c.Rule {
					return
				}
			}
			t.Errorf("no %s problem in %v", c.Rule, pe.Problems)
		})
	}
}
