// Roles: which role a title beside a name states, at the article's date.

package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// holdsAnyEver reports whether o ever held one of the roles (per the
// gazetteer); an official not known yet (nil: a name being read) may.
func holdsAnyEver(o *gazetteer.Official, roles []gazetteer.TitleRole) bool {
	if o == nil {
		return true
	}
	for _, t := range o.Roles {
		for _, r := range roles {
			if r.Role.ID == t.Role {
				return true
			}
		}
	}
	return false
}

// isLeader reports whether o was a head of state or a country's leader at
// the date (or the article's date): presidents, general secretaries,
// North Korea's leader, Japan's prime minister.
func (x *doc) isLeader(o *gazetteer.Official, d schema.Date) bool {
	if d.IsZero() {
		d = x.res.published
	}
	for _, t := range o.Roles {
		if !d.IsZero() && !t.Covers(d) {
			continue
		}
		if x.g.IsLeader(t.Role) {
			return true
		}
	}
	return false
}

// heldAny reports whether o held one of the roles at the article's date, or
// a mention of o in the article stated one of them.
func (x *doc) heldAny(o *gazetteer.Official, roles []gazetteer.TitleRole) bool {
	for _, m := range x.mentions {
		if m.off == o && m.role != nil {
			for _, r := range roles {
				if r.Role == m.role {
					return true
				}
			}
		}
	}
	return x.heldOn(o, roles)
}

// heldOn reports whether o held one of the roles at the article's date (or
// ever, when the article has none).
func (x *doc) heldOn(o *gazetteer.Official, roles []gazetteer.TitleRole) bool {
	for _, t := range o.Roles {
		if !x.res.published.IsZero() && !t.Covers(x.res.published) {
			continue
		}
		for _, r := range roles {
			if r.Role.ID == t.Role {
				return true
			}
		}
	}
	return false
}

// former reports "cựu" (former) before token i.
func (x *doc) former(i int) bool {
	w := x.word(i - 1)
	return w == "cựu" || w == "cố" // "cố Tổng Bí thư": the late
}

// rolesBefore returns the roles the title right before token i can name,
// or nil when an honorific (no title) stands there.
func (x *doc) rolesBefore(i int) *roleSet {
	probe := &mention{start: i, end: i + 1, tstart: i, sent: x.sentOf[i]}
	x.readTitle(probe)
	switch {
	case probe.title != nil:
		return &roleSet{list: probe.title.Roles}
	case probe.headRoles != nil:
		return &roleSet{list: probe.headRoles}
	}
	return nil
}

// roleSet is a list of roles asked whether it has a role id: a generic
// title's list has hundreds, most often asked about a few times or not at
// all, so the set of their ids is made only when asked many times.
type roleSet struct {
	list  []gazetteer.TitleRole
	asked int
	ids   map[string]bool
}

// has reports whether the list has the role of id id.
func (s *roleSet) has(id string) bool {
	if s.ids == nil && s.asked < 4 {
		s.asked++
		for _, c := range s.list {
			if c.Role.ID == id {
				return true
			}
		}
		return false
	}
	if s.ids == nil {
		s.ids = make(map[string]bool, len(s.list))
		for _, c := range s.list {
			s.ids[c.Role.ID] = true
		}
	}
	return s.ids[id]
}

// resolveRoles settles the role each titled mention states and records the
// holds.
func (x *doc) resolveRoles() {
	date := x.res.published
	for k, m := range x.mentions {
		var cands []gazetteer.TitleRole
		switch {
		case m.title != nil:
			cands = m.title.Roles
		case m.headRoles != nil:
			cands = m.headRoles
		case m.counterpart:
			if other := x.counterpartOf(k); other != nil {
				cands = other
			}
		}
		if len(cands) == 0 {
			x.titlesAfter(m, date)
			continue
		}
		for _, t := range m.more {
			if r := pickRole(x.g, t.Roles, append(append([]string{}, t.Countries...), m.countries...), m.off, date); r != nil && !m.former {
				x.addHold(m.off, r, m.sent)
			}
		}
		r := pickRole(x.g, cands, m.countries, m.off, date)
		if r == nil {
			continue
		}
		m.role = r
		if m.off.Provisional {
			if info := x.offSeen[m.off]; !contains(info.titles, r.ID) {
				info.titles = append(info.titles, r.ID)
			}
			if m.off.Country == "" {
				m.off.Country = r.Country
			}
		}
		if !m.former {
			x.addHold(m.off, r, m.sent)
		}
	}
}

