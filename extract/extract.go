// Package extract turns the text of a news article into facts about
// officials, their roles and their meetings, using a gazetteer. It is pure:
// text and a gazetteer in, facts out.
package extract

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/fact"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// Options tune an extraction.
type Options struct {
	// Closed turns off the discovery of officials the gazetteer does not
	// know (named beside a known title).
	Closed bool
	// Today, when set, is the day of the extraction: a date line more than
	// a year after it is taken for a typo, ignored, and reported in
	// Result.Warnings (the article's date then comes from its text).
	Today schema.Date
	// Matched asks for Result.Matched (curation); builds leave it off.
	Matched bool
}

// Extract reads one article. id names it (the file's base name).
func Extract(g *gazetteer.Gazetteer, id, text string, opt Options) *fact.Result {
	x := newDoc(g, id, text, opt)
	x.run()
	return x.result()
}

// doc is the state of one extraction.
type doc struct {
	g    *gazetteer.Gazetteer
	opt  Options
	id   string
	text string
	lay  layout
	toks []vntext.Token
	sc   gazetteer.Scan
	sent []sentence
	// per token: index of the sentence
	sentOf []int

	mentions []*mention
	// officials in order of first mention
	offs    []*gazetteer.Official
	offSeen map[*gazetteer.Official]*offInfo
	dates   [][]dateExpr // per sentence
	res     resolver
	meets   []*meeting
	holds   map[[2]string]int // (official, role) → sentence
	usedSen map[int]int       // sentence → index in Result.Sentences
	sents   []fact.Sentence

	nameAt   []int                         // per token: index of its name match, or -1
	titleEnd map[int]*gazetteer.TitleMatch // token end → title match ending there
	inTitle  []bool                        // per token: inside a title match
	prov     map[string]*gazetteer.Official
	warnings []string
	trigAt   []uint8 // per token: 1 a trigger starts here, 2 a non-direct one
	// reporting marks the tokens of triggers that reported a meeting.
	reporting map[int]bool
	// kinds are the ids of the gazetteer's kinds by their use.
	kinds kindUses
	// leadPlace is the place a lead sentence gives the meeting the next
	// sentences report ("Cuộc gặp diễn ra tại Tokyo"), and its sentence.
	leadPlace   string
	leadPlaceAt int
	// editions are the editions of recurring meetings the text names.
	editions []editionRef
	// sentSets index the report sentences of long-reported meetings
	// (hasSent).
	sentSets map[*meeting]*sentSet
	// roleHolders and stated index the mentions' roles (index.go).
	roleHolders *roleHolders
	stated      *statedIndex
}

// kindUses are the kind ids the extractor's rules need, by use; "" where
// the gazetteer has no kind of that use (the rule is then off).
type kindUses struct {
	def, call, mechanism, leaders string
}

type offInfo struct {
	forms     []string
	sentences []int
	titles    []string
}

// mention is an official named in the text.
type mention struct {
	off         *gazetteer.Official
	start, end  int // the name
	tstart      int // with its title, honorific or "người đồng cấp"
	sent        int
	title       *gazetteer.TitleMatch
	headRoles   []gazetteer.TitleRole // a bare generic title ("Thứ trưởng")
	countries   []string              // countries in or beside the title
	counterpart bool
	former      bool // "cựu", "cố": a title the official no longer holds
	elect       bool // "đắc cử": a title the official does not hold yet
	role        *gazetteer.Role
	coref       bool                    // a title standing for an official named elsewhere
	more        []*gazetteer.TitleMatch // earlier titles chained by "," or "kiêm"
}

func newDoc(g *gazetteer.Gazetteer, id, text string, opt Options) *doc {
	return &doc{g: g, id: id, text: text, opt: opt, offSeen: map[*gazetteer.Official]*offInfo{},
		holds: map[[2]string]int{}, usedSen: map[int]int{},
		kinds: kindUses{def: g.KindFor(gazetteer.KindDefault), call: g.KindFor(gazetteer.KindCall),
			mechanism: g.KindFor(gazetteer.KindMechanism), leaders: g.KindFor(gazetteer.KindLeaders)}}
}

