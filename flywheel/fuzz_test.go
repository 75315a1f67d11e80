package flywheel

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
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

// FuzzLoops builds a graph of up to 12 nodes from the input (a byte for
// the size and the length cap, then a pair per link, a weight byte each)
// and checks both searches, on bit sets and on edge lists, against each
// other and against a brute-force enumeration, with every measure finite.
func FuzzLoops(f *testing.F) {
	f.Add([]byte{4, 0, 0, 1, 1, 1, 2, 2, 2, 0, 3})
	f.Add([]byte{0x9c, 0, 1, 0, 1, 0, 1, 2, 1, 2, 0, 1, 0, 0, 2, 2, 0, 3, 3, 0})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 1 {
			return
		}
		n := 1 + int(data[0]&15)%12
		maxLen := int(data[0] >> 4) // 0: no cap
		w := &Flywheel{Name: "fuzz"}
		for i := range n {
			w.Nodes = append(w.Nodes, Node{ID: fmt.Sprint(i)})
		}
		for i := 1; i+2 < len(data) && len(w.Links) < 60; i += 3 {
			weight := float64(data[i+2]) * 4 // up to 1020, past the document limit
			sign := Positive
			if data[i+2]&1 == 1 {
				sign = Negative
			}
			w.Links = append(w.Links, Link{From: fmt.Sprint(int(data[i]) % n), To: fmt.Sprint(int(data[i+1]) % n), Polarity: sign, Weight: &weight})
		}
		opts := LoopOptions{MaxLength: maxLen}
		a, errA := w.Loops(opts)
		defer func(limit int) { smallLimit = limit }(smallLimit)
		smallLimit = 0
		b, errB := w.Loops(opts)
		if errA != nil || errB != nil {
			t.Fatalf("errors: %v, %v", errA, errB)
		}
		if !reflect.DeepEqual(a, b) {
			t.Fatalf("the two searches differ:\n%v\n%v", a, b)
		}
		capLen := maxLen
		if capLen == 0 {
			capLen = n
		}
		if want := bruteLoops(w, capLen); len(want) != len(a) {
			t.Fatalf("%d loops, brute force finds %d", len(a), len(want))
		}
		if _, err := json.Marshal(a); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzSmallGraph checks that a wheel small enough to be checked by scans
// (smallGraph) gets the verdict and loops the maps give: the same
// problems (repeated and empty IDs, unknown ends, repeated and self links)
// and the same loops. Each byte triple is a link between IDs drawn from a
// few names, some of which no node has.
func FuzzSmallGraph(f *testing.F) {
	f.Add([]byte{5, 0, 1, 0, 1, 2, 1, 2, 0, 0, 1, 0, 1})
	f.Add([]byte{0x3f, 7, 7, 0, 1, 9, 1, 9, 1, 0})
	f.Add([]byte{0x14, 0, 0, 1, 2, 3, 0, 3, 2, 1})
	names := []string{"a", "b", "c", "d", "", "a", "e", "f", "g", "h", "zz"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) < 1 {
			return
		}
		n := 1 + int(data[0]&31)%20 // on both sides of smallGraph
		w := &Flywheel{Name: "fuzz"}
		for i := range n {
			id := fmt.Sprint("n", i)
			if data[0]&32 != 0 && i%3 == 0 {
				id = names[i%len(names)] // repeated and empty IDs
			}
			w.Nodes = append(w.Nodes, Node{ID: id, Label: id})
		}
		end := func(b byte) string {
			if b >= 200 {
				return names[int(b)%len(names)]
			}
			return w.Nodes[int(b)%n].ID
		}
		for i := 1; i+2 < len(data) && len(w.Links) < 2*maxSmallGraph+4; i += 3 {
			sign := Positive
			if data[i+2]&1 == 1 {
				sign = Negative
			}
			w.Links = append(w.Links, Link{From: end(data[i]), To: end(data[i+1]), Polarity: sign})
		}
		errSmall := w.Validate()
		loopsSmall, lerrSmall := w.Loops(LoopOptions{MaxLoops: 1000})
		defer func(limit int) { smallGraph = limit }(smallGraph)
		smallGraph = 0
		errMaps := w.Validate()
		loopsMaps, lerrMaps := w.Loops(LoopOptions{MaxLoops: 1000})
		if fmt.Sprint(errSmall) != fmt.Sprint(errMaps) {
			t.Fatalf("scans: %v\nmaps: %v", errSmall, errMaps)
		}
		if fmt.Sprint(lerrSmall) != fmt.Sprint(lerrMaps) || !reflect.DeepEqual(loopsSmall, loopsMaps) {
			t.Fatalf("loops differ:\n%v %v\n%v %v", loopsSmall, lerrSmall, loopsMaps, lerrMaps)
		}
	})
}
