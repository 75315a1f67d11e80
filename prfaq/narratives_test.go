package prfaq

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// minPrecision is the share of ReviewText's findings on the hand-marked
// narratives that the marking agrees with. Style rules are judgement calls
// ("automatically" in "the refund is issued automatically" is an -ly adverb
// that carries meaning), so a few findings are left unmarked on purpose.
const minPrecision = 0.9

// The narratives under testdata/narratives were written for this package
// (a six-page memo, a press release full of hype and hedging, a design doc
// full of acronyms and passives, a team update, an FAQ) and marked by hand, each
// finding judged on its own. For the record, write-good 1.0.8 (npm), run
// on the same six texts (these five and testdata/memo.md) with every
// default check, flagged 105 spans; ReviewText finds 91 of them, and the 14
// it does not are judged false positives of write-good:
//
//	check     write-good  also found  the rest
//	passive        52         52
//	weasel          9          9
//	adverb         17         12      "only" 4 times ("deleted only after it has been processed"),
//	                                  "things" in "three things"
//	tooWordy       19         10      "it is"/"it was" with "it" a pronoun, 8 times ("before it is
//	                                  locked"), and "it is time to" inside a sentence
//	illusion        2          2
//	so              3          3
//	thereIs         2          2
//	cliches         1          1
//
// ReviewText also finds what write-good has no rule for: undefined acronyms,
// long sentences, hedging, hype, comparatives without a number, and
// passives with a word between "be" and the participle ("is not yet known").
func TestHandMarkedNarratives(t *testing.T) {
	files, err := filepath.Glob("testdata/narratives/*.md")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	perRule := map[string][2]int{} // rule: marked, found
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			b, err := os.ReadFile(name)
			require.NoError(t, err)
			text := string(b)
			want := readExpected(t, strings.TrimSuffix(name, ".md")+".expected")
			var got []string
			for _, f := range ReviewText(text, ReviewOptions{}) {
				if f.End > f.Start {
					got = append(got, markOf(f.Rule, text[f.Start:f.End]))
				}
			}
			left := map[string]int{}
			for _, g := range got {
				left[g]++
			}
			var missed []string
			for _, w := range want {
				rule, _, _ := strings.Cut(w, "\t")
				c := perRule[rule]
				c[0]++
				if left[w] > 0 {
					left[w]--
					c[1]++
				} else {
					missed = append(missed, w)
				}
				perRule[rule] = c
			}
			assert.Empty(t, missed, "hand-marked findings ReviewText missed")
			var unexpected []string
			for g, n := range left {
				for range n {
					unexpected = append(unexpected, g)
				}
			}
			sort.Strings(unexpected)
			precision := float64(len(got)-len(unexpected)) / float64(max(len(got), 1))
			t.Logf("%d findings, %d hand-marked, precision %.2f; not marked: %q", len(got), len(want), precision, unexpected)
			assert.GreaterOrEqual(t, precision, minPrecision, "unmarked findings: %q", unexpected)
		})
	}
	rules := make([]string, 0, len(perRule))
	for r := range perRule {
		rules = append(rules, r)
	}
	sort.Strings(rules)
	for _, r := range rules {
		t.Logf("recall %-26s %d of %d", r, perRule[r][1], perRule[r][0])
	}
}

// markOf writes a finding the way the .expected files do: a sentence by
// its first six words.
func markOf(rule, span string) string {
	if rule == RuleSentenceLength {
		w := strings.Fields(span)
		span = strings.Join(w[:min(6, len(w))], " ") + " …"
	}
	return rule + "\t" + span
}

func readExpected(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	require.NoError(t, err)
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		rule, span, ok := strings.Cut(line, "\t")
		require.True(t, ok, "%s: %q has no tab", name, line)
		require.Contains(t, ruleIDs(), rule, "%s: unknown rule", name)
		out = append(out, markOf(rule, strings.TrimSuffix(span, " …")))
	}
	require.NoError(t, sc.Err())
	return out
}

func ruleIDs() []string {
	var ids []string
	for _, r := range Rules() {
		ids = append(ids, r.ID)
	}
	return ids
}

// TestReadabilityAgainstTextReadability compares Readability with the npm
// package text-readability 1.1.1, which counts syllables with the npm
// package syllable 5, on the hand-marked narratives. Their figures were
// taken with each Markdown heading given a period and white space
// collapsed, so that both split the text the same way where they can.
//
// The formulas agree: on the same counts, both give 206.835 − 1.015·wps −
// 84.6·spw and 0.39·wps + 11.8·spw − 15.59 (text-readability rounds wps and
// spw to one decimal first, which moves its reading ease by up to 4
// points). The counts differ for three reasons:
//
//   - Sentences: text-readability drops "sentences" of two words or fewer
//     (the headings "Risks", "Why now"), and splits only where the next
//     character is a capital, so a sentence opening with a quotation mark
//     runs on into the one before, as does a question in bold
//     ("**Who is the customer?**"). Readability ends a sentence at every
//     heading, before an opening quote and after closing emphasis.
//   - Syllables of numbers: syllable counts "212" and "£29" as none,
//     Readability as one. In memo.md its 25 numbers add 25 syllables and
//     three words take 3 away: 905 against 883.
//   - Syllables of words: they disagree on 13 words of the five texts;
//     by Merriam-Webster Readability is right on 12 ("locked", "matched",
//     "switched", "proud" and "large" are one syllable, "crashes",
//     "launches" and "evening" two, "publishes", "overwhelmed" and
//     "marketplace's" three, "experience" four) and both are wrong on
//     "CEO" (three, spelled out).
//
// Words agree exactly. The figures below are kept as a regression check;
// syllables must stay within 3% of syllable's count.
func TestReadabilityAgainstTextReadability(t *testing.T) {
	tests := []struct {
		file string
		want Stats
		// text-readability and syllable: words, sentences, syllables,
		// reading ease, grade.
		trWords, trSentences, trSyllables int
		trEase, trGrade                   float64
	}{
		{"testdata/memo.md", Stats{666, 41, 905, 75.39, 6.78}, 666, 38, 883, 79.09, 6.6},
		{"testdata/narratives/sixpager.md", Stats{584, 35, 827, 70.1, 7.63}, 584, 31, 816, 69.31, 8.3},
		{"testdata/narratives/press-release.md", Stats{261, 18, 404, 61.17, 8.33}, 261, 14, 405, 52.6, 10.5},
		{"testdata/narratives/design-doc.md", Stats{483, 32, 720, 65.4, 7.89}, 483, 26, 714, 61.06, 9.4},
		{"testdata/narratives/team-update.md", Stats{328, 23, 454, 75.26, 6.3}, 328, 23, 446, 73.88, 6.5},
		{"testdata/narratives/faq.md", Stats{277, 19, 422, 63.15, 8.07}, 277, 9, 414, 48.67, 14.1},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			b, err := os.ReadFile(tt.file)
			require.NoError(t, err)
			got := Readability(string(b))
			assert.Equal(t, tt.want, got)
			assert.Equal(t, tt.trWords, got.Words)
			assert.InEpsilon(t, tt.trSyllables, got.Syllables, 0.03)
			assert.Equal(t, scores(got.Words, got.Sentences, got.Syllables), got, "the published formulas on the counts")
		})
	}
}
