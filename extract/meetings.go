package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// meeting is a meeting being assembled from the sentences that report it.
type meeting struct {
	parts []*gazetteer.Official
	// core are the participants reported before any attendee was added
	// ("Cùng dự có …"), nil when none was: a later report of the core
	// alone is the same meeting.
	core     []*gazetteer.Official
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
	past     bool // the text says it happened ("đã có cuộc điện đàm")
	// undated marks a meeting the text sets before the events it reports
	// ("Trước đó, …", "từng hội đàm", "trong nhiệm kỳ đầu tiên đã 3 lần
	// hội đàm"): it takes no date or place from the article.
	undated bool
}

type topicRef struct {
	topic string
	sent  int
}

// findMeetings reads each sentence's triggers and the officials around
// them, then settles each meeting's status by its date.
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
		c := &clause{si: si, ms: ms, dates: dates, vals: vals, lastDay: lastDay, used: map[*mention]bool{}}
		before := len(x.meets)
		for _, t := range x.triggersIn(s) {
			if t.Start < s.start || t.Start >= s.end || x.insideMention(ms, t.Start) || t.Direct && x.compoundBefore(t.Start) {
				continue
			}
			x.meetingAt(c, t)
		}
		x.upgradeKinds(si, before)
		if len(x.meets) == before {
			x.listedParticipants(si, ms, lastDay)
		}
		stamp := x.stampSentence(si, ms)
		for k, v := range vals {
			if v.P == schema.Day && !dates[k].subordinate && !dates[k].spanStart && !stamp {
				lastDay = v
			}
		}
	}
	// Status from dates: a meeting dated after the article is planned.
	pub := x.res.published
	for _, m := range x.meets {
		if m.date.IsZero() && !pub.IsZero() && !m.undated && (m.status == schema.Held || !x.vagueFutureIn(m.sents)) {
			// A held meeting the text gives no date for happened by the
			// article's date, and one announced without a date is for the
			// days the article reports: its month (or year), no more
			// precise.
			switch pub.P {
			case schema.Day, schema.Month:
				m.date = schema.MonthDate(pub.Y, pub.M)
			default:
				m.date = pub
			}
		}
		// One day of slack: a date line in Korean time can precede a
		// meeting reported in Washington's local time.
		if m.status == schema.Held && !m.past && !pub.IsZero() && !m.date.IsZero() && m.date.First().Compare(pub.Last().AddDays(1)) > 0 {
			m.status = schema.Planned
		}
	}
}

// stampSentence reports a page's time stamp ("Thứ bảy, 26/09/2015 07:25
// GMT+7", "21:39 | 07/08/2017"): a short sentence naming no official that
// gives a full date beside a clock time. It is when the page was
// written, not the day of the meetings that follow.
func (x *doc) stampSentence(si int, ms []*mention) bool {
	s := x.sent[si]
	if len(ms) > 0 || s.end-s.start > 24 {
		return false
	}
	full := false
	for _, e := range x.dates[si] {
		if e.d > 0 && e.m > 0 && e.y > 0 {
			full = true
		}
	}
	if !full {
		return false
	}
	if s.end-s.start <= 10 && len(x.triggersIn(s)) == 0 && x.lineOfItsOwn(si) {
		return true // "Thứ tư, 28/07/2021" on a line of its own
	}
	for k := s.start + 1; k+1 < s.end; k++ {
		if x.word(k) == ":" && x.toks[k-1].Kind == vntext.Number && x.toks[k+1].Kind == vntext.Number && len(x.toks[k+1].Norm) == 2 {
			return true
		}
	}
	return false
}

// lineOfItsOwn reports a sentence that is a whole line of the text.
func (x *doc) lineOfItsOwn(si int) bool {
	s := x.sent[si]
	a, b := x.toks[s.start].Start, x.toks[s.end-1].End
	before := strings.LastIndexByte(x.text[:a], '\n')
	after := strings.IndexByte(x.text[b:], '\n')
	return strings.TrimSpace(x.text[before+1:a]) == "" && (after < 0 || strings.TrimSpace(x.text[b:b+after]) == "")
}

