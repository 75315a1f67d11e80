// Command review is the one command a newcomer runs and the one a team puts
// in CI. With no arguments it reviews the embedded templates of every
// mechanism and prints a report a manager reads at a glance. Given files or
// folders, it detects each document's kind, parses each file once,
// validates it, computes what the mechanism computes (the door, the hire,
// the loops, the week's figures), reviews it, and prints text, JSON or
// SARIF.
//
// Run review -h for the kinds, the file patterns, the configuration file,
// the flags and the exit codes.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/dayone-go/mechanisms/examples/templates"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/strict"
)

func main() {
	if os.Getenv("GOGC") == "" {
		// Reviewing thousands of small documents makes garbage fast and
		// keeps little: collect less often, within a 384 MiB budget, well
		// under the 512 MiB every input must fit in.
		debug.SetGCPercent(400)
		if os.Getenv("GOMEMLIMIT") == "" {
			debug.SetMemoryLimit(384 << 20)
		}
	}
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// options are the flags every kind shares; each kind declares its own.
type options struct {
	kind     string
	format   string
	out      string
	failOn   string
	noConfig bool
	jobs     int
}

// env is what one run shares with the kinds.
type env struct {
	opts      options
	reviewers map[string]reviewer
	configs   *configs
	stdin     io.Reader
}

// newEnv gives every kind its reviewer for one run, declaring the kinds'
// flags on fl.
func newEnv(fl *flag.FlagSet, stdin io.Reader) *env {
	e := &env{reviewers: map[string]reviewer{}, stdin: stdin, configs: &configs{}}
	for _, k := range registry {
		e.reviewers[k.Name] = k.New(fl)
	}
	return e
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("review", flag.ContinueOnError)
	fl.SetOutput(stderr)
	var o options
	fl.StringVar(&o.kind, "kind", "", "treat every file named on the command line (and standard input) as this `kind`; files found in a folder tell their own")
	fl.StringVar(&o.format, "format", "text", "output `format`: text, json or sarif")
	fl.StringVar(&o.out, "out", "", "also write renderings (Markdown, HTML, SVG charts, diagrams, a decision log's index) under `dir`")
	fl.StringVar(&o.failOn, "fail-on", "error", "exit 1 when a finding at this `level` or above exists: info, warning, error or none")
	fl.BoolVar(&o.noConfig, "no-config", false, "ignore "+configName+" files")
	fl.IntVar(&o.jobs, "j", runtime.GOMAXPROCS(0), "review this many files at once")
	e := newEnv(fl, stdin)
	fl.Usage = func() { usage(stderr, fl) }
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	e.opts = o
	fail := func(format string, args ...any) int {
		fmt.Fprintf(stderr, "review: "+format+"\n", args...)
		return 2
	}
	if o.format != "text" && o.format != "json" && o.format != "sarif" {
		return fail("unknown -format %q; want text, json or sarif", o.format)
	}
	if o.kind != "" {
		if _, ok := kindByName(o.kind); !ok {
			return fail("unknown -kind %q; want one of %s", o.kind, strings.Join(kindNames(), ", "))
		}
	}
	failRank := 0
	if o.failOn != "none" {
		if failRank = finding.Severity(o.failOn).Rank(); failRank == 0 {
			return fail("unknown -fail-on %q; want info, warning, error or none", o.failOn)
		}
	}
	if o.jobs < 1 {
		o.jobs = 1
	}
	e.configs = &configs{off: o.noConfig, known: knownRules()}
	for _, k := range registry {
		if err := e.reviewers[k.Name].Prepare(e); err != nil {
			return fail("%s", clean(err.Error()))
		}
	}

	docs, err := collect(e, fl.Args())
	if err != nil {
		return fail("%s", clean(err.Error()))
	}
	reviewAll(e, docs)
	for _, d := range docs {
		if d.usage != nil {
			return fail("%s: %s", clean(d.File), clean(d.usage.Error()))
		}
	}
	groups := together(e, docs)

	code := 0
	if o.out != "" {
		// The report still follows: a failing -out costs the files, not
		// the review. Each distinct failure gets its own line.
		for _, err := range writeOut(o.out, docs, groups) {
			msg := clean(err.Error())
			if !strings.HasPrefix(msg, "-out ") {
				msg = "-out: " + msg
			}
			fmt.Fprintf(stderr, "review: %s\n", msg)
			code = 1
		}
	}
	switch o.format {
	case "json":
		err = writeJSON(stdout, docs, groups)
	case "sarif":
		err = writeSARIF(stdout, docs)
	default:
		err = writeText(stdout, docs, groups, o.out, colourful(stdout))
	}
	if err != nil {
		fmt.Fprintf(stderr, "review: %v\n", err)
		return 1
	}
	for _, d := range docs {
		if d.invalid() {
			code = 1
		}
		for _, r := range d.Rows {
			if failRank > 0 && finding.Severity(r.Severity).Rank() >= failRank {
				code = 1
			}
		}
	}
	return code
}

// collect lists the documents to review: the embedded templates when no
// path is given, else every path (a folder is walked; "-" is standard
// input). A path that does not exist or is not a regular file or folder is a
// usage error; so is an invalid configuration file.
func collect(e *env, paths []string) ([]*doc, error) {
	var docs []*doc
	add := func(loc location, walkedIn bool, skip string, err error) error {
		d := &doc{loc: loc, File: loc.String()}
		switch {
		case skip != "":
			d.Skipped, d.SkipReason = true, skip
		case err != nil:
			d.Err = err
		}
		d.walked = walkedIn
		d.rendering = e.opts.out != ""
		if !d.Skipped {
			s, err := e.configs.forDoc(loc)
			if err != nil {
				return err
			}
			d.cfg = s
		}
		docs = append(docs, d)
		return nil
	}
	if len(paths) == 0 {
		for _, w := range walk(location{fsys: templates.FS, name: "."}) {
			if err := add(w.loc, true, w.skip, w.err); err != nil {
				return nil, err
			}
		}
		return docs, nil
	}
	stdin := 0
	for _, p := range paths {
		if p == "-" {
			if stdin++; stdin > 1 {
				return nil, usagef("standard input (-) can be read only once")
			}
			if err := add(location{stdin: true}, false, "", nil); err != nil {
				return nil, err
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			return nil, usagef("%s: %v", p, cause(err))
		}
		switch {
		case fi.IsDir():
			for _, w := range walk(osFile(p)) {
				if err := add(w.loc, true, w.skip, w.err); err != nil {
					return nil, err
				}
			}
		case fi.Mode().IsRegular():
			// A file named on the command line that cannot be opened is
			// the user's mistake to fix, like one that does not exist.
			f, err := osFile(p).open()
			if err != nil {
				return nil, usagef("%s: %v", p, err)
			}
			f.Close()
			if err := add(osFile(p), false, "", nil); err != nil {
				return nil, err
			}
		default:
			return nil, usagef("%s: %v", p, notRegular(fi.Mode()))
		}
	}
	return docs, nil
}

// reviewAll reviews the documents, several at once, each written only by
// the goroutine that reviews it, so the output order is the input order.
func reviewAll(e *env, docs []*doc) {
	next := make(chan *doc)
	var wg sync.WaitGroup
	for range min(e.opts.jobs, max(len(docs), 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for d := range next {
				reviewOne(e, d)
			}
		}()
	}
	for _, d := range docs {
		next <- d
	}
	close(next)
	wg.Wait()
}

// reviewOne reads a document once, tells its kind, and hands it to the
// kind's reviewer; then places, filters and suppresses what was found.
func reviewOne(e *env, d *doc) {
	if d.Skipped || d.Err != nil {
		d.finish()
		return
	}
	var data []byte
	var err error
	if d.loc.stdin {
		data, err = readBounded(e.stdin, maxDocBytes, 0)
	} else {
		data, err = d.loc.read(maxDocBytes)
	}
	if err != nil {
		d.Err = err
		d.finish()
		return
	}
	if !textual(data) {
		d.Err = errBinary // its name says it is a document
		d.finish()
		return
	}
	d.data = data
	k, ok := detect(e, d)
	if !ok {
		if d.walked {
			d.Skipped, d.SkipReason = true, "not a document this tool knows"
			d.source = nil
		} else if d.Err == nil {
			d.Err = errUnknownKind
		}
		d.finish()
		return
	}
	d.Kind = k.Name
	if d.Err == nil {
		d.ignores = scanIgnores(data, d.source == nil)
		e.reviewers[k.Name].Review(d)
	}
	d.finish()
	// What the checks across documents need is kept; the rest goes.
	d.data = nil
	if !d.keepSource {
		d.source, d.placer = nil, nil
	}
}

// detect names a document's kind: -kind; else for Markdown and text, the
// kind that claims it or a narrative; else, from the one parse of the
// document, its $schema, its file name, then the top-level keys only one
// kind has. A document that does not parse keeps its parse error when its
// name says its kind.
func detect(e *env, d *doc) (kind, bool) {
	name := d.File
	if d.loc.stdin {
		name = ""
	}
	var forced kind
	if e.opts.kind != "" && !d.walked { // files found in a folder tell their own kind
		forced, _ = kindByName(e.opts.kind)
	}
	if forced.Name == "" && isText(name) {
		return textKind(name, d.data)
	}
	if forced.Name != "" && (forced.SchemaPath == "" || (forced.Text != nil && isText(name))) {
		return forced, true // read as Markdown or text: no JSON or YAML to parse
	}
	src, err := strict.ParseDocument(d.data, strict.Limits{})
	if err != nil {
		if forced.Name != "" {
			if forced.Text != nil && d.loc.stdin {
				return forced, true // Markdown on standard input
			}
			d.Err = err
			return forced, true
		}
		if k, ok := byPattern(name); ok {
			d.Err = err
			return k, true
		}
		if !d.walked {
			d.Err = err
		}
		return kind{}, false
	}
	d.source = src
	if forced.Name != "" {
		return forced, true
	}
	keys := src.Keys()
	if s := schemaOf(src, keys); s != "" {
		if k, ok := bySchema(s); ok {
			return k, true
		}
	}
	if k, ok := byPattern(name); ok {
		return k, true
	}
	if k, ok := byKeys(keys); ok {
		return k, true
	}
	if d.loc.stdin && keys == nil {
		d.source = nil
		return textKind("", d.data) // prose on standard input
	}
	return kind{}, false
}

// schemaOf reads a document's $schema value. When $schema comes first (as
// editors and our templates put it) it is read from the tree as it is;
// elsewhere, only from a document that decodes without a problem.
func schemaOf(src *strict.Document, keys []string) string {
	if len(keys) == 0 {
		return ""
	}
	if keys[0] == "$schema" {
		// What decoding it into a string field alone would give.
		if s, ok := src.Text("$schema"); ok {
			return s
		}
		return ""
	}
	if !slices.Contains(keys, "$schema") {
		return ""
	}
	var top map[string]any
	if src.Decode(&top) != nil {
		return ""
	}
	s, _ := top["$schema"].(string)
	return s
}

// textual refuses NUL bytes and invalid UTF-8 near the start, the marks of
// a binary file.
func textual(data []byte) bool {
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

// together runs each kind's checks across documents, then places what they
// found.
func together(e *env, docs []*doc) []group {
	var groups []group
	for _, k := range registry {
		var mine []*doc
		for _, d := range docs {
			if d.Kind == k.Name && !d.Skipped {
				mine = append(mine, d)
			}
		}
		if len(mine) == 0 {
			continue
		}
		groups = append(groups, e.reviewers[k.Name].Together(e, mine)...)
	}
	for _, d := range docs {
		d.finish()
		d.source, d.Value = nil, nil
	}
	sort.SliceStable(groups, func(i, j int) bool { return groups[i].Folder < groups[j].Folder })
	return groups
}

// knownRules lists every rule id the kinds report, bare and as kind/rule,
// to check the configuration file against; nil while a kind cannot list
// its rules.
func knownRules() map[string]bool {
	known := map[string]bool{}
	for _, k := range registry {
		if k.Rules == nil {
			return nil
		}
		for _, r := range k.Rules() {
			known[r.ID] = true
			known[k.Name+"/"+r.ID] = true
		}
	}
	return known
}

func usage(w io.Writer, fl *flag.FlagSet) {
	fmt.Fprint(w, `usage: review [flags] [file or folder ... | -]

Reviews Amazon-style mechanism documents: it tells each file's kind, parses
it once, validates it, computes what the mechanism computes and reviews it.
With no arguments it reviews the embedded templates. A folder is reviewed
with everything under it (hidden folders, node_modules and vendor left
out); "-" reads one document from standard input (name its kind with -kind).

Kinds and the file names that imply them:
`)
	for _, k := range registry {
		pats := k.Patterns
		if len(pats) > 4 {
			pats = pats[:4]
		}
		if len(k.MarkdownPatterns) > 0 {
			pats = append(slices.Clip(pats), k.MarkdownPatterns[0])
		}
		fmt.Fprintf(w, "  %-10s %s\n  %-10s   %s\n", k.Name, k.Title, "", strings.Join(pats, " "))
		for _, line := range strings.Split(k.Help, "\n") {
			if line != "" {
				fmt.Fprintf(w, "  %-10s   %s\n", "", line)
			}
		}
	}
	fmt.Fprintf(w, `
A file's kind comes from -kind, else its $schema key, else its name, else
top-level keys only one kind has; a Markdown or text file's, from its name,
else from the kinds that read Markdown, else it is prose.

Configuration: %s in a reviewed file's folder or the nearest parent:
  rules: {RULE-ID: off|info|warning|error}   prose: {acronyms, words}
  policy: FILE   overrides: [{files: [GLOB], rules, prose, policy}]
Its JSON Schema is examples/review/config.schema.json. A comment
"# review:ignore RULE-ID" (YAML) or "<!-- review:ignore RULE-ID -->"
(Markdown) on the line before a finding's line, or at its end, suppresses it.

Flags:
`, configName)
	fl.PrintDefaults()
	fmt.Fprint(w, `
Exit status:
  0  every document is valid and no finding reaches -fail-on
  1  a document is invalid or unreadable, a finding reaches -fail-on
     (error by default), or -out could not be written
  2  usage: an unknown flag or value, a missing or unreadable file named by
     a flag or an argument, -week not a week end of the deck, an invalid
     configuration file
`)
}
