package prfaq

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readMarkdown(t *testing.T, name string) (*PRFAQ, []byte) {
	t.Helper()
	data, err := os.ReadFile("testdata/markdown/" + name)
	require.NoError(t, err)
	d, err := ParseMarkdown(data)
	require.NoError(t, err)
	return d, data
}

func questions(faqs []FAQ) []string {
	var out []string
	for _, q := range faqs {
		out = append(out, q.Question)
	}
	return out
}

// TestMarkdownTidewater: a title heading "X PR/FAQ", a "Press Release"
// heading, headline and subheadline as deeper headings, an en-dash
// dateline, quotes attributed with "said", one FAQ heading split into
// customer and internal subsections, and a code block that is not
// structure.
func TestMarkdownTidewater(t *testing.T) {
	d, _ := readMarkdown(t, "tidewater.md")
	pr := d.PressRelease
	assert.Equal(t, "Tidewater", d.Title)
	assert.Equal(t, "Tidewater tells pool owners exactly what to add, before the water turns green", pr.Headline)
	assert.Equal(t, "Homeowners with a backyard pool get a weekly dosing plan from a sensor that floats in the water", pr.Subheadline)
	assert.Equal(t, Dateline{City: "SAN DIEGO, CA", LaunchDate: Date{Year: 2027, Month: time.June, Day: 12}}, pr.Dateline)
	assert.True(t, strings.HasPrefix(pr.Summary, "Tidewater today released a floating sensor"))
	assert.True(t, strings.HasPrefix(pr.Problem, "Pool owners test their water"))
	require.Len(t, pr.Solution, 2)
	assert.True(t, strings.HasPrefix(pr.Solution[1], "Unlike test strips"))
	assert.Equal(t, Quote{Text: "Owners told us they wanted to swim, not run a chemistry lab. Now the plan arrives before the problem does.",
		Speaker: "Marisol Vega", Role: "general manager of Tidewater"}, pr.LeaderQuote)
	assert.Equal(t, "Dan Whitfield", pr.CustomerQuote.Speaker)
	assert.Equal(t, "a pool owner in Chula Vista", pr.CustomerQuote.Role)
	assert.True(t, strings.HasPrefix(pr.GettingStarted, "To get started"))
	assert.Equal(t, "Order at tidewater.example/sensor.", pr.CallToAction)
	assert.Equal(t, []string{"How much does it cost?", "Does it work with saltwater pools?"}, questions(d.ExternalFAQ))
	assert.Equal(t, []string{"How many pools could use it?", "What are the biggest risks?"}, questions(d.InternalFAQ))
	assert.Equal(t, Price, d.ExternalFAQ[0].Topic)
	assert.Equal(t, MarketSize, d.InternalFAQ[0].Topic)
	assert.Equal(t, Risks, d.InternalFAQ[1].Topic)
	assert.NotContains(t, d.ExternalFAQ[1].Answer, "firmware", "code blocks are not read")
	for _, f := range Review(d, ReviewOptions{}) {
		if f.Path == "/internalFaq/0/question" {
			assert.NotEqual(t, RuleWeaselWord, f.Rule, "a question asking how many is not a weasel word")
		}
	}
}

