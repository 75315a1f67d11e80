package decision

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// MaxLogFiles is the most decision files LoadLog reads from one directory.
const MaxLogFiles = 10_000

// ErrTooManyFiles is returned by LoadLog for a directory holding more than
// MaxLogFiles decision files.
var ErrTooManyFiles = errors.New("decision: too many files in the log directory")

// Entry is one decision of a log and where it came from.
type Entry struct {
	// Source names where the decision was read from, such as a file path.
	Source string
	// Decision is the parsed decision.
	Decision *Decision
}

// Log is a set of decisions checked together: their ids, their links and
// their review dates.
type Log struct {
	// Entries are the decisions in the order they were given or read.
	Entries []Entry
}

// NewLog returns a log of the given decisions, named "#1", "#2", ... by
// their position.
func NewLog(ds ...*Decision) *Log {
	l := &Log{Entries: make([]Entry, len(ds))}
	for i, d := range ds {
		l.Entries[i] = Entry{Source: "#" + strconv.Itoa(i+1), Decision: d}
	}
	return l
}

// LoadLog reads every decision file directly inside dir of fsys, in name
// order: .yaml, .yml and .json files as Parse reads them (skipping one
// whose keys are none of a decision's, such as Docusaurus'
// _category_.json, and dotfiles), and .md and
// .markdown files as ParseMarkdown reads them (MADR or Nygard records).
// A Markdown file that is no decision record (an index, notes) is skipped,
// as are README, index and template files; a Markdown record that names
// no id takes its file's number ("0012-use-kafka.md" → "0012"), or its
// file name without the extension, so that links by number or file name
// resolve. A file larger than MaxBytes is refused without being read
// whole. Files that do not parse are reported together in the error, each
// with its path; the returned Log still holds every file that did parse,
// so a caller can check those too.
func LoadLog(fsys fs.FS, dir string) (*Log, error) {
	ents, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, fmt.Errorf("decision: reading log: %w", err)
	}
	var names []string
	for _, e := range ents {
		if e.IsDir() || strings.HasPrefix(e.Name(), ".") {
			continue // .markdownlint.yml and other tools' files
		}
		switch strings.ToLower(path.Ext(e.Name())) {
		case ".yaml", ".yml", ".json":
			names = append(names, e.Name())
		case ".md", ".markdown":
			if !notARecordName(e.Name()) {
				names = append(names, e.Name())
			}
		}
	}
	if len(names) > MaxLogFiles {
		return nil, fmt.Errorf("%w: %d files, the limit is %d", ErrTooManyFiles, len(names), MaxLogFiles)
	}
	l := &Log{}
	var errs []error
	for _, name := range names {
		p := path.Join(dir, name)
		d, err := loadOne(fsys, p)
		if errors.Is(err, errNotADecision) {
			continue
		}
		if err != nil {
			var ve *ValidationError
			if errors.As(err, &ve) && len(ve.Problems) == 1 && ve.Problems[0].Rule == RuleNotARecord {
				continue
			}
			errs = append(errs, fmt.Errorf("%s: %w", p, err))
			continue
		}
		l.Entries = append(l.Entries, Entry{Source: p, Decision: d})
	}
	return l, errors.Join(errs...)
}

// notARecordName tells the Markdown files a decision folder keeps beside
// its records: its README or index and the template records are copied from.
func notARecordName(name string) bool {
	stem := strings.ToLower(strings.TrimSuffix(name, path.Ext(name)))
	if fileNum.MatchString(stem) {
		return false // a numbered file is a record, "0014-project-templates" too
	}
	return stem == "readme" || stem == "index" || stem == "_index" || stem == "template" ||
		strings.HasSuffix(stem, "-template") || strings.HasSuffix(stem, "_template") ||
		strings.HasPrefix(stem, "template-") || strings.HasPrefix(stem, "template_")
}