// mechanismNounAt reports "cơ chế đối thoại" or "cơ chế tham vấn" (a
// dialogue mechanism) at token i: what is co-chaired when a sentence's
// officials co-chair it, a subject of talk otherwise (no trigger).
func (x *doc) mechanismNounAt(i int) bool {
	return x.wordsAre(i-2, "cơ", "chế") && (x.wordsAre(i, "đối", "thoại") || x.wordsAre(i, "tham", "vấn"))
}

// upgradeKinds applies a summit word that named no meeting of its own to
// the meeting it stands for: "… đã nhóm họp … trong hội nghị thượng đỉnh
// ba bên" (the meeting this sentence reported), "cuộc gặp thượng đỉnh
// Mỹ-Trung này" (the last meeting between a US and a Chinese official).
func (x *doc) upgradeKinds(si, before int) {
	s := x.sent[si]
	for k := s.start + 2; k+1 < s.end; k++ {
		if !x.mechanismNounAt(k) {
			continue
		}
		for _, m := range x.meets[before:] {
			if !m.pending && x.wordsAre(m.trig, "đồng", "chủ", "trì") && containsInt(m.sents, si) {
				m.kind, m.generic = x.kinds.mechanism, false
			}
		}
	}
	for _, t := range x.triggersIn(s) {
		if t.Start < s.start || t.Start >= s.end || x.reporting[t.Start] {
			continue
		}
		if t.Kind.ID == x.kinds.mechanism {
			// "cuộc họp đầu tiên của nhóm công tác": a consultation
			// reported by a generic word before it.
			// "khởi động cơ chế đối thoại cấp cao dưới sự đồng chủ trì của
			// A và B": what two officials co-chair is the mechanism.
			for _, m := range x.meets[before:] {
				cochair := x.wordsAre(m.trig, "đồng", "chủ", "trì")
				if !m.pending && (m.generic && m.trig < t.Start || cochair) && containsInt(m.sents, si) {
					m.kind, m.generic = x.kinds.mechanism, false
				}
			}
			continue
		}
		if t.Kind.ID != x.kinds.leaders {
			continue
		}
		prev := x.word(t.Start - 1)
		if prev == "trong" || prev == "tại" || prev == "là" {
			for _, m := range x.meets[before:] {
				if !m.pending && len(m.parts) >= 2 && containsInt(m.sents, si) {
					m.kind = x.kinds.leaders
				}
			}
			continue
		}
		// Countries compounded after the trigger.
		var ccs []string
		for i := t.End; i < s.end; i++ {
			cc, ok := x.g.CompoundCountry(x.word(i))
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
				m.kind = x.kinds.leaders
				break
			}
		}
	}
}

// clause is one sentence as the meeting readers see it: its mentions, its
// dates resolved in order, the last day-precision date before it, and the
// mentions already taken as counterparts by its earlier triggers.
type clause struct {
	si      int
	ms      []*mention
	dates   []dateExpr
	vals    []schema.Date
	lastDay schema.Date
	used    map[*mention]bool
}

// site is one trigger in its sentence, being read: the connector that
// introduces the counterparts ("với", "giữa"), the counterparts (objects)
// and the subjects, and from them the participant sets of the meetings it
// reports.
type site struct {
	x *doc
	c *clause
	s sentence
	t gazetteer.TriggerMatch

	conn         string // "với", "giữa" or ""
	connAt       int
	objects      []*mention
	subjects     []*mention
	subjectAfter bool // the subject follows the meeting phrase
}

