package prfaq

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Syllables counted by hand from dictionary hyphenation (Merriam-Webster),
// grouped by the spelling rule each word exercises.
var handCounted = map[string]int{
	// one-syllable words and vowel groups
	"the": 1, "a": 1, "cat": 1, "book": 1, "shop": 1, "boat": 1, "through": 1, "day": 1, "says": 1, "said": 1,
	// silent final e
	"make": 1, "time": 1, "whole": 1, "there": 1, "care": 1, "sale": 1, "because": 2, "service": 2, "create": 2,
	// -le after a consonant is a syllable
	"table": 2, "simple": 2, "people": 2, "little": 2, "able": 2, "settled": 2, "tables": 2,
	// -ed
	"walked": 1, "used": 1, "played": 1, "tried": 1, "wanted": 2, "needed": 2, "created": 3, "launched": 1, "cancelled": 2,
	// -es
	"makes": 1, "times": 1, "goes": 1, "boxes": 2, "places": 2, "pages": 2, "changes": 2, "wishes": 2, "uses": 2,
	// y as a vowel and as a consonant
	"happy": 2, "yes": 1, "beyond": 2, "platypus": 3, "hybrid": 2, "every": 2, "player": 2, "saying": 2,
	// vowel pairs spoken apart, and ones that are not
	"trial": 2, "media": 3, "usual": 3, "video": 3, "radio": 3, "nation": 2, "social": 2, "million": 2,
	"opinion": 3, "quality": 3, "language": 2, "being": 2, "seeing": 2, "reptilian": 4, "australian": 4,
	// longer words and suffixes
	"customer": 3, "customers": 3, "independent": 4, "marketplace": 3, "seemingly": 3, "completely": 3,
	"lately": 2, "rely": 2, "statement": 2, "experience": 4, "capitalism": 5, "creature": 2, "mammal": 2,
	"state-of-the-art": 4, "don't": 1, "shop's": 1, "readability": 5, "information": 4,
	// -ier, -iest and -ium spoken apart; short words and compounds that are not
	"happier": 3, "busiest": 3, "carrier": 3, "easier": 3, "earlier": 3, "premium": 3, "medium": 3,
	"quietly": 3, "tier": 1, "pier": 1, "use": 1, "warehouse": 2, "evening": 2,
}

func TestSyllablesHandCounted(t *testing.T) {
	for w, want := range handCounted {
		assert.Equal(t, want, syllables([]byte(w), true), w)
	}
}

func TestFormulaAgainstPublishedExample(t *testing.T) {
	// Source: the Wikipedia article "Flesch–Kincaid readability tests"
	// grades "The Australian platypus is seemingly a hybrid of a mammal and
	// reptilian creature" at 11.3, counting 13 words and 24 syllables
	// (it reads Aus-tral-ian and rep-til-ian as three syllables each).
	st := scores(13, 1, 24)
	assert.InDelta(t, 11.3, st.Grade, 0.05)
	// Reading ease from the same counts by Flesch's 1948 formula:
	// 206.835 − 1.015·13 − 84.6·24/13 = 37.455.
	assert.InDelta(t, 37.46, st.ReadingEase, 0.005)

	// Our counter follows the dictionary instead (Aus-tra-li-an,
	// rep-til-i-an): 26 syllables, so grade 13.08 and ease 24.44.
	got := Readability("The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.")
	assert.Equal(t, Stats{Words: 13, Sentences: 1, Syllables: 26, ReadingEase: 24.44, Grade: 13.08}, got)
}

func TestReadabilityHandCountedTexts(t *testing.T) {
	// Each text's words, sentences and syllables are counted by hand (the
	// per-word counts are in the comments); the scores then follow from
	// Flesch (1948) and Kincaid et al. (1975), computed here independently.
	tests := []struct {
		name                        string
		text                        string
		words, sentences, syllables int
	}{
		{
			name: "plain",
			// The(1) cat(1) sat(1) on(1) the(1) mat.(1) It(1) was(1) happy(2) there.(1)
			text:  "The cat sat on the mat. It was happy there.",
			words: 10, sentences: 2, syllables: 11,
		},
		{
			name: "press release",
			// Today(2) Shelfwise(2) launches(2) stock(1) sync(1) for(1) independent(4) bookshops.(2)
			// Owners(2) stop(1) counting(2) stock(1) by(1) hand.(1)
			text:  "Today Shelfwise launches stock sync for independent bookshops. Owners stop counting stock by hand.",
			words: 14, sentences: 2, syllables: 23,
		},
		{
			name: "abbreviations and decimals do not end sentences",
			// We(1) met(1) Dr.(1) Lee(1) at(1) 9.30,(1) e.g.(1) before(2) lunch.(1)
			text:  "We met Dr. Lee at 9.30, e.g. before lunch.",
			words: 9, sentences: 1, syllables: 10,
		},
		{
			name: "questions and exclamations",
			// Why(1) wait?(1) Start(1) now!(1) Really?(2)
			text:  "Why wait? Start now! Really?",
			words: 5, sentences: 3, syllables: 6,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Readability(tt.text)
			require.Equal(t, tt.words, got.Words, "words")
			require.Equal(t, tt.sentences, got.Sentences, "sentences")
			require.Equal(t, tt.syllables, got.Syllables, "syllables")
			wps := float64(tt.words) / float64(tt.sentences)
			spw := float64(tt.syllables) / float64(tt.words)
			assert.InDelta(t, 206.835-1.015*wps-84.6*spw, got.ReadingEase, 0.005)
			assert.InDelta(t, 0.39*wps+11.8*spw-15.59, got.Grade, 0.005)
		})
	}
}

func TestReadabilityEdges(t *testing.T) {
	// "rely" once read past the start of the word in the -ely rule.
	assert.Equal(t, 5, Readability("We rely on it.").Syllables) // We(1) re-ly(2) on(1) it(1)
	assert.Equal(t, Stats{}, Readability(""))
	assert.Equal(t, Stats{}, Readability("  \n\t...!?"))
	one := Readability("Launch")
	assert.Equal(t, 1, one.Sentences, "words without closing punctuation are one sentence")
	assert.Equal(t, 1, Readability("\xff\xfe broken").Words, "invalid UTF-8 separates words")
	assert.Equal(t, 2, Readability("café naïve").Words)
	long := strings.Repeat("word ", 1000)
	assert.Equal(t, 1000, Readability(long).Words)
}
