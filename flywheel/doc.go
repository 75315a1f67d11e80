// Package flywheel models growth flywheels as causal loop graphs and
// answers the questions a team asks of one: which loops reinforce and
// which balance, how fast a push grows, which link is weakest and where a
// push moves the wheel most.
//
// Amazon's flywheel is the example: better customer experience brings
// traffic, traffic attracts sellers, sellers bring selection, and selection
// improves the experience; around it a handle, where growth spreads fixed
// costs, a lower cost structure allows lower prices, and lower prices
// improve the experience again. A flywheel is only a flywheel if it closes
// on itself: every part pushes the next and the loop as a whole reinforces.
//
// # The document
//
// A Flywheel names its nodes (a variable, a stock, or a lever the company
// pushes directly) and its links: from, to, a polarity "+" (the target
// moves the same way) or "-" (the opposite way), an optional weight (how
// strongly, default 1) and an optional delay in steps. Documents are JSON
// or YAML; quote the polarity in YAML, since a bare - starts a list. The
// template examples/templates/flywheel.yaml is Amazon's wheel.
//
//	f, err := flywheel.Parse(data)
//	if err != nil { ... }            // syntax, unknown keys, bad values, with line numbers
//	if err := f.Validate(); err != nil {
//		var ve *flywheel.ValidationError // errors.As yields every problem
//	}
//	loops, err := f.Loops(flywheel.LoopOptions{}) // R1, R2, B1, ... sorted
//	lev, err := f.Leverage()                      // growth factor, elasticities
//	sim, err := f.Simulate(flywheel.SimOptions{Steps: 20})
//	findings := f.Review()
//	os.WriteFile("wheel.svg", f.SVG(), 0o644)     // also DOT, Mermaid, Markdown
//
// No method changes the Flywheel, so one value may be analysed from many
// goroutines at once.
//
// # Loops
//
// Loops and EachLoop enumerate the elementary loops with Johnson's
// algorithm inside the strongly connected components found by Tarjan's
// algorithm. A loop is reinforcing when it has an even number of "-" links
// and balancing otherwise; its gain is the product of its weights and its
// Rate, gain to the power 1/length, is the growth per step it would have
// alone. EachLoop allocates nothing per loop. The number of loops can be
// astronomical (a complete graph on 60 nodes has more than 10⁸⁰), so the
// search is bounded: see the limits below.
//
// # Leverage and simulation
//
// Leverage reads the wheel as the linear system Δx(t+1) = AΔx(t), with A
// the signed weights. Its growth factor is the spectral radius of A,
// computed with a Hessenberg reduction and shifted complex QR, which copes
// with the equal-modulus and complex eigenvalues of cycles and balancing
// loops where power iteration fails. Each link's elasticity (∂ρ/∂w·w/ρ)
// comes from the left and right eigenvectors; the elasticities of the
// dominant component add up to 1. Simulate steps the levels with delays
// and an optional carrying capacity, and stops with ErrOverflow rather than
// print Inf.
//
// # Review findings
//
//	rule                 severity  when
//	not-on-wheel         warning   a node on no loop that is not a lever
//	too-many-components  warning   the main loop has more than MaxWheelNodes (6) parts
//	balancing-dominates  warning   a balancing loop's Rate beats the main loop's
//	oscillates           warning   the dominant eigenvalue is not positive real
//	weakest-link         info      the lowest weight on the main loop
//	spins-down           info      the growth factor is below 1: pushes fade
//	no-reinforcing-loop  error     no loop reinforces (Validate refuses this too)
//	loops-truncated      info      the loop search hit a bound; findings use the loops found
//	leverage-skipped     info      a component too large for Leverage
//	too-large            error     more than MaxNodes nodes or MaxLinks links
//
// The main loop is the reinforcing loop of highest Rate.
//
// # Limits
//
// Documents: at most MaxNodes (10,000) nodes and MaxLinks (50,000) links,
// plus the strict decoder's bounds (8 MiB, depth 64); Loops, Leverage and
// Simulate refuse larger graphs built in Go with ErrTooLarge, and SVG, DOT
// and Mermaid draw only the name and that refusal. Loop search: MaxLoops (default DefaultMaxLoops, 200,000),
// MaxLength (default all), at most 1,000,000 + 64·(nodes+links) steps
// without finding a loop, and MaxLoopNodes (2,000,000) nodes held by
// Loops; a bound hit returns the loops found with ErrTooManyLoops.
// Leverage: components of at most MaxLeverageNodes (300) nodes. Simulate:
// at most MaxSteps (10,000) steps and MaxSimCells levels. Markdown lists
// the first 100 loops. The SVG places nodes with its crossing-aware
// layout up to 1,000 nodes and 5,000 links, and in document order past
// them.
//
// # Rules only Go checks
//
// The JSON Schema (Schema) states the field rules; these cross-field rules
// are Go-only: node IDs are unique; links name existing nodes; no link
// from a node to itself; no two links join the same pair; weights and
// initial values are finite (for values built in Go); and the wheel has at
// least one reinforcing loop.
package flywheel
