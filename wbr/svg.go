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

// SVG renders the metric's 6-12 chart as a standalone SVG document: the
// trailing six weeks and twelve months side by side on one y-axis, this year
// solid, last year dashed, plan values as diamonds and weeks with an XmR
// signal ringed in red. For a summed metric the months are shown as their
// average week (the month's total × 7 / its days) so both panels share one
// scale; the axis says so. Text from the deck is escaped.
func (m *MetricReport) SVG(w io.Writer) error {
	if m == nil {
		return errNilReport
	}
	var b bytes.Buffer
	m.svg(&b)
	_, err := w.Write(b.Bytes())
	return err
}

// errNilReport is what a renderer returns for a nil report.
var errNilReport = errors.New("wbr: nothing to render: the report is nil")

// svg draws the chart into b.
func (m *MetricReport) svg(b *bytes.Buffer) {
	scale := func(p ChartPoint, v *float64) *float64 { return v }
	perWeek := m.Aggregation == Sum
	if perWeek {
		scale = func(p ChartPoint, v *float64) *float64 {
			if v == nil {
				return nil
			}
			days := float64(dayOf(p.Period.End)-dayOf(p.Period.Start)) + 1
			x := *v / days * 7 // divide first: a total near the float64 limit stays finite
			return &x
		}
	}
	var all []float64
	collect := func(ps []ChartPoint, f func(ChartPoint, *float64) *float64) {
		for _, p := range ps {
			for _, v := range []*float64{p.Value, p.YearAgo, p.Plan} {
				if x := f(p, v); x != nil && !math.IsNaN(*x) && !math.IsInf(*x, 0) {
					all = append(all, *x)
				}
			}
		}
	}
	collect(m.Weeks, func(_ ChartPoint, v *float64) *float64 { return v })
	collect(m.Months, scale)
	ticks := niceTicks(all)
	lo, hi := ticks[0], ticks[len(ticks)-1]
	// Halves keep hi − lo finite for values near ±MaxFloat64.
	y := func(v float64) float64 { return plotBot - (v/2-lo/2)/(hi/2-lo/2)*(plotBot-plotTop) }

	name := render.XML(m.Name)
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="t-%s" font-family="Helvetica, Arial, sans-serif" font-size="12" fill="%s">`+"\n",
		chartW, chartH, chartW, chartH, m.ID, colourText)
	fmt.Fprintf(b, `<title id="t-%s">6-12 chart of %s</title>`+"\n", m.ID, name)
	fmt.Fprintf(b, `<rect width="%d" height="%d" fill="#ffffff"/>`+"\n", chartW, chartH)
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
	if perWeek {
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

	// Series: last year first so this year is drawn on top.
	series := func(ps []ChartPoint, x func(int) float64, get func(ChartPoint) *float64, style string, dot string) {
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
				fmt.Fprintf(b, dot+"\n", f1(x(i)), f1(y(*v)))
			}
		}
	}
	lastYear := `stroke="` + colourLastYear + `" stroke-width="2" stroke-dasharray="6 4"`
	thisYear := `stroke="` + colourThisYear + `" stroke-width="2.5"`
	lyDot := `<circle cx="%s" cy="%s" r="3" fill="#ffffff" stroke="` + colourLastYear + `" stroke-width="1.5"/>`
	tyDot := `<circle cx="%s" cy="%s" r="3.5" fill="` + colourThisYear + `"/>`
	planDot := `<path transform="translate(%s %s)" d="M0 -6 L6 0 L0 6 L-6 0 Z" fill="none" stroke="` + colourPlan + `" stroke-width="2"/>`
	week := func(f func(ChartPoint) *float64) func(ChartPoint) *float64 { return f }
	month := func(f func(ChartPoint) *float64) func(ChartPoint) *float64 {
		return func(p ChartPoint) *float64 { return scale(p, f(p)) }
	}
	ya := func(p ChartPoint) *float64 { return p.YearAgo }
	ty := func(p ChartPoint) *float64 { return p.Value }
	pl := func(p ChartPoint) *float64 { return p.Plan }
	series(m.Weeks, weekX, week(ya), lastYear, lyDot)
	series(m.Months, monthX, month(ya), lastYear, lyDot)
	series(m.Weeks, weekX, week(ty), thisYear, tyDot)
	series(m.Months, monthX, month(ty), thisYear, tyDot)
	series(m.Weeks, weekX, week(pl), `stroke="none"`, planDot)
	series(m.Months, monthX, month(pl), `stroke="none"`, planDot)

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

	// Legend.
	ly := chartH - 16
	lx := plotLeft
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" %s/><text x="%d" y="%d" dominant-baseline="middle">This year</text>`+"\n", lx, ly, lx+28, ly, thisYear, lx+34, ly)
	lx += 110
	fmt.Fprintf(b, `<line x1="%d" y1="%d" x2="%d" y2="%d" %s/><text x="%d" y="%d" dominant-baseline="middle">Last year</text>`+"\n", lx, ly, lx+28, ly, lastYear, lx+34, ly)
	lx += 110
	fmt.Fprintf(b, planDot+`<text x="%d" y="%d" dominant-baseline="middle">Plan</text>`+"\n", strconv.Itoa(lx+8), strconv.Itoa(ly), lx+20, ly)
	lx += 80
	fmt.Fprintf(b, `<circle cx="%d" cy="%d" r="7" fill="none" stroke="%s" stroke-width="2"/><text x="%d" y="%d" dominant-baseline="middle">XmR signal</text>`+"\n", lx+8, ly, colourSignal, lx+22, ly)
	b.WriteString("</svg>\n")
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
		out = append(out, v)
		if v >= end-step*1e-9 {
			break
		}
	}
	if len(out) < 2 {
		out = append(out, out[0]+step)
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
