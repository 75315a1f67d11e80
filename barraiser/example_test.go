package barraiser_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/dayone-go/mechanisms/barraiser"
)

func ExampleEvaluate() {
	l := load("../examples/templates/loop.yaml")
	o, err := barraiser.Evaluate(l, barraiser.ReviewOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(o.Decision, "vetoed:", o.Vetoed)
	fmt.Printf("score %.2f, better than %.0f%% of the cohort\n", o.Bar.Score, o.Bar.Percentile)
	for _, r := range o.Reasons {
		fmt.Println(r.Rule)
	}
	// Output:
	// hire vetoed: false
	// score 2.89, better than 58% of the cohort
	// bar-raiser-vote
	// hiring-manager-vote
	// strong-no
	// feedback-complete
	// raises-bar
}

func ExampleEvaluate_veto() {
	l := load("../examples/templates/loop.yaml")
	// Everyone else is inclined; the bar raiser is not.
	l.Feedback[0].Vote = barraiser.NotInclined
	o, err := barraiser.Evaluate(l, barraiser.ReviewOptions{})
	if err != nil {
		panic(err)
	}
	fmt.Println(o.Decision, "vetoed:", o.Vetoed)
	fmt.Println(o.Reasons[0].Message)
	// Output:
	// no-hire vetoed: true
	// the bar raiser "br" voted not-inclined: a veto, whatever the others voted
}

func ExampleLoop_Validate() {
	l, err := barraiser.Parse([]byte(`
candidate: {name: Alex}
role: {title: Engineer, family: Software, level: 5}
interviewers:
  - {id: a, name: Ann, role: bar-raiser, level: 6, principles: [Ownership]}
  - {id: b, name: Bo, role: bar-raiser, level: 3, principles: [Ownership]}
`))
	if err != nil {
		panic(err)
	}
	var ve *barraiser.ValidationError
	if errors.As(l.Validate(), &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p.Path, p.Rule)
		}
	}
	// Output:
	// /interviewers hiring-manager-missing
	// /interviewers/1/level interviewer-level
	// /interviewers/1/role bar-raiser-count
}

func ExampleRaisesBar() {
	cohort := []float64{2.0, 2.5, 3.0, 3.5, 4.0}
	for _, score := range []float64{3.0, 3.2} {
		pct, raises := barraiser.RaisesBar(score, cohort)
		fmt.Printf("%.1f: better than %.0f%%, raises the bar: %v\n", score, pct, raises)
	}
	// Output:
	// 3.0: better than 40%, raises the bar: false
	// 3.2: better than 60%, raises the bar: true
}

func ExampleZScores() {
	fmt.Printf("%.4f\n", barraiser.ZScores([]float64{1, 2, 3}))
	// Output: [-1.2247 0.0000 1.2247]
}

func ExamplePairKappa() {
	// Two interviewers' votes (1 strongly not inclined .. 4 strongly
	// inclined) on the same six candidates.
	a := []int{4, 3, 3, 2, 1, 3}
	b := []int{4, 3, 2, 2, 1, 4}
	k, err := barraiser.PairKappa(a, b, 4, barraiser.Quadratic)
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.3f %s\n", k, barraiser.Interpret(k))
	// Output: 0.842 almost perfect
}

func ExampleFleissKappa() {
	// Three candidates, each rated by four interviewers into four scores.
	k, err := barraiser.FleissKappa([][]int{
		{0, 0, 4, 0},
		{0, 1, 3, 0},
		{2, 2, 0, 0},
	})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%.3f %s\n", k, barraiser.Interpret(k))
	// Output: 0.317 fair
}

func ExampleReview() {
	l := load("testdata/valid/hire.json")
	l.Feedback[0].Ratings[0].Evidence = "Good."
	for _, f := range barraiser.Review(l, barraiser.ReviewOptions{}) {
		fmt.Println(f.Severity, f.Rule, f.Path)
	}
	// Output:
	// warning no-example /feedback/0/ratings/0/evidence
	// warning thin-evidence /feedback/0/ratings/0/evidence
}

func ExampleCalibrate() {
	var records []barraiser.Record
	for i := range 30 {
		loop := fmt.Sprint("loop-", i)
		records = append(records,
			barraiser.Record{Loop: loop, Interviewer: "ana", Vote: barraiser.Inclined, Scores: []int{3, 4}},
			barraiser.Record{Loop: loop, Interviewer: "ben", Vote: barraiser.NotInclined, Scores: []int{2, 2}},
			barraiser.Record{Loop: loop, Interviewer: "cy", Vote: barraiser.Inclined, Scores: []int{3, 2 + i%2}},
		)
	}
	c, err := barraiser.Calibrate(records, barraiser.CalibrationOptions{})
	if err != nil {
		panic(err)
	}
	for _, ic := range c.Interviewers {
		fmt.Printf("%s %+.2f %s\n", ic.Interviewer, ic.Z, ic.Leaning)
	}
	// Output:
	// ana +1.04 lenient
	// ben -1.04 severe
	// cy +0.00 typical
}

