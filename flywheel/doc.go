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
//	f, err := flywheel.Parse(data)   // or ParseReader(r); both bounded by MaxBytes
//	if err != nil { ... }            // a *ValidationError: every problem, with line and column
//	if err := f.Validate(); err != nil {
//		var ve *flywheel.ValidationError // errors.As yields every problem
//	}
//	a := f.Analyze()                          // loops and leverage, once
//	findings := a.Review(flywheel.ReviewOptions{})
//	flywheel.Place(data, findings)            // line and column of each finding
//	err = a.SVG(w)                            // also Markdown, DOT, Mermaid, Summary
//
// No method changes the Flywheel, so one value may be analysed from many
// goroutines at once; an Analysis is read-only too.
//
// # The contract shared with the other packages
//
// Every package of this module has the same surface, so code written
// against one reads the others:
//
//   - Parse(data) and ParseReader(r) read JSON or YAML strictly and refuse
//     input over MaxBytes with an error for which errors.Is(err,
//     ErrTooLarge) holds. ErrTooLarge is the module's one size sentinel; a
//     graph too large to analyse is ErrGraphTooLarge.
//   - Every error about a document, from Parse or Validate, is a
//     *ValidationError with Kind "flywheel" and Problems, each with a JSON
//     pointer, a kebab-case rule id, a message and, where a source exists,
//     the line and column. Parse reports every decode problem at once.
//     Validate on a nil *Flywheel returns one (rule RuleNil); it never
//     panics.
//   - Rules lists every rule id a Problem or a Finding can carry, the ids
//     shared by all packages (RuleRequired, RuleUnknownKey, ...) and this
//     package's own, with a default severity, a summary and how to fix it;
//     each has a Rule constant.
//   - Review advice comes as Findings; ReviewOptions switch any rule off
//     (Disable) or change its severity (Severity), with the same field
//     names in every package. Place fills the findings' lines and columns
//     from the source.
//   - Every renderer writes to an io.Writer and returns the first write
//     error: Markdown, DOT, Mermaid, SVG and Summary. Output grows near
//     linearly with the document, and document text is escaped for the
//     format (a label holding "</text><script>" or "\"]" stays text;
//     control characters never reach a terminal).
//
// # One analysis, shared
//
// Analyze finds the loops and the leverage once; its Review, Summary,
// Markdown, DOT, Mermaid and SVG use them, as a tool that writes a report
// and four diagrams of the same wheel should. The methods of the same
// names on Flywheel are shorthands that analyse afresh on each call.
// Analysis.Label and Analysis.Path name nodes by their labels in text, in
// time linear in the text, and Leverage.Description says in words what
// the growth factor means ("The wheel spins down: a push fades, losing
// about 3.6% of its strength per step.").
//
// # Loops
//
// Loops and EachLoop enumerate the elementary loops with Johnson's
// algorithm inside the strongly connected components found by Tarjan's
// algorithm. A loop is reinforcing when it has an even number of "-" links
// and balancing otherwise; its gain is the product of its weights and its
// Rate, gain to the power 1/length, is the growth per step it would have
// alone. Rates are computed from the logarithms of the weights, so they
// are exact where the gain passes the largest float64 (a Gain past it is
// held at it): no loop, leverage or simulation ever reports Inf or NaN.
//
// EachLoop hands out loops in lexicographic order of their nodes'
// positions in the document, allocating nothing per loop, with memory
// flat in the number of loops. Loops returns them sorted shortest first,
// then in that same order; as the search already produces the second key,
// the sort is a counting sort by length. The number of loops can be
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
//	oscillates           warning   the dominant eigenvalue is not positive real: pushes swing or flip
//	weakest-link         info      the lowest weight on the main loop
//	spins-down           info      the growth factor is below 1: pushes fade, steadily or in swings
//	no-reinforcing-loop  error     no loop reinforces (Validate refuses this too)
//	loops-truncated      info      the loop search hit a bound; findings use the loops found
//	leverage-skipped     info      a component too large for Leverage
//	graph-too-large      error     a Flywheel built in Go with more than MaxNodes nodes or MaxLinks links
//
// The main loop is the reinforcing loop of highest Rate. Messages name
// nodes by their labels. Rules lists these with the validation rules.
//
// # Limits
//
// Every input is answered in bounded time and memory:
//
//   - Documents: at most MaxBytes (8 MiB), nesting depth 64 and 100,000
//     entries per list, checked before anything large is built; at most
//     MaxNodes (10,000) nodes and MaxLinks (50,000) links. Loops, Leverage
//     and Simulate refuse larger graphs built in Go with ErrGraphTooLarge,
//     and SVG, DOT and Mermaid draw only the name and that refusal.
//   - Loop search: MaxLoops (default DefaultMaxLoops, 200,000), MaxLength
//     (default all), at most 1,000,000 + 64·(nodes+links) steps without
//     finding a loop, and MaxLoopNodes (2,000,000) nodes held by Loops; a
//     bound hit returns the loops found with ErrTooManyLoops. EachLoop
//     holds one loop at a time.
//   - Leverage: strongly connected parts of at most MaxLeverageNodes (300)
//     nodes. Simulate: at most MaxSteps (10,000) steps and MaxSimCells
//     levels.
//   - Renderers: Markdown lists the first 100 loops and 12 loop IDs per
//     link, diagrams 12 loops in their legends and 4 per link; the SVG
//     places nodes with its crossing-aware layout up to 1,000 nodes and
//     5,000 links, and in document order past them. Every renderer is near
//     linear in the document: the largest valid wheel renders in under a
//     second in each format (BenchmarkRender).
//
// # Rules only Go checks
//
// The JSON Schema (Schema) states the field rules; these cross-field rules
// are Go-only: node IDs are unique; links name existing nodes; no link
// from a node to itself; no two links join the same pair; weights and
// initial values are finite (for values built in Go); and the wheel has at
// least one reinforcing loop.
package flywheel
