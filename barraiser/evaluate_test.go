package barraiser

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// base is testdata/valid/hire.json: bar raiser "br" inclined, hiring manager
// "hm" strongly inclined, "i1" inclined, "i2" not inclined, the recruiter
// without feedback; seven ratings averaging 3.0 against the cohort
// [2.0, 2.5, 2.8, 3.5].
func base(t *testing.T) *Loop { return loadLoop(t, "testdata/valid/hire.json") }

func vote(l *Loop, id string, v Vote) {
	for i := range l.Feedback {
		if l.Feedback[i].Interviewer == id {
			l.Feedback[i].Vote = v
		}
	}
}

func drop(l *Loop, id string) {
	var keep []Feedback
	for _, f := range l.Feedback {
		if f.Interviewer != id {
			keep = append(keep, f)
		}
	}
	l.Feedback = keep
}

func rules(rs []Reason) []string {
	out := []string{}
	for _, r := range rs {
		out = append(out, r.Rule)
	}
	return out
}

func TestEvaluateDecisions(t *testing.T) {
	cases := []struct {
		name   string
		change func(*Loop)
		opts   ReviewOptions
		want   Decision
		vetoed bool
		rules  []string
	}{
		{"hire", func(*Loop) {}, ReviewOptions{}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "strong-no", "feedback-complete", "raises-bar"}},
		{"veto not inclined", func(l *Loop) { vote(l, "br", NotInclined) }, ReviewOptions{}, NoHire, true,
			[]string{"bar-raiser-veto"}},
		{"veto against everyone strongly inclined", func(l *Loop) {
			for _, id := range []string{"hm", "i1", "i2"} {
				vote(l, id, StronglyInclined)
			}
			vote(l, "br", StronglyNotInclined)
		}, ReviewOptions{HiringManagerOptional: true, StrongNoBlocks: -1, AllowMissingFeedback: true, CohortAdvisory: true}, NoHire, true,
			[]string{"bar-raiser-veto"}},
		{"split two against two hires by default", func(l *Loop) { vote(l, "i1", NotInclined) }, ReviewOptions{}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "strong-no", "feedback-complete", "raises-bar"}},
		{"split two against two with majority", func(l *Loop) { vote(l, "i1", NotInclined) }, ReviewOptions{RequireMajority: true}, NoHire, false,
			[]string{"majority"}},
		{"three against one with majority", func(*Loop) {}, ReviewOptions{RequireMajority: true}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "strong-no", "majority", "feedback-complete", "raises-bar"}},
		{"hiring manager not inclined", func(l *Loop) { vote(l, "hm", NotInclined) }, ReviewOptions{}, NoHire, false,
			[]string{"hiring-manager-vote"}},
		{"hiring manager optional", func(l *Loop) { vote(l, "hm", NotInclined) }, ReviewOptions{HiringManagerOptional: true}, Hire, false,
			[]string{"bar-raiser-vote", "strong-no", "feedback-complete", "raises-bar"}},
		{"one strong no blocks", func(l *Loop) { vote(l, "i2", StronglyNotInclined) }, ReviewOptions{}, NoHire, false,
			[]string{"strong-no"}},
		{"strong no below a limit of two", func(l *Loop) { vote(l, "i2", StronglyNotInclined) }, ReviewOptions{StrongNoBlocks: 2}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "strong-no", "feedback-complete", "raises-bar"}},
		{"strong no rule off", func(l *Loop) { vote(l, "i2", StronglyNotInclined) }, ReviewOptions{StrongNoBlocks: -1}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "feedback-complete", "raises-bar"}},
		{"bar raiser has not voted", func(l *Loop) { drop(l, "br") }, ReviewOptions{}, NoHire, false,
			[]string{"bar-raiser-vote", "feedback-complete"}},
		{"interviewer has not voted", func(l *Loop) { drop(l, "i1") }, ReviewOptions{}, NoHire, false,
			[]string{"feedback-complete"}},
		{"missing feedback allowed", func(l *Loop) { drop(l, "i1") }, ReviewOptions{AllowMissingFeedback: true}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "strong-no", "raises-bar"}},
		{"candidate exactly at the median", func(l *Loop) { l.Cohort = []float64{2.0, 2.5, 3.5, 4.0} }, ReviewOptions{}, NoHire, false,
			[]string{"raises-bar"}},
		{"at the median of an odd cohort", func(l *Loop) { l.Cohort = []float64{2, 3, 4} }, ReviewOptions{}, NoHire, false,
			[]string{"raises-bar"}},
		{"cohort advisory", func(l *Loop) { l.Cohort = []float64{3.5} }, ReviewOptions{CohortAdvisory: true}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "strong-no", "feedback-complete"}},
		{"no cohort", func(l *Loop) { l.Cohort = nil }, ReviewOptions{}, Hire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "strong-no", "feedback-complete"}},
		{"no cohort but required", func(l *Loop) { l.Cohort = nil }, ReviewOptions{RequireCohort: true}, NoHire, false,
			[]string{"cohort-required"}},
		{"cohort without ratings", func(l *Loop) { l.Feedback = nil }, ReviewOptions{AllowMissingFeedback: true}, NoHire, false,
			[]string{"bar-raiser-vote", "hiring-manager-vote", "raises-bar"}},
		{"every blocker is a reason", func(l *Loop) {
			vote(l, "br", NotInclined)
			vote(l, "hm", StronglyNotInclined)
			drop(l, "i1")
			l.Cohort = []float64{3.9}
		}, ReviewOptions{}, NoHire, true,
			[]string{"bar-raiser-veto", "hiring-manager-vote", "strong-no", "feedback-complete", "raises-bar"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := base(t)
			c.change(l)
			o, err := Evaluate(l, c.opts)
			require.NoError(t, err)
			assert.Equal(t, c.want, o.Decision)
			assert.Equal(t, c.vetoed, o.Vetoed)
			assert.Equal(t, c.rules, rules(o.Reasons))
			for _, r := range o.Reasons {
				assert.Equal(t, c.want == NoHire, r.Blocks, "a hire lists the rules that held, a no-hire those that blocked: %+v", r)
				assert.NotEmpty(t, r.Message)
			}
		})
	}
}

