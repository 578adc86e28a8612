package gazetteer

import (
	"os"

	"github.com/dipgraph/dipgraph/vntext"
)

// Without returns a gazetteer like g but without the officials for which
// drop returns true (to measure how extraction does on officials it does
// not know). g is unchanged.
func (g *Gazetteer) Without(drop func(*Official) bool) (*Gazetteer, error) {
	d := g.Data
	d.Officials = nil
	for _, o := range g.Officials {
		if !drop(o) {
			d.Officials = append(d.Officials, o)
		}
	}
	return build(d, g.Sources, nil)
}

// Phrase is one name, alias, keyword or trigger of the gazetteer with its
// normalised form, for curation reports.
type Phrase struct {
	Kind string // "official", "place", "country", "topic"
	ID   string // the entry's id (country code for countries)
	Text string // as written in the gazetteer
	Norm string // normalised form (what a match is compared on)
}

// Phrases lists the names and aliases of officials, places and countries
// and the keywords of topics.
func (g *Gazetteer) Phrases() []Phrase {
	var out []Phrase
	add := func(kind, id, text string) {
		out = append(out, Phrase{kind, id, text, vntext.Normalize(text)})
	}
	for _, o := range g.Officials {
		for _, a := range append([]string{o.Name}, o.Aliases...) {
			add("official", o.ID, a)
		}
	}
	for _, p := range g.Places {
		for _, a := range append([]string{p.Name}, p.Aliases...) {
			add("place", p.ID, a)
		}
	}
	for _, c := range g.Countries {
		for _, a := range append([]string{c.Name}, c.Names...) {
			add("country", c.Code, a)
		}
	}
	for _, t := range g.Topics {
		for _, k := range t.Keywords {
			add("topic", t.ID, k)
		}
	}
	return out
}

// With returns a gazetteer made of g's entries and those of more files,
// merged as Load merges files (a file may add aliases and tenures to an id
// g defines). g is unchanged.
func (g *Gazetteer) With(files ...string) (*Gazetteer, error) {
	var l loader
	l.seed(g.Data)
	var probs Problems
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			probs = append(probs, Problem{Pos{File: f}, err.Error()})
			continue
		}
		l.parse(f, b)
	}
	return build(l.data, append(append([]string{}, g.Sources...), files...), append(probs, l.probs...))
}

// seed starts a loader from copies of existing entries, so that merging
// later files never changes the originals.
func (l *loader) seed(d Data) {
	l.countries, l.places, l.roles = map[string]*Country{}, map[string]*Place{}, map[string]*Role{}
	l.officials, l.topics, l.kinds = map[string]*Official{}, map[string]*Topic{}, map[string]*Kind{}
	for _, c := range d.Countries {
		c2 := *c
		c2.Names = append([]string(nil), c.Names...)
		c2.Compound = append([]string(nil), c.Compound...)
		l.countries[c.Code] = &c2
		l.data.Countries = append(l.data.Countries, &c2)
	}
	for _, p := range d.Places {
		p2 := *p
		p2.Aliases = append([]string(nil), p.Aliases...)
		l.places[p.ID] = &p2
		l.data.Places = append(l.data.Places, &p2)
	}
	for _, r := range d.Roles {
		r2 := *r
		r2.Titles = append([]string(nil), r.Titles...)
		l.roles[r.ID] = &r2
		l.data.Roles = append(l.data.Roles, &r2)
	}
	for _, o := range d.Officials {
		o2 := *o
		o2.Aliases = append([]string(nil), o.Aliases...)
		o2.aliasPos = append([]Pos(nil), o.aliasPos...)
		o2.Roles = append([]Tenure(nil), o.Roles...)
		l.officials[o.ID] = &o2
		l.data.Officials = append(l.data.Officials, &o2)
	}
	for _, t := range d.Topics {
		t2 := *t
		t2.Keywords = append([]string(nil), t.Keywords...)
		l.topics[t.ID] = &t2
		l.data.Topics = append(l.data.Topics, &t2)
	}
	l.provinces, l.templates = map[string]*Province{}, map[string]*RoleTemplate{}
	for _, p := range d.Provinces {
		p2 := *p
		p2.Names = append([]string(nil), p.Names...)
		l.provinces[p.Country+"/"+p.ID] = &p2
		l.data.Provinces = append(l.data.Provinces, &p2)
	}
	for _, t := range d.Templates {
		t2 := *t
		t2.Titles = append([]string(nil), t.Titles...)
		t2.Except = append([]string(nil), t.Except...)
		l.templates[t.ID] = &t2
		l.data.Templates = append(l.data.Templates, &t2)
	}
	l.data.Honorifics = append([]*Honorific(nil), d.Honorifics...)
	for _, k := range d.Kinds {
		k2 := *k
		k2.Triggers = append([]string(nil), k.Triggers...)
		k2.Direct = append([]string(nil), k.Direct...)
		l.kinds[k.ID] = &k2
		l.data.Kinds = append(l.data.Kinds, &k2)
	}
}
