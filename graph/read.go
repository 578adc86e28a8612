package graph

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/shape"
	"github.com/cayleygraph/quad"
)

// reader looks quads up by (subject, predicate) and (object, predicate)
// through the backend's own indexes. Cayley's QuadIterator takes one
// direction only: for a node with thousands of quads (an official's <met>
// edges) that reads every one of them to keep a few. Cayley's kv backends
// keep the composite indexes (subject, predicate) and (object, predicate,
// subject) by default; a prefix scan of those reads only the quads wanted.
// Other backends fall back to one direction and a filter.
type reader struct {
	qs      cgraph.QuadStore
	kv      *kv.QuadStore // nil when not a kv backend or the indexes are missing
	sp, ops kv.QuadIndex
}

// newReader probes the store's indexes. Cayley's optimiser shows which
// index serves a filter on all of a quad's directions it names.
func newReader(qs cgraph.QuadStore) *reader {
	r := &reader{qs: qs}
	kq, ok := qs.(*kv.QuadStore)
	if !ok {
		return r
	}
	probe := func(dirs ...quad.Direction) (kv.QuadIndex, bool) {
		f := map[quad.Direction]cgraph.Ref{}
		for _, d := range dirs {
			f[d] = kv.Int64Value(1)
		}
		s, ok := kq.OptimizeShape(shape.QuadsAction{Filter: f})
		if !ok {
			return kv.QuadIndex{}, false
		}
		nf, ok := s.(shape.NodesFrom)
		if !ok {
			return kv.QuadIndex{}, false
		}
		scan, ok := nf.Quads.(kv.IndexScan)
		if !ok || len(scan.Index.Dirs) < 2 {
			return kv.QuadIndex{}, false
		}
		for i, d := range dirs[:2] {
			if scan.Index.Dirs[i] != d {
				return kv.QuadIndex{}, false
			}
		}
		return scan.Index, true
	}
	sp, ok1 := probe(quad.Subject, quad.Predicate)
	ops, ok2 := probe(quad.Object, quad.Predicate, quad.Subject)
	if ok1 && ok2 {
		r.kv, r.sp, r.ops = kq, sp, ops
	}
	return r
}

// outs returns the quads with subject node and predicate pred (any
// predicate when pred is nil).
func (r *reader) outs(ctx context.Context, node, pred cgraph.Ref) ([]cgraph.Ref, error) {
	return r.scan(ctx, quad.Subject, node, pred, r.sp)
}

// ins returns the quads with object node and predicate pred (any predicate
// when pred is nil).
func (r *reader) ins(ctx context.Context, node, pred cgraph.Ref) ([]cgraph.Ref, error) {
	return r.scan(ctx, quad.Object, node, pred, r.ops)
}

func (r *reader) scan(ctx context.Context, d quad.Direction, node, pred cgraph.Ref, ind kv.QuadIndex) ([]cgraph.Ref, error) {
	var out []cgraph.Ref
	err := r.each(ctx, d, node, pred, ind, func(q cgraph.Ref) { out = append(out, q) })
	return out, err
}

// each calls fn with every quad that has node in direction d and predicate
// pred (any predicate when pred is nil), read through index ind where the
// backend has it.
func (r *reader) each(ctx context.Context, d quad.Direction, node, pred cgraph.Ref, ind kv.QuadIndex, fn func(cgraph.Ref)) error {
	if node == nil {
		return nil
	}
	var it cgraph.Iterator
	filter := pred != nil
	if r.kv != nil {
		n, ok1 := node.(kv.Int64Value)
		p, ok2 := pred.(kv.Int64Value)
		switch {
		case ok1 && ok2:
			it, filter = kv.NewQuadIterator(r.kv, ind, []uint64{uint64(n), uint64(p)}), false
		case ok1 && pred == nil:
			it = kv.NewQuadIterator(r.kv, ind, []uint64{uint64(n)})
		}
	}
	if it == nil {
		it = r.qs.QuadIterator(d, node)
	}
	defer it.Close()
	var pk any
	if filter {
		pk = pred.Key()
	}
	for it.Next(ctx) {
		q := it.Result()
		if filter {
			if v := r.qs.QuadDirection(q, quad.Predicate); v == nil || v.Key() != pk {
				continue
			}
		}
		fn(q)
	}
	return it.Err()
}

