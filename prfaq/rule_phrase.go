package prfaq

import ()

// pending settles the findings that waited for the word after them: a
// clause opening with "So", an "It is ... that" opener, and an adjective
// after "be" that "by" turns into a passive.
func (s *scanner) pending(wi *wordInfo) {
	t := s.text
	w, e, key, flags, digit := wi.text, wi.e, s.key[:wi.n], wi.flags, wi.digit
	if s.hasMost {
		s.hasMost = false
		m := t[s.most.s:s.most.e]
		// "At most 5" and "at most two" bound a number; they are not vague.
		// "Frequently asked questions" is a name.
		if equalFold(m, "frequently") && !equalFold(w, "asked") ||
			!equalFold(m, "frequently") && !adjectiveLike(key) && flags&(fGap|fComparative|fNumber) == 0 && !digit {
			s.emit(rWeasel, s.most.s, s.most.e, msg("", clip(t[s.most.s:s.most.e]), " is vague; say how many or how much"), "a number, or the share")
		}
	}
	if s.hasSo {
		s.hasSo = false
		// "So far", "so that", "so many" are not the filler "so".
		if !equalFold(w, "far") && !equalFold(w, "that") && !equalFold(w, "much") && !equalFold(w, "many") &&
			!equalFold(w, "few") && !equalFold(w, "long") && s.active(rWordy) {
			s.emit(rWordy, s.so.s, s.so.e, msg("", clip(t[s.so.s:s.so.e]), " opening a sentence adds nothing"), "delete it")
		}
	}
	if s.hasAdjBy {
		s.hasAdjBy = false
		if equalFold(w, "by") && s.active(rPassive) {
			s.emit(rPassive, s.adjBy.s, s.adjBy.e, msg("passive voice ", clip(t[s.adjBy.s:s.adjBy.e]), "; say who does it"), "the active voice")
		}
	}
	if s.hasIt {
		switch {
		case flags&fClauseLink != 0:
			s.hasIt = false
			if s.active(rWordy) {
				s.emit(rWordy, s.itStart, e, msg("", clip(t[s.itStart:e]), " delays the subject"), "start with the subject and its verb")
			}
		case digit || flags&(fDeterminer|fBe) != 0 || s.itGap >= 3:
			s.hasIt = false
		default:
			s.itGap++
		}
	}
}

// matches reports whether the last len(words) words read are words,
// comparing lexicon entries rather than text.
func (s *scanner) matches(words []*entry) bool {
	// The last word is the one just read, which indexes the phrase; most
	// phrases that fail do so at the word before it, so compare backwards.
	k := len(words)
	for j := k - 2; j >= 0; j-- {
		if s.ringEnt[(s.nring-k+j)%maxPhraseWords] != words[j] {
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
		s.emit(r, st, e, msg("", p, " is future tense; write the press release as if the product has launched"), suggest)
	case rHedging:
		s.emit(r, st, e, msg("", p, " hedges; say what you know, or what you do not know yet and how you will find out"), suggest)
	case rWeasel:
		s.emit(r, st, e, msg("", p, " is vague; give the number"), suggest)
	case rHype:
		s.emit(r, st, e, msg("", p, " is a cliché that claims instead of showing; say what the customer gets"), "the fact or number behind it")
	default:
		s.emit(r, st, e, msg("", p, " is wordy"), suggest)
	}
	return true
}

func (s *scanner) ringWord(k int) string {
	sp := s.ring[k%maxPhraseWords]
	return s.text[sp.s:sp.e]
}