// TestMarkdownHarborDesk: front matter with keys of another tool, a bold
// headline, an italic subheadline, a placeholder dateline, block quotes,
// Q:/A: pairs with a question wrapping over two lines, bold questions with
// answers over paragraphs and a list.
func TestMarkdownHarborDesk(t *testing.T) {
	d, _ := readMarkdown(t, "harbor-desk.md")
	pr := d.PressRelease
	assert.Equal(t, "PRFAQ-2027-003", d.ID)
	assert.Equal(t, []string{"Keiko Tanaka", "Obi Mensah"}, d.Authors)
	assert.Equal(t, Hypothesis, d.Stage)
	assert.Equal(t, "Harbor Desk books a meeting room in the time it takes to walk to it", pr.Headline)
	assert.Equal(t, "Office workers at companies with shared floors find and hold a free room from their phone", pr.Subheadline)
	assert.Equal(t, Dateline{}, pr.Dateline, "[CITY] and [DATE] are placeholders")
	assert.True(t, strings.HasPrefix(pr.Summary, "Harbor Desk today opened room booking"))
	assert.Equal(t, Quote{Text: "We built Harbor Desk because a building should know which of its rooms are empty.",
		Speaker: "Keiko Tanaka", Role: "Head of Product, Harbor Desk"}, pr.LeaderQuote)
	assert.Equal(t, "Ravi Patel", pr.CustomerQuote.Speaker)
	assert.Equal(t, []string{"Which calendars does Harbor Desk read, and what happens when a room is booked in two of them at once?",
		"What does it cost a company?"}, questions(d.ExternalFAQ))
	assert.True(t, strings.HasPrefix(d.ExternalFAQ[0].Answer, "It reads Google"), "the A: is not part of the answer")
	assert.Equal(t, Price, d.ExternalFAQ[1].Topic)
	assert.Equal(t, []string{"What do we depend on?", "Why will buildings agree?"}, questions(d.InternalFAQ))
	assert.Contains(t, d.InternalFAQ[0].Answer, "\n\n- Google allows 10,000 reads a day per building.\n- Microsoft allows 20,000.")
	assert.Equal(t, Dependencies, d.InternalFAQ[0].Topic)
}

// TestMarkdownFieldNotes: a city with no date, one unsplit FAQ of plain
// question lines, a closing section that is not read.
func TestMarkdownFieldNotes(t *testing.T) {
	d, _ := readMarkdown(t, "field-notes.md")
	pr := d.PressRelease
	assert.Equal(t, "Field Notes: voice memos that file themselves", pr.Headline)
	assert.Equal(t, "For farm advisers who visit ten farms a week and write up each visit at night", pr.Subheadline)
	assert.Equal(t, Dateline{City: "NAIROBI, KENYA"}, pr.Dateline)
	assert.Equal(t, "To learn more, visit fieldnotes.example.", pr.CallToAction)
	assert.Equal(t, []string{"Does it work without a signal?", "What languages does it understand?"}, questions(d.ExternalFAQ))
	assert.Empty(t, d.InternalFAQ)
	assert.Empty(t, d.Title, "nothing names the document")
}

// TestMarkdownFiveQuestions: a day-first dateline and the five customer
// questions as a section of the body.
func TestMarkdownFiveQuestions(t *testing.T) {
	d, _ := readMarkdown(t, "five-questions.md")
	assert.Equal(t, Dateline{City: "BRISTOL", LaunchDate: Date{Year: 2027, Month: time.October, Day: 4}}, d.PressRelease.Dateline)
	assert.Equal(t, "Residents of apartment blocks with 50 or more flats and no concierge.", d.Customer.Who)
	assert.Equal(t, "Couriers leave parcels in the lobby, where 1 in 20 goes missing.", d.Customer.Problem)
	assert.True(t, strings.HasPrefix(d.Customer.Evidence, "We surveyed 600"))
	assert.True(t, strings.HasPrefix(d.Customer.Experience, "The courier drops"))
	assert.Equal(t, []string{"Who empties a locker that a resident never opens?"}, questions(d.ExternalFAQ))
}

