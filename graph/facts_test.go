package graph

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

var (
	gazOnce sync.Once
	gaz     *gazetteer.Gazetteer
)

func testGazetteer(t testing.TB) *gazetteer.Gazetteer {
	t.Helper()
	gazOnce.Do(func() {
		var err error
		if gaz, err = gazetteer.Default(); err != nil {
			panic(err)
		}
	})
	return gaz
}

// Two articles of our own that report the same phone call, and one more.
var articles = map[string]string{
	"call-a": " date 2025-04-02\nThứ trưởng Ngoại giao Christopher Landau ngày 1/4 đã điện đàm với Thứ trưởng thứ nhất Bộ Ngoại giao Hàn Quốc Kim Hong-kyun, thảo luận về hợp tác ba bên Hàn-Mỹ-Nhật.",
	"call-b": " date 2025-04-02\nNgày 1/4, Thứ trưởng thứ nhất Bộ Ngoại giao Hàn Quốc Kim Hong-kyun đã có cuộc điện đàm với Thứ trưởng Ngoại giao Mỹ Christopher Landau.",
	"talks":  " date 2025-07-19\nThứ trưởng Ngoại giao Mỹ Christopher Landau ngày 18/7 đã hội đàm với Thứ trưởng Ngoại giao Nhật Bản Takehiro Funakoshi tại Tokyo.",
}

func build(t *testing.T, st *Store) {
	t.Helper()
	g := testGazetteer(t)
	ctx := context.Background()
	if _, _, err := st.Replace(ctx, schema.GazetteerLabel, GazetteerQuads(g)); err != nil {
		t.Fatal(err)
	}
	for id, text := range articles {
		r := extract.Extract(g, id, text, extract.Options{})
		if _, _, err := st.Replace(ctx, ArticleLabel(id), ArticleQuads(g, id+".txt", r)); err != nil {
			t.Fatal(err)
		}
	}
}

// stores opens one new store of each backend of backends() (PostgreSQL
// only when DIPGRAPH_TEST_POSTGRES names a database).
func stores(t *testing.T) map[string]*Store {
	out := map[string]*Store{}
	for _, b := range backends() {
		if b.name == "postgres" && os.Getenv("DIPGRAPH_TEST_POSTGRES") == "" {
			continue
		}
		out[b.name] = b.open(t)
	}
	return out
}

func TestMetAndProvenance(t *testing.T) {
	ctx := context.Background()
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			build(t, st)
			offs, err := st.FindOfficials(ctx, "landau")
			if err != nil || len(offs) != 1 || offs[0].ID != "christopher-landau" {
				t.Fatalf("FindOfficials(landau) = %v, %v", offs, err)
			}
			rows, err := st.Met(ctx, "christopher-landau", false)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range rows {
				var arts []string
				for _, s := range r.Sources {
					arts = append(arts, s.Article)
					if s.Sentence == "" || s.Span == "" {
						t.Errorf("source without sentence or span: %+v", s)
					}
				}
				got = append(got, r.Counterpart.ID+" "+r.Date+" "+r.Kind+" "+strings.Join(arts, ","))
			}
			want := []string{
				"kim-hong-kyun 2025-04-01 phone-call call-a,call-b",
				"takehiro-funakoshi 2025-07-18 talks talks",
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") {
				t.Errorf("Met:\n got  %q\n want %q", got, want)
			}
		})
	}
}

func TestGizmoAndLimit(t *testing.T) {
	ctx := context.Background()
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			build(t, st)
			res, err := st.Gizmo(ctx, `g.V("<official/christopher-landau>").Out("<met>").Unique().All()`, 10)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Results) != 2 || res.Truncated {
				t.Errorf("met: %d results (truncated %v), want 2", len(res.Results), res.Truncated)
			}
			res, err = st.Gizmo(ctx, `g.V().All()`, 5)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Results) != 5 || !res.Truncated {
				t.Errorf("limit 5: %d results, truncated %v; want 5 and true", len(res.Results), res.Truncated)
			}
		})
	}
}

// TestReplaceIsIdempotent: writing an article again changes nothing; a
// changed article replaces its facts; removing drops every quad of it.
func TestReplaceIsIdempotent(t *testing.T) {
	ctx := context.Background()
	g := testGazetteer(t)
	for name, st := range stores(t) {
		t.Run(name, func(t *testing.T) {
			build(t, st)
			before, _ := st.Stats(ctx)
			build(t, st)
			after, _ := st.Stats(ctx)
			if before.Quads != after.Quads {
				t.Errorf("rebuild changed the quad count: %d → %d", before.Quads, after.Quads)
			}
			r := extract.Extract(g, "talks", strings.Replace(articles["talks"], "Tokyo", "Osaka", 1), extract.Options{})
			if _, _, err := st.Replace(ctx, ArticleLabel("talks"), ArticleQuads(g, "talks.txt", r)); err != nil {
				t.Fatal(err)
			}
			qs, _ := st.labelQuads(ctx, ArticleLabel("talks"))
			hasPlace := func(p string) bool {
				for _, q := range qs {
					if q.Predicate == quad.IRI(schema.PredPlace) && q.Object == quad.IRI(schema.PlaceIRI(p)) {
						return true
					}
				}
				return false
			}
			if !hasPlace("osaka") || hasPlace("tokyo") {
				t.Errorf("changed article: want place osaka only")
			}
			n, err := st.Remove(ctx, ArticleLabel("talks"))
			if err != nil || n == 0 {
				t.Fatalf("Remove: %d, %v", n, err)
			}
			if qs, _ := st.labelQuads(ctx, ArticleLabel("talks")); len(qs) != 0 {
				t.Errorf("%d quads left after Remove", len(qs))
			}
		})
	}
}

// TestGazetteerQuadsOnce: the gazetteer's quads hold each quad once, even
// where the files write a name twice, so that replacing them in a store
// that holds them changes nothing.
func TestGazetteerQuadsOnce(t *testing.T) {
	g, err := gazetteer.Parse("twice.yaml", []byte("countries:\n  - {code: HR, name: Croatia, names: [Croatia, Crôatia, Croatia]}\n"))
	if err != nil {
		t.Fatal(err)
	}
	qs := GazetteerQuads(g)
	seen := map[string]bool{}
	aliases := 0
	for _, q := range qs {
		if seen[q.String()] {
			t.Errorf("quad twice: %s", q)
		}
		seen[q.String()] = true
		if q.Predicate.String() == "<"+schema.PredAlias+">" {
			aliases++
		}
	}
	if aliases != 2 {
		t.Errorf("%d alias quads, want 2 (Croatia, Crôatia)", aliases)
	}
}
