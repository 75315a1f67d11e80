package wbr

// LatestWeek returns the week-ending day of the week to review: the last
// complete week in data, as ReadCSV or ReadSQL read it, for deck d.
//
// The rule: weeks end on the deck's week-ending weekday. Only the deck's
// metrics that take data (not ratios or derived metrics) and have at least
// one value count; call them the data metrics. A week is complete when at
// least half of the data metrics have a value on each of its seven days,
// and LatestWeek returns the last complete week. A week still in progress,
// or a stray row dated in the future, fills at most a few days of one
// metric, so it is never chosen over the last week the data really covers.
// When no week is complete (data recorded once a week, say), it returns
// the last week in which at least half of the data metrics have any value,
// and failing that the last week with any value at all.
//
// The deck is not validated here; Build does that. LatestWeek fails with
// ErrNoData, as a *DataError, when no metric of the deck has data.
func LatestWeek(d *Deck, data Data) (Date, error) {
	if d == nil || data.s == nil {
		return Date{}, dataErr(ErrNoData, "no data for any metric of the deck")
	}
	endWD := int(d.Calendar.weekEnds().Time())
	takesData := make(map[string]bool, len(d.Metrics))
	for i := range d.Metrics {
		if !d.Metrics[i].computed() {
			takesData[d.Metrics[i].ID] = true
		}
	}
	complete := map[day]int{} // week end -> data metrics with all seven days
	some := map[day]int{}     // week end -> data metrics with any day
	metrics := 0
	for i := range data.s.series {
		s := &data.s.series[i]
		if !takesData[s.id] || len(s.vals) == 0 {
			continue
		}
		metrics++
		run, week := 0, day(0)
		for i := range s.vals { // sorted, no day twice
			dd := s.days.at(i)
			end := dd + day((endWD-int(dd.weekday())+7)%7)
			if run == 0 || end != week {
				week, run = end, 0
				some[end]++
			}
			if run++; run == 7 {
				complete[end]++
			}
		}
	}
	if metrics == 0 {
		return Date{}, dataErr(ErrNoData, "no data for any metric of the deck")
	}
	pick := func(counts map[day]int, least int) (day, bool) {
		best, found := day(0), false
		for w, n := range counts {
			if n >= least && (!found || w > best) {
				best, found = w, true
			}
		}
		return best, found
	}
	half := (metrics + 1) / 2
	w, ok := pick(complete, half)
	if !ok {
		w, ok = pick(some, half)
	}
	if !ok {
		w, _ = pick(some, 1)
	}
	return w.date(), nil
}
