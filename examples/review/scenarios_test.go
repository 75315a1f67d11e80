package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dayone-go/mechanisms/examples/templates"
	"github.com/dayone-go/mechanisms/prfaq"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The scenarios of the review tool issue, each in a temporary folder built
// from the templates.

// runBounded runs the tool and fails the test, rather than hanging it,
// when a run has not finished in two minutes: a hang, not a slow run,
// since a loaded machine under -race may take many times the usual time.
func runBounded(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	type result struct {
		code      int
		out, errs string
	}
	done := make(chan result, 1)
	go func() {
		code, out, errs := runReview(t, args...)
		done <- result{code, out, errs}
	}()
	select {
	case r := <-done:
		return r.code, r.out, r.errs
	case <-time.After(2 * time.Minute):
		t.Fatalf("review %v did not finish in two minutes", args)
	}
	return 0, "", ""
}

func template(t *testing.T, name string) string {
	t.Helper()
	data, err := templates.FS.ReadFile(name)
	require.NoError(t, err)
	return string(data)
}

// tree writes files (path → content) under a new temporary folder and
// returns it.
func tree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	}
	return dir
}

func reviewJSON(t *testing.T, args ...string) (int, jsonReport, string) {
	t.Helper()
	code, out, errs := runReview(t, append([]string{"-format", "json"}, args...)...)
	var rep jsonReport
	require.NoError(t, json.Unmarshal([]byte(out), &rep), "stdout: %s\nstderr: %s", out, errs)
	return code, rep, errs
}

func rulesOf(rep jsonReport) map[string]bool {
	out := map[string]bool{}
	for _, r := range rep.Findings {
		out[r.Rule] = true
	}
	return out
}

func TestInvalidPolicyBesideADecisionFailsTheRun(t *testing.T) {
	dir := tree(t, map[string]string{
		"decisions/0007-x.decision.yaml": template(t, "decision.yaml"),
		"decisions/policy.yaml":          "currency: USD\noneWayAreas: [nonsense]\n",
	})
	code, rep, _ := reviewJSON(t, filepath.Join(dir, "decisions", "0007-x.decision.yaml"))
	assert.Equal(t, 1, code)
	var atPolicy []row
	for _, r := range rep.Findings {
		if strings.HasSuffix(r.File, "policy.yaml") {
			atPolicy = append(atPolicy, r)
		}
	}
	require.NotEmpty(t, atPolicy, "the policy's problems are reported at the policy: %+v", rep.Findings)
	assert.Equal(t, "policy", atPolicy[0].Kind)
	assert.Positive(t, atPolicy[0].Line)
	require.Len(t, rep.Documents, 1)
	assert.False(t, rep.Documents[0].Valid, "the decision is not classified under another policy")
	assert.Nil(t, rep.Documents[0].Result)
}

func TestNamedPolicies(t *testing.T) {
	policy := template(t, "policy.yaml")
	dir := tree(t, map[string]string{
		"one/0001.decision.yaml":       template(t, "decision.yaml"),
		"one/platform.policy.yaml":     policy,
		"two/0001.decision.yaml":       template(t, "decision.yaml"),
		"two/platform.policy.yaml":     policy,
		"two/payments.policy.yaml":     policy,
		"none/0001.decision.yaml":      template(t, "decision.yaml"),
		"elsewhere/strict.policy.yaml": strings.Replace(policy, "affordableLoss: 200000", "affordableLoss: 1000", 1),
	})
	t.Chdir(dir)

	code, rep, _ := reviewJSON(t, "one/0001.decision.yaml")
	assert.Equal(t, 0, code)
	assert.Equal(t, "one/platform.policy.yaml", rep.Documents[0].Result.(map[string]any)["policy"], "the one *.policy.yaml in the folder")

	code, out, _ := runReview(t, "two/0001.decision.yaml")
	assert.Equal(t, 1, code, "two policy files in a folder are an error")
	assert.Contains(t, out, "2 policy files in one folder")

	code, rep, _ = reviewJSON(t, "none/0001.decision.yaml")
	assert.Equal(t, 0, code)
	assert.Equal(t, "default", rep.Documents[0].Result.(map[string]any)["policy"])
	_, out, _ = runReview(t, "none/0001.decision.yaml")
	assert.Contains(t, out, "under the default policy")

	code, rep, _ = reviewJSON(t, "-policy", "elsewhere/strict.policy.yaml", "two/0001.decision.yaml")
	assert.Equal(t, 1, code, "the error finding cost-beyond-affordable-loss fails the run")
	assert.Equal(t, "elsewhere/strict.policy.yaml", rep.Documents[0].Result.(map[string]any)["policy"])
	assert.True(t, rulesOf(rep)["cost-beyond-affordable-loss"])
	code, _, _ = reviewJSON(t, "-fail-on", "none", "-policy", "elsewhere/strict.policy.yaml", "two/0001.decision.yaml")
	assert.Equal(t, 0, code, "-fail-on none: findings never fail the run")
}

