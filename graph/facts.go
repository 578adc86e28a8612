package graph

import (
	"encoding/json"
	"fmt"
	"github.com/dipgraph/dipgraph/fact"
	"sort"

	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

func iri(s string) quad.IRI { return quad.IRI(s) }

func date(d schema.Date) quad.Value {
	return quad.TypedString{Value: quad.String(d.String()), Type: quad.IRI(d.XSDType())}
}

type quads []quad.Quad

func (qs *quads) add(s string, p string, o quad.Value) {
	*qs = append(*qs, quad.Quad{Subject: iri(s), Predicate: iri(p), Object: o})
}

// ArticleLabel is the quad label of an article's facts.
func ArticleLabel(id string) string { return schema.ArticleIRI(id) }

// ArticleSource is where an article came from: its file, and what its
// record or page says of it. Empty fields are left out of the graph.
type ArticleSource struct {
	File     string // the path it was read from, as given ("-": standard input)
	URL      string
	Title    string
	Position string // where its record starts in File ("line 3", "offset 1234")
	Language string // detected
	Digest   string // of its normalised text (corpus.TextDigest)
}

// ArticleQuads turns one article's extraction into quads (without label:
// Replace sets it). file is the article's path as given.
func ArticleQuads(g *gazetteer.Gazetteer, file string, r *fact.Result) []quad.Quad {
	return ArticleQuadsFrom(g, ArticleSource{File: file}, r)
}

// ArticleQuadsFrom is ArticleQuads with all that is known of the
// article's source.
func ArticleQuadsFrom(g *gazetteer.Gazetteer, src ArticleSource, r *fact.Result) []quad.Quad {
	var q quads
	file := src.File
	art := schema.ArticleIRI(r.Article)
	q.add(art, schema.PredType, iri(schema.KindArticle))
	q.add(art, schema.PredFile, quad.String(file))
	for _, kv := range []struct{ pred, v string }{
		{schema.PredURL, src.URL}, {schema.PredTitle, src.Title}, {schema.PredPosition, src.Position},
		{schema.PredLanguage, src.Language}, {schema.PredTextDigest, src.Digest},
	} {
		if kv.v != "" {
			q.add(art, kv.pred, quad.String(kv.v))
		}
	}
	if !r.Published.IsZero() {
		q.add(art, schema.PredDate, date(r.Published))
	}
	sent := func(k int) string {
		s := r.Sentences[k]
		return schema.SentenceIRI(r.Article, s.Start, s.End)
	}
	for k, s := range r.Sentences {
		// No <type> (nothing looks sentences up by kind) and no <span>
		// (the IRI holds it: schema.SplitSentenceIRI).
		id := sent(k)
		q.add(id, schema.PredText, quad.String(s.Text))
		q.add(id, schema.PredInArticle, iri(art))
	}
	for _, o := range r.Officials {
		id := schema.OfficialIRI(o.ID)
		q.add(art, schema.PredMentions, iri(id))
		if o.Provisional {
			// Known officials are described by the gazetteer's quads;
			// provisional ones by the articles that name them.
			q.add(id, schema.PredType, iri(schema.KindOfficial))
			q.add(id, schema.PredName, quad.String(o.Name))
			q.add(id, schema.PredProvisional, quad.String("true"))
			q.add(id, schema.PredKey, quad.String(schema.NameKey(o.Name)))
			// The word the official is called by alone, as the country's
			// name order gives it, so that ResolveOfficial finds a
			// provisional official by surname as it does a known one.
			if g != nil {
				k := schema.NameKey(g.SurnameOf(&gazetteer.Official{Name: o.Name, Country: o.Country}))
				if k != "" && k != schema.NameKey(o.Name) {
					q.add(id, schema.PredKey, quad.String(k))
				}
			}
			if o.Country != "" {
				q.add(id, schema.PredCountry, iri(schema.CountryIRI(o.Country)))
			}
		}
	}
	for _, h := range r.Holds {
		off, role := schema.OfficialIRI(h.Official), schema.RoleIRI(h.Role)
		q.add(off, schema.PredHolds, iri(role))
		// The stated fact: its node is named by the triple and the
		// article (schema.StatedFactIRI), so a reader that has the <holds>
		// quad finds its sentence without <predicate>/<object> quads;
		// <subject> stays for Gizmo (official → facts → sentences).
		fact := schema.StatedFactIRI(off, schema.PredHolds, role, r.Article)
		q.add(fact, schema.PredSubject, iri(off))
		q.add(fact, schema.PredStatedIn, iri(sent(h.Sentence)))
	}
	for n, m := range r.Meetings {
		mid := schema.MeetingIRI(schema.MeetingID(m.Participants, m.Date, r.Article, n))
		q.add(mid, schema.PredType, iri(schema.KindMeeting))
		q.add(mid, schema.PredStatus, quad.String(m.Status))
		q.add(mid, schema.PredMeetingKind, quad.String(m.Kind))
		if !m.Date.IsZero() {
			q.add(mid, schema.PredDate, date(m.Date))
		}
		if m.Place != "" {
			q.add(mid, schema.PredPlace, iri(schema.PlaceIRI(m.Place)))
		}
		for _, p := range m.Participants {
			q.add(mid, schema.PredParticipant, iri(schema.OfficialIRI(p)))
		}
		if m.Status == schema.Held {
			for _, a := range m.Participants {
				for _, b := range m.Participants {
					if a != b {
						q.add(schema.OfficialIRI(a), schema.PredMet, iri(schema.OfficialIRI(b)))
					}
				}
			}
		}
		for _, k := range m.Sentences {
			q.add(mid, schema.PredReportedIn, iri(sent(k)))
		}
		q.add(mid, schema.PredCard, quad.String(meetingCard(src, r, m)))
		for _, t := range m.Topics {
			topic := schema.TopicIRI(t.Topic)
			q.add(mid, schema.PredDiscussed, iri(topic))
			// Only its sentence: the fact node is found from the
			// <discussed> quad and its label (schema.StatedFactIRI).
			q.add(schema.StatedFactIRI(mid, schema.PredDiscussed, topic, r.Article), schema.PredStatedIn, iri(sent(t.Sentence)))
		}
	}
	return q
}

// card is what one article says of one meeting, in one literal (the
// <card> quad, under the article's label): `met` reads a meeting's cards
// in one lookup where its quads take a dozen. Everything in it is also in
// the article's other quads.
type card struct {
	File         string            `json:"file,omitempty"`
	URL          string            `json:"url,omitempty"`
	Title        string            `json:"title,omitempty"`
	Position     string            `json:"position,omitempty"`
	Digest       string            `json:"digest,omitempty"`
	Date         string            `json:"date,omitempty"`
	Kind         string            `json:"kind,omitempty"`
	Status       string            `json:"status,omitempty"`
	Place        string            `json:"place,omitempty"`  // place id
	Topics       []string          `json:"topics,omitempty"` // topic ids
	Participants []cardParticipant `json:"participants"`
	Sentences    []cardSentence    `json:"sentences,omitempty"`
}

type cardParticipant struct {
	ID    string   `json:"id"`              // official id
	Roles []string `json:"roles,omitempty"` // role ids the article states
}

type cardSentence struct {
	Span string `json:"span"` // "start-end"
	// Text is the sentence in cards written before session 6; since, the
	// sentence's own <text> quad holds it, once (readers look it up by
	// the sentence's IRI, article and span).
	Text string `json:"text,omitempty"`
}

func meetingCard(src ArticleSource, r *fact.Result, m fact.Meeting) string {
	c := card{File: src.File, URL: src.URL, Title: src.Title, Position: src.Position, Digest: src.Digest, Kind: m.Kind, Status: m.Status}
	if !m.Date.IsZero() {
		c.Date = m.Date.String()
	}
	c.Place = m.Place
	for _, t := range m.Topics {
		if !contains(c.Topics, t.Topic) {
			c.Topics = append(c.Topics, t.Topic)
		}
	}
	for _, p := range m.Participants {
		cp := cardParticipant{ID: p}
		for _, h := range r.Holds {
			if h.Official == p && !contains(cp.Roles, h.Role) {
				cp.Roles = append(cp.Roles, h.Role)
			}
		}
		sort.Strings(cp.Roles)
		c.Participants = append(c.Participants, cp)
	}
	// The card is compared as a whole on rebuilds: the same facts in
	// another order must give the same text.
	sort.Strings(c.Topics)
	sort.Slice(c.Participants, func(i, j int) bool { return c.Participants[i].ID < c.Participants[j].ID })
	ks := append([]int(nil), m.Sentences...)
	sort.Ints(ks)
	for i, k := range ks {
		if i > 0 && k == ks[i-1] {
			continue
		}
		s := r.Sentences[k]
		c.Sentences = append(c.Sentences, cardSentence{Span: fmt.Sprintf("%d-%d", s.Start, s.End)})
	}
	b, err := json.Marshal(c)
	if err != nil {
		panic(err) // strings and slices of strings always marshal
	}
	return string(b)
}

// GazetteerQuads describes the gazetteer's entries: officials with names,
// aliases, lookup keys, countries and role tenures; roles, topics, places
// and countries with their names.
func GazetteerQuads(g *gazetteer.Gazetteer) []quad.Quad {
	var q quads
	for _, c := range g.Countries {
		id := schema.CountryIRI(c.Code)
		q.add(id, schema.PredType, iri(schema.KindCountry))
		q.add(id, schema.PredName, quad.String(c.Name))
		for _, n := range c.Names {
			q.add(id, schema.PredAlias, quad.String(n))
		}
	}
	places := append([]*gazetteer.Place{}, g.Places...)
	for _, c := range g.Countries {
		places = append(places, g.CountryPlace(c.Code))
	}
	for _, p := range places {
		id := schema.PlaceIRI(p.ID)
		q.add(id, schema.PredType, iri(schema.KindPlace))
		q.add(id, schema.PredName, quad.String(p.Name))
		q.add(id, schema.PredCountry, iri(schema.CountryIRI(p.Country)))
		for _, n := range p.Aliases {
			q.add(id, schema.PredAlias, quad.String(n))
		}
	}
	for _, r := range g.Roles {
		id := schema.RoleIRI(r.ID)
		q.add(id, schema.PredType, iri(schema.KindRole))
		q.add(id, schema.PredName, quad.String(r.Name))
		q.add(id, schema.PredCountry, iri(schema.CountryIRI(r.Country)))
	}
	for _, t := range g.Topics {
		id := schema.TopicIRI(t.ID)
		q.add(id, schema.PredType, iri(schema.KindTopic))
		q.add(id, schema.PredName, quad.String(t.Name))
	}
	for _, o := range g.Officials {
		id := schema.OfficialIRI(o.ID)
		q.add(id, schema.PredType, iri(schema.KindOfficial))
		q.add(id, schema.PredName, quad.String(o.Name))
		q.add(id, schema.PredCountry, iri(schema.CountryIRI(o.Country)))
		keys := map[string]bool{schema.NameKey(o.Name): true, schema.NameKey(g.SurnameOf(o)): true}
		for _, a := range o.Aliases {
			q.add(id, schema.PredAlias, quad.String(a))
			keys[schema.NameKey(a)] = true
		}
		ks := make([]string, 0, len(keys))
		for k := range keys {
			ks = append(ks, k)
		}
		sort.Strings(ks)
		for _, k := range ks {
			q.add(id, schema.PredKey, quad.String(k))
		}
		for _, t := range o.Roles {
			role := schema.RoleIRI(t.Role)
			// A tenure: <subject> official, <object> role (the
			// predicate is always <holds>, so not written).
			fact := schema.FactIRI(schema.FactID(id, schema.PredHolds, role, t.From.String(), t.To.String()))
			q.add(fact, schema.PredSubject, iri(id))
			q.add(fact, schema.PredObject, iri(role))
			q.add(fact, schema.PredRoleFrom, date(t.From))
			if !t.To.IsZero() {
				q.add(fact, schema.PredRoleTo, date(t.To))
			}
		}
	}
	// Once each: a name written twice in the files (an alias equal to a
	// country's other name) is one quad, as the store keeps it.
	seen := make(map[quad.Quad]bool, len(q))
	out := q[:0]
	for _, x := range q {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
