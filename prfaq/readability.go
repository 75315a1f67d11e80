package prfaq

import (
	"bytes"
	"math"
	"sync"
)

// Stats are the readability figures of a text.
type Stats struct {
	// Words is the number of words.
	Words int `json:"words"`
	// Sentences is the number of sentences; a text with words and no
	// closing punctuation is one sentence.
	Sentences int `json:"sentences"`
	// Syllables is the number of syllables in all the words.
	Syllables int `json:"syllables"`
	// ReadingEase is the Flesch reading ease: 206.835 − 1.015·(words per
	// sentence) − 84.6·(syllables per word). Higher is easier; 60–70 is
	// plain English, below 30 is very difficult. 0 for a text with no words.
	ReadingEase float64 `json:"readingEase"`
	// Grade is the Flesch–Kincaid grade level: 0.39·(words per sentence) +
	// 11.8·(syllables per word) − 15.59, the US school grade that can read
	// the text. 0 for a text with no words.
	Grade float64 `json:"grade"`
}

// Readability counts the words, sentences and syllables of text and
// computes its Flesch reading ease (Flesch 1948) and Flesch–Kincaid grade
// level (Kincaid et al. 1975). Words and sentences are found the way
// ReviewText finds them; syllables are counted by English spelling rules
// (silent e, -le, -ed, -es, vowel groups, y as a vowel) with a table of
// exceptions, so the counts are estimates, as in every such tool.
func Readability(text string) Stats {
	s := scanner{text: text, syl: sylCaches.Get().(*sylCache)}
	s.run()
	sylCaches.Put(s.syl)
	return s.stats()
}

func (s *scanner) stats() Stats { return scores(s.words, s.sentences, s.syllables) }

// scores applies the two formulas to the counts.
func scores(words, sentences, syllables int) Stats {
	st := Stats{Words: words, Sentences: sentences, Syllables: syllables}
	if st.Words == 0 {
		return st
	}
	if st.Sentences == 0 {
		st.Sentences = 1
	}
	wps := float64(st.Words) / float64(st.Sentences)
	spw := float64(st.Syllables) / float64(st.Words)
	st.ReadingEase = round2(206.835 - 1.015*wps - 84.6*spw)
	st.Grade = round2(0.39*wps + 11.8*spw - 15.59)
	return st
}

// round2 keeps two decimals so results print and compare stably.
func round2(f float64) float64 { return math.Round(f*100) / 100 }

func isVowel(c byte) bool {
	switch c {
	case 'a', 'e', 'i', 'o', 'u':
		return true
	}
	return false
}

// syllables counts the syllables of one lower-case word (ASCII letters,
// apostrophes and hyphens; other bytes count as vowels so accented letters
// form syllables). Every word has at least one.
//
// lookup says whether to consult the lexicon's exceptions; callers that
// have just missed the whole word there skip it for words without parts.
func syllables(w []byte, lookup bool) int {
	total, start := 0, 0
	// Hyphenated words are counted part by part: "state-of-the-art" is four
	// words' worth of syllables.
	for i := 0; i <= len(w); i++ {
		if i == len(w) || w[i] == '-' {
			if i > start {
				total += syllablesPart(w[start:i], lookup || start > 0 || i < len(w))
			}
			start = i + 1
		}
	}
	if total == 0 {
		return 1
	}
	return total
}