func TestFilesNamedByFlagsMustExist(t *testing.T) {
	for _, args := range [][]string{
		{"-policy", "/does/not/exist.yaml"},
		{"-data", "/does/not/exist.csv"},
		{"-week", "28/11/2026"},
		{"-today", "yesterday"},
		{"-steps", "-3"},
		{"testdata/does-not-exist.yaml"},
	} {
		code, _, errs := runReview(t, args...)
		assert.Equal(t, 2, code, "%v", args)
		assert.NotEmpty(t, errs, "%v says why", args)
	}
	// A week that is not a week end of the deck (a Friday; the deck's
	// weeks end on Saturday).
	code, _, errs := runReview(t, "-week", "2026-11-20")
	assert.Equal(t, 2, code)
	assert.Contains(t, errs, "friday")
}

func TestSARIFPathsFromAParentFolder(t *testing.T) {
	dir := tree(t, map[string]string{
		"docs/decisions/0007 a#b.decision.yaml": strings.Replace(template(t, "decision.yaml"), "chosen: Keep guest checkout with step-up checks", "chosen: Nothing", 1),
	})
	t.Chdir(dir)
	code, out, _ := runReview(t, "-format", "sarif", "docs")
	assert.Equal(t, 1, code)
	var log struct {
		Runs []struct {
			OriginalURIBaseIDs map[string]struct {
				URI string `json:"uri"`
			} `json:"originalUriBaseIds"`
			Tool struct {
				Driver struct {
					Rules []sarifRule `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []sarifResult `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	run := log.Runs[0]
	require.NotEmpty(t, run.Results)
	loc := run.Results[0].Locations[0].PhysicalLocation.ArtifactLocation
	assert.Equal(t, "docs/decisions/0007%20a%23b.decision.yaml", loc.URI)
	assert.Equal(t, srcRoot, loc.URIBaseID)
	assert.True(t, strings.HasPrefix(run.OriginalURIBaseIDs[srcRoot].URI, "file:///"))
	assert.True(t, strings.HasSuffix(run.OriginalURIBaseIDs[srcRoot].URI, "/"))
	for _, r := range run.Tool.Driver.Rules {
		assert.NotEmpty(t, r.ShortDescription.Text, r.ID)
		assert.NotContains(t, r.ShortDescription.Text, "mechanisms rule", r.ID)
		assert.NotEmpty(t, r.FullDescription.Text, r.ID)
		assert.NotEmpty(t, r.Help.Text, r.ID)
		assert.Contains(t, []string{"error", "warning", "note"}, r.DefaultConfiguration.Level, r.ID)
	}
}

func TestJSONResultPerKind(t *testing.T) {
	code, rep, _ := reviewJSON(t)
	require.Equal(t, 0, code)
	want := map[string][]string{
		"decision": {"door", "reasons", "process", "policy"},
		"loop":     {"decision", "vetoed"},
		"flywheel": {"loops", "growth"},
		"deck":     {"metrics", "week", "weekChosen", "data"},
		"prfaq":    {"headline", "readability"},
		"policy":   {"oneWayAreas"},
	}
	seen := map[string]bool{}
	for _, d := range rep.Documents {
		keys, ok := want[d.Kind]
		if !ok {
			continue
		}
		seen[d.Kind] = true
		res, ok := d.Result.(map[string]any)
		require.True(t, ok, "%s has a result object", d.File)
		for _, k := range keys {
			assert.Contains(t, res, k, "%s result", d.Kind)
		}
		if d.Kind == "deck" {
			m := res["metrics"].([]any)[0].(map[string]any)
			for _, k := range []string{"lastWeek", "wow", "yoy", "mtd", "qtd", "ytd"} {
				assert.Contains(t, m, k)
			}
		}
		if d.Kind == "decision" {
			reasons := res["reasons"].([]any)
			assert.Equal(t, true, reasons[0].(map[string]any)["deciding"])
		}
	}
	assert.Len(t, seen, len(want), "every kind has a result")
	for _, r := range rep.Findings {
		if r.Rule == "one-way-underinformed" {
			assert.NotEmpty(t, r.Suggestion, "JSON findings carry their suggestion")
		}
	}
}

func TestALoneDecisionIsCheckedForItsReviewDate(t *testing.T) {
	dir := tree(t, map[string]string{"only.decision.yaml": template(t, "decision.yaml")})
	code, rep, _ := reviewJSON(t, "-today", "2027-03-01", filepath.Join(dir, "only.decision.yaml"))
	assert.Equal(t, 0, code, "overdue is a warning")
	assert.True(t, rulesOf(rep)["review-overdue"], "%+v", rep.Findings)
	_, rep, _ = reviewJSON(t, "-today", "2027-01-01", filepath.Join(dir, "only.decision.yaml"))
	assert.False(t, rulesOf(rep)["review-overdue"])
}

func TestConfiguration(t *testing.T) {
	dir := tree(t, map[string]string{
		"docs/d.decision.yaml": template(t, "decision.yaml"),
		"docs/policy.yaml":     template(t, "policy.yaml"),
		"docs/memo.md":         "We will leverage synergies. The plan is arguably sound.\n",
		".mechanisms.yaml": "rules:\n  one-way-underinformed: off\n  narrative/hype: error\n" +
			"prose:\n  words:\n    weasel-word: [arguably]\n" +
			"overrides:\n  - files: [\"docs/*.md\"]\n    rules: {wordy-phrase: off}\n",
	})
	docs := filepath.Join(dir, "docs")
	code, rep, _ := reviewJSON(t, docs)
	rules := rulesOf(rep)
	assert.False(t, rules["one-way-underinformed"], "switched off")
	assert.False(t, rules["wordy-phrase"], "switched off for docs/*.md")
	assert.True(t, rules["weasel-word"], "an extra word")
	assert.Equal(t, 1, code, "hype raised to error fails the run")
	for _, r := range rep.Findings {
		if r.Rule == "hype" {
			assert.Equal(t, "error", r.Severity)
		}
	}

	code, rep, _ = reviewJSON(t, "-no-config", docs)
	assert.Equal(t, 0, code)
	assert.True(t, rulesOf(rep)["one-way-underinformed"], "configuration off")

	require.NoError(t, os.WriteFile(filepath.Join(dir, ".mechanisms.yaml"), []byte("rules:\n  hype: error\nrulez: {}\n"), 0o644))
	code, _, errs := runReview(t, docs)
	assert.Equal(t, 2, code, "an unknown key is a usage error")
	assert.Contains(t, errs, ".mechanisms.yaml:3:")
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".mechanisms.yaml"), []byte("rules:\n  hipe: error\n"), 0o644))
	code, _, errs = runReview(t, docs)
	assert.Equal(t, 2, code, "a rule no kind reports is a usage error")
	assert.Contains(t, errs, "hipe")
}

func TestInlineSuppression(t *testing.T) {
	decisionDoc := strings.Replace(template(t, "decision.yaml"), "information: 0.85", "# review:ignore one-way-underinformed\ninformation: 0.85", 1)
	dir := tree(t, map[string]string{
		"d.decision.yaml": decisionDoc,
		"policy.yaml":     template(t, "policy.yaml"),
		"memo.md":         "We will leverage synergies. <!-- review:ignore hype -->\n<!-- review:ignore wordy-phrase -->\nLeverage it.\n",
	})
	_, rep, _ := reviewJSON(t, dir)
	rules := rulesOf(rep)
	assert.False(t, rules["one-way-underinformed"])
	assert.False(t, rules["hype"])
	assert.True(t, rules["wordy-phrase"], "only the next line's wordy-phrase is suppressed: %+v", rep.Findings)
	assert.Equal(t, 3, rep.Summary.Suppressed)
	_, out, _ := runReview(t, dir)
	assert.Contains(t, out, "; 3 suppressed")
	_, out, _ = runReview(t, "-format", "sarif", dir)
	var log sarifLog
	require.NoError(t, json.Unmarshal([]byte(out), &log))
	n := 0
	for _, r := range log.Runs[0].Results {
		if len(r.Suppressions) > 0 {
			n++
			assert.Equal(t, "inSource", r.Suppressions[0].Kind)
		}
	}
	assert.Equal(t, 3, n, "SARIF reports suppressed findings as suppressed")
}

func TestStandardInput(t *testing.T) {
	code, out, errs := runReviewIn(t, template(t, "loop.yaml"), "-kind", "loop", "-")
	assert.Equal(t, 0, code, errs)
	assert.Contains(t, out, "-  [loop]  valid")
	assert.Contains(t, out, "outcome: hire")
	// Without -kind, the keys tell.
	code, out, _ = runReviewIn(t, template(t, "flywheel.yaml"), "-")
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "[flywheel]  valid")
	code, _, _ = runReviewIn(t, "not: [a, document]\n", "-")
	assert.Equal(t, 1, code)
}