// titlesAfter reads titles written after a name that has none before it:
// "bà Federica Mogherini, Phó Chủ tịch Ủy ban châu Âu, kiêm Đại diện cấp
// cao …", "ông Ngô Xuân Lịch - Ủy viên Bộ Chính trị, Bộ trưởng Bộ Quốc
// phòng -", "Gina Raimondo, Bộ trưởng Thương mại Mỹ". A title followed by
// a name belongs to that name ("A, Bộ trưởng Ngoại giao B").
func (x *doc) titlesAfter(m *mention, date schema.Date) {
	if m.off == nil {
		return
	}
	i := m.end
	s := x.sent[m.sent]
	if i >= s.end {
		return
	}
	switch {
	case x.dashBefore(i):
		// "X - Ủy viên …, Trưởng Ban …": the dash is no token of its own.
	case x.word(i) == "," || x.word(i) == "(":
		i++
	default:
		return
	}
	for n := 0; n < 6 && i < s.end; n++ {
		t := x.titleStarting(i)
		if t == nil {
			// Skip a membership or post that is not a role ("Ủy viên Bộ
			// Chính trị,", "Phó Bí thư Quân ủy Trung ương,") up to the
			// next comma.
			k := i
			for k < s.end && k-i < 12 && x.word(k) != "," && x.word(k) != ";" && x.word(k) != "." {
				k++
			}
			if x.word(k) != "," || k == i {
				return
			}
			i = k + 1
			continue
		}
		end := t.End
		countries := append([]string{}, t.Countries...)
		if k := x.nameAt[end]; end < s.end && k >= 0 {
			nm := x.sc.Names[k]
			if c := nm.Country(); c != nil && nm.Official() == nil {
				countries = append(countries, c.Code)
				end = nm.End
			} else {
				return // the title of the name that follows
			}
		}
		if end < s.end && x.toks[end].Upper && x.toks[end].Kind == vntext.Word {
			return // "A, Bộ trưởng X Y": an unknown name follows
		}
		if r := pickRole(x.g, t.Roles, countries, m.off, date); r != nil {
			if m.role == nil {
				m.role = r
			}
			x.addHold(m.off, r, m.sent)
		}
		i = end
		if i >= s.end {
			return
		}
		if w := x.word(i); w != "," && w != "kiêm" && w != "và" {
			return
		}
		i++
		if x.word(i) == "kiêm" {
			i++
		}
	}
}

// dashBefore reports a dash standing alone (" - ", " – ") right before
// token i, in the text between it and the token before; tokenising keeps
// no token of it.
func (x *doc) dashBefore(i int) bool {
	if i <= 0 || i >= len(x.toks) {
		return false
	}
	gap := x.text[x.toks[i-1].End:x.toks[i].Start]
	return strings.ContainsAny(gap, "-–—")
}

// titleStarting returns the title match that starts at token i, or nil.
func (x *doc) titleStarting(i int) *gazetteer.TitleMatch {
	for k := range x.sc.Titles {
		if t := &x.sc.Titles[k]; t.Start == i {
			return t
		} else if t.Start > i {
			break
		}
	}
	return nil
}

// addHold records that an official holds a role, stated in sentence si
// (the first sentence that states it).
func (x *doc) addHold(o *gazetteer.Official, r *gazetteer.Role, si int) {
	key := [2]string{o.ID, r.ID}
	if _, ok := x.holds[key]; !ok {
		x.holds[key] = si
	}
}

