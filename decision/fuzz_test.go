package decision

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

func addSeeds(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, file := range files {
			if data, err := os.ReadFile(file); err == nil {
				f.Add(data)
			}
		}
	}
}

// FuzzParse throws arbitrary bytes at Parse and everything downstream of a
// document that parses: nothing may panic, and a valid document must
// classify under the article's policy (or say which door data it lacks)
// and render.
func FuzzParse(f *testing.F) {
	addSeeds(f, "testdata/valid/*", "testdata/invalid/*", "testdata/log/*", "../examples/templates/decision.yaml")
	f.Add([]byte("{}"))
	f.Add([]byte("id: &a [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			if d != nil {
				t.Fatal("Parse returned a decision with an error")
			}
			return
		}
		verr := d.Validate()
		c, cerr := Classify(d, DefaultPolicy(), ReviewOptions{})
		if (verr == nil) != (cerr == nil) {
			t.Fatalf("Validate says %v but Classify says %v", verr, cerr)
		}
		// A record that states no door data (a Markdown record may) gets
		// no door and a door-data-missing finding instead.
		if cerr == nil && !c.Door.Valid() && !(c.Door == "" && slices.ContainsFunc(c.Findings, func(f Finding) bool { return f.Rule == RuleDoorDataMissing })) {
			t.Fatalf("door %q", c.Door)
		}
		var buf bytes.Buffer
		var cp *Classification
		if cerr == nil {
			cp = c
		}
		if err := Markdown(&buf, d, cp); err != nil {
			t.Fatal(err)
		}
		_, _ = NewLog(d, d).Check(Date{Year: 2026, Month: 1, Day: 1}, ReviewOptions{})
	})
}

// FuzzParsePolicy does the same for policies: a valid policy must be usable
// by Classify.
func FuzzParsePolicy(f *testing.F) {
	addSeeds(f, "testdata/policy/valid/*", "testdata/policy/invalid/*", "../examples/templates/policy.yaml")
	template, err := os.ReadFile("../examples/templates/decision.yaml")
	if err != nil {
		f.Fatal(err)
	}
	d, err := Parse(template)
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParsePolicy(data)
		if err != nil {
			return
		}
		if p.Validate() != nil {
			return
		}
		if _, err := Classify(d, p, ReviewOptions{}); err != nil {
			t.Fatalf("a valid policy is refused by Classify: %v", err)
		}
	})
}

// FuzzDuration checks that the pattern and Days agree: whatever parses has
// a finite, non-negative length.
func FuzzDuration(f *testing.F) {
	for _, s := range []string{"P30D", "PT12H", "P1Y2M", "P2W", "P", "PT", "P1DT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		days, ok := Duration(s).Days()
		if (err == nil) != ok {
			t.Fatalf("ParseDuration err=%v but Days ok=%v", err, ok)
		}
		if err == nil && (days < 0 || days > 1e12 || d.String() != s) {
			t.Fatalf("%q: %v days", s, days)
		}
	})
}

// FuzzParseMarkdown throws arbitrary Markdown at ParseMarkdown and what
// follows it: nothing may panic, a record must marshal to JSON and parse
// back, and a valid record must classify, place its findings and render
// Markdown that reads back.
func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, "testdata/markdown/*/*.md", "../examples/templates/decision.md")
	f.Add([]byte("---\nstatus: [\n---\n# T\n"))
	f.Add([]byte("# 1. T\n\n## Status\n\nSuperseded by [2. X](0002-x.md)\n"))
	f.Add([]byte(">>>>>>>>>> # T\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseMarkdown(data)
		if err != nil {
			if d != nil {
				t.Fatal("ParseMarkdown returned a decision with an error")
			}
			return
		}
		j, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("a record read from Markdown does not marshal: %v", err)
		}
		if _, err := Parse(j); err != nil {
			t.Fatalf("a record read from Markdown does not read back from JSON: %v\n%s", err, j)
		}
		if d.Validate() != nil {
			return
		}
		c, err := Classify(d, nil, ReviewOptions{})
		if err != nil {
			t.Fatalf("a valid record is refused by Classify: %v", err)
		}
		PlaceMarkdown(data, c.Findings)
		var buf bytes.Buffer
		if err := Markdown(&buf, d, c); err != nil {
			t.Fatal(err)
		}
		if _, err := ParseMarkdown(buf.Bytes()); err != nil {
			t.Fatalf("Markdown output does not read back: %v\n%s", err, buf.Bytes())
		}
	})
}
