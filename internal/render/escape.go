// Package render holds the escaping every renderer applies to text that came
// from a document, so a label holding `</text><script>`, `"]` or `*bold*`
// renders as the literal text in SVG and Markdown, whatever package drew it.
package render

import (
	"strings"
	"unicode/utf8"
)

// XML escapes s for XML 1.0 text and attribute values (SVG): the five
// special characters become entities, and characters XML 1.0 forbids
// (controls other than tab and newline, U+FFFE, U+FFFF) and invalid UTF-8
// become spaces, so the document stays well-formed. Newlines and tabs
// are written as character references, so the output holds no line break
// of the document's own.
func XML(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case r == '"':
			b.WriteString("&quot;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\n':
			// A reference, not the byte: the text means the same, and no
			// line of the file starts with the document's text, which a CI
			// log running the file through cat would take for a command
			// (::error ...).
			b.WriteString("&#10;")
		case r == '\t':
			b.WriteString("&#9;")
		case r == utf8.RuneError && size <= 1, r < ' ' && r != '\t' && r != '\n', r == 0xFFFE, r == 0xFFFF:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
