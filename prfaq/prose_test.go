package prfaq

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flagged returns the text each finding of rule covers.
func flagged(text, rule string, opts ReviewOptions) []string {
	var out []string
	for _, f := range ReviewText(text, opts) {
		if f.Rule == rule {
			out = append(out, text[f.Start:f.End])
		}
	}
	return out
}

func TestProseRulesHitsAndMisses(t *testing.T) {
	tests := []struct {
		rule string
		text string
		want []string // nil: the rule must not fire
	}{
		{RuleWeaselWord, "Many customers find it very useful.", []string{"Many", "very"}},
		{RuleWeaselWord, "A lot of shops and a number of owners asked.", []string{"A lot", "a number of"}},
		{RuleWeaselWord, "212 customers asked for it.", nil},
		{RuleWeaselWord, "How many pools could use it? Very many pools could.", []string{"Very", "many"}},
		{RuleHedging, "How many pools could use it?", nil},
		{RuleWeaselWord, "**How many shops sell online?**\n\nMany do.", []string{"Many"}},
		{RuleWeaselWord, "Most customers and some users, nearly all teams.", []string{"Most customers", "some users", "nearly all"}},
		{RuleHype, "A revolutionary, seamless and world-class service.", []string{"revolutionary", "seamless", "world-class"}},
		{RuleHype, "It updates listings within 60 seconds.", nil},
		{RuleHedging, "We believe owners may like it; perhaps they will.", []string{"We believe", "may", "perhaps"}},
		{RuleHedging, "The pilot starts in May with 40 shops.", nil},
		{RuleHedging, "Owners could not keep up. It could fail. It could", []string{"could", "could"}},
		{RuleHedging, "What could go wrong? Might it fail? It may fail.", []string{"may"}},
		{RulePassiveVoice, "The order was cancelled. Listings are updated by the till. It is being built. The code has been written.",
			[]string{"was cancelled", "are updated", "is being built", "been written"}},
		{RulePassiveVoice, "The app was not quickly removed.", []string{"was not quickly removed"}},
		{RulePassiveVoice, "It was very well received. The terms are read aloud.", []string{"was very well received", "are read"}},
		{RulePassiveVoice, "Owners are tired. She was interested. We cancelled it. The shop is open.", nil},
		{RuleAdverb, "Owners quickly and easily connect their tills.", []string{"quickly", "easily"}},
		{RuleAdverb, "The only weekly report is a friendly family reply.", nil},
		{RuleAdverb, "Ask Kelly in Beverly. Gladly it works; Quickly too.", []string{"Gladly"}},
		{RuleSentenceLength, strings.Repeat("word ", 31) + "end. Short one.", []string{strings.Repeat("word ", 31) + "end."}},
		{RuleSentenceLength, strings.Repeat("word ", 29) + "end.", nil},
		{RuleUndefinedAcronym, "The WBR meets weekly. The WBR is long. We track ARR and MRRs.", []string{"WBR", "ARR", "MRRs"}},
		{RuleUndefinedAcronym, "The KPI's owner and EC2 hosts; SaaS is not one.", []string{"KPI's", "EC2"}},
		{RuleUndefinedAcronym, "The Weekly Business Review (WBR) meets weekly. The WBR is long. ISBN (International Standard Book Number) is used. The CEO and the API.", nil},
		{RuleWordyPhrase, "In order to win, we utilize data due to the fact that it helps.", []string{"In order to", "utilize", "due to the fact that"}},
		{RuleWordyPhrase, "We use data to win because it helps.", nil},
		{RuleWordyPhrase, "Going forward, we leverage it. It should be noted that it works.", []string{"Going forward", "leverage", "It should be noted that"}},
		{RuleWordyPhrase, "There are 3 tills. Today there is one.", []string{"There are"}},
		{RuleHype, "It is state of the art and best in class, low-hanging fruit.", []string{"state of the art", "best in class", "low-hanging fruit"}},
		{RuleComparative, "It is faster and more reliable.", []string{"faster", "more reliable"}},
		{RuleComparative, "It is 3 times faster and more reliable than 2025.", nil},
		{RuleComparative, "Owners no longer count. We want more shops.", nil},
		{RuleRepeatedWord, "The the shop is is open.", []string{"The the", "is is"}},
		{RuleWordyPhrase, "So we built it. So far it works; so that is done; so it ships. Owners pay, so it pays.", []string{"So", "so"}},
		{RuleWordyPhrase, "It is not yet known whether it scales. It's clear that it works. It is a tool that helps.", []string{"It is not yet known whether", "It's clear that"}},
		{RuleWordyPhrase, "It was 5 km to the shop. It is the team that decides.", nil},
		{RulePassiveVoice, "Owners are worried by the cost. Owners are worried. The plan is detailed below.", []string{"are worried", "is detailed"}},
		{RulePassiveVoice, "It is no longer supported. It is not yet known. We're told to wait. They're each assigned a shop.", []string{"is no longer supported", "is not yet known", "We're told", "They're each assigned"}},
		{RulePassiveVoice, "Customers were frustrated. We are convinced.", nil},
		{RuleWeaselWord, "Most shops sell online; at most sellers it is obviously fine.", []string{"Most", "most", "obviously"}},
		{RuleWeaselWord, "The most reliable till. What matters most? At most 5, at most two. Our most popular book.", nil},
		{RuleWeaselWord, "We sell stuff and things. We focus on three things.", []string{"stuff", "things"}},
		{RuleWeaselWord, "Frequently asked questions. It fails frequently. It frequently fails.", []string{"frequently", "frequently"}},
		{RuleAdverb, "A read-only, user-friendly mode.", nil},
		{RuleAdverb, "It just works.", []string{"just"}},
		{RuleUndefinedAcronym, "Do NOT ship it. It is VERY fast. The OKR is set.", []string{"OKR"}},
		{RuleUndefinedAcronym, "The Weekly Business Review, or WBR, meets weekly. Return on investment or ROI. Department of Defense DOD.", nil},
		{RuleUndefinedAcronym, "The review, or WBR, meets. We run on AWS. Sales or SQS.", []string{"WBR", "AWS", "SQS"}},
		{RulePassiveVoice, "The price is based on usage. Shops are only charged once.", []string{"is based", "are only charged"}},
		{RuleHype, "It is the tip of the iceberg, a breath of fresh air; we hit the ground running.", []string{"tip of the iceberg", "a breath of fresh air", "hit the ground running"}},
		{RuleComparative, "Phones are quieter and owners happier.", []string{"quieter", "happier"}},
		{RuleRepeatedWord, "He had had enough. It ends. Ends matter.", nil},
		{RuleBulletList, "Intro.\n\n- one\n- two\n\nText.\n\n1. first\n2. second\n", []string{"- ", "1. "}},
		{RuleBulletList, "A - B and 3.5 * 2 are not lists.", nil},
		{RuleWeaselWord, "Use `very` here.\n\n```\nmany = very\n```\n\nSee [the doc](http://x/very) now.", nil},
		{RuleWeaselWord, "```\nvery\n```\nMany left.", []string{"Many"}},
		{RuleSentenceLength, "| a | b | c | d | e | f | g | h |\n| a | b | c | d | e | f | g | h |\n| a | b | c | d | e | f | g | h |\n| a | b | c | d | e | f | g | h |\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule+"/"+tt.text[:min(len(tt.text), 30)], func(t *testing.T) {
			assert.Equal(t, tt.want, flagged(tt.text, tt.rule, ReviewOptions{}))
		})
	}
}

