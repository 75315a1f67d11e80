package prfaq

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"

	"github.com/dayone-go/mechanisms/internal/frontmatter"
	"github.com/dayone-go/mechanisms/internal/mdguard"
	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// maxMarkdownDepth bounds how deep block quotes and lists may nest in a
// Markdown PR/FAQ; deeper input is refused before the Markdown parser
// builds it.
const maxMarkdownDepth = 32

// IsMarkdownPRFAQ reports whether data is a PR/FAQ in Markdown: a press
// release (a dateline, a quote attributed to a person, a "Press release"
// heading, a template's section labels or a "PR/FAQ" title) and an FAQ
// with at least one question. A design doc with an FAQ section, a README or
// a memo is not; review those with ReviewText. Tools that sort files by
// kind call it; ParseMarkdown itself also reads a press release with no
// FAQ yet. A PR/FAQ that ParseMarkdown refuses for a paragraph or a
// nesting past its bounds (too-many, too-deep) is still one when the text
// before that place is one, so a tool reviewing it as a PR/FAQ reports the
// refusal rather than reading the file as something else.
func IsMarkdownPRFAQ(data []byte) bool {
	p, err := scanMarkdown(data)
	if err == nil {
		return p.found && p.asked
	}
	var pe *problem.Error
	if !errors.As(err, &pe) || len(pe.Problems) == 0 || !(errors.Is(err, strict.ErrTooMany) || errors.Is(err, strict.ErrTooDeep)) {
		return false
	}
	cut := 0
	for line := 1; line < pe.Problems[0].Line; line++ {
		i := bytes.IndexByte(data[cut:], '\n')
		if i < 0 {
			return false
		}
		cut += i + 1
	}
	p, err = scanMarkdown(data[:cut])
	return err == nil && p.found && p.asked
}

// ParseMarkdown reads a PR/FAQ written in Markdown, as teams write it in a
// docs repository or export it from a word processor, into the same model
// Parse fills from YAML. It reads, with the CommonMark parser goldmark:
//
//   - YAML front matter between --- lines, for what prose cannot say: id,
//     title, authors, date, stage, customer (the five customer questions:
//     who, problem, benefit, evidence, experience) and visuals; other keys
//     (a site generator's layout or tags) are left alone;
//   - the headline, the first heading or bold line, and the subheadline,
//     the heading, italic or bold line right after it. A document title
//     such as "Shelfwise PR/FAQ" is the document's title, not the headline;
//     a heading "Press release" only opens the press release;
//   - the dateline opening the first paragraph: "SEATTLE, WA — March 3,
//     2027 —" with an em or en dash, "--" or " - ", a city without a date,
//     a date without a city, and placeholders such as "[CITY] — [DATE] —",
//     which leave the city and the launch date empty;
//   - the press release paragraphs in order: the one with the dateline is
//     the summary, the next the problem, the rest up to the quotes the
//     solution, those after the quotes getting started and the call to
//     action;
//   - quotes: a block quote ending in "— Name, Role", or a paragraph quoting
//     a sentence attributed to a named person ("…," said Jane Doe, VP of
//     Payments). The first quote is the leader's and the second the
//     customer's, unless the roles say otherwise;
//   - FAQ sections under the headings teams use: "External FAQ", "Customer
//     FAQ", "Public FAQ" for the external FAQ, "Internal FAQ", "Stakeholder
//     FAQ", "Business FAQ", "Technical FAQ" for the internal one; a single
//     "FAQ" or "Frequently asked questions" goes to ExternalFAQ. Questions are
//     headings, bold lines, "Q:" lines (with "A:" answers) or lines ending in
//     a question mark, and may wrap over lines; an answer is every paragraph,
//     list and quote up to the next question. Each question's Topic is
//     guessed from its words unless an HTML comment "<!-- topic: price -->"
//     after it names one;
//   - a section "The five customer questions" with the five questions as
//     FAQ entries, when the front matter does not carry them;
//   - the labels of the templates teams copy, as headings or bold lines:
//     "Heading", "Sub-Heading", "Summary Paragraph", "Problem", "Solution
//     Paragraph(s)", "Quote from You", "Customer Quote", "How to Get
//     Started", "Closing and Call to Action", each assigning the
//     paragraphs after it; and a newswire's tag in the dateline ("SEATTLE –
//     (Business Wire) – March 3, 2027 –").
//
// Code blocks are never read as structure. HTML comments "<!-- prfaq:FIELD
// -->" (summary, problem, solution, leader-quote, customer-quote,
// getting-started, call-to-action) assign the paragraphs after them to a
// field; Markdown writes them only when the plain layout would be read back
// differently.
//
// What the Markdown lacks stays empty: the result is always a complete Go
// value that marshals to JSON and back, and Validate says what is missing.
// Its Format is FormatMarkdown, so the values real PR/FAQs do not write
// (id, title, authors, date, stage, the five customer questions) are not
// required of it; Review names the front matter keys to add with a
// front-matter-missing finding.
// Every text field keeps the place of its words in data, so Place and
// PlaceMarkdown put Review's findings on the Markdown line and column.
//
// Errors are *ValidationError with the line of the problem: input over
// MaxBytes (wrapping ErrTooLarge), an empty input, block quotes or lists
// nested deeper than 32, a paragraph whose "[" would make the link parse
// quadratic (too-many), front matter that is not valid YAML or has a
// value of the wrong type, and Markdown with no press release (rule
// not-a-prfaq), such as a README or a design doc's FAQ.
func ParseMarkdown(data []byte) (*PRFAQ, error) {
	d, _, err := parseMarkdown(data)
	if err != nil {
		return nil, err
	}
	return d, nil
}

