package prfaq

import (
	"fmt"
	"io"
	"strings"

	"github.com/dayone-go/mechanisms/internal/render"
)

// Markdown renders the document the way a team reads it in the meeting: the
// press release first, then the external and internal FAQs, then the five
// customer questions, the visuals and who wrote it. Everything taken from
// the document is escaped, so Markdown or HTML inside a field shows as
// text and cannot add links, headings, tables or tags. Picture URIs are
// shown as text, not links. A nil document writes nothing.
func Markdown(w io.Writer, doc *PRFAQ) error {
	var b strings.Builder
	if doc == nil {
		return nil
	}
	p := &doc.PressRelease
	fmt.Fprintf(&b, "# %s\n\n", inline(p.Headline))
	if p.Subheadline != "" {
		fmt.Fprintf(&b, "*%s*\n\n", inline(p.Subheadline))
	}
	lead := inline(strings.ToUpper(p.Dateline.City))
	if !p.Dateline.LaunchDate.IsZero() {
		lead += " — " + p.Dateline.LaunchDate.Time().Format("January 2, 2006")
	}
	paras := blocks(p.Summary)
	if lead != "" {
		if len(paras) == 0 {
			paras = []string{""}
		}
		paras[0] = "**" + lead + "** — " + paras[0]
	}
	for _, s := range paras {
		b.WriteString(s + "\n\n")
	}
	for _, text := range append([]string{p.Problem}, p.Solution...) {
		for _, s := range blocks(text) {
			b.WriteString(s + "\n\n")
		}
	}
	for _, q := range []Quote{p.LeaderQuote, p.CustomerQuote} {
		if q.Text == "" {
			continue
		}
		for i, s := range blocks(q.Text) {
			if i > 0 {
				b.WriteString(">\n")
			}
			b.WriteString("> " + strings.ReplaceAll(s, "\n", "\n> ") + "\n")
		}
		fmt.Fprintf(&b, ">\n> — %s, %s\n\n", inline(q.Speaker), inline(q.Role))
	}
	for _, text := range []string{p.GettingStarted, p.CallToAction} {
		for _, s := range blocks(text) {
			b.WriteString(s + "\n\n")
		}
	}
	for _, sec := range []struct {
		title string
		faqs  []FAQ
	}{{"External FAQ", doc.ExternalFAQ}, {"Internal FAQ", doc.InternalFAQ}} {
		if len(sec.faqs) == 0 {
			continue
		}
		fmt.Fprintf(&b, "## %s\n\n", sec.title)
		for _, q := range sec.faqs {
			fmt.Fprintf(&b, "**%s**", inline(q.Question))
			if q.Topic != "" {
				fmt.Fprintf(&b, " <sub>%s</sub>", inline(string(q.Topic)))
			}
			b.WriteString("\n\n")
			for _, s := range blocks(q.Answer) {
				b.WriteString(s + "\n\n")
			}
		}
	}
	c := &doc.Customer
	b.WriteString("## The five customer questions\n\n| Question | Answer |\n| --- | --- |\n")
	for _, row := range [][2]string{
		{"Who is the customer?", c.Who},
		{"What is the customer's problem or opportunity?", c.Problem},
		{"What is the most important customer benefit?", c.Benefit},
		{"How do you know what customers need?", c.Evidence},
		{"What does the customer experience look like?", c.Experience},
	} {
		fmt.Fprintf(&b, "| %s | %s |\n", row[0], inline(row[1]))
	}
	b.WriteString("\n")
	if len(doc.Visuals) > 0 {
		b.WriteString("## Visuals\n\n")
		for _, v := range doc.Visuals {
			fmt.Fprintf(&b, "- %s: %s (%s)\n", inline(string(v.Kind)), inline(v.Caption), inline(v.URI))
		}
		b.WriteString("\n")
	}
	b.WriteString("---\n\n")
	fmt.Fprintf(&b, "*%s* · %s · stage: %s · %s · by %s\n", inline(doc.Title), inline(doc.ID), inline(string(doc.Stage)),
		inline(dateText(doc.Date)), inline(strings.Join(doc.Authors, ", ")))
	_, err := io.WriteString(w, b.String())
	return err
}

func dateText(d Date) string {
	if d.IsZero() {
		return ""
	}
	return d.String()
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
