package decision

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/render"
)

// Markdown writes d for people as a MADR-style record: a header table, the
// context, the options, the outcome and consequences, and, when c is not
// nil, the door with every reason, the process it calls for and the review
// findings; then reversibility, risks, pros and cons, dissent and links.
// Every piece of text from the document is escaped, so a title holding
// "|", "*", "<script>" or "[x](y)" renders as that text.
func Markdown(w io.Writer, d *Decision, c *Classification) error {
	if d == nil {
		return problem.Nil(KindDecision)
	}
	bw := bufio.NewWriter(w)
	m := &md{w: bw}
	m.header(d, c)
	m.section("Context and problem statement")
	m.block(d.Context)
	if len(d.Options) > 0 {
		m.section("Considered options")
		for i, o := range d.Options {
			m.printf("%d. %s\n", i+1, inline(o.Name))
		}
		m.printf("\n")
	}
	m.section("Decision outcome")
	if d.Chosen != "" {
		m.printf("Chosen option: \"%s\".\n\n", inline(d.Chosen))
	} else {
		m.printf("No option chosen yet.\n\n")
	}
	if d.Consequences != "" {
		m.subsection("Consequences")
		m.block(d.Consequences)
	}
	if c != nil {
		m.door(d, c)
	}
	m.reversibility(d)
	m.risks(d)
	m.options(d)
	m.dissent(d)
	m.links(d)
	if m.err != nil {
		return fmt.Errorf("decision: writing markdown: %w", m.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("decision: writing markdown: %w", err)
	}
	return nil
}

type md struct {
	w   *bufio.Writer
	err error
}

func (m *md) printf(format string, args ...any) {
	if m.err == nil {
		_, m.err = fmt.Fprintf(m.w, format, args...)
	}
}

func (m *md) section(title string)    { m.printf("## %s\n\n", title) }
func (m *md) subsection(title string) { m.printf("### %s\n\n", title) }

// block writes free text as paragraphs, escaping each line.
func (m *md) block(s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	blank := true
	for _, line := range strings.Split(strings.TrimSpace(s), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			if !blank {
				m.printf("\n")
			}
			blank = true
			continue
		}
		m.printf("%s\n", inline(line))
		blank = false
	}
	m.printf("\n")
}

func (m *md) header(d *Decision, c *Classification) {
	m.printf("# %s: %s\n\n", inline(d.ID), inline(d.Title))
	m.printf("| Field | Value |\n| --- | --- |\n")
	row := func(k, v string) {
		if v != "" {
			m.printf("| %s | %s |\n", k, v)
		}
	}
	row("Status", inline(string(d.Status)))
	if !d.Date.IsZero() {
		row("Date", d.Date.String())
	}
	if c != nil {
		row("Door", inline(string(c.Door)))
	}
	if len(d.Areas) > 0 {
		as := make([]string, len(d.Areas))
		for i, a := range d.Areas {
			as[i] = string(a)
		}
		row("Areas", list(as))
	}
	if p := d.People; p != nil {
		row("Driver", inline(p.Driver))
		row("Approver", inline(p.Approver))
		row("Contributors", list(p.Contributors))
		row("Informed", list(p.Informed))
	}
	if !d.ReviewBy.IsZero() {
		row("Review by", d.ReviewBy.String())
	}
	row("Tags", list(d.Tags))
	m.printf("\n")
}

func (m *md) door(d *Decision, c *Classification) {
	m.section("Door: " + inline(string(c.Door)))
	if len(c.Reasons) > 0 {
		m.printf("Reasons:\n\n")
		for _, r := range c.Reasons {
			m.printf("- %s `%s` at `%s`: %s\n", inline(string(r.Door)), codeSafe(r.Rule), codeSafe(r.Path), inline(r.Message))
		}
		m.printf("\n")
	}
	p := c.Process
	m.printf("Process:\n\n")
	m.printf("- Who decides: %s\n", inline(p.Deciders))
	m.printf("- Deliberation: %s\n", inline(p.Deliberation))
	have := ""
	if d.Information != nil {
		have = fmt.Sprintf(" (this decision has %s)", percent(*d.Information))
	}
	m.printf("- Information: %s of what you wish you had%s\n", percent(p.Information), have)
	m.printf("- Disagree and commit: %s\n\n", inline(p.DisagreeAndCommit))
	if len(c.Findings) > 0 {
		m.subsection("Review findings")
		for _, f := range c.Findings {
			m.printf("- **%s** `%s` at `%s`: %s", inline(string(f.Severity)), codeSafe(f.Rule), codeSafe(f.Path), inline(f.Message))
			if f.Suggestion != "" {
				m.printf(" (suggestion: %s)", inline(f.Suggestion))
			}
			m.printf("\n")
		}
		m.printf("\n")
	}
}

