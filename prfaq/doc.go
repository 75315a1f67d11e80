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
//	// or: doc, err := prfaq.ParseMarkdown(data) // the PR/FAQ as a team wrote it
//	if err != nil { ... }         // a *prfaq.ValidationError: line, column, JSON pointer
//	if err := doc.Validate(); err != nil {
//		var ve *prfaq.ValidationError // errors.As yields every Problem
//		...
//	}
//	findings := prfaq.Review(doc, prfaq.ReviewOptions{})
//	prfaq.Place(data, findings) // line and column in the JSON, YAML or Markdown source
//	err = prfaq.Markdown(os.Stdout, doc)
//	err = prfaq.FindingsMarkdown(os.Stdout, "Review", findings)
//
// ReviewText runs the prose rules on any narrative (a six-page memo, a
// design doc in Markdown or plain text) and Readability gives its Flesch
// reading ease and Flesch–Kincaid grade. Schema returns the JSON Schema,
// also committed as prfaq/prfaq.schema.json.
//
// # The contract
//
// The package follows the contract every mechanism in this module keeps:
//
//   - Parse(data) and ParseReader(r) read JSON or YAML; ParseMarkdown reads
//     Markdown. All three refuse input over MaxBytes (8 MiB) with an error
//     for which errors.Is(err, ErrTooLarge) holds.
//   - Every error about a document, from Parse, ParseReader, ParseMarkdown
//     or Validate, is a *ValidationError (Kind "prfaq") listing Problems,
//     each with a JSON pointer Path, a kebab-case Rule, a Message and, where
//     a source exists, Line and Column. Validate on a nil *PRFAQ returns one
//     with rule nil-document; it never panics.
//   - Rules lists every rule id the package can report, in a Problem or a
//     Finding, with its default Severity, a Summary and Help on fixing it;
//     each id has a Rule… constant. ProseRules lists the rules ReviewText
//     runs.
//   - Review advice is never an error: Review and ReviewText return
//     Findings. ReviewOptions.Disable switches rules off and
//     ReviewOptions.Severity changes their severity, by rule id.
//   - Place(data, findings) fills each finding's Line and Column from the
//     source the document was read from.
//   - Renderers (Markdown, FindingsMarkdown) write to an io.Writer and
//     return an error; everything from the document is escaped.
//   - Days are Date values (YYYY-MM-DD), never time.Time.
//
// # Markdown
//
// Teams write PR/FAQs as documents, not YAML. ParseMarkdown reads one
// written in Markdown, with the CommonMark parser goldmark, into the same
// PRFAQ: the headline (first heading or bold line; a title such as
// "Shelfwise PR/FAQ" is the title, not the headline), the subheadline, the
// dateline opening the first paragraph ("SEATTLE, WA — March 3, 2027 —",
// with other dashes, a city or a date alone, or placeholders such as
// "[CITY] — [DATE] —"), the press release paragraphs in their usual order,
// the quotes (block quotes ending "— Name, Role", or "“…,” said Name,
// Role"), and the FAQ sections under the headings teams use (External,
// Customer or Public FAQ; Internal, Stakeholder or Business FAQ; or one
// FAQ), with questions as headings, bold lines, "Q:"/"A:" pairs or lines
// ending in "?". YAML front matter carries what prose cannot: id, title,
// authors, date, stage, the five customer questions and visuals. Code
// blocks are never read as structure. What the Markdown lacks stays empty,
// and Validate names it; the value always marshals to JSON and back. Real
// PR/FAQs do not write front matter, so a document ParseMarkdown read
// (Format "markdown") is valid without id, title, authors, date, stage and the
// customer questions, in Go and in the schema alike; Review then adds one
// info finding, front-matter-missing, naming the keys to add so the whole
// review runs. The same holds for the structure prose PR/FAQs often leave
// out: a Markdown PR/FAQ needs some press release (ParseMarkdown refuses
// Markdown without one, and Validate an empty press release), but its
// headline, subheadline, dateline, summary, problem, solution, quotes,
// getting started, call to action and either FAQ may each be missing, and Review adds one warning, section-missing, per missing
// part, saying what to write there. Advice is not invalidity: such a
// document is valid and weak. YAML and JSON PR/FAQs must still give them
// all.
//
// IsMarkdownPRFAQ tells a PR/FAQ (a press release and an FAQ) from other
// Markdown, such as a design doc with an FAQ section, for tools that sort
// files by kind.
//
// Markdown writes that layout, and ParseMarkdown reads it back to an equal
// document. Every text field read from Markdown remembers where its words
// stand in the file, so Place (or PlaceMarkdown) puts each finding of
// Review on the Markdown line and column of the words it flags. The
// template examples/templates/prfaq.md shows the layout.
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
//	not-a-prfaq               error     (ParseMarkdown) Markdown with no press release, such as a README
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
//	front-matter-missing      info      a PR/FAQ read from Markdown whose front matter does not give id, title,
//	                                    authors, date, stage or the five customer questions; names the keys
//	section-missing           warning   a PR/FAQ read from Markdown without a part of the press release
//	                                    (headline, subheadline, dateline, summary, problem, solution, a quote, getting
//	                                    started, call to action) or without an external or internal FAQ;
//	                                    one finding per part, saying what to write
//
// The first thirteen are the prose rules ReviewText runs on any text;
// Review runs them on every text field and adds the rest. Rules lists the
// same table for programs. Pages are estimated at WordsPerPage (500) words.
//
// # Speed and limits
//
// ReviewText reads the text once: the tokenizer finds each word's end,
// lower-cases and hashes it in the same pass and looks it up once in an
// open-addressing table built from the word lists (prfaq/words/*.txt,
// embedded); phrases are matched by comparing the table entries of the last
// words read; syllables of words the table lacks are cached per word. No
// word is copied, and allocations grow with the findings, not the words
// (about 50 for a 3,000-word memo with 45 findings); Readability allocates
// nothing. .ci/bench/prfaq.sh times ReviewText against write-good 1.0.8 on
// the same narrative. Any input is accepted: invalid UTF-8 and control
// characters separate words; a 10 MB single-line text is reviewed in linear
// time, and MaxFindings bounds the output.
//
// Parse refuses input over MaxBytes (8 MiB) with an error wrapping
// ErrTooLarge rather than holding it, nesting deeper than 64 and lists of
// more than 100,000 entries; ParseMarkdown refuses block quotes or lists
// nested deeper than 32 before the Markdown parser builds them, and
// paragraphs so full of "[" that reading their links would take time
// quadratic in their length (rule too-many: the brackets of each paragraph
// times its length, summed, past 64 million); Validate then bounds each list (200 FAQs each,
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
