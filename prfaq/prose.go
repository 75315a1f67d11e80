package prfaq

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// ReviewText runs the prose rules on any narrative — a six-page memo, a
// design doc, one field of a PR/FAQ — and returns the findings in text
// order, each with the byte span of the flagged words and their line and
// column (1-based; the column counts characters). Path is empty. Findings
// about the text as a whole (readability, too-many-findings) have no span.
//
// The text is read once, word by word, without copying words; the cost is
// linear in the text and allocations grow with the findings, not the words.
// Any bytes are accepted: invalid UTF-8 and control characters separate
// words like punctuation does.
func ReviewText(text string, opts ReviewOptions) []Finding {
	return scanField(text, "", opts.resolve()).out
}

type span struct{ s, e int }

// scanner reads one text once, keeping just enough state for the rules:
// the current sentence, the last few words and a pending passive.
type scanner struct {
	text string
	cfg  *config // nil when only counting, for Readability
	path string
	// out collects findings; those of this text start at base, so one
	// slice can serve every field of a document.
	out  []Finding
	base int
	// dropped counts findings past MaxFindings.
	dropped int
	// steps counts the work done, so tests can check it grows linearly.
	steps int

	words, sentences, syllables int

	sentStart, sentEnd, sentWords int
	sentNumber                    bool
	comps                         [8]span
	ncomps                        int
	ring                          [maxPhraseWords]span
	nring                         int
	prev                          span
	hasPrev                       bool
	lastEnd                       int
	lastAbbrev                    bool

	beActive    bool
	beStart     int
	beGap       int
	more        span
	hasMore     bool
	could       span // a "could" waiting to see whether "not" follows
	hasCould    bool
	prevNoOrAny bool
	prevFlags   wflag
	question    bool // the sentence being ended ends with a question mark
	// clauseWords counts the words since the sentence began or since a
	// semicolon or colon, for the rules about how a clause opens.
	clauseWords int
	so          span // a "So" opening a clause, judged by the word after it
	hasSo       bool
	itStart     int // an "It is" opening a clause, waiting for "that" or "to"
	itGap       int
	hasIt       bool
	adjBy       span // "be" + an -ed adjective, passive if "by" follows
	hasAdjBy    bool
	most        span // "most", a vague share before a noun but a superlative before an adjective;
	hasMost     bool // also "frequently", unless "asked" follows

	paraStart, paraEnd, paraSentences int

	acronyms map[string]bool
	inList   bool
	inCode   bool
	// eol is the end of the line last looked up; noClose marks, per
	// closing mark (backtick, parenthesis), where the current line has none
	// left.
	eol     int
	noClose [2]int

	// Whole-text facts Review asks about.
	number      bool            // some word is a number
	alternative bool            // some word points at today's alternative
	want        map[string]bool // stems of the customer's words
	found       bool            // one of them was read

	key     [64]byte
	stemBuf [64]byte
}

// scanField scans one field's text with the rules of cfg.
func scanField(text, path string, cfg *config) *scanner {
	s := &scanner{text: text, cfg: cfg, path: path}
	s.run()
	s.finish()
	return s
}

