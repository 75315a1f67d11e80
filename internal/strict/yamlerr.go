package strict

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The YAML library reports syntax errors as text, often without a line,
// with the line of an enclosing construct instead of the mistake, and
// never with a column. yamlSyntax reads the input again with a small
// scanner of its own that recognises the usual mistakes, and reports the
// one the library's message points to at its exact line and column, in
// plain words with the fix. When the scanner recognises nothing, the
// library's message is put in plain words at the line it gave.

var yamlLine = regexp.MustCompile(`line (\d+): `)

// Kinds of mistake the scanner recognises.
const (
	mTab = iota
	mReserved
	mAlias
	mDash
	mColonInValue
	mMissingColon
	mUnclosedQuote
	mUnclosedFlow
	mStrayCloser
	mEscape
	mIndent
	mAfterQuote
)

type mistake struct {
	line, col, kind int
	msg             string
}

// libKinds maps the library's messages to the mistakes that cause them,
// and gives each message in plain words for when the scanner finds none.
var libKinds = []struct {
	text  string
	kinds []int
	plain string
	at    string // characters of which the first on the line is the place, if any
}{
	{"found a tab character", []int{mTab}, "a tab is used for indentation; indent with spaces only", ""},
	{"cannot start any token", []int{mTab, mReserved}, "this character cannot start a value; put the value in quotes, and indent with spaces, not tabs", ""},
	{"unknown anchor", []int{mAlias}, "an alias (*name) refers to an anchor (&name) that is not defined above it; put the value in quotes if \"*\" is text", ""},
	{"expected alphabetic or numeric character", []int{mAlias}, "an anchor (&) or alias (*) needs a name; put the value in quotes if the character is text", ""},
	{"block sequence entries are not allowed", []int{mDash}, "a list (\"- \") cannot start on the same line as its key; put the items on the next lines, or the value in quotes", ""},
	{"mapping values are not allowed", []int{mColonInValue, mIndent, mMissingColon}, "a value holding \": \" must be put in quotes", ""},
	{"could not find expected ':'", []int{mAfterQuote, mMissingColon, mUnclosedQuote, mIndent}, "a key must be followed by \":\" and a space", ""},
	{"unexpected end of stream", []int{mUnclosedQuote, mUnclosedFlow}, "the document ends inside a quoted value or a [ ] or { } collection; close it", ""},
	{"did not find expected ',' or ']'", []int{mUnclosedFlow, mUnclosedQuote}, "a list opened with \"[\" is not closed with \"]\", or a \",\" is missing between its entries", ""},
	{"did not find expected ',' or '}'", []int{mUnclosedFlow, mUnclosedQuote}, "a mapping opened with \"{\" is not closed with \"}\", or a \",\" is missing between its entries", ""},
	{"unknown escape character", []int{mEscape}, "a double-quoted value holds an unknown escape; write \\\\ for a backslash, or use single quotes", ""},
	{"did not find expected node content", []int{mStrayCloser, mReserved, mDash, mIndent, mUnclosedQuote, mAlias}, "a value is missing or cannot start with this character; put the value in quotes", ""},
	{"did not find expected key", []int{mAfterQuote, mStrayCloser, mMissingColon, mTab, mIndent, mUnclosedQuote}, "a key was expected here; check that this line is indented like the keys around it", ""},
	{"did not find expected '-' indicator", []int{mAfterQuote, mMissingColon, mIndent, mUnclosedQuote}, "a list item and a key stand at the same indentation; start each list item with \"- \", or indent the key under its item", ""},
	{"incompatible YAML document", nil, "this %YAML version is not supported; write %YAML 1.2 or leave the line out", ""},
	{"already defined", nil, "a key is written twice in one mapping; keep one", ""},
	{"document indicator", []int{mUnclosedQuote}, "a line starting with --- or ... ends the document inside a quoted value; close the quote first", ""},
	{"tag handle", nil, "an unknown tag (!name!) starts this value; remove it, or put the value in quotes if \"!\" is text", "!"},
	{"tag URI", nil, "a tag (!) is written wrongly; remove it, or put the value in quotes if \"!\" is text", "!"},
	{"expected '>'", nil, "a tag (!<...>) is not closed with \">\"; remove the tag", "!"},
	{"expected '!'", nil, "a tag (!) is written wrongly; remove it, or put the value in quotes if \"!\" is text", "!"},
	{"escape code", []int{mEscape}, "a \\x, \\u or \\U escape in a double-quoted value needs hexadecimal digits; write \\\\ for a backslash", "\\"},
	{"hexdecimal number", []int{mEscape}, "a \\x, \\u or \\U escape in a double-quoted value needs hexadecimal digits; write \\\\ for a backslash", "\\"},
	{"surrogate", []int{mEscape}, "a \\u escape for the first half of a character must be followed by its second half", "\\"},
	{"indentation indicator equal to 0", nil, "the indentation after | or > cannot be 0; remove the 0", "|>"},
	{"comment or line break", nil, "only a comment may follow | or > on its line; start the text on the next line", "|>"},
	{"whitespace or line break", nil, "a space is missing after this character; put the value in quotes if it is text", ""},
	{"expected whitespace", nil, "a space is missing after this character; put the value in quotes if it is text", ""},
	{"mapping keys are not allowed", []int{mIndent}, "a key (\"? \") cannot stand here; check the indentation of this line", ""},
	{"directive", nil, "a line starting with % is a directive; put a value starting with % in quotes, or write %YAML 1.2", ""},
	{"version number", nil, "the %YAML line needs a version such as 1.2", ""},
	{"UTF-8", nil, "the input is not valid UTF-8 text; save the file as UTF-8", ""},
	{"Unicode character", nil, "the input holds a character YAML does not allow, such as a control character; remove it", ""},
	{"control characters", nil, "the input holds a control character YAML does not allow; remove it", "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x7f"},
	{"non-alphabetical character", nil, "an anchor or alias name may hold letters, digits and - only; put the value in quotes if it is text", "&*"},
	{"<document start>", nil, "text follows the end of the document; put one document in a file", ""},
}

