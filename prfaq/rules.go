package prfaq

import (
	"github.com/dayone-go/mechanisms/internal/finding"
	"github.com/dayone-go/mechanisms/internal/problem"
)

// Finding is one piece of review advice about a document or a text. Its
// fields:
//
//   - Rule is the stable kebab-case id of the rule that fired, one of the
//     Rule… constants ("weasel-word"); Rules describes each.
//   - Severity ranks the finding: Info, Warning or Error, the rule's
//     default unless ReviewOptions.Severity changed it.
//   - Path is the JSON pointer of the field the finding is about
//     ("/externalFaq/2/answer"), "/" or a section ("/pressRelease") for
//     the document as a whole; empty for text reviewed with ReviewText.
//   - Start and End are byte offsets of the flagged words within the
//     field's text (End exclusive), as FieldText returns it; both 0 when the
//     finding is about the field or the text as a whole.
//   - Line and Column are 1-based positions of the flagged words (Column
//     counts characters): within the text for ReviewText; within the field
//     from Review, until Place or PlaceMarkdown replaces them with the
//     position in the source file; 0 when unknown.
//   - Message says what was found, quoting the words.
//   - Suggestion, when there is one, says what to write instead.
type Finding = finding.Finding

// Severity ranks a finding: "info", "warning" or "error". It is a string
// type whose text form rejects unknown values; Valid reports whether a value
// is one of the three and Rank orders them (info 1, warning 2, error 3).
type Severity = finding.Severity

