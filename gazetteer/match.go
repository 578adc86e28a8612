package gazetteer

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/dipgraph/dipgraph/vntext"
)

// EntityKind tells what a name match denotes.
type EntityKind uint8

// Entity kinds of name matches.
const (
	OfficialEntity EntityKind = iota
	CountryEntity
	PlaceEntity
	// ProvinceEntity is a province name: it keeps a country name inside
	// it ("Lào" of "Lào Cai") from being read as a country.
	ProvinceEntity
)

// Entity is what a matched name denotes.
type Entity struct {
	Kind     EntityKind
	Official *Official
	Country  *Country
	Place    *Place
	Province *Province
}

// Match is a name found in a text: tokens [Start, End) denote Entities.
type Match struct {
	Start, End int
	Entities   []Entity
	// Fuzzy is true when one word of an official's name was matched with a
	// one-letter slip.
	Fuzzy bool
}

// Official returns the official the match denotes, or nil.
func (m Match) Official() *Official {
	for _, e := range m.Entities {
		if e.Kind == OfficialEntity {
			return e.Official
		}
	}
	return nil
}

// Country returns the country the match denotes, or nil.
func (m Match) Country() *Country {
	for _, e := range m.Entities {
		if e.Kind == CountryEntity {
			return e.Country
		}
	}
	return nil
}

// Place returns the place the match denotes, or nil.
func (m Match) Place() *Place {
	for _, e := range m.Entities {
		if e.Kind == PlaceEntity {
			return e.Place
		}
	}
	return nil
}

// TitleRole is one role a title can name, with the countries the
// gazetteer's title itself carries ("Đại sứ Mỹ tại Hàn Quốc" carries US).
type TitleRole struct {
	Role      *Role
	Countries []string
	// Country is Role.Country, kept beside it: a generic title names
	// hundreds of roles, and a reader picking those of a country reads
	// the list without going to each role.
	Country string
}

// TitleMatch is a role title found in a text, tokens [Start, End). The
// country names inside it ("Thứ trưởng Bộ Ngoại giao Hàn Quốc") were set
// aside while matching and are listed in Countries.
type TitleMatch struct {
	Start, End int
	Roles      []TitleRole
	Countries  []string
}

// TopicMatch is a topic keyword found in a text.
type TopicMatch struct {
	Start, End int
	Topic      *Topic
}

// TriggerMatch is a word that reports a meeting of a kind.
type TriggerMatch struct {
	Start, End int
	Kind       *Kind
	// Direct triggers count only when an official is named right after.
	Direct bool
}

// SeriesMatch is the name of a recurring meeting found in a text.
type SeriesMatch struct {
	Start, End int
	Series     *Series
}

// Scan is everything the gazetteer finds in a tokenised text.
type Scan struct {
	Names    []Match
	Titles   []TitleMatch
	Topics   []TopicMatch
	Triggers []TriggerMatch
	Series   []SeriesMatch
}

// trie maps token-id sequences to payload indices.
type trie struct {
	next map[uint64]int32 // (state, word id) → state, as built
	// edges[from[s]:from[s+1]] are the transitions of state s sorted by
	// word id, the form a scan reads (a few words after most states: no
	// hashing; all states' in one array); made by freeze once the trie is
	// built.
	edges   []edge
	from    []int32
	payload []int32 // per state: index into the owner's payload list, or -1
	// root[id] is the state after the first word id (0: none). Most
	// tokens start no entry: an array answers them without hashing.
	root []int32
}

func newTrie() *trie { return &trie{next: map[uint64]int32{}, payload: []int32{-1}} }

// edge is a transition of a trie state on a word id.
type edge struct{ id, to int32 }

// freeze makes the edges scans read, once the last word is inserted (an
// insert drops them again).
func (t *trie) freeze() {
	per := make([][]edge, len(t.payload))
	for k, n := range t.next {
		s := int32(k >> 32)
		per[s] = append(per[s], edge{int32(uint32(k)), n})
	}
	t.edges = make([]edge, 0, len(t.next))
	t.from = make([]int32, len(per)+1)
	for s, es := range per {
		slices.SortFunc(es, func(a, b edge) int { return int(a.id) - int(b.id) })
		t.from[s] = int32(len(t.edges))
		t.edges = append(t.edges, es...)
	}
	t.from[len(per)] = int32(len(t.edges))
}

