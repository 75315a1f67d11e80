package prfaq

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
)

// How the questions of an FAQ section are written; the first question sets
// it, so a plain line ending in "?" inside an answer is not taken for a
// question in a section of headings.
const (
	styleNone = iota
	styleHeading
	styleBold
	styleQ
	stylePlain
)

type faqSection struct {
	which, level, style int
	at                  int
	qas                 []*qaPair
	// open is the question whose answer is being read.
	open *qaPair
}

type qaPair struct {
	q, a     mdText
	topic    Topic
	hasTopic bool
}

// subsection classifies a short heading inside an FAQ section that splits
// it: "External", "Customer questions", "Internal questions".
func subsection(s string) (int, bool) {
	if strings.HasSuffix(s, "?") || len(strings.Fields(s)) > 6 {
		return 0, false
	}
	return audience(s)
}

func (p *mdParser) openSection(which, level, at int) {
	p.sec = &faqSection{which: which, level: level, at: at}
	p.sections = append(p.sections, p.sec)
	p.phase = phaseFAQ
	if which == sectionCustomer {
		p.phase = phaseCustomer
	}
}

var (
	qPrefix     = regexp.MustCompile(`^\s*Q(?:uestion)?\s*\d*\s*[:.)]\s*`)
	aPrefix     = regexp.MustCompile(`^\s*A(?:nswer)?\s*\d*\s*[:.)]\s*`)
	aLinePrefix = regexp.MustCompile(`\n\s*A(?:nswer)?\s*\d*\s*[:.)]\s*`)
)

func (p *mdParser) faqParagraph(n ast.Node, t mdText) {
	t = t.trim()
	if loc := qPrefix.FindIndex(t.b); loc != nil {
		rest := t.slice(loc[1], len(t.b))
		q, a := rest, mdText{}
		if al := aLinePrefix.FindIndex(rest.b); al != nil {
			q, a = rest.slice(0, al[0]), rest.slice(al[1], len(rest.b))
		} else if i := bytes.IndexByte(rest.b, '\n'); i > 0 && isQuestionLine(bytes.TrimSpace(rest.b[:i])) {
			// "**Q: Why?**" with the answer on the next line, no "A:".
			q, a = rest.slice(0, i).trim(), rest.slice(i+1, len(rest.b)).trim()
		}
		p.sec.style = styleQ
		p.question(q, q.src(0))
		p.answer(a)
		return
	}
	if q, rest, ok := boldQuestion(n, p.src); ok {
		if p.sec.style == styleNone {
			p.sec.style = styleBold
		}
		p.question(q, q.src(0))
		p.answer(rest)
		return
	}
	if loc := aPrefix.FindIndex(t.b); loc != nil && p.sec.open != nil {
		p.answer(t.slice(loc[1], len(t.b)))
		return
	}
	if (p.sec.style == styleNone || p.sec.style == stylePlain) && isQuestionLine(t.b) {
		p.sec.style = stylePlain
		p.question(t, t.src(0))
		return
	}
	p.answer(t)
}

// isQuestionLine reports whether a paragraph is one short line ending in a
// question mark.
func isQuestionLine(b []byte) bool {
	return len(b) < 400 && bytes.IndexByte(b, '\n') < 0 && (bytes.HasSuffix(b, []byte("?")) || bytes.HasSuffix(b, []byte("？")))
}

// boldQuestion reads a paragraph that opens with a bold question; the text
// after it, if any, starts the answer.
func boldQuestion(n ast.Node, src []byte) (q, rest mdText, ok bool) {
	c := n.FirstChild()
	for c != nil {
		if t, isText := c.(*ast.Text); isText && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
			c = c.NextSibling()
			continue
		}
		break
	}
	em, isEm := c.(*ast.Emphasis)
	if !isEm || em.Level != 2 {
		return q, rest, false
	}
	q = inlineText(em, src)
	q = q.trim()
	if loc := qPrefix.FindIndex(q.b); loc != nil {
		q = q.slice(loc[1], len(q.b))
	}
	// "**Q: Why?** " may put the question mark outside the bold.
	var after mdText
	addNodes(&after, em.NextSibling(), src)
	after = after.trim()
	if bytes.HasPrefix(after.b, []byte("?")) {
		q.cat(after.slice(0, 1))
		after = after.slice(1, len(after.b))
		after = after.trim()
	}
	if !bytes.HasSuffix(q.b, []byte("?")) && !bytes.HasSuffix(q.b, []byte("？")) {
		return q, rest, false
	}
	if loc := aPrefix.FindIndex(after.b); loc != nil {
		after = after.slice(loc[1], len(after.b))
	}
	return q, after, true
}

