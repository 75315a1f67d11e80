package main

import (
	_ "embed" // the committed schema travels inside the binary
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/dayone-go/mechanisms/internal/enum"
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

//go:generate go test -run ^(TestConfigSchemaUpToDate|TestCatalogIsCurrent)$ -update

// configSchema is the JSON Schema of Config, generated from the type and
// its doc comments.
//
//go:embed config.schema.json
var configSchema []byte

// configSchemaPath is the schema's path in the repository.
const configSchemaPath = "examples/review/config.schema.json"

// configName is the configuration file's name. The tool reads the one in
// each reviewed document's folder or the nearest parent folder.
const configName = ".mechanisms.yaml"

// Config is the review tool's configuration file, .mechanisms.yaml, read
// from a reviewed document's folder or the nearest parent folder that has
// one. Like every document, it is read strictly: an unknown key is an error
// that names its line and column.
type Config struct {
	// Schema is the URL or path of this file's JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// Rules sets the level of rules by id: off, info, warning or error.
	// An id may name one kind's rule as kind/rule (prfaq/hedging); a bare
	// id applies to every kind that reports it. Levels apply to review
	// findings; the problems that make a document invalid stay errors.
	Rules map[string]Level `json:"rules,omitempty"`
	// Prose tunes the writing rules of PR/FAQs and narratives.
	Prose *Prose `json:"prose,omitempty"`
	// Policy is the decision policy file that decisions under this
	// configuration are classified under, relative to this file's folder.
	// The -policy flag takes precedence.
	Policy string `json:"policy,omitempty"`
	// Overrides change the settings for the files their globs match, in
	// order; a later override wins over an earlier one.
	Overrides []Override `json:"overrides,omitempty"`
}

// Prose tunes the writing rules.
type Prose struct {
	// Acronyms are acronyms this project's readers know, which need no
	// definition (SKU, WBR).
	Acronyms []string `json:"acronyms,omitempty"`
	// Words are extra words and phrases a rule flags, by rule id
	// (weasel-word: [arguably, "more or less"]), on top of the rule's own
	// list. Matching ignores case and finds whole words.
	Words map[string][]string `json:"words,omitempty"`
}

// Override is a set of settings for some files.
type Override struct {
	// Files are globs matched against a document's path relative to this
	// file's folder, with / between folders; ** matches any number of
	// folders (docs/drafts/**, **/*.prfaq.yaml).
	Files []string `json:"files" validate:"required,min=1"`
	// Rules sets rule levels for these files, as the top-level rules do.
	Rules map[string]Level `json:"rules,omitempty"`
	// Prose adds acronyms and words for these files.
	Prose *Prose `json:"prose,omitempty"`
	// Policy is the decision policy for these files, relative to this
	// file's folder.
	Policy string `json:"policy,omitempty"`
}

// Level is a rule's level in the configuration file.
type Level string

// Levels a rule can be set to.
const (
	LevelOff     Level = "off"
	LevelInfo    Level = "info"
	LevelWarning Level = "warning"
	LevelError   Level = "error"
)

var levels = enum.Set[Level]{LevelOff, LevelInfo, LevelWarning, LevelError}

// Values lists the levels.
func (Level) Values() []string { return levels.Strings() }

// Valid reports whether l is a known level.
func (l Level) Valid() bool { return levels.Has(l) }

// MarshalText refuses unknown levels.
func (l Level) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, fmt.Errorf("unknown level %q", string(l))
	}
	return []byte(l), nil
}

// UnmarshalText refuses unknown levels.
func (l *Level) UnmarshalText(b []byte) error {
	v, err := levels.Parse("level", b)
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// settings are the configuration as it applies to one document.
type settings struct {
	// from is the configuration file.
	from     location
	rules    map[string]Level
	acronyms []string
	words    map[string][]string
	// policy is the policy file named for this document; nil for none.
	policy *location
}

// apply sets the levels of findings by rule, dropping those switched off.
func (s *settings) apply(kind string, fs []finding.Finding) []finding.Finding {
	if len(s.rules) == 0 {
		return fs
	}
	out := fs[:0]
	for _, f := range fs {
		l, ok := s.rules[kind+"/"+f.Rule]
		if !ok {
			l, ok = s.rules[f.Rule]
		}
		switch {
		case !ok:
		case l == LevelOff:
			continue
		default:
			f.Severity = finding.Severity(l)
		}
		out = append(out, f)
	}
	return out
}

// loadedConfig is a configuration file read and checked.
type loadedConfig struct {
	at location
	// dir is the absolute folder the file is in, which its paths and
	// globs are relative to.
	dir string
	cfg *Config
	err error
}

// configs finds and reads configuration files, each once.
type configs struct {
	// off is set by -no-config.
	off bool
	// known lists every rule id any kind reports, to catch typos.
	known map[string]bool
	dirs  cache[string, *loadedConfig]
	files cache[string, *loadedConfig]
}

// forDoc returns the settings for a document: from the nearest
// configuration file in its folder or a parent folder. Documents from the
// embedded templates have none. An invalid configuration file is a usage
// error.
func (c *configs) forDoc(loc location) (*settings, error) {
	if c.off || loc.fsys != nil {
		return nil, nil
	}
	dir := loc.dir().name
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, nil
	}
	lc := c.nearest(abs)
	if lc == nil {
		return nil, nil
	}
	if lc.err != nil {
		return nil, lc.err
	}
	cfgDir := lc.dir
	rel := ""
	if !loc.stdin {
		if a, err := filepath.Abs(loc.name); err == nil {
			if r, err := filepath.Rel(cfgDir, a); err == nil {
				rel = filepath.ToSlash(r)
			}
		}
	}
	s := &settings{from: lc.at, rules: map[string]Level{}, words: map[string][]string{}}
	layer := func(rules map[string]Level, prose *Prose, policy string) {
		for id, l := range rules {
			s.rules[id] = l
		}
		if prose != nil {
			s.acronyms = append(s.acronyms, prose.Acronyms...)
			for id, ws := range prose.Words {
				s.words[id] = append(s.words[id], ws...)
			}
		}
		if policy != "" {
			p := osFile(filepath.Join(cfgDir, filepath.FromSlash(policy)))
			// Name the policy as the user would: relative to the working
			// directory when the configuration was found relative to it.
			if wd, err := os.Getwd(); err == nil {
				if r, err := filepath.Rel(wd, p.name); err == nil && !strings.HasPrefix(r, "..") {
					p = osFile(r)
				}
			}
			s.policy = &p
		}
	}
	layer(lc.cfg.Rules, lc.cfg.Prose, lc.cfg.Policy)
	for _, o := range lc.cfg.Overrides {
		for _, g := range o.Files {
			if rel != "" && matchGlob(g, rel) {
				layer(o.Rules, o.Prose, o.Policy)
				break
			}
		}
	}
	return s, nil
}

