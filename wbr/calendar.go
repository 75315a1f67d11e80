package wbr

import (
	"strconv"
	"strings"
	"time"
)

// day counts days since 1970-01-01 (negative before). Integer days keep the
// period arithmetic exact and cheap: a week is seven, a year ago 364.
type day int32

// cumDays[m] is the number of days in a common year before month m (1-based).
var cumDays = [13]int{0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334}

// epoch is the day number of 1970-01-01 counted from 0001-01-01.
const epoch = 719162

func isLeap(y int) bool { return y%4 == 0 && (y%100 != 0 || y%400 == 0) }

// daysIn returns the number of days in month m of year y.
func daysIn(y int, m time.Month) int {
	switch m {
	case time.February:
		if isLeap(y) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

// dayFrom returns the day number of a date that exists, in the proleptic
// Gregorian calendar of the years 0 to 9999 (year 0 is 1 BC, a leap year).
// Floor division keeps the count right before year 1, so 0000-01-07 is the
// Friday it was.
func dayFrom(y int, m time.Month, d int) day {
	p := y - 1
	n := 365*p + floorDiv(p, 4) - floorDiv(p, 100) + floorDiv(p, 400) + cumDays[m] + d - 1
	if m > time.February && isLeap(y) {
		n++
	}
	return day(n - epoch)
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && a < 0 {
		q--
	}
	return q
}

// date turns a day number back into a calendar date.
func (d day) date() Date {
	y, m, dd := time.Unix(int64(d)*86400, 0).UTC().Date()
	return Date{Year: y, Month: m, Day: dd}
}

func (d day) weekday() time.Weekday { return time.Weekday((int(d)%7 + 7 + 4) % 7) } // 1970-01-01 was a Thursday

func dayOf(d Date) day { return dayFrom(d.Year, d.Month, d.Day) }

// Period is a run of whole days, both ends included.
type Period struct {
	// Start is the first day of the period.
	Start Date `json:"start"`
	// End is the last day of the period.
	End Date `json:"end"`
}

// span is a Period in day numbers.
type span struct{ lo, hi day }

func (s span) days() int { return int(s.hi-s.lo) + 1 }

func (s span) period() Period { return Period{Start: s.lo.date(), End: s.hi.date()} }

// yearEarlier shifts a date one calendar year back, 29 February to 28.
func yearEarlier(d Date) Date {
	y := d.Year - 1
	dd := min(d.Day, daysIn(y, d.Month))
	return Date{Year: y, Month: d.Month, Day: dd}
}

func (s span) yearEarlier() span {
	return span{dayOf(yearEarlier(s.lo.date())), dayOf(yearEarlier(s.hi.date()))}
}

// monthIndex counts months from year 0 so month arithmetic is integer.
func monthIndex(y int, m time.Month) int { return y*12 + int(m) - 1 }

func monthSpan(mi int) span {
	y, m := mi/12, time.Month(mi%12+1)
	return span{dayFrom(y, m, 1), dayFrom(y, m, daysIn(y, m))}
}

// fiscalStarts returns the month index of the first month of the fiscal
// quarter and of the fiscal year that contain month index mi.
func (c Calendar) fiscalStarts(mi int) (quarter, year int) {
	first := int(c.fiscalYearEnd().Time()) % 12 // 0-based month the fiscal year starts in
	k := ((mi%12-first)%12 + 12) % 12           // months since the fiscal year started
	return mi - k%3, mi - k
}

// isPeriodEnd reports whether d is the last day of a period of kind k.
func (c Calendar) isPeriodEnd(k PeriodKind, d day) bool {
	dt := d.date()
	if k == PlanWeek {
		return d.weekday() == c.weekEnds().Time()
	}
	if dt.Day != daysIn(dt.Year, dt.Month) {
		return false
	}
	mi := monthIndex(dt.Year, dt.Month)
	q, y := c.fiscalStarts(mi + 1) // the next month starts a quarter or year
	switch k {
	case PlanMonth:
		return true
	case PlanQuarter:
		return q == mi+1
	case PlanYear:
		return y == mi+1
	}
	return false
}

// Periods are the periods a report compares, all ending on or before the
// week-ending day.
type Periods struct {
	// Week is the week that ends on the week-ending day.
	Week Period `json:"week"`
	// PriorWeek is the week before, for week over week.
	PriorWeek Period `json:"priorWeek"`
	// YearAgoWeek is the week that ended 364 days earlier, so weekdays line up.
	YearAgoWeek Period `json:"yearAgoWeek"`
	// Weeks are the trailing six weeks, oldest first.
	Weeks []Period `json:"weeks"`
	// Months are the trailing twelve complete months, oldest first.
	Months []Period `json:"months"`
	// MTD, QTD and YTD run from the start of the month, fiscal quarter and
	// fiscal year to the week-ending day.
	MTD Period `json:"mtd"`
	QTD Period `json:"qtd"`
	YTD Period `json:"ytd"`
	// MTDYearAgo, QTDYearAgo and YTDYearAgo are the same periods shifted one
	// calendar year back (29 February becomes 28 February).
	MTDYearAgo Period `json:"mtdYearAgo"`
	QTDYearAgo Period `json:"qtdYearAgo"`
	YTDYearAgo Period `json:"ytdYearAgo"`
}

// yearAgo is the shift between a week and the same week last year: 52 whole
// weeks, so a Saturday is compared with a Saturday.
const yearAgo = 364

// spans holds the periods of one report in day numbers.
type spans struct {
	week, priorWeek, yearAgoWeek span
	weeks, months                []span
	mtd, qtd, ytd                span
	mtdYA, qtdYA, ytdYA          span
	xmr                          []span // up to xmrWeeks weeks, oldest first
}

// xmrWeeks is how many trailing weeks the weekly XmR chart of a metric
// uses, and chartWeeks how many the 6-12 chart and the six-week table show.
const (
	xmrWeeks   = 26
	chartWeeks = 6
)

func (c Calendar) spans(w day) spans {
	var s spans
	s.week = span{w - 6, w}
	s.priorWeek = span{w - 13, w - 7}
	s.yearAgoWeek = span{w - 6 - yearAgo, w - yearAgo}
	for i := chartWeeks - 1; i >= 0; i-- {
		e := w - day(7*i)
		s.weeks = append(s.weeks, span{e - 6, e})
	}
	for i := xmrWeeks - 1; i >= 0; i-- {
		e := w - day(7*i)
		s.xmr = append(s.xmr, span{e - 6, e})
	}
	dt := w.date()
	mi := monthIndex(dt.Year, dt.Month)
	last := mi - 1
	if dt.Day == daysIn(dt.Year, dt.Month) {
		last = mi
	}
	for i := last - 11; i <= last; i++ {
		s.months = append(s.months, monthSpan(i))
	}
	q, y := c.fiscalStarts(mi)
	s.mtd = span{monthSpan(mi).lo, w}
	s.qtd = span{monthSpan(q).lo, w}
	s.ytd = span{monthSpan(y).lo, w}
	s.mtdYA, s.qtdYA, s.ytdYA = s.mtd.yearEarlier(), s.qtd.yearEarlier(), s.ytd.yearEarlier()
	return s
}

func (s spans) periods() Periods {
	p := Periods{
		Week: s.week.period(), PriorWeek: s.priorWeek.period(), YearAgoWeek: s.yearAgoWeek.period(),
		MTD: s.mtd.period(), QTD: s.qtd.period(), YTD: s.ytd.period(),
		MTDYearAgo: s.mtdYA.period(), QTDYearAgo: s.qtdYA.period(), YTDYearAgo: s.ytdYA.period(),
	}
	for _, w := range s.weeks {
		p.Weeks = append(p.Weeks, w.period())
	}
	for _, m := range s.months {
		p.Months = append(p.Months, m.period())
	}
	return p
}

// earliest returns the first day any period of s needs.
func (s spans) earliest() day {
	lo := min(s.yearAgoWeek.lo, s.xmr[0].lo, s.mtdYA.lo, s.qtdYA.lo, s.ytdYA.lo, s.priorWeek.lo)
	if len(s.months) > 0 {
		lo = min(lo, s.months[0].yearEarlier().lo)
	}
	for _, w := range s.weeks {
		lo = min(lo, w.lo-yearAgo)
	}
	return lo
}

// PeriodsFor returns the periods a report for the week ending on weekEnding
// compares, or ErrNotWeekEnd when weekEnding is not the calendar's
// week-ending weekday or lies outside the years 0003 to 9998.
func (c Calendar) PeriodsFor(weekEnding Date) (Periods, error) {
	w, err := c.weekEnd(weekEnding)
	if err != nil {
		return Periods{}, err
	}
	return c.spans(w).periods(), nil
}

func (c Calendar) weekEnd(t Date) (day, error) {
	if t.Year < 3 || t.Year > 9998 || t.Month < 1 || t.Month > 12 || t.Day < 1 || t.Day > daysIn(t.Year, t.Month) {
		return 0, errorf(ErrNotWeekEnd, "week ending %s is not a day of the years 0003 to 9998", t)
	}
	w := dayOf(t)
	if wd := w.weekday(); wd != c.weekEnds().Time() {
		return 0, errorf(ErrNotWeekEnd, "%s is a %s; this deck's weeks end on %s", t, strings.ToLower(wd.String()), c.weekEnds())
	}
	return w, nil
}

var tokenEscaper = strings.NewReplacer("~", "~0", "/", "~1")

// ptr builds a JSON pointer from keys and indexes.
func ptr(parts ...any) string {
	var b strings.Builder
	for _, p := range parts {
		b.WriteByte('/')
		switch v := p.(type) {
		case int:
			b.WriteString(strconv.Itoa(v))
		case string:
			if strings.ContainsAny(v, "~/") {
				v = tokenEscaper.Replace(v)
			}
			b.WriteString(v)
		}
	}
	return b.String()
}
