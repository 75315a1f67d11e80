package decision_test

import (
	"errors"
	"fmt"
	"os"
	"testing/fstest"

	"github.com/dayone-go/mechanisms/decision"
)

const pricingTest = `
id: PRICE-7
title: Try a lower price on refill packs in one region
status: proposed
date: 2026-11-02
context: Refill packs sell below plan.
options:
  - name: Regional test
  - name: Wait for the annual review
chosen: Regional test
areas: [pricing]
reversibility: {reversible: true, undoTime: PT12H}
impact: 2
costOfFailure: 15000
information: 0.95
risks:
  - {description: Competitors match the price, likelihood: 2, impact: 2}
people: {driver: Pricing analyst}
`

func ExampleClassify() {
	d, err := decision.Parse([]byte(pricingTest))
	if err != nil {
		fmt.Println(err)
		return
	}
	c, err := decision.Classify(d, decision.DefaultPolicy(), decision.ReviewOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("door:", c.Door)
	for _, r := range c.Reasons {
		fmt.Printf("  %s %s (%s)\n", r.Door, r.Rule, r.Path)
	}
	fmt.Println("decide with:", c.Process.Information)
	for _, f := range c.Findings {
		fmt.Printf("  %s %s: %s\n", f.Severity, f.Rule, f.Message)
	}
	// Output:
	// door: two-way
	//   two-way two-way-area (/areas/0)
	//   two-way reversible (/reversibility/reversible)
	//   two-way undo-time-within (/reversibility/undoTime)
	// decide with: 0.7
	//   warning two-way-stalled: a two-way door waiting on 95% of the information; it needs about 70%
}

// A company that has promised its customers stable prices moves pricing to
// the one-way doors; the same decision then calls for the slow process.
func ExampleClassify_movedArea() {
	d, _ := decision.Parse([]byte(pricingTest))
	p := decision.DefaultPolicy()
	p.OneWayAreas = append(p.OneWayAreas, decision.Pricing)
	p.TwoWayAreas = []decision.Area{decision.BusinessPractice}
	c, err := decision.Classify(d, p, decision.ReviewOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("door:", c.Door)
	fmt.Println(c.Reasons[0].Message)
	for _, f := range c.Findings {
		fmt.Printf("%s %s\n", f.Severity, f.Rule)
	}
	// Output:
	// door: one-way
	// the policy makes every decision touching pricing a one-way door
	// error one-way-no-approver
}

func ExampleDecision_Validate() {
	d, err := decision.Parse([]byte(`
id: D-1
title: Pick a vendor
status: accepted
date: 2026-11-02
context: We need one.
options: [{name: Acme}, {name: Globex}]
chosen: Initech
areas: [operations]
reversibility: {reversible: true}
impact: 2
risks: [{description: Vendor fails, likelihood: 6, impact: 3}]
people: {driver: Sam}
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	err = d.Validate()
	var ve *decision.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%s [%s] %s\n", p.Path, p.Rule, p.Message)
		}
	}
	// Output:
	// /chosen [chosen-option] "Initech" is not among the options ("Acme", "Globex")
	// /risks/0/likelihood [range] must be at most 5, not 6
}

func ExampleParse_errors() {
	_, err := decision.Parse([]byte("id: D-1\nstatus: approved\n"))
	fmt.Println(err)
	_, err = decision.Parse([]byte("id: D-1\ntitel: typo\n"))
	fmt.Println(err)
	// Output:
	// decision: line 2, column 9: /status: unknown status "approved"; allowed: draft, proposed, accepted, rejected, deprecated, superseded
	// decision: line 2, column 8: /: unknown key "titel" (known keys: $schema, areas, chosen, confirmation, consequences, context, costOfFailure, date, drivers, format, id, impact, information, links, moreInformation, options, outcome, people, reversibility, reviewBy, risks, status, statusText, tags, title)
}

func ExampleLog_Check() {
	const rec = "title: t\ndate: 2026-01-01\ncontext: c\noptions: [{name: a}]\nchosen: a\nareas: [technology]\nreversibility: {reversible: true}\nimpact: 2\npeople: {driver: Sam}\n"
	fsys := fstest.MapFS{
		"adr/1.yaml": {Data: []byte("id: ADR-1\nstatus: superseded\nlinks: {supersededBy: ADR-2}\n" + rec)},
		"adr/2.yaml": {Data: []byte("id: ADR-2\nstatus: accepted\nreviewBy: 2026-06-30\n" + rec)},
		"adr/3.yaml": {Data: []byte("id: ADR-3\nstatus: accepted\nlinks: {related: [ADR-9]}\n" + rec)},
	}
	log, err := decision.LoadLog(fsys, "adr")
	if err != nil {
		fmt.Println(err)
		return
	}
	findings, err := log.Check(decision.Date{Year: 2026, Month: 11, Day: 26}, decision.ReviewOptions{})
	fmt.Println(err)
	for _, f := range findings {
		fmt.Println(f.Severity, f.Message)
	}
	// Output:
	// decision log: 2 problems: /0/links/supersededBy: adr/1.yaml: ADR-1 names ADR-2 as its successor, but ADR-2 does not list ADR-1 in supersedes; /2/links/related/0: adr/3.yaml: links to "ADR-9", which is not in the log
	// warning adr/2.yaml: ADR-2 was due for review on 2026-06-30, 149 days ago
}

func ExampleMarkdown() {
	d, _ := decision.Parse([]byte(pricingTest))
	d.Title = "Lower price | *refill* packs"
	if err := decision.Markdown(os.Stdout, d, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// # PRICE-7: Lower price \| \*refill\* packs
	//
	// | Field | Value |
	// | --- | --- |
	// | Status | proposed |
	// | Date | 2026-11-02 |
	// | Areas | pricing |
	// | Driver | Pricing analyst |
	//
	// ## Context and problem statement
	//
	// Refill packs sell below plan.
	//
	// ## Considered options
	//
	// 1. Regional test
	// 2. Wait for the annual review
	//
	// ## Decision outcome
	//
	// Chosen option: "Regional test".
	//
	// ## Reversibility and stakes
	//
	// - Reversible: yes
	// - Undo time: PT12H
	// - Impact: 2 of 5
	// - Cost of failure: 15000
	// - Information: 95% of what you wish you had
	//
	// ## Risks
	//
	// | Risk | Likelihood | Impact | Score | Mitigation | Owner |
	// | --- | --- | --- | --- | --- | --- |
	// | Competitors match the price | 2 | 2 | 4 |  |  |
	//
	// ## Pros and cons of the options
	//
	// ### Regional test (chosen)
	//
	// ### Wait for the annual review
	//
}

func ExampleDuration_Days() {
	for _, s := range []string{"P30D", "PT12H", "P1Y2M", "P2W"} {
		d, err := decision.ParseDuration(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		days, _ := d.Days()
		fmt.Println(s, days)
	}
	_, err := decision.ParseDuration("30 days")
	fmt.Println(err)
	// Output:
	// P30D 30
	// PT12H 0.5
	// P1Y2M 425
	// P2W 14
	// not an ISO 8601 duration: "30 days"; write it like P30D, PT12H, P1Y2M or P2W
}
