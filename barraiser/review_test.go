package barraiser

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func findingRules(fs []Finding) map[string]string {
	see(nil, fs...)
	out := map[string]string{}
	for _, f := range fs {
		if out[f.Rule] != "" {
			out[f.Rule] += " "
		}
		out[f.Rule] += f.Path
	}
	return out
}

func TestReviewTemplateIsClean(t *testing.T) {
	l := loadLoop(t, "../examples/templates/loop.yaml")
	require.NoError(t, l.Validate())
	assert.Empty(t, Review(l, ReviewOptions{}), "the template is the example teams copy")
	o, err := Evaluate(l, ReviewOptions{})
	require.NoError(t, err)
	assert.Equal(t, l.Debrief.Decision, o.Decision)
}

func TestReviewFindings(t *testing.T) {
	late := func(l *Loop) {
		at := l.Feedback[1].SubmittedAt.Add(-30 * time.Hour)
		l.Feedback[1].InterviewedAt = &at
	}
	cases := []struct {
		name   string
		change func(*Loop)
		rule   string
		path   string
	}{
		{"small loop", func(l *Loop) { l.Interviewers = l.Interviewers[:4] }, "loop-size", "/interviewers"},
		{"large loop", func(l *Loop) {
			for _, id := range []string{"a", "b", "c"} {
				l.Interviewers = append(l.Interviewers, Interviewer{ID: id, Name: id, Role: RoleInterviewer, Level: 5, Principles: []string{"Ownership"}})
			}
		}, "loop-size", "/interviewers"},
		{"few words", func(l *Loop) { l.Feedback[0].Ratings[1].Evidence = "Went deep on 3 metrics." }, "thin-evidence", "/feedback/0/ratings/1/evidence"},
		{"no example", func(l *Loop) {
			l.Feedback[0].Ratings[1].Evidence = "Seems like a very strong candidate who would probably do well on the team and has the right attitude towards the work we do here in general, I liked them."
		}, "no-example", "/feedback/0/ratings/1/evidence"},
		{"one rater only", func(l *Loop) { l.Feedback = append(l.Feedback[:2], l.Feedback[3]) }, "single-coverage", "/feedback/0/ratings/1/principle"},
		{"inclined vote, low ratings", func(l *Loop) {
			l.Feedback[2].Ratings[0].Score, l.Feedback[2].Ratings[1].Score = 2, 2
		}, "vote-contradicts-ratings", "/feedback/2/vote"},
		{"not inclined vote, high ratings", func(l *Loop) { l.Feedback[3].Ratings[0].Score = 4 }, "vote-contradicts-ratings", "/feedback/3/vote"},
		{"late feedback", late, "late-feedback", "/feedback/1/submittedAt"},
		{"missing feedback", func(l *Loop) { l.Feedback = l.Feedback[1:] }, "missing-feedback", "/interviewers/0"},
		{"unassigned rating", func(l *Loop) {
			l.Feedback[3].Ratings = append(l.Feedback[3].Ratings, Rating{Principle: "Ownership", Score: 2, Evidence: l.Feedback[3].Ratings[0].Evidence})
		}, "unassigned-rating", "/feedback/3/ratings/1/principle"},
		{"no recruiter", func(l *Loop) { l.Interviewers[2].Role = RoleInterviewer }, "no-recruiter", "/interviewers"},
		{"no cohort", func(l *Loop) { l.Cohort = nil }, "no-cohort", "/cohort"},
		{"decision differs", func(l *Loop) { l.Debrief.Decision = NoHire }, "decision-differs", "/debrief/decision"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := loadLoop(t, "testdata/valid/hire.json")
			before := findingRules(Review(l, ReviewOptions{}))
			assert.NotContains(t, before, c.rule, "precondition: the base loop does not trip %s", c.rule)
			c.change(l)
			got := findingRules(Review(l, ReviewOptions{}))
			assert.Contains(t, got[c.rule], c.path, "findings: %v", got)
		})
	}
}