func loadOne(fsys fs.FS, p string) (*Decision, error) {
	f, err := fsys.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := strict.ReadAll(f, MaxBytes)
	if err != nil {
		return nil, problem.WithKind(err, KindDecision)
	}
	switch strings.ToLower(path.Ext(p)) {
	case ".md", ".markdown":
		d, err := ParseMarkdown(data)
		if err != nil {
			return d, err
		}
		d.ID = MarkdownID(p, d)
		return d, nil
	}
	if doc, err := strict.ParseDocument(data, strict.Limits{MaxBytes: MaxBytes}); err == nil {
		if keys := doc.Keys(); keys != nil && !slices.ContainsFunc(keys, isDecisionKey) {
			return nil, errNotADecision // _category_.json, a linter's settings
		}
	}
	return Parse(data)
}

// MarkdownID is the id LoadLog gives d, a Markdown record read from the
// file named name: a record that names no id takes its file's number
// ("0012-use-kafka.md" → "0012") or its file name without the extension;
// a record whose title number disagrees with its file's number (a title
// copied from another record) takes the file's, which adr-tools and the
// index use; otherwise the record's own id.
func MarkdownID(name string, d *Decision) string {
	stem := strings.TrimSuffix(path.Base(name), path.Ext(name))
	switch id := fileID(stem); {
	case d.ID == "":
		return id
	case fileNum.MatchString(stem) && id != d.ID && len(d.ID) >= 4 && strings.Trim(d.ID, "0123456789") == "" &&
		d.Format == FormatMarkdown:
		return id
	}
	return d.ID
}

// errNotADecision marks a YAML or JSON file of a decision folder that is
// no decision: none of its keys is a decision's.
var errNotADecision = errors.New("not a decision")

func isDecisionKey(k string) bool {
	switch k {
	case "$schema", "id", "title", "status", "date", "context", "options", "chosen", "areas", "reversibility", "impact", "people", "links":
		return true
	}
	return false
}

// Find returns the first decision with the given id, or nil.
func (l *Log) Find(id string) *Decision {
	if l == nil {
		return nil
	}
	for _, e := range l.Entries {
		if e.Decision != nil && e.Decision.ID == id {
			return e.Decision
		}
	}
	return nil
}

// Locate splits a path reported by Check ("/3/links/supersedes/0") into the
// source of the entry and the JSON pointer within that decision
// ("/links/supersedes/0"). It returns "" for a path that names no entry.
func (l *Log) Locate(p string) (source, pointer string) {
	if l == nil {
		return "", ""
	}
	head, rest, _ := strings.Cut(strings.TrimPrefix(p, "/"), "/")
	i, err := strconv.Atoi(head)
	if err != nil || i < 0 || i >= len(l.Entries) {
		return "", ""
	}
	return l.Entries[i].Source, "/" + rest
}

