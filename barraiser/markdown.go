package barraiser

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/dayone-go/mechanisms/internal/render"
)

// Markdown renders the debrief packet of l: the outcome and the reasons
// that decided it, the votes, the ratings per principle and the evidence
// behind each rating. Pass the Outcome Evaluate returned for l. Everything
// taken from the document is escaped, so a name or an evidence text cannot
// break the tables or inject markup. The same input gives the same bytes.
// It returns the first error writing to w, and the nil-loop error for a nil
// l, writing nothing.
func Markdown(w io.Writer, l *Loop, o Outcome) error {
	if l == nil {
		return nilLoop()
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Debrief packet: %s\n\n", esc(l.Candidate.Name))
	fmt.Fprintf(&b, "- **Role:** %s, %s, level %d\n", esc(l.Role.Title), esc(l.Role.Family), l.Role.Level)
	if l.Debrief != nil {
		fmt.Fprintf(&b, "- **Debrief:** %s", l.Debrief.At.Format(time.RFC3339))
		if l.Debrief.Decision != "" {
			fmt.Fprintf(&b, ", recorded decision **%s**", l.Debrief.Decision)
		}
		b.WriteString("\n")
	}
	b.WriteString("\n## Outcome\n\n")
	veto := "no"
	if o.Vetoed {
		veto = "yes, by the bar raiser"
	}
	fmt.Fprintf(&b, "- **Decision:** %s\n- **Vetoed:** %s\n- **Score:** %s of 4\n", o.Decision, veto, num(o.Score))
	if o.Bar != nil {
		raises := "no"
		if o.Bar.Raises {
			raises = "yes"
		}
		fmt.Fprintf(&b, "- **Raises the bar:** %s: better than %s%% of a cohort of %d\n", raises, num(o.Bar.Percentile), o.Bar.CohortSize)
	} else {
		b.WriteString("- **Raises the bar:** unknown: no cohort\n")
	}
	if len(o.Reasons) > 0 {
		b.WriteString("\n### Reasons\n\n")
		for _, r := range o.Reasons {
			effect := "held"
			if r.Blocks {
				effect = "blocks"
			}
			fmt.Fprintf(&b, "- `%s` (%s): %s\n", r.Rule, effect, esc(r.Message))
		}
	}

	t := o.Tally
	fmt.Fprintf(&b, "\n## Votes\n\nStrongly inclined %d, inclined %d, not inclined %d, strongly not inclined %d; %d missing; points %+d.\n\n",
		t.StronglyInclined, t.Inclined, t.NotInclined, t.StronglyNotInclined, t.Missing, t.Points)
	b.WriteString("| Interviewer | Loop role | Level | Vote | Submitted |\n| --- | --- | ---: | --- | --- |\n")
	given := map[string]*Feedback{}
	for i := range l.Feedback {
		if _, ok := given[l.Feedback[i].Interviewer]; !ok {
			given[l.Feedback[i].Interviewer] = &l.Feedback[i]
		}
	}
	for _, iv := range l.Interviewers {
		vote, at := "no feedback", ""
		if f := given[iv.ID]; f != nil {
			vote, at = esc(string(f.Vote)), f.SubmittedAt.Format(time.RFC3339)
		}
		fmt.Fprintf(&b, "| %s (%s) | %s | %d | %s | %s |\n", esc(iv.Name), esc(iv.ID), esc(string(iv.Role)), iv.Level, vote, at)
	}

	b.WriteString("\n## Ratings by principle\n\n| Principle | Scores | Mean | Spread | Rated by | Evidence words |\n| --- | --- | ---: | ---: | --- | ---: |\n")
	for _, s := range o.Principles {
		scores := make([]string, len(s.Scores))
		for i, x := range s.Scores {
			scores[i] = strconv.Itoa(x)
		}
		raters := make([]string, len(s.RatedBy))
		for i, id := range s.RatedBy {
			raters[i] = esc(id)
		}
		mean := "n/a"
		if len(s.Scores) > 0 {
			mean = num(s.Mean)
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %d | %s | %d |\n", esc(s.Principle), strings.Join(scores, ", "), mean, s.Spread, strings.Join(raters, ", "), s.EvidenceWords)
	}

	b.WriteString("\n## Evidence\n")
	roster := l.roster()
	items := map[string][]string{}
	for _, f := range l.Feedback {
		name := f.Interviewer
		if iv := roster[f.Interviewer]; iv != nil {
			name = iv.Name
		}
		for _, r := range f.Ratings {
			items[r.Principle] = append(items[r.Principle], fmt.Sprintf("- **%s** (%s), %d of 4: %s\n", esc(name), esc(f.Interviewer), r.Score, esc(r.Evidence)))
		}
	}
	for _, p := range l.PrincipleList() {
		if len(items[p]) > 0 {
			fmt.Fprintf(&b, "\n### %s\n\n%s", esc(p), strings.Join(items[p], ""))
			delete(items, p) // a principle listed twice is shown once
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

// num formats a figure with two decimals.
func num(x float64) string {
	return strconv.FormatFloat(x, 'f', 2, 64)
}

// esc makes document text inert in the packet's Markdown.
func esc(s string) string { return render.MarkdownInline(s) }
