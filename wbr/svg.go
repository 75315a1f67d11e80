package wbr

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"time"

	"github.com/dayone-go/mechanisms/internal/render"
)

// Geometry of the 6-12 chart, in SVG user units.
const (
	chartW, chartH   = 760, 392
	plotTop, plotBot = 72, 300 // y of the plot area's top and bottom
	plotLeft         = 78
	weeksW, gapW     = 230, 28 // width of the six-week panel and the gap
	monthsW          = 410     // width of the twelve-month panel
)

const (
	colourThisYear = "#1f5fa8"
	colourLastYear = "#8a8f98"
	colourPlan     = "#d9822b"
	colourSignal   = "#c62828"
	colourGrid     = "#e3e6ea"
	colourText     = "#22262b"
)

// colourSecond draws a chart's second metric; colourNote its annotations.
const (
	colourSecond       = "#2e7d32"
	colourSecondFaded  = "#97c39a"
	colourNote         = "#6a3d9a"
	maxChartNotes      = 8      // annotations listed beneath a chart; the rest are counted
	legendGap, rowStep = 22, 18 // space between legend entries; height of a text row
)

// SVG writes the metric's 6-12 chart as a standalone SVG document: the
// trailing six weeks and twelve months side by side on one y-axis, this
// year solid, last year dashed, the plan as a dotted line through diamonds,
// weeks with an XmR signal ringed in red, periods with missing days as
// hollow points, the chart's second metric (With) in green, and each
// annotation as a numbered line on the week and month it falls in, listed
// beneath the legend. For an additive metric (a total) the months are drawn
// as their average week (the month's total ÷ its days × 7) so both panels
// share one scale; the axis says so. Text from the deck is escaped, and no
// number in the output is NaN or infinite.
func (m *MetricReport) SVG(w io.Writer) error {
	if m == nil {
		return errNilReport
	}
	var b bytes.Buffer
	m.svg(&b, "t-"+m.ID)
	_, err := w.Write(b.Bytes())
	return err
}

// errNilReport is what a renderer returns for a nil report.
var errNilReport = errors.New("wbr: nothing to render: the report is nil")

// chartLine is one metric drawn on a chart.
type chartLine struct {
	name          string
	weeks, months []ChartPoint
	month         func(ChartPoint, *float64) *float64 // scales a month's value to the weekly axis
	colour, faded string
}

// monthScale returns how a month's value is put on the weekly axis: as its
// average week for a total, as it is otherwise.
func monthScale(additive bool) func(ChartPoint, *float64) *float64 {
	if !additive {
		return func(_ ChartPoint, v *float64) *float64 { return v }
	}
	return func(p ChartPoint, v *float64) *float64 {
		if v == nil {
			return nil
		}
		days := float64(dayOf(p.Period.End)-dayOf(p.Period.Start)) + 1
		x := *v / days * 7 // divide first: a total near the float64 limit stays finite
		return &x
	}
}

// lines returns the metric's own line and its second metric's, if any.
func (m *MetricReport) lines() []chartLine {
	additive := m.Additive || m.Aggregation == Sum
	out := []chartLine{{name: m.Name, weeks: m.Weeks, months: m.Months, month: monthScale(additive), colour: colourThisYear, faded: colourLastYear}}
	if m.With != nil {
		out = append(out, chartLine{name: m.With.Name, weeks: m.With.Weeks, months: m.With.Months, month: monthScale(m.With.Additive), colour: colourSecond, faded: colourSecondFaded})
	}
	return out
}

// legendEntry is one item of a chart's legend: a sample drawn at (x, y)
// and a label beside it.
type legendEntry struct {
	sample func(x, y int) string
	label  string
	w      int // the sample's width
	x, y   int
}

// legendWidth estimates an entry's width: its sample, a space and about 7
// units a character of 12-unit Helvetica.
func legendWidth(e legendEntry) int { return e.w + 6 + 7*len([]rune(e.label)) }

// layoutLegend places the entries left to right from x0, wrapping at the
// chart's right edge, and returns the number of rows.
func layoutLegend(es []legendEntry, x0, y0 int) int {
	x, y, rows := x0, y0, 1
	for i := range es {
		w := legendWidth(es[i])
		if x > x0 && x+w > chartW-8 {
			x, y, rows = x0, y+rowStep, rows+1
		}
		es[i].x, es[i].y = x, y
		x += w + legendGap
	}
	return rows
}