func TestHelp(t *testing.T) {
	code, _, errs := runReview(t, "-h")
	assert.Equal(t, 0, code)
	for _, want := range []string{"decision", "*.decision.yaml", "deck", "*.deck.yaml", ".mechanisms.yaml", "review:ignore", "-fail-on", "-policy", "-data", "-week", "-steps", "-today", "Exit status", "  2  usage"} {
		assert.Contains(t, errs, want)
	}
}

func TestCSVProblemsAreAtTheCSVLine(t *testing.T) {
	dir := tree(t, map[string]string{
		"w.deck.yaml":      template(t, "deck.yaml"),
		"w.deck-data.csv":  "date,metric,value\n2026-11-21,orders,5\n2026-11-21,orders,banana\n",
		"x/x.deck.yaml":    template(t, "deck.yaml"),
		"x/other-data.csv": "date,metric,value\n2026-11-21,orders,5\nnot a row\n",
	})
	code, rep, _ := reviewJSON(t, filepath.Join(dir, "w.deck.yaml"))
	assert.Equal(t, 1, code)
	var found bool
	for _, r := range rep.Findings {
		if strings.HasSuffix(r.File, "w.deck-data.csv") {
			found = true
			assert.Equal(t, 3, r.Line, "%+v", r)
		}
	}
	assert.True(t, found, "the problem names the CSV: %+v", rep.Findings)

	code, rep, _ = reviewJSON(t, "-data", filepath.Join(dir, "x", "other-data.csv"), filepath.Join(dir, "x", "x.deck.yaml"))
	assert.Equal(t, 1, code)
	require.NotEmpty(t, rep.Findings)
	last := rep.Findings[len(rep.Findings)-1]
	assert.True(t, strings.HasSuffix(last.File, "other-data.csv"), "%+v", last)
	assert.Equal(t, 3, last.Line)

	// No data at all is said, not an error.
	dir = tree(t, map[string]string{"lonely.deck.yaml": template(t, "deck.yaml")})
	code, out, _ := runReview(t, filepath.Join(dir, "lonely.deck.yaml"))
	assert.Equal(t, 0, code)
	assert.Contains(t, out, "no data: put the daily values in lonely.deck-data.csv")
}