// step returns the state after word id from state s.
func (t *trie) step(s, id int32) (int32, bool) {
	if t.from == nil { // not frozen yet: while the gazetteer compiles
		n, ok := t.next[uint64(s)<<32|uint64(uint32(id))]
		return n, ok
	}
	es := t.edges[t.from[s]:t.from[s+1]]
	if len(es) <= 8 {
		for _, e := range es {
			if e.id == id {
				return e.to, true
			}
		}
		return 0, false
	}
	i, ok := slices.BinarySearchFunc(es, id, func(e edge, id int32) int { return int(e.id) - int(id) })
	if !ok {
		return 0, false
	}
	return es[i].to, true
}

func (t *trie) insert(ids []int32) int32 {
	t.edges, t.from = nil, nil // read through next until frozen again
	s := int32(0)
	for _, id := range ids {
		k := uint64(s)<<32 | uint64(uint32(id))
		n, ok := t.next[k]
		if !ok {
			n = int32(len(t.payload))
			t.payload = append(t.payload, -1)
			t.next[k] = n
			if s == 0 {
				for int(id) >= len(t.root) {
					t.root = append(t.root, 0)
				}
				t.root[id] = n
			}
		}
		s = n
	}
	return s
}

// longest returns the end (exclusive, in positions of seq) and payload of
// the longest match starting at seq[i], or -1.
func (t *trie) longest(seq []int32, i int) (int, int32) {
	if i >= len(seq) || seq[i] < 0 || int(seq[i]) >= len(t.root) || t.root[seq[i]] == 0 {
		return -1, -1
	}
	s, end, pay := t.root[seq[i]], -1, int32(-1)
	if p := t.payload[s]; p >= 0 {
		end, pay = i+1, p
	}
	for j := i + 1; j < len(seq); j++ {
		id := seq[j]
		if id < 0 {
			break
		}
		n, ok := t.step(s, id)
		if !ok {
			break
		}
		s = n
		if p := t.payload[s]; p >= 0 {
			end, pay = j+1, p
		}
	}
	return end, pay
}

type trigger struct {
	kind   *Kind
	direct bool
}

// fuzzyRef is fuzzy alias k in a list, with where its n word ids are in
// matcher.fuzzyIDs.
type fuzzyRef struct{ k, off, n int32 }

type fuzzyAlias struct {
	words []string
	// ids are the words' vocabulary ids; long tells the words of four or
	// more letters (the only ones a slip may be in).
	ids      []int32
	long     []bool
	official *Official
}

// matcher is the compiled form of a gazetteer.
type matcher struct {
	vocab *vocabulary

	names    *trie
	nameEnts [][]Entity

	titles    *trie
	titleRole [][]TitleRole

	topics    *trie
	topicList []*Topic

	triggers *trie
	trigList [][]trigger

	honorifics *trie

	series     *trie
	seriesList []*Series

	// fuzzyByFirst[id] and fuzzyBySecond[id] are the fuzzy aliases whose
	// first or second word is the word of vocabulary id id.
	fuzzyByFirst  [][]fuzzyRef
	fuzzyBySecond [][]fuzzyRef
	fuzzy         []fuzzyAlias
	// fuzzyIDs are the fuzzy aliases' word ids one after the other (a
	// scan reads them in a row, not through each alias).
	fuzzyIDs []int32

	surnames map[string][]*Official
	// surnameForms holds, per official, the normalised words it may be
	// called by alone (its surname, and the same word of its aliases).
	surnameForms map[*Official][]string

	// byCountry indexes the long role lists titles give (titleRole,
	// below) by the roles' country: the sub-list of each country, in the
	// list's order.
	byCountry map[roleList]map[string][]TitleRole

	titleChildren map[int32][]int32     // title-trie state → child states
	below         map[int32][]TitleRole // title-trie state → roles of the titles below it
}

func (m *matcher) id(word string, add bool) int32 {
	if !add {
		return m.vocab.get(word)
	}
	return m.vocab.add(word)
}

func (m *matcher) ids(toks []vntext.Token, add bool) []int32 {
	out := make([]int32, len(toks))
	for i, t := range toks {
		out[i] = m.id(t.Norm, add)
	}
	return out
}

