// Package frontmatter finds the YAML front matter that opens a Markdown
// document: a first line of "---", then YAML, then a line of "---" or
// "...". decision and prfaq both read it; one finder keeps their idea of
// where the front matter ends the same.
package frontmatter

import "bytes"

// Block is where the front matter lies in a document, in byte offsets.
type Block struct {
	// Start is the first byte of the YAML, just past the opening line.
	Start int
	// End is where the YAML ends: the start of the closing line, or the
	// end of the document when there is none.
	End int
	// After is the first byte past the closing line and its line break:
	// where the Markdown body starts. It equals End when the front matter
	// is never closed.
	After int
	// Closed reports whether a closing line was found.
	Closed bool
}

// Find returns the front matter that opens src, and false when src does
// not open with a line of "---" (trailing spaces, tabs and a carriage
// return allowed) followed by a line break.
func Find(src []byte) (Block, bool) {
	first := bytes.IndexByte(src, '\n')
	if first < 0 || !marker(src[:first], false) {
		return Block{}, false
	}
	b := Block{Start: first + 1}
	for i := b.Start; i < len(src); {
		e := bytes.IndexByte(src[i:], '\n')
		next := len(src)
		if e >= 0 {
			e += i
			next = e + 1
		} else {
			e = len(src)
		}
		if marker(src[i:e], true) {
			b.End, b.After, b.Closed = i, next, true
			return b, true
		}
		i = next
	}
	b.End, b.After = len(src), len(src)
	return b, true
}

// marker reports whether line, without its trailing blanks, is "---", or
// "..." where closing allows it.
func marker(line []byte, closing bool) bool {
	line = bytes.TrimRight(line, " \t\r")
	return string(line) == "---" || closing && string(line) == "..."
}