func TestTheWeekChosenIsSaid(t *testing.T) {
	_, out, _ := runReview(t)
	assert.Contains(t, out, "week ending 2026-11-21 (the last complete week of deck-data.csv)")
	_, out, _ = runReview(t, "-week", "2026-11-14")
	assert.Contains(t, out, "week ending 2026-11-14 (-week)")
}

func TestHostileTextIsEscaped(t *testing.T) {
	hostile := strings.Replace(template(t, "decision.yaml"),
		"title: Retire guest checkout and require an account to buy",
		`title: "ok\n::error file=README.md::injected\u001b[2J\u009b31m"`, 1)
	hostile = strings.Replace(hostile, "chosen: Keep guest checkout with step-up checks", `chosen: "x\n::warning::y"`, 1)
	dir := tree(t, map[string]string{"h.decision.yaml": hostile, "memo.md": "Fine.\n::error::z \x1b]0;title\x07 basically\n"})
	// A file name can carry a line break too.
	if err := os.WriteFile(filepath.Join(dir, "x\n::error::named.md"), []byte("Fine.\n"), 0o644); err != nil {
		t.Logf("this file system refuses the name: %v", err)
	}
	_, out, _ := runReview(t, dir)
	for _, line := range strings.Split(out, "\n") {
		assert.False(t, strings.HasPrefix(strings.TrimSpace(line), "::"), "a line starts a workflow command: %q", line)
		assert.NotContains(t, line, "\x1b")
		assert.NotContains(t, line, "\u009b")
	}
	assert.Contains(t, out, `\n::warning::y`)
	assert.Contains(t, out, `x\n::error::named.md`)
}

func TestFailingOutStillReports(t *testing.T) {
	dir := t.TempDir()
	blocker := filepath.Join(dir, "file")
	require.NoError(t, os.WriteFile(blocker, nil, 0o644))
	code, out, errs := runReview(t, "-out", blocker)
	assert.Equal(t, 1, code)
	assert.Equal(t, "review: -out "+blocker+": not a directory\n", errs, "one line for the one failure")
	assert.Contains(t, out, "8 documents", "the report still follows")
}

func TestOutNeverWritesOneFileTwice(t *testing.T) {
	dec := strings.Replace(template(t, "decision.yaml"), "links:\n  related: [ADR-0043]\n", "", 1)
	dir := tree(t, map[string]string{"a.decision.yaml": dec, "a.decision.json": "", "policy.yaml": template(t, "policy.yaml")})
	js, err := json.Marshal(mustJSON(t, strings.Replace(dec, "id: ADR-0042", "id: ADR-0043", 1)))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.decision.json"), js, 0o644))
	out := t.TempDir()
	code, text, errs := runReview(t, "-out", out, dir)
	require.Equal(t, 0, code, errs)
	rel, _ := filepath.Rel("/", dir)
	for _, f := range []string{"a.decision.yaml/decision.md", "a.decision.json/decision.md"} {
		_, err := os.Stat(filepath.Join(out, rel, f))
		assert.NoError(t, err, f)
		// The report names the folder the files went to.
		assert.Contains(t, text, " under "+filepath.Join(out, rel, filepath.Dir(f))+"\n")
	}
	assert.NotContains(t, text, " under "+filepath.Join(out, rel, "a.decision")+"\n")
	// Two inputs that still meet on one path are refused, naming both.
	docs := []*doc{{File: "x/a.yaml", Files: map[string][]byte{"r/s.md": nil}}, {File: "x/a/r.yaml", Files: map[string][]byte{"s.md": nil}}}
	_, err = planOut(out, docs, nil)
	if assert.Error(t, err) {
		assert.Contains(t, err.Error(), "x/a.yaml and x/a/r.yaml")
	}
}

func mustJSON(t *testing.T, yamlDoc string) any {
	t.Helper()
	v, err := strictJSON([]byte(yamlDoc))
	require.NoError(t, err)
	return v
}

func TestFileNamesThatAreNotUTF8(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "bad\xff name.decision.yaml")
	if err := os.WriteFile(name, []byte(template(t, "decision.yaml")), 0o644); err != nil {
		t.Skipf("this file system refuses the name: %v", err)
	}
	code, out, _ := runReview(t, dir)
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, `bad\xff name.decision.yaml  [decision]  valid`)
	_, rep, _ := reviewJSON(t, dir)
	assert.Contains(t, rep.Documents[0].File, `bad\xff name`)
}