func (m *md) reversibility(d *Decision) {
	m.section("Reversibility and stakes")
	if r := d.Reversibility; r != nil {
		if r.Reversible != nil {
			m.printf("- Reversible: %s\n", yesNo(*r.Reversible))
		}
		if r.UndoCost != nil {
			m.printf("- Undo cost: %s\n", money(*r.UndoCost))
		}
		if r.UndoTime != "" {
			m.printf("- Undo time: %s\n", inline(string(r.UndoTime)))
		}
	}
	m.printf("- Impact: %d of 5\n", d.Impact)
	if d.CostOfFailure != nil {
		m.printf("- Cost of failure: %s\n", money(*d.CostOfFailure))
	}
	if d.Information != nil {
		m.printf("- Information: %s of what you wish you had\n", percent(*d.Information))
	}
	m.printf("\n")
}

func (m *md) risks(d *Decision) {
	if len(d.Risks) == 0 {
		return
	}
	m.section("Risks")
	m.printf("| Risk | Likelihood | Impact | Score | Mitigation | Owner |\n| --- | --- | --- | --- | --- | --- |\n")
	for _, r := range d.Risks {
		m.printf("| %s | %d | %d | %d | %s | %s |\n", inline(r.Description), r.Likelihood, r.Impact, r.Score(), inline(r.Mitigation), inline(r.Owner))
	}
	m.printf("\n")
}

func (m *md) options(d *Decision) {
	if len(d.Options) == 0 {
		return
	}
	m.section("Pros and cons of the options")
	for _, o := range d.Options {
		title := inline(o.Name)
		if o.Name == d.Chosen && d.Chosen != "" {
			title += " (chosen)"
		}
		m.subsection(title)
		if o.Description != "" {
			m.block(o.Description)
		}
		for _, p := range o.Pros {
			m.printf("- Good, because %s\n", inline(p))
		}
		for _, c := range o.Cons {
			m.printf("- Bad, because %s\n", inline(c))
		}
		if len(o.Pros)+len(o.Cons) > 0 {
			m.printf("\n")
		}
	}
}

func (m *md) dissent(d *Decision) {
	if d.People == nil || len(d.People.Dissent) == 0 {
		return
	}
	m.section("Dissent")
	for _, ds := range d.People.Dissent {
		state := "has not committed"
		if ds.Committed != nil && *ds.Committed {
			state = "disagrees and commits"
		}
		m.printf("- %s %s", inline(ds.Person), state)
		if ds.Reason != "" {
			m.printf(": %s", inline(ds.Reason))
		}
		m.printf("\n")
	}
	m.printf("\n")
}

func (m *md) links(d *Decision) {
	l := d.Links
	if l == nil {
		return
	}
	var supersededBy []string
	if l.SupersededBy != "" {
		supersededBy = []string{l.SupersededBy}
	}
	rows := []struct {
		name string
		ids  []string
	}{{"Supersedes", l.Supersedes}, {"Superseded by", supersededBy}, {"Amends", l.Amends}, {"Related", l.Related}}
	any := false
	for _, r := range rows {
		any = any || len(r.ids) > 0
	}
	if !any {
		return
	}
	m.section("Links")
	for _, r := range rows {
		if len(r.ids) > 0 {
			m.printf("- %s: %s\n", r.name, list(r.ids))
		}
	}
	m.printf("\n")
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func list(xs []string) string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = inline(x)
	}
	return strings.Join(out, ", ")
}

// inline escapes text for use inside a Markdown line, a heading, a list item
// or a table cell.
func inline(s string) string { return render.MarkdownInline(s) }

// codeSafe keeps a code span intact: rule ids and paths come from this
// package, but a path can carry a document's key, so backticks go.
func codeSafe(s string) string { return strings.ReplaceAll(s, "`", "'") }
