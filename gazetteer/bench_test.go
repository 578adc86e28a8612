package gazetteer_test

import (
	"os"
	"testing"

	"github.com/dipgraph/dipgraph/bench/gen"
	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/vntext"
)

// BenchmarkScan runs the matcher over one tokenised article (tokenising
// apart); bytes/s is article text.
func BenchmarkScan(b *testing.B) {
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
	for _, a := range []struct{ name, text string }{{"corpus", string(real)}, {"generated", w.Article(7)}} {
		toks := vntext.Tokenize(a.text)
		b.Run(a.name, func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(a.text)))
			for b.Loop() {
				g.Scan(toks)
			}
		})
		b.Run(a.name+"/tokenize", func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(a.text)))
			for b.Loop() {
				vntext.Tokenize(a.text)
			}
		})
	}
}

// BenchmarkLoad compiles the embedded gazetteer (every command pays it).
func BenchmarkLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := gazetteer.Default(); err != nil {
			b.Fatal(err)
		}
	}
}
