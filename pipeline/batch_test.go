package pipeline

import (
	"context"
	"fmt"
	"github.com/dipgraph/dipgraph/fact"
	"strings"
	"sync"
	"testing"

	"github.com/dipgraph/dipgraph/gazetteer"
	"github.com/dipgraph/dipgraph/graph"
)

var someGazetteer = sync.OnceValue(func() *gazetteer.Gazetteer {
	g, err := gazetteer.Default()
	if err != nil {
		panic(err)
	}
	return g
})

// someQuads gives distinct quads to make changes of (the gazetteer's).
var someQuads = sync.OnceValue(func() graph.Change {
	return graph.Change{Quads: graph.GazetteerQuads(someGazetteer())}
})

// batchChange is a change of n distinct quads under label.
// The first says the label is an article, as an article's quads do.
func batchChange(label string, n int) graph.Change {
	art := graph.ArticleQuads(someGazetteer(), "x.txt", &fact.Result{Article: strings.TrimPrefix(label, "article/")})
	qs := append(art[:1:1], someQuads().Quads[:n-1]...)
	return graph.Change{Label: label, Quads: qs}
}

func memStore(t *testing.T) *graph.Store {
	t.Helper()
	st, err := graph.Open(graph.Memory, graph.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func TestBatchWriter(t *testing.T) {
	tests := []struct {
		name     string
		opt      BatchOptions
		articles int
	}{
		{"one batch", BatchOptions{}, 10},
		{"by articles", BatchOptions{Articles: 3}, 10},
		{"by quads", BatchOptions{Quads: 7}, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := memStore(t)
			ctx := context.Background()
			w := NewBatchWriter(st, tt.opt)
			defer w.Stop()
			var done []string
			added := 0
			for i := 0; i < tt.articles; i++ {
				err := w.Replace(ctx, batchChange(fmt.Sprintf("article/%d", i), 2), func(c graph.Change) {
					done = append(done, c.Label)
					added += c.Added
				})
				if err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Flush(ctx); err != nil {
				t.Fatal(err)
			}
			if len(done) != tt.articles || added != 2*tt.articles {
				t.Fatalf("done for %d changes, %d quads added; want %d, %d", len(done), added, tt.articles, 2*tt.articles)
			}
			for i, l := range done {
				if want := fmt.Sprintf("article/%d", i); l != want {
					t.Errorf("done #%d is %s, want %s (in order)", i, l, want)
				}
			}
			stats, err := st.Stats(ctx)
			if err != nil {
				t.Fatal(err)
			}
			if stats.Quads != 2*tt.articles || stats.Articles != tt.articles {
				t.Errorf("store holds %+v", stats)
			}
		})
	}
}

// A label twice: the second change is written after the first, and wins.
func TestBatchWriterSameLabel(t *testing.T) {
	st := memStore(t)
	ctx := context.Background()
	w := NewBatchWriter(st, BatchOptions{})
	defer w.Stop()
	var counts [][2]int
	for _, n := range []int{3, 1} {
		if err := w.Replace(ctx, batchChange("article/x", n), func(c graph.Change) {
			counts = append(counts, [2]int{c.Added, c.Deleted})
		}); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(ctx); err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(counts) != "[[3 0] [0 2]]" {
		t.Errorf("counts %v, want [[3 0] [0 2]]", counts)
	}
}

// A failed batch is not written, its done callbacks are not called, and
// the error comes back from Flush; Stop drops what was not handed over.
func TestBatchWriterFailureAndStop(t *testing.T) {
	st := memStore(t)
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	w := NewBatchWriter(st, BatchOptions{Articles: 1})
	calls := 0
	w.Replace(cancelled, batchChange("article/1", 2), func(graph.Change) { calls++ })
	if err := w.Flush(context.Background()); err == nil {
		t.Error("Flush after a cancelled batch: no error")
	}
	if err := w.Replace(context.Background(), batchChange("article/2", 2), nil); err == nil {
		t.Error("Replace after a failed batch: no error")
	}
	w.Stop()
	if calls != 0 {
		t.Errorf("done called %d times for an unwritten batch", calls)
	}
	if stats, _ := st.Stats(context.Background()); stats.Quads != 0 {
		t.Errorf("store holds %d quads after a failed batch", stats.Quads)
	}

	w = NewBatchWriter(st, BatchOptions{})
	w.Replace(context.Background(), batchChange("article/3", 2), nil)
	if err := w.Stop(); err != nil {
		t.Fatal(err)
	}
	if stats, _ := st.Stats(context.Background()); stats.Quads != 0 {
		t.Errorf("Stop wrote %d quads", stats.Quads)
	}
}
