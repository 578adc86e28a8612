package graph

// The reference implementation of Met: the first, plain one, which reads
// every quad of a node through Cayley's one-direction iterator. The index
// reader in query.go must give the same rows.

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/bench/gen"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/schema"
)

type refStore struct{ *Store }

// quadsOf returns the quads with v in direction d.
func (s refStore) refQuadsOf(ctx context.Context, d quad.Direction, ref cgraph.Ref) []quad.Quad {
	it := s.Store.qs.QuadIterator(d, ref)
	defer it.Close()
	var out []quad.Quad
	for it.Next(ctx) {
		out = append(out, s.Store.qs.Quad(it.Result()))
	}
	return out
}

// outOf returns the quads whose subject is the IRI id.
func (s refStore) refOutOf(ctx context.Context, id string) []quad.Quad {
	ref := s.Store.qs.ValueOf(iri(id))
	if ref == nil {
		return nil
	}
	return s.refQuadsOf(ctx, quad.Subject, ref)
}

func (s refStore) refOfficial(ctx context.Context, id string) Official {
	o := Official{ID: id}
	for _, q := range s.refOutOf(ctx, schema.OfficialIRI(id)) {
		switch iriText(q.Predicate) {
		case schema.PredName:
			o.Name = lit(q.Object)
		case schema.PredCountry:
			o.Country = strings.TrimPrefix(iriText(q.Object), "country/")
		case schema.PredProvisional:
			o.Provisional = true
		}
	}
	if o.Name == "" {
		o.Name = id
	}
	return o
}

// Met lists who the official with id has met (with planned meetings too
// when planned is true): one row per meeting and counterpart, by date.
func (s refStore) refMet(ctx context.Context, id string, planned bool) ([]MetRow, error) {
	ref := s.Store.qs.ValueOf(iri(schema.OfficialIRI(id)))
	if ref == nil {
		return nil, nil
	}
	var meetings []string
	seen := map[string]bool{}
	for _, q := range s.refQuadsOf(ctx, quad.Object, ref) {
		if iriText(q.Predicate) == schema.PredParticipant {
			m := iriText(q.Subject)
			if !seen[m] {
				seen[m] = true
				meetings = append(meetings, m)
			}
		}
	}
	var rows []MetRow
	officials := map[string]Official{}
	for _, mid := range meetings {
		var base MetRow
		base.Meeting = strings.TrimPrefix(mid, "meeting/")
		var parts []string
		labels := map[string]bool{}
		var sentences []string
		topics := map[string]bool{}
		for _, q := range s.refOutOf(ctx, mid) {
			if q.Label != nil {
				labels[iriText(q.Label)] = true
			}
			switch iriText(q.Predicate) {
			case schema.PredParticipant:
				p := strings.TrimPrefix(iriText(q.Object), "official/")
				if p != id && !contains(parts, p) {
					parts = append(parts, p)
				}
			case schema.PredDate:
				base.Date = lit(q.Object)
			case schema.PredPlace:
				base.Place = s.refNameOf(ctx, iriText(q.Object))
			case schema.PredMeetingKind:
				base.Kind = lit(q.Object)
			case schema.PredStatus:
				base.Status = lit(q.Object)
			case schema.PredDiscussed:
				topics[strings.TrimPrefix(iriText(q.Object), "topic/")] = true
			case schema.PredReportedIn:
				sentences = append(sentences, iriText(q.Object))
			}
		}
		if base.Status == schema.Planned && !planned {
			continue
		}
		for t := range topics {
			base.Topics = append(base.Topics, t)
		}
		sort.Strings(base.Topics)
		base.Sources = s.refSources(ctx, sentences)
		base.SourceCount = len(DistinctSources(base.Sources))
		for _, p := range parts {
			row := base
			o, ok := officials[p]
			if !ok {
				o = s.refOfficial(ctx, p)
				officials[p] = o
			}
			row.Counterpart = o
			row.Roles = s.refRolesIn(ctx, p, labels)
			rows = append(rows, row)
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		if rows[i].Date != rows[j].Date {
			return rows[i].Date < rows[j].Date
		}
		return rows[i].Counterpart.Name < rows[j].Counterpart.Name
	})
	return rows, nil
}

// nameOf returns the <name> of a node, or its id.
func (s refStore) refNameOf(ctx context.Context, id string) string {
	for _, q := range s.refOutOf(ctx, id) {
		if iriText(q.Predicate) == schema.PredName {
			return lit(q.Object)
		}
	}
	return id[strings.IndexByte(id, '/')+1:]
}

