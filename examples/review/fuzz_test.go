package main

import (
	"flag"
	"io"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/dayone-go/mechanisms/examples/templates"
)

// FuzzReview throws arbitrary bytes at every kind's whole review path —
// parse, validate, the mechanism's own computations and renderings, the
// checks across documents, placing and suppressing findings — to find a
// panic or a hang anywhere a document can reach, not only in the parsers
// each package fuzzes on its own. Each kind gets its template as a seed,
// with which naming that kind, so every kind is fuzzed from the start.
func FuzzReview(f *testing.F) {
	for i, k := range registry {
		if k.Template != "" {
			data, err := templates.FS.ReadFile(k.Template)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data, uint8(i))
		}
	}
	for i, k := range registry {
		if k.Template == "" {
			f.Add([]byte("We will leverage synergies; it is believed that the plan was approved.\n<!-- review:ignore hype -->\nSynergies.\n"), uint8(i))
		}
	}
	f.Add([]byte("nodes: [] # review:ignore required\n\x1b[2J::error::x\n"), uint8(0))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		k := registry[int(which)%len(registry)]
		fsys := fstest.MapFS{
			"doc.yaml":     {Data: data},
			"doc-data.csv": {Data: []byte("date,metric,value\n2026-11-21,orders,5\n")},
		}
		fl := flag.NewFlagSet("fuzz", flag.ContinueOnError)
		fl.SetOutput(io.Discard)
		e := newEnv(fl, strings.NewReader(""))
		e.opts = options{kind: k.Name, jobs: 1}
		e.configs.off = true
		for _, r := range e.reviewers {
			if err := r.Prepare(e); err != nil {
				t.Fatal(err)
			}
		}
		d := &doc{loc: location{fsys: fsys, name: "doc.yaml"}, File: "doc.yaml"}
		reviewOne(e, d)
		together(e, []*doc{d})
		for _, r := range d.Rows {
			if r.Line < 0 || r.Column < 0 {
				t.Fatalf("negative position in %+v", r)
			}
		}
		var out strings.Builder
		if err := writeText(&out, []*doc{d}, nil, "", false); err != nil {
			t.Fatal(err)
		}
		for _, line := range strings.Split(out.String(), "\n") {
			if strings.HasPrefix(line, "::") || strings.ContainsRune(line, '\x1b') {
				t.Fatalf("document text reached the report raw: %q", line)
			}
		}
	})
}