// compile builds the matcher and reports alias clashes.
func compile(g *Gazetteer) (*matcher, Problems) {
	var ps Problems
	m := &matcher{
		vocab:        newVocabulary(),
		names:        newTrie(),
		titles:       newTrie(),
		topics:       newTrie(),
		triggers:     newTrie(),
		honorifics:   newTrie(),
		series:       newTrie(),
		surnames:     map[string][]*Official{},
		surnameForms: map[*Official][]string{},
	}
	owner := map[int32]*Official{} // name-trie state → official, for clashes
	addName := func(text string, e Entity) int32 {
		toks := vntext.Tokenize(text)
		if len(toks) == 0 {
			return -1
		}
		s := m.names.insert(m.ids(toks, true))
		p := m.names.payload[s]
		if p < 0 {
			p = int32(len(m.nameEnts))
			m.nameEnts = append(m.nameEnts, nil)
			m.names.payload[s] = p
		}
		for _, old := range m.nameEnts[p] {
			if old == e {
				return s
			}
		}
		m.nameEnts[p] = append(m.nameEnts[p], e)
		return s
	}
	for _, c := range g.Countries {
		for _, n := range append([]string{c.Name}, c.Names...) {
			addName(n, Entity{Kind: CountryEntity, Country: c})
		}
	}
	for _, p := range g.Places {
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			addName(n, Entity{Kind: PlaceEntity, Place: p})
		}
	}
	for _, p := range g.Provinces {
		for _, n := range append([]string{p.Name}, p.Names...) {
			addName(n, Entity{Kind: ProvinceEntity, Province: p})
		}
	}
	for _, o := range g.Officials {
		names := append([]string{o.Name}, o.Aliases...)
		for i, a := range names {
			pos := o.Pos
			if i > 0 && i-1 < len(o.aliasPos) {
				pos = o.aliasPos[i-1]
			}
			if msg := checkAlias(a); msg != "" {
				ps = append(ps, Problem{pos, fmt.Sprintf("official %s: %s", o.ID, msg)})
				continue
			}
			for _, v := range variants(a) {
				s := addName(v, Entity{Kind: OfficialEntity, Official: o})
				if prev, ok := owner[s]; ok && prev != o {
					ps = append(ps, Problem{pos, fmt.Sprintf(
						"alias %q of official %s is also a name of official %s (line %d)",
						a, o.ID, prev.ID, prev.Pos.Line)})
					continue
				}
				owner[s] = o
				words := strings.Fields(vntext.Normalize(v))
				if len(words) >= 2 {
					k := len(m.fuzzy)
					fa := fuzzyAlias{words: words, official: o}
					for _, w := range words {
						fa.ids = append(fa.ids, m.id(w, true))
						fa.long = append(fa.long, utf8.RuneCountInString(w) >= 4)
					}
					m.fuzzy = append(m.fuzzy, fa)
					ref := fuzzyRef{int32(k), int32(len(m.fuzzyIDs)), int32(len(words))}
					m.fuzzyIDs = append(m.fuzzyIDs, fa.ids...)
					m.fuzzyByFirst = appendAt(m.fuzzyByFirst, fa.ids[0], ref)
					m.fuzzyBySecond = appendAt(m.fuzzyBySecond, fa.ids[1], ref)
				}
			}
		}
		if s := vntext.Normalize(g.SurnameOf(o)); s != "" {
			m.surnames[s] = append(m.surnames[s], o)
		}
		m.surnameForms[o] = g.surnameForms(o)
	}
	for _, h := range g.Honorifics {
		toks := vntext.Tokenize(h.Text)
		if len(toks) > 0 {
			s := m.honorifics.insert(m.ids(toks, true))
			m.honorifics.payload[s] = 0
		}
	}
	ps = append(ps, m.compileTitles(g)...)
	for _, t := range g.Topics {
		for _, kw := range t.Keywords {
			toks := vntext.Tokenize(kw)
			if len(toks) == 0 {
				continue
			}
			s := m.topics.insert(m.ids(toks, true))
			if m.topics.payload[s] < 0 {
				m.topics.payload[s] = int32(len(m.topicList))
				m.topicList = append(m.topicList, t)
			}
		}
	}
	for _, sr := range g.Series {
		for _, n := range sr.Names {
			toks := vntext.Tokenize(n)
			if len(toks) == 0 {
				continue
			}
			s := m.series.insert(m.ids(toks, true))
			if p := m.series.payload[s]; p >= 0 && m.seriesList[p] != sr {
				ps = append(ps, Problem{sr.Pos, fmt.Sprintf("series %s: name %q is also a name of series %s", sr.ID, n, m.seriesList[p].ID)})
				continue
			}
			m.series.payload[s] = int32(len(m.seriesList))
			m.seriesList = append(m.seriesList, sr)
		}
	}
	for _, k := range g.Kinds {
		add := func(w string, direct bool) {
			toks := vntext.Tokenize(w)
			if len(toks) == 0 {
				return
			}
			s := m.triggers.insert(m.ids(toks, true))
			p := m.triggers.payload[s]
			if p < 0 {
				p = int32(len(m.trigList))
				m.trigList = append(m.trigList, nil)
				m.triggers.payload[s] = p
			}
			m.trigList[p] = append(m.trigList[p], trigger{k, direct})
		}
		for _, w := range k.Triggers {
			add(w, false)
		}
		for _, w := range k.Direct {
			add(w, true)
		}
	}
	m.titleChildren = map[int32][]int32{}
	for k, n := range m.titles.next {
		parent := int32(k >> 32)
		m.titleChildren[parent] = append(m.titleChildren[parent], n)
	}
	for _, ch := range m.titleChildren {
		// In the order the states were made, not the map's: the roles a
		// bare title gives come out the same in every run.
		slices.Sort(ch)
	}
	for _, trs := range m.titleRole {
		for i := range trs {
			trs[i].Country = trs[i].Role.Country
		}
	}
	m.below = map[int32][]TitleRole{}
	seen := map[*Role]bool{}
	for st := range m.titles.payload {
		if st > 0 {
			clear(seen)
			m.below[int32(st)] = m.rolesBelow(int32(st), seen)
		}
	}
	m.byCountry = map[roleList]map[string][]TitleRole{}
	index := func(trs []TitleRole) {
		if len(trs) < minIndexedRoles {
			return
		}
		k := roleList{&trs[0], len(trs)}
		if _, ok := m.byCountry[k]; ok {
			return
		}
		sub := map[string][]TitleRole{}
		for _, tr := range trs {
			sub[tr.Country] = append(sub[tr.Country], tr)
		}
		m.byCountry[k] = sub
	}
	for _, trs := range m.titleRole {
		index(trs)
	}
	for _, trs := range m.below {
		index(trs)
	}
	for _, t := range []*trie{m.names, m.titles, m.topics, m.triggers, m.honorifics, m.series} {
		t.freeze()
	}
	return m, ps
}

