package decision

import (
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestParseMarkdownCorpusLayouts reads small records written in the
// layouts found in public decision logs, each a quirk a reader takes in
// stride, field by field.
func TestParseMarkdownCorpusLayouts(t *testing.T) {
	// Front matter as "key:value" lines with no space after the colon
	// is one YAML string; its author meant a key, and the record is read.
	d, _ := readMD(t, "testdata/markdown/corpus/colon-front-matter.md")
	assert.Equal(t, "0003", d.ID)
	assert.Equal(t, "Bundle the viewer with esbuild", d.Title)
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, Date{Year: 2019, Month: 3, Day: 12}, d.Date)
	assert.Contains(t, d.Outcome, "We bundle with esbuild")

	// Options that quote two phrases keep their quotes; the chosen
	// option, quoted once more, names the first of them.
	d, _ = readMD(t, "testdata/markdown/corpus/quoted-pair-options.md")
	assert.Equal(t, []string{`"Links from {page}" and "Links to {page}"`, `"Outgoing" and "Incoming"`, "Use Reviewdog's labels"}, optionNamesOf(d))
	assert.Equal(t, `"Links from {page}" and "Links to {page}"`, d.Chosen)
	assert.Equal(t, []string{"it names the page."}, d.Options[0].Pros)
	assert.Equal(t, []string{"readers mixed them up."}, d.Options[1].Cons)

	// A date alone under the title, in words.
	d, _ = readMD(t, "testdata/markdown/corpus/date-under-title.md")
	assert.Equal(t, "0007", d.ID)
	assert.Equal(t, "Keep session snapshots in the browser", d.Title)
	assert.Equal(t, Date{Year: 2022, Month: 3, Day: 11}, d.Date)
	assert.Equal(t, Accepted, d.Status)
	assert.NotContains(t, d.MoreInformation, "2022", "the date is not more information")

	// A month without its day is that month's first.
	d, _ = readMD(t, "testdata/markdown/corpus/month-under-title.md")
	assert.Equal(t, Date{Year: 2023, Month: 5, Day: 1}, d.Date)

	// "# 23 Title": a record number with no dot; a two-digit year, day
	// first; "Incomplete" is a draft, kept as written.
	d, _ = readMD(t, "testdata/markdown/corpus/bare-number-title.md")
	assert.Equal(t, "0023", d.ID)
	assert.Equal(t, "Ship logs to one place", d.Title)
	assert.Equal(t, Date{Year: 2024, Month: 11, Day: 11}, d.Date)
	assert.Equal(t, Draft, d.Status)
	assert.Equal(t, "🤔 Incomplete", d.StatusText)

	// "Date 09/04/2018", the colon forgotten: 9 April, day first.
	d, _ = readMD(t, "testdata/markdown/corpus/date-without-colon.md")
	assert.Empty(t, d.ID)
	assert.Equal(t, Date{Year: 2018, Month: 4, Day: 9}, d.Date)
	assert.Equal(t, Accepted, d.Status)

	// "Ongoing." is still under way: proposed.
	d, _ = readMD(t, "testdata/markdown/corpus/ongoing-status.md")
	assert.Equal(t, "0042", d.ID)
	assert.Equal(t, Proposed, d.Status)
	assert.Equal(t, "Ongoing.", d.StatusText)

	// "Partially supersedes [ADR 18]": the older record stands in part,
	// so this one amends it; "Partly superseded" is still in force.
	d, _ = readMD(t, "testdata/markdown/corpus/partly-supersedes.md")
	assert.Equal(t, Accepted, d.Status)
	require.NotNil(t, d.Links)
	assert.Equal(t, []string{"0018"}, d.Links.Amends)
	assert.Empty(t, d.Links.Supersedes)
	d, _ = readMD(t, "testdata/markdown/corpus/partly-superseded.md")
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, "Partly superseded", d.StatusText)

	// "Decided:" dates the record (not "Raised:"); "Option 2, to …"
	// names the second option.
	d, _ = readMD(t, "testdata/markdown/corpus/option-number-chosen.md")
	assert.Equal(t, Date{Year: 2021, Month: 7, Day: 9}, d.Date)
	assert.Equal(t, "Option 2: Compile only the bundle, ship the modules as written", d.Chosen)

	// GitHub handles in front matter, which YAML wants quoted; "We've
	// chosen option 2:" names the second option.
	d, _ = readMD(t, "testdata/markdown/corpus/we-have-chosen.md")
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, Date{Year: 2025, Month: 7, Day: 22}, d.Date)
	assert.Equal(t, "Option 2", d.Chosen)
	assert.Contains(t, d.Outcome, "it is easy to undo")

	// Options described after a spaced hyphen, the chosen one named by
	// the words before it: every name is cut there.
	d, _ = readMD(t, "testdata/markdown/corpus/hyphen-options.md")
	assert.Equal(t, []string{"Tidy Records 3", "Short notes"}, optionNamesOf(d))
	assert.Equal(t, "Plain paragraphs, no fixed sections", d.Options[1].Description)
	assert.Equal(t, "Tidy Records 3", d.Chosen)

	// No "Chosen option" line: the outcome names one option in full.
	d, _ = readMD(t, "testdata/markdown/corpus/consensus-outcome.md")
	assert.Equal(t, "Extract a list component from the page pattern", d.Chosen)

	// "Created:" labels the date.
	d, _ = readMD(t, "testdata/markdown/corpus/created-label.md")
	assert.Equal(t, Date{Year: 2021, Month: 9, Day: 17}, d.Date)
}

func TestParseLooseDateMonthWords(t *testing.T) {
	assert.Equal(t, Date{Year: 2023, Month: 10, Day: 1}, parseLooseDate("October 2023"))
	assert.Equal(t, Date{Year: 2023, Month: 9, Day: 1}, parseLooseDate("Sept 2023"))
	assert.True(t, parseLooseDate("Mayor 2023").IsZero(), "a word that starts like a month is none")
	assert.False(t, bareDate("We met in May 2023"))
	assert.True(t, bareDate("8th June 2023"))
	assert.Equal(t, Date{Year: 2018, Month: 4, Day: 10}, parseLooseDate("10/04/18"))
	assert.Equal(t, Date{Year: 2018, Month: 12, Day: 25}, parseLooseDate("12/25/18"), "25 cannot be a month")
	title, num := cleanTitle("2fa for admins")
	assert.Empty(t, num)
	assert.Equal(t, "2fa for admins", title)
}

// TestLoadLogTitleNumberCopied: a record whose title carries another
// record's number (copied with the template) keeps its file's number, so
// the log has no duplicate ids and links by number resolve.
func TestLoadLogTitleNumberCopied(t *testing.T) {
	rec := func(title string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte("# " + title + "\n\nDate: 2018-09-26\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n")}
	}
	fsys := fstest.MapFS{
		"adr/0003-networks.md":  rec("3. Lay out the networks"),
		"adr/0033-ip-ranges.md": rec("3. Lay out the networks"),
	}
	l, err := LoadLog(fsys, "adr")
	require.NoError(t, err)
	require.Len(t, l.Entries, 2)
	assert.Equal(t, "0003", l.Entries[0].Decision.ID)
	assert.Equal(t, "0033", l.Entries[1].Decision.ID)
	_, err = l.Check(Date{Year: 2019, Month: 1, Day: 1}, ReviewOptions{})
	assert.NoError(t, err, "no duplicate id")
}
