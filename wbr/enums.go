package wbr

import (
	"time"

	"github.com/dayone-go/mechanisms/internal/enum"
)

// Role says whether a metric is an outcome the business wants or a lever a
// team controls.
type Role string

// Roles.
const (
	// Input is a controllable input metric: selection, price, speed.
	Input Role = "input"
	// Output is an output metric: orders, revenue, free cash flow.
	Output Role = "output"
)

var roles = enum.Set[Role]{Input, Output}

// Valid reports whether r is a known role.
func (r Role) Valid() bool { return roles.Has(r) }

// Values lists the roles.
func (Role) Values() []string { return roles.Strings() }

// MarshalText refuses unknown roles.
func (r Role) MarshalText() ([]byte, error) { return roles.Marshal("role", r) }

// UnmarshalText refuses unknown roles.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := roles.Parse("role", b)
	if err == nil {
		*r = v
	}
	return err
}

// Aggregation says how a metric's daily values become one value for a week,
// a month or a to-date period.
type Aggregation string

// Aggregations.
const (
	// Sum adds the daily values: orders, revenue.
	Sum Aggregation = "sum"
	// Mean averages the daily values: a price index, days to deliver.
	Mean Aggregation = "mean"
	// Min takes the smallest daily value.
	Min Aggregation = "min"
	// Max takes the largest daily value.
	Max Aggregation = "max"
	// Last takes the value of the last day with data: a stock such as
	// selection or headcount.
	Last Aggregation = "last"
	// First takes the value of the first day with data: an opening stock,
	// such as customers at the start of the period.
	First Aggregation = "first"
	// Ratio divides the numerator metric's period value by the denominator
	// metric's period value: a ratio of sums, never a mean of daily ratios.
	Ratio Aggregation = "ratio"
	// Derived applies an Operation to other metrics' period values, each
	// aggregated its own way: churned customers (a sum) divided by
	// customers (a mean) is a churn rate.
	Derived Aggregation = "derived"
)

var aggregations = enum.Set[Aggregation]{Sum, Mean, Min, Max, Last, First, Ratio, Derived}

// Valid reports whether a is a known aggregation.
func (a Aggregation) Valid() bool { return aggregations.Has(a) }

// Values lists the aggregations.
func (Aggregation) Values() []string { return aggregations.Strings() }

// MarshalText refuses unknown aggregations.
func (a Aggregation) MarshalText() ([]byte, error) { return aggregations.Marshal("aggregation", a) }

// UnmarshalText refuses unknown aggregations.
func (a *Aggregation) UnmarshalText(b []byte) error {
	v, err := aggregations.Parse("aggregation", b)
	if err == nil {
		*a = v
	}
	return err
}

// Comparison says how changes of a metric are expressed.
type Comparison string

// Comparisons.
const (
	// Percent expresses a change relative to the earlier value: 12.5 is +12.5%.
	Percent Comparison = "percent"
	// BPS expresses a change of a rate as a difference in basis points.
	BPS Comparison = "bps"
)

var comparisons = enum.Set[Comparison]{Percent, BPS}

// Valid reports whether c is a known comparison.
func (c Comparison) Valid() bool { return comparisons.Has(c) }

// Values lists the comparisons.
func (Comparison) Values() []string { return comparisons.Strings() }

// MarshalText refuses unknown comparisons.
func (c Comparison) MarshalText() ([]byte, error) { return comparisons.Marshal("comparison", c) }

// UnmarshalText refuses unknown comparisons.
func (c *Comparison) UnmarshalText(b []byte) error {
	v, err := comparisons.Parse("comparison", b)
	if err == nil {
		*c = v
	}
	return err
}

// Direction says which way a metric should move.
type Direction string

// Directions.
const (
	// Up means higher is better.
	Up Direction = "up"
	// Down means lower is better: cost, defects, days to deliver.
	Down Direction = "down"
)

var directions = enum.Set[Direction]{Up, Down}

// Valid reports whether d is a known direction.
func (d Direction) Valid() bool { return directions.Has(d) }

