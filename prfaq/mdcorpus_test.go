package prfaq

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readCorpusMD(t *testing.T, name string) *PRFAQ {
	t.Helper()
	data, err := os.ReadFile("testdata/markdown/corpus-" + name)
	require.NoError(t, err)
	d, err := ParseMarkdown(data)
	require.NoError(t, err, name)
	return d
}

func questionsOf(fs []FAQ) []string {
	var qs []string
	for _, f := range fs {
		qs = append(qs, f.Question)
	}
	return qs
}

// TestParseMarkdownCorpusLayouts reads small PR/FAQs written in the
// layouts found in public ones, field by field.
func TestParseMarkdownCorpusLayouts(t *testing.T) {
	// "Press Release & Frequently Asked Questions" spelled out is the
	// document's label, not an FAQ; a heading, a bold line and an italic
	// line are the product name, the headline and the subheadline.
	d := readCorpusMD(t, "spelled-out-title.md")
	assert.Equal(t, "Lantern: Find the Book You Meant to Read", d.Title)
	assert.Equal(t, "Riverside Library Launches Lantern, a Reading List That Remembers Every Title You Mention", d.PressRelease.Headline)
	assert.Equal(t, "Free for every card holder, on the web and on phones", d.PressRelease.Subheadline)
	assert.Equal(t, "PORTLAND, OR", d.PressRelease.Dateline.City)
	assert.Equal(t, Date{Year: 2027, Month: 4, Day: 9}, d.PressRelease.Dateline.LaunchDate)
	assert.Equal(t, []string{"Does Lantern cost anything?", "Can I share my list? Can a friend add to it?"}, questionsOf(d.ExternalFAQ))
	assert.Empty(t, d.InternalFAQ)

	// Bold "Q:" lines with no FAQ heading above them are the FAQ; the
	// paragraph under a bare "PRFAQ" heading is the release, not lost,
	// and no question is taken for the headline.
	d = readCorpusMD(t, "unnamed-faq.md")
	assert.Empty(t, d.PressRelease.Headline)
	assert.Contains(t, d.PressRelease.Summary, "Now small bakeries can plan")
	assert.Equal(t, []string{"Why build this?", "What does it need?"}, questionsOf(d.ExternalFAQ))

	// A paragraph under "# Press Release" is the release.
	d = readCorpusMD(t, "press-release-heading.md")
	assert.Contains(t, d.PressRelease.Summary, "Now choirs can rehearse apart")
	assert.Equal(t, []string{"Does it work with a phone microphone?"}, questionsOf(d.ExternalFAQ))

	// A newswire's "FOR IMMEDIATE RELEASE", the dateline alone on the
	// next line, then the headline as a plain paragraph.
	d = readCorpusMD(t, "for-immediate-release.md")
	assert.Equal(t, "Harbor Ledger Lets Small Marinas Bill Every Slip From One Screen", d.PressRelease.Headline)
	assert.Equal(t, "Duluth, MN", d.PressRelease.Dateline.City)
	assert.Equal(t, Date{Year: 2027, Month: 6, Day: 2}, d.PressRelease.Dateline.LaunchDate)
	assert.True(t, strings.HasPrefix(d.PressRelease.Summary, "Marinas on the lake"), d.PressRelease.Summary)
	assert.Equal(t, "Tove Lind", d.PressRelease.CustomerQuote.Speaker+d.PressRelease.LeaderQuote.Speaker)
	assert.Equal(t, []string{"What does Harbor Ledger cost?", "Can boaters pay by card?"}, questionsOf(d.ExternalFAQ))

	// No dateline, but "Today we're glad to release X" opens a release.
	d = readCorpusMD(t, "announced-today.md")
	assert.Contains(t, d.PressRelease.Headline, "tidecheck")
	assert.Contains(t, d.PressRelease.Summary, "Today we're glad to release")
	assert.Equal(t, []string{"Which tide tables does it read?"}, questionsOf(d.ExternalFAQ))
	data, err := os.ReadFile("testdata/markdown/corpus-announced-today.md")
	require.NoError(t, err)
	assert.True(t, IsMarkdownPRFAQ(data))

	// "Today, releases are cut by hand" in a design doc announces nothing.
	assert.False(t, IsMarkdownPRFAQ([]byte("# Release tooling\n\nToday, releases are cut by hand each week.\n\n## FAQ\n\n### Why not automate?\n\nWe will.\n")))

	// "FOR RELEASE — SEPTEMBER 2027" dates the launch (the month's
	// first); an italic note under the title is no part of the release;
	// a bold "Q:" line answered on the next line, with no "A:".
	d = readCorpusMD(t, "for-release-month.md")
	assert.Equal(t, "Lantern", d.Title)
	assert.Equal(t, "Lantern turns the catalogue into a reading list", d.PressRelease.Headline)
	assert.Equal(t, "Readers can now keep every title they hear about, in one list.", d.PressRelease.Subheadline)
	assert.Equal(t, Date{Year: 2027, Month: 9, Day: 1}, d.PressRelease.Dateline.LaunchDate)
	assert.Empty(t, d.PressRelease.Dateline.City)
	assert.True(t, strings.HasPrefix(d.PressRelease.Summary, "Today the library launched"), d.PressRelease.Summary)
	assert.Equal(t, []string{"Does Lantern cost anything?", "Can I print my list?"}, questionsOf(d.ExternalFAQ))
	assert.Equal(t, "No. It comes with the library card.", d.ExternalFAQ[0].Answer)

	// Datelines in capitals, and a month without its day.
	dl, ok := parseDateline("SEATTLE — MARCH 3, 2027 — Today")
	assert.True(t, ok)
	assert.Equal(t, Date{Year: 2027, Month: 3, Day: 3}, dl.date)
	assert.Equal(t, Date{Year: 2026, Month: 3, Day: 1}, dateOf("March 2026"))

	// A town in ordinary capitals with its state's code, in bold, opens
	// the release; a numbered FAQ whose items hold the question on the
	// first line and the answer under it.
	d = readCorpusMD(t, "numbered-faq.md")
	assert.Equal(t, "Saint Paul, MN", d.PressRelease.Dateline.City)
	assert.True(t, strings.HasPrefix(d.PressRelease.Summary, "Today we're glad"), d.PressRelease.Summary)
	assert.Equal(t, []string{"Do I need a till that exports?", "Does it work offline?"}, questionsOf(d.ExternalFAQ))
	assert.Equal(t, "Yes; most tills sold since 2015 write a daily file.", d.ExternalFAQ[0].Answer)
	_, ok = parseDateline("Hello, world — and more")
	assert.False(t, ok, "a greeting is no town")

	// "Technical FAQ" beside a "Customer FAQ" is the internal one.
	d = readCorpusMD(t, "technical-faq.md")
	assert.Equal(t, "Quayside: A Native Planner for Harbour Masters", d.PressRelease.Headline)
	assert.Equal(t, "Saint John, NB", d.PressRelease.Dateline.City)
	assert.Equal(t, []string{"Does it run without a network?"}, questionsOf(d.ExternalFAQ))
	assert.Equal(t, []string{"Why a native app rather than a web page?"}, questionsOf(d.InternalFAQ))

	// A sentence under a lone date is the summary, not a headline.
	d, err = ParseMarkdown([]byte("# Proof PR/FAQ\n\nMarch 3, 2027\n\nToday Acme launched Proof for bakeries.\n\n## FAQ\n\n### Why?\n\nBread.\n"))
	require.NoError(t, err)
	assert.Empty(t, d.PressRelease.Headline)
	assert.Equal(t, Date{Year: 2027, Month: 3, Day: 3}, d.PressRelease.Dateline.LaunchDate)
	assert.Equal(t, "Today Acme launched Proof for bakeries.", d.PressRelease.Summary)
}
