package flywheel_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/dayone-go/mechanisms/flywheel"
)

const wheel = `
name: Marketplace
nodes:
  - {id: buyers, label: Buyers}
  - {id: sellers, label: Sellers}
  - {id: selection, label: Selection}
  - {id: fees, label: Fees, kind: lever}
links:
  - {from: buyers, to: sellers, polarity: "+", weight: 1.2}
  - {from: sellers, to: selection, polarity: "+", weight: 1.1}
  - {from: selection, to: buyers, polarity: "+", weight: 0.9}
  - {from: fees, to: sellers, polarity: "-", weight: 0.5}
  - {from: sellers, to: buyers, polarity: "-", weight: 0.2, delay: 1}
`

func mustParse(doc string) *flywheel.Flywheel {
	f, err := flywheel.Parse([]byte(doc))
	if err != nil {
		panic(err)
	}
	if err := f.Validate(); err != nil {
		panic(err)
	}
	return f
}

func ExampleFlywheel_Loops() {
	f := mustParse(wheel)
	loops, err := f.Loops(flywheel.LoopOptions{})
	if err != nil {
		panic(err)
	}
	for _, l := range loops {
		fmt.Printf("%s %s %v gain %.3f delay %d\n", l.ID, l.Polarity, l.Nodes, l.Gain, l.Delay)
	}
	// Output:
	// B1 balancing [buyers sellers] gain 0.240 delay 1
	// R1 reinforcing [buyers sellers selection] gain 1.188 delay 0
}

func ExampleFlywheel_EachLoop() {
	f := mustParse(wheel)
	reinforcing := 0
	err := f.EachLoop(flywheel.LoopOptions{MaxLength: 3}, func(l flywheel.Loop) bool {
		if l.Polarity == flywheel.Reinforcing {
			reinforcing++
		}
		return true // false would stop the search
	})
	fmt.Println(reinforcing, err)
	// Output: 1 <nil>
}

func ExampleFlywheel_Validate() {
	f, err := flywheel.Parse([]byte(`
name: Thermostat
nodes: [{id: heat}, {id: temperature}]
links:
  - {from: heat, to: temperature, polarity: "+"}
  - {from: temperature, to: heat, polarity: "-"}
  - {from: temperature, to: cold, polarity: "+"}
`))
	if err != nil {
		panic(err)
	}
	var ve *flywheel.ValidationError
	if errors.As(f.Validate(), &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p.Path, p.Rule)
		}
	}
	// Output:
	// /links/2/to unknown-reference
}

func ExampleFlywheel_Leverage() {
	f := mustParse(wheel)
	lev, err := f.Leverage()
	if err != nil {
		panic(err)
	}
	// The short balancing loop buyers ⇄ sellers turns the dominant
	// eigenvalue complex: λ³ + 0.24λ − 1.188 = 0 has a real root 0.984 and
	// a complex pair of modulus 1.099, so pushes come back as swings.
	fmt.Printf("growth %.3f per step, oscillates %v, dominant loop %s\n", lev.Growth, lev.Oscillates, lev.Dominant.ID)
	for _, l := range lev.Links {
		fmt.Printf("%s → %s elasticity %.3f\n", l.From, l.To, l.Elasticity)
	}
	// Output:
	// growth 1.099 per step, oscillates true, dominant loop R1
	// buyers → sellers elasticity 0.346
	// sellers → selection elasticity 0.308
	// selection → buyers elasticity 0.308
	// sellers → buyers elasticity 0.038
	// fees → sellers elasticity 0.000
}

func ExampleFlywheel_Simulate() {
	f := mustParse(wheel)
	sim, err := f.Simulate(flywheel.SimOptions{Steps: 6, Push: map[string]float64{"buyers": 10}})
	if err != nil {
		panic(err)
	}
	for _, x := range sim.Series("buyers") {
		fmt.Printf("%.1f ", x)
	}
	fmt.Println()
	// Output: 10.0 10.0 10.0 19.5 19.5 19.5 28.5
}

func ExampleFlywheel_Review() {
	f := mustParse(wheel)
	for _, x := range f.Review(flywheel.ReviewOptions{}) {
		fmt.Println(x.Severity, x.Rule, x.Path)
	}
	// Output:
	// warning oscillates /links
	// info weakest-link /links/2
}

