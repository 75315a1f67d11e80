package prfaq

import "strings"

// ReviewOptions tunes Review and ReviewText. The zero value means the
// documented defaults, so a zero number or an empty list never switches a
// rule off: list the rule in Disable for that.
type ReviewOptions struct {
	// Disable lists rule ids to skip.
	Disable []string
	// Severity overrides the default severity of rules, by rule id.
	Severity map[string]Severity
	// MaxSentenceWords is the longest sentence, in words, not flagged by
	// sentence-length. Default 30.
	MaxSentenceWords int
	// MinReadingEase is the lowest Flesch reading ease not flagged by
	// readability. Default 30 (the bottom of "difficult").
	MinReadingEase float64
	// MaxGrade is the highest Flesch-Kincaid grade not flagged by
	// readability. Default 14.
	MaxGrade float64
	// MinReadabilityWords is the fewest words a text needs before its
	// readability is judged; shorter texts give meaningless scores.
	// Default 100.
	MinReadabilityWords int
	// KnownAcronyms are acronyms that need no definition, on top of a short
	// built-in list (US, UK, EU, CEO, FAQ, PR, AI, API, ...).
	KnownAcronyms []string
	// MaxFindings is the most findings reported for one text; past it a
	// single too-many-findings finding says how many were left out.
	// Default 1,000.
	MaxFindings int
	// PressReleaseMaxWords is the longest press release, in words, counted
	// as about one page. Default 600.
	PressReleaseMaxWords int
	// FAQMaxWords is the longest the FAQs may be together, in words: five
	// pages. Default 2,500.
	FAQMaxWords int
	// WordsPerPage converts words to the page estimates in messages.
	// Default 500.
	WordsPerPage int
	// MaxParagraphSentences is the most sentences a press release paragraph
	// may have. Default 4.
	MaxParagraphSentences int
	// ExternalTopics are the topics the external FAQ must cover. Default
	// price, how-it-works, support, availability.
	ExternalTopics []Topic
	// InternalTopics are the topics the internal FAQ must cover. Default
	// market-size, unit-economics, dependencies, assumptions, risks.
	InternalTopics []Topic
}

// Defaults of ReviewOptions.
const (
	DefaultMaxSentenceWords      = 30
	DefaultMinReadingEase        = 30.0
	DefaultMaxGrade              = 14.0
	DefaultMinReadabilityWords   = 100
	DefaultMaxFindings           = 1000
	DefaultPressReleaseMaxWords  = 600
	DefaultFAQMaxWords           = 2500
	DefaultWordsPerPage          = 500
	DefaultMaxParagraphSentences = 4
)

var (
	defaultExternalTopics = []Topic{Price, HowItWorks, Support, Availability}
	defaultInternalTopics = []Topic{MarketSize, UnitEconomics, Dependencies, Assumptions, Risks}
	// builtinAcronyms are so common in business prose that defining them
	// would be noise.
	builtinAcronyms = []string{"US", "USA", "UK", "EU", "UN", "CEO", "CFO", "CTO", "COO", "VP", "HR", "IT",
		"FAQ", "FAQS", "PR", "AI", "API", "APIS", "URL", "URLS", "PDF", "TV", "OK", "ID", "IDS", "PM", "AM",
		"II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "USB", "GPS", "SMS", "ATM", "QR", "CPU", "GPU", "HTML", "HTTP", "HTTPS", "LLC", "INC", "ASAP"}
)

// config is ReviewOptions resolved once per call.
type config struct {
	on       [nRules]bool
	severity [nRules]Severity

	maxSentence    int
	minEase        float64
	maxGrade       float64
	minReadWords   int
	known          map[string]bool
	maxFindings    int
	prMaxWords     int
	faqMaxWords    int
	wordsPerPage   int
	maxParaSent    int
	externalTopics []Topic
	internalTopics []Topic

	// launch turns on the press-release-only prose rules (future tense,
	// paragraph length) for the field being scanned.
	launch bool
	para   bool
}

var builtinKnown = func() map[string]bool {
	m := make(map[string]bool, len(builtinAcronyms))
	for _, a := range builtinAcronyms {
		m[a] = true
	}
	return m
}()

func (o ReviewOptions) resolve() *config {
	c := &config{
		maxSentence:    pick(o.MaxSentenceWords, DefaultMaxSentenceWords),
		minEase:        pickF(o.MinReadingEase, DefaultMinReadingEase),
		maxGrade:       pickF(o.MaxGrade, DefaultMaxGrade),
		minReadWords:   pick(o.MinReadabilityWords, DefaultMinReadabilityWords),
		maxFindings:    pick(o.MaxFindings, DefaultMaxFindings),
		prMaxWords:     pick(o.PressReleaseMaxWords, DefaultPressReleaseMaxWords),
		faqMaxWords:    pick(o.FAQMaxWords, DefaultFAQMaxWords),
		wordsPerPage:   pick(o.WordsPerPage, DefaultWordsPerPage),
		maxParaSent:    pick(o.MaxParagraphSentences, DefaultMaxParagraphSentences),
		externalTopics: o.ExternalTopics,
		internalTopics: o.InternalTopics,
		known:          builtinKnown,
	}
	if len(c.externalTopics) == 0 {
		c.externalTopics = defaultExternalTopics
	}
	if len(c.internalTopics) == 0 {
		c.internalTopics = defaultInternalTopics
	}
	if len(o.KnownAcronyms) > 0 {
		c.known = make(map[string]bool, len(builtinKnown)+len(o.KnownAcronyms))
		for k := range builtinKnown {
			c.known[k] = true
		}
		for _, a := range o.KnownAcronyms {
			c.known[strings.ToUpper(strings.TrimSpace(a))] = true
		}
	}
	for i := range c.on {
		c.on[i] = true
		c.severity[i] = ruleTable[i].Severity
	}
	for _, id := range o.Disable {
		if r, ok := ruleByID(id); ok {
			c.on[r] = false
		}
	}
	for id, s := range o.Severity {
		if r, ok := ruleByID(id); ok && s.Valid() {
			c.severity[r] = s
		}
	}
	return c
}

func ruleByID(id string) (ruleID, bool) {
	for i, r := range ruleTable {
		if r.ID == id {
			return ruleID(i), true
		}
	}
	return 0, false
}

func pick(v, def int) int {
	if v <= 0 {
		return def
	}
	return v
}

func pickF(v, def float64) float64 {
	if v == 0 || v != v { // NaN means unset too
		return def
	}
	return v
}