// roleList names a list of title roles of the matcher: where it starts and
// its length.
type roleList struct {
	first *TitleRole
	n     int
}

// minIndexedRoles is the length from which a title's role list is indexed
// by country.
const minIndexedRoles = 16

// RolesOfCountry returns the roles of list whose country is country, in
// the list's order, when list is one of the long lists of the roles
// titles name (TitleMatch.Roles, TitleHead's): ok is false for any other
// list, which the caller reads itself.
func (g *Gazetteer) RolesOfCountry(list []TitleRole, country string) (roles []TitleRole, ok bool) {
	if len(list) < minIndexedRoles {
		return nil, false
	}
	sub, ok := g.m.byCountry[roleList{&list[0], len(list)}]
	if !ok {
		return nil, false
	}
	return sub[country], true
}

// appendAt appends k to lists[i], growing lists as needed.
func appendAt(lists [][]fuzzyRef, i int32, k fuzzyRef) [][]fuzzyRef {
	for int(i) >= len(lists) {
		lists = append(lists, nil)
	}
	lists[i] = append(lists[i], k)
	return lists
}

// listAt returns lists[i], or nil when i is out of range.
func listAt(lists [][]fuzzyRef, i int32) []fuzzyRef {
	if i < 0 || int(i) >= len(lists) {
		return nil
	}
	return lists[i]
}

func hasOfficial(es []Entity) bool {
	for _, e := range es {
		if e.Kind == OfficialEntity {
			return true
		}
	}
	return false
}

// variants returns an alias and, when it has hyphenated words, the form
// with those words joined ("Yoon-joo" → "Yoonjoo").
func variants(a string) []string {
	if !strings.ContainsAny(a, "-‐‑") {
		return []string{a}
	}
	joined := strings.NewReplacer("-", "", "‐", "", "‑", "").Replace(a)
	return []string{a, joined}
}

