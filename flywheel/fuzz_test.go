package flywheel

import (
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary documents through everything a caller does
// with one: nothing may panic or hang, and a document that validates must
// have a reinforcing loop.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*")
	for _, file := range append(files, templatePath) {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"name":"x","nodes":[{"id":"a"},{"id":"b"}],"links":[{"from":"a","to":"b","polarity":"+"},{"from":"b","to":"a","polarity":"-","weight":1e308,"delay":1000}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := Parse(data)
		if err != nil {
			return
		}
		valid := w.Validate() == nil
		opts := LoopOptions{MaxLoops: 1000}
		loops, _ := w.Loops(opts)
		reinforcing := false
		for _, l := range loops {
			reinforcing = reinforcing || l.Polarity == Reinforcing
			if len(l.Nodes) != len(l.Links) {
				t.Fatalf("loop %v has %d links", l.Nodes, len(l.Links))
			}
		}
		if valid && len(loops) < opts.MaxLoops && !reinforcing {
			t.Fatalf("valid document without a reinforcing loop: %v", loops)
		}
		if len(w.Nodes) > 40 {
			return // keep each input fast; renderers are fuzzed below
		}
		w.Review(ReviewOptions{})
		_, _ = w.Leverage()
		_, _ = w.Simulate(SimOptions{Steps: 50, Capacity: 10})
		out(w.DOT)
		out(w.Mermaid)
		wellFormed(t, out(w.SVG))
		out(w.Markdown)
	})
}

// FuzzLabels checks that any label keeps the SVG well-formed and the
// Mermaid and DOT text on their lines.
func FuzzLabels(f *testing.F) {
	for _, h := range hostile {
		f.Add(h, "x")
	}
	f.Fuzz(func(t *testing.T, label, id string) {
		if id == "" || id == "n0" || id == "n2" {
			t.Skip("an ID that merges nodes changes the graph, not just a label")
		}
		w := ring(3, 1)
		w.Name = label
		w.Nodes[0].Label = label
		w.Nodes[1].ID = id
		w.Links[0].To, w.Links[1].From = id, id
		wellFormed(t, out(w.SVG))
		for _, got := range [][]byte{out(w.Mermaid), out(w.DOT)} {
			if n := strings.Count(string(got), "\n"); n != strings.Count(string(ring(3, 1).render(got)), "\n") {
				t.Fatalf("a label changed the line count:\n%s", got)
			}
		}
	})
}

// render returns the output of the same renderer as out on f, told apart
// by its first bytes.
func (f *Flywheel) render(like []byte) []byte {
	if bytes.HasPrefix(like, []byte("flowchart")) {
		return out(f.Mermaid)
	}
	return out(f.DOT)
}

func wellFormed(t *testing.T, svg []byte) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed: %v\n%s", err, svg)
		}
		if se, ok := tok.(xml.StartElement); ok && se.Name.Local == "script" {
			t.Fatalf("a label became a script element")
		}
	}
}
