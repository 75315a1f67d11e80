package decision

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func readMD(t *testing.T, file string) (*Decision, []byte) {
	t.Helper()
	data, err := os.ReadFile(file)
	require.NoError(t, err)
	d, err := ParseMarkdown(data)
	require.NoError(t, err, file)
	return d, data
}

// TestParseMarkdownFields reads the samples field by field, as a careful
// reader would.
func TestParseMarkdownFields(t *testing.T) {
	d, _ := readMD(t, "testdata/markdown/madr/0007-cache-layer.md")
	assert.Equal(t, FormatMarkdown, d.Format)
	assert.Equal(t, "Put a read-through cache in front of the catalogue service", d.Title)
	assert.Equal(t, Accepted, d.Status)
	assert.Empty(t, d.StatusText)
	assert.Equal(t, Date{Year: 2025, Month: 3, Day: 14}, d.Date)
	assert.True(t, strings.HasPrefix(d.Context, "Catalogue reads grew fourfold"))
	assert.Equal(t, []string{"p99 latency of product pages", "Operational cost of another moving part", "Staleness customers will tolerate"}, d.Drivers)
	assert.Equal(t, []string{"Read-through cache with Redis", "Bigger database instances", "Precomputed static pages"}, optionNamesOf(d))
	assert.Equal(t, "Read-through cache with Redis", d.Chosen)
	assert.True(t, strings.HasPrefix(d.Outcome, "it cuts latency"), d.Outcome)
	assert.Contains(t, d.Consequences, "Good, because page loads drop under 300 ms")
	assert.Equal(t, "A dashboard alarm fires when p99 latency of product pages passes 300 ms.", d.Confirmation)
	assert.Equal(t, []string{"the hot set fits in 2 GB."}, d.Options[0].Pros)
	assert.Equal(t, []string{"stale prices are visible for up to a minute."}, d.Options[0].Cons)
	assert.Equal(t, []string{"eviction needs tuning once."}, d.Options[0].Neutral)
	assert.Equal(t, "Keys are product ids; entries expire after 60 seconds.", d.Options[0].Description)
	assert.Equal(t, &People{Driver: "Priya Raman", Contributors: []string{"Tom Okafor", "Storage team"}, Informed: []string{"Support leads"}}, d.People)
	assert.Contains(t, d.MoreInformation, "new storage platform")
	assert.NoError(t, d.Validate())

	// MADR 2: bullets, an emoji status outside our words, a day-first
	// date, numbered and nested options, a bold and reworded choice.
	d, _ = readMD(t, "testdata/markdown/madr/0012-feature-flags.md")
	assert.Equal(t, "Choose a feature flag service", d.Title)
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, "✅ Approved", d.StatusText)
	assert.Equal(t, Date{Year: 2018, Month: 2, Day: 5}, d.Date, "05/02/2018 is day-first")
	assert.Equal(t, []string{"Hosted flag service", "Flags in our config repository", "Build our own service"}, optionNamesOf(d))
	assert.Equal(t, "- with a small admin page", d.Options[2].Description)
	assert.Equal(t, "Hosted flag service", d.Chosen, "**the hosted service** names the first option")
	assert.Contains(t, d.Consequences, "Negative Consequences:\n- One more vendor")
	assert.Equal(t, &Links{Supersedes: []string{"0004"}, AmendedBy: []string{"0015"}}, d.Links)
	assert.Equal(t, &People{Driver: "Ana Souza", Contributors: []string{"Lee Chen"}}, d.People)
	assert.NoError(t, d.Validate())
	data, err := os.ReadFile("testdata/markdown/madr/0012-feature-flags.md")
	require.NoError(t, err)
	placed := []Finding{{Path: "/people/approver"}, {Path: "/status"}, {Path: "/date"}, {Path: "/options/1/name"}, {Path: "/chosen"}, {Path: "/links/supersedes/0"}, {Path: "/context"}, {Path: "/risks"}}
	Place(data, placed)
	var lines []int
	for _, f := range placed {
		lines = append(lines, f.Line)
	}
	assert.Equal(t, []int{4, 3, 5, 22, 28, 53, 9, 1}, lines, "deciders, status, date, second option, chosen, supersedes, context, title")

	// MADR 4 front matter with a linked status and this package's keys.
	d, data = readMD(t, "testdata/markdown/madr/0020-rename-queue.md")
	assert.Equal(t, Superseded, d.Status)
	assert.Equal(t, "0031", d.Links.SupersededBy)
	assert.Equal(t, []Area{Technology, Operations}, d.Areas)
	assert.Equal(t, "order-events", d.Chosen)
	assert.Equal(t, "q2", strings.Fields(d.Context)[4], "code spans keep their text")
	c, err := Classify(d, nil, ReviewOptions{})
	require.NoError(t, err)
	assert.Equal(t, TwoWay, c.Door, "front matter door keys classify as in YAML")
	Place(data, c.Findings)
	for _, f := range c.Findings {
		assert.Positive(t, f.Line, f.Rule)
	}

	// Nygard, as adr-tools writes it.
	d, _ = readMD(t, "testdata/markdown/nygard/0001-record-architecture-decisions.md")
	assert.Equal(t, "0001", d.ID)
	assert.Equal(t, "Record architecture decisions", d.Title)
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, Date{Year: 2018, Month: 2, Day: 5}, d.Date)
	assert.Equal(t, "We will use Architecture Decision Records, as described by Michael Nygard.", d.Outcome)
	assert.Empty(t, d.Options)
	assert.NoError(t, d.Validate())

	d, _ = readMD(t, "testdata/markdown/nygard/0002-use-postgres.md")
	assert.Equal(t, Superseded, d.Status, "adr-tools spells it Superceded")
	assert.Equal(t, "0003", d.Links.SupersededBy)
	assert.Equal(t, Date{Year: 2019, Month: 3, Day: 12}, d.Date)

	d, _ = readMD(t, "testdata/markdown/nygard/0003-move-orders-to-dynamodb.md")
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, &Links{Supersedes: []string{"0002"}, Amends: []string{"0001"}}, d.Links)

	d, _ = readMD(t, "testdata/markdown/nygard/0004-pending-status.md")
	assert.Equal(t, "0004", d.ID)
	assert.Equal(t, "Retire the legacy search cluster", d.Title)
	assert.Equal(t, Proposed, d.Status, "pending is the nearest of ours")
	assert.Equal(t, "Pending, supersedes ADR-0045", d.StatusText)
	assert.Equal(t, []string{"0045"}, d.Links.Supersedes)
	assert.True(t, d.Date.IsZero())
	assert.NoError(t, d.Validate())
}

