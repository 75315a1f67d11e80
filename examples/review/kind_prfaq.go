package main

import (
	"bytes"
	"fmt"

	"github.com/dayone-go/mechanisms/prfaq"
)

func init() {
	register(kind{
		Name:       "prfaq",
		Title:      "Working Backwards PR/FAQ: press release, FAQs and the five customer questions",
		SchemaPath: "prfaq/prfaq.schema.json",
		Schema:     prfaq.Schema,
		Patterns:   []string{"*.prfaq.yaml", "*.prfaq.yml", "*.prfaq.json", "prfaq.yaml", "prfaq.json"},
		Keys:       []string{"pressRelease", "externalFaq", "internalFaq"},
		Template:   "prfaq.yaml",
		Testdata:   "prfaq/testdata",
		Check: func(data []byte) error {
			d, err := prfaq.Parse(data)
			if err != nil {
				return err
			}
			return d.Validate()
		},
		Review: reviewPRFAQ,
	})
	register(kind{
		Name:     "narrative",
		Title:    "Narrative (a six-page memo, a design doc): Amazon's writing rules",
		Patterns: []string{"*.md", "*.txt", "*.markdown"},
		Review:   reviewNarrative,
	})
}

func reviewPRFAQ(in input) result {
	var r result
	d, err := prfaq.Parse(in.Data)
	if err != nil {
		r.Err = err
		return r
	}
	if r.fromValidate(d.Validate()); r.invalid() {
		return r
	}
	r.Findings = prfaq.Review(d, prfaq.ReviewOptions{})
	pr := d.PressRelease
	stats := prfaq.Readability(pr.Summary + "\n\n" + pr.Problem)
	r.Summary = append(r.Summary, fmt.Sprintf("headline: %s", pr.Headline))
	r.Summary = append(r.Summary, fmt.Sprintf("summary and problem: %d words, reading ease %.0f, grade %.1f", stats.Words, stats.ReadingEase, stats.Grade))
	var md, fmd bytes.Buffer
	if err := prfaq.Markdown(&md, d); err != nil {
		r.Err = err
		return r
	}
	if err := prfaq.FindingsMarkdown(&fmd, d.Title, r.Findings); err != nil {
		r.Err = err
		return r
	}
	r.Files = map[string][]byte{"prfaq.md": md.Bytes(), "findings.md": fmd.Bytes()}
	return r
}

func reviewNarrative(in input) result {
	var r result
	text := string(in.Data)
	r.Findings = prfaq.ReviewText(text, prfaq.ReviewOptions{})
	s := prfaq.Readability(text)
	r.Summary = append(r.Summary, fmt.Sprintf("%d words in %d sentences; reading ease %.0f, grade %.1f", s.Words, s.Sentences, s.ReadingEase, s.Grade))
	return r
}
