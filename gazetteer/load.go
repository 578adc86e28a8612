package gazetteer

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"slices"
	"sort"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/dipgraph/dipgraph/schema"
)

//go:embed data/*.yaml
var defaultFS embed.FS

// DefaultName is the name that stands for the embedded default gazetteer in
// a list of files.
const DefaultName = "default"

// Problem is one thing wrong with a gazetteer, at a position.
type Problem struct {
	Pos Pos
	Msg string
}

func (p Problem) String() string {
	if p.Pos.Line == 0 {
		return fmt.Sprintf("%s: %s", p.Pos.File, p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s", p.Pos.File, p.Pos.Line, p.Pos.Col, p.Msg)
}

// Problems is the error a gazetteer load returns: every problem found, in
// file and line order.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// Default loads the embedded default gazetteer.
func Default() (*Gazetteer, error) { return Load(DefaultName) }

// DefaultFiles lists the embedded default gazetteer's files.
func DefaultFiles() []string {
	entries, _ := fs.Glob(defaultFS, "data/*.yaml")
	sort.Strings(entries)
	return entries
}

// Load reads, merges, validates and compiles gazetteer files in order. The
// name "default" stands for the embedded default gazetteer. With no files
// it loads the default. All problems are returned together as Problems.
func Load(files ...string) (*Gazetteer, error) {
	if len(files) == 0 {
		files = []string{DefaultName}
	}
	type src struct {
		name string
		data []byte
	}
	var srcs []src
	var probs Problems
	for _, f := range files {
		if f == DefaultName {
			for _, e := range DefaultFiles() {
				b, err := defaultFS.ReadFile(e)
				if err != nil {
					return nil, fmt.Errorf("gazetteer %s: %w", e, err)
				}
				srcs = append(srcs, src{"default:" + path.Base(e), b})
			}
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			probs = append(probs, Problem{Pos{File: f}, err.Error()})
			continue
		}
		srcs = append(srcs, src{f, b})
	}
	var l loader
	for _, s := range srcs {
		l.parse(s.name, s.data)
	}
	return build(l.data, files, append(probs, l.probs...))
}

// build indexes, checks and compiles merged data; probs are the problems
// found so far. All problems are returned together.
func build(d Data, sources []string, probs Problems) (*Gazetteer, error) {
	g, probs := assemble(d, sources, probs)
	if len(probs) > 0 {
		sortProblems(probs)
		return nil, probs
	}
	return g, nil
}

// assemble indexes, checks and compiles merged data, returning the
// gazetteer even when there are problems (for lint).
func assemble(d Data, sources []string, probs Problems) (*Gazetteer, Problems) {
	g := &Gazetteer{Data: d, Sources: sources}
	probs = append(probs, g.index()...)
	var cp Problems
	g.m, cp = compile(g)
	probs = append(probs, cp...)
	probs = append(probs, g.checkTenures()...)
	return g, probs
}

// Parse loads gazetteer data from bytes (a file's content named name); for
// tests and fuzzing.
func Parse(name string, data []byte) (*Gazetteer, error) {
	var l loader
	l.parse(name, data)
	return build(l.data, []string{name}, l.probs)
}

func sortProblems(ps Problems) {
	// Files in the order they were first named, then line and column.
	order := map[string]int{}
	for _, p := range ps {
		if _, ok := order[p.Pos.File]; !ok {
			order[p.Pos.File] = len(order)
		}
	}
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i].Pos, ps[j].Pos
		if a.File != b.File {
			return order[a.File] < order[b.File]
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// IsProblems reports whether err lists gazetteer problems, and returns them.
func IsProblems(err error) (Problems, bool) {
	var ps Problems
	ok := errors.As(err, &ps)
	return ps, ok
}

// loader turns YAML nodes into Data, merging entries by id across files and
// recording every problem with its position.
type loader struct {
	data  Data
	probs Problems
	file  string
	seen  map[string]Pos // "section/id" defined in the current file

	countries map[string]*Country
	places    map[string]*Place
	roles     map[string]*Role
	officials map[string]*Official
	topics    map[string]*Topic
	kinds     map[string]*Kind
	provinces map[string]*Province
	templates map[string]*RoleTemplate
}

func (l *loader) pos(n *yaml.Node) Pos { return Pos{l.file, n.Line, n.Column} }

func (l *loader) errorf(n *yaml.Node, format string, args ...any) {
	l.probs = append(l.probs, Problem{l.pos(n), fmt.Sprintf(format, args...)})
}

func (l *loader) parse(name string, data []byte) {
	l.file = name
	l.seen = map[string]Pos{}
	if l.countries == nil {
		l.countries = map[string]*Country{}
		l.places = map[string]*Place{}
		l.roles = map[string]*Role{}
		l.officials = map[string]*Official{}
		l.topics = map[string]*Topic{}
		l.kinds = map[string]*Kind{}
	}
	if l.provinces == nil {
		l.provinces = map[string]*Province{}
		l.templates = map[string]*RoleTemplate{}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		l.probs = append(l.probs, yamlProblem(name, err))
		return
	}
	if len(doc.Content) == 0 {
		return // empty file
	}
	root := doc.Content[0]
	l.fields(root, "gazetteer file", map[string]func(*yaml.Node){
		"countries":      func(v *yaml.Node) { l.list(v, l.country) },
		"places":         func(v *yaml.Node) { l.list(v, l.place) },
		"roles":          func(v *yaml.Node) { l.list(v, l.role) },
		"officials":      func(v *yaml.Node) { l.list(v, l.official) },
		"topics":         func(v *yaml.Node) { l.list(v, l.topic) },
		"kinds":          func(v *yaml.Node) { l.list(v, l.kind) },
		"provinces":      func(v *yaml.Node) { l.list(v, l.province) },
		"role_templates": func(v *yaml.Node) { l.list(v, l.template) },
		"honorifics":     func(v *yaml.Node) { l.list(v, l.honorifics) },
		"name_words":     func(v *yaml.Node) { l.list(v, l.nameWords) },
		"series":         func(v *yaml.Node) { l.list(v, l.series) },
	})
}

// yamlProblem turns a YAML syntax error into a positioned problem.
func yamlProblem(file string, err error) Problem {
	msg := err.Error()
	msg = strings.TrimPrefix(msg, "yaml: ")
	line := 0
	if strings.HasPrefix(msg, "line ") {
		rest := msg[5:]
		if i := strings.Index(rest, ":"); i > 0 {
			fmt.Sscanf(rest[:i], "%d", &line)
			msg = strings.TrimSpace(rest[i+1:])
		}
	}
	col := 0
	if line > 0 {
		col = 1
	}
	return Problem{Pos{file, line, col}, "malformed YAML: " + msg}
}

// fields walks a mapping, calling the handler of each known key and
// reporting unknown and repeated keys.
func (l *loader) fields(n *yaml.Node, what string, handlers map[string]func(*yaml.Node)) {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "%s: want a mapping, got %s", what, kindName(n))
		return
	}
	done := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		h, ok := handlers[k.Value]
		if !ok {
			l.errorf(k, "unknown field %q in %s (known: %s)", k.Value, what, keys(handlers))
			continue
		}
		if done[k.Value] {
			l.errorf(k, "field %q repeated in %s", k.Value, what)
			continue
		}
		done[k.Value] = true
		h(v)
	}
}

