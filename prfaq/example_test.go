package prfaq_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/dayone-go/mechanisms/prfaq"
)

func ExampleReviewText() {
	text := "Our revolutionary service is very fast. The WBR was run by the team."
	for _, f := range prfaq.ReviewText(text, prfaq.ReviewOptions{}) {
		fmt.Printf("%d:%d %s %q\n", f.Line, f.Column, f.Rule, text[f.Start:f.End])
	}
	// Output:
	// 1:5 hype "revolutionary"
	// 1:30 weasel-word "very"
	// 1:45 undefined-acronym "WBR"
	// 1:49 passive-voice "was run"
}

func ExampleReviewText_options() {
	text := "In order to ship, we utilize the WBR."
	opts := prfaq.ReviewOptions{
		Disable:       []string{prfaq.RuleWordyPhrase},
		KnownAcronyms: []string{"WBR"},
	}
	fmt.Println(len(prfaq.ReviewText(text, opts)))
	// Output: 0
}

func ExampleReadability() {
	st := prfaq.Readability("The cat sat on the mat. It was happy there.")
	fmt.Printf("%d words, %d sentences, %d syllables, ease %.2f, grade %.2f\n",
		st.Words, st.Sentences, st.Syllables, st.ReadingEase, st.Grade)
	// Output: 10 words, 2 sentences, 11 syllables, ease 108.70, grade -0.66
}

func ExampleParse() {
	_, err := prfaq.Parse([]byte("id: X\nstage: idea\n"))
	fmt.Println(err)
	// Output: prfaq: line 2, column 8: /stage: unknown stage "idea"; allowed: hypothesis, validated, growth
}

func ExamplePRFAQ_Validate() {
	data, _ := os.ReadFile("../examples/templates/prfaq.yaml")
	doc, err := prfaq.Parse(data)
	if err != nil {
		panic(err)
	}
	doc.PressRelease.Headline = "Shelfwise launches. Owners rejoice."
	doc.ExternalFAQ[0].Question = "The price"
	var ve *prfaq.ValidationError
	if errors.As(doc.Validate(), &ve) {
		for _, p := range ve.Problems {
			fmt.Println(p.Path, p.Rule)
		}
	}
	// Output:
	// /externalFaq/0/question not-a-question
	// /pressRelease/headline one-sentence
}

func ExampleReview() {
	data, _ := os.ReadFile("../examples/templates/prfaq.yaml")
	doc, err := prfaq.Parse(data)
	if err != nil {
		panic(err)
	}
	doc.PressRelease.Summary = "Shelfwise will sync stock for bookshops."
	doc.InternalFAQ = doc.InternalFAQ[:4] // drop the question on risks
	for _, f := range prfaq.Review(doc, prfaq.ReviewOptions{}) {
		fmt.Println(f.Path, f.Rule, f.Message)
	}
	// Output:
	// /internalFaq internal-faq-topics the internal FAQ has no question on risks, which stakeholders always ask
	// /pressRelease/summary future-tense "will" is future tense; write the press release as if the product has launched
}

func ExampleFindingsMarkdown() {
	fs := prfaq.ReviewText("It is very fast.", prfaq.ReviewOptions{})
	if err := prfaq.FindingsMarkdown(os.Stdout, "Review", fs); err != nil {
		panic(err)
	}
	// Output:
	// ## Review
	//
	// 1 finding: 1 warning.
	//
	// | Severity | Rule | Where | Message | Suggestion |
	// | --- | --- | --- | --- | --- |
	// | warning | weasel-word | text 1:7 | "very" is vague; say how many or how much | a number |
}

func ExampleParseMarkdown() {
	data := []byte(`# Tidewater PR/FAQ

## Tidewater tells pool owners what to add before the water turns green

SAN DIEGO, CA – June 12, 2027 – Tidewater today released a floating sensor.

“Owners told us they wanted to swim, not run a chemistry lab,” said Marisol Vega, general manager of Tidewater.

## Customer FAQ

**How much does it cost?**

The sensor costs $89.

## Internal FAQ

### How many pools could use it?

The US has about 10.4 million residential pools.
`)
	doc, err := prfaq.ParseMarkdown(data)
	if err != nil {
		panic(err)
	}
	pr := doc.PressRelease
	fmt.Println(doc.Title)
	fmt.Println(pr.Headline)
	fmt.Println(pr.Dateline.City, pr.Dateline.LaunchDate)
	fmt.Println(pr.LeaderQuote.Speaker, "/", pr.LeaderQuote.Role)
	fmt.Println(doc.ExternalFAQ[0].Question, doc.ExternalFAQ[0].Topic)
	fmt.Println(doc.InternalFAQ[0].Question, doc.InternalFAQ[0].Topic)
	// Output:
	// Tidewater
	// Tidewater tells pool owners what to add before the water turns green
	// SAN DIEGO, CA 2027-06-12
	// Marisol Vega / general manager of Tidewater
	// How much does it cost? price
	// How many pools could use it? market-size
}

func ExamplePlace_markdown() {
	data := []byte(`# Shelfwise keeps every listing in step

LEEDS — March 1, 2027 — Today Shelfwise launches stock sync.

## External FAQ

### How much does it cost?

It costs £29 a month, which is very cheap.
`)
	doc, err := prfaq.ParseMarkdown(data)
	if err != nil {
		panic(err)
	}
	fs := prfaq.Review(doc, prfaq.ReviewOptions{Disable: []string{prfaq.RuleExternalFAQTopics, prfaq.RuleInternalFAQTopics}})
	prfaq.Place(data, fs) // lines and columns in the Markdown file
	for _, f := range fs {
		if f.Path == "/externalFaq/0/answer" {
			fmt.Printf("%d:%d %s %s\n", f.Line, f.Column, f.Rule, f.Message)
		}
	}
	// Output:
	// 9:32 weasel-word "very" is vague; say how many or how much
}

func ExampleMarkdown() {
	doc := &prfaq.PRFAQ{PressRelease: prfaq.PressRelease{
		Headline: "Shelfwise keeps every listing in step",
		Dateline: prfaq.Dateline{City: "Leeds", LaunchDate: prfaq.Date{Year: 2027, Month: 3, Day: 1}},
		Summary:  "Today Shelfwise launches stock sync.",
	}}
	if err := prfaq.Markdown(os.Stdout, doc); err != nil {
		panic(err)
	}
	// Output:
	// # Shelfwise keeps every listing in step
	//
	// Leeds — March 1, 2027 — Today Shelfwise launches stock sync.
}
