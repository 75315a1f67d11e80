package wbr

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// churnDeck is wbr-app's churn rate: churned customers (a weekly sum)
// divided by customers (a weekly average), plus the other operations and
// a chain through them.
func churnDeck() *Deck {
	return &Deck{Metrics: []Metric{
		{ID: "churned", Role: Output, Aggregation: Sum},
		{ID: "customers", Role: Output, Aggregation: Mean},
		{ID: "opening", Role: Output, Aggregation: First},
		{ID: "new", Role: Input, Owner: "A", Aggregation: Sum, Drives: []string{"churned", "customers", "opening", "churn_rate", "net_new", "both", "scaled", "net_share", "net_ratio"}},
		{ID: "churn_rate", Role: Output, Aggregation: Derived, Operation: Divide, Operands: []string{"churned", "customers"}, Comparison: BPS},
		{ID: "net_new", Role: Output, Aggregation: Derived, Operation: Subtract, Operands: []string{"new", "churned"}},
		{ID: "both", Role: Output, Aggregation: Derived, Operation: Add, Operands: []string{"new", "churned", "new"}},
		{ID: "scaled", Role: Output, Aggregation: Derived, Operation: Multiply, Operands: []string{"churn_rate", "customers"}},
		{ID: "net_share", Role: Output, Aggregation: Derived, Operation: Divide, Operands: []string{"net_new", "new"}},
		{ID: "net_ratio", Role: Output, Aggregation: Ratio, Numerator: "net_new", Denominator: "new"},
	}}
}

func TestDerivedMetrics(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "churned", 1, 2, 3, 4, 5, 6, 7) // sum 28
	weekData(t, &data, "2026-11-21", "customers", 100, 100, 100, 100, 100, 100, 400)
	weekData(t, &data, "2026-11-21", "opening", 90, 91, 92, 93, 94, 95, 96) // first 90
	weekData(t, &data, "2026-11-21", "new", 10, 10, 10, 10, 10, 10, 10)     // sum 70
	weekData(t, &data, "2026-11-14", "churned", 2, 2, 2, 2, 2, 2, 2)        // sum 14
	weekData(t, &data, "2026-11-14", "customers", 140, 140, 140, 140, 140, 140, 140)
	weekData(t, &data, "2026-11-14", "new", 5, 5, 5, 5, 5, 5, 5) // sum 35
	r, err := Build(churnDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	v := func(id string) float64 {
		m := find(t, r, id)
		require.NotNil(t, m.LastWeek, id)
		return *m.LastWeek
	}
	customers := (600.0 + 400) / 7 // 142.86
	assert.InDelta(t, 28/customers, v("churn_rate"), 1e-12, "sum ÷ mean: churned customers over average customers")
	assert.InDelta(t, 90, v("opening"), 0, "first takes the first day's value")
	assert.InDelta(t, 70-28, v("net_new"), 0, "difference: the first less the others")
	assert.InDelta(t, 70+28+70, v("both"), 0, "sum of every operand")
	assert.InDelta(t, 28, v("scaled"), 1e-9, "product chains through a derived operand: (28 / customers) × customers")
	assert.InDelta(t, 42.0/70, v("net_share"), 1e-12, "a derived metric of a derived metric")
	assert.InDelta(t, 42.0/70, v("net_ratio"), 1e-12, "a ratio whose numerator is derived")

	cr := find(t, r, "churn_rate")
	require.NotNil(t, cr.WoW)
	assert.InDelta(t, (28/customers-14.0/140)*10000, *cr.WoW, 1e-9, "bps for a derived divide")
	assert.Equal(t, Divide, cr.Operation)
	assert.Equal(t, []string{"churned", "customers"}, cr.Operands)
	assert.True(t, find(t, r, "net_new").Additive, "a difference of sums is a total")
	assert.True(t, cr.Additive, "churned in a period over the customers: a month's rate is about four weeks'")
	assert.True(t, find(t, r, "scaled").Additive, "a total times a level")
	assert.False(t, find(t, r, "net_share").Additive, "a total over a total")
	assert.False(t, find(t, r, "customers").Additive, "a mean")
	assert.Equal(t, "19.60%", cr.formatValue(cr.LastWeek), "a derived divide in bps reads as a percentage")
}

