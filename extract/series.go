// Series: recurring meetings named by their edition ("Hội nghị Cấp cao
// ASEAN lần thứ 43", "Thượng đỉnh G20 ở Brazil", "APEC 2017"). The
// gazetteer knows when and where each edition met; an edition the text
// names dates a day written without a year and places the meetings held
// on its sidelines.

package extract

import (
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// editionRef is a series named in the text with what singles out its
// edition: the editions that fit (none when nothing does, or nothing was
// said).
type editionRef struct {
	sent       int
	start, end int
	series     *gazetteer.Series
	editions   []gazetteer.Edition
}

// findEditions reads, for each series name, its number ("lần thứ 43",
// "khóa 78", "Khóa họp thứ 78 …", "AMM-52"), year ("APEC 2017", "năm
// 2019") or host ("ở Brazil", "tại Peru nhân dịp … APEC") in its sentence.
func (x *doc) findEditions() {
	for _, sm := range x.sc.Series {
		if sm.End < len(x.toks) {
			next := x.toks[sm.End]
			// "Hội nghị Bộ trưởng Ngoại giao ASEAN-Trung Quốc", "ASEAN+3":
			// another meeting whose name begins with this one's.
			if next.Hyphen && next.Kind == vntext.Word && next.Upper || next.Norm == "+" {
				continue
			}
		}
		si := x.sentOf[sm.Start]
		n, year := x.editionNumber(sm.Start, sm.End)
		var hosts []string // places and countries named for the series
		if n == 0 && year == 0 {
			hosts = x.editionHosts(si, sm)
			if len(hosts) == 0 {
				continue
			}
		}
		ref := editionRef{sent: si, start: sm.Start, end: sm.End, series: sm.Series}
		for _, e := range sm.Series.Editions {
			switch {
			case n != 0 && e.N != n,
				year != 0 && e.Date.Y != year,
				len(hosts) > 0 && !contains(hosts, e.Place) && !contains(hosts, e.Country):
				continue
			}
			ref.editions = append(ref.editions, e)
		}
		if len(ref.editions) > 0 {
			x.editions = append(x.editions, ref)
		}
	}
}

// editionNumber reads the number or year written with a series name:
// after it ("lần thứ 52", "khóa 78", "52", "2017", "năm 2019"), past a
// bracketed short name ("(AMM) lần thứ 52"); or before it ("Khóa họp thứ
// 78 của Đại hội đồng …").
func (x *doc) editionNumber(start, end int) (n, year int) {
	i := end
	if x.word(i) == "(" {
		for k := i + 1; k < len(x.toks) && k <= i+5; k++ {
			if x.word(k) == ")" {
				i = k + 1
				break
			}
		}
	}
	switch {
	case x.wordsAre(i, "lần", "thứ"):
		return ordinalAt(x, i+2), 0
	case x.wordsAre(i, "khóa", "họp", "thứ"):
		return ordinalAt(x, i+3), 0
	case x.wordsAre(i, "khóa", "thứ"):
		return ordinalAt(x, i+2), 0
	case x.word(i) == "khóa":
		return ordinalAt(x, i+1), 0
	case x.word(i) == "năm" && x.isYear(i+1):
		return 0, atoi(x.word(i + 1))
	case x.isYear(i):
		return 0, atoi(x.word(i))
	case i < len(x.toks) && x.toks[i].Kind == vntext.Number && len(x.word(i)) <= 3 && (x.toks[i].Hyphen || x.toks[i].Space):
		return atoi(x.word(i)), 0
	}
	// Before: "Khóa họp thứ 78 (của) Đại hội đồng Liên hợp quốc".
	b := start
	if x.word(b-1) == "của" {
		b--
	}
	for _, lead := range [][]string{{"khóa", "họp", "thứ"}, {"phiên", "họp", "thứ"}, {"kỳ", "họp", "thứ"}} {
		k := b - len(lead) - 1
		if k >= 0 && x.wordsAre(k, lead...) && ordinalAt(x, b-1) != 0 {
			return ordinalAt(x, b-1), 0
		}
	}
	return 0, 0
}

// isYear reports a four-digit year at token i.
func (x *doc) isYear(i int) bool {
	if i >= len(x.toks) || x.toks[i].Kind != vntext.Number || len(x.word(i)) != 4 {
		return false
	}
	y := atoi(x.word(i))
	return y >= 1945 && y <= 2100
}

// editionHosts returns the places and countries named after "tại" or "ở"
// in the series' sentence, near its name: where the edition met.
func (x *doc) editionHosts(si int, sm gazetteer.SeriesMatch) []string {
	s := x.sent[si]
	var out []string
	for _, nm := range x.namesIn(s) {
		if nm.Start < s.start || nm.Start >= s.end || nm.Official() != nil {
			continue
		}
		if nm.Start >= sm.End && nm.Start-sm.End > 6 || nm.End <= sm.Start && sm.Start-nm.End > 10 || nm.Start < sm.End && nm.End > sm.Start {
			continue
		}
		if w := x.word(nm.Start - 1); w != "tại" && w != "ở" && !(nm.Start > sm.End && x.word(nm.Start-1) == ",") {
			continue
		}
		if p := nm.Place(); p != nil {
			out = append(out, p.ID, p.Country)
		} else if c := nm.Country(); c != nil && !x.countryOfTitle(nm.Start) {
			out = append(out, c.Code)
		}
	}
	return out
}

// ordinalAt reads an ordinal at token i: digits ("43"), a Roman numeral
// ("XIII") or Vietnamese number words ("năm", "mười một", "hai mươi
// mốt"); 0 when there is none.
func ordinalAt(x *doc, i int) int {
	if i >= len(x.toks) {
		return 0
	}
	w := x.word(i)
	if x.toks[i].Kind == vntext.Number {
		if len(w) > 3 {
			return 0
		}
		return atoi(w)
	}
	if v := romanValue(w); v > 0 && x.toks[i].Upper {
		return v
	}
	units := map[string]int{"nhất": 1, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "lăm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9}
	if w == "mười" {
		if u := units[x.word(i+1)]; u > 0 && x.word(i+1) != "nhất" {
			return 10 + u
		}
		return 10
	}
	u, ok := units[w]
	if !ok {
		return 0
	}
	if x.word(i+1) == "mươi" {
		if v := units[x.word(i+2)]; v > 0 && x.word(i+2) != "nhất" {
			return u*10 + v
		}
		return u * 10
	}
	if w == "mốt" || w == "lăm" {
		return 0
	}
	return u
}

// romanValue reads a Roman numeral from I to XXXIX; 0 when w is none.
func romanValue(w string) int {
	vals := map[byte]int{'i': 1, 'v': 5, 'x': 10}
	if w == "" || len(w) > 7 {
		return 0
	}
	total := 0
	for k := 0; k < len(w); k++ {
		v, ok := vals[w[k]]
		if !ok {
			return 0
		}
		if k+1 < len(w) && vals[w[k+1]] > v {
			total -= v
		} else {
			total += v
		}
	}
	if total > 39 || toRoman(total) != w {
		return 0 // not written the canonical way: a word, not a numeral
	}
	return total
}

func toRoman(n int) string {
	out := ""
	for _, p := range []struct {
		v int
		s string
	}{{10, "x"}, {9, "ix"}, {5, "v"}, {4, "iv"}, {1, "i"}} {
		for n >= p.v {
			out += p.s
			n -= p.v
		}
	}
	return out
}

// yearFromEditions dates the first day written without a year by the
// editions the text names: the one year in which that day falls within
// 60 days of a named edition and fits the tenures' window.
func (x *doc) yearFromEditions(w window) int {
	if len(x.editions) == 0 {
		return 0
	}
	// "vào tháng 11 năm ngoái, bên lề hội nghị thượng đỉnh G20 ở Bali":
	// the edition's year, a year before the article's.
	found := 0
	for _, ref := range x.editions {
		for _, e := range x.dates[ref.sent] {
			if !e.hasYearOffset {
				continue
			}
			for _, ed := range ref.editions {
				if e.m != 0 && e.m != ed.Date.M || !w.fitsYear(ed.Date.Y-e.yearOffset) {
					continue
				}
				if y := ed.Date.Y - e.yearOffset; found != 0 && found != y {
					return 0
				} else {
					found = y
				}
			}
		}
	}
	if found != 0 {
		return found
	}
	for si, ds := range x.dates {
		if x.sent[si].furniture {
			break
		}
		for _, e := range ds {
			if e.relative || e.subordinate || e.y != 0 || e.d == 0 {
				continue
			}
			for _, ref := range x.editions {
				if x.relativeYearIn(ref.sent) {
					continue // an edition of another year than the article's
				}
				for _, ed := range ref.editions {
					for _, y := range []int{ed.Date.Y - 1, ed.Date.Y, ed.Date.Y + 1} {
						d, err := schema.MakeDate(y, e.m, e.d)
						if err != nil || !w.fits(d) || !x.opt.Today.IsZero() && y > x.opt.Today.Y {
							continue
						}
						if near(d, ed.Date, 60) {
							if found != 0 && found != y {
								return 0
							}
							found = y
						}
					}
				}
			}
			return found
		}
	}
	return 0
}

// relativeYearIn reports a year written relative to the article's in
// sentence si ("năm ngoái", "năm 2019" is not relative).
func (x *doc) relativeYearIn(si int) bool {
	for _, e := range x.dates[si] {
		if e.hasYearOffset {
			return true
		}
	}
	return false
}

// near reports whether day d lies within n days of the span of date e.
func near(d, e schema.Date, n int) bool {
	return d.Within(e.First().AddDays(-n), e.Last().AddDays(n))
}

// editionPlace returns the place of the one edition named in sentence si
// as the frame of what it reports ("bên lề Hội nghị Cấp cao ASEAN lần thứ
// 43", "nhân dịp dự Hội nghị cấp cao APEC", "tại Hội nghị …"): the city
// where it met, else its host country; "" for none, an online edition, or
// editions that disagree.
func (x *doc) editionPlace(si int) string {
	place := ""
	for _, ref := range x.editions {
		if ref.sent != si || !x.frameBefore(ref.start) {
			continue
		}
		for _, ed := range ref.editions {
			p := ed.Place
			if ed.Online {
				p = ""
			} else if p == "" && ed.Country != "" {
				p = gazetteer.CountryPlaceID(ed.Country)
			}
			if p == "" || place != "" && place != p {
				return ""
			}
			place = p
		}
	}
	return place
}

// frameBefore reports a word that makes the event named at token i the
// frame of a meeting: "bên lề", "nhân dịp", "trong khuôn khổ", "dự",
// "tại", "ở".
func (x *doc) frameBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch x.word(k) {
		case "lề", "dịp", "khổ", "dự", "tại", "ở", "trong":
			return true
		}
	}
	return false
}
