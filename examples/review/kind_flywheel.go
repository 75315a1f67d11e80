package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"

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
	a := f.Analyze() // loops and leverage once, for the review and every rendering
	r.Findings = a.Review(flywheel.ReviewOptions{})
	loops, err := a.Loops, a.LoopErr
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
		r.Summary = append(r.Summary, fmt.Sprintf("  %-3s %-11s gain %.3g, delay %d: %s", l.ID, l.Polarity, l.Gain, l.Delay, a.Path(&l)))
	}
	if lev := a.Leverage; lev != nil {
		r.Summary = append(r.Summary, fmt.Sprintf("growth per step (spectral radius): %.3f", lev.Growth))
		if lev.Dominant != nil {
			r.Summary = append(r.Summary, fmt.Sprintf("dominant loop: %s", lev.Dominant.ID))
		}
		if len(lev.Links) > 0 {
			top := lev.Links[0]
			r.Summary = append(r.Summary, fmt.Sprintf("most leverage: %s → %s (1%% stronger raises growth %.2f%%)", a.Label(top.From), a.Label(top.To), top.Elasticity))
		}
	}
	r.Files = map[string][]byte{}
	for name, render := range map[string]func(io.Writer) error{
		"flywheel.dot": a.DOT,
		"flywheel.mmd": a.Mermaid,
		"flywheel.svg": a.SVG,
		"flywheel.md":  a.Markdown,
	} {
		var b bytes.Buffer
		if err := render(&b); err != nil {
			r.Err = err
			return r
		}
		r.Files[name] = b.Bytes()
	}
	return r
}
