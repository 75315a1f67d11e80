package prfaq

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestValidateRules(t *testing.T) {
	tests := []struct {
		name string
		edit func(d *PRFAQ)
		want []Problem
	}{
		{"template is valid", func(d *PRFAQ) {}, nil},
		{"launch before the document", func(d *PRFAQ) { d.PressRelease.Dateline.LaunchDate = d.Date.AddDays(-1) },
			[]Problem{{Path: "/pressRelease/dateline/launchDate", Rule: "launch-before-date",
				Message: "launch date 2026-11-01 is before the document date 2026-11-02; write the press release for a launch still to come"}}},
		{"launch on the document's day", func(d *PRFAQ) { d.PressRelease.Dateline.LaunchDate = d.Date }, nil},
		{"two-sentence headline", func(d *PRFAQ) { d.PressRelease.Headline = "Shelfwise launches. Owners rejoice." },
			[]Problem{{Path: "/pressRelease/headline", Rule: "one-sentence", Message: "must be one sentence, not 2"}}},
		{"headline with an abbreviation", func(d *PRFAQ) { d.PressRelease.Headline = "Shelfwise Inc. brings sync to U.S. bookshops" }, nil},
		{"two-sentence subheadline", func(d *PRFAQ) { d.PressRelease.Subheadline = "Owners win! Customers win." },
			[]Problem{{Path: "/pressRelease/subheadline", Rule: "one-sentence", Message: "must be one sentence, not 2"}}},
		{"blank answer", func(d *PRFAQ) { d.InternalFAQ[2].Answer = " \n\t" },
			[]Problem{{Path: "/internalFaq/2/answer", Rule: "blank", Message: "must not be only white space"}}},
		{"blank author and picture", func(d *PRFAQ) { d.Authors[1] = " "; d.Visuals[0].URI = "\t" },
			[]Problem{{Path: "/authors/1", Rule: "blank", Message: "must not be only white space"},
				{Path: "/visuals/0/uri", Rule: "blank", Message: "must not be only white space"}}},
		{"not a question", func(d *PRFAQ) { d.ExternalFAQ[0].Question = "Price." },
			[]Problem{{Path: "/externalFaq/0/question", Rule: "not-a-question", Message: "must be a question ending in a question mark"}}},
		{"question with a trailing newline", func(d *PRFAQ) { d.ExternalFAQ[0].Question = "Price?\n" }, nil},
		{"quote without speaker", func(d *PRFAQ) { d.PressRelease.CustomerQuote.Speaker = "" },
			[]Problem{{Path: "/pressRelease/customerQuote/speaker", Rule: "required", Message: "is required"}}},
		{"unknown topic", func(d *PRFAQ) { d.InternalFAQ[0].Topic = "gossip" },
			[]Problem{{Path: "/internalFaq/0/topic", Rule: "enum", Message: `unknown value "gossip"; allowed: price, how-it-works, support, availability, market-size, competition, unit-economics, investment, dependencies, assumptions, risks, legal, other`}}},
		{"no solution", func(d *PRFAQ) { d.PressRelease.Solution = nil },
			[]Problem{{Path: "/pressRelease/solution", Rule: "required", Message: "is required"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := loadTemplate(t)
			tt.edit(d)
			err := d.Validate()
			if tt.want == nil {
				assert.NoError(t, err)
				return
			}
			var ve *ValidationError
			require.True(t, errors.As(err, &ve), "%v", err)
			assert.Equal(t, tt.want, ve.Problems)
			assert.Equal(t, "prfaq", ve.Kind)
		})
	}
}

func TestValidateNilAndEmpty(t *testing.T) {
	var d *PRFAQ
	assert.Error(t, d.Validate())
	err := (&PRFAQ{}).Validate()
	var ve *ValidationError
	require.True(t, errors.As(err, &ve))
	assert.GreaterOrEqual(t, len(ve.Problems), 9)
}

// A PR/FAQ read from Markdown may lack what only front matter can carry;
// the same document in YAML or JSON keeps every requirement, with the same
// problems as before.
func TestValidateMarkdownWithoutFrontMatter(t *testing.T) {
	d := loadTemplate(t)
	d.ID, d.Authors, d.Date, d.Stage, d.Customer = "", nil, Date{}, "", Customer{}
	d.PressRelease.Dateline.LaunchDate = Date{Year: 2027, Month: 3, Day: 3}
	d.Format = FormatMarkdown
	require.NoError(t, d.Validate())

	d.Format = ""
	var ve *ValidationError
	require.ErrorAs(t, d.Validate(), &ve)
	var got []Problem
	for _, p := range ve.Problems {
		got = append(got, Problem{Path: p.Path, Rule: p.Rule, Message: p.Message})
	}
	req := func(path string) Problem { return Problem{Path: path, Rule: RuleRequired, Message: "is required"} }
	assert.Equal(t, []Problem{req("/authors"), req("/customer"), req("/date"), req("/id"), req("/stage")}, got)

	// Some of the customer questions are enough in Markdown, not in YAML.
	d.Customer.Who = "Owners of independent bookshops"
	require.ErrorAs(t, d.Validate(), &ve)
	assert.Contains(t, ve.Problems, Problem{Path: "/customer/problem", Rule: RuleRequired, Message: "is required"})
	d.Format = FormatMarkdown
	require.NoError(t, d.Validate())

	// What the front matter does give is checked as for any PR/FAQ:
	// authors listed, the stage known, the answers not too long.
	d.Authors = []string{}
	d.Stage = "someday"
	d.Customer.Who = strings.Repeat("a", 2001)
	require.ErrorAs(t, d.Validate(), &ve)
	paths := map[string]string{}
	for _, p := range ve.Problems {
		paths[p.Path] = p.Rule
	}
	assert.Equal(t, map[string]string{"/authors": RuleTooFew, "/customer/who": RuleTooLong, "/stage": RuleEnum}, paths)

	// Only "markdown" is a format.
	d = loadTemplate(t)
	d.Format = "docx"
	require.ErrorAs(t, d.Validate(), &ve)
	assert.Equal(t, "/format", ve.Problems[0].Path)
	assert.Equal(t, RuleEnum, ve.Problems[0].Rule)
}