func (x *doc) run() {
	x.lay = parseLayout(x.text)
	all := vntext.Tokenize(x.text[x.lay.body:])
	// Drop caption labels and shift offsets to the whole text.
	x.toks = all[:0]
	for _, t := range all {
		t.Start += x.lay.body
		t.End += x.lay.body
		if inRanges(t.Start, x.lay.skipRanges) {
			continue
		}
		x.toks = append(x.toks, t)
	}
	x.sent = splitSentences(x.text, x.toks)
	x.sentOf = make([]int, len(x.toks))
	for si, s := range x.sent {
		if x.toks[s.start].Start >= x.lay.furniture {
			x.sent[si].furniture = true
		}
		for i := s.start; i < s.end; i++ {
			x.sentOf[i] = si
		}
	}
	x.sc = x.g.Scan(x.toks)
	x.findMentions()
	x.findEditions()
	x.findDates()
	x.resolveRoles()
	x.titleOnlyMentions()
	x.findMeetings()
	x.settleKinds()
	x.assignTopics()
	x.settlePlaces()
}

func inRanges(p int, rs [][2]int) bool {
	for _, r := range rs {
		if p >= r[0] && p < r[1] {
			return true
		}
	}
	return false
}

// word returns the normalised token i, or "" out of range.
func (x *doc) word(i int) string {
	if i < 0 || i >= len(x.toks) {
		return ""
	}
	return x.toks[i].Norm
}

func (x *doc) wordsAre(i int, words ...string) bool {
	for k, w := range words {
		if x.word(i+k) != w {
			return false
		}
	}
	return true
}

// sentenceRef returns the index in Result.Sentences of sentence si.
func (x *doc) sentenceRef(si int) int {
	if k, ok := x.usedSen[si]; ok {
		return k
	}
	s := x.sent[si]
	start, end := x.toks[s.start].Start, x.toks[s.end-1].End
	k := len(x.sents)
	x.sents = append(x.sents, fact.Sentence{Start: start, End: end, Text: strings.TrimSpace(x.text[start:end])})
	x.usedSen[si] = k
	return k
}

// findDates collects date expressions per sentence and settles the
// article's date when there was no date line.
func (x *doc) findDates() {
	x.dates = make([][]dateExpr, len(x.sent))
	for si, s := range x.sent {
		x.dates[si] = findDates(x.toks, s.start, s.end)
	}
	if p := x.lay.published; !p.IsZero() && !x.opt.Today.IsZero() && schema.DaysBetween(x.opt.Today, p.First()) > 366 {
		x.warnings = append(x.warnings, fmt.Sprintf("date line %s is more than a year after today (%s); ignored", p, x.opt.Today))
		x.lay.published = schema.Date{}
	}
	x.res.published = x.lay.published
	if !x.res.published.IsZero() {
		return
	}
	// No date line: the year of the first full date in the body, and the
	// first day written in the body in that year.
	// The year: of the first full date (day, month and year), else of the
	// first month with a year, else the first year written.
	// A year must fit the tenures of the officials whose titles the
	// article gives ("years never go back decades": the 1982 of a treaty
	// named in passing is not the article's).
	win := x.tenureWindow()
	year := 0
	for pass := 0; pass < 3 && year == 0; pass++ {
		if pass == 1 {
			// A day written without a year near an edition the text names
			// ("Ngày 5/8" after "Hội nghị Ngoại trưởng ASEAN lần thứ 52"):
			// surer than a month or year written about another event.
			if year = x.yearFromEditions(win); year != 0 {
				break
			}
		}
		for si, ds := range x.dates {
			if x.sent[si].furniture || year != 0 {
				break
			}
			for _, e := range ds {
				if e.relative || e.y == 0 || pass == 0 && e.d == 0 || pass == 1 && e.m == 0 || !win.fitsYear(e.y) {
					continue
				}
				year = e.y
				break
			}
		}
	}
	if year == 0 {
		year = x.yearFromWindow(win)
	}
	if year == 0 {
		return
	}
	x.res.year = year
	// The first day in the body, or first a day that the text dates by
	// the day of writing ("Hôm qua 30/11": written the next day; "Sáng
	// nay 28-8": that day).
	for pass := 0; pass < 2; pass++ {
		for si, ds := range x.dates {
			if x.sent[si].furniture {
				break
			}
			for _, e := range ds {
				if e.relative || e.subordinate || e.spanStart || e.d == 0 || e.y != 0 && e.y != year {
					continue
				}
				shift, deictic := x.deicticBefore(e.start)
				if pass == 0 && !deictic {
					continue
				}
				if d, err := schema.MakeDate(year, e.m, e.d); err == nil {
					x.res.published = d.AddDays(shift)
					return
				}
			}
		}
	}
	for _, ds := range x.dates {
		for _, e := range ds {
			if !e.relative && e.y == year && e.m > 0 {
				x.res.published = schema.MonthDate(year, e.m)
				return
			}
		}
	}
	x.res.published = schema.YearDate(year)
}

