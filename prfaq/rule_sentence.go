package prfaq

import (
	"fmt"
)

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
					msg("", clip(s.text[c.s:c.e]), " compares without a number; say than what, and by how much"), "")
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

func (s *scanner) comparative(st, e int) {
	if s.ncomps < len(s.comps) {
		s.comps[s.ncomps] = span{st, e}
		s.ncomps++
	}
}