// Check validates every decision and the rules that span decisions: ids are
// unique; every link names a decision of the log; supersedes and
// supersededBy agree at both ends, as do related links; a successor is
// neither a draft nor a proposal; and no decisions supersede each other in
// a cycle. Problems come back as a *ValidationError of kind "decision log"
// whose paths start with the entry's index ("/2/links/related/0", see
// Locate) and whose messages start with the entry's source.
//
// Findings, filtered by opts, report open decisions whose review-by date
// is before today — in a log of one record too. A record read from
// Markdown is not refused for links its log leaves half-written: a link
// to a record the log lacks (unknown-reference), a link the other end does
// not mirror (link-reciprocal) and a successor still proposed
// (supersede-status) come back as warning findings on that record instead.
// A record read from a Markdown file is also known by its file's number
// ("0005-use-kafka.md" → "0005"), as such logs link by file whatever id
// their front matter gives.
func (l *Log) Check(today Date, opts ReviewOptions) ([]Finding, error) {
	if l == nil {
		return nil, nil
	}
	var probs problem.List
	var fs []Finding
	add := func(i int, ptr, rule, format string, args ...any) {
		path := "/" + strconv.Itoa(i) + ptr
		msg := fmt.Sprintf("%s: %s", l.Entries[i].Source, fmt.Sprintf(format, args...))
		if d := l.Entries[i].Decision; d != nil && d.Format == FormatMarkdown && linkRules[rule] {
			fs = append(fs, Finding{Rule: rule, Severity: Warning, Path: path, Message: msg, Suggestion: linkRuleHelp[rule]})
			return
		}
		probs.Add(path, rule, "%s", msg)
	}
	byID := map[string]int{}
	for i, e := range l.Entries {
		d := e.Decision
		if d == nil {
			add(i, "", RuleRequired, "no decision")
			continue
		}
		for _, p := range d.problems() {
			add(i, strings.TrimSuffix(p.Path, "/"), p.Rule, "%s", p.Message)
		}
		if d.ID == "" {
			continue
		}
		if j, dup := byID[d.ID]; dup {
			add(i, "/id", RuleDuplicateID, "id %q is already used by %s", d.ID, l.Entries[j].Source)
			continue
		}
		byID[d.ID] = i
	}
	// A Markdown record is also known by its file's number, as links in
	// Markdown logs name files ("0005-x.md") whatever id front matter gives.
	for i := range l.Entries {
		if a := l.alias(i); a != "" {
			if _, taken := byID[a]; !taken {
				byID[a] = i
			}
		}
	}
	for i, e := range l.Entries {
		if e.Decision != nil && e.Decision.Links != nil {
			l.checkLinks(i, byID, add)
		}
	}
	l.checkCycles(byID, add)

	for i, e := range l.Entries {
		d := e.Decision
		if d == nil || d.ReviewBy.IsZero() || !d.open() || !d.ReviewBy.Before(today) {
			continue
		}
		days := int(today.Time().Sub(d.ReviewBy.Time()).Hours() / 24)
		name := d.ID
		if name == "" {
			name = d.Title
		}
		fs = append(fs, Finding{
			Rule: RuleReviewOverdue, Severity: Warning, Path: "/" + strconv.Itoa(i) + "/reviewBy",
			Message:    fmt.Sprintf("%s: %s was due for review on %s, %d days ago", e.Source, name, d.ReviewBy, days),
			Suggestion: "review it: confirm, amend or supersede it, and set the next review date",
		})
	}
	fs = opts.apply(fs)
	finding.Sort(fs)
	return fs, probs.Err(KindLog)
}

// linkRules are the log rules a Markdown record breaks as advice, not as
// an invalid log.
var linkRules = map[string]bool{RuleUnknownReference: true, RuleLinkReciprocal: true, RuleSupersedeStatus: true}

var linkRuleHelp = map[string]string{
	RuleUnknownReference: "add the record it names to the log, or fix the link",
	RuleLinkReciprocal:   "write the link in the other record too",
	RuleSupersedeStatus:  "accept the successor, or set this record's status back",
}

type addFunc func(i int, ptr, rule, format string, args ...any)

// alias is the id a Markdown record's file name gives it, when that
// differs from its id; "" otherwise.
func (l *Log) alias(i int) string {
	e := l.Entries[i]
	if e.Decision == nil || e.Decision.Format != FormatMarkdown {
		return ""
	}
	switch strings.ToLower(path.Ext(e.Source)) {
	case ".md", ".markdown":
	default:
		return ""
	}
	a := fileID(strings.TrimSuffix(path.Base(e.Source), path.Ext(e.Source)))
	if a == e.Decision.ID {
		return ""
	}
	return a
}

// names reports whether id names entry i, by its id or its file.
func (l *Log) names(i int, id string) bool {
	return id != "" && (id == l.Entries[i].Decision.ID || id == l.alias(i))
}

// namesAny reports whether any of ids names entry i.
func (l *Log) namesAny(i int, ids []string) bool {
	return slices.ContainsFunc(ids, func(id string) bool { return l.names(i, id) })
}

