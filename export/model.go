package export

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

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

func loadModel(ctx context.Context, src Source) (*exportModel, error) {
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
	err := src.Statements(ctx, func(q schema.Statement) error {
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
	// The facts an article states: since session 6 only <stated_in>
	// quads (and <subject> for <holds>), the node named by the triple
	// and the article (schema.StatedFactIRI); earlier stores also give
	// <subject>/<predicate>/<object>, which name the same nodes.
	stated := func(s, p, o, label string) {
		art, ok := strings.CutPrefix(label, "article/")
		if !ok {
			return
		}
		f := schema.StatedFactIRI(s, p, o, art)
		if _, ok := factSentences[f]; ok {
			*modelFact(m, f) = factKey{s: s, p: p, o: o}
		}
	}
	for _, h := range m.holds {
		stated(h.s, schema.PredHolds, h.o, h.label)
	}
	for mid, mi := range m.meetings {
		for label, r := range mi.reports {
			for _, t := range r.topics {
				stated(mid, schema.PredDiscussed, t, label)
			}
		}
	}
	for _, k := range m.factParts {
		// A gazetteer tenure: <holds>, not written since session 6.
		if k.p == "" && strings.HasPrefix(k.o, "role/") {
			k.p = schema.PredHolds
		}
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
