package graph

import (
	"context"
	"errors"
	"sort"
	"strings"
	"time"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"
	"github.com/cayleygraph/quad"

	"github.com/dipgraph/dipgraph/schema"
)

// ErrTimeout is returned when a query runs past its time limit.
var ErrTimeout = errors.New("query stopped at the time limit")

// QueryResult is what a Gizmo query gives: the results in Cayley's JSON
// form, and whether the limit cut them.
type QueryResult struct {
	Results   []any `json:"result"`
	Truncated bool  `json:"truncated,omitempty"`
	Limit     int   `json:"limit,omitempty"`
	// CutBytes, when not 0, is the size in bytes at which the results'
	// JSON was cut (GizmoIsolated).
	CutBytes int64 `json:"cut_bytes,omitempty"`
	// MaxRSS is the most memory the query's process held, in bytes
	// (GizmoIsolated; 0 in process).
	MaxRSS int64 `json:"-"`
}

// Gizmo runs a Gizmo query with a new session, in this process. At most
// limit results are returned (limit ≤ 0: no limit); Truncated tells
// whether there were more. The context's deadline stops a query that runs
// away between the engine's instructions; a query that overflows the stack
// or fills memory takes the process down with it, so untrusted queries go
// through GizmoIsolated (worker.go).
func (s *Store) Gizmo(ctx context.Context, q string, limit int) (_ *QueryResult, err error) {
	defer s.guard(&err)()
	res := &QueryResult{Results: []any{}, Limit: limit}
	ran, truncated, err := s.gizmoEach(ctx, q, limit, func(v any) error {
		res.Results = append(res.Results, v)
		return nil
	})
	if !ran {
		return nil, err
	}
	res.Truncated = truncated
	return res, err
}

// gizmoEach runs a Gizmo query and gives each result to emit, at most
// limit of them (limit ≤ 0: all); truncated tells whether there were more.
// ran is false when the query did not compile. emit's error stops the
// query.
func (s *Store) gizmoEach(ctx context.Context, q string, limit int, emit func(any) error) (ran, truncated bool, err error) {
	ses := gizmo.NewSession(s.qs)
	opt := query.Options{Collation: query.JSON}
	if limit > 0 {
		opt.Limit = limit + 1
	}
	it, err := ses.Execute(ctx, q, opt)
	if err != nil {
		return false, false, err
	}
	defer func() {
		// Stop the script and wait (briefly) for its goroutine to leave
		// the store: closing a bolt store under a running read deadlocks.
		// A scan that does not look at its context may outlast the wait;
		// CloseWithin covers that case.
		it.Close()
		done := make(chan struct{})
		go func() {
			for it.Next(context.Background()) {
			}
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(2 * time.Second):
		}
	}()
	n := 0
	for it.Next(ctx) {
		v := it.Result()
		if v == nil {
			continue
		}
		if limit > 0 && n == limit {
			truncated = true
			break
		}
		if err := emit(v); err != nil {
			return true, truncated, err
		}
		n++
	}
	if err := it.Err(); err != nil {
		if errors.Is(err, context.DeadlineExceeded) {
			return true, truncated, ErrTimeout
		}
		return true, truncated, err
	}
	if ctx.Err() != nil && errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return true, truncated, ErrTimeout
	}
	return true, truncated, nil
}

// Official is an official as the store knows it.
type Official struct {
	ID          string `json:"id"`
	Name        string `json:"name"`
	Country     string `json:"country,omitempty"`
	Provisional bool   `json:"provisional,omitempty"`
}

// FindOfficials returns the officials whose name, alias or surname has the
// same key as name (case, diacritics, spaces and hyphens aside).
func (s *Store) FindOfficials(ctx context.Context, name string) (_ []Official, err error) {
	defer s.guard(&err)()
	r := s.read()
	p, refs, err := s.predicates(ctx, quad.String(schema.NameKey(name)), iri(schema.PredKey))
	if err != nil || refs[0] == nil || refs[1] == nil {
		return nil, err
	}
	qs, err := r.ins(ctx, refs[0], refs[1])
	if err != nil {
		return nil, err
	}
	var b scans
	offs := newOfficials(r, p, &b)
	for _, q := range qs {
		offs.add(r.dir(q, quad.Subject))
	}
	if err := b.run(ctx, r); err != nil {
		return nil, err
	}
	n := newNames()
	offs.collect(n)
	if err := n.resolve(ctx, s.qs); err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []Official
	for _, q := range qs {
		o := offs.official(n, r.dir(q, quad.Subject))
		if o.ID != "" && !seen[o.ID] {
			seen[o.ID] = true
			out = append(out, o)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func iriText(v quad.Value) string {
	if i, ok := v.(quad.IRI); ok {
		return string(i)
	}
	return lit(v)
}

// lit returns the text of a literal (or IRI) without quotes or type.
func lit(v quad.Value) string {
	switch t := v.(type) {
	case quad.String:
		return string(t)
	case quad.TypedString:
		return string(t.Value)
	case quad.LangString:
		return string(t.Value)
	case quad.IRI:
		return string(t)
	case nil:
		return ""
	}
	return quad.StringOf(v)
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// FormatDate strips Cayley's typed-literal wrapping from a date value.
func FormatDate(v string) string {
	if i := strings.Index(v, `"^^`); i > 0 && strings.HasPrefix(v, `"`) {
		return v[1:i]
	}
	return v
}