func (p *mdParser) faqList(n *ast.List) {
	questions := 0
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		if f := it.FirstChild(); f != nil {
			if _, _, ok := boldQuestion(f, p.src); ok {
				questions++
			} else if t := inlineText(f, p.src); isQuestionLine(bytes.TrimSpace(firstLine(bytes.TrimSpace(t.b)))) || qPrefix.Match(t.b) {
				// "1. Why CLI?" with its answer on the lines under it too.
				questions++
			}
		}
	}
	if questions == 0 {
		p.answer(listText(n, p.src))
		return
	}
	// A numbered FAQ: each item is a question and its answer.
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Paragraph, *ast.TextBlock:
				if c == it.FirstChild() {
					if q, rest, ok := boldQuestion(c, p.src); ok {
						p.question(q, q.src(0))
						p.answer(rest)
						continue
					}
					t := inlineText(c, p.src)
					t = t.trim()
					if loc := qPrefix.FindIndex(t.b); loc != nil {
						t = t.slice(loc[1], len(t.b))
					}
					q, a := t, mdText{}
					if i := bytes.IndexByte(t.b, '\n'); i > 0 && !bytes.HasSuffix(t.b, []byte("?")) {
						q, a = t.slice(0, i), t.slice(i+1, len(t.b))
					}
					if al := aLinePrefix.FindIndex(t.b); al != nil {
						q, a = t.slice(0, al[0]), t.slice(al[1], len(t.b))
					}
					p.question(q, q.src(0))
					p.answer(a)
					continue
				}
				p.faqParagraph(c, inlineText(c, p.src))
			case *ast.List:
				p.answer(listText(c, p.src))
			case *ast.Blockquote:
				_, t := blockquoteText(c, p.src)
				p.answer(t)
			}
		}
	}
}

// question starts a new entry in the current section. A question wrapping
// over lines is one line.
func (p *mdParser) question(q mdText, _ int) {
	q = q.trim()
	if loc := qPrefix.FindIndex(q.b); loc != nil { // "Q1. How much …?"
		q = q.slice(loc[1], len(q.b))
	}
	for i, c := range q.b {
		if c == '\n' {
			q.b[i] = ' '
		}
	}
	qa := &qaPair{q: q}
	p.sec.qas = append(p.sec.qas, qa)
	p.sec.open = qa
	p.asked = true
}

func (p *mdParser) answer(t mdText) {
	t = t.trim()
	if p.sec == nil || p.sec.open == nil || len(t.b) == 0 {
		return
	}
	if loc := aPrefix.FindIndex(t.b); loc != nil && len(p.sec.open.a.b) == 0 {
		t = t.slice(loc[1], len(t.b))
	}
	p.sec.open.a.join("\n\n", t)
}

// finishFAQ moves the sections read into the document.
func (p *mdParser) finishFAQ() {
	for _, sec := range p.sections {
		if sec.which == sectionCustomer {
			p.customerAnswers(sec)
			continue
		}
		list, name := &p.d.ExternalFAQ, "/externalFaq"
		if sec.which == sectionInternal {
			list, name = &p.d.InternalFAQ, "/internalFaq"
		}
		if _, ok := p.m.sections[name]; !ok {
			p.m.sections[name] = sec.at
		}
		for _, qa := range sec.qas {
			i := strconv.Itoa(len(*list))
			topic := qa.topic
			if !qa.hasTopic || !topic.Valid() {
				topic = guessTopic(qa.q.String(), sec.which == sectionInternal)
			}
			*list = append(*list, FAQ{Question: qa.q.String(), Answer: qa.a.String(), Topic: topic})
			q, a := qa.q, qa.a
			p.m.fields[name+"/"+i+"/question"] = &q
			if len(a.b) > 0 {
				p.m.fields[name+"/"+i+"/answer"] = &a
			}
		}
	}
}