func optionNamesOf(d *Decision) []string {
	var out []string
	for _, o := range d.Options {
		out = append(out, o.Name)
	}
	return out
}

func TestStatusWords(t *testing.T) {
	for in, want := range map[string]Status{
		"Accepted": Accepted, "✅ Accepted": Accepted, "approved": Accepted, "Adopted (2021-03-01)": Accepted,
		"pending": Proposed, "In review": Proposed, "Proposed": Proposed, "RFC": Proposed,
		"Draft": Draft, "Rejected": Rejected, "Declined": Rejected, "deprecated": Deprecated,
		"Superseded by [ADR-0057](0057-x.md)": Superseded, "superseded": Superseded,
		"Accepted, supersedes ADR-0045": Accepted, "🚫 Obsolete": Deprecated,
	} {
		r := &mdRecord{d: &Decision{}, pos: map[string][2]int{}}
		r.setStatus(in, [2]int{})
		assert.Equal(t, want, r.d.Status, in)
	}
}

func TestLooseDates(t *testing.T) {
	for in, want := range map[string]Date{
		"2018-02-05": {Year: 2018, Month: 2, Day: 5}, "2018/02/05": {Year: 2018, Month: 2, Day: 5},
		"05/02/2018": {Year: 2018, Month: 2, Day: 5}, "5.2.2018": {Year: 2018, Month: 2, Day: 5},
		"02/25/2018": {Year: 2018, Month: 2, Day: 25}, "5 February 2018": {Year: 2018, Month: 2, Day: 5},
		"February 5, 2018": {Year: 2018, Month: 2, Day: 5}, "2018-02-30": {}, "someday": {},
		"2021-06-30T10:00:00Z": {Year: 2021, Month: 6, Day: 30},
	} {
		assert.Equal(t, want, parseLooseDate(in), in)
	}
}

