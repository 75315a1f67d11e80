package prfaq

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

func (s *scanner) run() {
	t := s.text
	s.sentStart, s.paraStart = -1, -1
	lineStart, heading := true, false
	var w wordInfo // the word being read, reused
	blank, prevBlank := true, true
	i := 0
	for i < len(t) {
		s.steps++
		if lineStart {
			lineStart = false
			j := i
			for j < len(t) && (t[j] == ' ' || t[j] == '\t') {
				j++
			}
			s.steps += j - i
			i = j
			if j == len(t) {
				break
			}
			if m := bulletAt(t, j); m > 0 {
				s.endSentence()
				if !s.inList {
					s.emit(rBullet, j, j+m, "bullet list in a narrative; write the points as sentences that say how they connect", "")
					s.inList = true
				}
				blank = false
				i = j + m
				continue
			}
			fence := strings.HasPrefix(t[j:], "```") || strings.HasPrefix(t[j:], "~~~")
			if fence || s.inCode {
				// Code in a Markdown narrative is not prose: skip the
				// fenced block, fences included.
				if fence {
					s.inCode = !s.inCode
				}
				s.endSentence()
				i = lineEnd(t, j)
				s.steps += i - j
				blank = false
				continue
			}
			switch {
			case t[j] == '#' || t[j] == '|':
				// A heading or a table row ends at its line, period or not.
				s.endSentence()
				heading = true
			case t[j] != '\n' && t[j] != '\r' && prevBlank:
				s.inList = false
			}
			continue
		}
		c := t[i]
		switch {
		case c == '\n':
			if blank {
				s.endSentence()
				s.endParagraph()
			}
			if heading {
				s.endSentence()
				heading = false
			}
			prevBlank, blank, lineStart = blank, true, true
			i++
		case c < utf8.RuneSelf && isAlnum(c):
			s.scanWord(i, &w)
			s.word(&w)
			blank = false
			i = w.e
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(t[i:])
			if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				s.scanWord(i, &w)
				s.word(&w)
				blank = false
				i = w.e
				continue
			}
			if !unicode.IsSpace(r) {
				blank = false
			}
			i += size
		case c == '.' || c == '!' || c == '?':
			blank = false
			i = s.terminal(i)
		case c == '`' || c == ']' && i+1 < len(t) && t[i+1] == '(':
			// Inline code and link targets are not prose: skip to the
			// closing backtick or parenthesis on the same line.
			blank = false
			closing, which := byte('`'), 0
			if c == ']' {
				closing, which = ')', 1
			}
			if i >= s.eol {
				s.eol = lineEnd(t, i)
				s.steps += s.eol - i
			}
			// Once a line has no closing mark after some point, later
			// openers on that line need not look again: the scan stays
			// linear on a 10 MB line full of backticks.
			if i < s.noClose[which] {
				i++
				continue
			}
			k := strings.IndexByte(t[i+1:s.eol], closing)
			if k < 0 {
				s.steps += s.eol - i
				s.noClose[which] = s.eol
				i++
				continue
			}
			s.steps += k
			i += k + 2
		default:
			if c != ' ' && c != '\t' && c != '\r' {
				blank = false
			}
			if c == ';' || c == ':' {
				s.clauseWords, s.hasSo, s.hasIt = 0, false, false
			}
			i++
		}
	}
	s.endSentence()
	s.endParagraph()
}

// lineEnd returns the index of the next line break at or after i, or len(t).
func lineEnd(t string, i int) int {
	if k := strings.IndexByte(t[i:], '\n'); k >= 0 {
		return i + k
	}
	return len(t)
}

// Byte classes of the tokenizer: one table lookup tells a letter or digit
// from everything else, and which case it is.
const (
	cOther uint8 = iota
	cUpper
	cLower
	cDigit
)

var class = func() (t [256]uint8) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = cUpper
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = cLower
	}
	for c := '0'; c <= '9'; c++ {
		t[c] = cDigit
	}
	return t
}()

func isAlnum(c byte) bool { return class[c] != cOther }

// bulletAt returns the length of a list marker and the space after it at
// t[j:], or 0: "- ", "* ", "+ ", "• ", "1. ", "12) ".
func bulletAt(t string, j int) int {
	switch {
	case j+1 < len(t) && (t[j] == '-' || t[j] == '*' || t[j] == '+') && (t[j+1] == ' ' || t[j+1] == '\t'):
		return 2
	case j+3 < len(t) && t[j:j+3] == "•" && t[j+3] == ' ':
		return 4
	}
	k := j
	for k < len(t) && k-j < 3 && '0' <= t[k] && t[k] <= '9' {
		k++
	}
	if k > j && k+1 < len(t) && (t[k] == '.' || t[k] == ')') && t[k+1] == ' ' {
		return k + 2 - j
	}
	return 0
}