func TestDatelines(t *testing.T) {
	day := Date{Year: 2027, Month: time.March, Day: 3}
	tests := []struct {
		in   string
		city string
		date Date
		rest string
	}{
		{"SEATTLE, WA — March 3, 2027 — Today we launch.", "SEATTLE, WA", day, "Today we launch."},
		{"SEATTLE, WA – March 3, 2027 – Today we launch.", "SEATTLE, WA", day, "Today we launch."},
		{"SEATTLE, WA -- March 3, 2027 -- Today we launch.", "SEATTLE, WA", day, "Today we launch."},
		{"SEATTLE, WA - March 3, 2027 - Today we launch.", "SEATTLE, WA", day, "Today we launch."},
		{"Seattle, WA, March 3rd, 2027 — Today we launch.", "Seattle, WA", day, "Today we launch."},
		{"LONDON — 3 March 2027 — Today we launch.", "LONDON", day, "Today we launch."},
		{"BERLIN—2027-03-03—Today we launch.", "BERLIN", day, "Today we launch."},
		{"March 3, 2027 — Today we launch.", "", day, "Today we launch."},
		{"SEATTLE — Today we launch.", "SEATTLE", Date{}, "Today we launch."},
		{"[CITY] — [DATE] — Today we launch.", "", Date{}, "Today we launch."},
		{"[City, State] – [Launch date] – Today we launch.", "", Date{}, "Today we launch."},
		{"Seattle — [DATE] — Today we launch.", "Seattle", Date{}, "Today we launch."},
	}
	for _, tt := range tests {
		dl, ok := parseDateline(tt.in)
		require.True(t, ok, tt.in)
		assert.Equal(t, tt.city, tt.in[dl.cityStart:dl.cityEnd], tt.in)
		assert.Equal(t, tt.date, dl.date, tt.in)
		assert.Equal(t, tt.rest, tt.in[dl.end:], tt.in)
	}
	for _, in := range []string{"Today we launch — at last.", "Our team — all five of us — built it.", "It costs $5 - or less."} {
		_, ok := parseDateline(in)
		assert.False(t, ok, in)
	}
}

func TestMarkdownQuestionStyles(t *testing.T) {
	in := `# Headline

CITY — March 3, 2027 — Summary.

## FAQ

**Q: How much does it cost?**
A: Five pounds.

**What if it breaks**?

We replace it.

1. **Is there a trial?**
   Yes, for 30 days.
2. Can I cancel?

   Any time.
`
	d, err := ParseMarkdown([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, []string{"How much does it cost?", "What if it breaks?", "Is there a trial?", "Can I cancel?"}, questions(d.ExternalFAQ))
	assert.Equal(t, "Five pounds.", d.ExternalFAQ[0].Answer)
	assert.Equal(t, "We replace it.", d.ExternalFAQ[1].Answer)
	assert.Equal(t, "Yes, for 30 days.", d.ExternalFAQ[2].Answer)
	assert.Equal(t, "Any time.", d.ExternalFAQ[3].Answer)
}

func TestMarkdownFAQHeadingWords(t *testing.T) {
	for heading, internal := range map[string]bool{"External FAQ": false, "Customer FAQ": false, "Public FAQ": false,
		"Customer questions": false, "Internal FAQ": true, "Stakeholder FAQ": true, "Internal FAQs": true, "Business FAQ": true} {
		d, err := ParseMarkdown([]byte("# H\n\nX — March 3, 2027 — S.\n\n## " + heading + "\n\n### Why?\n\nBecause.\n"))
		require.NoError(t, err, heading)
		if internal {
			assert.Len(t, d.InternalFAQ, 1, heading)
		} else {
			assert.Len(t, d.ExternalFAQ, 1, heading)
		}
	}
}

func TestMarkdownBadInput(t *testing.T) {
	tests := []struct {
		name string
		in   string
		rule string
		line int
	}{
		{"empty", "", RuleEmpty, 1},
		{"blank", "  \n\n\t\n", RuleEmpty, 1},
		{"readme", "# mytool\n\nA command-line tool.\n\n## Install\n\n    go install example.com/mytool@latest\n", RuleNotPRFAQ, 1},
		{"front matter not closed", "---\nid: X\n# Headline\n", RuleSyntax, 1},
		{"front matter syntax", "---\nid: X\nauthors: [a, b\n---\n# H\n", RuleSyntax, 3},
		{"front matter tab", "---\nid: X\n\tstage: x\n---\n# H\n", RuleSyntax, 3},
		{"front matter date", "---\nid: X\ndate: 2026-02-30\n---\n# H\n", RuleFormat, 3},
		{"front matter type", "---\nid: X\nauthors: 5\n---\n# H\n", RuleType, 3},
		{"front matter enum", "---\nid: X\nstage: idea\n---\n# H\n", RuleEnum, 3},
		{"nested quotes", strings.Repeat(">", 10_000) + " deep\n", RuleTooDeep, 1},
		{"nested lists", "# H\n\n" + strings.Repeat("- ", 10_000) + "deep\n", RuleTooDeep, 3},
		{"too large", strings.Repeat("word ", MaxBytes/5+1), RuleTooLarge, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := ParseMarkdown([]byte(tt.in))
			assert.Nil(t, d)
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.Equal(t, "prfaq", ve.Kind)
			require.Len(t, ve.Problems, 1)
			p := ve.Problems[0]
			if tt.rule == RuleType || tt.rule == RuleEnum {
				assert.Contains(t, []string{RuleType, RuleEnum, RuleFormat}, p.Rule, p.Message)
			} else {
				assert.Equal(t, tt.rule, p.Rule, p.Message)
			}
			if tt.line > 0 {
				assert.Equal(t, tt.line, p.Line, p.Message)
			}
			assert.NotEmpty(t, p.Message)
		})
	}
	_, err := ParseMarkdown([]byte(strings.Repeat("x", MaxBytes+1)))
	assert.ErrorIs(t, err, ErrTooLarge)
}

