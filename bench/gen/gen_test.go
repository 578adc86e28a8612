package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dipgraph/dipgraph/extract"
	"github.com/dipgraph/dipgraph/gazetteer"
)

func TestGenerate(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	sum, err := Generate(g, Options{N: 30, Seed: 7, Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Articles != 30 || sum.Bytes < 30*1000 {
		t.Fatalf("summary %+v: want 30 articles of 1 kB or more", sum)
	}
	w, err := NewWriter(g, 7)
	if err != nil {
		t.Fatal(err)
	}
	meetings := 0
	for i := 0; i < 30; i++ {
		b, err := os.ReadFile(filepath.Join(dir, Name(i)))
		if err != nil {
			t.Fatal(err)
		}
		// Deterministic, and article i does not depend on the corpus size.
		if string(b) != w.Article(i) {
			t.Fatalf("article %d differs from Writer.Article(%d)", i, i)
		}
		meetings += len(extract.Extract(g, "a", string(b), extract.Options{}).Meetings)
	}
	if meetings < 30*2 {
		t.Errorf("the extractor finds %d meetings in 30 articles, want 2 or more per article", meetings)
	}
	other, _ := NewWriter(g, 8)
	if other.Article(0) == w.Article(0) {
		t.Error("seeds 7 and 8 wrote the same article")
	}
}

func TestAliases(t *testing.T) {
	g, err := gazetteer.Default()
	if err != nil {
		t.Fatal(err)
	}
	as := Aliases(g)
	seen := map[string]bool{}
	for i, a := range as {
		if a == "" || strings.TrimSpace(a) != a || seen[a] || (i > 0 && as[i-1] > a) {
			t.Fatalf("alias %d %q: want sorted, trimmed, distinct, not empty", i, a)
		}
		seen[a] = true
	}
	for _, want := range []string{g.Officials[0].Name, "hội đàm"} {
		if !seen[want] {
			t.Errorf("aliases lack %q", want)
		}
	}
}
