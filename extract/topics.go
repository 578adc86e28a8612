// Topics: what each meeting discussed.

package extract

import (
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

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
	reportedIn := x.meetingsBySentence(meets)
	for si := range x.sent {
		if x.sent[si].furniture {
			for _, m := range reportedIn[si] {
				add(m, si)
			}
			continue
		}
		reported := reportedIn[si]
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