// Values lists the directions.
func (Direction) Values() []string { return directions.Strings() }

// MarshalText refuses unknown directions.
func (d Direction) MarshalText() ([]byte, error) { return directions.Marshal("direction", d) }

// UnmarshalText refuses unknown directions.
func (d *Direction) UnmarshalText(b []byte) error {
	v, err := directions.Parse("direction", b)
	if err == nil {
		*d = v
	}
	return err
}

// Weekday names a day of the week in lower case.
type Weekday string

// Weekdays.
const (
	Sunday    Weekday = "sunday"
	Monday    Weekday = "monday"
	Tuesday   Weekday = "tuesday"
	Wednesday Weekday = "wednesday"
	Thursday  Weekday = "thursday"
	Friday    Weekday = "friday"
	Saturday  Weekday = "saturday"
)

// weekdays is in time.Weekday order, so the index is the time.Weekday.
var weekdays = enum.Set[Weekday]{Sunday, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday}

// Valid reports whether w is a known weekday.
func (w Weekday) Valid() bool { return weekdays.Has(w) }

// Values lists the weekdays.
func (Weekday) Values() []string { return weekdays.Strings() }

// MarshalText refuses unknown weekdays.
func (w Weekday) MarshalText() ([]byte, error) { return weekdays.Marshal("weekday", w) }

// UnmarshalText refuses unknown weekdays.
func (w *Weekday) UnmarshalText(b []byte) error {
	v, err := weekdays.Parse("weekday", b)
	if err == nil {
		*w = v
	}
	return err
}

// Time returns w as a time.Weekday; Saturday for the empty default.
func (w Weekday) Time() time.Weekday {
	for i, v := range weekdays {
		if v == w {
			return time.Weekday(i)
		}
	}
	return time.Saturday
}

// Month names a month in lower case.
type Month string

// Months.
const (
	January   Month = "january"
	February  Month = "february"
	March     Month = "march"
	April     Month = "april"
	May       Month = "may"
	June      Month = "june"
	July      Month = "july"
	August    Month = "august"
	September Month = "september"
	October   Month = "october"
	November  Month = "november"
	December  Month = "december"
)

var months = enum.Set[Month]{January, February, March, April, May, June, July, August, September, October, November, December}

// Valid reports whether m is a known month.
func (m Month) Valid() bool { return months.Has(m) }

// Values lists the months.
func (Month) Values() []string { return months.Strings() }

// MarshalText refuses unknown months.
func (m Month) MarshalText() ([]byte, error) { return months.Marshal("month", m) }

// UnmarshalText refuses unknown months.
func (m *Month) UnmarshalText(b []byte) error {
	v, err := months.Parse("month", b)
	if err == nil {
		*m = v
	}
	return err
}

// Time returns m as a time.Month; December for the empty default.
func (m Month) Time() time.Month {
	for i, v := range months {
		if v == m {
			return time.Month(i + 1)
		}
	}
	return time.December
}

// PeriodKind names the length of a plan period.
type PeriodKind string

// Period kinds a plan value can cover; a quarter and a year are fiscal.
const (
	PlanWeek    PeriodKind = "week"
	PlanMonth   PeriodKind = "month"
	PlanQuarter PeriodKind = "quarter"
	PlanYear    PeriodKind = "year"
)

var periodKinds = enum.Set[PeriodKind]{PlanWeek, PlanMonth, PlanQuarter, PlanYear}

// Valid reports whether p is a known period kind.
func (p PeriodKind) Valid() bool { return periodKinds.Has(p) }

// Values lists the period kinds.
func (PeriodKind) Values() []string { return periodKinds.Strings() }

// MarshalText refuses unknown period kinds.
func (p PeriodKind) MarshalText() ([]byte, error) { return periodKinds.Marshal("period", p) }

// UnmarshalText refuses unknown period kinds.
func (p *PeriodKind) UnmarshalText(b []byte) error {
	v, err := periodKinds.Parse("period", b)
	if err == nil {
		*p = v
	}
	return err
}