func keys(m map[string]func(*yaml.Node)) string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	case yaml.AliasNode:
		return "an alias"
	}
	return "nothing"
}

func (l *loader) list(n *yaml.Node, item func(*yaml.Node)) {
	if n.Kind != yaml.SequenceNode {
		if n.Tag == "!!null" {
			return
		}
		l.errorf(n, "want a list, got %s", kindName(n))
		return
	}
	for _, c := range n.Content {
		item(c)
	}
}

func (l *loader) str(n *yaml.Node, dst *string) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		l.errorf(n, "want a string, got %s", kindName(n))
		return
	}
	*dst = strings.TrimSpace(n.Value)
}

// strs reads a list of strings (or one string), with their positions.
func (l *loader) strs(n *yaml.Node, dst *[]string, pos *[]Pos) {
	add := func(c *yaml.Node) {
		if c.Kind != yaml.ScalarNode || c.Tag == "!!null" {
			l.errorf(c, "want a string, got %s", kindName(c))
			return
		}
		*dst = append(*dst, strings.TrimSpace(c.Value))
		if pos != nil {
			*pos = append(*pos, l.pos(c))
		}
	}
	if n.Kind == yaml.ScalarNode {
		add(n)
		return
	}
	if n.Kind != yaml.SequenceNode {
		l.errorf(n, "want a list of strings, got %s", kindName(n))
		return
	}
	for _, c := range n.Content {
		add(c)
	}
}

