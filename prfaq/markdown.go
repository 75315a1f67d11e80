package prfaq

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/dayone-go/mechanisms/internal/render"
)

// Markdown writes the document as a Markdown PR/FAQ in the layout
// ParseMarkdown reads, the way a team reads it in the meeting: YAML front
// matter with what prose does not say (id, title, authors, date, stage, the
// five customer questions, visuals), the headline as a heading, the
// subheadline in italics, the dateline opening the summary, the press
// release paragraphs, the two quotes as block quotes ending in "— Name,
// Role", then the external and internal FAQs with each question as a
// heading. Everything taken from the document is escaped, so Markdown or
// HTML inside a field shows as text and cannot add links, headings, tables
// or tags.
//
// ParseMarkdown reads the output back to an equal document, up to white
// space at the ends of lines and fields: where the plain layout would be
// read back differently (a press release field of two paragraphs, a
// question whose topic the words do not tell), Markdown adds HTML comments
// that say which field or topic follows; they do not show when the
// Markdown is rendered. A nil document writes nothing.
func Markdown(w io.Writer, doc *PRFAQ) error {
	if doc == nil {
		return nil
	}
	out, err := markdownOf(doc, false)
	if err != nil {
		return err
	}
	if back, perr := ParseMarkdown(out); perr != nil || !reflect.DeepEqual(back, canonical(doc)) {
		if out, err = markdownOf(doc, true); err != nil {
			return err
		}
	}
	_, err = w.Write(out)
	return err
}

// markdownOf renders doc; marked adds the comments that name each press
// release field.
func markdownOf(doc *PRFAQ, marked bool) ([]byte, error) {
	var b bytes.Buffer
	fm := frontMatter{Schema: doc.Schema, ID: doc.ID, Title: doc.Title, Authors: doc.Authors,
		Date: doc.Date, Stage: doc.Stage, Visuals: doc.Visuals}
	if c := doc.Customer; c != (Customer{}) {
		fm.Customer = &c
	}
	var y bytes.Buffer
	enc := yaml.NewEncoder(&y)
	enc.SetIndent(2)
	if err := enc.Encode(fm); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(y.Bytes())) > 2 {
		b.WriteString("---\n")
		b.Write(y.Bytes())
		b.WriteString("---\n\n")
	}
	p := &doc.PressRelease
	if p.Headline != "" {
		fmt.Fprintf(&b, "# %s\n\n", inline(p.Headline))
	} else {
		// No headline yet: the section's name, which reads back as none.
		b.WriteString("# Press Release\n\n")
	}
	if p.Subheadline != "" {
		fmt.Fprintf(&b, "*%s*\n\n", inline(p.Subheadline))
	}
	mark := func(field string) {
		if marked {
			fmt.Fprintf(&b, "<!-- prfaq:%s -->\n\n", field)
		}
	}
	paras := func(text string) {
		for _, s := range blocks(text) {
			b.WriteString(s + "\n\n")
		}
	}
	var lead string
	switch city, day := inline(p.Dateline.City), p.Dateline.LaunchDate; {
	case city != "" && !day.IsZero():
		lead = city + " — " + day.Time().Format("January 2, 2006") + " — "
	case city != "":
		lead = city + " — [DATE] — " // a placeholder date keeps the city a city
	case !day.IsZero():
		lead = day.Time().Format("January 2, 2006") + " — "
	}
	summary := blocks(p.Summary)
	if lead != "" || len(summary) > 0 {
		mark("summary")
		if len(summary) == 0 {
			summary = []string{""}
		}
		summary[0] = lead + summary[0]
		for _, s := range summary {
			b.WriteString(strings.TrimSpace(s) + "\n\n")
		}
	}
	if p.Problem != "" {
		mark("problem")
		paras(p.Problem)
	}
	for _, s := range p.Solution {
		mark("solution")
		paras(s)
	}
	for _, q := range []struct {
		field string
		q     Quote
	}{{"leader-quote", p.LeaderQuote}, {"customer-quote", p.CustomerQuote}} {
		if q.q == (Quote{}) {
			continue
		}
		mark(q.field)
		for i, s := range blocks(q.q.Text) {
			if i > 0 {
				b.WriteString(">\n")
			}
			b.WriteString("> " + strings.ReplaceAll(s, "\n", "\n> ") + "\n")
		}
		who := inline(q.q.Speaker)
		if q.q.Role != "" {
			who += ", " + inline(q.q.Role)
		}
		fmt.Fprintf(&b, ">\n> — %s\n\n", who)
	}
	if p.GettingStarted != "" {
		mark("getting-started")
		paras(p.GettingStarted)
	}
	if p.CallToAction != "" {
		mark("call-to-action")
		paras(p.CallToAction)
	}
	for _, sec := range []struct {
		title    string
		faqs     []FAQ
		internal bool
	}{{"External FAQ", doc.ExternalFAQ, false}, {"Internal FAQ", doc.InternalFAQ, true}} {
		if len(sec.faqs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", sec.title)
		for _, q := range sec.faqs {
			fmt.Fprintf(&b, "### %s\n\n", inline(q.Question))
			if q.Topic != "" && guessTopic(q.Question, sec.internal) != q.Topic {
				fmt.Fprintf(&b, "<!-- topic: %s -->\n\n", inline(string(q.Topic)))
			}
			paras(q.Answer)
		}
	}
	return append(bytes.TrimRight(b.Bytes(), "\n"), '\n'), nil
}