// TestMarkdownFindingsPointAtTheWords reviews a Markdown PR/FAQ and checks
// that Place puts each finding with a span on the words it flags.
func TestMarkdownFindingsPointAtTheWords(t *testing.T) {
	for _, name := range []string{"tidewater.md", "harbor-desk.md", "field-notes.md", "five-questions.md"} {
		d, data := readMarkdown(t, name)
		fs := Review(d, ReviewOptions{})
		Place(data, fs)
		lines := strings.Split(string(data), "\n")
		for _, f := range fs {
			require.Positive(t, f.Line, "%s %+v", name, f)
			if f.End <= f.Start {
				continue
			}
			text, ok := d.FieldText(f.Path)
			require.True(t, ok, f.Path)
			words := text[f.Start:f.End]
			first := strings.SplitN(words, "\n", 2)[0]
			line := lines[f.Line-1]
			col := len(string([]rune(line)[:f.Column-1]))
			assert.True(t, strings.HasPrefix(line[col:], first), "%s: %s %q at %d:%d, line %q", name, f.Rule, words, f.Line, f.Column, line)
		}
	}
}

func TestPlaceMarkdownThirdAnswer(t *testing.T) {
	data, err := os.ReadFile(mdTemplatePath)
	require.NoError(t, err)
	in := strings.Replace(string(data), "At launch it works with the 3 tills", "At launch it works with very many tills", 1)
	d, err := ParseMarkdown([]byte(in))
	require.NoError(t, err)
	var got []Finding
	for _, f := range Review(d, ReviewOptions{}) {
		if f.Path == "/externalFaq/2/answer" {
			got = append(got, f)
		}
	}
	require.NotEmpty(t, got)
	Place([]byte(in), got)
	lines := strings.Split(in, "\n")
	for _, f := range got {
		assert.Contains(t, lines[f.Line-1], "At launch it works with very many tills", "%+v", f)
	}
	// Section findings point at the section's heading.
	fs := []Finding{{Path: "/internalFaq", Rule: RuleInternalFAQTopics}, {Path: "/id", Rule: RuleRequired}}
	Place([]byte(in), fs)
	assert.Equal(t, "## Internal FAQ", lines[fs[0].Line-1])
	assert.Equal(t, "id: PRFAQ-2026-014", lines[fs[1].Line-1])
}

func TestIsMarkdown(t *testing.T) {
	yml, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	md, err := os.ReadFile(mdTemplatePath)
	require.NoError(t, err)
	assert.False(t, isMarkdown(yml))
	assert.True(t, isMarkdown(md))
	assert.True(t, isMarkdown([]byte("# Headline\n\nText.\n")))
}

