package prfaq

import (
	"embed"
	"encoding/binary"
	"strconv"
	"strings"
)

// wflag marks the roles a word plays in the prose rules. One map lookup per
// word gives all of them.
type wflag uint32

const (
	fBe          wflag = 1 << iota // a form of "to be" that can start a passive
	fParticiple                    // an irregular past participle
	fAdjective                     // an -ed word that is an adjective after "be"
	fNotAdverb                     // an -ly word that is not an adverb
	fGap                           // may stand between "be" and the participle
	fComparative                   // a comparative that wants a number
	fMoreLess                      // "more"/"less": comparative before an adjective
	fNumber                        // a number written as a word
	fAbbrev                        // an abbreviation whose period ends no sentence
	fRepeatOK                      // may be doubled ("had had", "that that")
	fStop                          // a function word, ignored when matching the customer
	fFuture                        // future tense: will, shall, won't
	fNoBefore                      // "no"/"any": "no longer" is no comparative
	fAlternative                   // names or points at what customers do today
	fDeterminer                    // "the", "our": "the most" is a superlative, not a vague quantity
	fClauseLink                    // "that", "whether", "to": ends an empty "it is ..." opener
)

// entry is what the lexicon knows about one lower-case word.
type entry struct {
	flags wflag
	// rule is the single-word rule the word triggers, or noRule.
	rule ruleID
	// suggest is the shorter or plainer word, for wordy words.
	suggest string
	// syllables overrides the counting rules when non-zero.
	syllables int8
	// phrases are the multi-word phrases that end with this word.
	phrases []int32
}

const noRule ruleID = 255

// plain reports whether the lexicon holds e only as an inner word of a
// phrase: for every rule but phrase matching, such a word is unknown.
func (e *entry) plain() bool { return e.flags == 0 && e.rule == noRule && len(e.phrases) == 0 }

// phrase is a multi-word pattern, matched on whole words, case-insensitively.
type phrase struct {
	// ents are the lexicon entries of the phrase's words, in order: the
	// scanner matches a phrase by comparing the entries of the words it
	// has just read, never their text.
	ents    []*entry
	rule    ruleID
	suggest string
}

var (
	lexicon map[string]*entry
	phrases []phrase
)

func get(w string) *entry {
	e := lexicon[w]
	if e == nil {
		e = &entry{rule: noRule}
		lexicon[w] = e
	}
	return e
}

func mark(f wflag, words string) {
	for _, w := range strings.Fields(words) {
		get(w).flags |= f
	}
}

// addPhrases reads "phrase => suggestion" lines; a single word becomes a
// single-word rule.
func addPhrases(r ruleID, lines string) {
	for _, line := range strings.Split(lines, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		pat, sug, _ := strings.Cut(line, "=>")
		ws := strings.Fields(pat)
		sug = strings.TrimSpace(sug)
		if len(ws) == 1 {
			e := get(ws[0])
			e.rule, e.suggest = r, sug
			continue
		}
		ents := make([]*entry, len(ws))
		for i, w := range ws {
			ents[i] = get(strings.ToLower(w))
		}
		phrases = append(phrases, phrase{ents: ents, rule: r, suggest: sug})
		last := ents[len(ents)-1]
		last.phrases = append(last.phrases, int32(len(phrases)-1))
	}
}

// maxPhraseWords bounds the look-back ring of the scanner.
const maxPhraseWords = 8

// words holds the word lists, one file per list, so they can be read and
// changed without reading Go. Lists of words with a role (flags) hold
// words separated by white space; lists of a rule hold one word or phrase
// a line with an optional "=> suggestion". Lines starting with # are
// comments.
//
//go:embed words/*.txt
var wordFiles embed.FS

// flagLists names the file of each word role.
var flagLists = []struct {
	file string
	flag wflag
}{
	{"be", fBe}, {"passive-gap", fGap}, {"participles", fParticiple}, {"ed-adjectives", fAdjective},
	{"ly-not-adverbs", fNotAdverb}, {"comparatives", fComparative}, {"more-less", fMoreLess}, {"no-any", fNoBefore},
	{"determiners", fDeterminer}, {"clause-links", fClauseLink}, {"alternatives", fAlternative},
	{"number-words", fNumber}, {"abbreviations", fAbbrev}, {"repeat-ok", fRepeatOK}, {"future", fFuture},
	{"stop-words", fStop},
}

