package gazetteer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// unitWord is how titles write a kind of province: the unit word
// ("tỉnh", "thành phố", "TP") and its party committee ("Tỉnh ủy").
type unitWord struct{ forms, committees []string }

// unitWords are the province units; read only.
var unitWords = map[string]*unitWord{
	"tỉnh":       {forms: []string{"tỉnh"}, committees: []string{"Tỉnh ủy"}},
	"thành phố":  {forms: []string{"thành phố", "TP", "TP."}, committees: []string{"Thành ủy"}},
	"khu tự trị": {forms: []string{"khu tự trị", "Khu tự trị", "khu"}, committees: []string{"Khu ủy", "Đảng ủy Khu tự trị"}},
}

// compiledTitle is a title as the title trie holds it: word ids with the
// country names set aside, and those countries.
type compiledTitle struct {
	seq       []int32
	key       string // seq as a map key
	countries []string
	text      string
}

func seqKey(seq []int32) string {
	b := make([]byte, 0, 4*len(seq))
	for _, id := range seq {
		b = append(b, byte(id), byte(id>>8), byte(id>>16), byte(id>>24))
	}
	return string(b)
}

// compileTitle tokenises a title and sets its country names aside; ok is
// false when nothing but a country is left.
func (m *matcher) compileTitle(title string) (compiledTitle, bool) {
	return m.compileToks(vntext.Tokenize(title), title)
}

// compileParts is compileTitle for a title made of parts (literal words
// and slot values), tokenised once each.
func (m *matcher) compileParts(parts []string, cache map[string][]vntext.Token) (compiledTitle, bool) {
	var toks []vntext.Token
	for _, p := range parts {
		t, ok := cache[p]
		if !ok {
			t = vntext.Tokenize(p)
			cache[p] = t
		}
		toks = append(toks, t...)
	}
	return m.compileToks(toks, "")
}

func (m *matcher) compileToks(toks []vntext.Token, title string) (compiledTitle, bool) {
	keep, countries := m.stripCountries(toks, m.ids(toks, true))
	if len(keep) == 0 {
		return compiledTitle{}, false
	}
	seq := make([]int32, len(keep))
	for i, k := range keep {
		seq[i] = m.id(toks[k].Norm, true)
	}
	return compiledTitle{seq: seq, key: seqKey(seq), countries: countries, text: title}, true
}

// titleAdder inserts titles into the title trie, once per role, country
// set and title.
type titleAdder struct {
	m       *matcher
	seen    map[titleDup]bool
	payload map[string]int32 // title key → payload index
}

type titleDup struct {
	p         int32
	role      *Role
	countries string
}

func (a *titleAdder) add(ct compiledTitle, r *Role) {
	p := a.payloadOf(ct)
	cs := ""
	switch len(ct.countries) {
	case 0:
	case 1:
		cs = ct.countries[0]
	default:
		cs = strings.Join(ct.countries, ",")
	}
	k := titleDup{p, r, cs}
	if a.seen[k] {
		return
	}
	a.seen[k] = true
	a.m.titleRole[p] = append(a.m.titleRole[p], TitleRole{Role: r, Countries: ct.countries})
}

// addNew adds a title of a role just made: no written-out title can
// repeat it, and its caller drops its own repeats (payloads, the
// payloads it added already).
func (a *titleAdder) addNew(ct compiledTitle, r *Role, payloads []int32) []int32 {
	p := a.payloadOf(ct)
	for _, q := range payloads {
		if q == p {
			return payloads
		}
	}
	a.m.titleRole[p] = append(a.m.titleRole[p], TitleRole{Role: r, Countries: ct.countries})
	return append(payloads, p)
}

// payloadOf returns the payload index of a title, inserting it.
func (a *titleAdder) payloadOf(ct compiledTitle) int32 {
	m := a.m
	p, ok := a.payload[ct.key]
	if !ok {
		s := m.titles.insert(ct.seq)
		p = m.titles.payload[s]
		if p < 0 {
			p = int32(len(m.titleRole))
			m.titleRole = append(m.titleRole, nil)
			m.titles.payload[s] = p
		}
		a.payload[ct.key] = p
	}
	return p
}

// instance is one role a template gives: for one country or province.
type instance struct {
	id, name, country string
	titles            []compiledTitle
	display           []string
}

