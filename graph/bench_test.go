package graph

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/dipgraph/dipgraph/bench/gen"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/schema"
)

// benchChanges extracts n generated articles into store changes.
func benchChanges(b *testing.B, g *gazetteer.Gazetteer, from, n int) []Change {
	b.Helper()
	w, err := gen.NewWriter(g, 1)
	if err != nil {
		b.Fatal(err)
	}
	out := make([]Change, n)
	for i := range out {
		id := fmt.Sprintf("bench%06d", from+i)
		r := extract.Extract(g, id, w.Article(from+i), extract.Options{})
		out[i] = Change{Label: ArticleLabel(id), Quads: ArticleQuads(g, id+".txt", r)}
	}
	return out
}

// BenchmarkReplaceBatch writes batches of 32 new articles to a bolt store
// (one transaction each); quads/s is reported.
func BenchmarkReplaceBatch(b *testing.B) {
	g := testGazetteer(b)
	st, err := Open(BackendBolt+":"+filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	const per = 32
	quads, k := 0, 0
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		b.StopTimer()
		batch := benchChanges(b, g, k*per, per)
		k++
		b.StartTimer()
		if err := st.ReplaceBatch(ctx, batch); err != nil {
			b.Fatal(err)
		}
		for _, c := range batch {
			quads += c.Added
		}
	}
	b.ReportMetric(float64(quads)/b.Elapsed().Seconds(), "quads/s")
}

// BenchmarkMet answers met, with every detail, for an official of a bolt
// store of 300 generated articles (about 65,000 quads).
func BenchmarkMet(b *testing.B) {
	g := testGazetteer(b)
	st, err := Open(BackendBolt+":"+filepath.Join(b.TempDir(), "bench.db"), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	if _, _, err := st.Replace(ctx, schema.GazetteerLabel, GazetteerQuads(g)); err != nil {
		b.Fatal(err)
	}
	if err := st.ReplaceBatch(ctx, benchChanges(b, g, 0, 300)); err != nil {
		b.Fatal(err)
	}
	// The official with the most meetings.
	best, most := "", 0
	for _, o := range g.Officials {
		rows, err := st.Met(ctx, o.ID, false)
		if err != nil {
			b.Fatal(err)
		}
		if len(rows) > most {
			best, most = o.ID, len(rows)
		}
	}
	b.Logf("met %s: %d rows", best, most)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := st.Met(ctx, best, false); err != nil {
			b.Fatal(err)
		}
	}
}
