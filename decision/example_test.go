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
	// decision: line 2, column 1: /titel: unknown key "titel"; did you mean "title"?
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

// A Nygard record, as adr-tools writes it, comes out as MADR 4: the status,
// date and number go to the front matter, the Decision section becomes the
// outcome.
func ExampleMarkdown() {
	d, err := decision.ParseMarkdown([]byte(nygard))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := decision.Markdown(os.Stdout, d, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// ---
	// status: "superseded"
	// statusText: "Superceded by [4. Queue with SQS](0004-queue-with-sqs.md)"
	// date: "2019-03-12"
	// id: "0003"
	// links: {"supersededBy":"0004"}
	// ---
	//
	// # Use RabbitMQ for all queues
	//
	// ## Context and Problem Statement
	//
	// Three services poll the database for work.
	//
	// ## Decision Outcome
	//
	// We will run one RabbitMQ cluster.
	//
	// ### Consequences
	//
	// Someone must be on call for it.
	//
}

const nygard = `# 3. Use RabbitMQ for *all* queues

Date: 12/03/2019

## Status

Superceded by [4. Queue with SQS](0004-queue-with-sqs.md)

## Context

Three services poll the database for work.

## Decision

We will run one RabbitMQ cluster.

## Consequences

Someone must be on call for it.
`

func ExampleParseMarkdown() {
	d, err := decision.ParseMarkdown([]byte(madr))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(d.Title)
	fmt.Println(d.Status, "|", d.StatusText, "|", d.Date)
	for _, o := range d.Options {
		fmt.Println("option:", o.Name)
	}
	fmt.Println("chosen:", d.Chosen)
	fmt.Println("because:", d.Outcome)
	fmt.Println("supersedes:", d.Links.Supersedes)

	// The record states no door data: it is valid, and the review says
	// which front-matter keys would classify it.
	fmt.Println("valid:", d.Validate() == nil)
	c, _ := decision.Classify(d, nil, decision.ReviewOptions{})
	decision.PlaceMarkdown([]byte(madr), c.Findings)
	for _, f := range c.Findings {
		fmt.Printf("line %d: %s %s: %s\n", f.Line, f.Severity, f.Rule, f.Message)
	}
	// Output:
	// Pick a logging library
	// accepted | ✅ Approved, supersedes ADR-0002 | 2018-02-05
	// option: zap
	// option: logrus
	// option: log/slog from the standard library
	// chosen: log/slog from the standard library
	// because: it ships with Go.
	// supersedes: [0002]
	// valid: true
	// line 5: info door-data-missing: the record states no areas, reversibility or impact, so its door cannot be classified
}

const madr = `* Status: ✅ Approved, supersedes ADR-0002
* Date: 05/02/2018
* Deciders: Kim, Ravi

# Pick a logging library

## Considered Options

1. zap
2. logrus
3. log/slog from the standard library

## Decision Outcome

Chosen option: **slog**, because it ships with Go.
`

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

// A Nygard log read from its folder: the records take their numbers from
// their file names, and the index links each title to its file.
func ExampleIndexMarkdown() {
	fsys := fstest.MapFS{
		"doc/adr/0001-use-postgres.md": {Data: []byte("# 1. Use PostgreSQL\n\nDate: 2019-03-12\n\n## Status\n\nSuperceded by [2. Use DynamoDB](0002-use-dynamodb.md)\n\n## Context\n\nOrders need transactions.\n")},
		"doc/adr/0002-use-dynamodb.md": {Data: []byte("# 2. Use DynamoDB\n\nDate: 2021-06-30\n\n## Status\n\nAccepted\n\nSupercedes [1. Use PostgreSQL](0001-use-postgres.md)\n\n## Context\n\nPeak writes outgrew one primary.\n")},
		"doc/adr/README.md":            {Data: []byte("# Decisions\n\nSee the files.\n")},
	}
	log, err := decision.LoadLog(fsys, "doc/adr")
	if err != nil {
		fmt.Println(err)
		return
	}
	findings, err := log.Check(decision.Date{Year: 2026, Month: 12, Day: 1}, decision.ReviewOptions{})
	fmt.Println(len(findings), "findings,", err)
	if err := decision.IndexMarkdown(os.Stdout, log); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 0 findings, <nil>
	// | Number | Title | Status | Date | Door | Superseded by |
	// | --- | --- | --- | --- | --- | --- |
	// | 0001 | [Use PostgreSQL](0001-use-postgres.md) | superseded | 2019-03-12 |  | [0002](0002-use-dynamodb.md) |
	// | 0002 | [Use DynamoDB](0002-use-dynamodb.md) | accepted | 2021-06-30 |  |  |
}

// Rules lists every rule id with its default severity; a configuration
// switches rules off or changes their severity by these ids.
func ExampleRules() {
	for _, r := range decision.Rules() {
		if r.ID == decision.RuleOneWayNoRiskMap || r.ID == decision.RuleDoorDataMissing {
			fmt.Printf("%s (%s): %s\n", r.ID, r.Severity, r.Summary)
		}
	}
	// Output:
	// one-way-no-risk-map (error): A one-way door lists no risks.
	// door-data-missing (info): A record read from Markdown states no areas, reversibility or impact, so its door cannot be classified.
}