func TestMarkdownDocuments(t *testing.T) {
	read := func(p string) string {
		data, err := os.ReadFile(filepath.Join("..", "..", p))
		require.NoError(t, err)
		return string(data)
	}
	dir := tree(t, map[string]string{
		"docs/adr/0007-cache-layer.md":  read("decision/testdata/markdown/madr/0007-cache-layer.md"),
		"docs/adr/0020-rename-queue.md": read("decision/testdata/markdown/madr/0020-rename-queue.md"),
		"docs/adr/README.md":            "# Decisions\n\nThe log of our decisions. It is basically complete.\n",
		"docs/launch.md":                read("examples/templates/prfaq.md"),
		"docs/record.md":                read("examples/templates/decision.md"),
		"docs/memo.md":                  "# Memo\n\nWe will leverage synergies.\n",
	})
	code, rep, _ := reviewJSON(t, "-today", "2026-12-01", dir)
	assert.Equal(t, 0, code, "%+v", rep.Findings)
	kinds := map[string]string{}
	for _, d := range rep.Documents {
		rel, _ := filepath.Rel(dir, d.File)
		kinds[filepath.ToSlash(rel)] = d.Kind
	}
	assert.Equal(t, map[string]string{
		"docs/adr/0007-cache-layer.md":  "decision",
		"docs/adr/0020-rename-queue.md": "decision",
		"docs/adr/README.md":            "narrative",
		"docs/launch.md":                "prfaq",
		"docs/record.md":                "decision",
		"docs/memo.md":                  "narrative",
	}, kinds)
	for _, r := range rep.Findings {
		if r.Kind == "decision" || r.Kind == "prfaq" {
			assert.Positive(t, r.Line, "a finding on Markdown points at its line: %+v", r)
		}
	}
	var logs int
	for _, g := range rep.Groups {
		if g.Kind == "decision-log" {
			logs++
			assert.Equal(t, 2, g.Documents)
		}
	}
	assert.Equal(t, 1, logs, "the adr folder is a decision log")

	// -kind overrides: the memo read as a PR/FAQ is not one.
	code, _, _ = runReview(t, "-kind", "prfaq", filepath.Join(dir, "docs", "memo.md"))
	assert.Equal(t, 1, code)
	code, out, _ := runReviewIn(t, read("examples/templates/decision.md"), "-kind", "decision", "-")
	assert.Equal(t, 0, code, out)
	assert.Contains(t, out, "[decision]  valid")
}

func TestDeckSources(t *testing.T) {
	deck := template(t, "deck.yaml")
	withSource := func(src string) string {
		return strings.Replace(deck, "calendar:", src+"calendar:", 1)
	}
	csv := template(t, "deck-data.csv")
	dir := tree(t, map[string]string{
		"a/a.deck.yaml":         withSource("source:\n  csv: data/daily.csv\n"),
		"a/data/daily.csv":      csv,
		"b/b.deck.yaml":         withSource("source:\n  csv: missing.csv\n"),
		"q/q.deck.yaml":         withSource("source:\n  query: select date, metric, value from daily\n  dsnEnv: REVIEW_TEST_UNSET_DSN\n"),
		"q2/q2.deck.yaml":       withSource("source:\n  query: select date, metric, value from daily\n  dsnEnv: REVIEW_TEST_UNSET_DSN\n"),
		"plain/p.deck.yaml":     deck,
		"plain/p.deck-data.csv": csv,
	})
	code, rep, _ := reviewJSON(t, filepath.Join(dir, "a"))
	assert.Equal(t, 0, code)
	assert.Equal(t, filepath.Join(dir, "a", "data", "daily.csv"), rep.Documents[0].Result.(map[string]any)["data"])

	code, rep, _ = reviewJSON(t, filepath.Join(dir, "b"))
	assert.Equal(t, 1, code, "a named source that is missing is an error: %+v", rep.Findings)

	code, out, _ := runReview(t, filepath.Join(dir, "q"))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "REVIEW_TEST_UNSET_DSN")

	// A server that is not there: a clear error at the deck's query, not
	// a hang and not an empty report.
	code, out, _ = runBounded(t, "-db", "postgres://nobody:x@127.0.0.1:1/none?connect_timeout=3", filepath.Join(dir, "q2"))
	assert.Equal(t, 1, code)
	assert.Contains(t, out, "query")
	code, _, errs := runReview(t, "-db", "REVIEW_TEST_UNSET_DSN", filepath.Join(dir, "q2"))
	assert.Equal(t, 2, code, "-db names a variable that is not set")
	assert.Contains(t, errs, "REVIEW_TEST_UNSET_DSN")

	dsn := os.Getenv("WBR_TEST_DSN")
	if dsn == "" {
		t.Log("the PostgreSQL case needs WBR_TEST_DSN (.ci/postgres.sh sets it)")
		return
	}
	loadDaily(t, dsn, csv)
	_, fromCSV, _ := reviewJSON(t, filepath.Join(dir, "plain"))
	code, fromDB, errs := reviewJSON(t, "-db", dsn, filepath.Join(dir, "q2"))
	require.Equal(t, 0, code, "%s %+v", errs, fromDB.Findings)
	a := fromCSV.Documents[0].Result.(map[string]any)
	b := fromDB.Documents[0].Result.(map[string]any)
	assert.Equal(t, a["metrics"], b["metrics"], "the same figures from the database as from the CSV")
	assert.Equal(t, a["week"], b["week"])
}

