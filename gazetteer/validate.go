package gazetteer

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/vntext"
)

// index builds the lookup maps and checks references between entries.
func (g *Gazetteer) index() Problems {
	var ps Problems
	bad := func(p Pos, format string, args ...any) {
		ps = append(ps, Problem{p, fmt.Sprintf(format, args...)})
	}
	g.countries = map[string]*Country{}
	for _, c := range g.Countries {
		if len(c.Code) != 2 || strings.ToUpper(c.Code) != c.Code {
			bad(c.Pos, "country code %q: want two upper-case letters (ISO 3166-1 alpha-2)", c.Code)
		}
		g.countries[c.Code] = c
	}
	country := func(p Pos, what, cc string) {
		if cc == "" {
			bad(p, "%s without country", what)
		} else if g.countries[cc] == nil {
			bad(p, "%s: unknown country %q", what, cc)
		}
	}
	g.places = map[string]*Place{}
	for _, p := range g.Places {
		country(p.Pos, "place "+p.ID, p.Country)
		g.places[p.ID] = p
	}
	g.countryPlaces = map[string]*Place{}
	for _, c := range g.Countries {
		p := &Place{ID: CountryPlaceID(c.Code), Name: c.Name, Country: c.Code, Pos: c.Pos}
		g.countryPlaces[c.Code] = p
		if g.places[p.ID] == nil {
			g.places[p.ID] = p
		}
	}
	g.roles = map[string]*Role{}
	for _, r := range g.Roles {
		country(r.Pos, "role "+r.ID, r.Country)
		g.roles[r.ID] = r
	}
	g.topics = map[string]*Topic{}
	for _, t := range g.Topics {
		g.topics[t.ID] = t
	}
	g.kinds = map[string]*Kind{}
	for _, k := range g.Kinds {
		g.kinds[k.ID] = k
	}
	g.officials = map[string]*Official{}
	for _, o := range g.Officials {
		if o.Name == "" {
			bad(o.Pos, "official %s without name", o.ID)
		}
		country(o.Pos, "official "+o.ID, o.Country)
		g.officials[o.ID] = o
	}
	g.provinces = map[string]*Province{}
	for _, p := range g.Provinces {
		country(p.Pos, "province "+p.ID, p.Country)
		if p.Name == "" {
			bad(p.Pos, "province %s without name", p.ID)
		}
		g.provinces[p.Country+"/"+p.ID] = p
	}
	for _, t := range g.Templates {
		switch {
		case strings.Contains(t.ID, "{province}"):
			if t.Country == "" {
				bad(t.Pos, "role template %s: a {province} template needs the provinces' country", t.ID)
			} else {
				country(t.Pos, "role template "+t.ID, t.Country)
			}
		case strings.Contains(t.ID, "{cc}") || strings.Contains(t.ID, "{slug}"):
			if t.Country != "" {
				country(t.Pos, "role template "+t.ID, t.Country)
			}
		default:
			bad(t.Pos, "role template %s: id needs a slot ({cc}, {slug} or {province})", t.ID)
		}
		if len(t.Titles) == 0 {
			bad(t.Pos, "role template %s without titles", t.ID)
		}
		for _, cc := range t.Except {
			country(t.Pos, "role template "+t.ID+" except", cc)
		}
	}
	g.honorific = map[string]*Honorific{}
	for _, h := range g.Honorifics {
		if checkAlias(h.Text) == "empty alias" {
			bad(h.Pos, "empty honorific")
			continue
		}
		g.honorific[vntext.Normalize(h.Text)] = h
	}
	g.nameWord = map[string]string{}
	for _, w := range g.NameWords {
		if checkAlias(w.Text) == "empty alias" {
			bad(w.Pos, "empty name word")
			continue
		}
		g.nameWord[vntext.Normalize(w.Text)] = w.Kind
	}
	g.compound = map[string]string{}
	for _, c := range g.Countries {
		for _, w := range c.Compound {
			k := vntext.Normalize(w)
			if prev, ok := g.compound[k]; ok && prev != c.Code {
				bad(c.Pos, "compound form %q of %s is also one of %s", w, c.Code, prev)
			}
			g.compound[k] = c.Code
		}
	}
	for _, sr := range g.Series {
		for _, e := range sr.Editions {
			if e.Country != "" {
				country(e.Pos, "edition of series "+sr.ID, e.Country)
			}
			if e.Place == "" {
				continue
			}
			p := g.places[e.Place]
			switch {
			case p == nil:
				bad(e.Pos, "edition of series %s: unknown place %q", sr.ID, e.Place)
			case e.Country == "":
				bad(e.Pos, "edition of series %s: place %s without the host country", sr.ID, e.Place)
			case p.Country != e.Country:
				bad(e.Pos, "edition of series %s: place %s is in %s, not %s", sr.ID, e.Place, p.Country, e.Country)
			}
		}
	}
	return ps
}

// checkTenures resolves the role ids of tenures (an id a template would
// make for a role written out under another id stands for that role) and
// reports unknown roles and overlapping tenures. It runs once the role
// templates are expanded.
func (g *Gazetteer) checkTenures() Problems {
	var ps Problems
	for _, o := range g.Officials {
		for i := range o.Roles {
			t := &o.Roles[i]
			if a, ok := g.roleAlias[t.Role]; ok && g.roles[t.Role] == nil {
				t.Role = a
			}
			if g.roles[t.Role] == nil {
				ps = append(ps, Problem{t.Pos, fmt.Sprintf("official %s: unknown role %q", o.ID, t.Role)})
			}
		}
		ps = append(ps, overlaps(o)...)
	}
	for _, c := range g.Countries {
		for i := range c.Vacant {
			v := &c.Vacant[i]
			if v.Role == "" {
				continue
			}
			if a, ok := g.roleAlias[v.Role]; ok && g.roles[v.Role] == nil {
				v.Role = a
			}
			switch r := g.roles[v.Role]; {
			case r == nil:
				ps = append(ps, Problem{v.Pos, fmt.Sprintf("country %s: vacancy of unknown role %q", c.Code, v.Role)})
			case r.Country != c.Code:
				ps = append(ps, Problem{v.Pos, fmt.Sprintf("country %s: vacancy of role %s of %s", c.Code, v.Role, r.Country)})
			}
		}
	}
	return ps
}

// overlaps reports tenures of the same role that overlap.
func overlaps(o *Official) Problems {
	var ps Problems
	byRole := map[string][]Tenure{}
	for _, t := range o.Roles {
		byRole[t.Role] = append(byRole[t.Role], t)
	}
	for role, ts := range byRole {
		sort.Slice(ts, func(i, j int) bool { return ts[i].From.Compare(ts[j].From) < 0 })
		for i := 1; i < len(ts); i++ {
			prev := ts[i-1]
			if prev.To.IsZero() || prev.To.Last().Compare(ts[i].From.First()) > 0 {
				ps = append(ps, Problem{ts[i].Pos, fmt.Sprintf(
					"official %s: tenure of %s from %s overlaps the one from %s (line %d)",
					o.ID, role, ts[i].From, prev.From, prev.Pos.Line)})
			}
		}
	}
	return ps
}

// checkAlias reports an alias too short to match safely.
func checkAlias(a string) string {
	switch n := utf8.RuneCountInString(strings.TrimSpace(a)); {
	case n == 0:
		return "empty alias"
	case n == 1:
		return fmt.Sprintf("one-letter alias %q", a)
	}
	return ""
}
