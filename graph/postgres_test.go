package graph

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/corpus"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// The store tests below run on every backend: memory, bolt and, when
// DIPGRAPH_TEST_POSTGRES holds the DSN of a PostgreSQL database (see
// bench/pg-setup), PostgreSQL. Each PostgreSQL test gets a schema of its
// own, dropped at the end.

// backend opens a fresh store of one kind.
func openT(t *testing.T, dsn string) *Store {
	t.Helper()
	st, err := Open(dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// postgresDSN returns the DSN of a new empty schema in the test database,
// or skips the test when there is none.
func postgresDSN(t *testing.T) string {
	t.Helper()
	base := os.Getenv("DIPGRAPH_TEST_POSTGRES")
	if base == "" {
		t.Skip("DIPGRAPH_TEST_POSTGRES is not set (a PostgreSQL DSN; bench/pg-setup prints one)")
	}
	db, err := sql.Open("postgres", base)
	if err != nil {
		t.Fatal(err)
	}
	name := fmt.Sprintf("dgtest_%d", time.Now().UnixNano())
	if _, err := db.Exec("CREATE SCHEMA " + name); err != nil {
		db.Close()
		t.Fatalf("create schema: %v", err)
	}
	t.Cleanup(func() {
		db.Exec("DROP SCHEMA " + name + " CASCADE")
		db.Close()
	})
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + "search_path=" + name
}

func forEachBackend(t *testing.T, test func(t *testing.T, st *Store)) {
	for _, b := range backends() {
		t.Run(b.name, func(t *testing.T) { test(t, b.open(t)) })
	}
}

func q3(s, p string, o quad.Value) quad.Quad {
	return quad.Quad{Subject: quad.IRI(s), Predicate: quad.IRI(p), Object: o}
}

// labelSet renders the quads under a label, sorted.
func labelSet(t *testing.T, st *Store, label string) []string {
	t.Helper()
	qs, err := st.labelQuads(context.Background(), label)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, q := range qs {
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}

func TestStoreReplace(t *testing.T) {
	v1 := []quad.Quad{
		q3("official/a", "met", quad.IRI("official/b")),
		q3("official/a", "name", quad.String(`A "quoted" \ name`)),
		q3("meeting/m", "date", quad.TypedString{Value: "2024-05-01", Type: "http://www.w3.org/2001/XMLSchema#date"}),
		q3("meeting/m", "lang", quad.LangString{Value: "xin chào", Lang: "vi"}),
		q3("meeting/m", "count", quad.Int(3)),
	}
	v2 := []quad.Quad{v1[0], v1[2], q3("official/a", "name", quad.String("A"))}
	steps := []struct {
		name           string
		quads          []quad.Quad
		added, deleted int
		want           int
	}{
		{"first", v1, 5, 0, 5},
		{"same again", v1, 0, 0, 5},
		{"duplicates in input", append(append([]quad.Quad{}, v1...), v1...), 0, 0, 5},
		{"changed", v2, 1, 3, 3},
		{"removed", nil, 0, 3, 0},
	}
	forEachBackend(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		if _, _, err := st.Replace(ctx, "article/other", []quad.Quad{v1[0]}); err != nil {
			t.Fatal(err)
		}
		for _, s := range steps {
			added, deleted, err := st.Replace(ctx, "article/x", s.quads)
			if err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			if added != s.added || deleted != s.deleted {
				t.Errorf("%s: +%d -%d, want +%d -%d", s.name, added, deleted, s.added, s.deleted)
			}
			if got := labelSet(t, st, "article/x"); len(got) != s.want {
				t.Errorf("%s: %d quads under the label, want %d: %v", s.name, len(got), s.want, got)
			}
		}
		// The same triple under another label is another quad, untouched.
		if got := labelSet(t, st, "article/other"); len(got) != 1 {
			t.Errorf("other label holds %v, want its one quad", got)
		}
	})
}

func TestStoreReplaceBatch(t *testing.T) {
	forEachBackend(t, func(t *testing.T, st *Store) {
		ctx := context.Background()
		var batch []Change
		for i := 0; i < 5; i++ {
			art := fmt.Sprintf("article/%d", i)
			batch = append(batch, Change{Label: art, Quads: []quad.Quad{
				q3(art, "type", quad.IRI("Article")),
				q3("official/a", "met", quad.IRI(fmt.Sprintf("official/%d", i))),
			}})
		}
		if err := st.ReplaceBatch(ctx, batch); err != nil {
			t.Fatal(err)
		}
		for i, c := range batch {
			if c.Added != 2 || c.Deleted != 0 {
				t.Errorf("change %d: +%d -%d, want +2 -0", i, c.Added, c.Deleted)
			}
			if got := labelSet(t, st, c.Label); len(got) != 2 {
				t.Errorf("%s holds %v", c.Label, got)
			}
		}
		// A second batch: one article changed, one removed, one new.
		next := []Change{
			{Label: "article/0", Quads: batch[0].Quads[:1]},
			{Label: "article/1"},
			{Label: "article/9", Quads: []quad.Quad{q3("article/9", "type", quad.IRI("Article")), batch[2].Quads[1]}},
		}
		if err := st.ReplaceBatch(ctx, next); err != nil {
			t.Fatal(err)
		}
		want := [][2]int{{0, 1}, {0, 2}, {2, 0}}
		for i, c := range next {
			if [2]int{c.Added, c.Deleted} != want[i] {
				t.Errorf("%s: +%d -%d, want %v", c.Label, c.Added, c.Deleted, want[i])
			}
		}
		if err := st.ReplaceBatch(ctx, []Change{{Label: "article/3"}, {Label: "article/3"}}); err == nil {
			t.Error("a batch naming a label twice was accepted")
		}
		st2, err := st.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if st2.Quads != 1+0+2+2+2+2 || st2.Articles != 5 {
			t.Errorf("stats %+v, want 9 quads in 5 articles", st2)
		}
	})
}

// TestStoreFailedBatchWritesNothing: a batch that fails (here: cancelled)
// leaves the store as it was.
func TestStoreFailedBatchWritesNothing(t *testing.T) {
	forEachBackend(t, func(t *testing.T, st *Store) {
		if st.Backend() != "postgres" {
			t.Skip("only the PostgreSQL writer takes a context")
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		err := st.ReplaceBatch(ctx, []Change{{Label: "article/1", Quads: []quad.Quad{q3("a", "b", quad.IRI("c"))}}})
		if err == nil {
			t.Fatal("cancelled batch succeeded")
		}
		if got := labelSet(t, st, "article/1"); len(got) != 0 {
			t.Errorf("cancelled batch wrote %v", got)
		}
	})
}

// buildTestCorpus writes the gazetteer and the test corpus's articles.
func buildTestCorpus(t *testing.T, st *Store, g *gazetteer.Gazetteer) {
	t.Helper()
	ctx := context.Background()
	if _, _, err := st.Replace(ctx, schema.GazetteerLabel, GazetteerQuads(g)); err != nil {
		t.Fatal(err)
	}
	files, err := corpus.Files([]string{"../testdata/corpus"})
	if err != nil {
		t.Fatal(err)
	}
	var batch []Change
	for _, f := range files {
		a, err := corpus.Read(f)
		if err != nil {
			t.Fatal(err)
		}
		r := extract.Extract(g, a.ID, a.Text, extract.Options{})
		batch = append(batch, Change{Label: ArticleLabel(r.Article), Quads: ArticleQuads(g, f, r)})
	}
	if err := st.ReplaceBatch(ctx, batch); err != nil {
		t.Fatal(err)
	}
}

// TestBackendsAgree builds the test corpus on every backend and checks that
// each holds the same quads as memory, and answers every official's met
// question with the same meetings and counterparts, and the same counts.
func TestBackendsAgree(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ref := openT(t, Memory)
	buildTestCorpus(t, ref, g)
	wantQuads := allQuads(t, ref)
	want := map[string][]string{}
	for _, o := range g.Officials {
		rows, err := ref.Met(ctx, o.ID, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) > 0 {
			want[o.ID] = metPairs(rows)
		}
	}
	if len(want) < 5 {
		t.Fatalf("only %d officials met anyone in the test corpus", len(want))
	}
	wantStats, err := ref.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range backends()[1:] {
		t.Run(b.name, func(t *testing.T) {
			st := b.open(t)
			buildTestCorpus(t, st, g)
			if got := allQuads(t, st); !reflect.DeepEqual(got, wantQuads) {
				t.Errorf("%d quads, memory holds %d; first difference: %s", len(got), len(wantQuads), firstDiff(got, wantQuads))
			}
			for id, w := range want {
				rows, err := st.Met(ctx, id, true)
				if err != nil {
					t.Fatal(err)
				}
				if got := metPairs(rows); !reflect.DeepEqual(got, w) {
					t.Errorf("met %s: %s", id, firstDiff(got, w))
				}
			}
			offs, err := st.FindOfficials(ctx, "Trump")
			if err != nil || len(offs) != 1 || offs[0].ID != "donald-trump" {
				t.Errorf("FindOfficials(Trump) = %v, %v", offs, err)
			}
			res, err := st.Gizmo(ctx, `g.V("<official/donald-trump>").Out("<met>").All()`, 0)
			if err != nil || len(res.Results) == 0 {
				t.Errorf("Gizmo met of Trump: %v, %v", res, err)
			}
			stats, err := st.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if stats != wantStats {
				t.Errorf("stats %+v, want %+v", stats, wantStats)
			}
			// Rebuilding changes nothing.
			buildTestCorpus(t, st, g)
			if again, _ := st.Stats(ctx); again != wantStats {
				t.Errorf("after a rebuild: stats %+v, want %+v", again, wantStats)
			}
		})
	}
}

// allQuads lists every quad of a store, sorted.
func allQuads(t *testing.T, st *Store) []string {
	t.Helper()
	it := st.qs.QuadsAllIterator()
	defer it.Close()
	var out []string
	for it.Next(context.Background()) {
		out = append(out, st.qs.Quad(it.Result()).NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// metPairs renders met rows as sorted "meeting counterpart sources" lines.
// (Kind, status, date and place are left out: a meeting that two articles
// report with different kinds holds both, and Met shows the one the store
// lists last.)
func metPairs(rows []MetRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%s %s %d", r.Meeting, r.Counterpart.ID, len(r.Sources)))
	}
	sort.Strings(out)
	return out
}

// firstDiff describes the first place where two sorted lists differ.
func firstDiff(got, want []string) string {
	for i := 0; i < len(got) && i < len(want); i++ {
		if got[i] != want[i] {
			return fmt.Sprintf("at %d: got %q, want %q", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(got), len(want))
}

// TestPostgresNodeCounts checks the reference counts the PostgreSQL writer
// keeps in Cayley's nodes table: exact after writes and deletes, and no
// node left once every quad is gone.
func TestPostgresNodeCounts(t *testing.T) {
	dsn := postgresDSN(t)
	st := openT(t, dsn)
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	buildTestCorpus(t, st, g)
	ctx := context.Background()
	// Rewrite one article with half its quads.
	files, _ := corpus.Files([]string{"../testdata/corpus"})
	a, err := corpus.Read(files[0])
	if err != nil {
		t.Fatal(err)
	}
	qs := ArticleQuads(g, files[0], extract.Extract(g, a.ID, a.Text, extract.Options{}))
	if _, _, err := st.Replace(ctx, ArticleLabel(a.ID), qs[:len(qs)/2]); err != nil {
		t.Fatal(err)
	}
	check := func(what string) {
		t.Helper()
		var bad int
		err := st.pg.db.QueryRow(`SELECT count(*) FROM nodes n FULL JOIN (
  SELECT h, count(*) AS c FROM (
    SELECT subject_hash AS h FROM quads UNION ALL SELECT predicate_hash FROM quads
    UNION ALL SELECT object_hash FROM quads UNION ALL SELECT label_hash FROM quads WHERE label_hash IS NOT NULL
  ) x GROUP BY h) r ON r.h = n.hash
WHERE n.hash IS NULL OR r.h IS NULL OR n.refs <> r.c`).Scan(&bad)
		if err != nil {
			t.Fatal(err)
		}
		if bad != 0 {
			t.Errorf("%s: %d nodes with a wrong reference count", what, bad)
		}
	}
	check("after build and rewrite")
	var labels []string
	rows, err := st.pg.db.Query(`SELECT DISTINCT n.value_string FROM quads q JOIN nodes n ON n.hash = q.label_hash`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var l string
		rows.Scan(&l)
		labels = append(labels, l)
	}
	rows.Close()
	for _, l := range labels {
		if _, err := st.Remove(ctx, l); err != nil {
			t.Fatal(err)
		}
	}
	check("after removing everything")
	var nodes int
	st.pg.db.QueryRow(`SELECT count(*) FROM nodes`).Scan(&nodes)
	if nodes != 0 {
		t.Errorf("%d nodes left in an empty store", nodes)
	}
}

func TestRedact(t *testing.T) {
	tests := []struct{ in, want string }{
		{"postgres://u:secret@127.0.0.1:5432/db?sslmode=disable", "postgres://u:xxxxx@127.0.0.1:5432/db?sslmode=disable"},
		{"postgres://u@host/db", "postgres://u@host/db"},
		{"postgresql://host/db", "postgresql://host/db"},
	}
	for _, tt := range tests {
		if got := redact(tt.in); got != tt.want {
			t.Errorf("redact(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestArrayLiterals(t *testing.T) {
	s := "a\"b\\c"
	if got := nullableText([]*string{&s, nil}); got != `{"a\"b\\c",NULL}` {
		t.Errorf("nullableText = %s", got)
	}
	if got := byteaArray([][]byte{{1, 0xab}, nil}); got != `{"\\x01ab",NULL}` {
		t.Errorf("byteaArray = %s", got)
	}
}