// TestMarkdownQuillLabelled: the labelled template many teams start from
// ("Heading", "Sub-Heading", "Problem Paragraph", "Quote from You", "Closing
// and Call to Action"), a newswire tag in the dateline, numbered question
// headings and bold "Q:" questions with "A:" answers.
func TestMarkdownQuillLabelled(t *testing.T) {
	d, _ := readMarkdown(t, "quill-labelled.md")
	pr := d.PressRelease
	assert.Equal(t, "Quill", d.Title)
	assert.Equal(t, "Quill turns a lecture recording into study notes before the student leaves the hall", pr.Headline)
	assert.Equal(t, "University students get searchable notes, with the slides, for every lecture they record", pr.Subheadline)
	assert.Equal(t, Dateline{City: "MANCHESTER, UK", LaunchDate: Date{Year: 2027, Month: time.September, Day: 20}}, pr.Dateline)
	assert.True(t, strings.HasPrefix(pr.Summary, "Quill today opened"))
	assert.True(t, strings.HasPrefix(pr.Problem, "Students spend 4 hours"))
	require.Len(t, pr.Solution, 2)
	assert.Equal(t, "Amara Osei", pr.LeaderQuote.Speaker)
	assert.Equal(t, "founder of Quill", pr.LeaderQuote.Role)
	assert.Equal(t, "Tom Reilly", pr.CustomerQuote.Speaker)
	assert.True(t, strings.HasPrefix(pr.GettingStarted, "Students install Quill"))
	assert.True(t, strings.HasPrefix(pr.CallToAction, "Quill is free"))
	assert.Equal(t, []string{"How much does Quill cost?", "Does my lecturer have to agree?"}, questions(d.ExternalFAQ))
	assert.Equal(t, []string{"What do we depend on?", "How many students could use it?"}, questions(d.InternalFAQ))
	assert.True(t, strings.HasPrefix(d.InternalFAQ[0].Answer, "On each university's"))
}

func TestLabelFields(t *testing.T) {
	for label, field := range map[string]string{"Heading": "headline", "Sub-Heading": "subheadline", "Summary Paragraph": "summary",
		"Problem Paragraph": "problem", "Solution Paragraph(s)": "solution-each", "Quote from You": "leader-quote",
		"Customer Quote": "customer-quote", "How to Get Started": "getting-started", "Closing & Call to Action": "call-to-action",
		"Shelfwise keeps every listing in step": ""} {
		assert.Equal(t, field, labelField(label), label)
	}
}

// TestPlaceInYAMLAndFrontMatter: a finding in a folded YAML value or in a
// front matter value points at its words, not only at the value.
func TestPlaceInYAMLAndFrontMatter(t *testing.T) {
	for _, path := range []string{templatePath, mdTemplatePath} {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		in := strings.Replace(string(data), "stock counts as their worst weekly chore", "stock counts as their very worst weekly chore", 1)
		var d *PRFAQ
		if strings.HasSuffix(path, ".md") {
			d, err = ParseMarkdown([]byte(in))
		} else {
			d, err = Parse([]byte(in))
		}
		require.NoError(t, err)
		var fs []Finding
		for _, f := range Review(d, ReviewOptions{}) {
			if f.Path == "/customer/evidence" && f.Rule == RuleWeaselWord {
				fs = append(fs, f)
			}
		}
		require.Len(t, fs, 1, path)
		Place([]byte(in), fs)
		line := strings.Split(in, "\n")[fs[0].Line-1]
		assert.True(t, strings.HasPrefix(string([]rune(line)[fs[0].Column-1:]), "very worst"), "%s: %d:%d %q", path, fs[0].Line, fs[0].Column, line)
	}
}

