// Package decision models Type 1 and Type 2 decisions — one-way and two-way
// doors — as documents a team writes, validates and reviews.
//
// Some decisions are consequential and cannot be walked back: one-way doors.
// They deserve a slow, careful process with deliberation and consultation.
// Most decisions can be walked back: two-way doors. They should be made
// quickly, by a high-judgment individual or a small group, with about 70% of
// the information you wish you had. A two-way door is no licence for
// carelessness; it asks for risk to be made explicit: if you cannot afford
// the cost of failure, abandon the bet early; if you can, map out the risks
// and the decision makers in advance.
//
// Which decisions count as one-way depends on what a company believes and
// has committed to, so that belief is a document of its own, a [Policy].
// [DefaultPolicy] is the article's: customer experience, reputation and
// legal matters are one-way; business practices and pricing are two-way.
//
// # Use
//
//	d, err := decision.Parse(data)          // JSON or YAML, strict
//	if err != nil { ... }                    // line, column, JSON pointer
//	if err := d.Validate(); err != nil {     // errors.As(err, &ve) with
//		...                                  // var ve *decision.ValidationError
//	}
//	c, err := decision.Classify(d, decision.DefaultPolicy(), decision.ReviewOptions{})
//	fmt.Println(c.Door)                      // one-way
//	for _, r := range c.Reasons { ... }      // rule, door, deciding, path, message
//	for _, f := range c.Findings { ... }     // review advice
//	decision.Place(data, c.Findings)         // line and column of each finding
//	err = decision.Markdown(os.Stdout, d, c)
//
// A directory of records, YAML, JSON or Markdown, is checked as a log, and
// its index written as a table:
//
//	log, err := decision.LoadLog(os.DirFS("docs/decisions"), ".")
//	findings, err := log.Check(decision.DateOf(time.Now()), decision.ReviewOptions{})
//	err = decision.IndexMarkdown(os.Stdout, log)
//
// The JSON Schemas of both documents are [Schema] and [PolicySchema], also
// committed as decision.schema.json and policy.schema.json.
//
// # The contract
//
// The five mechanism packages share one contract. Parse, ParseReader,
// ParsePolicy, ParsePolicyReader and ParseMarkdown refuse input over
// [MaxBytes] ([MaxMarkdownBytes] for Markdown) with an error for which
// errors.Is(err, ErrTooLarge) holds; ParseReader never reads more than
// MaxBytes+1 bytes. Every error about a document, from a parser, Validate
// or Log.Check, is a [ValidationError] with Kind "decision", "policy" or
// "decision log" and every [Problem] found, each with a JSON pointer, a
// kebab-case rule id, a message and, where a source exists, the line and
// column; Validate on a nil document is such an error, never a panic.
// [Rules] lists every rule id the package reports, in Problems and in
// Findings, with its severity, summary and help, and a Rule… constant
// names each. Review advice comes back as [Finding] values, never as
// errors; [ReviewOptions] switches rules off (Disable) and changes their
// severity (Severity) for Classify and Log.Check; [Place] fills in where
// each finding stands in the source. Renderers write to an io.Writer and
// return an error. Days are [Date] values.
//
// # Markdown records
//
// Teams keep decision records as Markdown in docs/decisions or doc/adr.
// [ParseMarkdown] reads them, through the goldmark CommonMark parser, in
// the layouts real logs use: MADR 2.x to 4.x (front matter or "* Status:"
// bullets; Context and Problem Statement, Decision Drivers, Considered
// Options, Decision Outcome with `Chosen option: "…", because …`,
// Consequences, Confirmation, Pros and Cons of the Options, More
// Information) and Michael Nygard's, as adr-tools writes it ("# 12.
// Title", "Date:", Status, Context, Decision, Consequences). Statuses with
// emoji, links or words of their own map to the nearest [Status], the
// words kept in StatusText; "Supersedes", "Supercedes", "Superseded by",
// "Amends" and "Amended by" fill Links by record number or file name;
// day-first dates (05/02/2018) read as such; a chosen option written
// quoted, bold or reworded is matched to the option it names.
//
// A record read from Markdown has Format "markdown" and may lack what such
// logs lack: it is valid without an id, date, options or door data, and its
// prose may run longer than a YAML record's (its lists keep their sizes);
// decision.schema.json says the same of a record saved as JSON with
// "format": "markdown" (an if on format in its allOf). Classify then
// reports door-data-missing with the front-matter keys to add (areas,
// reversibility, impact); with them it is classified as a YAML record is.
// In a log, a Markdown record's link to a missing record, or a link the
// other end does not mirror, is a warning finding, not an invalid log.
// [Place] recognises Markdown and points findings at its lines
// ([PlaceMarkdown] does so directly). [Markdown] writes a MADR 4 record
// that ParseMarkdown reads back to the same decision, and [IndexMarkdown]
// writes a log's index: number, title, status, date, door and successor.
// LoadLog reads .md files beside .yaml and .json, skipping README, index
// and template files.
//
// # Classification
//
// Classify lists every rule that fired, each with the door it points to and
// the JSON pointer of the field it read. The door is one-way when any reason
// points one way.
//
//	rule               door     field                     when
//	one-way-area       one-way  /areas/i                  the area is in the policy's oneWayAreas
//	two-way-area       two-way  /areas/i                  the area is in the policy's twoWayAreas
//	irreversible       one-way  /reversibility/reversible not reversible and impact >= oneWayWhen.impactAtLeast
//	irreversible-minor two-way  /impact                   not reversible but impact below it
//	reversible         two-way  /reversibility/reversible reversible
//	undo-cost          one-way  /reversibility/undoCost   undoCost >= oneWayWhen.undoCostAtLeast
//	undo-cost-within   two-way  /reversibility/undoCost   undoCost below it
//	undo-time          one-way  /reversibility/undoTime   undoTime >= oneWayWhen.undoTimeAtLeast
//	undo-time-within   two-way  /reversibility/undoTime   undoTime shorter
//
// Undo times compare in nominal days (a year is 365 days, a month 30).
// Reasons come deciding-first: Reason.Deciding marks the reasons that set
// the door (every one-way reason of a one-way door; every reason of a
// two-way door), and the two-way reasons a one-way door outweighed follow.
//
// # Nearly irreversible is one-way
//
// The article's one-way doors are decisions that are "irreversible or
// nearly irreversible". A decision can be marked reversible and still be
// out of reach of walking back, so DefaultPolicy sets two thresholds:
//
//   - undoTimeAtLeast P12M (DefaultUndoTime): an undo that takes a year or
//     more. By then the customers, the team and the market have moved on
//     around the decision; "walking back through the door" a year later
//     lands in a different room. Twelve months is 360 nominal days, so P1Y
//     and P12M both reach it, and P11M does not.
//   - undoCostAtLeast 1,000,000 USD (DefaultAffordableLoss), the same figure
//     as the default affordableLoss: an undo that costs more than the
//     company accepts losing on a failed bet cannot be the cheap way out a
//     two-way door promises, so the threshold is tied to the affordable
//     loss. The article states no amount; one million dollars is the order
//     of a team's yearly budget in a company of a few hundred people, and a
//     company should write its own figure in its policy.
//
// Either threshold reached makes the door one-way (rules undo-time and
// undo-cost), outweighing the reversible reason.
// The door sets the [Process]: who decides, how much deliberation, how much
// information, and how dissent is handled (disagree and commit).
//
// # Findings
//
// Findings are advice; they never make a document invalid.
//
//	rule                         severity  fires when
//	one-way-no-approver          error     a one-way door names no approver
//	one-way-no-risk-map          error     a one-way door lists no risks
//	one-way-underinformed        warning   an open one-way door has less than information.oneWay
//	two-way-stalled              warning   an open two-way door waits on information.stalled or more
//	two-way-group-too-large      warning   driver, approver and contributors exceed smallGroupMax
//	two-way-no-risk-map          info      a two-way door lists no risks
//	cost-beyond-affordable-loss  error     an open decision's costOfFailure exceeds affordableLoss: abandon early
//	cost-of-failure-unstated     info      the policy has an affordable loss but the decision no costOfFailure
//	information-unstated         info      the decision does not state its information share
//	risk-unmitigated             warning   a risk scoring highRiskAtLeast or more has no mitigation
//	risk-no-owner                info      such a risk has no owner
//	dissent-uncommitted          warning   an accepted decision has dissent that has not committed
//	review-overdue               warning   (Log.Check) an open decision's reviewBy is before today,
//	                                       in a log of one record too
//	door-data-missing            info      a Markdown record states no areas, reversibility or impact
//
// Open decisions are drafts, proposals and accepted ones.
//
// # Validation rules the schema cannot state (Go-only)
//
// Decision.Validate also checks, with these rule ids: option names are
// unique (duplicate); chosen names an option (chosen-option); an accepted,
// deprecated or superseded decision names its choice (chosen-required); a
// superseded decision names its successor in links.supersededBy, and a
// decision naming a successor is superseded (superseded-successor); a draft
// or proposal supersedes nothing (supersede-status); no link points at the
// decision itself (self-link); reviewBy is not before date
// (review-after-date). A Markdown record is spared chosen-option,
// chosen-required, superseded-successor and supersede-status, which real
// logs break without being wrong. Policy.Validate checks that no area is
// both one-way and two-way (area-both-doors) and that information.oneWay
// >= twoWay and stalled > twoWay (information-order). Log.Check adds
// duplicate-id, unknown-reference (a link to a decision not in the log),
// link-reciprocal (supersedes/supersededBy and related agree at both ends;
// amends and amendedBy point one way), supersede-status (a successor is
// not a draft or proposal) and supersede-cycle.
//
// # Limits
//
// Parse and ParsePolicy refuse input over [MaxBytes] (8 MiB), nesting deeper
// than 64 levels and any list or object over 100,000 entries;
// ParseMarkdown refuses Markdown over [MaxMarkdownBytes] (1 MiB) or with
// block quotes and lists nested deeper than [MaxMarkdownDepth], or with
// paragraphs so full of "[" that reading their links would take the
// Markdown parser time quadratic in their length (rule too-many: the
// brackets of each paragraph times its length, summed, past 64 million;
// real records stay far below), and keeps
// at most 100 options and links of one record; the field
// rules bound lists further (20 options, 100 risks, 13 areas). Durations
// take at most nine digits per number. LoadLog reads at most [MaxLogFiles]
// files and refuses a larger file without reading it whole.
package decision