func (l *loader) date(n *yaml.Node, dst *schema.Date) {
	var s string
	l.str(n, &s)
	if s == "" {
		return
	}
	d, err := schema.ParseDate(s)
	if err != nil {
		l.errorf(n, "%v", err)
		return
	}
	*dst = d
}

// define records an id in the current file and reports a duplicate.
func (l *loader) define(section, id string, n *yaml.Node) bool {
	if id == "" {
		l.errorf(n, "%s entry without id", section)
		return false
	}
	key := section + "/" + id
	if p, ok := l.seen[key]; ok {
		l.errorf(n, "duplicate %s id %q (first at line %d)", section, id, p.Line)
		return false
	}
	l.seen[key] = l.pos(n)
	return true
}

// agree merges a scalar field of a later definition into an earlier one.
func (l *loader) agree(n *yaml.Node, field string, dst *string, v string) {
	switch {
	case v == "":
	case *dst == "":
		*dst = v
	case *dst != v:
		l.errorf(n, "%s %q disagrees with the earlier definition %q", field, v, *dst)
	}
}

func (l *loader) country(n *yaml.Node) {
	var c Country
	l.fields(n, "country", map[string]func(*yaml.Node){
		"code":  func(v *yaml.Node) { l.str(v, &c.Code) },
		"name":  func(v *yaml.Node) { l.str(v, &c.Name) },
		"names": func(v *yaml.Node) { l.strs(v, &c.Names, nil) },
		"slug":  func(v *yaml.Node) { l.str(v, &c.Slug) },
		"name_order": func(v *yaml.Node) {
			l.str(v, &c.NameOrder)
			if c.NameOrder != "first" && c.NameOrder != "last" {
				l.errorf(v, "name_order %q: want first or last", c.NameOrder)
			}
		},
		"compound": func(v *yaml.Node) { l.strs(v, &c.Compound, nil) },
		"covered":  func(v *yaml.Node) { l.boolean(v, &c.Covered) },
		"offices":  func(v *yaml.Node) { l.offices(v, &c) },
		"vacant":   func(v *yaml.Node) { l.list(v, func(e *yaml.Node) { l.vacancy(e, &c) }) },
	})
	if !l.define("country", c.Code, n) {
		return
	}
	if old := l.countries[c.Code]; old != nil {
		l.agree(n, "name", &old.Name, c.Name)
		l.agree(n, "slug", &old.Slug, c.Slug)
		l.agree(n, "name_order", &old.NameOrder, c.NameOrder)
		old.Names = append(old.Names, c.Names...)
		old.Compound = append(old.Compound, c.Compound...)
		old.Covered = old.Covered || c.Covered
		old.Vacant = append(old.Vacant, c.Vacant...)
		for f, ids := range c.Offices {
			if old.Offices == nil {
				old.Offices = map[string][]string{}
			}
			old.Offices[f] = ids
		}
		return
	}
	c.Pos = l.pos(n)
	l.countries[c.Code] = &c
	l.data.Countries = append(l.data.Countries, &c)
}

