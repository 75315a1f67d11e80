package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"github.com/dayone-go/mechanisms/internal/finding"
	"io"
	"path"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/dayone-go/mechanisms/decision"
	"github.com/dayone-go/mechanisms/internal/strict"
)

func init() {
	register(kind{
		Name:             "decision",
		Title:            "Decision record: a one-way or two-way door, classified under a policy",
		SchemaPath:       "decision/decision.schema.json",
		Schema:           decision.Schema,
		Patterns:         []string{"*.decision.yaml", "*.decision.yml", "*.decision.json", "decision.yaml", "decision.json"},
		Keys:             []string{"chosen", "reversibility", "costOfFailure"},
		Template:         "decision.yaml",
		Testdata:         "decision/testdata",
		Rules:            decisionRules,
		MarkdownPatterns: []string{"*.decision.md", "*.decision.markdown"},
		Text:             isDecisionRecord,
		Help: "also a .md in a folder named decisions, adr or adrs, or with MADR or Nygard headings\n" +
			"a folder's records are checked together as a decision log\n" +
			"policy: -policy, else the one " + configName + " names, else policy.yaml or the\n" +
			"one *.policy.yaml beside it, else the default",
		Check: func(data []byte) error {
			d, err := decision.Parse(data)
			if err != nil {
				return err
			}
			return d.Validate()
		},
		New: newDecisionReviewer,
	})
	register(kind{
		Name:       "policy",
		Title:      "Decision policy: which decisions are one-way doors for this company",
		SchemaPath: "decision/policy.schema.json",
		Schema:     decision.PolicySchema,
		Patterns:   policyPatterns,
		Keys:       []string{"oneWayAreas", "oneWayWhen", "affordableLoss"},
		Template:   "policy.yaml",
		Rules:      decision.Rules,
		Check: func(data []byte) error {
			p, err := decision.ParsePolicy(data)
			if err != nil {
				return err
			}
			return p.Validate()
		},
		New: func(*flag.FlagSet) reviewer { return policyReviewer{} },
	})
}

// policyPatterns are the names of a policy file; beside a decision, the one
// such file in its folder is its policy.
var policyPatterns = []string{"*.policy.yaml", "*.policy.yml", "*.policy.json", "policy.yaml", "policy.yml", "policy.json"}

// recordFolders are the folder names decision logs are kept in; a
// Markdown file in one is a decision record.
var recordFolders = []string{"decisions", "decision", "adr", "adrs"}

var (
	nygardHeadings = []*regexp.Regexp{
		regexp.MustCompile(`(?im)^#{1,3}[ \t]+status\b`),
		regexp.MustCompile(`(?im)^#{1,3}[ \t]+context\b`),
		regexp.MustCompile(`(?im)^#{1,3}[ \t]+decision\b`),
	}
	madrHeadings = []*regexp.Regexp{
		regexp.MustCompile(`(?im)^#{1,3}[ \t]+context and problem statement\b`),
		regexp.MustCompile(`(?im)^#{1,3}[ \t]+(decision outcome|considered options)\b`),
	}
)

// isDecisionRecord claims a Markdown file as a decision record: one in a
// folder named decisions, adr or adrs (its README, index and template
// aside), or one with the headings of a MADR or a Nygard record anywhere.
func isDecisionRecord(name string, data []byte) bool {
	slashed := strings.ToLower(strings.ReplaceAll(name, "\\", "/"))
	base := path.Base(slashed)
	if ext := path.Ext(base); ext != ".md" && ext != ".markdown" && name != "" {
		return false
	}
	if stem := strings.TrimSuffix(base, path.Ext(base)); stem != "readme" && stem != "index" && stem != "template" {
		for _, seg := range strings.Split(path.Dir(slashed), "/") {
			if slices.Contains(recordFolders, seg) {
				return true
			}
		}
	}
	all := func(res []*regexp.Regexp) bool {
		for _, re := range res {
			if !re.Match(data) {
				return false
			}
		}
		return true
	}
	return all(madrHeadings) || all(nygardHeadings)
}

// decisionRules lists the decision rules, and each again as the log
// check reports it ("log-unique-id").
func decisionRules() []finding.RuleInfo {
	rules := decision.Rules()
	for _, r := range decision.Rules() {
		r.ID = "log-" + r.ID
		r.Summary = "across the decision log: " + r.Summary
		rules = append(rules, r)
	}
	return rules
}