func TestColourOnlyOnATerminal(t *testing.T) {
	r, w, err := os.Pipe()
	require.NoError(t, err)
	defer r.Close()
	defer w.Close()
	assert.False(t, colourful(w), "a pipe")
	assert.False(t, colourful(&strings.Builder{}), "not a file")
	t.Setenv("NO_COLOR", "1")
	if tty, err := os.OpenFile("/dev/tty", os.O_WRONLY, 0); err == nil {
		defer tty.Close()
		assert.False(t, colourful(tty), "NO_COLOR")
	}
	_, out, _ := runReview(t)
	assert.NotContains(t, out, "\x1b[", "no colour in a report that is not on a terminal")
}

// TestREADMEShowsRealOutput keeps the README's example report what the
// tool prints today.
func TestREADMEShowsRealOutput(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	const cmd = "`go run ./examples/review -today 2026-12-01 examples/templates/decision.yaml examples/templates/loop.yaml examples/templates/flywheel.yaml`:\n\n```text\n"
	_, after, ok := strings.Cut(string(readme), cmd)
	require.True(t, ok, "the README shows the report")
	shown, _, _ := strings.Cut(after, "```")
	t.Chdir("../..")
	// The deck's table, as far as the README shows it.
	_, deckShown, ok := strings.Cut(string(readme), "`go run ./examples/review examples/templates/deck.yaml`,\nfirst lines):\n\n```text\n")
	require.True(t, ok, "the README shows a deck")
	deckShown, _, _ = strings.Cut(deckShown, "```")
	_, deckOut, _ := runReview(t, "examples/templates/deck.yaml")
	// The README shows the deck up to its first finding.
	var head []string
	for _, line := range strings.Split(strings.TrimSpace(deckOut), "\n") {
		head = append(head, line)
		if strings.Contains(line, "  warning  ") || strings.Contains(line, "  error  ") {
			break
		}
	}
	deckWant := strings.Join(head, "\n")
	if *update {
		readme = []byte(strings.Replace(string(readme), deckShown, deckWant+"\n", 1))
	} else {
		assert.Equal(t, deckWant, strings.TrimSpace(deckShown), "README.md shows another deck table than the tool prints: go test ./examples/review -run TestREADMEShowsRealOutput -update")
	}
	_, out, _ := runReview(t, "-today", "2026-12-01", "examples/templates/decision.yaml", "examples/templates/loop.yaml", "examples/templates/flywheel.yaml")
	if *update {
		fixed := strings.Replace(string(readme), cmd+shown, cmd+strings.TrimSpace(out)+"\n", 1)
		require.NoError(t, os.WriteFile("README.md", []byte(fixed), 0o644))
		return
	}
	assert.Equal(t, strings.TrimSpace(out), strings.TrimSpace(shown), "README.md shows another report than the tool prints: go test ./examples/review -run TestREADMEShowsRealOutput -update")
}

func TestCalibrationAndSimulation(t *testing.T) {
	loop := template(t, "loop.yaml")
	dir := tree(t, map[string]string{"loops/a.loop.yaml": loop, "loops/b.loop.yaml": loop, "w.flywheel.yaml": template(t, "flywheel.yaml")})
	code, rep, _ := reviewJSON(t, "-steps", "5", dir)
	require.Equal(t, 0, code)
	require.Len(t, rep.Groups, 1)
	g := rep.Groups[0]
	assert.Equal(t, "calibration", g.Kind)
	assert.Equal(t, 2, g.Documents)
	res := g.Result.(map[string]any)
	assert.Contains(t, res, "interviewers", "leniency per interviewer")
	assert.Contains(t, res, "votes", "Fleiss' kappa of the votes")
	for _, d := range rep.Documents {
		if d.Kind == "flywheel" {
			sim := d.Result.(map[string]any)["simulation"].(map[string]any)
			assert.NotEmpty(t, sim)
		}
	}
	_, out, _ := runReview(t, "-steps", "5", dir)
	assert.Contains(t, out, "[calibration]")
	assert.Contains(t, out, "5 steps later")
}

