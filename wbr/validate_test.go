package wbr

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestInvalidDecksNameTheRule checks each go-only testdata deck fails for
// the rule its file name says, at a path that points into the deck.
func TestInvalidDecksNameTheRule(t *testing.T) {
	want := map[string][]string{
		"duplicate-id.yaml":        {"/metrics/1/id duplicate-id"},
		"self-ratio.yaml":          {"/metrics/0/denominator circular", "/metrics/0/numerator circular"},
		"circular-ratio.yaml":      {"/metrics/0/numerator circular", "/metrics/1/numerator circular"},
		"missing-denominator.yaml": {"/metrics/1/denominator ratio-operands"},
		"bps-volume.yaml":          {"/metrics/0/comparison bps-not-rate"},
		"only-outputs.yaml":        {"/metrics no-inputs"},
		"undriven-output.yaml":     {"/metrics/1 undriven-output"},
		"unowned-input.yaml":       {"/metrics/1/owner unowned-input"},
		"drives-unknown.yaml":      {"/metrics/1/drives/1 unknown-reference"},
		"section-unknown.yaml":     {"/sections/0/metrics/1 unknown-reference"},
		"plan-end.yaml":            {"/metrics/0/plan/0/end plan-end", "/metrics/0/plan/1/end plan-end"},
	}
	for file, rules := range want {
		t.Run(file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", "invalid", file))
			require.NoError(t, err)
			d, err := Parse(data)
			require.NoError(t, err)
			err = d.Validate()
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Path+" "+p.Rule)
			}
			assert.Equal(t, rules, got)
			assert.True(t, strings.HasPrefix(err.Error(), "wbr: "))
		})
	}
}

func TestValidateCrossFieldRules(t *testing.T) {
	base := func() *Deck { return smallDeck() }
	tests := []struct {
		name   string
		change func(d *Deck)
		want   []string
	}{
		{"valid", func(*Deck) {}, nil},
		{"operands on a sum", func(d *Deck) { d.Metrics[1].Numerator = "views" }, []string{"/metrics/1 ratio-operands"}},
		{"unknown operand", func(d *Deck) { d.Metrics[3].Denominator = "nope" }, []string{"/metrics/3/denominator unknown-reference"}},
		{"bps on a percent unit", func(d *Deck) { d.Metrics[4].Unit = "%"; d.Metrics[4].Comparison = BPS }, nil},
		{"drives from an output", func(d *Deck) { d.Metrics[0].Drives = []string{"orders"} }, []string{"/metrics/0/drives/0 drives-from-output"}},
		{"drives an input", func(d *Deck) { d.Metrics[1].Drives = []string{"views"} }, []string{"/metrics/1/drives/0 drives-input"}},
		{"duplicate plan", func(d *Deck) {
			p := PlanValue{Period: PlanWeek, End: dayOf(date("2026-11-21")).date(), Value: 1}
			d.Metrics[0].Plan = []PlanValue{p, p}
		}, []string{"/metrics/0/plan/1 duplicate"}},
		{"csv source", func(d *Deck) { d.Source = Source{CSV: "data.csv"} }, nil},
		{"query source", func(d *Deck) { d.Source = Source{Query: "SELECT 1", DSNEnv: "WBR_DSN"} }, nil},
		{"csv and query", func(d *Deck) { d.Source = Source{CSV: "data.csv", Query: "SELECT 1", DSNEnv: "WBR_DSN"} }, []string{"/source source"}},
		{"query without its connection", func(d *Deck) { d.Source = Source{Query: "SELECT 1"} }, []string{"/source/dsnEnv source"}},
		{"connection without a query", func(d *Deck) { d.Source = Source{DSNEnv: "WBR_DSN"} }, []string{"/source/query source"}},
		{"a connection string in the deck", func(d *Deck) {
			d.Source = Source{Query: "SELECT 1", DSNEnv: "postgres://me:secret@db/wbr"}
		}, []string{"/source/dsnEnv format"}},
		{"rate plan written as a percent", func(d *Deck) {
			d.Metrics[3].Plan = []PlanValue{{Period: PlanWeek, End: date("2026-11-21"), Value: 62}, {Period: PlanWeek, End: date("2026-11-28"), Value: 0.62}}
		}, []string{"/metrics/3/plan/0/value plan-range"}},
		{"ratio in percent may exceed one", func(d *Deck) {
			d.Metrics[3].Comparison = Percent
			d.Metrics[3].Plan = []PlanValue{{Period: PlanWeek, End: date("2026-11-21"), Value: 62}}
		}, nil},
		{"a year-0 Friday is no Saturday", func(d *Deck) {
			d.Metrics[0].Plan = []PlanValue{{Period: PlanWeek, End: Date{Year: 0, Month: 1, Day: 7}, Value: 1}, {Period: PlanWeek, End: Date{Year: 0, Month: 1, Day: 8}, Value: 1}}
		}, []string{"/metrics/0/plan/0/end plan-end"}},
		{"plan on a Friday under Friday weeks", func(d *Deck) {
			d.Calendar.WeekEnds = Friday
			d.Metrics[0].Plan = []PlanValue{{Period: PlanWeek, End: dayOf(date("2026-11-20")).date(), Value: 1}}
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := base()
			tt.change(d)
			err := d.Validate()
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			var got []string
			for _, p := range ve.Problems {
				got = append(got, p.Path+" "+p.Rule)
			}
			assert.Equal(t, tt.want, got)
		})
	}
	var nilDeck *Deck
	var ve *ValidationError
	require.ErrorAs(t, nilDeck.Validate(), &ve)
	assert.Equal(t, kind, ve.Kind)
	assert.Equal(t, RuleNil, ve.Problems[0].Rule)
}