// customerAnswers fills the five customer questions the front matter left
// empty from a section that asks them.
func (p *mdParser) customerAnswers(sec *faqSection) {
	c := &p.d.Customer
	for _, qa := range sec.qas {
		q := strings.ToLower(qa.q.String())
		var field *string
		var name string
		switch {
		case strings.Contains(q, "who"):
			field, name = &c.Who, "who"
		case strings.Contains(q, "benefit"):
			field, name = &c.Benefit, "benefit"
		case strings.Contains(q, "know") || strings.Contains(q, "evidence"):
			field, name = &c.Evidence, "evidence"
		case strings.Contains(q, "experience"):
			field, name = &c.Experience, "experience"
		case strings.Contains(q, "problem") || strings.Contains(q, "opportunity"):
			field, name = &c.Problem, "problem"
		default:
			continue
		}
		if *field == "" && len(qa.a.b) > 0 {
			p.set("/customer/"+name, field, qa.a)
		}
	}
}

// topicWords are the words that give a question's topic away.
var topicWords = []struct {
	topic Topic
	re    *regexp.Regexp
}{
	{Legal, regexp.MustCompile(`(?i)\b(legal|law|laws|privacy|regulat\w*|complian\w*|gdpr|licen[cs]\w*|contract|terms)\b`)},
	{Risks, regexp.MustCompile(`(?i)\b(risks?|risky|go wrong|fail\w*|threats?|downside|worst case|concerns?)\b`)},
	{Dependencies, regexp.MustCompile(`(?i)\b(depend\w*|partners?|third[- ]part\w*|rely|relies|suppliers?|vendors?|other teams?)\b`)},
	{Assumptions, regexp.MustCompile(`(?i)\b(assum\w*|hypothes\w*|must be true|what do we believe|bets?)\b`)},
	{Competition, regexp.MustCompile(`(?i)\b(compet\w*|alternatives?|rivals?|versus|vs\.?|differ\w*|instead of|why not)\b`)},
	{UnitEconomics, regexp.MustCompile(`(?i)\b(margins?|unit economics|profit\w*|cost to serve|cost us|costs us|break[- ]even|economics|revenue|p&l|payback)\b`)},
	{MarketSize, regexp.MustCompile(`(?i)\b(market|tam|how many|how big|addressable|demand)\b`)},
	{Investment, regexp.MustCompile(`(?i)\b(invest\w*|headcount|engineers|budget|resources|how long will it take|build it|team do we need|staff\w*)\b`)},
	{Price, regexp.MustCompile(`(?i)\b(price\w*|pricing|cost|costs|charge\w*|pay|fees?|subscription|how much|free|discount)\b`)},
	{Availability, regexp.MustCompile(`(?i)\b(available|availability|when can|launch\w*|countr(y|ies)|regions?|where can|sign up|waitlist|release)\b`)},
	{Support, regexp.MustCompile(`(?i)\b(support|help\w*|contact|troubleshoot\w*|refunds?|cancel\w*|broken|outage|stops? working)\b`)},
	{HowItWorks, regexp.MustCompile(`(?i)\b(how (does|do|will|is)|works?|set ?up|connect\w*|install\w*|integrat\w*|use it|compatible|which \w+ does it)\b`)},
}

// externalOrder and internalOrder are the orders topics are tried in: in
// the external FAQ the questions customers ask come first ("Who helps me
// when something goes wrong?" is about support, not risk), in the internal
// FAQ those stakeholders ask ("What does a shop cost us?" is about unit
// economics, not price).
var (
	externalOrder = []Topic{Price, Support, Availability, HowItWorks, Legal, Competition, Risks, Dependencies, Assumptions, MarketSize, UnitEconomics, Investment}
	internalOrder = []Topic{Legal, Risks, Dependencies, Assumptions, Competition, UnitEconomics, MarketSize, Investment, Price, Support, Availability, HowItWorks}
	topicRe       = func() map[Topic]*regexp.Regexp {
		m := map[Topic]*regexp.Regexp{}
		for _, tw := range topicWords {
			m[tw.topic] = tw.re
		}
		return m
	}()
)

// guessTopic classifies a question by its words; OtherTopic when none
// match.
func guessTopic(q string, internal bool) Topic {
	order := externalOrder
	if internal {
		order = internalOrder
	}
	for _, t := range order {
		if topicRe[t].MatchString(q) {
			return t
		}
	}
	return OtherTopic
}
