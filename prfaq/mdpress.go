package prfaq

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/dayone-go/mechanisms/internal/civil"
)

const (
	monthRe = `(?i:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?`
	dateRe  = `(?:` + monthRe + `\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+` + monthRe + `,?\s+\d{4}|\d{4}-\d{2}-\d{2}|` + monthRe + `\s+\d{4}|\[[^\]\n]{1,40}\])`
	sepRe   = `(?:\s*[—–―]\s*|\s+--?\s+|\s*--\s*)`
	// datelineDashes are the characters one of which sepRe needs.
	datelineDashes = "-—–―"
	// wireRe is a newswire's tag after the city: "SEATTLE, WA – (Business
	// Wire) – March 3, 2027 –".
	wireRe = `(?:\s*[—–―-]+)?\s*\([^)\n]{1,40}\)`
)

var (
	// datelineCityDate: "SEATTLE, WA — March 3, 2027 —", "Leeds, 1 March
	// 2027 –", "[CITY] — [DATE] —".
	datelineCityDate = regexp.MustCompile(`^\s*([^\n—–―]{1,80}?)(?:` + wireRe + `)?(?:` + sepRe + `|,\s+|\s+)(` + dateRe + `)` + sepRe)
	// datelineDate: "March 3, 2027 —" with no city.
	datelineDate = regexp.MustCompile(`^\s*(` + dateRe + `)` + sepRe)
	// datelineCity: "SEATTLE, WA —" with no date; the city in capitals.
	datelineCity = regexp.MustCompile(`^\s*([A-Z][A-Z0-9 .,'’&()/-]{1,60}?|\[[^\]\n]{1,40}\])` + sepRe)
	// datelineTown: "Saint Paul, MN —", a town in ordinary capitals
	// with its state's or country's code, and no date.
	datelineTown = regexp.MustCompile(`^\s*(\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,3},\s+[A-Z]{2,3})` + sepRe)
	placeholder  = regexp.MustCompile(`^\[[^\]]*\]$|^(?i:city|date|tbd|tbc|xx+)$`)
)

// dateline is where a dateline stands in a paragraph's text.
type dateline struct {
	cityStart, cityEnd int // the city, empty for none or a placeholder
	date               Date
	dateStart, dateEnd int
	end                int // where the summary starts
}

// parseDateline reads the dateline opening s; ok is false when s opens
// with none.
func parseDateline(s string) (dateline, bool) {
	var dl dateline
	if !strings.ContainsAny(s, datelineDashes) {
		// Every dateline pattern ends in sepRe, a dash. Most paragraphs
		// have none, and the patterns are the costliest part of telling
		// a PR/FAQ from other Markdown.
		return dl, false
	}
	if m := datelineCityDate.FindStringSubmatchIndex(s); m != nil {
		city := strings.TrimRight(s[m[2]:m[3]], " ,")
		if !strings.ContainsAny(city, "\"“”.!?") || strings.Count(city, ".") <= 2 && !strings.ContainsAny(city, "\"“”!?") {
			dl.cityStart, dl.cityEnd = m[2], m[2]+len(city)
			dl.dateStart, dl.dateEnd, dl.end = m[4], m[5], m[1]
			dl.date = dateOf(s[m[4]:m[5]])
			if placeholder.MatchString(strings.TrimSpace(city)) {
				dl.cityEnd = dl.cityStart
			}
			return dl, true
		}
	}
	if m := datelineDate.FindStringSubmatchIndex(s); m != nil {
		dl.dateStart, dl.dateEnd, dl.end = m[2], m[3], m[1]
		dl.date = dateOf(s[m[2]:m[3]])
		return dl, true
	}
	if m := datelineCity.FindStringSubmatchIndex(s); m != nil {
		city := strings.TrimRight(s[m[2]:m[3]], " ,")
		letters, upper := 0, true
		for _, r := range city {
			if unicode.IsLetter(r) {
				letters++
				upper = upper && unicode.IsUpper(r)
			}
		}
		switch {
		case placeholder.MatchString(city):
			dl.end = m[1]
			return dl, true
		case letters >= 3 && upper:
			dl.cityStart, dl.cityEnd, dl.end = m[2], m[2]+len(city), m[1]
			return dl, true
		}
	}
	if m := datelineTown.FindStringSubmatchIndex(s); m != nil {
		dl.cityStart, dl.cityEnd, dl.end = m[2], m[3], m[1]
		return dl, true
	}
	return dl, false
}