// linkRules are the log rules about links between records.
var linkRules = []string{"unknown-reference", "link-target", "link-reciprocal", "supersede-status"}

// decisionReviewer holds the decision kind's flags and the policies read
// in one run.
type decisionReviewer struct {
	policyFlag string
	todayFlag  string
	today      decision.Date
	named      *policyFile
	files      cache[string, *policyFile]
	folders    cache[string, policyChoice]
}

// policyFile is a policy read once, valid or not.
type policyFile struct {
	at  location
	p   *decision.Policy
	err error
}

// policyChoice is the policy a folder's decisions are classified under, or
// why none can be chosen.
type policyChoice struct {
	file *policyFile
	err  error
}

func newDecisionReviewer(fl *flag.FlagSet) reviewer {
	r := &decisionReviewer{}
	fl.StringVar(&r.policyFlag, "policy", "", "classify every decision under this policy `file` (default: the policy named in "+configName+", else policy.yaml or the one *.policy.yaml in the decision's folder, else the default policy)")
	fl.StringVar(&r.todayFlag, "today", "", "the `date` (YYYY-MM-DD) review-by dates are checked against (default: today)")
	return r
}

func (r *decisionReviewer) Prepare(e *env) error {
	r.today = decision.DateOf(time.Now())
	if r.todayFlag != "" {
		t, err := time.Parse(time.DateOnly, r.todayFlag)
		if err != nil {
			return usagef("-today %q: want a date as YYYY-MM-DD", r.todayFlag)
		}
		r.today = decision.DateOf(t)
	}
	if r.policyFlag != "" {
		// A policy file that cannot be read is a usage error; one that
		// reads but is invalid fails every decision, naming its problems.
		r.named = r.read(osFile(r.policyFlag))
		if r.named.err != nil && !isProblems(r.named.err) {
			return usagef("-policy %s: %v", r.policyFlag, r.named.err)
		}
	}
	return nil
}

// read reads and validates a policy file, once however many decisions
// share it.
func (r *decisionReviewer) read(at location) *policyFile {
	return r.files.get(at.key(), func() *policyFile {
		pf := &policyFile{at: at}
		data, err := at.read(maxDocBytes)
		if err != nil {
			pf.err = err
			return pf
		}
		p, err := decision.ParsePolicy(data)
		if err == nil {
			err = p.Validate()
			placeProblems(data, err)
		}
		pf.p, pf.err = p, err
		return pf
	})
}

// choose finds the policy for a document: -policy, else the configuration's,
// else the one policy file in its folder, else the default. Two policy
// files in a folder are an error: which one was meant cannot be told.
func (r *decisionReviewer) choose(d *doc) (*policyFile, error) {
	if r.named != nil {
		return r.named, nil
	}
	if d.cfg != nil && d.cfg.policy != nil {
		pf := r.read(*d.cfg.policy)
		if pf.err != nil && !isProblems(pf.err) {
			d.failUsage(fmt.Errorf("the policy %s named in %s: %v", pf.at, d.cfg.from, pf.err))
			return nil, nil
		}
		return pf, nil
	}
	dir := d.loc.dir()
	c := r.folders.get(dir.key(), func() policyChoice {
		entries, err := dir.list()
		if err != nil {
			return policyChoice{err: fmt.Errorf("cannot list %s for a policy: %v", dir, err)}
		}
		var found []location
		for _, e := range entries {
			if e.IsDir() {
				continue
			}
			for _, p := range policyPatterns {
				if ok, _ := path.Match(p, strings.ToLower(e.Name())); ok {
					found = append(found, dir.join(e.Name()))
					break
				}
			}
		}
		switch len(found) {
		case 0:
			return policyChoice{}
		case 1:
			return policyChoice{file: r.read(found[0])}
		}
		names := make([]string, len(found))
		for i, f := range found {
			names[i] = f.String()
		}
		return policyChoice{err: fmt.Errorf("%d policy files in one folder (%s): name the one to use with -policy or in %s", len(found), listWords(names), configName)}
	})
	return c.file, c.err
}

