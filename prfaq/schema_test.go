package prfaq

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	update   = flag.Bool("update", false, "rewrite golden files and the committed schema")
	mdCorpus = flag.String("md-corpus", "", "write the Markdown-read PR/FAQs and their mutations here, for ajv")
)

var schemaOpts = schemagen.Options{
	Path:        "prfaq/prfaq.schema.json",
	Title:       schemaTitle,
	Description: schemaDescription,
	PkgPath:     "github.com/dayone-go/mechanisms/prfaq",
	Dir:         ".",
	Relax:       &schemagen.Relax{Property: "format", Value: FormatMarkdown, Required: markdownOptional},
}

func check(data []byte) error {
	d, err := Parse(data)
	if err != nil {
		return err
	}
	return d.Validate()
}

func TestSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, Schema(), PRFAQ{}, schemaOpts, "prfaq.schema.json", *update)
}

func TestSchemaAgreesWithGo(t *testing.T) {
	schematest.Agree(t, Schema(), "testdata", check)
}

func TestTemplateMutationsRefused(t *testing.T) {
	tmpl, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	schematest.MutationsRefused(t, Schema(), tmpl, check)
}

func TestSchemaIsACopy(t *testing.T) {
	a := Schema()
	a[0] = 'x'
	require.NotEqual(t, a[0], Schema()[0])
}

// TestMarkdownMutationsAgree breaks each PR/FAQ read from Markdown and saved
// as JSON (testdata/valid/markdown-*.json) the way the template is broken —
// every required key, enum, bound and unknown key the schema states for it
// — and requires Go and the schema to agree on each, so the schema's if on
// format is exercised from the Markdown side too. With -md-corpus it writes
// them, as the review tool's corpus is written, for ajv.
func TestMarkdownMutationsAgree(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/markdown-*.json")
	corpus := &schematest.Corpus{Dir: *mdCorpus}
	n := schematest.MutationsAgree(t, Schema(), files, check, corpus, kind, schemaOpts.Path)
	t.Logf("%d Markdown PR/FAQs and their mutations", n)
	corpus.Write(t)
}

// The Markdown-read PR/FAQs in testdata/valid are what ParseMarkdown reads
// today from the samples of the same name, so they cannot drift from the
// parser: a JSON round trip of a Markdown-read value.
func TestMarkdownTestdataCurrent(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/markdown-*.json")
	for _, f := range files {
		name := filepath.Base(f)
		md, err := os.ReadFile(filepath.Join("testdata/markdown", name[len("markdown-"):len(name)-len(".json")]+".md"))
		require.NoError(t, err, f)
		d, err := ParseMarkdown(md)
		require.NoError(t, err, f)
		js, err := os.ReadFile(f)
		require.NoError(t, err)
		back, err := Parse(js)
		require.NoError(t, err, f)
		assert.Equal(t, d, back, f)
		require.NoError(t, back.Validate(), f)
	}
}
