// Participants: which officials around a trigger take part in the meeting
// it reports — subjects, counterparts, lists, pronouns and anaphors.

package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// connectors join the names of one group: "A và B", "A, B cũng như C".
var connectors = map[string]bool{"và": true, ",": true, "cùng": true, "cũng": true, "như": true, "đã": true, "với": true}

// pluralMarkers before a trigger mean one meeting per counterpart ("các
// cuộc gặp với A, B và C").
var pluralMarkers = map[string]bool{"các": true, "những": true, "loạt": true, "lượt": true}

func (x *doc) insideMention(ms []*mention, i int) bool {
	for _, m := range ms {
		if i >= m.tstart && i < m.end {
			return true
		}
	}
	return false
}

// group returns the mentions joined to ms[k] by connectors, going forward
// (dir = 1) or backward (dir = -1).
func (x *doc) group(ms []*mention, k, dir int) []*mention {
	out := []*mention{ms[k]}
	lastJoin := "" // the words of the last join, going forward
	for j := k + dir; j >= 0 && j < len(ms); j += dir {
		a, b := ms[j-dir], ms[j]
		if dir < 0 {
			a, b = ms[j], ms[j-dir]
		}
		ok := true
		depth := 0
		for i := a.end; i < b.tstart; i++ {
			switch w := x.word(i); {
			case w == "(":
				depth++
			case w == ")":
				depth--
			case depth > 0 && i-a.end < 5: // "(phải)", "(thứ hai từ trái)"
			case (w == "," || w == "và") && x.unresolvedItem(i+1, b.tstart) > i+1:
				// "A, Bộ trưởng Ngoại giao Na Uy E. Soreide, B": a titled
				// name the gazetteer does not know is an item of the list.
				i = x.unresolvedItem(i+1, b.tstart) - 1
			case w == "," && i == a.end && x.titleChainEnd(i, b.tstart) > i:
				// "A, Ủy viên Bộ Chính trị, Bộ trưởng Quốc phòng và B": the
				// titles of A, written after the name, before the next item.
				i = x.titleChainEnd(i, b.tstart) - 1
			case !connectors[w]:
				ok = false
			}
			if !ok {
				break
			}
		}
		if b.tstart == a.tstart && b.coref && a.coref {
			ok = true // "Ngoại trưởng Hàn-Mỹ": two officials in one title
		} else if !ok || b.tstart < a.end {
			break
		}
		if dir > 0 {
			join := x.phrase(a.end, b.tstart)
			if join == "," && strings.Contains(" "+lastJoin+" ", " và ") {
				// "A và B, ông C còn …": a list puts "và" last; a comma
				// after it starts another clause.
				break
			}
			out = append(out, ms[j])
			lastJoin = join
		} else {
			out = append([]*mention{ms[j]}, out...)
			if lastJoin == "" {
				lastJoin = x.phrase(a.end, b.tstart)
			}
		}
	}
	// "A, B và C" is a list; "A, ông B khẳng định" is not: a group whose
	// last join is a bare comma ends before it.
	if len(out) > 1 && lastJoin == "," && len(out) < 3 && !x.listGoesOn(out[len(out)-1].end) {
		if dir > 0 {
			for len(out) > 1 && x.phrase(out[len(out)-2].end, out[len(out)-1].tstart) == "," {
				out = out[:len(out)-1]
			}
		} else {
			out = out[len(out)-1:]
		}
	}
	return out
}

// pairAnaphors name the sides of the last meeting without names; "hai"
// stands for the count ("ba nhà lãnh đạo": the three of a trilateral).
var pairAnaphors = [][]string{
	{"hai", "nhà", "lãnh", "đạo"}, {"lãnh", "đạo", "hai", "nước"}, {"hai", "ông"}, {"hai", "bà"},
	{"hai", "tổng", "thống"}, {"hai", "ngoại", "trưởng"}, {"hai", "bộ", "trưởng"}, {"hai", "thủ", "tướng"},
	{"hai", "thứ", "trưởng"}, {"hai", "quan", "chức"}, {"hai", "nước"}, {"hai", "bên"},
}