func ExampleMarkdown() {
	l := load("testdata/valid/veto.json")
	o, err := barraiser.Evaluate(l, barraiser.ReviewOptions{})
	if err != nil {
		panic(err)
	}
	var b bytes.Buffer
	if err := barraiser.Markdown(&b, l, o); err != nil {
		panic(err)
	}
	md := b.Bytes()
	fmt.Printf("%s", md[:bytes.Index(md, []byte("\n\n## Votes"))])
	// Output:
	// # Debrief packet: Sam Doe
	//
	// - **Role:** Software Engineer, Software Development, level 5
	// - **Debrief:** 2026-04-02T10:00:00Z, recorded decision **no-hire**
	//
	// ## Outcome
	//
	// - **Decision:** no-hire
	// - **Vetoed:** yes, by the bar raiser
	// - **Score:** 2.86 of 4
	// - **Raises the bar:** no: better than 50.00% of a cohort of 4
	//
	// ### Reasons
	//
	// - `bar-raiser-veto` (blocks): the bar raiser "br" voted not-inclined: a veto, whatever the others voted
	// - `raises-bar` (blocks): score 2.86 is better than 50% of the cohort of 4; raising the bar needs strictly more than half
}

func ExampleParse() {
	_, err := barraiser.Parse([]byte(`
candidate: {name: Alex}
role: {title: Engineer, family: Software, level: 5, grade: 3}
`))
	var ve *barraiser.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Println(ve.Kind, p.Rule, "on line", p.Line)
		}
	}
	// Output:
	// barraiser unknown-key on line 3
}

func ExampleParseReader() {
	big := strings.NewReader(strings.Repeat(" ", barraiser.MaxBytes+1))
	_, err := barraiser.ParseReader(big)
	fmt.Println(errors.Is(err, barraiser.ErrTooLarge))
	// Output: true
}

func ExampleReview_options() {
	l := load("testdata/valid/hire.json")
	l.Cohort = nil
	l.Feedback[0].Ratings[0].Evidence = "Good."
	opts := barraiser.ReviewOptions{
		Disable:  []string{barraiser.RuleNoExample},
		Severity: map[string]barraiser.Severity{barraiser.RuleNoCohort: barraiser.Error},
	}
	for _, f := range barraiser.Review(l, opts) {
		fmt.Println(f.Severity, f.Rule, f.Path)
	}
	// Output:
	// error no-cohort /cohort
	// warning thin-evidence /feedback/0/ratings/0/evidence
}

func ExamplePlace() {
	data := []byte(`{
  "candidate": {"name": "Sam"},
  "role": {"title": "Engineer", "family": "Software", "level": 5},
  "interviewers": [
    {"id": "br", "name": "Bea", "role": "bar-raiser", "level": 6, "principles": ["Ownership"]}
  ]
}`)
	l, err := barraiser.Parse(data)
	if err != nil {
		panic(err)
	}
	fs := barraiser.Review(l, barraiser.ReviewOptions{})
	barraiser.Place(data, fs)
	for _, f := range fs {
		fmt.Printf("%d:%d %s %s\n", f.Line, f.Column, f.Rule, f.Path)
	}
	// Output:
	// 1:1 no-cohort /cohort
	// 4:19 loop-size /interviewers
	// 4:19 no-recruiter /interviewers
	// 5:5 missing-feedback /interviewers/0
}

func ExampleRules() {
	for _, r := range barraiser.Rules() {
		if r.ID == barraiser.RuleFeedbackAfterDebrief || r.ID == barraiser.RuleThinEvidence {
			fmt.Printf("%s (%s): %s\n", r.ID, r.Severity, r.Help)
		}
	}
	// Output:
	// feedback-after-debrief (error): Submit feedback before the debrief; if it came late, say so and treat the vote with care.
	// thin-evidence (warning): Write what the candidate said or did, with one specific example.
}

func ExampleOutcome_json() {
	l := load("../examples/templates/loop.yaml")
	o, err := barraiser.Evaluate(l, barraiser.ReviewOptions{})
	if err != nil {
		panic(err)
	}
	data, err := json.Marshal(struct {
		Decision barraiser.Decision `json:"decision"`
		Vetoed   bool               `json:"vetoed"`
		Tally    barraiser.Tally    `json:"tally"`
		Bar      *barraiser.Bar     `json:"bar"`
	}{o.Decision, o.Vetoed, o.Tally, o.Bar}) // json.Marshal(o) writes these keys and more
	if err != nil {
		panic(err)
	}
	fmt.Println(string(data))
	// Output:
	// {"decision":"hire","vetoed":false,"tally":{"stronglyInclined":1,"inclined":4,"notInclined":1,"stronglyNotInclined":0,"missing":0,"points":5,"total":6},"bar":{"score":2.888888888888889,"percentile":58.333333333333336,"raises":true,"cohortSize":12}}
}

// load reads and parses a loop document, as a program would.
func load(path string) *barraiser.Loop {
	data, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	l, err := barraiser.Parse(data)
	if err != nil {
		panic(err)
	}
	return l
}