// svg draws the chart into b; uid is the id of its title element, unique
// in the page the chart is part of.
func (m *MetricReport) svg(b *bytes.Buffer, uid string) {
	lines := m.lines()
	var all []float64
	for k, l := range lines {
		for _, panel := range []struct {
			ps    []ChartPoint
			scale func(ChartPoint, *float64) *float64
		}{{l.weeks, func(_ ChartPoint, v *float64) *float64 { return v }}, {l.months, l.month}} {
			for _, p := range panel.ps {
				vs := []*float64{p.Value, p.YearAgo}
				if k == 0 {
					vs = append(vs, p.Plan)
				}
				for _, v := range vs {
					if x := panel.scale(p, v); x != nil && !math.IsNaN(*x) && !math.IsInf(*x, 0) {
						all = append(all, *x)
					}
				}
			}
		}
	}
	ticks := niceTicks(all)
	lo, hi := ticks[0], ticks[len(ticks)-1]
	// Halves keep hi − lo finite for values near ±MaxFloat64.
	y := func(v float64) float64 { return plotBot - (v/2-lo/2)/(hi/2-lo/2)*(plotBot-plotTop) }

	lastYear := func(c string) string { return `stroke="` + c + `" stroke-width="2" stroke-dasharray="6 4"` }
	thisYear := func(c string) string { return `stroke="` + c + `" stroke-width="2.5"` }
	planLine := `stroke="` + colourPlan + `" stroke-width="1.5" stroke-dasharray="2 3"`
	planDot := `<path transform="translate(%s %s)" d="M0 -6 L6 0 L0 6 L-6 0 Z" fill="#ffffff" stroke="` + colourPlan + `" stroke-width="2"/>`

	// The legend and the annotation list decide the chart's height.
	var legend []legendEntry
	partial, hasPlan := false, false
	for k, l := range lines {
		ty, ly := "This year", "Last year"
		if len(lines) > 1 {
			name := clipRunes(l.name, 24)
			ty, ly = name+", this year", name+", last year"
		}
		legend = append(legend,
			legendEntry{sample: lineSample(thisYear(l.colour)), label: ty, w: 28},
			legendEntry{sample: lineSample(lastYear(l.faded)), label: ly, w: 28})
		for _, ps := range [][]ChartPoint{l.weeks, l.months} {
			for _, p := range ps {
				partial = partial || (p.Value != nil && p.Missing > 0)
				hasPlan = hasPlan || (k == 0 && p.Plan != nil)
			}
		}
	}
	if hasPlan {
		legend = append(legend, legendEntry{sample: func(x, y int) string {
			return fmt.Sprintf(`<line x1="%d" y1="%d" x2="%d" y2="%d" %s/>`, x, y, x+28, y, planLine) + fmt.Sprintf(planDot, strconv.Itoa(x+14), strconv.Itoa(y))
		}, label: "Plan", w: 28})
	}
	legend = append(legend, legendEntry{sample: func(x, y int) string {
		return fmt.Sprintf(`<circle cx="%d" cy="%d" r="7" fill="none" stroke="%s" stroke-width="2"/>`, x+8, y, colourSignal)
	}, label: "XmR signal", w: 16})
	if partial {
		legend = append(legend, legendEntry{sample: func(x, y int) string {
			return fmt.Sprintf(`<circle cx="%d" cy="%d" r="3.5" fill="#ffffff" stroke="%s" stroke-width="1.5"/>`, x+8, y, colourThisYear)
		}, label: "days missing", w: 16})
	}
	legendRows := 0
	if len(lines) > 1 {
		// One row per metric, its last-year entry in a column of its own.
		col := 0
		for k := range lines {
			col = max(col, legendWidth(legend[2*k]))
		}
		for k := range lines {
			y := chartH - 16 + rowStep*k
			legend[2*k].x, legend[2*k].y = plotLeft, y
			legend[2*k+1].x, legend[2*k+1].y = plotLeft+col+legendGap, y
		}
		legendRows = len(lines)
		legendRows += layoutLegend(legend[2*len(lines):], plotLeft, chartH-16+rowStep*legendRows)
	} else {
		legendRows = layoutLegend(legend, plotLeft, chartH-16)
	}
	notes, earlier := m.Annotations, 0 // the chart marks and lists the latest few
	if len(notes) > maxChartNotes {
		earlier = len(notes) - maxChartNotes
		notes = notes[earlier:]
	}
	noteRows := len(notes)
	if earlier > 0 {
		noteRows++
	}
	height := chartH + rowStep*(legendRows-1)
	if noteRows > 0 {
		height += rowStep*noteRows + 8
	}

	name := render.XML(m.Name)
	uid = render.XML(uid)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="%s">`+"\n",
		chartW, height, chartW, height, uid, colourText)
	fmt.Fprintf(b, `<title id="%s">6-12 chart of %s</title>`+"\n", uid, name)
	fmt.Fprintf(b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", chartW, height)
	fmt.Fprintf(b, `<text x="%d" y="26" font-size="17" font-weight="bold">%s</text>`+"\n", plotLeft-60, render.XML(clipRunes(m.Name, 70)))
	sub := string(m.Role) + " metric"
	if m.Owner != "" {
		sub += " · owner " + m.Owner
	}
	if m.Better == Down {
		sub += " · lower is better"
	}
	fmt.Fprintf(b, `<text x="%d" y="46" font-size="12" fill="#555b63">%s</text>`+"\n", plotLeft-60, render.XML(clipRunes(sub, 60)))
	// The head of the box, so the chart reads on its own.
	box := "Last week " + m.compactOrNA(m.LastWeek) + " · WoW " + m.formatChange(m.WoW) + " · YoY " + m.formatChange(m.YoY)
	fmt.Fprintf(b, `<text x="%d" y="46" text-anchor="end" font-size="13" font-weight="bold">%s</text>`+"\n", plotLeft+weeksW+gapW+monthsW, render.XML(box))

	// Y axis: grid lines and labels shared by both panels.
	right := plotLeft + weeksW + gapW + monthsW
	for _, t := range ticks {
		yy := y(t)
		fmt.Fprintf(b, `<line x1="%d" y1="%s" x2="%d" y2="%s" stroke="%s"/>`+"\n", plotLeft, f1(yy), right, f1(yy), colourGrid)
		fmt.Fprintf(b, `<text x="%d" y="%s" text-anchor="end" dominant-baseline="middle">%s</text>`+"\n", plotLeft-8, f1(yy), render.XML(m.compact(t)))
	}
	axis := m.Unit
	if axis == "" {
		axis = "value"
	}
	if m.isFraction() {
		axis += " (%)"
	}
	if m.Additive || m.Aggregation == Sum {
		axis += " per week"
	}
	fmt.Fprintf(b, `<text transform="translate(14 %d) rotate(-90)" text-anchor="middle" font-size="12">%s</text>`+"\n", (plotTop+plotBot)/2, render.XML(axis))

	// Panels.
	weekX := func(i int) float64 { return plotLeft + (float64(i)+0.5)*weeksW/6 }
	monthX := func(i int) float64 { return plotLeft + weeksW + gapW + (float64(i)+0.5)*monthsW/12 }
	for _, p := range []struct {
		x, w  int
		label string
	}{{plotLeft, weeksW, "Trailing 6 weeks"}, {plotLeft + weeksW + gapW, monthsW, "Trailing 12 months"}} {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="none" stroke="#b8bec6"/>`+"\n", p.x, plotTop, p.w, plotBot-plotTop)
		fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-weight="bold" font-size="12">%s</text>`+"\n", p.x+p.w/2, plotTop-8, p.label)
	}
	for i, p := range m.Weeks {
		// The day on one line, the month beneath it where it changes: six
		// full dates do not fit side by side.
		e := p.Period.End
		fmt.Fprintf(b, `<text x="%s" y="%d" text-anchor="middle" font-size="11">%d</text>`+"\n", f1(weekX(i)), plotBot+16, e.Day)
		if i == 0 || m.Weeks[i-1].Period.End.Month != e.Month {
			fmt.Fprintf(b, `<text x="%s" y="%d" text-anchor="middle" font-size="11">%s</text>`+"\n", f1(weekX(i)), plotBot+30, e.Month.String()[:3])
		}
	}
	for i, p := range m.Months {
		e := p.Period.End
		fmt.Fprintf(b, `<text x="%s" y="%d" text-anchor="middle" font-size="11">%s</text>`+"\n", f1(monthX(i)), plotBot+16, e.Month.String()[:3])
		if i == 0 || e.Month == time.January {
			fmt.Fprintf(b, `<text x="%s" y="%d" text-anchor="middle" font-size="11">%d</text>`+"\n", f1(monthX(i)), plotBot+30, e.Year)
		}
	}
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="11" fill="#555b63">week ending</text>`+"\n", plotLeft+weeksW/2, plotBot+46)
	fmt.Fprintf(b, `<text x="%d" y="%d" text-anchor="middle" font-size="11" fill="#555b63">month</text>`+"\n", plotLeft+weeksW+gapW+monthsW/2, plotBot+46)

	// Annotations: a dashed line behind the series on every week and month
	// the event falls in, and its number on top of them.
	type noteMark struct {
		x float64
		n int
	}
	var marks []noteMark
	for k, a := range notes {
		d := dayOf(a.Date)
		for i, p := range m.Weeks {
			if d >= dayOf(p.Period.Start) && d <= dayOf(p.Period.End) {
				marks = append(marks, noteMark{weekX(i), k + 1})
			}
		}
		for i, p := range m.Months {
			if d >= dayOf(p.Period.Start) && d <= dayOf(p.Period.End) {
				marks = append(marks, noteMark{monthX(i), k + 1})
			}
		}
	}
	for _, mk := range marks {
		fmt.Fprintf(b, `<line x1="%s" y1="%d" x2="%s" y2="%d" stroke="%s" stroke-width="1" stroke-dasharray="3 3"/>`+"\n", f1(mk.x), plotTop, f1(mk.x), plotBot, colourNote)
	}

	// Series: last year first so this year is drawn on top.
	series := func(ps []ChartPoint, x func(int) float64, get func(ChartPoint) *float64, style string, dot func(p ChartPoint) string) {
		var pts []string
		flush := func() {
			if len(pts) > 1 {
				b.WriteString(`<polyline fill="none" ` + style + ` points="`)
				for k, p := range pts {
					if k > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(p)
				}
				b.WriteString("\"/>\n")
			}
			pts = pts[:0]
		}
		for i, p := range ps {
			v := get(p)
			if v == nil {
				flush()
				continue
			}
			pts = append(pts, f1(x(i))+","+f1(y(*v)))
		}
		flush()
		for i, p := range ps {
			if v := get(p); v != nil {
				fmt.Fprintf(b, dot(p)+"\n", f1(x(i)), f1(y(*v)))
			}
		}
	}
	week := func(f func(ChartPoint) *float64) func(ChartPoint) *float64 { return f }
	ya := func(p ChartPoint) *float64 { return p.YearAgo }
	ty := func(p ChartPoint) *float64 { return p.Value }
	pl := func(p ChartPoint) *float64 { return p.Plan }
	for k := len(lines) - 1; k >= 0; k-- { // the chart's own metric on top
		l := lines[k]
		month := func(f func(ChartPoint) *float64) func(ChartPoint) *float64 {
			return func(p ChartPoint) *float64 { return l.month(p, f(p)) }
		}
		lyDot := func(ChartPoint) string {
			return `<circle cx="%s" cy="%s" r="3" fill="#ffffff" stroke="` + l.faded + `" stroke-width="1.5"/>`
		}
		tyDot := func(p ChartPoint) string {
			if p.Missing > 0 {
				return `<circle cx="%s" cy="%s" r="3.5" fill="#ffffff" stroke="` + l.colour + `" stroke-width="1.5"/>`
			}
			return `<circle cx="%s" cy="%s" r="3.5" fill="` + l.colour + `"/>`
		}
		series(l.weeks, weekX, week(ya), lastYear(l.faded), lyDot)
		series(l.months, monthX, month(ya), lastYear(l.faded), lyDot)
		series(l.weeks, weekX, week(ty), thisYear(l.colour), tyDot)
		series(l.months, monthX, month(ty), thisYear(l.colour), tyDot)
		if k == 0 {
			diamond := func(ChartPoint) string { return planDot }
			series(l.weeks, weekX, week(pl), planLine, diamond)
			series(l.months, monthX, month(pl), planLine, diamond)
		}
	}

	// Weeks with an XmR signal.
	signalled := map[Date]bool{}
	for _, s := range m.Signals {
		signalled[s.Week] = true
	}
	for i, p := range m.Weeks {
		if signalled[p.Period.End] && p.Value != nil {
			fmt.Fprintf(b, `<circle cx="%s" cy="%s" r="8" fill="none" stroke="%s" stroke-width="2"/>`+"\n", f1(weekX(i)), f1(y(*p.Value)), colourSignal)
		}
	}

	stacked := map[float64]int{} // several events in one week or month stack down
	for _, mk := range marks {
		cy := plotTop + 10 + 16*(stacked[mk.x]%12)
		stacked[mk.x]++
		fmt.Fprintf(b, `<circle cx="%s" cy="%d" r="7" fill="%s" stroke="#ffffff"/><text x="%s" y="%d" text-anchor="middle" dominant-baseline="central" font-size="10" fill="#ffffff">%d</text>`+"\n", f1(mk.x), cy, colourNote, f1(mk.x), cy, mk.n)
	}

	for _, e := range legend {
		fmt.Fprintf(b, `%s<text x="%d" y="%d" dominant-baseline="middle">%s</text>`+"\n", e.sample(e.x, e.y), e.x+e.w+6, e.y, render.XML(e.label))
	}
	ny := chartH - 16 + rowStep*(legendRows-1) + rowStep + 4
	for k, a := range notes {
		fmt.Fprintf(b, `<circle cx="%d" cy="%d" r="7" fill="%s"/><text x="%d" y="%d" text-anchor="middle" dominant-baseline="central" font-size="10" fill="#ffffff">%d</text>`, plotLeft+8, ny, colourNote, plotLeft+8, ny, k+1)
		fmt.Fprintf(b, `<text x="%d" y="%d" dominant-baseline="middle">%s  %s</text>`+"\n", plotLeft+22, ny, shortDate(a.Date), render.XML(clipRunes(a.Note, 90)))
		ny += rowStep
	}
	if earlier > 0 {
		fmt.Fprintf(b, `<text x="%d" y="%d" dominant-baseline="middle" fill="#555b63">and %d earlier annotations in the report</text>`+"\n", plotLeft+22, ny, earlier)
	}
	b.WriteString("</svg>\n")
}