// mdSource remembers where each field of a PR/FAQ read from Markdown stands
// in the source.
type mdSource struct {
	// fields maps the JSON pointer of each text field read from the body
	// to its text with source offsets.
	fields map[string]*mdText
	// sections maps the pointers of sections and lists to the offset of
	// their heading or first block.
	sections map[string]int
	// fm is the front matter, parsed, for positions of its values; fmLine
	// is the line before its first line.
	fm     *strict.Document
	fmKeys map[string]bool
	fmLine int
}

// frontMatter is what the YAML front matter of a Markdown PR/FAQ may say.
// Markdown writes it with the yaml tags.
type frontMatter struct {
	Schema   string    `json:"$schema,omitempty" yaml:"$schema,omitempty"`
	ID       string    `json:"id,omitempty" yaml:"id,omitempty"`
	Title    string    `json:"title,omitempty" yaml:"title,omitempty"`
	Authors  []string  `json:"authors,omitempty" yaml:"authors,omitempty"`
	Date     Date      `json:"date,omitzero" yaml:"date,omitempty"`
	Stage    Stage     `json:"stage,omitempty" yaml:"stage,omitempty"`
	Customer *Customer `json:"customer,omitempty" yaml:"customer,omitempty"`
	Visuals  []Visual  `json:"visuals,omitempty" yaml:"visuals,omitempty"`
}

var frontMatterKeys = map[string]bool{"$schema": true, "id": true, "title": true, "authors": true, "date": true,
	"stage": true, "customer": true, "visuals": true}

func mdError(rule string, line, col int, sentinel error, format string, args ...any) error {
	return &problem.Error{Kind: kind, Err: sentinel, Problems: []Problem{{Path: "/", Rule: rule,
		Message: fmt.Sprintf(format, args...), Line: line, Column: col}}}
}

func parseMarkdown(data []byte) (*PRFAQ, *mdSource, error) {
	p, err := scanMarkdown(data)
	if err != nil {
		return nil, nil, err
	}
	d, m := p.d, p.m
	if !p.found {
		what := "no press release"
		if p.asked {
			what = "questions and answers but no press release"
		}
		return d, m, mdError(RuleNotPRFAQ, 1, 1, nil,
			"%s found: a PR/FAQ opens with a press release (a headline, then a dateline such as \"SEATTLE — March 3, 2027 —\" and quotes) before its FAQ", what)
	}
	return d, m, nil
}

// scanMarkdown reads data into a PR/FAQ, keeping what it saw on the way.
func scanMarkdown(data []byte) (*mdParser, error) {
	if len(data) > MaxBytes {
		return nil, mdError(RuleTooLarge, 0, 0, ErrTooLarge, "input is %d bytes, larger than the limit of %d bytes (MaxBytes)", len(data), MaxBytes)
	}
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0 {
		return nil, mdError(RuleEmpty, 1, 1, strict.ErrEmpty, "the file is empty; write the press release and the FAQ")
	}
	// The Markdown parser reads a copy in which the byte order mark and the
	// front matter are blanked, keeping line breaks, so that its offsets are
	// offsets in data.
	src := bytes.Clone(data)
	if bytes.HasPrefix(src, []byte("\xef\xbb\xbf")) {
		copy(src, "   ")
	}
	d := &PRFAQ{Format: FormatMarkdown}
	m := &mdSource{fields: map[string]*mdText{}, sections: map[string]int{}}
	if fm, ok := frontmatter.Find(src); ok {
		start, end := fm.Start, fm.End
		if !fm.Closed {
			return nil, mdError(RuleSyntax, 1, 1, strict.ErrSyntax, "the front matter opened by --- on line 1 is never closed; end it with a line holding only ---")
		}
		if err := m.readFrontMatter(data[start:end], d); err != nil {
			return nil, err
		}
		m.fmLine = bytes.Count(data[:start], []byte("\n"))
		for i := 0; i < end; i++ {
			if src[i] != '\n' && src[i] != '\r' {
				src[i] = ' '
			}
		}
		// The closing --- line too.
		for i := end; i < len(src) && src[i] != '\n'; i++ {
			src[i] = ' '
		}
	}
	if line := tooDeep(src); line > 0 {
		return nil, mdError(RuleTooDeep, line, 1, strict.ErrTooDeep, "block quotes or lists nest more than %d deep", maxMarkdownDepth)
	}
	if line := mdguard.Links(src, mdguard.Budget); line > 0 {
		return nil, mdError(RuleTooMany, line, 1, strict.ErrTooMany, "the paragraph here holds too many [ brackets for its length to be read as links in reasonable time; split it or remove stray brackets")
	}
	root := mdguard.Parse(src)
	p := &mdParser{src: src, d: d, m: m}
	p.walk(root)
	p.finish()
	return p, nil
}

