package prfaq

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// roundTripDocs lists every document the round trip must hold for: the
// YAML template, the valid testdata and the Markdown samples.
func roundTripDocs(t *testing.T) map[string]*PRFAQ {
	t.Helper()
	docs := map[string]*PRFAQ{}
	files, _ := filepath.Glob("testdata/valid/*")
	for _, name := range append(files, templatePath) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		d, err := Parse(data)
		require.NoError(t, err, name)
		docs[name] = d
	}
	md, _ := filepath.Glob("testdata/markdown/*.md")
	for _, name := range append(md, mdTemplatePath) {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		d, err := ParseMarkdown(data)
		require.NoError(t, err, name)
		docs[name] = d
	}
	return docs
}

const mdTemplatePath = "../examples/templates/prfaq.md"

func TestMarkdownRoundTrip(t *testing.T) {
	for name, d := range roundTripDocs(t) {
		t.Run(filepath.Base(name), func(t *testing.T) {
			out := mdOf(d)
			back, err := ParseMarkdown(out)
			require.NoError(t, err, "%s", out)
			assert.Equal(t, canonical(d), back, "%s", out)
		})
	}
}

func TestMarkdownRoundTripNeedsMarkers(t *testing.T) {
	d := loadTemplate(t)
	d.PressRelease.Problem = "First paragraph of the problem.\n\nSecond paragraph of it."
	d.PressRelease.GettingStarted = ""
	d.ExternalFAQ[0].Topic = Risks
	out := string(mdOf(d))
	assert.Contains(t, out, "<!-- prfaq:problem -->")
	assert.Contains(t, out, "<!-- topic: risks -->")
	back, err := ParseMarkdown([]byte(out))
	require.NoError(t, err)
	assert.Equal(t, canonical(d), back)
}

func TestMarkdownValueIsComplete(t *testing.T) {
	for _, in := range []string{
		"# Headline\n\nSEATTLE — Today we launch.\n\n## FAQ\n\n### Why?\n\nBecause.\n",
		"**Harbor Desk books rooms**\n\n[CITY] — [DATE] — Text.\n",
		"---\nid: X\n---\n\n# Quiet hours PR/FAQ\n\n## FAQ\n\nQ: Is it free?\nA: Yes.\n",
	} {
		d, err := ParseMarkdown([]byte(in))
		require.NoError(t, err, in)
		js, err := json.Marshal(d)
		require.NoError(t, err, in)
		var back PRFAQ
		require.NoError(t, json.Unmarshal(js, &back), "%s", js)
		assert.Equal(t, d, &back)
		y, err := Parse(js)
		require.NoError(t, err, "%s", js)
		assert.Equal(t, d, y)
	}
}

func TestMarkdownTemplateIsValid(t *testing.T) {
	data, err := os.ReadFile(mdTemplatePath)
	require.NoError(t, err)
	d, err := ParseMarkdown(data)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	assert.Empty(t, Review(d, ReviewOptions{}), "the template reviews cleanly")
	assert.True(t, strings.HasPrefix(string(data), "---\n"))
}

// TestFrontMatterKeepsControlCharacters checks that front matter values
// holding characters YAML will not take raw (DEL, C1 controls, line and
// paragraph separators, a byte order mark) are written escaped and read
// back unchanged. decision's front matter once lost DEL this way.
func TestFrontMatterKeepsControlCharacters(t *testing.T) {
	d := loadTemplate(t)
	for _, s := range []string{"a\x7fb", "a\u0085b", "a\u009fb", "a\u2028b", "a\u2029b", "a\ufeffb", "a\x01b", "a\u00a0b"} {
		d.Title, d.Customer.Who = s, s
		back, err := ParseMarkdown(mdOf(d))
		require.NoError(t, err, "%q", s)
		assert.Equal(t, s, back.Title, "%q", s)
		assert.Equal(t, s, back.Customer.Who, "%q", s)
	}
}