// stripCountries returns the positions of toks that are not country names
// (a country after "tại"/"ở" stays, "của" before a country goes), and the
// countries it took out.
func (m *matcher) stripCountries(toks []vntext.Token, ids []int32) (keep []int, countries []string) {
	return m.stripCountriesOf(toks, m.nameSpans(ids), nil)
}

// nameSpan is a longest match of the names trie: tokens [start, end),
// payload p.
type nameSpan struct{ start, end, p int32 }

// nameSpans walks the names trie over the text, longest match first, left
// to right.
func (m *matcher) nameSpans(ids []int32) []nameSpan {
	var out []nameSpan
	for i := 0; i < len(ids); {
		end, p := m.names.longest(ids, i)
		if end < 0 {
			i++
			continue
		}
		out = append(out, nameSpan{int32(i), int32(end), p})
		i = end
	}
	return out
}

// stripCountriesOf is stripCountries for the name spans of the text; keep
// is reused when it has room.
func (m *matcher) stripCountriesOf(toks []vntext.Token, spans []nameSpan, keep []int) ([]int, []string) {
	var countries []string
	drop := make([]bool, len(toks))
	for _, sp := range spans {
		i, end, p := int(sp.start), int(sp.end), sp.p
		var c *Country
		for _, e := range m.nameEnts[p] {
			if e.Kind == CountryEntity {
				c = e.Country
			}
		}
		if c != nil && end == i+1 && !toks[i].Upper {
			c = nil
		}
		if c != nil && !(i > 0 && isLocative(toks[i-1].Norm)) {
			for j := i; j < end; j++ {
				drop[j] = true
			}
			if i > 0 && toks[i-1].Norm == "của" {
				drop[i-1] = true
			}
			countries = append(countries, c.Code)
		}
	}
	keep = keep[:0]
	for i := range toks {
		if !drop[i] {
			keep = append(keep, i)
		}
	}
	return keep, countries
}

func isLocative(w string) bool { return w == "tại" || w == "ở" }

// Scan finds names, titles, topic keywords and meeting triggers in a
// tokenised text. Names and titles are longest-match, left to right, with
// no overlaps among themselves; topics and triggers likewise.
func (g *Gazetteer) Scan(toks []vntext.Token) Scan {
	m := g.m
	ids := m.ids(toks, false)
	var sc Scan
	covered := make([]bool, len(toks))
	spans := m.nameSpans(ids)
	for _, sp := range spans {
		i, end, p := int(sp.start), int(sp.end), sp.p
		if end == i+1 && !toks[i].Upper && !hasOfficial(m.nameEnts[p]) {
			// A one-word country or place name in lower case is an
			// ordinary word ("biện pháp", "cập nhật").
			continue
		}
		sc.Names = append(sc.Names, Match{Start: i, End: end, Entities: m.nameEnts[p]})
		for j := i; j < end; j++ {
			covered[j] = true
		}
	}
	sc.Names = m.addFuzzy(toks, ids, covered, sc.Names)

	// Titles, on the token stream with country names set aside.
	keep, _ := m.stripCountriesOf(toks, spans, make([]int, 0, len(toks)))
	seq := make([]int32, len(keep))
	for i, k := range keep {
		seq[i] = ids[k]
	}
	for i := 0; i < len(seq); {
		end, p := m.titles.longest(seq, i)
		if end < 0 {
			i++
			continue
		}
		start, stop := keep[i], keep[end-1]+1
		// Country names set aside right after the title belong to it
		// ("Thứ trưởng Bộ Ngoại giao Hàn Quốc").
		next := len(toks)
		if end < len(keep) {
			next = keep[end]
		}
		for stop < next {
			stop++
		}
		tm := TitleMatch{Start: start, End: stop, Roles: m.titleRole[p]}
		// The names inside the title: the names do not overlap and are in
		// order, so they are the ones from the first that starts in it on
		// (found by binary search: a pass over every name for each title
		// made long texts quadratic).
		from := sort.Search(len(sc.Names), func(k int) bool { return sc.Names[k].Start >= start })
		for _, n := range sc.Names[from:] {
			if n.Start >= stop {
				break
			}
			if n.Start >= start && n.End <= stop {
				if c := n.Country(); c != nil {
					tm.Countries = append(tm.Countries, c.Code)
				}
			}
		}
		sc.Titles = append(sc.Titles, tm)
		i = end
	}
	for i := 0; i < len(toks); {
		end, p := m.topics.longest(ids, i)
		if end < 0 {
			i++
			continue
		}
		sc.Topics = append(sc.Topics, TopicMatch{Start: i, End: end, Topic: m.topicList[p]})
		i = end
	}
	for i := 0; i < len(toks); {
		end, p := m.triggers.longest(ids, i)
		if end < 0 {
			i++
			continue
		}
		for _, t := range m.trigList[p] {
			sc.Triggers = append(sc.Triggers, TriggerMatch{Start: i, End: end, Kind: t.kind, Direct: t.direct})
		}
		i = end
	}
	for i := 0; i < len(toks); {
		end, p := m.series.longest(ids, i)
		if end < 0 {
			i++
			continue
		}
		sc.Series = append(sc.Series, SeriesMatch{Start: i, End: end, Series: m.seriesList[p]})
		i = end
	}
	return sc
}