// readFrontMatter decodes the front matter into d. Keys the PR/FAQ does not
// know are left for other tools; a known key with a wrong value is an error
// at its line.
func (m *mdSource) readFrontMatter(fm []byte, d *PRFAQ) error {
	if len(bytes.TrimSpace(fm)) == 0 {
		return nil
	}
	shift := func(err error) error {
		if pe, ok := err.(*problem.Error); ok {
			cp := *pe
			cp.Kind = kind
			cp.Problems = append([]Problem(nil), pe.Problems...)
			for i := range cp.Problems {
				if m.fm != nil && cp.Problems[i].Path != "/" {
					cp.Problems[i].Line, cp.Problems[i].Column = m.fm.Position(cp.Problems[i].Path)
				}
				if cp.Problems[i].Line > 0 {
					cp.Problems[i].Line += m.fmLine
				}
				cp.Problems[i].Message = "front matter: " + cp.Problems[i].Message
			}
			return &cp
		}
		return err
	}
	m.fmLine = 1
	doc, err := strict.ParseDocument(fm, strict.Limits{})
	if err != nil {
		return shift(err)
	}
	m.fm = doc
	var generic map[string]any
	if err := doc.Decode(&generic); err != nil {
		return shift(err)
	}
	m.fmKeys = map[string]bool{}
	for k := range generic {
		if !frontMatterKeys[k] {
			delete(generic, k)
			continue
		}
		m.fmKeys[k] = true
	}
	js, err := json.Marshal(generic)
	if err != nil {
		return err
	}
	var f frontMatter
	if err := strict.Decode(js, &f, strict.Limits{}); err != nil {
		return shift(err)
	}
	d.Schema, d.ID, d.Title, d.Authors, d.Date, d.Stage, d.Visuals = f.Schema, f.ID, f.Title, f.Authors, f.Date, f.Stage, f.Visuals
	if f.Customer != nil {
		d.Customer = *f.Customer
	}
	return nil
}

// tooDeep returns the first line whose block quotes and list markers nest
// deeper than maxMarkdownDepth, or 0.
func tooDeep(src []byte) int {
	line := 1
	for i := 0; i < len(src); {
		depth, indent := 0, 0
		j := i
	scan:
		for ; j < len(src); j++ {
			switch c := src[j]; c {
			case ' ':
				indent++
			case '\t':
				indent += 4
			case '>':
				depth++
			case '-', '*', '+':
				if j+1 < len(src) && (src[j+1] == ' ' || src[j+1] == '\t') {
					depth++
				} else {
					break scan
				}
			default:
				break scan
			}
		}
		blankLine := j == len(src) || src[j] == '\n' || src[j] == '\r'
		if depth > maxMarkdownDepth || indent > 4*maxMarkdownDepth && !blankLine {
			return line
		}
		k := bytes.IndexByte(src[j:], '\n')
		if k < 0 {
			break
		}
		i = j + k + 1
		line++
	}
	return 0
}

// Phases of reading a Markdown PR/FAQ, in the order they usually come.
const (
	phaseStart    = iota // before the headline
	phaseHeadline        // after the headline, where the subheadline may be
	phasePress           // the press release
	phaseFAQ             // an FAQ section
	phaseCustomer        // the five customer questions
	phaseOther           // a section that is none of these
)

// oneLineField lists the fields that hold one line: a line break in the
// source is a space in them.
var oneLineField = map[string]bool{"/title": true, "/pressRelease/headline": true, "/pressRelease/subheadline": true,
	"/pressRelease/dateline/city": true, "/pressRelease/leaderQuote/speaker": true, "/pressRelease/leaderQuote/role": true,
	"/pressRelease/customerQuote/speaker": true, "/pressRelease/customerQuote/role": true}

