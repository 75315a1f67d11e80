package prfaq

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTableFindsEveryLexiconWord(t *testing.T) {
	for w, e := range lexicon {
		assert.Same(t, e, lexLookup([]byte(w), hashOf([]byte(w))), w)
		assert.Positive(t, e.syllables, w)
	}
	assert.Nil(t, lexLookup([]byte("shelfwise"), hashOf([]byte("shelfwise"))))
}

func TestPhrasesAreIndexedByLastWord(t *testing.T) {
	require.NotEmpty(t, phrases)
	for i, p := range phrases {
		assert.LessOrEqual(t, len(p.words), maxPhraseWords)
		last := lexicon[p.words[len(p.words)-1]]
		require.NotNil(t, last)
		assert.Contains(t, last.phrases, int32(i), p.words)
	}
}