func TestIsMarkdownPRFAQ(t *testing.T) {
	files, err := filepath.Glob("testdata/markdown/*.md")
	require.NoError(t, err)
	for _, name := range append(files, mdTemplatePath) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		assert.True(t, IsMarkdownPRFAQ(data), name)
	}
	for name, in := range map[string]string{
		"readme":             "# mytool\n\nA command-line tool.\n\n## Install\n\nRun it.\n",
		"design doc faq":     "# Cache design\n\nWe cache reads.\n\n## FAQ\n\n### Why not Redis?\n\nCost.\n",
		"press release only": "# Headline\n\nSEATTLE — March 3, 2027 — Today we launch.\n",
	} {
		assert.False(t, IsMarkdownPRFAQ([]byte(in)), name)
	}
	memo, err := os.ReadFile("testdata/memo.md")
	require.NoError(t, err)
	assert.False(t, IsMarkdownPRFAQ(memo), "a six-page memo is a narrative")
	_, err = ParseMarkdown([]byte("# Cache design\n\nWe cache reads.\n\n## FAQ\n\n### Why not Redis?\n\nCost.\n"))
	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, RuleNotPRFAQ, ve.Problems[0].Rule)
	assert.Contains(t, ve.Problems[0].Message, "no press release")
}

// TestMarkdownExportedFromADocument: what a word processor's Markdown
// export looks like, with every heading a bold line.
func TestMarkdownExportedFromADocument(t *testing.T) {
	in := `**Press Release**

**Ledgerline closes a small shop's books in ten minutes a month**

*Sole traders get their VAT return and a year-end summary from their bank feed*

**BRISTOL, UK, January 12, 2027** – Ledgerline today opened to every sole trader in
the UK.

“I used to spend a weekend each quarter on receipts,” said Priya Shah, a florist in
Bath.

**Frequently Asked Questions**

**External FAQs**

1. **What does it cost?**
   £8 a month.
2. **Which banks does it read?**
   Every UK bank with open banking.

**Internal FAQs**

**Q: What do we depend on?**

A: The open banking feeds of each bank.
`
	require.True(t, IsMarkdownPRFAQ([]byte(in)))
	d, err := ParseMarkdown([]byte(in))
	require.NoError(t, err)
	pr := d.PressRelease
	assert.Equal(t, "Ledgerline closes a small shop's books in ten minutes a month", pr.Headline)
	assert.Equal(t, "Sole traders get their VAT return and a year-end summary from their bank feed", pr.Subheadline)
	assert.Equal(t, Dateline{City: "BRISTOL, UK", LaunchDate: Date{Year: 2027, Month: time.January, Day: 12}}, pr.Dateline)
	assert.Equal(t, "Priya Shah", pr.CustomerQuote.Speaker, "a florist is a customer")
	assert.Equal(t, []string{"What does it cost?", "Which banks does it read?"}, questions(d.ExternalFAQ))
	assert.Equal(t, "£8 a month.", d.ExternalFAQ[0].Answer)
	assert.Equal(t, []string{"What do we depend on?"}, questions(d.InternalFAQ))
}

func TestMarkdownPlainSubheadlineAndPrefixedHeadline(t *testing.T) {
	in := `# Press Release: Ledgerline closes a shop's books in ten minutes

Sole traders get their VAT return from their bank feed.

BRISTOL — January 12, 2027 — Ledgerline today opened to every sole trader.

Owners spend a weekend a quarter on receipts.
`
	d, err := ParseMarkdown([]byte(in))
	require.NoError(t, err)
	pr := d.PressRelease
	assert.Equal(t, "Ledgerline closes a shop's books in ten minutes", pr.Headline)
	assert.Equal(t, "Sole traders get their VAT return from their bank feed.", pr.Subheadline)
	assert.Equal(t, "Ledgerline today opened to every sole trader.", pr.Summary)
	assert.Equal(t, "Owners spend a weekend a quarter on receipts.", pr.Problem)
}

// TestPlaceForeignFindings: findings from another document, with spans
// past the end of this one's fields, are placed without panicking.
func TestPlaceForeignFindings(t *testing.T) {
	for _, path := range []string{templatePath, mdTemplatePath} {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		fs := []Finding{{Path: "/title", Start: 10, End: 5000}, {Path: "/externalFaq/0/answer", Start: 4000, End: 4005},
			{Path: "/nope/3", Start: 1, End: 2}, {Path: "/", Rule: RuleRequired}}
		require.NotPanics(t, func() { Place(data, fs) }, path)
		for _, f := range fs {
			assert.Positive(t, f.Line, "%s %+v", path, f)
		}
	}
}
