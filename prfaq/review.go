package prfaq

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// Review judges a PR/FAQ the way its readers would and returns the findings,
// sorted by path and offset. It runs the prose rules of ReviewText on every
// text field (Path is the field's JSON pointer; Start, End, Line and Column
// are within that field's text) and the PR/FAQ rules on the document as a
// whole: the press release's and the FAQs' length, paragraph length, the
// topics each FAQ must cover, numbers in the problem and the customer quote,
// an alternative named in the solution, the customer present in the press
// release and no future tense in it. On a PR/FAQ read from Markdown that
// lacks id, title, authors, date, stage or the customer questions, one info
// finding (front-matter-missing) names the front matter keys to add; the
// rules that need those values skip quietly until they are there. On one
// that lacks a part of the press release (headline, subheadline, dateline, summary,
// problem, solution, a quote, getting started, call to action) or an FAQ,
// one warning (section-missing) per part says what to write there. Review works on any document, valid or
// not; a nil document has no findings.
func Review(doc *PRFAQ, opts ReviewOptions) []Finding {
	if doc == nil {
		return nil
	}
	cfg := opts.resolve()
	want := customerStems(doc.Customer.Who)
	found := false
	alternative := false
	var pr, faq Stats
	// Three variants of the options: the press release narrative (launch
	// tense and paragraph rules, readability judged for the whole release),
	// its quotes (people may speak of the future) and everything else.
	narrative, quote := *cfg, *cfg
	narrative.launch, narrative.para, narrative.on[rReadability] = true, true, false
	quote.para, quote.on[rReadability] = true, false
	s := &scanner{}
	syl := sylCaches.Get().(*sylCache)
	defer sylCaches.Put(syl)
	for _, f := range doc.textFields() {
		if f.place {
			continue
		}
		c := cfg
		switch {
		case f.quote:
			c = &quote
		case f.pr:
			c = &narrative
		}
		*s = scanner{text: f.text, cfg: c, path: f.path, out: s.out, base: len(s.out), syl: syl}
		if f.pr && len(want) > 0 {
			s.want = want
		}
		s.run()
		s.finish()
		switch {
		case f.pr:
			pr.Words += s.words
			pr.Sentences += s.sentences
			pr.Syllables += s.syllables
			found = found || s.found
			if strings.HasPrefix(f.path, "/pressRelease/solution/") {
				alternative = alternative || s.alternative
			}
			if !s.number && (f.path == "/pressRelease/problem" || f.path == "/pressRelease/customerQuote/text") && strings.TrimSpace(f.text) != "" {
				s.out = cfg.add(s.out, rMissingNumber, f.path, "no number here: say how many customers have the problem, how often, or what it costs them", "a number")
			}
		case strings.HasPrefix(f.path, "/externalFaq/") || strings.HasPrefix(f.path, "/internalFaq/"):
			faq.Words += s.words
		}
	}
	out := s.out
	if pr.Words > cfg.prMaxWords {
		out = cfg.add(out, rPRLength, "/pressRelease", fmt.Sprintf("the press release is %d words, about %.1f pages; keep it to about one page (%d words)",
			pr.Words, float64(pr.Words)/float64(cfg.wordsPerPage), cfg.prMaxWords), "cut it to what a customer needs to know")
	}
	if faq.Words > cfg.faqMaxWords {
		out = cfg.add(out, rFAQLength, "/", fmt.Sprintf("the FAQs are %d words, about %.1f pages; keep them to five pages (%d words)",
			faq.Words, float64(faq.Words)/float64(cfg.wordsPerPage), cfg.faqMaxWords), "keep the questions readers really ask")
	}
	if pr.Words >= cfg.minReadWords && cfg.on[rReadability] {
		if st := scores(pr.Words, pr.Sentences, pr.Syllables); st.ReadingEase < cfg.minEase || st.Grade > cfg.maxGrade {
			out = cfg.add(out, rReadability, "/pressRelease", fmt.Sprintf("the press release is hard to read: Flesch reading ease %.1f (aim for %.0f or more), Flesch-Kincaid grade %.1f (aim for %.0f or less)",
				st.ReadingEase, cfg.minEase, st.Grade, cfg.maxGrade), "shorter sentences and shorter words")
		}
	}
	// A Markdown PR/FAQ without an FAQ gets one section-missing finding
	// for it, not one finding per topic.
	skipFAQ := func(faqs []FAQ) bool {
		return doc.Format == FormatMarkdown && len(faqs) == 0 && cfg.on[rSectionMissing]
	}
	if !skipFAQ(doc.ExternalFAQ) {
		out = cfg.topics(out, rExternalTopics, "/externalFaq", "external", "customers", doc.ExternalFAQ, cfg.externalTopics)
	}
	if !skipFAQ(doc.InternalFAQ) {
		out = cfg.topics(out, rInternalTopics, "/internalFaq", "internal", "stakeholders", doc.InternalFAQ, cfg.internalTopics)
	}
	if len(doc.PressRelease.Solution) > 0 && !alternative {
		out = cfg.add(out, rNoAlternative, "/pressRelease/solution", "the solution never says what customers do today or how this is better than it",
			"name the alternative (today customers …) and how much better this is")
	}
	if len(want) > 0 && !found {
		out = cfg.add(out, rCustomerAbsent, "/pressRelease", fmt.Sprintf("the customer from the five questions (%q) does not appear in the press release", clip(strings.TrimSpace(doc.Customer.Who))),
			"name the customer in the headline, subheadline or summary")
	}
	if keys := missingFrontMatter(doc); len(keys) > 0 {
		out = cfg.add(out, rFrontMatter, "/", fmt.Sprintf("the front matter does not give %s, which a PR/FAQ written in Markdown can state only there", strings.Join(keys, ", ")),
			"add these keys to the YAML front matter (between --- lines at the top of the file), so the document is held to a full PR/FAQ and the whole review runs")
	}
	for _, m := range missingSections(doc) {
		out = cfg.add(out, rSectionMissing, m.path, m.msg, m.suggest)
	}
	finding.Sort(out)
	return out
}

