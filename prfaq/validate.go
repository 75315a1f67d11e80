package prfaq

import (
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"unicode"

	"github.com/dayone-go/mechanisms/internal/problem"
	"github.com/dayone-go/mechanisms/internal/validation"
)

// ValidationError is the error Parse, ParseReader, ParseMarkdown and
// Validate return about a document; get it with errors.As(err, &ve) and
// var ve *prfaq.ValidationError. Its fields:
//
//   - Kind is "prfaq", the document kind.
//   - Problems lists every problem found, sorted by path; see Problem.
//   - Err, when set, is the sentinel the problems stand for, such as
//     ErrTooLarge, so errors.Is(err, prfaq.ErrTooLarge) holds.
type ValidationError = problem.Error

// Problem is one reason a document is invalid. Its fields:
//
//   - Path is the JSON pointer (RFC 6901) of the offending value
//     ("/externalFaq/0/question"); for an unknown key, the key's own
//     pointer; "/" for the document as a whole.
//   - Rule is the stable kebab-case id of the broken rule ("required",
//     "not-a-question"); Rules describes each.
//   - Message says what is wrong in words, with the fix where one is known.
//   - Line and Column are 1-based positions in the source (Column counts
//     characters in JSON, YAML and Markdown alike); 0 where no source
//     exists, as for Validate on a value built in Go.
type Problem = problem.Problem

// questionMark is the schema form of "a question ends in a question mark"
// (ASCII or full-width), allowing trailing line breaks from YAML block
// scalars. Only ASCII white space is allowed after it so that Go's regexp
// and ECMAScript regexps agree on every input.
const questionMark = `[?？][ \t\r\n]*$`

// isQuestion reports whether s matches questionMark, without a regexp,
// which cost more than the rest of validating a question (match_test.go
// compares the two). The ASCII white space and the marks are disjoint, so
// the pattern holds exactly when s, less trailing white space, ends with a
// mark; a mark's bytes cannot be the tail of another character, since
// UTF-8 never continues a character with a leading byte.
func isQuestion(s string) bool {
	s = strings.TrimRight(s, " \t\r\n")
	return strings.HasSuffix(s, "?") || strings.HasSuffix(s, "？")
}

func init() {
	validation.Register(validation.Rule{
		Tag: "prfaqquestion",
		ID:  RuleNotAQuestion,
		Check: func(v reflect.Value) bool {
			return v.Kind() == reflect.String && isQuestion(v.String())
		},
		Message: "must be a question ending in a question mark",
		Schema:  map[string]any{"pattern": questionMark},
	})
}

// FormatMarkdown is the Format of a document ParseMarkdown read.
const FormatMarkdown = "markdown"

// markdownOptional lists the nested values a PR/FAQ read from Markdown may
// leave out, as JSON pointers: the customer questions one by one (its front
// matter, or its "five customer questions" section, may answer some of
// them), and the parts of the press release a prose PR/FAQ often lacks
// (headline, subheadline, dateline, quotes, getting started, call to
// action and the rest; the press release as a whole stays required).
// Missing parts are advice, not invalidity: Review
// reports each with a section-missing finding. The tags of Customer and
// PressRelease cannot name the document's Format, so Validate drops these
// problems itself; the schema generator reads the same list (see
// schema_test.go), so the schema states the exemption too.
var markdownOptional = []string{"/customer/who", "/customer/problem", "/customer/benefit",
	"/customer/evidence", "/customer/experience",
	"/pressRelease/headline", "/pressRelease/subheadline", "/pressRelease/dateline",
	"/pressRelease/dateline/city", "/pressRelease/dateline/launchDate",
	"/pressRelease/summary", "/pressRelease/problem", "/pressRelease/solution",
	"/pressRelease/leaderQuote", "/pressRelease/leaderQuote/text",
	"/pressRelease/leaderQuote/speaker", "/pressRelease/leaderQuote/role",
	"/pressRelease/customerQuote", "/pressRelease/customerQuote/text",
	"/pressRelease/customerQuote/speaker", "/pressRelease/customerQuote/role",
	"/pressRelease/gettingStarted", "/pressRelease/callToAction"}

// Validate checks the document's structure: required sections and fields,
// lengths and list sizes, known enum values, questions that end in a
// question mark, plus the rules the schema cannot state (see the package
// documentation): no field that is only white space, a headline and a
// subheadline of one sentence each, and a launch date not before the
// document's date. It returns nil or a *ValidationError listing every
// problem; on a nil document, a *ValidationError with rule nil-document.
func (d *PRFAQ) Validate() error {
	if d == nil {
		return problem.Nil(kind)
	}
	var l problem.List = validation.Struct(d)
	if d.Format == FormatMarkdown {
		l = slices.DeleteFunc(l, func(p Problem) bool {
			return p.Rule == RuleRequired && slices.Contains(markdownOptional, p.Path)
		})
	}
	fields := d.textFields()
	for i, a := range d.Authors {
		fields = append(fields, field{path: authorPaths.at(i), text: a})
	}
	for i, v := range d.Visuals {
		fields = append(fields, field{path: visualURIPaths.at(i), text: v.URI})
	}
	fields = append(fields, field{path: "/id", text: d.ID})
	for _, f := range fields {
		if f.text != "" && strings.TrimFunc(f.text, unicode.IsSpace) == "" {
			l.Add(f.path, RuleBlank, "must not be only white space")
		}
	}
	for _, f := range []struct{ path, text string }{
		{"/pressRelease/headline", d.PressRelease.Headline},
		{"/pressRelease/subheadline", d.PressRelease.Subheadline},
	} {
		if n := Readability(f.text).Sentences; n > 1 {
			l.Add(f.path, RuleOneSentence, "must be one sentence, not %d", n)
		}
	}
	launch := d.PressRelease.Dateline.LaunchDate
	if !launch.IsZero() && !d.Date.IsZero() && launch.Before(d.Date) {
		l.Add("/pressRelease/dateline/launchDate", RuleLaunchBeforeDate,
			"launch date %s is before the document date %s; write the press release for a launch still to come", launch, d.Date)
	}
	return l.Err(kind)
}