func (l *Log) checkLinks(i int, byID map[string]int, add addFunc) {
	d := l.Entries[i].Decision
	links := d.Links
	target := func(ptr, id string) *Decision {
		j, ok := byID[id]
		if !ok {
			add(i, ptr, RuleUnknownReference, "links to %q, which is not in the log", id)
			return nil
		}
		return l.Entries[j].Decision
	}
	for k, id := range links.Supersedes {
		ptr := "/links/supersedes/" + strconv.Itoa(k)
		if l.names(i, id) {
			continue // reported by Validate as self-link
		}
		if b := target(ptr, id); b != nil && (b.Links == nil || !l.names(i, b.Links.SupersededBy)) {
			add(i, ptr, RuleLinkReciprocal, "%s supersedes %s, but %s does not name %s in supersededBy", d.ID, id, id, d.ID)
		}
	}
	if id := links.SupersededBy; id != "" && !l.names(i, id) {
		ptr := "/links/supersededBy"
		if b := target(ptr, id); b != nil {
			if b.Links == nil || !l.namesAny(i, b.Links.Supersedes) {
				add(i, ptr, RuleLinkReciprocal, "%s names %s as its successor, but %s does not list %s in supersedes", d.ID, id, id, d.ID)
			}
			if b.Status == Draft || b.Status == Proposed {
				add(i, ptr, RuleSupersedeStatus, "the successor %s is still %s; a decision is superseded only by an accepted one", id, b.Status)
			}
		}
	}
	for k, id := range links.Amends {
		if !l.names(i, id) {
			target("/links/amends/"+strconv.Itoa(k), id)
		}
	}
	for k, id := range links.AmendedBy {
		if !l.names(i, id) {
			target("/links/amendedBy/"+strconv.Itoa(k), id)
		}
	}
	for k, id := range links.Related {
		ptr := "/links/related/" + strconv.Itoa(k)
		if l.names(i, id) {
			continue
		}
		if b := target(ptr, id); b != nil && (b.Links == nil || !l.namesAny(i, b.Links.Related)) {
			add(i, ptr, RuleLinkReciprocal, "%s is related to %s, but %s does not list %s in related", d.ID, id, id, d.ID)
		}
	}
}

// checkCycles finds decisions that supersede each other in a loop, with
// Tarjan's strongly connected components over "successor supersedes
// predecessor" edges taken from both link directions.
func (l *Log) checkCycles(byID map[string]int, add addFunc) {
	n := len(l.Entries)
	edges := make([][]int, n)
	link := func(from, to int) {
		if from != to && !slices.Contains(edges[from], to) {
			edges[from] = append(edges[from], to)
		}
	}
	for i, e := range l.Entries {
		d := e.Decision
		if d == nil || d.Links == nil || byID[d.ID] != i {
			continue
		}
		for _, id := range d.Links.Supersedes {
			if j, ok := byID[id]; ok {
				link(i, j)
			}
		}
		if j, ok := byID[d.Links.SupersededBy]; ok {
			link(j, i)
		}
	}
	for _, es := range edges {
		slices.Sort(es)
	}
	index, low := make([]int, n), make([]int, n)
	onStack := make([]bool, n)
	var stack []int
	next := 1
	var visit func(v int)
	visit = func(v int) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for _, w := range edges[v] {
			if index[w] == 0 {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] != index[v] {
			return
		}
		var comp []int
		for {
			w := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			onStack[w] = false
			comp = append(comp, w)
			if w == v {
				break
			}
		}
		if len(comp) < 2 {
			return
		}
		sort.Ints(comp)
		ids := make([]string, len(comp))
		for k, c := range comp {
			ids[k] = l.Entries[c].Decision.ID
		}
		add(comp[0], "/links", RuleSupersedeCycle, "decisions %s supersede one another in a cycle", strings.Join(ids, ", "))
	}
	for v := range n {
		if index[v] == 0 {
			visit(v)
		}
	}
}