func syllablesPart(w []byte, lookup bool) int {
	// A possessive or contraction adds no vowel sound except after
	// sibilants ("boss's"), which is rare enough to ignore.
	if n := len(w); n > 2 && w[n-2] == '\'' {
		w = w[:n-2]
	}
	if n := len(w); n > 1 && w[n-1] == '\'' {
		w = w[:n-1]
	}
	if lookup {
		if e := find(w); e != nil && e.syllables > 0 {
			return int(e.syllables)
		}
	}
	n := len(w)
	if n == 0 {
		return 0
	}
	vowelAt := func(i int) bool {
		c := w[i]
		if c >= 0x80 {
			return true
		}
		if c == 'y' {
			// y is a vowel except first ("yes") or before a vowel ("beyond").
			return i > 0 && (i+1 == n || !isVowel(w[i+1]))
		}
		return isVowel(c)
	}
	count := 0
	prev := false
	for i := 0; i < n; i++ {
		v := vowelAt(i)
		if v && !prev {
			count++
		}
		prev = v
	}
	if n <= 3 {
		return max(count, 1)
	}
	consonant := func(i int) bool { return i >= 0 && i < n && !vowelAt(i) && w[i] != '\'' }
	switch {
	case w[n-1] == 'e':
		// Silent final e ("make"), but not in -le after a consonant
		// ("table") nor where e follows a vowel ("free", "true").
		if w[n-2] == 'l' && consonant(n-3) {
			break
		}
		if consonant(n - 2) {
			count--
		}
	case hasSuffix(w, "es"):
		// "makes" loses the e; "boxes", "places", "pages", "tables" keep it.
		c := w[n-3]
		if c == 'l' && consonant(n-4) {
			break
		}
		if consonant(n-3) && c != 's' && c != 'x' && c != 'z' && c != 'c' && c != 'g' && !hasSuffix(w, "ches") && !hasSuffix(w, "shes") {
			count--
		}
	case hasSuffix(w, "ed"):
		// "walked" loses the e; "wanted", "needed" keep it, as does
		// "settled".
		c := w[n-3]
		if c == 'l' && consonant(n-4) && w[n-4] != 'l' {
			break
		}
		if consonant(n-3) && c != 't' && c != 'd' {
			count--
		}
	case n >= 5 && hasSuffix(w, "ely") && consonant(n-4) && vowelAt(n-5):
		// "lately", "completely": the e before -ly is silent.
		count--
	}
	// Vowel pairs spoken as two syllables ("ratio" aside, which is in the
	// table): -ia-, -io- not after a sibilant sound ("trial", "violin"
	// but "social", "nation"), -ua- ("usual"), -uo-, -eo- ("video").
	for i := 1; i+1 < n; i++ {
		a, b := w[i], w[i+1]
		switch {
		case a == 'i' && (b == 'a' || b == 'o'):
			p := w[i-1]
			switch {
			case p == 'c' || p == 't' || p == 's' || p == 'g' || p == 'x' || p == 'i':
			case p == 'l' && i >= 2 && w[i-2] == 'l': // million, brilliant
			case b == 'o' && p == 'n' && (i+3 == n || (i+4 == n && w[n-1] == 's')) && w[i+2] == 'n': // opinion, union
			default:
				count++
			}
		case a == 'u' && (b == 'a' || b == 'o') && w[i-1] != 'q' && w[i-1] != 'g':
			count++
		case a == 'e' && b == 'o':
			count++
		case a == 'i' && b == 'u' && w[i-1] != 'q': // premium, medium
			count++
		}
	}
	// -ier and -iest after a consonant are two vowels spoken apart
	// ("happier", "busiest", "carrier"); "pier" and "tier" are too short.
	if n >= 6 && (hasSuffix(w, "ier") || hasSuffix(w, "iers") || hasSuffix(w, "iest")) {
		if k := bytes.LastIndexByte(w, 'i'); k > 0 && consonant(k-1) {
			count++
		}
	}
	// -ing after a vowel ("saying") is its own syllable though the letters
	// run together; -ism ends in a syllable of its own ("capitalism").
	if hasSuffix(w, "ing") && n > 4 && vowelAt(n-4) {
		count++
	}
	if hasSuffix(w, "ism") {
		count++
	}
	return max(count, 1)
}

func hasSuffix(s []byte, suf string) bool {
	return len(s) >= len(suf) && string(s[len(s)-len(suf):]) == suf
}

// sylCache remembers the syllables of words the lexicon does not hold: a
// text repeats its words, and a hit costs one probe and one comparison
// where counting costs the spelling rules. Caches are pooled and keep
// their words across texts; an entry is keyed by the word itself, so any
// text may use any cache.
type sylCache [512]struct {
	n   uint8
	syl uint8
	key [15]byte
}

var sylCaches = sync.Pool{New: func() any { return new(sylCache) }}

// syllablesOf counts the syllables of a lower-case word missing from the
// lexicon, with hash h, through the scanner's cache.
func (s *scanner) syllablesOf(w []byte, h uint32, parts bool) int {
	if len(w) > 15 || s.syl == nil {
		return syllables(w, parts)
	}
	c := &s.syl[h&511]
	if int(c.n) == len(w) && string(c.key[:c.n]) == string(w) {
		return int(c.syl)
	}
	n := syllables(w, parts)
	if n < 256 {
		c.n, c.syl = uint8(len(w)), uint8(n)
		copy(c.key[:], w)
	}
	return n
}
