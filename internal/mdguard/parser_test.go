package mdguard

import (
	"bytes"
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/yuin/goldmark/ast"
)

// dump writes a tree's node kinds and text segments, enough to tell two
// parses apart.
func dump(n ast.Node, src []byte) string {
	var b bytes.Buffer
	_ = ast.Walk(n, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			fmt.Fprintf(&b, "(%s", n.Kind())
			if t, ok := n.(*ast.Text); ok {
				fmt.Fprintf(&b, " %q", t.Segment.Value(src))
			}
		} else {
			b.WriteString(")")
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// TestParseShared checks that the one shared parser gives every goroutine
// the tree it gives a lone caller (run it with -race), and that it reads
// CommonMark: headings, lists, emphasis, links and code.
func TestParseShared(t *testing.T) {
	docs := [][]byte{
		[]byte("# Title\n\nSome *emphasis* and a [link](https://example.com).\n"),
		[]byte("- one\n- two\n  - nested\n\n> quoted **bold**\n"),
		[]byte("Setext\n======\n\n```go\ncode\n```\n\n1. first\n2. second\n"),
		[]byte("[ref]: https://example.com\n\nSee [ref] and `code`.\n"),
	}
	want := make([]string, len(docs))
	for i, d := range docs {
		want[i] = dump(Parse(d), d)
	}
	assert.Contains(t, want[0], "(Heading(Text \"Title\")")
	assert.Contains(t, want[0], "(Emphasis(Text \"emphasis\"))")
	assert.Contains(t, want[1], "(List")
	assert.Contains(t, want[2], "(FencedCodeBlock)")
	assert.Contains(t, want[3], "(Link(Text \"ref\"))")
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 200 {
				k := (g + i) % len(docs)
				if got := dump(Parse(docs[k]), docs[k]); got != want[k] {
					t.Errorf("goroutine %d, doc %d: %s, want %s", g, k, got, want[k])
					return
				}
			}
		})
	}
	wg.Wait()
}
