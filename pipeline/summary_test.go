package pipeline_test

import (
	"path/filepath"
	"testing"
)

// TestSummaryCountsGazetteerQuads: the first build's summary counts the
// gazetteer's quads among those it added, so that it adds up to what the
// store holds; a rebuild adds none.
func TestSummaryCountsGazetteerQuads(t *testing.T) {
	dir := t.TempDir()
	articles := filepath.Join(dir, "articles")
	copyArticles(t, articles, testArticles(t)[:2], 1)
	st := openStore(t, filepath.Join(storeDir(t), "s.db"))
	defer st.Close()
	first := build(t, st, articles)
	got := storeContents(t, st)
	if first.GazetteerAdded == 0 {
		t.Errorf("first build: no gazetteer quads counted (+%d)", first.Added)
	}
	if first.Added-first.Deleted != got.Quads {
		t.Errorf("first build: quads +%d -%d (gazetteer +%d), the store holds %d", first.Added, first.Deleted, first.GazetteerAdded, got.Quads)
	}
	again := build(t, st, articles)
	if again.Added != 0 || again.GazetteerAdded != 0 {
		t.Errorf("rebuild: +%d (gazetteer +%d), want +0", again.Added, again.GazetteerAdded)
	}
}
