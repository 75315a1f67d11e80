package flywheel

import (
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// Rule ids shared by every package of this module, which Parse and
// Validate report for a flywheel document.
const (
	RuleSyntax           = problem.RuleSyntax
	RuleEmpty            = problem.RuleEmpty
	RuleTooLarge         = problem.RuleTooLarge
	RuleTooDeep          = problem.RuleTooDeep
	RuleTooMany          = problem.RuleTooMany
	RuleUnknownKey       = problem.RuleUnknownKey
	RuleType             = problem.RuleType
	RuleRequired         = problem.RuleRequired
	RuleEnum             = problem.RuleEnum
	RuleFormat           = problem.RuleFormat
	RuleRange            = problem.RuleRange
	RuleTooShort         = problem.RuleTooShort
	RuleTooLong          = problem.RuleTooLong
	RuleTooFew           = problem.RuleTooFew
	RuleTooManyItems     = problem.RuleTooManyItems
	RuleLength           = problem.RuleLength
	RuleDuplicate        = problem.RuleDuplicate
	RuleDuplicateID      = problem.RuleDuplicateID
	RuleUnknownReference = problem.RuleUnknownReference
	RuleNil              = problem.RuleNil
)

// Rule ids of flywheel's own checks: Validate's cross-field rules, then the
// review's.
const (
	RuleSelfLink           = "self-link"
	RuleDuplicateLink      = "duplicate-link"
	RuleFinite             = "finite"
	RuleNoReinforcingLoop  = "no-reinforcing-loop"
	RuleNotOnWheel         = "not-on-wheel"
	RuleTooManyComponents  = "too-many-components"
	RuleBalancingDominates = "balancing-dominates"
	RuleWeakestLink        = "weakest-link"
	RuleSpinsDown          = "spins-down"
	RuleOscillates         = "oscillates"
	RuleLoopsTruncated     = "loops-truncated"
	RuleLeverageSkipped    = "leverage-skipped"
	RuleGraphTooLarge      = "graph-too-large"
)

// ownRules are the rules only this package reports.
var ownRules = []RuleInfo{
	{ID: RuleSelfLink, Severity: Error, Summary: "A link from a node to itself.",
		Help: "A node cannot push itself: model the compounding as a loop through another node."},
	{ID: RuleDuplicateLink, Severity: Error, Summary: "Two links join the same pair of nodes in the same direction.",
		Help: "Merge them into one link with the combined weight."},
	{ID: RuleFinite, Severity: Error, Summary: "A weight or initial value that is NaN or infinite (only possible in a Flywheel built in Go).",
		Help: "Use a finite number."},
	{ID: RuleNoReinforcingLoop, Severity: Error, Summary: "No loop reinforces itself, so the wheel is not a flywheel.",
		Help: "Close a loop of links with an even number of \"-\" links."},
	{ID: RuleNotOnWheel, Severity: Warning, Summary: "A node on no loop that is not a lever: nothing it does comes back around.",
		Help: "Link it into a loop, or mark it kind: lever if the company sets it directly."},
	{ID: RuleTooManyComponents, Severity: Warning, Summary: "The main loop has more parts than people remember (MaxWheelNodes, 6).",
		Help: "Merge parts that move together, or keep the others on an outer loop."},
	{ID: RuleBalancingDominates, Severity: Warning, Summary: "A balancing loop grows faster per step than the main reinforcing loop.",
		Help: "Weaken a link of the balancing loop or strengthen the main loop."},
	{ID: RuleWeakestLink, Severity: Info, Summary: "The link of lowest weight on the main loop.",
		Help: "Invest where the wheel is weakest."},
	{ID: RuleSpinsDown, Severity: Info, Summary: "The wheel's growth factor is below 1: every push fades out, whether steadily or in swings.",
		Help: "Strengthen the links with the highest elasticity until the growth factor passes 1."},
	{ID: RuleOscillates, Severity: Warning, Summary: "The wheel's strongest pattern swings or flips rather than growing steadily.",
		Help: "Weaken or slow the balancing loops that feed back quickly."},
	{ID: RuleLoopsTruncated, Severity: Info, Summary: "The loop search stopped at its bound; findings use the loops found.",
		Help: "Simplify the wheel, or read the loops with Loops and larger LoopOptions."},
	{ID: RuleLeverageSkipped, Severity: Info, Summary: "Leverage was not computed, as a strongly connected part is larger than MaxLeverageNodes.",
		Help: "Split the wheel, or model groups of parts as one node."},
	{ID: RuleGraphTooLarge, Severity: Error, Summary: "A Flywheel built in Go with more than MaxNodes nodes or MaxLinks links.",
		Help: "Split the wheel, or model groups of parts as one node."},
}

// Rules lists every rule id this package can put in a Problem or a
// Finding: the rules shared by every package (syntax, required, range, ...)
// and flywheel's own, each with its default severity, a summary and how
// to fix it. Tools build their rule tables and configuration from it.
func Rules() []RuleInfo {
	return append(finding.SharedRules(), ownRules...)
}
