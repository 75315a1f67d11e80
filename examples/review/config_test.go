package main

import (
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var configOpts = schemagen.Options{
	Path:        configSchemaPath,
	Title:       "mechanisms review configuration",
	Description: "The review tool's configuration file, .mechanisms.yaml, read from a reviewed document's folder or the nearest parent folder: rule levels, the writing rules' word lists, the decision policy, and overrides by glob.",
	PkgPath:     "github.com/dayone-go/mechanisms/examples/review",
	Dir:         ".",
}

func TestConfigSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, configSchema, Config{}, configOpts, "config.schema.json", *update)
}

func TestConfigSchemaAgreesWithGo(t *testing.T) {
	s := schematest.Compile(t, configSchema)
	for _, tc := range []struct {
		doc   string
		valid bool
	}{
		{"rules: {hype: off, prfaq/hedging: warning}\nprose: {acronyms: [SKU], words: {weasel-word: [arguably]}}\npolicy: p.policy.yaml\noverrides:\n  - files: ['drafts/**']\n    rules: {passive-voice: off}\n", true},
		{"$schema: https://example.com/x.json\n", true},
		{"rules: {hype: loud}\n", false},
		{"rulez: {}\n", false},
		{"overrides:\n  - rules: {hype: off}\n", false},
	} {
		inst, err := schematest.Instance([]byte(tc.doc))
		require.NoError(t, err)
		_, goErr := parseConfigData([]byte(tc.doc), nil)
		if tc.valid {
			assert.NoError(t, s.Validate(inst), tc.doc)
			assert.NoError(t, goErr, tc.doc)
		} else {
			assert.Error(t, s.Validate(inst), tc.doc)
			assert.Error(t, goErr, tc.doc)
		}
	}
}

func TestMatchGlob(t *testing.T) {
	for _, tc := range []struct {
		glob, name string
		want       bool
	}{
		{"docs/*.md", "docs/a.md", true},
		{"docs/*.md", "docs/x/a.md", false},
		{"docs/**", "docs/x/a.md", true},
		{"**/*.prfaq.yaml", "a/b/c.prfaq.yaml", true},
		{"**/*.prfaq.yaml", "c.prfaq.yaml", true},
		{"drafts/**/x.md", "drafts/x.md", true},
		{"drafts/**/x.md", "other/x.md", false},
	} {
		assert.Equal(t, tc.want, matchGlob(tc.glob, tc.name), "%s %s", tc.glob, tc.name)
	}
}

func TestIgnoreComments(t *testing.T) {
	ig := scanIgnores([]byte("a: 1 # review:ignore x\n# review:ignore y, z\n\nb: 2\nc: '# review:ignore q'\n"), false)
	assert.True(t, ig.covers(1, "k", "x"))
	assert.True(t, ig.covers(4, "k", "y"))
	assert.True(t, ig.covers(4, "k", "z"))
	assert.True(t, ig.covers(4, "k", "k/z"[2:]))
	assert.False(t, ig.covers(3, "k", "y"))
	assert.False(t, ig.covers(5, "k", "q"), "a mark inside a string that is not after a comment sign")
	md := scanIgnores([]byte("<!-- review:ignore hype -->\nText.\nMore <!-- review:ignore prfaq/hedging -->\n"), true)
	assert.True(t, md.covers(2, "narrative", "hype"))
	assert.True(t, md.covers(3, "prfaq", "hedging"))
	assert.False(t, md.covers(3, "narrative", "hedging"))
}
