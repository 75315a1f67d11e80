package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/dayone-go/mechanisms/decision"
)

// policyFlag is -policy: the policy decisions are classified under.
var policyFlag string

func init() {
	register(kind{
		Name:       "decision",
		Title:      "Decision record: a one-way or two-way door, classified under a policy",
		SchemaPath: "decision/decision.schema.json",
		Schema:     decision.Schema,
		Patterns:   []string{"*.decision.yaml", "*.decision.yml", "*.decision.json", "decision.yaml", "decision.json"},
		Keys:       []string{"chosen", "reversibility", "costOfFailure"},
		Template:   "decision.yaml",
		Testdata:   "decision/testdata",
		Check: func(data []byte) error {
			d, err := decision.Parse(data)
			if err != nil {
				return err
			}
			return d.Validate()
		},
		Review: reviewDecision,
	})
	register(kind{
		Name:       "policy",
		Title:      "Decision policy: which decisions are one-way doors for this company",
		SchemaPath: "decision/policy.schema.json",
		Schema:     decision.PolicySchema,
		Patterns:   []string{"*.policy.yaml", "*.policy.yml", "*.policy.json", "policy.yaml", "policy.json"},
		Keys:       []string{"oneWayAreas", "oneWayWhen", "affordableLoss"},
		Template:   "policy.yaml",
		Testdata:   "",
		Check: func(data []byte) error {
			p, err := decision.ParsePolicy(data)
			if err != nil {
				return err
			}
			return p.Validate()
		},
		Review: reviewPolicy,
	})
}

// policyFor finds the policy to classify a decision under: -policy, else a
// policy.yaml beside the decision, else the article's default policy.
func policyFor(in input) (*decision.Policy, string, error) {
	if policyFlag != "" {
		data, err := os.ReadFile(policyFlag)
		if err != nil {
			return nil, "", err
		}
		p, err := decision.ParsePolicy(data)
		if err != nil {
			return nil, "", fmt.Errorf("policy %s: %w", policyFlag, err)
		}
		if err := p.Validate(); err != nil {
			return nil, "", fmt.Errorf("policy %s: %w", policyFlag, err)
		}
		return p, policyFlag, nil
	}
	if data, err := in.Open("policy.yaml"); err == nil {
		if p, err := decision.ParsePolicy(data); err == nil && p.Validate() == nil {
			return p, "policy.yaml beside it", nil
		}
	}
	return decision.DefaultPolicy(), "the default policy", nil
}

func reviewDecision(in input) result {
	var r result
	d, err := decision.Parse(in.Data)
	if err != nil {
		r.Err = err
		return r
	}
	if r.fromValidate(d.Validate()); r.invalid() {
		return r
	}
	p, from, err := policyFor(in)
	if err != nil {
		r.Err = err
		return r
	}
	c, err := decision.Classify(d, p, decision.ReviewOptions{})
	if err != nil {
		r.Err = err
		return r
	}
	r.Doc = d
	r.Findings = c.Findings
	r.Summary = append(r.Summary, fmt.Sprintf("door: %s under %s (%s)", c.Door, from, count(len(c.Reasons), "reason")))
	for _, reason := range c.Reasons {
		r.Summary = append(r.Summary, fmt.Sprintf("  %-8s %s: %s", reason.Door, reason.Rule, reason.Message))
	}
	r.Summary = append(r.Summary, "process: "+c.Process.Deciders+"; "+c.Process.Deliberation)
	var md bytes.Buffer
	if err := decision.Markdown(&md, d, c); err == nil {
		r.Files = map[string][]byte{"decision.md": md.Bytes()}
	}
	return r
}

func reviewPolicy(in input) result {
	var r result
	p, err := decision.ParsePolicy(in.Data)
	if err != nil {
		r.Err = err
		return r
	}
	if r.fromValidate(p.Validate()); r.invalid() {
		return r
	}
	r.Summary = append(r.Summary, fmt.Sprintf("one-way areas: %v", p.OneWayAreas))
	if len(p.TwoWayAreas) > 0 {
		r.Summary = append(r.Summary, fmt.Sprintf("two-way areas: %v", p.TwoWayAreas))
	}
	return r
}

// checkLogs checks the valid decisions of each folder together as a decision
// log: unique ids, links that resolve and agree at both ends, no supersede
// cycles, review-by dates that have passed. Problems and findings are added
// to the document they are about.
func checkLogs(docs []reviewed, today time.Time) {
	byDir := map[string][]int{}
	for i, d := range docs {
		if _, ok := d.Doc.(*decision.Decision); ok && d.Kind == "decision" && !d.invalid() {
			dir := filepath.Dir(d.File)
			byDir[dir] = append(byDir[dir], i)
		}
	}
	dirs := make([]string, 0, len(byDir))
	for dir := range byDir {
		dirs = append(dirs, dir)
	}
	sort.Strings(dirs)
	for _, dir := range dirs {
		idx := byDir[dir]
		if len(idx) < 2 {
			continue
		}
		log := &decision.Log{}
		bySource := map[string]int{}
		for _, i := range idx {
			log.Entries = append(log.Entries, decision.Entry{Source: docs[i].File, Decision: docs[i].Doc.(*decision.Decision)})
			bySource[docs[i].File] = i
		}
		fs, err := log.Check(decision.DateOf(today), decision.ReviewOptions{})
		var ve *decision.ValidationError
		if errors.As(err, &ve) {
			for _, p := range ve.Problems {
				src, ptr := log.Locate(p.Path)
				i, ok := bySource[src]
				if !ok {
					continue
				}
				p.Path = ptr
				p.Rule = "log-" + p.Rule
				docs[i].Problems = append(docs[i].Problems, p)
			}
		}
		for _, f := range fs {
			src, ptr := log.Locate(f.Path)
			i, ok := bySource[src]
			if !ok {
				continue
			}
			f.Path = ptr
			docs[i].Findings = append(docs[i].Findings, f)
		}
		for _, i := range idx {
			docs[i].Summary = append(docs[i].Summary, fmt.Sprintf("checked as a decision log with the %d other decisions in %s", len(idx)-1, dir))
		}
	}
}
