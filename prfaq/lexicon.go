package prfaq

import "strings"

// wflag marks the roles a word plays in the prose rules. One map lookup per
// word gives all of them.
type wflag uint32

const (
	fBe          wflag = 1 << iota // a form of "to be" that can start a passive
	fParticiple                    // an irregular past participle
	fAdjective                     // an -ed word that is an adjective after "be"
	fNotAdverb                     // an -ly word that is not an adverb
	fGap                           // may stand between "be" and the participle
	fComparative                   // a comparative that wants a number
	fMoreLess                      // "more"/"less": comparative before an adjective
	fNumber                        // a number written as a word
	fAbbrev                        // an abbreviation whose period ends no sentence
	fRepeatOK                      // may be doubled ("had had", "that that")
	fStop                          // a function word, ignored when matching the customer
	fFuture                        // future tense: will, shall, won't
	fNoBefore                      // "no"/"any": "no longer" is no comparative
	fAlternative                   // names or points at what customers do today
	fDeterminer                    // "the", "our": "the most" is a superlative, not a vague quantity
	fClauseLink                    // "that", "whether", "to": ends an empty "it is ..." opener
)

// entry is what the lexicon knows about one lower-case word.
type entry struct {
	flags wflag
	// rule is the single-word rule the word triggers, or noRule.
	rule ruleID
	// suggest is the shorter or plainer word, for wordy words.
	suggest string
	// syllables overrides the counting rules when non-zero.
	syllables int8
	// phrases are the multi-word phrases that end with this word.
	phrases []int32
}

const noRule ruleID = 255

// phrase is a multi-word pattern, matched on whole words, case-insensitively.
type phrase struct {
	words   []string
	rule    ruleID
	suggest string
}

var (
	lexicon map[string]*entry
	phrases []phrase
)

func get(w string) *entry {
	e := lexicon[w]
	if e == nil {
		e = &entry{rule: noRule}
		lexicon[w] = e
	}
	return e
}

func mark(f wflag, words string) {
	for _, w := range strings.Fields(words) {
		get(w).flags |= f
	}
}

func ruleWords(r ruleID, words string) {
	for _, w := range strings.Fields(words) {
		get(w).rule = r
	}
}

// addPhrases reads "phrase => suggestion" lines; a single word becomes a
// single-word rule.
func addPhrases(r ruleID, lines string) {
	for _, line := range strings.Split(lines, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		pat, sug, _ := strings.Cut(line, "=>")
		ws := strings.Fields(pat)
		sug = strings.TrimSpace(sug)
		if len(ws) == 1 {
			e := get(ws[0])
			e.rule, e.suggest = r, sug
			continue
		}
		phrases = append(phrases, phrase{words: ws, rule: r, suggest: sug})
		last := get(ws[len(ws)-1])
		last.phrases = append(last.phrases, int32(len(phrases)-1))
	}
}

// maxPhraseWords bounds the look-back ring of the scanner.
const maxPhraseWords = 8

