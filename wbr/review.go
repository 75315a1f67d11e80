package wbr

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/dayone-go/mechanisms/internal/finding"
)

// Review returns advice on a valid deck: what a WBR would miss without being
// wrong, with opts applied (rules switched off, severities changed). It
// never repeats a Validate problem. Rules:
//
//	inputs-outnumbered  warning  fewer input metrics than output metrics
//	input-drives-none   warning  an input drives no output, directly or as a ratio operand
//	unsectioned-metric  warning  a metric no section shows
//	no-sections         info     the deck has no sections
//	unowned-output      info     an output metric names no owner
//	unnamed-metric      info     a metric has only an id
//	no-plan             info     no metric has a plan value
//	chart-with-unit     warning  a chart's second metric counts another unit
func Review(d *Deck, opts ReviewOptions) []Finding {
	var fs []Finding
	add := func(rule string, sev Severity, path, format string, args ...any) {
		fs = append(fs, Finding{Rule: rule, Severity: sev, Path: path, Message: fmt.Sprintf(format, args...)})
	}
	if d == nil {
		return nil
	}
	inputs, outputs, plans := 0, 0, 0
	drives := d.driving()
	shown := map[string]bool{}
	for _, s := range d.Sections {
		for _, id := range s.Metrics {
			shown[id] = true
		}
	}
	for i := range d.Metrics {
		m := &d.Metrics[i]
		plans += len(m.Plan)
		switch m.Role {
		case Input:
			inputs++
			if !drives[m.ID] {
				add(RuleInputDrivesNone, Warning, ptr("metrics", i), "input %q drives no output; name the outputs it moves in drives, or ask whether the deck needs it", m.ID)
			}
		case Output:
			outputs++
			if m.Owner == "" {
				add(RuleUnownedOutput, Info, ptr("metrics", i), "output %q has no owner to speak to it", m.ID)
			}
		}
		if m.Name == "" {
			add(RuleUnnamedMetric, Info, ptr("metrics", i), "metric %q has no name; the report shows its id", m.ID)
		}
		if o := d.metric(m.ChartWith); m.ChartWith != "" && o != nil && o.Unit != m.Unit {
			add(RuleChartWithUnit, Warning, ptr("metrics", i, "chartWith"), "%q (%s) is drawn on the axis of %q (%s); chart metrics that count the same unit together", o.ID, unitWords(o.Unit), m.ID, unitWords(m.Unit))
		}
		if len(d.Sections) > 0 && !shown[m.ID] {
			add(RuleUnsectionedMetric, Warning, ptr("metrics", i), "no section shows %q, so the meeting never reads it", m.ID)
		}
	}
	if inputs < outputs {
		add(RuleInputsOutnumbered, Warning, "/metrics", "%d input metrics against %d outputs: a WBR spends its time on the controllable inputs", inputs, outputs)
	}
	if len(d.Sections) == 0 {
		add(RuleNoSections, Info, "/sections", "no sections: the report reads the metrics in the order they are listed")
	}
	if plans == 0 {
		add(RuleNoPlan, Info, "/metrics", "no metric has a plan, so the report cannot show variance to plan")
	}
	finding.Sort(fs)
	return opts.apply(fs)
}

// driving reports, for each metric, whether it drives an output itself or
// through a ratio or derived metric computed from it. One pass over the
// deck answers every metric, so Review stays linear in the deck's size.
func (d *Deck) driving() map[string]bool {
	users := map[string][]int{} // metric id → the computed metrics that use it
	ids := make(map[string]int, len(d.Metrics))
	for i := range d.Metrics {
		if _, dup := ids[d.Metrics[i].ID]; !dup {
			ids[d.Metrics[i].ID] = i
		}
		for _, op := range d.Metrics[i].operandsOf() {
			users[op] = append(users[op], i)
		}
	}
	memo := map[string]bool{}
	var walk func(id string, depth int) bool
	walk = func(id string, depth int) bool {
		if v, ok := memo[id]; ok {
			return v
		}
		memo[id] = false // a cycle (refused by Validate) drives nothing
		j, ok := ids[id]
		if !ok || depth > len(d.Metrics) {
			return false
		}
		v := len(d.Metrics[j].Drives) > 0
		for _, u := range users[id] {
			if v {
				break
			}
			v = walk(d.Metrics[u].ID, depth+1)
		}
		memo[id] = v
		return v
	}
	for i := range d.Metrics {
		walk(d.Metrics[i].ID, 0)
	}
	return memo
}

