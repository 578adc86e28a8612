// Indexes: the parts of the article's lists that a sentence or a token
// needs, found by binary search instead of a pass over the whole list, so
// that extraction time grows with the article's length, not its square
// (issue 17). Each list is kept in order of position: the scan's names,
// titles and triggers by their first token (abbreviationTriggers sorts the
// triggers it adds), the mentions by their first token and so by sentence
// (sortMentions); TestIndexesSorted checks it.

package extract

import (
	"sort"

	"github.com/dipgraph/dipgraph/gazetteer"
)

// namesIn returns the name matches that start in sentence s, in order.
func (x *doc) namesIn(s sentence) []gazetteer.Match {
	ns := x.sc.Names
	a := sort.Search(len(ns), func(k int) bool { return ns[k].Start >= s.start })
	b := a + sort.Search(len(ns)-a, func(k int) bool { return ns[a+k].Start >= s.end })
	return ns[a:b]
}

// triggersIn returns the triggers that start in sentence s, in order.
func (x *doc) triggersIn(s sentence) []gazetteer.TriggerMatch {
	return x.triggersBetween(s.start, s.end)
}

// triggersBetween returns the triggers that start in tokens [a, b), in
// order.
func (x *doc) triggersBetween(a, b int) []gazetteer.TriggerMatch {
	ts := x.sc.Triggers
	i := sort.Search(len(ts), func(k int) bool { return ts[k].Start >= a })
	j := i + sort.Search(len(ts)-i, func(k int) bool { return ts[i+k].Start >= b })
	return ts[i:j]
}

// mentionsOf returns the mentions of sentence si, in order.
func (x *doc) mentionsOf(si int) []*mention {
	a := x.firstMentionOf(si)
	b := a + sort.Search(len(x.mentions)-a, func(k int) bool { return x.mentions[a+k].sent > si })
	return x.mentions[a:b]
}

// firstMentionOf returns the index of the first mention of sentence si or
// of a later one (len(x.mentions) if none).
func (x *doc) firstMentionOf(si int) int {
	return sort.Search(len(x.mentions), func(k int) bool { return x.mentions[k].sent >= si })
}

// meetingsBySentence returns, per sentence, the meetings among meets whose
// reports include it, in the order of meets.
func (x *doc) meetingsBySentence(meets []*meeting) [][]*meeting {
	out := make([][]*meeting, len(x.sent))
	for _, m := range meets {
		for _, si := range m.sents {
			if l := out[si]; len(l) == 0 || l[len(l)-1] != m {
				out[si] = append(out[si], m)
			}
		}
	}
	return out
}

// sentSet is the set of a meeting's report sentences, of its first n.
type sentSet struct {
	n   int
	set map[int]bool
}

// hasSent reports whether sentence si is among m's report sentences. A
// meeting's sentences only grow by append once it is in x.meets, so the
// set kept for it takes in the ones added since the last call; a shorter
// list than the one seen (replaced) is read again.
func (x *doc) hasSent(m *meeting, si int) bool {
	if len(m.sents) < 8 {
		return containsInt(m.sents, si)
	}
	if x.sentSets == nil {
		x.sentSets = map[*meeting]*sentSet{}
	}
	s := x.sentSets[m]
	if s == nil || len(m.sents) < s.n {
		s = &sentSet{set: map[int]bool{}}
		x.sentSets[m] = s
	}
	for _, v := range m.sents[s.n:] {
		s.set[v] = true
	}
	s.n = len(m.sents)
	return s.set[si]
}

// roleHolders indexes, by role, the mentions that state it (m.role), for
// roleHolderBefore: the mentions' order and roles are settled by
// resolveRoles, before titleOnlyMentions asks.
type roleHolders struct {
	n int // len(x.mentions) when built
	// by role: the index in x.mentions of its first mention, and of the
	// first mention of another official with it (len(x.mentions) if none)
	first, second map[*gazetteer.Role]int
}

// roleHolderBefore returns the one official that the mentions before title
// t (those before the first whose title or name starts at or after t) give
// one of t's roles, or nil when none or several do.
func (x *doc) roleHolderBefore(t *gazetteer.TitleMatch) *gazetteer.Official {
	h := x.roleHolders
	if h == nil || h.n != len(x.mentions) {
		h = &roleHolders{n: len(x.mentions), first: map[*gazetteer.Role]int{}, second: map[*gazetteer.Role]int{}}
		for k, m := range x.mentions {
			if m.role == nil {
				continue
			}
			f, ok := h.first[m.role]
			if !ok {
				h.first[m.role] = k
				continue
			}
			if _, ok := h.second[m.role]; !ok && x.mentions[f].off != m.off {
				h.second[m.role] = k
			}
		}
		x.roleHolders = h
	}
	// The mentions before t: every mention of an earlier sentence (a
	// mention's title starts in its own sentence), then those of t's
	// sentence up to the first that starts at or after t.
	end := x.firstMentionOf(x.sentOf[t.Start])
	for end < len(x.mentions) && x.mentions[end].tstart < t.Start {
		end++
	}
	var found *gazetteer.Official
	for _, r := range t.Roles {
		f, ok := h.first[r.Role]
		if !ok || f >= end {
			continue
		}
		if s, ok := h.second[r.Role]; ok && s < end {
			return nil
		}
		if o := x.mentions[f].off; found != nil && found != o {
			return nil
		} else {
			found = o
		}
	}
	return found
}

// statedRoles returns the ids of the roles that the article's mentions of
// o state, not as former ones, for roleAt (asked once the mentions and
// their roles are settled: after titleOnlyMentions).
func (x *doc) statedRoles(o *gazetteer.Official) []string {
	if x.stated == nil || x.stated.n != len(x.mentions) {
		x.stated = &statedIndex{n: len(x.mentions), roles: map[*gazetteer.Official][]string{}}
		for _, m := range x.mentions {
			if m.role != nil && !m.former && !contains(x.stated.roles[m.off], m.role.ID) {
				x.stated.roles[m.off] = append(x.stated.roles[m.off], m.role.ID)
			}
		}
	}
	return x.stated.roles[o]
}

type statedIndex struct {
	n     int
	roles map[*gazetteer.Official][]string
}
