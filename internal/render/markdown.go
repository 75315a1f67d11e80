package render

import (
	"strings"
	"unicode/utf8"
)

// MarkdownInline makes s inert on one line of Markdown (a table cell, a list
// item, a heading): it renders as the literal text in CommonMark and GitHub
// Flavored Markdown.
//
// The punctuation that opens emphasis, code, links, tables, strike-through,
// math or a raw backslash is backslash-escaped; <, > and & become entities
// so no HTML or entity survives; runs of white space (line breaks and tabs
// included) fold into one space, so the text stays in its cell, and other
// control characters become spaces; invalid UTF-8
// becomes U+FFFD; and a mark that would start a block where the text starts
// a line (a list item, a heading, a rule) is escaped too, as is a colon
// starting the text, so no line can open a CI workflow command (::error).
func MarkdownInline(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	b.Grow(len(s) + 8)
	// A list, heading-underline or ordered-list marker only matters where
	// the text starts; everywhere else these marks are plain.
	if k := blockMarker(s); k > 0 {
		b.WriteString(s[:k-1])
		b.WriteByte('\\')
		s = s[k-1:]
	}
	lead := true // nothing but spaces written yet
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		start := lead
		lead = lead && (r == ' ' || r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0))
		switch {
		case r == ':' && start:
			// "::error ..." starting a line is a GitHub Actions workflow
			// command to a CI step that prints the file; "\:" reads as ":".
			b.WriteString("\\:")
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '&':
			b.WriteString("&amp;")
		case strings.ContainsRune("\\`*_[]|~$#!", r):
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < ' ' || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029':
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// blockMarker returns 1 + the offset of the mark that would open a block
// at the start of s ("-", "+", "=", or the "." or ")" after up to nine
// digits), or 0 when s starts no block.
func blockMarker(s string) int {
	if s == "" {
		return 0
	}
	switch s[0] {
	case '-', '+', '=':
		return 1
	}
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	if n > 0 && n < len(s) && (s[n] == '.' || s[n] == ')') {
		return n + 1
	}
	return 0
}

// MarkdownText renders free text as Markdown paragraphs: paragraphs (split
// at blank lines) keep apart, the lines inside a paragraph join with spaces,
// and each is escaped as MarkdownInline does.
func MarkdownText(s string) string {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	var paras []string
	for p := range strings.SplitSeq(s, "\n\n") {
		if p = strings.Join(strings.Fields(p), " "); p != "" {
			paras = append(paras, MarkdownInline(p))
		}
	}
	return strings.Join(paras, "\n\n")
}
