package prfaq

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*/*")
	files = append(files, templatePath)
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte(`{"externalFaq":[{"question":"?","answer":"","topic":"price"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := Parse(data)
		if err != nil {
			if d != nil {
				t.Fatal("a document and an error")
			}
			return
		}
		_ = d.Validate()
		for _, fd := range Review(d, ReviewOptions{}) {
			if fd.Rule == "" || fd.Message == "" || !fd.Severity.Valid() {
				t.Fatalf("incomplete finding %+v", fd)
			}
		}
		if !utf8.Valid(mdOf(d)) {
			t.Fatal("Markdown is not valid UTF-8")
		}
	})
}

func FuzzReviewText(f *testing.F) {
	if b, err := os.ReadFile("testdata/memo.md"); err == nil {
		f.Add(string(b))
	}
	for _, s := range []string{"", "We rely on it.", "The the WBR was built by many teams.", hostile,
		"- a\n- b\n\n1. c", "e.g. Dr. J. Smith went.", "state-of-the-art ’s don’t", "\xff\xfe\x00", "(ABC) ABC (DEF"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		fs := ReviewText(text, ReviewOptions{MaxFindings: 50})
		if !sort.SliceIsSorted(fs, func(i, j int) bool { return fs[i].Start < fs[j].Start }) {
			t.Fatal("findings out of order")
		}
		for _, fd := range fs {
			if fd.Start < 0 || fd.End < fd.Start || fd.End > len(text) {
				t.Fatalf("span %d..%d outside the text of %d bytes", fd.Start, fd.End, len(text))
			}
			if fd.End > fd.Start && (fd.Line < 1 || fd.Column < 1) {
				t.Fatalf("no position for %+v", fd)
			}
		}
		if len(fs) > 51 {
			t.Fatalf("%d findings past MaxFindings 50", len(fs))
		}
		st := Readability(text)
		if st.Words > 0 && (st.Sentences < 1 || st.Syllables < st.Words) {
			t.Fatalf("implausible stats %+v", st)
		}
		if st.Words == 0 && st != (Stats{}) {
			t.Fatalf("stats without words %+v", st)
		}
	})
}

func FuzzParseMarkdown(f *testing.F) {
	files, _ := filepath.Glob("testdata/markdown/*.md")
	files = append(files, "../examples/templates/prfaq.md", "testdata/memo.md")
	for _, name := range files {
		if b, err := os.ReadFile(name); err == nil {
			f.Add(b)
		}
	}
	for _, s := range []string{"", "---\n", "---\nid: [\n---\n", "# A PR/FAQ\n\n## FAQ\n\nQ: x?\nA: y", "> > > - - x",
		"**Q:** ?\n\n[CITY] — [DATE] —", "# H\n\n“a b c d,” said A B, C.\n\n> q\n>\n> — ,"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d, err := ParseMarkdown(data)
		if err != nil {
			if d != nil {
				t.Fatal("a document and an error")
			}
			return
		}
		js, err := json.Marshal(d)
		if err != nil {
			t.Fatalf("the document does not marshal: %v", err)
		}
		var back PRFAQ
		if err := json.Unmarshal(js, &back); err != nil {
			t.Fatalf("the document does not read back: %v\n%s", err, js)
		}
		fs := Review(d, ReviewOptions{MaxFindings: 50})
		Place(data, fs)
		lines := bytes.Count(data, []byte("\n")) + 1
		for _, fd := range fs {
			if fd.Line < 0 || fd.Line > lines {
				t.Fatalf("finding placed on line %d of %d: %+v", fd.Line, lines, fd)
			}
		}
		if !utf8.Valid(mdOf(d)) {
			t.Fatal("Markdown is not valid UTF-8")
		}
	})
}

// FuzzDatelineNeedsADash checks what parseDateline's shortcut assumes: a
// text without any of datelineDashes matches none of the dateline
// patterns, whatever else it holds. Dashes are dropped from the input so
// that every run tests the claim.
func FuzzDatelineNeedsADash(f *testing.F) {
	for _, s := range []string{"SEATTLE, WA — March 3, 2027 — Today", "Leeds, 1 March 2027 – x", "[CITY] -- [DATE] -- x",
		"March 3, 2027 -- x", "Saint Paul, MN - x", "SEATTLE, WA – (Business Wire) – March 3, 2027 –", "plain words"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = strings.Map(func(r rune) rune {
			if strings.ContainsRune(datelineDashes, r) {
				return ' '
			}
			return r
		}, s)
		for _, re := range []*regexp.Regexp{datelineCityDate, datelineDate, datelineCity, datelineTown} {
			if re.MatchString(s) {
				t.Fatalf("%q matches %s without a dash", s, re)
			}
		}
	})
}