// yamlSyntax turns the YAML library's error into one problem with its line
// and column.
func yamlSyntax(data []byte, err error) error {
	raw := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if m := yamlLine.FindStringSubmatch(raw); m != nil {
		line, _ = strconv.Atoi(m[1])
		raw = strings.Replace(raw, m[0], "", 1)
	}
	if strings.Contains(raw, "exceeded max depth") {
		return &Error{Line: max(line, 1), Column: 1, Msg: "objects and lists nest deeper than the YAML reader allows", Err: ErrTooDeep}
	}
	var want []int
	plain := "the YAML is not well formed here; check the quotes, brackets and indentation of this line"
	at := ""
	for _, k := range libKinds {
		if strings.Contains(raw, k.text) {
			want, plain, at = k.kinds, k.plain, k.at
			break
		}
	}
	found := diagnoseYAML(data)
	for _, m := range found {
		for _, k := range want {
			if m.kind == k {
				return &Error{Line: m.line, Column: m.col, Msg: m.msg, Err: ErrSyntax}
			}
		}
	}
	if len(found) > 0 {
		m := found[0]
		return &Error{Line: m.line, Column: m.col, Msg: m.msg, Err: ErrSyntax}
	}
	// The library's line, without a column of its own: point at the
	// line's first character. It gives no line for the first line.
	lines := bytes.Split(data, []byte("\n"))
	line = min(max(line, 1), len(lines))
	text := string(lines[line-1])
	off := len(text) - len(strings.TrimLeft(text, " \t"))
	if i := strings.IndexAny(text, at); at != "" && i >= 0 {
		off = i
	}
	return &Error{Line: line, Column: utf8.RuneCountInString(text[:off]) + 1, Msg: plain, Err: ErrSyntax}
}

// yamlScan is the state of diagnoseYAML across lines.
type yamlScan struct {
	out     []mistake
	anchors map[string]bool
	flow    []opener
	quote   byte // the quote of a value that continues on the next line
	qLine   int
	qCol    int
	block   int // indentation of the key owning a block scalar, or -1
	// blockText is the indentation of the block scalar's text, set by its
	// first line, or -1 before it.
	blockText int
	levels    []indentLevel // indentations of the block collections open, outermost first
	prev      lineInfo      // the previous block line
	prevLn    int           // where its plain value stands
	prevCol   int
	ln        int
	s         string
}

