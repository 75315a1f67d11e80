package prfaq

import (
	"github.com/dayone-go/mechanisms/internal/finding"
)

// Finding is one piece of review advice: the rule, its severity, the JSON
// pointer of the field ("" for text reviewed on its own), the byte span of
// the flagged words in the field's text, their line and column, a message
// and, where there is one, a suggestion.
type Finding = finding.Finding

// Severity ranks a finding.
type Severity = finding.Severity

// Severities, from least to most serious.
const (
	Info    = finding.Info
	Warning = finding.Warning
	Error   = finding.Error
)

// Rule ids. They are stable: tools and ReviewOptions refer to them. The
// package documentation has the table of what each one means.
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
)

// RuleInfo describes one review rule.
type RuleInfo struct {
	// ID is the stable rule id.
	ID string
	// Severity is the rule's default severity.
	Severity Severity
	// Prose is true for the rules ReviewText runs on any text; false for the
	// rules only Review runs on a whole PR/FAQ.
	Prose bool
	// Summary says in a line what the rule looks for.
	Summary string
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
	nRules
)

var ruleTable = [nRules]RuleInfo{
	rWeasel:         {RuleWeaselWord, Warning, true, "vague quantities and intensifiers (many, very, significantly) where a number belongs"},
	rHype:           {RuleHype, Warning, true, "marketing adjectives (revolutionary, seamless, world-class) that claim instead of show"},
	rHedging:        {RuleHedging, Warning, true, "hedges (may, might, perhaps, we believe) that leave the reader unsure what is claimed"},
	rPassive:        {RulePassiveVoice, Info, true, "a form of be followed by a past participle, hiding who acts"},
	rAdverb:         {RuleAdverb, Info, true, "-ly adverbs that usually add nothing a stronger verb would not"},
	rSentence:       {RuleSentenceLength, Warning, true, "sentences longer than MaxSentenceWords words (30)"},
	rAcronym:        {RuleUndefinedAcronym, Warning, true, "an acronym used before it is defined in parentheses"},
	rWordy:          {RuleWordyPhrase, Info, true, "wordy phrases with a shorter form (in order to: to)"},
	rComparative:    {RuleComparative, Warning, true, "comparatives (faster, cheaper, more reliable) in a sentence with no number"},
	rRepeated:       {RuleRepeatedWord, Warning, true, "the same word twice in a row"},
	rBullet:         {RuleBulletList, Warning, true, "bullet lists where the narrative should be sentences"},
	rReadability:    {RuleReadability, Info, true, "Flesch reading ease below MinReadingEase (30) or Flesch-Kincaid grade above MaxGrade (14)"},
	rTooMany:        {RuleTooManyFindings, Info, true, "more findings than MaxFindings in one text; the rest are not reported"},
	rPRLength:       {RulePressReleaseLength, Warning, false, "a press release over about one page (PressReleaseMaxWords, 600 words)"},
	rFAQLength:      {RuleFAQLength, Warning, false, "FAQs over five pages (FAQMaxWords, 2,500 words)"},
	rParagraph:      {RuleParagraphLength, Info, false, "press release paragraphs of more than MaxParagraphSentences sentences (4)"},
	rExternalTopics: {RuleExternalFAQTopics, Warning, false, "external FAQ without the topics customers always ask: price, how it works, support, availability"},
	rInternalTopics: {RuleInternalFAQTopics, Warning, false, "internal FAQ without the topics stakeholders always ask: market size, unit economics, dependencies, assumptions, risks"},
	rMissingNumber:  {RuleMissingNumber, Warning, false, "a problem statement or customer quote with no number in it"},
	rNoAlternative:  {RuleNoAlternative, Warning, false, "a solution that never names what customers do today instead"},
	rCustomerAbsent: {RuleCustomerAbsent, Warning, false, "the customer named in the five questions does not appear in the press release"},
	rFuture:         {RuleFutureTense, Warning, false, "future tense in a press release written as if the product had launched"},
}

// Rules lists every review rule with its default severity, in the order of
// the table in the package documentation.
func Rules() []RuleInfo {
	out := make([]RuleInfo, nRules)
	copy(out, ruleTable[:])
	return out
}
