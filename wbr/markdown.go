package wbr

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Markdown renders the report as the deck is read: callouts first (XmR
// signals in the week reviewed, plan misses, periods with missing days),
// then each section with each metric's box: last week, WoW, YoY, the
// to-date periods with their year-over-year changes and the plan. With a
// non-empty chartDir each metric links its 6-12 chart at
// chartDir/<id>.svg (write them with MetricReport.SVG). Text from the deck
// is escaped.
func (r *Report) Markdown(w io.Writer, chartDir string) error {
	if r == nil {
		return errNilReport
	}
	var b bytes.Buffer
	title := "Weekly Business Review"
	if r.Title != "" {
		title = mdEscape(r.Title)
	}
	fmt.Fprintf(&b, "# %s: week ending %s\n\n", title, r.WeekEnding)
	fmt.Fprintf(&b, "Weeks end on %s; the fiscal year ends in %s. Volumes are compared in percent, rates in basis points (bps). "+
		"Year over year compares a week with the week 364 days earlier and a to-date period with the same days a year earlier. "+
		"n/a marks a figure that is undefined: no data, a change against zero, or a period with days missing (marked with †).\n\n",
		r.Calendar.WeekEnds, r.Calendar.FiscalYearEnd)

	b.WriteString("## Callouts\n\n")
	n := 0
	for i := range r.Metrics {
		if c := r.Metrics[i].callouts(r.WeekEnding); len(c) > 0 {
			fmt.Fprintf(&b, "- **%s** (owner %s): %s.\n", mdEscape(r.Metrics[i].Name), ownerOf(&r.Metrics[i]), strings.Join(c, "; "))
			n++
		}
	}
	if n == 0 {
		b.WriteString("Nothing exceptional: no signal in the week reviewed, no plan missed, no data missing.\n")
	}
	b.WriteByte('\n')

	index := map[string]int{}
	for i, m := range r.Metrics {
		index[m.ID] = i
	}
	if len(r.Annotations) > 0 {
		b.WriteString("## Annotations\n\n")
		for _, a := range r.Annotations {
			fmt.Fprintf(&b, "- %s: %s (%s)\n", a.Date, mdEscape(a.Note), r.concerned(&a, index, mdEscape))
		}
		b.WriteByte('\n')
	}
	for _, s := range r.Sections {
		fmt.Fprintf(&b, "## %s\n\n", mdEscape(s.Title))
		for _, id := range s.Metrics {
			if i, ok := index[id]; ok {
				r.Metrics[i].markdown(&b, r, chartDir)
			}
		}
	}
	_, err := w.Write(b.Bytes())
	return err
}

func ownerOf(m *MetricReport) string {
	if m.Owner == "" {
		return "none named"
	}
	return mdEscape(m.Owner)
}

// callouts lists what the meeting should hear about this metric.
func (m *MetricReport) callouts(week Date) []string {
	var out, sig []string
	for _, s := range m.Signals {
		if s.Week == week {
			sig = append(sig, signalText(s.Signal))
		}
	}
	if len(sig) > 0 {
		out = append(out, "XmR signals this week: "+strings.Join(sig, ", "))
	}
	if m.Plan != nil {
		for _, p := range []struct {
			name string
			plan *float64
			v    *float64
		}{{"last week", m.Plan.Week, m.Plan.WeekVariance}, {"month to date", m.Plan.MTD, m.Plan.MTDVariance}, {"quarter to date", m.Plan.QTD, m.Plan.QTDVariance}, {"year to date", m.Plan.YTD, m.Plan.YTDVariance}} {
			if m.missed(p.v) {
				out = append(out, fmt.Sprintf("%s missed plan by %s (plan %s)", p.name, m.formatChange(p.v), m.formatValue(p.plan)))
			}
		}
	}
	if len(m.Incomplete) > 0 {
		out = append(out, "days missing in "+strconv.Itoa(len(m.Incomplete))+" period(s); their figures are partial and not compared")
	}
	return out
}

// signalText says what an XmR signal means in words.
func signalText(s Signal) string {
	dir := "below"
	if s.Above {
		dir = "above"
	}
	switch {
	case s.MovingRange && s.Above:
		return "a jump up larger than the range limit (XmR rule 1)"
	case s.MovingRange:
		return "a drop larger than the range limit (XmR rule 1)"
	case s.Rule == 1:
		return "a point " + dir + " the natural process limits (XmR rule 1)"
	case s.Rule == 2:
		return "three of four points near the " + map[bool]string{true: "upper", false: "lower"}[s.Above] + " limit (XmR rule 2)"
	}
	return "a run of eight or more points " + dir + " the centre line (XmR rule 3)"
}

func (m *MetricReport) markdown(b *bytes.Buffer, r *Report, chartDir string) {
	fmt.Fprintf(b, "### %s\n\n", mdEscape(m.Name))
	fmt.Fprintf(b, "`%s` · %s metric · owner %s", m.ID, m.Role, ownerOf(m))
	if m.Unit != "" {
		fmt.Fprintf(b, " · %s", mdEscape(m.Unit))
	}
	if m.Aggregation == Derived {
		fmt.Fprintf(b, " · %s of %s", m.Operation, mdEscape(strings.Join(m.Operands, ", ")))
	} else {
		fmt.Fprintf(b, " · %s", m.Aggregation)
	}
	if m.Better == Down {
		b.WriteString(" · lower is better")
	}
	b.WriteString("\n\n")
	if chartDir != "" {
		fmt.Fprintf(b, "![6-12 chart of %s](%s/%s.svg)\n\n", mdEscape(m.Name), chartDir, m.ID)
	}
	for _, t := range []seriesTable{m.boxTable(), m.weekTable(), m.monthTable()} {
		if len(t.head) > 0 {
			mdTable(b, t)
		}
	}
	if len(m.Annotations) > 0 {
		b.WriteString("Annotations:\n\n")
		for _, a := range m.Annotations {
			fmt.Fprintf(b, "- %s: %s\n", a.Date, mdEscape(a.Note))
		}
		b.WriteByte('\n')
	}

	if m.XmR == nil {
		b.WriteString("XmR: fewer than two complete weeks; no limits yet.\n\n")
		return
	}
	c := m.XmR
	fmt.Fprintf(b, "XmR over %d weeks: centre %s, natural process limits %s to %s, range limit %s.",
		c.Points, m.formatValue(&c.Mean), m.formatValue(&c.Lower), m.formatValue(&c.Upper), m.formatValue(&c.RangeLimit))
	recent := m.recentSignals(r.Periods)
	if len(recent) == 0 {
		b.WriteString(" No signal in the last six weeks.\n\n")
		return
	}
	b.WriteString(" Signals in the last six weeks:\n\n")
	for _, s := range recent {
		fmt.Fprintf(b, "- week ending %s: %s\n", s.Week, signalText(s.Signal))
	}
	b.WriteByte('\n')
}

// recentSignals returns the signals that fall on the six weeks of the chart.
func (m *MetricReport) recentSignals(p Periods) []WeekSignal {
	var out []WeekSignal
	for _, s := range m.Signals {
		if len(p.Weeks) > 0 && !s.Week.Before(p.Weeks[0].End) {
			out = append(out, s)
		}
	}
	return out
}

// mdTable writes a six-week or twelve-month table; a cell behind plan is
// bold.
func mdTable(b *bytes.Buffer, t seriesTable) {
	if t.caption != "" {
		fmt.Fprintf(b, "%s:\n\n", t.caption)
	}
	b.WriteString("|" + t.corner)
	for _, h := range t.head {
		fmt.Fprintf(b, " | %s", h)
	}
	b.WriteString(" |\n|---|")
	for range t.head {
		b.WriteString("---:|")
	}
	b.WriteByte('\n')
	for _, r := range t.rows {
		b.WriteString("| " + r.label + " |")
		for i, c := range r.cells {
			if r.miss[i] {
				c = "**" + c + "**"
			}
			b.WriteString(" " + c + " |")
		}
		b.WriteByte('\n')
	}
	b.WriteByte('\n')
}