// section is a part of a PR/FAQ that a document read from Markdown lacks.
type section struct{ path, msg, suggest string }

// missingSections lists the parts of the press release and the FAQs a
// PR/FAQ read from Markdown lacks, the parts Validate requires of every
// other PR/FAQ, each with what to write there. It is empty for a document
// not read from Markdown.
func missingSections(d *PRFAQ) []section {
	if d.Format != FormatMarkdown {
		return nil
	}
	p := &d.PressRelease
	var out []section
	miss := func(missing bool, path, what, suggest string) {
		if missing {
			out = append(out, section{path, "the press release has no " + what, suggest})
		}
	}
	blank := func(s string) bool { return strings.TrimSpace(s) == "" }
	miss(blank(p.Headline), "/pressRelease/headline", "headline",
		"open with one sentence, as a heading, that names the product and its main benefit to the customer")
	miss(blank(p.Subheadline), "/pressRelease/subheadline", "subheadline",
		"add one sentence under the headline saying who the customer is and what they get")
	switch {
	case blank(p.Dateline.City) && p.Dateline.LaunchDate.IsZero():
		miss(true, "/pressRelease/dateline", "dateline",
			"open the first paragraph with the city and day of the imagined launch: SEATTLE — June 1, 2027 —")
	case blank(p.Dateline.City):
		miss(true, "/pressRelease/dateline/city", "city in its dateline", "name the city of the launch before the date: SEATTLE — June 1, 2027 —")
	case p.Dateline.LaunchDate.IsZero():
		miss(true, "/pressRelease/dateline/launchDate", "launch date in its dateline", "give the day of the imagined launch after the city: SEATTLE — June 1, 2027 —")
	}
	miss(blank(p.Summary), "/pressRelease/summary", "summary",
		"open with a paragraph that names the product, the customer and the main benefit")
	miss(blank(p.Problem), "/pressRelease/problem", "problem paragraph",
		"add a paragraph on the customer's problem today, with how many have it and what it costs them")
	miss(len(p.Solution) == 0, "/pressRelease/solution", "solution",
		"add a paragraph on how the product solves the problem and how it beats what customers do today")
	for _, q := range []struct {
		path, who, suggest string
		q                  Quote
	}{
		{"/pressRelease/leaderQuote", "leader", "add a quote from a company leader on why the team built it, attributed — Name, Role", p.LeaderQuote},
		{"/pressRelease/customerQuote", "customer", "add a quote from a customer on the benefit they got, with a number, attributed — Name, Role", p.CustomerQuote},
	} {
		switch {
		case blank(q.q.Text):
			miss(true, q.path, q.who+" quote", q.suggest)
		case blank(q.q.Speaker) || blank(q.q.Role):
			miss(true, q.path, "name and role for its "+q.who+" quote", "attribute the quote: — Name, Role")
		}
	}
	miss(blank(p.GettingStarted), "/pressRelease/gettingStarted", "getting started paragraph",
		"add a paragraph saying how easy it is to start: where to go and the first step")
	miss(blank(p.CallToAction), "/pressRelease/callToAction", "call to action",
		"end the press release telling the reader what to do next and where (a link or a place)")
	if len(d.ExternalFAQ) == 0 {
		out = append(out, section{"/externalFaq", "the PR/FAQ has no external FAQ",
			"add an External FAQ heading with the questions customers and the press would ask: price, how it works, support, availability"})
	}
	if len(d.InternalFAQ) == 0 {
		out = append(out, section{"/internalFaq", "the PR/FAQ has no internal FAQ",
			"add an Internal FAQ heading with the questions leaders would ask: market size, unit economics, dependencies, assumptions, risks"})
	}
	return out
}