// anaphorCounts are the counts an anaphor may give in place of "hai".
var anaphorCounts = map[string]int{"hai": 2, "ba": 3, "bốn": 4}

// anaphorAt returns the number of sides an anaphor at token i names, or 0.
func (x *doc) anaphorAt(i int) (int, []string) {
	for _, a := range pairAnaphors {
		n := 0
		ok := true
		for k, w := range a {
			got := x.word(i + k)
			if w == "hai" {
				if n = anaphorCounts[got]; n == 0 {
					ok = false
				}
			} else if got != w {
				ok = false
			}
			if !ok {
				break
			}
		}
		if ok {
			return n, a
		}
	}
	return 0, nil
}

// anaphorMeeting returns the meeting whose two sides "hai nhà lãnh đạo",
// "Thứ trưởng hai nước" and the like stand for, in the clause before token
// trig: the last meeting whose participants fit the title of the phrase
// (leaders for "lãnh đạo"), or the last meeting when the phrase has none.
func (x *doc) anaphorMeeting(from, trig int) *meeting {
	at, sides := -1, 0
	var pattern []string
	for i := max(from, trig-16); i < trig && at < 0; i++ {
		if n, a := x.anaphorAt(i); n > 0 {
			at, sides, pattern = i, n, a
		}
	}
	if at < 0 {
		return nil
	}
	// The title words around the phrase: "Thứ trưởng hai nước", "hai Ngoại trưởng".
	var roles []gazetteer.TitleRole
	leaders := false
	for k := max(from, at-4); k <= at+2 && k < trig; k++ {
		if x.wordsAre(k, "lãnh", "đạo") || x.word(k) == "tổng" && x.word(k+1) == "thống" {
			leaders = true
		}
		if end, rs := x.g.TitleHead(x.toks, k); end > k && len(rs) > 0 && roles == nil {
			roles = rs
		}
	}
	if len(pattern) == 2 && pattern[1] == "nước" && roles == nil && !leaders {
		return nil // "của hai nước": the two countries, not two officials
	}
	var last *meeting
	for k := len(x.meets) - 1; k >= 0; k-- {
		m := x.meets[k]
		if m.pending || m.absorbed || len(m.parts) != sides {
			continue
		}
		if last == nil {
			last = m
		}
		fits := true
		for _, o := range m.parts {
			if leaders && !x.isLeader(o, m.date) || !leaders && roles != nil && !x.heldAny(o, roles) {
				fits = false
			}
		}
		if fits {
			return m
		}
	}
	if last == nil {
		// No meeting reported yet: the officials of a sentence just
		// before that names as many as the phrase counts ("A, B và C bên
		// lề APEC. … ba nhà lãnh đạo … trong cuộc gặp").
		return x.namedBefore(x.sentOf[at], sides, leaders, roles)
	}
	if leaders || roles != nil {
		return nil
	}
	return last
}

// namedBefore returns, as a meeting's sides, the officials of the nearest
// of the two sentences before si that names exactly n of them (leaders
// all, or each holding one of roles, when asked), or nil.
func (x *doc) namedBefore(si, n int, leaders bool, roles []gazetteer.TitleRole) *meeting {
	for prev := si - 1; prev >= 0 && prev >= si-2; prev-- {
		var ms []*mention
		for _, m := range x.mentionsOf(prev) {
			if m.sent == prev {
				ms = append(ms, m)
			}
		}
		parts := uniqueOfficials(ms)
		if len(parts) == 0 {
			continue
		}
		if len(parts) != n {
			return nil
		}
		for _, o := range parts {
			if leaders && !x.leaderAt(o, schema.Date{}) || !leaders && roles != nil && !x.heldAny(o, roles) {
				return nil
			}
		}
		return &meeting{parts: parts}
	}
	return nil
}

