// Status and dates: whether a meeting is held or planned, and when.

package extract

import (
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// plannedMarkers announce a meeting that has not happened yet.
var plannedMarkers = [][]string{
	{"dự", "kiến"}, {"sẽ"}, {"có", "kế", "hoạch"}, {"dự", "định"}, {"sắp"}, {"lên", "kế", "hoạch"},
	{"chuẩn", "bị"}, {"kế", "hoạch"}, {"nhất", "trí", "tổ", "chức"},
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
	if x.plannedLead(si) {
		return schema.Planned
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
		if e.subordinate || e.spanStart || vals[k].IsZero() || x.inAppositive(x.sent[si].start, e.start, x.sent[si].end) ||
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
	if vals[best].P == schema.Year && !dates[best].relative {
		// "Từ ngày 19 đến 21-11, … lần thứ 5 năm 2018 …": a year written
		// nearer is the vaguer form of a day the sentence gives.
		for k, e := range dates {
			v := vals[k]
			if k == best || e.subordinate || e.rangeEnd || v.IsZero() || v.P <= vals[best].P || !v.Within(vals[best], vals[best]) ||
				x.inAppositive(x.sent[si].start, e.start, x.sent[si].end) {
				continue
			}
			return v, true
		}
	}
	return vals[best], true
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

// plannedLeads open a sentence about what is to come: "Dự kiến, …",
// "Theo chương trình, …", "Theo kế hoạch, …", "Trong chuyến thăm, … sẽ".
var plannedLeads = [][]string{{"dự", "kiến"}, {"theo", "chương", "trình"}, {"theo", "kế", "hoạch"}, {"theo", "lịch", "trình"}}

// plannedLead reports a sentence that opens with a planned lead.
func (x *doc) plannedLead(si int) bool {
	s := x.sent[si]
	for _, l := range plannedLeads {
		if x.wordsAre(s.start, l...) {
			return true
		}
	}
	return false
}

// pastBefore reports a past marker between the subject and the trigger
// ("đã có cuộc điện đàm", "vừa hội đàm", "phát biểu sau cuộc hội đàm"):
// the text says the meeting happened, whatever the date line says.
func (x *doc) pastBefore(si int, t gazetteer.TriggerMatch, subjects []*mention) bool {
	from := max(x.sent[si].start, t.Start-6)
	if len(subjects) > 0 {
		if e := subjects[len(subjects)-1].end; e <= t.Start && e > from {
			from = e
		}
	}
	for i := from; i < t.Start; i++ {
		switch w := x.word(i); {
		case w == "đã" || w == "vừa" || w == "từng":
			return true
		case w == "sau" && i == t.Start-1:
			return true // "phát biểu sau cuộc hội đàm"
		}
	}
	return false
}

// earlierFrame reports a meeting the sentence sets before the events the
// article reports, so that it takes none of their date or place: "Trước
// đó, …" (before that) opening a sentence that names no place for it (a
// sentence that does, "Trước đó, tại thủ đô London, …", reports a stop of
// the same trip), "từng" (once, ever) before
// the trigger ("hai ông từng gặp nhau"), a past term ("trong nhiệm kỳ đầu
// tiên", "nhiệm kỳ trước"), or a count of meetings ("đã 3 lần hội đàm",
// "nhiều lần gặp").
func (x *doc) earlierFrame(si, trig int) bool {
	s := x.sent[si]
	start := s.start
	if w := x.word(start); w == "và" || w == "còn" || w == "ngoài" {
		start++
	}
	if (x.wordsAre(start, "trước", "đó") || x.wordsAre(start, "trước", "đây")) && x.placeNear(si, trig, nil) == "" {
		return true
	}
	for k := max(s.start, trig-8); k < trig; k++ {
		if x.word(k) == "từng" {
			return true
		}
	}
	for k := s.start; k+1 < trig; k++ {
		if x.wordsAre(k, "nhiệm", "kỳ") {
			switch w := x.word(k + 2); {
			case w == "trước", w == "thứ" && x.word(k+3) == "nhất", w == "đầu" && !x.wordsAre(k+2, "đầu", "năm"):
				return true
			}
		}
	}
	if k := trig - 1; x.word(k) == "lần" {
		if w := x.word(k - 1); w == "nhiều" || countWord(w) || k > 0 && x.toks[k-1].Kind == vntext.Number && atoi(w) > 1 {
			return true
		}
	}
	return false
}

// vagueFuture reports a time the text leaves open ("trong thời gian tới",
// "vào thời điểm thích hợp", "năm tới", "vào cuối năm"), a condition
// ("nếu …"), or a time bound by a date of another
// event ("trước khi về nước vào ngày 12/12"): a meeting announced for it
// has no date.
func (x *doc) vagueFuture(si int) bool {
	s := x.sent[si]
	if len(x.dates[si]) > 0 {
		return true
	}
	for i := s.start; i < s.end; i++ {
		switch {
		case x.wordsAre(i, "thời", "gian", "tới"), x.wordsAre(i, "sắp", "tới"), x.wordsAre(i, "tương", "lai"),
			x.wordsAre(i, "thích", "hợp"), x.wordsAre(i, "sớm", "nhất"), x.wordsAre(i, "năm", "tới"),
			x.wordsAre(i, "năm", "sau"), x.wordsAre(i, "tháng", "tới"), x.wordsAre(i, "thời", "gian", "sớm"), x.wordsAre(i, "khi", "nào"), x.word(i) == "nếu",
			x.wordsAre(i, "cuối", "năm"), x.wordsAre(i, "đầu", "năm"), x.wordsAre(i, "giữa", "năm"):
			return true
		}
	}
	return false
}

// sameDayPart reports a sentence opening with a part of the day and no
// date ("Đến chiều, …", "Buổi tối, …"): the day of the sentences before.
func (x *doc) sameDayPart(si int) bool {
	i := x.sent[si].start
	for x.word(i) == "đến" || x.word(i) == "vào" || x.word(i) == "buổi" {
		i++
	}
	switch x.word(i) {
	case "sáng", "chiều", "tối", "trưa":
		return x.word(i+1) == "," && len(x.dates[si]) == 0
	}
	return false
}

// vagueFutureIn reports vagueFuture of any of the sentences.
func (x *doc) vagueFutureIn(sents []int) bool {
	for _, si := range sents {
		if x.vagueFuture(si) {
			return true
		}
	}
	return false
}

// reportedBefore reports an earlier meeting of the same officials with
// the same status, dated by its own report.
func (x *doc) reportedBefore(m *meeting) bool {
	for _, o := range x.meets {
		if !o.pending && !o.absorbed && o.ownDate && o.status == m.status && sameSet(o.parts, m.parts) {
			return true
		}
	}
	return false
}

// soonFrames set a time a few days ahead: what is looked forward to in
// them is scheduled.
var soonFrames = [][]string{{"vài", "ngày", "tới"}, {"những", "ngày", "tới"}, {"mấy", "ngày", "tới"},
	{"tuần", "tới"}, {"ngày", "mai"}, {"tuần", "này"}, {"cuối", "tuần"}}

// soonAfter reports a soon frame after token i in its sentence.
func (x *doc) soonAfter(i int) bool {
	s := x.sent[x.sentOf[i]]
	for k := i; k < s.end; k++ {
		for _, f := range soonFrames {
			if x.wordsAre(k, f...) {
				return true
			}
		}
	}
	return false
}

// wishBefore reports a wish right before a trigger: "mong đợi gặp", "hy
// vọng sớm gặp", "muốn gặp", "sẵn sàng gặp", "mong đợi cuộc gặp": no
// meeting is reported, held or announced.
func (x *doc) wishBefore(i int) bool {
	// "mong đợi những cuộc đối thoại … trong vài ngày tới": looked forward
	// to at a time already set, so announced (record makes it planned).
	return x.wishWordBefore(i) && !x.soonAfter(i)
}

// wishWordBefore reports a word of wishing right before token i.
func (x *doc) wishWordBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch {
		case x.wordsAre(k, "mong", "đợi"), x.wordsAre(k, "mong", "muốn"), x.wordsAre(k, "hy", "vọng"),
			x.wordsAre(k, "hi", "vọng"), x.wordsAre(k, "sẵn", "sàng"), x.wordsAre(k, "ước", "muốn"),
			x.word(k) == "muốn", x.wordsAre(k, "mong", "được"):
			return true
		}
		if x.toks[k].Kind == vntext.Punct {
			return false
		}
	}
	return false
}
