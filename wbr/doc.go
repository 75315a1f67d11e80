// Package wbr computes a Weekly Business Review from a deck and raw daily
// data.
//
// Every week leaders walk a deck of metrics. Output metrics (orders,
// revenue) are what the business wants; controllable input metrics
// (selection, in-stock rate, delivery speed, price) are what teams can move,
// and they drive the outputs. Each metric has an owner who explains
// exceptional variation. Each metric is read as a 6-12 chart, the trailing
// six weeks beside the trailing twelve months with last year behind them,
// and a box of figures: last week, week over week (WoW), year over year
// (YoY), month, quarter and year to date with their YoY changes, and the
// plan. Volumes are compared in percent, rates in basis points. XmR
// (process-behaviour) charts separate signals from routine noise, so the
// meeting spends its time on what changed.
//
// # Use
//
//	deck, err := wbr.ParseReader(file)        // strict: unknown keys are errors
//	err = deck.Validate()                      // *wbr.ValidationError with every problem
//	data, err := wbr.ReadCSV(csvFile)          // long or wide CSV
//	data, err = wbr.ReadSQL(ctx, db, query)    // or any database/sql driver
//	week, err := wbr.LatestWeek(deck, data)    // the last complete week
//	report, err := wbr.Build(deck, data, week, wbr.ReviewOptions{})
//	err = report.Markdown(w, "charts")         // the deck as it is read
//	err = report.Metrics[i].SVG(f)             // write to charts/<id>.svg
//	err = report.HTML(w)                       // the whole deck as one web page
//	js, err := report.JSON()                   // figures for other tools
//	advice := append(wbr.Review(deck, opts), report.Findings()...)
//	wbr.Place(source, advice)                  // lines and columns in the deck
//
// errors.As(err, &ve) with var ve *wbr.ValidationError yields the problems
// of an invalid deck, each with a JSON pointer, a line and column and a
// stable rule id; errors.As(err, &de) with var de *wbr.DataError yields the
// line or row and the column of a problem with the data.
//
// # Definitions
//
// A week ends on the calendar's weekEnds day (default saturday) and holds
// the seven days up to it. The year-ago week ends 364 days earlier, so a
// Saturday is compared with a Saturday. The twelve months are the last
// twelve complete calendar months; their year-ago values are the same
// whole months a year earlier (February 2024, all 29 days, for February
// 2025). Month, quarter and year to date run from the
// start of the calendar month, fiscal quarter and fiscal year (fiscalYearEnd,
// default december) to the week-ending day; their year-ago periods are the
// same dates one calendar year earlier, 29 February becoming 28 February.
//
// A period's value aggregates the daily values: sum, mean, min, max, the
// last day with data or the first. A ratio metric divides its numerator's period sum by
// its denominator's (a ratio of sums, never a mean of daily ratios),
// whatever the operands' own aggregation; an operand that is itself a
// ratio contributes its ratio. A ratio is undefined when the denominator is
// zero.
//
// A percent change is (current − earlier) / |earlier| × 100, undefined when
// the earlier value is zero. A bps change is the difference × 10,000 for a
// ratio (a fraction) and × 100 for a metric whose unit is "%". A change is
// also undefined (null in JSON, n/a in Markdown) when either period lacks
// data on any day: such periods are listed in MetricReport.Incomplete and
// their values cover only the days with data (for a ratio, the days on
// which every metric it is computed from has data). Variance to plan uses the
// same units; a month, quarter or year plan of a summed metric is prorated
// by the days elapsed.
//
// Each of the six weeks and twelve months also carries its change on the
// period before (WoW for a week, MoM for a month), its YoY change and its
// variance to plan, in the same units: the series behind the six-week and
// twelve-month tables.
//
// Each metric carries an XmR chart of its weekly values over the trailing
// run of complete weeks (at most 26) ending with the week reviewed, with the
// signals of Wheeler's three detection rules (see XmR). A trending metric
// signals: that is the chart saying the process has moved.
//
// # Derived metrics
//
// A derived metric (aggregation derived) combines other metrics' period
// values with an operation: sum, difference (the first operand less the
// others), product, or divide (the first by the second). Each operand is
// aggregated its own way before the operation applies, never day by day,
// so churned customers (a sum) divided by customers (a mean) is a churn
// rate:
//
//	metrics:
//	  - id: churn_rate
//	    role: output
//	    aggregation: derived
//	    operation: divide
//	    operands: [churned_customers, customers]
//	    comparison: bps
//
// Operands may be data metrics, ratios or other derived metrics, so
// derived metrics chain; Validate refuses an operand that names no metric
// (unknown-reference) and any cycle (circular), with the JSON pointer of
// the operand. A derived metric takes no data rows. It is undefined when
// an operand is, or when divide meets zero, and it misses the days any
// data metric it is computed from misses, so a figure over a gap is
// flagged and not compared. A divide may be compared in bps and then reads
// as a percentage. A derived metric that grows with the period's length
// as a total does (a sum or difference of totals, a total times levels, a
// total divided by a level, such as churned customers over customers) has
// its month, quarter and year plans prorated and its chart shows months
// as average weeks (MetricReport.Additive).
//
// Ratio and derived differ on purpose: a ratio divides its operands' sums
// over the days both have data, as a rate of sums should; a derived divide
// uses each operand's own aggregation over its own days, as wbr-app's
// function metrics do.
//
// # Annotations and two-metric charts
//
// A deck's annotations are dated notes ("price change") for some metrics,
// or for every metric when they name none. The report keeps those dated
// from the first of its twelve months to the week reviewed, and each
// metric the latest MaxMetricAnnotations that concern it: its chart marks
// the latest eight with a numbered line on the week and month they fall in
// and lists them beneath, and Markdown and HTML list them under the metric
// and every annotation at the top. A metric's chartWith draws a second metric on its chart, on
// the same axis, in green (MetricReport.With).
//
// # The web page
//
// Report.HTML writes the deck as one page a person reads in a browser, on
// paper or as an e-mail attachment: callouts and annotations first, then
// each section with each metric's box, 6-12 chart (inline SVG), six-week
// and twelve-month tables and XmR limits. It holds no script and fetches
// nothing: its style sheet is inline, its charts are inline SVG, and a
// content security policy forbids every request. Printed, each metric
// starts a page and charts scale to the paper, A4 or Letter. Every text
// from the deck is escaped, and the page is well-formed XML as well as
// HTML, so a hostile name or note cannot break it.
//
// # Data
//
// Daily data comes in one of two shapes, from a CSV file (ReadCSV) or a
// query (ReadSQL): long, with the columns date, metric and value and one row
// per metric and day; or wide, with a date column and then one column per
// metric, named by its id (a spreadsheet's, and wbr-app's, shape). The
// header or the query's column names tell them apart. A missing row, an
// empty cell or NULL is a missing value: the periods it falls in are
// flagged in the report and take part in no comparison. Rows may come in any
// order; a second value for a metric on a day is an error, never a sum.
//
// CSV files are read as people export them: LF, CRLF or CR-only line ends,
// a byte order mark, quoted fields, numbers with thousands separators when
// quoted ("1,234.5"). A query should leave the heavy work to the database:
// group raw events by day (and metric), so only one row per metric and day
// crosses the wire; ReadSQL shows the pattern. The core package imports no
// driver; the tests read PostgreSQL through github.com/jackc/pgx/v5/stdlib.
//
// A deck may say where its data lives (Source): a CSV file, or a query and
// the name of the environment variable that holds the connection string. A
// connection string, and the password in it, never belongs in a deck, and
// dsnEnv cannot hold one.
//
// LatestWeek picks the week to review from the data: the last week that at
// least half of the deck's data metrics fill on all seven days, so neither
// the week in progress nor a stray future-dated row makes it choose a week
// without data.
//
// # Errors, rules and review options
//
// Parse, ParseReader and Validate return a *ValidationError (Kind "wbr")
// listing every problem of a deck. Problems with data are a *DataError; its
// File is left for the caller to set. Sentinels for errors.Is: ErrTooLarge
// (any documented bound, deck or data), ErrBadRow, ErrDuplicate,
// ErrUnknownMetric, ErrNoData, ErrQuery, ErrNotWeekEnd.
//
// Rules lists every rule id a Problem or Finding can carry, with a Rule…
// constant for each: the ids shared by all mechanism packages (required,
// unknown-key, duplicate-id, unknown-reference, format, ...) and wbr's own.
// Validate enforces the schema's field rules and these, which JSON Schema
// cannot state:
//
//	duplicate-id        two metrics share an id
//	duplicate           a metric has two plans for one period
//	unknown-reference   ratio and derived operands, drives, sections, chartWith and
//	                    annotations name metrics of the deck
//	ratio-operands      a ratio has a numerator and a denominator; other metrics have neither
//	derived-operands    a derived metric has an operation and its operands (divide two,
//	                    the others at least two); other metrics have neither
//	circular            a ratio or derived metric does not depend on itself, directly
//	                    or through other computed metrics
//	too-many            a ratio or derived metric is computed from at most
//	                    MaxComputedFrom (64) metrics, counting its operands' own
//	chart-with          chartWith names another metric of the deck
//	bps-not-rate        bps only for a ratio or a metric in unit "%"
//	drives-from-output, drives-input   only inputs drive, and only outputs
//	no-inputs           a deck of outputs alone: the WBR exists to manage inputs
//	undriven-output     every output is driven by at least one input
//	unowned-input       every input has an owner
//	plan-end            a plan period ends where the calendar says (week-ending day,
//	                    month end, fiscal quarter or year end)
//	plan-range          a rate compared in bps is a fraction, and so is its plan:
//	                    62 for 62% is refused (write 0.62), never compared as 6,200%
//	source              a source is a CSV file or a query with dsnEnv, not both
//
// Review gives advice on a valid deck (input-drives-none,
// inputs-outnumbered, unsectioned-metric, no-sections, unowned-output,
// unnamed-metric, no-plan) and Report.Findings on a computed week
// (xmr-signal, plan-missed, missing-days, no-data, overflow); neither is an error.
// ReviewOptions switches rules off (Disable) and changes their severity
// (Severity), the same fields in every mechanism package; Build keeps the
// options for Findings. Place fills in findings' lines and columns from
// the deck's source.
//
// # Limits
//
// Parse and ParseReader take at most MaxBytes (8 MiB), nesting 64 deep,
// 100,000 entries per list; a deck holds at most 1,000 metrics and 100
// sections; a ratio or derived metric is computed from at most
// MaxComputedFrom (64) metrics, so Build stays linear in the deck's size.
// ReadCSV streams its input and ReadSQL its rows; both stop with
// ErrTooLarge past MaxLines lines or rows, MaxPoints values or MaxMetrics
// metrics, and ReadCSV past MaxLineBytes per line. ReadCSV allocates per
// metric, not per row (database/sql's drivers allocate per row), and both
// read 500 metrics over ten years (1.8 million rows) in time and memory
// linear in the rows. Dates in documents run from 0000 to 9999, with the
// weekday right in every year (0000-01-07 was a Friday); data days from
// 0001 to 9999; Build needs week-ending dates from year 3 to 9998.
package wbr
