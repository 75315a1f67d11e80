package prfaq

import (
	"os"
	"path/filepath"
	"sort"
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
