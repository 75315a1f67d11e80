package prfaq

import (
	"strings"
)

// acronym reports an acronym on its first use unless it is defined there,
// "Weekly Business Review (WBR)" or "WBR (Weekly Business Review)", or is
// known.
func (s *scanner) acronym(st, e int, a string) {
	t := s.text
	if s.cfg.known[a] || s.acronyms[a] {
		return
	}
	if s.acronyms == nil {
		s.acronyms = make(map[string]bool)
	}
	// Memory stays bounded on adversarial text full of distinct
	// acronyms: past the bound, acronyms are judged afresh each time.
	if len(s.acronyms) < maxAcronyms {
		s.acronyms[a] = true
	}
	inParens := st > 0 && t[st-1] == '(' && e < len(t) && t[e] == ')'
	before := e < len(t) && t[e] == '(' || e+1 < len(t) && t[e] == ' ' && t[e+1] == '('
	if inParens || before || s.spelledOutBefore(a) {
		return
	}
	s.emit(rAcronym, st, e, msg("acronym ", a, " is used before it is defined"),
		"write it out on first use, with the acronym in parentheses")
}

// spelledOutBefore reports whether the words just before the acronym, the
// one being read, spell it out: "Weekly Business Review, or WBR" and
// "return on investment or ROI". Small words may go unmatched ("Department
// of Defense, or DOD").
func (s *scanner) spelledOutBefore(a string) bool {
	k := s.nring - 2 // the word before the acronym
	if k < 0 {
		return false
	}
	if w := s.ringWord(k); equalFold(w, "or") || equalFold(w, "aka") || equalFold(w, "called") || equalFold(w, "named") {
		k--
	}
	i := len(a) - 1
	for ; i >= 0 && k >= 0 && k > s.nring-maxPhraseWords; k-- {
		w := s.ringWord(k)
		switch {
		case w[0]|0x20 == a[i]|0x20:
			i--
		case equalFold(w, "of") || equalFold(w, "and") || equalFold(w, "the") || equalFold(w, "for") || equalFold(w, "to") || equalFold(w, "in"):
		default:
			return false
		}
	}
	return i < 0
}

// maxAcronyms bounds the acronyms remembered per text.
const maxAcronyms = 10_000

// acronymOf returns the acronym a word is, without a plural s or a
// possessive ("KPIs", "AWS's"): two to six capitals, digits allowed.
func acronymOf(w string) (string, bool) {
	switch {
	case strings.HasSuffix(w, "'s"):
		w = w[:len(w)-2]
	case strings.HasSuffix(w, "’s"):
		w = w[:len(w)-len("’s")]
	case len(w) > 2 && w[len(w)-1] == 's':
		w = w[:len(w)-1]
	}
	upper := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case 'A' <= c && c <= 'Z':
			upper++
		case '0' <= c && c <= '9':
		default:
			return "", false
		}
	}
	return w, upper >= 2 && upper <= 6
}