func (r *reader) dir(q cgraph.Ref, d quad.Direction) cgraph.Ref {
	return r.qs.QuadDirection(q, d)
}

// refs resolves values to the store's references (nil for a value the
// store does not hold), in one read where the backend allows it.
func (r *reader) refs(ctx context.Context, vals ...quad.Value) ([]cgraph.Ref, error) {
	if r.kv != nil {
		out, err := r.kv.RefsOf(ctx, vals)
		if err != nil {
			return nil, err
		}
		for i, v := range out {
			if n, ok := v.(kv.Int64Value); ok && n == 0 {
				out[i] = nil
			}
		}
		return out, nil
	}
	out := make([]cgraph.Ref, len(vals))
	for i, v := range vals {
		out[i] = r.qs.ValueOf(v)
	}
	return out, nil
}

// names collects references and resolves them to values in one batch.
type names struct {
	pending []cgraph.Ref
	vals    map[any]quad.Value
}

func newNames() *names { return &names{vals: map[any]quad.Value{}} }

// want asks for ref's value at the next resolve.
func (n *names) want(ref cgraph.Ref) {
	if ref == nil {
		return
	}
	if _, ok := n.vals[ref.Key()]; ok {
		return
	}
	n.vals[ref.Key()] = nil
	n.pending = append(n.pending, ref)
}

// resolve fetches the values of every reference asked for, in parallel
// batches.
func (n *names) resolve(ctx context.Context, qs cgraph.QuadStore) error {
	const chunk = 64
	pending := n.pending
	vals := make([][]quad.Value, (len(pending)+chunk-1)/chunk)
	err := parallel(len(vals), 1, func(i int) error {
		refs := pending[i*chunk : min(len(pending), (i+1)*chunk)]
		var err error
		vals[i], err = cgraph.ValuesOf(ctx, qs, refs)
		return err
	})
	if err != nil {
		return err
	}
	for i, ref := range pending {
		n.vals[ref.Key()] = vals[i/chunk][i%chunk]
	}
	n.pending = n.pending[:0]
	return nil
}

// scan is one index lookup to run with others: the quads with subject
// node and predicate pred.
type scan struct {
	node, pred cgraph.Ref
	quads      []cgraph.Ref
}

// scans gathers lookups and runs them together.
type scans struct{ list []*scan }

// outs asks for the quads with subject node and predicate pred (any when
// nil).
func (b *scans) outs(node, pred cgraph.Ref) *scan {
	sc := &scan{node: node, pred: pred}
	b.list = append(b.list, sc)
	return sc
}

// run does the lookups asked for since the last run, on all cores: each
// is a read transaction of its own, and bolt's reads run in parallel.
func (b *scans) run(ctx context.Context, r *reader) error {
	list := b.list
	b.list = nil
	return parallel(len(list), 8, func(i int) error {
		sc := list[i]
		var err error
		sc.quads, err = r.outs(ctx, sc.node, sc.pred)
		return err
	})
}

// parallel calls fn(0) … fn(n-1) on up to GOMAXPROCS goroutines, with at
// least per calls each (serially when n is small), and returns the first
// error.
func parallel(n, per int, fn func(i int) error) error {
	workers := min(runtime.GOMAXPROCS(0), n/max(per, 1))
	if workers <= 1 {
		for i := range n {
			if err := fn(i); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		next  atomic.Int64
		wg    sync.WaitGroup
		once  sync.Once
		first error
	)
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
					next.Store(int64(n))
					return
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// of returns ref's value (nil when unknown or not resolved).
func (n *names) of(ref cgraph.Ref) quad.Value {
	if ref == nil {
		return nil
	}
	return n.vals[ref.Key()]
}
