package prfaq

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// active reports whether a finding of rule r would be kept, counting it
// as dropped when the text already has MaxFindings. Callers check it before
// formatting a message, so a text past the limit costs no formatting.
func (s *scanner) active(r ruleID) bool {
	if s.cfg == nil || !s.cfg.on[r] {
		return false
	}
	if len(s.out)-s.base >= s.cfg.maxFindings {
		s.dropped++
		return false
	}
	return true
}

func (s *scanner) emit(r ruleID, st, e int, msg, suggest string) {
	if !s.active(r) {
		return
	}
	s.out = append(s.out, Finding{Rule: ruleTable[r].ID, Severity: s.cfg.severity[r], Path: s.path, Start: st, End: e, Message: msg, Suggestion: suggest})
}

// finish adds the findings about the whole text and fills in lines and
// columns.
func (s *scanner) finish() {
	if s.cfg == nil {
		return
	}
	if st := s.stats(); st.Words >= s.cfg.minReadWords && (st.ReadingEase < s.cfg.minEase || st.Grade > s.cfg.maxGrade) {
		s.emit(rReadability, 0, 0, fmt.Sprintf("hard to read: Flesch reading ease %.1f (aim for %.0f or more), Flesch-Kincaid grade %.1f (aim for %.0f or less)",
			st.ReadingEase, s.cfg.minEase, st.Grade, s.cfg.maxGrade), "shorter sentences and shorter words")
	}
	if s.dropped > 0 && s.cfg.on[rTooMany] {
		s.out = append(s.out, Finding{Rule: RuleTooManyFindings, Severity: s.cfg.severity[rTooMany], Path: s.path,
			Message: fmt.Sprintf("%d more findings were not reported; the limit is %d per text (MaxFindings)", s.dropped, s.cfg.maxFindings)})
	}
	// The findings of one text share its path: order them by offset, then
	// rule and message, as finding.Sort would, without comparing paths.
	slices.SortStableFunc(s.out[s.base:], func(a, b Finding) int {
		if c := cmp.Compare(a.Start, b.Start); c != 0 {
			return c
		}
		if c := strings.Compare(a.Rule, b.Rule); c != 0 {
			return c
		}
		return strings.Compare(a.Message, b.Message)
	})
	s.positions()
}

// positions sets Line and Column of findings with a span, walking the text
// once in the order of the (sorted) findings.
func (s *scanner) positions() {
	t := s.text
	line, col, at := 1, 1, 0
	for i := s.base; i < len(s.out); i++ {
		f := &s.out[i]
		if f.End <= f.Start {
			continue
		}
		end := min(f.Start, len(t))
		// Line breaks are found a block at a time (strings.Count and
		// LastIndexByte run on vector instructions); characters are
		// counted only on the finding's line, from where the last finding
		// was, so a 10 MB line costs one pass, not one per finding.
		if end > at {
			if n := strings.Count(t[at:end], "\n"); n > 0 {
				line += n
				ls := at + strings.LastIndexByte(t[at:end], '\n') + 1
				col = utf8.RuneCountInString(t[ls:end]) + 1
			} else {
				col += utf8.RuneCountInString(t[at:end])
			}
			s.steps += end - at
			at = end
		}
		f.Line, f.Column = line, col
	}
}

// equalFold compares ASCII case-insensitively; other bytes must be equal.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}

// vowelGroups is the plain syllable estimate for words too long for the
// lexicon (URLs, identifiers, garbage).
func vowelGroups(w string) int {
	n, prev := 0, false
	for i := 0; i < len(w); i++ {
		c := w[i] | 0x20
		v := c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
		if v && !prev {
			n++
		}
		prev = v
	}
	return max(n, 1)
}

// msg builds a finding's message around a quoted, clipped excerpt, as
// fmt.Sprintf(prefix+"%q"+suffix, clip(w)) would, with one allocation.
func msg(prefix, w, suffix string) string {
	var buf [160]byte
	b := append(buf[:0], prefix...)
	b = strconv.AppendQuote(b, clip(w))
	return string(append(b, suffix...))
}

// clip shortens a quoted excerpt for a message, on a character boundary.
func clip(w string) string {
	const max = 60
	if len(w) <= max {
		return w
	}
	i := max
	for i > 0 && !utf8.RuneStart(w[i]) {
		i--
	}
	return w[:i] + "…"
}