// rolesIn lists the roles an official holds as stated in the given articles.
func (s refStore) refRolesIn(ctx context.Context, official string, labels map[string]bool) []string {
	var out []string
	for _, q := range s.refOutOf(ctx, schema.OfficialIRI(official)) {
		if iriText(q.Predicate) != schema.PredHolds || q.Label == nil || !labels[iriText(q.Label)] {
			continue
		}
		r := strings.TrimPrefix(iriText(q.Object), "role/")
		if !contains(out, r) {
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}

// sources describes the sentences that report a fact.
func (s refStore) refSources(ctx context.Context, sentences []string) []Source {
	var out []Source
	for _, sid := range sentences {
		src := Source{}
		// The span is in the sentence's IRI (no <span> quad since session 6).
		_, src.Span, _ = schema.SplitSentenceIRI(sid)
		for _, q := range s.refOutOf(ctx, sid) {
			switch iriText(q.Predicate) {
			case schema.PredText:
				src.Sentence = lit(q.Object)
			case schema.PredInArticle:
				src.Article = strings.TrimPrefix(iriText(q.Object), "article/")
			}
		}
		if src.Article != "" {
			for _, q := range s.refOutOf(ctx, schema.ArticleIRI(src.Article)) {
				switch iriText(q.Predicate) {
				case schema.PredFile:
					src.File = lit(q.Object)
				case schema.PredURL:
					src.URL = lit(q.Object)
				case schema.PredTitle:
					src.Title = lit(q.Object)
				case schema.PredPosition:
					src.Position = lit(q.Object)
				case schema.PredTextDigest:
					src.Digest = lit(q.Object)
				}
			}
		}
		out = append(out, src)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Article < out[j].Article })
	return out
}

// TestMetMatchesReference builds generated articles (plus the call and
// talks articles of facts_test.go) into each backend and checks that Met
// and FindOfficials give, for every official, what the plain reference
// reading gives.
func TestMetMatchesReference(t *testing.T) {
	g := testGazetteer(t)
	ctx := context.Background()
	w, err := gen.NewWriter(g, 7)
	if err != nil {
		t.Fatal(err)
	}
	var changes []Change
	for i := range 120 {
		id := fmt.Sprintf("gen%03d", i)
		r := extract.Extract(g, id, w.Article(i), extract.Options{})
		changes = append(changes, Change{Label: ArticleLabel(id), Quads: ArticleQuads(g, id+".txt", r)})
	}
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			build(t, st)
			if err := st.ReplaceBatch(ctx, changes); err != nil {
				t.Fatal(err)
			}
			ref := refStore{st}
			ids := []string{}
			for _, o := range g.Officials {
				ids = append(ids, o.ID)
			}
			for _, q := range ref.refQuadsOf(ctx, quad.Object, st.qs.ValueOf(iri(schema.KindOfficial))) {
				ids = append(ids, strings.TrimPrefix(iriText(q.Subject), "official/"))
			}
			compare := func(t *testing.T) {
				rows, withRows := 0, 0
				for _, id := range ids {
					for _, planned := range []bool{false, true} {
						got, err := st.Met(ctx, id, planned)
						if err != nil {
							t.Fatal(err)
						}
						want, err := ref.refMet(ctx, id, planned)
						if err != nil {
							t.Fatal(err)
						}
						normalise(got)
						normalise(want)
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("Met(%s, planned=%v):\n got  %+v\n want %+v", id, planned, got, want)
						}
						rows += len(got)
						if len(got) > 0 {
							withRows++
						}
					}
				}
				t.Logf("%d rows for %d officials", rows, withRows)
				if withRows < 50 || rows < 500 {
					t.Fatalf("only %d rows for %d officials: the corpus does not test much", rows, withRows)
				}
			}
			t.Run("cards", compare)
			// Every other article without its cards (a store written
			// before cards, partly rebuilt): those meetings are read
			// from their quads.
			for i, c := range changes {
				if i%2 == 1 {
					continue
				}
				var keep []quad.Quad
				for _, q := range c.Quads {
					if q.Predicate != iri(schema.PredCard) {
						keep = append(keep, q)
					}
				}
				if _, _, err := st.Replace(ctx, c.Label, keep); err != nil {
					t.Fatal(err)
				}
			}
			t.Run("some-cards", compare)
			for _, o := range g.Officials[:100] {
				got, err := st.FindOfficials(ctx, o.Name)
				if err != nil {
					t.Fatal(err)
				}
				found := false
				for _, f := range got {
					want := ref.refOfficial(ctx, f.ID)
					if f != want {
						t.Errorf("FindOfficials(%q): %+v, reference %+v", o.Name, f, want)
					}
					found = found || f.ID == o.ID
				}
				if !found {
					t.Errorf("FindOfficials(%q) = %+v, without %s", o.Name, got, o.ID)
				}
			}
		})
	}
}

// normalise orders rows and sources the same way for both readings.
func normalise(rows []MetRow) {
	for i := range rows {
		sort.SliceStable(rows[i].Sources, func(a, b int) bool {
			x, y := rows[i].Sources[a], rows[i].Sources[b]
			if x.Article != y.Article {
				return x.Article < y.Article
			}
			return x.Span < y.Span
		})
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.Date != b.Date {
			return a.Date < b.Date
		}
		if a.Counterpart.Name != b.Counterpart.Name {
			return a.Counterpart.Name < b.Counterpart.Name
		}
		return a.Meeting < b.Meeting
	})
}
