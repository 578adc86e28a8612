package pipeline

import (
	"context"
	"fmt"

	"github.com/dipgraph/dipgraph/graph"
)

// BatchOptions bound the batches of a BatchWriter; a batch is written when
// either bound is reached. Zero values take the defaults.
type BatchOptions struct {
	// Articles per batch (default 32).
	Articles int
	// Quads per batch (default 10,000). Every page of a bolt store that
	// one transaction touches stays mapped in the process until the write
	// ends (graph's mapped-page release): smaller batches keep the
	// resident set of a build of 100,000 articles under 1 GiB, for a few
	// more commits.
	Quads int
}

// BatchWriter writes articles to a store several at a time: each batch of
// whole articles in one transaction (graph.Store.ReplaceBatch), so that
// commits are few and an interrupted build leaves every article either as
// it was or fully written. A full batch is written by a goroutine of the
// writer while the caller goes on extracting; at most two batches wait
// behind it, so memory stays bounded. Methods are not safe for concurrent
// use; done callbacks run on the caller's goroutine, inside Replace, Flush
// and Stop.
type BatchWriter struct {
	st      *graph.Store
	opt     BatchOptions
	pending *batch
	queue   chan *batch // to the writing goroutine
	written chan *batch // back from it, written or failed
	queued  int         // batches sent and not yet back
	err     error       // the first failure; nothing is written after it
}

// batch is a group of changes written in one transaction.
type batch struct {
	ctx     context.Context
	changes []graph.Change
	done    []func(graph.Change)
	quads   int
	err     error
}

// NewBatchWriter returns a writer to st. Stop it when done.
func NewBatchWriter(st *graph.Store, opt BatchOptions) *BatchWriter {
	if opt.Articles <= 0 {
		opt.Articles = 32
	}
	if opt.Quads <= 0 {
		opt.Quads = 10000
	}
	return &BatchWriter{st: st, opt: opt, pending: &batch{}}
}

// Replace queues a change (as graph.Store.Replace would make it); a full
// batch is handed to the writing goroutine. done, if not nil, is called with
// the change, its Added and Deleted counts filled in, once its batch is
// written. A label already pending starts a new batch (a batch names a
// label once). The error is that of an earlier batch, if one failed.
func (w *BatchWriter) Replace(ctx context.Context, c graph.Change, done func(graph.Change)) error {
	w.collect(false)
	if w.err != nil {
		return w.err
	}
	for _, p := range w.pending.changes {
		if p.Label == c.Label {
			w.send(ctx)
			break
		}
	}
	b := w.pending
	b.changes = append(b.changes, c)
	b.done = append(b.done, done)
	b.quads += len(c.Quads)
	if len(b.changes) >= w.opt.Articles || b.quads >= w.opt.Quads {
		w.send(ctx)
	}
	return w.err
}

// Flush writes every queued change and waits until all are written. It
// returns the first error of any batch: the batches before it are written,
// it and those after are not.
func (w *BatchWriter) Flush(ctx context.Context) error {
	if w.err == nil && len(w.pending.changes) > 0 {
		w.send(ctx)
	}
	for w.queued > 0 {
		w.collect(true)
	}
	return w.err
}

// Stop drops the changes not yet handed over, waits for the batches being
// written and ends the writing goroutine. It returns the first error.
func (w *BatchWriter) Stop() error {
	w.pending = &batch{}
	for w.queued > 0 {
		w.collect(true)
	}
	if w.queue != nil {
		close(w.queue)
		w.queue = nil
	}
	return w.err
}

// send hands the pending batch to the writing goroutine, starting it on
// first use. It blocks while the goroutine is busy and two batches wait.
func (w *BatchWriter) send(ctx context.Context) {
	if len(w.pending.changes) == 0 {
		return
	}
	if w.queue == nil {
		w.queue = make(chan *batch, 1)
		w.written = make(chan *batch, 3)
		go write(w.st, w.queue, w.written)
	}
	b := w.pending
	b.ctx = ctx
	w.pending = &batch{}
	for w.queued >= 2 {
		w.collect(true)
	}
	w.queue <- b
	w.queued++
}

// collect takes back written batches (waiting for one when wait is set)
// and calls their done callbacks.
func (w *BatchWriter) collect(wait bool) {
	for w.queued > 0 {
		var b *batch
		if wait {
			b = <-w.written
		} else {
			select {
			case b = <-w.written:
			default:
				return
			}
		}
		w.queued--
		wait = false
		if b.err != nil {
			if w.err == nil {
				w.err = b.err
			}
			continue
		}
		for i, c := range b.changes {
			if b.done[i] != nil {
				b.done[i](c)
			}
		}
	}
}

// write is the writing goroutine: batches in order, each in one
// transaction; after a failure the rest are returned unwritten.
func write(st *graph.Store, queue <-chan *batch, written chan<- *batch) {
	var failed error
	for b := range queue {
		switch {
		case failed != nil:
			b.err = failed
		case b.ctx.Err() != nil:
			b.err = b.ctx.Err()
		default:
			if err := st.ReplaceBatch(b.ctx, b.changes); err != nil {
				b.err = fmt.Errorf("write batch of %d articles: %w", len(b.changes), err)
			}
		}
		if b.err != nil && failed == nil {
			failed = b.err
		}
		written <- b
	}
}
