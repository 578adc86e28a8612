package graph

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

// Export formats (ExportOptions.Format).
const (
	FormatDOT     = "dot"     // Graphviz source
	FormatSVG     = "svg"     // the DOT drawn by Graphviz's dot program
	FormatPNG     = "png"     // the DOT drawn by Graphviz's dot program
	FormatJSON    = "json"    // networkx node-link data
	FormatGraphML = "graphml" // GraphML for networkx and Gephi
	FormatCSV     = "csv"     // nodes.csv and edges.csv
)

// Formats lists the export formats.
func Formats() []string {
	return append([]string{FormatDOT, FormatSVG, FormatPNG, FormatNQuads, FormatJSON, FormatGraphML, FormatCSV}, researchFormats...)
}

// Export views (ExportOptions.View).
const (
	// ViewFull is the property graph: officials, meetings, topics, roles
	// and places, one edge per fact and article.
	ViewFull = "full"
	// ViewMet projects the graph on officials: one edge per pair that met,
	// with the number of meetings and the date range.
	ViewMet = "met"
)

// Filter selects part of the graph. Every filter selects meetings; the
// export then holds those meetings with the officials, topics and places
// they involve, and the roles the articles say those officials hold.
type Filter struct {
	// Official (a name, alias, surname or id) centres an ego network:
	// the officials within Hops meetings of them, and the meetings among
	// those officials only.
	Official string
	// Hops is the radius of the ego network (0: the official alone).
	Hops int
	// From and To keep meetings dated within the span (both ends
	// included; a partial date counts when any day of it is inside).
	// Undated meetings go when either is set.
	From, To schema.Date
	// Topic keeps meetings that discussed the topic (its id: "alliance").
	Topic string
	// Country keeps meetings with at least one official of the country
	// (its code: "VN"), with all their participants.
	Country string
}

// active reports whether the filter selects anything less than all.
func (f Filter) active() bool {
	return f.Official != "" || !f.From.IsZero() || !f.To.IsZero() || f.Topic != "" || f.Country != ""
}

// ExportOptions say what to export and how.
type ExportOptions struct {
	Format string
	// View is ViewFull (the default when empty) or ViewMet; nquads has
	// no views.
	View   string
	Filter Filter
	// Table picks one CSV table ("nodes" or "edges") to write to a
	// stream; ExportCSV writes both files.
	Table string
	// Parquet writes the events and dyads tables as Parquet, not CSV.
	Parquet bool
	// Dot is the Graphviz program used for svg and png (default "dot",
	// looked up on PATH).
	Dot string
	// Base, for nquads, is put before every IRI, which the store keeps
	// relative ("article/x"): N-Quads parsers other than Cayley's (rdflib)
	// want absolute IRIs ("https://example.org/dipgraph/article/x"). It
	// must be an absolute IRI itself. Empty: the IRIs as stored, as
	// cayley load takes them.
	Base string
}

func (o ExportOptions) check() error {
	ok := false
	for _, f := range Formats() {
		ok = ok || f == o.Format
	}
	if !ok {
		return fmt.Errorf("export format %q: want one of %s", o.Format, strings.Join(Formats(), ", "))
	}
	switch o.View {
	case "", ViewFull:
	case ViewMet:
		if o.Format == FormatNQuads || viewless(o.Format) {
			return fmt.Errorf("view %q: %s exports %s, not a view; drop --view or pick another format", o.View, o.Format, viewlessWhat(o.Format))
		}
	default:
		return fmt.Errorf("export view %q: want %s or %s", o.View, ViewFull, ViewMet)
	}
	if o.Base != "" {
		if o.Format != FormatNQuads && o.Format != FormatTriG && o.Format != FormatTurtle {
			return fmt.Errorf("base IRI: only for nquads, trig and turtle")
		}
		if i := strings.IndexByte(o.Base, ':'); i <= 0 || EscapeIRI(o.Base) != o.Base {
			return fmt.Errorf("base IRI %q: want an absolute IRI such as https://example.org/dipgraph/", o.Base)
		}
	}
	if o.Filter.Hops < 0 {
		return fmt.Errorf("hops %d: want 0 or more", o.Filter.Hops)
	}
	return nil
}

