package decision

import (
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// Shared rule ids this package reports, from the vocabulary all five
// mechanism packages use.
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

// Rule ids of the checks Validate and Log.Check make across fields and
// records; a broken one makes the document or the log invalid.
const (
	RuleChosenOption        = "chosen-option"
	RuleChosenRequired      = "chosen-required"
	RuleSupersededSuccessor = "superseded-successor"
	RuleSupersedeStatus     = "supersede-status"
	RuleSelfLink            = "self-link"
	RuleReviewAfterDate     = "review-after-date"
	RuleAreaBothDoors       = "area-both-doors"
	RuleInformationOrder    = "information-order"
	RuleLinkReciprocal      = "link-reciprocal"
	RuleSupersedeCycle      = "supersede-cycle"
	// RuleNotARecord: ParseMarkdown was given Markdown that is no decision
	// record (a README, notes): it has no title heading, or none of the
	// sections and fields of a MADR or Nygard record.
	RuleNotARecord = "not-a-record"
)

// Rules lists every rule id the package can report, in a Problem (Parse,
// ParseMarkdown, Validate, Log.Check) or a Finding (Classify, Log.Check),
// with its default severity, what it looks for and how to fix it. The ids
// of Classify's reasons (RuleOneWayArea, ...) are not rules a document
// breaks and are listed in the package documentation instead.
func Rules() []RuleInfo {
	own := []RuleInfo{
		r(RuleChosenOption, Error, "The chosen option is not among the considered options.", "Write chosen exactly as one option's name, or add the option."),
		r(RuleChosenRequired, Error, "An accepted, deprecated or superseded decision names no chosen option.", "Set chosen to the option that was taken."),
		r(RuleSupersededSuccessor, Error, "A superseded decision names no successor, or a decision naming a successor is not superseded.", "Set links.supersededBy and status: superseded together."),
		r(RuleSupersedeStatus, Error, "A draft or proposal supersedes others, or a decision is superseded by a draft or proposal.", "Accept the successor before it supersedes anything."),
		r(RuleSelfLink, Error, "A decision links to itself.", "Link to another decision's id."),
		r(RuleReviewAfterDate, Error, "The review date comes before the decision date.", "Set reviewBy on or after date."),
		r(RuleAreaBothDoors, Error, "A policy lists an area as both a one-way and a two-way area.", "Keep the area in one of the two lists."),
		r(RuleInformationOrder, Error, "A policy's information shares are out of order (oneWay below twoWay, or stalled not above twoWay).", "Order them twoWay <= oneWay and twoWay < stalled."),
		r(RuleLinkReciprocal, Error, "Two decisions disagree about a link: one supersedes or relates to the other, but the other does not say so. A warning finding for Markdown records.", "Write the link at both ends (supersedes / supersededBy, related / related)."),
		r(RuleSupersedeCycle, Error, "Decisions supersede one another in a cycle.", "Break the cycle: the newest decision supersedes the older ones, never the reverse."),
		r(RuleNotARecord, Error, "Markdown that is no decision record: no title heading, or no MADR or Nygard section or field.", "Write the record as MADR (Context and Problem Statement, Considered Options, Decision Outcome) or as Nygard's (Status, Context, Decision, Consequences)."),

		r(RuleOneWayNoApprover, Error, "A one-way door names no approver.", "Name the person who signs off in people.approver."),
		r(RuleOneWayNoRiskMap, Error, "A one-way door lists no risks.", "List what could go wrong, how likely, how bad, and the mitigation."),
		r(RuleOneWayUnderinformed, Warning, "An open one-way door has less information than the policy's information.oneWay.", "Gather more before committing: this door is hard to walk back."),
		r(RuleTwoWayStalled, Warning, "An open two-way door waits on the policy's information.stalled share or more.", "Decide now with about the two-way share; the door can be walked back."),
		r(RuleTwoWayGroupTooLarge, Warning, "More people decide a two-way door than the policy's smallGroupMax.", "Let the driver decide with a small group and inform the rest."),
		r(RuleTwoWayNoRiskMap, Info, "A two-way door lists no risks.", "Map out the risks and decision makers in advance."),
		r(RuleCostBeyondAffordable, Error, "An open decision could lose more than the policy's affordable loss.", "Abandon the bet early, or shrink it until failure is affordable."),
		r(RuleCostOfFailureUnstated, Info, "The policy has an affordable loss but the decision states no costOfFailure.", "Estimate the cost of failure in the policy's currency."),
		r(RuleInformationUnstated, Info, "The decision does not state its information share.", "Estimate information, from 0 to 1, the share of what you wish you knew."),
		r(RuleRiskUnmitigated, Warning, "A high risk (score at or above highRiskAtLeast) has no mitigation.", "Say what makes the risk less likely or less bad."),
		r(RuleRiskNoOwner, Info, "A high risk has no owner.", "Name who watches the risk."),
		r(RuleDissentUncommitted, Warning, "An accepted decision has dissent that has not committed.", "Talk it through until they disagree and commit, or revisit the decision."),
		r(RuleReviewOverdue, Warning, "An open decision's reviewBy date has passed (Log.Check).", "Review it: confirm, amend or supersede it, and set the next review date."),
		r(RuleDoorDataMissing, Info, "A record read from Markdown states no areas, reversibility or impact, so its door cannot be classified.", "Add the keys the message names to the record's front matter."),
	}
	return append(finding.SharedRules(), own...)
}

func r(id string, sev Severity, summary, help string) RuleInfo {
	return RuleInfo{ID: id, Severity: sev, Summary: summary, Help: help}
}
