package graph

import (
	"context"
	"encoding/json"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/schema"
)

// preds holds the store's references of the predicates Met and
// FindOfficials read (nil for one the store does not hold).
type preds struct {
	participant, date, place, kind, status, discussed, reportedIn cgraph.Ref
	text, file, name, country, provisional, holds, card           cgraph.Ref
	url, title, position, digest                                  cgraph.Ref
}

// predicates resolves the predicates, and the extra values with them in the
// same read.
func (s *Store) predicates(ctx context.Context, extra ...quad.Value) (*preds, []cgraph.Ref, error) {
	p := &preds{}
	order := []struct {
		ref  *cgraph.Ref
		pred string
	}{
		{&p.participant, schema.PredParticipant}, {&p.date, schema.PredDate}, {&p.place, schema.PredPlace},
		{&p.kind, schema.PredMeetingKind}, {&p.status, schema.PredStatus}, {&p.discussed, schema.PredDiscussed},
		{&p.reportedIn, schema.PredReportedIn}, {&p.text, schema.PredText},
		{&p.file, schema.PredFile}, {&p.name, schema.PredName},
		{&p.country, schema.PredCountry}, {&p.provisional, schema.PredProvisional}, {&p.holds, schema.PredHolds},
		{&p.card, schema.PredCard},
		{&p.url, schema.PredURL}, {&p.title, schema.PredTitle}, {&p.position, schema.PredPosition}, {&p.digest, schema.PredTextDigest},
	}
	vals := make([]quad.Value, len(order), len(order)+len(extra))
	for i, o := range order {
		vals[i] = iri(o.pred)
	}
	refs, err := s.read().refs(ctx, append(vals, extra...)...)
	if err != nil {
		return nil, nil, err
	}
	for i, o := range order {
		*o.ref = refs[i]
	}
	return p, refs[len(order):], nil
}

// same tells whether two references name the same node.
func same(a, b cgraph.Ref) bool {
	return a != nil && b != nil && a.Key() == b.Key()
}

// officials gathers what Met shows of the officials it meets: name,
// country and provisional mark (add), or the roles articles state (addRoles).
// Both ask for lookups that run with the caller's others; then collect asks
// for the values.
type officials struct {
	r     *reader
	p     *preds
	b     *scans
	quads map[any]*officialQuads
}

type officialQuads struct {
	ref                        cgraph.Ref
	name, country, provisional *scan
	allHolds                   *scan
}

func newOfficials(r *reader, p *preds, b *scans) *officials {
	return &officials{r: r, p: p, b: b, quads: map[any]*officialQuads{}}
}

// add asks for an official's name, country and provisional mark.
func (o *officials) add(ref cgraph.Ref) *officialQuads {
	if ref == nil {
		return nil
	}
	if oq := o.quads[ref.Key()]; oq != nil {
		return oq
	}
	oq := &officialQuads{ref: ref}
	o.quads[ref.Key()] = oq
	if o.p.name != nil {
		oq.name = o.b.outs(ref, o.p.name)
	}
	if o.p.country != nil {
		oq.country = o.b.outs(ref, o.p.country)
	}
	if o.p.provisional != nil {
		oq.provisional = o.b.outs(ref, o.p.provisional)
	}
	return oq
}

// addRoles asks for the <holds> of an official, and nothing else: all of
// them (one per article that names them with a title); roles keeps those
// under the meeting's labels. Only meetings without cards need it.
func (o *officials) addRoles(ref cgraph.Ref) {
	if ref == nil || o.p.holds == nil {
		return
	}
	oq := o.quads[ref.Key()]
	if oq == nil {
		oq = &officialQuads{ref: ref}
		o.quads[ref.Key()] = oq
	}
	if oq.allHolds == nil {
		oq.allHolds = o.b.outs(ref, o.p.holds)
	}
}

// collect asks n for the values the lookups found.
func (o *officials) collect(n *names) {
	for _, oq := range o.quads {
		n.want(oq.ref)
		for _, sc := range []*scan{oq.name, oq.country, oq.provisional, oq.allHolds} {
			if sc != nil {
				for _, q := range sc.quads {
					n.want(o.r.dir(q, quad.Object))
				}
			}
		}
	}
}