// Export writes the store, or the part the filter selects, to w in the
// given format. CSV needs Table here; ExportCSV writes both tables.
func (s *Store) Export(ctx context.Context, w io.Writer, opt ExportOptions) (err error) {
	defer s.guard(&err)()
	if err := opt.check(); err != nil {
		return err
	}
	if opt.Format == FormatCSV && opt.Table != "nodes" && opt.Table != "edges" {
		return fmt.Errorf("csv export to a stream: pick the table (nodes or edges)")
	}
	if err := s.resolveOfficial(ctx, &opt.Filter); err != nil {
		return err
	}
	m, err := s.loadModel(ctx)
	if err != nil {
		return err
	}
	sel, err := m.selectMeetings(opt.Filter)
	if err != nil {
		return err
	}
	if opt.Format == FormatNQuads {
		return s.WriteRDF(ctx, w, opt.Format, opt.Base, m.keep(sel))
	}
	if done, err := s.exportResearch(ctx, w, m, sel, opt); done {
		return err
	}
	g := m.graph(sel, opt.View)
	switch opt.Format {
	case FormatDOT:
		return writeDOT(w, g)
	case FormatSVG, FormatPNG:
		return renderDOT(ctx, w, g, opt.Format, opt.Dot)
	case FormatJSON:
		return writeNodeLink(w, g)
	case FormatGraphML:
		return writeGraphML(w, g)
	default:
		if opt.Table == "nodes" {
			return writeNodesCSV(w, g)
		}
		return writeEdgesCSV(w, g)
	}
}

// ---------------------------------------------------------------------
// The model: what the export needs from the store, read in one pass.

type meetingReport struct {
	participants []string // official IRIs as this article states them
	sentences    []string // sentence IRIs that report the meeting
	topics       []string
	place        string
}

type meetingInfo struct {
	id                       string // meeting IRI
	date                     schema.Date
	dateText                 string
	status, kind, place      string
	participants             []string // union over articles, sorted
	reports                  map[string]*meetingReport
	labels                   []string // articles that report it, sorted
	participantSet, topicSet map[string]bool
}

type articleInfo struct {
	file, url, title, position string
	date                       schema.Date
}

type sentenceInfo struct {
	text    string
	article string
	start   int
}

type factKey struct{ s, p, o, label string }

type labelledPair struct{ s, o, label string }

type exportModel struct {
	kind          map[string]string // node IRI → Kind ("Official" …)
	name          map[string]string
	aliases       map[string][]string
	country       map[string]string // node IRI → country code
	provisional   map[string]bool
	meetings      map[string]*meetingInfo
	articles      map[string]*articleInfo
	sentences     map[string]*sentenceInfo
	statedIn      map[factKey]string    // stated fact → first sentence stating it
	holds         []labelledPair        // official holds role, per article
	met           map[labelledPair]bool // official met official, per article
	factParts     map[string]*factKey
	factSentences map[string][]labelledPair // fact IRI → (sentence, label)
}