// mdParser reads the blocks of the Markdown document in order.
type mdParser struct {
	src []byte
	d   *PRFAQ
	m   *mdSource

	phase     int
	headLevel int
	// found is set by what only a press release has: a dateline, a quote
	// attributed to a person, a "Press release" heading, a template's
	// labels, a "PR/FAQ" title. asked is set by an FAQ question.
	found, asked bool
	title        *mdText

	press  []prItem
	marker string
	// pending is "headline" or "subheadline" after a template's label for
	// it: the next paragraph is that field.
	pending string
	// dateline is a paragraph that is a dateline and nothing else
	// ("Louisville, KY – March 10, 2026" under "FOR IMMEDIATE
	// RELEASE"); the summary after it takes it.
	dateline *mdText

	sec      *faqSection
	sections []*faqSection
}

// prItem is one block of the press release.
type prItem struct {
	t      mdText
	quote  *mdQuote
	marker string
}

type mdQuote struct {
	text, speaker, role mdText
}

func (p *mdParser) walk(root ast.Node) {
	for n := root.FirstChild(); n != nil; n = n.NextSibling() {
		switch n := n.(type) {
		case *ast.FencedCodeBlock, *ast.CodeBlock, *ast.ThematicBreak, *ast.LinkReferenceDefinition:
		case *ast.HTMLBlock:
			p.html(n)
		case *ast.Heading:
			p.heading(n)
		case *ast.Paragraph:
			p.paragraph(n)
		case *ast.List:
			p.list(n)
		case *ast.Blockquote:
			p.blockquote(n)
		}
	}
}

var (
	markerComment = regexp.MustCompile(`^\s*<!--\s*prfaq:\s*([a-z-]+)\s*-->\s*$`)
	topicComment  = regexp.MustCompile(`^\s*<!--\s*topic:\s*([a-z-]+)\s*-->\s*$`)
)

func (p *mdParser) html(n *ast.HTMLBlock) {
	var b []byte
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		s := lines.At(i)
		b = append(b, s.Value(p.src)...)
	}
	if n.HasClosure() {
		b = append(b, n.ClosureLine.Value(p.src)...)
	}
	if mm := markerComment.FindSubmatch(b); mm != nil && (p.phase == phasePress || p.phase == phaseHeadline) {
		p.phase = phasePress
		p.marker = string(mm[1])
		p.press = append(p.press, prItem{marker: p.marker})
		return
	}
	if mm := topicComment.FindSubmatch(b); mm != nil && p.sec != nil && len(p.sec.qas) > 0 {
		q := p.sec.qas[len(p.sec.qas)-1]
		q.topic, q.hasTopic = Topic(mm[1]), true
	}
}

func blockStart(n ast.Node) int {
	if l := n.Lines(); l != nil && l.Len() > 0 {
		return l.At(0).Start
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Type() == ast.TypeBlock {
			return blockStart(c)
		}
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	return 0
}

func (p *mdParser) heading(n *ast.Heading) {
	t := inlineText(n, p.src)
	t = t.trim()
	s := t.String()
	if p.phase == phaseStart {
		if title, ok := titleLike(t); ok {
			if len(title.b) > 0 {
				p.title = &title
			}
			p.found = true
			return
		}
	}
	if which, ok := faqHeading(s); ok {
		p.openSection(which, n.Level, blockStart(n))
		return
	}
	if customerQuestionsHeading(s) {
		p.openSection(sectionCustomer, n.Level, blockStart(n))
		return
	}
	if p.phase <= phasePress {
		if f := labelField(s); f != "" {
			p.label(f)
			return
		}
	}
	switch p.phase {
	case phaseStart:
		if pressHeading(s) {
			p.found = true
			return
		}
		p.setHeadline(t, n.Level)
	case phaseHeadline:
		if pressHeading(s) {
			p.found = true
			return
		}
		p.set("/pressRelease/subheadline", &p.d.PressRelease.Subheadline, t)
		p.phase = phasePress
	case phasePress:
		if n.Level <= p.headLevel && !pressHeading(s) {
			p.phase = phaseOther
		}
	case phaseFAQ, phaseCustomer:
		if n.Level <= p.sec.level {
			p.phase, p.sec = phaseOther, nil
			return
		}
		if sub, ok := subsection(s); ok {
			p.openSection(sub, p.sec.level, blockStart(n))
			return
		}
		if strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？") || p.sec.style == styleHeading {
			p.sec.style = styleHeading
			p.question(t, blockStart(n))
			return
		}
		p.sec.open = nil // a group heading ends the answer before it
	}
}

// pressPrefix is a label some writers put before the headline.
var pressPrefix = regexp.MustCompile(`(?i)^\s*(?:draft\s+)?press\s+release\s*[:—–-]\s*`)

func (p *mdParser) setHeadline(t mdText, level int) {
	if loc := pressPrefix.FindIndex(t.b); loc != nil && loc[1] < len(t.b) {
		t = t.slice(loc[1], len(t.b))
		p.found = true
	}
	p.set("/pressRelease/headline", &p.d.PressRelease.Headline, t)
	p.m.sections["/pressRelease"] = t.src(0)
	p.headLevel = level
	p.phase = phaseHeadline
}

