package extract_test

import (
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/bench/gen"
	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

// benchArticles are a real-style article of the test corpus and a
// synthetic one of bench/gen.
func benchArticles(b *testing.B) (*gazetteer.Gazetteer, map[string]string) {
	b.Helper()
	g, err := gazetteer.Default()
	if err != nil {
		b.Fatal(err)
	}
	real, err := os.ReadFile("../testdata/corpus/b09_lee-ishiba-busan.txt")
	if err != nil {
		b.Fatal(err)
	}
	w, err := gen.NewWriter(g, 1)
	if err != nil {
		b.Fatal(err)
	}
	return g, map[string]string{"corpus": string(real), "generated": w.Article(7)}
}

// BenchmarkExtract extracts one article; bytes/s is article text.
func BenchmarkExtract(b *testing.B) {
	g, arts := benchArticles(b)
	for _, name := range []string{"corpus", "generated"} {
		text := arts[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				extract.Extract(g, "bench", text, extract.Options{})
			}
		})
	}
}