func (y *yamlScan) col(j int) int { return utf8.RuneCountInString(y.s[:min(j, len(y.s))]) + 1 }

func (y *yamlScan) add(j, kind int, format string, args ...any) {
	if len(y.out) < 20 {
		y.out = append(y.out, mistake{y.ln, y.col(j), kind, fmt.Sprintf(format, args...)})
	}
}

// diagnoseYAML lists the recognised mistakes of data in the order they
// stand.
func diagnoseYAML(data []byte) []mistake {
	y := &yamlScan{anchors: map[string]bool{}, block: -1}
	for i, raw := range bytes.Split(data, []byte("\n")) {
		y.ln = i + 1
		y.s = strings.TrimSuffix(string(raw), "\r")
		y.line()
		if len(y.out) >= 20 {
			break
		}
	}
	if y.quote != 0 {
		y.out = append(y.out, mistake{y.qLine, y.qCol, mUnclosedQuote, fmt.Sprintf("the value quoted with %c here is never closed; add the closing %c", y.quote, y.quote)})
	} else if len(y.flow) > 0 {
		o := y.flow[len(y.flow)-1]
		what, closer := "list", ']'
		if o.c == '{' {
			what, closer = "mapping", '}'
		}
		y.out = append(y.out, mistake{o.line, o.col, mUnclosedFlow, fmt.Sprintf("the %s opened here with %q is never closed; add %q where it ends", what, o.c, closer)})
	}
	return y.out
}

func (y *yamlScan) line() {
	s := y.s
	j := 0
	if y.quote != 0 {
		if j = y.quoted(0, y.quote); j < 0 {
			return
		}
		y.quote = 0
		if len(y.flow) > 0 {
			y.flowRest(j)
		}
		return
	}
	if len(y.flow) > 0 {
		y.flowRest(0)
		return
	}
	ind := len(s) - len(strings.TrimLeft(s, " \t"))
	if y.block >= 0 {
		blank := ind == len(s)
		switch {
		case blank:
			return
		case y.blockText < 0 && ind > y.block && strings.IndexByte(s[:ind], '\t') < 0:
			y.blockText = ind // the first line of text sets the block's indentation
			return
		case y.blockText >= 0 && ind >= y.blockText:
			return
		case y.blockText >= 0 && ind > y.block && strings.IndexByte(s[:ind], '\t') < 0:
			y.add(ind, mIndent, "this line is indented less than the text above it (%s) and more than its key (%s); indent it by %s to go on with the text, or by %s for a new key",
				spaces(y.blockText), spaces(y.block), spaces(y.blockText), spaces(y.block))
			y.block = -1
			return
		}
		y.block = -1
	}
	if t := strings.IndexByte(s[:ind], '\t'); t >= 0 && ind < len(s) {
		y.add(t, mTab, "a tab is used for indentation here; YAML indents with spaces only, so replace the tab with spaces")
		return
	}
	if ind == len(s) || s[ind] == '#' {
		return
	}
	if s == "---" || strings.HasPrefix(s, "--- ") || s == "..." || s[0] == '%' {
		y.levels, y.prev = y.levels[:0], lineInfo{}
		return
	}
	n := len(y.out)
	li := y.blockLine(ind)
	if m, bad := y.indent(ind, li); bad && n < 20 {
		y.out = append(y.out[:n], append([]mistake{m}, y.out[n:]...)...)
	}
}

// lineInfo is what blockLine learnt of a line's structure.
type lineInfo struct {
	hasKey    bool // the line holds a key (after any "- ")
	opens     bool // the line ends with "key:" or "-", so a more indented block follows
	plain     bool // the line ends with a plain value, which the next lines may continue
	noKey     bool // that plain value is the line's only content but for dashes
	plainAt   int  // where that plain value starts
	plainText string
	inner     []int // offsets where nested collections start on the line ("- " items, a key after "- ")
}

