package wbr

import (
	"reflect"
	"regexp"

	"github.com/dayone-go/mechanisms/internal/validation"
)

// idPattern keeps metric ids safe as file names, Markdown anchors and SVG ids.
var idPattern = regexp.MustCompile(`^[a-z][a-z0-9_-]{0,63}$`)

// validMetricID reports whether s matches idPattern; Check uses it rather
// than the compiled pattern, which cost more than the rest of the rule
// (match_test.go compares the two).
func validMetricID(s string) bool {
	if len(s) == 0 || len(s) > 64 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

func init() {
	validation.Register(validation.Rule{
		Tag:     "wbrid",
		ID:      "format",
		Check:   func(v reflect.Value) bool { return validMetricID(v.String()) },
		Message: "must be a lower-case id: a letter, then letters, digits, '_' or '-', at most 64 characters",
		Schema:  map[string]any{"pattern": idPattern.String()},
	})
}

// Deck is a Weekly Business Review deck: the metrics the meeting walks, how
// each is computed from daily data, and the order they are read in.
type Deck struct {
	// Schema is the URL or path of this document's JSON Schema, for editors.
	Schema string `json:"$schema,omitempty"`
	// Title names the deck, such as the business it reviews.
	Title string `json:"title,omitempty" validate:"omitempty,max=200"`
	// Calendar says which weekday ends a week and which month ends the
	// fiscal year; both have defaults.
	Calendar Calendar `json:"calendar,omitzero"`
	// Metrics are every metric the deck computes, inputs and outputs.
	Metrics []Metric `json:"metrics" validate:"required,min=1,max=1000,dive"`
	// Sections are the titled parts of the deck in the order they are read;
	// without sections the metrics are read in the order they are listed.
	Sections []Section `json:"sections,omitempty" validate:"omitempty,max=100,dive"`
	// Annotations are dated events, such as a price change or an outage,
	// marked on the charts they concern and listed beside them.
	Annotations []Annotation `json:"annotations,omitempty" validate:"omitempty,max=1000,dive"`
	// Source says where the deck's daily data lives: a CSV file, or a query
	// and the environment variable holding its connection string.
	Source Source `json:"source,omitzero"`
}

// Calendar fixes the weeks, fiscal quarters and fiscal years of a deck.
type Calendar struct {
	// WeekEnds is the weekday a week ends on; saturday when left out.
	WeekEnds Weekday `json:"weekEnds,omitempty" validate:"omitempty,enum"`
	// FiscalYearEnd is the last month of the fiscal year; december when
	// left out. Fiscal quarters are the three-month blocks after it.
	FiscalYearEnd Month `json:"fiscalYearEnd,omitempty" validate:"omitempty,enum"`
}

// Metric is one line of the deck.
type Metric struct {
	// ID names the metric in data rows, in ratios, in drives and in sections.
	ID string `json:"id" validate:"required,wbrid"`
	// Name is the metric as people say it; the id when left out.
	Name string `json:"name,omitempty" validate:"omitempty,max=200"`
	// Role says whether the metric is a controllable input or an output.
	Role Role `json:"role" validate:"required,enum"`
	// Owner is the person who explains the metric's exceptional variation;
	// every input metric needs one.
	Owner string `json:"owner,omitempty" validate:"omitempty,max=200"`
	// Unit is what the values count: "orders", "USD", "days"; "%" marks
	// values that are already percentages.
	Unit string `json:"unit,omitempty" validate:"omitempty,max=40"`
	// Aggregation says how daily values become a period's value.
	Aggregation Aggregation `json:"aggregation" validate:"required,enum"`
	// Numerator is the metric divided, for a ratio: its period sum, or its
	// value when it is a ratio itself.
	Numerator string `json:"numerator,omitempty" validate:"omitempty,wbrid"`
	// Denominator is the metric divided by, for a ratio.
	Denominator string `json:"denominator,omitempty" validate:"omitempty,wbrid"`
	// Operation combines the operands of a derived metric: sum, difference
	// (the first less the others), product, or divide (the first by the
	// second).
	Operation Operation `json:"operation,omitempty" validate:"omitempty,enum"`
	// Operands are the ids of the metrics a derived metric is computed
	// from, in order; each contributes its own period value, so derived
	// metrics chain.
	Operands []string `json:"operands,omitempty" validate:"omitempty,max=10,dive,wbrid"`
	// ChartWith is another metric drawn on this metric's 6-12 chart, on the
	// same axis: a second line, such as mobile beside all page views.
	ChartWith string `json:"chartWith,omitempty" validate:"omitempty,wbrid"`
	// Comparison says how changes are expressed: percent for volumes (the
	// default), bps for rates.
	Comparison Comparison `json:"comparison,omitempty" validate:"omitempty,enum"`
	// Better says which way is good; up when left out.
	Better Direction `json:"better,omitempty" validate:"omitempty,enum"`
	// Drives lists the output metrics this input metric moves.
	Drives []string `json:"drives,omitempty" validate:"omitempty,max=100,unique,dive,wbrid"`
	// Plan holds the planned values of the metric by period.
	Plan []PlanValue `json:"plan,omitempty" validate:"omitempty,max=2000,dive"`
}

// PlanValue is the planned value of a metric for one period.
type PlanValue struct {
	// Period is the length of the planned period.
	Period PeriodKind `json:"period" validate:"required,enum"`
	// End is the last day of the period: the week-ending day, the last day
	// of the month, or of the fiscal quarter or year.
	End Date `json:"end" validate:"required"`
	// Value is the planned value, aggregated like the metric: a total for a
	// sum, a level for a mean or a ratio.
	Value float64 `json:"value"`
}

// Section is a titled, ordered list of metrics, as the deck is read.
type Section struct {
	// Title heads the section.
	Title string `json:"title" validate:"required,max=200"`
	// Metrics are the ids of the section's metrics in reading order.
	Metrics []string `json:"metrics" validate:"required,min=1,max=1000,unique,dive,wbrid"`
}

// weekEnds returns the calendar's week-ending weekday, applying the default.
func (c Calendar) weekEnds() Weekday {
	if c.WeekEnds == "" {
		return Saturday
	}
	return c.WeekEnds
}

// fiscalYearEnd returns the calendar's last fiscal month, applying the default.
func (c Calendar) fiscalYearEnd() Month {
	if c.FiscalYearEnd == "" {
		return December
	}
	return c.FiscalYearEnd
}

// comparison returns the metric's comparison, applying the default.
func (m *Metric) comparison() Comparison {
	if m.Comparison == "" {
		return Percent
	}
	return m.Comparison
}

// better returns the metric's good direction, applying the default.
func (m *Metric) better() Direction {
	if m.Better == "" {
		return Up
	}
	return m.Better
}

// displayName returns the name, or the id when the name is left out.
func (m *Metric) displayName() string {
	if m.Name == "" {
		return m.ID
	}
	return m.Name
}

// isRate reports whether bps comparisons make sense: a ratio (a fraction)
// or values already in percent.
func (m *Metric) isRate() bool {
	return m.fraction() || m.Unit == "%"
}

// fraction reports whether the metric divides one metric by another: a
// ratio, or a derived metric whose operation is divide.
func (m *Metric) fraction() bool {
	return m.Aggregation == Ratio || (m.Aggregation == Derived && m.Operation == Divide)
}

// metric returns the metric with the given id, or nil.
func (d *Deck) metric(id string) *Metric {
	for i := range d.Metrics {
		if d.Metrics[i].ID == id {
			return &d.Metrics[i]
		}
	}
	return nil
}