// set stores t in the field at pointer, remembering its place.
func (p *mdParser) set(pointer string, field *string, t mdText) {
	if oneLineField[pointer] {
		flat(&t)
	}
	*field = t.String()
	p.m.fields[pointer] = &t
}

func (p *mdParser) paragraph(n *ast.Paragraph) {
	t := inlineText(n, p.src)
	// Documents exported from word processors write headings as bold
	// lines: "**Press Release**", "**Frequently Asked Questions**",
	// "**Internal**".
	if inner, ok := emphasisOnly(n, p.src, 2); ok && p.boldHeading(inner.trim(), blockStart(n)) {
		return
	}
	if p.phase <= phasePress {
		if f, rest, ok := boldLabel(n, p.src); ok {
			p.label(f)
			if len(rest.b) == 0 {
				return
			}
			t = rest
		}
		if p.pending != "" {
			p.labelled(t.trim())
			return
		}
	}
	// "FOR IMMEDIATE RELEASE", a newswire's first line, says this is a
	// press release; a dateline alone on its line is kept for the summary.
	if p.phase <= phaseHeadline && len(p.press) == 0 {
		if m := forRelease.FindSubmatchIndex(firstLine(t.b)); m != nil {
			p.found = true
			// "FOR RELEASE — SEPTEMBER 2026": the launch date, read as
			// a dateline with no city.
			if when := t.slice(m[2], m[3]).trim(); p.dateline == nil && len(when.b) > 0 {
				if dl, ok := parseDateline(when.String() + " —"); ok && dl.date != (Date{}) {
					p.dateline = &when
				}
			}
			i := bytes.IndexByte(t.b, '\n')
			if i < 0 {
				return
			}
			t = t.slice(i+1, len(t.b)).trim()
		}
		// Every date but a placeholder, which gives no launch date, holds
		// digits; a line without any is no dateline, and the costly
		// patterns need not run on every paragraph of every memo.
		if p.dateline == nil && p.d.PressRelease.Dateline == (Dateline{}) && bytes.IndexByte(t.b, '\n') < 0 && bytes.ContainsAny(t.b, "0123456789") {
			if dl, ok := parseDateline(t.String() + " —"); ok && dl.end >= len(t.b) && dl.date != (Date{}) {
				p.found = true
				p.dateline = &t
				return
			}
		}
		if p.dateline != nil && p.phase == phaseStart && p.d.PressRelease.Headline == "" && len(t.b) <= 200 &&
			bytes.IndexByte(t.b, '\n') < 0 && !bytes.HasSuffix(bytes.TrimSpace(t.b), []byte(".")) {
			// The headline under the dateline, as some releases put it.
			p.setHeadline(t.trim(), 0)
			return
		}
	}
	// "**Q: What is X?**" before any FAQ heading: the FAQ has begun,
	// unnamed.
	if inner, ok := emphasisOnly(n, p.src, 2); ok && p.phase <= phasePress && qLabel.Match(inner.trim().b) {
		p.found = true
		p.openSection(sectionUnsplit, boldLevel, blockStart(n))
		p.faqParagraph(n, t)
		return
	}
	switch p.phase {
	case phaseStart:
		if inner, ok := emphasisOnly(n, p.src, 2); ok {
			if title, ok := titleLike(inner); ok {
				if title.String() != "" {
					p.title = &title
				}
				p.found = true
				return
			}
			p.setHeadline(inner.trim(), 0)
			return
		}
		// A dateline opens the release; so does any paragraph once a
		// "Press Release" or "PR/FAQ" heading has said where we are.
		_, note := emphasisOnly(n, p.src, 1) // a note on the document, in italics
		if _, ok := parseDateline(t.String()); ok || p.found && !note {
			p.phase = phasePress
			p.pressItem(t.trim())
		}
	case phaseHeadline:
		// A heading, a bold line, an italic line: the heading names the
		// product, the bold line is the headline and the italic one its
		// subheadline.
		if inner, ok := emphasisOnly(n, p.src, 2); ok && p.headLevel > 0 && p.title == nil && italicNext(n, p.src) {
			if h := p.m.fields["/pressRelease/headline"]; h != nil {
				title := *h
				p.title = &title
			}
			p.setHeadline(inner.trim(), 0)
			return
		}
		p.phase = phasePress
		for _, level := range []int{1, 2} {
			if inner, ok := emphasisOnly(n, p.src, level); ok {
				if _, date := parseDateline(inner.String()); !date {
					p.set("/pressRelease/subheadline", &p.d.PressRelease.Subheadline, inner.trim())
					return
				}
			}
		}
		p.pressItem(t.trim())
	case phasePress:
		p.pressItem(t.trim())
	case phaseFAQ, phaseCustomer:
		p.faqParagraph(n, t)
	}
}