func init() {
	lexicon = make(map[string]*entry, 1024)

	mark(fBe, `am is are was were be been being isn't aren't wasn't weren't it's that's there's he's she's what's who's
		i'm we're you're they're`)
	mark(fGap, `not also never always often still just already then now being been usually all both fully n't very well so too
		quite much even further yet no longer first later ever each again thus therefore once seldom sometimes mostly
		only`)
	mark(fParticiple, `built done given made known shown taken seen written sent held found kept left led paid sold told
		brought bought caught taught thought set put cut hit begun broken chosen driven eaten fallen forgotten frozen
		gotten hidden ridden risen spoken stolen sworn thrown woken worn drawn grown flown blown born borne torn beaten
		bitten bound dealt dug fed felt fought heard hung hurt laid lent lost meant met overcome proven quit sought shot
		shut spent spun split spread stuck struck stung swept understood undertaken upheld withdrawn won wound forbidden
		forgiven mistaken shaken undone rewritten rebuilt redone overseen overtaken run become sung sunk drunk rung
		stricken sewn shorn sown swollen slain hewn mown outdone outgrown misled mislaid misunderstood overdone
		overridden overthrown underpaid undersold uploaded downloaded read said let fed cast broadcast forecast reset
		rerun withheld foreseen overheard learnt burnt spelt spilt dreamt lit bent bled beset bid bidden awoken clung
		flung slung strung wrung sprung shrunk stunk spat rethought rewound unwound outsourced offset`)
	mark(fAdjective, `tired interested excited bored pleased worried concerned married supposed scared surprised qualified
		experienced advanced complicated sophisticated talented determined crowded skilled ashamed annoyed
		amazed confused delighted disappointed embarrassed exhausted frightened satisfied committed dedicated focused
		motivated thrilled relaxed stressed overwhelmed prepared indeed hundred need speed seed feed bed shed sacred
		naked wicked beloved rugged ragged jagged crooked aged red fed-up unprecedented unlimited unexpected
		unrelated unmatched unsupported unauthorized unparalleled frustrated irritated puzzled shocked stunned
		relieved convinced`)
	mark(fNotAdverb, `only family early daily weekly monthly yearly hourly quarterly friendly lovely likely unlikely lonely
		costly timely orderly elderly ugly holy silly july italy ally rally tally belly jelly bully lily reply apply supply
		comply imply rely multiply fly butterfly assembly anomaly homely lively deadly curly burly chilly hilly oily
		scholarly worldly manly kindly bodily leisurely nightly ply reapply`)
	mark(fComparative, `better faster cheaper easier simpler quicker lower higher greater bigger smaller larger fewer shorter
		longer safer smarter stronger cleaner clearer sooner slower harder richer lighter happier quieter busier healthier
		newer wider deeper tighter smoother calmer warmer sharper leaner`)
	mark(fMoreLess, "more less")
	mark(fNoBefore, "no any")
	mark(fDeterminer, "the a an our their its your his her my this that these those for")
	mark(fClauseLink, "that whether to how why if when")
	mark(fAlternative, `today todays today's currently instead unlike compared comparison than rather replaces replace
		replaced replacing without alternative alternatives existing previously formerly versus vs manual manually
		spreadsheet spreadsheets status-quo`)
	mark(fNumber, `zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
		seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million
		billion trillion half twice double triple quarter percent dozen`)
	// Titles and Latin abbreviations never end a sentence; "etc." and "Inc."
	// may, and follow the general rule.
	mark(fAbbrev, "e.g i.e mr mrs ms dr st vs jr sr approx fig al cf u.s u.k a.m p.m jan feb aug sept oct nov dec dept")
	mark(fRepeatOK, "had that")
	mark(fFuture, "will shall won't we'll you'll they'll it'll i'll")
	mark(fStop, `a an the and or of for to in on at by with from who that which whose whom their they them his her its
		our we you your are is be who's people person customer customers user users anyone everyone someone
		want wants need needs like who like small large new using use uses today who`)

	ruleWords(rWeasel, `many various very fairly several extremely exceedingly quite remarkably few surprisingly mostly
		largely huge tiny excellent interestingly significantly substantially significant substantial clearly vast
		relatively completely literally basically essentially virtually really nearly almost numerous countless
		often usually generally typically frequently sometimes rarely lots tons plenty obviously considerable considerably
		enormous massive greatly vastly stuff things most`)
	// Adverbs without -ly that soften or pad a sentence.
	ruleWords(rAdverb, "just")
	ruleWords(rHype, `revolutionary game-changing game-changer best-in-class world-class cutting-edge seamless seamlessly
		innovative groundbreaking disruptive amazing incredible unparalleled unprecedented next-generation next-gen
		state-of-the-art industry-leading market-leading best-of-breed robust powerful magical awesome stunning
		ultimate perfect perfectly effortless effortlessly blazing lightning-fast breakthrough transformative synergy
		synergies paradigm world-leading first-class unmatched unrivaled unrivalled supercharge supercharged
		turnkey frictionless bleeding-edge mind-blowing`)
	ruleWords(rHedging, `may might could perhaps possibly probably maybe hopefully seemingly somewhat arguably presumably
		supposedly apparently potentially conceivably likely unlikely`)
	addPhrases(rHedging, `
		i think
		we think
		i believe
		we believe
		i feel
		we feel
		it seems
		seems to
		appears to
		sort of
		kind of
		to some extent
		more or less
		in my opinion
		we hope
		i hope
		we expect
		tends to
		as far as we know`)
	addPhrases(rHype, `
		state of the art
		best in class
		world class
		cutting edge
		bleeding edge
		next generation
		game changer
		industry leading
		low-hanging fruit
		move the needle
		think outside the box
		paradigm shift
		win-win
		best of breed
		at the end of the day
		circle back
		touch base
		boil the ocean
		best of both worlds
		level playing field
		level the playing field
		in a nutshell
		needle in a haystack
		tip of the iceberg
		elephant in the room
		push the envelope
		hit the ground running
		perfect storm
		back to square one
		ahead of the curve
		par for the course
		few and far between
		last but not least
		crystal clear
		blessing in disguise
		writing on the wall
		go the extra mile
		going the extra mile
		silver bullet
		to the next level
		double-edged sword
		in the same boat
		ball is in your court
		on the same page
		drink from the firehose
		drinking from a firehose
		secret sauce
		holy grail
		no-brainer
		no brainer
		wake-up call
		bang for the buck
		bang for your buck
		take it to the next level
		think outside of the box
		outside the box
		thinking outside the box
		one-stop shop
		one stop shop
		game changing
		raise the roof
		open the floodgates
		slippery slope
		a whole new level
		all hands on deck
		a drop in the bucket
		low hanging fruit
		hit the nail on the head
		the icing on the cake
		at this point in the game
		easier said than done
		only time will tell
		when all is said and done
		cream of the crop
		a step in the right direction
		a breath of fresh air`)
	addPhrases(rWeasel, `
		most customers
		most users
		most people
		most of the
		some customers
		some users
		some people
		some of the
		nearly all
		almost all
		the vast majority
		a handful of
		a wide range of
		a wide variety of
		in most cases
		for the most part
		a significant number
		a lot
		lots of
		a number of => a number: how many?
		a great deal
		a bit
		a little bit
		it is believed
		it is widely believed
		widely believed
		it is said
		it is thought
		it is generally accepted
		studies show
		research shows
		experts agree
		experts say
		some say
		many believe
		some would say`)
	addPhrases(rWordy, `
		in order to => to
		in order for => for
		due to the fact that => because
		owing to the fact that => because
		in light of the fact that => because
		despite the fact that => although
		in spite of the fact that => although
		at this point in time => now
		at the present time => now
		at this time => now
		in the event that => if
		a large number of => many, or the number
		the majority of => most, or the share
		has the ability to => can
		have the ability to => can
		is able to => can
		are able to => can
		for the purpose of => to, or for
		with regard to => about
		with respect to => about
		in regard to => about
		in regards to => about
		prior to => before
		subsequent to => after
		in the near future => soon, or the date
		on a daily basis => daily
		on a weekly basis => weekly
		on a regular basis => regularly
		make a decision => decide
		take into consideration => consider
		in close proximity to => near
		whether or not => whether
		each and every => every, or each
		first and foremost => first
		until such time as => until
		it is important to note that => (delete it)
		in terms of => in, for or about
		at all times => always
		in the process of => (delete it)
		as a means of => to
		on the basis of => by, or from
		with the exception of => except
		in excess of => more than
		end result => result
		past history => history
		future plans => plans
		close proximity => near
		basic fundamentals => fundamentals
		absolutely essential => essential
		utilize => use
		utilise => use
		utilizes => uses
		utilization => use
		facilitate => help
		facilitates => helps
		commence => start
		commences => starts
		endeavor => try
		ascertain => find out
		approximately => about
		individuals => people
		assist => help
		assistance => help
		demonstrate => show
		initiate => start
		terminate => end
		sufficient => enough
		obtain => get
		regarding => about
		in addition to => besides
		a majority of => most, or the share
		leverage => use
		leverages => uses
		leveraging => using
		going forward => (delete it), or the date
		it should be noted that => (delete it)
		needless to say => (delete it)
		in the context of => in
		on an ongoing basis => (delete it)
		adjacent to => next to
		aforementioned => (name it again)
		a total of => (delete it)
		commence => start
		comply with => follow
		constitutes => is
		expedite => speed up
		finalize => finish
		for the reason that => because
		in accordance with => under, or by
		in an effort to => to
		in lieu of => instead of
		in the amount of => for
		notwithstanding => despite
		optimum => best
		procure => buy
		remainder => rest
		reside => live
		subsequently => later
		thereby => so, or by this
		transmit => send
		has the capacity to => can
		a sufficient number of => enough
		in a timely manner => on time, or the date
		at an early date => soon, or the date
		it is recommended that => we recommend
		the fact that => that
		is indicative of => shows
		in the absence of => without
		in conjunction with => with
		on behalf of => for
		in the vicinity of => near
		by means of => by
		for the duration of => during
		during the course of => during
		along the lines of => like
		as a result of => because of
		as of yet => yet
		at that point in time => then
		is in a position to => can
		are in a position to => can
		the reason why is that => because
		the reason is because => because
		very unique => unique
		completely eliminate => eliminate
		advance planning => planning
		collaborate together => collaborate
		combine together => combine
		join together => join
		merge together => merge
		revert back => revert
		return back => return
		repeat again => repeat
		new innovation => innovation
		added bonus => bonus
		final outcome => outcome
		unexpected surprise => surprise
		free gift => gift
		general consensus => consensus
		consensus of opinion => consensus
		each individual => each
		personal opinion => opinion
		true facts => facts
		plan ahead => plan
		still remains => remains
		first began => began
		brief summary => summary
		current status => status
		period of time => period, or time
		sum total => total
		a period of => (delete it)
		in a manner that => so that
		due to the fact => because
		in most instances => usually, or the share
		it is clear that => (delete it)
		it is obvious that => (delete it)
		it goes without saying => (delete it)
		what I mean to say is => (delete it)
		the question as to whether => whether
		as to whether => whether
		has been shown to => (say who showed it)
		serves to => (delete it)
		in the course of => during
		at the same time that => while
		various different => various, or the number`)
	addPhrases(rFuture, `
		going to => (write it as done)
		plan to => (write it as done)
		plans to => (write it as done)
		intend to => (write it as done)
		intends to => (write it as done)
		aim to => (write it as done)
		aims to => (write it as done)
		coming soon => (write it as launched)`)

	for w, n := range syllableExceptions {
		get(w).syllables = n
	}
	// Every lexicon word carries its syllable count, so the scanner's one
	// lookup per word serves readability too.
	buildTable()
	for w, e := range lexicon {
		if e.syllables == 0 {
			e.syllables = int8(syllables([]byte(w), true))
		}
	}
}

