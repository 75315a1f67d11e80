package prfaq

import (
	"bytes"
	"html"
	"sort"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// mdText is text taken from a Markdown source with, for every byte, the
// offset in the source it came from, so a finding's span in a field can be
// placed on the words in the file. The map is piecewise: a run of text
// copied from the source is one seg; text the parser made up (a line break
// for a soft break, a list marker, an unescaped character) maps to a fixed
// offset.
type mdText struct {
	b    []byte
	segs []seg
}

// seg maps text from offset at onwards to source offset src (plus the
// distance from at, unless fixed).
type seg struct {
	at, src int
	fixed   bool
}

func (t mdText) String() string { return string(t.b) }

// mark starts a new run at the current end of the text.
func (t *mdText) mark(src int, fixed bool) {
	if n := len(t.segs); n > 0 && t.segs[n-1].at == len(t.b) {
		t.segs[n-1] = seg{len(t.b), src, fixed}
		return
	}
	t.segs = append(t.segs, seg{len(t.b), src, fixed})
}

// lit appends text that is not in the source as written, placed at src.
func (t *mdText) lit(s string, src int) {
	t.mark(src, true)
	t.b = append(t.b, s...)
}

// raw appends src[start:stop] as it is (code spans keep their backslashes).
func (t *mdText) raw(src []byte, start, stop int) {
	t.mark(start, false)
	t.b = append(t.b, src[start:stop]...)
}

// text appends src[start:stop] resolving backslash escapes and entity
// references, as CommonMark reads them.
func (t *mdText) text(src []byte, start, stop int) {
	t.mark(start, false)
	for i := start; i < stop; {
		c := src[i]
		switch {
		case c == '\\' && i+1 < stop && isASCIIPunct(src[i+1]):
			t.mark(i+1, false)
			t.b = append(t.b, src[i+1])
			i += 2
			t.mark(i, false)
			continue
		case c == '&':
			if k := bytes.IndexByte(src[i:min(stop, i+40)], ';'); k > 1 {
				ent := string(src[i : i+k+1])
				if dec := html.UnescapeString(ent); dec != ent {
					t.lit(dec, i)
					i += k + 1
					t.mark(i, false)
					continue
				}
			}
		}
		t.b = append(t.b, c)
		i++
	}
}

func isASCIIPunct(c byte) bool {
	return '!' <= c && c <= '/' || ':' <= c && c <= '@' || '[' <= c && c <= '`' || '{' <= c && c <= '~'
}

// cat appends u, keeping its source offsets.
func (t *mdText) cat(u mdText) {
	for _, s := range u.segs {
		t.segs = append(t.segs, seg{s.at + len(t.b), s.src, s.fixed})
	}
	t.b = append(t.b, u.b...)
}

// join appends u after sep (placed where u starts), or just u when t is
// empty.
func (t *mdText) join(sep string, u mdText) {
	if len(u.b) == 0 {
		return
	}
	if len(t.b) > 0 {
		t.lit(sep, u.src(0))
	}
	t.cat(u)
}

// src returns the source offset of text offset p.
func (t mdText) src(p int) int {
	if len(t.segs) == 0 {
		return 0
	}
	k := sort.Search(len(t.segs), func(i int) bool { return t.segs[i].at > p }) - 1
	if k < 0 {
		k = 0
	}
	s := t.segs[k]
	if s.fixed {
		return s.src
	}
	return s.src + p - s.at
}

// slice returns t.b[i:j] with its map.
func (t mdText) slice(i, j int) mdText {
	var u mdText
	if i >= j {
		return u
	}
	k := sort.Search(len(t.segs), func(n int) bool { return t.segs[n].at > i }) - 1
	u.b = append(u.b, t.b[i:j]...)
	for ; k < len(t.segs) && (k < 0 || t.segs[k].at < j); k++ {
		if k < 0 {
			continue
		}
		s := t.segs[k]
		if s.at < i {
			if !s.fixed {
				s.src += i - s.at
			}
			s.at = i
		}
		u.segs = append(u.segs, seg{s.at - i, s.src, s.fixed})
	}
	return u
}

// trim drops leading and trailing white space.
func (t mdText) trim() mdText {
	i, j := 0, len(t.b)
	for i < j {
		r, n := utf8.DecodeRune(t.b[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	for j > i {
		r, n := utf8.DecodeLastRune(t.b[i:j])
		if !unicode.IsSpace(r) {
			break
		}
		j -= n
	}
	return t.slice(i, j)
}

// inlineText collects the text of a block's inline content: emphasis and
// link markup dropped, escapes resolved, soft and hard breaks as line
// breaks, code spans kept in backticks (so the prose rules skip them),
// images and raw HTML left out.
func inlineText(n ast.Node, src []byte) mdText {
	var t mdText
	addInline(&t, n, src)
	return t
}

func addInline(t *mdText, n ast.Node, src []byte) { addNodes(t, n.FirstChild(), src) }

// addNodes adds the text of first and the inline nodes after it.
func addNodes(t *mdText, first ast.Node, src []byte) {
	for c := first; c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			t.text(src, c.Segment.Start, c.Segment.Stop)
			if c.SoftLineBreak() || c.HardLineBreak() {
				t.lit("\n", c.Segment.Stop)
			}
		case *ast.String:
			t.lit(string(c.Value), lastSrc(t))
		case *ast.CodeSpan:
			at := lastSrc(t)
			if f, ok := c.FirstChild().(*ast.Text); ok {
				at = max(f.Segment.Start-1, 0)
			}
			t.lit("`", at)
			for k := c.FirstChild(); k != nil; k = k.NextSibling() {
				if tx, ok := k.(*ast.Text); ok {
					t.raw(src, tx.Segment.Start, tx.Segment.Stop)
				}
			}
			t.lit("`", lastSrc(t))
		case *ast.AutoLink:
			t.lit(string(c.Label(src)), lastSrc(t))
		case *ast.Image, *ast.RawHTML:
		default:
			addInline(t, c, src)
		}
	}
}

// lastSrc is where text appended now would sit in the source: just after
// the last byte read.
func lastSrc(t *mdText) int {
	if len(t.b) == 0 {
		return 0
	}
	return t.src(len(t.b)-1) + 1
}