// addFuzzy adds official names written with a one-letter slip in one word
// of four or more letters, where the written words are capitalised. A slip
// may swallow shorter exact matches inside its span ("Yoshihdie Suga" where
// "Suga" alone is an alias), never one that starts before it or runs past it.
func (m *matcher) addFuzzy(toks []vntext.Token, ids []int32, covered []bool, names []Match) []Match {
	// owner[i] is the index in names of the match covering token i, or -1.
	owner := make([]int, len(toks))
	for i := range owner {
		owner[i] = -1
	}
	for k, n := range names {
		for j := n.Start; j < n.End; j++ {
			owner[j] = k
		}
	}
	// upper[i] is the number of capitalised words in a row from token i:
	// an alias longer than that cannot be there.
	upper := make([]int32, len(toks)+1)
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Upper && toks[i].Kind == vntext.Word {
			upper[i] = upper[i+1] + 1
		}
	}
	var extra []Match
	var drop map[int]bool
	for i := 0; i+1 < len(toks); i++ {
		if upper[i] < 2 {
			continue // every fuzzy alias has two words or more
		}
		if covered[i] && (owner[i] < 0 || names[owner[i]].Start != i || names[owner[i]].Official() == nil) {
			continue
		}
		best := -1
		try := func(r fuzzyRef) {
			n := int(r.n)
			if n > int(upper[i]) {
				return // past the text's end, or a word not capitalised
			}
			end := i + n
			slips := 0
			for j, id := range m.fuzzyIDs[r.off : r.off+r.n] {
				if o := owner[i+j]; o >= 0 && (names[o].Start < i || names[o].End > end || names[o].End == end && names[o].Start == i || names[o].Official() == nil) {
					return
				}
				if ids[i+j] == id {
					continue // the same word (ids are unique per word)
				}
				a := &m.fuzzy[r.k]
				if slips > 0 || !a.long[j] || !oneSlip(toks[i+j].Norm, a.words[j]) {
					return
				}
				slips++
			}
			if slips == 1 && (best < 0 || n > len(m.fuzzy[best].words)) {
				best = int(r.k)
			}
		}
		for _, r := range listAt(m.fuzzyByFirst, ids[i]) {
			try(r)
		}
		for _, r := range listAt(m.fuzzyBySecond, ids[i+1]) {
			try(r)
		}
		if best < 0 {
			continue
		}
		a := m.fuzzy[best]
		end := i + len(a.words)
		extra = append(extra, Match{Start: i, End: end, Fuzzy: true,
			Entities: []Entity{{Kind: OfficialEntity, Official: a.official}}})
		for j := i; j < end; j++ {
			covered[j] = true
			if owner[j] >= 0 {
				if drop == nil {
					drop = map[int]bool{}
				}
				drop[owner[j]] = true
			}
		}
		i = end - 1
	}
	if len(extra) == 0 {
		return names
	}
	out := make([]Match, 0, len(names)+len(extra))
	for k, n := range names {
		if !drop[k] {
			out = append(out, n)
		}
	}
	out = append(out, extra...)
	sort.Slice(out, func(a, b int) bool { return out[a].Start < out[b].Start })
	return out
}