// lineSample draws a legend's line sample in the given style.
func lineSample(style string) func(x, y int) string {
	return func(x, y int) string {
		return fmt.Sprintf(`<line x1="%d" y1="%d" x2="%d" y2="%d" %s/>`, x, y, x+28, y, style)
	}
}

// shortDate writes a day as "3 Nov 2026".
func shortDate(d Date) string {
	return strconv.Itoa(d.Day) + " " + d.Month.String()[:3] + " " + strconv.Itoa(d.Year)
}

// niceTicks returns evenly spaced round values that cover vals, at least two.
func niceTicks(vals []float64) []float64 {
	if len(vals) == 0 {
		return []float64{0, 1}
	}
	lo, hi := vals[0], vals[0]
	for _, v := range vals {
		lo, hi = min(lo, v), max(hi, v)
	}
	if hi-lo < 1e-12*math.Max(1, math.Abs(hi)) {
		pad := math.Max(math.Abs(hi)*0.05, 1e-9)
		if hi == 0 {
			pad = 1
		}
		// Saturate: padding a value near the float64 limit must not
		// overflow to an infinite axis (and NaN coordinates).
		lo, hi = math.Max(lo-pad, -math.MaxFloat64), math.Min(hi+pad, math.MaxFloat64)
	}
	raw := (hi - lo) / 5
	if math.IsInf(raw, 0) {
		raw = hi/5 - lo/5
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, f := range []float64{1, 2, 2.5, 5, 10} {
		step = f * mag
		if step >= raw {
			break
		}
	}
	start := math.Floor(lo/step) * step
	end := math.Ceil(hi/step) * step
	for _, f := range []float64{start, end, step} {
		if math.IsNaN(f) || math.IsInf(f, 0) || step == 0 {
			return []float64{lo, hi}
		}
	}
	var out []float64
	for k := 0; k <= 20; k++ {
		v := start + float64(k)*step
		if math.IsInf(v, 0) {
			// k·step overflows near ±MaxFloat64 though the tick itself
			// fits: the sum of halves, doubled, does not.
			v = 2 * (start/2 + float64(k)*(step/2))
		}
		if math.IsInf(v, 0) {
			break // past the largest float64: the ticks so far must do
		}
		out = append(out, v)
		if v >= end-step*1e-9 {
			break
		}
	}
	if len(out) < 2 {
		out = append(out, math.Min(out[0]+step, math.MaxFloat64))
	}
	return out
}

func (m *MetricReport) compactOrNA(v *float64) string {
	if v == nil {
		return "n/a"
	}
	return m.compact(*v)
}

// clipRunes shortens s to at most n characters so long names cannot run
// into the figures beside them; the full name stays in the title element.
func clipRunes(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func f1(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