// official describes a node, after the names are resolved.
func (o *officials) official(n *names, ref cgraph.Ref) Official {
	oq := o.quads[ref.Key()]
	id, ok := strings.CutPrefix(iriText(n.of(ref)), "official/")
	if oq == nil || !ok {
		return Official{}
	}
	off := Official{ID: id}
	if oq.name != nil {
		for _, q := range oq.name.quads {
			off.Name = lit(n.of(o.r.dir(q, quad.Object)))
		}
	}
	if oq.country != nil {
		for _, q := range oq.country.quads {
			off.Country = strings.TrimPrefix(iriText(n.of(o.r.dir(q, quad.Object))), "country/")
		}
	}
	off.Provisional = oq.provisional != nil && len(oq.provisional.quads) > 0
	if off.Name == "" {
		off.Name = id
	}
	return off
}

// roles lists the roles an official holds as stated under the labels.
func (o *officials) roles(n *names, ref cgraph.Ref, labels map[any]cgraph.Ref) []string {
	var out []string
	add := func(q cgraph.Ref) {
		role := strings.TrimPrefix(iriText(n.of(o.r.dir(q, quad.Object))), "role/")
		if !contains(out, role) {
			out = append(out, role)
		}
	}
	if oq := o.quads[ref.Key()]; oq != nil && oq.allHolds != nil {
		for _, q := range oq.allHolds.quads {
			if l := o.r.dir(q, quad.Label); l != nil && labels[l.Key()] != nil {
				add(q)
			}
		}
	}
	sort.Strings(out)
	return out
}

// MetRow is one meeting of an official with a counterpart.
type MetRow struct {
	Counterpart Official `json:"counterpart"`
	Roles       []string `json:"counterpart_roles,omitempty"`
	Meeting     string   `json:"meeting"`
	Date        string   `json:"date,omitempty"`
	Place       string   `json:"place,omitempty"`
	Kind        string   `json:"kind,omitempty"`
	Status      string   `json:"status"`
	Topics      []string `json:"topics,omitempty"`
	Sources     []Source `json:"sources"`
	// SourceCount is the number of articles that report the meeting,
	// articles with the same text (a story syndicated under two URLs)
	// counted once.
	SourceCount int `json:"source_count"`
}

// Source is an article and sentence that report a fact.
type Source struct {
	Article  string `json:"article"`
	File     string `json:"file,omitempty"`
	URL      string `json:"url,omitempty"`
	Title    string `json:"title,omitempty"`
	Position string `json:"position,omitempty"` // of the article's record in File
	Digest   string `json:"digest,omitempty"`   // of the article's normalised text
	Sentence string `json:"sentence,omitempty"`
	Span     string `json:"span,omitempty"`
}

// DistinctSources lists the articles of sources, each once, leaving out
// an article whose text digest is that of one listed before it (a likely
// duplicate).
func DistinctSources(sources []Source) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range sources {
		key := "article:" + s.Article
		if s.Digest != "" {
			key = "digest:" + s.Digest
		}
		if seen[key] || seen["article:"+s.Article] {
			continue
		}
		seen[key], seen["article:"+s.Article] = true, true
		out = append(out, s.Article)
	}
	return out
}

// meetingQuads is what Met reads of a meeting without cards.
type meetingQuads struct {
	ref                             cgraph.Ref
	participants, sentences, topics []cgraph.Ref
	date, place, kind               []cgraph.Ref
	status                          []cgraph.Ref
	labels                          map[any]cgraph.Ref
}

// meetingView is what Met knows of one meeting, read from its cards or
// from its quads.
type meetingView struct {
	id                     string // without "meeting/"
	dates, kinds, statuses []string
	places                 []string            // place ids
	topics                 []string            // topic ids
	participants           []string            // official ids, but the one asked about
	roles                  map[string][]string // stated roles by participant id
	sources                []Source
}

func (v *meetingView) addRoles(official string, roles []string) {
	for _, r := range roles {
		if !contains(v.roles[official], r) {
			v.roles[official] = append(v.roles[official], r)
		}
	}
}