// ruleLists names the file of each rule's words and phrases.
var ruleLists = []struct {
	file string
	rule ruleID
}{
	{"weasel", rWeasel}, {"adverb", rAdverb}, {"hype", rHype}, {"hedging", rHedging}, {"wordy", rWordy},
	{"future-phrases", rFuture},
}

// lines returns the lines of a word file without comments and blank lines.
func lines(name string) []string {
	b, err := wordFiles.ReadFile("words/" + name + ".txt")
	if err != nil {
		panic("prfaq: missing word list " + name) // the files are embedded at build time
	}
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			out = append(out, l)
		}
	}
	return out
}

func init() {
	lexicon = make(map[string]*entry, 1024)
	for _, fl := range flagLists {
		mark(fl.flag, strings.Join(lines(fl.file), " "))
	}
	for _, rl := range ruleLists {
		addPhrases(rl.rule, strings.Join(lines(rl.file), "\n"))
	}
	for _, l := range lines("syllables") {
		w, n, _ := strings.Cut(l, " ")
		k, err := strconv.Atoi(strings.TrimSpace(n))
		if err != nil || k <= 0 || k > 20 {
			panic("prfaq: bad syllable count in words/syllables.txt: " + l)
		}
		get(w).syllables = int8(k)
	}
	// Every lexicon word carries its syllable count, so the scanner's one
	// lookup per word serves readability too; the parts of hyphenated words
	// are looked up, so the table comes first.
	buildTable()
	for w, e := range lexicon {
		if e.syllables == 0 {
			e.syllables = int8(syllables([]byte(w), true))
		}
	}
}

// The scanner looks words up in an open-addressing table rather than the
// map: the hash reads the lower-cased word eight bytes at a time, and a
// slot keeps the word's first eight bytes and length, so a lookup is one
// probe and two integer comparisons for a word of up to eight letters.
type slot struct {
	head uint64 // the key's first eight bytes, zero-padded
	n    int
	key  string
	e    *entry
}

var (
	table     []slot
	tableMask uint32
)

// keyCap is the longest word the lexicon can hold; longer words are looked
// up nowhere.
const keyCap = 64

// hashKey hashes the first n bytes of buf eight at a time, ignoring what
// the buffer holds past n, and returns the first eight bytes zero-padded.
func hashKey(buf *[keyCap]byte, n int) (uint32, uint64) {
	h := uint64(n) * 0x9E3779B97F4A7C15
	var head uint64
	for i := 0; i < n; i += 8 {
		v := binary.LittleEndian.Uint64(buf[i:])
		if r := n - i; r < 8 {
			v &= 1<<(8*uint(r)) - 1
		}
		if i == 0 {
			head = v
		}
		h = (h ^ v) * 0xff51afd7ed558ccd
		h ^= h >> 29
	}
	return uint32(h ^ h>>32), head
}

// find returns the entry of a lower-case word, or nil.
func find(w []byte) *entry {
	if len(w) > keyCap {
		return nil
	}
	var buf [keyCap]byte
	copy(buf[:], w)
	h, head := hashKey(&buf, len(w))
	return lexLookup(w, h, head)
}

// buildTable indexes the lexicon; called once at init, after the lexicon
// is complete.
func buildTable() {
	size := 1
	for size < 4*len(lexicon) {
		size <<= 1
	}
	table = make([]slot, size)
	tableMask = uint32(size - 1)
	for w, e := range lexicon {
		if len(w) > keyCap {
			panic("prfaq: word list entry longer than 64 bytes: " + w)
		}
		var buf [keyCap]byte
		copy(buf[:], w)
		h, head := hashKey(&buf, len(w))
		i := h & tableMask
		for table[i].e != nil {
			i = (i + 1) & tableMask
		}
		table[i] = slot{head: head, n: len(w), key: w, e: e}
	}
}

// lexLookup returns the lexicon entry of the lower-case word w with hash h
// and first eight bytes head, or nil.
func lexLookup(w []byte, h uint32, head uint64) *entry {
	for i := h & tableMask; ; i = (i + 1) & tableMask {
		s := &table[i]
		if s.e == nil {
			return nil
		}
		if s.head == head && s.n == len(w) && (len(w) <= 8 || s.key == string(w)) {
			return s.e
		}
	}
}
