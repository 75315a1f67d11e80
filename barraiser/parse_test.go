package barraiser

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"testing/iotest"

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
			see(err)
			require.Error(t, err)
			assert.Nil(t, l)
			assert.Contains(t, err.Error(), c.want)
			assert.True(t, strings.HasPrefix(err.Error(), "barraiser: "), err.Error())
			ve, ok := err.(*ValidationError)
			require.True(t, ok, "Parse returns a *ValidationError itself, not wrapped: %T", err)
			assert.Equal(t, "barraiser", ve.Kind)
		})
	}
}

func TestParseReaderAndLimits(t *testing.T) {
	l, err := ParseReader(bytes.NewReader([]byte(`{"candidate": {"name": "x"}}`)))
	require.NoError(t, err)
	assert.Equal(t, "x", l.Candidate.Name)

	big := make([]byte, MaxBytes+1)
	for name, parse := range map[string]func([]byte) (*Loop, error){
		"Parse":       Parse,
		"ParseReader": func(b []byte) (*Loop, error) { return ParseReader(bytes.NewReader(b)) },
	} {
		l, err := parse(big)
		assert.Nil(t, l, name)
		assert.ErrorIs(t, err, ErrTooLarge, name)
		var ve *ValidationError
		require.True(t, errors.As(err, &ve), name)
		assert.Equal(t, "barraiser", ve.Kind, name)
		require.Len(t, ve.Problems, 1, name)
		assert.Equal(t, RuleTooLarge, ve.Problems[0].Rule, name)
	}
	_, err = Parse(make([]byte, MaxBytes))
	assert.NotErrorIs(t, err, ErrTooLarge, "exactly MaxBytes is within the limit")
}

func TestParseReaderReadError(t *testing.T) {
	_, err := ParseReader(iotest.ErrReader(errors.New("connection reset")))
	assert.EqualError(t, err, "barraiser: connection reset")
	var ve *ValidationError
	assert.False(t, errors.As(err, &ve), "a failed read is not about the document")
}

func TestParseRefusesNonFiniteAndMistypedValues(t *testing.T) {
	for in, want := range map[string]struct {
		path      string
		line, col int
	}{
		"cohort: [2.5, .nan]\n":            {"/cohort/1", 1, 15},
		"cohort: [.inf]\n":                 {"/cohort/0", 1, 10},
		"feedback:\n  - vote: 5\n":         {"/feedback/0/vote", 2, 11},
		"interviewers: {id: a}\n":          {"/interviewers", 1, 15},
		"role: {level: \"six\"}\n":         {"/role/level", 1, 15},
		"debrief: {decision: postponed}\n": {"/debrief/decision", 1, 21},
	} {
		_, err := Parse([]byte(in))
		see(err)
		var ve *ValidationError
		require.True(t, errors.As(err, &ve), in)
		require.NotEmpty(t, ve.Problems, in)
		p := ve.Problems[0]
		assert.Equal(t, want.path, p.Path, in)
		assert.Equal(t, [2]int{want.line, want.col}, [2]int{p.Line, p.Column}, in)
	}
	_, err := Parse([]byte("debrief: {decision: postponed}\n"))
	assert.ErrorContains(t, err, "hire, no-hire", "an unknown value lists the allowed ones")
}

func TestParseReportsEveryProblemAtOnce(t *testing.T) {
	_, err := Parse([]byte(`candidate: {name: Alex}
role: {title: E, family: S, level: 5, grade: 3}
debrief: {at: 2026-04-02, decision: hir}
feedback:
  - submittedAt: yesterday
    vote: inclind
`))
	see(err)
	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "barraiser", ve.Kind)
	type at struct {
		path, rule string
		line, col  int
	}
	var got []at
	for _, p := range ve.Problems {
		got = append(got, at{p.Path, p.Rule, p.Line, p.Column})
		assert.NotContains(t, p.Message, "2006-01-02", "no Go layout in %q", p.Message)
	}
	assert.Equal(t, []at{
		{"/role/grade", RuleUnknownKey, 2, 39},
		{"/debrief/at", RuleFormat, 3, 15},
		{"/debrief/decision", RuleEnum, 3, 37},
		{"/feedback/0/submittedAt", RuleFormat, 5, 18},
		{"/feedback/0/vote", RuleEnum, 6, 11},
	}, got)
	assert.Contains(t, ve.Problems[4].Message, `did you mean "inclined"?`)
}
