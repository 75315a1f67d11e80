package decision

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

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
	// Control characters read as spaces, as Markdown writes them, so text
	// reads back the same.
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if (r < ' ' && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == '\u2028' || r == '\u2029' {
			return ' '
		}
		return r
	}, b.String()))
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
	titleNum     = regexp.MustCompile(`(?i)^\s*(?:\[?(?:adr|rfc)[\s_#-]*0*(\d{1,6})\]?\s*[.:)\-–—]?|0*(\d{1,6})(?:[.:)]|\s+[-–—:]))\s*(.+)$`)
	titleBareNum = regexp.MustCompile(`^\s*0*(\d{1,4})\s+(\p{Lu}.*)$`)
	fieldLine    = regexp.MustCompile(`(?i)^\s*(status|date|deciders|decision[- ]makers|consulted|informed|technical story|decided on|decided|last updated|created|updated)\s*:\s*(.*)$`)
	chosenLine   = regexp.MustCompile(`(?is)^\s*(?:we(?:'ve|’ve| have)?\s+)?chos(?:en|e) (?:option|alternative)s?\s*:?\s*(.*)$`)
	optionRef    = regexp.MustCompile(`(?i)^(?:option\s*)?#?(\d{1,2})\b`)
	unquoted     = regexp.MustCompile(`(?is)^(.+?)(?:,\s*|\s+)(?:because|as|since)\b,?\s*(.*)$`)
	proLine      = regexp.MustCompile(`(?i)^(good|bad|neutral|pro|con|pros|cons|positive|negative|\+|-)\s*(?:,\s*because\b|:|,)\s*(.*)$`)
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
			case parent.key == "proscons" || parent.key == "options":
				// One heading per option ("### Option 1: X" under Considered
				// Options too); deeper headings ("#### Examples") belong to
				// the option above them.
				if n := len(prosHeads); n > 0 && s.level > prosHeads[n-1].level {
					last := prosHeads[n-1]
					last.body = append(append(last.body, s.head), s.body...)
					continue
				}
				prosHeads = append(prosHeads, s)
				continue
			case parent.key == "outcome" && (key == "consequences" || key == "confirmation"):
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
		case "":
			// "## Status: Accepted", "## Date: 2020-01-07": the value in the heading.
			if m := fieldLine.FindStringSubmatch(s.title); m != nil && s.level <= top+1 {
				switch strings.ToLower(m[1]) {
				case "status":
					r.mark("/status", off)
					r.setStatus(strings.TrimSpace(m[2]), r.at(off))
					continue
				case "date":
					r.mark("/date", off)
					d.Date = parseLooseDate(m[2])
					continue
				}
			}
			if t := w.blocks(s.body); t != "" {
				more = append(more, s.title+":\n\n"+t)
			}
		default:
			if t := w.blocks(s.body); t != "" {
				more = append(more, s.title+":\n\n"+t)
			}
		}
	}
	w.outcome(outcome)
	for _, s := range prosHeads[:min(len(prosHeads), maxMarkdownItems)] {
		w.prosCons(s)
	}
	for _, c := range consequences {
		d.Consequences = joinText(d.Consequences, c)
	}
	for _, m := range more {
		d.MoreInformation = joinText(d.MoreInformation, m)
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
	text, num := cleanTitle(text)
	if num != "" && d.ID == "" {
		d.ID = num
		r.mark("/id", off)
	}
	if d.Title == "" {
		d.Title = text
	}
}

// cleanTitle takes the record number ("12. Use Kafka", "ADR-0012: Use
// Kafka") and a label ("Architecture Decision Record: ") off a title, so
// the title reads the same in every log; a title that is only a number
// stays as it is.
func cleanTitle(text string) (title, num string) {
	if m := titleNum.FindStringSubmatch(text); m != nil && strings.TrimSpace(m[3]) != "" {
		num, text = padID(m[1]+m[2]), strings.TrimSpace(m[3])
	} else if m := titleBareNum.FindStringSubmatch(text); m != nil {
		// "23 Logging": a number and a capitalised title, no dot.
		num, text = padID(m[1]), strings.TrimSpace(m[2])
	}
	if m := titlePrefix.FindStringSubmatch(text); m != nil && strings.TrimSpace(m[1]) != "" {
		text = strings.TrimSpace(m[1])
	}
	return text, num
}

