package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/examples/templates"
	"github.com/dayone-go/mechanisms/internal/schematest"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	update          = flag.Bool("update", false, "rewrite examples/catalog.json")
	corpusDir       = flag.String("corpus", "", "write the schema parity corpus (documents, Go verdicts, manifest.json) here")
	sarifSchemaPath = flag.String("sarif-schema", "", "path of the SARIF 2.1.0 JSON Schema to check -format sarif output against")
)

func runReview(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return runReviewIn(t, "", args...)
}

// runReviewIn runs the tool with stdin as its standard input.
func runReviewIn(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestTemplatesAreValid(t *testing.T) {
	code, out, errs := runReview(t)
	require.Equal(t, 0, code, "stdout:\n%s\nstderr:\n%s", out, errs)
	for _, k := range registry {
		if k.Template == "" {
			continue
		}
		assert.Contains(t, out, fmt.Sprintf("%s  [%s]  valid", k.Template, k.Name))
	}
	assert.Contains(t, out, "0 invalid")
	assert.Contains(t, out, "door: ")
	assert.Contains(t, out, "outcome: ")
	assert.Contains(t, out, "week ending ")
	assert.Contains(t, out, "growth: a push grows")
}

func TestExitCodes(t *testing.T) {
	code, _, _ := runReview(t, "testdata/invalid/risky.decision.yaml")
	assert.Equal(t, 1, code, "invalid document")
	code, _, errs := runReview(t, "-format", "xml")
	assert.Equal(t, 2, code, "bad flag value")
	assert.Contains(t, errs, "unknown -format")
	code, _, _ = runReview(t, "-nope")
	assert.Equal(t, 2, code, "unknown flag")
	code, _, _ = runReview(t, "testdata/does-not-exist.yaml")
	assert.Equal(t, 2, code, "missing path")
	code, _, _ = runReview(t, "-kind", "memo", "x")
	assert.Equal(t, 2, code, "unknown kind")
	code, _, _ = runReview(t, "-fail-on", "fatal")
	assert.Equal(t, 2, code, "unknown severity")
	code, _, _ = runReview(t, "-fail-on", "warning")
	assert.Equal(t, 1, code, "the templates carry warnings, so -fail-on warning fails")
	code, _, _ = runReview(t, "-fail-on", "none", "testdata/invalid")
	assert.Equal(t, 1, code, "-fail-on none still fails on invalid documents")
}

func TestInvalidDocumentsSayWhere(t *testing.T) {
	code, out, _ := runReview(t, "-format", "json", "testdata/invalid")
	require.Equal(t, 1, code)
	var rep jsonReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	byFile := map[string][]row{}
	for _, r := range rep.Findings {
		byFile[filepath.Base(r.File)] = append(byFile[filepath.Base(r.File)], r)
	}
	risky := byFile["risky.decision.yaml"]
	require.NotEmpty(t, risky)
	var paths []string
	for _, r := range risky {
		paths = append(paths, r.Path)
		assert.Equal(t, "error", r.Severity)
		assert.Positive(t, r.Line, "every problem has a line: %+v", r)
	}
	assert.Contains(t, paths, "/chosen")
	assert.Contains(t, paths, "/risks/0/likelihood")

	broken := byFile["broken.flywheel.yaml"]
	require.Len(t, broken, 1)
	assert.Equal(t, "syntax", broken[0].Rule)
	assert.Equal(t, 1, broken[0].Line)

	// Valid JSON of the wrong kind: its $schema says PR/FAQ, its keys say
	// flywheel. The $schema wins, and the PR/FAQ parser names the stray key.
	wrong := byFile["wrong-kind.json"]
	require.Len(t, wrong, 2, "every stray key at once")
	assert.Equal(t, "prfaq", wrong[0].Kind)
	assert.Contains(t, wrong[0].Message, `unknown key "nodes"`)
}

func TestDirectoriesSkipWhatIsNotOurs(t *testing.T) {
	code, out, _ := runReview(t, "testdata/mixed")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "workflow.yaml: skipped")
	assert.Contains(t, out, "memo.md  [narrative]  valid")
	assert.Contains(t, out, "weasel-word")
	assert.Contains(t, out, "passive-voice")
	assert.Contains(t, out, "risky.decision.yaml  [decision]  INVALID")

	// Named on the command line, a file of unknown kind is an error.
	code, out, _ = runReview(t, "testdata/mixed/workflow.yaml")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "unknown-kind")
	// -kind overrides detection.
	code, out, _ = runReview(t, "-kind", "flywheel", "testdata/mixed/workflow.yaml")
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "[flywheel]  INVALID")
}