// A tool that writes a report and diagrams of one wheel analyses it once
// and hands the analysis to each; ReviewOptions switch rules off and
// change their severity, and Place puts each finding at its line.
func ExampleAnalysis() {
	data := []byte(wheel)
	f, err := flywheel.Parse(data)
	if err != nil {
		panic(err)
	}
	a := f.Analyze()
	fmt.Println(a.Leverage.Description)
	findings := a.Review(flywheel.ReviewOptions{
		Disable:  []string{flywheel.RuleWeakestLink},
		Severity: map[string]flywheel.Severity{flywheel.RuleOscillates: flywheel.Error},
	})
	flywheel.Place(data, findings)
	for _, x := range findings {
		fmt.Printf("line %d: %s %s: %s\n", x.Line, x.Severity, x.Rule, x.Message)
	}
	var svg bytes.Buffer
	if err := a.SVG(&svg); err != nil {
		panic(err)
	}
	fmt.Println(bytes.HasPrefix(svg.Bytes(), []byte("<svg")))
	// Output:
	// The wheel swings: a push comes back alternately stronger and weaker, a full swing about every 3 steps, and the swings grow by about 9.9% per step.
	// line 9: error oscillates: the wheel swings: a push comes back alternately stronger and weaker, a full swing about every 3 steps, and the swings grow by about 9.9% per step.
	// true
}

func ExampleRules() {
	for _, r := range flywheel.Rules() {
		if r.ID == flywheel.RuleSpinsDown {
			fmt.Printf("%s (%s): %s\n", r.ID, r.Severity, r.Summary)
		}
	}
	// Output:
	// spins-down (info): The wheel's growth factor is below 1: every push fades out, whether steadily or in swings.
}

func ExampleFlywheel_Mermaid() {
	f := mustParse(`
name: Two parts
nodes: [{id: a, label: 'Users "love" it'}, {id: b, label: "end"}]
links:
  - {from: a, to: b, polarity: "+"}
  - {from: b, to: a, polarity: "+"}
`)
	if err := f.Mermaid(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// flowchart LR
	//   %% Two parts
	//   %% R1 reinforcing, gain 1: Users "love" it → end → Users "love" it
	//   n0("Users #quot;love#quot; it")
	//   n1("end")
	//   n0 -->|"+ R1"| n1
	//   n1 -->|"+ R1"| n0
}

func ExampleParse() {
	_, err := flywheel.Parse([]byte(`
name: Typo
nodes:
  - {id: a, kind: flow}
`))
	var ve *flywheel.ValidationError
	if errors.As(err, &ve) {
		for _, p := range ve.Problems {
			fmt.Printf("%d:%d %s %s: %s\n", p.Line, p.Column, p.Path, p.Rule, p.Message)
		}
	}
	// Output:
	// 4:19 /nodes/0/kind enum: unknown kind "flow"; allowed: variable, stock, lever
}

func ExampleParseReader() {
	_, err := flywheel.ParseReader(io.LimitReader(zeros{}, flywheel.MaxBytes+1))
	fmt.Println(errors.Is(err, flywheel.ErrTooLarge))
	// Output: true
}

// zeros is an endless stream of zero bytes, like /dev/zero.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

func ExampleFlywheel_Summary() {
	f := mustParse(`
name: Fading
nodes: [{id: a, label: Reviews}, {id: b, label: Buyers}]
links:
  - {from: a, to: b, polarity: "+", weight: 0.9}
  - {from: b, to: a, polarity: "+", weight: 0.8}
`)
	if err := f.Summary(os.Stdout); err != nil {
		panic(err)
	}
	// Output:
	// Fading: 1 loops, 1 reinforcing, 0 balancing
	//   R1   reinforcing gain 0.72    rate 0.8485/step: Reviews → Buyers → Reviews
	// growth factor 0.8485 per step, dominant loop R1
	// The wheel spins down: a push fades, losing about 15% of its strength per step.
	// strongest links: Reviews → Buyers 0.500; Buyers → Reviews 0.500;
	// push at: Reviews (up, 0.515); Buyers (up, 0.485);
}
