package decision

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/dayone-go/mechanisms/internal/strict"
)

// MaxMarkdownDepth is how deeply block quotes and lists may nest in a
// Markdown record before ParseMarkdown refuses it (rule too-deep): real
// records nest a few levels; a file nesting thousands is an attack or an
// accident, and refusing it keeps the walk over the tree shallow.
const MaxMarkdownDepth = 64

// ParseMarkdown reads a decision record written in Markdown, as teams keep
// them in docs/decisions or doc/adr: MADR 2.x to 4.x (status, date and
// people in YAML front matter or as "* Status: accepted" bullets; Context
// and Problem Statement, Decision Drivers, Considered Options, Decision
// Outcome with `Chosen option: "…", because …`, Consequences, Confirmation,
// Pros and Cons of the Options, More Information) and Michael Nygard's
// format as adr-tools writes it ("# 12. Title", "Date:", Status, Context,
// Decision, Consequences).
//
// The record comes back with Format "markdown". Statuses outside Status
// map to the nearest ("approved" → accepted, "pending" → proposed; a
// status naming a successor → superseded) and the words as written are
// kept in StatusText. Links written in the status or a Links section
// ("Supersedes", adr-tools' "Supercedes", "Superseded by", "Amends",
// "Amended by", "Clarifies", "Relates to") fill Links, each target named
// by its record number ("ADR-0057", "[13. Use X](0013-use-x.md)" → "0057",
// "0013") or file stem. Dates may be ISO or day-first ("05/02/2018" is 5
// February). The chosen option, quoted, bold or slightly reworded, is
// matched to the considered option it names; one it cannot match is kept
// as written.
//
// Front matter may also carry this package's keys, with the names and
// forms of a YAML decision (id, areas, reversibility, impact,
// costOfFailure, information, risks, people, tags, reviewBy, links); they
// are checked as strictly as in Parse and their problems point at their
// line in the file. Other front-matter keys (layout, nav_order, parent)
// are ignored.
//
// Problems — input over MaxBytes (wrapping ErrTooLarge), an empty file,
// front matter that is not YAML, blocks nested deeper than
// MaxMarkdownDepth, Markdown that is no decision record (rule
// not-a-record) — come back as a *ValidationError of kind "decision" with
// the line and column. Findings on the record are placed in the Markdown
// by Place or PlaceMarkdown.
func ParseMarkdown(data []byte) (*Decision, error) {
	r, err := readMarkdown(data)
	if err != nil {
		return nil, err
	}
	return r.d, nil
}

// PlaceMarkdown fills in the Line and Column of each finding from its
// Path, as the field stands in data, a Markdown record: the title, status
// and date lines, the section of the context, an option's list item, the
// chosen option's sentence, a front-matter key. A path to something the
// record leaves out gets the place of the nearest enclosing value, and the
// record as a whole is placed at its title. Findings whose Path is empty
// are left alone; nothing is placed when data does not read as a record.
func PlaceMarkdown(data []byte, fs []Finding) {
	r, err := readMarkdown(data)
	if err != nil {
		return
	}
	for i := range fs {
		if fs[i].Path != "" {
			fs[i].Line, fs[i].Column = r.position(fs[i].Path)
		}
	}
}

// mdRecord is a Markdown record being read: the decision and where each of
// its values stood.
type mdRecord struct {
	d     *Decision
	src   []byte // the whole file
	lines []int  // byte offset of each line start
	pos   map[string][2]int
	// found counts the record's structure: sections and fields recognised.
	found int
}

func (r *mdRecord) lineCol(off int) (int, int) {
	if off < 0 {
		return 0, 0
	}
	i, ok := slices.BinarySearch(r.lines, off)
	if !ok {
		i--
	}
	return i + 1, utf8.RuneCount(r.src[r.lines[i]:min(off, len(r.src))]) + 1
}

func (r *mdRecord) mark(ptr string, off int) {
	if _, ok := r.pos[ptr]; ok || off < 0 {
		return
	}
	l, c := r.lineCol(off)
	r.pos[ptr] = [2]int{l, c}
}

func (r *mdRecord) position(ptr string) (int, int) {
	for p := ptr; ; {
		if at, ok := r.pos[p]; ok {
			return at[0], at[1]
		}
		if p == "/" || p == "" {
			return 1, 1
		}
		i := strings.LastIndexByte(p, '/')
		p = p[:i]
		if p == "" {
			p = "/"
		}
	}
}

func mdProblem(err error, rule, format string, line, col int, args ...any) error {
	return &ValidationError{Kind: KindDecision, Err: err, Problems: []Problem{{
		Path: "/", Rule: rule, Message: fmt.Sprintf(format, args...), Line: line, Column: col,
	}}}
}

func readMarkdown(data []byte) (*mdRecord, error) {
	if len(data) > MaxBytes {
		return nil, mdProblem(ErrTooLarge, RuleTooLarge, "input is %d bytes; the limit is %d", 0, 0, len(data), MaxBytes)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, mdProblem(strict.ErrEmpty, RuleEmpty, "the file is empty; a decision record needs at least a title and a status or a section", 1, 1)
	}
	r := &mdRecord{d: &Decision{Format: FormatMarkdown}, src: data, pos: map[string][2]int{}, lines: []int{0}}
	for i, b := range data {
		if b == '\n' {
			r.lines = append(r.lines, i+1)
		}
	}
	body := 0
	fm, fmStart, fmEnd, ok := frontMatter(data)
	if ok {
		body = fmEnd
		if err := r.frontMatter(fm, fmStart); err != nil {
			return nil, err
		}
	}
	if line, deep := tooDeep(data[body:]); deep {
		return nil, mdProblem(strict.ErrTooDeep, RuleTooDeep, "block quotes and lists nest more than %d levels deep", r.lineOf(body)+line-1, 1, MaxMarkdownDepth)
	}
	doc := parser.NewParser(parser.WithBlockParsers(parser.DefaultBlockParsers()...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...),
	).Parse(text.NewReader(data[body:]))
	w := &mdWalk{r: r, src: data[body:], base: body}
	w.document(doc)
	if r.d.Title == "" || r.found == 0 {
		line, col := 1, 1
		if at, ok := r.pos["/title"]; ok {
			line, col = at[0], at[1]
		}
		why := "it has no title heading"
		if r.d.Title != "" {
			why = fmt.Sprintf("%q has no status, date or decision section (Context, Considered Options, Decision, Decision Outcome, Consequences)", r.d.Title)
		}
		return nil, mdProblem(nil, RuleNotARecord, "this Markdown is not a decision record: %s", line, col, why)
	}
	return r, nil
}