// scanWord reads the word starting at i in one pass: it finds where the
// word ends, lower-cases it into the scanner's key buffer (a typographic
// apostrophe as a plain one), hashes it on the way and looks it up once in
// the lexicon. Apostrophes, hyphens and periods join letters ("don't",
// "well-known", "e.g", "example.com", "3.5"), as does a comma between
// digits ("1,000").
func (s *scanner) scanWord(i int, w *wordInfo) {
	t := s.text
	key := &s.key
	// Counters live in locals, in registers, while the loop runs; the
	// common byte, a lower-case letter, takes the first branch.
	n, upper, lower, other := 0, 0, 0, 0
	digit, fits := false, true
	j := i
scan:
	for j < len(t) {
		c := t[j]
		if 'a' <= c && c <= 'z' {
			lower++
			if n < keyCap {
				key[n] = c
				n++
			} else {
				fits = false
			}
			j++
			continue
		}
		if c < utf8.RuneSelf {
			switch class[c] {
			case cUpper:
				upper++
				c += 'a' - 'A'
			case cDigit:
				digit = true
			default:
				if j == i || j+1 == len(t) {
					break scan
				}
				next := t[j+1]
				switch c {
				case ',':
					if !isDigit(t[j-1]) || !isDigit(next) {
						break scan
					}
				case '\'', '-', '.':
					if !isAlnum(next) && !(next >= utf8.RuneSelf && startsLetter(t[j+1:])) {
						break scan
					}
				default:
					break scan
				}
				other++
			}
			if n < keyCap {
				key[n] = c
				n++
			} else {
				fits = false
			}
			j++
			continue
		}
		if j+3 < len(t) && t[j:j+3] == "’" && (isAlnum(t[j+3]) || t[j+3] >= utf8.RuneSelf && startsLetter(t[j+3:])) {
			other++
			if n < keyCap {
				key[n] = '\''
				n++
			} else {
				fits = false
			}
			j += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(t[j:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			break
		}
		for k := j; k < j+size; k++ {
			other++
			if n < keyCap {
				key[n] = t[k]
				n++
			} else {
				fits = false
			}
		}
		j += size
	}
	if j == i { // cannot happen for a word start; keep the loop moving anyway
		j = i + 1
	}
	s.steps += j - i
	// Field by field: assigning a whole struct literal through the
	// pointer copies it from a temporary, which cost more than the loop.
	w.st, w.e, w.text, w.n = i, j, t[i:j], n
	w.upper, w.lower, w.other = upper, lower, other
	w.digit, w.fits = digit, fits
	w.hash, w.ent, w.flags = 0, nil, 0
	if fits {
		var head uint64
		w.hash, head = hashKey(&s.key, n)
		if w.ent = lexLookup(s.key[:n], w.hash, head); w.ent != nil {
			w.flags = w.ent.flags
		}
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func startsLetter(t string) bool {
	r, _ := utf8.DecodeRuneInString(t)
	return r != utf8.RuneError && unicode.IsLetter(r)
}

// terminal reads sentence-ending punctuation at i and ends the sentence
// unless it is an abbreviation, an initial, or the next word starts in
// lower case. It returns where reading continues.
func (s *scanner) terminal(i int) int {
	t := s.text
	j := i
	for j < len(t) && (t[j] == '.' || t[j] == '!' || t[j] == '?') {
		j++
	}
	for j < len(t) {
		switch {
		case t[j] == '"' || t[j] == '\'' || t[j] == ')' || t[j] == ']' || t[j] == '*' || t[j] == '_':
			// Closing quotes, brackets and Markdown emphasis ("**Why?**")
			// belong to the sentence they close.
			j++
			continue
		case j+3 <= len(t) && (t[j:j+3] == "”" || t[j:j+3] == "’"):
			j += 3
			continue
		}
		break
	}
	s.steps += j - i
	end := j
	if j < len(t) && t[j] != ' ' && t[j] != '\t' && t[j] != '\n' && t[j] != '\r' {
		return end // "3.5" is one word already; "...and" runs on
	}
	if t[i] == '.' && j == i+1 && s.lastEnd == i && s.lastAbbrev {
		return end
	}
	k := j
	for k < len(t) && (t[k] == ' ' || t[k] == '\t' || t[k] == '\r' || t[k] == '\n') {
		k++
	}
	s.steps += k - j
	if k < len(t) && 'a' <= t[k] && t[k] <= 'z' {
		return end
	}
	if s.sentWords > 0 {
		s.sentEnd = end
	}
	s.question = strings.IndexByte(t[i:end], '?') >= 0
	s.endSentence()
	return end
}
