package flywheel

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func rules(fs []Finding) []string {
	var out []string
	for _, f := range fs {
		see(f.Rule)
		out = append(out, string(f.Severity)+" "+f.Rule+" "+f.Path)
	}
	return out
}

func TestReviewTemplate(t *testing.T) {
	data, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	f, err := Parse(data)
	require.NoError(t, err)
	fs := f.Review(ReviewOptions{})
	assert.Equal(t, []string{"info weakest-link /links/3"}, rules(fs))
	assert.Contains(t, fs[0].Message, "Selection → Customer experience with weight 0.9")
	Place(data, fs)
	assert.Equal(t, 53, fs[0].Line, "the line of /links/3 in the template")
}

func TestReviewRules(t *testing.T) {
	w := func(x float64) *float64 { return &x }
	for _, c := range []struct {
		name string
		f    *Flywheel
		want []string
	}{
		{"orphan node and lever", &Flywheel{
			Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}, {ID: "d", Kind: Lever}},
			Links: []Link{{From: "a", To: "b", Polarity: Positive, Weight: w(2)}, {From: "b", To: "a", Polarity: Positive}, {From: "c", To: "a", Polarity: Positive}, {From: "d", To: "a", Polarity: Positive}},
		}, []string{"info weakest-link /links/1", "warning not-on-wheel /nodes/2"}},
		{"long wheel", ring(7, 1.1), []string{"info weakest-link /links/0", "warning too-many-components /nodes"}},
		{"balancing dominates", &Flywheel{
			Nodes: []Node{{ID: "a"}, {ID: "b"}, {ID: "c"}},
			Links: []Link{
				{From: "a", To: "b", Polarity: Positive, Weight: w(1.1)}, {From: "b", To: "a", Polarity: Positive, Weight: w(1.2)},
				{From: "b", To: "c", Polarity: Positive, Weight: w(2)}, {From: "c", To: "b", Polarity: Negative, Weight: w(2)},
			},
		}, []string{"warning oscillates /links", "info weakest-link /links/0", "warning balancing-dominates /links/2"}},
		{"fading wheel", ring(3, 0.5), []string{"info spins-down /links", "info weakest-link /links/0"}},
		{"no reinforcing loop", &Flywheel{
			Nodes: []Node{{ID: "a"}, {ID: "b"}},
			Links: []Link{{From: "a", To: "b", Polarity: Negative}, {From: "b", To: "a", Polarity: Positive}},
		}, []string{"error no-reinforcing-loop /links"}},
		{"too many loops", complete(60), []string{"info loops-truncated /links", "info weakest-link /links/0"}},
		{"too big for leverage", ring(MaxLeverageNodes+1, 1), []string{"info leverage-skipped /", "info weakest-link /links/0", "warning too-many-components /nodes"}},
		{"too large", ring(MaxNodes+1, 1), []string{"error graph-too-large /"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, rules(c.f.Review(ReviewOptions{})))
		})
	}
}
