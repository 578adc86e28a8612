// Package graphtest builds the small stores the tests of the packages
// above graph read (export, server, web): the export fixture, five short
// articles of our own (articles/), and the test corpus (testdata/corpus).
// Only tests import it.
package graphtest

import (
	"context"
	"embed"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
	"github.com/dipgraph/dipgraph/schema"
)

// articles are the fixture's articles: one phone call reported by two
// articles (xa, xb), talks in Hanoi with a Vietnamese name (xc), a
// Vietnam–US call in July (xd) and a planned meeting (xe). graph's own
// tests read the same files from disk (graph/fixture_test.go).
//
//go:embed articles/*.txt
var articles embed.FS

// Articles gives the fixture's articles by id ("xa"), in a new map.
func Articles(tb testing.TB) map[string]string {
	tb.Helper()
	ents, err := articles.ReadDir("articles")
	if err != nil {
		tb.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range ents {
		b, err := articles.ReadFile("articles/" + e.Name())
		if err != nil {
			tb.Fatal(err)
		}
		out[strings.TrimSuffix(e.Name(), ".txt")] = string(b)
	}
	return out
}

// Changes are the fixture's writes: the default gazetteer, then each
// article by id, as "articles/ID.txt".
func Changes(tb testing.TB) []graph.Change {
	tb.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		tb.Fatal(err)
	}
	arts := Articles(tb)
	ids := make([]string, 0, len(arts))
	for id := range arts {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	out := []graph.Change{{Label: schema.GazetteerLabel, Quads: graph.GazetteerQuads(g)}}
	for _, id := range ids {
		r := extract.Extract(g, id, arts[id], extract.Options{})
		out = append(out, graph.Change{Label: graph.ArticleLabel(id), Quads: graph.ArticleQuads(g, "articles/"+id+".txt", r)})
	}
	return out
}

// Store opens a store at dsn (an embedded store or graph.Memory) and writes
// changes into it.
func Store(tb testing.TB, dsn string, changes []graph.Change) *graph.Store {
	tb.Helper()
	st, err := graph.Open(dsn, graph.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	for _, c := range changes {
		if _, _, err := st.Replace(context.Background(), c.Label, c.Quads); err != nil {
			tb.Fatal(err)
		}
	}
	return st
}

// BoltFile writes the fixture to a new bolt file and closes it.
func BoltFile(tb testing.TB, changes []graph.Change) string {
	tb.Helper()
	return File(tb, graph.BackendBolt, changes)
}

// File writes the fixture to a new store of the embedded backend (see
// graph.Backends) and closes it; it returns the store's path, which opens
// without a prefix (the backend is found on disk).
func File(tb testing.TB, backend string, changes []graph.Change) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "export.db")
	if err := Store(tb, backend+":"+path, changes).Close(); err != nil {
		tb.Fatal(err)
	}
	return path
}

// CorpusBoltFile writes the facts of the test corpus (../testdata/corpus,
// from a package folder) to a new bolt file and closes it.
func CorpusBoltFile(tb testing.TB) string {
	tb.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		tb.Fatal(err)
	}
	path := filepath.Join(tb.TempDir(), "load.db")
	st, err := graph.Open(graph.BackendBolt+":"+path, graph.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, _, err := st.Replace(ctx, schema.GazetteerLabel, graph.GazetteerQuads(g)); err != nil {
		tb.Fatal(err)
	}
	files, err := filepath.Glob("../testdata/corpus/*.txt")
	if err != nil || len(files) == 0 {
		tb.Fatalf("test corpus: %d files, %v", len(files), err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		r := extract.Extract(g, id, string(b), extract.Options{})
		if _, _, err := st.Replace(ctx, graph.ArticleLabel(id), graph.ArticleQuads(g, f, r)); err != nil {
			tb.Fatal(err)
		}
	}
	return path
}