// announces is the opening sentence of a release: a company or "we"
// announcing, launching or releasing something today.
var announces = regexp.MustCompile(`(?i:\btoday),?\s+(?:we(?:'re|’re| are)?|[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3})\s+(?:\w+\s+){0,3}?(?i:announc|launch|releas|introduc|unveil)\w*|(?i:\btoday\s+(?:announced|launched|released|introduced|unveiled)\b)`)

// forRelease is a newswire's "FOR IMMEDIATE RELEASE" line, or "FOR
// RELEASE — <date>" with the day it may go out.
var forRelease = regexp.MustCompile(`(?i)^\W*for\s+(?:immediate\s+)?release\b[\s*_:—–-]*(.*?)[\s*_]*$`)

// firstLine is b up to its first line break.
func firstLine(b []byte) []byte {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i]
	}
	return b
}

// qLabel is the "Q:" that marks a question written as a bold line.
var qLabel = regexp.MustCompile(`^(?i)Q\s*[:.]\s*\S`)

// italicNext reports whether the block after n is an italic line alone.
func italicNext(n ast.Node, src []byte) bool {
	next, ok := n.NextSibling().(*ast.Paragraph)
	if !ok {
		return false
	}
	_, italic := emphasisOnly(next, src, 1)
	return italic
}

func (p *mdParser) pressItem(t mdText) {
	if len(t.b) == 0 {
		return
	}
	if len(p.press) == 0 && announces.Match(t.b) {
		// "Today we're proud to release X", "Acme today announced X":
		// the opening of a release, with or without a dateline.
		p.found = true
	}
	it := prItem{t: t, marker: p.marker}
	if q, ok := quoteParagraph(t); ok {
		it.quote = q
	}
	p.press = append(p.press, it)
}

func (p *mdParser) list(n *ast.List) {
	switch p.phase {
	case phaseHeadline, phasePress:
		p.phase = phasePress
		p.pressItem(listText(n, p.src))
	case phaseFAQ, phaseCustomer:
		p.faqList(n)
	}
}

func (p *mdParser) blockquote(n *ast.Blockquote) {
	switch p.phase {
	case phaseHeadline, phasePress:
		p.phase = phasePress
		q, t := blockquoteText(n, p.src)
		it := prItem{t: t, quote: q, marker: p.marker}
		if q == nil {
			if pq, ok := quoteParagraph(t); ok {
				it.quote = pq
			}
		}
		if len(it.t.b) > 0 || it.quote != nil {
			p.press = append(p.press, it)
		}
	case phaseFAQ, phaseCustomer:
		_, t := blockquoteText(n, p.src)
		p.answer(t)
	}
}

// emphasisOnly reports whether paragraph n is nothing but one emphasis of
// the given level (1 italic, 2 bold) and returns its text.
func emphasisOnly(n ast.Node, src []byte, level int) (mdText, bool) {
	var em *ast.Emphasis
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok && len(bytes.TrimSpace(t.Segment.Value(src))) == 0 {
			continue
		}
		e, ok := c.(*ast.Emphasis)
		if !ok || em != nil || e.Level != level {
			return mdText{}, false
		}
		em = e
	}
	if em == nil {
		return mdText{}, false
	}
	return inlineText(em, src), true
}

// listText writes a list as lines "- item" or "1. item", so the prose
// rules see it as the list it is.
func listText(n *ast.List, src []byte) mdText {
	var t mdText
	num := n.Start
	for it := n.FirstChild(); it != nil; it = it.NextSibling() {
		marker := "- "
		if n.IsOrdered() {
			marker = fmt.Sprintf("%d%c ", num, n.Marker)
			num++
		}
		var item mdText
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.List:
				item.join("\n", listText(c, src))
			case *ast.FencedCodeBlock, *ast.CodeBlock:
			default:
				item.join("\n", inlineText(c, src).trim())
			}
		}
		if len(item.b) == 0 {
			continue
		}
		if len(t.b) > 0 {
			t.lit("\n", item.src(0))
		}
		t.lit(marker, markerStart(src, item.src(0)))
		t.cat(item)
	}
	return t
}

// markerStart finds the list marker before a list item's first word.
func markerStart(src []byte, at int) int {
	i := at
	for i > 0 && (src[i-1] == ' ' || src[i-1] == '\t') {
		i--
	}
	j := i
	for j > 0 && j > i-10 && strings.IndexByte("-*+.)0123456789", src[j-1]) >= 0 {
		j--
	}
	if j == i {
		return at
	}
	return j
}