// blockLine reads a line outside any flow collection from its first
// character, at indentation ind.
func (y *yamlScan) blockLine(ind int) (li lineInfo) {
	s := y.s
	j := ind
	afterKey, dashes := false, 0
	key := func(at, next int) int {
		afterKey, li.hasKey = true, true
		if dashes > 0 && at != li.inner[len(li.inner)-1] {
			li.inner = append(li.inner, at)
		}
		j = skipSpace(s, next)
		if j == len(s) || s[j] == '#' {
			li.opens = true
		}
		return j
	}
	for j < len(s) {
		c := s[j]
		switch {
		case c == '-' && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t'):
			if afterKey {
				if strings.TrimSpace(s[j+1:]) == "" || strings.HasPrefix(strings.TrimSpace(s[j+1:]), "#") {
					y.add(j, mDash, "a bare \"-\" starts a list; to write a minus sign or a dash, put it in quotes: \"-\"")
				} else {
					y.add(j, mDash, "a value starting with \"- \" starts a list, which cannot begin on the line of its key; put it in quotes (%q) or put the items on the next lines", clip(strings.TrimSpace(s[j:])))
				}
				return li
			}
			if dashes > 0 {
				li.inner = append(li.inner, j)
			}
			dashes++
			j = skipSpace(s, j+1)
			if j == len(s) || s[j] == '#' {
				li.opens = true
				return li
			}
			li.inner = append(li.inner, j)
			continue
		case c == '@' || c == '`' || c == '%':
			y.add(j, mReserved, "a value cannot start with %q unless it is in quotes; write %q", c, clip(strings.TrimSpace(s[j:])))
			return li
		case c == '*':
			name := anchorName(s[j+1:])
			if name == "" {
				y.add(j, mAlias, "\"*\" starts an alias and needs a name; put the value in quotes if \"*\" is text: %q", clip(strings.TrimSpace(s[j:])))
				return li
			}
			if !y.anchors[name] {
				y.add(j, mAlias, "*%s refers to an anchor &%s that is not defined above it; put the value in quotes if \"*\" is text: %q", clip(name), clip(name), clip(strings.TrimSpace(s[j:])))
				return li
			}
			at := j
			j = skipSpace(s, j+1+len(name))
			if !afterKey && j < len(s) && s[j] == ':' {
				key(at, j+1)
				continue
			}
			return li
		case c == '&' || c == '!':
			name := anchorName(s[j+1:])
			if c == '&' {
				if name == "" {
					y.add(j, mAlias, "\"&\" starts an anchor and needs a name; put the value in quotes if \"&\" is text: %q", clip(strings.TrimSpace(s[j:])))
					return li
				}
				y.anchors[name] = true
			} else {
				name = s[j+1 : j+1+tokenLen(s[j+1:])]
			}
			j = skipSpace(s, j+1+len(name))
			if j == len(s) {
				li.opens = true
			}
			continue
		case c == '"' || c == '\'':
			at := j
			end := y.open(j, c)
			if end < 0 {
				return li
			}
			j = skipSpace(s, end)
			if !afterKey && j < len(s) && s[j] == ':' {
				key(at, j+1)
				continue
			}
			if j < len(s) && s[j] != '#' {
				y.add(j, mAfterQuote, "text follows the closing quote; put the whole value in quotes: %q", clip(strings.TrimSpace(s[at:])))
			}
			return li
		case c == '[' || c == '{':
			y.flowRest(j)
			return li
		case c == ']' || c == '}':
			y.add(j, mStrayCloser, "%q here closes nothing; remove it, or put the value in quotes", c)
			return li
		case c == '|' || c == '>':
			y.block, y.blockText = ind, -1
			return li
		case c == '#':
			return li
		}
		// A plain value: up to a key indicator, a comment or the end.
		k := plainEnd(s, j, false)
		if k < len(s) && s[k] == ':' {
			if afterKey {
				y.add(k, mColonInValue, "a value holding \": \" must be in quotes: write %q", clip(strings.TrimSpace(s[y.valueStart(k):])))
				return li
			}
			key(j, k+1)
			continue
		}
		li.plain, li.noKey, li.plainAt, li.plainText = true, !afterKey, j, strings.TrimSpace(s[j:k])
		return li
	}
	return li
}

// indentLevel is one indentation at which block lines stand, and whether they
// hold keys there (a mapping) rather than only values.
type indentLevel struct {
	ind     int
	mapping bool
}

