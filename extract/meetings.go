package extract

import (
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// meeting is a meeting being assembled from the sentences that report it.
type meeting struct {
	parts    []*gazetteer.Official
	status   string
	kind     string
	date     schema.Date
	place    string
	sents    []int
	topics   []topicRef
	first    int  // sentence of the first report
	generic  bool // reported only by a generic word ("cuộc họp")
	absorbed bool // a participant-less event merged into another meeting
	pending  bool // an event reported without names, waiting for them
	ownDate  bool // the date was written in a reporting sentence
	trig     int  // token of the trigger that first reported it
}

type topicRef struct {
	topic string
	sent  int
}

// plannedMarkers announce a meeting that has not happened yet.
var plannedMarkers = [][]string{
	{"dự", "kiến"}, {"sẽ"}, {"có", "kế", "hoạch"}, {"dự", "định"}, {"sắp"}, {"lên", "kế", "hoạch"},
	{"chuẩn", "bị"}, {"kế", "hoạch"}, {"nhất", "trí", "tổ", "chức"},
}

// connectors join the names of one group: "A và B", "A, B cũng như C".
var connectors = map[string]bool{"và": true, ",": true, "cùng": true, "cũng": true, "như": true, "đã": true, "với": true}

// pluralMarkers before a trigger mean one meeting per counterpart ("các
// cuộc gặp với A, B và C").
var pluralMarkers = map[string]bool{"các": true, "những": true, "loạt": true, "lượt": true}

// kindRank orders kinds from the least to the most specific.
var kindRank = map[string]int{"talks": 0, "phone-call": 1, "consultation": 2, "summit": 3}

// genericTriggers report a meeting without telling its kind; a later
// sentence that uses one may be naming the participants of an event that
// an earlier sentence reported without names.
var genericTriggers = map[string]bool{"đồng chủ trì": true, "cuộc họp": true, "cuộc gặp": true, "buổi họp": true, "buổi gặp": true, "cuộc hội đàm": true, "buổi hội đàm": true, "hội đàm": true, "họp": true}

// findMeetings reads each sentence's triggers and the officials around
// them.
// abbreviationTriggers adds, as triggers, the abbreviations an article
// defines for a kind of meeting: "Hội nghị Tham vấn An ninh thường niên
// (SCM)" makes a later "SCM" report a consultation.
func (x *doc) abbreviationTriggers() {
	abbr := map[string]*gazetteer.Kind{}
	for _, t := range x.sc.Triggers {
		for k := t.End; k < len(x.toks) && k <= t.End+8; k++ {
			if x.word(k) == "." || x.word(k) == "," {
				break
			}
			if x.word(k) == "(" && k+2 < len(x.toks) && x.word(k+2) == ")" && isAllUpper(x.text[x.toks[k+1].Start:x.toks[k+1].End]) &&
				len(x.toks[k+1].Norm) >= 2 {
				abbr[x.toks[k+1].Norm] = t.Kind
				break
			}
		}
	}
	if len(abbr) == 0 {
		return
	}
	var extra []gazetteer.TriggerMatch
	for i, tok := range x.toks {
		if k, ok := abbr[tok.Norm]; ok && tok.Upper && x.word(i-1) != "(" {
			extra = append(extra, gazetteer.TriggerMatch{Start: i, End: i + 1, Kind: k})
		}
	}
	x.sc.Triggers = append(x.sc.Triggers, extra...)
	sort.SliceStable(x.sc.Triggers, func(a, b int) bool { return x.sc.Triggers[a].Start < x.sc.Triggers[b].Start })
}

func (x *doc) findMeetings() {
	x.abbreviationTriggers()
	// Which tokens start a trigger: bit 1 any, bit 2 one that counts
	// wherever it stands.
	x.trigAt = make([]uint8, len(x.toks)+1)
	for _, t := range x.sc.Triggers {
		x.trigAt[t.Start] |= 1
		if !t.Direct {
			x.trigAt[t.Start] |= 2
		}
	}
	var lastDay schema.Date // last day-precision date of earlier sentences
	mi := 0                 // first mention of the current sentence
	for si, s := range x.sent {
		for mi < len(x.mentions) && x.mentions[mi].sent < si {
			mi++
		}
		var ms []*mention
		for k := mi; k < len(x.mentions) && x.mentions[k].sent == si; k++ {
			ms = append(ms, x.mentions[k])
		}
		// Resolve this sentence's dates in order.
		dates := x.dates[si]
		vals := make([]schema.Date, len(dates))
		for k, e := range dates {
			vals[k] = x.res.resolve(e)
			x.res.note(e, vals[k])
		}
		used := map[*mention]bool{}
		before := len(x.meets)
		for _, t := range x.sc.Triggers {
			if t.Start < s.start || t.Start >= s.end || x.insideMention(ms, t.Start) || t.Direct && x.compoundBefore(t.Start) {
				continue
			}
			x.meetingAt(si, t, ms, used, dates, vals, lastDay)
		}
		x.upgradeKinds(si, before)
		if len(x.meets) == before {
			x.listedParticipants(si, ms, lastDay)
		}
		for k, v := range vals {
			if v.P == schema.Day && !dates[k].subordinate {
				lastDay = v
			}
		}
	}
	// Status from dates: a meeting dated after the article is planned.
	pub := x.res.published
	for _, m := range x.meets {
		// One day of slack: a date line in Korean time can precede a
		// meeting reported in Washington's local time.
		if m.status == schema.Held && !pub.IsZero() && !m.date.IsZero() && m.date.First().Compare(pub.Last().AddDays(1)) > 0 {
			m.status = schema.Planned
		}
	}
}

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

// pairAnaphors name the two sides of the last meeting without names.
var pairAnaphors = [][]string{
	{"hai", "nhà", "lãnh", "đạo"}, {"lãnh", "đạo", "hai", "nước"}, {"hai", "ông"}, {"hai", "bà"},
	{"hai", "tổng", "thống"}, {"hai", "ngoại", "trưởng"}, {"hai", "bộ", "trưởng"}, {"hai", "thủ", "tướng"},
	{"hai", "thứ", "trưởng"}, {"hai", "quan", "chức"}, {"hai", "nước"},
}

// anaphorMeeting returns the meeting whose two sides "hai nhà lãnh đạo",
// "Thứ trưởng hai nước" and the like stand for, in the clause before token
// trig: the last meeting whose participants fit the title of the phrase
// (leaders for "lãnh đạo"), or the last meeting when the phrase has none.
func (x *doc) anaphorMeeting(from, trig int) *meeting {
	at := -1
	for i := max(from, trig-10); i < trig && at < 0; i++ {
		for _, a := range pairAnaphors {
			if x.wordsAre(i, a...) {
				at = i
				break
			}
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
	if x.wordsAre(at, "hai", "nước") && roles == nil && !leaders {
		return nil // "của hai nước": the two countries, not two officials
	}
	var last *meeting
	for k := len(x.meets) - 1; k >= 0; k-- {
		m := x.meets[k]
		if m.pending || m.absorbed || len(m.parts) != 2 {
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
	if leaders || roles != nil {
		return nil
	}
	return last
}

// upgradeKinds applies a summit word that named no meeting of its own to
// the meeting it stands for: "… đã nhóm họp … trong hội nghị thượng đỉnh
// ba bên" (the meeting this sentence reported), "cuộc gặp thượng đỉnh
// Mỹ-Trung này" (the last meeting between a US and a Chinese official).
func (x *doc) upgradeKinds(si, before int) {
	s := x.sent[si]
	for _, t := range x.sc.Triggers {
		if t.Start < s.start || t.Start >= s.end || x.reporting[t.Start] {
			continue
		}
		if t.Kind.ID == "consultation" {
			// "cuộc họp đầu tiên của nhóm công tác": a consultation
			// reported by a generic word before it.
			for _, m := range x.meets[before:] {
				if !m.pending && m.generic && containsInt(m.sents, si) && m.trig < t.Start {
					m.kind, m.generic = "consultation", false
				}
			}
			continue
		}
		if t.Kind.ID != "summit" {
			continue
		}
		prev := x.word(t.Start - 1)
		if prev == "trong" || prev == "tại" || prev == "là" {
			for _, m := range x.meets[before:] {
				if !m.pending && len(m.parts) >= 2 && containsInt(m.sents, si) {
					m.kind = "summit"
				}
			}
			continue
		}
		// Countries compounded after the trigger.
		var ccs []string
		for i := t.End; i < s.end; i++ {
			cc, ok := compoundCountries[x.word(i)]
			if !ok || (i > t.End && !x.toks[i].Hyphen) {
				break
			}
			ccs = append(ccs, cc)
		}
		if len(ccs) < 2 || !(x.word(t.End+len(ccs)) == "này" || x.word(t.End+len(ccs)) == "đó") {
			continue
		}
		for k := len(x.meets) - 1; k >= 0; k-- {
			m := x.meets[k]
			if m.pending || m.absorbed || len(m.parts) != len(ccs) {
				continue
			}
			match := true
			for _, o := range m.parts {
				if !contains(ccs, o.Country) {
					match = false
				}
			}
			if match {
				m.kind = "summit"
				break
			}
		}
	}
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
	for k := len(x.mentions) - 1; k >= 0; k-- {
		if m := x.mentions[k]; m.sent < si && m.sent >= si-2 {
			return &mention{off: m.off, start: at, end: at + 1, tstart: at, sent: si}
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
	p := x.pendingEvent()
	if p == nil || si-p.first > 3 || len(ms) < 2 {
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
		return
	}
	group := x.group(ms, 0, 1)
	parts := uniqueOfficials(group)
	if len(parts) < 2 {
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

// backReference reports a trigger that points back at a meeting already
// reported: "Tại cuộc gặp, …", "Trong cuộc hội đàm này", "tại buổi hội
// đàm trên".
func (x *doc) backReference(t gazetteer.TriggerMatch) bool {
	if w := x.word(t.Start - 1); w != "tại" && w != "trong" {
		return false
	}
	switch x.word(t.End) {
	case ",", "này", "trên", "đó", "hôm", "lần":
		return true
	}
	return false
}

// dateAfter returns the first date written after token i in the
// sentence, outside asides and subordinate clauses.
func (x *doc) dateAfter(si, i int, dates []dateExpr, vals []schema.Date) (schema.Date, bool) {
	for k, e := range dates {
		if e.start >= i && !e.subordinate && !vals[k].IsZero() && !x.inAppositive(x.sent[si].start, e.start, x.sent[si].end) {
			return vals[k], true
		}
	}
	return schema.Date{}, false
}

// announcedAfter reports a meeting named as a coming event: "trước thềm
// Hội nghị thượng đỉnh Hàn-Mỹ", "… Hàn-Mỹ dự kiến diễn ra".
func (x *doc) announcedAfter(t gazetteer.TriggerMatch) bool {
	if x.wordsAre(t.Start-2, "trước", "thềm") || x.wordsAre(t.Start-1, "thềm") {
		return true
	}
	for i := t.End; i < t.End+8 && i < len(x.toks); i++ {
		if x.word(i) == "sẽ" || x.wordsAre(i, "dự", "kiến") || x.wordsAre(i, "sắp", "tới") {
			return true
		}
		if x.word(i) == "," || x.word(i) == "." {
			break
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
		cc, ok := compoundCountries[x.word(i)]
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
			if m.off.Country != cc || t.Kind.ID == "summit" && !x.isLeader(m.off, schema.Date{}) {
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
		if n == 0 && t.Kind.ID == "summit" {
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

// referenceBefore reports a trigger that names another event in time
// ("sau hội nghị thượng đỉnh", "kể từ cuộc gặp", "trước cuộc họp").
func (x *doc) referenceBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch x.word(k) {
		case "sau", "trước", "từ", "theo", "kể":
			return true
		}
	}
	return false
}

// triggerAt reports whether a meeting trigger starts at token i.
func (x *doc) triggerAt(i int) bool { return x.trigAt[i] != 0 }

// compoundFirst are first syllables that make a direct trigger part of
// another word: "trực tiếp" (direct), "liên tiếp", "kế tiếp", "gián tiếp",
// "viếng thăm" stays a visit.
var compoundFirst = map[string]bool{"trực": true, "liên": true, "kế": true, "gián": true, "thăm": true, "chào": true, "bắt": true}

func (x *doc) compoundBefore(i int) bool {
	return i > 0 && compoundFirst[x.word(i-1)] && !x.toks[i].Upper
}

// nonDirectTriggerAt reports whether a trigger that counts wherever it
// stands starts at token i.
func (x *doc) nonDirectTriggerAt(i int) bool { return x.trigAt[i]&2 != 0 }

// breakBetween reports a sentence-internal break (a full stop, a
// semicolon, a trigger) in tokens (a, b).
func (x *doc) breakBetween(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if w := x.word(i); w == "." || w == ";" || x.triggerAt(i) {
			return true
		}
	}
	return false
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

// listGoesOn reports whether a list continues after token i: ", cũng
// như …", "và …".
func (x *doc) listGoesOn(i int) bool {
	if x.word(i) == "," {
		i++
	}
	return x.word(i) == "và" || x.wordsAre(i, "cũng", "như")
}

// meetingAt reads the meeting a trigger reports, if any.
func (x *doc) meetingAt(si int, t gazetteer.TriggerMatch, ms []*mention, used map[*mention]bool,
	dates []dateExpr, vals []schema.Date, lastDay schema.Date) {
	s := x.sent[si]
	// "với" or "giữa" shortly after the trigger introduces the counterparts.
	// ("đã có cuộc điện đàm kéo dài 35 phút với …"), before any clause
	// break, name or other trigger.
	conn, connAt := "", -1
	for k := t.End; !t.Direct && k < s.end && k <= t.End+14; k++ {
		if w := x.word(k); w == "với" || w == "giữa" {
			conn, connAt = w, k
			break
		}
		if w := x.word(k); w == "." || w == ";" || w == ":" || x.insideMention(ms, k) || x.nonDirectTriggerAt(k) {
			break
		}
	}
	var objects []*mention
	objFrom := -1
	for k, m := range ms {
		switch {
		case conn == "với" && m.tstart > connAt && m.tstart <= connAt+20 && !x.breakBetween(connAt, m.tstart),
			conn == "giữa" && m.tstart > connAt && (m.tstart <= connAt+2 || m.tstart <= connAt+4 && honorifics[x.word(connAt+1)] && (x.word(connAt+2) == "và" || x.word(connAt+2) == "với")),
			conn == "" && t.Direct && m.tstart == t.End,
			conn == "" && !t.Direct && m.tstart >= t.End && m.tstart <= t.End+3:
			objFrom = k
		}
		if objFrom >= 0 {
			break
		}
	}
	if t.Direct && objFrom < 0 {
		return
	}
	if objFrom >= 0 {
		objects = x.group(ms, objFrom, 1)
	}
	inObjects := func(m *mention) bool {
		for _, o := range objects {
			if o == m {
				return true
			}
		}
		return false
	}
	// The subject: the last official before the trigger not already a
	// counterpart in this sentence, with those joined to it; else the
	// first one after the counterparts ("Tại cuộc gặp với B, ông A …").
	var subjects []*mention
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.end <= t.Start && !used[m] && !inObjects(m) && !x.inAppositive(s.start, m.tstart, t.Start) {
			subjects = x.group(ms, k, -1)
			break
		}
	}
	subjectAfter := false
	if len(subjects) == 0 && len(objects) > 0 && (conn == "với" || t.Direct) {
		last := objects[len(objects)-1]
		for k, m := range ms {
			if m.start >= last.end && !used[m] {
				subjects = x.group(ms, k, 1)
				subjectAfter = true
				break
			}
		}
	}
	if len(subjects) == 0 && len(objects) > 0 && (conn != "" || t.Direct) {
		// "ông sẽ có cuộc gặp thượng đỉnh với …": a bare pronoun stands
		// for the official last named before this sentence.
		if p := x.pronounSubject(si, t.Start); p != nil && !inObjects(p) {
			subjects = []*mention{p}
		}
	}
	var sets [][]*mention
	switch {
	case conn == "giữa":
		all := objects
		if honorifics[x.word(connAt+1)] && connAt+2 < len(x.toks) && !x.toks[connAt+2].Upper && len(subjects) > 0 {
			// "giữa ông và Nhà lãnh đạo Triều Tiên Kim Jong Un": the pronoun
			// is the sentence's subject.
			all = append([]*mention{subjects[len(subjects)-1]}, all...)
		}
		if len(all) == 1 && len(subjects) > 0 {
			all = append(all, subjects[len(subjects)-1])
		}
		sets = append(sets, all)
	case conn == "với" || t.Direct || len(objects) > 0 && objects[0].tstart == t.End && len(subjects) > 0:
		if len(objects) == 0 || len(subjects) == 0 {
			break
		}
		if x.pluralBefore(t.Start) && len(subjects) == 1 {
			for _, o := range objects {
				sets = append(sets, []*mention{subjects[0], o})
			}
		} else {
			sets = append(sets, append(append([]*mention{}, subjects...), objects...))
		}
	default:
		if x.referenceBefore(t.Start) {
			// "… diễn ra 9 tháng sau cuộc họp gần nhất": another event,
			// whose participants this sentence does not name.
			break
		}
		if len(subjects) >= 2 {
			sets = append(sets, subjects)
		} else if len(objects) >= 2 {
			sets = append(sets, objects)
		}
	}
	hi := t.End
	if len(objects) > 0 && objects[len(objects)-1].end > hi {
		hi = objects[len(objects)-1].end // "… với Thủ tướng Abe vào ngày 24/12"
	}
	date, ownDate := x.nearestDate(si, t.Start, hi, dates, vals)
	if x.backReference(t) {
		// "Tại cuộc gặp, …": the meeting just reported; its date is not
		// the one of whatever else the sentence tells.
		date, ownDate = schema.Date{}, false
	}
	place := x.placeNear(si, t.Start, ms)
	kind := t.Kind.ID
	generic := genericTriggers[x.phrase(t.Start, t.End)]
	pairMode := false
	if len(sets) == 0 && !x.sent[si].furniture {
		if _, dated := x.dateAfter(si, t.End, dates, vals); dated {
			if set := x.countryPair(si, t, ms); set != nil {
				sets = append(sets, set)
				pairMode = true
			}
		}
	}
	if pairMode {
		// "hội nghị thượng đỉnh Mỹ-Triều … hồi tháng 6/2018": the date that
		// follows the named meeting.
		date, ownDate = x.dateAfter(si, t.End, dates, vals)
	}
	if len(sets) == 0 && len(ms) < 2 && !x.sent[si].furniture {
		// "Hai nhà lãnh đạo đã gặp nhau lần đầu hồi tháng 6/2017": the
		// officials of the last meeting, met again (or before).
		if last := x.anaphorMeeting(s.start, t.Start); last != nil {
			sets = append(sets, nil)
			for _, o := range last.parts {
				sets[0] = append(sets[0], &mention{off: o})
			}
		}
	}
	if len(sets) == 0 {
		// An event reported without names ("Hàn Quốc và Mỹ ngày 16/12 đã
		// tiến hành cuộc tham vấn") waits for the next sentences to name
		// its participants; only one, dated, before any meeting.
		if !t.Direct && !x.sent[si].furniture && ownDate && len(x.realMeetings()) == 0 && x.pendingEvent() == nil {
			for _, o := range x.sc.Triggers {
				if o.Start >= s.start && o.Start < s.end && kindRank[o.Kind.ID] > kindRank[kind] && !x.referenceBefore(o.Start) {
					kind = o.Kind.ID
				}
			}
			x.meets = append(x.meets, &meeting{pending: true, kind: kind, date: date, ownDate: ownDate,
				place: place, sents: []int{si}, first: si, status: x.status(si, t, nil)})
		}
		return
	}
	for _, set := range sets {
		parts := uniqueOfficials(set)
		if len(parts) < 2 {
			continue
		}
		if x.reporting == nil {
			x.reporting = map[int]bool{}
		}
		x.reporting[t.Start] = true
		for _, m := range set {
			if inObjects(m) {
				used[m] = true
			}
		}
		status := x.status(si, t, subjects)
		if subjectAfter && x.plannedAfter(subjects[len(subjects)-1].end) {
			// "Ngoài hội nghị ba bên với A và B, ông Moon còn dự kiến …":
			// the subject's verb, after the meeting phrase, tells the tense.
			status = schema.Planned
		}
		if pairMode && x.announcedAfter(t) {
			status = schema.Planned
		}
		m := &meeting{parts: parts, status: status, kind: kind, date: date, ownDate: ownDate, place: place,
			sents: []int{si}, first: si, generic: generic, trig: t.Start}
		if p := x.pendingEvent(); p != nil {
			p.pending = false // the next meeting takes it or it lapses
			p.absorbed = true
			if !ownDate && status == schema.Held && si-p.first <= 3 {
				if generic || kindRank[p.kind] > kindRank[m.kind] {
					m.kind = p.kind
				}
				m.date, m.ownDate, m.first = p.date, p.ownDate, p.first
				m.sents = append(append([]int{}, p.sents...), si)
				if m.place == "" {
					m.place = p.place
				}
			}
		}
		if !ownDate && status == schema.Held {
			if m.date.IsZero() {
				m.date = lastDay
			}
		}
		x.addMeeting(m)
	}
}

// phrase returns the normalised words of tokens [a, b) joined by spaces.
func (x *doc) phrase(a, b int) string {
	out := ""
	for i := a; i < b; i++ {
		if i > a {
			out += " "
		}
		out += x.word(i)
	}
	return out
}

func (x *doc) pluralBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if pluralMarkers[x.word(k)] {
			return true
		}
	}
	return false
}

// pendingEvent returns the earliest event reported without names that no
// meeting has absorbed yet.
func (x *doc) pendingEvent() *meeting {
	for _, m := range x.meets {
		if m.pending && !m.absorbed {
			return m
		}
	}
	return nil
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

// status reads whether a meeting is announced for the future: a planned
// marker between the subject and the trigger ("dự kiến có các cuộc gặp"),
// or "sắp tới" right after it.
func (x *doc) status(si int, t gazetteer.TriggerMatch, subjects []*mention) string {
	from := max(x.sent[si].start, t.Start-8)
	if len(subjects) > 0 {
		if e := subjects[len(subjects)-1].end; e <= t.Start {
			from = e
		}
	}
	// "sau hội nghị thượng đỉnh với ông Trump, ông Kim sẽ …": a meeting in
	// a time clause takes the sentence's tense.
	if w := x.word(t.Start - 1); w == "sau" || w == "trước" {
		from = x.sent[si].start
		for i := t.End; i < x.sent[si].end; i++ {
			if x.word(i) == "sẽ" || x.wordsAre(i, "dự", "kiến") {
				return schema.Planned
			}
		}
	}
	for i := from; i < t.Start; i++ {
		for _, mk := range plannedMarkers {
			if x.wordsAre(i, mk...) {
				return schema.Planned
			}
		}
	}
	if x.wordsAre(t.End, "sắp", "tới") || x.wordsAre(t.End, "tới", "đây") {
		return schema.Planned
	}
	return schema.Held
}

// nearestDate picks the date written closest to the trigger in its
// sentence, leaving out dates of subordinate clauses.
func (x *doc) nearestDate(si, a, b int, dates []dateExpr, vals []schema.Date) (schema.Date, bool) {
	best, bestDist := -1, 1<<30
	for k, e := range dates {
		if e.subordinate || vals[k].IsZero() || x.inAppositive(x.sent[si].start, e.start, x.sent[si].end) ||
			x.word(e.start-1) == "tức" || x.word(e.start-2) == "tức" || x.word(e.start-3) == "tức" {
			// "chiều 25/9 (giờ địa phương), tức rạng sáng 26/9 giờ Việt
			// Nam": the restated date is not another one.
			// "…, người đang có chuyến thăm Việt Nam từ 19 đến 21/11": the
			// date of an aside is not the meeting's.
			continue
		}
		d := 0
		switch {
		case e.end <= a:
			d = a - e.end
		case e.start >= b:
			d = e.start - b
		}
		if d < bestDist {
			best, bestDist = k, d
		}
	}
	if best < 0 {
		return schema.Date{}, false
	}
	return vals[best], true
}

// placeNear returns the place written after "tại", "ở", "tới" or "đến" in
// the sentence, closest to the trigger, outside official titles.
func (x *doc) placeNear(si int, trig int, ms []*mention) string {
	s := x.sent[si]
	best, bestDist := "", 1<<30
	for _, nm := range x.sc.Names {
		if nm.Start < s.start || nm.Start >= s.end {
			continue
		}
		p := nm.Place()
		if p == nil || x.insideMention(ms, nm.Start) || x.inTitle[nm.Start] {
			continue
		}
		// "tại Washington", "tại thành phố Gyeongju", "tại Bảo tàng Quốc
		// gia Gyeongju": a locative within a few words, with only a
		// venue's name between.
		ok := false
		for k := nm.Start - 1; k >= s.start && k >= nm.Start-6; k-- {
			w := x.word(k)
			// "bên lề Hội nghị An ninh Munich": the city of the event.
			if w == "tại" || w == "ở" || w == "tới" || w == "đến" || w == "sang" || w == "lề" {
				ok = true
				break
			}
			if x.toks[k].Kind == vntext.Punct {
				break
			}
		}
		if ok && subordinateBefore(x.toks, s.start, nm.Start) {
			ok = false // "trước khi tới Osaka": another event's place
		}
		if ok && nm.Start > trig && x.nextEventBetween(trig, nm.Start) {
			ok = false // "…, sau đó tới thăm thành phố Busan": the next stop
		}
		if !ok {
			continue
		}
		d := nm.Start - trig
		if d < 0 {
			d = -d * 2
		}
		if d < bestDist {
			best, bestDist = p.ID, d
		}
	}
	return best
}

// plannedAfter reports a planned marker within a few words after token i.
func (x *doc) plannedAfter(i int) bool {
	for k := i; k < i+4 && k < len(x.toks); k++ {
		for _, mk := range plannedMarkers {
			if x.wordsAre(k, mk...) {
				return true
			}
		}
	}
	return false
}

// nextEventBetween reports "sau đó" or "rồi" (then) between two tokens:
// what follows is another event.
func (x *doc) nextEventBetween(a, b int) bool {
	for i := a; i < b; i++ {
		if x.wordsAre(i, "sau", "đó") || x.word(i) == "rồi" {
			return true
		}
	}
	return false
}

// addMeeting merges m into a meeting of the same participants, status and
// a compatible date, or adds it.
func (x *doc) addMeeting(m *meeting) {
	for _, o := range x.meets {
		if o.pending || o.absorbed || o.status != m.status || !sameSet(o.parts, m.parts) || !compatible(o.date, m.date) {
			continue
		}
		// A date written in a report wins over one carried over from
		// earlier sentences; a more precise one over a vaguer one.
		if m.ownDate && (!o.ownDate || m.date.P > o.date.P) || !o.ownDate && m.date.P > o.date.P {
			o.date, o.ownDate = m.date, o.ownDate || m.ownDate
		}
		if o.place == "" {
			o.place = m.place
		}
		if o.generic && !m.generic {
			o.kind, o.generic = m.kind, false
		}
		for _, si := range m.sents {
			if !containsInt(o.sents, si) {
				o.sents = append(o.sents, si)
			}
		}
		return
	}
	x.meets = append(x.meets, m)
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func sameSet(a, b []*gazetteer.Official) bool {
	if len(a) != len(b) {
		return false
	}
	for _, o := range a {
		found := false
		for _, p := range b {
			if o == p {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// compatible dates may describe the same meeting: equal, one unknown, or one
// within the other ("2018" and "2018-06-12").
func compatible(a, b schema.Date) bool {
	if a.IsZero() || b.IsZero() {
		return true
	}
	return a.Within(b, b) && b.Within(a, a)
}

// realMeetings are the meetings with participants, in order of first report.
func (x *doc) realMeetings() []*meeting {
	var out []*meeting
	for _, m := range x.meets {
		if !m.pending && !m.absorbed && len(m.parts) >= 2 {
			out = append(out, m)
		}
	}
	return out
}

// assignTopics gives each meeting the topics of the sentences that report
// it, and the article's main meeting the topics of the sentences about it:
// a sentence that reports no meeting belongs to the meeting in focus, which
// moves to a meeting when a sentence reports it or names its participants.
// Meetings that took place well before the main one (background) and
// planned meetings take only their own sentences' topics.
func (x *doc) assignTopics() {
	meets := x.realMeetings()
	var main *meeting
	for _, m := range meets {
		if m.status == schema.Held && !x.sent[m.first].furniture {
			if main == nil || m.first < main.first {
				main = m
			}
		}
	}
	current := func(m *meeting) bool {
		if m.status != schema.Held || x.sent[m.first].furniture {
			return false
		}
		if main == nil || m == main || m.date.IsZero() || main.date.IsZero() {
			return true
		}
		return m.date.Last().Compare(main.date.First()) >= 0
	}
	topicsBySent := make([][]string, len(x.sent))
	for _, tm := range x.sc.Topics {
		if x.inTitle[tm.Start] || x.inTitle[tm.End-1] || x.nameAt[tm.Start] >= 0 && x.sc.Names[x.nameAt[tm.Start]].Official() != nil {
			continue
		}
		si := x.sentOf[tm.Start]
		if !contains(topicsBySent[si], tm.Topic.ID) {
			topicsBySent[si] = append(topicsBySent[si], tm.Topic.ID)
		}
	}
	add := func(m *meeting, si int) {
		for _, t := range topicsBySent[si] {
			found := false
			for _, r := range m.topics {
				if r.topic == t {
					found = true
				}
			}
			if !found {
				m.topics = append(m.topics, topicRef{t, si})
			}
		}
	}
	var focus *meeting
	var early []int // sentences before any meeting is in focus
	mi := 0
	for si := range x.sent {
		if x.sent[si].furniture {
			for _, m := range meets {
				if containsInt(m.sents, si) {
					add(m, si)
				}
			}
			continue
		}
		var reported []*meeting
		for _, m := range meets {
			if containsInt(m.sents, si) {
				reported = append(reported, m)
			}
		}
		if len(reported) > 0 {
			for _, m := range reported {
				add(m, si)
				if current(m) {
					focus = m
				}
			}
			continue
		}
		// Officials named here who take part in a current meeting.
		for mi < len(x.mentions) && x.mentions[mi].sent < si {
			mi++
		}
		var named []*gazetteer.Official
		for k := mi; k < len(x.mentions) && x.mentions[k].sent == si; k++ {
			named = append(named, x.mentions[k].off)
		}
		// Named officials who take part in a meeting reported so far; the
		// focus moves when it does not hold them all, to the meeting that
		// holds most of them, a current one before a background one.
		held := func(m *meeting) bool {
			return m.status == schema.Held && m.first <= si && !x.sent[m.first].furniture
		}
		var inMeetings []*gazetteer.Official
		for _, o := range named {
			for _, m := range meets {
				if held(m) && hasPart(m, o) {
					inMeetings = append(inMeetings, o)
					break
				}
			}
		}
		named = inMeetings
		if len(named) > 0 && (focus == nil || !coversAll(focus, named)) {
			best, bestScore := (*meeting)(nil), 0
			for _, m := range meets {
				if !held(m) {
					continue
				}
				n := 0
				for _, o := range named {
					if hasPart(m, o) {
						n++
					}
				}
				score := n * 2
				if current(m) {
					score++
				}
				if n > 0 && score >= bestScore {
					best, bestScore = m, score
				}
			}
			if best != nil {
				focus = best
			}
		}
		if focus == nil {
			early = append(early, si)
			continue
		}
		add(focus, si)
	}
	if main != nil {
		for _, si := range early {
			add(main, si)
		}
	}
}

// coversAll reports whether the meeting has all the officials among its
// participants.
func coversAll(m *meeting, offs []*gazetteer.Official) bool {
	for _, o := range offs {
		if !hasPart(m, o) {
			return false
		}
	}
	return true
}

func hasPart(m *meeting, o *gazetteer.Official) bool {
	for _, p := range m.parts {
		if p == o {
			return true
		}
	}
	return false
}

// settlePlaces gives a held meeting without a place the place of another
// held meeting of the article on the same day (the same trip).
func (x *doc) settlePlaces() {
	meets := x.realMeetings()
	for _, m := range meets {
		if m.place != "" || m.status != schema.Held || m.date.P != schema.Day || m.kind == "phone-call" {
			continue // a phone call has no place of its own
		}
		for _, o := range meets {
			if o != m && o.place != "" && o.status == schema.Held && o.date == m.date {
				m.place = o.place
				break
			}
		}
	}
}
