package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/fact"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// legacyArticleQuads is what dipgraph wrote for an article before session
// 6: the quads of today plus those the schema dropped — <type> of
// sentences and facts, <span>, the stated facts' <subject>, <predicate>
// and <object> (only <stated_in> is written now, and <subject> for
// <holds>), and the sentences' text inside the cards.
func legacyArticleQuads(g *gazetteer.Gazetteer, file string, r *fact.Result) []quad.Quad {
	var q quads
	for _, x := range ArticleQuads(g, file, r) {
		if string(x.Predicate.(quad.IRI)) == schema.PredCard {
			var c card
			if err := json.Unmarshal([]byte(x.Object.(quad.String)), &c); err != nil {
				panic(err)
			}
			for i, sn := range c.Sentences {
				for _, s := range r.Sentences {
					if sn.Span == spanText(s) {
						c.Sentences[i].Text = s.Text
					}
				}
			}
			b, _ := json.Marshal(c)
			x.Object = quad.String(b)
		}
		q = append(q, x)
	}
	for _, s := range r.Sentences {
		id := schema.SentenceIRI(r.Article, s.Start, s.End)
		q.add(id, schema.PredType, iri(schema.KindSentence))
		q.add(id, schema.PredSpan, quad.String(spanText(s)))
	}
	full := func(s, p, o string) {
		f := schema.StatedFactIRI(s, p, o, r.Article)
		q.add(f, schema.PredType, iri(schema.KindFact))
		if p == schema.PredDiscussed {
			q.add(f, schema.PredSubject, iri(s))
		}
		q.add(f, schema.PredPredicate, iri(p))
		q.add(f, schema.PredObject, iri(o))
	}
	for _, h := range r.Holds {
		full(schema.OfficialIRI(h.Official), schema.PredHolds, schema.RoleIRI(h.Role))
	}
	for n, m := range r.Meetings {
		mid := schema.MeetingIRI(schema.MeetingID(m.Participants, m.Date, r.Article, n))
		for _, t := range m.Topics {
			full(mid, schema.PredDiscussed, schema.TopicIRI(t.Topic))
		}
	}
	return dedup(q)
}

func spanText(s fact.Sentence) string { return fmt.Sprintf("%d-%d", s.Start, s.End) }

// legacyGazetteerQuads adds the tenures' <type> <Fact> and <predicate>
// <holds>, as written before session 6.
func legacyGazetteerQuads(g *gazetteer.Gazetteer) []quad.Quad {
	var q quads
	for _, x := range GazetteerQuads(g) {
		q = append(q, x)
		if string(x.Predicate.(quad.IRI)) == schema.PredSubject {
			f := string(x.Subject.(quad.IRI))
			q.add(f, schema.PredType, iri(schema.KindFact))
			q.add(f, schema.PredPredicate, iri(schema.PredHolds))
		}
	}
	return dedup(q)
}

func dedup(q []quad.Quad) []quad.Quad {
	seen := map[quad.Quad]bool{}
	out := q[:0]
	for _, x := range q {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}

// A store written before session 6 (more quads for the same facts) reads
// as one written now: Met, the web page's reads and the statements'
// facts give the same answers. So does a store holding both, an old
// store with some articles rebuilt.
func TestLegacyStoreReadsTheSame(t *testing.T) {
	ctx := context.Background()
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	arts := exportArticles(t)
	ids := sortedMapKeys(arts)
	write := func(legacy func(i int) bool) *Store {
		st, err := Open(Memory, Options{})
		if err != nil {
			t.Fatal(err)
		}
		gq := GazetteerQuads(g)
		if legacy(-1) {
			gq = legacyGazetteerQuads(g)
		}
		if _, _, err := st.Replace(ctx, schema.GazetteerLabel, gq); err != nil {
			t.Fatal(err)
		}
		for i, id := range ids {
			r := extract.Extract(g, id, arts[id], extract.Options{})
			qs := ArticleQuads(g, "articles/"+id+".txt", r)
			if legacy(i) {
				qs = legacyArticleQuads(g, "articles/"+id+".txt", r)
			}
			if _, _, err := st.Replace(ctx, ArticleLabel(id), qs); err != nil {
				t.Fatal(err)
			}
		}
		return st
	}
	now := write(func(int) bool { return false })
	stores := map[string]*Store{
		"legacy": write(func(int) bool { return true }),
		"mixed":  write(func(i int) bool { return i%2 == 0 }),
	}
	if n, o := countQuads(t, now), countQuads(t, stores["legacy"]); n >= o {
		t.Fatalf("the legacy store has %d quads, today's %d: the converter adds nothing", o, n)
	}
	type answers struct {
		Met      map[string][]MetRow
		Profiles map[string]*Profile
		Meetings []MeetingBrief
		Meeting  map[string]*MeetingDetail
	}
	read := func(st *Store) answers {
		a := answers{Met: map[string][]MetRow{}, Profiles: map[string]*Profile{}, Meeting: map[string]*MeetingDetail{}}
		names, err := st.OfficialNames(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, n := range names {
			rows, err := st.Met(ctx, n.ID, true)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) > 0 {
				a.Met[n.ID] = rows
			}
			p, err := st.Profile(ctx, n.ID)
			if err != nil {
				t.Fatal(err)
			}
			if p != nil && (len(p.Stated) > 0 || len(p.Tenures) > 0) {
				a.Profiles[n.ID] = p
			}
		}
		if a.Meetings, err = st.Meetings(ctx); err != nil {
			t.Fatal(err)
		}
		for _, m := range a.Meetings {
			if a.Meeting[m.ID], err = st.Meeting(ctx, m.ID); err != nil {
				t.Fatal(err)
			}
		}
		return a
	}
	want := read(now)
	sourced, stated := 0, 0
	for _, rows := range want.Met {
		for _, r := range rows {
			for _, s := range r.Sources {
				if s.Sentence != "" {
					sourced++
				}
			}
		}
	}
	for _, p := range want.Profiles {
		for _, sr := range p.Stated {
			for _, s := range sr.Sentences {
				if s.Sentence != "" {
					stated++
				}
			}
		}
	}
	if len(want.Met) < 4 || len(want.Meeting) < 3 || sourced == 0 || stated == 0 {
		t.Fatalf("fixture too small: %d officials met, %d meetings, %d sourced rows, %d stated sentences", len(want.Met), len(want.Meeting), sourced, stated)
	}
	for name, st := range stores {
		got := read(st)
		for _, part := range []struct {
			name      string
			got, want any
		}{{"Met", got.Met, want.Met}, {"Profile", got.Profiles, want.Profiles}, {"Meetings", got.Meetings, want.Meetings}, {"Meeting", got.Meeting, want.Meeting}} {
			if !reflect.DeepEqual(part.got, part.want) {
				gb, _ := json.Marshal(part.got)
				wb, _ := json.Marshal(part.want)
				t.Errorf("%s store: %s differs from today's store:\n got %.600s\nwant %.600s", name, part.name, gb, wb)
			}
		}
	}
}

func countQuads(t *testing.T, st *Store) int {
	t.Helper()
	n := 0
	if err := st.eachQuad(context.Background(), func(quad.Quad) error { n++; return nil }); err != nil {
		t.Fatal(err)
	}
	return n
}