func (r *mdRecord) lineOf(off int) int { l, _ := r.lineCol(off); return l }

// frontMatter finds YAML front matter: a first line "---" and a closing
// "---" or "..." line. It returns the YAML, its offset and the offset of
// the body after it.
func frontMatter(data []byte) (fm []byte, start, end int, ok bool) {
	first, rest, found := bytes.Cut(data, []byte("\n"))
	if !found || string(bytes.TrimRight(first, " \t\r")) != "---" {
		return nil, 0, 0, false
	}
	start = len(first) + 1
	off := start
	for len(rest) > 0 {
		line, next, _ := bytes.Cut(rest, []byte("\n"))
		t := string(bytes.TrimRight(line, " \t\r"))
		if t == "---" || t == "..." {
			end = off + len(line) + 1
			return data[start:off], start, min(end, len(data)), true
		}
		off += len(line) + 1
		rest = next
	}
	return nil, 0, 0, false
}

// tooDeep reports the first line whose block-quote or list nesting goes
// past MaxMarkdownDepth, before goldmark builds a tree that deep.
func tooDeep(src []byte) (int, bool) {
	line := 0
	for len(src) > 0 {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		line++
		depth, indent := 0, 0
		for _, b := range l {
			switch {
			case b == '>':
				depth++
			case b == ' ':
				indent++
			case b == '\t':
				indent += 4
			case b == '-' || b == '*' || b == '+':
				depth++
			default:
				goto done
			}
		}
	done:
		if depth+indent/2 > MaxMarkdownDepth {
			return line, true
		}
	}
	return 0, false
}

// frontMatterKeys are this package's keys a front matter may carry, decoded
// as strictly as Parse decodes them.
var frontMatterKeys = []string{"$schema", "id", "areas", "reversibility", "impact", "costOfFailure", "information", "risks", "people", "tags", "reviewBy", "links", "drivers"}

func (r *mdRecord) frontMatter(fm []byte, off int) error {
	fmLine := r.lineOf(off) - 1
	shift := func(err error) error {
		var ve *ValidationError
		if e, ok := err.(*ValidationError); ok {
			ve = e
		} else {
			return err
		}
		out := *ve
		out.Kind = KindDecision
		out.Problems = slices.Clone(ve.Problems)
		for i := range out.Problems {
			if out.Problems[i].Line > 0 {
				out.Problems[i].Line += fmLine
			}
			out.Problems[i].Message = "front matter: " + out.Problems[i].Message
		}
		return &out
	}
	if len(bytes.TrimSpace(fm)) == 0 {
		return nil
	}
	doc, err := strict.ParseDocument(fm, strict.Limits{MaxBytes: MaxBytes})
	if err != nil {
		return shift(err)
	}
	var raw any
	if err := doc.Decode(&raw); err != nil {
		return shift(err)
	}
	m, ok := raw.(map[string]any)
	if !ok {
		return mdProblem(strict.ErrType, RuleType, "front matter must be YAML keys and values, such as status: accepted", fmLine+1, 1)
	}
	at := func(ptr string) [2]int {
		l, c := doc.Position(ptr)
		return [2]int{l + fmLine, c}
	}
	// Our own keys, strictly, through the same decoder as Parse.
	ours := map[string]any{}
	for _, k := range frontMatterKeys {
		if v, ok := m[k]; ok {
			ours[k] = v
			r.pos["/"+k] = at("/" + k)
		}
	}
	if len(ours) > 0 {
		j, _ := json.Marshal(ours)
		if err := strict.Decode(j, r.d, strict.Limits{MaxBytes: MaxBytes}); err != nil {
			var ve *ValidationError
			if e, ok := err.(*ValidationError); ok {
				ve = e
				for i := range ve.Problems {
					p := &ve.Problems[i]
					pt := at(p.Path)
					p.Line, p.Column = pt[0], pt[1]
					p.Message = "front matter: " + p.Message
				}
				ve.Kind = KindDecision
				return ve
			}
			return err
		}
		r.found++
		r.markTree("", ours, at)
	}
	if r.d.Format == "" { // a decoded key cannot clear it, but be sure
		r.d.Format = FormatMarkdown
	}
	str := func(keys ...string) (string, [2]int, bool) {
		for _, k := range keys {
			switch v := m[k].(type) {
			case string:
				return strings.TrimSpace(v), at("/" + k), true
			case float64:
				return strconv.FormatFloat(v, 'f', -1, 64), at("/" + k), true
			}
		}
		return "", [2]int{}, false
	}
	if s, p, ok := str("status"); ok && s != "" {
		r.found++
		r.setStatus(s, nil)
		r.pos["/status"] = p
	}
	if s, _, ok := str("statusText"); ok {
		r.d.StatusText = s
	}
	if s, p, ok := str("date"); ok {
		r.found++
		r.d.Date = parseLooseDate(s)
		r.pos["/date"] = p
	}
	if s, p, ok := str("title"); ok {
		r.d.Title = s
		r.pos["/title"] = p
	}
	if s, p, ok := str("id", "number"); ok && r.d.ID == "" {
		r.d.ID = s
		r.pos["/id"] = p
	}
	if _, has := m["people"]; !has {
		deciders := names(m["decision-makers"], m["deciders"], m["decision makers"])
		r.setPeople(deciders, names(m["consulted"]), names(m["informed"]))
	}
	return nil
}