func TestChosenOptionMatching(t *testing.T) {
	opts := []Option{{Name: "PostgreSQL 16"}, {Name: "MongoDB Atlas"}, {Name: "Keep MySQL 5.7"}}
	for in, want := range map[string]int{
		"PostgreSQL 16": 0, "postgresql-16": 0, "**MongoDB Atlas**": 1, "MongoDB": 1,
		"keep MySQL": 2, "Oracle": -1,
	} {
		assert.Equal(t, want, matchOption(opts, in), in)
	}
	for in, want := range map[string][2]string{
		`"PostgreSQL 16", because it is boring`:         {"PostgreSQL 16", "it is boring"},
		`“MongoDB Atlas” because hosted`:                {"MongoDB Atlas", "hosted"},
		`PostgreSQL 16, because it is boring`:           {"PostgreSQL 16", "it is boring"},
		`"Keep MySQL 5.7".`:                             {"Keep MySQL 5.7", ""},
		`"Option 2", because "Option 1" costs too much`: {"Option 2", `"Option 1" costs too much`},
	} {
		c, why := splitChosen(in)
		assert.Equal(t, want, [2]string{c, why}, in)
	}
}

// TestMarkdownBadInput: every bad input is one clear problem at its line.
func TestMarkdownBadInput(t *testing.T) {
	deep := strings.Repeat(">", 10_000) + " deep\n"
	headings := "# T\n\n## Context\n\nWhy.\n\n" + strings.Repeat("###### h\n\n", 10_000)
	nested := "# T\n\n## Context\n\n"
	for i := range 200 {
		nested += strings.Repeat("  ", i) + "- x\n"
	}
	for _, tc := range []struct {
		name, doc, rule string
		line            int
	}{
		{"readme", "# Payments\n\nA service.\n\n## Install\n\nRun it.\n", RuleNotARecord, 1},
		{"no heading", "just some words\n", RuleNotARecord, 1},
		{"empty", "", RuleEmpty, 1},
		{"blank", "\n\n  \n", RuleEmpty, 1},
		{"front matter not yaml", "---\nstatus: [accepted\n---\n# T\n## Context\nx\n", RuleSyntax, 2},
		{"front matter never closed", "---\nid: ADR-1\n\n# T\n## Context\nx\n", RuleSyntax, 1},
		{"front matter wrong type", "---\nimpact: high\n---\n# T\n## Context\nx\n", RuleType, 2},
		{"front matter unknown area", "---\nstatus: accepted\nareas: [legl]\n---\n# T\n## Context\nx\n", "", 3},
		{"quotes 10,000 deep", "# T\n\n## Context\n\n" + deep, RuleTooDeep, 5},
		{"lists nested deep", nested, RuleTooDeep, 0},
		{"too large", strings.Repeat("a", MaxMarkdownBytes+1), RuleTooLarge, 0},
		{"16 MB", strings.Repeat("# T\n\n## Context\n\n", 16<<20/20), RuleTooLarge, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseMarkdown([]byte(tc.doc))
			var ve *ValidationError
			require.ErrorAs(t, err, &ve)
			assert.Equal(t, KindDecision, ve.Kind)
			require.Len(t, ve.Problems, 1, "%v", ve)
			if tc.rule != "" {
				assert.Equal(t, tc.rule, ve.Problems[0].Rule, "%v", ve)
			}
			if tc.line > 0 {
				assert.Equal(t, tc.line, ve.Problems[0].Line, "%v", ve)
			}
		})
	}
	// 10,000 headings are a record with a long context, read in bounded time.
	d, err := ParseMarkdown([]byte(headings))
	require.NoError(t, err)
	assert.Equal(t, "T", d.Title)
}

// normalized blanks what the Markdown round trip cannot keep: white space
// inside and around prose (Markdown folds it), and the Format marker.
func normalized(t *testing.T, d *Decision) map[string]any {
	t.Helper()
	j, err := json.Marshal(d)
	require.NoError(t, err)
	var v map[string]any
	require.NoError(t, json.Unmarshal(j, &v))
	delete(v, "format")
	ws := regexp.MustCompile(`[ \t]+`)
	var norm func(x any) any
	norm = func(x any) any {
		switch x := x.(type) {
		case string:
			lines := strings.Split(strings.TrimSpace(x), "\n")
			var out []string
			for _, l := range lines {
				l = strings.TrimSpace(ws.ReplaceAllString(l, " "))
				if l == "" && len(out) > 0 && out[len(out)-1] == "" {
					continue
				}
				out = append(out, l)
			}
			return strings.Join(out, "\n")
		case []any:
			for i := range x {
				x[i] = norm(x[i])
			}
		case map[string]any:
			for k := range x {
				x[k] = norm(x[k])
			}
		}
		return x
	}
	return norm(v).(map[string]any)
}