func (l *loader) place(n *yaml.Node) {
	var p Place
	l.fields(n, "place", map[string]func(*yaml.Node){
		"id":      func(v *yaml.Node) { l.str(v, &p.ID) },
		"name":    func(v *yaml.Node) { l.str(v, &p.Name) },
		"country": func(v *yaml.Node) { l.str(v, &p.Country) },
		"aliases": func(v *yaml.Node) { l.strs(v, &p.Aliases, nil) },
	})
	if !l.define("place", p.ID, n) {
		return
	}
	if old := l.places[p.ID]; old != nil {
		l.agree(n, "name", &old.Name, p.Name)
		l.agree(n, "country", &old.Country, p.Country)
		old.Aliases = append(old.Aliases, p.Aliases...)
		return
	}
	p.Pos = l.pos(n)
	l.places[p.ID] = &p
	l.data.Places = append(l.data.Places, &p)
}

func (l *loader) role(n *yaml.Node) {
	var r Role
	l.fields(n, "role", map[string]func(*yaml.Node){
		"id":      func(v *yaml.Node) { l.str(v, &r.ID) },
		"name":    func(v *yaml.Node) { l.str(v, &r.Name) },
		"country": func(v *yaml.Node) { l.str(v, &r.Country) },
		"titles":  func(v *yaml.Node) { l.strs(v, &r.Titles, nil) },
		"leader":  func(v *yaml.Node) { l.boolean(v, &r.Leader) },
		"single":  func(v *yaml.Node) { l.boolean(v, &r.Single) },
		"unnamed": func(v *yaml.Node) { l.str(v, &r.Unnamed) },
	})
	if !l.define("role", r.ID, n) {
		return
	}
	if old := l.roles[r.ID]; old != nil {
		l.agree(n, "name", &old.Name, r.Name)
		l.agree(n, "country", &old.Country, r.Country)
		old.Titles = append(old.Titles, r.Titles...)
		old.Leader = old.Leader || r.Leader
		old.Single = old.Single || r.Single
		l.agree(n, "unnamed", &old.Unnamed, r.Unnamed)
		return
	}
	r.Pos = l.pos(n)
	l.roles[r.ID] = &r
	l.data.Roles = append(l.data.Roles, &r)
}

func (l *loader) official(n *yaml.Node) {
	var o Official
	var aliasPos []Pos
	l.fields(n, "official", map[string]func(*yaml.Node){
		"id":           func(v *yaml.Node) { l.str(v, &o.ID) },
		"name":         func(v *yaml.Node) { l.str(v, &o.Name) },
		"country":      func(v *yaml.Node) { l.str(v, &o.Country) },
		"surname":      func(v *yaml.Node) { l.str(v, &o.Surname) },
		"aliases":      func(v *yaml.Node) { l.strs(v, &o.Aliases, &aliasPos) },
		"roles":        func(v *yaml.Node) { l.list(v, func(t *yaml.Node) { l.tenure(t, &o) }) },
		"disambiguate": func(v *yaml.Node) { l.str(v, &o.Disambiguate) },
	})
	if !l.define("official", o.ID, n) {
		return
	}
	if old := l.officials[o.ID]; old != nil {
		l.agree(n, "name", &old.Name, o.Name)
		l.agree(n, "country", &old.Country, o.Country)
		l.agree(n, "surname", &old.Surname, o.Surname)
		l.agree(n, "disambiguate", &old.Disambiguate, o.Disambiguate)
		old.Aliases = append(old.Aliases, o.Aliases...)
		old.aliasPos = append(old.aliasPos, aliasPos...)
		old.Roles = append(old.Roles, o.Roles...)
		return
	}
	o.Pos = l.pos(n)
	o.aliasPos = aliasPos
	l.officials[o.ID] = &o
	l.data.Officials = append(l.data.Officials, &o)
}