var (
	ordinal = regexp.MustCompile(`(\d)(?:st|nd|rd|th)\b`)
	sept    = regexp.MustCompile(`\bSept\b`)
)

// dateOf reads "March 3, 2027", "3 March 2027", "Mar. 3rd, 2027" or
// "2027-03-03"; a placeholder or an impossible date gives the zero Date.
func dateOf(s string) Date {
	s = ordinal.ReplaceAllString(s, "$1")
	s = strings.NewReplacer(",", " ", ".", " ").Replace(s)
	s = sept.ReplaceAllString(s, "Sep")
	s = strings.Join(strings.Fields(s), " ")
	for _, layout := range []string{"January 2 2006", "Jan 2 2006", "2 January 2006", "2 Jan 2006", "2006-01-02", "January 2006", "Jan 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return civil.DateOf(t)
		}
	}
	return Date{}
}

var (
	quoteSpan  = regexp.MustCompile(`[“"]([^“”"]+)[”"]`)
	saidVerb   = `(?:said|says|explained|explains|added|adds|noted|notes|commented|comments|shared|shares|remarked|according to)`
	nameRe     = `((?:Dr\.? |Mr\.? |Ms\.? |Mrs\.? )?[\p{Lu}][\p{L}'’.-]+(?: [\p{Lu}][\p{L}'’.-]+){1,3})`
	roleRe     = `(?:,\s*([^\n\x00]{2,200}?))?\s*(?:[.!]|,?\s*\x00|$)`
	saidName   = regexp.MustCompile(`\b` + saidVerb + `\s+` + nameRe + roleRe)
	nameSaid   = regexp.MustCompile(nameRe + `(?:,\s*([^\n\x00]{2,200}?),)?\s+` + saidVerb + `\b`)
	dashName   = regexp.MustCompile(`\x00\s*(?:—|–|―|--?)\s*` + nameRe + roleRe)
	wordsInRun = regexp.MustCompile(`\S+`)
)

// quoteParagraph reads a paragraph that quotes a person: "“…,” said Jane
// Doe, VP of Payments." or "Jane Doe, VP of Payments, said: “…”" or "“…” —
// Jane Doe, VP of Payments". The quoted words must be most of the paragraph.
func quoteParagraph(t mdText) (*mdQuote, bool) {
	if !bytes.ContainsAny(t.b, "\"“") {
		return nil, false // most paragraphs quote no one
	}
	s := t.String()
	spans := quoteSpan.FindAllStringSubmatchIndex(s, -1)
	if len(spans) == 0 {
		return nil, false
	}
	quoted, words := 0, 0
	mask := []byte(s)
	for _, sp := range spans {
		quoted += sp[1] - sp[0]
		words += len(wordsInRun.FindAllStringIndex(s[sp[2]:sp[3]], -1))
		for i := sp[0]; i < sp[1]; i++ {
			mask[i] = 0
		}
	}
	if words < 4 || quoted*10 < len(s)*4 {
		return nil, false
	}
	for i, c := range mask {
		if c == '\n' {
			mask[i] = ' ' // a name or a role may wrap
		}
	}
	ms := string(mask)
	var m []int
	for _, re := range []*regexp.Regexp{saidName, nameSaid, dashName} {
		if m = re.FindStringSubmatchIndex(ms); m != nil {
			break
		}
	}
	if m == nil {
		return nil, false
	}
	q := &mdQuote{speaker: t.slice(m[2], m[3])}
	if m[4] >= 0 {
		r := t.slice(m[4], m[5])
		q.role = r.trim()
		q.role = trimRight(q.role, " ,:;")
	}
	for _, sp := range spans {
		part := t.slice(sp[2], sp[3])
		part = part.trim()
		q.text.join(" ", part)
		// "…each week," said X: the comma stands for the period that
		// ends what was said.
		if n := len(q.text.b); n > 0 && q.text.b[n-1] == ',' {
			q.text.b[n-1] = '.'
		}
	}
	flat(&q.speaker)
	flat(&q.role)
	return q, true
}

// flat puts a one-line field that wrapped in the source on one line.
func flat(t *mdText) {
	for i, c := range t.b {
		if c == '\n' {
			t.b[i] = ' '
		}
	}
}

// trimRight drops trailing bytes in cut.
func trimRight(t mdText, cut string) mdText {
	s := string(t.b)
	return t.slice(0, len(strings.TrimRight(s, cut)))
}