// blockquoteText reads a block quote: its paragraphs, and an attribution
// "— Name, Role" on its last line, if any.
func blockquoteText(n *ast.Blockquote, src []byte) (*mdQuote, mdText) {
	var paras []mdText
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Paragraph:
			paras = append(paras, inlineText(c, src).trim())
		case *ast.List:
			paras = append(paras, listText(c, src))
		case *ast.Blockquote:
			_, t := blockquoteText(c, src)
			paras = append(paras, t)
		}
	}
	var all mdText
	for _, t := range paras {
		all.join("\n\n", t)
	}
	if len(paras) == 0 {
		return nil, all
	}
	last := paras[len(paras)-1]
	cut := bytes.LastIndexByte(last.b, '\n') + 1 // the attribution may be the last line of the last paragraph
	line := last.slice(cut, len(last.b))
	who, ok := attribution(line)
	if !ok {
		return nil, all
	}
	q := &mdQuote{}
	for i, t := range paras {
		if i == len(paras)-1 {
			t = t.slice(0, cut)
			t = t.trim()
		}
		q.text.join("\n\n", t)
	}
	q.text = unquote(q.text)
	q.speaker, q.role = splitSpeaker(who)
	return q, all
}

var dashLead = regexp.MustCompile(`^\s*(?:—|–|―|--?)\s*`)

// attribution reads "— Name, Role" and returns "Name, Role".
func attribution(t mdText) (mdText, bool) {
	loc := dashLead.FindIndex(t.b)
	if loc == nil || loc[1] == len(t.b) {
		return mdText{}, false
	}
	return t.slice(loc[1], len(t.b)), true
}

// splitSpeaker splits "Jane Doe, VP of Payments" at the first comma.
func splitSpeaker(t mdText) (speaker, role mdText) {
	if i := bytes.IndexByte(t.b, ','); i > 0 {
		s, r := t.slice(0, i), t.slice(i+1, len(t.b))
		return s.trim(), r.trim()
	}
	return t.trim(), mdText{}
}

// unquote drops quotation marks around the whole of t.
func unquote(t mdText) mdText {
	s := string(t.b)
	for _, pair := range [][2]string{{"“", "”"}, {"\"", "\""}, {"‘", "’"}} {
		if strings.HasPrefix(s, pair[0]) && strings.HasSuffix(s, pair[1]) && len(s) > len(pair[0])+len(pair[1]) {
			inner := s[len(pair[0]) : len(s)-len(pair[1])]
			if !strings.Contains(inner, pair[0]) || pair[0] == pair[1] && !strings.Contains(inner, pair[0]) {
				u := t.slice(len(pair[0]), len(s)-len(pair[1]))
				return u.trim()
			}
		}
	}
	return t
}

var (
	titleWords = regexp.MustCompile(`(?i)\bPR\s*/\s*FAQs?\b|\bPR-FAQs?\b|\bPRFAQs?\b|\bpress\s+release\s*(?:&|and|/|\+)\s*(?:FAQs?|frequently\s+asked\s+questions)\b`)
	titleTrim  = " \t:—–-|·"
)

// titleLike reports whether a heading names the document ("Shelfwise
// PR/FAQ") rather than being its headline, and returns the name without
// the "PR/FAQ".
func titleLike(t mdText) (mdText, bool) {
	loc := titleWords.FindIndex(t.b)
	if loc == nil {
		return mdText{}, false
	}
	before, after := t.slice(0, loc[0]), t.slice(loc[1], len(t.b))
	name := before
	if len(strings.Trim(string(before.b), titleTrim)) == 0 {
		name = after
	}
	s := string(name.b)
	i := len(s) - len(strings.TrimLeft(s, titleTrim))
	j := len(strings.TrimRight(s, titleTrim))
	if i >= j {
		return mdText{}, true
	}
	return name.slice(i, j), true
}

func pressHeading(s string) bool {
	s = strings.ToLower(strings.Trim(s, titleTrim+"#*_"))
	switch s {
	case "press release", "the press release", "pr", "release", "press-release", "draft press release":
		return true
	}
	return false
}

const (
	sectionExternal = iota
	sectionInternal
	sectionUnsplit
	sectionCustomer
)

var (
	faqWords      = regexp.MustCompile(`(?i)\bFAQs?\b|frequently\s+asked|\bquestions\b|\bQ\s*&\s*A\b`)
	internalWords = regexp.MustCompile(`(?i)\b(internal|stakeholders?|business|leadership|investors?|executives?|exec|team|company|technical|engineering|implementation)\b`)
	externalWords = regexp.MustCompile(`(?i)\b(external|customers?|public|press|users?|buyers?)\b`)
	fiveQuestions = regexp.MustCompile(`(?i)\b(five|5)\s+customer\s+questions\b|\bcustomer\s+questions\b.*\b(five|5)\b|working\s+backwards\s+questions`)
)

// faqHeading classifies a heading that opens an FAQ section.
func faqHeading(s string) (int, bool) {
	if fiveQuestions.MatchString(s) || !faqWords.MatchString(s) || titleWords.MatchString(s) || len(s) > 80 || strings.HasSuffix(s, "?") {
		return 0, false
	}
	if which, ok := audience(s); ok {
		return which, true
	}
	return sectionUnsplit, true
}