func TestReviewLateFeedbackThreshold(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	at := l.Feedback[1].SubmittedAt.Add(-LateAfter)
	l.Feedback[1].InterviewedAt = &at
	assert.NotContains(t, findingRules(Review(l, ReviewOptions{})), "late-feedback", "exactly LateAfter is still on time")
}

func TestReviewDecisionFollowsOptions(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	vote(l, "hm", NotInclined)
	assert.Contains(t, findingRules(Review(l, ReviewOptions{})), "decision-differs")
	assert.NotContains(t, findingRules(Review(l, ReviewOptions{HiringManagerOptional: true})), "decision-differs")
}

func TestReviewNeverPanics(t *testing.T) {
	assert.Nil(t, Review(nil, ReviewOptions{}))
	l := &Loop{Feedback: []Feedback{{Interviewer: "nobody", Vote: "bogus", Ratings: []Rating{{}}}}, Debrief: &Debrief{Decision: Hire}}
	fs := Review(l, ReviewOptions{})
	assert.NotEmpty(t, fs)
	for i := 1; i < len(fs); i++ {
		assert.LessOrEqual(t, fs[i-1].Path, fs[i].Path, "sorted")
	}
}

func TestReviewOptionsDisableAndSeverity(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	l.Cohort = nil
	l.Feedback[0].Ratings[0].Evidence = "Good."
	all := findingRules(Review(l, ReviewOptions{}))
	require.Contains(t, all, RuleNoCohort)
	require.Contains(t, all, RuleThinEvidence)

	fs := Review(l, ReviewOptions{
		Disable:  []string{RuleNoCohort},
		Severity: map[string]Severity{RuleThinEvidence: Error, RuleNoExample: "loud"},
	})
	got := map[string]Severity{}
	for _, f := range fs {
		got[f.Rule] = f.Severity
	}
	assert.NotContains(t, got, RuleNoCohort, "disabled")
	assert.Equal(t, Error, got[RuleThinEvidence], "raised")
	assert.Equal(t, Warning, got[RuleNoExample], "an unknown severity keeps the default")
}

func TestPlaceFindsFindingsInTheSource(t *testing.T) {
	data, err := os.ReadFile("../examples/templates/loop.yaml")
	require.NoError(t, err)
	l, err := Parse(data)
	require.NoError(t, err)
	l.Feedback[1].Ratings[0].Evidence = "Fine."
	fs := Review(l, ReviewOptions{})
	require.NotEmpty(t, fs)
	Place(data, fs)
	lines := strings.Split(string(data), "\n")
	for _, f := range fs {
		require.Positive(t, f.Line, f.Path)
		require.Positive(t, f.Column, f.Path)
		if strings.HasSuffix(f.Path, "/evidence") {
			assert.Contains(t, lines[f.Line-1], "evidence", f.Path)
		}
	}
}

func TestLateFeedbackSpeaksInWords(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	at := l.Feedback[1].SubmittedAt.Add(-30*time.Hour - 15*time.Minute)
	l.Feedback[1].InterviewedAt = &at
	for _, f := range Review(l, ReviewOptions{}) {
		if f.Rule == RuleLateFeedback {
			assert.Equal(t, "submitted 1 day 6 hours 15 minutes after the interview; feedback later than 1 day loses detail and risks anchoring on others", f.Message)
			return
		}
	}
	t.Fatal("no late-feedback finding")
}

func TestSpell(t *testing.T) {
	for d, want := range map[time.Duration]string{
		0:                          "less than a minute",
		90 * time.Second:           "2 minutes",
		time.Hour:                  "1 hour",
		49*time.Hour + time.Minute: "2 days 1 hour 1 minute",
		-3 * time.Hour:             "less than a minute",
	} {
		assert.Equal(t, want, spell(d), d.String())
	}
}

func TestCitesExampleAgreesWithTheExpression(t *testing.T) {
	for _, s := range []string{"", "p99 went from 2.1 s", "For example, she rewrote it.", "They showed me the dashboard.", "Good.", "Seems strong overall", "e.g. the outage", "Example", "counterexample only", "x\u00a0said"} {
		assert.Equal(t, exampleMarker.MatchString(s), citesExample(s), s)
	}
}