// counterpartOf returns the title candidates of the official whose
// counterpart mention k is: the titled official named last before it in the
// same sentence, else in the article.
func (x *doc) counterpartOf(k int) []gazetteer.TitleRole {
	m := x.mentions[k]
	// "ông Biden … với người tương nhiệm Việt Nam": the official named
	// last before it in the sentence, by the title of any of their
	// mentions.
	for j := k - 1; j >= 0 && x.mentions[j].sent == m.sent; j-- {
		o := x.mentions[j]
		if o.off == m.off || o.counterpart || x.inAppositive(x.sent[m.sent].start, o.start, m.start) {
			continue // "A, người tháp tùng ông Kim, … người đồng cấp": A's
		}
		if o.title == nil && o.headRoles == nil {
			for _, p := range x.mentions {
				if p.off == o.off && !p.counterpart && p.title != nil {
					return p.title.Roles
				}
			}
		}
		break
	}
	for j := k - 1; j >= 0; j-- {
		o := x.mentions[j]
		if o.off == m.off || o.counterpart {
			continue
		}
		if o.title != nil {
			return o.title.Roles
		}
		if o.headRoles != nil {
			return o.headRoles
		}
	}
	return nil
}

// pickRole chooses among the roles a title can name: those of the
// countries written in or beside the title (else of the official's
// country), then the one the official held at the date, else the only or
// first one left.
func pickRole(g *gazetteer.Gazetteer, cands []gazetteer.TitleRole, countries []string, o *gazetteer.Official, date schema.Date) *gazetteer.Role {
	// keepOnly keeps the n candidates keep keeps, all when n is 0; the
	// list made is the only one (cands belongs to the gazetteer).
	var own []gazetteer.TitleRole
	count := func(keep func(gazetteer.TitleRole) bool) int {
		n := 0
		for _, c := range cands {
			if keep(c) {
				n++
			}
		}
		return n
	}
	keepOnly := func(keep func(gazetteer.TitleRole) bool, n int) {
		if n == 0 || n == len(cands) {
			return
		}
		out := own[:0] // own may be cands: filtered in place, front to back
		if cap(out) < n {
			out = make([]gazetteer.TitleRole, 0, n)
		}
		for _, c := range cands {
			if keep(c) {
				out = append(out, c)
			}
		}
		cands, own = out, out
	}
	filter := func(keep func(gazetteer.TitleRole) bool) { keepOnly(keep, count(keep)) }
	held := func(c gazetteer.TitleRole, at schema.Date) bool {
		for _, t := range o.Roles {
			if t.Role == c.Role.ID && (at.IsZero() || t.Covers(at)) {
				return true
			}
		}
		return false
	}
	// ofCountry is filter by one country, through the gazetteer's index
	// of long lists when cands is one.
	ofCountry := func(country string) {
		if sub, ok := g.RolesOfCountry(cands, country); ok {
			if len(sub) > 0 {
				cands = sub // the gazetteer's: read, never written
			}
			return
		}
		filter(func(c gazetteer.TitleRole) bool { return c.Country == country })
	}
	if len(countries) > 0 {
		if oneValue(countries) {
			ofCountry(countries[0])
		} else {
			filter(func(c gazetteer.TitleRole) bool { return contains(countries, c.Country) })
		}
	} else if o.Country != "" {
		ofCountry(o.Country)
	}
	if o.Country != "" {
		// A role is one of the official's own country, or one the
		// gazetteer says the official held (Tusk, of Poland, as European
		// Council president): a title that names no such role states
		// nothing (no borrowed roles).
		mine := func(c gazetteer.TitleRole) bool { return c.Country == o.Country || held(c, schema.Date{}) }
		n := count(mine)
		if n == 0 {
			return nil
		}
		keepOnly(mine, n)
	}
	for _, c := range cands {
		if held(c, date) {
			return c.Role
		}
	}
	if len(countries) == 0 && o.Country == "" && len(cands) > 1 {
		return nil
	}
	for _, c := range cands {
		if held(c, schema.Date{}) {
			return c.Role
		}
	}
	if len(o.Roles) > 0 && len(cands) > 1 {
		// A known official, a title that fits none of their tenures and
		// several readings: do not guess.
		return nil
	}
	return cands[0].Role
}

// oneValue reports whether every string of list (not empty) is its first.
func oneValue(list []string) bool {
	for _, v := range list[1:] {
		if v != list[0] {
			return false
		}
	}
	return true
}
