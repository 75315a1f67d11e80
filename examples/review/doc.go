package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// doc is one file under review and everything found about it.
type doc struct {
	loc location
	// File is the path as the user gave it (see location.String).
	File string
	// Kind is the kind's name; "" when it could not be told.
	Kind string
	// Skipped is set for a file met in a folder walk that is not a
	// document this tool knows, with the reason.
	Skipped    bool
	SkipReason string

	// Err is a failure to read or parse the document at all.
	Err error
	// Problems make the document invalid.
	Problems []problem.Problem
	// Findings are review advice.
	Findings []finding.Finding
	// Summary lines for the text report: the door, the outcome, the loops.
	Summary []string
	// Result is the mechanism's computed output for the JSON report.
	Result any
	// Properties are facts about the review every output carries with the
	// document's findings, such as the policy a decision was classified
	// under (SARIF puts them in each result's property bag).
	Properties map[string]string
	// Files are renderings written under -out, by relative name.
	Files map[string][]byte
	// Value is the parsed document of a valid file, for the checks across
	// documents.
	Value any
	// Elsewhere are problems found in a companion file (a policy, a
	// deck's data) that stop this document from being reviewed; they
	// name that file.
	Elsewhere []row

	// Suppressed counts findings switched off by review:ignore comments;
	// suppressed keeps them for SARIF, which reports them as suppressed.
	Suppressed int
	suppressed []row
	// Rows are the outcome as output lines, ready to print.
	Rows []row

	// walked is set for a file met in a folder walk rather than named.
	walked bool
	// rendering is set when -out asks for the renderings.
	rendering bool
	// keepSource is set by a kind whose checks across documents place
	// findings in the source.
	keepSource bool
	usage      error
	cfg        *settings
	data       []byte
	// source is the parsed JSON or YAML, kept while findings may still be
	// placed in it.
	source *strict.Document
	// placer, when set, places findings in a source that is not JSON or
	// YAML (a Markdown record), as the kind's package knows how.
	placer  func([]finding.Finding)
	ignores ignores
	placed  int
}

// invalid reports whether the document failed to read, parse or validate,
// or could not be reviewed because of a companion file.
func (d *doc) invalid() bool {
	return d.Err != nil || len(d.Problems) > 0 || len(d.Elsewhere) > 0
}

// say adds a line to the text report's summary of the document.
func (d *doc) say(format string, args ...any) {
	d.Summary = append(d.Summary, fmt.Sprintf(format, args...))
}

// fail records an error from Parse or Validate: a *problem.Error's
// problems make the document invalid; any other error is a failure.
func (d *doc) fail(err error) {
	if err == nil {
		return
	}
	var pe *problem.Error
	if errors.As(err, &pe) && len(pe.Problems) > 0 {
		d.Problems = append(d.Problems, pe.Problems...)
		return
	}
	d.Err = err
}

// failAt records that a companion file stops the document from being
// reviewed: its problems (or its read error) are reported at that file.
func (d *doc) failAt(file location, kind string, err error) {
	var pe *problem.Error
	if errors.As(err, &pe) && len(pe.Problems) > 0 {
		for _, p := range pe.Problems {
			d.Elsewhere = append(d.Elsewhere, row{File: file.String(), Kind: kind, Rule: p.Rule, Severity: string(finding.Error), Path: p.Path, Line: p.Line, Column: p.Column, Message: p.Message})
		}
		return
	}
	rule := "unreadable"
	if errors.Is(err, strict.ErrTooLarge) {
		rule = problem.RuleTooLarge
	}
	d.Elsewhere = append(d.Elsewhere, row{File: file.String(), Kind: kind, Rule: rule, Severity: string(finding.Error), Message: err.Error()})
}

// failUsage records an error the user made on the command line that only
// this document revealed (a -week that is not a week end of its deck).
func (d *doc) failUsage(err error) { d.usage = err }

// decode decodes the parsed source into v, as the kind's Parse would; its
// error carries the kind.
func (d *doc) decode(v any) error {
	if d.source == nil {
		return fmt.Errorf("%s is not a JSON or YAML document", d.File)
	}
	return problem.WithKind(d.source.Decode(v), d.Kind)
}