// decisionResult is a decision's computed output in the JSON report.
type decisionResult struct {
	// Door is one-way or two-way; null when a Markdown record states too
	// little to tell.
	Door *decision.Door `json:"door"`
	// Policy names the policy file the door was decided under, or
	// "default" for the built-in policy.
	Policy string `json:"policy"`
	// Reasons are every rule that pointed at a door; Deciding marks those
	// that decided it.
	Reasons []decisionReason `json:"reasons"`
	// Process is what the door calls for.
	Process decision.Process `json:"process"`
}

type decisionReason struct {
	decision.Reason
	Deciding bool `json:"deciding"`
}

func (r *decisionReviewer) Review(d *doc) {
	dec, ok := loadMarkdown[decision.Decision](d, decision.ParseMarkdown, decision.PlaceMarkdown)
	if !ok {
		return
	}
	if d.source == nil && !d.loc.stdin {
		// A Markdown record gets the id LoadLog gives it, so that the
		// log's checks agree with LoadLog's.
		dec.ID = decision.MarkdownID(d.File, dec)
	}
	d.Value = dec
	d.keepSource = true // the log's findings are placed after every record is read
	pf, err := r.choose(d)
	if d.usage != nil {
		return
	}
	if err != nil {
		d.Err = err
		return
	}
	policy, policyName := decision.DefaultPolicy(), "default"
	if pf != nil {
		if pf.err != nil {
			d.say("not classified: its policy %s is invalid", pf.at)
			d.failAt(pf.at, "policy", pf.err)
			return
		}
		policy, policyName = pf.p, pf.at.String()
	}
	c, err := decision.Classify(dec, policy, decision.ReviewOptions{})
	if err != nil {
		d.fail(err)
		return
	}
	d.Findings = append(d.Findings, c.Findings...)
	res := decisionResult{Policy: policyName, Process: c.Process}
	d.Properties = map[string]string{"policy": policyName}
	if c.Door != "" {
		res.Door = &c.Door
	}
	under := "the default policy"
	if pf != nil {
		under = "the policy in " + policyName
	}
	if c.Door == "" {
		d.say("door: not classified; the record states too little to tell (see door-data-missing)")
	} else {
		d.say("door: %s, under %s", strings.ToUpper(string(c.Door)), under)
	}
	w := 0
	for _, reason := range c.Reasons {
		w = max(w, width(reason.Rule))
	}
	for _, reason := range c.Reasons {
		deciding := reason.Door == c.Door
		res.Reasons = append(res.Reasons, decisionReason{Reason: reason, Deciding: deciding})
		mark := " "
		if deciding {
			mark = "▸"
		}
		d.say("  %s %s  %s", mark, pad(reason.Rule, w), readable(reason.Message))
	}
	if len(c.Reasons) > 1 {
		d.say("    (▸ the %s that decided the door)", map[bool]string{true: "reason", false: "reasons"}[countDeciding(res.Reasons) == 1])
	}
	if c.Process.Deciders != "" {
		d.say("who decides: %s", c.Process.Deciders)
	}
	if c.Process.Deliberation != "" {
		d.say("how: %s", c.Process.Deliberation)
	}
	if c.Process.Information > 0 && !strings.Contains(c.Process.Deliberation, "%") {
		d.say("decide with about %.0f%% of the information you wish you had", c.Process.Information*100)
	}
	d.Result = res
	d.write("decision.md", func(w io.Writer) error { return decision.Markdown(w, dec, c) })
}

func countDeciding(rs []decisionReason) int {
	n := 0
	for _, r := range rs {
		if r.Deciding {
			n++
		}
	}
	return n
}

