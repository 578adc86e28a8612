package graph

// Reads for the web page (package web): the officials' names for search,
// an official's profile, a meeting with its evidence, and every meeting in
// brief for the overview. Like Met they go through the store's indexes
// (read.go) and never scan the whole store.

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/schema"
	"github.com/dipgraph/dipgraph/vntext"
)

// outQuad is one quad out of a node, resolved.
type outQuad struct {
	pred, obj, label quad.Value
}

// outsOf reads every node's quads with one of preds (all quads when preds
// is empty), in parallel lookups and one batch of value resolution.
func (s *Store) outsOf(ctx context.Context, nodes []cgraph.Ref, preds ...cgraph.Ref) ([][]outQuad, error) {
	r := s.read()
	var b scans
	type nodeScans struct{ list []*scan }
	all := make([]nodeScans, len(nodes))
	for i, n := range nodes {
		if n == nil {
			continue
		}
		if len(preds) == 0 {
			all[i].list = append(all[i].list, b.outs(n, nil))
			continue
		}
		for _, p := range preds {
			if p != nil {
				all[i].list = append(all[i].list, b.outs(n, p))
			}
		}
	}
	if err := b.run(ctx, r); err != nil {
		return nil, err
	}
	names := newNames()
	for _, ns := range all {
		for _, sc := range ns.list {
			for _, q := range sc.quads {
				names.want(r.dir(q, quad.Predicate))
				names.want(r.dir(q, quad.Object))
				names.want(r.dir(q, quad.Label))
			}
		}
	}
	if err := names.resolve(ctx, s.qs); err != nil {
		return nil, err
	}
	out := make([][]outQuad, len(nodes))
	for i, ns := range all {
		for _, sc := range ns.list {
			for _, q := range sc.quads {
				out[i] = append(out[i], outQuad{
					pred:  names.of(r.dir(q, quad.Predicate)),
					obj:   names.of(r.dir(q, quad.Object)),
					label: names.of(r.dir(q, quad.Label)),
				})
			}
		}
	}
	return out, nil
}

// subjectsOf lists the subjects of the quads with object obj and predicate
// pred, each once, in the order found.
func (s *Store) subjectsOf(ctx context.Context, obj, pred quad.Value) ([]cgraph.Ref, error) {
	r := s.read()
	refs, err := r.refs(ctx, obj, pred)
	if err != nil || refs[0] == nil || refs[1] == nil {
		return nil, err
	}
	qs, err := r.ins(ctx, refs[0], refs[1])
	if err != nil {
		return nil, err
	}
	seen := map[any]bool{}
	var out []cgraph.Ref
	for _, q := range qs {
		if sub := r.dir(q, quad.Subject); sub != nil && !seen[sub.Key()] {
			seen[sub.Key()] = true
			out = append(out, sub)
		}
	}
	return out, nil
}

// NameEntry is an official with every name the store looks them up by.
type NameEntry struct {
	Official
	Aliases []string `json:"aliases,omitempty"`
	// Keys are the NameKeys of the name, the aliases and the surname.
	Keys []string `json:"-"`
}

// OfficialNames lists every official of the store (the gazetteer's and
// the provisional ones) with their names, aliases and lookup keys, by id.
func (s *Store) OfficialNames(ctx context.Context) ([]NameEntry, error) {
	subs, err := s.subjectsOf(ctx, iri(schema.KindOfficial), iri(schema.PredType))
	if err != nil {
		return nil, fmt.Errorf("officials: %w", err)
	}
	return s.nameEntries(ctx, subs)
}