func (s *Store) loadModel(ctx context.Context) (*exportModel, error) {
	m := &exportModel{
		kind: map[string]string{}, name: map[string]string{}, aliases: map[string][]string{},
		country: map[string]string{}, provisional: map[string]bool{}, meetings: map[string]*meetingInfo{},
		articles: map[string]*articleInfo{}, sentences: map[string]*sentenceInfo{},
		statedIn: map[factKey]string{}, met: map[labelledPair]bool{}, factParts: map[string]*factKey{},
	}
	factSentences := map[string][]labelledPair{}
	m.factSentences = factSentences
	meeting := func(id string) *meetingInfo {
		mi := m.meetings[id]
		if mi == nil {
			mi = &meetingInfo{id: id, reports: map[string]*meetingReport{}}
			m.meetings[id] = mi
		}
		return mi
	}
	report := func(mi *meetingInfo, label string) *meetingReport {
		r := mi.reports[label]
		if r == nil {
			r = &meetingReport{}
			mi.reports[label] = r
		}
		return r
	}
	err := s.Statements(ctx, func(q schema.Statement) error {
		sub, obj, label := q.Subject, q.Object, q.Label
		kind := sub[:max(strings.IndexByte(sub, '/'), 0)]
		switch pred := q.Predicate; pred {
		case schema.PredType:
			m.kind[sub] = obj
			if obj == schema.KindMeeting {
				meeting(sub)
			}
		case schema.PredName:
			m.name[sub] = obj
		case schema.PredAlias:
			m.aliases[sub] = append(m.aliases[sub], obj)
		case schema.PredCountry:
			m.country[sub] = strings.TrimPrefix(obj, "country/")
		case schema.PredProvisional:
			m.provisional[sub] = true
		case schema.PredDate:
			d, _ := schema.ParseDate(obj)
			switch kind {
			case "meeting":
				mi := meeting(sub)
				mi.date, mi.dateText = d, obj
			case "article":
				a := m.articles[sub]
				if a == nil {
					a = &articleInfo{}
					m.articles[sub] = a
				}
				a.date = d
			}
		case schema.PredFile, schema.PredURL, schema.PredTitle, schema.PredPosition:
			a := m.articles[sub]
			if a == nil {
				a = &articleInfo{}
				m.articles[sub] = a
			}
			switch pred {
			case schema.PredFile:
				a.file = obj
			case schema.PredURL:
				a.url = obj
			case schema.PredTitle:
				a.title = obj
			default:
				a.position = obj
			}
		case schema.PredStatus:
			meeting(sub).status = obj
		case schema.PredMeetingKind:
			meeting(sub).kind = obj
		case schema.PredPlace:
			mi := meeting(sub)
			mi.place = obj
			report(mi, label).place = obj
		case schema.PredParticipant:
			r := report(meeting(sub), label)
			r.participants = append(r.participants, obj)
		case schema.PredReportedIn:
			r := report(meeting(sub), label)
			r.sentences = append(r.sentences, obj)
		case schema.PredDiscussed:
			r := report(meeting(sub), label)
			r.topics = append(r.topics, obj)
		case schema.PredHolds:
			m.holds = append(m.holds, labelledPair{sub, obj, label})
		case schema.PredMet:
			m.met[labelledPair{sub, obj, label}] = true
		case schema.PredText:
			modelSentence(m, sub).text = obj
		case schema.PredInArticle:
			modelSentence(m, sub).article = obj
		case schema.PredSubject:
			modelFact(m, sub).s = obj
		case schema.PredPredicate:
			modelFact(m, sub).p = obj
		case schema.PredObject:
			modelFact(m, sub).o = obj
		case schema.PredStatedIn:
			factSentences[sub] = append(factSentences[sub], labelledPair{s: obj, label: label})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("export: read store: %w", err)
	}
	for f, ss := range factSentences {
		k := m.factParts[f]
		if k == nil {
			continue
		}
		for _, s := range ss {
			key := factKey{k.s, k.p, k.o, s.label}
			if old, ok := m.statedIn[key]; !ok || m.before(s.s, old) {
				m.statedIn[key] = s.s
			}
		}
	}
	for _, mi := range m.meetings {
		mi.participantSet, mi.topicSet = map[string]bool{}, map[string]bool{}
		for l, r := range mi.reports {
			if len(r.participants) > 0 || len(r.sentences) > 0 {
				mi.labels = append(mi.labels, l)
			}
			for _, p := range r.participants {
				mi.participantSet[p] = true
			}
			for _, t := range r.topics {
				mi.topicSet[t] = true
			}
			sort.Strings(r.participants)
			sort.Slice(r.sentences, func(i, j int) bool { return m.before(r.sentences[i], r.sentences[j]) })
			sort.Strings(r.topics)
		}
		for p := range mi.participantSet {
			mi.participants = append(mi.participants, p)
		}
		sort.Strings(mi.participants)
		sort.Strings(mi.labels)
	}
	sort.Slice(m.holds, func(i, j int) bool { return lessLabelled(m.holds[i], m.holds[j]) })
	return m, nil
}

func modelSentence(m *exportModel, id string) *sentenceInfo {
	s := m.sentences[id]
	if s == nil {
		s = &sentenceInfo{start: sentenceStart(id)}
		m.sentences[id] = s
	}
	return s
}

func modelFact(m *exportModel, id string) *factKey {
	f := m.factParts[id]
	if f == nil {
		f = &factKey{}
		m.factParts[id] = f
	}
	return f
}

// sentenceStart reads the start offset of "sentence/<article>/<start>-<end>".
func sentenceStart(id string) int {
	span := id[strings.LastIndexByte(id, '/')+1:]
	if i := strings.IndexByte(span, '-'); i > 0 {
		span = span[:i]
	}
	n, err := strconv.Atoi(span)
	if err != nil {
		return -1
	}
	return n
}

// before orders sentence IRIs by article, then position.
func (m *exportModel) before(a, b string) bool {
	sa, sb := sentenceStart(a), sentenceStart(b)
	pa, pb := a[:max(strings.LastIndexByte(a, '/'), 0)], b[:max(strings.LastIndexByte(b, '/'), 0)]
	if pa != pb {
		return pa < pb
	}
	if sa != sb {
		return sa < sb
	}
	return a < b
}

func lessLabelled(a, b labelledPair) bool {
	if a.s != b.s {
		return a.s < b.s
	}
	if a.o != b.o {
		return a.o < b.o
	}
	return a.label < b.label
}

// displayName is a node's name, or its id without the kind.
func (m *exportModel) displayName(id string) string {
	if n := m.name[id]; n != "" {
		return n
	}
	return id[strings.IndexByte(id, '/')+1:]
}

// ---------------------------------------------------------------------
// Selection.

// exportSelection is what a filter keeps.
type exportSelection struct {
	all      bool            // no filter: everything
	meetings map[string]bool // kept meeting IRIs
	ego      string          // official IRI at the centre, if any
	from, to schema.Date     // date span for holds facts
}

func (m *exportModel) selectMeetings(f Filter) (*exportSelection, error) {
	sel := &exportSelection{meetings: map[string]bool{}, all: !f.active(), from: f.From, to: f.To}
	if !f.From.IsZero() && !f.To.IsZero() && f.From.Compare(f.To) > 0 {
		return nil, fmt.Errorf("--from %s is after --to %s", f.From, f.To)
	}
	topic := ""
	if f.Topic != "" {
		topic = schema.TopicIRI(strings.TrimPrefix(f.Topic, "topic/"))
		if m.kind[topic] != schema.KindTopic {
			return nil, fmt.Errorf("no topic %q in the store (topic ids look like %q)", f.Topic, m.someID(schema.KindTopic))
		}
	}
	cc := strings.ToUpper(strings.TrimPrefix(f.Country, "country/"))
	if cc != "" && m.kind[schema.CountryIRI(cc)] != schema.KindCountry {
		return nil, fmt.Errorf("no country %q in the store (want a code like KR, US, VN)", f.Country)
	}
	for id, mi := range m.meetings {
		if (!f.From.IsZero() || !f.To.IsZero()) && (mi.date.IsZero() || !mi.date.Within(f.From, f.To)) {
			continue
		}
		if topic != "" && !mi.topicSet[topic] {
			continue
		}
		if cc != "" {
			found := false
			for _, p := range mi.participants {
				found = found || m.country[p] == cc
			}
			if !found {
				continue
			}
		}
		sel.meetings[id] = true
	}
	if f.Official == "" {
		return sel, nil
	}
	ego, err := m.findOfficial(f.Official)
	if err != nil {
		return nil, err
	}
	sel.ego = ego
	// Walk held meetings among the kept ones, hop by hop.
	adj := map[string][]string{}
	for id := range sel.meetings {
		mi := m.meetings[id]
		if mi.status != schema.Held {
			continue
		}
		for _, a := range mi.participants {
			adj[a] = append(adj[a], mi.participants...)
		}
	}
	reach := map[string]bool{ego: true}
	frontier := []string{ego}
	for hop := 0; hop < f.Hops && len(frontier) > 0; hop++ {
		var next []string
		for _, a := range frontier {
			for _, b := range adj[a] {
				if !reach[b] {
					reach[b] = true
					next = append(next, b)
				}
			}
		}
		frontier = next
	}
	for id := range sel.meetings {
		for _, p := range m.meetings[id].participants {
			if !reach[p] {
				delete(sel.meetings, id)
				break
			}
		}
		if len(m.meetings[id].participants) == 0 {
			delete(sel.meetings, id)
		}
	}
	return sel, nil
}

// findOfficial gives the IRI of the official with id ("official/ID" as
// resolveOfficial leaves the filter).
func (m *exportModel) findOfficial(id string) (string, error) {
	node := schema.OfficialIRI(strings.TrimPrefix(id, "official/"))
	if m.kind[node] != schema.KindOfficial {
		return "", &NotFoundError{Name: id}
	}
	return node, nil
}

// resolveOfficial puts the id of the filter's official in place of the
// name it was given, with ResolveOfficial's errors.
func (s *Store) resolveOfficial(ctx context.Context, f *Filter) error {
	if f.Official == "" {
		return nil
	}
	o, err := s.ResolveOfficial(ctx, f.Official)
	if err != nil {
		return err
	}
	f.Official = "official/" + o.ID
	return nil
}

// someID returns an example id of a kind, for error messages.
func (m *exportModel) someID(kind string) string {
	var ids []string
	for id, k := range m.kind {
		if k == kind {
			ids = append(ids, id[strings.IndexByte(id, '/')+1:])
		}
	}
	if len(ids) == 0 {
		return ""
	}
	sort.Strings(ids)
	return ids[0]
}

// ---------------------------------------------------------------------
// The exported graph.

// gNode is a node of an exported graph.
type gNode struct {
	ID          string
	Kind        string // official, meeting, topic, role, place
	Name        string
	Country     string
	Provisional bool
	Aliases     []string
	// meetings
	Date, Status, MeetingKind, Place string
	Articles                         []string
}

// gEdge is an edge of an exported graph: in the full view one fact as one
// article states it; in the met view a pair of officials.
type gEdge struct {
	ID, Source, Target, Predicate string
	Meeting, Date                 string
	Article, File                 string // the quad label, and the article's file
	URL, Title, Position          string // the article's URL, title, and record's place in File
	Sentence, Text                string // the sentence that states the fact
	// met view
	Meetings    int
	First, Last string
	MeetingIDs  []string
	ArticleIDs  []string
	spells      []string // met view, GEXF: the dates of the meetings
}

// exportGraph is a view of the store ready to be written.
type exportGraph struct {
	View      string
	Directed  bool
	Multi     bool
	Nodes     []gNode
	Edges     []gEdge
	countries map[string]string // code → name, for legends
}

var kindOrder = map[string]int{"official": 0, "meeting": 1, "topic": 2, "role": 3, "place": 4}

var predOrder = map[string]int{schema.PredParticipant: 0, schema.PredMet: 1, schema.PredPlace: 2, schema.PredDiscussed: 3, schema.PredHolds: 4}

// graph builds the view of the selection.
func (m *exportModel) graph(sel *exportSelection, view string) *exportGraph {
	if view == ViewMet {
		return m.metGraph(sel)
	}
	g := &exportGraph{View: ViewFull, Directed: true, Multi: true, countries: m.countryNames()}
	nodes := map[string]bool{}
	officials := map[string]bool{}
	if sel.ego != "" {
		nodes[sel.ego], officials[sel.ego] = true, true
	}
	addEdge := func(e gEdge) {
		nodes[e.Source], nodes[e.Target] = true, true
		g.Edges = append(g.Edges, e)
	}
	for _, mid := range sortedMapKeys(m.meetings) {
		mi := m.meetings[mid]
		if !sel.all && !sel.meetings[mid] {
			continue
		}
		nodes[mid] = true
		for _, label := range sortedMapKeys(mi.reports) {
			r := mi.reports[label]
			base := m.provenance(label)
			base.Meeting, base.Date = shortID(mid), mi.date.String()
			if len(r.sentences) > 0 {
				base.Sentence, base.Text = r.sentences[0], m.sentences[r.sentences[0]].textOrEmpty()
			}
			for _, p := range r.participants {
				e := base
				e.Source, e.Target, e.Predicate = mid, p, schema.PredParticipant
				officials[p] = true
				addEdge(e)
			}
			if mi.status == schema.Held {
				for i, a := range r.participants {
					for _, b := range r.participants[i+1:] {
						if m.met[labelledPair{a, b, label}] || m.met[labelledPair{b, a, label}] {
							e := base
							e.Source, e.Target, e.Predicate = a, b, schema.PredMet
							addEdge(e)
						}
					}
				}
			}
			if r.place != "" {
				e := base
				e.Source, e.Target, e.Predicate = mid, r.place, schema.PredPlace
				addEdge(e)
			}
			for _, t := range r.topics {
				e := base
				e.Source, e.Target, e.Predicate = mid, t, schema.PredDiscussed
				if s, ok := m.statedIn[factKey{mid, schema.PredDiscussed, t, label}]; ok {
					e.Sentence, e.Text = s, m.sentences[s].textOrEmpty()
				}
				addEdge(e)
			}
		}
	}
	for _, h := range m.holds {
		if !strings.HasPrefix(h.label, "article/") {
			continue
		}
		if !sel.all && !officials[h.s] {
			continue
		}
		e := m.provenance(h.label)
		e.Source, e.Target, e.Predicate = h.s, h.o, schema.PredHolds
		if a := m.articles[h.label]; a != nil {
			if !sel.all && !a.date.IsZero() && !a.date.Within(sel.from, sel.to) {
				continue
			}
			e.Date = a.date.String()
		}
		if s, ok := m.statedIn[factKey{h.s, schema.PredHolds, h.o, h.label}]; ok {
			e.Sentence, e.Text = s, m.sentences[s].textOrEmpty()
		}
		addEdge(e)
	}
	for id := range nodes {
		g.Nodes = append(g.Nodes, m.node(id))
	}
	sortGraph(g)
	return g
}

// metGraph projects the selection on officials: one edge per pair that
// met in a held meeting.
func (m *exportModel) metGraph(sel *exportSelection) *exportGraph {
	g := &exportGraph{View: ViewMet, countries: m.countryNames()}
	type pair struct{ a, b string }
	edges := map[pair]*gEdge{}
	nodes := map[string]bool{}
	if sel.ego != "" {
		nodes[sel.ego] = true
	}
	for _, mid := range sortedMapKeys(m.meetings) {
		mi := m.meetings[mid]
		if (!sel.all && !sel.meetings[mid]) || mi.status != schema.Held {
			continue
		}
		for i, a := range mi.participants {
			nodes[a] = true
			for _, b := range mi.participants[i+1:] {
				p := pair{a, b}
				e := edges[p]
				if e == nil {
					e = &gEdge{Source: a, Target: b, Predicate: schema.PredMet}
					edges[p] = e
				}
				e.Meetings++
				e.MeetingIDs = append(e.MeetingIDs, shortID(mid))
				for _, l := range mi.labels {
					if !contains(e.ArticleIDs, shortID(l)) {
						e.ArticleIDs = append(e.ArticleIDs, shortID(l))
					}
				}
				if !mi.date.IsZero() {
					if e.First == "" || mi.date.Compare(mustDate(e.First)) < 0 {
						e.First = mi.date.String()
					}
					if e.Last == "" || mi.date.Compare(mustDate(e.Last)) > 0 {
						e.Last = mi.date.String()
					}
				}
			}
		}
	}
	for _, e := range edges {
		sort.Strings(e.MeetingIDs)
		sort.Strings(e.ArticleIDs)
		g.Edges = append(g.Edges, *e)
	}
	for id := range nodes {
		g.Nodes = append(g.Nodes, m.node(id))
	}
	sortGraph(g)
	return g
}

func mustDate(s string) schema.Date {
	d, _ := schema.ParseDate(s)
	return d
}

func (s *sentenceInfo) textOrEmpty() string {
	if s == nil {
		return ""
	}
	return s.text
}

// provenance starts an edge with the article a label names.
func (m *exportModel) provenance(label string) gEdge {
	e := gEdge{Article: shortID(label)}
	if a := m.articles[label]; a != nil {
		e.File, e.URL, e.Title, e.Position = a.file, a.url, a.title, a.position
	}
	return e
}

// shortID drops the kind from an IRI: "article/a01" → "a01".
func shortID(iri string) string { return iri[strings.IndexByte(iri, '/')+1:] }

func (m *exportModel) node(id string) gNode {
	kind := id[:max(strings.IndexByte(id, '/'), 0)]
	n := gNode{ID: id, Kind: kind, Name: m.displayName(id), Country: m.country[id], Provisional: m.provisional[id]}
	n.Aliases = append(n.Aliases, m.aliases[id]...)
	sort.Strings(n.Aliases)
	if mi := m.meetings[id]; mi != nil && kind == "meeting" {
		n.Date, n.Status, n.MeetingKind = mi.date.String(), mi.status, mi.kind
		if mi.place != "" {
			n.Place = m.displayName(mi.place)
		}
		for _, l := range mi.labels {
			n.Articles = append(n.Articles, shortID(l))
		}
		n.Name = meetingName(n)
	}
	return n
}

// meetingName describes a meeting in a few words: "talks, 2025-09-26, New York".
func meetingName(n gNode) string {
	parts := []string{}
	if n.MeetingKind != "" {
		parts = append(parts, n.MeetingKind)
	} else {
		parts = append(parts, "meeting")
	}
	if n.Status == schema.Planned {
		parts[0] = "planned " + parts[0]
	}
	for _, p := range []string{n.Date, n.Place} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, ", ")
}

func (m *exportModel) countryNames() map[string]string {
	out := map[string]string{}
	for id, k := range m.kind {
		if k == schema.KindCountry {
			out[shortID(id)] = m.name[id]
		}
	}
	return out
}

func sortGraph(g *exportGraph) {
	sort.Slice(g.Nodes, func(i, j int) bool {
		a, b := g.Nodes[i], g.Nodes[j]
		if kindOrder[a.Kind] != kindOrder[b.Kind] {
			return kindOrder[a.Kind] < kindOrder[b.Kind]
		}
		return a.ID < b.ID
	})
	sort.SliceStable(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		switch {
		case predOrder[a.Predicate] != predOrder[b.Predicate]:
			return predOrder[a.Predicate] < predOrder[b.Predicate]
		case a.Source != b.Source:
			return a.Source < b.Source
		case a.Target != b.Target:
			return a.Target < b.Target
		case a.Meeting != b.Meeting:
			return a.Meeting < b.Meeting
		}
		return a.Article < b.Article
	})
	for i := range g.Edges {
		g.Edges[i].ID = "e" + strconv.Itoa(i)
	}
}

func sortedMapKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
