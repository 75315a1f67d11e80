package prfaq

import (
	"strings"
)

// word reads the word t[st:e]: it counts it for readability and applies
// the word-level rules.
func (s *scanner) word(w *wordInfo) {
	st, e := w.st, w.e
	s.count(w)
	if s.cfg == nil {
		return
	}
	s.facts(w)
	s.ring[s.nring%maxPhraseWords] = span{st, e}
	s.ringEnt[s.nring%maxPhraseWords] = w.ent
	s.nring++
	if s.hasCould {
		// "could not" is past inability, not a hedge.
		s.hasCould = false
		if !equalFold(w.text, "not") && !equalFold(w.text, "never") {
			s.hedge(s.could.s, s.could.e)
		}
	}
	// Most words settle nothing pending, open no clause, start no passive
	// and compare nothing: the checks below skip the calls for them.
	if s.hasMost || s.hasSo || s.hasAdjBy || s.hasIt {
		s.pending(w)
	}
	s.repeated(w)
	acronym := false
	// A word of the lexicon in capitals ("NOT", "NEVER") is emphasis, not
	// an acronym.
	if w.upper >= 2 && w.upper <= 6 && (w.ent == nil || w.ent.plain() || w.lower > 0 || w.digit) {
		if a, ok := acronymOf(w.text); ok {
			acronym = true
			s.acronym(st, e, a)
		}
	}
	if s.clauseWords <= 2 {
		s.openers(w)
	}
	hit := !acronym && w.ent != nil && s.lexiconRules(w)
	// A capitalised -ly word inside a sentence is a name ("Kelly"). A
	// hyphenated word ending in -ly ("read-only", "user-friendly") is an
	// adjective.
	adverb := !acronym && w.n > 4 && w.lower > 0 && hasSuffix(s.key[:w.n], "ly") && w.flags&fNotAdverb == 0 &&
		(w.upper == 0 || s.sentWords == 1) && strings.IndexByte(w.text, '-') < 0
	if adverb && !hit && s.active(rAdverb) {
		s.emit(rAdverb, st, e, msg("adverb ", w.text, "; a stronger verb or a number says more"), "delete it, or use a stronger verb")
	}
	if s.beActive || w.flags&fBe != 0 {
		s.passive(w, adverb)
	}
	if s.hasMore || w.flags&(fComparative|fMoreLess) != 0 {
		s.comparatives(w)
	}
	s.prevNoOrAny = w.flags&fNoBefore != 0
	s.prevFlags = w.flags
	if w.digit {
		s.prevFlags |= fNumber
	}
}

// wordInfo is what the tokenizer learns about one word as it reads it.
type wordInfo struct {
	st, e               int
	text                string // the word as written
	n                   int    // the length of the word in lower case, in the scanner's key buffer
	upper, lower, other int
	digit, fits         bool
	hash                uint32
	ent                 *entry
	flags               wflag
}

// count advances the word, sentence and paragraph counters and adds the
// word's syllables.
func (s *scanner) count(w *wordInfo) {
	s.words++
	s.sentWords++
	s.clauseWords++
	if s.sentStart < 0 {
		s.sentStart = w.st
	}
	if s.paraStart < 0 {
		s.paraStart = w.st
	}
	s.sentEnd, s.lastEnd = w.e, w.e
	s.lastAbbrev = w.flags&fAbbrev != 0 || (w.upper == 1 && len(w.text) == 1)
	switch {
	case w.digit:
		s.syllables++
	case !w.fits:
		s.syllables += vowelGroups(w.text)
	case w.ent != nil:
		s.syllables += int(w.ent.syllables)
	default:
		// Not in the lexicon as a whole; its parts may be ("state-of-the-art").
		s.syllables += s.syllablesOf(s.key[:w.n], w.hash, w.other > 0)
	}
}

// facts records what Review asks about the whole text: a number, a word
// pointing at today's alternative, the customer's words.
func (s *scanner) facts(w *wordInfo) {
	if w.digit || w.flags&fNumber != 0 {
		s.sentNumber, s.number = true, true
	}
	if w.flags&fAlternative != 0 {
		s.alternative = true
	}
	if s.want != nil && !s.found && w.fits && s.want[string(stem(s.key[:w.n], s.stemBuf[:0]))] {
		s.found = true
	}
}

// repeated flags a word written twice in a row ("the the").
func (s *scanner) repeated(w *wordInfo) {
	t := s.text
	if s.hasPrev && !w.digit && w.flags&fRepeatOK == 0 && equalFold(t[s.prev.s:s.prev.e], w.text) && s.active(rRepeated) {
		s.emit(rRepeated, s.prev.s, w.e, msg("", w.text, " is repeated"), "delete one")
	}
	s.prev, s.hasPrev = span{w.st, w.e}, true
}

