package prfaq

import (
	"bytes"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// mdOf renders doc with Markdown into memory, where writing cannot fail.
func mdOf(doc *PRFAQ) []byte {
	var b bytes.Buffer
	if err := Markdown(&b, doc); err != nil {
		panic(err)
	}
	return b.Bytes()
}

// findingsMD renders findings with FindingsMarkdown into memory.
func findingsMD(title string, fs []Finding) []byte {
	var b bytes.Buffer
	if err := FindingsMarkdown(&b, title, fs); err != nil {
		panic(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got))
}

func TestMarkdownGolden(t *testing.T) {
	d := loadTemplate(t)
	md := mdOf(d)
	golden(t, "testdata/template.md.golden", md)
	s := string(md)
	pr := strings.Index(s, "Shelfwise keeps every bookshop listing")
	faq := strings.Index(s, "## External FAQ")
	internal := strings.Index(s, "## Internal FAQ")
	require.True(t, pr >= 0 && faq >= 0 && internal >= 0)
	assert.True(t, pr < faq && faq < internal, "press release first, then the FAQs")
	assert.Contains(t, s, "Leeds — March 1, 2027 — Today Shelfwise launches")
}

func TestFindingsMarkdownGolden(t *testing.T) {
	d := loadTemplate(t)
	d.ExternalFAQ = d.ExternalFAQ[:1]
	d.PressRelease.Summary = "Shelfwise will be a revolutionary | *new* tool."
	golden(t, "testdata/findings.md.golden", findingsMD("Review of PRFAQ-2026-014", Review(d, ReviewOptions{})))
	assert.Equal(t, "No findings.\n", string(findingsMD("", nil)))
}

const hostile = "</text><script>alert(1)</script> | *x* _y_ `z` [a](javascript:alert(1)) ![i](x) ~~s~~ & \\ \x00\x1b[31m\xff\n# heading\n- item\n1. one\n> quote\n\"]"

func TestMarkdownEscapesEverything(t *testing.T) {
	d := loadTemplate(t)
	d.Title = hostile
	d.PressRelease.Headline = hostile
	d.PressRelease.Summary = hostile
	d.PressRelease.Solution = []string{hostile}
	d.PressRelease.LeaderQuote.Speaker = hostile
	d.ExternalFAQ[0].Question = hostile
	d.ExternalFAQ[0].Answer = hostile
	d.Customer.Who = hostile
	d.Visuals[0].URI = "javascript:alert(1)"
	d.Visuals[0].Caption = hostile
	out := string(mdOf(d))
	checkEscaped(t, out)
	require.NotPanics(t, func() { Review(d, ReviewOptions{}) })
	rep := string(findingsMD(hostile, []Finding{{Rule: hostile, Severity: Warning, Path: hostile, Message: hostile, Suggestion: hostile}}))
	checkEscaped(t, rep)
	for _, line := range strings.Split(rep, "\n") {
		if strings.HasPrefix(line, "| warning") {
			assert.Equal(t, 6, len(unescapedPipe.FindAllString(" "+line, -1)), "one row, five cells: %s", line)
		}
	}
}

var unescapedPipe = regexp.MustCompile(`[^\\]\|`)

func checkEscaped(t *testing.T, out string) {
	t.Helper()
	assert.NotContains(t, out, "<script")
	assert.NotContains(t, out, "</text")
	assert.NotRegexp(t, `[^\\]\[a\]\(`, out, "no live link")
	assert.NotRegexp(t, `[^\\]\*x\*`, out, "no live emphasis")
	assert.NotContains(t, out, "\x00")
	assert.NotContains(t, out, "\x1b")
	assert.True(t, strings.ToValidUTF8(out, "") == out, "valid UTF-8")
	for _, line := range strings.Split(out, "\n") {
		assert.False(t, strings.HasPrefix(line, "# heading"), "a field cannot add a heading")
		assert.False(t, strings.HasPrefix(line, "- item"), "a field cannot add a list")
		assert.False(t, strings.HasPrefix(line, "1. one"), "a field cannot add a numbered list")
	}
}

func TestMarkdownNilAndEmpty(t *testing.T) {
	assert.Empty(t, mdOf(nil))
	require.NotPanics(t, func() { mdOf(&PRFAQ{}) })
}