// Findings returns what the meeting should discuss in this report, each
// with the JSON pointer of the metric in the deck, under the ReviewOptions
// given to Build. Rules:
//
//	xmr-signal     warning  the week reviewed carries an XmR signal
//	plan-missed    warning  a figure is behind plan (ahead, where lower is better)
//	missing-days   warning  a period has days without data
//	no-data        warning  the metric has no value for the week reviewed
//	overflow       warning  the week's value passes the largest float64
func (r *Report) Findings() []Finding {
	if r == nil {
		return nil
	}
	var fs []Finding
	for i := range r.Metrics {
		m := &r.Metrics[i]
		at := ptr("metrics", i)
		var sig []string
		for _, s := range m.Signals {
			if s.Week == r.WeekEnding {
				sig = append(sig, signalText(s.Signal))
			}
		}
		if len(sig) > 0 {
			fs = append(fs, Finding{Rule: RuleXmRSignal, Severity: Warning, Path: at, Message: fmt.Sprintf("%s: %s; %s should explain it", m.ID, joinAnd(sig), ownerWords(m))})
		}
		if m.Plan != nil {
			for _, p := range []struct {
				name    string
				plan, v *float64
			}{{"last week", m.Plan.Week, m.Plan.WeekVariance}, {"month to date", m.Plan.MTD, m.Plan.MTDVariance}, {"quarter to date", m.Plan.QTD, m.Plan.QTDVariance}, {"year to date", m.Plan.YTD, m.Plan.YTDVariance}} {
				if m.missed(p.v) {
					fs = append(fs, Finding{Rule: RulePlanMissed, Severity: Warning, Path: at, Message: fmt.Sprintf("%s %s missed plan by %s (plan %s)", m.ID, p.name, m.formatChange(p.v), m.formatValue(p.plan))})
				}
			}
		}
		if m.LastWeek == nil && slices.Contains(m.Overflow, "lastWeek") {
			fs = append(fs, Finding{Rule: RuleOverflow, Severity: Warning, Path: at, Message: fmt.Sprintf("%s for the week ending %s passes the largest number a report holds (about 1.8e308); check the data's unit or scale", m.ID, r.WeekEnding)})
		} else if m.LastWeek == nil {
			fs = append(fs, Finding{Rule: RuleNoData, Severity: Warning, Path: at, Message: fmt.Sprintf("%s has no data for the week ending %s", m.ID, r.WeekEnding)})
		} else if len(m.Incomplete) > 0 {
			fs = append(fs, Finding{Rule: RuleMissingDays, Severity: Warning, Path: at, Message: fmt.Sprintf("%s lacks data on some days of %v; those figures are partial and not compared", m.ID, m.Incomplete)})
		}
	}
	finding.Sort(fs)
	return r.opts.apply(fs)
}

func ownerWords(m *MetricReport) string {
	if m.Owner == "" {
		return "its owner"
	}
	return m.Owner
}

func joinAnd(s []string) string {
	out := ""
	for i, x := range s {
		switch {
		case i == 0:
		case i == len(s)-1:
			out += " and "
		default:
			out += ", "
		}
		out += x
	}
	return out
}

// JSON returns the report as indented JSON ending in a newline: null for
// undefined figures, never NaN or Inf.
func (r *Report) JSON() ([]byte, error) {
	if r == nil {
		return []byte("null\n"), nil
	}
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("wbr: %w", err)
	}
	return append(b, '\n'), nil
}