func (l *loader) tenure(n *yaml.Node, o *Official) {
	t := Tenure{Pos: l.pos(n)}
	l.fields(n, "role tenure", map[string]func(*yaml.Node){
		"role": func(v *yaml.Node) { l.str(v, &t.Role) },
		"from": func(v *yaml.Node) { l.date(v, &t.From) },
		"to":   func(v *yaml.Node) { l.date(v, &t.To) },
	})
	if t.Role == "" {
		l.errorf(n, "role tenure without role")
		return
	}
	if t.From.IsZero() {
		l.errorf(n, "role tenure %s without from date", t.Role)
		return
	}
	if !t.To.IsZero() && t.To.Last().Compare(t.From.First()) < 0 {
		l.errorf(n, "role tenure %s ends (%s) before it starts (%s)", t.Role, t.To, t.From)
		return
	}
	o.Roles = append(o.Roles, t)
}

// vacancy reads one entry of a country's vacant list.
func (l *loader) vacancy(n *yaml.Node, c *Country) {
	v := Vacancy{Pos: l.pos(n)}
	l.fields(n, "vacancy", map[string]func(*yaml.Node){
		"role":   func(e *yaml.Node) { l.str(e, &v.Role) },
		"office": func(e *yaml.Node) { l.str(e, &v.Office) },
		"from":   func(e *yaml.Node) { l.date(e, &v.From) },
		"to":     func(e *yaml.Node) { l.date(e, &v.To) },
		"note":   func(e *yaml.Node) { l.str(e, &v.Note) },
	})
	switch {
	case (v.Role == "") == (v.Office == ""):
		l.errorf(n, "vacancy: want either role or office")
		return
	case v.Office != "" && !slices.Contains(OfficeFunctions, v.Office):
		l.errorf(n, "vacancy: unknown office %q (known: %s)", v.Office, strings.Join(OfficeFunctions, ", "))
		return
	case v.From.IsZero():
		l.errorf(n, "vacancy of %s%s: want a from date", v.Role, v.Office)
		return
	case !v.To.IsZero() && v.To.Last().Compare(v.From.First()) < 0:
		l.errorf(n, "vacancy of %s%s ends (%s) before it starts (%s)", v.Role, v.Office, v.To, v.From)
		return
	case v.Note == "":
		l.errorf(n, "vacancy of %s%s: want a note saying why no one holds it", v.Role, v.Office)
		return
	}
	c.Vacant = append(c.Vacant, v)
}

func (l *loader) topic(n *yaml.Node) {
	var t Topic
	l.fields(n, "topic", map[string]func(*yaml.Node){
		"id":          func(v *yaml.Node) { l.str(v, &t.ID) },
		"name":        func(v *yaml.Node) { l.str(v, &t.Name) },
		"description": func(v *yaml.Node) {},
		"keywords":    func(v *yaml.Node) { l.strs(v, &t.Keywords, nil) },
	})
	if !l.define("topic", t.ID, n) {
		return
	}
	if old := l.topics[t.ID]; old != nil {
		l.agree(n, "name", &old.Name, t.Name)
		old.Keywords = append(old.Keywords, t.Keywords...)
		return
	}
	t.Pos = l.pos(n)
	l.topics[t.ID] = &t
	l.data.Topics = append(l.data.Topics, &t)
}