// compileTitles puts the titles of written-out roles and of role templates
// into the title trie. A template's role for a country is not made when a
// written-out role has its id (that role gets the template's titles) or
// when a written-out role of the same country has one of its titles (the
// template's id then stands for that role, and the role gets the
// template's other titles) — unless a tenure names the template's id: then
// the template's role is made, without the titles the written-out role has.
func (m *matcher) compileTitles(g *Gazetteer) Problems {
	var ps Problems
	a := &titleAdder{m: m, seen: map[titleDup]bool{}, payload: map[string]int32{}}
	// claims[country][key] are the written-out roles with that title.
	claims := map[string]map[string][]*Role{}
	compiled := make([][]compiledTitle, len(g.Roles))
	for i, r := range g.Roles {
		for _, title := range r.Titles {
			ct, ok := m.compileTitle(title)
			if !ok {
				ps = append(ps, Problem{r.Pos, fmt.Sprintf("role %s: title %q is only a country name", r.ID, title)})
				continue
			}
			compiled[i] = append(compiled[i], ct)
			c := claims[r.Country]
			if c == nil {
				c = map[string][]*Role{}
				claims[r.Country] = c
			}
			k := ct.key
			if !slices.Contains(c[k], r) {
				c[k] = append(c[k], r)
			}
		}
	}
	for i, r := range g.Roles {
		for _, ct := range compiled[i] {
			a.add(ct, r)
		}
	}
	g.roleAlias = map[string]string{}
	g.extraTitles = map[string][]string{}
	g.Generated = nil
	cs := make([]countrySlots, len(g.Countries))
	for i, c := range g.Countries {
		slug := c.Slug
		if slug == "" {
			slug = schema.Slug(c.Name)
		}
		vn := c.Name
		if len(c.Names) > 0 {
			vn = c.Names[0]
		}
		cs[i] = countrySlots{c, strings.NewReplacer("{cc}", strings.ToLower(c.Code), "{slug}", slug), vn, []string{c.Code}}
	}
	// Ids tenures name: a template id a tenure names is made even when a
	// written-out role of the country has one of its titles.
	named := map[string]bool{}
	for _, o := range g.Officials {
		for _, t := range o.Roles {
			named[t.Role] = true
		}
	}
	cache := map[string][]vntext.Token{}
	for _, t := range g.Templates {
		ins := m.instances(g, t, cs, cache)
		siblings := make(map[string]bool, len(ins))
		for _, in := range ins {
			siblings[in.id] = true
		}
		for _, in := range ins {
			m.place(g, a, t, in, claims, siblings, named[in.id])
		}
	}
	return ps
}

// place makes or redirects the role of one template instance and adds its
// titles.
//
// A written-out role with the id of another instance of the same template
// (vn-lao-cai-party-secretary for vn-ha-giang-party-secretary) claims
// nothing from it: they share the bare titles ("Bí thư Tỉnh ủy").
func (m *matcher) place(g *Gazetteer, a *titleAdder, t *RoleTemplate, in instance, claims map[string]map[string][]*Role, siblings map[string]bool, named bool) {
	all := claims[in.country]
	owners := func(key string) []*Role {
		rs := all[key]
		for i, r := range rs {
			if r.ID != in.id && siblings[r.ID] {
				// Rare: copy without the siblings.
				out := append([]*Role(nil), rs[:i]...)
				for _, r := range rs[i+1:] {
					if r.ID == in.id || !siblings[r.ID] {
						out = append(out, r)
					}
				}
				return out
			}
		}
		return rs
	}
	var target *Role
	if r := g.roles[in.id]; r != nil {
		target = r
	} else if !named {
		// The written-out role of the country with most of its titles.
		best := 0
		for _, ct := range in.titles {
			for _, r := range owners(ct.key) {
				n := 0
				for _, ct2 := range in.titles {
					if slices.Contains(owners(ct2.key), r) {
						n++
					}
				}
				if n > best {
					best, target = n, r
				}
			}
		}
		if target != nil {
			g.roleAlias[in.id] = target.ID
		}
	}
	if target == nil {
		target = &Role{ID: in.id, Name: in.name, Country: in.country, Titles: in.display,
			Leader: t.Leader, Single: t.Single, Template: t.ID, Pos: t.Pos}
		g.Generated = append(g.Generated, target)
		g.roles[in.id] = target
	} else if target.Template == "" {
		target.Leader = target.Leader || t.Leader
		target.Single = target.Single || t.Single
	}
	var added []int32
	for i, ct := range in.titles {
		if owners := owners(ct.key); len(owners) > 0 {
			continue // a written-out role of the country has this title
		}
		if target.Template != "" {
			added = a.addNew(ct, target, added)
			continue
		}
		a.add(ct, target)
		if target.Template == "" && i < len(in.display) {
			g.extraTitles[target.ID] = append(g.extraTitles[target.ID], in.display[i])
		}
	}
}

// instances expands a template for every country (or province) it
// applies to.
// countrySlots is what a country puts in template slots.
type countrySlots struct {
	c     *Country
	ids   *strings.Replacer
	vn    string   // first Vietnamese name
	codes []string // the code, as a title's countries
}

