package export

import (
	"fmt"
	"sort"
	"strings"

	"github.com/dipgraph/dipgraph/schema"
)

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
// prepare leaves the filter).
func (m *exportModel) findOfficial(id string) (string, error) {
	node := schema.OfficialIRI(strings.TrimPrefix(id, "official/"))
	if m.kind[node] != schema.KindOfficial {
		return "", fmt.Errorf("no official named %q in the store", id)
	}
	return node, nil
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
