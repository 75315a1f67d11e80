package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// SARIF 2.1.0 (OASIS), the subset code-scanning services read: one run, the
// rules that fired with their descriptions and help, and one result per
// problem or finding at its file position.

const sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

// srcRoot is the base every relative artifact URI resolves against: the
// working directory the tool ran in, which in CI is the repository root.
const srcRoot = "%SRCROOT%"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                `json:"tool"`
	OriginalURIBaseIDs map[string]sarifArtifact `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult            `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string       `json:"id"`
	Name                 string       `json:"name,omitempty"`
	ShortDescription     sarifMessage `json:"shortDescription"`
	FullDescription      sarifMessage `json:"fullDescription"`
	Help                 sarifMessage `json:"help"`
	DefaultConfiguration sarifConfig  `json:"defaultConfiguration"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifMessage struct {
	Text string `json:"text"`
}

type sarifResult struct {
	RuleID       string             `json:"ruleId"`
	RuleIndex    int                `json:"ruleIndex"`
	Level        string             `json:"level"`
	Message      sarifMessage       `json:"message"`
	Locations    []sarifLocation    `json:"locations"`
	Properties   map[string]string  `json:"properties,omitempty"`
	Suppressions []sarifSuppression `json:"suppressions,omitempty"`
}

// sarifSuppression marks a result a review:ignore comment switched off,
// so code scanning shows it as dismissed in the source.
type sarifSuppression struct {
	Kind          string `json:"kind"`
	Justification string `json:"justification,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

// sarifLevel maps our severities onto SARIF's levels.
func sarifLevel(sev string) string {
	switch finding.Severity(sev) {
	case finding.Error:
		return "error"
	case finding.Warning:
		return "warning"
	}
	return "note"
}

// toolRules are the rules the tool itself reports about files.
var toolRules = []finding.RuleInfo{
	{ID: "unreadable", Severity: finding.Error, Summary: "the file could not be read", Help: "Check that the file exists, is a regular file and can be read."},
	{ID: "unknown-kind", Severity: finding.Error, Summary: "the file's kind could not be told", Help: "Add a $schema key, name the file like *.decision.yaml, or pass -kind."},
	{ID: "binary-file", Severity: finding.Error, Summary: "the file is not text", Help: "Name only JSON, YAML, Markdown or text documents."},
}

// ruleInfo finds what a rule id means: in its kind's rule table, else in the
// shared rules, else among the tool's own.
func ruleInfo(kindName, id string) (finding.RuleInfo, bool) {
	if k, ok := kindByName(kindName); ok && k.Rules != nil {
		for _, r := range k.Rules() {
			if r.ID == id {
				return r, true
			}
		}
	}
	for _, r := range append(finding.SharedRules(), toolRules...) {
		if r.ID == id {
			return r, true
		}
	}
	return finding.RuleInfo{}, false
}

func sarifRuleFor(kindName, id string) sarifRule {
	full := kindName + "/" + id
	if kindName == "" {
		full = id
	}
	info, ok := ruleInfo(kindName, id)
	if !ok {
		info = finding.RuleInfo{ID: id, Severity: finding.Warning, Summary: strings.ReplaceAll(id, "-", " ")}
	}
	what := "a review finding"
	if info.Severity == finding.Error {
		what = "a problem that makes the document invalid, or a finding that fails the run by default"
	}
	k, _ := kindByName(kindName)
	fullText := fmt.Sprintf("%s. %s (%s).", upperFirst(info.Summary), upperFirst(what), strings.TrimSpace(k.Name+" documents"))
	help := info.Help
	if help == "" {
		help = "See the " + kindName + " package documentation for this rule."
	}
	return sarifRule{
		ID:                   full,
		Name:                 camel(id),
		ShortDescription:     sarifMessage{Text: info.Summary},
		FullDescription:      sarifMessage{Text: fullText},
		Help:                 sarifMessage{Text: help},
		DefaultConfiguration: sarifConfig{Level: sarifLevel(string(info.Severity))},
	}
}

