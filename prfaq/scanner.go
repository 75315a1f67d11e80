package prfaq

import ()

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
	ringEnt                       [maxPhraseWords]*entry
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

	key     [keyCap]byte
	stemBuf [64]byte
	// syl caches syllable counts of words missing from the lexicon; nil
	// means no cache.
	syl *sylCache
}

// scanField scans one field's text with the rules of cfg.
func scanField(text, path string, cfg *config) *scanner {
	s := &scanner{text: text, cfg: cfg, path: path, syl: sylCaches.Get().(*sylCache)}
	// A narrative has about one finding per 400 bytes; room for them up
	// front saves growing the slice as they come.
	s.out = make([]Finding, 0, min(len(text)/400+4, 4096))
	s.run()
	s.finish()
	sylCaches.Put(s.syl)
	s.syl = nil
	return s
}