// missingFrontMatter lists the front matter keys a PR/FAQ read from
// Markdown lacks, the values Validate requires of every other PR/FAQ: the
// id, title, authors, date, stage and the five customer questions (as
// customer.who and so on when only some are given). It is empty for a
// document not read from Markdown, which Validate holds to all of them.
func missingFrontMatter(d *PRFAQ) []string {
	if d.Format != FormatMarkdown {
		return nil
	}
	var keys []string
	for _, k := range []struct {
		name    string
		missing bool
	}{{"id", d.ID == ""}, {"title", d.Title == ""}, {"authors", len(d.Authors) == 0}, {"date", d.Date.IsZero()}, {"stage", d.Stage == ""}} {
		if k.missing {
			keys = append(keys, k.name)
		}
	}
	c := d.Customer
	if c == (Customer{}) {
		return append(keys, "customer (who, problem, benefit, evidence, experience)")
	}
	for _, k := range []struct{ name, text string }{{"who", c.Who}, {"problem", c.Problem}, {"benefit", c.Benefit},
		{"evidence", c.Evidence}, {"experience", c.Experience}} {
		if k.text == "" {
			keys = append(keys, "customer."+k.name)
		}
	}
	return keys
}

// add appends a whole-field finding of rule r when the rule is on.
func (c *config) add(out []Finding, r ruleID, path, msg, suggest string) []Finding {
	if !c.on[r] {
		return out
	}
	return append(out, Finding{Rule: ruleTable[r].ID, Severity: c.severity[r], Path: path, Message: msg, Suggestion: suggest})
}

func (c *config) topics(out []Finding, r ruleID, path, which, who string, faqs []FAQ, want []Topic) []Finding {
	if !c.on[r] {
		return out
	}
	have := map[Topic]bool{}
	for _, q := range faqs {
		have[q.Topic] = true
	}
	for _, t := range want {
		if !have[t] {
			out = c.add(out, r, path, fmt.Sprintf("the %s FAQ has no question on %s, which %s always ask", which, t, who),
				fmt.Sprintf("add a question with topic %s", t))
		}
	}
	return out
}

// customerStems returns the stems of the content words of the customer
// description: the words that should reappear in the press release.
func customerStems(who string) map[string]bool {
	var m map[string]bool
	// The customer is named before the first clause or punctuation that
	// qualifies them: "Owners of independent bookshops, who sell online".
	if i := strings.IndexAny(who, ",;:.()"); i > 0 {
		who = who[:i]
	}
	words := strings.FieldsFunc(who, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '\'' })
	for i, w := range words {
		if i > 0 && clauseWord[strings.ToLower(w)] {
			words = words[:i]
			break
		}
	}
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, "-'"))
		if len(w) < 3 || strings.ContainsAny(w, "0123456789") {
			continue
		}
		if e := lexicon[w]; e != nil && (e.flags != 0 || e.rule != noRule) {
			continue
		}
		if m == nil {
			m = map[string]bool{}
		}
		m[string(stem([]byte(w), nil))] = true
	}
	return m
}

var clauseWord = map[string]bool{"who": true, "that": true, "which": true, "whose": true, "where": true, "when": true, "with": true, "without": true}

// stem strips a plural or possessive ending so "bookshops" matches
// "bookshop's" and "companies" matches "company". It appends the stem to
// buf and leaves w alone.
func stem(w, buf []byte) []byte {
	switch {
	case hasSuffix(w, "'s"):
		return append(buf, w[:len(w)-2]...)
	case hasSuffix(w, "ies") && len(w) > 4:
		return append(append(buf, w[:len(w)-3]...), 'y')
	case hasSuffix(w, "s") && !hasSuffix(w, "ss") && len(w) > 3:
		return append(buf, w[:len(w)-1]...)
	}
	return append(buf, w...)
}

// FieldText returns the text of the prose field at a JSON pointer, as
// Review read it, so a tool can quote text[f.Start:f.End] for a finding f.
// It reports false for pointers that name no prose field.
func (d *PRFAQ) FieldText(pointer string) (string, bool) {
	if d == nil {
		return "", false
	}
	for _, f := range d.textFields() {
		if f.path == pointer {
			return f.text, true
		}
	}
	return "", false
}