func (r *mdRecord) markTree(ptr string, v any, at func(string) [2]int) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			p := ptr + "/" + k
			r.pos[p] = at(p)
			r.markTree(p, x, at)
		}
	case []any:
		for i, x := range v {
			p := ptr + "/" + strconv.Itoa(i)
			r.pos[p] = at(p)
			r.markTree(p, x, at)
		}
	}
}

// names reads a list of people written as a YAML list or a comma-separated
// string.
func names(vs ...any) []string {
	var out []string
	for _, v := range vs {
		switch v := v.(type) {
		case string:
			out = append(out, splitNames(v)...)
		case []any:
			for _, x := range v {
				if s, ok := x.(string); ok && strings.TrimSpace(s) != "" {
					out = append(out, strings.TrimSpace(s))
				}
			}
		}
	}
	return out
}

func splitNames(s string) []string {
	var out []string
	for _, n := range regexp.MustCompile(`\s*(?:,|;|\band\b)\s*`).Split(s, -1) {
		n = strings.Trim(strings.TrimSpace(n), "[]{}\"'")
		if n != "" && !strings.HasPrefix(n, "list everyone") {
			out = append(out, n)
		}
	}
	return out
}

// setPeople maps MADR's decision-makers, consulted and informed onto
// People: the first decision-maker drives, the other decision-makers and
// the consulted contribute.
func (r *mdRecord) setPeople(deciders, consulted, informed []string) {
	if len(deciders)+len(consulted)+len(informed) == 0 {
		return
	}
	p := r.d.People
	if p == nil {
		p = &People{}
		r.d.People = p
	}
	for i, n := range deciders {
		if i == 0 && p.Driver == "" {
			p.Driver = n
			continue
		}
		p.Contributors = appendNew(p.Contributors, n)
	}
	for _, n := range consulted {
		p.Contributors = appendNew(p.Contributors, n)
	}
	for _, n := range informed {
		p.Informed = appendNew(p.Informed, n)
	}
}

func appendNew(xs []string, x string) []string {
	if x == "" || slices.Contains(xs, x) {
		return xs
	}
	return append(xs, x)
}

// statusWords maps the words real logs use to our statuses; the first
// match in the status text wins, so "superseded by" is tried before
// "accepted" in "Accepted, then superseded by ADR-9".
var statusWords = []struct {
	re     *regexp.Regexp
	status Status
}{
	{regexp.MustCompile(`(?i)\b(supersed|superced)ed\b|\breplaced by\b`), Superseded},
	{regexp.MustCompile(`(?i)\b(deprecated|obsolete|retired|sunset|archived|no longer)\b`), Deprecated},
	{regexp.MustCompile(`(?i)\b(rejected|declined|refused|not accepted|abandoned|withdrawn|won'?t do|dismissed)\b`), Rejected},
	{regexp.MustCompile(`(?i)\b(accepted|accept|approved|adopted|agreed|decided|implemented|done|active|in effect|final|completed?|current)\b`), Accepted},
	{regexp.MustCompile(`(?i)\b(proposed|proposal|pending|open|in review|under review|in discussion|under discussion|discussing|rfc|suggested|in progress|review|wip|awaiting|planned)\b`), Proposed},
	{regexp.MustCompile(`(?i)\b(draft|drafting|drafted|idea|todo)\b`), Draft},
}

// setStatus reads a status line: the nearest Status, the words as written
// when they are not simply ours, and the links named in it.
func (r *mdRecord) setStatus(s string, links []mdLink) {
	s = strings.TrimSpace(s)
	if s == "" {
		return
	}
	// A status line may name links in plain text ("supersedes ADR-0045").
	plain := linkMD.ReplaceAllString(s, "$1")
	for _, w := range statusWords {
		if w.re.MatchString(stripLinkPhrases(plain)) {
			if r.d.Status == "" {
				r.d.Status = w.status
			}
			break
		}
	}
	if !strings.EqualFold(plain, string(r.d.Status)) && r.d.StatusText == "" {
		r.d.StatusText = s
	}
	r.addLinks(s, links)
}

// stripLinkPhrases removes "supersedes X" and "amends X" from a status so
// that the status word is read from what is left.
func stripLinkPhrases(s string) string {
	return regexp.MustCompile(`(?i)\b(supersedes|supercedes|amends|amended by|clarifies|clarified by|relates to|related to|see also)\b.*`).ReplaceAllString(s, "")
}

var (
	linkMD   = regexp.MustCompile(`\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)`)
	linkVerb = regexp.MustCompile(`(?i)\b(superseded by|superceded by|supersedes|supercedes|replaced by|replaces|amended by|amends|clarified by|clarifies|relates to|related to|see also|refined by|refines|extends|extended by)\b:?`)
	refNum   = regexp.MustCompile(`(?i)(?:\b(?:adr|rfc|decision|record)[\s_#-]*|#)0*(\d{1,6})\b|^\s*0*(\d{1,6})\b`)
)

type mdLink struct{ text, dest string }