// pronounSubject returns a mention of the official last named before
// sentence si when a bare "ông" or "bà" (not followed by a name) stands in
// the clause before token trig.
func (x *doc) pronounSubject(si, trig int) *mention {
	s := x.sent[si]
	at := -1
	for i := max(s.start, trig-8); i < trig; i++ {
		if honorifics[x.word(i)] && x.word(i) != "ngài" && !(i+1 < len(x.toks) && x.toks[i+1].Upper) {
			at = i
		}
	}
	if at < 0 {
		return nil
	}
	// The subject of the sentence before that names an official: its
	// first official, not the last name seen ("A chào B và hội đàm với C.
	// Chiều, bà sẽ …" is A).
	for k := x.firstMentionOf(si) - 1; k >= 0; k-- {
		if m := x.mentions[k]; m.sent < si && m.sent >= si-2 {
			first := m
			for j := k - 1; j >= 0 && x.mentions[j].sent == m.sent; j-- {
				if !x.mentions[j].coref {
					first = x.mentions[j]
				}
			}
			return &mention{off: first.off, start: at, end: at + 1, tstart: at, sent: si}
		}
	}
	return nil
}

// participationWords introduce the participants of an event reported
// before: "tham dự hội nghị có A, B và C", "đồng chủ trì có A và B".
var participationWords = [][]string{{"tham", "dự"}, {"tham", "gia"}, {"chủ", "trì"}, {"có", "mặt"}, {"dẫn", "đầu"}, {"gồm"}}

// listedParticipants gives a pending event (reported without names in
// the last sentences) the officials a sentence lists as taking part.
func (x *doc) listedParticipants(si int, ms []*mention, lastDay schema.Date) {
	if len(ms) == 0 {
		return
	}
	s := x.sent[si]
	ok := false
	for i := s.start; i < ms[0].tstart && !ok; i++ {
		for _, w := range participationWords {
			if x.wordsAre(i, w...) {
				ok = true
				break
			}
		}
	}
	if !ok {
		x.attendees(si, ms, uniqueOfficials(ms))
		return
	}
	// A list of officials, each with a title after the name, split by
	// semicolons or dashes ("Tham dự gồm có A - Bộ trưởng …; B - …"), is
	// read whole; a plain list by its connectors.
	parts := uniqueOfficials(x.group(ms, 0, 1))
	if x.listedWhole(si) {
		parts = uniqueOfficials(ms)
	}
	p := x.pendingEvent()
	if p == nil || si-p.first > 3 || len(parts) < 2 {
		x.attendees(si, ms, parts)
		return
	}
	p.pending, p.absorbed = false, true
	m := &meeting{parts: parts, status: p.status, kind: p.kind, date: p.date, ownDate: p.ownDate, place: p.place,
		sents: append(append([]int{}, p.sents...), si), first: p.first}
	if m.date.IsZero() && m.status == schema.Held {
		m.date = lastDay
	}
	x.addMeeting(m)
}

// listedWhole reports a sentence that lists its officials with titles
// after their names: the sentence opens with a participation word and
// holds semicolons or name–title dashes.
func (x *doc) listedWhole(si int) bool {
	s := x.sent[si]
	for i := s.start; i < s.end; i++ {
		if w := x.word(i); w == ";" || w == "-" || w == "–" || w == ":" {
			return true
		}
	}
	return false
}

// attendeeLeads open a sentence that names who else attended the meeting
// just reported: "Cùng dự có …", "Tham gia buổi hội kiến về phía … có …",
// "Về phía tỉnh Vân Nam có …".
var attendeeLeads = [][]string{{"cùng", "dự"}, {"cùng", "tham", "dự"}, {"tham", "dự"}, {"tham", "gia"}, {"về", "phía"},
	{"dự", "buổi"}, {"có", "mặt"}, {"cùng", "có", "mặt"}, {"cùng", "tiếp"}, {"cùng", "làm", "việc"}}