// TestMarkdownRoundTrip writes every template and test document as
// Markdown and reads it back to an equal document.
func TestMarkdownRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*")
	logs, _ := filepath.Glob("testdata/log/*.yaml")
	jsons, _ := filepath.Glob("testdata/log/*.json")
	mds, _ := filepath.Glob("testdata/markdown/[cmn]*/*.md")
	files = append(append(append(append(files, logs...), jsons...), mds...), "../examples/templates/decision.yaml", "../examples/templates/decision.md")
	for _, f := range files {
		if notARecordName(filepath.Base(f)) {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			var d *Decision
			if strings.HasSuffix(f, ".md") {
				d, err = ParseMarkdown(data)
			} else {
				d, err = Parse(data)
			}
			require.NoError(t, err)
			for _, classified := range []bool{false, true} {
				var c *Classification
				if classified {
					c, err = Classify(d, nil, ReviewOptions{})
					require.NoError(t, err)
				}
				var buf bytes.Buffer
				require.NoError(t, Markdown(&buf, d, c))
				back, err := ParseMarkdown(buf.Bytes())
				require.NoError(t, err, buf.String())
				assert.Equal(t, FormatMarkdown, back.Format)
				assert.Equal(t, normalized(t, d), normalized(t, back), buf.String())
			}
			// A record read from Markdown is a complete value: to JSON and back.
			j, err := json.Marshal(d)
			require.NoError(t, err)
			again, err := Parse(j)
			require.NoError(t, err, string(j))
			assert.Equal(t, d, again)
		})
	}
}

// TestMarkdownLog reads a Nygard log from its folder: ids from the
// numbers, links between records checked, a link to a record the log lacks
// reported as a warning at its line, not as an invalid log.
func TestMarkdownLog(t *testing.T) {
	l, err := LoadLog(os.DirFS("testdata/markdown"), "nygard")
	require.NoError(t, err)
	require.Len(t, l.Entries, 4)
	fs, err := l.Check(today, ReviewOptions{})
	require.NoError(t, err, "a half-written Markdown log is not refused")
	require.Len(t, fs, 1, "%v", fs)
	assert.Equal(t, RuleUnknownReference, fs[0].Rule)
	assert.Equal(t, Warning, fs[0].Severity)
	src, ptr := l.Locate(fs[0].Path)
	assert.Equal(t, "nygard/0004-pending-status.md", src)
	assert.Equal(t, "/links/supersedes/0", ptr)
	data, err := os.ReadFile("testdata/markdown/" + src)
	require.NoError(t, err)
	f := []Finding{{Rule: fs[0].Rule, Path: ptr}}
	Place(data, f)
	assert.Equal(t, 5, f[0].Line, "the status line that names ADR-0045")

	var buf bytes.Buffer
	require.NoError(t, IndexMarkdown(&buf, l))
	golden(t, "testdata/markdown/nygard-index.md.golden", buf.Bytes())

	// The MADR folder: a README beside the records is skipped.
	l, err = LoadLog(os.DirFS("testdata/markdown"), "madr")
	require.NoError(t, err)
	assert.Equal(t, []string{"0007", "0012", "0020"}, []string{l.Entries[0].Decision.ID, l.Entries[1].Decision.ID, l.Entries[2].Decision.ID})
	fs, err = l.Check(today, ReviewOptions{})
	require.NoError(t, err)
	var rules []string
	for _, f := range fs {
		rules = append(rules, f.Rule+" "+f.Path)
	}
	assert.Equal(t, []string{"unknown-reference /1/links/amendedBy/0", "unknown-reference /1/links/supersedes/0", "unknown-reference /2/links/supersededBy"}, rules)
}