func writeSARIF(w io.Writer, docs []*doc) error {
	var all []row
	props := map[string]map[string]string{}
	seen := map[row]bool{}
	suppressed := map[int]bool{}
	for _, d := range docs {
		all = append(all, shown(d, seen)...)
		for _, r := range d.suppressed {
			suppressed[len(all)] = true
			all = append(all, r)
		}
		if len(d.Properties) > 0 {
			props[d.File] = d.Properties
		}
	}
	type key struct{ kind, rule string }
	keys := map[key]bool{}
	for _, r := range all {
		keys[key{r.Kind, r.Rule}] = true
	}
	ordered := make([]key, 0, len(keys))
	for k := range keys {
		ordered = append(ordered, k)
	}
	sort.Slice(ordered, func(i, j int) bool {
		if ordered[i].kind != ordered[j].kind {
			return ordered[i].kind < ordered[j].kind
		}
		return ordered[i].rule < ordered[j].rule
	})
	index := map[key]int{}
	rules := make([]sarifRule, len(ordered))
	for i, k := range ordered {
		index[k] = i
		rules[i] = sarifRuleFor(k.kind, k.rule)
	}
	wd, _ := os.Getwd()
	results := make([]sarifResult, 0, len(all))
	for i, r := range all {
		k := key{r.Kind, r.Rule}
		msg := r.Message
		if r.Path != "" && r.Path != "/" {
			msg = r.Path + ": " + msg
		}
		if r.Suggestion != "" {
			msg += " Suggestion: " + r.Suggestion
		}
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: artifact(wd, r.File)}}
		if r.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: r.Line, StartColumn: r.Column}
		}
		res := sarifResult{RuleID: rules[index[k]].ID, RuleIndex: index[k], Level: sarifLevel(r.Severity), Message: sarifMessage{Text: msg}, Locations: []sarifLocation{loc}, Properties: props[r.File]}
		if suppressed[i] {
			res.Suppressions = []sarifSuppression{{Kind: "inSource", Justification: "review:ignore " + r.Rule}}
		}
		results = append(results, res)
	}
	run := sarifRun{
		Tool:    sarifTool{Driver: sarifDriver{Name: "mechanisms-review", InformationURI: "https://github.com/dayone-go/mechanisms", Rules: rules}},
		Results: results,
	}
	if wd != "" {
		run.OriginalURIBaseIDs = map[string]sarifArtifact{srcRoot: {URI: fileURI(wd) + "/"}}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

// artifact names a file for code scanning: relative to the working
// directory (the repository root in CI) with %SRCROOT% as its base, each
// segment percent-encoded; a file outside it by its absolute file: URI.
func artifact(wd, file string) sarifArtifact {
	if file == "-" {
		return sarifArtifact{URI: "stdin"}
	}
	rel := file
	if filepath.IsAbs(file) {
		r, err := filepath.Rel(wd, file)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
			return sarifArtifact{URI: fileURI(file)}
		}
		rel = r
	}
	return sarifArtifact{URI: encodePath(filepath.ToSlash(filepath.Clean(rel))), URIBaseID: srcRoot}
}

// encodePath percent-encodes each segment of a slash-separated path, so
// spaces, line breaks, '#', '?', '%', ':' and bytes that are not UTF-8
// survive in a URI reference.
func encodePath(p string) string {
	segs := strings.Split(p, "/")
	for i, s := range segs {
		segs[i] = strings.ReplaceAll(url.PathEscape(s), ":", "%3A")
	}
	return strings.Join(segs, "/")
}

func fileURI(abs string) string {
	p := filepath.ToSlash(abs)
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // a Windows drive letter
	}
	return "file://" + encodePath(p)
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// camel turns a kebab-case id into the PascalCase name SARIF viewers show.
func camel(id string) string {
	var b strings.Builder
	for _, part := range strings.Split(id, "-") {
		b.WriteString(upperFirst(part))
	}
	return b.String()
}
