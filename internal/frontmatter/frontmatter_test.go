package frontmatter

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFind(t *testing.T) {
	for _, c := range []struct {
		name, src string
		ok        bool
		want      Block
	}{
		{"none", "# Title\n", false, Block{}},
		{"only a marker", "---", false, Block{}},
		{"marker not first", "\n---\nid: 1\n---\n", false, Block{}},
		{"closed", "---\nid: 1\n---\n# Body\n", true, Block{Start: 4, End: 10, After: 14, Closed: true}},
		{"closed by dots", "---\nid: 1\n...\nbody", true, Block{Start: 4, End: 10, After: 14, Closed: true}},
		{"dots do not open", "...\nid: 1\n---\n", false, Block{}},
		{"closing line last, no break", "---\nid: 1\n---", true, Block{Start: 4, End: 10, After: 13, Closed: true}},
		{"blanks after markers", "--- \r\nid: 1\n---\t\r\nx", true, Block{Start: 6, End: 12, After: 18, Closed: true}},
		{"empty", "---\n---\n", true, Block{Start: 4, End: 4, After: 8, Closed: true}},
		{"unclosed", "---\nid: 1\n", true, Block{Start: 4, End: 10, After: 10}},
		{"longer dashes are YAML", "---\n----\nid: 1\n", true, Block{Start: 4, End: 15, After: 15}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, ok := Find([]byte(c.src))
			assert.Equal(t, c.ok, ok)
			assert.Equal(t, c.want, got)
		})
	}
}

// FuzzFind checks the offsets Find returns on any input: in order, inside
// the document, the YAML starting after the opening line, and a closed
// block's closing line being a marker.
func FuzzFind(f *testing.F) {
	for _, s := range []string{"---\nid: 1\n---\nbody", "---\n", "---\r\n...\r\n", "--- \n", "x\n---\n"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		b, ok := Find(src)
		if !ok {
			if b != (Block{}) {
				t.Fatalf("no front matter but %+v", b)
			}
			return
		}
		if !(0 < b.Start && b.Start <= b.End && b.End <= b.After && b.After <= len(src)) {
			t.Fatalf("offsets out of order: %+v in %d bytes", b, len(src))
		}
		if src[b.Start-1] != '\n' || !marker(src[:b.Start-1], false) {
			t.Fatalf("YAML does not start after an opening line: %+v", b)
		}
		if !b.Closed {
			if b.End != len(src) || b.After != len(src) {
				t.Fatalf("unclosed block does not run to the end: %+v", b)
			}
			return
		}
		if b.End > b.Start && src[b.End-1] != '\n' {
			t.Fatalf("closing line does not start a line: %+v", b)
		}
		line := src[b.End:b.After]
		if len(line) > 0 && line[len(line)-1] == '\n' {
			line = line[:len(line)-1]
		}
		if !marker(line, true) {
			t.Fatalf("closing line %q is not a marker", line)
		}
	})
}
