// Command review is the one command a newcomer runs. With no arguments it
// reviews the embedded templates of every mechanism and prints a readable
// report. Given files or directories, it detects each document's kind,
// parses, validates and reviews it, and prints what it found.
//
// Usage:
//
//	review [flags] [file or directory ...]
//
// Flags:
//
//	-kind NAME       treat every named file as this kind (decision, policy,
//	                 prfaq, narrative, loop, deck, flywheel)
//	-format FORMAT   text (default), json, or sarif (SARIF 2.1.0)
//	-out DIR         also write renderings (Markdown, SVG charts, diagrams)
//	                 under DIR
//	-fail-on LEVEL   exit 1 also when a finding at LEVEL or above exists:
//	                 error, warning or info (default: only invalid documents)
//	-data FILE       the CSV data for a WBR deck (default: <deck>-data.csv
//	                 beside the deck)
//	-week DATE       the week-ending date a deck is reviewed for (default:
//	                 the last full week of its data)
//	-policy FILE     the decision policy decisions are classified under
//	                 (default: policy.yaml beside the decision, else the
//	                 article's default policy)
//
// A document's kind comes from -kind, else its $schema, else its file name
// (*.decision.yaml, *.prfaq.json, ...; .md and .txt are narratives), else the
// top-level keys only one kind has. In a directory, files whose kind cannot
// be told are listed as skipped; a file named on the command line whose kind
// cannot be told is an error.
//
// Decisions that share a folder are also checked together as a decision log:
// unique ids, links that resolve and agree at both ends, no supersede cycles,
// and review-by dates that have passed.
//
// Exit status: 0 when every document is valid (and no finding reaches
// -fail-on), 1 when any document is invalid, unreadable or of unknown kind,
// 2 on usage errors (bad flags, a path that does not exist).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/examples/templates"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// maxFileBytes bounds each file read: larger files are refused unread.
const maxFileBytes = 16 << 20

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type options struct {
	kind   string
	format string
	out    string
	failOn string
	data   string
}

// reviewed is one document's outcome, as every output format reports it.
type reviewed struct {
	File    string
	Kind    string
	Skipped bool
	result
	// Rows are the outcome as findings with file positions, for output.
	Rows []row
	// data is the file's content, kept to place findings added later.
	data []byte
}

var (
	errUnknownKind = errors.New("cannot tell what kind of document this is: add a $schema key, name it like *.decision.yaml, or pass -kind")
	errBinary      = errors.New("not a text document (binary content)")
)

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("review", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o options
	fl.StringVar(&o.kind, "kind", "", "treat every named file as this kind")
	fl.StringVar(&o.format, "format", "text", "output format: text, json or sarif")
	fl.StringVar(&o.out, "out", "", "write renderings (Markdown, SVG, diagrams) under this directory")
	fl.StringVar(&o.failOn, "fail-on", "", "also exit 1 when a finding at this severity or above exists (error, warning, info)")
	fl.StringVar(&o.data, "data", "", "CSV data for a WBR deck")
	fl.StringVar(&weekFlag, "week", "", "the week-ending date (YYYY-MM-DD) a WBR deck is reviewed for (default: the last full week of its data)")
	fl.StringVar(&policyFlag, "policy", "", "the decision policy to classify decisions under (default: policy.yaml beside each decision, else the default policy)")
	fl.Usage = func() {
		fmt.Fprintf(stderr, "usage: review [flags] [file or directory ...]\n\nWith no arguments, reviews the embedded templates.\n\n")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if o.format != "text" && o.format != "json" && o.format != "sarif" {
		fmt.Fprintf(stderr, "review: unknown -format %q; want text, json or sarif\n", o.format)
		return 2
	}
	if o.kind != "" {
		if _, ok := kindByName(o.kind); !ok {
			fmt.Fprintf(stderr, "review: unknown -kind %q; want one of %s\n", o.kind, strings.Join(kindNames(), ", "))
			return 2
		}
	}
	failRank := 0
	if o.failOn != "" {
		failRank = finding.Severity(o.failOn).Rank()
		if failRank == 0 {
			fmt.Fprintf(stderr, "review: unknown -fail-on %q; want error, warning or info\n", o.failOn)
			return 2
		}
	}
	for _, p := range fl.Args() {
		if _, err := os.Stat(p); err != nil {
			fmt.Fprintf(stderr, "review: %v\n", err)
			return 2
		}
	}

	var docs []reviewed
	if fl.NArg() == 0 {
		docs = reviewFS(templates.FS, ".", o, false)
	} else {
		for _, p := range fl.Args() {
			info, _ := os.Stat(p)
			if info.IsDir() {
				for _, d := range reviewFS(os.DirFS(p), ".", o, true) {
					d.File = filepath.Join(p, d.File)
					docs = append(docs, d)
				}
				continue
			}
			dir, base := filepath.Split(p)
			if dir == "" {
				dir = "."
			}
			d := reviewFile(os.DirFS(dir), base, o, false)
			d.File = p
			docs = append(docs, d)
		}
	}

	before := make([]int, len(docs))
	for i, d := range docs {
		before[i] = len(d.Problems) + len(d.Findings)
	}
	checkLogs(docs, time.Now())
	for i := range docs {
		if len(docs[i].Problems)+len(docs[i].Findings) != before[i] {
			finding.Sort(docs[i].Findings)
			docs[i].place()
		}
	}

	if o.out != "" {
		if err := writeFiles(o.out, docs); err != nil {
			fmt.Fprintf(stderr, "review: %v\n", err)
			return 1
		}
	}
	var err error
	switch o.format {
	case "json":
		err = writeJSON(stdout, docs)
	case "sarif":
		err = writeSARIF(stdout, docs)
	default:
		err = writeText(stdout, docs, o.out)
	}
	if err != nil {
		fmt.Fprintf(stderr, "review: %v\n", err)
		return 1
	}
	code := 0
	for _, d := range docs {
		if d.invalid() {
			code = 1
		}
		if failRank > 0 {
			for _, f := range d.Findings {
				if f.Severity.Rank() >= failRank {
					code = 1
				}
			}
		}
	}
	return code
}

func kindNames() []string {
	var out []string
	for _, k := range registry {
		out = append(out, k.Name)
	}
	return out
}

// candidate reports whether a file met while walking a directory is worth
// looking at.
func candidate(name string) bool {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".yaml", ".yml", ".json", ".md", ".txt":
		return true
	}
	return false
}

