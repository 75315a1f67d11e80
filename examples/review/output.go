package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// row is one finding as the JSON and SARIF outputs report it. Its keys are
// stable: tools parse them.
type row struct {
	File     string `json:"file"`
	Kind     string `json:"kind"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"`
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
}

// rows flattens a document's outcome: a read failure, each validation
// problem (severity error) and each review finding, in that order. locate
// positions a JSON pointer in the document's source.
func rows(d reviewed, locate func(string) (int, int)) []row {
	if d.Skipped {
		return nil
	}
	if d.Err != nil {
		r := row{File: d.File, Kind: d.Kind, Rule: "unreadable", Severity: string(finding.Error), Message: d.Err.Error()}
		var pe *problem.Error
		switch {
		case errors.As(d.Err, &pe) && len(pe.Problems) > 0:
			// The place goes in its own fields; the message says only what.
			var out []row
			for _, p := range pe.Problems {
				pr := r
				pr.Rule, pr.Line, pr.Column, pr.Path, pr.Message = "parse", p.Line, p.Column, p.Path, p.Message
				out = append(out, pr)
			}
			return out
		case errors.Is(d.Err, errUnknownKind):
			r.Rule = "unknown-kind"
		case errors.Is(d.Err, errBinary):
			r.Rule = "binary-file"
		}
		return []row{r}
	}
	var out []row
	for _, p := range d.Problems {
		l, c := locate(p.Path)
		out = append(out, row{File: d.File, Kind: d.Kind, Rule: p.Rule, Severity: string(finding.Error), Path: p.Path, Line: l, Column: c, Message: p.Message})
	}
	for _, f := range d.Findings {
		l, c := f.Line, f.Column
		if f.Path != "" {
			// A finding on a field is placed at the field in the file; its
			// own line and column count within the field's text.
			l, c = locate(f.Path)
		}
		out = append(out, row{File: d.File, Kind: d.Kind, Rule: f.Rule, Severity: string(f.Severity), Path: f.Path, Line: l, Column: c, Message: f.Message})
	}
	return out
}

func writeText(w io.Writer, docs []reviewed, out string) error {
	var valid, invalid, skipped, findings int
	for _, d := range docs {
		switch {
		case d.Skipped:
			skipped++
			fmt.Fprintf(w, "%s: skipped (not a document this tool knows)\n", d.File)
			continue
		case d.invalid():
			invalid++
		default:
			valid++
		}
		state := "valid"
		if d.invalid() {
			state = "INVALID"
		}
		kind := d.Kind
		if kind == "" {
			kind = "?"
		}
		fmt.Fprintf(w, "\n%s  [%s]  %s\n", d.File, kind, state)
		for _, s := range d.Summary {
			fmt.Fprintf(w, "  %s\n", s)
		}
		findings += len(d.Findings)
		for _, r := range d.Rows {
			loc := r.Path
			if r.Line > 0 {
				loc = fmt.Sprintf("%d:%d %s", r.Line, r.Column, r.Path)
			}
			fmt.Fprintf(w, "  %-7s %-22s %s  %s\n", r.Severity, r.Rule, strings.TrimSpace(loc), r.Message)
		}
		if len(d.Files) > 0 && out != "" {
			names := make([]string, 0, len(d.Files))
			for n := range d.Files {
				names = append(names, n)
			}
			sort.Strings(names)
			fmt.Fprintf(w, "  wrote %d files under %s: %s\n", len(names), filepath.Join(out, stemOf(d.File)), strings.Join(names, ", "))
		}
	}
	fmt.Fprintf(w, "\n%s: %d valid, %d invalid, %d skipped; %s\n", count(valid+invalid, "document"), valid, invalid, skipped, count(findings, "finding"))
	return nil
}

func stemOf(file string) string {
	stem := strings.TrimSuffix(filepath.ToSlash(file), filepath.Ext(file))
	return strings.TrimLeft(strings.ReplaceAll(stem, "..", "_"), "/")
}

// jsonReport is the -format json output.
type jsonReport struct {
	Documents []jsonDoc `json:"documents"`
	Findings  []row     `json:"findings"`
}

type jsonDoc struct {
	File    string `json:"file"`
	Kind    string `json:"kind"`
	Valid   bool   `json:"valid"`
	Skipped bool   `json:"skipped"`
}

func writeJSON(w io.Writer, docs []reviewed) error {
	rep := jsonReport{Documents: []jsonDoc{}, Findings: []row{}}
	for _, d := range docs {
		rep.Documents = append(rep.Documents, jsonDoc{File: filepath.ToSlash(d.File), Kind: d.Kind, Valid: !d.Skipped && !d.invalid(), Skipped: d.Skipped})
		for _, r := range d.Rows {
			r.File = filepath.ToSlash(r.File)
			rep.Findings = append(rep.Findings, r)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