// Together checks the decisions of each folder as a decision log: unique
// ids, links that resolve and agree at both ends, no supersede cycles,
// review-by dates that have passed. A decision alone in its folder is a
// log of one, which still gets the checks that need no other record.
func (r *decisionReviewer) Together(e *env, docs []*doc) []group {
	dirs, byDir := byFolder(docs, func(d *doc) bool {
		_, ok := d.Value.(*decision.Decision)
		return ok
	})
	var groups []group
	for _, dir := range dirs {
		members := byDir[dir]
		log := &decision.Log{}
		bySource := map[string]*doc{}
		for _, d := range members {
			log.Entries = append(log.Entries, decision.Entry{Source: d.File, Decision: d.Value.(*decision.Decision)})
			bySource[d.File] = d
		}
		fs, err := log.Check(r.today, decision.ReviewOptions{})
		var ve *decision.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				src, ptr := log.Locate(p.Path)
				d, ok := bySource[src]
				if !ok {
					continue
				}
				// A lone record's links point outside its folder: checking
				// them needs the other records.
				if len(members) == 1 && slices.Contains(linkRules, p.Rule) {
					continue
				}
				p.Path = ptr
				p.Message = strings.TrimPrefix(p.Message, src+": ")
				if d.source != nil {
					p.Line, p.Column = d.source.Position(ptr)
				} else {
					p.Line, p.Column = 0, 0 // a Markdown record: finish places it with the record's placer
				}
				p.Rule = "log-" + p.Rule
				d.Problems = append(d.Problems, p)
			}
		}
		for _, f := range fs {
			src, ptr := log.Locate(f.Path)
			d, ok := bySource[src]
			if !ok {
				continue
			}
			f.Path = ptr
			f.Message = strings.TrimPrefix(f.Message, src+": ")
			d.Findings = append(d.Findings, f)
		}
		if len(members) < 2 {
			continue
		}
		g := group{Kind: "decision-log", Folder: dir, Documents: len(members)}
		doors := map[decision.Door]int{}
		var ids []string
		for _, d := range members {
			if res, ok := d.Result.(decisionResult); ok && res.Door != nil {
				doors[*res.Door]++
			}
			ids = append(ids, d.Value.(*decision.Decision).ID)
		}
		slices.Sort(ids)
		g.Result = map[string]any{"decisions": ids, "oneWay": doors[decision.OneWay], "twoWay": doors[decision.TwoWay], "checkedOn": r.today}
		g.Summary = append(g.Summary, fmt.Sprintf("checked together as a decision log on %s: %d one-way and %d two-way doors", r.today, doors[decision.OneWay], doors[decision.TwoWay]))
		if e.opts.out != "" {
			var index bytes.Buffer
			if err := decision.IndexMarkdown(&index, log); err == nil {
				g.Files = map[string][]byte{"index.md": index.Bytes()}
			} else {
				g.Summary = append(g.Summary, "no index: "+err.Error())
			}
		}
		groups = append(groups, g)
	}
	return groups
}

// policyReviewer reviews a policy file on its own.
type policyReviewer struct{ alone }

func (policyReviewer) Prepare(*env) error { return nil }

func (policyReviewer) Review(d *doc) {
	p, ok := load[decision.Policy](d)
	if !ok {
		return
	}
	areas := func(as []decision.Area) []string {
		out := make([]string, len(as))
		for i, a := range as {
			out[i] = string(a)
		}
		return out
	}
	d.say("one-way areas: %s", listWords(areas(p.OneWayAreas)))
	if len(p.TwoWayAreas) > 0 {
		d.say("two-way areas: %s", listWords(areas(p.TwoWayAreas)))
	}
	if t := p.OneWayWhen; t != nil {
		when := []string{fmt.Sprintf("it cannot be undone and its impact is %d or more", t.ImpactAtLeast)}
		if t.UndoCostAtLeast != nil {
			when = append(when, fmt.Sprintf("undoing it costs %s %s or more", number(*t.UndoCostAtLeast), p.Currency))
		}
		if t.UndoTimeAtLeast != "" {
			when = append(when, fmt.Sprintf("undoing it takes %s or more", durationsInWords(string(t.UndoTimeAtLeast))))
		}
		d.say("a decision is also one-way when %s", strings.Join(when, "; or "))
	}
	if p.AffordableLoss != nil {
		d.say("affordable loss: %s %s", number(*p.AffordableLoss), p.Currency)
	}
	d.Result = map[string]any{"oneWayAreas": p.OneWayAreas, "twoWayAreas": p.TwoWayAreas, "oneWayWhen": p.OneWayWhen}
}

// isProblems reports whether err lists a document's problems, as opposed
// to a failure to read it.
func isProblems(err error) bool {
	var pe *decision.ValidationError
	return errors.As(err, &pe) && len(pe.Problems) > 0
}

// placeProblems gives a Validate error's problems their line and column in
// the source they were parsed from.
func placeProblems(data []byte, err error) {
	var pe *decision.ValidationError
	if !errors.As(err, &pe) {
		return
	}
	locate := strict.Locator(data)
	for i, p := range pe.Problems {
		if p.Line == 0 {
			pe.Problems[i].Line, pe.Problems[i].Column = locate(p.Path)
		}
	}
}