func (l *loader) kind(n *yaml.Node) {
	var k Kind
	l.fields(n, "kind", map[string]func(*yaml.Node){
		"id":       func(v *yaml.Node) { l.str(v, &k.ID) },
		"name":     func(v *yaml.Node) { l.str(v, &k.Name) },
		"triggers": func(v *yaml.Node) { l.strs(v, &k.Triggers, nil) },
		"direct":   func(v *yaml.Node) { l.strs(v, &k.Direct, nil) },
		"rank":     func(v *yaml.Node) { l.integer(v, &k.Rank) },
		"use": func(v *yaml.Node) {
			l.str(v, &k.Use)
			switch k.Use {
			case KindDefault, KindCall, KindMechanism, KindLeaders:
			default:
				l.errorf(v, "kind use %q: want %s, %s, %s or %s", k.Use, KindDefault, KindCall, KindMechanism, KindLeaders)
			}
		},
	})
	if !l.define("kind", k.ID, n) {
		return
	}
	if old := l.kinds[k.ID]; old != nil {
		l.agree(n, "name", &old.Name, k.Name)
		old.Triggers = append(old.Triggers, k.Triggers...)
		old.Direct = append(old.Direct, k.Direct...)
		if k.Rank != 0 {
			old.Rank = k.Rank
		}
		l.agree(n, "use", &old.Use, k.Use)
		return
	}
	k.Pos = l.pos(n)
	l.kinds[k.ID] = &k
	l.data.Kinds = append(l.data.Kinds, &k)
}

func (l *loader) series(n *yaml.Node) {
	var sr Series
	l.fields(n, "series", map[string]func(*yaml.Node){
		"id":       func(v *yaml.Node) { l.str(v, &sr.ID) },
		"name":     func(v *yaml.Node) { l.str(v, &sr.Name) },
		"names":    func(v *yaml.Node) { l.strs(v, &sr.Names, nil) },
		"editions": func(v *yaml.Node) { l.list(v, func(e *yaml.Node) { l.edition(e, &sr) }) },
	})
	if !l.define("series", sr.ID, n) {
		return
	}
	if len(sr.Names) == 0 {
		l.errorf(n, "series %s without names", sr.ID)
	}
	sr.Pos = l.pos(n)
	l.data.Series = append(l.data.Series, &sr)
}

func (l *loader) edition(n *yaml.Node, sr *Series) {
	e := Edition{Pos: l.pos(n)}
	dated := false
	l.fields(n, "edition", map[string]func(*yaml.Node){
		"n":       func(v *yaml.Node) { l.integer(v, &e.N) },
		"date":    func(v *yaml.Node) { dated = true; l.date(v, &e.Date) },
		"place":   func(v *yaml.Node) { l.str(v, &e.Place) },
		"country": func(v *yaml.Node) { l.str(v, &e.Country) },
		"online":  func(v *yaml.Node) { l.boolean(v, &e.Online) },
		"note":    func(v *yaml.Node) {},
	})
	if e.Date.IsZero() {
		if !dated {
			l.errorf(n, "edition of series %s without date", sr.ID)
		}
		return
	}
	sr.Editions = append(sr.Editions, e)
}

func (l *loader) boolean(n *yaml.Node, dst *bool) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
		l.errorf(n, "want true or false, got %s", kindName(n))
		return
	}
	*dst = n.Value == "true"
}

func (l *loader) integer(n *yaml.Node, dst *int) {
	if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
		l.errorf(n, "want a whole number, got %s", kindName(n))
		return
	}
	fmt.Sscanf(n.Value, "%d", dst)
}

// offices reads a country's offices: function → role id or list of ids
// ([] for none).
func (l *loader) offices(n *yaml.Node, c *Country) {
	if n.Kind != yaml.MappingNode {
		l.errorf(n, "offices: want a mapping, got %s", kindName(n))
		return
	}
	c.Offices = map[string][]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !slices.Contains(OfficeFunctions, k.Value) {
			l.errorf(k, "unknown office %q (known: %s)", k.Value, strings.Join(OfficeFunctions, ", "))
			continue
		}
		ids := []string{}
		if !(v.Kind == yaml.ScalarNode && v.Value == "none") {
			l.strs(v, &ids, nil)
		}
		c.Offices[k.Value] = ids
	}
}

