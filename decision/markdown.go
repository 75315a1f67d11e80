package decision

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/render"
)

// Markdown writes d as a MADR 4 record that ParseMarkdown reads back to
// the same decision (with Format "markdown"): YAML front matter carries
// what MADR has no section for (status, date, id, areas, reversibility,
// impact, cost of failure, information, risks, people, tags, review date,
// links), and the body holds the title, Context and Problem Statement,
// Decision Drivers, Considered Options, Decision Outcome with `Chosen
// option: "…", because …`, Consequences, Confirmation, Pros and Cons of the
// Options and More Information. When c is not nil, the door with its
// reasons (deciding ones first), the process it calls for and the review
// findings follow the outcome; with the reversibility, risk and dissent
// sections they are written for people and skipped by ParseMarkdown, which
// reads those values from the front matter.
//
// Every piece of text from the document is escaped, so a title holding
// "|", "*", "<script>" or "[x](y)" renders as that text, and front-matter
// values are JSON, which YAML reads as written.
func Markdown(w io.Writer, d *Decision, c *Classification) error {
	if d == nil {
		return problem.Nil(KindDecision)
	}
	bw := bufio.NewWriter(w)
	m := &md{w: bw}
	m.frontMatter(d)
	m.printf("# %s\n\n", inline(d.Title))
	if d.Context != "" {
		m.section("Context and Problem Statement")
		m.block(d.Context)
	}
	if len(d.Drivers) > 0 {
		m.section("Decision Drivers")
		for _, x := range d.Drivers {
			m.printf("* %s\n", inline(x))
		}
		m.printf("\n")
	}
	if len(d.Options) > 0 {
		m.section("Considered Options")
		for _, o := range d.Options {
			m.printf("* %s\n", inline(o.Name))
		}
		m.printf("\n")
	}
	m.outcome(d)
	if c != nil {
		m.door(d, c)
	}
	m.reversibility(d)
	m.risks(d)
	m.options(d)
	m.dissent(d)
	if d.MoreInformation != "" {
		m.section("More Information")
		m.block(d.MoreInformation)
	}
	if m.err != nil {
		return fmt.Errorf("decision: writing markdown: %w", m.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("decision: writing markdown: %w", err)
	}
	return nil
}

// frontMatter writes the values MADR has no section for, one key a line,
// each value as JSON.
func (m *md) frontMatter(d *Decision) {
	m.printf("---\n")
	kv := func(k string, v any, ok bool) {
		if !ok {
			return
		}
		j, err := json.Marshal(v)
		if err != nil {
			if m.err == nil {
				m.err = err
			}
			return
		}
		m.printf("%s: %s\n", k, yamlSafeJSON(j))
	}
	kv("$schema", d.Schema, d.Schema != "")
	kv("status", d.Status, d.Status != "")
	kv("statusText", d.StatusText, d.StatusText != "")
	kv("date", d.Date, !d.Date.IsZero())
	kv("id", d.ID, d.ID != "")
	kv("areas", d.Areas, len(d.Areas) > 0)
	kv("reversibility", d.Reversibility, d.Reversibility != nil)
	kv("impact", d.Impact, d.Impact != 0)
	kv("costOfFailure", d.CostOfFailure, d.CostOfFailure != nil)
	kv("information", d.Information, d.Information != nil)
	kv("risks", d.Risks, len(d.Risks) > 0)
	kv("people", d.People, d.People != nil)
	kv("tags", d.Tags, len(d.Tags) > 0)
	kv("reviewBy", d.ReviewBy, !d.ReviewBy.IsZero())
	kv("links", d.Links, d.Links != nil)
	m.printf("---\n\n")
}

func (m *md) outcome(d *Decision) {
	if d.Chosen == "" && d.Outcome == "" && d.Consequences == "" && d.Confirmation == "" {
		return
	}
	m.section("Decision Outcome")
	outcome := strings.TrimSpace(d.Outcome)
	if d.Chosen != "" {
		first, rest, _ := strings.Cut(outcome, "\n\n")
		if first == "" {
			m.printf("Chosen option: \"%s\".\n\n", inline(d.Chosen))
		} else {
			m.printf("Chosen option: \"%s\", because ", inline(d.Chosen))
			m.block(first)
		}
		outcome = rest
	}
	if outcome != "" {
		m.block(outcome)
	}
	if d.Consequences != "" {
		m.subsection("Consequences")
		m.block(d.Consequences)
	}
	if d.Confirmation != "" {
		m.subsection("Confirmation")
		m.block(d.Confirmation)
	}
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

func (m *md) door(d *Decision, c *Classification) {
	door := string(c.Door)
	if door == "" {
		door = "not classified"
	}
	m.section("Door: " + inline(door))
	if len(c.Reasons) > 0 {
		m.printf("Reasons:\n\n")
		for _, r := range c.Reasons {
			mark := ""
			if r.Deciding {
				mark = "**deciding** "
			}
			m.printf("- %s%s `%s` at `%s`: %s\n", mark, inline(string(r.Door)), codeSafe(r.Rule), codeSafe(r.Path), inline(r.Message))
		}
		m.printf("\n")
	}
	if p := c.Process; c.Door != "" {
		m.printf("Process:\n\n")
		m.printf("- Who decides: %s\n", inline(p.Deciders))
		m.printf("- Deliberation: %s\n", inline(p.Deliberation))
		have := ""
		if d.Information != nil {
			have = fmt.Sprintf(" (this decision has %s)", percent(*d.Information))
		}
		m.printf("- Information: %s of what you wish you had%s\n", percent(p.Information), have)
		m.printf("- Disagree and commit: %s\n\n", inline(p.DisagreeAndCommit))
	}
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
	if d.Reversibility == nil && d.Impact == 0 && d.CostOfFailure == nil && d.Information == nil {
		return
	}
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
	if d.Impact != 0 {
		m.printf("- Impact: %d of 5\n", d.Impact)
	}
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
	if !slices.ContainsFunc(d.Options, func(o Option) bool {
		return o.Description != "" || len(o.Pros)+len(o.Cons)+len(o.Neutral) > 0
	}) {
		return
	}
	m.section("Pros and Cons of the Options")
	for _, o := range d.Options {
		if o.Description == "" && len(o.Pros)+len(o.Cons)+len(o.Neutral) == 0 {
			continue
		}
		m.subsection(inline(o.Name))
		if o.Description != "" {
			m.block(o.Description)
		}
		for _, p := range o.Pros {
			m.printf("- Good, because %s\n", inline(p))
		}
		for _, n := range o.Neutral {
			m.printf("- Neutral, because %s\n", inline(n))
		}
		for _, c := range o.Cons {
			m.printf("- Bad, because %s\n", inline(c))
		}
		if len(o.Pros)+len(o.Cons)+len(o.Neutral) > 0 {
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

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// inline escapes text for use inside a Markdown line, a heading, a list item
// or a table cell.
func inline(s string) string { return render.MarkdownInline(s) }

// codeSafe keeps a code span intact: rule ids and paths come from this
// package, but a path can carry a document's key, so backticks go.
func codeSafe(s string) string { return strings.ReplaceAll(s, "`", "'") }

// yamlSafeJSON escapes what JSON leaves raw but YAML refuses even inside a
// double-quoted string: DEL and the C1 control characters. \uXXXX means the
// same character in both, so the front matter reads back as written.
func yamlSafeJSON(j []byte) []byte {
	if !bytes.ContainsFunc(j, func(r rune) bool { return r == 0x7f || r >= 0x80 && r <= 0x9f }) {
		return j
	}
	var b bytes.Buffer
	for _, r := range string(j) {
		if r == 0x7f || r >= 0x80 && r <= 0x9f {
			fmt.Fprintf(&b, "\\u%04x", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.Bytes()
}