func TestConfigurationNamesThePolicy(t *testing.T) {
	policy := template(t, "policy.yaml")
	dir := tree(t, map[string]string{
		".mechanisms.yaml":             "policy: policies/strict.policy.yaml\noverrides:\n  - files: [\"lenient/**\"]\n    policy: policies/lenient.policy.yaml\n",
		"policies/strict.policy.yaml":  strings.Replace(policy, "affordableLoss: 200000", "affordableLoss: 1000", 1),
		"policies/lenient.policy.yaml": policy,
		"team/d.decision.yaml":         template(t, "decision.yaml"),
		"lenient/d.decision.yaml":      template(t, "decision.yaml"),
		"broken/.mechanisms.yaml":      "policy: nowhere.yaml\n",
		"broken/d.decision.yaml":       template(t, "decision.yaml"),
	})
	t.Chdir(dir)
	code, rep, _ := reviewJSON(t, "team", "lenient")
	assert.Equal(t, 1, code, "the strict policy's affordable loss is passed")
	policies := map[string]string{}
	for _, d := range rep.Documents {
		policies[d.File] = d.Properties["policy"]
	}
	assert.Equal(t, map[string]string{
		"team/d.decision.yaml":    filepath.FromSlash("policies/strict.policy.yaml"),
		"lenient/d.decision.yaml": filepath.FromSlash("policies/lenient.policy.yaml"),
	}, policies)
	code, _, errs := runReview(t, "broken")
	assert.Equal(t, 2, code, "a policy the configuration names must exist")
	assert.Contains(t, errs, "nowhere.yaml")
}

func TestKindAppliesToNamedFiles(t *testing.T) {
	dir := tree(t, map[string]string{"a.txt": template(t, "flywheel.yaml"), "sub/w.flywheel.yaml": template(t, "flywheel.yaml")})
	code, rep, _ := reviewJSON(t, "-kind", "flywheel", filepath.Join(dir, "a.txt"), filepath.Join(dir, "sub"))
	assert.Equal(t, 0, code, "%+v", rep.Findings)
	kinds := map[string]string{}
	for _, d := range rep.Documents {
		kinds[filepath.Base(d.File)] = d.Kind
	}
	assert.Equal(t, map[string]string{"a.txt": "flywheel", "w.flywheel.yaml": "flywheel"}, kinds)
}

func TestDesignDocWithFAQIsANarrative(t *testing.T) {
	dir := tree(t, map[string]string{
		"design.md": "# Storage design\n\nWe move blobs to a new store.\n\n## FAQ\n\n### Why now?\n\nBecause the old one is full.\n",
	})
	code, out, errs := runReview(t, dir)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "[narrative]", "an FAQ section alone does not make a PR/FAQ")
	assert.NotContains(t, out, "not-a-prfaq")
}

// nygard is a Nygard record with the given title, accepted, linking to
// nothing unless status says so.
func nygard(title, status string) string {
	return "# " + title + "\n\nDate: 2018-09-26\n\n## Status\n\n" + status + "\n\n## Context\n\nWhy.\n\n## Decision\n\nWhat.\n\n## Consequences\n\nSome.\n"
}

// TestMarkdownLogProblemsArePlacedNotPanicked: the log check's problems on
// Markdown records (a duplicate id, a link to a record outside the
// folder) are placed in the Markdown, as the records have no JSON or YAML
// source.
func TestMarkdownLogProblemsArePlacedNotPanicked(t *testing.T) {
	dir := tree(t, map[string]string{
		"decisions/0001-a.md": "---\nid: ADR-1\n---\n" + nygard("Use A", "Accepted"),
		"decisions/0002-b.md": "---\nid: ADR-1\n---\n" + nygard("Use B", "Superseded by [9. Use C](0009-c.md)"),
	})
	code, rep, errs := reviewJSON(t, "-today", "2019-01-01", dir)
	assert.Equal(t, 1, code, errs)
	rules := map[string]bool{}
	for _, r := range rep.Findings {
		if strings.HasPrefix(r.Rule, "log-") || r.Rule == "unknown-reference" {
			rules[r.Rule] = true
			assert.Positive(t, r.Line, "placed in the Markdown: %+v", r)
		}
	}
	assert.True(t, rules["log-duplicate-id"], "%v", rules)
	assert.True(t, rules["unknown-reference"], "%v", rules)
}

// TestMarkdownRecordsTakeLoadLogsIDs: a record that names no id takes its
// file's number, and one whose title number was copied from another
// record takes its file's, as decision.LoadLog gives them.
func TestMarkdownRecordsTakeLoadLogsIDs(t *testing.T) {
	dir := tree(t, map[string]string{
		"adr/0003-networks.md":  nygard("3. Lay out the networks", "Accepted"),
		"adr/0033-ip-ranges.md": nygard("3. Lay out the networks", "Accepted"),
		"adr/0012-x.md":         nygard("Use X", "Accepted"),
	})
	code, rep, errs := reviewJSON(t, "-today", "2019-01-01", dir)
	assert.Equal(t, 0, code, "%s %+v", errs, rep.Findings)
	require.Len(t, rep.Groups, 1)
	res, _ := rep.Groups[0].Result.(map[string]any)
	assert.Equal(t, []any{"0003", "0012", "0033"}, res["decisions"])
}