func (s *scanner) run() {
	t := s.text
	s.sentStart, s.paraStart = -1, -1
	lineStart, heading := true, false
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
			e := s.wordEnd(i)
			s.word(i, e)
			blank = false
			i = e
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRuneInString(t[i:])
			if r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
				e := s.wordEnd(i)
				s.word(i, e)
				blank = false
				i = e
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

func isAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

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

// wordEnd returns the end of the word starting at i. Apostrophes, hyphens
// and periods join letters ("don't", "well-known", "e.g", "example.com",
// "3.5"), as does a comma between digits ("1,000").
func (s *scanner) wordEnd(i int) int {
	t := s.text
	j := i
	for j < len(t) {
		c := t[j]
		if c < utf8.RuneSelf {
			if isAlnum(c) {
				j++
				continue
			}
			if (c == '\'' || c == '-' || c == '.' || c == ',') && j+1 < len(t) && j > i {
				n := t[j+1]
				if c == ',' {
					if isDigit(t[j-1]) && isDigit(n) {
						j++
						continue
					}
					break
				}
				if isAlnum(n) || n >= utf8.RuneSelf && startsLetter(t[j+1:]) {
					j++
					continue
				}
			}
			break
		}
		if j+3 < len(t) && t[j:j+3] == "’" && (isAlnum(t[j+3]) || t[j+3] >= utf8.RuneSelf && startsLetter(t[j+3:])) {
			j += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(t[j:])
		if r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)) {
			break
		}
		j += size
	}
	if j == i { // cannot happen for a word start; keep the loop moving anyway
		j = i + 1
	}
	s.steps += j - i
	return j
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

func (s *scanner) endSentence() {
	if s.hasCould {
		s.hasCould = false
		s.hedge(s.could.s, s.could.e)
	}
	if s.hasMost && equalFold(s.text[s.most.s:s.most.e], "frequently") {
		s.emit(rWeasel, s.most.s, s.most.e, `"frequently" is vague; say how often`, "a number")
	}
	if s.question {
		// A question asks: "What could go wrong?" hedges nothing, and
		// "How many pools could use it?" asks for the number a weasel
		// word would hide.
		s.question = false
		k := len(s.out)
		for k > s.base && s.out[k-1].Start >= s.sentStart && s.sentStart >= 0 {
			k--
		}
		kept := s.out[:k]
		for _, f := range s.out[k:] {
			if f.Rule != RuleHedging && f.Rule != RuleWeaselWord {
				kept = append(kept, f)
			}
		}
		s.out = kept
	}
	if s.sentWords == 0 {
		return
	}
	s.sentences++
	s.paraSentences++
	s.paraEnd = s.sentEnd
	if s.cfg != nil {
		if s.sentWords > s.cfg.maxSentence {
			s.emit(rSentence, s.sentStart, s.sentEnd,
				fmt.Sprintf("sentence of %d words; keep sentences to %d words or fewer", s.sentWords, s.cfg.maxSentence), "split it")
		}
		if !s.sentNumber {
			for _, c := range s.comps[:s.ncomps] {
				s.emit(rComparative, c.s, c.e,
					fmt.Sprintf("%q compares without a number; say than what, and by how much", clip(s.text[c.s:c.e])), "")
			}
		}
	}
	s.sentWords, s.sentStart, s.sentNumber, s.ncomps, s.nring = 0, -1, false, 0, 0
	s.hasPrev, s.beActive, s.hasMore, s.prevNoOrAny = false, false, false, false
	s.clauseWords, s.prevFlags, s.hasSo, s.hasIt, s.hasAdjBy, s.hasMost = 0, 0, false, false, false, false
}

func (s *scanner) endParagraph() {
	if s.cfg != nil && s.cfg.para && s.paraSentences > s.cfg.maxParaSent {
		s.emit(rParagraph, s.paraStart, s.paraEnd,
			fmt.Sprintf("paragraph of %d sentences; keep press release paragraphs to %d", s.paraSentences, s.cfg.maxParaSent), "split it or cut it")
	}
	s.paraSentences, s.paraStart = 0, -1
}

// word applies the word-level rules to t[st:e].
func (s *scanner) word(st, e int) {
	t := s.text
	w := t[st:e]
	n, upper, lower, other := 0, 0, 0, 0
	digit, fits := false, true
	h := uint32(fnvOffset)
	for k := 0; k < len(w); k++ {
		c := w[k]
		switch {
		case 'A' <= c && c <= 'Z':
			upper++
			c += 'a' - 'A'
		case 'a' <= c && c <= 'z':
			lower++
		case '0' <= c && c <= '9':
			digit = true
		case c == 0xE2 && k+2 < len(w) && w[k+1] == 0x80 && w[k+2] == 0x99:
			c = '\'' // a typographic apostrophe reads as a plain one
			k += 2
			other++
		default:
			other++
		}
		if n < len(s.key) {
			s.key[n] = c
			n++
			h = (h ^ uint32(c)) * fnvPrime
		} else {
			fits = false
		}
	}
	key := s.key[:n]
	var ent *entry
	if fits {
		ent = lexLookup(key, h)
	}
	s.words++
	s.sentWords++
	s.clauseWords++
	if s.sentStart < 0 {
		s.sentStart = st
	}
	if s.paraStart < 0 {
		s.paraStart = st
	}
	s.sentEnd, s.lastEnd = e, e
	var flags wflag
	if ent != nil {
		flags = ent.flags
	}
	s.lastAbbrev = flags&fAbbrev != 0 || (upper == 1 && len(w) == 1)
	switch {
	case digit:
		s.syllables++
	case !fits:
		s.syllables += vowelGroups(w)
	case ent != nil:
		s.syllables += int(ent.syllables)
	default:
		// Not in the lexicon as a whole; its parts may be ("state-of-the-art").
		s.syllables += syllables(key, other > 0)
	}
	if s.cfg == nil {
		return
	}
	if digit || flags&fNumber != 0 {
		s.sentNumber, s.number = true, true
	}
	if flags&fAlternative != 0 {
		s.alternative = true
	}
	if s.want != nil && !s.found && fits && s.want[string(stem(key, s.stemBuf[:0]))] {
		s.found = true
	}
	s.ring[s.nring%maxPhraseWords] = span{st, e}
	s.nring++
	if s.hasCould {
		// "could not" is past inability, not a hedge.
		s.hasCould = false
		if !equalFold(w, "not") && !equalFold(w, "never") {
			s.hedge(s.could.s, s.could.e)
		}
	}

	s.pending(st, e, key, flags, digit)

	if s.hasPrev && !digit && flags&fRepeatOK == 0 && equalFold(t[s.prev.s:s.prev.e], w) && s.active(rRepeated) {
		s.emit(rRepeated, s.prev.s, e, fmt.Sprintf("%q is repeated", clip(w)), "delete one")
	}
	s.prev, s.hasPrev = span{st, e}, true

	acronym := false
	// A word of the lexicon in capitals ("NOT", "NEVER") is emphasis, not
	// an acronym.
	if upper >= 2 && upper <= 6 && (ent == nil || lower > 0 || digit) {
		if a, ok := acronymOf(w); ok {
			acronym = true
			s.acronym(st, e, a)
		}
	}

	hit := false
	// "There is" and "there are" opening a sentence delay its subject.
	if s.clauseWords == 2 && flags&fBe != 0 && s.nring >= 2 {
		p := s.ring[(s.nring-2)%maxPhraseWords]
		switch {
		case equalFold(t[p.s:p.e], "there") && s.active(rWordy):
			s.emit(rWordy, p.s, e, fmt.Sprintf("%q delays the subject", clip(t[p.s:e])), "start with the subject and its verb")
		case equalFold(t[p.s:p.e], "it"):
			s.itStart, s.itGap, s.hasIt = p.s, 0, true
		}
	}
	if s.clauseWords == 1 {
		switch {
		case equalFold(w, "so"):
			s.so, s.hasSo = span{st, e}, true
		case equalFold(w, "it's") || w == "It’s" || w == "it’s":
			s.itStart, s.itGap, s.hasIt = st, 0, true
		}
	}
	if ent != nil && !acronym {
		for _, pi := range ent.phrases {
			p := &phrases[pi]
			k := len(p.words)
			if s.nring < k || !s.matches(p.words) {
				continue
			}
			first := s.ring[(s.nring-k)%maxPhraseWords].s
			if s.phraseFinding(p.rule, first, e, p.suggest) {
				hit = true
				break
			}
		}
		if !hit && ent.rule != noRule {
			hit = s.wordFinding(ent, st, e, upper)
		}
		if !hit && flags&fFuture != 0 && s.cfg.launch && s.active(rFuture) {
			s.emit(rFuture, st, e, fmt.Sprintf("%q is future tense; write the press release as if the product has launched", clip(w)), "the present or past tense")
			hit = true
		}
	}
	// A capitalised -ly word inside a sentence is a name ("Kelly").
	// A hyphenated word ending in -ly ("read-only", "user-friendly") is an
	// adjective.
	adverb := !acronym && n > 4 && lower > 0 && hasSuffix(key, "ly") && flags&fNotAdverb == 0 && (upper == 0 || s.sentWords == 1) &&
		strings.IndexByte(w, '-') < 0
	if adverb && !hit && s.active(rAdverb) {
		s.emit(rAdverb, st, e, fmt.Sprintf("adverb %q; a stronger verb or a number says more", clip(w)), "delete it, or use a stronger verb")
	}

	// Passive voice: a form of "be", at most three words such as "not",
	// "very" or an adverb, then a past participle.
	isBe := flags&fBe != 0
	if s.beActive && !isBe {
		participle := flags&fParticiple != 0 || n >= 4 && hasSuffix(key, "ed") && flags&fAdjective == 0 && !digit
		switch {
		case !participle && flags&fAdjective != 0 && hasSuffix(key, "ed"):
			// "Owners are worried" describes them; "worried by the cost"
			// is passive. The next word decides.
			s.adjBy, s.hasAdjBy = span{s.beStart, e}, true
			s.beActive = false
		case participle:
			if s.active(rPassive) {
				s.emit(rPassive, s.beStart, e, fmt.Sprintf("passive voice %q; say who does it", clip(t[s.beStart:e])), "the active voice")
			}
			s.beActive = false
		case (flags&fGap != 0 || adverb) && s.beGap < 3:
			s.beGap++
		default:
			s.beActive = false
		}
	}
	if isBe && !s.beActive {
		s.beActive, s.beStart, s.beGap = true, st, 0
	}

	// Comparatives: "faster", or "more"/"less" before an adjective.
	if s.hasMore {
		s.hasMore = false
		if adjectiveLike(key) {
			s.comparative(s.more.s, e)
		}
	}
	if flags&fComparative != 0 && !s.prevNoOrAny {
		s.comparative(st, e)
	}
	if flags&fMoreLess != 0 {
		s.more, s.hasMore = span{st, e}, true
	}
	s.prevNoOrAny = flags&fNoBefore != 0
	s.prevFlags = flags
	if digit {
		s.prevFlags |= fNumber
	}
}

// pending settles the findings that waited for the word after them: a
// clause opening with "So", an "It is ... that" opener, and an adjective
// after "be" that "by" turns into a passive.
func (s *scanner) pending(st, e int, key []byte, flags wflag, digit bool) {
	t := s.text
	w := t[st:e]
	if s.hasMost {
		s.hasMost = false
		m := t[s.most.s:s.most.e]
		// "At most 5" and "at most two" bound a number; they are not vague.
		// "Frequently asked questions" is a name.
		if equalFold(m, "frequently") && !equalFold(w, "asked") ||
			!equalFold(m, "frequently") && !adjectiveLike(key) && flags&(fGap|fComparative|fNumber) == 0 && !digit {
			s.emit(rWeasel, s.most.s, s.most.e, fmt.Sprintf("%q is vague; say how many or how much", clip(t[s.most.s:s.most.e])), "a number, or the share")
		}
	}
	if s.hasSo {
		s.hasSo = false
		// "So far", "so that", "so many" are not the filler "so".
		if !equalFold(w, "far") && !equalFold(w, "that") && !equalFold(w, "much") && !equalFold(w, "many") &&
			!equalFold(w, "few") && !equalFold(w, "long") && s.active(rWordy) {
			s.emit(rWordy, s.so.s, s.so.e, fmt.Sprintf("%q opening a sentence adds nothing", clip(t[s.so.s:s.so.e])), "delete it")
		}
	}
	if s.hasAdjBy {
		s.hasAdjBy = false
		if equalFold(w, "by") && s.active(rPassive) {
			s.emit(rPassive, s.adjBy.s, s.adjBy.e, fmt.Sprintf("passive voice %q; say who does it", clip(t[s.adjBy.s:s.adjBy.e])), "the active voice")
		}
	}
	if s.hasIt {
		switch {
		case flags&fClauseLink != 0:
			s.hasIt = false
			if s.active(rWordy) {
				s.emit(rWordy, s.itStart, e, fmt.Sprintf("%q delays the subject", clip(t[s.itStart:e])), "start with the subject and its verb")
			}
		case digit || flags&(fDeterminer|fBe) != 0 || s.itGap >= 3:
			s.hasIt = false
		default:
			s.itGap++
		}
	}
}

func (s *scanner) comparative(st, e int) {
	if s.ncomps < len(s.comps) {
		s.comps[s.ncomps] = span{st, e}
		s.ncomps++
	}
}

// matches reports whether the last len(words) words read are words.
func (s *scanner) matches(words []string) bool {
	k := len(words)
	for j, w := range words {
		sp := s.ring[(s.nring-k+j)%maxPhraseWords]
		if !equalFold(s.text[sp.s:sp.e], w) {
			return false
		}
	}
	return true
}

func (s *scanner) phraseFinding(r ruleID, st, e int, suggest string) bool {
	if r == rFuture && !s.cfg.launch {
		return false
	}
	if !s.active(r) {
		return true
	}
	// The phrase replaces what its first words were flagged for on their
	// own: "nearly all" is one weasel, not two.
	for k := len(s.out) - 1; k >= s.base && s.out[k].Start >= st; k-- {
		if f := s.out[k]; f.End <= e && wordRules[f.Rule] {
			s.out = append(s.out[:k], s.out[k+1:]...)
		}
	}
	if s.hasIt && st <= s.itStart {
		s.hasIt = false // "It is widely believed that" is one finding, not two
	}
	p := clip(s.text[st:e])
	switch r {
	case rFuture:
		s.emit(r, st, e, fmt.Sprintf("%q is future tense; write the press release as if the product has launched", p), suggest)
	case rHedging:
		s.emit(r, st, e, fmt.Sprintf("%q hedges; say what you know, or what you do not know yet and how you will find out", p), suggest)
	case rWeasel:
		s.emit(r, st, e, fmt.Sprintf("%q is vague; give the number", p), suggest)
	case rHype:
		s.emit(r, st, e, fmt.Sprintf("%q is a cliché that claims instead of showing; say what the customer gets", p), "the fact or number behind it")
	default:
		s.emit(r, st, e, fmt.Sprintf("%q is wordy", p), suggest)
	}
	return true
}

func (s *scanner) hedge(st, e int) {
	s.emit(rHedging, st, e, fmt.Sprintf("%q hedges; say what you know, or what you do not know yet and how you will find out", clip(s.text[st:e])), "")
}

// wordRules are the rules that flag single words.
var wordRules = map[string]bool{RuleWeaselWord: true, RuleHype: true, RuleHedging: true, RuleWordyPhrase: true, RuleAdverb: true}

func (s *scanner) wordFinding(ent *entry, st, e, upper int) bool {
	w := s.text[st:e]
	// "May" inside a sentence is the month.
	if ent.rule == rHedging && upper > 0 && s.sentWords > 1 && (w == "May" || w == "MAY") {
		return false
	}
	// "Three things" and "5 tons" are counted, not vague.
	if ent.rule == rWeasel && s.prevFlags&fNumber != 0 {
		return false
	}
	// "Most" and "frequently" wait for the next word. "The most" and "our
	// most" are superlatives, not a vague share.
	most := equalFold(w, "most")
	if ent.rule == rWeasel && (most || equalFold(w, "frequently")) {
		if !(most && s.prevFlags&fDeterminer != 0) && s.active(rWeasel) {
			s.most, s.hasMost = span{st, e}, true
		}
		return true
	}
	if !s.active(ent.rule) {
		return true
	}
	w = clip(w)
	switch ent.rule {
	case rWeasel:
		s.emit(rWeasel, st, e, fmt.Sprintf("%q is vague; say how many or how much", w), "a number")
	case rHype:
		s.emit(rHype, st, e, fmt.Sprintf("%q claims instead of showing; say what the customer gets", w), "the fact or number behind it")
	case rHedging:
		if equalFold(w, "could") {
			s.could, s.hasCould = span{st, e}, true
			return true
		}
		s.hedge(st, e)
	case rWordy:
		s.emit(rWordy, st, e, fmt.Sprintf("%q is wordy", w), ent.suggest)
	case rAdverb:
		s.emit(rAdverb, st, e, fmt.Sprintf("%q pads the sentence; a stronger verb or a number says more", w), "delete it")
	default:
		return false
	}
	return true
}

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
	s.emit(rAcronym, st, e, fmt.Sprintf("acronym %q is used before it is defined", a),
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

func (s *scanner) ringWord(k int) string {
	sp := s.ring[k%maxPhraseWords]
	return s.text[sp.s:sp.e]
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

func adjectiveLike(w []byte) bool {
	for _, suf := range [...]string{"able", "ible", "ful", "ive", "ent", "ant", "ic", "al", "ous", "ly", "ed", "ate", "ure"} {
		if hasSuffix(w, suf) && len(w) > len(suf)+1 {
			return true
		}
	}
	return false
}

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
	finding.Sort(s.out[s.base:])
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
		from := at
		for ; at < f.Start && at < len(t); at++ {
			c := t[at]
			switch {
			case c == '\n':
				line, col = line+1, 1
			case c&0xC0 != 0x80: // count characters, not continuation bytes
				col++
			}
		}
		s.steps += at - from
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
