package prfaq

import (
	"bytes"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/internal/frontmatter"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// PlaceMarkdown fills in the Line and Column of each finding on a PR/FAQ
// read with ParseMarkdown from data: a finding with a span points at the
// flagged words themselves (a finding in the third FAQ answer points into
// that answer's paragraph), a finding about a whole field at the field's
// first word, a finding about a section ("/externalFaq", "/pressRelease")
// at its heading, and one about a value from the front matter at that
// value. Findings whose Path is empty are left alone. Columns count
// characters. Data is parsed once for all findings.
func PlaceMarkdown(data []byte, fs []Finding) {
	if len(fs) == 0 {
		return
	}
	d, m, _ := parseMarkdown(data)
	if m == nil {
		return
	}
	lines := lineStarts(data)
	for i := range fs {
		f := &fs[i]
		if f.Path == "" {
			continue
		}
		if line, col, ok := m.frontMatterPosition(f.Path); ok {
			f.Line, f.Column = line, col
			if text, ok := d.FieldText(f.Path); ok && f.End > f.Start {
				if off, ok := wordAt(data, offsetOf(data, lines, line, col), text, f.Start, f.End); ok {
					f.Line, f.Column = position(data, lines, off)
				}
			}
			continue
		}
		off := m.offset(f.Path, f.Start, f.End)
		f.Line, f.Column = position(data, lines, off)
	}
}

// offset returns the source offset of the text at [start, end) of the field
// at pointer, or of the nearest thing the pointer names.
func (m *mdSource) offset(pointer string, start, end int) int {
	if t, ok := m.fields[pointer]; ok {
		if end > start && start < len(t.b) {
			return t.src(start)
		}
		return t.src(0)
	}
	for p := pointer; p != "" && p != "/"; p = p[:strings.LastIndexByte(p, '/')] {
		if off, ok := m.sections[p]; ok {
			return off
		}
		best := -1
		for k, t := range m.fields {
			if strings.HasPrefix(k, p+"/") && len(t.segs) > 0 {
				if o := t.src(0); best < 0 || o < best {
					best = o
				}
			}
		}
		if best >= 0 {
			return best
		}
	}
	return 0
}

// frontMatterPosition places a pointer into a value the front matter holds.
func (m *mdSource) frontMatterPosition(pointer string) (int, int, bool) {
	if m.fm == nil {
		return 0, 0, false
	}
	key, _, _ := strings.Cut(strings.TrimPrefix(pointer, "/"), "/")
	if !m.fmKeys[key] {
		return 0, 0, false
	}
	if _, inBody := m.fields[pointer]; inBody {
		return 0, 0, false
	}
	line, col := m.fm.Position(pointer)
	if line == 0 {
		return 0, 0, false
	}
	return line + m.fmLine, col, true
}

// lineStarts lists the offset of every line's first byte.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// position turns a byte offset into a 1-based line and a column counted in
// characters.
func position(data []byte, starts []int, off int) (int, int) {
	off = min(max(off, 0), len(data))
	line := sort.Search(len(starts), func(i int) bool { return starts[i] > off })
	return line, utf8.RuneCount(data[starts[line-1]:off]) + 1
}

// isMarkdown tells a Markdown PR/FAQ from a YAML or JSON one: front matter
// followed by more text, or a source whose top level is not a mapping with
// the keys of a PR/FAQ.
func isMarkdown(data []byte) bool {
	_, md := sourceOf(data)
	return md
}

// sourceOf tells a Markdown PR/FAQ from a YAML or JSON one, as isMarkdown
// does; for YAML or JSON it also returns the document parsed, so Place
// reads the source once.
func sourceOf(data []byte) (*strict.Document, bool) {
	if fm, ok := frontmatter.Find(data); ok && fm.Closed && len(bytes.TrimSpace(data[fm.After:])) > 0 {
		return nil, true
	}
	doc, err := strict.ParseDocument(data, strict.Limits{})
	if err != nil {
		return nil, true
	}
	for _, k := range doc.Keys() {
		switch k {
		case "pressRelease", "externalFaq", "internalFaq", "customer":
			return doc, false
		}
	}
	return nil, true
}

// offsetOf turns a 1-based line and a column counted in characters into a
// byte offset.
func offsetOf(data []byte, starts []int, line, col int) int {
	if line < 1 || line > len(starts) {
		return 0
	}
	off := starts[line-1]
	for c := 1; c < col && off < len(data) && data[off] != '\n'; c++ {
		_, size := utf8.DecodeRune(data[off:])
		off += size
	}
	return off
}

// wordAt finds the flagged words text[start:end] of a field in a YAML
// value that starts at from: the span's first word, skipping as many of
// its occurrences as the field's text has before start. YAML may fold or
// quote the text, so its offsets are not the field's; its words are.
func wordAt(data []byte, from int, text string, start, end int) (int, bool) {
	if start < 0 || end > len(text) || start >= end {
		return 0, false // the finding is not about this text
	}
	w := strings.FieldsFunc(text[start:end], func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' })
	if len(w) == 0 || from < 0 || from >= len(data) {
		return 0, false
	}
	skip := strings.Count(text[:start], w[0])
	off := from
	for {
		k := bytes.Index(data[off:], []byte(w[0]))
		if k < 0 {
			return 0, false
		}
		if skip == 0 {
			return off + k, true
		}
		skip--
		off += k + len(w[0])
	}
}
