package main

import (
	"flag"
	"fmt"
	"io"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/dayone-go/mechanisms/internal/finding"
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
		Rules:            prfaq.Rules,
		MarkdownPatterns: []string{"*.prfaq.md", "*.prfaq.markdown"},
		Text:             isPRFAQMarkdown,
		Help:             "also a .md with an FAQ section",
		New:              func(*flag.FlagSet) reviewer { return prfaqReviewer{} },
	})
	register(kind{
		Name:     "narrative",
		Title:    "Narrative (a six-page memo, a design doc): Amazon's writing rules",
		Patterns: []string{"*.md", "*.txt", "*.markdown"},
		Prose:    true,
		Help:     "any Markdown or text file no other kind claims",
		Rules:    prfaq.ProseRules,
		New:      func(*flag.FlagSet) reviewer { return narrativeReviewer{} },
	})
}

// proseOptions are the writing rules' options for a document: the
// acronyms its configuration declares known.
func proseOptions(d *doc) prfaq.ReviewOptions {
	var o prfaq.ReviewOptions
	if d.cfg != nil {
		o.KnownAcronyms = d.cfg.acronyms
	}
	return o
}

// isPRFAQMarkdown claims a Markdown file with a press release and an FAQ
// (and not a decision record) as a PR/FAQ; other Markdown, a design doc
// with an FAQ section among it, is a narrative. prfaq.IsMarkdownPRFAQ alone
// decides: it reads at most prfaq.MaxBytes, and a pre-filter on headings
// missed FAQs headed "PRFAQ" or "PR-FAQ" and questions in bold ("**Q:").
func isPRFAQMarkdown(name string, data []byte) bool {
	lower := strings.ToLower(name)
	if !strings.HasSuffix(lower, ".md") && !strings.HasSuffix(lower, ".markdown") && name != "" {
		return false
	}
	return prfaq.IsMarkdownPRFAQ(data)
}

type prfaqReviewer struct{ alone }

func (prfaqReviewer) Prepare(*env) error { return nil }

// prfaqResult is a PR/FAQ's computed output in the JSON report.
type prfaqResult struct {
	Headline string `json:"headline"`
	// Readability is of the press release's summary and problem
	// paragraphs, the part every reader reads.
	Readability readability `json:"readability"`
	// Questions counts the FAQ's questions.
	ExternalQuestions int `json:"externalQuestions"`
	InternalQuestions int `json:"internalQuestions"`
}

// readability is prfaq.Stats with the level in words.
type readability struct {
	prfaq.Stats
	Level string `json:"level"`
}

func readabilityOf(text string) readability {
	s := prfaq.Readability(text)
	return readability{Stats: s, Level: readingLevel(s.ReadingEase)}
}

func (r readability) say() string {
	out := fmt.Sprintf("%s in %s, %s", count(r.Words, "word"), count(r.Sentences, "sentence"), r.Level)
	if g := gradeWords(r.Grade); g != "" {
		out += " (" + g + ")"
	}
	return out
}

func (prfaqReviewer) Review(d *doc) {
	p, ok := loadMarkdown[prfaq.PRFAQ](d, prfaq.ParseMarkdown, prfaq.PlaceMarkdown)
	if !ok {
		return
	}
	opts := proseOptions(d)
	d.Findings = append(d.Findings, prfaq.Review(p, opts)...)
	if d.cfg != nil && len(d.cfg.words) > 0 {
		if d.source == nil { // Markdown: the words are found in the file itself
			d.Findings = append(d.Findings, wordsInText(string(d.data), d.cfg.words)...)
		} else {
			var tree any
			if d.source.Decode(&tree) == nil {
				eachString(tree, "", func(ptr, text string) {
					d.Findings = append(d.Findings, extraWords(text, ptr, d.cfg.words)...)
				})
			}
		}
	}
	pr := p.PressRelease
	res := prfaqResult{Headline: pr.Headline, Readability: readabilityOf(pr.Summary + "\n\n" + pr.Problem), ExternalQuestions: len(p.ExternalFAQ), InternalQuestions: len(p.InternalFAQ)}
	d.Result = res
	d.say("headline: %s", pr.Headline)
	d.say("summary and problem: %s", res.Readability.say())
	d.say("FAQ: %d external and %d internal questions", res.ExternalQuestions, res.InternalQuestions)
	d.write("prfaq.md", func(w io.Writer) error { return prfaq.Markdown(w, p) })
	d.write("findings.md", func(w io.Writer) error { return prfaq.FindingsMarkdown(w, p.Title, d.Findings) })
}

type narrativeReviewer struct{ alone }

func (narrativeReviewer) Prepare(*env) error { return nil }

func (narrativeReviewer) Review(d *doc) {
	text := string(d.data)
	d.Findings = append(d.Findings, prfaq.ReviewText(text, proseOptions(d))...)
	if d.cfg != nil && len(d.cfg.words) > 0 {
		d.Findings = append(d.Findings, wordsInText(text, d.cfg.words)...)
	}
	r := readabilityOf(text)
	d.Result = r
	d.say("%s", r.say())
}

// extraWords finds the words a configuration adds to the writing rules, as
// whole words in any case, in text (the value at JSON pointer ptr, or a
// whole file when ptr is "").
func extraWords(text, ptr string, words map[string][]string) []finding.Finding {
	rules := make([]string, 0, len(words))
	for rule := range words {
		rules = append(rules, rule)
	}
	sort.Strings(rules)
	var out []finding.Finding
	for _, rule := range rules {
		sev := finding.Warning
		for _, info := range prfaq.Rules() {
			if info.ID == rule {
				sev = info.Severity
			}
		}
		for _, w := range words[rule] {
			if strings.TrimSpace(w) == "" {
				continue
			}
			re := wordPattern(w)
			for _, m := range re.FindAllStringIndex(text, 100) {
				out = append(out, finding.Finding{Rule: rule, Severity: sev, Path: ptr, Start: m[0], End: m[1],
					Message: fmt.Sprintf("%q is on this project's %s list", text[m[0]:m[1]], rule)})
			}
		}
	}
	return out
}

var wordPatterns cache[string, *regexp.Regexp]

func wordPattern(w string) *regexp.Regexp {
	return wordPatterns.get(w, func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)\b` + strings.Join(strings.Fields(regexp.QuoteMeta(w)), `\s+`) + `\b`)
	})
}

// wordsInText finds a configuration's extra words in a whole file's text,
// at their line and column.
func wordsInText(text string, words map[string][]string) []finding.Finding {
	fs := extraWords(text, "", words)
	placeInText(text, fs)
	return fs
}

// placeInText gives findings on a whole text the line and column of their
// start.
func placeInText(text string, fs []finding.Finding) {
	for i := range fs {
		before := text[:fs[i].Start]
		line := strings.Count(before, "\n") + 1
		col := len(before) - strings.LastIndex(before, "\n")
		fs[i].Line, fs[i].Column = line, col
	}
}

// eachString visits every string in a decoded JSON value with its pointer.
func eachString(v any, ptr string, visit func(ptr, text string)) {
	switch t := v.(type) {
	case string:
		visit(ptr, t)
	case []any:
		for i, e := range t {
			eachString(e, ptr+"/"+strconv.Itoa(i), visit)
		}
	case map[string]any:
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k != "$schema" {
				eachString(t[k], ptr+"/"+escapePointer(k), visit)
			}
		}
	}
}