// meetingAt reads the meeting a trigger reports, if any.
func (x *doc) meetingAt(c *clause, t gazetteer.TriggerMatch) {
	if x.wishBefore(t.Start) {
		return // "mong đợi gặp ông Kim": a wish, not a meeting
	}
	st := &site{x: x, c: c, s: x.sent[c.si], t: t, connAt: -1}
	st.findConnector()
	if !st.findObjects() {
		return
	}
	st.findSubjects()
	sets := st.participantSets()
	date, ownDate := st.when()
	place := x.placeNear(c.si, t.Start, c.ms)
	pairMode := false
	if len(sets) == 0 && !st.s.furniture {
		if _, dated := x.dateAfter(c.si, t.End, c.dates, c.vals); dated {
			if set := x.countryPair(c.si, t, c.ms); set != nil {
				sets = append(sets, set)
				pairMode = true
			}
		}
	}
	if pairMode {
		// "hội nghị thượng đỉnh Mỹ-Triều … hồi tháng 6/2018": the date that
		// follows the named meeting.
		date, ownDate = x.dateAfter(c.si, t.End, c.dates, c.vals)
	}
	if len(sets) == 0 && len(c.ms) < 2 && !st.s.furniture {
		// "Hai nhà lãnh đạo đã gặp nhau lần đầu hồi tháng 6/2017": the
		// officials of the last meeting, met again (or before).
		if last := x.anaphorMeeting(st.s.start, t.Start); last != nil {
			if date.IsZero() && place == "" && x.status(c.si, t, nil) == schema.Planned {
				// "Hai bên nhất trí sẽ gặp mặt vào thời điểm sớm nhất": an
				// intention with no date or place is no planned meeting.
				return
			}
			sets = append(sets, nil)
			for _, o := range last.parts {
				sets[0] = append(sets[0], &mention{off: o})
			}
		}
	}
	if len(sets) == 0 {
		st.pend(date, ownDate, place)
		return
	}
	st.record(sets, date, ownDate, place, pairMode)
}

// findConnector finds "với" or "giữa" shortly after the trigger, which
// introduces the counterparts ("đã có cuộc điện đàm kéo dài 35 phút với
// …"), before any clause break, name or other trigger.
func (st *site) findConnector() {
	x, t := st.x, st.t
	for k := t.End; !t.Direct && k < st.s.end && k <= t.End+14; k++ {
		if w := x.word(k); w == "với" || w == "giữa" {
			st.conn, st.connAt = w, k
			return
		}
		if w := x.word(k); w == "." || w == ";" || w == ":" || x.insideMention(st.c.ms, k) || x.nonDirectTriggerAt(k) {
			return
		}
	}
}

// findObjects finds the counterparts: the group of officials after the
// connector, or right after the trigger. It reports false when a direct
// trigger ("gặp", "tiếp") has none, so reports no meeting.
func (st *site) findObjects() bool {
	x, t, conn, connAt := st.x, st.t, st.conn, st.connAt
	objFrom := -1
	for k, m := range st.c.ms {
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
		return false
	}
	if objFrom >= 0 {
		st.objects = x.group(st.c.ms, objFrom, 1)
	}
	return true
}

func (st *site) inObjects(m *mention) bool {
	for _, o := range st.objects {
		if o == m {
			return true
		}
	}
	return false
}

// findSubjects finds the subject: the last official before the trigger not
// already a counterpart in this sentence, with those joined to it; else the
// first one after the counterparts ("Tại cuộc gặp với B, ông A …"); else a
// bare pronoun standing for the official last named.
func (st *site) findSubjects() {
	x, t, ms := st.x, st.t, st.c.ms
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.end <= t.Start && !st.c.used[m] && !st.inObjects(m) && !x.inAppositive(st.s.start, m.tstart, t.Start) {
			if x.possessor(m) {
				continue // "A, Đặc phái viên của Tổng Bí thư B, đã hội đàm": A's
			}
			st.subjects = x.group(ms, k, -1)
			break
		}
	}
	if len(st.subjects) == 0 && len(st.objects) > 0 && (st.conn == "với" || t.Direct) {
		last := st.objects[len(st.objects)-1]
		for k, m := range ms {
			if m.start >= last.end && !st.c.used[m] {
				st.subjects = x.group(ms, k, 1)
				st.subjectAfter = true
				break
			}
		}
	}
	if len(st.subjects) == 0 && len(st.objects) > 0 && (st.conn != "" || t.Direct || st.objects[0].tstart == t.End) {
		// "ông sẽ có cuộc gặp thượng đỉnh với …": a bare pronoun stands
		// for the official last named before this sentence.
		if p := x.pronounSubject(st.c.si, t.Start); p != nil && !st.inObjects(p) {
			st.subjects = []*mention{p}
		}
	}
}

