package prfaq

import (
	"strconv"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schematest"
)

// TestIsQuestionAgrees compares isQuestion with the pattern the schema
// states, on strings of both marks, the white space the pattern allows
// after them, other white space, the bytes of the full-width mark alone
// and invalid UTF-8.
func TestIsQuestionAgrees(t *testing.T) {
	alphabet := []string{"?", "？", " ", "\t", "\r", "\n", "\u00a0", "a", "\xef", "\xbc", "\x9f", "\xff"}
	schematest.MatcherAgrees(t, questionMark, isQuestion, alphabet, 40, "Why?", "Why？ \n", "\xef?")
}

// FuzzIsQuestion compares isQuestion with the pattern on any text.
func FuzzIsQuestion(f *testing.F) {
	for _, s := range []string{"Why?", "Why？\n", "Why? \u00a0", "?\xef\xbc", "no"} {
		f.Add(s)
	}
	f.Fuzz(schematest.FuzzMatcher(questionMark, isQuestion))
}

// TestIndexPaths checks the shared pointers of the first entries and the
// ones spelled per call past them.
func TestIndexPaths(t *testing.T) {
	for _, i := range []int{0, 9, 10, 31, 32, 100} {
		want := "/externalFaq/" + strconv.Itoa(i) + "/answer"
		if got := externalAnswerPaths.at(i); got != want {
			t.Fatalf("at(%d) = %q, want %q", i, got, want)
		}
	}
}
