package wbr

import (
	"testing"
	"time"

	"github.com/dayone-go/mechanisms/internal/civil"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func date(s string) Date {
	return civil.DateOf(tm(s))
}

func tm(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func per(a, b string) Period {
	return Period{Start: dayOf(date(a)).date(), End: dayOf(date(b)).date()}
}

func TestDayNumbersMatchTime(t *testing.T) {
	for _, s := range []string{"0000-01-01", "0000-01-07", "0000-02-29", "0000-12-31", "0001-01-01", "1969-12-31", "1970-01-01", "2000-02-29", "2024-12-31", "2100-03-01", "9999-12-31"} {
		tm := tm(s)
		d := dayOf(civil.DateOf(tm))
		assert.Equal(t, tm.Unix()/86400, int64(d), s)
		assert.Equal(t, s, d.date().String())
		assert.Equal(t, tm.Weekday(), d.weekday(), s)
	}
	assert.Equal(t, time.Friday, dayOf(Date{Year: 0, Month: 1, Day: 7}).weekday(), "0000-01-07 was a Friday")
}

func TestWeekAlignment(t *testing.T) {
	tests := []struct {
		name                   string
		cal                    Calendar
		end                    string
		week, prior, yearAgo   Period
		firstMonth, lastMonth  Period
		mtd, mtdYA, ytd, ytdYA Period
		qtd, qtdYA             Period
	}{{
		// The week straddles a year end; the year-ago week is 364 days
		// earlier so Saturday meets Saturday, not 2025-01-03, a Friday.
		name: "across a year end", end: "2026-01-03",
		week: per("2025-12-28", "2026-01-03"), prior: per("2025-12-21", "2025-12-27"), yearAgo: per("2024-12-29", "2025-01-04"),
		firstMonth: per("2025-01-01", "2025-01-31"), lastMonth: per("2025-12-01", "2025-12-31"),
		mtd: per("2026-01-01", "2026-01-03"), mtdYA: per("2025-01-01", "2025-01-03"),
		qtd: per("2026-01-01", "2026-01-03"), qtdYA: per("2025-01-01", "2025-01-03"),
		ytd: per("2026-01-01", "2026-01-03"), ytdYA: per("2025-01-01", "2025-01-03"),
	}, {
		// A week holding 29 February: still seven days; the year-ago week
		// ends on a Saturday of 2023.
		name: "leap week", end: "2024-03-02",
		week: per("2024-02-25", "2024-03-02"), prior: per("2024-02-18", "2024-02-24"), yearAgo: per("2023-02-26", "2023-03-04"),
		firstMonth: per("2023-03-01", "2023-03-31"), lastMonth: per("2024-02-01", "2024-02-29"),
		mtd: per("2024-03-01", "2024-03-02"), mtdYA: per("2023-03-01", "2023-03-02"),
		qtd: per("2024-01-01", "2024-03-02"), qtdYA: per("2023-01-01", "2023-03-02"),
		ytd: per("2024-01-01", "2024-03-02"), ytdYA: per("2023-01-01", "2023-03-02"),
	}, {
		// Weeks ending Thursday 29 February 2024: the to-date periods of the
		// year before end on 28 February; the month just ended is complete.
		name: "29 February clamped", cal: Calendar{WeekEnds: Thursday}, end: "2024-02-29",
		week: per("2024-02-23", "2024-02-29"), prior: per("2024-02-16", "2024-02-22"), yearAgo: per("2023-02-24", "2023-03-02"),
		firstMonth: per("2023-03-01", "2023-03-31"), lastMonth: per("2024-02-01", "2024-02-29"),
		mtd: per("2024-02-01", "2024-02-29"), mtdYA: per("2023-02-01", "2023-02-28"),
		qtd: per("2024-01-01", "2024-02-29"), qtdYA: per("2023-01-01", "2023-02-28"),
		ytd: per("2024-01-01", "2024-02-29"), ytdYA: per("2023-01-01", "2023-02-28"),
	}, {
		// A fiscal year ending in June: Q2 starts in October, the year in July.
		name: "fiscal year ending June", cal: Calendar{WeekEnds: Friday, FiscalYearEnd: June}, end: "2026-11-20",
		week: per("2026-11-14", "2026-11-20"), prior: per("2026-11-07", "2026-11-13"), yearAgo: per("2025-11-15", "2025-11-21"),
		firstMonth: per("2025-11-01", "2025-11-30"), lastMonth: per("2026-10-01", "2026-10-31"),
		mtd: per("2026-11-01", "2026-11-20"), mtdYA: per("2025-11-01", "2025-11-20"),
		qtd: per("2026-10-01", "2026-11-20"), qtdYA: per("2025-10-01", "2025-11-20"),
		ytd: per("2026-07-01", "2026-11-20"), ytdYA: per("2025-07-01", "2025-11-20"),
	}, {
		// A fiscal year ending in January: the year and its last quarter
		// began in the calendar year before.
		name: "fiscal year ending January", cal: Calendar{FiscalYearEnd: January}, end: "2026-01-31",
		week: per("2026-01-25", "2026-01-31"), prior: per("2026-01-18", "2026-01-24"), yearAgo: per("2025-01-26", "2025-02-01"),
		firstMonth: per("2025-02-01", "2025-02-28"), lastMonth: per("2026-01-01", "2026-01-31"),
		mtd: per("2026-01-01", "2026-01-31"), mtdYA: per("2025-01-01", "2025-01-31"),
		qtd: per("2025-11-01", "2026-01-31"), qtdYA: per("2024-11-01", "2025-01-31"),
		ytd: per("2025-02-01", "2026-01-31"), ytdYA: per("2024-02-01", "2025-01-31"),
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := tt.cal.PeriodsFor(date(tt.end))
			require.NoError(t, err)
			assert.Equal(t, tt.week, p.Week)
			assert.Equal(t, tt.prior, p.PriorWeek)
			assert.Equal(t, tt.yearAgo, p.YearAgoWeek)
			require.Len(t, p.Weeks, 6)
			assert.Equal(t, tt.week, p.Weeks[5])
			assert.Equal(t, tt.prior, p.Weeks[4])
			require.Len(t, p.Months, 12)
			assert.Equal(t, tt.firstMonth, p.Months[0])
			assert.Equal(t, tt.lastMonth, p.Months[11])
			assert.Equal(t, tt.mtd, p.MTD)
			assert.Equal(t, tt.mtdYA, p.MTDYearAgo)
			assert.Equal(t, tt.qtd, p.QTD)
			assert.Equal(t, tt.qtdYA, p.QTDYearAgo)
			assert.Equal(t, tt.ytd, p.YTD)
			assert.Equal(t, tt.ytdYA, p.YTDYearAgo)
		})
	}
}

func TestPeriodsForRefusesOtherWeekdays(t *testing.T) {
	_, err := Calendar{}.PeriodsFor(date("2026-11-20"))
	assert.ErrorIs(t, err, ErrNotWeekEnd)
	assert.ErrorContains(t, err, "2026-11-20 is a friday; this deck's weeks end on saturday")
	_, err = Calendar{}.PeriodsFor(Date{Year: 1, Month: 1, Day: 6})
	assert.ErrorIs(t, err, ErrNotWeekEnd)
}

func TestIsPeriodEnd(t *testing.T) {
	june := Calendar{FiscalYearEnd: June}
	tests := []struct {
		cal  Calendar
		kind PeriodKind
		day  string
		want bool
	}{
		{Calendar{}, PlanWeek, "2026-11-21", true},
		{Calendar{}, PlanWeek, "2026-11-22", false},
		{Calendar{WeekEnds: Sunday}, PlanWeek, "2026-11-22", true},
		{Calendar{}, PlanMonth, "2024-02-29", true},
		{Calendar{}, PlanMonth, "2023-02-28", true},
		{Calendar{}, PlanMonth, "2024-02-28", false},
		{Calendar{}, PlanQuarter, "2026-03-31", true},
		{Calendar{}, PlanQuarter, "2026-04-30", false},
		{june, PlanQuarter, "2026-09-30", true},
		{june, PlanQuarter, "2026-06-30", true},
		{june, PlanQuarter, "2026-08-31", false},
		{Calendar{}, PlanYear, "2026-12-31", true},
		{Calendar{}, PlanYear, "2026-06-30", false},
		{june, PlanYear, "2026-06-30", true},
		{june, PlanYear, "2026-12-31", false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.cal.isPeriodEnd(tt.kind, dayOf(date(tt.day))), "%v %s %s", tt.cal, tt.kind, tt.day)
	}
}
