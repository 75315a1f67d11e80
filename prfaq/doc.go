// Package prfaq is Amazon's Working Backwards PR/FAQ as a Go package: the
// document, its structural rules, a JSON Schema for editors and other
// languages, and a review that reads the document the way its readers do.
//
// # The mechanism
//
// Before building anything, a team writes the press release of the finished
// product, in the customer's words and under one page, followed by the
// questions customers (external FAQ) and stakeholders (internal FAQ) would
// ask, five pages at most. The writing starts from five questions: who is
// the customer, what is their problem or opportunity, what is the most
// important benefit, how do we know what they need, and what does the
// experience look like. Readers read it in silence, then ask whether the
// customer is clear, the problem real and large, the solution a fit, and
// the product meaningfully better, faster or cheaper than what exists.
//
// # Use
//
//	doc, err := prfaq.Parse(data) // JSON or YAML, strict
//	if err != nil { ... }         // names line, column and JSON pointer
//	if err := doc.Validate(); err != nil {
//		var ve *prfaq.ValidationError // errors.As yields every Problem
//		...
//	}
//	findings := prfaq.Review(doc, prfaq.ReviewOptions{})
//	os.Stdout.Write(prfaq.Markdown(doc))
//	os.Stdout.Write(prfaq.FindingsMarkdown("Review", findings))
//
// ReviewText runs the prose rules on any narrative (a six-page memo, a
// design doc in Markdown or plain text) and Readability gives its Flesch
// reading ease and Flesch–Kincaid grade. Schema returns the JSON Schema,
// also committed as prfaq/prfaq.schema.json.
//
// # Validation
//
// Validate checks required sections and fields, lengths, list sizes, enum
// values and that every FAQ question ends in a question mark; all of these
// are in the schema too. These rules are Go-only, because JSON Schema cannot
// state them:
//
//   - blank: a text field holds only white space;
//   - one-sentence: the headline or subheadline is more than one sentence;
//   - launch-before-date: the launch date is before the document's date.
//
// # Review rules
//
// Advice is never a Validate error: Review and ReviewText return findings,
// each with a stable rule id, a severity, the field's JSON pointer, the byte
// span in the field's text and its line and column. Every rule can be
// turned off with ReviewOptions.Disable, its severity changed with
// ReviewOptions.Severity, and its threshold (in parentheses) changed with
// the ReviewOptions field named; the zero ReviewOptions means these
// defaults.
//
//	rule id                   severity  what it finds
//	not-a-question            error     (Validate) an FAQ question that does not end in a question mark
//	blank                     error     (Validate) a text field that holds only white space
//	one-sentence              error     (Validate) a headline or subheadline of more than one sentence
//	launch-before-date        error     (Validate) a launch date before the document's date
//	weasel-word               warning   vague quantities and intensifiers (many, very, significantly, a lot,
//	                                    most before a noun, nearly all, stuff), anonymous authority (it is
//	                                    widely believed, studies show); not after a number ("three things")
//	hype                      warning   marketing adjectives and clichés (revolutionary, seamless, world-class,
//	                                    low-hanging fruit, move the needle, tip of the iceberg)
//	hedging                   warning   hedges (may, might, could but not "could not", perhaps, we believe, it seems)
//	passive-voice             info      a form of "be", up to three adverbs, then a past participle (regular -ed
//	                                    or irregular); adjectives such as "tired" or "interested" are not passive
//	                                    unless "by" follows ("worried by the cost")
//	adverb                    info      -ly adverbs (not "only", "early", "weekly", "friendly", ...) and "just"
//	sentence-length           warning   sentences over MaxSentenceWords words (30)
//	undefined-acronym         warning   an acronym of 2-6 capitals on first use without a definition in
//	                                    parentheses next to it; KnownAcronyms and a short list are exempt,
//	                                    and so are common words in capitals for emphasis (NOT, VERY)
//	wordy-phrase              info      wordy phrases, with the short form as the suggestion (in order to: to),
//	                                    and clauses opening with "there is", "so" or "it is ... that/to"
//	unquantified-comparative  warning   a comparative (faster, cheaper, more reliable) in a sentence with no number
//	repeated-word             warning   the same word twice in a row ("the the"; "had had" is fine)
//	bullet-list               warning   a bullet or numbered list in the narrative, once per list
//	readability               info      Flesch reading ease below MinReadingEase (30) or Flesch–Kincaid grade
//	                                    above MaxGrade (14), for texts of MinReadabilityWords words (100) or more
//	too-many-findings         info      more than MaxFindings (1,000) findings in one text; the rest are counted
//	press-release-length      warning   the press release over PressReleaseMaxWords (600), about one page
//	faq-length                warning   the FAQs together over FAQMaxWords (2,500), five pages
//	paragraph-length          info      a press release paragraph over MaxParagraphSentences sentences (4)
//	external-faq-topics       warning   no external question on a topic of ExternalTopics (price,
//	                                    how-it-works, support, availability), one finding per topic
//	internal-faq-topics       warning   no internal question on a topic of InternalTopics (market-size,
//	                                    unit-economics, dependencies, assumptions, risks)
//	missing-number            warning   the press release's problem or customer quote has no number
//	no-alternative            warning   the solution never names what customers do today (today, instead,
//	                                    unlike, than, spreadsheet, ...)
//	customer-absent           warning   none of the words naming the customer in the five questions appears
//	                                    in the press release
//	future-tense              warning   will, shall, going to, plan to ... in the press release narrative
//	                                    (quotes may speak of the future)
//
// The first thirteen are the prose rules ReviewText runs on any text;
// Review runs them on every text field and adds the rest. Rules lists the
// same table for programs. Pages are estimated at WordsPerPage (500) words.
//
// # Speed and limits
//
// ReviewText reads the text once, word by word, by byte offsets: no word is
// copied, each word costs one map lookup, and allocations grow with the
// findings, not the words. Readability allocates nothing. Any input is
// accepted: invalid UTF-8 and control characters separate words; a 10 MB
// single-line text is reviewed in linear time, and MaxFindings bounds the
// output.
//
// Parse refuses input over MaxBytes (8 MiB) with an error wrapping
// ErrTooLarge rather than holding it, nesting deeper than 64 and lists of
// more than 100,000 entries; Validate then bounds each list (200 FAQs each,
// 20 solution paragraphs, 50 authors, 50 visuals) and each text field
// (200 to 20,000 characters). Use ReviewText for longer narratives.
//
// In Markdown narratives, fenced code blocks, inline code and link targets
// are skipped, and headings and table rows end sentences.
//
// Syllables are counted by English spelling rules (silent e, -le, -ed,
// -es, vowel groups, y as a vowel, vowel pairs spoken apart) and a table of
// exceptions, so readability scores are estimates, as in every tool that
// computes them.
package prfaq