// attendeeLead reports a sentence that opens with an attendee lead.
func (x *doc) attendeeLead(si int) bool {
	s := x.sent[si]
	for _, l := range attendeeLeads {
		for i := s.start; i < s.start+2 && i < s.end; i++ {
			if x.wordsAre(i, l...) {
				return true
			}
		}
	}
	return false
}

// attendees adds the officials a sentence lists as attending to the
// meeting reported in the sentences just before: one meeting with every
// named participant.
func (x *doc) attendees(si int, ms []*mention, parts []*gazetteer.Official) {
	if !x.attendeeLead(si) || len(parts) == 0 {
		return
	}
	var last *meeting
	for k := len(x.meets) - 1; k >= 0; k-- {
		if m := x.meets[k]; !m.pending && !m.absorbed && len(m.parts) >= 2 {
			last = m
			break
		}
	}
	if last == nil || si-last.sents[len(last.sents)-1] > 3 {
		return
	}
	// Another event reported in between ("Cuộc gặp giữa ba Bộ trưởng …
	// diễn ra chiều 23/12. Tham dự gồm có …") is the one attended.
	for _, t := range x.sc.Triggers {
		if t.Direct || x.reporting[t.Start] || x.backReference(t) {
			continue
		}
		if ts := x.sentOf[t.Start]; ts > last.sents[len(last.sents)-1] && ts < si && !x.attendeeLead(ts) {
			return
		}
	}
	for _, o := range parts {
		if !containsOfficial(last.parts, o) {
			if last.core == nil {
				last.core = append([]*gazetteer.Official(nil), last.parts...)
			}
			last.parts = append(last.parts, o)
		}
	}
	if !x.hasSent(last, si) {
		last.sents = append(last.sents, si)
	}
}

func containsOfficial(list []*gazetteer.Official, o *gazetteer.Official) bool {
	for _, p := range list {
		if p == o {
			return true
		}
	}
	return false
}

// countryPair reads "hội nghị thượng đỉnh Mỹ-Triều … tháng 6/2018": a
// trigger followed by a compound of countries names a meeting between the
// officials of those countries the sentence names (leaders, for a summit),
// when each country has exactly one. Only a dated mention counts, so that a
// passing reference to a meeting already reported adds nothing.
func (x *doc) countryPair(si int, t gazetteer.TriggerMatch, ms []*mention) []*mention {
	var ccs []string
	for i := t.End; i < x.sent[si].end && len(ccs) < 4; i++ {
		cc, ok := x.g.CompoundCountry(x.word(i))
		if !ok || (i > t.End && !(x.toks[i].Hyphen && !x.toks[i].Space)) {
			break
		}
		ccs = append(ccs, cc)
	}
	if len(ccs) < 2 {
		return nil
	}
	pick := func(pool []*mention, cc string) (*mention, int) {
		var found *mention
		n := 0
		for _, m := range pool {
			if m.off.Country != cc || t.Kind.ID == x.kinds.leaders && !x.isLeader(m.off, schema.Date{}) {
				continue
			}
			if found == nil || found.off != m.off {
				n++
			}
			found = m
		}
		return found, n
	}
	var set []*mention
	for _, cc := range ccs {
		found, n := pick(ms, cc)
		if n == 0 && t.Kind.ID == x.kinds.leaders {
			// No one of that country here: the article's one leader of it.
			if m, k := pick(x.mentions, cc); k == 1 {
				found, n = &mention{off: m.off, start: t.Start, end: t.Start, tstart: t.Start, sent: si}, 1
			}
		}
		if n != 1 {
			return nil
		}
		set = append(set, found)
	}
	return set
}

