package wbr

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/dayone-go/mechanisms/internal/render"
)

// HTML writes the report as one self-contained web page: the deck's
// sections in order, each metric with its box (last week, WoW, YoY, month,
// quarter and year to date, variance to plan), its 6-12 chart as inline
// SVG, its six-week and twelve-month tables, its XmR limits and recent
// signals, and its annotations; callouts and every annotation come first.
// Figures over periods with days missing are marked †.
//
// The page fetches nothing: no script, no style sheet, font or image from
// anywhere, and a content security policy that forbids them, so it works
// offline and as an e-mail attachment. It carries a print style sheet that
// fits A4 and Letter alike and keeps each table and chart on one page.
// The page is well-formed XML as well as HTML, and text from the deck is
// escaped.
func (r *Report) HTML(w io.Writer) error {
	if r == nil {
		return errNilReport
	}
	var b bytes.Buffer
	h := render.XML
	title := "Weekly Business Review"
	if r.Title != "" {
		title = r.Title
	}
	heading := h(title) + ": week ending " + r.WeekEnding.String()
	headingHTML := h(title) + ": week ending <span class=\"day\">" + r.WeekEnding.String() + "</span>"
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
	b.WriteString(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:"/>` + "\n")
	b.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1"/>` + "\n")
	b.WriteString(`<link rel="icon" href="data:,"/>` + "\n") // no favicon request
	fmt.Fprintf(&b, "<title>%s</title>\n<style>%s</style>\n</head>\n<body>\n", heading, pageStyle)

	fmt.Fprintf(&b, "<header>\n<h1>%s</h1>\n", headingHTML)
	fmt.Fprintf(&b, "<p class=\"lede\">Weeks end on %s; the fiscal year ends in %s. Volumes are compared in percent, rates in basis points (bps). "+
		"Year over year compares a week with the week 364 days earlier and a to-date period with the same days a year earlier. "+
		"n/a marks a figure that is undefined: no data, a change against zero, or a period with days missing (marked †).</p>\n</header>\n",
		r.Calendar.WeekEnds, r.Calendar.FiscalYearEnd)

	index := make(map[string]int, len(r.Metrics))
	for i := range r.Metrics {
		index[r.Metrics[i].ID] = i
	}
	b.WriteString("<nav aria-label=\"Sections\"><ol>\n")
	for k, s := range r.Sections {
		fmt.Fprintf(&b, "<li><a href=\"#s-%d\">%s</a></li>\n", k+1, h(s.Title))
	}
	b.WriteString("</ol></nav>\n")

	b.WriteString("<section class=\"callouts\">\n<h2>Callouts</h2>\n")
	n := 0
	for i := range r.Metrics {
		m := &r.Metrics[i]
		if c := m.callouts(r.WeekEnding); len(c) > 0 {
			if n == 0 {
				b.WriteString("<ul>\n")
			}
			owner := "none named"
			if m.Owner != "" {
				owner = m.Owner
			}
			fmt.Fprintf(&b, "<li><a href=\"#m-%s\">%s</a> (owner %s): %s.</li>\n", h(m.ID), h(m.Name), h(owner), h(strings.Join(c, "; ")))
			n++
		}
	}
	if n == 0 {
		b.WriteString("<p>Nothing exceptional: no signal in the week reviewed, no plan missed, no data missing.</p>\n")
	} else {
		b.WriteString("</ul>\n")
	}
	b.WriteString("</section>\n")

	if len(r.Annotations) > 0 {
		b.WriteString("<section class=\"events\">\n<h2>Annotations</h2>\n<table class=\"notes\"><thead><tr><th>Date</th><th>Event</th><th>Charts</th></tr></thead><tbody>\n")
		for _, a := range r.Annotations {
			fmt.Fprintf(&b, "<tr><td>%s</td><td>%s</td><td>%s</td></tr>\n", a.Date, h(a.Note), r.concerned(&a, index, h))
		}
		b.WriteString("</tbody></table>\n</section>\n")
	}

	seen := map[string]int{}
	for k, s := range r.Sections {
		fmt.Fprintf(&b, "<section class=\"deck\" id=\"s-%d\">\n<h2>%s</h2>\n", k+1, h(s.Title))
		for _, id := range s.Metrics {
			i, ok := index[id]
			if !ok {
				continue
			}
			// A metric shown in two sections gets distinct element ids.
			uid := id
			if c := seen[id]; c > 0 {
				uid += "-" + strconv.Itoa(c+1)
			}
			seen[id]++
			r.Metrics[i].html(&b, r, uid)
		}
		b.WriteString("</section>\n")
	}
	b.WriteString("<footer><p>† a period with days missing: its figure covers only the days with data and takes part in no change. " +
		"Bold red variance: behind plan (ahead, where lower is better). Charts draw a month of a total as its average week.</p></footer>\n")
	b.WriteString("</body>\n</html>\n")
	_, err := w.Write(b.Bytes())
	return err
}

// html writes one metric's article; uid makes its element ids unique.
func (m *MetricReport) html(b *bytes.Buffer, r *Report, uid string) {
	h := render.XML
	fmt.Fprintf(b, "<article class=\"metric\" id=\"m-%s\">\n<h3>%s</h3>\n", h(uid), h(m.Name))
	meta := []string{"<code>" + h(m.ID) + "</code>", string(m.Role) + " metric", "owner " + h(ownerOr(m.Owner))}
	if m.Unit != "" {
		meta = append(meta, h(m.Unit))
	}
	agg := string(m.Aggregation)
	if m.Aggregation == Derived {
		agg = string(m.Operation) + " of " + h(strings.Join(m.Operands, ", "))
	}
	meta = append(meta, agg)
	if m.Better == Down {
		meta = append(meta, "lower is better")
	}
	fmt.Fprintf(b, "<p class=\"meta\">%s</p>\n", strings.Join(meta, " · "))
	htmlTable(b, m.boxTable(), "box")
	b.WriteString("<figure class=\"chart\">\n")
	m.svg(b, "t-"+uid)
	b.WriteString("</figure>\n")
	if m.XmR == nil {
		b.WriteString("<p class=\"xmr\">XmR: fewer than two complete weeks; no limits yet.</p>\n")
	} else {
		c := m.XmR
		fmt.Fprintf(b, "<p class=\"xmr\">XmR over %d weeks: centre %s, natural process limits %s to %s, range limit %s.",
			c.Points, h(m.formatValue(&c.Mean)), h(m.formatValue(&c.Lower)), h(m.formatValue(&c.Upper)), h(m.formatValue(&c.RangeLimit)))
		recent := m.recentSignals(r.Periods)
		if len(recent) == 0 {
			b.WriteString(" No signal in the last six weeks.</p>\n")
		} else {
			b.WriteString(" Signals in the last six weeks:</p>\n<ul class=\"signals\">\n")
			for _, s := range recent {
				fmt.Fprintf(b, "<li>week ending %s: %s</li>\n", s.Week, h(signalText(s.Signal)))
			}
			b.WriteString("</ul>\n")
		}
	}
	for _, t := range []seriesTable{m.weekTable(), m.monthTable()} {
		if len(t.head) > 0 {
			htmlTable(b, t, "series")
		}
	}
	if len(m.Annotations) > 0 {
		b.WriteString("<ol class=\"notes\">\n")
		for _, a := range m.Annotations {
			fmt.Fprintf(b, "<li><span class=\"date\">%s</span> %s</li>\n", shortDate(a.Date), h(a.Note))
		}
		b.WriteString("</ol>\n")
	}
	b.WriteString("</article>\n")
}

func ownerOr(owner string) string {
	if owner == "" {
		return "none named"
	}
	return owner
}

// htmlTable writes a box or series table; cells behind plan get class miss
// and partial figures class partial.
func htmlTable(b *bytes.Buffer, t seriesTable, class string) {
	h := render.XML
	fmt.Fprintf(b, "<table class=\"%s\">\n", class)
	if t.caption != "" {
		fmt.Fprintf(b, "<caption>%s</caption>\n", h(t.caption))
	}
	fmt.Fprintf(b, "<thead><tr><th scope=\"col\">%s</th>", h(strings.TrimSpace(t.corner)))
	for _, c := range t.head {
		fmt.Fprintf(b, "<th scope=\"col\">%s</th>", h(c))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range t.rows {
		fmt.Fprintf(b, "<tr><th scope=\"row\">%s</th>", h(r.label))
		for i, c := range r.cells {
			var cls []string
			if r.miss[i] {
				cls = append(cls, "miss")
			}
			if strings.HasSuffix(c, "†") {
				cls = append(cls, "partial")
			}
			if len(cls) > 0 {
				fmt.Fprintf(b, "<td class=\"%s\">%s</td>", strings.Join(cls, " "), h(c))
			} else {
				fmt.Fprintf(b, "<td>%s</td>", h(c))
			}
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
}

// pageStyle is the page's only style sheet, inline. Its print rules fit
// both A4 (210 mm) and Letter (8.5 in) by leaving the paper size to the
// printer and scaling charts to the width of the page.
const pageStyle = `
:root { color-scheme: light; }
body { font: 14px/1.45 -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; color: #22262b; background: #f4f5f7; margin: 0; padding: 0 16px 32px; }
header, nav, section.callouts, section.events, section.deck, footer { max-width: 980px; margin: 0 auto; }
h1 { font-size: 24px; margin: 24px 0 6px; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 2px solid #1f5fa8; }
h3 { font-size: 17px; margin: 0 0 2px; }
.lede, .meta, footer { color: #555b63; }
.meta { margin: 0 0 10px; font-size: 13px; }
nav ol { margin: 8px 0; padding-left: 20px; columns: 2; }
a { color: #1f5fa8; }
article.metric { background: #ffffff; border: 1px solid #d9dde2; border-radius: 6px; padding: 16px 18px; margin: 0 0 18px; }
figure.chart { margin: 12px 0; }
figure.chart svg { display: block; width: 100%; height: auto; max-width: 760px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: bold; font-size: 13px; padding: 4px 0; }
th, td { padding: 3px 8px; border-bottom: 1px solid #e3e6ea; }
thead th { border-bottom: 2px solid #b8bec6; font-size: 12px; }
td { text-align: right; white-space: nowrap; }
tbody th { text-align: left; font-weight: normal; white-space: nowrap; }
table.series { font-size: 12px; width: 100%; }
table.series td, table.series th { padding: 2px 4px; }
td.miss { color: #c62828; font-weight: bold; }
td.partial { color: #8a5a00; }
.notes { font-size: 13px; }
table.notes { width: 100%; }
table.notes td, table.notes th { text-align: left; white-space: normal; vertical-align: top; }
table.notes td:first-child { white-space: nowrap; }
ol.notes li::marker { color: #6a3d9a; font-weight: bold; }
.date { font-weight: bold; margin-right: 6px; }
.day { white-space: nowrap; }
p.xmr { font-size: 13px; }
@media print {
  @page { margin: 12mm; }
  body { background: #ffffff; font-size: 9.5pt; line-height: 1.3; padding: 0; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  h1 { font-size: 16pt; margin: 0 0 4pt; }
  h2 { font-size: 13pt; margin: 0 0 6pt; }
  h3 { font-size: 12pt; }
  p.meta, p.xmr { margin: 2pt 0 4pt; font-size: 8.5pt; }
  table { margin: 4pt 0 6pt; }
  th, td { padding: 1px 6px; }
  caption { font-size: 9pt; padding: 2pt 0; }
  figure.chart { margin: 4pt 0; }
  header, section.callouts, section.events, section.deck, footer { max-width: none; }
  nav { display: none; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, p.meta { break-after: avoid; page-break-after: avoid; }
  article.metric { border: 0; border-top: 1px solid #b8bec6; border-radius: 0; padding: 8px 0 0; margin: 0 0 10px; }
  section.deck article.metric { break-before: page; page-break-before: always; }
  section.deck h2 + article.metric { break-before: avoid; page-break-before: avoid; }
  section.deck { break-before: page; page-break-before: always; }
  table, figure.chart, ul.signals, ol.notes { break-inside: avoid; page-break-inside: avoid; }
  figure.chart svg { max-width: 92%; }
  table.series { font-size: 7.5pt; }
  table.series td, table.series th { padding: 1px 2px; }
}
`
