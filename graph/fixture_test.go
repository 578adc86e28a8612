package graph

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// The export fixture: the articles of internal/graphtest/articles (one
// phone call reported by two articles, xa and xb; talks in Hanoi with a
// Vietnamese name, xc; a Vietnam–US call in July, xd; a planned meeting,
// xe) over the default gazetteer.

// exportArticles reads the articles from disk (graphtest embeds the same
// files for the tests of the packages above graph, which cannot be
// imported here).
func exportArticles(t testing.TB) map[string]string {
	t.Helper()
	files, err := filepath.Glob("../internal/graphtest/articles/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("fixture articles: %d files, %v", len(files), err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".txt")] = string(b)
	}
	return out
}

var (
	exportQuadsOnce sync.Once
	exportChanges   []Change
	exportQuadsErr  error
)

// exportFixtureChanges extracts the articles once per test binary.
func exportFixtureChanges(t testing.TB) []Change {
	t.Helper()
	exportQuadsOnce.Do(func() {
		g, err := gazetteer.Default()
		if err != nil {
			exportQuadsErr = err
			return
		}
		exportChanges = append(exportChanges, Change{Label: schema.GazetteerLabel, Quads: GazetteerQuads(g)})
		arts := exportArticles(t)
		for _, id := range sortedMapKeys(arts) {
			r := extract.Extract(g, id, arts[id], extract.Options{})
			exportChanges = append(exportChanges, Change{Label: ArticleLabel(id), Quads: ArticleQuads(g, "articles/"+id+".txt", r)})
		}
	})
	if exportQuadsErr != nil {
		t.Fatal(exportQuadsErr)
	}
	return exportChanges
}

// exportStore opens a store at dsn and writes the fixture into it.
func exportStore(t testing.TB, dsn string) *Store {
	t.Helper()
	st, err := Open(dsn, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range exportFixtureChanges(t) {
		if _, _, err := st.Replace(context.Background(), c.Label, c.Quads); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

// exportFile writes the fixture to a new store of the embedded backend
// and closes it; it returns the store's path (no prefix: the backend is
// found on disk).
func exportFile(t testing.TB, backend string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "export.db")
	st := exportStore(t, backend+":"+path)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	return path
}

var (
	memExportOnce  sync.Once
	memExportStore *Store
)

// exportMem is a shared in-memory store with the fixture (read only).
func exportMem(t testing.TB) *Store {
	t.Helper()
	exportFixtureChanges(t)
	memExportOnce.Do(func() { memExportStore = exportStore(t, Memory) })
	return memExportStore
}