func TestReadabilityRule(t *testing.T) {
	hard := strings.Repeat("Organizational considerations necessitate comprehensive evaluation of infrastructural interdependencies. ", 20)
	fs := ReviewText(hard, ReviewOptions{})
	var got []Finding
	for _, f := range fs {
		if f.Rule == RuleReadability {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1)
	assert.Zero(t, got[0].Start+got[0].End+got[0].Line, "about the whole text")
	assert.Empty(t, flagged(hard[:200], RuleReadability, ReviewOptions{}), "too short to judge")
	easy := strings.Repeat("The cat sat on the mat. ", 40)
	assert.Empty(t, flagged(easy, RuleReadability, ReviewOptions{}))
	assert.NotEmpty(t, flagged(easy, RuleReadability, ReviewOptions{MinReadingEase: 200}), "re-thresholded")
}

func TestFindingPositions(t *testing.T) {
	text := "First line.\nThe café is very good.\n\tIt was built."
	fs := ReviewText(text, ReviewOptions{})
	byRule := map[string]Finding{}
	for _, f := range fs {
		byRule[f.Rule] = f
	}
	v := byRule[RuleWeaselWord]
	assert.Equal(t, "very", text[v.Start:v.End])
	assert.Equal(t, [2]int{2, 13}, [2]int{v.Line, v.Column}, "columns count characters: é is one")
	p := byRule[RulePassiveVoice]
	assert.Equal(t, [2]int{3, 5}, [2]int{p.Line, p.Column})
	for _, f := range fs {
		assert.Empty(t, f.Path)
	}
}

func TestOptionsDisableAndSeverity(t *testing.T) {
	text := "It is very fast."
	require.NotEmpty(t, flagged(text, RuleWeaselWord, ReviewOptions{}))
	assert.Empty(t, flagged(text, RuleWeaselWord, ReviewOptions{Disable: []string{RuleWeaselWord}}))
	fs := ReviewText(text, ReviewOptions{Severity: map[string]Severity{RuleWeaselWord: Error}})
	require.NotEmpty(t, fs)
	assert.Equal(t, Error, fs[0].Severity)
	long := strings.Repeat("word ", 12) + "end."
	assert.Empty(t, flagged(long, RuleSentenceLength, ReviewOptions{}))
	assert.NotEmpty(t, flagged(long, RuleSentenceLength, ReviewOptions{MaxSentenceWords: 10}))
	assert.Empty(t, flagged("The QBR met.", RuleUndefinedAcronym, ReviewOptions{KnownAcronyms: []string{"qbr"}}))
}

func TestEveryRuleCanBeDisabled(t *testing.T) {
	for _, r := range ruleTable {
		cfg := ReviewOptions{Disable: []string{r.ID}}.resolve()
		id, ok := ruleByID(r.ID)
		require.True(t, ok)
		assert.False(t, cfg.on[id], r.ID)
	}
}

func TestMaxFindings(t *testing.T) {
	text := strings.Repeat("very ", 50)
	fs := ReviewText(text, ReviewOptions{MaxFindings: 10, Disable: []string{RuleSentenceLength, RuleReadability, RuleRepeatedWord}})
	require.Len(t, fs, 11)
	last := fs[0]
	for _, f := range fs {
		if f.Rule == RuleTooManyFindings {
			last = f
		}
	}
	assert.Equal(t, RuleTooManyFindings, last.Rule)
	assert.Contains(t, last.Message, "40 more findings")
}

func TestBadInputNoPanic(t *testing.T) {
	inputs := []string{
		"",
		"\x00\x01\x02 very \x7f\x1b[31m",
		"\xff\xfe\xfd very\xc3",
		"e.g.", "...", "'", "-", "’", "WBR(", "(WBR", "1.", "- ", "#",
		strings.Repeat("\n", 1000),
		"<script>alert(1)</script> | **bold** [x](javascript:1)",
	}
	for _, in := range inputs {
		require.NotPanics(t, func() {
			for _, f := range ReviewText(in, ReviewOptions{}) {
				assert.True(t, 0 <= f.Start && f.Start <= f.End && f.End <= len(in), "%q: span %d..%d", in, f.Start, f.End)
			}
			Readability(in)
		}, "%q", in)
	}
}

// steps returns the work ReviewText does on text.
func steps(text string) int {
	return scanField(text, "", ReviewOptions{}.resolve()).steps
}

func TestWorkGrowsLinearly(t *testing.T) {
	// Work is counted, not timed: doubling and tenfolding the input must
	// not more than double and tenfold it, whatever the shape of the text.
	shapes := map[string]string{
		"prose":       "The WBR is very fast and was built by many teams. ",
		"one line":    "word ",
		"one word":    "a",
		"dots":        ". ",
		"spaces":      " ",
		"invalid":     "\xff",
		"acronyms":    "ABC DEF ",
		"be be be":    "is ",
		"newlines":    "\n",
		"bullets":     "- x\n",
		"parentheses": "(ABC) ",
		"backticks":   "` ",
		"links":       "](x ",
		"link pairs":  "](x) ",
		"fences":      "```\nvery\n",
		"tables":      "| very | x |\n",
	}
	for name, unit := range shapes {
		t.Run(name, func(t *testing.T) {
			n := 20_000 / len(unit)
			small := steps(strings.Repeat(unit, n))
			big := steps(strings.Repeat(unit, 10*n))
			assert.LessOrEqual(t, big, 10*small+100, "10× the text, %d vs %d steps", big, small)
		})
	}
}

func TestTenMegabyteLine(t *testing.T) {
	unit := "Owners are very happy with it and the WBR was run by many teams, "
	text := strings.Repeat(unit, 10<<20/len(unit))
	require.Greater(t, len(text), 10_000_000-len(unit))
	var fs []Finding
	require.NotPanics(t, func() { fs = ReviewText(text, ReviewOptions{}) })
	assert.Len(t, fs, DefaultMaxFindings+1, "capped, with one finding saying so")
	assert.Equal(t, 1, Readability(text).Sentences)
	huge := strings.Repeat("x", 10<<20)
	require.NotPanics(t, func() { ReviewText(huge, ReviewOptions{}) })
}

func TestAllocationsFollowFindingsNotWords(t *testing.T) {
	clean := strings.Repeat("Owners sell books in the shop and online. ", 50)
	require.Empty(t, ReviewText(clean, ReviewOptions{}), "the clean text has no findings")
	a := testing.AllocsPerRun(20, func() { ReviewText(clean, ReviewOptions{}) })
	long := strings.Repeat(clean, 10)
	b := testing.AllocsPerRun(20, func() { ReviewText(long, ReviewOptions{}) })
	assert.Equal(t, a, b, "ten times the words, no findings: the same allocations (%v)", a)
}

func TestMessagesClipLongWords(t *testing.T) {
	w := strings.Repeat("é", 100)
	c := clip(w)
	assert.True(t, utf8.ValidString(c))
	assert.Less(t, len(c), 70)
	fs := ReviewText(w+" "+w+".", ReviewOptions{})
	require.NotEmpty(t, fs)
	assert.Equal(t, RuleRepeatedWord, fs[0].Rule)
	assert.Less(t, len(fs[0].Message), 100, fmt.Sprint(len(fs[0].Message)))
}

func TestZeroOptionsAreTheDefaults(t *testing.T) {
	text := narrative(t)
	explicit := ReviewOptions{
		MaxSentenceWords:      DefaultMaxSentenceWords,
		MinReadingEase:        DefaultMinReadingEase,
		MaxGrade:              DefaultMaxGrade,
		MinReadabilityWords:   DefaultMinReadabilityWords,
		MaxFindings:           DefaultMaxFindings,
		PressReleaseMaxWords:  DefaultPressReleaseMaxWords,
		FAQMaxWords:           DefaultFAQMaxWords,
		WordsPerPage:          DefaultWordsPerPage,
		MaxParagraphSentences: DefaultMaxParagraphSentences,
		ExternalTopics:        []Topic{Price, HowItWorks, Support, Availability},
		InternalTopics:        []Topic{MarketSize, UnitEconomics, Dependencies, Assumptions, Risks},
	}
	got := ReviewText(text, ReviewOptions{})
	require.NotEmpty(t, got)
	assert.Equal(t, got, ReviewText(text, explicit))
	d := loadTemplate(t)
	d.ExternalFAQ, d.InternalFAQ = d.ExternalFAQ[:1], d.InternalFAQ[:1]
	assert.Equal(t, Review(d, ReviewOptions{}), Review(d, explicit))
	assert.NotEqual(t, got, ReviewText(text, ReviewOptions{MaxSentenceWords: 10}))
}

func TestDistinctAcronymsBoundMemory(t *testing.T) {
	var b strings.Builder
	for i := range 30_000 {
		fmt.Fprintf(&b, "(%c%c%c) ", 'A'+i%26, 'A'+i/26%26, 'A'+i/676%26)
	}
	s := scanField(b.String(), "", ReviewOptions{}.resolve())
	assert.LessOrEqual(t, len(s.acronyms), maxAcronyms)
	for _, f := range s.out {
		assert.NotEqual(t, RuleUndefinedAcronym, f.Rule, "every acronym is defined where it stands")
	}
}