// addLinks reads "<verb> <reference>" phrases of a line: a reference is a
// Markdown link, or plain text naming a record number.
func (r *mdRecord) addLinks(line string, _ []mdLink) {
	idx := linkVerb.FindAllStringSubmatchIndex(line, -1)
	for k, m := range idx {
		end := len(line)
		if k+1 < len(idx) {
			end = idx[k+1][0]
		}
		verb := strings.ToLower(line[m[2]:m[3]])
		ids := refIDs(line[m[1]:end])
		if len(ids) == 0 {
			continue
		}
		if r.d.Links == nil {
			r.d.Links = &Links{}
		}
		l := r.d.Links
		for _, id := range ids {
			switch verb {
			case "superseded by", "superceded by", "replaced by":
				if l.SupersededBy == "" {
					l.SupersededBy = id
				}
				if r.d.Status == "" || r.d.Status == Accepted {
					r.d.Status = Superseded
				}
			case "supersedes", "supercedes", "replaces":
				l.Supersedes = appendNew(l.Supersedes, id)
			case "amends", "refines", "extends":
				l.Amends = appendNew(l.Amends, id)
			case "amended by", "refined by", "extended by":
				l.AmendedBy = appendNew(l.AmendedBy, id)
			default:
				l.Related = appendNew(l.Related, id)
			}
		}
	}
}

// refIDs names the records a phrase refers to: each Markdown link by its
// file (a numbered file by its number, "0013-use-x.md" → "0013", another
// by its stem), else by a number in its text; plain text by the record
// numbers it names ("ADR-0045", "ADR 45", "#45").
func refIDs(s string) []string {
	var out []string
	links := linkMD.FindAllStringSubmatch(s, -1)
	for _, m := range links {
		if id := refID(m[1], m[2]); id != "" {
			out = appendNew(out, id)
		}
	}
	if len(links) > 0 {
		return out
	}
	// Only the first reference of plain text: "supersedes ADR-0045 because
	// of 3 outages" names one record.
	if m := refNum.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		out = appendNew(out, padID(m[1]+m[2]))
	}
	return out
}

func refID(label, dest string) string {
	dest, _, _ = strings.Cut(dest, "#")
	if base := dest[strings.LastIndexByte(dest, '/')+1:]; strings.HasSuffix(strings.ToLower(base), ".md") {
		stem := base[:len(base)-3]
		if id := fileID(stem); id != "" {
			return id
		}
	}
	if m := refNum.FindStringSubmatch(strings.TrimSpace(label)); m != nil {
		return padID(m[1] + m[2])
	}
	return ""
}

// fileID is the id of a record file with the given stem: its leading
// number ("0013-use-x" → "0013", "ADR-013-x" → "0013"), else the stem.
func fileID(stem string) string {
	if m := regexp.MustCompile(`(?i)^(?:adr|rfc)?[-_ ]?0*(\d{1,6})(?:\b|[-_])`).FindStringSubmatch(stem); m != nil {
		return padID(m[1])
	}
	if idRe.MatchString(stem) {
		return stem
	}
	return ""
}

func padID(n string) string {
	n = strings.TrimLeft(n, "0")
	if n == "" {
		n = "0"
	}
	for len(n) < 4 {
		n = "0" + n
	}
	return n
}

var (
	dateISO   = regexp.MustCompile(`\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\b|T)`)
	dateDMY   = regexp.MustCompile(`\b(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\b`)
	dateWords = regexp.MustCompile(`(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b`)
)

// parseLooseDate reads the dates records are written with: ISO
// (2018-02-05, 2018/02/05), day-first (05/02/2018, 5.2.2018; month-first
// only when the first number cannot be a month... that is, when the
// second cannot be a day), and words (5 February 2018, Feb 5, 2018). It
// returns the zero Date for anything else.
func parseLooseDate(s string) Date {
	mk := func(y, m, d string) Date {
		yy, _ := strconv.Atoi(y)
		mm, _ := strconv.Atoi(m)
		dd, _ := strconv.Atoi(d)
		v, err := parseDate(fmt.Sprintf("%04d-%02d-%02d", yy, mm, dd))
		if err != nil {
			return Date{}
		}
		return v
	}
	if m := dateISO.FindStringSubmatch(s); m != nil {
		return mk(m[1], m[2], m[3])
	}
	if m := dateDMY.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if b > 12 && a <= 12 { // 02/25/2018 can only be month-first
			return mk(m[3], m[1], m[2])
		}
		return mk(m[3], m[2], m[1])
	}
	if m := dateWords.FindStringSubmatch(s); m != nil {
		if m[1] != "" {
			if mo := monthOf(m[2]); mo > 0 {
				return mk(m[3], strconv.Itoa(mo), m[1])
			}
		} else if mo := monthOf(m[4]); mo > 0 {
			return mk(m[6], strconv.Itoa(mo), m[5])
		}
	}
	return Date{}
}

func monthOf(s string) int {
	s = strings.ToLower(s)
	for i, m := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, m) {
			return i + 1
		}
	}
	return 0
}

func parseDate(s string) (Date, error) {
	var d Date
	err := d.UnmarshalText([]byte(s))
	return d, err
}

// normName reduces an option name for matching: letters and digits only,
// lower case, so "**PostgreSQL 16**" and "postgresql-16" meet.
func normName(s string) string {
	var b strings.Builder
	for _, c := range strings.ToLower(s) {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			b.WriteRune(c)
		}
	}
	return b.String()
}

func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(c rune) bool { return !unicode.IsLetter(c) && !unicode.IsDigit(c) })
}