func (l *loader) province(n *yaml.Node) {
	var p Province
	l.fields(n, "province", map[string]func(*yaml.Node){
		"id":      func(v *yaml.Node) { l.str(v, &p.ID) },
		"name":    func(v *yaml.Node) { l.str(v, &p.Name) },
		"country": func(v *yaml.Node) { l.str(v, &p.Country) },
		"names":   func(v *yaml.Node) { l.strs(v, &p.Names, nil) },
		"unit":    func(v *yaml.Node) { l.str(v, &p.Unit) },
		"until":   func(v *yaml.Node) { l.date(v, &p.Until) },
	})
	if p.Unit != "" && unitWords[p.Unit] == nil {
		l.errorf(n, "province %s: unit %q: want one of tỉnh, thành phố, khu tự trị", p.ID, p.Unit)
	}
	key := p.Country + "/" + p.ID
	if !l.define("province", key, n) {
		return
	}
	if old := l.provinces[key]; old != nil {
		l.agree(n, "name", &old.Name, p.Name)
		l.agree(n, "unit", &old.Unit, p.Unit)
		old.Names = append(old.Names, p.Names...)
		return
	}
	p.Pos = l.pos(n)
	l.provinces[key] = &p
	l.data.Provinces = append(l.data.Provinces, &p)
}

func (l *loader) template(n *yaml.Node) {
	var t RoleTemplate
	l.fields(n, "role template", map[string]func(*yaml.Node){
		"id":      func(v *yaml.Node) { l.str(v, &t.ID) },
		"name":    func(v *yaml.Node) { l.str(v, &t.Name) },
		"country": func(v *yaml.Node) { l.str(v, &t.Country) },
		"titles":  func(v *yaml.Node) { l.strs(v, &t.Titles, nil) },
		"leader":  func(v *yaml.Node) { l.boolean(v, &t.Leader) },
		"single":  func(v *yaml.Node) { l.boolean(v, &t.Single) },
		"except":  func(v *yaml.Node) { l.strs(v, &t.Except, nil) },
	})
	if !l.define("role template", t.ID, n) {
		return
	}
	if old := l.templates[t.ID]; old != nil {
		l.agree(n, "name", &old.Name, t.Name)
		l.agree(n, "country", &old.Country, t.Country)
		old.Titles = append(old.Titles, t.Titles...)
		old.Except = append(old.Except, t.Except...)
		old.Leader = old.Leader || t.Leader
		old.Single = old.Single || t.Single
		return
	}
	t.Pos = l.pos(n)
	l.templates[t.ID] = &t
	l.data.Templates = append(l.data.Templates, &t)
}

// nameWords reads one group of name words: {kind: family, words: [...]}.
func (l *loader) nameWords(n *yaml.Node) {
	var kind string
	var words []string
	var pos []Pos
	l.fields(n, "name_words", map[string]func(*yaml.Node){
		"kind":  func(v *yaml.Node) { l.str(v, &kind) },
		"words": func(v *yaml.Node) { l.strs(v, &words, &pos) },
	})
	switch kind {
	case NameWordFamily, NameWordNever, NameWordCompound:
	default:
		l.errorf(n, "name_words kind %q: want %s, %s or %s", kind, NameWordFamily, NameWordNever, NameWordCompound)
	}
	for i, w := range words {
		l.data.NameWords = append(l.data.NameWords, &NameWord{Text: w, Kind: kind, Pos: pos[i]})
	}
}

// honorifics reads one group of honorifics: {kind: rank, words: [...]}.
func (l *loader) honorifics(n *yaml.Node) {
	var kind string
	var words []string
	var pos []Pos
	l.fields(n, "honorifics", map[string]func(*yaml.Node){
		"kind":  func(v *yaml.Node) { l.str(v, &kind) },
		"words": func(v *yaml.Node) { l.strs(v, &words, &pos) },
	})
	switch kind {
	case "courtesy", "rank", "academic":
	default:
		l.errorf(n, "honorifics kind %q: want courtesy, rank or academic", kind)
	}
	for i, w := range words {
		l.data.Honorifics = append(l.data.Honorifics, &Honorific{Text: w, Kind: kind, Pos: pos[i]})
	}
}