// oneSlip reports whether a and b differ by exactly one edit: a letter
// changed, added, dropped, or two neighbours swapped.
func oneSlip(a, b string) bool {
	// One edit changes the length by at most one letter's bytes.
	if d := len(a) - len(b); d > utf8.UTFMax || d < -utf8.UTFMax {
		return false
	}
	// Words are short: their letters fit in arrays on the stack.
	var xa, ya [24]rune
	x, y := appendRunes(xa[:0], a), appendRunes(ya[:0], b)
	if len(x) > len(y) {
		x, y = y, x
	}
	switch len(y) - len(x) {
	case 0:
		diff := -1
		for i := range x {
			if x[i] != y[i] {
				if diff >= 0 {
					// second difference: only a swap of neighbours is one slip
					return diff == i-1 && x[diff] == y[i] && x[i] == y[diff] && equalFrom(x, y, i+1)
				}
				diff = i
			}
		}
		return diff >= 0
	case 1:
		i := 0
		for i < len(x) && x[i] == y[i] {
			i++
		}
		return slices.Equal(x[i:], y[i+1:])
	}
	return false
}

func equalFrom(x, y []rune, i int) bool { return slices.Equal(x[i:], y[i:]) }

func appendRunes(dst []rune, s string) []rune {
	for _, r := range s {
		dst = append(dst, r)
	}
	return dst
}

// OfficialsBySurname returns the officials whose surname (the word used
// alone) has the normalised form s.
func (g *Gazetteer) OfficialsBySurname(s string) []*Official { return g.m.surnames[s] }

// TitleHead reads the longest start of some role title at token i (a
// generic title such as "Thứ trưởng" before a surname) and returns where it
// ends and every role whose title begins that way.
func (g *Gazetteer) TitleHead(toks []vntext.Token, i int) (end int, roles []TitleRole) {
	// Walk the title trie as far as the words go; the roles reachable
	// below the deepest state were gathered when the gazetteer compiled.
	s, last := int32(0), -1
	for j := 0; j < 8 && i+j < len(toks); j++ {
		id := g.m.id(toks[i+j].Norm, false)
		if id < 0 {
			break
		}
		n, ok := g.m.titles.step(s, id)
		if !ok {
			break
		}
		s, last = n, j
	}
	if last < 0 {
		return -1, nil
	}
	return i + last + 1, g.m.below[s]
}

// rolesBelow lists the roles of all titles that extend trie state s.
func (m *matcher) rolesBelow(s int32, seen map[*Role]bool) []TitleRole {
	var out []TitleRole
	states := []int32{s}
	children := m.titleChildren
	for len(states) > 0 {
		st := states[len(states)-1]
		states = states[:len(states)-1]
		if p := m.titles.payload[st]; p >= 0 {
			for _, tr := range m.titleRole[p] {
				if !seen[tr.Role] {
					seen[tr.Role] = true
					out = append(out, tr)
				}
			}
		}
		states = append(states, children[st]...)
	}
	return out
}

// SurnameForms returns the normalised words o may be called by alone: the
// surname, and the word in the same place of each alias written in the
// same order ("Tôn" of the alias "Tôn Vệ Đông" for Sun Weidong). For a
// gazetteer official the list was computed when the gazetteer compiled.
func (g *Gazetteer) SurnameForms(o *Official) []string {
	if f, ok := g.m.surnameForms[o]; ok {
		return f
	}
	return g.surnameForms(o)
}

// SurnameForms computes the words an official may be called by alone, with
// the name order of SurnameOf (no gazetteer's countries).
func SurnameForms(o *Official) []string {
	order := "last"
	switch o.Country {
	case "KR", "KP", "CN":
		order = "first"
	}
	return surnameForms(o, order)
}

func (g *Gazetteer) surnameForms(o *Official) []string {
	return surnameForms(o, g.NameOrder(o.Country))
}

func surnameForms(o *Official, order string) []string {
	out := []string{vntext.Normalize(surnameOf(o, order))}
	for _, a := range o.Aliases {
		words := strings.Fields(vntext.Normalize(a))
		if len(words) < 2 {
			continue
		}
		w := words[len(words)-1]
		if order == "first" {
			w = words[0]
		}
		dup := false
		for _, f := range out {
			dup = dup || f == w
		}
		if !dup {
			out = append(out, w)
		}
	}
	return out
}