func TestBinaryAndHugeFiles(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "blob.yaml"), []byte("\x00\x01\x02binary\xff"), 0o644))
	big, err := os.Create(filepath.Join(dir, "big.decision.yaml"))
	require.NoError(t, err)
	require.NoError(t, big.Truncate(maxDocBytes+1))
	require.NoError(t, big.Close())
	code, out, _ := runReview(t, "-format", "json", dir)
	assert.Equal(t, 1, code)
	var rep jsonReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	rules := map[string]string{}
	for _, r := range rep.Findings {
		rules[filepath.Base(r.File)] = r.Rule + ": " + r.Message
	}
	assert.Equal(t, "binary-file: not a text document (binary content)", rules["blob.yaml"])
	assert.Contains(t, rules["big.decision.yaml"], "larger than the limit")
}

func TestTenThousandDocuments(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 10,000 files")
	}
	dir := t.TempDir()
	tmpl, err := templates.FS.ReadFile("flywheel.yaml")
	require.NoError(t, err)
	n := 10_000
	if raceEnabled {
		n = 1_000 // the race detector is after races, not volume
	}
	for i := range n {
		data := tmpl
		if i%1000 == 7 {
			data = []byte("nodes: {}\n") // invalid: wrong type
		}
		require.NoError(t, os.WriteFile(filepath.Join(dir, fmt.Sprintf("w%05d.flywheel.yaml", i)), data, 0o644))
	}
	code, out, _ := runReview(t, "-format", "json", dir)
	assert.Equal(t, 1, code)
	var rep jsonReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	assert.Len(t, rep.Documents, n)
	invalid := 0
	for _, d := range rep.Documents {
		if !d.Valid {
			invalid++
		}
	}
	assert.Equal(t, n/1000, invalid)
}

func TestDetect(t *testing.T) {
	tests := []struct{ name, data, want string }{
		{"a.yaml", "$schema: https://raw.githubusercontent.com/dayone-go/mechanisms/main/wbr/deck.schema.json\n", "deck"},
		{"a.yaml", "$schema: ../../barraiser/loop.schema.json\n", "loop"},
		{"x.prfaq.json", "{}", "prfaq"},
		{"notes.md", "# hi", "narrative"},
		{"0001-cache.decision.md", "# Use a cache\n", "decision"},
		{"docs/Launch.PRFAQ.md", "# Launch\n", "prfaq"},
		// The name wins over headings, as it does for YAML.
		{"launch.prfaq.md", "# T\n## Status\nok\n## Context\nx\n## Decision\ny\n", "prfaq"},
		{"adr/launch.prfaq.md", "# T\n", "prfaq"},
		{"adr/notes.md", "# T\n", "decision"},
		{"a.yaml", "nodes: []\nlinks: []\n", "flywheel"},
		{"a.json", `{"oneWayAreas": []}`, "policy"},
		{"a.yaml", "hello: world\n", ""},
	}
	for _, tc := range tests {
		fl := flag.NewFlagSet("t", flag.ContinueOnError)
		e := newEnv(fl, nil)
		d := &doc{loc: osFile(tc.name), File: tc.name, data: []byte(tc.data)}
		k, ok := detect(e, d)
		if tc.want == "" {
			assert.False(t, ok, tc.data)
			continue
		}
		require.True(t, ok, tc.data)
		assert.Equal(t, tc.want, k.Name, tc.data)
	}
}

