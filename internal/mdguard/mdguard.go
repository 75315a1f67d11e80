// Package mdguard bounds the work a CommonMark parse may do on hostile
// text before the parse starts.
//
// goldmark, like most CommonMark parsers, reads a link after "](" by
// scanning forward for the end of its destination; when there is none,
// the scan runs to the end of the paragraph and the bracket is text after
// all. A paragraph of n such openers costs n times its length: 64 KiB of
// "[a](" takes seconds and 1 MiB of them hours. Every "[" in a paragraph
// can start such a scan, so Links counts the brackets of each paragraph
// times its length, over the whole text, and reports the paragraph where
// that product passes a budget. Real documents, even lists of hundreds of
// links, stay orders of magnitude below it.
package mdguard

import "bytes"

// Budget is the bracket-times-length work Links allows a whole text:
// about a fifth of a second of goldmark's link scanning on a slow core.
const Budget = 1 << 26

// Links returns the first line (1-based) of the paragraph at which the
// text's link-scanning work passes budget, or 0 when it stays within it.
// A paragraph here is a run of lines ended by a blank line or by a line
// that opens a heading, a block quote or a list item, which is never
// longer than the paragraph goldmark sees there.
func Links(src []byte, budget int) int {
	total, brackets, length, first, line := 0, 0, 0, 1, 0
	flush := func() bool {
		total += brackets * length
		brackets, length = 0, 0
		return total > budget
	}
	for len(src) > 0 {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		line++
		if opensBlock(l) && flush() {
			return first
		}
		if len(bytes.TrimSpace(l)) == 0 {
			continue
		}
		if length == 0 {
			first = line
		}
		brackets += bytes.Count(l, []byte("["))
		length += len(l) + 1
	}
	if flush() {
		return first
	}
	return 0
}

// opensBlock reports whether a line ends the paragraph before it: a blank
// line, or one that opens a heading, a block quote or a list item.
func opensBlock(l []byte) bool {
	t := bytes.TrimLeft(l, " \t")
	if len(bytes.TrimRight(t, " \t\r")) == 0 {
		return true
	}
	switch b := t[0]; {
	case b == '#' || b == '>':
		return true
	case b == '-' || b == '*' || b == '+':
		return len(t) == 1 || t[1] == ' ' || t[1] == '\t'
	case b >= '0' && b <= '9':
		i := 0
		for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
			i++
		}
		return i < len(t) && (t[i] == '.' || t[i] == ')') && (i+1 == len(t) || t[i+1] == ' ' || t[i+1] == '\t')
	}
	return false
}
