package main

import (
	"bytes"
	"strings"
)

// ignores maps a line to the rule ids a review:ignore comment switches off
// there.
type ignores map[int][]string

const ignoreMark = "review:ignore"

// scanIgnores finds the review:ignore comments of a file: `# review:ignore
// RULE-ID …` in YAML, `<!-- review:ignore RULE-ID … -->` in Markdown and
// text. A comment alone on its line covers the next line that holds
// something else; a comment at the end of a line covers that line. An id
// may be written kind/rule to name one kind's rule.
func scanIgnores(data []byte, markdown bool) ignores {
	if !bytes.Contains(data, []byte(ignoreMark)) {
		return nil
	}
	lines := bytes.Split(data, []byte("\n"))
	ig := ignores{}
	var pending []string
	for i, raw := range lines {
		line := string(bytes.TrimRight(raw, "\r"))
		ids, alone := parseIgnore(line, markdown)
		switch {
		case ids != nil && alone:
			pending = append(pending, ids...)
		case ids != nil:
			ig[i+1] = append(ig[i+1], ids...)
			fallthrough
		case strings.TrimSpace(line) != "":
			if pending != nil {
				ig[i+1] = append(ig[i+1], pending...)
				pending = nil
			}
		}
	}
	return ig
}

// parseIgnore reads the rule ids of a review:ignore comment on line, and
// whether the comment is all the line holds.
func parseIgnore(line string, markdown bool) (ids []string, alone bool) {
	at := strings.Index(line, ignoreMark)
	if at < 0 {
		return nil, false
	}
	var open string
	var before, rest string
	if markdown {
		start := strings.LastIndex(line[:at], "<!--")
		if start < 0 {
			return nil, false
		}
		end := strings.Index(line[at:], "-->")
		if end < 0 {
			return nil, false
		}
		open, before = line[start:at], line[:start]
		rest = line[at+len(ignoreMark) : at+end]
		alone = strings.TrimSpace(before) == "" && strings.TrimSpace(line[at+end+3:]) == ""
	} else {
		start := strings.LastIndex(line[:at], "#")
		if start < 0 || (start > 0 && line[start-1] != ' ' && line[start-1] != '\t') {
			return nil, false
		}
		open, before = line[start:at], line[:start]
		rest = line[at+len(ignoreMark):]
		alone = strings.TrimSpace(before) == ""
	}
	if strings.Trim(open, "#<!- \t") != "" {
		return nil, false // the mark is inside other comment text
	}
	ids = strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' || r == '\t' })
	if len(ids) == 0 {
		return nil, false
	}
	return ids, alone
}

// covers reports whether a comment switches rule off on line.
func (ig ignores) covers(line int, kind, rule string) bool {
	if line <= 0 {
		return false
	}
	for _, id := range ig[line] {
		if id == rule || id == kind+"/"+rule {
			return true
		}
	}
	return false
}