// syllableExceptions are words the counting rules get wrong, counted by
// hand against a dictionary's hyphenation.
var syllableExceptions = map[string]int8{
	"people": 2, "warehouse": 2, "warehouses": 3, "soldier": 2, "soldiers": 2, "frontier": 2, "cashier": 2, "use": 1, "uses": 2, "used": 1, "quietly": 3, "quieter": 3, "quietest": 3, "every": 2, "everyone": 3, "everything": 3, "everybody": 4, "everywhere": 3, "anyone": 3,
	"business": 2, "businesses": 3, "science": 2, "quiet": 2, "create": 2, "created": 3, "creates": 2, "creating": 3,
	"creation": 3, "idea": 3, "ideas": 3, "area": 3, "areas": 3, "really": 2, "poem": 2, "poet": 2, "lion": 2,
	"diet": 2, "via": 2, "video": 3, "videos": 3, "radio": 3, "ratio": 3, "period": 3, "serious": 3,
	"experience": 4, "experiences": 5, "audience": 3, "reality": 4, "react": 2, "reuse": 2, "preview": 2,
	"previous": 3, "cooperate": 4, "coordinate": 4, "theory": 3, "queue": 1, "once": 1, "aisle": 1, "island": 2,
	"wednesday": 2, "maybe": 2, "recipe": 3, "being": 2, "seeing": 2, "going": 2, "doing": 2, "someone": 2,
	"something": 2, "sometimes": 2, "somewhere": 2, "somehow": 2, "whenever": 3, "however": 3, "therefore": 2,
	"homework": 2, "lifetime": 2, "timeline": 2, "timelines": 2, "database": 3, "databases": 4, "baseline": 2,
	"statement": 2, "statements": 2, "management": 3, "movement": 2, "requirement": 3, "requirements": 3,
	"agreement": 3, "measurement": 3, "achievement": 3, "replacement": 3, "engagement": 3, "improvement": 3,
	"improvements": 3, "element": 3, "elements": 3, "likely": 2, "lately": 2, "namely": 2, "completely": 3,
	"immediately": 5, "entirely": 3, "extremely": 3, "definitely": 4, "safely": 2, "wireless": 2, "careful": 2,
	"useful": 2, "hopeful": 2, "online": 2, "inside": 2, "outside": 2, "website": 2, "websites": 2, "smartphone": 2,
	"iphone": 2, "google": 2, "amazon": 3, "evening": 2, "interesting": 3, "different": 3, "favorite": 3,
	"chocolate": 2, "camera": 3, "general": 3, "several": 3, "natural": 3, "actual": 3, "actually": 4,
	"usual": 3, "usually": 4, "gradual": 3, "individual": 5, "individuals": 5, "annual": 3, "manual": 3,
	"casual": 3, "visual": 3, "visuals": 3, "situation": 4, "evaluate": 4, "february": 4, "january": 4,
	"ocean": 2, "naive": 2, "whole": 1, "eye": 1, "eyes": 1, "fire": 1, "hire": 1, "hour": 1, "hours": 1,
	"our": 1, "ours": 1, "are": 1, "were": 1, "where": 1, "there": 1, "here": 1, "one": 1, "ones": 1, "done": 1,
	"gone": 1, "none": 1, "come": 1, "some": 1, "give": 1, "live": 1, "have": 1, "lives": 1, "gives": 1,
	"geography": 4, "neon": 2, "pioneer": 3, "science's": 2, "client": 2, "clients": 2, "quiet's": 2,
	"society": 4, "variety": 4, "anxiety": 4, "piano": 3, "violin": 3, "biology": 4, "diagram": 3, "diagrams": 3,
	"dialog": 3, "dialogue": 3, "science-based": 3, "reinvent": 3, "reinvented": 4, "reenter": 3, "deploy": 2,
	"minute": 2, "minutes": 2, "sandwiches": 3, "orange": 2, "vehicle": 3, "vehicles": 3, "simile": 3,
	"apostrophe": 4, "cafe": 2, "adobe": 3, "acre": 2, "acres": 2, "centre": 2, "theatre": 3, "fuel": 2,
	"jewel": 2, "real": 1, "familiar": 3, "peculiar": 3, "toward": 2, "towards": 2, "forward": 2, "business's": 3,
}

// The scanner looks words up in an open-addressing table rather than the
// map: the hash is computed while the word is lower-cased, in the same pass,
// so a lookup is one probe and one comparison in the common case.
type slot struct {
	key string
	e   *entry
}

var (
	table     []slot
	tableMask uint32
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func hashOf(b []byte) uint32 {
	h := uint32(fnvOffset)
	for _, c := range b {
		h = (h ^ uint32(c)) * fnvPrime
	}
	return h
}

// buildTable indexes the lexicon; called once at init, after the lexicon
// is complete.
func buildTable() {
	size := 1
	for size < 4*len(lexicon) {
		size <<= 1
	}
	table = make([]slot, size)
	tableMask = uint32(size - 1)
	for w, e := range lexicon {
		i := hashOf([]byte(w)) & tableMask
		for table[i].e != nil {
			i = (i + 1) & tableMask
		}
		table[i] = slot{w, e}
	}
}

// lexLookup returns the lexicon entry of the lower-case word w with hash h,
// or nil.
func lexLookup(w []byte, h uint32) *entry {
	for i := h & tableMask; ; i = (i + 1) & tableMask {
		s := &table[i]
		if s.e == nil {
			return nil
		}
		if s.key == string(w) {
			return s.e
		}
	}
}
