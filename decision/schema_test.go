package decision

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/schemagen"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite golden files and the committed schema")

const pkgPath = "github.com/dayone-go/mechanisms/decision"

var (
	decisionOpts = schemagen.Options{
		Path:        "decision/decision.schema.json",
		Title:       "Decision",
		Description: "A decision record: options, the choice, reversibility, risks and people, classified as a one-way or two-way door under a policy.",
		PkgPath:     pkgPath,
		Dir:         ".",
		Relax: &schemagen.Relax{
			Property:  "format",
			Value:     FormatMarkdown,
			MaxLength: markdownRelaxed.maxLength,
			Required:  markdownRelaxed.required,
		},
	}
	policyOpts = schemagen.Options{
		Path:        "decision/policy.schema.json",
		Title:       "Decision policy",
		Description: "A company's policy for telling one-way doors (Type 1 decisions) from two-way doors (Type 2 decisions).",
		PkgPath:     pkgPath,
		Dir:         ".",
	}
)

func checkDecision(data []byte) error {
	d, err := Parse(data)
	if err != nil {
		return err
	}
	return d.Validate()
}

func checkPolicy(data []byte) error {
	p, err := ParsePolicy(data)
	if err != nil {
		return err
	}
	return p.Validate()
}

func TestSchemaUpToDate(t *testing.T) {
	schematest.UpToDate(t, Schema(), Decision{}, decisionOpts, "decision.schema.json", *update)
	schematest.UpToDate(t, PolicySchema(), Policy{}, policyOpts, "policy.schema.json", *update)
}

func TestSchemaAgreesWithGo(t *testing.T) {
	t.Run("decision", func(t *testing.T) { schematest.Agree(t, Schema(), "testdata", checkDecision) })
	t.Run("policy", func(t *testing.T) { schematest.Agree(t, PolicySchema(), "testdata/policy", checkPolicy) })
}

func TestTemplateMutationsRefused(t *testing.T) {
	for _, tc := range []struct {
		file   string
		schema []byte
		check  schematest.Check
	}{
		{"../examples/templates/decision.yaml", Schema(), checkDecision},
		{"../examples/templates/policy.yaml", PolicySchema(), checkPolicy},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(tc.file)
			require.NoError(t, err)
			schematest.MutationsRefused(t, tc.schema, data, tc.check)
		})
	}
}

func TestSchemaReturnsCopy(t *testing.T) {
	a := Schema()
	a[0] = 'x'
	require.NotEqual(t, a[0], Schema()[0])
	b := PolicySchema()
	b[0] = 'x'
	require.NotEqual(t, b[0], PolicySchema()[0])
}

// TestMarkdownRecordsInParityCorpus keeps, under testdata/valid, each
// sample Markdown record as ParseMarkdown reads it, saved as JSON
// (markdown-<log>-<file>.json; -update rewrites them). There the parity
// suite checks them like any other document: Go and the independent
// validator here, ajv in CI through the review tool's corpus. They carry
// format: markdown and lack what such logs lack (id, date, options, door
// data, people), which the schema must allow exactly as Validate does.
func TestMarkdownRecordsInParityCorpus(t *testing.T) {
	files, _ := filepath.Glob("testdata/markdown/*/[0-9]*.md")
	require.NotEmpty(t, files)
	want := map[string]bool{}
	for _, f := range files {
		d, _ := readMD(t, f)
		require.NoError(t, d.Validate(), f)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		require.NoError(t, enc.Encode(d))
		name := filepath.Join("testdata", "valid", "markdown-"+filepath.Base(filepath.Dir(f))+"-"+strings.TrimSuffix(filepath.Base(f), ".md")+".json")
		want[name] = true
		if *update {
			require.NoError(t, os.WriteFile(name, buf.Bytes(), 0o644))
			continue
		}
		got, err := os.ReadFile(name)
		require.NoError(t, err, "run go test ./decision -run %s -update", t.Name())
		assert.Equal(t, buf.String(), string(got), "%s is stale: run go test ./decision -run %s -update", name, t.Name())
	}
	saved, _ := filepath.Glob("testdata/valid/markdown-*.json")
	for _, f := range saved {
		assert.True(t, want[f], "%s has no Markdown record behind it any more", f)
	}
}

// TestLongMarkdownRecordAgrees reads a record whose context runs past a
// YAML record's bound, as real logs do, and checks that the schema takes
// it as Validate does, and refuses it as Validate does once it is no
// longer marked as read from Markdown.
func TestLongMarkdownRecordAgrees(t *testing.T) {
	s := schematest.Compile(t, Schema())
	long := strings.Repeat("A long context paragraph that goes on. ", 1000)
	d, err := ParseMarkdown([]byte("---\nconsulted: Ann\n---\n# Use C\n\n## Context\n\n" + long + "\n"))
	require.NoError(t, err)
	for _, md := range []bool{true, false} {
		if !md {
			d.Format = ""
		}
		b, err := json.Marshal(d)
		require.NoError(t, err)
		inst, err := schematest.Instance(b)
		require.NoError(t, err)
		goErr, schemaErr := d.Validate(), s.Validate(inst)
		assert.Equal(t, md, goErr == nil, "Go, markdown=%v: %v", md, goErr)
		assert.Equal(t, md, schemaErr == nil, "schema, markdown=%v: %v", md, schemaErr)
	}
}

func TestRelaxationExempts(t *testing.T) {
	r := relaxation{maxLength: true, required: []string{"/options/*/name", "/people/driver"}}
	for _, tc := range []struct {
		p    Problem
		want bool
	}{
		{Problem{Path: "/options/3/name", Rule: RuleRequired}, true},
		{Problem{Path: "/options/12/name", Rule: RuleRequired}, true},
		{Problem{Path: "/options/3/description", Rule: RuleRequired}, false},
		{Problem{Path: "/people/driver", Rule: RuleRequired}, true},
		{Problem{Path: "/people/driver", Rule: RuleTooShort}, false},
		{Problem{Path: "/context", Rule: RuleTooLong}, true},
		{Problem{Path: "/options", Rule: RuleTooManyItems}, false},
		{Problem{Path: "/impact", Rule: "range"}, false},
	} {
		assert.Equal(t, tc.want, r.exempts(tc.p), "%+v", tc.p)
	}
	assert.False(t, relaxation{}.exempts(Problem{Path: "/context", Rule: RuleTooLong}))
}

var mdCorpus = flag.String("md-corpus", "", "write the Markdown records' mutations with Go's verdicts here, for .ci/mdschema.sh to check with ajv")

// TestMarkdownRecordMutationsAgree breaks each Markdown-read record the way
// the template is broken (every required key, enum, bound and unknown key
// the schema states for it) and requires Go and the schema to agree on
// each: the conditional parts of the schema are exercised from the
// Markdown side too. With -md-corpus it writes them, as the review tool's
// corpus is written, for ajv.
func TestMarkdownRecordMutationsAgree(t *testing.T) {
	files, _ := filepath.Glob("testdata/valid/*markdown*.json")
	corpus := &schematest.Corpus{Dir: *mdCorpus}
	n := schematest.MutationsAgree(t, Schema(), files, checkDecision, corpus, KindDecision, decisionOpts.Path)
	t.Logf("%d Markdown records and their mutations", n)
	corpus.Write(t)
}