func TestDerivedUndefinedAndPartial(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "churned", 1, 1, 1, 1, 1, 1, 1)
	weekData(t, &data, "2026-11-21", "customers", 0, 0, 0, 0, 0, 0, 0)
	weekData(t, &data, "2026-11-21", "new", 1, 1, 1, 1, 1) // two days missing
	r, err := Build(churnDeck(), data, date("2026-11-21"), ReviewOptions{})
	require.NoError(t, err)
	assert.Nil(t, find(t, r, "churn_rate").LastWeek, "dividing by zero is undefined, not infinite")
	nn := find(t, r, "net_new")
	require.NotNil(t, nn.LastWeek)
	assert.InDelta(t, 5-7, *nn.LastWeek, 0, "each operand over the days it has data")
	assert.Contains(t, nn.Incomplete, "lastWeek", "an operand's missing days flag the derived figure")
	assert.Nil(t, find(t, r, "opening").LastWeek, "no data, no first value")
}

func TestDerivedTakesNoData(t *testing.T) {
	var data Data
	weekData(t, &data, "2026-11-21", "churn_rate", 1)
	_, err := Build(churnDeck(), data, date("2026-11-21"), ReviewOptions{})
	assert.True(t, errors.Is(err, ErrUnknownMetric), "%v", err)
}

func TestDerivedValidation(t *testing.T) {
	tests := []struct {
		name   string
		change func(d *Deck)
		path   string
		rule   string
	}{
		{"unknown operand", func(d *Deck) { d.Metrics[4].Operands[1] = "nope" }, "/metrics/4/operands/1", RuleUnknownReference},
		{"self", func(d *Deck) { d.Metrics[5].Operands[0] = "net_new" }, "/metrics/5/operands/0", RuleCircular},
		{"cycle", func(d *Deck) { d.Metrics[5].Operands[1] = "net_share" }, "/metrics/5/operands/1", RuleCircular},
		{"cycle through a ratio", func(d *Deck) { d.Metrics[5].Operands[1] = "net_ratio" }, "/metrics/5/operands/1", RuleCircular},
		{"no operation", func(d *Deck) { d.Metrics[5].Operation = "" }, "/metrics/5/operation", RuleDerivedOperands},
		{"divide of three", func(d *Deck) { d.Metrics[4].Operands = []string{"churned", "customers", "new"} }, "/metrics/4/operands", RuleDerivedOperands},
		{"one operand", func(d *Deck) { d.Metrics[5].Operands = []string{"new"} }, "/metrics/5/operands", RuleDerivedOperands},
		{"operands on a sum", func(d *Deck) { d.Metrics[0].Operands = []string{"new", "new"} }, "/metrics/0", RuleDerivedOperands},
		{"bps on a derived sum", func(d *Deck) { d.Metrics[5].Comparison = BPS }, "/metrics/5/comparison", "bps-not-rate"},
		{"unknown operation", func(d *Deck) { d.Metrics[5].Operation = "modulo" }, "/metrics/5/operation", "enum"},
	}
	require.NoError(t, churnDeck().Validate())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := churnDeck()
			tt.change(d)
			var ve *ValidationError
			require.ErrorAs(t, d.Validate(), &ve)
			found := false
			for _, p := range ve.Problems {
				found = found || (p.Path == tt.path && p.Rule == tt.rule)
			}
			assert.True(t, found, "want %s at %s in %v", tt.rule, tt.path, ve.Problems)
		})
	}
}

func TestChartWithUnitIsReviewed(t *testing.T) {
	d := churnDeck()
	d.Metrics[0].Unit, d.Metrics[1].Unit = "customers", "customers"
	d.Metrics[0].ChartWith = "customers"
	assert.Empty(t, rules(Review(d, ReviewOptions{}))[RuleChartWithUnit], "same unit")
	d.Metrics[1].Unit = "USD"
	assert.Equal(t, []string{"/metrics/0/chartWith"}, rules(Review(d, ReviewOptions{}))[RuleChartWithUnit])
}

func TestDerivedDividePlanIsAFraction(t *testing.T) {
	d := churnDeck()
	d.Metrics[4].Plan = []PlanValue{{Period: PlanWeek, End: dateOf("2026-11-21"), Value: 3}}
	var ve *ValidationError
	require.ErrorAs(t, d.Validate(), &ve)
	assert.Equal(t, "/metrics/4/plan/0/value", ve.Problems[0].Path)
	assert.Equal(t, RulePlanRange, ve.Problems[0].Rule)
}