// openers notes how a clause opens: "There is" and "There are" delay the
// subject; "So" and "It is" wait for the word after them.
func (s *scanner) openers(w *wordInfo) {
	t := s.text
	if s.clauseWords == 2 && w.flags&fBe != 0 && s.nring >= 2 {
		p := s.ring[(s.nring-2)%maxPhraseWords]
		switch {
		case equalFold(t[p.s:p.e], "there") && s.active(rWordy):
			s.emit(rWordy, p.s, w.e, msg("", t[p.s:w.e], " delays the subject"), "start with the subject and its verb")
		case equalFold(t[p.s:p.e], "it"):
			s.itStart, s.itGap, s.hasIt = p.s, 0, true
		}
	}
	if s.clauseWords == 1 {
		switch {
		case equalFold(w.text, "so"):
			s.so, s.hasSo = span{w.st, w.e}, true
		case equalFold(w.text, "it's") || w.text == "It’s" || w.text == "it’s":
			s.itStart, s.itGap, s.hasIt = w.st, 0, true
		}
	}
}

// lexiconRules applies what the lexicon says about the word: the phrases
// it ends, its own rule, future tense. It reports whether a rule took the
// word.
func (s *scanner) lexiconRules(w *wordInfo) bool {
	ent := w.ent
	if ent == nil {
		return false
	}
	for _, pi := range ent.phrases {
		p := &phrases[pi]
		k := len(p.ents)
		if s.nring < k || !s.matches(p.ents) {
			continue
		}
		first := s.ring[(s.nring-k)%maxPhraseWords].s
		if s.phraseFinding(p.rule, first, w.e, p.suggest) {
			return true
		}
	}
	if ent.rule != noRule && s.wordFinding(ent, w.st, w.e, w.upper) {
		return true
	}
	if w.flags&fFuture != 0 && s.cfg.launch && s.active(rFuture) {
		s.emit(rFuture, w.st, w.e, msg("", w.text, " is future tense; write the press release as if the product has launched"), "the present or past tense")
		return true
	}
	return false
}

// passive finds a form of "be", at most three words such as "not", "very"
// or an adverb, then a past participle.
func (s *scanner) passive(w *wordInfo, adverb bool) {
	t := s.text
	isBe := w.flags&fBe != 0
	if s.beActive && !isBe {
		flags := w.flags
		participle := flags&fParticiple != 0 || w.n >= 4 && hasSuffix(s.key[:w.n], "ed") && flags&fAdjective == 0 && !w.digit
		switch {
		case !participle && flags&fAdjective != 0 && hasSuffix(s.key[:w.n], "ed"):
			// "Owners are worried" describes them; "worried by the cost"
			// is passive. The next word decides.
			s.adjBy, s.hasAdjBy = span{s.beStart, w.e}, true
			s.beActive = false
		case participle:
			if s.active(rPassive) {
				s.emit(rPassive, s.beStart, w.e, msg("passive voice ", t[s.beStart:w.e], "; say who does it"), "the active voice")
			}
			s.beActive = false
		case (flags&fGap != 0 || adverb) && s.beGap < 3:
			s.beGap++
		default:
			s.beActive = false
		}
	}
	if isBe && !s.beActive {
		s.beActive, s.beStart, s.beGap = true, w.st, 0
	}
}

// comparatives collects "faster", or "more"/"less" before an adjective;
// the sentence's end judges them.
func (s *scanner) comparatives(w *wordInfo) {
	if s.hasMore {
		s.hasMore = false
		if adjectiveLike(s.key[:w.n]) {
			s.comparative(s.more.s, w.e)
		}
	}
	if w.flags&fComparative != 0 && !s.prevNoOrAny {
		s.comparative(w.st, w.e)
	}
	if w.flags&fMoreLess != 0 {
		s.more, s.hasMore = span{w.st, w.e}, true
	}
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
		s.emit(rWeasel, st, e, msg("", w, " is vague; say how many or how much"), "a number")
	case rHype:
		s.emit(rHype, st, e, msg("", w, " claims instead of showing; say what the customer gets"), "the fact or number behind it")
	case rHedging:
		if equalFold(w, "could") {
			s.could, s.hasCould = span{st, e}, true
			return true
		}
		s.hedge(st, e)
	case rWordy:
		s.emit(rWordy, st, e, msg("", w, " is wordy"), ent.suggest)
	case rAdverb:
		s.emit(rAdverb, st, e, msg("", w, " pads the sentence; a stronger verb or a number says more"), "delete it")
	default:
		return false
	}
	return true
}

func (s *scanner) hedge(st, e int) {
	s.emit(rHedging, st, e, msg("", clip(s.text[st:e]), " hedges; say what you know, or what you do not know yet and how you will find out"), "")
}

func adjectiveLike(w []byte) bool {
	for _, suf := range [...]string{"able", "ible", "ful", "ive", "ent", "ant", "ic", "al", "ous", "ly", "ed", "ate", "ure"} {
		if hasSuffix(w, suf) && len(w) > len(suf)+1 {
			return true
		}
	}
	return false
}
