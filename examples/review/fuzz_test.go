package main

import (
	"testing"
	"testing/fstest"

	"github.com/dayone-go/mechanisms/examples/templates"
)

// FuzzReview throws arbitrary bytes at every kind's whole review path —
// parse, validate and the mechanism's own computations and renderings —
// to find a panic or a hang anywhere a document can reach, not only in the
// parsers each package fuzzes on its own.
func FuzzReview(f *testing.F) {
	for _, k := range registry {
		if k.Template == "" {
			continue
		}
		data, err := templates.FS.ReadFile(k.Template)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data, uint8(0))
	}
	f.Add([]byte("We will leverage synergies; it is believed that the plan was approved."), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, which uint8) {
		k := registry[int(which)%len(registry)]
		fsys := fstest.MapFS{
			"doc.yaml":     {Data: data},
			"doc-data.csv": {Data: []byte("date,metric,value\n2026-11-21,orders,5\n")},
		}
		d := reviewFile(fsys, "doc.yaml", options{kind: k.Name}, false)
		for _, r := range d.Rows {
			if r.Line < 0 || r.Column < 0 {
				t.Fatalf("negative position in %+v", r)
			}
		}
	})
}
