// Places: where a meeting took place.

package extract

import (
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// placeNear returns the place written after "tại", "ở", "tới" or "đến" in
// the sentence, closest to the trigger, outside official titles.
func (x *doc) placeNear(si int, trig int, ms []*mention) string {
	s := x.sent[si]
	best, bestDist := "", 1<<30
	country, countryDist := "", 1<<30
	for _, nm := range x.namesIn(s) {
		if nm.Start < s.start || nm.Start >= s.end {
			continue
		}
		p := nm.Place()
		isCountry := false
		if p == nil && nm.Official() == nil && nm.Country() != nil && !x.countryOfTitle(nm.Start) {
			// A country where no city is named: "thăm chính thức Việt
			// Nam", "tại Anh".
			p, isCountry = x.g.CountryPlace(nm.Country().Code), true
		}
		if p == nil || x.insideMention(ms, nm.Start) || x.inTitle[nm.Start] {
			continue
		}
		// "tại Washington", "tại thành phố Gyeongju", "tại Bảo tàng Quốc
		// gia Gyeongju": a locative within a few words, with only a
		// venue's name between.
		ok := false
		reach := 6
		if isCountry {
			// A country only right after the locative ("tại Anh", "thăm
			// chính thức Việt Nam"), outside asides: "Ngày Quốc gia Mỹ tại
			// Expo" names no place.
			reach = 3
			if x.inAppositive(s.start, nm.Start, s.end) {
				continue
			}
		}
		limit := nm.Start - reach
		for k := nm.Start - 1; k >= s.start && k >= limit; k-- {
			w := x.word(k)
			if !isCountry && (w == "," || w == "." && x.word(k-1) == "tp") {
				// "tại huyện Phục Hòa, TP.Cao Bằng": an address, from the
				// smallest unit to the largest; the locative is before it.
				if j := x.addressItemBefore(k); j >= 0 {
					limit -= k - j + 1
					k = j
					continue
				}
			}
			if isCountry && x.toks[k].Upper && w != "thăm" && w != "tại" && w != "ở" && w != "sang" {
				break
			}
			// "bên lề Hội nghị An ninh Munich": the city of the event.
			// A whole country only "tại" or "ở" (at, in): "tới Hàn Quốc"
			// tells a trip, not where its meetings were.
			if w == "tại" || w == "ở" || !isCountry && (w == "tới" || w == "đến" || w == "sang" || w == "lề") {
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
		if isCountry {
			if d < countryDist {
				country, countryDist = p.ID, d
			}
		} else if d < bestDist {
			best, bestDist = p.ID, d
		}
	}
	if best == "" {
		return country // a city, when the sentence names one, wins
	}
	return best
}

// adminUnits open an item of a Vietnamese or Chinese address: "huyện
// Phục Hòa", "TP.Cao Bằng", "tỉnh Quảng Tây".
var adminUnits = map[string]bool{"huyện": true, "xã": true, "phường": true, "quận": true, "thị": true,
	"tp": true, "thành": true, "tỉnh": true, "khu": true, "châu": true}

// addressItemBefore returns where the address item that ends at token k
// (a comma, or the dot of "TP.") starts: its unit word, with at most
// five words after it, or -1 when the words before k are no such item.
func (x *doc) addressItemBefore(k int) int {
	if x.word(k) == "." {
		return k - 1 // "TP." itself
	}
	for j := k - 1; j >= 0 && j >= k-7; j-- {
		if x.toks[j].Kind == vntext.Punct && !(x.word(j) == "." && x.word(j-1) == "tp") {
			return -1
		}
		if adminUnits[x.word(j)] && !x.toks[j].Upper || x.word(j) == "tp" {
			return j
		}
	}
	return -1
}

// countryOfTitle reports a country name that belongs to a title or a
// name's country ("Bộ trưởng Ngoại giao Nga", "Lào Cai (Việt Nam)"):
// right after a title, or in brackets.
func (x *doc) countryOfTitle(i int) bool {
	return x.titleEnd[i] != nil || x.word(i-1) == "("
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

// settlePlaces gives a held meeting without a place the place of another
// held meeting of the article on the same day (the same trip).
func (x *doc) settlePlaces() {
	meets := x.realMeetings()
	visits := x.visitedCountries()
	defer func() {
		for _, m := range meets {
			if m.place != "" || m.status != schema.Held || m.kind == x.kinds.call {
				continue // a planned meeting's place is where it is announced for
			}
			for _, o := range m.parts {
				if cc, ok := visits[o]; ok {
					m.place = gazetteer.CountryPlaceID(cc)
					break
				}
			}
			for _, si := range m.sents {
				if cc := x.tripFrame(si); m.place == "" && cc != "" {
					m.place = gazetteer.CountryPlaceID(cc)
				}
			}
		}
	}()
	for _, m := range meets {
		whole := x.countryPlace(m.place)
		if m.place != "" && whole == "" || m.status != schema.Held || m.date.P != schema.Day || m.kind == x.kinds.call {
			continue // a phone call has no place of its own
		}
		for _, o := range meets {
			if o == m || o.place == "" || o.status != schema.Held || o.date != m.date || x.countryPlace(o.place) != "" || !shareParticipant(o, m) {
				continue
			}
			// A city of the same day, or, for a meeting placed in a whole
			// country, a city of that country.
			if p := x.g.Place(o.place); whole == "" || p != nil && p.Country == whole {
				m.place = o.place
				break
			}
		}
	}
}

// shareParticipant reports whether two meetings are of the same trip: an
// official in common, or the same countries meeting (two delegations).
func shareParticipant(a, b *meeting) bool {
	for _, o := range a.parts {
		if hasPart(b, o) {
			return true
		}
	}
	countries := func(m *meeting) map[string]bool {
		out := map[string]bool{}
		for _, o := range m.parts {
			out[o.Country] = true
		}
		return out
	}
	ca, cb := countries(a), countries(b)
	if len(ca) != len(cb) || len(ca) < 2 {
		return false
	}
	for c := range ca {
		if !cb[c] {
			return false
		}
	}
	return true
}

// visitedCountries returns, per official, the country a sentence says the
// official is visiting ("X bắt đầu chuyến thăm chính thức Việt Nam"): the
// country of that official's meetings that name no place.
func (x *doc) visitedCountries() map[*gazetteer.Official]string {
	out := map[*gazetteer.Official]string{}
	for _, nm := range x.sc.Names {
		c := nm.Country()
		if c == nil || nm.Official() != nil || x.countryOfTitle(nm.Start) || x.inTitle[nm.Start] {
			continue
		}
		visit := false
		for k := nm.Start - 1; k >= 0 && k >= nm.Start-3; k-- {
			if x.word(k) == "thăm" && x.word(k-1) == "chuyến" || x.wordsAre(k-2, "chuyến", "thăm") {
				visit = true
				break
			}
		}
		if !visit {
			continue
		}
		si := x.sentOf[nm.Start]
		for _, m := range x.mentionsOf(si) {
			if m.sent == si && m.end <= nm.Start && m.off.Country != c.Code {
				if _, ok := out[m.off]; !ok {
					out[m.off] = c.Code
				}
				break
			}
		}
	}
	return out
}

// countryPlace returns the country code of a place that stands for a
// whole country, or "".
func (x *doc) countryPlace(id string) string {
	if p := x.g.Place(id); p != nil && id == gazetteer.CountryPlaceID(p.Country) {
		return p.Country
	}
	return ""
}

// tripFrame returns the country of a trip that frames sentence si:
// "Trong khuôn khổ chuyến thăm chính thức của Tổng Bí thư tới Vương quốc
// Anh, …", "Nhân chuyến công du sang Nhật Bản, …".
func (x *doc) tripFrame(si int) string {
	s := x.sent[si]
	for i := s.start; i+1 < s.end; i++ {
		if !(x.wordsAre(i, "chuyến", "thăm") || x.wordsAre(i, "chuyến", "công", "du")) {
			continue
		}
		start := i + 2
		if x.word(i+1) == "công" {
			start++
		}
		for k := start; k < s.end && k < start+4; k++ {
			// "trong khuôn khổ chuyến thăm (chính thức) Trung Quốc": the
			// country right after the visit, with only its kind between.
			if n := x.nameAt[k]; n >= 0 {
				if c := x.sc.Names[n].Country(); c != nil && x.sc.Names[n].Official() == nil && !x.inTitle[k] {
					return c.Code
				}
				break
			}
			if t := x.toks[k]; t.Kind != vntext.Word || t.Upper || x.word(k) == "của" || x.word(k) == "tới" || x.word(k) == "đến" || x.word(k) == "sang" {
				break
			}
		}
		for k := i + 2; k < s.end && k < i+16; k++ {
			if w := x.word(k); w == "," || w == "." {
				break
			}
			if w := x.word(k); w != "tới" && w != "đến" && w != "sang" {
				continue
			}
			if n := x.nameAt[k+1]; n >= 0 {
				if c := x.sc.Names[n].Country(); c != nil && x.sc.Names[n].Official() == nil {
					return c.Code
				}
			}
		}
	}
	return ""
}