// titlePrefix is the label some logs put before every title
// ("Architecture Decision Record: Use ADRs").
var titlePrefix = regexp.MustCompile(`(?i)^\s*(?:architectur(?:e|al) decision record|decision record|adr)\s*[:\-–—]\s*(.+)$`)

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
				if m == nil && w.r.d.Date.IsZero() {
					// "June 19, 2018" alone under the title, or "Date
					// 09/04/2018" with its colon forgotten: the date.
					v := plain
					if len(v) > 5 && strings.EqualFold(v[:5], "date ") {
						v = strings.TrimSpace(v[5:])
					}
					if bareDate(v) {
						m = []string{plain, "date", v}
					}
				}
				if m == nil {
					continue
				}
				used = true
				val := strings.TrimSpace(m[2])
				rawVal := line[min(len(line), strings.Index(line, ":")+1):]
				off := w.offset(l)
				switch k := strings.ToLower(m[1]); {
				case k == "status":
					w.r.mark("/status", off)
					w.r.setStatus(strings.TrimSpace(strings.Trim(rawVal, "*_ ")), w.r.at(off))
				case k == "date" || k == "decided on" || k == "decided" || k == "last updated" || k == "created" || k == "updated":
					if w.r.d.Date.IsZero() {
						w.r.mark("/date", off)
						w.r.d.Date = parseLooseDate(val)
					}
				case k == "deciders" || strings.HasPrefix(k, "decision"):
					w.r.mark("/people", off)
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

// bareDate reports whether a line is a date and nothing else ("June 19,
// 2018", "11 March 2022", "2019-04-04").
func bareDate(line string) bool {
	if len(line) > 40 || parseLooseDate(line).IsZero() {
		return false
	}
	for _, re := range []*regexp.Regexp{dateISO, dateDMY, dateWords, dateMonth} {
		line = re.ReplaceAllString(line, "")
	}
	return strings.Trim(line, " .,") == ""
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
				w.r.setStatus(cleanStatus(line), w.r.at(w.offset(n)))
				first = false
				continue
			}
			if first && w.r.d.Status == "" {
				// Only links: "Superseded by [3. X](...)" is itself the status.
				w.r.setStatus(cleanStatus(line), w.r.at(w.offset(n)))
				first = false
				continue
			}
			w.r.addLinks(line, w.r.at(w.offset(n)))
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
			w.r.addLinks(strings.TrimSpace(line), w.r.at(w.offset(n)))
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
		if lead, rest, ok := w.boldLead(it); ok {
			o = Option{Name: lead, Description: rest}
		}
		o.Description = joinText(o.Description, strings.Join(desc, "\n"))
		if len(d.Options) >= maxMarkdownItems || matchExact(d.Options, o.Name) >= 0 {
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

// boldLead reads an item that opens with its name in bold and goes on to
// describe it ("**Keep the batch.** It runs nightly and ..."): the bold
// text is the name, the rest the description.
func (w *mdWalk) boldLead(it ast.Node) (name, rest string, ok bool) {
	p := it.FirstChild()
	if p == nil {
		return "", "", false
	}
	em, isEm := p.FirstChild().(*ast.Emphasis)
	if !isEm || em.Level != 2 {
		return "", "", false
	}
	lead := w.inline(em)
	full := w.itemText(it)
	if lead == "" || !strings.HasPrefix(full, lead) {
		return "", "", false
	}
	rest = strings.TrimSpace(strings.TrimLeft(full[len(lead):], " .:–—-"))
	if rest == "" {
		return "", "", false
	}
	return strings.TrimRight(lead, " .:"), rest, true
}

// optionNamed makes an option of a list item's text, keeping a name within
// the 200 characters a name may have: a longer item is split at its first
// dash, colon or sentence end, the rest becoming the description.
func optionNamed(text string) Option {
	text = strings.TrimSpace(text)
	name, desc := text, ""
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		name, desc = strings.TrimSpace(text[:i]), strings.TrimSpace(text[i+1:])
		// A paragraph wrapped mid-sentence: the name is its first sentence.
		if !strings.ContainsAny(name[len(name)-1:], ".:!?)") {
			flat := strings.ReplaceAll(text, "\n", " ")
			if j := strings.Index(flat, ". "); j > 0 && j <= 200 {
				name, desc = flat[:j], strings.TrimSpace(flat[j+2:])
			}
		}
	}
	// A name wholly in quotes loses them; one that quotes two phrases
	// ("Cites" and "Cited by") keeps them, as its author wrote it.
	if q, rest, ok := cutQuoted(name); ok && strings.TrimSpace(rest) == "" && q != "" && !hasQuote(q) {
		name = q
	}
	// "MADR 4.0.0 – The Markdown Architectural Decision Records": the
	// name, then what it is, after a spaced en or em dash.
	for _, sep := range []string{" – ", " — "} {
		if i := strings.Index(name, sep); i > 0 {
			name, desc = strings.TrimSpace(name[:i]), joinText(strings.TrimSpace(name[i+len(sep):]), desc)
			break
		}
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

// hyphenNames splits the options' names at a spaced hyphen ("MADR 3.0.0 -
// The Markdown Architectural Decision Records") when the chosen option
// names option k by the words before it: the list then writes its
// descriptions after hyphens. Without that sign, a hyphen is part of the
// name ("Option 1 - plain hyphens stay").
func hyphenNames(opts []Option, k int, chosen string) {
	before, _, ok := strings.Cut(opts[k].Name, " - ")
	if !ok || normName(before) != normName(chosen) {
		return
	}
	for i := range opts {
		if name, desc, ok := strings.Cut(opts[i].Name, " - "); ok && strings.TrimSpace(name) != "" {
			opts[i].Name = strings.TrimSpace(name)
			opts[i].Description = joinText(strings.TrimSpace(desc), opts[i].Description)
		}
	}
}

// chosenOption finds the considered option a chosen option names: by its
// name, then by its number ("Option 2, to realise the benefits", "2: use
// better-npm-audit"), then by the words they share.
func chosenOption(opts []Option, chosen string) int {
	c := normName(chosen)
	if k := slices.IndexFunc(opts, func(o Option) bool { return normName(o.Name) == c }); k >= 0 || c == "" {
		return k
	}
	if m := optionRef.FindStringSubmatch(strings.TrimSpace(chosen)); m != nil {
		n, _ := strconv.Atoi(m[1])
		if k := slices.IndexFunc(opts, func(o Option) bool {
			om := optionRef.FindStringSubmatch(o.Name)
			return om != nil && om[1] == m[1] && strings.HasPrefix(strings.ToLower(o.Name), "option")
		}); k >= 0 {
			return k
		}
		if n >= 1 && n <= len(opts) {
			return n - 1
		}
	}
	return matchOption(opts, chosen)
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
		if m := chosenLine.FindStringSubmatch(strings.TrimPrefix(t, "- ")); m != nil && d.Chosen == "" && (i == 0 || len(rest) < 3) {
			w.r.mark("/chosen", w.offset(n))
			chosen, why := splitChosen(m[1])
			if k := chosenOption(d.Options, chosen); k >= 0 {
				hyphenNames(d.Options, k, chosen)
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
	if d.Chosen == "" && len(rest) > 0 {
		// "Consensus is to extract a list component from the pattern":
		// no "Chosen option" line, but the outcome's first paragraph
		// names one considered option, and only one, in full.
		first := normName(rest[0])
		k, n := -1, 0
		for i, o := range d.Options {
			if on := normName(o.Name); len(on) >= 8 && strings.Contains(first, on) {
				k, n = i, n+1
			}
		}
		if n == 1 {
			d.Chosen = d.Options[k].Name
			for _, nd := range ns {
				if _, ok := nd.(*ast.Heading); !ok {
					w.r.mark("/chosen", w.offset(nd))
					break
				}
			}
		}
	}
}

// splitChosen splits `"X", because Y` (quotes straight or curly, or none)
// into the option and the justification.
func splitChosen(s string) (string, string) {
	s = strings.TrimSpace(s)
	if name, rest, ok := cutQuoted(s); ok {
		rest = becauseRe.ReplaceAllString(rest, "")
		return name, strings.TrimSpace(strings.TrimLeft(rest, ".,;: "))
	}
	if m := unquoted.FindStringSubmatch(s); m != nil {
		return strings.Trim(strings.TrimSpace(m[1]), ".,;:"), strings.TrimSpace(m[2])
	}
	first, rest, _ := strings.Cut(s, "\n")
	return strings.Trim(strings.TrimSpace(first), ".,;:"), strings.TrimSpace(rest)
}

var (
	becauseRe  = regexp.MustCompile(`(?is)^\s*[,.;:]?\s*(?:because|as|since)\b,?\s*`)
	closeQuote = map[rune]rune{'"': '"', '“': '”', '\'': '\'', '‘': '’', '«': '»', '„': '“'}
)

// cutQuoted splits a text opening with a quote at the quote that closes
// it: the same kind of quote followed by ", because", a full stop or the
// end, so quotes of another kind inside the name stay in it
// ('Section "Consequences" as "Good, because"', because ...).
// hasQuote reports whether s holds a double quotation mark, straight or
// curly (an apostrophe, as in "Reviewdog's", does not count).
func hasQuote(s string) bool {
	return strings.ContainsAny(s, "\"“”„«»")
}

func cutQuoted(s string) (name, rest string, ok bool) {
	open, size := utf8.DecodeRuneInString(s)
	closing, isQuote := closeQuote[open]
	if !isQuote {
		return "", "", false
	}
	body := s[size:]
	cut := -1
	for i, c := range body {
		if c != closing {
			continue
		}
		after := body[i+utf8.RuneLen(c):]
		if becauseRe.MatchString(after) || strings.TrimSpace(strings.TrimLeft(after, ".,;: ")) == "" {
			cut = i
			break
		}
		if cut < 0 {
			cut = i // the first close, if no better one follows
		}
	}
	if cut < 0 {
		return "", "", false
	}
	return strings.TrimSpace(body[:cut]), body[cut+utf8.RuneLen(closing):], true
}

// prosCons reads one option's part of Pros and Cons of the Options: its
// description and its "Good, because", "Bad, because" and "Neutral,
// because" points. A heading naming no considered option adds one.
func (w *mdWalk) prosCons(s *section) {
	d := w.r.d
	name := s.title
	if m := optionNum.FindStringSubmatch(name); m != nil && matchOption(d.Options, name) < 0 {
		name = m[1]
	}
	k := matchOption(d.Options, name)
	if k < 0 && len(d.Options) >= maxMarkdownItems {
		return
	}
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