// matchOption finds the option a chosen-option phrase names: the same
// name once case and punctuation go, else the option whose name one
// contains the other's, else the one sharing most words (at least half
// of the shorter). It returns -1 when none does.
func matchOption(opts []Option, chosen string) int {
	c := normName(chosen)
	if c == "" {
		return -1
	}
	for i, o := range opts {
		if normName(o.Name) == c {
			return i
		}
	}
	best, bestLen := -1, 0
	for i, o := range opts {
		n := normName(o.Name)
		if n != "" && (strings.Contains(c, n) || strings.Contains(n, c)) && len(n) > bestLen {
			best, bestLen = i, len(n)
		}
	}
	if best >= 0 {
		return best
	}
	cw := words(chosen)
	bestScore := 0.0
	for i, o := range opts {
		ow := words(o.Name)
		common := 0
		for _, w := range ow {
			if slices.Contains(cw, w) {
				common++
			}
		}
		short := min(len(ow), len(cw))
		if short == 0 {
			continue
		}
		if score := float64(common) / float64(short); score >= 0.5 && score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

// mdWalk walks the goldmark tree of the body.
type mdWalk struct {
	r    *mdRecord
	src  []byte
	base int // offset of src in the file
}

// offset finds the byte offset in the file where n starts.
func (w *mdWalk) offset(n ast.Node) int {
	for ; n != nil; n = n.FirstChild() {
		if t, ok := n.(*ast.Text); ok {
			return w.base + t.Segment.Start
		}
		if n.Type() == ast.TypeBlock {
			if l := n.Lines(); l != nil && l.Len() > 0 {
				return w.base + l.At(0).Start
			}
		}
	}
	return -1
}

// inline renders the inline content of n as plain text: emphasis, links
// and code lose their marks, escapes and entities are resolved, HTML
// comments go.
func (w *mdWalk) inline(n ast.Node) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				v := c.Segment.Value(w.src)
				if !c.IsRaw() {
					v = util.UnescapePunctuations(v)
					v = util.ResolveNumericReferences(v)
					v = util.ResolveEntityNames(v)
				}
				b.Write(v)
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.CodeSpan:
				for t := c.FirstChild(); t != nil; t = t.NextSibling() {
					if s, ok := t.(*ast.Text); ok {
						b.Write(s.Segment.Value(w.src))
					} else if s, ok := t.(*ast.String); ok {
						b.Write(s.Value)
					}
				}
			case *ast.AutoLink:
				b.Write(c.Label(w.src))
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// rawInline is the Markdown source of n's lines, for finding link targets.
func (w *mdWalk) raw(n ast.Node) string {
	var b strings.Builder
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		if n.Type() == ast.TypeBlock {
			if l := n.Lines(); l != nil {
				for i := 0; i < l.Len(); i++ {
					s := l.At(i)
					b.Write(s.Value(w.src))
				}
			}
		}
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			if c.Type() == ast.TypeBlock {
				walk(c)
			}
		}
	}
	walk(n)
	return b.String()
}

// blocks renders a run of blocks as plain text: paragraphs apart by a blank
// line, list items as "- item" lines (nested items too), code as written.
func (w *mdWalk) blocks(ns []ast.Node) string {
	var parts []string
	for _, n := range ns {
		if t := w.block(n); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n\n")
}

func (w *mdWalk) block(n ast.Node) string {
	switch n := n.(type) {
	case *ast.Paragraph, *ast.TextBlock, *ast.Heading:
		return w.inline(n)
	case *ast.List:
		var lines []string
		for it := n.FirstChild(); it != nil; it = it.NextSibling() {
			var kids []string
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				if t := w.block(c); t != "" {
					kids = append(kids, t)
				}
			}
			lines = append(lines, "- "+strings.Join(kids, "\n"))
		}
		return strings.Join(lines, "\n")
	case *ast.Blockquote:
		var kids []ast.Node
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			kids = append(kids, c)
		}
		return w.blocks(kids)
	case *ast.FencedCodeBlock, *ast.CodeBlock:
		return strings.TrimRight(w.raw(n), "\n")
	}
	return ""
}

// section is a heading and the blocks under it up to the next heading.
type section struct {
	level int
	title string // plain text of the heading
	key   string // what the heading names, see sectionKey
	head  ast.Node
	body  []ast.Node
}

// sectionKey names what a heading is about, from the words MADR and Nygard
// records use; "" for anything else.
func sectionKey(title string) string {
	t := strings.Join(words(title), " ")
	t = strings.TrimPrefix(t, "the ")
	switch {
	case t == "status" || t == "state" || t == "decision status":
		return "status"
	case t == "date":
		return "date"
	case strings.HasPrefix(t, "context") || t == "problem statement" || t == "problem" || t == "background" || strings.HasPrefix(t, "context and problem"):
		return "context"
	case strings.HasPrefix(t, "decision drivers") || t == "drivers" || t == "forces":
		return "drivers"
	case strings.HasPrefix(t, "considered options") || t == "options" || t == "options considered" || t == "alternatives" || t == "considered alternatives" || t == "alternatives considered":
		return "options"
	case strings.HasPrefix(t, "pros and cons"):
		return "proscons"
	case strings.HasPrefix(t, "decision outcome") || t == "outcome" || t == "decision" || t == "resolution":
		return "outcome"
	case strings.HasPrefix(t, "positive consequences") || strings.HasPrefix(t, "negative consequences") || t == "consequences" || strings.HasPrefix(t, "consequences"):
		return "consequences"
	case t == "confirmation" || t == "validation" || t == "compliance":
		return "confirmation"
	case strings.HasPrefix(t, "more information") || t == "notes" || t == "references":
		return "more"
	case t == "links" || t == "related decisions" || t == "related":
		return "links"
	case strings.HasPrefix(t, "door "), t == "reversibility and stakes", t == "risks", t == "dissent":
		// Written by Markdown from the front matter and the classification.
		return "generated"
	}
	return ""
}