// audience tells an internal FAQ heading from an external one by its words.
func audience(s string) (int, bool) {
	switch {
	case internalWords.MatchString(s):
		return sectionInternal, true
	case externalWords.MatchString(s):
		return sectionExternal, true
	}
	return 0, false
}

func customerQuestionsHeading(s string) bool { return fiveQuestions.MatchString(s) && len(s) <= 80 }

// boldLevel is the level of a section opened by a bold line: below every
// heading, so any heading ends it.
const boldLevel = 7

// boldHeading reads a bold line that stands for a section heading and
// reports whether it was one.
func (p *mdParser) boldHeading(t mdText, at int) bool {
	s := t.String()
	if strings.HasSuffix(s, "?") {
		return false
	}
	if which, ok := faqHeading(s); ok && !titleWords.MatchString(s) {
		p.openSection(which, boldLevel, at)
		return true
	}
	if customerQuestionsHeading(s) {
		p.openSection(sectionCustomer, boldLevel, at)
		return true
	}
	switch p.phase {
	case phaseStart, phaseHeadline:
		if pressHeading(s) {
			p.found = true
			return true
		}
	case phaseFAQ, phaseCustomer:
		if sub, ok := subsection(s); ok {
			p.openSection(sub, p.sec.level, at)
			return true
		}
	}
	return false
}

// label handles a template's section label ("Problem", "Customer Quote",
// "Call to Action"): the blocks after it are that field.
func (p *mdParser) label(field string) {
	p.found = true
	switch field {
	case "headline", "subheadline":
		p.pending = field
	default:
		p.phase = phasePress
		p.marker = field
		p.press = append(p.press, prItem{marker: field})
	}
}

// labelled stores the paragraph after a "Headline" or "Subheadline" label.
func (p *mdParser) labelled(t mdText) {
	flat(&t)
	if p.pending == "headline" {
		p.setHeadline(t, 0)
	} else {
		p.set("/pressRelease/subheadline", &p.d.PressRelease.Subheadline, t)
		p.phase = phasePress
	}
	p.pending = ""
}

// boldLabel reads a paragraph opening with a bold label, "**Problem**" on
// its own or "**Problem:** text"; it returns the field and the text after
// the label.
func boldLabel(n ast.Node, src []byte) (string, mdText, bool) {
	c := n.FirstChild()
	em, ok := c.(*ast.Emphasis)
	if !ok || em.Level != 2 {
		return "", mdText{}, false
	}
	label := inlineText(em, src)
	var rest mdText
	addNodes(&rest, em.NextSibling(), src)
	rest = rest.trim()
	colon := bytes.HasSuffix(bytes.TrimSpace(label.b), []byte(":")) || bytes.HasPrefix(rest.b, []byte(":"))
	if !colon && len(rest.b) > 0 {
		return "", mdText{}, false
	}
	f := labelField(string(label.b))
	if f == "" {
		return "", mdText{}, false
	}
	if bytes.HasPrefix(rest.b, []byte(":")) {
		rest = rest.slice(1, len(rest.b))
		rest = rest.trim()
	}
	return f, rest, true
}

var labelNoise = regexp.MustCompile(`(?i)\(s\)|\bparagraphs?\b|\bsection\b|[:*_#]`)

// labelField maps the section labels of PR/FAQ templates to the field
// they introduce, or "".
func labelField(s string) string {
	if len(s) > 60 {
		return ""
	}
	l := strings.ToLower(labelNoise.ReplaceAllString(s, " "))
	l = strings.Join(strings.Fields(strings.ReplaceAll(l, "&", "and")), " ")
	switch l {
	case "heading", "headline", "the headline":
		return "headline"
	case "sub-heading", "subheading", "sub heading", "subheadline", "sub-headline", "sub headline", "subtitle", "the subheadline":
		return "subheadline"
	case "summary", "intro", "introduction", "opening", "dateline", "dateline and summary", "the summary":
		return "summary"
	case "problem", "the problem", "customer problem", "problem statement", "the customer's problem", "the customer problem":
		return "problem"
	case "solution", "the solution", "solutions", "how it works":
		return "solution-each"
	case "quote", "leader quote", "leadership quote", "quote from you", "quote from a leader", "company quote",
		"executive quote", "spokesperson quote", "internal quote", "your quote", "quote from the company", "quote from a spokesperson":
		return "leader-quote"
	case "customer quote", "quote from a customer", "customer testimonial", "testimonial", "hypothetical customer quote":
		return "customer-quote"
	case "getting started", "how to get started", "get started", "how to start":
		return "getting-started"
	case "call to action", "closing", "closing and call to action", "cta", "how to learn more", "learn more":
		return "call-to-action"
	}
	return ""
}