// canonical is doc as Markdown writes it and ParseMarkdown reads it back:
// text fields with their paragraphs and lines trimmed and white space
// inside a line folded, one-line fields on one line, and Format markdown.
// The round-trip tests compare with it.
func canonical(doc *PRFAQ) *PRFAQ {
	c := *doc
	c.Format = FormatMarkdown
	p := &c.PressRelease
	for _, s := range []*string{&c.Title, &p.Headline, &p.Subheadline, &p.Dateline.City,
		&p.LeaderQuote.Speaker, &p.LeaderQuote.Role, &p.CustomerQuote.Speaker, &p.CustomerQuote.Role} {
		*s = oneLine(*s)
	}
	for _, s := range []*string{&p.Summary, &p.Problem, &p.LeaderQuote.Text, &p.CustomerQuote.Text, &p.GettingStarted, &p.CallToAction} {
		*s = paragraphs(*s)
	}
	p.Solution = nil
	for _, s := range doc.PressRelease.Solution {
		p.Solution = append(p.Solution, paragraphs(s))
	}
	for _, l := range []*[]FAQ{&c.ExternalFAQ, &c.InternalFAQ} {
		faqs := make([]FAQ, len(*l))
		for i, q := range *l {
			faqs[i] = FAQ{Question: oneLine(q.Question), Answer: paragraphs(q.Answer), Topic: q.Topic}
		}
		*l = faqs
	}
	for _, l := range []*[]FAQ{&c.ExternalFAQ, &c.InternalFAQ} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	if len(c.Authors) == 0 {
		c.Authors = nil
	}
	if len(c.Visuals) == 0 {
		c.Visuals = nil
	}
	return &c
}

// oneLine is text as an escaped inline Markdown run reads back.
func oneLine(s string) string { return unescapeInline(render.MarkdownInline(s)) }

// paragraphs is text as blocks writes it and ParseMarkdown reads it back.
func paragraphs(s string) string {
	var out []string
	for _, b := range blocks(s) {
		var lines []string
		for _, l := range strings.Split(b, "\n") {
			lines = append(lines, unescapeInline(l))
		}
		out = append(out, strings.Join(lines, "\n"))
	}
	return strings.Join(out, "\n\n")
}

// unescapeInline undoes render.MarkdownInline's escapes.
func unescapeInline(s string) string {
	var t mdText
	t.text([]byte(s), 0, len(s))
	return strings.TrimSpace(t.String())
}

// FindingsMarkdown renders findings as a Markdown report: a heading (when
// title is not empty), a count by severity and a table with each finding's
// severity, rule, place, message and suggestion, in the order given.
// Messages quote document text, so every cell is escaped. It returns the
// error of writing to w.
func FindingsMarkdown(w io.Writer, title string, fs []Finding) error {
	var b strings.Builder
	if title != "" {
		fmt.Fprintf(&b, "## %s\n\n", inline(title))
	}
	if len(fs) == 0 {
		b.WriteString("No findings.\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	count := map[Severity]int{}
	for _, f := range fs {
		count[f.Severity]++
	}
	var parts []string
	for _, s := range []Severity{Error, Warning, Info} {
		if n := count[s]; n > 0 {
			label := string(s)
			if n > 1 && s != Info {
				label += "s"
			}
			parts = append(parts, fmt.Sprintf("%d %s", n, label))
		}
	}
	noun := "findings"
	if len(fs) == 1 {
		noun = "finding"
	}
	fmt.Fprintf(&b, "%d %s: %s.\n\n", len(fs), noun, strings.Join(parts, ", "))
	b.WriteString("| Severity | Rule | Where | Message | Suggestion |\n| --- | --- | --- | --- | --- |\n")
	for _, f := range fs {
		where := f.Path
		if where == "" {
			where = "text"
		}
		if f.Line > 0 {
			where += fmt.Sprintf(" %d:%d", f.Line, f.Column)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", inline(string(f.Severity)), inline(f.Rule), inline(where), inline(f.Message), inline(f.Suggestion))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// blocks splits text into paragraphs at blank lines and escapes each.
func blocks(text string) []string {
	var out []string
	for _, p := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = strings.TrimSpace(l); l != "" {
				lines = append(lines, render.MarkdownInline(l))
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return out
}

// inline escapes text for one line of Markdown: a table cell, a heading,
// emphasis. Line breaks become spaces.
func inline(text string) string { return render.MarkdownInline(text) }