var (
	titleNum   = regexp.MustCompile(`(?i)^\s*(?:\[?(?:adr|rfc)[\s_#-]*0*(\d{1,6})\]?\s*[.:)\-–—]?|0*(\d{1,6})(?:[.:)]|\s+[-–—:]))\s*(.+)$`)
	fieldLine  = regexp.MustCompile(`(?i)^\s*(status|date|deciders|decision[- ]makers|consulted|informed|technical story|decided on|last updated)\s*:\s*(.*)$`)
	chosenLine = regexp.MustCompile(`(?is)^\s*chosen (?:option|alternative)s?\s*:?\s*(.*)$`)
	quoted     = regexp.MustCompile(`(?s)^["“'‘](.+?)["”'’]\s*(?:[,.;:]?\s*(?:because|as|since)\b,?\s*(.*)|[.,;]?\s*(.*))$`)
	unquoted   = regexp.MustCompile(`(?is)^(.+?)(?:,\s*|\s+)(?:because|as|since)\b,?\s*(.*)$`)
	proLine    = regexp.MustCompile(`(?i)^(good|bad|neutral|pro|con|pros|cons|positive|negative|\+|-)\s*(?:,\s*because\b|:|,)\s*(.*)$`)
)

func (w *mdWalk) document(doc ast.Node) {
	r, d := w.r, w.r.d
	var pre []ast.Node // blocks before the first section
	var secs []*section
	var cur *section
	titleLevel := 0
	for n := doc.FirstChild(); n != nil; n = n.NextSibling() {
		if h, ok := n.(*ast.Heading); ok {
			text := w.inline(h)
			if titleLevel == 0 && (h.Level == 1 || sectionKey(text) == "") && len(secs) == 0 {
				titleLevel = h.Level
				w.title(text, w.offset(h))
				continue
			}
			cur = &section{level: h.Level, title: text, key: sectionKey(text), head: h}
			secs = append(secs, cur)
			continue
		}
		if cur == nil {
			pre = append(pre, n)
		} else {
			cur.body = append(cur.body, n)
		}
	}
	var more []string
	w.preamble(pre, &more)
	// Subsections belong to the section above them; the key of a
	// subsection matters only under Decision Outcome (Consequences,
	// Confirmation) and Pros and Cons (one option each).
	top := 0
	for _, s := range secs {
		if top == 0 || s.level < top {
			top = s.level
		}
	}
	var parent *section
	var outcome []ast.Node
	var consequences []string
	prosHeads := []*section{}
	for _, s := range secs {
		key := s.key
		if s.level > top && parent != nil {
			switch {
			case parent.key == "proscons":
				prosHeads = append(prosHeads, s)
				continue
			case parent.key == "outcome" && (key == "consequences" || key == "confirmation"):
			case parent.key == "options":
				// "### Option 1: X" under Considered Options describes the option.
				prosHeads = append(prosHeads, s)
				continue
			default:
				key = "" // a subsection of anything else: its text joins its parent's
				if parent.key != "" {
					s.key = parent.key
					key = parent.key
					if key == "outcome" {
						outcome = append(outcome, s.head)
					}
				}
			}
		} else {
			parent = s
		}
		if key != "" && key != "generated" && key != "more" && key != "links" {
			r.found++
		}
		off := w.offset(s.head)
		switch key {
		case "status":
			r.mark("/status", off)
			w.statusSection(s.body)
		case "date":
			r.mark("/date", off)
			d.Date = parseLooseDate(w.blocks(s.body))
		case "context":
			r.mark("/context", off)
			d.Context = joinText(d.Context, w.blocks(s.body))
		case "drivers":
			r.mark("/drivers", off)
			d.Drivers = append(d.Drivers, w.items(s.body)...)
		case "options":
			r.mark("/options", off)
			w.options(s.body)
		case "proscons":
			r.mark("/options", off)
		case "outcome":
			r.mark("/outcome", off)
			outcome = append(outcome, s.body...)
		case "consequences":
			r.mark("/consequences", off)
			t := w.blocks(s.body)
			if k := strings.ToLower(s.title); strings.Contains(k, "positive") || strings.Contains(k, "negative") {
				t = joinText(s.title+":", t)
				t = strings.Replace(t, ":\n\n", ":\n", 1)
			}
			consequences = append(consequences, t)
		case "confirmation":
			r.mark("/confirmation", off)
			d.Confirmation = joinText(d.Confirmation, w.blocks(s.body))
		case "more":
			r.mark("/moreInformation", off)
			more = append(more, w.blocks(s.body))
			w.linkLines(s.body)
		case "links":
			r.mark("/links", off)
			w.linkLines(s.body)
		case "generated":
		default:
			if t := w.blocks(s.body); t != "" {
				more = append(more, s.title+":\n\n"+t)
			}
		}
	}
	w.outcome(outcome)
	for _, s := range prosHeads {
		w.prosCons(s)
	}
	for _, c := range consequences {
		d.Consequences = joinText(d.Consequences, c)
	}
	for _, m := range more {
		d.MoreInformation = joinText(d.MoreInformation, m)
	}
	if d.People != nil && d.People.Driver == "" && len(d.People.Contributors) > 0 {
		// A record naming only who was consulted still says who to ask.
		r.found += 0
	}
}

func joinText(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "":
		return b
	case b == "":
		return a
	}
	return a + "\n\n" + b
}