// nearest finds the configuration file for folder dir (absolute), walking
// up to the root; nil when there is none.
func (c *configs) nearest(dir string) *loadedConfig {
	return c.dirs.get(dir, func() *loadedConfig {
		p := filepath.Join(dir, configName)
		if _, err := os.Lstat(p); err == nil {
			return c.load(p)
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		return c.nearest(parent)
	})
}

// load reads and checks one configuration file, naming it as the user
// would (relative to the working directory when it is under it).
func (c *configs) load(abs string) *loadedConfig {
	return c.files.get(abs, func() *loadedConfig {
		name := abs
		if wd, err := os.Getwd(); err == nil {
			if r, err := filepath.Rel(wd, abs); err == nil && !strings.HasPrefix(r, "..") {
				name = r
			}
		}
		lc := &loadedConfig{at: osFile(name), dir: filepath.Dir(abs)}
		cfg, err := parseConfig(lc.at, c.known)
		lc.cfg, lc.err = cfg, err
		return lc
	})
}

// parseConfig reads a configuration file strictly and checks it; every
// error is a usage error naming the file and, where it has one, the line
// and column.
func parseConfig(at location, known map[string]bool) (*Config, error) {
	data, err := at.read(maxDocBytes)
	if err != nil {
		return nil, usagef("configuration %s: %v", at, err)
	}
	cfg, err := parseConfigData(data, known)
	if err != nil {
		return nil, usagef("configuration %s", describeProblems(at, err))
	}
	return cfg, nil
}

// parseConfigData reads a configuration strictly and checks it: the rule
// ids it names must be known (when known is not nil) and its globs valid.
func parseConfigData(data []byte, known map[string]bool) (*Config, error) {
	var cfg Config
	if err := strict.Decode(data, &cfg, strict.Limits{}); err != nil {
		if errors.Is(err, strict.ErrEmpty) {
			return &cfg, nil
		}
		return nil, err
	}
	var list problem.List
	checkRules := func(where string, rules map[string]Level) {
		ids := make([]string, 0, len(rules))
		for id := range rules {
			ids = append(ids, id)
		}
		sort.Strings(ids)
		for _, id := range ids {
			if len(known) > 0 && !known[id] {
				list.Add(where+"/"+escapePointer(id), problem.RuleUnknownReference, "no kind reports a rule %q; review -h lists where to find the rules", id)
			}
		}
	}
	checkRules("/rules", cfg.Rules)
	for i, o := range cfg.Overrides {
		where := fmt.Sprintf("/overrides/%d", i)
		if len(o.Files) == 0 {
			list.Add(where+"/files", problem.RuleRequired, "list the globs of the files this override applies to")
		}
		for j, g := range o.Files {
			if _, err := path.Match(strings.ReplaceAll(g, "**", "*"), ""); err != nil {
				list.Add(fmt.Sprintf("%s/files/%d", where, j), problem.RuleFormat, "%q is not a valid glob", g)
			}
		}
		checkRules(where+"/rules", o.Rules)
	}
	if err := list.Err("configuration"); err != nil {
		placed := err.(*problem.Error)
		for i := range placed.Problems {
			placed.Problems[i].Line, placed.Problems[i].Column = strict.Position(data, placed.Problems[i].Path)
		}
		return nil, placed
	}
	return &cfg, nil
}

// describeProblems lists a file's problems, one per line, each with its
// place: "file:3:5: message".
func describeProblems(at location, err error) string {
	var pe *problem.Error
	if !errors.As(err, &pe) || len(pe.Problems) == 0 {
		return fmt.Sprintf("%s: %v", at, err)
	}
	var b strings.Builder
	for i, p := range pe.Problems {
		if i > 0 {
			b.WriteString("\n  ")
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s", at, p.Line, p.Column, p.Message)
		if p.Path != "" && p.Path != "/" {
			fmt.Fprintf(&b, " (at %s)", p.Path)
		}
	}
	return b.String()
}

func escapePointer(s string) string {
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// matchGlob matches a slash-separated path against a glob in which **
// stands for any number of folders, and every other element is matched
// as path.Match does.
func matchGlob(glob, name string) bool {
	return matchParts(strings.Split(glob, "/"), strings.Split(name, "/"))
}

func matchParts(g, n []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for i := 0; i <= len(n); i++ {
				if matchParts(g[1:], n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 {
			return false
		}
		if ok, _ := path.Match(g[0], n[0]); !ok {
			return false
		}
		g, n = g[1:], n[1:]
	}
	return len(n) == 0
}
