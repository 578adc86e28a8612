// Kinds by who meets: an in-person meeting of heads of state or
// government is a summit whatever word reports it; a "summit" word over a
// meeting of officials who are not all leaders is talks. Calls stay calls.

package extract

import (
	"strings"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// settleKinds gives each meeting the kind its participants make.
func (x *doc) settleKinds() {
	for _, m := range x.meets {
		if m.pending || m.absorbed || len(m.parts) < 2 || m.kind == x.kinds.call || x.kinds.leaders == "" {
			continue
		}
		leaders, known := 0, 0
		for _, o := range m.parts {
			switch {
			case x.leaderAt(o, m.date):
				leaders++
				known++
			case x.roleKnownAt(o, m.date):
				known++
			}
		}
		switch {
		case leaders == len(m.parts):
			m.kind = x.kinds.leaders
		case m.kind == x.kinds.leaders && known == len(m.parts) && x.kinds.def != "":
			m.kind = x.kinds.def
		}
	}
}

// leaderAt reports whether o was a head of state or government at d (the
// article's date when d is unknown), by the gazetteer's tenures or by a
// title the article gives o.
func (x *doc) leaderAt(o *gazetteer.Official, d schema.Date) bool {
	return x.roleAt(o, d, x.g.IsLeader)
}

// roleKnownAt reports whether anything says which office o held at d: a
// tenure covering it or a title in the article.
func (x *doc) roleKnownAt(o *gazetteer.Official, d schema.Date) bool {
	return x.roleAt(o, d, func(string) bool { return true })
}

// roleAt reports whether o held, at d (the article's date when d is
// unknown), a role that ok accepts: by a tenure covering d, or by a title
// the article gives o (not a former one).
func (x *doc) roleAt(o *gazetteer.Official, d schema.Date, ok func(roleID string) bool) bool {
	if d.IsZero() {
		d = x.res.published
	}
	for _, t := range o.Roles {
		if (d.IsZero() || t.Covers(d)) && ok(t.Role) {
			return true
		}
	}
	for _, r := range x.statedRoles(o) {
		if ok(r) {
			return true
		}
	}
	return false
}

// principal reports a mention whose role (stated, or held at the article's
// date) heads an office: not a deputy, an assistant, an envoy or a
// spokesperson.
func (x *doc) principal(m *mention) bool {
	role := ""
	if m.role != nil {
		role = m.role.ID
	} else {
		for _, t := range m.off.Roles {
			if x.res.published.IsZero() || t.Covers(x.res.published) {
				role = t.Role
				break
			}
		}
	}
	if role == "" {
		return false
	}
	for _, sub := range []string{"vice-", "deputy-", "assistant", "ambassador", "spokesperson", "director-general", "relations-director", "consul",
		"envoy", "acting", "secretary-general", "member"} {
		if strings.Contains(role, sub) {
			return false
		}
	}
	return true
}