// title reads the record's title, and its number when it opens with one
// ("12. Use Kafka", "ADR-0012: Use Kafka") and no id was given.
func (w *mdWalk) title(text string, off int) {
	r, d := w.r, w.r.d
	r.mark("/", off)
	r.mark("/title", off)
	if m := titleNum.FindStringSubmatch(text); m != nil && strings.TrimSpace(m[3]) != "" {
		if d.ID == "" {
			d.ID = padID(m[1] + m[2])
			r.mark("/id", off)
		}
		if d.ID == padID(m[1]+m[2]) {
			text = strings.TrimSpace(m[3])
		}
	}
	if d.Title == "" {
		d.Title = text
	}
}

// preamble reads what stands between the title and the first section:
// Nygard's "Date: 2018-02-05" and MADR 2's "* Status: accepted" bullets;
// other text is kept as more information.
func (w *mdWalk) preamble(ns []ast.Node, more *[]string) {
	var rest []ast.Node
	for _, n := range ns {
		var lines []ast.Node
		switch n := n.(type) {
		case *ast.List:
			for it := n.FirstChild(); it != nil; it = it.NextSibling() {
				lines = append(lines, it)
			}
		case *ast.Paragraph, *ast.TextBlock:
			lines = []ast.Node{n}
		default:
			rest = append(rest, n)
			continue
		}
		used := false
		for _, l := range lines {
			raw := strings.TrimSpace(w.raw(l))
			for _, line := range strings.Split(raw, "\n") {
				plain := strings.TrimSpace(linkMD.ReplaceAllString(strings.Trim(line, "*_ "), "$1"))
				plain = strings.ReplaceAll(strings.ReplaceAll(plain, "**", ""), "__", "")
				m := fieldLine.FindStringSubmatch(plain)
				if m == nil {
					continue
				}
				used = true
				val := strings.TrimSpace(m[2])
				rawVal := line[min(len(line), strings.Index(line, ":")+1):]
				off := w.offset(l)
				switch k := strings.ToLower(m[1]); {
				case k == "status":
					w.r.found++
					w.r.mark("/status", off)
					w.r.setStatus(strings.TrimSpace(strings.Trim(rawVal, "*_ ")), nil)
				case k == "date" || k == "decided on" || k == "last updated":
					w.r.found++
					if w.r.d.Date.IsZero() {
						w.r.mark("/date", off)
						w.r.d.Date = parseLooseDate(val)
					}
				case k == "deciders" || strings.HasPrefix(k, "decision"):
					w.r.setPeople(splitNames(val), nil, nil)
				case k == "consulted":
					w.r.setPeople(nil, splitNames(val), nil)
				case k == "informed":
					w.r.setPeople(nil, nil, splitNames(val))
				case k == "technical story":
					*more = append(*more, "Technical story: "+val)
				}
			}
		}
		if !used {
			rest = append(rest, n)
		}
	}
	if t := w.blocks(rest); t != "" {
		*more = append(*more, t)
	}
}

// statusSection reads Nygard's Status section: the first paragraph is the
// status; lines such as "Supercedes [1. Record decisions](0001-...md)"
// are links.
func (w *mdWalk) statusSection(ns []ast.Node) {
	first := true
	for _, n := range ns {
		raw := strings.TrimSpace(w.raw(n))
		if raw == "" {
			continue
		}
		for _, line := range strings.Split(raw, "\n") {
			line = strings.TrimSpace(strings.TrimLeft(line, "*-+ "))
			if line == "" {
				continue
			}
			if first && !startsWithVerb(line) {
				w.r.setStatus(cleanStatus(line), nil)
				first = false
				continue
			}
			if first && w.r.d.Status == "" {
				// Only links: "Superseded by [3. X](...)" is itself the status.
				w.r.setStatus(cleanStatus(line), nil)
				first = false
				continue
			}
			w.r.addLinks(line, nil)
		}
	}
}

func startsWithVerb(line string) bool {
	m := linkVerb.FindStringIndex(line)
	return m != nil && m[0] == 0 && !strings.HasPrefix(strings.ToLower(line), "superseded") && !strings.HasPrefix(strings.ToLower(line), "superceded")
}

// cleanStatus drops the emphasis marks around a status word, keeping
// links and emoji as written.
func cleanStatus(s string) string {
	s = strings.TrimSpace(s)
	for _, m := range []string{"**", "__", "*", "_", "`"} {
		if strings.HasPrefix(s, m) && strings.HasSuffix(s, m) && len(s) > 2*len(m) {
			s = strings.TrimSpace(s[len(m) : len(s)-len(m)])
		}
	}
	return s
}

// linkLines reads link phrases from every line of a Links or More
// Information section.
func (w *mdWalk) linkLines(ns []ast.Node) {
	for _, n := range ns {
		for _, line := range strings.Split(w.raw(n), "\n") {
			w.r.addLinks(strings.TrimSpace(line), nil)
		}
	}
}

