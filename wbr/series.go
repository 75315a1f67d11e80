package wbr

import "strconv"

// seriesTable is the six-week or twelve-month table of a metric, as the
// Markdown and HTML renderers both write it: one column per period, one
// row per series. Cells are plain text, not yet escaped.
type seriesTable struct {
	caption string
	corner  string // the header of the label column
	head    []string
	rows    []seriesRow
}

// seriesRow is one series of a table; miss marks cells that are behind
// plan, so renderers can emphasise them.
type seriesRow struct {
	label string
	cells []string
	miss  []bool
}

// boxTable is the metric's box: last week and the periods to date, each
// with its year-ago value and changes, and the plan when there is one. A
// figure over a period with days missing is marked †.
func (m *MetricReport) boxTable() seriesTable {
	t := seriesTable{corner: " Period", head: []string{"Actual", "WoW", "Year ago", "YoY"}}
	if m.Plan != nil {
		t.head = append(t.head, "Plan", "vs plan")
	}
	inc := map[string]bool{}
	for _, s := range m.Incomplete {
		inc[s] = true
	}
	val := func(key string, v *float64) string {
		s := m.formatValue(v)
		if inc[key] {
			s += " †"
		}
		return s
	}
	var plan PlanReport
	if m.Plan != nil {
		plan = *m.Plan
	}
	row := func(label, key string, v, wow, ya, yoy, p, pv *float64, yaKey string) {
		w := ""
		if key == "lastWeek" {
			w = m.formatChange(wow)
		}
		r := seriesRow{label: label, cells: []string{val(key, v), w, val(yaKey, ya), m.formatChange(yoy)}, miss: make([]bool, 4, 6)}
		if m.Plan != nil {
			pl, pvs := "", ""
			if p != nil {
				pl, pvs = m.formatValue(p), m.formatChange(pv)
			}
			r.cells = append(r.cells, pl, pvs)
			r.miss = append(r.miss, false, p != nil && m.missed(pv))
		}
		t.rows = append(t.rows, r)
	}
	row("Last week", "lastWeek", m.LastWeek, m.WoW, m.YearAgoWeek, m.YoY, plan.Week, plan.WeekVariance, "yearAgoWeek")
	row("Month to date", "mtd", m.MTD, nil, m.MTDYearAgo, m.MTDYoY, plan.MTD, plan.MTDVariance, "mtdYearAgo")
	row("Quarter to date", "qtd", m.QTD, nil, m.QTDYearAgo, m.QTDYoY, plan.QTD, plan.QTDVariance, "qtdYearAgo")
	row("Year to date", "ytd", m.YTD, nil, m.YTDYearAgo, m.YTDYoY, plan.YTD, plan.YTDVariance, "ytdYearAgo")
	return t
}

// weekTable is the trailing six weeks: actual, year ago, WoW, YoY and,
// when the deck plans any of them, plan and variance to plan.
func (m *MetricReport) weekTable() seriesTable {
	t := m.table(m.Weeks, "WoW")
	t.caption = "Trailing six weeks, by week ending"
	for _, p := range m.Weeks {
		e := p.Period.End
		t.head = append(t.head, strconv.Itoa(e.Day)+" "+e.Month.String()[:3])
	}
	return t
}

// monthTable is the trailing twelve months, with MoM in place of WoW.
func (m *MetricReport) monthTable() seriesTable {
	t := m.table(m.Months, "MoM")
	t.caption = "Trailing twelve months"
	for _, p := range m.Months {
		e := p.Period.End
		t.head = append(t.head, e.Month.String()[:3]+" "+strconv.Itoa(e.Year))
	}
	return t
}

// table builds the rows of either table; a value over a period with days
// missing is marked †, as in the box.
func (m *MetricReport) table(ps []ChartPoint, change string) seriesTable {
	var t seriesTable
	planned := false
	for _, p := range ps {
		planned = planned || p.Plan != nil
	}
	row := func(label string, cell func(ChartPoint) (string, bool)) {
		r := seriesRow{label: label}
		for _, p := range ps {
			c, miss := cell(p)
			r.cells = append(r.cells, c)
			r.miss = append(r.miss, miss)
		}
		t.rows = append(t.rows, r)
	}
	dagger := func(s string, missing int) string {
		if missing > 0 {
			return s + " †"
		}
		return s
	}
	row("Actual", func(p ChartPoint) (string, bool) { return dagger(m.formatValue(p.Value), p.Missing), false })
	row("Year ago", func(p ChartPoint) (string, bool) {
		return dagger(m.formatValue(p.YearAgo), p.YearAgoMissing), false
	})
	row(change, func(p ChartPoint) (string, bool) { return m.formatChange(p.Change), false })
	row("YoY", func(p ChartPoint) (string, bool) { return m.formatChange(p.YoY), false })
	if planned {
		row("Plan", func(p ChartPoint) (string, bool) {
			if p.Plan == nil {
				return "", false
			}
			return m.formatValue(p.Plan), false
		})
		row("vs plan", func(p ChartPoint) (string, bool) {
			if p.Plan == nil {
				return "", false
			}
			return m.formatChange(p.PlanVariance), m.missed(p.PlanVariance)
		})
	}
	return t
}

// planVariance compares a period's figure with its plan, nil without one.
func planVariance(m *Metric, f figure, plan *float64) *float64 {
	if plan == nil {
		return nil
	}
	return change(m, f, figure{v: *plan, ok: true})
}