var (
	leaderRole = regexp.MustCompile(`(?i)\b(ceo|cto|cfo|coo|cpo|vp|svp|evp|vice president|president|founder|co-founder|head|director|general manager|gm|chief|lead|leader|manager|spokesperson|engineering|product)\b`)
	// A role written with an article ("a florist in Bath") describes a
	// person, as a customer quote does; a leader's role is a title.
	customerRole = regexp.MustCompile(`(?i)^\s*an?\s|\b(customer|owner|user|parent|teacher|student|shopper|member|nurse|driver|resident|patient|buyer|reader|subscriber|developer|mother|father|freelancer|farmer|runs?)\b`)
	ctaWords     = regexp.MustCompile(`(?i)\b(visit|sign up|learn more|go to|download|start (?:a|your)|try it|to learn|contact us|order|join|available (?:today|now)|get started at)\b|\b\w+\.(?:com|example|org|io|net|co|app|dev)\b`)
)

// finishPress assigns the press release's blocks to fields.
func (p *mdParser) finishPress() {
	explicit := false
	for _, it := range p.press {
		explicit = explicit || it.marker != ""
	}
	if explicit {
		p.assignMarked()
		return
	}
	var before, tail []prItem
	var quotes []*mdQuote
	var between []prItem
	for _, it := range p.press {
		switch {
		case it.quote != nil:
			quotes = append(quotes, it.quote)
			between = append(between, tail...)
			tail = nil
		case len(quotes) == 0:
			before = append(before, it)
		default:
			tail = append(tail, it)
		}
	}
	pr := &p.d.PressRelease
	// A one-sentence paragraph between the headline and the dateline is
	// the subheadline, written without italics.
	if len(before) >= 2 && pr.Subheadline == "" && pr.Headline != "" {
		_, first := parseDateline(before[0].t.String())
		_, second := parseDateline(before[1].t.String())
		if !first && second && len(before[0].t.b) < 300 && Readability(before[0].t.String()).Sentences <= 1 {
			p.set("/pressRelease/subheadline", &pr.Subheadline, before[0].t)
			before = before[1:]
		}
	}
	if len(before) > 0 {
		p.summary(before[0].t)
		before = before[1:]
	}
	if len(before) > 0 {
		p.set("/pressRelease/problem", &pr.Problem, before[0].t)
		before = before[1:]
	}
	solution := append(before, between...)
	if len(quotes) == 0 {
		// With no quotes to mark where the solution ends, the closing
		// paragraphs are known by their words.
		solution, tail = splitTail(solution)
	}
	for _, it := range solution {
		p.solution(it.t, true)
	}
	switch {
	case len(tail) == 1 && ctaWords.Match(tail[0].t.b) && len(strings.Fields(tail[0].t.String())) < 60:
		p.set("/pressRelease/callToAction", &pr.CallToAction, tail[0].t)
	case len(tail) >= 1:
		var gs mdText
		n := len(tail)
		if n > 1 {
			n--
			p.set("/pressRelease/callToAction", &pr.CallToAction, tail[n].t)
		}
		for _, it := range tail[:n] {
			gs.join("\n\n", it.t)
		}
		p.set("/pressRelease/gettingStarted", &pr.GettingStarted, gs)
	}
	if len(quotes) > 0 {
		p.found = true
	}
	leader, customer := -1, -1
	switch {
	case len(quotes) == 1:
		if customerRole.Match(quotes[0].role.b) && !leaderRole.Match(quotes[0].role.b) {
			customer = 0
		} else {
			leader = 0
		}
	case len(quotes) >= 2:
		leader, customer = 0, 1
		if customerRole.Match(quotes[0].role.b) && !leaderRole.Match(quotes[0].role.b) && leaderRole.Match(quotes[1].role.b) {
			leader, customer = 1, 0
		}
	}
	if leader >= 0 {
		p.quote("/pressRelease/leaderQuote", &pr.LeaderQuote, quotes[leader])
	}
	if customer >= 0 {
		p.quote("/pressRelease/customerQuote", &pr.CustomerQuote, quotes[customer])
	}
}

// splitTail finds the getting-started and call-to-action paragraphs at the
// end of a press release without quotes.
func splitTail(items []prItem) (body, tail []prItem) {
	n := len(items)
	if n >= 2 && ctaWords.Match(items[n-1].t.b) {
		return items[:n-1], items[n-1:]
	}
	return items, nil
}

