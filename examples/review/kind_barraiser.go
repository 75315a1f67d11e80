package main

import (
	"bytes"
	"fmt"

	"github.com/dayone-go/mechanisms/barraiser"
)

func init() {
	register(kind{
		Name:       "loop",
		Title:      "Bar Raiser hiring loop: feedback, votes, the veto and the bar",
		SchemaPath: "barraiser/loop.schema.json",
		Schema:     barraiser.Schema,
		Patterns:   []string{"*.loop.yaml", "*.loop.yml", "*.loop.json", "loop.yaml", "loop.json"},
		Keys:       []string{"interviewers", "candidate", "debrief"},
		Template:   "loop.yaml",
		Testdata:   "barraiser/testdata",
		Check: func(data []byte) error {
			l, err := barraiser.Parse(data)
			if err != nil {
				return err
			}
			return l.Validate()
		},
		Review: reviewLoop,
	})
}

func reviewLoop(in input) result {
	var r result
	l, err := barraiser.Parse(in.Data)
	if err != nil {
		r.Err = err
		return r
	}
	if r.fromValidate(l.Validate()); r.invalid() {
		return r
	}
	o, err := barraiser.Evaluate(l, barraiser.ReviewOptions{})
	if err != nil {
		r.Err = err
		return r
	}
	r.Findings = barraiser.Review(l, barraiser.ReviewOptions{})
	veto := ""
	if o.Vetoed {
		veto = " (the bar raiser vetoed)"
	}
	t := o.Tally
	r.Summary = append(r.Summary, fmt.Sprintf("outcome: %s%s; votes %d strongly inclined, %d inclined, %d not inclined, %d strongly not inclined",
		o.Decision, veto, t.StronglyInclined, t.Inclined, t.NotInclined, t.StronglyNotInclined))
	if o.Bar != nil {
		r.Summary = append(r.Summary, fmt.Sprintf("score %.2f: better than %.0f%% of the cohort; raises the bar: %v", o.Score, o.Bar.Percentile, o.Bar.Raises))
	}
	for _, reason := range o.Reasons {
		mark := "holds "
		if reason.Blocks {
			mark = "blocks"
		}
		r.Summary = append(r.Summary, fmt.Sprintf("  %s %s: %s", mark, reason.Rule, reason.Message))
	}
	var md bytes.Buffer
	if err := barraiser.Markdown(&md, l, o); err != nil {
		r.Err = err
		return r
	}
	r.Files = map[string][]byte{"debrief.md": md.Bytes()}
	return r
}
