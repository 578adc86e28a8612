package export

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

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
					if !slices.Contains(e.ArticleIDs, shortID(l)) {
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