// possessor reports an official named as whose the title before the name
// is ("Đặc phái viên của Tổng Bí thư B", "Cố vấn của Tổng thống B"): the
// title after "của" is B's, the one before it another's (the envoy's,
// named before or not at all), who is the one that meets.
func (x *doc) possessor(m *mention) bool {
	for k := m.tstart; k+1 < m.start; k++ {
		if x.word(k) != "của" || !x.inTitle[k+1] {
			continue
		}
		if n := x.nameAt[k+1]; n >= 0 && x.sc.Names[n].Country() != nil {
			continue // "Chủ tịch Quốc hội của Hungary B": B's own title
		}
		// "Cố vấn An ninh Quốc gia của Tổng thống Mỹ B" is B's own title
		// when B is not the president: the holder of the title after "của"
		// is the possessor.
		if end, roles := x.g.TitleHead(x.toks, k+1); end > k+1 && len(roles) > 0 && x.heldOn(m.off, roles) {
			return true
		}
	}
	return false
}

// participantSets are the meetings the trigger reports, as mention sets:
// one of all ("giữa A và B", "A gặp B"), one per counterpart after a
// plural ("các cuộc gặp với A, B và C"), or the group of subjects or
// objects alone ("A và B đã hội đàm").
func (st *site) participantSets() [][]*mention {
	x, t, objects, subjects := st.x, st.t, st.objects, st.subjects
	var sets [][]*mention
	switch {
	case st.conn == "giữa" && len(objects) > 0:
		all := objects
		if honorifics[x.word(st.connAt+1)] && st.connAt+2 < len(x.toks) && !x.toks[st.connAt+2].Upper && len(subjects) > 0 {
			// "giữa ông và Nhà lãnh đạo Triều Tiên Kim Jong Un": the pronoun
			// is the sentence's subject.
			all = append([]*mention{subjects[len(subjects)-1]}, all...)
		}
		if len(all) == 1 && len(subjects) > 0 {
			all = append(all, subjects[len(subjects)-1])
		}
		sets = append(sets, all)
	case st.conn == "với" || t.Direct || len(objects) > 0 && objects[0].tstart == t.End && len(subjects) > 0 && st.conn != "giữa":
		if len(objects) == 0 || len(subjects) == 0 {
			break
		}
		if len(subjects) == 1 && len(objects) > 1 && (x.oneByOne(t, st.connAt) || st.principalHosts()) {
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
	return sets
}

// principalHosts reports counterparts that are each a principal of one
// other country ("hội kiến Thủ tướng A và Chủ nhiệm B" of the host
// country): a visitor calls on each of them in turn, so each is a meeting
// of its own. A deputy, an ambassador or a spokesperson among them makes
// them one delegation.
func (st *site) principalHosts() bool {
	x, subj := st.x, st.subjects[0].off
	cc := st.objects[0].off.Country
	if cc == "" || cc == subj.Country {
		return false
	}
	for _, o := range st.objects {
		if o.off.Country != cc || !x.principal(o) {
			return false
		}
	}
	return true
}

// when is the meeting's date: the one written nearest the meeting phrase,
// whether it was written in this sentence.
func (st *site) when() (schema.Date, bool) {
	hi := st.t.End
	if n := len(st.objects); n > 0 && st.objects[n-1].end > hi {
		hi = st.objects[n-1].end // "… với Thủ tướng Abe vào ngày 24/12"
	}
	if st.x.backReference(st.t) {
		// "Tại cuộc gặp, …": the meeting just reported; its date is not
		// the one of whatever else the sentence tells.
		return schema.Date{}, false
	}
	return st.x.nearestDate(st.c.si, st.t.Start, hi, st.c.dates, st.c.vals)
}

// pend keeps an event reported without names ("Hàn Quốc và Mỹ ngày 16/12
// đã tiến hành cuộc tham vấn") for the next sentences to name its
// participants; only one, dated, before any meeting.
func (st *site) pend(date schema.Date, ownDate bool, place string) {
	x, t, s := st.x, st.t, st.s
	if st.describesLast(date, ownDate, place) {
		return
	}
	if t.Direct || s.furniture || !ownDate || x.pendingEvent() != nil {
		return
	}
	// After other meetings, only an event that counts its sides ("cuộc gặp
	// giữa ba Bộ trưởng Ngoại giao") waits for its participants.
	if len(x.realMeetings()) > 0 && !(st.conn == "giữa" && countWord(x.word(st.connAt+1))) {
		return
	}
	kind := t.Kind.ID
	for _, o := range x.triggersIn(s) {
		if o.Start >= s.start && o.Start < s.end && x.g.KindRank(o.Kind.ID) > x.g.KindRank(kind) && !x.referenceBefore(o.Start) {
			kind = o.Kind.ID
		}
	}
	x.meets = append(x.meets, &meeting{pending: true, kind: kind, date: date, ownDate: ownDate,
		place: place, sents: []int{st.c.si}, first: st.c.si, status: x.status(st.c.si, t, nil)})
}

// describesLast reads a sentence about the meeting just reported that
// names no one: "Cuộc gặp diễn ra tại thủ đô Tokyo …", "Cuộc hội đàm được
// tổ chức tại …": its place (and date) are that meeting's when it has
// none.
func (st *site) describesLast(date schema.Date, ownDate bool, place string) bool {
	x, t, s := st.x, st.t, st.s
	if t.Start > s.start+1 {
		return false
	}
	// Officials named in a clause about another event ("… chưa đầy 1
	// tuần sau khi Tổng thống Hàn Quốc và Thủ tướng Kishida có cuộc gặp
	// tại New York") are not named by this sentence's own.
	other := s.end
	for k := t.End; k+1 < s.end; k++ {
		if x.wordsAre(k, "sau", "khi") || x.wordsAre(k, "trước", "khi") || x.wordsAre(k, "kể", "từ") {
			other = k
			break
		}
	}
	for _, m := range st.c.ms {
		if m.tstart < other {
			return false
		}
	}
	if !(x.wordsAre(t.End, "diễn", "ra") || x.wordsAre(t.End, "được", "tổ", "chức") || x.wordsAre(t.End, "này", "diễn", "ra")) {
		return false
	}
	var last *meeting
	for k := len(x.meets) - 1; k >= 0; k-- {
		if m := x.meets[k]; !m.pending && !m.absorbed && len(m.parts) >= 2 {
			last = m
			break
		}
	}
	if last == nil || st.c.si-last.sents[len(last.sents)-1] > 2 {
		// Before any meeting ("Cuộc gặp diễn ra tại thủ đô Tokyo …" as the
		// lead): the place of the meeting the next sentences report.
		if place != "" && len(x.realMeetings()) == 0 {
			x.leadPlace, x.leadPlaceAt = place, st.c.si
			return true
		}
		return false
	}
	if last.place == "" || place != "" && x.countryPlace(last.place) != "" && x.countryPlace(place) == "" {
		last.place = place
	}
	if last.date.IsZero() && ownDate {
		last.date, last.ownDate = date, true
	}
	if !x.hasSent(last, st.c.si) {
		last.sents = append(last.sents, st.c.si)
	}
	return true
}

// record adds a meeting for each participant set, with its status, and
// lets it take over an event pending from the sentences before.
func (st *site) record(sets [][]*mention, date schema.Date, ownDate bool, place string, pairMode bool) {
	x, t, si := st.x, st.t, st.c.si
	generic := genericTriggers[x.phrase(t.Start, t.End)]
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
			if st.inObjects(m) {
				st.c.used[m] = true
			}
		}
		status := x.status(si, t, st.subjects)
		if st.subjectAfter && x.plannedAfter(st.subjects[len(st.subjects)-1].end) {
			// "Ngoài hội nghị ba bên với A và B, ông Moon còn dự kiến …":
			// the subject's verb, after the meeting phrase, tells the tense.
			status = schema.Planned
		}
		if pairMode && x.announcedAfter(t) || x.wishWordBefore(t.Start) {
			// A wish that got past wishBefore is for a time already set.
			status = schema.Planned
		}
		m := &meeting{parts: parts, status: status, kind: t.Kind.ID, date: date, ownDate: ownDate, place: place,
			sents: []int{si}, first: si, generic: generic, trig: t.Start,
			past: status == schema.Held && x.pastBefore(si, t, st.subjects)}
		if p := x.pendingEvent(); p != nil {
			p.pending = false // the next meeting takes it or it lapses
			p.absorbed = true
			if !ownDate && status == schema.Held && si-p.first <= 3 {
				if generic || x.g.KindRank(p.kind) > x.g.KindRank(m.kind) {
					m.kind = p.kind
				}
				m.date, m.ownDate, m.first = p.date, p.ownDate, p.first
				m.sents = append(append([]int{}, p.sents...), si)
				if m.place == "" || p.place != "" && x.countryPlace(m.place) != "" && x.countryPlace(p.place) == "" {
					m.place = p.place // a city wins over a whole country
				}
			}
		}
		earlier := x.earlierFrame(si, t.Start)
		m.undated = earlier
		if !ownDate && m.date.IsZero() && !earlier && !x.reportedBefore(m) && (status == schema.Held || x.sameDayPart(si) && !x.vagueFuture(si)) {
			// The day of the sentences before, for a held meeting and for
			// one announced for later that day ("Đến chiều, bà sẽ …"). A
			// meeting reported again without a date of its own ("Còn tại
			// cuộc gặp với ông Tập") is the one already reported, whatever
			// day came between.
			m.date = st.c.lastDay
		}
		if m.place == "" && x.leadPlace != "" && si-x.leadPlaceAt <= 3 && !earlier {
			m.place = x.leadPlace
		}
		if p := x.editionPlace(si); p != "" && t.Kind.ID != x.kinds.call {
			// "bên lề Hội nghị Cấp cao ASEAN lần thứ 43": where the edition
			// met, unless the sentence names a city; a city of the edition
			// wins over its whole country.
			if whole := x.countryPlace(m.place); m.place == "" || whole != "" && x.countryPlace(p) == "" && x.g.Place(p).Country == whole {
				m.place = p
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

// addMeeting merges m into a meeting of the same participants, status and
// a compatible date, or adds it.
func (x *doc) addMeeting(m *meeting) {
	for _, o := range x.meets {
		same := sameSet(o.parts, m.parts) || o.core != nil && sameSet(o.core, m.parts)
		if o.pending || o.absorbed || o.status != m.status || !same || !compatible(o.date, m.date) || o.undated != m.undated {
			continue
		}
		// A date written in a report wins over one carried over from
		// earlier sentences; a more precise one over a vaguer one.
		if m.ownDate && (!o.ownDate || m.date.P > o.date.P) || !o.ownDate && m.date.P > o.date.P {
			o.date, o.ownDate = m.date, o.ownDate || m.ownDate
		}
		if o.place == "" || m.place != "" && x.countryPlace(o.place) != "" && x.countryPlace(m.place) == "" {
			o.place = m.place // a city wins over a whole country
		}
		o.past = o.past || m.past
		if o.generic && !m.generic {
			o.kind, o.generic = m.kind, false
		}
		for _, si := range m.sents {
			if !x.hasSent(o, si) {
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

// countWord reports a small count: "hai", "ba", "bốn", "năm".
func countWord(w string) bool {
	return w == "hai" || w == "ba" || w == "bốn" || w == "năm"
}
