package barraiser

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseYAMLAndJSONAgree(t *testing.T) {
	y := loadLoop(t, "../examples/templates/loop.yaml")
	assert.Len(t, y.Interviewers, 6)
	assert.Len(t, y.Feedback, 6)
	assert.Equal(t, 6, y.Role.Level)
	assert.Equal(t, Inclined, y.Feedback[0].Vote)
	require.NotNil(t, y.Feedback[0].InterviewedAt)

	j := loadLoop(t, "testdata/valid/hire.json")
	assert.Equal(t, "Sam Doe", j.Candidate.Name)
	assert.Equal(t, []float64{2.0, 2.5, 2.8, 3.5}, j.Cohort)
}

func TestParseErrorsNamePlace(t *testing.T) {
	cases := map[string]struct{ in, want string }{
		"unknown key":  {"candidate: {name: x}\nbudget: 3\n", "line 2"},
		"bad vote":     {"feedback:\n  - vote: maybe\n", "allowed: strongly-inclined, inclined, not-inclined, strongly-not-inclined"},
		"bad role":     {"interviewers:\n  - role: boss\n", "/interviewers/0/role"},
		"level float":  {"role: {level: 5.5}\n", "/role/level"},
		"bad time":     {"debrief: {at: yesterday}\n", "/debrief/at"},
		"score string": {`{"feedback": [{"ratings": [{"score": "4"}]}]}`, "/feedback/0/ratings/0/score"},
		"empty":        {"  \n", "empty"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			l, err := Parse([]byte(c.in))
			require.Error(t, err)
			assert.Nil(t, l)
			assert.Contains(t, err.Error(), c.want)
			assert.True(t, strings.HasPrefix(err.Error(), "barraiser: "), err.Error())
			var se *problem.Error
			assert.True(t, errors.As(err, &se), "the strict error is wrapped")
		})
	}
}

func TestReadLimits(t *testing.T) {
	l, err := Read(bytes.NewReader([]byte(`{"candidate": {"name": "x"}}`)))
	require.NoError(t, err)
	assert.Equal(t, "x", l.Candidate.Name)
	_, err = Read(bytes.NewReader(make([]byte, strict.DefaultMaxBytes+1)))
	assert.ErrorIs(t, err, strict.ErrTooLarge)
}

func TestParseRefusesNonFiniteAndMistypedValues(t *testing.T) {
	for in, want := range map[string]string{
		"cohort: [2.5, .nan]\n":            "line 1, column 15: /cohort/1: number \".nan\" is not finite",
		"cohort: [.inf]\n":                 "line 1, column 10: /cohort/0",
		"feedback:\n  - vote: 5\n":         "/feedback/0/vote",
		"interviewers: {id: a}\n":          "/interviewers",
		"role: {level: \"six\"}\n":         "/role/level",
		"debrief: {decision: postponed}\n": "allowed: hire, no-hire",
	} {
		_, err := Parse([]byte(in))
		require.Error(t, err, in)
		assert.Contains(t, err.Error(), want, in)
	}
}