// reviewFS reviews every candidate file under root in fsys, in name order.
// In a walk, files of unknown kind are skipped rather than failed.
func reviewFS(fsys fs.FS, root string, o options, walk bool) []reviewed {
	var names []string
	_ = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			names = append(names, p) // reported as unreadable below
			return nil
		}
		if d.IsDir() {
			if p != root && (strings.HasPrefix(d.Name(), ".") || d.Name() == "node_modules" || d.Name() == "vendor") {
				return fs.SkipDir
			}
			return nil
		}
		if candidate(p) {
			names = append(names, p)
		}
		return nil
	})
	sort.Strings(names)
	out := make([]reviewed, 0, len(names))
	for _, n := range names {
		if strings.HasSuffix(n, "-data.csv") {
			continue
		}
		out = append(out, reviewFile(fsys, n, o, walk))
	}
	return out
}

// reviewFile reads, detects and reviews one file.
func reviewFile(fsys fs.FS, name string, o options, walk bool) reviewed {
	d, data := reviewFileResult(fsys, name, o, walk)
	d.data = data
	d.place()
	return d
}

// place computes the rows, with file positions, from the outcome.
func (d *reviewed) place() {
	locate := func(string) (int, int) { return 0, 0 }
	if len(d.Problems) > 0 || len(d.Findings) > 0 {
		locate = strict.Locator(d.data)
	}
	d.Rows = rows(*d, locate)
}

func reviewFileResult(fsys fs.FS, name string, o options, walk bool) (reviewed, []byte) {
	d := reviewed{File: name}
	f, err := fsys.Open(name)
	if err != nil {
		d.Err = err
		return d, nil
	}
	data, err := strict.ReadAll(f, maxFileBytes)
	f.Close()
	if err != nil {
		d.Err = err
		return d, nil
	}
	if !isText(data) {
		d.Err = errBinary
		return d, nil
	}
	var k kind
	var ok bool
	if o.kind != "" {
		k, ok = kindByName(o.kind)
	} else {
		k, ok = detect(name, data)
	}
	if !ok {
		if walk {
			d.Skipped = true
			return d, nil
		}
		d.Err = errUnknownKind
		return d, nil
	}
	d.Kind = k.Name
	dir := filepath.ToSlash(filepath.Dir(name))
	in := input{Name: name, Data: data, Open: func(rel string) ([]byte, error) {
		if o.data != "" {
			return os.ReadFile(o.data)
		}
		f, err := fsys.Open(filepath.ToSlash(filepath.Join(dir, rel)))
		if err != nil {
			return nil, err
		}
		defer f.Close()
		return strict.ReadAll(f, 1<<30)
	}}
	d.result = k.Review(in)
	finding.Sort(d.Findings)
	return d, data
}

// isText refuses NUL bytes and invalid UTF-8 near the start, the marks of a
// binary file.
func isText(data []byte) bool {
	head := data
	if len(head) > 8192 {
		head = head[:8192]
		for i := 0; i < 4 && !utf8.Valid(head); i++ {
			head = head[:len(head)-1] // a rune cut at the boundary
		}
	}
	for _, c := range head {
		if c == 0 {
			return false
		}
	}
	return utf8.Valid(head)
}

// writeFiles writes each document's renderings under dir/<document path
// without its extension>/, so documents with the same base name in different
// folders do not overwrite each other.
func writeFiles(dir string, docs []reviewed) error {
	for _, d := range docs {
		stem := strings.TrimSuffix(filepath.ToSlash(d.File), filepath.Ext(d.File))
		stem = strings.TrimLeft(strings.ReplaceAll(stem, "..", "_"), "/")
		var names []string
		for n := range d.Files {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			p := filepath.Join(dir, filepath.FromSlash(stem), n)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, d.Files[n], 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
