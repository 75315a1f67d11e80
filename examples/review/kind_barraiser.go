package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/dayone-go/mechanisms/barraiser"
	"github.com/dayone-go/mechanisms/internal/render"
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
		Rules:      barraiser.Rules,
		Help:       "the loops in one folder are calibrated together",
		Check: func(data []byte) error {
			l, err := barraiser.Parse(data)
			if err != nil {
				return err
			}
			return l.Validate()
		},
		New: func(*flag.FlagSet) reviewer { return loopReviewer{} },
	})
}

type loopReviewer struct{}

func (loopReviewer) Prepare(*env) error { return nil }

// loopResult is a hiring loop's computed output in the JSON report.
type loopResult struct {
	// Decision is hire or no-hire.
	Decision barraiser.Decision `json:"decision"`
	// Vetoed is true when the bar raiser's vote stopped the hire.
	Vetoed  bool               `json:"vetoed"`
	Tally   barraiser.Tally    `json:"tally"`
	Score   float64            `json:"score"`
	Bar     *barraiser.Bar     `json:"bar,omitempty"`
	Reasons []barraiser.Reason `json:"reasons"`
}

func (loopReviewer) Review(d *doc) {
	l, ok := load[barraiser.Loop](d)
	if !ok {
		return
	}
	o, err := barraiser.Evaluate(l, barraiser.ReviewOptions{})
	if err != nil {
		d.fail(err)
		return
	}
	d.Value = l
	d.Findings = append(d.Findings, barraiser.Review(l, barraiser.ReviewOptions{})...)
	d.Result = loopResult{Decision: o.Decision, Vetoed: o.Vetoed, Tally: o.Tally, Score: o.Score, Bar: o.Bar, Reasons: o.Reasons}
	outcome := string(o.Decision)
	if o.Vetoed {
		outcome += ": the bar raiser vetoed"
	}
	d.say("outcome: %s", outcome)
	t := o.Tally
	var votes []string
	for _, v := range []struct {
		n    int
		what string
	}{{t.StronglyInclined, "strongly inclined"}, {t.Inclined, "inclined"}, {t.NotInclined, "not inclined"}, {t.StronglyNotInclined, "strongly not inclined"}} {
		if v.n > 0 {
			votes = append(votes, fmt.Sprintf("%d %s", v.n, v.what))
		}
	}
	if t.Missing > 0 {
		votes = append(votes, fmt.Sprintf("%s missing", count(t.Missing, "vote")))
	}
	d.say("votes: %s", listWords(votes))
	if o.Bar != nil {
		raises := "does not raise the bar"
		if o.Bar.Raises {
			raises = "raises the bar"
		}
		d.say("score %s of 4, better than %.0f%% of a cohort of %d: %s", number(o.Score), o.Bar.Percentile, o.Bar.CohortSize, raises)
	} else if o.Score > 0 {
		d.say("score %s of 4 (no cohort to compare with)", number(o.Score))
	}
	for _, reason := range o.Reasons {
		mark := "holds "
		if reason.Blocks {
			mark = "BLOCKS"
		}
		d.say("  %s  %s: %s", mark, reason.Rule, reason.Message)
	}
	d.write("debrief.md", func(w io.Writer) error { return barraiser.Markdown(w, l, o) })
}

// Together calibrates the interviewers across the hiring loops of each
// folder that holds two or more: each interviewer's leniency or severity,
// and how far votes agree (Fleiss' and Cohen's kappa).
func (loopReviewer) Together(e *env, docs []*doc) []group {
	dirs, byDir := byFolder(docs, func(d *doc) bool {
		_, ok := d.Value.(*barraiser.Loop)
		return ok
	})
	var groups []group
	for _, dir := range dirs {
		if len(byDir[dir]) < 2 {
			continue
		}
		var loops []*barraiser.Loop
		for _, d := range byDir[dir] {
			loops = append(loops, d.Value.(*barraiser.Loop))
		}
		g := group{Kind: "calibration", Folder: dir, Documents: len(loops)}
		c, err := barraiser.Calibrate(barraiser.Records(loops...), barraiser.CalibrationOptions{})
		if err != nil {
			g.Summary = append(g.Summary, "calibration failed: "+err.Error())
			g.Result = map[string]string{"error": err.Error()}
			groups = append(groups, g)
			continue
		}
		g.Result = c
		g.Summary = append(g.Summary, fmt.Sprintf("calibration across %s: %s, mean rating %s", count(len(loops), "loop"), count(c.Ratings, "rating"), number(c.Mean)))
		if c.Votes.Loops > 0 {
			g.Summary = append(g.Summary, fmt.Sprintf("votes agree %s within loops (Fleiss' kappa %s over %s)", c.Votes.Band, number(c.Votes.Kappa), count(c.Votes.Loops, "loop")))
		}
		for _, iv := range c.Interviewers {
			leaning := strings.ReplaceAll(string(iv.Leaning), "-", " ")
			if !iv.Trusted {
				leaning = "too few ratings to judge yet"
			}
			g.Summary = append(g.Summary, fmt.Sprintf("  %s: %s (mean %s over %s, %s standard deviations from everyone's)", iv.Interviewer, leaning, number(iv.Mean), count(iv.Ratings, "rating"), number(iv.Z)))
		}
		for _, p := range c.Pairs {
			g.Summary = append(g.Summary, fmt.Sprintf("  %s and %s agree %s (Cohen's kappa %s over %s)", p.A, p.B, p.Band, number(p.Kappa), count(p.Shared, "shared loop")))
		}
		if e.opts.out != "" {
			var md bytes.Buffer
			fmt.Fprintf(&md, "# Calibration of %s\n\n", render.MarkdownInline(dir))
			for _, s := range g.Summary {
				fmt.Fprintf(&md, "- %s\n", render.MarkdownInline(s))
			}
			g.Files = map[string][]byte{"calibration.md": md.Bytes()}
		}
		groups = append(groups, g)
	}
	return groups
}