// indent checks the indentation of a block line against the lines above
// it, given what blockLine learnt of it, and records the line's levels.
// It returns the mistake, if any, for the caller to put before those the
// line's own reading found.
func (y *yamlScan) indent(ind int, li lineInfo) (m mistake, bad bool) {
	prev := y.prev
	y.prev = li
	popped := -1
	for len(y.levels) > 0 && y.levels[len(y.levels)-1].ind > ind {
		popped = y.levels[len(y.levels)-1].ind
		y.levels = y.levels[:len(y.levels)-1]
	}
	top := -1
	if len(y.levels) > 0 {
		top = y.levels[len(y.levels)-1].ind
	}
	switch {
	case top == ind:
		lv := &y.levels[len(y.levels)-1]
		if li.noKey && li.plain && len(li.inner) == 0 && lv.mapping && !prev.opens {
			m, bad = mistake{y.ln, y.col(ind), mMissingColon, fmt.Sprintf("%q has no \":\" after it; write a key as \"name: value\", or indent the line to continue the value above", clip(li.plainText))}, true
		}
		lv.mapping = lv.mapping || li.hasKey
	case prev.opens || top < 0:
		y.levels = append(y.levels, indentLevel{ind, li.hasKey && len(li.inner) == 0})
	case prev.plain && !li.hasKey && len(li.inner) == 0 && !strings.HasPrefix(y.s[ind:], "- "):
		y.prev.plain = true // a plain value going on over lines
		return
	case prev.plain && prev.noKey && li.hasKey:
		m, bad = mistake{y.prevLn, y.prevCol, mMissingColon, fmt.Sprintf("%q has no \":\" after it; write a key as \"name: value\"", clip(prev.plainText))}, true
	default:
		want := top
		if popped >= 0 {
			want = popped
		}
		m, bad = mistake{y.ln, y.col(ind), mIndent, fmt.Sprintf("this line is indented by %s, which lines it up with no line above; indent it by %s like the lines it belongs with", spaces(ind), spaces(want))}, true
	}
	inner := li.inner
	if li.noKey && len(inner) > 0 && inner[len(inner)-1] == li.plainAt {
		inner = inner[:len(inner)-1] // "- text" holds a value, not a collection
	}
	for _, in := range inner {
		y.levels = append(y.levels, indentLevel{in, false})
	}
	if len(li.inner) > 0 && li.hasKey {
		y.levels[len(y.levels)-1].mapping = true
	}
	if li.plain {
		y.prevLn, y.prevCol = y.ln, y.col(li.plainAt)
	}
	return m, bad
}

// valueStart finds where the value holding the colon at k begins: after
// the previous ": ".
func (y *yamlScan) valueStart(k int) int {
	i := strings.LastIndex(y.s[:k], ": ")
	if i < 0 {
		return 0
	}
	return i + 2
}

// flowRest reads the rest of a line inside (or opening) a flow collection.
func (y *yamlScan) flowRest(j int) {
	s := y.s
	for j < len(s) {
		c := s[j]
		switch {
		case c == ' ' || c == '\t' || c == ',':
			j++
			continue
		case c == '#' && (j == 0 || s[j-1] == ' ' || s[j-1] == '\t'):
			return
		case c == '[' || c == '{':
			y.flow = append(y.flow, opener{c, y.ln, y.col(j)})
			j++
			continue
		case c == ']' || c == '}':
			if len(y.flow) == 0 {
				y.add(j, mStrayCloser, "%q here closes nothing; remove it", c)
				return
			}
			o := y.flow[len(y.flow)-1]
			if want := map[byte]byte{'[': ']', '{': '}'}[o.c]; c != want {
				y.add(j, mUnclosedFlow, "%q here does not match the %q at line %d, column %d; close that with %q", c, o.c, o.line, o.col, want)
				return
			}
			y.flow = y.flow[:len(y.flow)-1]
			j++
			if len(y.flow) == 0 {
				rest := strings.TrimSpace(s[j:])
				if rest != "" && rest[0] != '#' {
					if rest[0] == ']' || rest[0] == '}' {
						y.add(strings.Index(s[j:], rest)+j, mStrayCloser, "%q here closes nothing; remove it", rest[0])
					}
				}
				return
			}
			continue
		case c == '"' || c == '\'':
			if j = y.open(j, c); j < 0 {
				return
			}
			continue
		case c == '@' || c == '`':
			y.add(j, mReserved, "a value cannot start with %q unless it is in quotes", c)
			return
		case c == '-' && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t'):
			y.add(j, mDash, "a \"- \" list item cannot stand inside [ ] or { }; put the value in quotes (\"-\") or write the list as [a, b]")
			return
		case c == '*':
			name := anchorName(s[j+1:])
			if name == "" || !y.anchors[name] {
				y.add(j, mAlias, "*%s refers to an anchor that is not defined above it; put the value in quotes if \"*\" is text", clip(name))
				return
			}
			j += 1 + len(name)
			continue
		case c == '&':
			name := anchorName(s[j+1:])
			y.anchors[name] = true
			j += 1 + len(name)
			continue
		}
		j = plainEnd(s, j, true)
		if j < len(s) && s[j] == ':' {
			j++
		}
	}
}