// Met lists who the official with id has met (with planned meetings too
// when planned is true): one row per meeting and counterpart, by date.
//
// The official's meetings come from the (object, predicate) index; each
// meeting is read from its <card> quads, one per article that reports it
// (see card in facts.go), when every such article wrote one, else from all
// its quads (meetingViews). The counterparts' names and countries and the
// places' names are read at the end, in one parallel round of lookups.
func (s *Store) Met(ctx context.Context, id string, planned bool) (_ []MetRow, err error) {
	defer s.guard(&err)()
	r := s.read()
	p, refs, err := s.predicates(ctx, iri(schema.OfficialIRI(id)))
	if err != nil || refs[0] == nil || p.participant == nil {
		return nil, err
	}
	self := refs[0]
	in, err := r.ins(ctx, self, p.participant)
	if err != nil {
		return nil, err
	}
	// The meetings, and the articles (labels) that report each.
	var meetings []cgraph.Ref
	labels := map[any]map[any]bool{}
	for _, q := range in {
		m := r.dir(q, quad.Subject)
		if m == nil {
			continue
		}
		ls := labels[m.Key()]
		if ls == nil {
			ls = map[any]bool{}
			labels[m.Key()] = ls
			meetings = append(meetings, m)
		}
		if l := r.dir(q, quad.Label); l != nil {
			ls[l.Key()] = true
		}
	}
	var b scans
	n := newNames()
	var views []*meetingView
	uncarded := meetings
	if p.card != nil {
		cards := make([]*scan, len(meetings))
		for i, m := range meetings {
			cards[i] = b.outs(m, p.card)
			n.want(m)
		}
		if err := b.run(ctx, r); err != nil {
			return nil, err
		}
		for _, sc := range cards {
			for _, q := range sc.quads {
				n.want(r.dir(q, quad.Object))
				n.want(r.dir(q, quad.Label))
			}
		}
		if err := n.resolve(ctx, s.qs); err != nil {
			return nil, err
		}
		uncarded = nil
		for i, m := range meetings {
			v := cardView(r, n, m, cards[i].quads, labels[m.Key()], id)
			if v == nil {
				uncarded = append(uncarded, m)
				continue
			}
			views = append(views, v)
		}
	}
	if len(uncarded) > 0 {
		more, err := s.meetingViews(ctx, r, p, self, uncarded)
		if err != nil {
			return nil, err
		}
		views = append(views, more...)
	}

	// The counterparts and places, by id, and the reporting sentences
	// whose text the cards leave to the sentences' <text> quads.
	offIDs := distinct(views, func(v *meetingView) []string { return v.participants })
	placeIDs := distinct(views, func(v *meetingView) []string { return v.places })
	sentIDs := distinct(views, func(v *meetingView) []string {
		var out []string
		for _, src := range v.sources {
			if src.Sentence == "" && src.Span != "" {
				out = append(out, "sentence/"+src.Article+"/"+src.Span)
			}
		}
		return out
	})
	vals := make([]quad.Value, 0, len(offIDs)+len(placeIDs)+len(sentIDs))
	for _, c := range offIDs {
		vals = append(vals, iri(schema.OfficialIRI(c)))
	}
	for _, pl := range placeIDs {
		vals = append(vals, iri(schema.PlaceIRI(pl)))
	}
	for _, sid := range sentIDs {
		vals = append(vals, iri(sid))
	}
	nodes, err := r.refs(ctx, vals...)
	if err != nil {
		return nil, err
	}
	sentTexts := make([]*scan, len(sentIDs))
	for i, ref := range nodes[len(offIDs)+len(placeIDs):] {
		if ref != nil && p.text != nil {
			sentTexts[i] = b.outs(ref, p.text)
		}
	}
	nodes = nodes[:len(offIDs)+len(placeIDs)]
	offs := newOfficials(r, p, &b)
	offRefs := nodes[:len(offIDs)]
	for _, ref := range offRefs {
		offs.add(ref)
	}
	placeNames := make([]*scan, len(placeIDs))
	for i, ref := range nodes[len(offIDs):] {
		if ref != nil && p.name != nil {
			placeNames[i] = b.outs(ref, p.name)
		}
	}
	if err := b.run(ctx, r); err != nil {
		return nil, err
	}
	offs.collect(n)
	for _, sc := range placeNames {
		n.want(object(r, sc))
	}
	for _, sc := range sentTexts {
		n.want(object(r, sc))
	}
	if err := n.resolve(ctx, s.qs); err != nil {
		return nil, err
	}
	sentText := make(map[string]string, len(sentIDs))
	for i, sid := range sentIDs {
		sentText[sid] = lit(n.of(object(r, sentTexts[i])))
	}
	for _, v := range views {
		for k, src := range v.sources {
			if src.Sentence == "" && src.Span != "" {
				v.sources[k].Sentence = sentText["sentence/"+src.Article+"/"+src.Span]
			}
		}
	}
	counterpart := map[string]Official{}
	for i, c := range offIDs {
		if ref := offRefs[i]; ref != nil {
			counterpart[c] = offs.official(n, ref)
		} else {
			counterpart[c] = Official{ID: c, Name: c}
		}
	}
	placeName := map[string]string{}
	for i, pl := range placeIDs {
		placeName[pl] = pl
		if name := lit(n.of(object(r, placeNames[i]))); name != "" {
			placeName[pl] = name
		}
	}

	var rows []MetRow
	for _, v := range views {
		var base MetRow
		base.Meeting = v.id
		base.Status = least(v.statuses, schema.Held)
		if base.Status == schema.Planned && !planned {
			continue
		}
		base.Date = least(v.dates, "")
		base.Kind = least(v.kinds, "")
		var places []string
		for _, pl := range v.places {
			places = append(places, placeName[pl])
		}
		base.Place = least(places, "")
		base.Topics = v.topics
		sort.Strings(base.Topics)
		base.Sources = v.sources
		sort.SliceStable(base.Sources, func(i, j int) bool {
			a, b := base.Sources[i], base.Sources[j]
			if a.Article != b.Article {
				return a.Article < b.Article
			}
			return a.Span < b.Span
		})
		base.SourceCount = len(DistinctSources(base.Sources))
		for _, c := range v.participants {
			row := base
			row.Counterpart = counterpart[c]
			row.Roles = v.roles[c]
			sort.Strings(row.Roles)
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date < rows[j].Date
		}
		if rows[i].Counterpart.Name != rows[j].Counterpart.Name {
			return rows[i].Counterpart.Name < rows[j].Counterpart.Name
		}
		return rows[i].Meeting < rows[j].Meeting
	})
	return rows, nil
}