// TestPRFAQHeadingsWithoutTheWordFAQ: a PR/FAQ whose questions sit under
// "## PRFAQ" or "## PR-FAQ" is a PR/FAQ, as prfaq.IsMarkdownPRFAQ says.
func TestPRFAQHeadingsWithoutTheWordFAQ(t *testing.T) {
	src := template(t, "prfaq.md")
	for _, heading := range []string{"## PRFAQ", "## PR-FAQ"} {
		doc := strings.Replace(strings.Replace(src, "## External FAQ", heading, 1), "## Internal FAQ", "## Internal questions", 1)
		require.True(t, prfaq.IsMarkdownPRFAQ([]byte(doc)), heading)
		dir := tree(t, map[string]string{"launch.md": doc})
		_, rep, errs := reviewJSON(t, dir)
		require.Len(t, rep.Documents, 1, errs)
		assert.Equal(t, "prfaq", rep.Documents[0].Kind, heading)
	}
}

// wheel is a flywheel of n nodes, each linked to the next reach nodes
// (around the ring) with the given weight; reach 1 is one reinforcing loop.
func wheel(n, reach int, weight string) string {
	var b strings.Builder
	b.WriteString("name: Ring\nnodes:\n")
	for i := range n {
		fmt.Fprintf(&b, "  - id: n%d\n", i)
	}
	b.WriteString("links:\n")
	for i := range n {
		for k := 1; k <= reach; k++ {
			fmt.Fprintf(&b, "  - {from: n%d, to: n%d, polarity: '+', weight: %s}\n", i, (i+k)%n, weight)
		}
	}
	return b.String()
}

// TestLongLoopsAreListedByTheirEnds: a loop longer than maxNodesListed
// lists its first and last nodes, its length and that it was cut, in the
// text and the JSON; a gain held at the float64 limit says so.
func TestLongLoopsAreListedByTheirEnds(t *testing.T) {
	dir := tree(t, map[string]string{"ring.flywheel.yaml": wheel(103, 1, "1000")})
	code, out, errs := runReview(t, dir)
	require.Equal(t, 0, code, errs)
	assert.Contains(t, out, "gain ≥1.8e+308: n0 → n1 → n2 → n3 → n4 → n5 → n6 → n7 → … (87 more) → n95 → ")
	assert.NotContains(t, out, "gain 1.8e+308")
	_, rep, _ := reviewJSON(t, dir)
	require.Len(t, rep.Documents, 1)
	js, err := json.Marshal(rep.Documents[0].Result)
	require.NoError(t, err)
	var res struct {
		Loops []flywheelLoop `json:"loops"`
	}
	require.NoError(t, json.Unmarshal(js, &res))
	require.Len(t, res.Loops, 1)
	l := res.Loops[0]
	assert.Equal(t, 103, l.Length)
	assert.True(t, l.NodesTruncated)
	assert.True(t, l.GainAtLimit)
	assert.InDelta(t, 1000, *l.Rate, 1e-6)
	assert.Equal(t, []string{"n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"}, l.Nodes)
	assert.Equal(t, "n102", l.LastNodes[len(l.LastNodes)-1])

	// A short loop is listed whole.
	dir = tree(t, map[string]string{"ring.flywheel.yaml": wheel(5, 1, "1.1")})
	_, rep, _ = reviewJSON(t, dir)
	js, _ = json.Marshal(rep.Documents[0].Result)
	res.Loops = nil
	require.NoError(t, json.Unmarshal(js, &res))
	assert.Equal(t, []string{"n0", "n1", "n2", "n3", "n4"}, res.Loops[0].Nodes)
	assert.False(t, res.Loops[0].NodesTruncated)
	assert.Nil(t, res.Loops[0].LastNodes)
}

// TestLargestWheelResultStaysSmall: the largest valid flywheel (MaxNodes
// nodes, each linked to the next five) has hundreds of loops of thousands
// of nodes; its JSON result lists each loop's ends, not every node, and
// stays well under a megabyte (it was 46 MB, and 400 MB of memory).
func TestLargestWheelResultStaysSmall(t *testing.T) {
	if raceEnabled || testing.Short() {
		t.Skip("the largest wheel is for a plain run")
	}
	dir := tree(t, map[string]string{"big.flywheel.yaml": wheel(10_000, 5, "0.5")})
	code, out, errs := runBounded(t, "-format", "json", dir)
	require.Equal(t, 0, code, errs)
	assert.Less(t, len(out), 1<<20)
	assert.Contains(t, out, `"nodesTruncated": true`)
}

// A week whose sum passes the largest float64 has no figure to print; the
// table says why rather than leaving a bare dash that reads as "no data".
func TestDeckOverflowIsCalledOut(t *testing.T) {
	var csv strings.Builder
	for i, line := range strings.Split(strings.TrimSpace(template(t, "deck-data.csv")), "\n") {
		if i == 0 {
			csv.WriteString(line + "\n")
			continue
		}
		csv.WriteString(line[:strings.LastIndexByte(line, ',')] + ",1.75e308\n")
	}
	dir := tree(t, map[string]string{"big.deck.yaml": template(t, "deck.yaml"), "big.deck-data.csv": csv.String()})
	_, out, errs := runReview(t, filepath.Join(dir, "big.deck.yaml"))
	assert.Contains(t, out, "too large to add up (lastWeek", errs)
	assert.NotContains(t, out, "NaN")
	assert.NotContains(t, out, "Inf")
}
