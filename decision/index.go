package decision

import (
	"bufio"
	"fmt"
	"io"
	"path"
	"strings"

	"github.com/dayone-go/mechanisms/internal/problem"
)

// IndexMarkdown writes the index of a decision log as a Markdown table, as
// MADR and log4brains users keep it by hand: one row per record in the
// log's order, with its number (id), its title linked to its file, its
// status, its date, its door under DefaultPolicy (empty when the record
// states too little to classify or is invalid) and the record that
// superseded it, linked when the log holds it. Every value from a record
// is escaped. A nil log is refused as Validate refuses a nil document.
func IndexMarkdown(w io.Writer, l *Log) error {
	if l == nil {
		return problem.Nil(KindLog)
	}
	bw := bufio.NewWriter(w)
	m := &md{w: bw}
	m.printf("| Number | Title | Status | Date | Door | Superseded by |\n| --- | --- | --- | --- | --- | --- |\n")
	policy := DefaultPolicy()
	source := map[string]string{} // id → file, the first record of each id
	for i, e := range l.Entries {
		if e.Decision == nil {
			continue
		}
		for _, id := range []string{e.Decision.ID, l.alias(i)} {
			if _, seen := source[id]; id != "" && !seen {
				source[id] = e.Source
			}
		}
	}
	for _, e := range l.Entries {
		d := e.Decision
		if d == nil {
			continue
		}
		var door, date, by string
		if c, err := Classify(d, policy, ReviewOptions{}); err == nil {
			door = string(c.Door)
		}
		if !d.Date.IsZero() {
			date = d.Date.String()
		}
		if d.Links != nil && d.Links.SupersededBy != "" {
			by = inline(d.Links.SupersededBy)
			if src, ok := source[d.Links.SupersededBy]; ok {
				by = fileLink(by, src)
			}
		}
		m.printf("| %s | %s | %s | %s | %s | %s |\n", inline(d.ID), fileLink(inline(d.Title), e.Source),
			inline(string(d.Status)), date, door, by)
	}
	if m.err != nil {
		return fmt.Errorf("decision: writing the log index: %w", m.err)
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("decision: writing the log index: %w", err)
	}
	return nil
}

// fileLink links text to the file a record came from, by its base name, as
// the index sits beside the records; a source that is no file name ("#2")
// leaves the text alone.
func fileLink(text, source string) string {
	base := path.Base(source)
	switch strings.ToLower(path.Ext(base)) {
	case ".md", ".markdown", ".yaml", ".yml", ".json":
	default:
		return text
	}
	dest := strings.NewReplacer(" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", "[", "%5B", "]", "%5D", "|", "%7C", "\\", "%5C").Replace(base)
	return "[" + text + "](" + dest + ")"
}