// cardView reads a meeting from its card quads, or returns nil when an
// article that reports it (a label of its <participant> quads) has no card
// or a card does not parse: the meeting is then read from its quads.
func cardView(r *reader, n *names, m cgraph.Ref, cards []cgraph.Ref, reporting map[any]bool, self string) *meetingView {
	carded := map[any]bool{}
	for _, q := range cards {
		if l := r.dir(q, quad.Label); l != nil {
			carded[l.Key()] = true
		}
	}
	for l := range reporting {
		if !carded[l] {
			return nil
		}
	}
	v := &meetingView{id: strings.TrimPrefix(iriText(n.of(m)), "meeting/"), roles: map[string][]string{}}
	for _, q := range cards {
		var c card
		if err := json.Unmarshal([]byte(lit(n.of(r.dir(q, quad.Object)))), &c); err != nil {
			return nil
		}
		article := strings.TrimPrefix(iriText(n.of(r.dir(q, quad.Label))), "article/")
		addText(&v.dates, c.Date)
		addText(&v.kinds, c.Kind)
		addText(&v.statuses, c.Status)
		addText(&v.places, c.Place)
		for _, t := range c.Topics {
			addText(&v.topics, t)
		}
		for _, cp := range c.Participants {
			if cp.ID == self {
				continue
			}
			addText(&v.participants, cp.ID)
			v.addRoles(cp.ID, cp.Roles)
		}
		for _, sn := range c.Sentences {
			v.sources = append(v.sources, Source{Article: article, File: c.File, URL: c.URL, Title: c.Title, Position: c.Position, Digest: c.Digest, Sentence: sn.Text, Span: sn.Span})
		}
	}
	return v
}