func TestEvaluateSummary(t *testing.T) {
	o, err := Evaluate(base(t), ReviewOptions{})
	require.NoError(t, err)
	assert.Equal(t, Tally{StronglyInclined: 1, Inclined: 2, NotInclined: 1, Points: 3}, o.Tally, "2 + 1 + 1 - 1")
	assert.Equal(t, 4, o.Tally.Total())
	assert.InDelta(t, 3.0, o.Score, 1e-12)
	require.NotNil(t, o.Bar)
	assert.Equal(t, Bar{Score: 3, Percentile: 75, Raises: true, CohortSize: 4}, *o.Bar)

	require.Len(t, o.Principles, 3)
	co := o.Principles[0]
	assert.Equal(t, "Customer Obsession", co.Principle)
	assert.Equal(t, []string{"br", "hm", "i2"}, co.Assigned)
	assert.Equal(t, []string{"br", "hm", "i2"}, co.RatedBy)
	assert.Equal(t, []int{3, 3, 2}, co.Scores)
	assert.InDelta(t, 8.0/3, co.Mean, 1e-12)
	assert.Equal(t, 1, co.Spread)
	assert.Equal(t, 3*26, co.EvidenceWords)
	assert.Equal(t, "Ownership", o.Principles[1].Principle)
	assert.Equal(t, "Dive Deep", o.Principles[2].Principle)

	// The outcome is plain data: it survives JSON.
	b, err := json.Marshal(o)
	require.NoError(t, err)
	var back Outcome
	require.NoError(t, json.Unmarshal(b, &back))
	assert.Equal(t, o, back)
}

func TestEvaluateInvalidLoop(t *testing.T) {
	l := base(t)
	l.Interviewers[3].Role = RoleBarRaiser
	o, err := Evaluate(l, ReviewOptions{})
	var ve *ValidationError
	require.ErrorAs(t, err, &ve)
	assert.Equal(t, Outcome{}, o)
}

func TestCountWords(t *testing.T) {
	for in, want := range map[string]int{"": 0, "  ": 0, "one": 1, "p99 latency, 2.1 points!": 5, "Hire-and-develop": 3, "écrit été": 2} {
		assert.Equal(t, want, countWords(in), in)
	}
}

// TestOutcomeJSON pins the keys the package doc promises tools.
func TestOutcomeJSON(t *testing.T) {
	l := loadLoop(t, "testdata/valid/veto.json")
	o, err := Evaluate(l, ReviewOptions{})
	require.NoError(t, err)
	data, err := json.Marshal(o)
	require.NoError(t, err)
	var got map[string]any
	require.NoError(t, json.Unmarshal(data, &got))
	assert.ElementsMatch(t, []string{"decision", "vetoed", "tally", "principles", "score", "bar", "reasons"}, keys(got))
	assert.Equal(t, "no-hire", got["decision"])
	assert.Equal(t, true, got["vetoed"])
	tally := got["tally"].(map[string]any)
	assert.ElementsMatch(t, []string{"stronglyInclined", "inclined", "notInclined", "stronglyNotInclined", "total", "missing", "points"}, keys(tally))
	assert.EqualValues(t, o.Tally.Total(), tally["total"])
	assert.ElementsMatch(t, []string{"score", "percentile", "raises", "cohortSize"}, keys(got["bar"].(map[string]any)))
	assert.Equal(t, false, got["bar"].(map[string]any)["raises"])

	var back Outcome
	require.NoError(t, json.Unmarshal(data, &back), "the encoding reads back")
	assert.Equal(t, o, back)

	l.Cohort = nil
	o, err = Evaluate(l, ReviewOptions{})
	require.NoError(t, err)
	data, err = json.Marshal(o)
	require.NoError(t, err)
	assert.Contains(t, string(data), `"bar":null`, "unknown is null, not a missing key")
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}
