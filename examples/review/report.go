package main

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// row is one problem or finding as every output reports it. Its JSON keys
// are stable: tools parse them.
type row struct {
	File       string `json:"file"`
	Kind       string `json:"kind"`
	Rule       string `json:"rule"`
	Severity   string `json:"severity"`
	Path       string `json:"path"`
	Line       int    `json:"line"`
	Column     int    `json:"column"`
	Message    string `json:"message"`
	Suggestion string `json:"suggestion,omitempty"`
}

// sortRows orders a document's rows by line and column; rows without a
// line (about the document as a whole) come first.
func sortRows(rs []row) {
	slices.SortStableFunc(rs, func(a, b row) int {
		return cmp.Or(cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
}

// tally counts what a report printed, so its summary matches it.
type tally struct {
	Documents  int `json:"documents"`
	Valid      int `json:"valid"`
	Invalid    int `json:"invalid"`
	Skipped    int `json:"skipped"`
	Errors     int `json:"errors"`
	Warnings   int `json:"warnings"`
	Infos      int `json:"infos"`
	Suppressed int `json:"suppressed"`
}

func (t *tally) add(r row) {
	switch finding.Severity(r.Severity) {
	case finding.Error:
		t.Errors++
	case finding.Warning:
		t.Warnings++
	default:
		t.Infos++
	}
}

// shown lists a document's rows as reports print them: a problem of a
// companion file that an earlier document already reported is left out.
func shown(d *doc, seen map[row]bool) []row {
	out := make([]row, 0, len(d.Rows))
	for _, r := range d.Rows {
		if r.File != d.File {
			if seen[r] {
				continue
			}
			seen[r] = true
		}
		out = append(out, r)
	}
	return out
}

// colourful reports whether w is a terminal that wants colour: never when
// NO_COLOR is set, TERM is dumb, or the output is piped or redirected.
func colourful(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

type palette struct{ on bool }

func (p palette) paint(code, s string) string {
	if !p.on || s == "" {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func (p palette) severity(s string, padded string) string {
	switch finding.Severity(s) {
	case finding.Error:
		return p.paint("31", padded)
	case finding.Warning:
		return p.paint("33", padded)
	}
	return p.paint("36", padded)
}

// writeText prints the report a manager reads: each document with what the
// mechanism computed first, then its findings sorted by line in aligned
// columns; then the checks across documents; then a summary whose counts
// are those of what was printed. Every piece of document text is cleaned.
func writeText(w io.Writer, docs []*doc, groups []group, out string, colour bool) error {
	p := palette{on: colour}
	var t tally
	seen := map[row]bool{}
	dirs := outDirs(docs)
	var b strings.Builder
	for _, d := range docs {
		if d.Skipped {
			t.Skipped++
			fmt.Fprintf(&b, "%s: skipped (%s)\n", clean(d.File), d.SkipReason)
			continue
		}
		t.Documents++
		state := p.paint("32", "valid")
		if d.invalid() {
			t.Invalid++
			state = p.paint("1;31", "INVALID")
		} else {
			t.Valid++
		}
		k := d.Kind
		if k == "" {
			k = "?"
		}
		fmt.Fprintf(&b, "\n%s  [%s]  %s\n", p.paint("1", clean(d.File)), k, state)
		for _, s := range d.Summary {
			fmt.Fprintf(&b, "  %s\n", clean(s))
		}
		rows := shown(d, seen)
		writeRows(&b, d, rows, p)
		for _, r := range rows {
			t.add(r)
		}
		if d.Suppressed > 0 {
			fmt.Fprintf(&b, "  (%s suppressed by review:ignore)\n", count(d.Suppressed, "finding"))
			t.Suppressed += d.Suppressed
		}
		if len(d.Files) > 0 && out != "" {
			fmt.Fprintf(&b, "  wrote %s under %s\n", count(len(d.Files), "file"), clean(filepath.Join(out, filepath.FromSlash(dirs[d]))))
		}
	}
	for _, g := range groups {
		fmt.Fprintf(&b, "\n%s  [%s]  %s\n", p.paint("1", clean(g.Folder)), g.Kind, count(g.Documents, "document"))
		for _, s := range g.Summary {
			fmt.Fprintf(&b, "  %s\n", clean(s))
		}
	}
	fmt.Fprintf(&b, "\n%s: %d valid, %d invalid, %d skipped; %s, %s, %s; %d suppressed\n",
		count(t.Documents, "document"), t.Valid, t.Invalid, t.Skipped,
		p.severity("error", count(t.Errors, "error")), p.severity("warning", count(t.Warnings, "warning")), p.severity("info", count(t.Infos, "info")),
		t.Suppressed)
	_, err := io.WriteString(w, b.String())
	return err
}

// writeRows prints a document's problems and findings in aligned columns:
// place, severity, rule, message; a suggestion on the line below.
func writeRows(b *strings.Builder, d *doc, rows []row, p palette) {
	if len(rows) == 0 {
		return
	}
	locs := make([]string, len(rows))
	lw, rw := 0, 0
	for i, r := range rows {
		loc := ""
		if r.Line > 0 {
			loc = fmt.Sprintf("%d:%d", r.Line, r.Column)
		} else if r.Path != "" && r.Path != "/" {
			loc = r.Path
		}
		if r.File != d.File {
			loc = strings.TrimSuffix(r.File+":"+loc, ":")
		}
		locs[i] = clean(loc)
		lw = max(lw, width(locs[i]))
		rw = max(rw, width(r.Rule))
	}
	for i, r := range rows {
		msg := r.Message
		if r.Line > 0 && r.Severity == string(finding.Error) && r.Path != "" && r.Path != "/" && !strings.Contains(msg, lastToken(r.Path)) {
			msg = r.Path + ": " + msg // what is wrong where: "/people: is required"
		}
		fmt.Fprintf(b, "  %s  %s  %s  %s\n", pad(locs[i], lw), p.severity(r.Severity, pad(r.Severity, 7)), pad(r.Rule, rw), clean(msg))
		if r.Suggestion != "" {
			fmt.Fprintf(b, "  %s  %s  %s  → %s\n", pad("", lw), pad("", 7), pad("", rw), clean(r.Suggestion))
		}
	}
}

// lastToken is the last reference token of a JSON pointer.
func lastToken(ptr string) string {
	return ptr[strings.LastIndex(ptr, "/")+1:]
}

// jsonReport is the -format json output; README.md documents its keys.
type jsonReport struct {
	Documents []jsonDoc `json:"documents"`
	Groups    []group   `json:"groups"`
	Findings  []row     `json:"findings"`
	Summary   tally     `json:"summary"`
}

type jsonDoc struct {
	File       string `json:"file"`
	Kind       string `json:"kind"`
	Valid      bool   `json:"valid"`
	Skipped    bool   `json:"skipped"`
	SkipReason string `json:"skipReason,omitempty"`
	Suppressed int    `json:"suppressed"`
	// Properties are facts about the review, such as the policy used.
	Properties map[string]string `json:"properties,omitempty"`
	Result     any               `json:"result"`
}

func writeJSON(w io.Writer, docs []*doc, groups []group) error {
	rep := jsonReport{Documents: []jsonDoc{}, Groups: groups, Findings: []row{}}
	if rep.Groups == nil {
		rep.Groups = []group{}
	}
	seen := map[row]bool{}
	for _, d := range docs {
		jd := jsonDoc{File: jsonPath(d.File), Kind: d.Kind, Valid: !d.Skipped && !d.invalid(), Skipped: d.Skipped, SkipReason: d.SkipReason, Suppressed: d.Suppressed, Properties: d.Properties}
		if !d.invalid() {
			jd.Result = d.Result
		}
		rep.Documents = append(rep.Documents, jd)
		switch {
		case d.Skipped:
			rep.Summary.Skipped++
			continue
		case d.invalid():
			rep.Summary.Invalid++
		default:
			rep.Summary.Valid++
		}
		rep.Summary.Documents++
		rep.Summary.Suppressed += d.Suppressed
		for _, r := range shown(d, seen) {
			rep.Summary.add(r)
			r.File = jsonPath(r.File)
			rep.Findings = append(rep.Findings, r)
		}
	}
	for i := range rep.Groups {
		rep.Groups[i].Folder = jsonPath(rep.Groups[i].Folder)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// jsonPath is a file's path with / between folders; a name that is not
// valid UTF-8 keeps its bytes as \x escapes rather than losing them.
func jsonPath(p string) string {
	p = filepath.ToSlash(p)
	if !utf8.ValidString(p) {
		return clean(p)
	}
	return p
}