// addText appends s to list unless it is empty or there already.
// distinct lists the ids list gives for the views, each once, in order.
func distinct(views []*meetingView, list func(*meetingView) []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, v := range views {
		for _, id := range list(v) {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	return out
}

func addText(list *[]string, s string) {
	if s != "" && !contains(*list, s) {
		*list = append(*list, s)
	}
}

// least returns the least of the texts (a meeting reported with two kinds
// shows one, the same each time), or def when there is none. For status,
// "held" wins over "planned" (it sorts first).
func least(texts []string, def string) string {
	out := ""
	for _, t := range texts {
		if t != "" && (out == "" || t < out) {
			out = t
		}
	}
	if out == "" {
		return def
	}
	return out
}

// object returns the object of a scan's first quad.
func object(r *reader, sc *scan) cgraph.Ref {
	if sc == nil || len(sc.quads) == 0 {
		return nil
	}
	return r.dir(sc.quads[0], quad.Object)
}

// meetingViews reads meetings from all their quads: stores written before
// cards, or a meeting an article reports without one.
func (s *Store) meetingViews(ctx context.Context, r *reader, p *preds, self cgraph.Ref, refs []cgraph.Ref) ([]*meetingView, error) {
	var b scans
	meetings := make([]*meetingQuads, len(refs))
	mscans := make([]*scan, len(refs))
	for i, m := range refs {
		meetings[i] = &meetingQuads{ref: m, labels: map[any]cgraph.Ref{}}
		mscans[i] = b.outs(m, nil)
	}
	if err := b.run(ctx, r); err != nil {
		return nil, err
	}
	n := newNames()
	sentences := map[any]cgraph.Ref{}
	for i, mq := range meetings {
		n.want(mq.ref)
		for _, q := range mscans[i].quads {
			if l := r.dir(q, quad.Label); l != nil {
				mq.labels[l.Key()] = l
			}
			pred, obj := r.dir(q, quad.Predicate), r.dir(q, quad.Object)
			switch {
			case same(pred, p.participant):
				if !same(obj, self) {
					mq.participants = append(mq.participants, obj)
					n.want(obj)
				}
			case same(pred, p.reportedIn):
				mq.sentences = append(mq.sentences, obj)
				sentences[obj.Key()] = obj
			case same(pred, p.discussed):
				mq.topics = append(mq.topics, obj)
			case same(pred, p.date):
				mq.date = append(mq.date, obj)
			case same(pred, p.place):
				mq.place = append(mq.place, obj)
			case same(pred, p.kind):
				mq.kind = append(mq.kind, obj)
			case same(pred, p.status):
				mq.status = append(mq.status, obj)
			}
			n.want(obj)
		}
	}
	// The sentences' text (their IRI gives article and span) and the
	// counterparts' roles as the meeting's articles state them.
	texts := map[any]*scan{}
	for k, ref := range sentences {
		if p.text != nil {
			texts[k] = b.outs(ref, p.text)
		}
	}
	offs := newOfficials(r, p, &b)
	for _, mq := range meetings {
		for _, c := range mq.participants {
			offs.addRoles(c)
		}
	}
	if err := b.run(ctx, r); err != nil {
		return nil, err
	}
	for _, sc := range texts {
		n.want(object(r, sc))
	}
	offs.collect(n)
	if err := n.resolve(ctx, s.qs); err != nil {
		return nil, err
	}
	// The articles' files, in a second round.
	var artIDs []string
	var artVals []quad.Value
	for _, ref := range sentences {
		if a, _, ok := schema.SplitSentenceIRI(iriText(n.of(ref))); ok && !contains(artIDs, a) {
			artIDs = append(artIDs, a)
			artVals = append(artVals, iri(schema.ArticleIRI(a)))
		}
	}
	// What is known of each article: file, URL, title, position, digest.
	artPreds := []cgraph.Ref{p.file, p.url, p.title, p.position, p.digest}
	files := map[string][]*scan{}
	if len(artVals) > 0 {
		arts, err := r.refs(ctx, artVals...)
		if err != nil {
			return nil, err
		}
		for i, a := range arts {
			if a == nil {
				continue
			}
			scs := make([]*scan, len(artPreds))
			for k, pr := range artPreds {
				if pr != nil {
					scs[k] = b.outs(a, pr)
				}
			}
			files[artIDs[i]] = scs
		}
		if err := b.run(ctx, r); err != nil {
			return nil, err
		}
		for _, scs := range files {
			for _, sc := range scs {
				if sc != nil {
					n.want(object(r, sc))
				}
			}
		}
		if err := n.resolve(ctx, s.qs); err != nil {
			return nil, err
		}
	}
	text := func(refs []cgraph.Ref, trim string) []string {
		var out []string
		for _, ref := range refs {
			addText(&out, strings.TrimPrefix(iriText(n.of(ref)), trim))
		}
		return out
	}
	views := make([]*meetingView, len(meetings))
	for i, mq := range meetings {
		v := &meetingView{
			id:     strings.TrimPrefix(iriText(n.of(mq.ref)), "meeting/"),
			dates:  text(mq.date, ""),
			kinds:  text(mq.kind, ""),
			places: text(mq.place, "place/"),
			topics: text(mq.topics, "topic/"),
			roles:  map[string][]string{},
		}
		v.statuses = text(mq.status, "")
		for _, c := range mq.participants {
			id := strings.TrimPrefix(iriText(n.of(c)), "official/")
			addText(&v.participants, id)
			v.addRoles(id, offs.roles(n, c, mq.labels))
		}
		done := map[any]bool{}
		for _, sref := range mq.sentences {
			if done[sref.Key()] {
				continue
			}
			done[sref.Key()] = true
			var src Source
			src.Article, src.Span, _ = schema.SplitSentenceIRI(iriText(n.of(sref)))
			src.Sentence = lit(n.of(object(r, texts[sref.Key()])))
			if scs := files[src.Article]; scs != nil {
				val := func(k int) string {
					if scs[k] == nil {
						return ""
					}
					return lit(n.of(object(r, scs[k])))
				}
				src.File, src.URL, src.Title, src.Position, src.Digest = val(0), val(1), val(2), val(3), val(4)
			}
			v.sources = append(v.sources, src)
		}
		views[i] = v
	}
	return views, nil
}

// MetMeeting is one meeting of an official with all its counterparts: the
// MetRows of one meeting together.
type MetMeeting struct {
	Meeting      string        `json:"meeting"`
	Date         string        `json:"date,omitempty"`
	Place        string        `json:"place,omitempty"`
	Kind         string        `json:"kind,omitempty"`
	Status       string        `json:"status"`
	Topics       []string      `json:"topics,omitempty"`
	Counterparts []Counterpart `json:"counterparts"`
	Sources      []Source      `json:"sources"`
	SourceCount  int           `json:"source_count"`
}

// Counterpart is an official met, with the roles the meeting's articles
// state.
type Counterpart struct {
	Official
	Roles []string `json:"roles,omitempty"`
}

// MetMeetings puts together the rows of each meeting (Met gives one row
// per meeting and counterpart), counterparts by name, meetings in the
// order of their first row (Met's: by date).
func MetMeetings(rows []MetRow) []MetMeeting {
	var out []MetMeeting
	at := map[string]int{}
	for _, r := range rows {
		i, ok := at[r.Meeting]
		if !ok {
			i = len(out)
			at[r.Meeting] = i
			out = append(out, MetMeeting{Meeting: r.Meeting, Date: r.Date, Place: r.Place, Kind: r.Kind,
				Status: r.Status, Topics: r.Topics, Sources: r.Sources, SourceCount: r.SourceCount})
		}
		out[i].Counterparts = append(out[i].Counterparts, Counterpart{Official: r.Counterpart, Roles: r.Roles})
	}
	for i := range out {
		cs := out[i].Counterparts
		sort.SliceStable(cs, func(a, b int) bool {
			if cs[a].Name != cs[b].Name {
				return cs[a].Name < cs[b].Name
			}
			return cs[a].ID < cs[b].ID
		})
	}
	return out
}
