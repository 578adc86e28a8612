// Places: where a meeting took place.

package extract

import (
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

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