func (x *doc) result() *fact.Result {
	r := &fact.Result{Article: x.id, Published: x.res.published, Warnings: x.warnings}
	r.Officials = make([]fact.Official, 0, len(x.offs))
	for _, o := range x.offs {
		info := x.offSeen[o]
		of := fact.Official{ID: o.ID, Name: o.Name, Country: o.Country, Provisional: o.Provisional, Forms: info.forms, Titles: info.titles}
		for _, si := range info.sentences {
			of.Sentences = append(of.Sentences, x.sentenceRef(si))
		}
		r.Officials = append(r.Officials, of)
	}
	keys := make([][2]string, 0, len(x.holds))
	for k := range x.holds {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if si, sj := x.holds[keys[i]], x.holds[keys[j]]; si != sj {
			return si < sj
		}
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	for _, k := range keys {
		r.Holds = append(r.Holds, fact.Hold{Official: k[0], Role: k[1], Sentence: x.sentenceRef(x.holds[k])})
	}
	for _, m := range x.meets {
		if m.absorbed || len(m.parts) < 2 {
			continue
		}
		mt := fact.Meeting{Status: m.status, Date: m.date, Kind: m.kind, Place: m.place}
		for _, o := range m.parts {
			mt.Participants = append(mt.Participants, o.ID)
		}
		sort.Strings(mt.Participants)
		for _, si := range m.sents {
			mt.Sentences = append(mt.Sentences, x.sentenceRef(si))
		}
		for _, t := range m.topics {
			mt.Topics = append(mt.Topics, fact.TopicRef{Topic: t.topic, Sentence: x.sentenceRef(t.sent)})
		}
		r.Meetings = append(r.Meetings, mt)
	}
	r.Sentences = x.sents
	if !x.opt.Matched {
		return r
	}
	seen := map[string]bool{}
	for _, n := range x.sc.Names {
		if p := x.phrase(n.Start, n.End); !n.Fuzzy && !seen[p] {
			seen[p] = true
			r.Matched = append(r.Matched, p)
		}
	}
	for _, t := range x.sc.Topics {
		if p := x.phrase(t.Start, t.End); !seen[p] {
			seen[p] = true
			r.Matched = append(r.Matched, p)
		}
	}
	return r
}

// deicticBefore reports a word dating what follows by the day of writing,
// right before token i: "hôm qua" (yesterday: the article is a day later),
// "hôm nay", "sáng nay", "chiều nay", "tối nay", "trưa nay" (today).
func (x *doc) deicticBefore(i int) (shift int, ok bool) {
	for k := max(0, i-3); k < i; k++ {
		switch {
		case x.wordsAre(k, "hôm", "qua"):
			return 1, true
		case x.word(k+1) == "nay" && (x.word(k) == "hôm" || x.word(k) == "sáng" || x.word(k) == "chiều" || x.word(k) == "tối" || x.word(k) == "trưa"):
			return 0, true
		}
	}
	return 0, false
}