// finish turns what was found since the last call into rows: the
// configuration's rule levels apply, findings are placed in the source and
// sorted by line, review:ignore comments suppress, and problems get their
// place.
func (d *doc) finish() {
	if d.Skipped {
		return
	}
	fresh := d.Findings[d.placed:]
	if d.cfg != nil {
		fresh = d.cfg.apply(d.Kind, fresh)
	}
	place := d.placer
	if place == nil && d.source != nil {
		place = func(fs []finding.Finding) { finding.PlaceIn(d.source, fs) }
	}
	if place != nil {
		place(fresh)
		// Problems without a place get one the same way.
		var at []finding.Finding
		var which []int
		for i, p := range d.Problems {
			if p.Line == 0 && p.Path != "" {
				at = append(at, finding.Finding{Path: p.Path})
				which = append(which, i)
			}
		}
		if len(at) > 0 {
			place(at)
			for j, i := range which {
				d.Problems[i].Line, d.Problems[i].Column = at[j].Line, at[j].Column
			}
		}
	}
	kept := fresh[:0]
	for _, f := range fresh {
		if d.ignores.covers(f.Line, d.Kind, f.Rule) {
			d.Suppressed++
			d.suppressed = append(d.suppressed, row{File: d.File, Kind: d.Kind, Rule: f.Rule, Severity: string(f.Severity), Path: f.Path, Line: f.Line, Column: f.Column, Message: f.Message, Suggestion: f.Suggestion})
			continue
		}
		kept = append(kept, f)
	}
	d.Findings = append(d.Findings[:d.placed], kept...)
	d.placed = len(d.Findings)
	d.Rows = d.rows()
}

// rows flattens the document's outcome: a read failure, each problem
// (severity error), each finding, and the problems of companion files,
// sorted by line within the document.
func (d *doc) rows() []row {
	base := row{File: d.File, Kind: d.Kind, Severity: string(finding.Error)}
	var out []row
	if d.Err != nil {
		r := base
		r.Rule, r.Message = "unreadable", d.Err.Error()
		var pe *problem.Error
		switch {
		case errors.As(d.Err, &pe) && len(pe.Problems) > 0:
			for _, p := range pe.Problems {
				pr := base
				pr.Rule, pr.Line, pr.Column, pr.Path, pr.Message = p.Rule, p.Line, p.Column, p.Path, p.Message
				out = append(out, pr)
			}
			r.Rule = ""
		case errors.Is(d.Err, errUnknownKind):
			r.Rule = "unknown-kind"
		case errors.Is(d.Err, errBinary):
			r.Rule = "binary-file"
		case errors.Is(d.Err, strict.ErrTooLarge):
			r.Rule = problem.RuleTooLarge
		}
		if r.Rule != "" {
			out = append(out, r)
		}
	}
	for _, p := range d.Problems {
		r := base
		r.Rule, r.Path, r.Message, r.Line, r.Column = p.Rule, p.Path, p.Message, p.Line, p.Column
		out = append(out, r)
	}
	for _, f := range d.Findings {
		out = append(out, row{File: d.File, Kind: d.Kind, Rule: f.Rule, Severity: string(f.Severity), Path: f.Path, Line: f.Line, Column: f.Column, Message: f.Message, Suggestion: f.Suggestion})
	}
	sortRows(out)
	return append(out, d.Elsewhere...)
}

var (
	errUnknownKind = errors.New("cannot tell what kind of document this is: add a $schema key, name it like *.decision.yaml, or pass -kind")
	errBinary      = errors.New("not a text document (binary content)")
)

// write renders one file for -out, only when -out asks for it: rendering
// costs more than reviewing.
func (d *doc) write(name string, render func(io.Writer) error) {
	if !d.rendering {
		return
	}
	var b bytes.Buffer
	if err := render(&b); err != nil {
		d.Err = fmt.Errorf("rendering %s: %w", name, err)
		return
	}
	if d.Files == nil {
		d.Files = map[string][]byte{}
	}
	d.Files[name] = b.Bytes()
}

// load decodes the document as a T and validates it; on failure it
// records why and returns false.
func load[T any, P interface {
	*T
	Validate() error
}](d *doc) (P, bool) {
	p := P(new(T))
	if err := d.decode(p); err != nil {
		d.fail(err)
		return nil, false
	}
	if err := p.Validate(); err != nil {
		d.fail(err)
		return nil, false
	}
	return p, true
}

// loadMarkdown is load for a kind that may also be written in Markdown:
// a document with no JSON or YAML source is read with parse, and its
// findings are placed with place.
func loadMarkdown[T any, P interface {
	*T
	Validate() error
}](d *doc, parse func([]byte) (P, error), place func([]byte, []finding.Finding)) (P, bool) {
	if d.source != nil {
		return load[T, P](d)
	}
	data := d.data
	d.placer = func(fs []finding.Finding) { place(data, fs) }
	p, err := parse(data)
	if err != nil {
		d.fail(err)
		return nil, false
	}
	if err := p.Validate(); err != nil {
		d.fail(err)
		return nil, false
	}
	return p, true
}

// byFolder groups the documents that keep accepts by folder, folders in
// the order they first appear.
func byFolder(docs []*doc, keep func(*doc) bool) (dirs []string, by map[string][]*doc) {
	by = map[string][]*doc{}
	for _, d := range docs {
		if !keep(d) {
			continue
		}
		dir := d.loc.dir().String()
		if _, seen := by[dir]; !seen {
			dirs = append(dirs, dir)
		}
		by[dir] = append(by[dir], d)
	}
	return dirs, by
}