func (p *mdParser) solution(t mdText, fresh bool) {
	pr := &p.d.PressRelease
	if fresh || len(pr.Solution) == 0 {
		pr.Solution = append(pr.Solution, "")
		p.m.fields["/pressRelease/solution/"+strconv.Itoa(len(pr.Solution)-1)] = &mdText{}
	}
	i := len(pr.Solution) - 1
	ptr := "/pressRelease/solution/" + strconv.Itoa(i)
	cur := p.m.fields[ptr]
	cur.join("\n\n", t)
	pr.Solution[i] = cur.String()
}

// summary reads the dateline off the first paragraph; the rest is the
// summary.
func (p *mdParser) summary(t mdText) {
	pr := &p.d.PressRelease
	if p.dateline != nil && pr.Dateline == (Dateline{}) {
		// The dateline stood alone on its line: read it as if it opened
		// the summary.
		d := *p.dateline
		p.dateline = nil
		if dl, ok := parseDateline(d.String() + " —"); ok {
			p.setDateline(d, dl)
		}
	}
	if pr.Summary == "" && pr.Dateline == (Dateline{}) && p.m.sections["/pressRelease/dateline"] == 0 {
		if dl, ok := parseDateline(t.String()); ok {
			p.setDateline(t, dl)
			t = t.slice(dl.end, len(t.b))
			t = t.trim()
		}
	}
	cur := p.m.fields["/pressRelease/summary"]
	if cur == nil {
		cur = &mdText{}
		p.m.fields["/pressRelease/summary"] = cur
	}
	cur.join("\n\n", t)
	pr.Summary = cur.String()
}

// setDateline stores the dateline dl read from t, with its places.
func (p *mdParser) setDateline(t mdText, dl dateline) {
	pr := &p.d.PressRelease
	p.found = true
	p.m.sections["/pressRelease/dateline"] = t.src(dl.cityStart)
	if dl.cityEnd > dl.cityStart {
		p.set("/pressRelease/dateline/city", &pr.Dateline.City, t.slice(dl.cityStart, dl.cityEnd))
	}
	if dl.dateEnd > dl.dateStart {
		p.m.sections["/pressRelease/dateline/launchDate"] = t.src(dl.dateStart)
	}
	pr.Dateline.LaunchDate = dl.date
}

func (p *mdParser) quote(ptr string, q *Quote, mq *mdQuote) {
	p.set(ptr+"/text", &q.Text, mq.text)
	if len(mq.speaker.b) > 0 {
		p.set(ptr+"/speaker", &q.Speaker, mq.speaker)
	}
	if len(mq.role.b) > 0 {
		p.set(ptr+"/role", &q.Role, mq.role)
	}
}

// appendField adds t to a text field as a further paragraph.
func (p *mdParser) appendField(ptr string, field *string, t mdText) {
	cur := p.m.fields[ptr]
	if cur == nil {
		cur = &mdText{}
		p.m.fields[ptr] = cur
	}
	cur.join("\n\n", t)
	*field = cur.String()
}

// assignMarked assigns blocks by the <!-- prfaq:FIELD --> comments before
// them.
func (p *mdParser) assignMarked() {
	pr := &p.d.PressRelease
	cur, fresh := "summary", true
	for _, it := range p.press {
		if len(it.t.b) == 0 && it.quote == nil {
			cur, fresh = it.marker, true
			continue
		}
		switch cur {
		case "summary":
			p.summary(it.t)
		case "problem":
			p.appendField("/pressRelease/problem", &pr.Problem, it.t)
		case "solution":
			p.solution(it.t, fresh)
		case "solution-each":
			p.solution(it.t, true)
		case "leader-quote", "customer-quote":
			q := it.quote
			if q == nil {
				q = &mdQuote{text: it.t}
			}
			p.found = true
			if cur == "leader-quote" {
				p.quote("/pressRelease/leaderQuote", &pr.LeaderQuote, q)
			} else {
				p.quote("/pressRelease/customerQuote", &pr.CustomerQuote, q)
			}
		case "getting-started":
			p.appendField("/pressRelease/gettingStarted", &pr.GettingStarted, it.t)
		case "call-to-action":
			p.appendField("/pressRelease/callToAction", &pr.CallToAction, it.t)
		}
		fresh = false
	}
}

// finish moves what was read into the document.
func (p *mdParser) finish() {
	if p.d.Title == "" && p.title != nil {
		p.set("/title", &p.d.Title, *p.title)
	}
	p.finishPress()
	p.finishFAQ()
}