// Severities, from least to most serious.
const (
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// RuleInfo describes one rule the package can report, in a Problem or a
// Finding. Its fields:
//
//   - ID is the stable kebab-case rule id, as Problems and Findings carry it.
//   - Severity is the rule's default severity; Error for the rules that make
//     a document invalid (Parse and Validate), Info or Warning for advice.
//   - Summary says in one line what the rule looks for.
//   - Help says how to fix what the rule reports.
type RuleInfo = finding.RuleInfo

// Rule ids shared with the other mechanisms, as Parse and Validate report
// them. They are the ids of the shared vocabulary; Rules describes each.
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

// Rule ids of PR/FAQ validation: the rules Validate checks beyond the shared
// ones.
const (
	RuleNotAQuestion     = "not-a-question"
	RuleBlank            = "blank"
	RuleOneSentence      = "one-sentence"
	RuleLaunchBeforeDate = "launch-before-date"
	// RuleNotPRFAQ is what ParseMarkdown reports for Markdown that holds
	// neither a press release nor an FAQ, such as a README.
	RuleNotPRFAQ = "not-a-prfaq"
)

// Rule ids of the review. They are stable: tools and ReviewOptions refer to
// them. The package documentation has the table of what each one means.
const (
	RuleWeaselWord         = "weasel-word"
	RuleHype               = "hype"
	RuleHedging            = "hedging"
	RulePassiveVoice       = "passive-voice"
	RuleAdverb             = "adverb"
	RuleSentenceLength     = "sentence-length"
	RuleUndefinedAcronym   = "undefined-acronym"
	RuleWordyPhrase        = "wordy-phrase"
	RuleComparative        = "unquantified-comparative"
	RuleRepeatedWord       = "repeated-word"
	RuleBulletList         = "bullet-list"
	RuleReadability        = "readability"
	RuleTooManyFindings    = "too-many-findings"
	RulePressReleaseLength = "press-release-length"
	RuleFAQLength          = "faq-length"
	RuleParagraphLength    = "paragraph-length"
	RuleExternalFAQTopics  = "external-faq-topics"
	RuleInternalFAQTopics  = "internal-faq-topics"
	RuleMissingNumber      = "missing-number"
	RuleNoAlternative      = "no-alternative"
	RuleCustomerAbsent     = "customer-absent"
	RuleFutureTense        = "future-tense"
	// RuleFrontMatterMissing is the finding on a PR/FAQ read from Markdown
	// that lacks what only front matter can say; it names the keys to add.
	RuleFrontMatterMissing = "front-matter-missing"
	// RuleSectionMissing is the finding on a PR/FAQ read from Markdown that
	// lacks a part of the press release or an FAQ; it names the part to add
	// and what it should say.
	RuleSectionMissing = "section-missing"
)

// validationRules are the package's own Validate rules.
var validationRules = []RuleInfo{
	{ID: RuleNotAQuestion, Severity: Error, Summary: "An FAQ question does not end in a question mark.",
		Help: "Write the question the way a reader would ask it, ending in \"?\"."},
	{ID: RuleBlank, Severity: Error, Summary: "A text field holds only white space.",
		Help: "Write the text, or remove the field if it is optional."},
	{ID: RuleOneSentence, Severity: Error, Summary: "The headline or subheadline is more than one sentence.",
		Help: "Keep the one sentence that names the product and its benefit; move the rest to the summary."},
	{ID: RuleLaunchBeforeDate, Severity: Error, Summary: "The launch date in the dateline is before the document's date.",
		Help: "Date the imagined launch after the document: the press release announces a product still to come."},
	{ID: RuleNotPRFAQ, Severity: Error, Summary: "Markdown given to ParseMarkdown holds no press release (no dateline, attributed quote, Press release heading or template labels): it is not a PR/FAQ.",
		Help: "Open the press release with a dateline (CITY — DATE —) and add the FAQ under a heading such as External FAQ, or review the file as a narrative with ReviewText."},
}

type ruleID uint8

const (
	rWeasel ruleID = iota
	rHype
	rHedging
	rPassive
	rAdverb
	rSentence
	rAcronym
	rWordy
	rComparative
	rRepeated
	rBullet
	rReadability
	rTooMany
	rPRLength
	rFAQLength
	rParagraph
	rExternalTopics
	rInternalTopics
	rMissingNumber
	rNoAlternative
	rCustomerAbsent
	rFuture
	rFrontMatter
	rSectionMissing
	nRules
)

// nProse is the number of prose rules, the first ones of ruleTable: the
// rules ReviewText runs on any text.
const nProse = int(rTooMany) + 1

var ruleTable = [nRules]RuleInfo{
	rWeasel: rule(RuleWeaselWord, Warning, "Vague quantities and intensifiers (many, very, significantly) where a number belongs.",
		"Give the number or the share; delete an intensifier that carries none."),
	rHype: rule(RuleHype, Warning, "Marketing adjectives and clichés (revolutionary, seamless, world-class) that claim instead of show.",
		"Say what the customer gets: the fact or the number behind the claim."),
	rHedging: rule(RuleHedging, Warning, "Hedges (may, might, perhaps, we believe) that leave the reader unsure what is claimed.",
		"Say what you know; for what you do not know yet, say so and how you will find out."),
	rPassive: rule(RulePassiveVoice, Info, "A form of be followed by a past participle, hiding who acts.",
		"Name who does it and use the active voice."),
	rAdverb: rule(RuleAdverb, Info, "-ly adverbs and \"just\", which usually add nothing a stronger verb would not.",
		"Delete the adverb, or use a verb or a number that says it."),
	rSentence: rule(RuleSentenceLength, Warning, "Sentences longer than MaxSentenceWords words (30).",
		"Split the sentence; one idea per sentence."),
	rAcronym: rule(RuleUndefinedAcronym, Warning, "An acronym used before it is defined in parentheses.",
		"Write it out on first use with the acronym in parentheses, or add it to KnownAcronyms."),
	rWordy: rule(RuleWordyPhrase, Info, "Wordy phrases with a shorter form (in order to: to) and openers that delay the subject.",
		"Use the suggestion; start the sentence with its subject and verb."),
	rComparative: rule(RuleComparative, Warning, "Comparatives (faster, cheaper, more reliable) in a sentence with no number.",
		"Say than what, and by how much."),
	rRepeated: rule(RuleRepeatedWord, Warning, "The same word twice in a row.",
		"Delete one of them."),
	rBullet: rule(RuleBulletList, Warning, "Bullet lists where a narrative should be sentences.",
		"Write the points as sentences that say how they connect."),
	rReadability: rule(RuleReadability, Info, "Flesch reading ease below MinReadingEase (30) or Flesch-Kincaid grade above MaxGrade (14).",
		"Shorter sentences and shorter words."),
	rTooMany: rule(RuleTooManyFindings, Info, "More findings than MaxFindings in one text; the rest are not reported.",
		"Fix the findings reported, or raise MaxFindings."),
	rPRLength: rule(RulePressReleaseLength, Warning, "A press release over about one page (PressReleaseMaxWords, 600 words).",
		"Cut it to what a customer needs to know; move detail to the FAQ."),
	rFAQLength: rule(RuleFAQLength, Warning, "FAQs over five pages (FAQMaxWords, 2,500 words).",
		"Keep the questions readers really ask; shorten the answers."),
	rParagraph: rule(RuleParagraphLength, Info, "Press release paragraphs of more than MaxParagraphSentences sentences (4).",
		"Split the paragraph or cut it."),
	rExternalTopics: rule(RuleExternalFAQTopics, Warning, "External FAQ without the topics customers always ask: price, how it works, support, availability.",
		"Add a question on each missing topic."),
	rInternalTopics: rule(RuleInternalFAQTopics, Warning, "Internal FAQ without the topics stakeholders always ask: market size, unit economics, dependencies, assumptions, risks.",
		"Add a question on each missing topic."),
	rMissingNumber: rule(RuleMissingNumber, Warning, "A problem statement or customer quote with no number in it.",
		"Say how many customers have the problem, how often, or what it costs them."),
	rNoAlternative: rule(RuleNoAlternative, Warning, "A solution that never names what customers do today instead.",
		"Name the alternative (today customers …) and how much better this is."),
	rCustomerAbsent: rule(RuleCustomerAbsent, Warning, "The customer named in the five questions does not appear in the press release.",
		"Name the customer in the headline, subheadline or summary."),
	rFuture: rule(RuleFutureTense, Warning, "Future tense in a press release written as if the product had launched.",
		"Write in the present or past tense; quotes may speak of the future."),
	rFrontMatter: rule(RuleFrontMatterMissing, Info, "A PR/FAQ read from Markdown lacks values only its YAML front matter can give: id, title, authors, date, stage or the five customer questions.",
		"Add the keys the finding names to the front matter (YAML between --- lines at the top of the file), so the document validates as a full PR/FAQ and the review can check the customer against the press release."),
	rSectionMissing: rule(RuleSectionMissing, Warning, "A PR/FAQ read from Markdown lacks a part of the press release (headline, subheadline, dateline, summary, problem, solution, leader or customer quote, getting started, call to action) or an FAQ.",
		"Add the part the finding names, saying what it asks for; the document is valid without it, but weaker."),
}

// rule builds a RuleInfo; a function rather than a literal because the
// type is defined in another package.
func rule(id string, sev Severity, summary, help string) RuleInfo {
	return RuleInfo{ID: id, Severity: sev, Summary: summary, Help: help}
}

// Rules lists every rule id the package can put in a Problem or a Finding:
// the shared rules of Parse and Validate, then PR/FAQ validation rules,
// then the review rules in the order of the table in the package
// documentation, each with its default severity, a summary and how to fix
// it. The result is a copy the caller may change.
func Rules() []RuleInfo {
	out := finding.SharedRules()
	out = append(out, validationRules...)
	return append(out, ruleTable[:]...)
}

// ProseRules lists the review rules ReviewText runs on any text, a subset
// of Rules; Review runs them on every text field of a PR/FAQ and adds the
// rules about the document as a whole.
func ProseRules() []RuleInfo {
	return append([]RuleInfo(nil), ruleTable[:nProse]...)
}