// items lists the top-level items of the lists among ns, as plain text,
// or the paragraphs when there is no list.
func (w *mdWalk) items(ns []ast.Node) []string {
	var out []string
	for _, n := range ns {
		if l, ok := n.(*ast.List); ok {
			for it := l.FirstChild(); it != nil; it = it.NextSibling() {
				if t := w.itemText(it); t != "" {
					out = append(out, t)
				}
			}
		} else if t := w.block(n); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// itemText is the text of a list item without its nested lists.
func (w *mdWalk) itemText(it ast.Node) string {
	var parts []string
	for c := it.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*ast.List); ok {
			continue
		}
		if t := w.block(c); t != "" {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, "\n")
}

// options reads Considered Options: each top-level item is an option; an
// item that only labels a group ("Hosted:") gives its nested items
// instead; the nested text of an option is its description.
func (w *mdWalk) options(ns []ast.Node) {
	d := w.r.d
	add := func(it ast.Node, name string) {
		var desc []string
		for c := it.FirstChild(); c != nil; c = c.NextSibling() {
			if l, ok := c.(*ast.List); ok {
				desc = append(desc, w.block(l))
			}
		}
		o := optionNamed(name)
		o.Description = joinText(o.Description, strings.Join(desc, "\n"))
		if matchExact(d.Options, o.Name) >= 0 {
			return
		}
		w.r.mark("/options/"+strconv.Itoa(len(d.Options)), w.offset(it))
		w.r.mark("/options/"+strconv.Itoa(len(d.Options))+"/name", w.offset(it))
		d.Options = append(d.Options, o)
	}
	for _, n := range ns {
		l, ok := n.(*ast.List)
		if !ok {
			continue
		}
		for it := l.FirstChild(); it != nil; it = it.NextSibling() {
			name := w.itemText(it)
			var sub *ast.List
			for c := it.FirstChild(); c != nil; c = c.NextSibling() {
				if s, ok := c.(*ast.List); ok {
					sub = s
				}
			}
			if sub != nil && strings.HasSuffix(name, ":") {
				for si := sub.FirstChild(); si != nil; si = si.NextSibling() {
					add(si, w.itemText(si))
				}
				continue
			}
			if name != "" {
				add(it, name)
			}
		}
	}
}

// optionNamed makes an option of a list item's text, keeping a name within
// the 200 characters a name may have: a longer item is split at its first
// dash, colon or sentence end, the rest becoming the description.
func optionNamed(text string) Option {
	text = strings.TrimSpace(text)
	name, desc := text, ""
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		name, desc = strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+1:])
	}
	if utf8.RuneCountInString(name) > 200 {
		for _, sep := range []string{" – ", " — ", " - ", ": ", ". "} {
			if i := strings.Index(name, sep); i > 0 && i <= 200 {
				name, desc = strings.TrimSpace(name[:i]), joinText(strings.TrimSpace(name[i+len(sep):]), desc)
				break
			}
		}
	}
	if utf8.RuneCountInString(name) > 200 {
		rs := []rune(name)
		name, desc = string(rs[:200]), joinText(string(rs[200:]), desc)
	}
	return Option{Name: name, Description: desc}
}

func matchExact(opts []Option, name string) int {
	return slices.IndexFunc(opts, func(o Option) bool { return o.Name == name })
}

// outcome reads Decision Outcome (or Nygard's Decision): the chosen option
// and the justification after "because", and any further text.
func (w *mdWalk) outcome(ns []ast.Node) {
	d := w.r.d
	var rest []string
	for i, n := range ns {
		if _, ok := n.(*ast.Heading); ok {
			continue
		}
		t := w.block(n)
		if m := chosenLine.FindStringSubmatch(t); m != nil && d.Chosen == "" && (i == 0 || len(rest) < 3) {
			w.r.mark("/chosen", w.offset(n))
			chosen, why := splitChosen(m[1])
			if k := matchOption(d.Options, chosen); k >= 0 {
				chosen = d.Options[k].Name
			}
			d.Chosen = chosen
			if why != "" {
				rest = append(rest, why)
			}
			continue
		}
		if t != "" {
			rest = append(rest, t)
		}
	}
	d.Outcome = joinText(d.Outcome, strings.Join(rest, "\n\n"))
}

// splitChosen splits `"X", because Y` (quotes straight or curly, or none)
// into the option and the justification.
func splitChosen(s string) (string, string) {
	s = strings.TrimSpace(s)
	if m := quoted.FindStringSubmatch(s); m != nil {
		return strings.TrimSpace(m[1]), strings.TrimSpace(m[2] + m[3])
	}
	if m := unquoted.FindStringSubmatch(s); m != nil {
		return strings.Trim(strings.TrimSpace(m[1]), ".,;:"), strings.TrimSpace(m[2])
	}
	first, rest, _ := strings.Cut(s, "\n")
	return strings.Trim(strings.TrimSpace(first), ".,;:"), strings.TrimSpace(rest)
}

// prosCons reads one option's part of Pros and Cons of the Options: its
// description and its "Good, because", "Bad, because" and "Neutral,
// because" points. A heading naming no considered option adds one.
func (w *mdWalk) prosCons(s *section) {
	d := w.r.d
	name := s.title
	if m := regexp.MustCompile(`(?i)^option\s+\d+\s*[:.\-–—]\s*(.+)$`).FindStringSubmatch(name); m != nil && matchOption(d.Options, name) < 0 {
		name = m[1]
	}
	k := matchOption(d.Options, name)
	if k < 0 {
		o := optionNamed(name)
		w.r.mark("/options/"+strconv.Itoa(len(d.Options)), w.offset(s.head))
		d.Options = append(d.Options, o)
		k = len(d.Options) - 1
	}
	o := &d.Options[k]
	var desc []string
	for _, n := range s.body {
		l, ok := n.(*ast.List)
		if !ok {
			if t := w.block(n); t != "" {
				desc = append(desc, t)
			}
			continue
		}
		var other []string
		for it := l.FirstChild(); it != nil; it = it.NextSibling() {
			t := w.itemText(it)
			m := proLine.FindStringSubmatch(t)
			if m == nil {
				other = append(other, "- "+t)
				continue
			}
			point := strings.TrimSpace(m[2])
			if point == "" {
				continue
			}
			switch strings.ToLower(m[1]) {
			case "good", "pro", "pros", "positive", "+":
				o.Pros = append(o.Pros, point)
			case "bad", "con", "cons", "negative", "-":
				o.Cons = append(o.Cons, point)
			default:
				o.Neutral = append(o.Neutral, point)
			}
		}
		if len(other) > 0 {
			desc = append(desc, strings.Join(other, "\n"))
		}
	}
	o.Description = joinText(o.Description, strings.Join(desc, "\n\n"))
}
