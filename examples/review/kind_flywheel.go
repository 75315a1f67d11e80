package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dayone-go/mechanisms/flywheel"
)

func init() {
	register(kind{
		Name:       "flywheel",
		Title:      "Growth flywheel: a causal loop graph with its loops, leverage and diagrams",
		SchemaPath: "flywheel/flywheel.schema.json",
		Schema:     flywheel.Schema,
		Patterns:   []string{"*.flywheel.yaml", "*.flywheel.yml", "*.flywheel.json", "flywheel.yaml", "flywheel.json"},
		Keys:       []string{"nodes", "links"},
		Template:   "flywheel.yaml",
		Testdata:   "flywheel/testdata",
		Check: func(data []byte) error {
			f, err := flywheel.Parse(data)
			if err != nil {
				return err
			}
			return f.Validate()
		},
		Review: reviewFlywheel,
	})
}

// maxLoopsShown bounds the loops the text report lists: a dense wheel has
// hundreds of thousands, and a report people read needs the shortest few.
const maxLoopsShown = 20

func reviewFlywheel(in input) result {
	var r result
	f, err := flywheel.Parse(in.Data)
	if err != nil {
		r.Err = err
		return r
	}
	if r.fromValidate(f.Validate()); r.invalid() {
		return r
	}
	r.Findings = f.Review()
	loops, err := f.Loops(flywheel.LoopOptions{})
	if err != nil && !errors.Is(err, flywheel.ErrTooManyLoops) {
		r.Err = err
		return r
	}
	more := ""
	if err != nil {
		more = " (stopped at the loop limit)"
	}
	r.Summary = append(r.Summary, fmt.Sprintf("%d loops%s", len(loops), more))
	for i, l := range loops {
		if i == maxLoopsShown {
			r.Summary = append(r.Summary, fmt.Sprintf("  … and %d more (see the Markdown with -out)", len(loops)-maxLoopsShown))
			break
		}
		r.Summary = append(r.Summary, fmt.Sprintf("  %-3s %-11s gain %.3g, delay %d: %s", l.ID, l.Polarity, l.Gain, l.Delay, strings.Join(l.Nodes, " → ")))
	}
	if lev, err := f.Leverage(); err == nil {
		r.Summary = append(r.Summary, fmt.Sprintf("growth per step (spectral radius): %.3f", lev.Growth))
		if lev.Dominant != nil {
			r.Summary = append(r.Summary, fmt.Sprintf("dominant loop: %s", lev.Dominant.ID))
		}
		if len(lev.Links) > 0 {
			top := lev.Links[0]
			r.Summary = append(r.Summary, fmt.Sprintf("most leverage: %s → %s (1%% stronger raises growth %.2f%%)", top.From, top.To, top.Elasticity))
		}
	}
	r.Files = map[string][]byte{
		"flywheel.dot": f.DOT(),
		"flywheel.mmd": f.Mermaid(),
		"flywheel.svg": f.SVG(),
		"flywheel.md":  f.Markdown(),
	}
	return r
}