// field is one text field of a document with its JSON pointer.
type field struct {
	path string
	text string
	// pr marks the press release narrative, where launch-tense rules apply.
	pr bool
	// quote marks a quote, where people may speak of the future.
	quote bool
	// place marks a place name, which the prose rules do not read: a
	// dateline writes its city in capitals ("LEEDS"), not as an acronym.
	place bool
}

// textFields lists every prose field of d in document order.
func (d *PRFAQ) textFields() []field {
	c, p := &d.Customer, &d.PressRelease
	// Room for the fields Validate adds too (authors, visuals' URIs, id).
	fs := make([]field, 0, 19+len(p.Solution)+2*(len(d.ExternalFAQ)+len(d.InternalFAQ))+len(d.Authors)+2*len(d.Visuals)+1)
	fs = append(fs, []field{
		{path: "/title", text: d.Title},
		{path: "/customer/who", text: c.Who},
		{path: "/customer/problem", text: c.Problem},
		{path: "/customer/benefit", text: c.Benefit},
		{path: "/customer/evidence", text: c.Evidence},
		{path: "/customer/experience", text: c.Experience},
		{path: "/pressRelease/headline", text: p.Headline, pr: true},
		{path: "/pressRelease/subheadline", text: p.Subheadline, pr: true},
		{path: "/pressRelease/dateline/city", text: p.Dateline.City, place: true},
		{path: "/pressRelease/summary", text: p.Summary, pr: true},
		{path: "/pressRelease/problem", text: p.Problem, pr: true},
	}...)
	for i, s := range p.Solution {
		fs = append(fs, field{path: solutionPaths.at(i), text: s, pr: true})
	}
	fs = append(fs,
		field{path: "/pressRelease/leaderQuote/text", text: p.LeaderQuote.Text, pr: true, quote: true},
		field{path: "/pressRelease/leaderQuote/speaker", text: p.LeaderQuote.Speaker},
		field{path: "/pressRelease/leaderQuote/role", text: p.LeaderQuote.Role},
		field{path: "/pressRelease/customerQuote/text", text: p.CustomerQuote.Text, pr: true, quote: true},
		field{path: "/pressRelease/customerQuote/speaker", text: p.CustomerQuote.Speaker},
		field{path: "/pressRelease/customerQuote/role", text: p.CustomerQuote.Role},
		field{path: "/pressRelease/gettingStarted", text: p.GettingStarted, pr: true},
		field{path: "/pressRelease/callToAction", text: p.CallToAction, pr: true},
	)
	for _, list := range [...]struct {
		question, answer *indexPaths
		faqs             []FAQ
	}{{&externalQuestionPaths, &externalAnswerPaths, d.ExternalFAQ}, {&internalQuestionPaths, &internalAnswerPaths, d.InternalFAQ}} {
		for i, q := range list.faqs {
			fs = append(fs, field{path: list.question.at(i), text: q.Question}, field{path: list.answer.at(i), text: q.Answer})
		}
	}
	for i, v := range d.Visuals {
		fs = append(fs, field{path: visualCaptionPaths.at(i), text: v.Caption})
	}
	return fs
}

// indexPaths spells the JSON pointers prefix + index + suffix of one list's
// entries; those of the first entries are made once and shared, so that
// listing a document's text fields (Validate and Review do it on every
// call) costs no string per entry.
type indexPaths struct {
	prefix, suffix string
	once           sync.Once
	first          [32]string
}

func (x *indexPaths) at(i int) string {
	if i >= len(x.first) {
		return x.prefix + strconv.Itoa(i) + x.suffix
	}
	x.once.Do(func() {
		for j := range x.first {
			x.first[j] = x.prefix + strconv.Itoa(j) + x.suffix
		}
	})
	return x.first[i]
}

var (
	authorPaths           = indexPaths{prefix: "/authors/"}
	solutionPaths         = indexPaths{prefix: "/pressRelease/solution/"}
	externalQuestionPaths = indexPaths{prefix: "/externalFaq/", suffix: "/question"}
	externalAnswerPaths   = indexPaths{prefix: "/externalFaq/", suffix: "/answer"}
	internalQuestionPaths = indexPaths{prefix: "/internalFaq/", suffix: "/question"}
	internalAnswerPaths   = indexPaths{prefix: "/internalFaq/", suffix: "/answer"}
	visualURIPaths        = indexPaths{prefix: "/visuals/", suffix: "/uri"}
	visualCaptionPaths    = indexPaths{prefix: "/visuals/", suffix: "/caption"}
)
