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

	"github.com/dayone-go/mechanisms/internal/frontmatter"
	"github.com/dayone-go/mechanisms/internal/mdguard"
	"github.com/dayone-go/mechanisms/internal/strict"
)

// MaxMarkdownDepth is how deeply block quotes and lists may nest in a
// Markdown record before ParseMarkdown refuses it (rule too-deep): real
// records nest a few levels; a file nesting thousands is an attack or an
// accident, and refusing it keeps the walk over the tree shallow.
const MaxMarkdownDepth = 64

// MaxMarkdownBytes is the largest Markdown record ParseMarkdown reads (1
// MiB), tighter than MaxBytes: a decision record is a few pages, and a
// CommonMark parse of pathological text costs microseconds a byte. Larger
// input is refused with an error wrapping ErrTooLarge.
const MaxMarkdownBytes = 1 << 20

// maxMarkdownItems bounds the options, their pros and cons and the links
// ParseMarkdown keeps from one record, five times what Validate accepts,
// so matching option names stays cheap on hostile input.
const maxMarkdownItems = 100

// ParseMarkdown reads a decision record written in Markdown, as teams keep
// them in docs/decisions or doc/adr: MADR 2.x to 4.x (status, date and
// people in YAML front matter or as "* Status: accepted" bullets; Context
// and Problem Statement, Decision Drivers, Considered Options, Decision
// Outcome with `Chosen option: "…", because …`, Consequences, Confirmation,
// Pros and Cons of the Options, More Information) and Michael Nygard's
// format as adr-tools writes it ("# 12. Title", "Date:", Status, Context,
// Decision, Consequences).
//
// The record comes back with Format "markdown". A title's record number
// ("12. ", "ADR-0012: ") and a label ("Architecture Decision Record: ")
// are taken off it, the number becoming the id when none is given.
// Statuses outside Status
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
// Problems — input over MaxMarkdownBytes (wrapping ErrTooLarge), an empty file,
// front matter that is not YAML, blocks nested deeper than
// MaxMarkdownDepth, paragraphs whose "[" would make the link parse
// quadratic (rule too-many), Markdown that is no decision record (rule
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
		if i < 0 {
			return 1, 1
		}
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
	if len(data) > MaxMarkdownBytes {
		return nil, mdProblem(ErrTooLarge, RuleTooLarge, "input is %d bytes; the limit for a Markdown record is %d", 0, 0, len(data), MaxMarkdownBytes)
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
	if fm, ok := frontmatter.Find(data); ok {
		if !fm.Closed {
			// Read as Markdown, the YAML would turn into a thematic break
			// and a paragraph, and the record would lose its id quietly.
			return nil, mdProblem(strict.ErrSyntax, RuleSyntax, "the front matter opened by --- on line 1 is never closed; end it with a line holding only ---", 1, 1)
		}
		body = fm.After
		if err := r.frontMatter(data[fm.Start:fm.End], fm.Start); err != nil {
			return nil, err
		}
	}
	if line, deep := tooDeep(data[body:]); deep {
		return nil, mdProblem(strict.ErrTooDeep, RuleTooDeep, "block quotes and lists nest more than %d levels deep", r.lineOf(body)+line-1, 1, MaxMarkdownDepth)
	}
	if line := mdguard.Links(data[body:], mdguard.Budget); line > 0 {
		return nil, mdProblem(strict.ErrTooMany, RuleTooMany, "the paragraph here holds too many [ brackets for its length to be read as links in reasonable time; split it or remove stray brackets", r.lineOf(body)+line-1, 1)
	}
	doc := mdguard.Parse(data[body:])
	w := &mdWalk{r: r, src: data[body:], base: body}
	w.document(doc)
	if r.d.Title == "" || !r.d.hasSubstance() {
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

// at is the line and column of a byte offset, {0, 0} for none.
func (r *mdRecord) at(off int) [2]int {
	if off < 0 {
		return [2]int{}
	}
	l, c := r.lineCol(off)
	return [2]int{l, c}
}

// hasSubstance reports whether a titled Markdown file says anything a
// decision record says, beyond its title and number.
func (d *Decision) hasSubstance() bool {
	return d.Status != "" || !d.Date.IsZero() || d.Context != "" || len(d.Options) > 0 ||
		d.Chosen != "" || d.Outcome != "" || d.Consequences != "" || len(d.Drivers) > 0 ||
		d.Confirmation != "" || len(d.Areas) > 0 || d.Reversibility != nil || d.Impact != 0 ||
		d.Links != nil || len(d.Risks) > 0
}

func (r *mdRecord) lineOf(off int) int { l, _ := r.lineCol(off); return l }

// tooDeep reports the first line whose block-quote or list nesting goes
// past MaxMarkdownDepth, before goldmark builds a tree that deep: it
// counts the ">" marks and the list markers ("-", "*", "+" or "1." before
// a space) that open the line, and its indentation in pairs of spaces.
func tooDeep(src []byte) (int, bool) {
	line := 0
	for len(src) > 0 {
		var l []byte
		l, src, _ = bytes.Cut(src, []byte("\n"))
		line++
		depth, indent := 0, 0
	scan:
		for i := 0; i < len(l); i++ {
			b := l[i]
			spaced := i+1 < len(l) && (l[i+1] == ' ' || l[i+1] == '\t')
			switch {
			case b == ' ':
				indent++
				continue
			case b == '\t':
				indent += 4
				continue
			case b == '>':
				depth++
				continue
			case (b == '-' || b == '*' || b == '+') && spaced:
				depth++
				continue
			case b >= '0' && b <= '9':
				j := i
				for j < len(l) && j-i < 9 && l[j] >= '0' && l[j] <= '9' {
					j++
				}
				if j+1 < len(l) && (l[j] == '.' || l[j] == ')') && (l[j+1] == ' ' || l[j+1] == '\t') {
					depth++
					i = j
					continue
				}
			}
			break scan
		}
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
		// "deciders: @alice @bob": GitHub handles, which YAML reserves
		// '@' from opening unquoted. Quoted, the same lines are read.
		quoted := quoteHandles(fm)
		if bytes.Equal(quoted, fm) {
			return shift(err)
		}
		d2, err2 := strict.ParseDocument(quoted, strict.Limits{MaxBytes: MaxBytes})
		if err2 != nil {
			return shift(err)
		}
		fm, doc = quoted, d2
	}
	var raw any
	if err := doc.Decode(&raw); err != nil {
		return shift(err)
	}
	m, ok := raw.(map[string]any)
	if _, scalar := raw.(string); !ok && scalar {
		// "tag:Web Client" with no space after the colon is one YAML
		// string, yet its author meant a key and a value; real logs
		// write whole front matters so.
		m, ok = colonPairs(fm)
	}
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
	// What other tools write in these keys: a number for an id, tags as
	// one comma-separated string.
	if n, ok := ours["id"].(float64); ok {
		ours["id"] = strconv.FormatFloat(n, 'f', -1, 64)
	}
	if t, ok := ours["tags"].(string); ok {
		var tags []any
		for _, x := range strings.Split(t, ",") {
			if x = strings.TrimSpace(x); x != "" {
				tags = append(tags, x)
			}
		}
		ours["tags"] = tags
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
		r.pos["/status"] = p
		r.setStatus(s, p)
	}
	if s, _, ok := str("statusText"); ok {
		r.d.StatusText = s
	}
	if s, p, ok := str("date"); ok {
		r.d.Date = parseLooseDate(s)
		r.pos["/date"] = p
	}
	if s, p, ok := str("title"); ok {
		r.d.Title, _ = cleanTitle(s)
		r.pos["/title"] = p
	}
	if s, p, ok := str("id", "number"); ok && r.d.ID == "" {
		r.d.ID = s
		r.pos["/id"] = p
	}
	// Link keys other tools write in front matter, read as the status
	// line's link phrases are.
	for _, kv := range [][2]string{
		{"supersedes", "supersedes"}, {"superseded-by", "superseded by"}, {"superseded_by", "superseded by"},
		{"supersededBy", "superseded by"}, {"amends", "amends"}, {"amended-by", "amended by"}, {"related", "relates to"},
	} {
		for _, v := range names(m[kv[0]]) {
			r.addLinks(kv[1]+" "+v, at("/"+kv[0]))
		}
	}
	if _, has := m["people"]; !has {
		deciders := names(m["decision-makers"], m["deciders"], m["decision makers"])
		r.setPeople(deciders, names(m["consulted"]), names(m["informed"]))
		for _, k := range []string{"decision-makers", "deciders", "decision makers", "consulted", "informed"} {
			if _, ok := m[k]; ok && r.d.People != nil {
				if _, done := r.pos["/people"]; !done {
					r.pos["/people"] = at("/" + k)
				}
			}
		}
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
	for _, n := range nameSep.Split(s, -1) {
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
	if x == "" || len(xs) >= maxMarkdownItems || slices.Contains(xs, x) {
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
	{regexp.MustCompile(`(?i)\b(?:partly|partially|in part)\s+(?:supersed|superced|replac)ed\b`), Accepted},
	{regexp.MustCompile(`(?i)\b(supersed|superced)ed\b|\breplaced by\b`), Superseded},
	{regexp.MustCompile(`(?i)\b(deprecated|obsolete|retired|sunset|archived|no longer)\b`), Deprecated},
	{regexp.MustCompile(`(?i)\b(rejected|declined|refused|not accepted|abandoned|withdrawn|won'?t do|dismissed)\b`), Rejected},
	{regexp.MustCompile(`(?i)\b(accepted|accept|approved|adopted|agreed|decided|implemented|done|active|in effect|final|completed?|current)\b`), Accepted},
	{regexp.MustCompile(`(?i)\b(proposed|proposal|pending|open|in review|under review|in discussion|under discussion|discussing|rfc|suggested|in progress|ongoing|under consideration|review|wip|awaiting|planned|on hold|postponed|deferred|paused|parked)\b`), Proposed},
	{regexp.MustCompile(`(?i)\b(draft|drafting|drafted|idea|todo|incomplete|unfinished)\b`), Draft},
}

// setStatus reads a status line: the nearest Status, the words as written
// when they are not simply ours, and the links named in it.
func (r *mdRecord) setStatus(s string, at [2]int) {
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
	r.addLinks(s, at)
}

// stripLinkPhrases removes "supersedes X" and "amends X" from a status so
// that the status word is read from what is left.
func stripLinkPhrases(s string) string {
	return linkPhrase.ReplaceAllString(s, "")
}

var (
	nameSep    = regexp.MustCompile(`\s*(?:,|;|\band\b)\s*`)
	linkPhrase = regexp.MustCompile(`(?i)\b(supersedes|supercedes|amends|amended by|clarifies|clarified by|relates to|related to|see also)\b.*`)
	fileNum    = regexp.MustCompile(`(?i)^(?:adr|rfc)?[-_ ]?0*(\d{1,6})(?:\b|[-_])`)
	optionNum  = regexp.MustCompile(`(?i)^option\s+\d+\s*[:.\-–—]\s*(.+)$`)
	linkMD     = regexp.MustCompile(`\[([^\]]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)`)
	partly     = regexp.MustCompile(`(?i)\b(?:partly|partially|in part)\s*$`)
	linkVerb   = regexp.MustCompile(`(?i)\b(superseded by|superceded by|supersedes|supercedes|replaced by|replaces|amended by|amends|clarified by|clarifies|relates to|related to|see also|refined by|refines|extends|extended by)\b:?`)
	refNum     = regexp.MustCompile(`(?i)(?:\b(?:adr|rfc|decision|record)[\s_#-]*|#)0*(\d{1,6})\b|^\s*0*(\d{1,6})\b`)
)

// addLinks reads "<verb> <reference>" phrases of a line: a reference is a
// Markdown link, or plain text naming a record number.
func (r *mdRecord) addLinks(line string, at [2]int) {
	idx := linkVerb.FindAllStringSubmatchIndex(line, -1)
	for k, m := range idx {
		end := len(line)
		if k+1 < len(idx) {
			end = idx[k+1][0]
		}
		verb := strings.ToLower(line[m[2]:m[3]])
		if partly.MatchString(line[:m[0]]) {
			// "Partially supersedes ADR 18": the older record still
			// stands in part, so this one amends it.
			switch verb {
			case "supersedes", "supercedes", "replaces":
				verb = "amends"
			case "superseded by", "superceded by", "replaced by":
				verb = "amended by"
			}
		}
		ids := refIDs(line[m[1]:end])
		if len(ids) == 0 {
			continue
		}
		if r.d.Links == nil {
			r.d.Links = &Links{}
		}
		l := r.d.Links
		markAt := func(ptr string, n int) {
			if n >= 0 {
				ptr += "/" + strconv.Itoa(n)
			}
			if _, ok := r.pos[ptr]; !ok && at[0] > 0 {
				r.pos[ptr] = at
			}
		}
		for _, id := range ids {
			switch verb {
			case "superseded by", "superceded by", "replaced by":
				if l.SupersededBy == "" {
					l.SupersededBy = id
					markAt("/links/supersededBy", -1)
				}
				if r.d.Status == "" || r.d.Status == Accepted {
					r.d.Status = Superseded
				}
			case "supersedes", "supercedes", "replaces":
				l.Supersedes = appendNew(l.Supersedes, id)
				markAt("/links/supersedes", slices.Index(l.Supersedes, id))
			case "amends", "refines", "extends":
				l.Amends = appendNew(l.Amends, id)
				markAt("/links/amends", slices.Index(l.Amends, id))
			case "amended by", "refined by", "extended by":
				l.AmendedBy = appendNew(l.AmendedBy, id)
				markAt("/links/amendedBy", slices.Index(l.AmendedBy, id))
			default:
				l.Related = appendNew(l.Related, id)
				markAt("/links/related", slices.Index(l.Related, id))
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
	if m := fileNum.FindStringSubmatch(stem); m != nil {
		return padID(m[1])
	}
	if len(stem) > 64 { // ids are at most 64 characters; links cut alike
		stem = stem[:64]
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
	dateDMY2  = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{2})\b`)
	dateMonth = regexp.MustCompile(`(?i)\b([a-z]{3,9})\.?,?\s+(\d{4})\b`)
	dateWords = regexp.MustCompile(`(?i)\b(?:(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})|([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4}))\b`)
)

// parseLooseDate reads the dates records are written with: ISO
// (2018-02-05, 2018/02/05), day-first (05/02/2018, 5.2.2018; month-first
// only when the first number cannot be a month... that is, when the
// second cannot be a day), words (5 February 2018, Feb 5, 2018), and a
// month alone (May 2023, read as 1 May 2023), and two-digit years
// (10/04/18 is 10 April 2018). It returns the zero Date
// for anything else.
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
	// "10/04/18": a two-digit year is this century's, day first as above.
	if m := dateDMY2.FindStringSubmatch(s); m != nil {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if b > 12 && a <= 12 {
			return mk("20"+m[3], m[1], m[2])
		}
		return mk("20"+m[3], m[2], m[1])
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
	// "May 2023": a month without its day is read as the month's first.
	if m := dateMonth.FindStringSubmatch(s); m != nil {
		if mo := monthOf(m[1]); mo > 0 && monthName(m[1]) {
			return mk(m[2], strconv.Itoa(mo), "1")
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

// monthName reports whether s is a month's whole name or its
// three-letter abbreviation ("May", "Sept", "October"), not a word that
// merely starts like one ("mayor").
func monthName(s string) bool {
	s = strings.ToLower(s)
	for _, m := range []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"} {
		if s == m || s == m[:3] || (m == "september" && s == "sept") {
			return true
		}
	}
	return false
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

// colonPairs reads a front matter written as "key:value" lines with no
// space after the colon, which YAML takes for one string. It reports false
// unless every line that is not blank or a comment has that form.
func colonPairs(fm []byte) (map[string]any, bool) {
	m := map[string]any{}
	for _, line := range strings.Split(string(fm), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, found := strings.Cut(line, ":")
		k = strings.TrimSpace(k)
		if !found || !colonKey.MatchString(k) {
			return nil, false
		}
		m[k] = strings.TrimSpace(v)
	}
	return m, len(m) > 0
}

var colonKey = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_-]*$`)

// handleValue is a "key: @name …" line whose value opens with '@' or '`',
// which YAML forbids unquoted.
var handleValue = regexp.MustCompile("(?m)^(\\s*[A-Za-z][\\w -]*:[ \\t]+)([@`][^\\n]*?)[ \\t]*$")

// quoteHandles quotes the values handleValue finds, keeping every line
// where it was so problems still point at the right line.
func quoteHandles(fm []byte) []byte {
	return handleValue.ReplaceAllFunc(fm, func(line []byte) []byte {
		m := handleValue.FindSubmatch(line)
		v, _ := json.Marshal(string(m[2]))
		return append(append([]byte{}, m[1]...), v...)
	})
}
