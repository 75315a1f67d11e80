package barraiser

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadLoop(t testing.TB, path string) *Loop {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	l, err := Parse(b)
	require.NoError(t, err)
	return l
}

func problems(t *testing.T, err error) map[string]string {
	t.Helper()
	see(err)
	var ve *ValidationError
	require.True(t, errors.As(err, &ve), "want a *ValidationError, got %v", err)
	got := map[string]string{}
	for _, p := range ve.Problems {
		if got[p.Path] != "" {
			got[p.Path] += ","
		}
		got[p.Path] += p.Rule
	}
	return got
}

// TestInvalidTestdataRules checks that each invalid document fails for the
// reason its name gives, at the path where the fault is.
func TestInvalidTestdataRules(t *testing.T) {
	want := map[string][2]string{
		"bar-raiser-is-hiring-manager.json": {"/interviewers/0/name", "bar-raiser-independent"},
		"blank-evidence.json":               {"/feedback/2/ratings/1/evidence", "blank-text"},
		"cohort-outside-scale.json":         {"/cohort/1", "range"},
		"duplicate-feedback.json":           {"/feedback/3/interviewer", "duplicate-feedback"},
		"duplicate-id.json":                 {"/interviewers/4/id", "duplicate-id"},
		"empty-cohort.json":                 {"/cohort", "too-few"},
		"feedback-after-debrief.json":       {"/feedback/2/submittedAt", "feedback-after-debrief"},
		"foreign-feedback.json":             {"/feedback/3/interviewer", "unknown-reference"},
		"interviewer-level-too-low.json":    {"/interviewers/4/level", "interviewer-level"},
		"missing-evidence.json":             {"/feedback/2/ratings/1/evidence", "required"},
		"no-bar-raiser.json":                {"/interviewers", "bar-raiser-count"},
		"no-hiring-manager.json":            {"/interviewers", "hiring-manager-missing"},
		"no-principles-assigned.json":       {"/interviewers/4/principles", "principles-assigned"},
		"score-outside-scale.json":          {"/feedback/1/ratings/0/score", "range"},
		"two-bar-raisers.json":              {"/interviewers/3/role", "bar-raiser-count"},
		"unknown-principle.json":            {"/feedback/0/ratings/0/principle", "unknown-principle"},
		"unrated-principle.json":            {"/feedback/2/ratings", "unrated-principle"},
	}
	// Parse refuses these: the rule, where (the pointer, or the object
	// holding an unknown key) and a word the message must name.
	parseErrors := map[string][3]string{
		"vote-outside-scale.json": {RuleEnum, "/feedback/1/vote", "strongly-inclined"},
		"unknown-key.json":        {RuleUnknownKey, "/debrief", `"room"`},
	}
	files, err := filepath.Glob("testdata/invalid/*")
	require.NoError(t, err)
	require.Len(t, files, len(want)+len(parseErrors), "every invalid file has an expectation")
	for _, f := range files {
		name := filepath.Base(f)
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			l, err := Parse(data)
			see(err)
			if w, ok := parseErrors[name]; ok {
				require.Error(t, err, "refused by the parser")
				assert.Nil(t, l)
				var ve *ValidationError
				require.True(t, errors.As(err, &ve))
				found := false
				for _, p := range ve.Problems {
					if p.Rule == w[0] && strings.HasPrefix(p.Path, w[1]) && strings.Contains(p.Message, w[2]) {
						found = true
						assert.Positive(t, p.Line, "a parse problem has its line")
					}
				}
				assert.True(t, found, "want a %s problem at %s naming %s: %v", w[0], w[1], w[2], err)
				return
			}
			require.NoError(t, err)
			w, ok := want[name]
			require.True(t, ok, "no expectation for %s", name)
			got := problems(t, l.Validate())
			assert.Equal(t, w[1], got[w[0]], "problems: %v", got)
		})
	}
}

func TestValidTestdata(t *testing.T) {
	files, err := filepath.Glob("testdata/valid/*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		assert.NoError(t, loadLoop(t, f).Validate(), f)
	}
}

func TestValidateMessagesSayWhy(t *testing.T) {
	l := loadLoop(t, "testdata/invalid/feedback-after-debrief.json")
	err := l.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "independence of the loop")
	assert.True(t, strings.HasPrefix(err.Error(), "barraiser: /feedback/2/submittedAt: "), err.Error())

	l = loadLoop(t, "testdata/valid/hire.json")
	l.Feedback[2].SubmittedAt = l.Debrief.At
	assert.Equal(t, "feedback-after-debrief", problems(t, l.Validate())["/feedback/2/submittedAt"], "submitted at the debrief's start is not before it")
}

func TestValidateCohortNaNAndEmpty(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	l.Cohort = []float64{2, math.NaN(), 3}
	assert.Equal(t, "finite,range", problems(t, l.Validate())["/cohort/1"], "NaN is named as such, and fails the range too")
	_, err := Evaluate(l, ReviewOptions{})
	assert.Error(t, err)

	l.Cohort = []float64{}
	assert.Equal(t, "too-few", problems(t, l.Validate())["/cohort"], "an empty cohort is refused, not ignored")
	_, err = Evaluate(l, ReviewOptions{})
	assert.Error(t, err)

	l.Cohort = nil
	assert.NoError(t, l.Validate(), "no cohort at all is fine")

	_, err = Parse([]byte(`{"candidate": {"name": "x"}, "cohort": [NaN]}`))
	assert.Error(t, err, "the parser refuses NaN")
}

func TestValidateSubmittedBeforeInterview(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	at := l.Feedback[0].SubmittedAt.Add(time.Hour)
	l.Feedback[0].InterviewedAt = &at
	assert.Equal(t, "submitted-before-interview", problems(t, l.Validate())["/feedback/0/submittedAt"])
}

func TestValidateManyProblemsAtOnce(t *testing.T) {
	l := loadLoop(t, "testdata/valid/hire.json")
	l.Interviewers[0].Role = RoleInterviewer // no bar raiser
	l.Feedback[1].Ratings[0].Principle = "Frugality"
	l.Feedback = append(l.Feedback, Feedback{Interviewer: "ghost", SubmittedAt: l.Feedback[0].SubmittedAt, Vote: Inclined, Ratings: []Rating{{Principle: "Ownership", Score: 3, Evidence: "x"}}})
	got := problems(t, l.Validate())
	assert.Equal(t, "bar-raiser-count", got["/interviewers"])
	assert.Equal(t, "unknown-principle", got["/feedback/1/ratings/0/principle"], "Frugality is not on this loop's own list")
	assert.Equal(t, "unknown-reference", got["/feedback/4/interviewer"])
}

func TestValidateNil(t *testing.T) {
	var l *Loop
	for _, err := range []error{l.Validate(), func() error { _, err := Evaluate(nil, ReviewOptions{}); return err }()} {
		assert.ErrorIs(t, err, ErrNilLoop)
		assert.Equal(t, map[string]string{"/": RuleNil}, problems(t, err), "a *ValidationError with the shared nil-document rule")
		assert.Equal(t, "barraiser", err.(*ValidationError).Kind)
	}
}