// TestRealLogQuirks holds what reading public logs taught: mixed quotes
// around a chosen option, option names with an en dash description,
// quoted option names, a title label, "on hold", and the files a decision
// folder keeps beside its records.
func TestRealLogQuirks(t *testing.T) {
	for in, want := range map[string][2]string{
		`"Keep 'Pros' after 'Outcome'", because it reads better`: {"Keep 'Pros' after 'Outcome'", "it reads better"},
		`'Use "Good, because" lines', because one format`:        {`Use "Good, because" lines`, "one format"},
		`"Confirmation", because "validation" means more`:        {"Confirmation", `"validation" means more`},
	} {
		c, why := splitChosen(in)
		assert.Equal(t, want, [2]string{c, why}, in)
	}
	assert.Equal(t, Option{Name: "Tool 2.0", Description: "The tool everyone copies"}, optionNamed("Tool 2.0 – The tool everyone copies"))
	assert.Equal(t, Option{Name: "Confirmation"}, optionNamed(`"Confirmation"`))
	assert.Equal(t, Option{Name: "Option 1 - plain hyphens stay"}, optionNamed("Option 1 - plain hyphens stay"))

	d, err := ParseMarkdown([]byte("# Architecture Decision Record: Use queues\n\n## Status\n\nOn hold\n\n## Context\n\nx\n"))
	require.NoError(t, err)
	assert.Equal(t, "Use queues", d.Title)
	assert.Equal(t, Proposed, d.Status)
	assert.Equal(t, "On hold", d.StatusText)

	for name, skip := range map[string]bool{
		"README.md": true, "index.md": true, "adr-template.md": true, "template.md": true,
		"0014-project-templates.md": false, "adr-014-templates.md": false, "use-queues.md": false,
	} {
		assert.Equal(t, skip, notARecordName(name), name)
	}
	l, err := LoadLog(fstest.MapFS{
		".markdownlint.yml": {Data: []byte("default: true\n")},
		"adr-template.md":   {Data: []byte("# {short title}\n\n## Context and Problem Statement\n\n{describe}\n")},
		"0001-queues.md":    {Data: []byte("# Use queues\n\n## Status\n\nAccepted\n")},
	}, ".")
	require.NoError(t, err)
	require.Len(t, l.Entries, 1)
	assert.Equal(t, "0001", l.Entries[0].Decision.ID)
	assert.Equal(t, "0014", fileID("adr-014-project-templates"))
	assert.Equal(t, "20201016-use-the-slug", fileID("20201016-use-the-slug"), "a date prefix is no record number")
}

func TestValuesInHeadingsAndItems(t *testing.T) {
	d, err := ParseMarkdown([]byte("# Use queues\n\n## Status: Accepted\n\n## Date: 2020-01-07\n\n## Considered Options\n\n* SQS\n* Kafka\n\n## Decision Outcome\n\n* Chosen option: \"Kafka\", because replay matters\n"))
	require.NoError(t, err)
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, Date{Year: 2020, Month: 1, Day: 7}, d.Date)
	assert.Equal(t, "Kafka", d.Chosen)
	assert.Equal(t, "replay matters", d.Outcome)
}

func TestFrontMatterFromOtherTools(t *testing.T) {
	d, err := ParseMarkdown([]byte("---\nid: 12\ntags: storage, cost\nstatus: Approved\nlayout: adr\n---\n# Keep backups for 35 days\n\n## Context\n\nx\n"))
	require.NoError(t, err)
	assert.Equal(t, "12", d.ID)
	assert.Equal(t, []string{"storage", "cost"}, d.Tags)
	assert.Equal(t, Accepted, d.Status)
	assert.Equal(t, "Approved", d.StatusText)
	assert.NoError(t, d.Validate())
}

// TestMarkdownTemplate: the Markdown template teams copy is a valid MADR 4
// record that classifies from its front matter and reviews cleanly.
func TestMarkdownTemplate(t *testing.T) {
	d, data := readMD(t, "../examples/templates/decision.md")
	require.NoError(t, d.Validate())
	assert.Equal(t, "ADR-0043", d.ID)
	assert.Equal(t, Proposed, d.Status)
	assert.Len(t, d.Options, 3)
	assert.Equal(t, "Invoice on the order-paid event", d.Chosen)
	assert.Equal(t, "Sam Okoro", d.People.Driver)
	c, err := Classify(d, nil, ReviewOptions{})
	require.NoError(t, err)
	assert.Equal(t, TwoWay, c.Door)
	for _, f := range c.Findings {
		assert.Equal(t, Info, f.Severity, "%s: %s", f.Rule, f.Message)
	}
	Place(data, c.Findings)
	for _, f := range c.Findings {
		assert.Positive(t, f.Line, f.Rule)
	}
}