// open reads a quoted value from its opening quote q at j, like quoted,
// and remembers where it opened when it goes on past the line.
func (y *yamlScan) open(j int, q byte) int {
	end := y.quoted(j+1, q)
	if end < 0 {
		y.quote, y.qLine, y.qCol = q, y.ln, y.col(j)
		y.add(j, mUnclosedQuote, "the value quoted with %c here is not closed on its line; add the closing %c", q, q)
	}
	return end
}

// quoted reads a quoted value from offset j (after its opening quote q)
// and returns the offset after the closing quote, or -1 when the value
// goes on past the line. A double-quoted value's escapes are checked.
func (y *yamlScan) quoted(j int, q byte) int {
	s := y.s
	for j < len(s) {
		c := s[j]
		switch {
		case q == '\'' && c == '\'':
			if j+1 < len(s) && s[j+1] == '\'' {
				j += 2
				continue
			}
			return j + 1
		case q == '"' && c == '"':
			return j + 1
		case q == '"' && c == '\\':
			if j+1 < len(s) && !strings.ContainsRune("0abt\tnvfre \"/\\N_LPxuU", rune(s[j+1])) {
				_, size := utf8.DecodeRuneInString(s[j+1:])
				y.add(j, mEscape, "%q is not an escape YAML knows; write \\\\ for a backslash, or put the value in single quotes", s[j:j+1+size])
			} else if n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[s[min(j+1, len(s)-1)]]; n > 0 && !hexDigits(s[j+2:], n) {
				y.add(j, mEscape, "%q needs %d hexadecimal digits after \\%c; write \\\\ for a backslash", clip(s[j:min(j+2+n, len(s))]), n, s[j+1])
			}
			j += 2
			continue
		}
		j++
	}
	return -1
}

// plainEnd returns the offset where a plain (unquoted) value starting at j
// ends: at a key indicator (": " or ":" at the end), a comment (" #"), the
// end of the line or, in a flow collection, a flow indicator.
func plainEnd(s string, j int, flow bool) int {
	for ; j < len(s); j++ {
		c := s[j]
		switch {
		case c == ':' && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\t' || flow && strings.IndexByte(",[]{}", s[j+1]) >= 0):
			return j
		case c == '#' && j > 0 && (s[j-1] == ' ' || s[j-1] == '\t'):
			return j
		case flow && strings.IndexByte(",[]{}", c) >= 0:
			return j
		}
	}
	return j
}

func skipSpace(s string, j int) int {
	for j < len(s) && (s[j] == ' ' || s[j] == '\t') {
		j++
	}
	return j
}

// anchorName is the name at the start of s, up to a space or a flow
// indicator.
func anchorName(s string) string {
	for i := 0; i < len(s); i++ {
		if strings.IndexByte(" \t,[]{}", s[i]) >= 0 {
			return s[:i]
		}
	}
	return s
}

func tokenLen(s string) int {
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return i
	}
	return len(s)
}

func spaces(n int) string {
	if n == 1 {
		return "1 space"
	}
	return strconv.Itoa(n) + " spaces"
}

// hexDigits reports whether s starts with n hexadecimal digits.
func hexDigits(s string, n int) bool {
	if len(s) < n {
		return false
	}
	for i := 0; i < n; i++ {
		if c := s[i] | 0x20; !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f') {
			return false
		}
	}
	return true
}
