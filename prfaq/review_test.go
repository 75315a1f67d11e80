package prfaq

import (
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func loadTemplate(t testing.TB) *PRFAQ {
	t.Helper()
	b, err := os.ReadFile(templatePath)
	require.NoError(t, err)
	d, err := Parse(b)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	return d
}

// paths returns the paths of the findings of rule.
func paths(fs []Finding, rule string) []string {
	var out []string
	for _, f := range fs {
		if f.Rule == rule {
			out = append(out, f.Path)
		}
	}
	return out
}

func TestTemplateReviewsClean(t *testing.T) {
	d := loadTemplate(t)
	fs := Review(d, ReviewOptions{})
	assert.LessOrEqual(t, len(fs), 3, "the template should pass the review with few findings: %v", fs)
}

func TestPRFAQRules(t *testing.T) {
	tests := []struct {
		rule  string
		edit  func(d *PRFAQ)
		paths []string
	}{
		{RulePressReleaseLength, func(d *PRFAQ) {
			d.PressRelease.Solution = append(d.PressRelease.Solution, strings.Repeat("Owners sell books. ", 120))
		},
			[]string{"/pressRelease"}},
		{RulePressReleaseLength, func(d *PRFAQ) {}, nil},
		{RuleFAQLength, func(d *PRFAQ) { d.InternalFAQ[0].Answer = strings.Repeat("Owners sell books in the shop. ", 420) }, []string{"/"}},
		{RuleFAQLength, func(d *PRFAQ) {}, nil},
		{RuleParagraphLength, func(d *PRFAQ) { d.PressRelease.Summary = strings.Repeat("Owners sell books. ", 5) }, []string{"/pressRelease/summary"}},
		{RuleParagraphLength, func(d *PRFAQ) {
			d.PressRelease.Summary = strings.Repeat("Owners sell books. ", 4) + "\n\n" + strings.Repeat("Owners sell books. ", 4)
		}, nil},
		{RuleParagraphLength, func(d *PRFAQ) { d.Customer.Evidence = strings.Repeat("Owners sell books. ", 9) }, nil},
		{RuleExternalFAQTopics, func(d *PRFAQ) { d.ExternalFAQ = d.ExternalFAQ[:1] }, []string{"/externalFaq", "/externalFaq", "/externalFaq"}},
		{RuleExternalFAQTopics, func(d *PRFAQ) {}, nil},
		{RuleInternalFAQTopics, func(d *PRFAQ) { d.InternalFAQ[4].Topic = OtherTopic }, []string{"/internalFaq"}},
		{RuleInternalFAQTopics, func(d *PRFAQ) {}, nil},
		{RuleMissingNumber, func(d *PRFAQ) {
			d.PressRelease.Problem = "Owners keep counts by hand."
			d.PressRelease.CustomerQuote.Text = "It saves me time."
		}, []string{"/pressRelease/customerQuote/text", "/pressRelease/problem"}},
		{RuleMissingNumber, func(d *PRFAQ) { d.PressRelease.Problem = "Owners lose twelve orders a month." }, nil},
		{RuleNoAlternative, func(d *PRFAQ) { d.PressRelease.Solution = []string{"Shelfwise connects to the till."} }, []string{"/pressRelease/solution"}},
		{RuleNoAlternative, func(d *PRFAQ) {
			d.PressRelease.Solution = []string{"Unlike the spreadsheet, Shelfwise connects to the till."}
		}, nil},
		{RuleCustomerAbsent, func(d *PRFAQ) { d.Customer.Who = "Florists in Wales" }, []string{"/pressRelease"}},
		{RuleCustomerAbsent, func(d *PRFAQ) { d.Customer.Who = "Owners of bookshops" }, nil},
		{RuleCustomerAbsent, func(d *PRFAQ) { d.Customer.Who = "Florists who sell books online and keep stock" }, []string{"/pressRelease"}},
		{RuleCustomerAbsent, func(d *PRFAQ) { d.Customer.Who = "Florists, bookshops and owners" }, []string{"/pressRelease"}},
		{RuleFutureTense, func(d *PRFAQ) {
			d.PressRelease.Summary = "Shelfwise will launch stock sync. We are going to help owners."
			d.PressRelease.LeaderQuote.Text = "We will keep adding marketplaces."
		}, []string{"/pressRelease/summary", "/pressRelease/summary"}},
		{RuleFutureTense, func(d *PRFAQ) { d.ExternalFAQ[0].Answer = "The price will stay at £29 for 2027." }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.rule, func(t *testing.T) {
			d := loadTemplate(t)
			tt.edit(d)
			assert.Equal(t, tt.paths, paths(Review(d, ReviewOptions{}), tt.rule))
		})
	}
}

func TestReviewProseInFields(t *testing.T) {
	d := loadTemplate(t)
	d.ExternalFAQ[1].Answer = "It is very fast."
	fs := Review(d, ReviewOptions{})
	var hit *Finding
	for i := range fs {
		if fs[i].Rule == RuleWeaselWord {
			hit = &fs[i]
		}
	}
	require.NotNil(t, hit)
	assert.Equal(t, "/externalFaq/1/answer", hit.Path)
	assert.Equal(t, "very", d.ExternalFAQ[1].Answer[hit.Start:hit.End])
	assert.Equal(t, [2]int{1, 7}, [2]int{hit.Line, hit.Column})
}

func TestReviewOptions(t *testing.T) {
	d := loadTemplate(t)
	d.ExternalFAQ = d.ExternalFAQ[:1]
	assert.NotEmpty(t, paths(Review(d, ReviewOptions{}), RuleExternalFAQTopics))
	assert.Empty(t, paths(Review(d, ReviewOptions{Disable: []string{RuleExternalFAQTopics}}), RuleExternalFAQTopics))
	assert.Empty(t, paths(Review(d, ReviewOptions{ExternalTopics: []Topic{Price}}), RuleExternalFAQTopics))
	assert.NotEmpty(t, paths(Review(loadTemplate(t), ReviewOptions{PressReleaseMaxWords: 100}), RulePressReleaseLength))
	fs := Review(loadTemplate(t), ReviewOptions{FAQMaxWords: 50, Severity: map[string]Severity{RuleFAQLength: Error}})
	require.NotEmpty(t, paths(fs, RuleFAQLength))
	for _, f := range fs {
		if f.Rule == RuleFAQLength {
			assert.Equal(t, Error, f.Severity)
			assert.Contains(t, f.Message, "pages")
		}
	}
}

func TestReviewAnyDocument(t *testing.T) {
	assert.Nil(t, Review(nil, ReviewOptions{}))
	require.NotPanics(t, func() { Review(&PRFAQ{}, ReviewOptions{}) })
}

func TestReviewManyFAQs(t *testing.T) {
	d := loadTemplate(t)
	q := d.ExternalFAQ[0]
	d.ExternalFAQ = make([]FAQ, 100_000)
	for i := range d.ExternalFAQ {
		d.ExternalFAQ[i] = q
	}
	fs := Review(d, ReviewOptions{})
	assert.Equal(t, []string{"/"}, paths(fs, RuleFAQLength))
	err := d.Validate()
	require.Error(t, err)
	assert.Contains(t, err.Error(), "/externalFaq: must have at most 200 items")
}

func TestFieldTextQuotesFindings(t *testing.T) {
	d := loadTemplate(t)
	d.InternalFAQ[1].Answer = "Hosting is very cheap."
	var n int
	for _, f := range Review(d, ReviewOptions{}) {
		if f.End <= f.Start {
			continue
		}
		text, ok := d.FieldText(f.Path)
		require.True(t, ok, f.Path)
		require.LessOrEqual(t, f.End, len(text))
		if f.Rule == RuleWeaselWord {
			assert.Equal(t, "very", text[f.Start:f.End])
			n++
		}
	}
	assert.Equal(t, 1, n)
	_, ok := d.FieldText("/stage")
	assert.False(t, ok)
	var nilDoc *PRFAQ
	_, ok = nilDoc.FieldText("/title")
	assert.False(t, ok)
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{"bookshops": "bookshop", "bookshop's": "bookshop", "companies": "company",
		"business": "business", "bus": "bus", "owner": "owner"} {
		w := []byte(in)
		assert.Equal(t, want, string(stem(w, nil)), in)
		assert.Equal(t, in, string(w), "the word is left alone")
	}
	d := loadTemplate(t)
	d.Customer.Who = "Small companies that sell books"
	d.PressRelease.Summary += " Each company saves 6 hours."
	assert.Empty(t, paths(Review(d, ReviewOptions{}), RuleCustomerAbsent))
	d.PressRelease.Summary = "Shelfwise launches."
	d.Customer.Who = "Florist companies"
	assert.NotEmpty(t, paths(Review(d, ReviewOptions{}), RuleCustomerAbsent))
}

// A PR/FAQ read from Markdown without the values only front matter can
// carry gets one info finding naming the keys to add, at the top of the
// file; a YAML PR/FAQ, a Markdown one whose front matter gives them all,
// and a review that disables the rule get none.
func TestReviewFrontMatterMissing(t *testing.T) {
	data, err := os.ReadFile("testdata/markdown/tidewater.md")
	require.NoError(t, err)
	d, err := ParseMarkdown(data)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	var got []Finding
	for _, f := range Review(d, ReviewOptions{}) {
		if f.Rule == RuleFrontMatterMissing {
			got = append(got, f)
		}
	}
	require.Len(t, got, 1)
	assert.Equal(t, Info, got[0].Severity)
	assert.Equal(t, "/", got[0].Path)
	assert.Equal(t, "the front matter does not give id, authors, date, stage, customer (who, problem, benefit, evidence, experience), which a PR/FAQ written in Markdown can state only there", got[0].Message)
	PlaceMarkdown(data, got)
	assert.Equal(t, 1, got[0].Line)
	assert.Empty(t, paths(Review(d, ReviewOptions{Disable: []string{RuleFrontMatterMissing}}), RuleFrontMatterMissing))

	// Keys the front matter gives are not asked for; a partial customer
	// block is asked for by the questions it lacks.
	d, err = ParseMarkdown(append([]byte("---\nid: PRFAQ-7\nauthors: [Ana Ruiz]\ncustomer:\n  who: Pool owners\n---\n"), data...))
	require.NoError(t, err)
	for _, f := range Review(d, ReviewOptions{}) {
		if f.Rule == RuleFrontMatterMissing {
			assert.Equal(t, "the front matter does not give date, stage, customer.problem, customer.benefit, customer.evidence, customer.experience, which a PR/FAQ written in Markdown can state only there", f.Message)
		}
	}
	assert.Len(t, paths(Review(d, ReviewOptions{}), RuleFrontMatterMissing), 1)

	assert.Empty(t, paths(Review(loadTemplate(t), ReviewOptions{}), RuleFrontMatterMissing))
	md, err := os.ReadFile(mdTemplatePath)
	require.NoError(t, err)
	d, err = ParseMarkdown(md)
	require.NoError(t, err)
	assert.Empty(t, paths(Review(d, ReviewOptions{}), RuleFrontMatterMissing))
}

// A PR/FAQ read from Markdown that lacks parts of the press release or an
// FAQ is valid; Review names each missing part once, as a warning placed in
// the file. A YAML PR/FAQ without them stays invalid with the same
// problems as before, and a complete one gets no section-missing finding.
func TestReviewSectionMissing(t *testing.T) {
	data, err := os.ReadFile("testdata/markdown/shelf-count.md")
	require.NoError(t, err)
	d, err := ParseMarkdown(data)
	require.NoError(t, err)
	require.NoError(t, d.Validate())
	fs := Review(d, ReviewOptions{})
	assert.Equal(t, []string{"/internalFaq", "/pressRelease/callToAction", "/pressRelease/customerQuote",
		"/pressRelease/gettingStarted", "/pressRelease/leaderQuote"}, paths(fs, RuleSectionMissing))
	assert.Empty(t, paths(fs, RuleInternalFAQTopics), "one finding for the missing internal FAQ, not one per topic")
	PlaceMarkdown(data, fs)
	for _, f := range fs {
		if f.Rule != RuleSectionMissing {
			continue
		}
		assert.Equal(t, Warning, f.Severity, f.Path)
		assert.NotEmpty(t, f.Suggestion, f.Path)
		assert.Positive(t, f.Line, f.Path)
	}
	assert.Empty(t, paths(Review(d, ReviewOptions{Disable: []string{RuleSectionMissing}}), RuleSectionMissing))

	// Any one part of the press release makes a valid Markdown PR/FAQ; an
	// empty press release does not.
	d.PressRelease = PressRelease{Summary: "ShelfCount lists the books nobody borrows."}
	d.ExternalFAQ = nil
	require.NoError(t, d.Validate())
	assert.Len(t, paths(Review(d, ReviewOptions{}), RuleSectionMissing), 11)
	d.PressRelease.Summary = ""
	var ve *ValidationError
	require.ErrorAs(t, d.Validate(), &ve)
	assert.Equal(t, "/pressRelease", ve.Problems[0].Path, "an empty press release is missing as a whole")

	// YAML and JSON PR/FAQs keep every requirement.
	y := loadTemplate(t)
	assert.Empty(t, paths(Review(y, ReviewOptions{}), RuleSectionMissing))
	y.Title, y.InternalFAQ, y.PressRelease.CallToAction, y.PressRelease.LeaderQuote = "", nil, "", Quote{}
	require.ErrorAs(t, y.Validate(), &ve)
	var got []string
	for _, p := range ve.Problems {
		got = append(got, p.Path+" "+p.Rule)
	}
	assert.Equal(t, []string{"/internalFaq required", "/pressRelease/callToAction required",
		"/pressRelease/leaderQuote required", "/title required"}, got)
	assert.Empty(t, paths(Review(y, ReviewOptions{}), RuleSectionMissing))
}
