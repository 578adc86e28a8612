package pipeline

import (
	"context"

	"github.com/dipgraph/dipgraph/graph"
)

// BatchOptions bound the batches of a BatchWriter; a batch is written when
// either bound is reached. Zero values take the defaults.
type BatchOptions struct {
	// Articles per batch (default 128).
	Articles int
	// Quads per batch (default 40,000).
	Quads int
}

// BatchWriter writes articles to a store several at a time: each batch of
// whole articles in one transaction (graph.Store.ReplaceBatch), so that
// commits are few and an interrupted build leaves every article either as
// it was or fully written. Not safe for concurrent use.
type BatchWriter struct {
	st      *graph.Store
	opt     BatchOptions
	pending []graph.Change
	done    []func(graph.Change)
	quads   int
}

// NewBatchWriter returns a writer to st.
func NewBatchWriter(st *graph.Store, opt BatchOptions) *BatchWriter {
	if opt.Articles <= 0 {
		opt.Articles = 128
	}
	if opt.Quads <= 0 {
		opt.Quads = 40000
	}
	return &BatchWriter{st: st, opt: opt}
}

// Replace queues a change (as graph.Store.Replace would make it) and writes
// the batch when it is full. done, if not nil, is called with the change,
// its Added and Deleted counts filled in, once its batch is written. A
// label already queued flushes the batch first (a batch names a label once).
func (w *BatchWriter) Replace(ctx context.Context, c graph.Change, done func(graph.Change)) error {
	for _, p := range w.pending {
		if p.Label == c.Label {
			if err := w.Flush(ctx); err != nil {
				return err
			}
			break
		}
	}
	w.pending = append(w.pending, c)
	w.done = append(w.done, done)
	w.quads += len(c.Quads)
	if len(w.pending) >= w.opt.Articles || w.quads >= w.opt.Quads {
		return w.Flush(ctx)
	}
	return nil
}

// Flush writes the queued changes, if any, in one transaction. On error
// none of them is written and they stay queued.
func (w *BatchWriter) Flush(ctx context.Context) error {
	if len(w.pending) == 0 {
		return nil
	}
	if err := w.st.ReplaceBatch(ctx, w.pending); err != nil {
		return err
	}
	for i, c := range w.pending {
		if w.done[i] != nil {
			w.done[i](c)
		}
	}
	clear(w.pending)
	w.pending, w.done, w.quads = w.pending[:0], w.done[:0], 0
	return nil
}

// Pending is how many changes are queued.
func (w *BatchWriter) Pending() int { return len(w.pending) }
