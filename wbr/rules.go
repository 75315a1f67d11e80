package wbr

import (
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// Rule ids shared by every mechanism package, as Parse and Validate report
// them.
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

// Rule ids of this package's own validation rules (Validate).
const (
	RuleRatioOperands    = "ratio-operands"
	RuleCircular         = "circular"
	RuleBPSNotRate       = "bps-not-rate"
	RuleDrivesFromOutput = "drives-from-output"
	RuleDrivesInput      = "drives-input"
	RuleNoInputs         = "no-inputs"
	RuleUndrivenOutput   = "undriven-output"
	RuleUnownedInput     = "unowned-input"
	RulePlanEnd          = "plan-end"
	RulePlanRange        = "plan-range"
	RuleSource           = "source"
)

// Rule ids of the review of a deck (Review).
const (
	RuleInputsOutnumbered = "inputs-outnumbered"
	RuleInputDrivesNone   = "input-drives-none"
	RuleUnsectionedMetric = "unsectioned-metric"
	RuleNoSections        = "no-sections"
	RuleUnownedOutput     = "unowned-output"
	RuleUnnamedMetric     = "unnamed-metric"
	RuleNoPlan            = "no-plan"
)

// Rule ids of the review of a computed week (Report.Findings).
const (
	RuleXmRSignal   = "xmr-signal"
	RulePlanMissed  = "plan-missed"
	RuleMissingDays = "missing-days"
	RuleNoData      = "no-data"
	RuleOverflow    = "overflow"
)

// ownRules are the rules only this package reports, in the order Rules
// lists them.
var ownRules = []RuleInfo{
	rule(RuleRatioOperands, Error, "A ratio metric needs a numerator and a denominator; other metrics have neither.", "Give the ratio both operands, or remove them from a metric that is not a ratio."),
	rule(RuleCircular, Error, "A ratio or derived metric depends on itself, directly or through other computed metrics.", "Compute the metric from metrics that do not lead back to it."),
	rule(RuleDerivedOperands, Error, "A derived metric lacks its operation or has the wrong number of operands (divide takes two, the others at least two), or a metric that is not derived has them.", "Give a derived metric an operation and its operands; remove them from other metrics."),
	rule(RuleChartWith, Error, "A metric's chartWith names the metric itself.", "Name another metric of the deck to draw on the same chart, or remove chartWith."),
	rule(RuleBPSNotRate, Error, "Basis points compare rates; the metric is neither a ratio nor in unit \"%\".", "Use comparison percent, or make the metric a ratio or give it unit \"%\"."),
	rule(RuleDrivesFromOutput, Error, "Only input metrics drive outputs.", "Move drives to the input metric that moves this output."),
	rule(RuleDrivesInput, Error, "An input drives a metric that is not an output.", "Name output metrics in drives."),
	rule(RuleNoInputs, Error, "The deck has only output metrics; a WBR exists to manage the controllable inputs.", "Add the input metrics teams can move."),
	rule(RuleUndrivenOutput, Error, "No input metric drives this output.", "Name the output in the drives of the inputs that move it."),
	rule(RuleUnownedInput, Error, "An input metric has no owner.", "Name the person who explains the metric's variation in owner."),
	rule(RulePlanEnd, Error, "A plan period does not end where the calendar says.", "End a week plan on the week-ending day, and month, quarter and year plans on their last day."),
	rule(RulePlanRange, Error, "A plan value outside what the metric's unit allows, such as 62 for a rate that is a fraction.", "Write a rate's plan as a fraction: 0.62 for 62%."),
	rule(RuleSource, Error, "The deck's data source names neither or both of a CSV file and a query, or a query without the environment variable of its connection string.", "Give csv, or query with dsnEnv (the name of an environment variable, never the connection string itself)."),
	rule(RuleInputsOutnumbered, Warning, "Fewer input metrics than output metrics.", "A WBR spends its time on controllable inputs: add the inputs that drive the outputs."),
	rule(RuleInputDrivesNone, Warning, "An input drives no output, directly or as a ratio operand.", "Name the outputs it moves in drives, or ask whether the deck needs it."),
	rule(RuleUnsectionedMetric, Warning, "No section shows the metric, so the meeting never reads it.", "Add the metric to a section."),
	rule(RuleNoSections, Info, "The deck has no sections.", "Group the metrics into titled sections in the order the meeting reads them."),
	rule(RuleUnownedOutput, Info, "An output metric names no owner.", "Name the person who speaks to the metric in owner."),
	rule(RuleUnnamedMetric, Info, "A metric has only an id.", "Give the metric a name as people say it."),
	rule(RuleNoPlan, Info, "No metric has a plan value.", "Add plan values so the report shows variance to plan."),
	rule(RuleChartWithUnit, Warning, "A chart's second metric (chartWith) counts another unit than the chart's metric, so one axis shows two scales.", "Draw metrics of the same unit together, or give each its own chart."),
	rule(RuleXmRSignal, Warning, "The week reviewed carries an XmR signal: the process has moved.", "The metric's owner explains what changed."),
	rule(RulePlanMissed, Warning, "A figure is behind plan (ahead, where lower is better).", "The metric's owner explains the gap and the plan to close it."),
	rule(RuleMissingDays, Warning, "A period has days without data; its figures are partial and not compared.", "Load the missing days, or check the pipeline that feeds the data."),
	rule(RuleNoData, Warning, "The metric has no value for the week reviewed.", "Load the week's data for the metric, or check its id in the data."),
	rule(RuleOverflow, Warning, "The metric has data for the week reviewed, but its value passes the largest float64 (about 1.8e308), so the report cannot show it.", "Check the data's unit and scale: record values in a unit that keeps the week's total within range."),
}

// Rules lists every rule this package can report: the rules shared by all
// mechanism packages (syntax, unknown-key, required, ...) and wbr's own
// validation and review rules, each with its default severity, a summary
// and how to fix it.
func Rules() []RuleInfo {
	return append(finding.SharedRules(), ownRules...)
}

// ReviewOptions tunes Review and Report.Findings. The zero value reports
// every rule at its default severity.
type ReviewOptions struct {
	// Disable lists rule ids whose findings are dropped.
	Disable []string
	// Severity changes the severity of the findings of a rule id.
	Severity map[string]Severity
}

func (o ReviewOptions) apply(fs []Finding) []Finding {
	return finding.Apply(fs, o.Disable, o.Severity)
}

func rule(id string, sev Severity, summary, help string) RuleInfo {
	return RuleInfo{ID: id, Severity: sev, Summary: summary, Help: help}
}