func TestJSONRowsAreStable(t *testing.T) {
	_, out, _ := runReview(t, "-format", "json")
	var raw struct {
		Findings []map[string]any `json:"findings"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &raw))
	require.NotEmpty(t, raw.Findings)
	for _, f := range raw.Findings {
		var keys []string
		for k := range f {
			keys = append(keys, k)
		}
		delete(f, "suggestion") // carried where a finding has one
		keys = slices.DeleteFunc(keys, func(k string) bool { return k == "suggestion" })
		assert.ElementsMatch(t, []string{"file", "kind", "rule", "severity", "path", "line", "column", "message"}, keys)
	}
}

func TestSARIF(t *testing.T) {
	code, out, _ := runReview(t, "-format", "sarif", "testdata/invalid", "testdata/mixed/memo.md")
	assert.Equal(t, 1, code)
	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	assert.Equal(t, "2.1.0", log.Version)
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	require.NotEmpty(t, run.Results)
	for _, r := range run.Results {
		require.Less(t, r.RuleIndex, len(run.Tool.Driver.Rules))
		assert.Equal(t, r.RuleID, run.Tool.Driver.Rules[r.RuleIndex].ID)
		assert.Contains(t, []string{"error", "warning", "note"}, r.Level)
		require.Len(t, r.Locations, 1)
		if reg := r.Locations[0].PhysicalLocation.Region; reg != nil {
			assert.Positive(t, reg.StartLine)
		}
	}
	if *sarifSchemaPath == "" {
		t.Log("SARIF schema check skipped: pass -sarif-schema (CI does)")
		return
	}
	schema, err := os.ReadFile(*sarifSchemaPath)
	require.NoError(t, err)
	s := schematest.CompileAny(t, schema)
	inst, err := schematest.Instance([]byte(out))
	require.NoError(t, err)
	assert.NoError(t, s.Validate(inst), "output does not match the SARIF 2.1.0 schema")
}

func TestCatalogIsCurrent(t *testing.T) {
	got, err := catalogJSON()
	require.NoError(t, err)
	const path = "../catalog.json"
	if *update {
		require.NoError(t, os.WriteFile(path, got, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "examples/catalog.json is stale: go test ./examples/review -run TestCatalogIsCurrent -update")
	for _, k := range registry {
		if k.SchemaPath == "" {
			continue
		}
		var s struct {
			ID string `json:"$id"`
		}
		require.NoError(t, json.Unmarshal(k.Schema(), &s))
		assert.True(t, strings.HasSuffix(s.ID, "/"+k.SchemaPath), "%s: $id %s does not end in its path", k.Name, s.ID)
	}
}

// TestWriteCorpus builds the schema parity corpus: for every kind, its
// template, its package's valid and invalid test documents, and the
// mutations of its template, each with the Go validator's verdict. It
// asserts the verdicts the corpus promises (templates and valid documents
// pass, invalid documents and mutations fail) and, with -corpus DIR, writes
// the documents as JSON with a manifest that .ci/ajv-check.mjs reads to
// compare ajv's verdicts with Go's.
func TestWriteCorpus(t *testing.T) {
	type entry struct {
		Kind    string `json:"kind"`
		Name    string `json:"name"`
		Schema  string `json:"schema"`
		File    string `json:"file"`
		GoValid bool   `json:"goValid"`
		GoOnly  bool   `json:"goOnly"`
	}
	var manifest []entry
	n := 0
	add := func(k kind, name string, data []byte, wantValid, goOnly bool) {
		inst, err := schematest.Instance(data)
		if err != nil {
			return // refused before any schema could see it (syntax)
		}
		js, err := json.Marshal(inst)
		require.NoError(t, err)
		goErr := k.Check(data)
		if wantValid {
			assert.NoError(t, goErr, "%s %s", k.Name, name)
		} else {
			assert.Error(t, goErr, "%s %s", k.Name, name)
		}
		n++
		file := fmt.Sprintf("%05d.json", n)
		manifest = append(manifest, entry{Kind: k.Name, Name: name, Schema: k.SchemaPath, File: file, GoValid: goErr == nil, GoOnly: goOnly})
		if *corpusDir != "" {
			require.NoError(t, os.WriteFile(filepath.Join(*corpusDir, file), js, 0o644))
		}
	}
	for _, k := range registry {
		if k.SchemaPath == "" {
			continue
		}
		if k.Template != "" {
			tmpl, err := templates.FS.ReadFile(k.Template)
			require.NoError(t, err)
			add(k, "template "+k.Template, tmpl, true, false)
			for _, m := range schematest.Mutations(t, k.Schema(), tmpl) {
				b, err := json.Marshal(m.Doc)
				require.NoError(t, err)
				add(k, "mutation: "+m.Name, b, false, false)
			}
		}
		if k.Testdata == "" {
			continue
		}
		for _, sub := range []string{"valid", "invalid"} {
			files, _ := filepath.Glob(filepath.Join("..", "..", k.Testdata, sub, "*"))
			for _, f := range files {
				data, err := os.ReadFile(f)
				require.NoError(t, err)
				add(k, sub+"/"+filepath.Base(f), data, sub == "valid", sub == "invalid" && bytes.HasPrefix(bytes.TrimSpace(data), []byte("# go-only")))
			}
		}
	}
	assert.Greater(t, len(manifest), 100, "the corpus should hold every template, its mutations and the testdata")
	if *corpusDir != "" {
		b, err := json.MarshalIndent(manifest, "", "  ")
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(*corpusDir, "manifest.json"), b, 0o644))
		t.Logf("wrote %d documents to %s", len(manifest), *corpusDir)
	}
}

// TestSchemasDescribeEverything checks what tool builders rely on in every
// committed schema: draft 2020-12, a stable $id that is the file's own URL, a
// title, no unknown keys at any object, and a description on every property.
func TestSchemasDescribeEverything(t *testing.T) {
	schemas := []kind{{Name: "configuration", SchemaPath: configSchemaPath, Schema: func() []byte { return configSchema }}}
	for _, k := range append(schemas, registry...) {
		if k.SchemaPath == "" {
			continue
		}
		t.Run(k.Name, func(t *testing.T) {
			var s map[string]any
			require.NoError(t, json.Unmarshal(k.Schema(), &s))
			assert.Equal(t, "https://json-schema.org/draft/2020-12/schema", s["$schema"])
			assert.Equal(t, "https://raw.githubusercontent.com/dayone-go/mechanisms/main/"+k.SchemaPath, s["$id"])
			assert.NotEmpty(t, s["title"])
			schematest.Compile(t, k.Schema())
			var walk func(node map[string]any, where string)
			walk = func(node map[string]any, where string) {
				props, _ := node["properties"].(map[string]any)
				if props != nil {
					assert.Equal(t, false, node["additionalProperties"], "%s allows unknown keys", where)
				}
				for name, p := range props {
					pm := p.(map[string]any)
					assert.NotEmpty(t, pm["description"], "%s/%s has no description", where, name)
					walk(pm, where+"/"+name)
				}
				if items, ok := node["items"].(map[string]any); ok {
					walk(items, where+"[]")
				}
			}
			walk(s, "#")
			defs, _ := s["$defs"].(map[string]any)
			for name, d := range defs {
				walk(d.(map[string]any), "#/$defs/"+name)
			}
		})
	}
}

func TestDecisionsInAFolderAreCheckedAsALog(t *testing.T) {
	code, out, _ := runReview(t, "-format", "json", "-today", "2026-12-01", "testdata/log")
	assert.Equal(t, 1, code)
	var rep jsonReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	got := map[string]string{}
	for _, r := range rep.Findings {
		if strings.HasPrefix(r.Rule, "log-") || r.Rule == "review-overdue" {
			got[filepath.Base(r.File)+" "+r.Path] = r.Rule
		}
	}
	assert.Equal(t, map[string]string{
		"0001-use-postgres.decision.yaml /links/supersededBy": "log-link-reciprocal",
		"0002-shard-orders.decision.yaml /links/related/0":    "log-link-reciprocal",
		"0002-shard-orders.decision.yaml /reviewBy":           "review-overdue",
	}, got)
	valid := map[string]bool{}
	for _, d := range rep.Documents {
		valid[filepath.Base(d.File)] = d.Valid
	}
	assert.Equal(t, map[string]bool{"0001-use-postgres.decision.yaml": false, "0002-shard-orders.decision.yaml": false, "0003-cache.decision.yaml": true}, valid)
}

// TestTemplatesCarryTheirSchema checks the editor support every template
// promises: the yaml-language-server comment pointing at the committed
// schema, then $schema with the schema's $id.
func TestTemplatesCarryTheirSchema(t *testing.T) {
	for _, k := range registry {
		if k.Template == "" {
			continue
		}
		data, err := templates.FS.ReadFile(k.Template)
		require.NoError(t, err)
		lines := strings.SplitN(string(data), "\n", 3)
		require.Len(t, lines, 3, k.Template)
		assert.Equal(t, "# yaml-language-server: $schema=../../"+k.SchemaPath, lines[0], k.Template)
		assert.Equal(t, "$schema: https://raw.githubusercontent.com/dayone-go/mechanisms/main/"+k.SchemaPath, lines[1], k.Template)
		_, err = os.Stat(filepath.Join("..", "templates", "..", "..", k.SchemaPath))
		assert.NoError(t, err, "the comment's relative path resolves from examples/templates")
	}
}

func TestDenseFlywheelReportIsBounded(t *testing.T) {
	var b strings.Builder
	b.WriteString("name: dense\nnodes:\n")
	const n = 40
	for i := range n {
		fmt.Fprintf(&b, "  - {id: n%d, label: node %d}\n", i, i)
	}
	b.WriteString("links:\n")
	for i := range n {
		for j := range n {
			if i != j {
				fmt.Fprintf(&b, "  - {from: n%d, to: n%d, polarity: \"+\"}\n", i, j)
			}
		}
	}
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "dense.flywheel.yaml"), []byte(b.String()), 0o644))
	_, out, _ := runReview(t, filepath.Join(dir, "dense.flywheel.yaml"))
	assert.Contains(t, out, "more (see the Markdown with -out)")
	assert.Less(t, len(out), 20_000, "the text report lists a bounded number of loops")
}

func TestOutWritesRenderings(t *testing.T) {
	dir := t.TempDir()
	code, out, errs := runReview(t, "-out", dir)
	require.Equal(t, 0, code, errs)
	for _, f := range []string{
		// Two templates share a base name (decision.yaml and decision.md),
		// so each writes under its full file name rather than one overwriting
		// the other.
		"decision.yaml/decision.md",
		"decision.md/decision.md",
		"prfaq.yaml/prfaq.md",
		"prfaq.yaml/findings.md",
		"prfaq.md/prfaq.md",
		"_/index.md",
		"loop/debrief.md",
		"deck/report.md",
		"deck/report.json",
		"deck/report.html",
		"deck/charts/orders.svg",
		"flywheel/flywheel.dot",
		"flywheel/flywheel.mmd",
		"flywheel/flywheel.svg",
	} {
		info, err := os.Stat(filepath.Join(dir, f))
		if assert.NoError(t, err, f) {
			assert.Positive(t, info.Size(), f)
		}
	}
	assert.Contains(t, out, "wrote ")
	svg, err := os.ReadFile(filepath.Join(dir, "deck/charts/orders.svg"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(svg), "<svg") || strings.HasPrefix(string(svg), "<?xml"), "a standalone SVG")
	md, err := os.ReadFile(filepath.Join(dir, "deck/report.md"))
	require.NoError(t, err)
	assert.Contains(t, string(md), "charts/orders.svg", "the report links its charts")
}

func strictJSON(data []byte) (any, error) { return strict.ToJSONValue(data, strict.Limits{}) }