func (s *Store) nameEntries(ctx context.Context, subs []cgraph.Ref) ([]NameEntry, error) {
	r := s.read()
	pr, err := r.refs(ctx, iri(schema.PredName), iri(schema.PredAlias), iri(schema.PredKey), iri(schema.PredCountry), iri(schema.PredProvisional))
	if err != nil {
		return nil, err
	}
	props, err := s.outsOf(ctx, subs, pr...)
	if err != nil {
		return nil, fmt.Errorf("officials' names: %w", err)
	}
	ids := newNames()
	for _, sub := range subs {
		ids.want(sub)
	}
	if err := ids.resolve(ctx, s.qs); err != nil {
		return nil, err
	}
	out := make([]NameEntry, 0, len(subs))
	for i, sub := range subs {
		id, ok := strings.CutPrefix(iriText(ids.of(sub)), "official/")
		if !ok {
			continue
		}
		e := NameEntry{Official: Official{ID: id}}
		for _, q := range props[i] {
			switch iriText(q.pred) {
			case schema.PredName:
				e.Name = lit(q.obj)
			case schema.PredAlias:
				addText(&e.Aliases, lit(q.obj))
			case schema.PredKey:
				addText(&e.Keys, lit(q.obj))
			case schema.PredCountry:
				e.Country = strings.TrimPrefix(iriText(q.obj), "country/")
			case schema.PredProvisional:
				e.Provisional = true
			}
		}
		if e.Name == "" {
			e.Name = id
		}
		addText(&e.Keys, schema.NameKey(e.Name))
		out = append(out, e)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

// Tenure is a role an official holds by the gazetteer, from and to (empty:
// still in office).
type Tenure struct {
	Role     string `json:"role"`
	RoleName string `json:"role_name,omitempty"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
}

// StatedRole is a role as the articles state it: how many articles, and
// some of the sentences that state it.
type StatedRole struct {
	Role      string   `json:"role"`
	RoleName  string   `json:"role_name,omitempty"`
	Articles  int      `json:"articles"`
	Sentences []Source `json:"sentences,omitempty"`
}

// Profile is what the store says of an official besides their meetings.
type Profile struct {
	NameEntry
	CountryName string       `json:"country_name,omitempty"`
	Tenures     []Tenure     `json:"tenures,omitempty"`
	Stated      []StatedRole `json:"stated_roles,omitempty"`
}

// maxStatedSentences bounds the sentences a profile shows per stated role.
const maxStatedSentences = 5

// Profile reads an official: names, country, the gazetteer's tenures and
// the roles the articles state (with up to five sentences each). It
// returns nil when the store has no such official.
//
// The stated roles come from the official's <holds> quads, whose labels
// are the articles; the tenures from the facts about the official under
// the gazetteer's label; the sentences from the facts of the first
// articles of each role, whose ids are known from role and article.
// Nothing is read per article but those few sentences.
func (s *Store) Profile(ctx context.Context, id string) (*Profile, error) {
	return s.profile(ctx, id, nil)
}

// Profiles is what Profile reads of every official at once (ReadProfiles),
// for a reader that keeps it per state of the store: the articles that
// state each official's roles and the gazetteer's tenures. With it,
// ProfileFrom reads only the names and the few sentences a profile shows.
type Profiles struct {
	stated  map[string]map[string][]string // official id → role id → article ids, sorted
	tenures map[string][]Tenure            // official id → the gazetteer's tenures, without role names
}

// ReadProfiles reads the stated roles of the officials with ids (every
// <holds> quad of theirs, in one batch of lookups) and every tenure of the
// gazetteer (the quads under its label). On a store of 20,000 articles:
// about a quarter of a million quads, seconds. It returns nil for a
// PostgreSQL store (ProfileFrom then reads as Profile does).
func (s *Store) ReadProfiles(ctx context.Context, ids []string) (_ *Profiles, err error) {
	defer s.guard(&err)()
	if s.pg != nil {
		return nil, nil
	}
	r := s.read()
	vals := []quad.Value{iri(schema.PredHolds)}
	for _, id := range ids {
		vals = append(vals, iri(schema.OfficialIRI(id)))
	}
	refs, err := r.refs(ctx, vals...)
	if err != nil {
		return nil, err
	}
	ix := &Profiles{stated: map[string]map[string][]string{}, tenures: map[string][]Tenure{}}
	if refs[0] != nil {
		var b scans
		holds := make([]*scan, len(ids))
		for i, ref := range refs[1:] {
			if ref != nil {
				holds[i] = b.outs(ref, refs[0])
			}
		}
		if err := b.run(ctx, r); err != nil {
			return nil, fmt.Errorf("stated roles: %w", err)
		}
		n := newNames()
		for _, sc := range holds {
			if sc != nil {
				for _, q := range sc.quads {
					n.want(r.dir(q, quad.Object))
					n.want(r.dir(q, quad.Label))
				}
			}
		}
		if err := n.resolve(ctx, s.qs); err != nil {
			return nil, fmt.Errorf("stated roles: %w", err)
		}
		for i, sc := range holds {
			if sc != nil && len(sc.quads) > 0 {
				ix.stated[ids[i]] = statedArticles(r, n, sc.quads)
			}
		}
	}
	gq, err := s.labelQuads(ctx, schema.GazetteerLabel)
	if err != nil {
		return nil, fmt.Errorf("tenures: %w", err)
	}
	// A tenure: a fact with an official <subject> and a role <object>
	// (stores before session 6 also give <predicate> <holds>).
	type fact struct {
		official string
		notHolds bool
		t        Tenure
	}
	facts := map[string]*fact{}
	for _, q := range gq {
		subj, ok := strings.CutPrefix(iriText(q.Subject), "fact/")
		if !ok {
			continue
		}
		f := facts[subj]
		if f == nil {
			f = &fact{}
			facts[subj] = f
		}
		switch iriText(q.Predicate) {
		case schema.PredSubject:
			f.official, _ = strings.CutPrefix(iriText(q.Object), "official/")
		case schema.PredPredicate:
			f.notHolds = iriText(q.Object) != schema.PredHolds
		case schema.PredObject:
			f.t.Role, _ = strings.CutPrefix(iriText(q.Object), "role/")
		case schema.PredRoleFrom:
			f.t.From = lit(q.Object)
		case schema.PredRoleTo:
			f.t.To = lit(q.Object)
		}
	}
	for _, f := range facts {
		if f.official != "" && !f.notHolds && f.t.Role != "" {
			ix.tenures[f.official] = append(ix.tenures[f.official], f.t)
		}
	}
	return ix, ctx.Err()
}

// ProfileFrom is Profile with what ReadProfiles read of every official:
// the same answer without reading the official's <holds> quads and facts
// again. A nil ix reads as Profile.
func (s *Store) ProfileFrom(ctx context.Context, id string, ix *Profiles) (*Profile, error) {
	return s.profile(ctx, id, ix)
}

// statedArticles lists, by role, the articles (labels) of <holds> quads.
func statedArticles(r *reader, n *names, holds []cgraph.Ref) map[string][]string {
	sets := map[string]map[string]bool{}
	for _, q := range holds {
		role := strings.TrimPrefix(iriText(n.of(r.dir(q, quad.Object))), "role/")
		art, ok := strings.CutPrefix(iriText(n.of(r.dir(q, quad.Label))), "article/")
		if ok && role != "" {
			if sets[role] == nil {
				sets[role] = map[string]bool{}
			}
			sets[role][art] = true
		}
	}
	out := make(map[string][]string, len(sets))
	for role, set := range sets {
		out[role] = sortedMapKeys(set)
	}
	return out
}

func (s *Store) profile(ctx context.Context, id string, ix *Profiles) (*Profile, error) {
	r := s.read()
	off := schema.OfficialIRI(id)
	refs, err := r.refs(ctx, iri(off), iri(schema.PredSubject), iri(schema.PredHolds), iri(schema.GazetteerLabel), iri(schema.PredStatedIn), iri(schema.PredText), iri(schema.PredName))
	if err != nil {
		return nil, err
	}
	self, pSubject, pHolds, gaz, pStated, pText, pName := refs[0], refs[1], refs[2], refs[3], refs[4], refs[5], refs[6]
	if self == nil {
		return nil, nil
	}
	entries, err := s.nameEntries(ctx, refs[:1])
	if err != nil || len(entries) == 0 {
		return nil, err
	}
	p := &Profile{NameEntry: entries[0]}
	var articles map[string][]string // role → articles
	if ix != nil {
		articles = ix.stated[id]
		p.Tenures = append(p.Tenures, ix.tenures[id]...)
	} else {
		articles, p.Tenures, err = s.readStated(ctx, r, self, pSubject, pHolds, gaz)
		if err != nil {
			return nil, fmt.Errorf("official %s: %w", id, err)
		}
	}

	// The first articles' sentences of each stated role, and the names.
	roleIDs := map[string]bool{}
	for _, t := range p.Tenures {
		roleIDs[t.Role] = true
	}
	var factVals []quad.Value
	type at struct {
		role string
		j    int
	}
	var factOf []at
	for role, arts := range articles {
		roleIDs[role] = true
		sr := StatedRole{Role: role, Articles: len(arts)}
		for j, a := range arts[:min(len(arts), maxStatedSentences)] {
			sr.Sentences = append(sr.Sentences, Source{Article: a})
			factVals = append(factVals, iri(schema.StatedFactIRI(off, schema.PredHolds, schema.RoleIRI(role), a)))
			factOf = append(factOf, at{role, j})
		}
		p.Stated = append(p.Stated, sr)
	}
	roles := sortedMapKeys(roleIDs)
	vals := make([]quad.Value, 0, len(roles)+1+len(factVals))
	for _, rid := range roles {
		vals = append(vals, iri(schema.RoleIRI(rid)))
	}
	vals = append(vals, iri(schema.CountryIRI(p.Country)))
	vals = append(vals, factVals...)
	nodes, err := r.refs(ctx, vals...)
	if err != nil {
		return nil, err
	}
	named, err := s.outsOf(ctx, nodes[:len(roles)+1], pName)
	if err != nil {
		return nil, err
	}
	stated, err := s.outsOf(ctx, nodes[len(roles)+1:], pStated)
	if err != nil {
		return nil, err
	}
	var sentences []quad.Value
	for _, qs := range stated {
		var v quad.Value = iri("")
		for _, q := range qs {
			v = q.obj
		}
		sentences = append(sentences, v)
	}
	srefs, err := r.refs(ctx, sentences...)
	if err != nil {
		return nil, err
	}
	texts, err := s.outsOf(ctx, srefs, pText)
	if err != nil {
		return nil, err
	}
	byRole := map[string]*StatedRole{}
	for i := range p.Stated {
		byRole[p.Stated[i].Role] = &p.Stated[i]
	}
	for k, a := range factOf {
		src := &byRole[a.role].Sentences[a.j]
		_, src.Span, _ = schema.SplitSentenceIRI(iriText(sentences[k]))
		for _, q := range texts[k] {
			src.Sentence = lit(q.obj)
		}
	}
	roleName := map[string]string{}
	for i, rid := range roles {
		for _, q := range named[i] {
			roleName[rid] = lit(q.obj)
		}
	}
	for _, q := range named[len(roles)] {
		p.CountryName = lit(q.obj)
	}
	for i := range p.Tenures {
		p.Tenures[i].RoleName = roleName[p.Tenures[i].Role]
	}
	sort.Slice(p.Tenures, func(i, j int) bool {
		if p.Tenures[i].From != p.Tenures[j].From {
			return p.Tenures[i].From > p.Tenures[j].From
		}
		return p.Tenures[i].Role < p.Tenures[j].Role
	})
	for i := range p.Stated {
		p.Stated[i].RoleName = roleName[p.Stated[i].Role]
	}
	sort.Slice(p.Stated, func(i, j int) bool {
		if p.Stated[i].Articles != p.Stated[j].Articles {
			return p.Stated[i].Articles > p.Stated[j].Articles
		}
		return p.Stated[i].Role < p.Stated[j].Role
	})
	return p, nil
}

// readStated reads an official's stated roles (role → articles) from
// their <holds> quads and the gazetteer's tenures from the facts about
// them under its label.
func (s *Store) readStated(ctx context.Context, r *reader, self, pSubject, pHolds, gaz cgraph.Ref) (map[string][]string, []Tenure, error) {
	// Roles as stated: role → articles.
	holds, err := r.outs(ctx, self, pHolds)
	if err != nil {
		return nil, nil, err
	}
	n := newNames()
	for _, q := range holds {
		n.want(r.dir(q, quad.Object))
		n.want(r.dir(q, quad.Label))
	}
	// Tenures: the gazetteer's facts about the official.
	var facts []cgraph.Ref
	if pSubject != nil && gaz != nil {
		qs, err := r.ins(ctx, self, pSubject)
		if err != nil {
			return nil, nil, err
		}
		for _, q := range qs {
			if same(r.dir(q, quad.Label), gaz) {
				facts = append(facts, r.dir(q, quad.Subject))
			}
		}
	}
	if err := n.resolve(ctx, s.qs); err != nil {
		return nil, nil, err
	}
	articles := statedArticles(r, n, holds)
	fq, err := s.outsOf(ctx, facts)
	if err != nil {
		return nil, nil, fmt.Errorf("tenures: %w", err)
	}
	var tenures []Tenure
	for _, quads := range fq {
		var t Tenure
		notHolds := false // a tenure is <holds>; stores before session 6 say so with <predicate>
		for _, q := range quads {
			switch iriText(q.pred) {
			case schema.PredPredicate:
				notHolds = iriText(q.obj) != schema.PredHolds
			case schema.PredObject:
				t.Role, _ = strings.CutPrefix(iriText(q.obj), "role/")
			case schema.PredRoleFrom:
				t.From = lit(q.obj)
			case schema.PredRoleTo:
				t.To = lit(q.obj)
			}
		}
		if !notHolds && t.Role != "" {
			tenures = append(tenures, t)
		}
	}
	return articles, tenures, nil
}

// NameSpan is where an official's name stands in a text, in bytes.
type NameSpan struct {
	Official string `json:"official"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

// EvidenceSentence is a sentence that reports a meeting: its byte span
// in the article, its text, and the participants' names in it (byte
// offsets into Text).
type EvidenceSentence struct {
	Span  string     `json:"span"`
	Start int        `json:"start"`
	End   int        `json:"end"`
	Text  string     `json:"text"`
	Names []NameSpan `json:"names"`
}

// Evidence is what one article says of a meeting.
type Evidence struct {
	Article   string             `json:"article"`
	File      string             `json:"file,omitempty"`
	Date      string             `json:"date,omitempty"`
	Kind      string             `json:"kind,omitempty"`
	Status    string             `json:"status,omitempty"`
	Place     string             `json:"place,omitempty"`
	Topics    []string           `json:"topics,omitempty"`
	Sentences []EvidenceSentence `json:"sentences"`
}

// Participant is an official in a meeting with the roles its articles
// state.
type Participant struct {
	Official
	Roles []string `json:"roles,omitempty"`
}

// Topic is a topic id with its name.
type Topic struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

// MeetingDetail is a meeting with its evidence, as its articles' cards
// give it. Date, kind, status and place are chosen as Met chooses them
// when articles differ; each article's own reading is in Evidence.
type MeetingDetail struct {
	ID           string        `json:"id"`
	Date         string        `json:"date,omitempty"`
	Kind         string        `json:"kind,omitempty"`
	Status       string        `json:"status"`
	Place        string        `json:"place,omitempty"`
	PlaceID      string        `json:"place_id,omitempty"`
	Topics       []Topic       `json:"topics,omitempty"`
	Participants []Participant `json:"participants"`
	Evidence     []Evidence    `json:"evidence"`
}

// Meeting reads a meeting (id without "meeting/") from its cards: nil when
// the store has no such meeting or no card of it (a store written by an
// earlier dipgraph: rebuild it). The participants' names are located in
// each reporting sentence by their lookup keys (name, aliases, surname):
// the store keeps the sentences' spans, not the names'.
func (s *Store) Meeting(ctx context.Context, id string) (*MeetingDetail, error) {
	r := s.read()
	refs, err := r.refs(ctx, iri(schema.MeetingIRI(id)), iri(schema.PredCard))
	if err != nil || refs[0] == nil || refs[1] == nil {
		return nil, err
	}
	cq, err := s.outsOf(ctx, refs[:1], refs[1])
	if err != nil || len(cq[0]) == 0 {
		return nil, err
	}
	m := &MeetingDetail{ID: id}
	var dates, kinds, statuses, places, topics, people []string
	roles := map[string][]string{}
	for _, q := range cq[0] {
		var c card
		if err := json.Unmarshal([]byte(lit(q.obj)), &c); err != nil {
			return nil, fmt.Errorf("meeting %s: card: %w", id, err)
		}
		ev := Evidence{Article: strings.TrimPrefix(iriText(q.label), "article/"), File: c.File, Date: c.Date,
			Kind: c.Kind, Status: c.Status, Place: c.Place, Topics: c.Topics}
		for _, sn := range c.Sentences {
			es := EvidenceSentence{Span: sn.Span, Text: sn.Text, Names: []NameSpan{}}
			if a, b, ok := strings.Cut(sn.Span, "-"); ok {
				es.Start, _ = strconv.Atoi(a)
				es.End, _ = strconv.Atoi(b)
			}
			ev.Sentences = append(ev.Sentences, es)
		}
		m.Evidence = append(m.Evidence, ev)
		addText(&dates, c.Date)
		addText(&kinds, c.Kind)
		addText(&statuses, c.Status)
		addText(&places, c.Place)
		for _, t := range c.Topics {
			addText(&topics, t)
		}
		for _, p := range c.Participants {
			addText(&people, p.ID)
			rs := roles[p.ID]
			for _, role := range p.Roles {
				addText(&rs, role)
			}
			roles[p.ID] = rs
		}
	}
	sort.Slice(m.Evidence, func(i, j int) bool { return m.Evidence[i].Article < m.Evidence[j].Article })
	m.Date, m.Kind, m.Status = least(dates, ""), least(kinds, ""), least(statuses, schema.Held)
	m.PlaceID = least(places, "")
	sort.Strings(topics)
	sort.Strings(people)

	var vals []quad.Value
	for _, p := range people {
		vals = append(vals, iri(schema.OfficialIRI(p)))
	}
	for _, t := range topics {
		vals = append(vals, iri(schema.TopicIRI(t)))
	}
	vals = append(vals, iri(schema.PlaceIRI(m.PlaceID)))
	nodes, err := r.refs(ctx, vals...)
	if err != nil {
		return nil, err
	}
	offs, err := s.nameEntries(ctx, nodes[:len(people)])
	if err != nil {
		return nil, err
	}
	byID := map[string]NameEntry{}
	for _, o := range offs {
		byID[o.ID] = o
	}
	pn, err := r.refs(ctx, iri(schema.PredName))
	if err != nil {
		return nil, err
	}
	props, err := s.outsOf(ctx, nodes[len(people):], pn[0])
	if err != nil {
		return nil, err
	}
	name := func(i int) string {
		for _, q := range props[i] {
			return lit(q.obj)
		}
		return ""
	}
	for i, t := range topics {
		m.Topics = append(m.Topics, Topic{ID: t, Name: name(i)})
	}
	if m.PlaceID != "" {
		m.Place = name(len(topics))
		if m.Place == "" {
			m.Place = m.PlaceID
		}
	}
	var keyed []NameEntry
	for _, p := range people {
		e, ok := byID[p]
		if !ok {
			e = NameEntry{Official: Official{ID: p, Name: p}, Keys: []string{schema.NameKey(p)}}
		}
		keyed = append(keyed, e)
		rs := roles[p]
		sort.Strings(rs)
		m.Participants = append(m.Participants, Participant{Official: e.Official, Roles: rs})
	}
	if err := s.sentenceTexts(ctx, m.Evidence); err != nil {
		return nil, fmt.Errorf("meeting %s: %w", id, err)
	}
	for i := range m.Evidence {
		for j := range m.Evidence[i].Sentences {
			es := &m.Evidence[i].Sentences[j]
			es.Names = FindNames(es.Text, keyed)
		}
	}
	return m, nil
}

// sentenceTexts fills in the text of the evidence sentences whose card
// gives only the span (cards since session 6): the sentences' <text>
// quads, found by their IRIs (article and span).
func (s *Store) sentenceTexts(ctx context.Context, ev []Evidence) error {
	var vals []quad.Value
	var at []*EvidenceSentence
	for i := range ev {
		for j := range ev[i].Sentences {
			if es := &ev[i].Sentences[j]; es.Text == "" {
				vals = append(vals, iri("sentence/"+ev[i].Article+"/"+es.Span))
				at = append(at, es)
			}
		}
	}
	if len(vals) == 0 {
		return nil
	}
	refs, err := s.read().refs(ctx, append(vals, iri(schema.PredText))...)
	if err != nil || refs[len(vals)] == nil {
		return err
	}
	texts, err := s.outsOf(ctx, refs[:len(vals)], refs[len(vals)])
	if err != nil {
		return fmt.Errorf("sentences: %w", err)
	}
	for k, es := range at {
		for _, q := range texts[k] {
			es.Text = lit(q.obj)
		}
	}
	return nil
}

// maxNameTokens is the longest name FindNames looks for, in words.
const maxNameTokens = 6

// FindNames finds the officials' names in text by their lookup keys:
// the longest run of words whose NameKey is one of an official's keys,
// left to right, without overlaps. A one-word match (a surname) counts
// only when no capitalised word follows it, so that "Trung" in "Trung
// Quốc" is not read as a surname.
func FindNames(text string, offs []NameEntry) []NameSpan {
	keys := map[string]string{}
	for _, o := range offs {
		for _, k := range o.Keys {
			if _, dup := keys[k]; !dup && k != "" {
				keys[k] = o.ID
			}
		}
	}
	toks := vntext.Tokenize(text)
	out := []NameSpan{}
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != vntext.Word {
			continue
		}
		for n := min(maxNameTokens, len(toks)-i); n >= 1; n-- {
			last := toks[i+n-1]
			if last.Kind != vntext.Word || (n > 1 && !allWords(toks[i:i+n])) {
				continue
			}
			id, ok := keys[schema.NameKey(text[toks[i].Start:last.End])]
			if !ok {
				continue
			}
			if n == 1 && (!toks[i].Upper || upperNext(toks, i)) {
				continue
			}
			out = append(out, NameSpan{Official: id, Start: toks[i].Start, End: last.End})
			i += n - 1
			break
		}
	}
	return out
}

func allWords(toks []vntext.Token) bool {
	for k, t := range toks {
		if t.Kind != vntext.Word || (k > 0 && t.Newline) {
			return false
		}
	}
	return true
}

// upperNext tells whether a capitalised word follows token i (white
// space or a hyphen between, no punctuation).
func upperNext(toks []vntext.Token, i int) bool {
	return i+1 < len(toks) && toks[i+1].Kind == vntext.Word && toks[i+1].Upper && !toks[i+1].Newline
}

// MeetingBrief is a meeting in brief, for the overview: what its cards
// say (chosen as Met chooses), with the number of reporting articles.
type MeetingBrief struct {
	ID           string   `json:"id"`
	Date         string   `json:"date,omitempty"`
	Kind         string   `json:"kind,omitempty"`
	Status       string   `json:"status"`
	Place        string   `json:"place,omitempty"` // place id
	Topics       []string `json:"topics,omitempty"`
	Participants []string `json:"participants"` // official ids
	Articles     int      `json:"articles"`
	// What an official's page needs besides (the rows dipgraph met
	// prints): every place id the cards give (Place is the least), the
	// roles the cards state by participant id, and the number of distinct
	// reporting articles as Met counts them (DistinctSources).
	Places      []string            `json:"places,omitempty"`
	Roles       map[string][]string `json:"roles,omitempty"`
	SourceCount int                 `json:"source_count"`
	// Sourced is the number of articles with a reporting sentence (the
	// sources column of an official's page).
	Sourced int `json:"-"`
}

// Meetings lists every meeting of the store in brief, read from the
// cards (a meeting without a card is left out). It reads one card lookup
// per meeting: on a store of 20,000 articles, a few seconds; the web
// page keeps the answer until the store changes.
func (s *Store) Meetings(ctx context.Context) ([]MeetingBrief, error) {
	subs, err := s.subjectsOf(ctx, iri(schema.KindMeeting), iri(schema.PredType))
	if err != nil {
		return nil, fmt.Errorf("meetings: %w", err)
	}
	pc, err := s.read().refs(ctx, iri(schema.PredCard))
	if err != nil || pc[0] == nil {
		return nil, err
	}
	cards, err := s.outsOf(ctx, subs, pc[0])
	if err != nil {
		return nil, fmt.Errorf("meetings: cards: %w", err)
	}
	ids := newNames()
	for _, sub := range subs {
		ids.want(sub)
	}
	if err := ids.resolve(ctx, s.qs); err != nil {
		return nil, err
	}
	out := make([]MeetingBrief, 0, len(subs))
	for i, sub := range subs {
		if len(cards[i]) == 0 {
			continue
		}
		mb := MeetingBrief{ID: strings.TrimPrefix(iriText(ids.of(sub)), "meeting/")}
		var dates, kinds, statuses []string
		var sources []Source
		for _, q := range cards[i] {
			var c card
			if err := json.Unmarshal([]byte(lit(q.obj)), &c); err != nil {
				return nil, fmt.Errorf("meeting %s: card: %w", mb.ID, err)
			}
			mb.Articles++
			addText(&dates, c.Date)
			addText(&kinds, c.Kind)
			addText(&statuses, c.Status)
			addText(&mb.Places, c.Place)
			for _, t := range c.Topics {
				addText(&mb.Topics, t)
			}
			for _, p := range c.Participants {
				addText(&mb.Participants, p.ID)
				for _, role := range p.Roles {
					if mb.Roles == nil {
						mb.Roles = map[string][]string{}
					}
					rs := mb.Roles[p.ID]
					addText(&rs, role)
					mb.Roles[p.ID] = rs
				}
			}
			if len(c.Sentences) > 0 {
				sources = append(sources, Source{Article: strings.TrimPrefix(iriText(q.label), "article/"), Digest: c.Digest})
			}
		}
		mb.Date, mb.Kind, mb.Status, mb.Place = least(dates, ""), least(kinds, ""), least(statuses, schema.Held), least(mb.Places, "")
		sort.Slice(sources, func(i, j int) bool { return sources[i].Article < sources[j].Article })
		mb.SourceCount = len(DistinctSources(sources))
		for k := range sources {
			if k == 0 || sources[k].Article != sources[k-1].Article {
				mb.Sourced++
			}
		}
		sort.Strings(mb.Topics)
		sort.Strings(mb.Participants)
		for _, rs := range mb.Roles {
			sort.Strings(rs)
		}
		out = append(out, mb)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Date != out[j].Date {
			return out[i].Date < out[j].Date
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// Names returns the names of nodes given by IRI text (say "place/hanoi",
// "topic/alliance", "country/VN"); a node without a name is left out.
func (s *Store) Names(ctx context.Context, iris []string) (map[string]string, error) {
	vals := make([]quad.Value, 0, len(iris)+1)
	for _, s := range iris {
		vals = append(vals, iri(s))
	}
	vals = append(vals, iri(schema.PredName))
	refs, err := s.read().refs(ctx, vals...)
	if err != nil {
		return nil, err
	}
	pn := refs[len(iris)]
	out := map[string]string{}
	if pn == nil {
		return out, nil
	}
	props, err := s.outsOf(ctx, refs[:len(iris)], pn)
	if err != nil {
		return nil, err
	}
	for i, s := range iris {
		for _, q := range props[i] {
			out[s] = lit(q.obj)
		}
	}
	return out, nil
}

func sortedMapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
