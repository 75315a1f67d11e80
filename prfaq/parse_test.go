package prfaq

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"strings"
	"testing"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/strict"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseJSONAndYAMLAgree(t *testing.T) {
	y, err := os.ReadFile("testdata/valid/minimal.yaml")
	require.NoError(t, err)
	j, err := os.ReadFile("testdata/valid/minimal.json")
	require.NoError(t, err)
	dy, err := Parse(y)
	require.NoError(t, err)
	dj, err := Parse(j)
	require.NoError(t, err)
	assert.Equal(t, dy, dj)
	assert.Equal(t, "2026-09-01", dy.PressRelease.Dateline.LaunchDate.String())
	assert.Equal(t, Hypothesis, dy.Stage)
}

func TestParseErrorsSayWhere(t *testing.T) {
	base, err := os.ReadFile("testdata/valid/minimal.yaml")
	require.NoError(t, err)
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"unknown key", "title: Quiet", "titel: Quiet", []string{"line 2", `unknown key "titel"`}},
		{"bad enum", "stage: hypothesis", "stage: idea", []string{"line 5", "/stage", "allowed: hypothesis, validated, growth"}},
		{"bad date", "date: 2026-05-04", "date: 04/05/2026", []string{"line 4", "/date", "YYYY-MM-DD"}},
		{"wrong type", "authors: [Ana Ruiz]", "authors: Ana Ruiz", []string{"line 3", "/authors"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := strings.Replace(string(base), tt.old, tt.new, 1)
			require.NotEqual(t, string(base), in)
			_, err := Parse([]byte(in))
			require.Error(t, err)
			var se *problem.Error
			assert.True(t, errors.As(err, &se))
			assert.True(t, strings.HasPrefix(err.Error(), "prfaq: "), err.Error())
			for _, w := range tt.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestParseBadInput(t *testing.T) {
	_, err := Parse(nil)
	assert.ErrorIs(t, err, strict.ErrEmpty)
	_, err = Parse([]byte("id: \xff\xfe"))
	assert.ErrorIs(t, err, strict.ErrSyntax)
	_, err = Parse([]byte("{\"id\": 1"))
	assert.Error(t, err)

	// A 10 MB single-line field is more than MaxBytes: refused up front,
	// with an error callers can branch on.
	big := `{"id": "x", "title": "` + strings.Repeat("a", 10<<20) + `"}`
	_, err = Parse([]byte(big))
	require.Error(t, err)
	assert.ErrorIs(t, err, ErrTooLarge)
	assert.Contains(t, err.Error(), "limit")
}

func TestParseControlCharactersAndMarkup(t *testing.T) {
	base, err := os.ReadFile("testdata/valid/minimal.yaml")
	require.NoError(t, err)
	in := strings.Replace(string(base), "title: Quiet hours for the team chat", `title: "Quiet\u0000 <b>hours</b> | *chat*\u001b[31m"`, 1)
	d, err := Parse([]byte(in))
	require.NoError(t, err)
	assert.Equal(t, "Quiet\x00 <b>hours</b> | *chat*\x1b[31m", d.Title)
	require.NotPanics(t, func() { Review(d, ReviewOptions{}) })
}

func TestParseHundredThousandFAQs(t *testing.T) {
	base, err := os.ReadFile("testdata/valid/minimal.yaml")
	require.NoError(t, err)
	d, err := Parse(base)
	require.NoError(t, err)
	q := FAQ{Question: "Why?", Answer: "Because.", Topic: Price}
	d.ExternalFAQ = make([]FAQ, 100_000)
	for i := range d.ExternalFAQ {
		d.ExternalFAQ[i] = q
	}
	data, err := json.Marshal(d)
	require.NoError(t, err)
	// Within the parser's bound of 100,000 entries per list: read, then
	// refused by Validate with one clear problem, and still reviewed.
	big, err := Parse(data)
	require.NoError(t, err)
	require.Len(t, big.ExternalFAQ, 100_000)
	var ve *ValidationError
	require.True(t, errors.As(big.Validate(), &ve))
	assert.Equal(t, []Problem{{Path: "/externalFaq", Rule: "too-many-items", Message: "must have at most 200 items"}}, ve.Problems)
	assert.NotEmpty(t, paths(Review(big, ReviewOptions{}), RuleFAQLength))

	// One more entry than the bound is refused by the parser itself.
	over := `{"externalFaq": [` + strings.Repeat(`{},`, 100_000) + `{}]}`
	_, err = Parse([]byte(over))
	assert.ErrorIs(t, err, strict.ErrTooMany)
}

func TestParseErrorsAreValidationErrors(t *testing.T) {
	for name, in := range map[string]string{
		"empty": "", "syntax": "id: [", "unknown key": "idd: X\n", "enum": "stage: idea\n",
		"too large": strings.Repeat(" ", MaxBytes+1),
	} {
		_, err := Parse([]byte(in))
		var ve *ValidationError
		require.True(t, errors.As(err, &ve), name)
		assert.Equal(t, "prfaq", ve.Kind, name)
		require.NotEmpty(t, ve.Problems, name)
		assert.Regexp(t, kebab, ve.Problems[0].Rule, name)
	}
}

func TestParseReader(t *testing.T) {
	data, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	d, err := ParseReader(bytes.NewReader(data))
	require.NoError(t, err)
	assert.Equal(t, "PRFAQ-2026-014", d.ID)

	_, err = ParseReader(io.MultiReader(bytes.NewReader(data), strings.NewReader(strings.Repeat("#", MaxBytes))))
	assert.ErrorIs(t, err, ErrTooLarge)
	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "prfaq", ve.Kind)
	assert.Equal(t, RuleTooLarge, ve.Problems[0].Rule)
}

func TestValidateNil(t *testing.T) {
	var d *PRFAQ
	err := d.Validate()
	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.Equal(t, "prfaq", ve.Kind)
	assert.Equal(t, RuleNil, ve.Problems[0].Rule)
}