func (m *matcher) instances(g *Gazetteer, t *RoleTemplate, cs []countrySlots, cache map[string][]vntext.Token) []instance {
	if strings.Contains(t.ID, "{province}") {
		return m.provinceInstances(g, t, cache)
	}
	// Titles whose slot is not after "tại"/"ở" are the same for every
	// country once the country is set aside: compile them once.
	type shape struct {
		fixed    *compiledTitle // slot set aside (or no slot)
		slotted  bool
		template string
	}
	var shapes []shape
	for _, title := range t.Titles {
		i := strings.Index(title, "{country}")
		if i < 0 {
			if ct, ok := m.compileTitle(title); ok {
				shapes = append(shapes, shape{fixed: &ct, template: title})
			}
			continue
		}
		left, right := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len("{country}"):])
		lw := strings.Fields(left)
		if len(lw) > 0 && isLocative(vntext.Normalize(lw[len(lw)-1])) {
			shapes = append(shapes, shape{slotted: true, template: title})
			continue
		}
		if len(lw) > 0 && vntext.Normalize(lw[len(lw)-1]) == "của" {
			left = strings.Join(lw[:len(lw)-1], " ")
		}
		if ct, ok := m.compileTitle(strings.TrimSpace(left + " " + right)); ok {
			shapes = append(shapes, shape{fixed: &ct, template: title})
		}
	}
	out := make([]instance, 0, len(cs))
	for _, s := range cs {
		c, vn := s.c, s.vn
		if slices.Contains(t.Except, c.Code) || (t.Country != "" && t.Country == c.Code) {
			continue
		}
		in := instance{
			id:      s.ids.Replace(t.ID),
			name:    strings.ReplaceAll(t.Name, "{country}", c.Name),
			country: t.Country,
		}
		if in.country == "" {
			in.country = c.Code
		}
		for _, sh := range shapes {
			if sh.fixed != nil {
				ct := *sh.fixed
				if len(ct.countries) == 0 {
					ct.countries = s.codes
				} else {
					ct.countries = append(append([]string(nil), ct.countries...), c.Code)
				}
				in.titles = append(in.titles, ct)
				in.display = append(in.display, strings.ReplaceAll(sh.template, "{country}", vn))
				continue
			}
			for _, n := range append([]string{c.Name}, c.Names...) {
				parts := splitSlots(sh.template)
				for i, p := range parts {
					if p == "{country}" {
						parts[i] = n
					}
				}
				if ct, ok := m.compileParts(parts, cache); ok {
					in.titles = append(in.titles, ct)
					in.display = append(in.display, strings.Join(parts, " "))
				}
			}
		}
		out = append(out, in)
	}
	return out
}

// provinceInstances expands a template for every province of its country:
// {province} takes each name of the province, {unit} each way of writing
// its unit ("tỉnh", "thành phố", "TP"), {committee} its party committee.
func (m *matcher) provinceInstances(g *Gazetteer, t *RoleTemplate, cache map[string][]vntext.Token) []instance {
	var out []instance
	for _, p := range g.Provinces {
		if p.Country != t.Country {
			continue
		}
		uw := unitWords[p.Unit]
		if uw == nil {
			uw = unitWords["tỉnh"]
		}
		in := instance{
			id:      strings.ReplaceAll(t.ID, "{province}", p.ID),
			name:    strings.ReplaceAll(t.Name, "{province}", p.Name),
			country: t.Country,
		}
		seen := map[string]bool{}
		slots := map[string][]string{"{province}": append([]string{p.Name}, p.Names...), "{unit}": uw.forms, "{committee}": uw.committees}
		for _, title := range t.Titles {
			combos := [][]string{nil}
			for _, part := range splitSlots(title) {
				words, ok := slots[part]
				if !ok {
					words = []string{part}
				}
				next := make([][]string, 0, len(combos)*len(words))
				for _, c := range combos {
					for _, w := range words {
						next = append(next, append(append([]string(nil), c...), w))
					}
				}
				combos = next
			}
			for _, parts := range combos {
				text := strings.Join(parts, " ")
				if seen[text] {
					continue
				}
				seen[text] = true
				if ct, ok := m.compileParts(parts, cache); ok {
					in.titles = append(in.titles, ct)
					in.display = append(in.display, text)
				}
			}
		}
		out = append(out, in)
	}
	return out
}

// AllRoles returns the written-out roles and those the role templates
// made, in that order.
func (g *Gazetteer) AllRoles() []*Role {
	return append(append([]*Role(nil), g.Roles...), g.Generated...)
}

// Titles returns every Vietnamese title of a role: its own, and those a
// role template adds to a written-out role that overrides it.
func (g *Gazetteer) Titles(roleID string) []string {
	r := g.roles[g.CanonicalRole(roleID)]
	if r == nil {
		return nil
	}
	return append(append([]string(nil), r.Titles...), g.extraTitles[r.ID]...)
}

// splitSlots splits a template title into its literal stretches and its
// slots ("{country}", "{province}", …), trimmed, empty ones dropped.
func splitSlots(title string) []string {
	var out []string
	for title != "" {
		i := strings.IndexByte(title, '{')
		j := -1
		if i >= 0 {
			j = strings.IndexByte(title[i:], '}')
		}
		if i < 0 || j < 0 {
			if s := strings.TrimSpace(title); s != "" {
				out = append(out, s)
			}
			break
		}
		if s := strings.TrimSpace(title[:i]); s != "" {
			out = append(out, s)
		}
		out = append(out, title[i:i+j+1])
		title = title[i+j+1:]
	}
	return out
}
