package gazetteer

import (
	"testing"

	"github.com/dipgraph/dipgraph/vntext"
)

// TestHonorificAtAsLongest: HonorificAt, which looks words up only as far
// as the honorifics trie goes, finds at every token what the longest
// match over the next four tokens' ids finds.
func TestHonorificAtAsLongest(t *testing.T) {
	g, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	text := "Ông Dato' Seri Anwar gặp bà Lan, ngài Tan Sri Muhyiddin và Dato' cùng Tan. Ông"
	toks := vntext.Tokenize(text)
	found := 0
	for i := -1; i <= len(toks); i++ {
		want := -1
		if i >= 0 && i < len(toks) {
			if end, _ := g.m.honorifics.longest(g.m.ids(toks[i:min(len(toks), i+4)], false), 0); end >= 0 {
				want = i + end
			}
		}
		if got := g.HonorificAt(toks, i); got != want {
			t.Errorf("HonorificAt(%d) = %d, want %d", i, got, want)
		}
		if want >= 0 {
			found++
		}
	}
	if found < 4 {
		t.Errorf("%d honorifics found in %q, want 4 or more", found, text)
	}
}
