package main

import (
	"flag"
	"fmt"
	"path"
	"slices"
	"strings"
	"sync"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// kind is one document kind the tool reviews. Everything the tool knows about
// a kind lives here and in the kind's own file, which registers it: its file
// patterns and keys for detection, its flags, its companion files, its
// computed result and its checks across documents. main.go holds nothing
// kind-specific, so adding a kind is adding one file.
type kind struct {
	// Name is the kind's name, as given to -kind and printed in reports.
	Name string
	// Title is a short description for the catalogue and -h.
	Title string
	// SchemaPath is the schema's path in the repository ("" for kinds that
	// are not JSON or YAML documents, like narratives).
	SchemaPath string
	// Schema returns the embedded schema.
	Schema func() []byte
	// Patterns are lower-case file name globs that imply the kind.
	Patterns []string
	// Keys are top-level keys only this kind has; any one present names it.
	Keys []string
	// MarkdownPatterns are lower-case globs of Markdown file names that
	// imply the kind ("*.decision.md"): the name wins over what any kind's
	// Text finds in the file, as Patterns do for YAML and JSON.
	MarkdownPatterns []string
	// Text, when set, claims a Markdown or plain-text file for the kind
	// (a decision record, a PR/FAQ).
	Text func(name string, data []byte) bool
	// Prose marks the kind that takes every Markdown or text file no
	// kind's Text claims.
	Prose bool
	// Help says, for -h, what else the kind reads or how it is told,
	// beyond its file patterns.
	Help string
	// Template is the kind's file in examples/templates; Testdata the
	// package's folder of valid/ and invalid/ documents ("" if none).
	Template string
	Testdata string
	// Check parses and validates, nothing more: the Go verdict the schema
	// parity corpus compares with other validators.
	Check func(data []byte) error
	// Rules lists every rule id the kind can report, for SARIF and for
	// checking the configuration file.
	Rules func() []finding.RuleInfo
	// New declares the kind's flags on fl and returns the kind's reviewer
	// for one run; the flags' values live in the reviewer, never in a
	// global.
	New func(fl *flag.FlagSet) reviewer
}

// reviewer is one kind's state for one run.
type reviewer interface {
	// Prepare runs once after the flags are parsed; an error is a usage
	// error (exit 2), such as a file named by a flag that cannot be read.
	Prepare(e *env) error
	// Review parses, validates, computes and reviews one document. It is
	// called from several goroutines at once.
	Review(d *doc)
	// Together runs the checks that span documents (a decision log,
	// calibration across hiring loops) over every document of the kind,
	// in input order, once all are reviewed. It may add findings to the
	// documents and returns what it found about each group.
	Together(e *env, docs []*doc) []group
}

// alone is embedded by reviewers whose kind has no checks across documents.
type alone struct{}

func (alone) Together(*env, []*doc) []group { return nil }

// group is the outcome of a check across documents: a decision log, the
// calibration of the hiring loops in a folder.
type group struct {
	// Kind names what the group is ("decision-log", "calibration").
	Kind string `json:"kind"`
	// Folder is the folder whose documents were checked together.
	Folder string `json:"folder"`
	// Documents counts them.
	Documents int `json:"documents"`
	// Result is what the check computed.
	Result any `json:"result"`
	// Summary lines for the text report.
	Summary []string `json:"-"`
	// Files are renderings written under -out, by name within the
	// folder's output directory.
	Files map[string][]byte `json:"-"`
}

// registry lists every kind, in the order reports and the catalogue show
// them; kind files add themselves from init.
var registry []kind

func register(k kind) {
	for _, o := range registry {
		if o.Name == k.Name {
			panic("review: kind " + k.Name + " registered twice")
		}
	}
	registry = append(registry, k)
}

func kindByName(name string) (kind, bool) {
	for _, k := range registry {
		if k.Name == name {
			return k, true
		}
	}
	return kind{}, false
}

func kindNames() []string {
	out := make([]string, 0, len(registry))
	for _, k := range registry {
		out = append(out, k.Name)
	}
	return out
}

// byPattern names the kind a file name implies, if any.
func byPattern(name string) (kind, bool) {
	return byName(name, func(k kind) []string { return k.Patterns })
}

// byName names the kind one of whose patterns, as pats gives them,
// matches the base of a file name, in lower case.
func byName(name string, pats func(kind) []string) (kind, bool) {
	base := strings.ToLower(path.Base(strings.ReplaceAll(name, "\\", "/")))
	for _, k := range registry {
		for _, p := range pats(k) {
			if ok, _ := path.Match(p, base); ok {
				return k, true
			}
		}
	}
	return kind{}, false
}

// bySchema names the kind whose schema a $schema value points at.
func bySchema(s string) (kind, bool) {
	if s == "" {
		return kind{}, false
	}
	for _, k := range registry {
		if k.SchemaPath != "" && (strings.HasSuffix(s, "/"+k.SchemaPath) || s == k.SchemaPath || strings.HasSuffix(s, "/"+path.Base(k.SchemaPath)) || s == path.Base(k.SchemaPath)) {
			return k, true
		}
	}
	return kind{}, false
}

// byKeys names the kind whose own top-level keys the document has.
func byKeys(keys []string) (kind, bool) {
	for _, k := range registry {
		for _, key := range k.Keys {
			if slices.Contains(keys, key) {
				return k, true
			}
		}
	}
	return kind{}, false
}

// isText reports whether a file name is prose (Markdown or plain text)
// rather than a JSON or YAML document.
func isText(name string) bool {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, "\\", "/"))) {
	case ".md", ".markdown", ".txt":
		return true
	}
	return false
}

// textKind names the kind of a Markdown or text file: the kind its name
// implies, else the first kind whose Text claims it, else the prose kind.
func textKind(name string, data []byte) (kind, bool) {
	if k, ok := byName(name, func(k kind) []string { return k.MarkdownPatterns }); ok {
		return k, true
	}
	for _, k := range registry {
		if k.Text != nil && k.Text(name, data) {
			return k, true
		}
	}
	for _, k := range registry {
		if k.Prose {
			return k, true
		}
	}
	return kind{}, false
}

// cache computes each key's value once, however many goroutines ask.
type cache[K comparable, V any] struct {
	mu sync.Mutex
	m  map[K]*cacheEntry[V]
}

type cacheEntry[V any] struct {
	once sync.Once
	v    V
}

func (c *cache[K, V]) get(key K, compute func() V) V {
	c.mu.Lock()
	if c.m == nil {
		c.m = map[K]*cacheEntry[V]{}
	}
	e := c.m[key]
	if e == nil {
		e = &cacheEntry[V]{}
		c.m[key] = e
	}
	c.mu.Unlock()
	e.once.Do(func() { e.v = compute() })
	return e.v
}

// usageError is an error the user made on the command line; the run exits 2.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}