// inAppositive reports whether token i lies in an aside between the clause
// start and the trigger: ", người tháp tùng Tổng thống Trump," or "( … )".
func (x *doc) inAppositive(from, i, trig int) bool {
	open := -1
	for k := from; k < trig; k++ {
		w := x.word(k)
		switch {
		case w == "(":
			open = k
		case w == ")":
			if open >= 0 && i > open && i < k {
				return true
			}
			open = -1
		case w == "," && (x.word(k+1) == "người" || x.word(k+1) == "nhà" || x.wordsAre(k+1, "vốn", "là")):
			// the aside runs to the next comma (or the limit)
			e := k + 1
			for e < trig && x.word(e) != "," {
				e++
			}
			if i > k && i < e {
				return true
			}
		}
	}
	return false
}

// titleChainEnd returns where a chain of titles written after a name ends
// (", Ủy viên Bộ Chính trị, Phó Bí thư Quân ủy Trung ương, Bộ trưởng Bộ
// Quốc phòng"): comma-separated segments before limit, each beginning
// with an upper-case word and holding no trigger, number, bracket or
// clause word, the chain ending at the "và" that joins the next item. It
// returns i when there is no such chain.
func (x *doc) titleChainEnd(i, limit int) int {
	k := i
	for k < limit && x.word(k) == "," {
		start := k + 1
		if start >= limit || !x.toks[start].Upper {
			return i
		}
		e := start
		for e < limit && x.word(e) != "," && x.word(e) != "và" {
			t := x.toks[e]
			if x.trigAt[e] != 0 || t.Kind != vntext.Word || e-start >= 16 {
				return i
			}
			e++
		}
		k = e
	}
	if k < limit && x.word(k) == "và" && k > i {
		return k
	}
	return i
}

// listGoesOn reports whether a list continues after token i: ", cũng
// như …", "và …".
func (x *doc) listGoesOn(i int) bool {
	if x.word(i) == "," {
		i++
	}
	return x.word(i) == "và" || x.wordsAre(i, "cũng", "như")
}

func (x *doc) pluralBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if pluralMarkers[x.word(k)] {
			return true
		}
	}
	return false
}

// oneByOne reports a trigger that reports one meeting per counterpart:
// a plural before it ("các cuộc gặp với A, B"), "lần lượt" (in turn)
// around it, or a bilateral word in or right after it ("gặp song phương
// với A, B và C", "hội đàm riêng với từng …").
func (x *doc) oneByOne(t gazetteer.TriggerMatch, connAt int) bool {
	if x.pluralBefore(t.Start) {
		return true
	}
	for k := max(t.Start-4, 0); k < t.Start; k++ {
		if x.wordsAre(k, "lần", "lượt") {
			return true
		}
	}
	end := t.End
	if connAt > end {
		end = connAt
	}
	for k := t.Start; k <= end+1 && k < len(x.toks); k++ {
		if x.wordsAre(k, "song", "phương") || x.wordsAre(k, "lần", "lượt") || x.word(k) == "từng" || x.word(k) == "riêng" {
			return true
		}
	}
	return false
}

func uniqueOfficials(ms []*mention) []*gazetteer.Official {
	var out []*gazetteer.Official
	seen := map[*gazetteer.Official]bool{}
	for _, m := range ms {
		if !seen[m.off] {
			seen[m.off] = true
			out = append(out, m.off)
		}
	}
	return out
}

// unresolvedItem returns the end of a list item at token i that names an
// official the text does not resolve: a title followed by capitalised
// words (initials included), ending before a comma or "và" and before
// token limit; or i when there is none.
func (x *doc) unresolvedItem(i, limit int) int {
	if i >= limit || !x.inTitle[i] {
		return i
	}
	k := i
	for k < limit && x.inTitle[k] {
		k++
	}
	names := 0
	for k < limit && k-i < 14 {
		t := x.toks[k]
		if t.Kind == vntext.Word && t.Upper || x.word(k) == "." && names > 0 || t.Hyphen && names > 0 {
			names++
			k++
			continue
		}
		break
	}
	if names == 0 || k >= limit {
		return i
	}
	if w := x.word(k); w != "," && w != "và" {
		return i
	}
	return k
}