// TestLinksByFileName: a log whose front matter gives slugs as ids
// (Docusaurus) still links by file, and the records' numbered titles lose
// their numbers.
func TestLinksByFileName(t *testing.T) {
	l, err := LoadLog(fstest.MapFS{
		"0001-a.md": {Data: []byte("---\nid: use-a\ntitle: 1. Use A\n---\n\n# 1. Use A\n\n## Status\n\nSuperseded by [2. Use B](0002-b.md)\n")},
		"0002-b.md": {Data: []byte("---\nid: use-b\n---\n\n# 2. Use B\n\n## Status\n\nAccepted\n\nSupersedes [1. Use A](0001-a.md)\n")},
	}, ".")
	require.NoError(t, err)
	assert.Equal(t, "use-a", l.Entries[0].Decision.ID)
	assert.Equal(t, "Use A", l.Entries[0].Decision.Title)
	assert.Equal(t, "0002", l.Entries[0].Decision.Links.SupersededBy)
	fs, err := l.Check(today, ReviewOptions{})
	require.NoError(t, err)
	assert.Empty(t, fs, "links by file number resolve and agree")
}

func TestOptionsWrittenAsParagraphs(t *testing.T) {
	d, err := ParseMarkdown([]byte("# Release by tags\n\n## Alternatives considered\n\n" +
		"- **Keep the release PR.** It works, but every\n  release needs a manual merge.\n" +
		"- Release from a nightly job that reads\n  the commits. It needs no one.\n"))
	require.NoError(t, err)
	require.Len(t, d.Options, 2)
	assert.Equal(t, Option{Name: "Keep the release PR", Description: "It works, but every\nrelease needs a manual merge."}, d.Options[0])
	assert.Equal(t, Option{Name: "Release from a nightly job that reads the commits", Description: "It needs no one."}, d.Options[1])

	l, err := LoadLog(fstest.MapFS{
		"_category_.json": {Data: []byte(`{"label": "Decisions", "position": 3}`)},
		"0001-a.md":       {Data: []byte("# Use A\n\n## Status\n\nAccepted\n")},
	}, ".")
	require.NoError(t, err, "a Docusaurus category file is no decision")
	assert.Len(t, l.Entries, 1)
}

func TestFrontMatterLinkKeys(t *testing.T) {
	d, err := ParseMarkdown([]byte("---\nstatus: superseded\nsuperseded-by: ADR-0009\nsupersedes: [ADR-0002, ADR-0003]\n---\n# Use B\n\n## Context\n\nx\n"))
	require.NoError(t, err)
	assert.Equal(t, &Links{SupersededBy: "0009", Supersedes: []string{"0002", "0003"}}, d.Links)
}

func TestLongMarkdownRecordIsValid(t *testing.T) {
	long := strings.Repeat("A long context paragraph that goes on. ", 1000)
	d, err := ParseMarkdown([]byte("# Use C\n\n## Context\n\n" + long + "\n"))
	require.NoError(t, err)
	assert.Greater(t, len(d.Context), 20000)
	assert.NoError(t, d.Validate(), "a real record is not refused for its length")
	d.Format = ""
	assert.Error(t, d.Validate(), "a YAML decision keeps its bounds")
}

func TestLongRulesAreNotNesting(t *testing.T) {
	doc := "# Use D\n\n## Context\n\nText.\n\n" + strings.Repeat("-", 120) + "\n\n" + strings.Repeat("*", 90) + "\n\n1. 2. 3. x\n"
	_, err := ParseMarkdown([]byte(doc))
	assert.NoError(t, err)
	deep := "# Use D\n\n## Context\n\n" + strings.Repeat("1. ", 70) + "x\n"
	_, err = ParseMarkdown([]byte(deep))
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, RuleTooDeep, ve.Problems[0].Rule)
}

func TestDashesInProseAreNotNesting(t *testing.T) {
	doc := "# Use E\n\n## Context\n\nWords" + strings.Repeat(" - words", 100) + "\n"
	_, err := ParseMarkdown([]byte(doc))
	assert.NoError(t, err)
}
