package prfaq

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTableFindsEveryLexiconWord(t *testing.T) {
	for w, e := range lexicon {
		assert.Same(t, e, find([]byte(w)), w)
		assert.Positive(t, e.syllables, w)
	}
	assert.Nil(t, find([]byte("shelfwise")))
	assert.Nil(t, find([]byte("stateoftheart")))
}

func TestPhrasesAreIndexedByLastWord(t *testing.T) {
	require.NotEmpty(t, phrases)
	for i, p := range phrases {
		assert.LessOrEqual(t, len(p.ents), maxPhraseWords)
		last := p.ents[len(p.ents)-1]
		require.NotNil(t, last)
		assert.Contains(t, last.phrases, int32(i))
	}
}

func TestWordListsAreClean(t *testing.T) {
	files, err := wordFiles.ReadDir("words")
	require.NoError(t, err)
	listed := map[string]bool{"syllables": true}
	for _, f := range flagLists {
		listed[f.file] = true
	}
	for _, r := range ruleLists {
		listed[r.file] = true
	}
	for _, f := range files {
		name := f.Name()[:len(f.Name())-len(".txt")]
		assert.True(t, listed[name], "words/%s is read", f.Name())
		for _, l := range lines(name) {
			pat, _, _ := strings.Cut(l, "=>")
			assert.Equal(t, pat, strings.ToLower(pat), "words/%s: %q is lower case", f.Name(), l)
		}
	}
}
